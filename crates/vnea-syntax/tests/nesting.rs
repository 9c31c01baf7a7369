//! Deeply nested input neither overflows the stack nor loses the rest of the file.

use vnea_syntax::{MAX_NESTING, SyntaxErrorKind, format::format, parse};

/// Runs `f` on a thread with a small (1 MiB) stack, as a worst case for recursion.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .expect("thread starts")
        .join()
        .expect("no stack overflow or panic");
}

#[test]
fn twenty_thousand_nested_blocks() {
    on_small_stack(|| {
        let depth = 20_000;
        let mut text = "a x {\n".repeat(depth);
        text.push_str(&"}\n".repeat(depth));
        text.push_str("actor after \"After\"\n");
        let parse = parse(&text);
        let too_deep: Vec<_> = parse
            .errors
            .iter()
            .filter(|e| e.kind == SyntaxErrorKind::NestingTooDeep)
            .collect();
        assert_eq!(too_deep.len(), 1, "{:?}", parse.errors);
        assert_eq!(parse.errors.len(), 1);
        assert_eq!(
            parse.file.items.len(),
            2,
            "the declaration after the nest is kept"
        );
        assert!(format(&text).is_err());
    });
}

#[test]
fn twenty_thousand_nested_lists_and_unclosed_braces() {
    on_small_stack(|| {
        let text = format!("p: {}\n", "[".repeat(20_000));
        assert!(!parse(&text).errors.is_empty());
        let text = "a x {".repeat(20_000);
        let unclosed = parse(&text);
        assert!(
            unclosed
                .errors
                .iter()
                .any(|e| matches!(e.kind, SyntaxErrorKind::Unclosed { .. }))
        );
    });
}

#[test]
fn nesting_at_the_limit_is_valid() {
    on_small_stack(|| {
        let mut text = "a x {\n".repeat(MAX_NESTING);
        text.push_str(&"}\n".repeat(MAX_NESTING));
        let parse = parse(&text);
        assert!(parse.errors.is_empty(), "{:?}", parse.errors);
        let formatted = format(&text).expect("valid");
        assert_eq!(format(&formatted).as_deref(), Ok(formatted.as_str()));
    });
}
