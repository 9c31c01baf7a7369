//! The rules that look at the whole workspace: duplicate top-level names, the architecture
//! and its basic contents, LGSP, the roadmap, project periods, unused elements. Their findings
//! hold no spans: each file's diagnostics query places the findings about that file.

use std::collections::{HashMap, HashSet};

use crate::db::{Db, SourceFile};
use crate::hir::{Role, facts, item_tree, references};
use crate::resolve::{
    DeclId, Resolution, kind_of, national, prelude, resolve_file, workspace_scope,
};

/// A basic content of an agency architecture (QĐ 2323/QĐ-BTTTT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// `vision`
    Vision,
    /// `objectives`
    Objectives,
    /// `scope`
    Scope,
    /// `principles`
    Principles,
    /// A service or process.
    Business,
    /// A database.
    Data,
    /// An application.
    Application,
    /// Infrastructure or a network.
    Technology,
    /// A control.
    Security,
    /// A project.
    Plan,
}

/// What a workspace rule found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// `duplicate-name` at the top level; `first` is the first declaration of the name.
    DuplicateName { first: DeclId },
    /// `shadowed-framework-name`.
    Shadowed,
    /// `missing-architecture`, with the number of elements.
    MissingArchitecture { elements: usize },
    /// `multiple-architectures`.
    MultipleArchitectures { first: DeclId },
    /// `missing-mandatory-content`.
    MissingContent(Content),
    /// `missing-lgsp`.
    MissingLgsp,
    /// `lgsp-not-connected`.
    LgspNotConnected,
    /// `roadmap-cycle`: the projects of the cycle, in cycle order, starting at the anchor.
    RoadmapCycle { cycle: Vec<DeclId> },
    /// `invalid-period`: a project period outside the architecture's.
    PeriodOutside { architecture: DeclId },
    /// `unused-element`.
    Unused,
}

/// A finding about declaration `decl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The declaration it is reported on.
    pub decl: DeclId,
    /// What was found.
    pub kind: FindingKind,
}

/// The kinds `unused-element` looks at.
const USABLE: &[&str] = &[
    "application",
    "database",
    "platform",
    "infrastructure",
    "network",
    "channel",
];

/// Every finding of the workspace rules, in file and declaration order.
#[salsa::tracked(returns(ref))]
pub fn workspace_findings(db: &dyn Db) -> Vec<Finding> {
    let ws = db.workspace();
    let files: &[SourceFile] = ws.files(db);
    let mut out = Vec::new();

    // Top-level names: duplicates across the workspace, and shadowed framework names.
    let scope = workspace_scope(db);
    let prelude = prelude(db);
    let mut top: Vec<(&str, DeclId)> = Vec::new();
    for (name, decls) in scope.iter() {
        for &decl in decls {
            top.push((name, decl));
        }
    }
    top.sort_by_key(|&(_, d)| d);
    for (name, decl) in &top {
        let first = scope.all(name)[0];
        if first != *decl {
            out.push(Finding {
                decl: *decl,
                kind: FindingKind::DuplicateName { first },
            });
        } else if prelude.get(name).is_some() {
            out.push(Finding {
                decl: *decl,
                kind: FindingKind::Shadowed,
            });
        }
    }

    // Declarations by kind, in file order.
    let mut by_kind: HashMap<&str, Vec<DeclId>> = HashMap::new();
    for &file in files {
        for (index, decl) in item_tree(db, file).decls.iter().enumerate() {
            by_kind.entry(decl.kind.as_str()).or_default().push(DeclId {
                file,
                index: index as u32,
            });
        }
    }
    let count = |kinds: &[&str]| {
        kinds
            .iter()
            .map(|k| by_kind.get(k).map_or(0, Vec::len))
            .sum::<usize>()
    };
    let fact = |decl: DeclId| &facts(db, decl.file)[decl.index as usize];

    let architectures = by_kind.get("architecture").cloned().unwrap_or_default();
    let elements = count(crate::schema::ELEMENTS);
    match architectures.first() {
        None if elements > 0 => {
            let first = files
                .iter()
                .find(|&&f| !item_tree(db, f).decls.is_empty())
                .map(|&file| DeclId { file, index: 0 });
            if let Some(decl) = first {
                out.push(Finding {
                    decl,
                    kind: FindingKind::MissingArchitecture { elements },
                });
            }
        }
        None => {}
        Some(&architecture) => {
            for &other in &architectures[1..] {
                out.push(Finding {
                    decl: other,
                    kind: FindingKind::MultipleArchitectures {
                        first: architecture,
                    },
                });
            }
            let facts = fact(architecture);
            let contents = [
                (Content::Vision, facts.has("vision")),
                (Content::Objectives, facts.has("objectives")),
                (Content::Scope, facts.has("scope")),
                (Content::Principles, facts.has("principles")),
                (Content::Business, count(&["service", "process"]) > 0),
                (Content::Data, count(&["database"]) > 0),
                (Content::Application, count(&["application"]) > 0),
                (
                    Content::Technology,
                    count(&["infrastructure", "network"]) > 0,
                ),
                (Content::Security, count(&["control"]) > 0),
                (Content::Plan, count(&["project"]) > 0),
            ];
            for (content, present) in contents {
                if !present {
                    out.push(Finding {
                        decl: architecture,
                        kind: FindingKind::MissingContent(content),
                    });
                }
            }
            let level = facts.word("level");
            let platforms = by_kind.get("platform").map_or(&[][..], Vec::as_slice);
            let has_lgsp = platforms
                .iter()
                .any(|&p| fact(p).word("type") == Some("lgsp"));
            if matches!(level, Some("ministry" | "province")) && !has_lgsp {
                out.push(Finding {
                    decl: architecture,
                    kind: FindingKind::MissingLgsp,
                });
            }
            if let Some((start, end)) = facts
                .get("period")
                .and_then(|f| f.period())
                .filter(|(a, b)| a <= b)
            {
                for &project in by_kind.get("project").map_or(&[][..], Vec::as_slice) {
                    if let Some((a, b)) = fact(project).get("period").and_then(|f| f.period())
                        && a <= b
                        && (a < start || b > end)
                    {
                        out.push(Finding {
                            decl: project,
                            kind: FindingKind::PeriodOutside { architecture },
                        });
                    }
                }
            }
        }
    }

    // What every reference names: relations, roadmap edges, used declarations.
    let ngsp = national(db, "ngsp");
    let mut used: HashSet<DeclId> = HashSet::new();
    let mut connected_to_ngsp: HashSet<DeclId> = HashSet::new();
    let mut depends: HashMap<DeclId, Vec<DeclId>> = HashMap::new();
    for &file in files {
        let sites = references(db, file);
        let resolved = resolve_file(db, file);
        let mut relation_ends: HashMap<u32, (Option<DeclId>, Option<DeclId>)> = HashMap::new();
        for (site, resolution) in sites.iter().zip(resolved) {
            let Resolution::Resolved(target) = *resolution else {
                continue;
            };
            let owner = site.scope.map(|index| DeclId { file, index });
            if owner != Some(target) {
                used.insert(target);
            }
            match (&site.role, site.relation) {
                (Role::RelationFrom, Some(r)) => {
                    relation_ends.entry(r).or_default().0 = Some(target)
                }
                (Role::RelationTo, Some(r)) => relation_ends.entry(r).or_default().1 = Some(target),
                (Role::Property(name), None) if name == "depends_on" => {
                    if let Some(owner) = owner.filter(|o| kind_of(db, *o) == "project")
                        && kind_of(db, target) == "project"
                    {
                        depends.entry(owner).or_default().push(target);
                    }
                }
                _ => {}
            }
        }
        for (from, to) in relation_ends.into_values() {
            match (from, to) {
                (Some(a), Some(b)) if Some(b) == ngsp => {
                    connected_to_ngsp.insert(a);
                }
                (Some(a), Some(b)) if Some(a) == ngsp => {
                    connected_to_ngsp.insert(b);
                }
                _ => {}
            }
        }
    }
    for &platform in by_kind.get("platform").map_or(&[][..], Vec::as_slice) {
        if fact(platform).word("type") == Some("lgsp") && !connected_to_ngsp.contains(&platform) {
            out.push(Finding {
                decl: platform,
                kind: FindingKind::LgspNotConnected,
            });
        }
    }
    for cycle in cycles(
        &depends,
        by_kind.get("project").map_or(&[][..], Vec::as_slice),
    ) {
        out.push(Finding {
            decl: cycle[0],
            kind: FindingKind::RoadmapCycle { cycle },
        });
    }
    for kind in USABLE {
        for &decl in by_kind.get(kind).map_or(&[][..], Vec::as_slice) {
            let top_level = item_tree(db, decl.file).decls[decl.index as usize]
                .parent
                .is_none();
            let duplicate = workspace_scope(db)
                .all(&item_tree(db, decl.file).decls[decl.index as usize].name)
                .first()
                .is_some_and(|&first| first != decl);
            // A duplicate is reported as such; whether it is used means nothing.
            if top_level && !duplicate && !used.contains(&decl) {
                out.push(Finding {
                    decl,
                    kind: FindingKind::Unused,
                });
            }
        }
    }
    out.sort_by_key(|f| f.decl);
    out
}

/// The dependency cycles among `projects` (in source order), one per strongly connected
/// component, each starting at its first project in source order and listed in cycle order.
fn cycles(edges: &HashMap<DeclId, Vec<DeclId>>, projects: &[DeclId]) -> Vec<Vec<DeclId>> {
    let mut reported: HashSet<DeclId> = HashSet::new();
    let mut out = Vec::new();
    for &start in projects {
        if reported.contains(&start) {
            continue;
        }
        // A path from `start` back to itself, by depth-first search.
        let mut stack = vec![(start, 0usize)];
        let mut on_path = vec![start];
        let mut seen: HashSet<DeclId> = HashSet::from([start]);
        let mut found = None;
        while let Some((node, next)) = stack.last_mut() {
            let targets = edges.get(node).map_or(&[][..], Vec::as_slice);
            if *next >= targets.len() {
                stack.pop();
                on_path.pop();
                continue;
            }
            let target = targets[*next];
            *next += 1;
            if target == start {
                found = Some(on_path.clone());
                break;
            }
            if seen.insert(target) && !reported.contains(&target) {
                stack.push((target, 0));
                on_path.push(target);
            }
        }
        if let Some(cycle) = found {
            reported.extend(cycle.iter().copied());
            out.push(cycle);
        }
    }
    out
}
