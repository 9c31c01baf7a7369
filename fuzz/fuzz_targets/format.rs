//! Formatting is idempotent, keeps every comment in order and never changes the meaning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnea_syntax::{dump::dump, format::format, parse};

fn comments(text: &str) -> Vec<String> {
    parse(text)
        .comments
        .iter()
        .map(|c| text[c.span.range()].trim_end().to_owned())
        .collect()
}

fuzz_target!(|text: &str| {
    if let Ok(formatted) = format(text) {
        assert_eq!(format(&formatted).as_deref(), Ok(formatted.as_str()), "idempotent");
        assert_eq!(dump(&parse(&formatted).file, false), dump(&parse(text).file, false));
        assert_eq!(comments(&formatted), comments(text));
    }
});
