//! The `vnea` command line, built as a binary of this package so that cargo builds it afresh
//! for the end-to-end tests (cargo only builds a package's own binaries for its integration
//! tests). Its `main` is the one of the `vnea` binary.

fn main() -> std::process::ExitCode {
    vnea_cli::main()
}
