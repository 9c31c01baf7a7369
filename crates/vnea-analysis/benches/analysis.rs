//! The analyzer on synthetic workspaces: a full analysis of one agency of 10,000 elements,
//! and re-analysis after an edit to one of its files through `AnalysisHost` (what the
//! language server does on every keystroke). `cargo bench -p vnea-analysis` prints medians.

use criterion::{Criterion, criterion_group, criterion_main};
use vnea_analysis::{AnalysisHost, Config};
use vnea_synth::AgencySpec;

fn workspace() -> Vec<(String, String)> {
    vnea_synth::agency_files(&AgencySpec::numbered(0, 10_000, 7))
        .into_iter()
        .filter(|(path, _)| path.ends_with(".vnea"))
        .collect()
}

fn analysis(c: &mut Criterion) {
    let files = workspace();
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    group.bench_function("full, 10k elements", |b| {
        b.iter(|| {
            let mut host = AnalysisHost::new(Config::default(), Vec::new());
            for (path, text) in &files {
                host.set_file(path, text.clone());
            }
            host.analysis()
                .all_diagnostics()
                .expect("not cancelled")
                .len()
        })
    });
    group.finish();

    let mut host = AnalysisHost::new(Config::default(), Vec::new());
    for (path, text) in &files {
        host.set_file(path, text.clone());
    }
    host.analysis().all_diagnostics().expect("not cancelled");
    // Edit a string inside a declaration body of the largest file, back and forth.
    let (path, text) = files
        .iter()
        .max_by_key(|(_, text)| text.len())
        .expect("a file");
    let at = text.find("owner: \"").expect("an owner") + "owner: \"".len();
    let edited = format!("{}X{}", &text[..at], &text[at..]);
    let mut flip = false;
    c.bench_function("re-analysis after an edit, 10k elements", |b| {
        b.iter(|| {
            flip = !flip;
            host.set_file(path, if flip { edited.clone() } else { text.clone() });
            host.analysis()
                .all_diagnostics()
                .expect("not cancelled")
                .len()
        })
    });
}

criterion_group!(benches, analysis);
criterion_main!(benches);
