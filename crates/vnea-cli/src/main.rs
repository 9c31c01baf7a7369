//! The `vnea` binary.

fn main() -> std::process::ExitCode {
    vnea_cli::main()
}
