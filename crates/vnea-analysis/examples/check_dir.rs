//! Prints the diagnostics of the `.vnea` files of one directory (no discovery, no vnea.toml):
//! `cargo run -p vnea-analysis --example check_dir DIR [3.0]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: check_dir DIR [2.0|3.0]");
    let mut config = vnea_analysis::Config {
        language: vnea_analysis::Lang::En,
        ..Default::default()
    };
    if let Some(version) = args.next() {
        config.framework = version.parse().expect("2.0 or 3.0");
    }
    let mut host = vnea_analysis::AnalysisHost::new(config, Vec::new());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "vnea"))
        .collect();
    paths.sort();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("UTF-8");
        host.set_file(&path.display().to_string(), text);
    }
    let analysis = host.analysis();
    for (path, diagnostics) in analysis.all_diagnostics().expect("not cancelled") {
        for d in diagnostics {
            println!("{path}:{:?} {} {}", d.span, d.rule.name(), d.message);
        }
    }
    for (path, diagnostics) in analysis.pack_diagnostics().expect("not cancelled") {
        for d in diagnostics {
            println!("PACK {path}:{:?} {} {}", d.span, d.rule.name(), d.message);
        }
    }
}
