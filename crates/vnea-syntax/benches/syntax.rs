//! Throughput of lexing, lexing + parsing, and formatting, on a synthetic agency file.
//! Run with `cargo bench -p vnea-syntax`; criterion prints MB/s.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn syntax(c: &mut Criterion) {
    // About 1 MB: 5,000 elements in realistic proportions.
    let text = vnea_synth::single_file(5_000, 42);
    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("lex", |b| b.iter(|| vnea_syntax::lex(black_box(&text))));
    group.bench_function("lex+parse", |b| {
        b.iter(|| vnea_syntax::parse(black_box(&text)))
    });
    group.bench_function("format", |b| {
        b.iter(|| vnea_syntax::format::format(black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, syntax);
criterion_main!(benches);
