//! `vnea-synth <out-dir> [--agencies N] [--elements N] [--seed S]`: writes synthetic agency workspaces.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: vnea-synth <out-dir> [--agencies N] [--elements N] [--seed S]

Writes N synthetic vnea agency workspaces (out-dir/agency_NNN/, each with its own vnea.toml)
and prints how many files, bytes and lines were written.

Options:
  --agencies N   number of agency workspaces (default 100)
  --elements N   elements per agency (default 1000; relations add about 10%)
  --seed S       generator seed (default 1); the same arguments give byte-identical output
  -h, --help     print this help";

struct Args {
    out: PathBuf,
    agencies: usize,
    elements: usize,
    seed: u64,
}

fn parse(args: impl IntoIterator<Item = String>) -> Result<Option<Args>, String> {
    let mut out = None;
    let (mut agencies, mut elements, mut seed) = (100usize, 1000usize, 1u64);
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--agencies" => agencies = number(&value("--agencies")?, "--agencies")?,
            "--elements" => elements = number(&value("--elements")?, "--elements")?,
            "--seed" => seed = number(&value("--seed")?, "--seed")?,
            f if f.starts_with('-') && f.len() > 1 => return Err(format!("unknown option {f}")),
            _ if out.is_none() => out = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    let out = out.ok_or("missing <out-dir>")?;
    Ok(Some(Args {
        out,
        agencies,
        elements,
        seed,
    }))
}

fn number<T: std::str::FromStr>(s: &str, name: &str) -> Result<T, String> {
    s.parse()
        .map_err(|_| format!("{name}: not a non-negative integer: {s}"))
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("vnea-synth: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match vnea_synth::write_workspace(&args.out, args.agencies, args.elements, args.seed) {
        Ok(stats) => {
            println!(
                "wrote {} agencies x {} elements (seed {}) to {}",
                args.agencies,
                args.elements,
                args.seed,
                args.out.display()
            );
            println!("{stats}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("vnea-synth: {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}
