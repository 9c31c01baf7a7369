//! The results as a table or as JSON.

use std::fmt::Write as _;
use std::time::Duration;

use serde_json::{Value, json};

use crate::lsp::Memory;
use crate::script::EditKind;
use crate::session::Results;
use crate::stats::{Summary, ms};

/// didChange → publishDiagnostics: median target, ms.
pub const EDIT_P50_MS: f64 = 20.0;
/// didChange → publishDiagnostics: p95 target, ms.
pub const EDIT_P95_MS: f64 = 50.0;
/// Resident memory once every file is analyzed, MB (10^6 bytes).
pub const RSS_MB: f64 = 300.0;

/// Decimal megabytes.
fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn edit_samples(results: &Results, kind: Option<EditKind>) -> Vec<Duration> {
    results
        .session
        .edits
        .iter()
        .filter(|k| kind.is_none_or(|kind| k.kind == kind))
        .map(|k| k.latency)
        .collect()
}

fn memory_json(memory: Option<Memory>) -> Value {
    memory.map_or(
        Value::Null,
        |m| json!({"rss_mb": round(mb(m.rss)), "peak_rss_mb": round(mb(m.peak))}),
    )
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn summary_json(summary: Option<Summary>) -> Value {
    summary.map_or(Value::Null, |s| {
        json!({
            "n": s.n,
            "p50_ms": round(s.p50),
            "p95_ms": round(s.p95),
            "max_ms": round(s.max),
            "mean_ms": round(s.mean),
        })
    })
}

/// Whether the didChange targets are met.
fn edits_met(summary: &Summary) -> bool {
    summary.p50 < EDIT_P50_MS && summary.p95 < EDIT_P95_MS
}

/// The results as one JSON object.
pub fn json(results: &Results) -> Value {
    let w = &results.workspace;
    let edits = Summary::of(&edit_samples(results, None));
    let mut by_kind = serde_json::Map::new();
    for kind in EditKind::ALL {
        let samples = edit_samples(results, Some(kind));
        if !samples.is_empty() {
            by_kind.insert(kind.key().to_owned(), summary_json(Summary::of(&samples)));
        }
    }
    let mut requests = serde_json::Map::new();
    for r in &results.session.requests {
        let summary = Summary::of(&r.samples);
        let mut value = summary_json(summary);
        value["target_p95_ms"] = json!(r.target_p95_ms);
        value["met"] = json!(summary.is_some_and(|s| s.p95 < r.target_p95_ms));
        value["answered"] = json!(r.answered);
        value["empty"] = json!(r.empty);
        value["errors"] = json!(r.errors);
        if r.key.starts_with("completion") {
            value["items"] = json!(r.items);
        }
        requests.insert(r.key.to_owned(), value);
    }
    let rss_met = results
        .session
        .memory_after_analysis
        .map(|m| mb(m.rss) < RSS_MB);
    json!({
        "binary": results.binary.display().to_string(),
        "server": results.session.server_info,
        "seed": results.seed,
        "workspace": {
            "root": w.root.display().to_string(),
            "elements": w.elements,
            "files": w.files,
            "lines": w.lines,
            "bytes": w.bytes,
            "files_with_diagnostics": w.files_with_diagnostics,
            "edited_file": w.edited,
            "edited_file_lines": w.edited_lines,
        },
        "check_ms": round(ms(results.check)),
        "initialize_ms": round(ms(results.session.initialize)),
        "initial_analysis_ms": round(ms(results.session.initial_analysis)),
        "did_open_ms": round(ms(results.session.did_open)),
        "did_change": {
            "all": summary_json(edits),
            "by_kind": by_kind,
            "target": {"p50_ms": EDIT_P50_MS, "p95_ms": EDIT_P95_MS},
            "met": edits.as_ref().is_some_and(edits_met),
            "errors_after_edits": results.session.errors_after_edits,
            "keystrokes": results
                .session
                .edits
                .iter()
                .map(|k| {
                    json!({
                        "kind": k.kind.key(),
                        "line": k.at.line,
                        "character": k.at.character,
                        "text": k.text,
                        "ms": round(ms(k.latency)),
                    })
                })
                .collect::<Vec<_>>(),
            "text_agrees": match &results.session.text_agrees {
                Ok(agrees) => json!(agrees),
                Err(_) => Value::Null,
            },
        },
        "requests": requests,
        "skipped": results.session.skipped.iter().map(|(key, why)| json!({"measurement": key, "reason": why})).collect::<Vec<_>>(),
        "memory": {
            "after_initial_analysis": memory_json(results.session.memory_after_analysis),
            "at_end": memory_json(results.session.memory_at_end),
            "target_rss_mb": RSS_MB,
            "met": rss_met,
        },
        "server_requests": results.session.server_requests,
        "exit_code": results.session.exit_code,
    })
}

fn yes(met: bool) -> &'static str {
    if met { "yes" } else { "NO" }
}

/// One row of the table: a label, a summary (or a single value), a target and whether it is
/// met.
fn row(out: &mut String, label: &str, value: Row, target: &str, met: Option<bool>) {
    let cells = match value {
        Row::One(d) => format!("{:>5} {:>9.1} {:>9} {:>9}", 1, ms(d), "", ""),
        Row::Many(Some(s)) => format!("{:>5} {:>9.1} {:>9.1} {:>9.1}", s.n, s.p50, s.p95, s.max),
        Row::Many(None) => format!("{:>5} {:>9} {:>9} {:>9}", 0, "", "", ""),
    };
    let met = met.map_or("", yes);
    let line = format!("{label:<40} {cells}   {target:<20} {met}");
    out.push_str(line.trim_end());
    out.push('\n');
}

enum Row {
    One(Duration),
    Many(Option<Summary>),
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The results as a table for people.
pub fn table(results: &Results) -> String {
    let w = &results.workspace;
    let mut out = String::new();
    let server = match (
        results.session.server_info["name"].as_str(),
        results.session.server_info["version"].as_str(),
    ) {
        (Some(name), Some(version)) => format!(" ({name} {version})"),
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "vnea lsp latency: one agency of {} elements, {} files, {} lines, {:.2} MB (seed {})",
        thousands(w.elements as u64),
        w.files,
        thousands(w.lines),
        mb(w.bytes),
        results.seed
    );
    let _ = writeln!(
        out,
        "binary: {}{server}; edited file: {} ({} lines)\n",
        results.binary.display(),
        w.edited,
        thousands(w.edited_lines as u64)
    );
    let _ = writeln!(
        out,
        "{:<40} {:>5} {:>9} {:>9} {:>9}   {:<20} met",
        "measurement", "n", "p50 ms", "p95 ms", "max ms", "target"
    );
    row(
        &mut out,
        "vnea check --format json (for reference)",
        Row::One(results.check),
        "",
        None,
    );
    row(
        &mut out,
        "initialize → answer",
        Row::One(results.session.initialize),
        "",
        None,
    );
    row(
        &mut out,
        &format!(
            "initial analysis ({} files published)",
            w.files_with_diagnostics
        ),
        Row::One(results.session.initial_analysis),
        "",
        None,
    );
    row(
        &mut out,
        "didOpen → publishDiagnostics",
        Row::One(results.session.did_open),
        "",
        None,
    );
    let edits = Summary::of(&edit_samples(results, None));
    row(
        &mut out,
        "didChange → publishDiagnostics",
        Row::Many(edits),
        &format!("p50 < {EDIT_P50_MS}, p95 < {EDIT_P95_MS}"),
        edits.as_ref().map(edits_met),
    );
    for kind in EditKind::ALL {
        let samples = edit_samples(results, Some(kind));
        if !samples.is_empty() {
            row(
                &mut out,
                &format!("  {}", kind.label()),
                Row::Many(Summary::of(&samples)),
                "",
                None,
            );
        }
    }
    for r in &results.session.requests {
        let summary = Summary::of(&r.samples);
        row(
            &mut out,
            r.label,
            Row::Many(summary),
            &format!("p95 < {}", r.target_p95_ms),
            summary.map(|s| s.p95 < r.target_p95_ms),
        );
    }
    out.push('\n');
    for (label, memory) in [
        (
            "after the initial analysis",
            results.session.memory_after_analysis,
        ),
        ("at the end", results.session.memory_at_end),
    ] {
        match memory {
            Some(m) => {
                let _ = write!(
                    out,
                    "memory {label}: RSS {:.1} MB, peak RSS {:.1} MB",
                    mb(m.rss),
                    mb(m.peak)
                );
                if results.session.memory_after_analysis == Some(m) && label.contains("initial") {
                    let _ = write!(
                        out,
                        " (target RSS < {RSS_MB} MB: {})",
                        yes(mb(m.rss) < RSS_MB)
                    );
                }
                out.push('\n');
            }
            None => {
                let _ = writeln!(out, "memory {label}: unknown (no /proc/<pid>/status)");
            }
        }
    }
    let _ = writeln!(
        out,
        "edited file after {} keystrokes: {} error diagnostics; the server's text is ours: {}",
        results.session.edits.len(),
        results.session.errors_after_edits,
        match &results.session.text_agrees {
            Ok(agrees) => yes(*agrees).to_owned(),
            Err(why) => format!("not compared ({why})"),
        }
    );
    for r in &results.session.requests {
        let _ = write!(
            out,
            "{}: {} answered, {} empty, {} errors",
            r.label, r.answered, r.empty, r.errors
        );
        if r.key.starts_with("completion") && r.answered > 0 {
            let _ = write!(
                out,
                ", {:.0} items per answer",
                r.items as f64 / r.answered as f64
            );
        }
        out.push('\n');
    }
    for (key, why) in &results.session.skipped {
        let _ = writeln!(out, "skipped {key}: {why}");
    }
    if !results.session.server_requests.is_empty() {
        let _ = writeln!(
            out,
            "requests from the server (answered): {}",
            results.session.server_requests.join(", ")
        );
    }
    if results.session.exit_code != Some(0) {
        let _ = writeln!(
            out,
            "exit code after shutdown and exit: {:?}",
            results.session.exit_code
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(103_265), "103,265");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
