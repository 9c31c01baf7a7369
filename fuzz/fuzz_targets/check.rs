//! The analyzer never panics on any file: every diagnostic lies on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnea_analysis::{AnalysisHost, Config};

fuzz_target!(|text: &str| {
    let mut host = AnalysisHost::new(Config::default(), Vec::new());
    host.set_file("a.vnea", text.to_owned());
    let all = host.analysis().all_diagnostics().expect("no concurrent change");
    for diagnostic in &all[0].1 {
        assert!(text.is_char_boundary(diagnostic.span.start));
        assert!(text.is_char_boundary(diagnostic.span.end));
    }
});
