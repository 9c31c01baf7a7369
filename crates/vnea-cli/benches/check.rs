//! Wall time of `vnea check` on 100 synthetic agencies × 1,000 elements (about 20 MB,
//! 520k lines, 1,100 files), run as a user runs it: the release binary on a directory.
//! `cargo bench -p vnea-cli` prints the median.

use std::process::{Command, Stdio};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn check(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let stats = vnea_synth::write_workspace(dir.path(), 100, 1_000, 1).expect("workspace");
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(stats.bytes));
    group.bench_function("100 agencies x 1000 elements", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_vnea"))
                .arg("check")
                .arg(dir.path())
                .stdout(Stdio::null())
                .status()
                .expect("vnea runs");
            assert_eq!(
                status.code(),
                Some(0),
                "the synthetic workspace checks clean"
            );
        })
    });
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
