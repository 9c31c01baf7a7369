//! Determinism, proportions, name uniqueness, file layout and output sizes of the generator.

use std::collections::BTreeSet;
use vnea_synth::{
    AgencySpec, Kind, Stats, VNEA_TOML, agency_files, kind_counts, relation_count, single_file,
    write_workspace,
};

/// Declarations of `kind` in `text`, by line prefix (nested ones are indented).
fn count_decls(text: &str, kind: Kind) -> usize {
    let prefix = format!("{} ", kind.keyword());
    text.lines()
        .filter(|l| l.trim_start().starts_with(&prefix))
        .count()
}

/// Relations in `text`: lines that start with a path followed by `->`.
fn count_relations(text: &str) -> usize {
    text.lines()
        .filter(|l| {
            !l.starts_with(' ') && !l.starts_with('/') && l.split_whitespace().nth(1) == Some("->")
        })
        .count()
}

/// Every declared name: the word after the kind keyword.
fn declared_names(text: &str) -> Vec<String> {
    let kinds: Vec<&str> = Kind::ALL
        .iter()
        .map(|k| k.keyword())
        .chain(["architecture"])
        .collect();
    text.lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let kind = words.next()?;
            kinds
                .contains(&kind)
                .then(|| words.next().map(str::to_string))?
        })
        .collect()
}

fn all_text(files: &[(String, String)]) -> String {
    files
        .iter()
        .filter(|(p, _)| p.ends_with(".vnea"))
        .map(|(_, t)| t.as_str())
        .collect()
}

#[test]
fn deterministic() {
    for (i, n) in [(0, 1000), (1, 1000), (7, 37)] {
        let spec = AgencySpec::numbered(i, n, 42);
        assert_eq!(agency_files(&spec), agency_files(&spec));
    }
    assert_eq!(single_file(500, 9), single_file(500, 9));
    assert_ne!(single_file(500, 9), single_file(500, 10));
    assert_ne!(
        agency_files(&AgencySpec::numbered(0, 300, 1)),
        agency_files(&AgencySpec::numbered(0, 300, 2))
    );
    // Same agency in different-sized sets: the seed depends only on (seed, index).
    assert_eq!(
        AgencySpec::numbered(3, 10, 5),
        AgencySpec::numbered(3, 10, 5)
    );
}

#[test]
fn write_workspace_is_byte_identical_and_matches_agency_files() {
    let base = std::env::temp_dir().join(format!("vnea-synth-test-{}", std::process::id()));
    let (a, b) = (base.join("a"), base.join("b"));
    let sa = write_workspace(&a, 3, 150, 7).unwrap();
    let sb = write_workspace(&b, 3, 150, 7).unwrap();
    assert_eq!(sa, sb);
    let mut expected = Stats::default();
    for i in 0..3 {
        let files = agency_files(&AgencySpec::numbered(i, 150, 7));
        expected.merge(&Stats::of_agency(&files));
        for (path, text) in &files {
            let pa = std::fs::read(a.join(format!("agency_{i:03}")).join(path)).unwrap();
            let pb = std::fs::read(b.join(format!("agency_{i:03}")).join(path)).unwrap();
            assert_eq!(pa, text.as_bytes());
            assert_eq!(pa, pb);
        }
        let on_disk = std::fs::read_dir(a.join(format!("agency_{i:03}")))
            .unwrap()
            .count();
        assert_eq!(on_disk, files.len());
    }
    assert_eq!(sa, expected);
    assert_eq!(sa.agencies, 3);
    // Regenerating smaller removes the stale parts.
    write_workspace(&a, 1, 20, 7).unwrap();
    let left = std::fs::read_dir(a.join("agency_000")).unwrap().count();
    assert_eq!(left, agency_files(&AgencySpec::numbered(0, 20, 7)).len());
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn proportions_for_1000_elements() {
    let counts = kind_counts(1000);
    for (kind, n) in counts {
        assert_eq!(n, kind.percent() * 10, "{kind:?}");
    }
    assert_eq!(relation_count(1000), 100);
    for i in [0, 1, 2] {
        let files = agency_files(&AgencySpec::numbered(i, 1000, 3));
        let text = all_text(&files);
        for (kind, n) in counts {
            assert_eq!(count_decls(&text, kind), n, "{kind:?} in agency {i}");
        }
        assert_eq!(count_decls(&text, Kind::Application), 150);
        assert_eq!(
            text.lines()
                .filter(|l| l.starts_with("architecture "))
                .count(),
            1
        );
        assert_eq!(count_relations(&text), 100);
        // Nesting: some sub-systems, sub-processes, nested databases and servers.
        assert!(
            text.lines()
                .filter(|l| l.starts_with("  application "))
                .count()
                >= 10
        );
        assert!(text.lines().filter(|l| l.starts_with("  process ")).count() >= 3);
        assert!(
            text.lines()
                .filter(|l| l.starts_with("  database "))
                .count()
                >= 3
        );
        assert!(
            text.lines()
                .filter(|l| l.starts_with("  infrastructure "))
                .count()
                >= 1
        );
        // At least one LGSP, connected to NGSP; some doc comments, text blocks, ranges, lists.
        assert!(text.contains("type: lgsp"));
        assert!(text.contains(" -> national.ngsp "));
        assert!(
            text.lines()
                .filter(|l| l.trim_start().starts_with("/// "))
                .count()
                > 100
        );
        assert!(text.matches("\"\"\"").count() > 20);
        assert!(text.contains("period: 20"));
        assert!(text.contains("depends_on: ["));
        assert!(text.contains("\\\"") && text.contains("\\\\"));
    }
}

#[test]
fn proportions_hold_at_other_sizes() {
    for n in [100usize, 250, 999, 5000] {
        let counts = kind_counts(n);
        assert_eq!(counts.iter().map(|c| c.1).sum::<usize>(), n);
        for (kind, c) in counts {
            let ideal = (n * kind.percent()) as f64 / 100.0;
            assert!(
                (c as f64 - ideal).abs() <= 1.0,
                "{kind:?}: {c} vs {ideal} for n = {n}"
            );
        }
        let text = all_text(&agency_files(&AgencySpec::numbered(0, n, 1)));
        for (kind, c) in counts {
            assert_eq!(count_decls(&text, kind), c, "{kind:?}, n = {n}");
        }
        assert_eq!(count_relations(&text), relation_count(n));
    }
}

#[test]
fn names_are_unique_per_agency() {
    for (i, n) in [(0, 1000), (1, 1000), (2, 3000), (3, 15)] {
        let text = all_text(&agency_files(&AgencySpec::numbered(i, n, 1)));
        let names = declared_names(&text);
        assert_eq!(names.len(), n + 1, "n = {n}");
        let unique: BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "duplicate names for n = {n}");
        assert!(
            names
                .iter()
                .all(|s| !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit()))
        );
    }
    // A few names carry Vietnamese letters.
    let text = all_text(&agency_files(&AgencySpec::numbered(0, 1000, 1)));
    let vietnamese = declared_names(&text)
        .into_iter()
        .filter(|s| !s.is_ascii())
        .count();
    assert!(
        (10..200).contains(&vietnamese),
        "{vietnamese} Vietnamese names"
    );
}

#[test]
fn layout_of_an_agency() {
    let files = agency_files(&AgencySpec::numbered(0, 1000, 1));
    assert_eq!(files[0], ("vnea.toml".to_string(), VNEA_TOML.to_string()));
    assert_eq!(VNEA_TOML, "[workspace]\nframework = \"2.0\"\n");
    let vnea: Vec<&str> = files.iter().skip(1).map(|(p, _)| p.as_str()).collect();
    assert!(
        vnea.iter()
            .all(|p| p.ends_with(".vnea") && !p.contains('/'))
    );
    // Roughly one file per 100–150 elements.
    assert!((7..=11).contains(&vnea.len()), "{vnea:?}");
    for component in [
        "architecture",
        "business",
        "data",
        "application",
        "technology",
        "security",
        "roadmap",
    ] {
        assert!(
            vnea.iter().any(|p| p.starts_with(component)),
            "{component} missing in {vnea:?}"
        );
    }
    let arch = &files
        .iter()
        .find(|(p, _)| p == "architecture.vnea")
        .unwrap()
        .1;
    assert!(arch.contains("architecture kien_truc "));
    for key in [
        "level:",
        "agency:",
        "framework: \"2.0\"",
        "period:",
        "vision:",
        "objectives:",
        "scope:",
        "principles:",
    ] {
        assert!(arch.contains(key), "{key}");
    }
    // The single file holds the same declarations.
    let single = single_file(1000, 1);
    assert_eq!(declared_names(&single), declared_names(&all_text(&files)));
}

#[test]
fn sizes_extrapolate_to_the_benchmark_target() {
    // 100 agencies × 1000 elements should be about 20 MB and 520k lines. Measure a sample of agencies and
    // extrapolate.
    let mut stats = Stats::default();
    let sample = 8;
    for i in 0..sample {
        stats.merge(&Stats::of_agency(&agency_files(&AgencySpec::numbered(
            i * 12,
            1000,
            1,
        ))));
    }
    let per_agency_bytes = stats.bytes as f64 / sample as f64;
    let per_agency_lines = stats.lines as f64 / sample as f64;
    let total_bytes = per_agency_bytes * 100.0;
    let total_lines = per_agency_lines * 100.0;
    let bytes_per_element = per_agency_bytes / 1000.0;
    let lines_per_element = per_agency_lines / 1000.0;
    let bytes_per_line = per_agency_bytes / per_agency_lines;
    eprintln!(
        "extrapolated 100 × 1000: {total_bytes:.0} bytes, {total_lines:.0} lines; per element {bytes_per_element:.1} bytes, {lines_per_element:.2} lines; {bytes_per_line:.1} bytes/line"
    );
    assert!((18.0e6..=22.0e6).contains(&total_bytes), "{total_bytes}");
    assert!((480e3..=560e3).contains(&total_lines), "{total_lines}");
    assert!(
        (180.0..=220.0).contains(&bytes_per_element),
        "{bytes_per_element}"
    );
    assert!(
        (4.8..=5.6).contains(&lines_per_element),
        "{lines_per_element}"
    );
    assert!((33.0..=45.0).contains(&bytes_per_line), "{bytes_per_line}");
    // Size grows linearly with the element count.
    let small = Stats::of_agency(&agency_files(&AgencySpec::numbered(0, 2000, 1)));
    let ratio = small.bytes as f64 / per_agency_bytes;
    assert!((1.8..=2.2).contains(&ratio), "{ratio}");
}
