//! The analyzer never panics: on any text, in any number of files, every diagnostic lies on
//! character boundaries of its file, and its related locations and fixes do too.

use proptest::prelude::*;
use vnea_analysis::{AnalysisHost, Config, Framework, Lang};

/// Pieces of vnea text: kinds, properties, references into the packs, broken syntax.
const FRAGMENTS: &[&str] = &[
    "architecture ",
    "application ",
    "database ",
    "platform ",
    "service ",
    "project ",
    "control ",
    "network ",
    "infrastructure ",
    "channel ",
    "actor ",
    "principle ",
    "category ",
    "extend ",
    "refmodel ",
    "a ",
    "b ",
    "dân_cư ",
    "da\u{302}n_cu\u{31b} ",
    "x.y ",
    "national.ngsp ",
    "national.dan_cu ",
    "national.tslcd ",
    "ARM.dung_chung ",
    "BRM ",
    "BRM.dich_vu_cong ",
    "\"Tiêu đề 😀\" ",
    "{ ",
    "} ",
    "[ ",
    "] ",
    ": ",
    ", ",
    "-> ",
    "\n",
    "\r\n",
    "\r",
    "type: lgsp ",
    "type: dedicated ",
    "level: province ",
    "security_level: 3 ",
    "security_level: 9 ",
    "period: 2021..2025 ",
    "period: 2030..2020 ",
    "depends_on: [a, b] ",
    "via: a ",
    "network: b ",
    "arm: BRM.dich_vu_cong ",
    "owner: \"x\" ",
    "framework: \"2.0\" ",
    "online_level: 4 ",
    "mode: full ",
    "covers: [a] ",
    "delivers: [b] ",
    "@",
    "\"",
    "/* ",
    "// c\n",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn analysis_never_panics(files in prop::collection::vec(text(), 1..4), v3 in any::<bool>()) {
        let config = Config {
            framework: if v3 { Framework::V3_0 } else { Framework::V2_0 },
            language: Lang::En,
            ..Config::default()
        };
        let mut host = AnalysisHost::new(config, Vec::new());
        for (i, text) in files.iter().enumerate() {
            host.set_file(&format!("f{i}.vnea"), text.clone());
        }
        let all = host.analysis().all_diagnostics().expect("not cancelled");
        for (path, diagnostics) in &all {
            let index: usize = path[1..path.len() - 5].parse().unwrap();
            let text = &files[index];
            for d in diagnostics {
                prop_assert!(d.span.end <= text.len());
                prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
                for fix in &d.fixes {
                    for edit in &fix.edits {
                        prop_assert!(text.is_char_boundary(edit.span.start));
                        prop_assert!(text.is_char_boundary(edit.span.end));
                    }
                }
            }
        }
    }
}
