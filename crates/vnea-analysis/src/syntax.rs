//! Syntax errors as `syntax-error` diagnostics, worded from the catalog.

use unicode_width::UnicodeWidthChar;
use vnea_syntax::{Expected, MAX_NESTING, Span, SyntaxError, SyntaxErrorKind, TokenKind};

use crate::diagnostics::{Diagnostic, Rule};
use crate::messages::{Lang, Msg, join_or, quote};

/// The `syntax-error` diagnostics of `errors`, the syntax errors of `text`, in `lang`. The
/// text is needed to quote what the parser found.
///
/// A text block or block comment that runs to the end of the file is reported at its opening
/// `"""` or `/*`, not over the rest of the file.
pub fn syntax_diagnostics(text: &str, errors: &[SyntaxError], lang: Lang) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|error| {
            let span = error.span;
            let span = match error.kind {
                SyntaxErrorKind::UnterminatedTextBlock => {
                    Span::new(span.start, span.end.min(span.start + 3))
                }
                SyntaxErrorKind::UnterminatedBlockComment => {
                    Span::new(span.start, span.end.min(span.start + 2))
                }
                _ => span,
            };
            Diagnostic::new(Rule::SyntaxError, message(text, error, lang), span)
        })
        .collect()
}

fn message(text: &str, error: &SyntaxError, lang: Lang) -> String {
    match &error.kind {
        SyntaxErrorKind::InvalidCharacters { text } => invalid_characters(text, lang),
        SyntaxErrorKind::UnterminatedString => Msg::SyntaxUnterminatedString.text(lang),
        SyntaxErrorKind::UnterminatedTextBlock => Msg::SyntaxUnterminatedTextBlock.text(lang),
        SyntaxErrorKind::UnterminatedBlockComment => Msg::SyntaxUnterminatedBlockComment.text(lang),
        SyntaxErrorKind::InvalidEscape { text } => {
            Msg::SyntaxInvalidEscape.render(lang, &[("escape", text)])
        }
        SyntaxErrorKind::Unclosed { delimiter } => Msg::SyntaxUnclosed.render(
            lang,
            &[
                ("open", &describe_token(*delimiter, lang)),
                ("close", &describe_token(partner(*delimiter), lang)),
            ],
        ),
        SyntaxErrorKind::Unopened { delimiter } => Msg::SyntaxUnopened.render(
            lang,
            &[
                ("close", &describe_token(*delimiter, lang)),
                ("open", &describe_token(partner(*delimiter), lang)),
            ],
        ),
        SyntaxErrorKind::NestingTooDeep => {
            Msg::SyntaxNestingTooDeep.render(lang, &[("max", &MAX_NESTING)])
        }
        SyntaxErrorKind::Unexpected { found, expected } => {
            let found = describe_found(text, *found, error.span, lang);
            if expected.is_empty() {
                Msg::SyntaxUnexpectedToken.render(lang, &[("found", &found)])
            } else {
                let expected = describe_expected(expected, lang);
                Msg::SyntaxUnexpected.render(lang, &[("expected", &expected), ("found", &found)])
            }
        }
        SyntaxErrorKind::Missing { expected } if expected.is_empty() => {
            Msg::SyntaxIncomplete.text(lang)
        }
        SyntaxErrorKind::Missing { expected } => {
            Msg::SyntaxMissing.render(lang, &[("expected", &describe_expected(expected, lang))])
        }
        SyntaxErrorKind::QualifiedName => Msg::SyntaxQualifiedName.text(lang),
        SyntaxErrorKind::QualifiedPropertyName => Msg::SyntaxQualifiedPropertyName.text(lang),
        SyntaxErrorKind::QualifiedKind => Msg::SyntaxQualifiedKind.text(lang),
    }
}

/// The message for characters that start no token.
fn invalid_characters(text: &str, lang: Lang) -> String {
    let mut distinct: Vec<char> = Vec::new();
    for c in text.chars() {
        if !distinct.contains(&c) {
            distinct.push(c);
        }
    }
    match distinct.as_slice() {
        [c @ ('\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}')] => {
            Msg::SyntaxCurlyQuote.render(lang, &[("character", &describe_char(*c, lang))])
        }
        [c] => Msg::SyntaxInvalidCharacter.render(lang, &[("character", &describe_char(*c, lang))]),
        chars => {
            let list: Vec<String> = chars.iter().map(|&c| describe_char(c, lang)).collect();
            Msg::SyntaxInvalidCharacters.render(lang, &[("characters", &list.join(", "))])
        }
    }
}

/// A character as shown in a message: `` `$` `` for printable ASCII, `` `“` (U+201C) `` for
/// other printable characters, and the code point, with a name where one helps, for
/// characters that cannot be seen (`U+00A0 (no-break space)`).
fn describe_char(c: char, lang: Lang) -> String {
    let invisible = c.is_whitespace() || matches!(c.width(), None | Some(0));
    let name = match c {
        '\0' => Some(Msg::CharNul),
        '\u{00A0}' => Some(Msg::CharNoBreakSpace),
        '\u{202F}' => Some(Msg::CharNarrowNoBreakSpace),
        '\u{200B}' => Some(Msg::CharZeroWidthSpace),
        '\u{00AD}' => Some(Msg::CharSoftHyphen),
        '\u{3000}' => Some(Msg::CharIdeographicSpace),
        '\u{2028}' => Some(Msg::CharLineSeparator),
        '\u{2029}' => Some(Msg::CharParagraphSeparator),
        _ => None,
    };
    let code = format!("U+{:04X}", u32::from(c));
    match name {
        Some(name) => format!("{code} ({})", name.text(lang)),
        None if invisible => code,
        None if c.is_ascii() => format!("`{c}`"),
        None => format!("`{c}` ({code})"),
    }
}

/// The partner of a delimiter: `{` ⇄ `}`, `[` ⇄ `]`.
fn partner(delimiter: TokenKind) -> TokenKind {
    match delimiter {
        TokenKind::LBrace => TokenKind::RBrace,
        TokenKind::RBrace => TokenKind::LBrace,
        TokenKind::LBracket => TokenKind::RBracket,
        _ => TokenKind::LBracket,
    }
}

/// A punctuation token as quoted in a message; `None` for tokens that have no fixed text.
fn token_text(kind: TokenKind) -> Option<&'static str> {
    Some(match kind {
        TokenKind::LBrace => "{",
        TokenKind::RBrace => "}",
        TokenKind::LBracket => "[",
        TokenKind::RBracket => "]",
        TokenKind::Colon => ":",
        TokenKind::Comma => ",",
        TokenKind::Dot => ".",
        TokenKind::DotDot => "..",
        TokenKind::Arrow => "->",
        TokenKind::True => "true",
        TokenKind::False => "false",
        _ => return None,
    })
}

/// A token kind as named in a message: punctuation and reserved words in backticks, other
/// tokens by what they are.
fn describe_token(kind: TokenKind, lang: Lang) -> String {
    if let Some(text) = token_text(kind) {
        return format!("`{text}`");
    }
    let name = match kind {
        TokenKind::Ident => Msg::NameIdentifier,
        TokenKind::String | TokenKind::UnterminatedString => Msg::NameString,
        TokenKind::Number => Msg::NameNumber,
        TokenKind::TextBlock | TokenKind::UnterminatedTextBlock => Msg::NameTextBlock,
        _ => Msg::NameValue,
    };
    name.text(lang)
}

/// What the parser found: the token's text in backticks (shortened if long), a text block by
/// name, or the end of the file.
fn describe_found(text: &str, found: Option<TokenKind>, span: Span, lang: Lang) -> String {
    match found {
        None => Msg::NameEndOfFile.text(lang),
        Some(TokenKind::TextBlock | TokenKind::UnterminatedTextBlock) => {
            Msg::NameTextBlock.text(lang)
        }
        Some(kind) => match text.get(span.range()).filter(|s| !s.is_empty()) {
            Some(source) => quote(source),
            None => describe_token(kind, lang),
        },
    }
}

/// The alternatives the parser would have accepted, joined with "or".
fn describe_expected(expected: &[Expected], lang: Lang) -> String {
    let items: Vec<String> = expected
        .iter()
        .map(|e| match e {
            Expected::Item => Msg::NameItem.text(lang),
            Expected::Identifier => Msg::NameIdentifier.text(lang),
            Expected::Value => Msg::NameValue.text(lang),
            Expected::String => Msg::NameString.text(lang),
            Expected::Number => Msg::NameNumber.text(lang),
            Expected::Token(kind) => describe_token(*kind, lang),
            Expected::EndOfInput => Msg::NameEndOfFile.text(lang),
        })
        .collect();
    join_or(lang, &items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str, lang: Lang) -> Vec<String> {
        let parse = vnea_syntax::parse(text);
        syntax_diagnostics(text, &parse.errors, lang)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn invisible_characters_are_named_with_their_code_point() {
        assert_eq!(
            messages("actor\u{00A0}a", Lang::Vi),
            ["ký tự không hợp lệ U+00A0 (khoảng trắng không ngắt dòng)"]
        );
        assert_eq!(
            messages("actor a\0", Lang::En),
            ["invalid character U+0000 (null character)"]
        );
        assert_eq!(
            messages("actor a\u{1}", Lang::En),
            ["invalid character U+0001"]
        );
        assert_eq!(messages("@", Lang::En), ["invalid character `@`"]);
        assert_eq!(messages("×", Lang::En), ["invalid character `×` (U+00D7)"]);
        assert_eq!(
            messages("@$@", Lang::Vi),
            ["các ký tự không hợp lệ `@`, `$`"]
        );
    }

    #[test]
    fn curly_quotes_suggest_straight_ones() {
        let found = messages("actor a \u{201C}A\u{201D}", Lang::En);
        assert_eq!(
            found[0],
            "curly quote `“` (U+201C) is not valid here; use a straight `\"`"
        );
    }

    #[test]
    fn parse_errors_quote_what_was_found() {
        let text = "actor a \"A\" \"B\"\n";
        assert_eq!(
            messages(text, Lang::En),
            ["expected item or `{`, found `\"B\"`"]
        );
        assert_eq!(
            messages(text, Lang::Vi),
            ["cần mục khai báo hoặc `{` nhưng gặp `\"B\"`"]
        );
        assert_eq!(
            messages("actor a { type: }\n", Lang::Vi),
            ["cần giá trị nhưng gặp `}`"]
        );
    }

    #[test]
    fn missing_things_are_named() {
        assert_eq!(
            messages("actor a { type:\n}\n", Lang::Vi),
            ["thiếu giá trị"]
        );
        assert_eq!(
            messages("project p { period: 2021.. }\n", Lang::En),
            ["missing number"]
        );
    }

    #[test]
    fn unterminated_blocks_are_reported_at_their_opener() {
        let text = "actor a {\n  description: \"\"\"never closed\n}\n/* and\n";
        let spans: Vec<&str> = syntax_diagnostics(text, &vnea_syntax::parse(text).errors, Lang::En)
            .iter()
            .map(|d| &text[d.span.range()])
            .collect();
        assert_eq!(spans, ["{", "\"\"\""]);
        let text = "actor a\n/* never closed\n";
        let diagnostics = syntax_diagnostics(text, &vnea_syntax::parse(text).errors, Lang::En);
        assert_eq!(&text[diagnostics[0].span.range()], "/*");
    }

    #[test]
    fn delimiters_name_their_partner() {
        assert_eq!(
            messages("actor a {\n", Lang::Vi),
            ["dấu `{` chưa được đóng: thiếu dấu `}` tương ứng"]
        );
        assert_eq!(
            messages("}\n", Lang::En),
            ["unmatched `}`: there is no `{` to close"]
        );
    }
}
