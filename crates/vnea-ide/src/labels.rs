//! The few user-facing words of the IDE features that the analyzer's message catalog
//! (`vnea_analysis::messages`) does not hold yet, in Vietnamese and English. This table is a
//! stopgap: its entries belong in the catalog, where a test checks that both languages carry
//! the same `{placeholders}`; until they move, the test at the end of this file does the same.

use vnea_analysis::Lang;

/// Declares [`Label`] and its two templates in one table.
macro_rules! labels {
    ($($(#[doc = $doc:literal])+ $id:ident { vi: $vi:literal, en: $en:literal $(,)? })+) => {
        /// A label of the IDE features.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Label {
            $($(#[doc = $doc])+ $id,)+
        }

        impl Label {
            /// Every label, for the test of placeholders.
            #[cfg(test)]
            const ALL: &[Label] = &[$(Label::$id),+];

            /// The template of the label in `lang`.
            pub const fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Label::$id, Lang::Vi) => $vi, (Label::$id, Lang::En) => $en,)+
                }
            }
        }
    };
}

labels! {
    /// Hover: the official code of a pack node.
    Code { vi: "Mã", en: "Code" }
    /// Hover: the status of a pack node.
    Status { vi: "Trạng thái", en: "Status" }
    /// Hover: where a pack node's facts come from.
    Source { vi: "Nguồn", en: "Source" }
    /// Hover: what `status: issued` means.
    StatusIssued {
        vi: "theo văn bản đã ban hành",
        en: "stated by the issued decision",
    }
    /// Hover: what `status: draft` means.
    StatusDraft {
        vi: "theo dự thảo, có thể khác văn bản ban hành",
        en: "from a published draft; may differ from the issued text",
    }
    /// Hover: what `status: derived` means.
    StatusDerived {
        vi: "nhóm do vnea suy ra từ nguồn được dẫn, không phải hạng mục chính thức",
        en: "a category vnea derived from the cited source, not an official item",
    }
    /// Rename: the offset is on nothing that can be renamed.
    RenameNothing {
        vi: "không có tên nào để đổi ở đây",
        en: "there is nothing to rename here",
    }
    /// Rename: the reference names no declaration.
    RenameUnresolved {
        vi: "`{name}` không trỏ tới khai báo nào",
        en: "`{name}` does not name any declaration",
    }
    /// Rename: the name is declared by a framework pack.
    RenameFramework {
        vi: "`{name}` là tên của khung kiến trúc, không thể đổi tên",
        en: "`{name}` is a name of the framework and cannot be renamed",
    }
    /// Rename: the new name is not an identifier.
    RenameInvalid {
        vi: "`{name}` không phải là tên định danh hợp lệ",
        en: "`{name}` is not a valid identifier",
    }
    /// Rename: the new name is taken in the same scope.
    RenameConflict {
        vi: "phạm vi này đã có khai báo tên `{name}`",
        en: "a declaration named `{name}` already exists in this scope",
    }
}

impl Label {
    /// The label in `lang`, without placeholders.
    pub fn text(self, lang: Lang) -> &'static str {
        self.template(lang)
    }

    /// The label in `lang` with `{name}` replaced by `name`.
    pub fn with_name(self, lang: Lang, name: &str) -> String {
        self.template(lang).replace("{name}", name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(template: &str) -> Vec<&str> {
        let mut out: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(p, _)| p))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn both_languages_carry_the_same_placeholders() {
        for label in Label::ALL {
            let vi = label.template(Lang::Vi);
            let en = label.template(Lang::En);
            assert!(!vi.is_empty() && !en.is_empty(), "{label:?}");
            assert_eq!(placeholders(vi), placeholders(en), "{label:?}");
        }
    }
}
