//! Identifier comparison. Two identifiers are the same name when their NFC normal forms are
//! equal, so a name typed in decomposed form (as some keyboards produce) matches the
//! precomposed one.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The NFC normal form of `text`, borrowed when `text` is already in NFC.
pub fn normalize(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// Whether `a` and `b` are the same name (equal NFC normal forms).
pub fn same_name(a: &str, b: &str) -> bool {
    a == b || normalize(a) == normalize(b)
}

/// `text` without Vietnamese diacritics, in lower case: `Quản lý` → `quan ly`, `đ` → `d`.
/// Used to match what a user typed without accents against names and titles.
pub fn fold_diacritics(text: &str) -> String {
    text.nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_and_precomposed_are_the_same_name() {
        let precomposed = "d\u{00E2}n_c\u{01B0}";
        let decomposed = "da\u{0302}n_cu\u{031B}";
        assert_ne!(precomposed, decomposed);
        assert!(same_name(precomposed, decomposed));
        assert_eq!(normalize(decomposed), precomposed);
        assert!(!same_name("dân_cư", "dan_cu"));
    }

    #[test]
    fn ascii_is_borrowed() {
        assert!(matches!(normalize("abc"), Cow::Borrowed("abc")));
        assert!(matches!(normalize("dân"), Cow::Borrowed(_)));
    }

    #[test]
    fn folding_removes_vietnamese_diacritics() {
        assert_eq!(fold_diacritics("Quản lý văn bản"), "quan ly van ban");
        assert_eq!(fold_diacritics("CSDL Đất đai"), "csdl dat dai");
        assert_eq!(fold_diacritics("dân_cư"), "dan_cu");
    }
}
