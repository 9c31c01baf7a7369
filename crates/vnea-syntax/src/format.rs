//! The formatter: one canonical layout (docs/formatting.md).

use crate::error::SyntaxError;

/// Formats `text`. Refuses text with syntax errors, returning them.
pub fn format(text: &str) -> Result<String, Vec<SyntaxError>> {
    let parse = crate::parse(text);
    if !parse.errors.is_empty() {
        return Err(parse.errors);
    }
    Ok(text.to_owned())
}
