//! Property tests: on any input, lexing and parsing never panic, tokens tile the input, line
//! index conversions round-trip, and formatting is idempotent and keeps comments and meaning.

use proptest::prelude::*;
use vnea_syntax::line_index::{Encoding, LineIndex};
use vnea_syntax::{dump::dump, format::format, lex, parse};

/// Pieces of vnea text and of things that break it: tokens, comment and string delimiters,
/// every line end, Vietnamese letters (precomposed and decomposed), emoji, NUL, no-break space.
const FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    ".",
    "..",
    "->",
    "-",
    "\"",
    "\"\"\"",
    "/*",
    "*/",
    "//",
    "///",
    "\n",
    "\r",
    "\r\n",
    " ",
    "  ",
    "\t",
    "\0",
    "\u{a0}",
    "\u{feff}",
    "\\",
    "\\u{1F600}",
    "\\n",
    "@",
    "a",
    "x_1",
    "_",
    "dân_cư",
    "da\u{302}n",
    "Đ",
    "ư",
    "😀",
    "👨‍👩‍👧",
    "true",
    "false",
    "12",
    "2.0",
    "2021",
    "application",
    "actor",
    "extend",
    "BRM",
    "\"Người dân\"",
    "\"\"\"văn\nbản\"\"\"",
];

fn fragment_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|parts| parts.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![fragment_text(), any::<String>(), "[\\PC\\r\\n]{0,200}"]
}

/// Identifiers, some Vietnamese, some decomposed.
fn ident() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a",
        "b_2",
        "ung_dung",
        "dân_cư",
        "da\u{302}n_cu\u{31b}",
        "Đất",
        "_x",
        "BRM",
        "national",
    ])
    .prop_map(str::to_owned)
}

fn path() -> impl Strategy<Value = String> {
    prop::collection::vec(ident(), 1..4).prop_map(|s| s.join("."))
}

/// Whitespace and comments between tokens, with every line end.
fn gap() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\t",
        " /* c */ ",
        " // nhận xét\n",
        "\n/// tài liệu\n",
        "\n  // ghi chú 😀\n",
        " /* a /* b */ */ ",
    ])
    .prop_map(str::to_owned)
}

fn value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("\"chuỗi \\\"x\\\" \\u{1F600}\"".to_owned()),
        Just("\"\"\"khối\nvăn bản\"\"\"".to_owned()),
        Just("2".to_owned()),
        Just("3.5".to_owned()),
        Just("true".to_owned()),
        Just("2021..2025".to_owned()),
        path(),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        (prop::collection::vec((inner, gap()), 0..4), any::<bool>()).prop_map(
            |(elements, trailing)| {
                let mut list = String::from("[");
                for (i, (element, gap)) in elements.iter().enumerate() {
                    if i > 0 {
                        list.push(',');
                        list.push_str(gap);
                    }
                    list.push_str(element);
                }
                if trailing && !elements.is_empty() {
                    list.push(',');
                }
                list.push(']');
                list
            },
        )
    })
}

/// A valid item, laid out with random whitespace and comments.
fn item() -> impl Strategy<Value = String> {
    let property =
        (ident(), gap(), value(), any::<bool>()).prop_map(|(name, gap, value, comma)| {
            format!("{name}:{gap}{value}{}", if comma { "," } else { "" })
        });
    let leaf = prop_oneof![
        property,
        (ident(), ident(), gap())
            .prop_map(|(kind, name, gap)| format!("{kind} {name}{gap}\"Tiêu đề\"")),
        (path(), path()).prop_map(|(a, b)| format!("{a} -> {b}")),
    ];
    leaf.prop_recursive(4, 24, 5, |inner| {
        (
            ident(),
            ident(),
            prop::collection::vec((gap(), inner), 0..5),
            gap(),
        )
            .prop_map(
                |(kind, name, items, end): (String, String, Vec<(String, String)>, String)| {
                    let mut text = format!("{kind} {name} {{");
                    for (gap, item) in items {
                        text.push_str(&gap);
                        text.push_str(&item);
                        text.push('\n');
                    }
                    text.push_str(&end);
                    text.push('}');
                    text
                },
            )
    })
}

fn valid_file() -> impl Strategy<Value = String> {
    prop::collection::vec((gap(), item()), 0..8).prop_map(|items| {
        let mut text = String::new();
        for (gap, item) in items {
            text.push_str(&gap);
            text.push_str(&item);
            text.push('\n');
        }
        text
    })
}

fn comment_texts(text: &str) -> Vec<String> {
    parse(text)
        .comments
        .iter()
        .map(|c| text[c.span.range()].trim_end().to_owned())
        .collect()
}

fn check_format(text: &str) -> Result<(), TestCaseError> {
    if let Ok(formatted) = format(text) {
        prop_assert_eq!(format(&formatted), Ok(formatted.clone()), "not idempotent");
        prop_assert_eq!(
            dump(&parse(&formatted).file, false),
            dump(&parse(text).file, false)
        );
        prop_assert_eq!(comment_texts(&formatted), comment_texts(text));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokens_tile_the_input(text in any_text()) {
        let lexed = lex(&text);
        let mut at = 0;
        for token in &lexed.tokens {
            prop_assert_eq!(token.span.start, at);
            prop_assert!(token.span.end > token.span.start);
            prop_assert!(text.is_char_boundary(token.span.end));
            at = token.span.end;
        }
        prop_assert_eq!(at, text.len());
    }

    #[test]
    fn parsing_never_fails(text in any_text()) {
        let parse = parse(&text);
        for error in &parse.errors {
            prop_assert!(error.span.end <= text.len());
            prop_assert!(text.is_char_boundary(error.span.start));
            prop_assert!(text.is_char_boundary(error.span.end));
        }
        prop_assert!(parse.errors.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        // The tree renders: every span in it can be sliced.
        for item in &parse.file.items {
            prop_assert!(item.span().end <= text.len());
        }
    }

    #[test]
    fn line_index_round_trips(text in any_text()) {
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            // An offset between `\r` and `\n` is inside a line end: it has no column of its own.
            if offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n') {
                continue;
            }
            for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                let position = index.line_col(offset, encoding);
                prop_assert_eq!(index.offset(position, encoding), offset);
            }
        }
    }

    #[test]
    fn formatting_any_text_is_sound(text in any_text()) {
        check_format(&text)?;
    }

    #[test]
    fn formatting_valid_files_is_sound(text in valid_file()) {
        let parse = parse(&text);
        prop_assert!(parse.errors.is_empty(), "generated file has errors: {:?}", parse.errors);
        prop_assert!(format(&text).is_ok());
        check_format(&text)?;
    }
}
