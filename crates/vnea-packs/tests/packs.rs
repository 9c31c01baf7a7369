//! The built-in packs: every file parses and is formatted canonically; every declaration carries
//! its provenance; the ids of `tests/ids.txt` exist in exactly the versions listed there, and
//! nothing else does; the national components have the kind, type and owner of
//! `tests/national.txt`. The outline of each pack is an insta snapshot, for review.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

use vnea_packs::{Framework, PackFile, builtin};
use vnea_syntax::ast::{Declaration, Item, Value};
use vnea_syntax::comments::doc_text;

/// One declaration of a pack, at any depth.
struct Node {
    /// The dotted id: `DRM.kinh_te.ho_tro_doanh_nghiep`.
    id: String,
    /// The file it is declared in.
    file: String,
    kind: String,
    title: Option<String>,
    /// Its properties, by name, each with how often it is written.
    properties: BTreeMap<String, (Value, usize)>,
    /// Whether it is a top-level declaration.
    top_level: bool,
    /// Its `///` documentation.
    doc: Option<String>,
}

impl Node {
    fn string(&self, name: &str) -> Option<&str> {
        match self.properties.get(name) {
            Some((Value::String(s), _)) => Some(&s.value),
            _ => None,
        }
    }

    /// A property whose value is a one-segment path, such as `status: issued`.
    fn word(&self, name: &str) -> Option<&str> {
        match self.properties.get(name) {
            Some((Value::Path(p), _)) if p.segments.len() == 1 => Some(&p.segments[0].text),
            _ => None,
        }
    }
}

/// Every declaration of the pack of `framework`, in source order (files by path).
fn nodes(framework: Framework) -> Vec<Node> {
    let mut out = Vec::new();
    for file in builtin(framework) {
        let parse = vnea_syntax::parse(&file.text);
        assert!(parse.errors.is_empty(), "{}: {:?}", file.path, parse.errors);
        for item in &parse.file.items {
            match item {
                Item::Declaration(d) => {
                    let doc = doc_text(&file.text, &parse.comments, d.span);
                    walk(&file, d, None, doc, &mut out);
                }
                other => panic!(
                    "{}: a pack file holds only declarations: {other:?}",
                    file.path
                ),
            }
        }
    }
    out
}

fn walk(
    file: &PackFile,
    d: &Declaration,
    parent: Option<&str>,
    doc: Option<String>,
    out: &mut Vec<Node>,
) {
    assert_eq!(
        d.name.segments.len(),
        1,
        "{}: dotted declaration name",
        file.path
    );
    let name = d.name.segments[0].name().into_owned();
    let id = match parent {
        Some(parent) => format!("{parent}.{name}"),
        None => name,
    };
    let mut properties: BTreeMap<String, (Value, usize)> = BTreeMap::new();
    let mut children = Vec::new();
    for item in d.block.iter().flat_map(|b| &b.items) {
        match item {
            Item::Property(p) => {
                properties
                    .entry(p.name.name().into_owned())
                    .or_insert_with(|| (p.value.clone(), 0))
                    .1 += 1;
            }
            Item::Declaration(child) => children.push(child),
            other => panic!("{}: {id}: unexpected item {other:?}", file.path),
        }
    }
    out.push(Node {
        id: id.clone(),
        file: file.path.clone(),
        kind: d.kind.name().into_owned(),
        title: d.title.as_ref().map(|t| t.value.to_string()),
        properties,
        top_level: parent.is_none(),
        doc,
    });
    for child in children {
        walk(file, child, Some(&id), None, out);
    }
}

/// Lines of a fixture file without comments and blank lines.
fn fixture(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn builtin_files_are_the_pack_directories() {
    for framework in Framework::ALL {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("packs")
            .join(framework.as_str());
        let on_disk: BTreeMap<String, String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (
                    format!("builtin/{framework}/{name}"),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        let compiled: BTreeMap<String, String> = builtin(framework)
            .into_iter()
            .map(|f| (f.path, f.text.into_owned()))
            .collect();
        assert_eq!(
            compiled, on_disk,
            "the file list of framework {framework} in lib.rs"
        );
        let names: Vec<&str> = compiled
            .keys()
            .map(|p| p.rsplit('/').next().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "arm.vnea",
                "brm.vnea",
                "drm.vnea",
                "framework.vnea",
                "national.vnea",
                "srm.vnea",
                "trm.vnea"
            ]
        );
    }
}

#[test]
fn every_file_parses_and_is_formatted() {
    for framework in Framework::ALL {
        for file in builtin(framework) {
            let parse = vnea_syntax::parse(&file.text);
            assert!(parse.errors.is_empty(), "{}: {:?}", file.path, parse.errors);
            let formatted = vnea_syntax::format::format(&file.text).unwrap();
            assert!(
                formatted == file.text,
                "{} is not formatted (run `vnea fmt`)",
                file.path
            );
        }
    }
}

fn is_code(code: &str) -> bool {
    let b = code.as_bytes();
    let upper3 = |s: &[u8]| s.iter().all(u8::is_ascii_uppercase);
    let digits3 = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    match b.len() {
        6 => upper3(&b[..3]) && digits3(&b[3..]),
        10 => upper3(&b[..3]) && digits3(&b[3..6]) && b[6] == b'.' && digits3(&b[7..]),
        _ => false,
    }
}

#[test]
fn code_pattern() {
    for good in ["DRM001", "DRM001.002", "ABC999"] {
        assert!(is_code(good), "{good}");
    }
    for bad in [
        "",
        "DRM01",
        "DRM0001",
        "drm001",
        "DRM001.",
        "DRM001.02",
        "DRM001-002",
        "DRM001.0020",
        "DR1001",
    ] {
        assert!(!is_code(bad), "{bad}");
    }
}

#[test]
fn every_declaration_carries_its_provenance() {
    const KNOWN: &[&str] = &[
        "code",
        "description",
        "owner",
        "source",
        "status",
        "type",
        "version",
    ];
    for framework in Framework::ALL {
        for node in nodes(framework) {
            let at = format!("{framework} {}: {}", node.file, node.id);
            for (name, (_, count)) in &node.properties {
                assert_eq!(*count, 1, "{at}: `{name}` written {count} times");
                assert!(
                    KNOWN.contains(&name.as_str()),
                    "{at}: unexpected property `{name}`"
                );
            }
            let source = node
                .string("source")
                .unwrap_or_else(|| panic!("{at}: no `source` string"));
            assert!(!source.trim().is_empty(), "{at}: empty `source`");
            let status = node
                .word("status")
                .unwrap_or_else(|| panic!("{at}: no `status` word"));
            assert!(
                ["issued", "draft", "derived"].contains(&status),
                "{at}: status `{status}`"
            );
            if let Some((value, _)) = node.properties.get("code") {
                assert!(status != "derived", "{at}: a derived node has a `code`");
                let Value::String(code) = value else {
                    panic!("{at}: `code` is not a string")
                };
                assert!(is_code(&code.value), "{at}: code {:?}", code.value);
            }
            if status == "derived" {
                let description = node.string("description").unwrap_or_default();
                assert!(
                    description.contains("do vnea suy ra")
                        && description.contains("không phải hạng mục chính thức"),
                    "{at}: a derived node's description says it is derived by vnea, not official"
                );
            }
            let title = node
                .title
                .as_deref()
                .unwrap_or_else(|| panic!("{at}: no title"));
            assert!(
                title.chars().next().is_some_and(char::is_uppercase),
                "{at}: title {title:?} does not start with a capital"
            );
            assert_eq!(
                title.trim(),
                title,
                "{at}: title has surrounding whitespace"
            );
            if node.top_level {
                assert!(
                    node.doc.is_some(),
                    "{at}: top-level declaration without `///` documentation"
                );
            }
        }
    }
}

#[test]
fn kinds_and_nesting() {
    for framework in Framework::ALL {
        let nodes = nodes(framework);
        let top: Vec<(&str, &str)> = nodes
            .iter()
            .filter(|n| n.top_level)
            .map(|n| (n.kind.as_str(), n.id.as_str()))
            .collect();
        assert_eq!(
            top,
            [
                ("refmodel", "ARM"),
                ("refmodel", "BRM"),
                ("refmodel", "DRM"),
                ("framework", "vneaf"),
                ("category", "national"),
                ("refmodel", "SRM"),
                ("refmodel", "TRM"),
            ],
            "top-level declarations of {framework}, files by path"
        );
        for node in &nodes {
            if !node.top_level && !node.id.starts_with("national.") {
                assert_eq!(node.kind, "category", "{framework} {}", node.id);
            }
            if ["BRM", "DRM", "ARM", "TRM", "SRM", "vneaf"].contains(&node.id.as_str()) {
                assert_eq!(
                    node.word("status"),
                    Some("issued"),
                    "{framework} {}",
                    node.id
                );
            }
        }
        let framework_node = nodes.iter().find(|n| n.id == "vneaf").unwrap();
        assert_eq!(framework_node.string("version"), Some(framework.as_str()));
    }
}

/// `tests/ids.txt`: each id with the versions it exists in.
fn expected_ids() -> BTreeMap<String, BTreeSet<Framework>> {
    let mut out = BTreeMap::new();
    for line in fixture("ids.txt") {
        let words: Vec<&str> = line.split_whitespace().collect();
        let (id, versions) = words.split_last().unwrap();
        let versions: BTreeSet<Framework> = versions
            .iter()
            .map(|v| v.parse().unwrap_or_else(|e| panic!("ids.txt: {line}: {e}")))
            .collect();
        assert!(!versions.is_empty(), "ids.txt: {line}: no version");
        assert!(
            out.insert(id.to_string(), versions).is_none(),
            "ids.txt: {id} twice"
        );
    }
    out
}

#[test]
fn ids_exist_in_exactly_the_listed_versions() {
    let expected = expected_ids();
    let mut actual: BTreeMap<String, BTreeSet<Framework>> = BTreeMap::new();
    for framework in Framework::ALL {
        let mut seen = BTreeSet::new();
        for node in nodes(framework) {
            assert!(
                seen.insert(node.id.clone()),
                "{framework}: {} declared twice",
                node.id
            );
            actual.entry(node.id).or_default().insert(framework);
        }
    }
    for (id, versions) in &expected {
        assert_eq!(
            actual.get(id),
            Some(versions),
            "{id}: versions in the packs vs ids.txt"
        );
    }
    for (id, versions) in &actual {
        assert_eq!(
            expected.get(id),
            Some(versions),
            "{id}: declared in {versions:?} but not so in ids.txt"
        );
    }
}

#[test]
fn prescribed_ids_are_in_the_fixture() {
    // language.md §6 and framework.md §3, §5: these must stay in ids.txt as they are.
    let both = [Framework::V2_0, Framework::V3_0]
        .into_iter()
        .collect::<BTreeSet<_>>();
    let only_3 = [Framework::V3_0].into_iter().collect::<BTreeSet<_>>();
    let expected = expected_ids();
    for id in [
        "BRM",
        "DRM",
        "ARM",
        "TRM",
        "SRM",
        "national",
        "national.ngsp",
        "national.tslcd",
        "national.cong_dvcqg",
        "national.truc_lien_thong",
        "national.bao_cao",
        "national.dan_cu",
        "national.dat_dai",
        "national.dang_ky_doanh_nghiep",
        "national.tai_chinh",
        "national.bao_hiem",
        "national.thong_ke_dan_so",
        "BRM.dich_vu_cong",
        "ARM.dung_chung",
        "DRM.xa_hoi",
        "TRM.trung_tam_du_lieu",
        "SRM.giam_sat",
        "DRM.kinh_te.ho_tro_doanh_nghiep",
    ] {
        assert_eq!(expected.get(id), Some(&both), "{id}");
    }
    for id in [
        "DRM.con_nguoi",
        "DRM.to_chuc",
        "DRM.dia_diem",
        "national.dinh_danh",
        "national.ttdlqg",
    ] {
        assert_eq!(expected.get(id), Some(&only_3), "{id}");
    }
}

#[test]
fn national_components() {
    for framework in Framework::ALL {
        let nodes = nodes(framework);
        let national: Vec<&Node> = nodes
            .iter()
            .filter(|n| n.id.starts_with("national."))
            .collect();
        let mut checked = 0;
        for line in fixture("national.txt") {
            let mut words = line.splitn(4, ' ');
            let (id, kind, ty, owner) = (
                words.next().unwrap(),
                words.next().unwrap(),
                words.next().unwrap(),
                words.next().unwrap(),
            );
            let Some(node) = national.iter().find(|n| n.id == id) else {
                continue; // ids_exist_in_exactly_the_listed_versions says where it must exist
            };
            checked += 1;
            assert_eq!(node.kind, kind, "{framework} {id}");
            assert_eq!(
                node.word("type"),
                (ty != "-").then_some(ty),
                "{framework} {id}"
            );
            assert_eq!(node.string("owner"), Some(owner), "{framework} {id}");
            assert_eq!(node.word("status"), Some("issued"), "{framework} {id}");
        }
        assert_eq!(
            checked,
            national.len(),
            "{framework}: a national component missing from national.txt"
        );
    }
}

#[test]
fn version_3_0_changes() {
    let title = |framework, id: &str| {
        nodes(framework)
            .into_iter()
            .find(|n| n.id == id)
            .and_then(|n| n.title)
            .unwrap()
    };
    assert_eq!(
        title(Framework::V2_0, "SRM"),
        "Mô hình tham chiếu an toàn thông tin"
    );
    assert_eq!(
        title(Framework::V3_0, "SRM"),
        "Mô hình tham chiếu an toàn thông tin mạng, an ninh mạng"
    );
    for id in ["BRM", "DRM", "ARM"] {
        let node = nodes(Framework::V3_0)
            .into_iter()
            .find(|n| n.id == id)
            .unwrap();
        assert!(
            node.string("description").unwrap().contains("Đề án 06"),
            "{id}"
        );
    }
    for framework in Framework::ALL {
        for node in nodes(framework) {
            let source = node.string("source").unwrap();
            let (this, other) = match framework {
                Framework::V2_0 => ("QĐ 2323/QĐ-BTTTT", "QĐ 2568/QĐ-BTTTT"),
                Framework::V3_0 => ("QĐ 2568/QĐ-BTTTT", "QĐ 2323/QĐ-BTTTT"),
            };
            assert!(
                !source.contains(other),
                "{framework} {}: cites the other version",
                node.id
            );
            if node.kind == "refmodel" || node.kind == "framework" {
                assert!(
                    source.starts_with(this),
                    "{framework} {}: {source}",
                    node.id
                );
            }
        }
    }
    let framework_2 = nodes(Framework::V2_0)
        .into_iter()
        .find(|n| n.id == "vneaf")
        .unwrap();
    let description = framework_2.string("description").unwrap();
    assert!(description.contains("29/12/2023") && description.contains("2568/QĐ-BTTTT"));
    let framework_3 = nodes(Framework::V3_0)
        .into_iter()
        .find(|n| n.id == "vneaf")
        .unwrap();
    let description = framework_3.string("description").unwrap();
    assert!(description.contains("1729/QĐ-BTTTT") && description.contains("2323/QĐ-BTTTT"));
}

/// Two lines per declaration: id, kind, `type`, code, status and title; then the source.
fn outline(framework: Framework) -> String {
    let mut out = String::new();
    for node in nodes(framework) {
        let _ = writeln!(
            out,
            "{:<32} {:<14} {:<10} {:<10} {:<7} {}\n    source: {}",
            node.id,
            node.kind,
            node.word("type").unwrap_or("-"),
            node.string("code").unwrap_or("-"),
            node.word("status").unwrap_or("?"),
            node.title.as_deref().unwrap_or(""),
            node.string("source").unwrap_or("")
        );
    }
    out
}

#[test]
fn outlines() {
    for framework in Framework::ALL {
        insta::assert_snapshot!(format!("outline_{framework}"), outline(framework));
    }
}
