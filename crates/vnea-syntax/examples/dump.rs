//! Prints the syntax tree and errors of a file: `cargo run -p vnea-syntax --example dump FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let parse = vnea_syntax::parse(&text);
    print!("{}", vnea_syntax::dump::dump(&parse.file, true));
    for error in &parse.errors {
        println!(
            "error {:?} @{:?} {:?}",
            error.kind,
            error.span,
            &text[error.span.range()]
        );
    }
}
