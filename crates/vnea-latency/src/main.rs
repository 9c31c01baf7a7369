//! `vnea-latency [BINARY]`: replays an editing session against the real `vnea lsp` over stdio
//! and prints latency percentiles and memory. How to run it and what it measures:
//! `docs/latency.md`.
//!
//! - `session.rs`: the workspace (vnea-synth), the server process, the measured session;
//! - `script.rs`: the keystrokes and request positions, a pure function of the text and seed;
//! - `lsp.rs`: base-protocol framing, the client side of the process, `/proc` memory;
//! - `text.rs`: the client's copy of the edited document, UTF-16 positions;
//! - `stats.rs`, `report.rs`: percentiles, the table and the JSON.

mod lsp;
mod report;
mod script;
mod session;
mod stats;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

/// Replays an editing session against `vnea lsp` and prints latency percentiles and memory.
///
/// Generates one synthetic agency (vnea-synth) in a temporary directory, starts `BINARY lsp`,
/// waits for the diagnostics of every file, types into one open file one keystroke per
/// `didChange`, then sends completion, hover and definition requests. Measured, not asserted:
/// the exit code is 0 whether or not the targets are met.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The `vnea` binary (build it with `cargo build --release -p vnea-cli`).
    #[arg(default_value = "target/release/vnea")]
    binary: PathBuf,
    /// Elements of the generated agency (about 5 lines each).
    #[arg(long, default_value_t = 20_000)]
    elements: usize,
    /// Keystrokes to replay, one `didChange` each.
    #[arg(long, default_value_t = 200)]
    edits: usize,
    /// Requests of each kind (completion at two kinds of place, hover, definition).
    #[arg(long, default_value_t = 100)]
    requests: usize,
    /// Seed of the workspace, the keystrokes and the request positions.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The file to edit, e.g. `application_04.vnea` (default: the largest application file
    /// with diagnostics).
    #[arg(long)]
    file: Option<String>,
    /// Generate the workspace here instead of a temporary directory (kept afterwards).
    #[arg(long)]
    dir: Option<PathBuf>,
    /// The longest wait for any one answer or publication, in seconds.
    #[arg(long, default_value_t = 120)]
    timeout: u64,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let plan = session::Plan {
        binary: args.binary,
        elements: args.elements,
        edits: args.edits,
        requests: args.requests,
        seed: args.seed,
        file: args.file,
        timeout: Duration::from_secs(args.timeout),
        dir: args.dir,
    };
    match session::run(&plan) {
        Ok(results) => {
            if args.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report::json(&results)).expect("JSON serializes")
                );
            } else {
                print!("{}", report::table(&results));
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("vnea-latency: {error}");
            ExitCode::FAILURE
        }
    }
}
