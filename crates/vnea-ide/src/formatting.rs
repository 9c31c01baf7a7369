//! Formatting, through the formatter of `vnea-syntax`.

use vnea_analysis::{Db, SourceFile};
use vnea_syntax::Span;
use vnea_syntax::format::format;

use crate::Edit;

/// The edit that formats `file`: one edit replacing the region between the longest unchanged
/// start and end of the text, or no edit when the file is already formatted. `None` when the
/// file has syntax errors, which the formatter refuses.
pub fn formatting(db: &dyn Db, file: SourceFile) -> Option<Vec<Edit>> {
    let text = file.text(db);
    let formatted = format(text).ok()?;
    if formatted == *text {
        return Some(Vec::new());
    }
    let (old, new) = (text.as_bytes(), formatted.as_bytes());
    let mut prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    // Cut at a character boundary, and not between the halves of a `\r\n`.
    while !text.is_char_boundary(prefix) || (prefix > 0 && old[prefix - 1] == b'\r') {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !text.is_char_boundary(old.len() - suffix)
        || (suffix > 0
            && suffix < old.len()
            && old[old.len() - suffix] == b'\n'
            && old[old.len() - suffix - 1] == b'\r')
    {
        suffix -= 1;
    }
    Some(vec![Edit {
        span: Span::new(prefix, old.len() - suffix),
        text: formatted[prefix..new.len() - suffix].to_owned(),
    }])
}
