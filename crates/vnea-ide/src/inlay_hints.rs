//! Inlay hints: the title of the framework node a path names, after the path.

use vnea_analysis::hir::{self, item_tree};
use vnea_analysis::resolve::{Resolution, resolve_file};
use vnea_analysis::{Db, SourceFile};
use vnea_syntax::Span;

use crate::navigation::NavigationTarget;

/// A hint shown after a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    /// Where it shows: the end of the path.
    pub offset: usize,
    /// What it shows: `: ` and the title.
    pub label: String,
    /// The declaration the path names, for a link from the hint.
    pub target: NavigationTarget,
}

/// For each path of `file` ending in `range` (anywhere when `None`) that names a titled node
/// of a framework pack (a reference-model node such as `ARM.dung_chung`, or a national
/// component such as `national.dan_cu`), its title: `arm: ARM.dung_chung` shows
/// `: Ứng dụng, nền tảng dùng chung`. Paths to the workspace's own declarations get none:
/// their titles are a jump away and would crowd the text.
pub fn inlay_hints(db: &dyn Db, file: SourceFile, range: Option<Span>) -> Vec<InlayHint> {
    let parse = hir::parse(db, file);
    let sites = hir::sites(&parse.file, item_tree(db, file), file.in_pack(db));
    sites
        .iter()
        .zip(resolve_file(db, file))
        .filter(|(site, _)| range.is_none_or(|r| r.touches(site.path.span.end)))
        .filter_map(|(site, resolution)| {
            let Resolution::Resolved(decl) = *resolution else {
                return None;
            };
            if !decl.file.in_pack(db) {
                return None;
            }
            let target = NavigationTarget::of(db, decl)?;
            Some(InlayHint {
                offset: site.path.span.end,
                label: format!(": {}", target.title.as_deref()?),
                target,
            })
        })
        .collect()
}
