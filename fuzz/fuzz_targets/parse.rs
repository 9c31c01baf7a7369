//! Lexing and parsing any UTF-8 input never panics, tokens tile the input and every span of
//! the result lies on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let lexed = vnea_syntax::lex(text);
    let mut at = 0;
    for token in &lexed.tokens {
        assert_eq!(token.span.start, at);
        assert!(token.span.end > at);
        at = token.span.end;
    }
    assert_eq!(at, text.len());
    let parse = vnea_syntax::parse(text);
    for error in &parse.errors {
        assert!(text.is_char_boundary(error.span.start) && text.is_char_boundary(error.span.end));
    }
    let _ = vnea_syntax::dump::dump(&parse.file, true);
});
