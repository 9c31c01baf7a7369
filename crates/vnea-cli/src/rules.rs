//! `vnea rules` and `vnea explain`: the rule registry of `vnea-analysis` and the documentation
//! of `vnea_analysis::rule_docs`, for the terminal, as JSON, and as the Markdown of
//! `docs/rules.md`. The SARIF output takes its rule help texts from here too.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;
use vnea_analysis::config::FILE_NAME;
use vnea_analysis::rule_docs::{self, Category, Label, RuleDoc};
use vnea_analysis::{Config, Lang, Msg, Rule, Severity};

use crate::cli::{ExplainArgs, RulesArgs, RulesFormat};
use crate::{Outcome, output_failed};

/// The width `vnea explain` wraps its paragraphs at, in characters.
const WIDTH: usize = 80;
/// The width of the lines of `vnea rules`, in characters.
const LIST_WIDTH: usize = 100;

/// The command that writes `docs/rules.md`, named at the top of the file.
pub const REGENERATE: &str = "cargo run -p vnea-cli -- rules --format markdown > docs/rules.md";

/// Runs `vnea rules`. Messages are in `lang` if given, else in the language of the workspace
/// around `cwd`; the Markdown is in both languages unless `lang` is given.
pub fn run_rules(args: &RulesArgs, lang: Option<Lang>, cwd: &Path) -> Outcome {
    let text = match args.format {
        RulesFormat::Human => list(doc_lang(lang, cwd)),
        RulesFormat::Json => json(doc_lang(lang, cwd)),
        RulesFormat::Markdown => match lang {
            Some(lang) => markdown(&[lang]),
            None => markdown(&Lang::ALL),
        },
    };
    print(&text, doc_lang(lang, cwd))
}

/// Runs `vnea explain`: the documentation of one rule, or a "did you mean" and exit code 2.
pub fn run_explain(args: &ExplainArgs, lang: Option<Lang>, cwd: &Path) -> Outcome {
    let lang = doc_lang(lang, cwd);
    match Rule::from_name(&args.rule) {
        Some(rule) => print(&explain(rule, lang), lang),
        None => {
            let name: &dyn std::fmt::Display = &args.rule;
            let message = match rule_docs::closest_rule(&args.rule) {
                Some(near) => Msg::ConfigUnknownRuleDidYouMean
                    .render(lang, &[("rule", name), ("suggestion", &near.name())]),
                None => Msg::ConfigUnknownRule.render(lang, &[("rule", name)]),
            };
            eprintln!("{}", Msg::CliError.render(lang, &[("message", &message)]));
            Outcome::Failed
        }
    }
}

/// Writes `text` to standard output.
fn print(text: &str, lang: Lang) -> Outcome {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Outcome::Clean,
        Err(error) => output_failed(&error, lang),
    }
}

/// The language of the documentation: `flag` if given, else the `language` of the workspace
/// that holds `cwd` (the nearest `vnea.toml` at or above it), else Vietnamese.
fn doc_lang(flag: Option<Lang>, cwd: &Path) -> Lang {
    flag.unwrap_or_else(|| {
        cwd.ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|file| file.is_file())
            .and_then(|file| std::fs::read_to_string(file).ok())
            .map(|text| Config::parse(&text, None).0.language)
            .unwrap_or_default()
    })
}

/// `rule`'s name in PascalCase, as SARIF's `name`: `missing-lgsp` → `MissingLgsp`.
pub fn pascal_case(rule: Rule) -> String {
    rule.name()
        .split('-')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// Words after which a line is not broken, so that a citation stays on one line:
/// `TT 13/2017/TT-BTTTT`, `Điều 21`.
const NO_BREAK_AFTER: [&str; 7] = ["QĐ", "TT", "NĐ", "NQ", "CV", "Điều", "Art."];

/// `text` broken into lines of at most `width` characters (a longer word stands alone), each
/// after `indent`. A citation such as `NĐ 85/2016/NĐ-CP` is kept on one line.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut glue = false;
    for word in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if glue => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
        glue = NO_BREAK_AFTER.contains(&word);
    }
    let mut out = String::new();
    let mut line_len = 0;
    for word in &words {
        let len = word.chars().count();
        if line_len > 0 && line_len + 1 + len > width {
            out.push('\n');
            line_len = 0;
        }
        if line_len == 0 {
            out.push_str(indent);
            line_len = indent.chars().count();
        } else {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += len;
    }
    out
}

/// `text` with each line after `indent`, empty lines left empty.
fn indent(text: &str, indent: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{indent}{line}\n")
            }
        })
        .collect::<Vec<_>>()
        .join("")
}

/// The list of `vnea rules`: each rule's name, default severity and summary, then its source.
fn list(lang: Lang) -> String {
    let name_width = Rule::ALL.iter().map(|r| r.name().len()).max().unwrap_or(0) + 2;
    let severity_width = Severity::ALL
        .iter()
        .map(|s| s.name().len())
        .max()
        .unwrap_or(0)
        + 2;
    let column = name_width + severity_width;
    let hanging = " ".repeat(column);
    let mut out = format!("{}\n\n", Label::Rules.text(lang));
    for &rule in Rule::ALL {
        let doc = rule_docs::doc(rule, lang);
        let summary = wrap(doc.summary, LIST_WIDTH, &hanging);
        let source = wrap(
            &format!("{}: {}", Label::Source.text(lang), doc.source),
            LIST_WIDTH,
            &hanging,
        );
        let _ = writeln!(
            out,
            "{:name_width$}{:severity_width$}{}\n{source}",
            rule.name(),
            rule.default_severity().name(),
            &summary[column..],
        );
    }
    let _ = writeln!(out, "\n{}", Label::ExplainHint.text(lang));
    out
}

/// The full documentation of `rule` for the terminal.
fn explain(rule: Rule, lang: Lang) -> String {
    let doc = rule_docs::doc(rule, lang);
    let mut out = wrap(&format!("{}: {}", rule.name(), doc.summary), WIDTH, "");
    out.push('\n');
    let _ = writeln!(out, "{}", severity_line(rule, lang));
    let _ = writeln!(
        out,
        "{}\n",
        wrap(
            &format!("{}: {}", Label::Source.text(lang), doc.source),
            WIDTH,
            ""
        )
    );
    let _ = writeln!(out, "{}", wrap(doc.explanation, WIDTH, ""));
    if let Some(example) = doc.example {
        push_example(&mut out, &example, lang);
    }
    let _ = writeln!(
        out,
        "\n{}: {}",
        Label::Documentation.text(lang),
        rule_docs::help_uri(rule)
    );
    out
}

/// Appends a rule's example: the violation, then its fix, each indented as code.
fn push_example(out: &mut String, example: &rule_docs::Example, lang: Lang) {
    let _ = write!(
        out,
        "\n{}:\n\n{}\n{}:\n\n{}",
        Label::Violation.text(lang),
        indent(example.violation, "    "),
        Label::Fixed.text(lang),
        indent(example.fix, "    "),
    );
}

/// `Mức độ mặc định: error (quy tắc của ngôn ngữ; …)`.
fn severity_line(rule: Rule, lang: Lang) -> String {
    let mut notes = vec![category_label(rule).text(lang)];
    if !rule.is_configurable() {
        notes.push(Label::NotConfigurable.text(lang));
    }
    format!(
        "{}: {} ({})",
        Label::DefaultSeverity.text(lang),
        rule.default_severity().name(),
        notes.join("; ")
    )
}

fn category_label(rule: Rule) -> Label {
    match rule_docs::category(rule) {
        Category::Language => Label::LanguageRule,
        Category::Framework => Label::FrameworkRule,
    }
}

/// The help of `rule` as plain text, for SARIF's `help.text`.
pub fn help_text(rule: Rule, lang: Lang) -> String {
    let doc = rule_docs::doc(rule, lang);
    let mut out = format!("{}\n", doc.explanation);
    if let Some(example) = doc.example {
        push_example(&mut out, &example, lang);
    }
    let _ = write!(
        out,
        "\n{}: {}\n{}: {}",
        Label::Source.text(lang),
        doc.source,
        Label::Documentation.text(lang),
        rule_docs::help_uri(rule)
    );
    out
}

/// The help of `rule` as Markdown, for SARIF's `help.markdown`.
pub fn help_markdown(rule: Rule, lang: Lang) -> String {
    let doc = rule_docs::doc(rule, lang);
    let mut out = format!("**{}**\n\n{}\n", doc.summary, doc.explanation);
    if let Some(example) = doc.example {
        out.push('\n');
        out.push_str(&example_markdown(example, &[lang]));
    }
    let _ = write!(
        out,
        "\n{}: {}\n\n{}: `{}`",
        Label::Source.text(lang),
        doc.source,
        Label::Documentation.text(lang),
        rule_docs::help_uri(rule)
    );
    out
}

/// The labels of `label` in `langs`, joined: `Căn cứ · Source`.
fn labels(label: Label, langs: &[Lang]) -> String {
    langs
        .iter()
        .map(|&l| label.text(l))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// An example as two Markdown code blocks with their labels.
fn example_markdown(example: rule_docs::Example, langs: &[Lang]) -> String {
    let syntax = example.syntax.name();
    format!(
        "{}:\n\n```{syntax}\n{}```\n\n{}:\n\n```{syntax}\n{}```\n",
        labels(Label::Violation, langs),
        example.violation,
        labels(Label::Fixed, langs),
        example.fix,
    )
}

/// Text for a cell of a Markdown table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The Markdown of `docs/rules.md`, in `langs`: a table of every rule, then a section per
/// rule whose heading is the rule's name (so `docs/rules.md#<rule-name>` is its anchor).
pub fn markdown(langs: &[Lang]) -> String {
    let mut out = format!(
        "<!-- Generated from vnea-analysis (diagnostics.rs, rule_docs.rs) by\n     `{REGENERATE}`.\n     Do not edit by hand: a test fails when this file is out of date. -->\n\n# {}\n\n",
        labels(Label::Rules, langs)
    );
    for &lang in langs {
        let _ = write!(out, "{}\n\n", Label::Intro.text(lang));
    }
    let summaries: Vec<&str> = langs.iter().map(|&l| Label::Summary.text(l)).collect();
    let _ = writeln!(
        out,
        "| {} | {} | {} |",
        labels(Label::Rule, langs),
        labels(Label::DefaultSeverity, langs),
        summaries.join(" | ")
    );
    let _ = writeln!(out, "|---|---|{}", "---|".repeat(langs.len()));
    for &rule in Rule::ALL {
        let summaries: Vec<String> = langs
            .iter()
            .map(|&l| cell(rule_docs::doc(rule, l).summary))
            .collect();
        let _ = writeln!(
            out,
            "| [`{name}`](#{name}) | {} | {} |",
            rule.default_severity().name(),
            summaries.join(" | "),
            name = rule.name(),
        );
    }
    for &rule in Rule::ALL {
        let _ = write!(out, "\n## {}\n\n", rule.name());
        let severities: Vec<String> = langs.iter().map(|&l| severity_line(rule, l)).collect();
        let _ = writeln!(out, "{}\n", severities.join("<br>\n"));
        for &lang in langs {
            let doc = rule_docs::doc(rule, lang);
            let _ = write!(
                out,
                "**{}**\n\n{}\n\n{}: {}\n\n",
                doc.summary,
                doc.explanation,
                Label::Source.text(lang),
                doc.source
            );
        }
        if let Some(example) = rule_docs::doc(rule, langs[0]).example {
            out.push_str(&example_markdown(example, langs));
        }
    }
    // One line end at the end of the file.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The JSON of `vnea rules --format json`.
fn json(lang: Lang) -> String {
    #[derive(Serialize)]
    struct Output {
        version: u32,
        language: &'static str,
        rules: Vec<RuleJson>,
    }
    #[derive(Serialize)]
    struct RuleJson {
        name: &'static str,
        default_severity: Severity,
        configurable: bool,
        category: &'static str,
        summary: &'static str,
        explanation: &'static str,
        source: &'static str,
        example: Option<ExampleJson>,
        help: String,
    }
    #[derive(Serialize)]
    struct ExampleJson {
        syntax: &'static str,
        violation: &'static str,
        fix: &'static str,
    }
    let rules = Rule::ALL
        .iter()
        .map(|&rule| {
            let RuleDoc {
                summary,
                explanation,
                source,
                example,
            } = rule_docs::doc(rule, lang);
            RuleJson {
                name: rule.name(),
                default_severity: rule.default_severity(),
                configurable: rule.is_configurable(),
                category: rule_docs::category(rule).name(),
                summary,
                explanation,
                source,
                example: example.map(|e| ExampleJson {
                    syntax: e.syntax.name(),
                    violation: e.violation,
                    fix: e.fix,
                }),
                help: rule_docs::help_uri(rule),
            }
        })
        .collect();
    let output = Output {
        version: 1,
        language: lang.code(),
        rules,
    };
    let mut text = serde_json::to_string_pretty(&output).expect("rules serialise");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_pascal_case() {
        assert_eq!(pascal_case(Rule::MissingLgsp), "MissingLgsp");
        assert_eq!(
            pascal_case(Rule::SubsystemLevelExceedsSystem),
            "SubsystemLevelExceedsSystem"
        );
    }

    #[test]
    fn wrapping() {
        assert_eq!(wrap("một hai ba bốn", 7, ""), "một hai\nba bốn");
        assert_eq!(wrap("một hai ba", 9, "  "), "  một hai\n  ba");
        assert_eq!(wrap("dàiquáđi x", 4, ""), "dàiquáđi\nx");
        assert_eq!(wrap("", 4, "  "), "");
        assert_eq!(
            wrap("theo TT 13/2017/TT-BTTTT", 10, ""),
            "theo\nTT 13/2017/TT-BTTTT"
        );
    }

    #[test]
    fn the_list_has_every_rule_once() {
        let text = list(Lang::En);
        for &rule in Rule::ALL {
            let lines = text
                .lines()
                .filter(|l| l.starts_with(&format!("{} ", rule.name())))
                .count();
            assert_eq!(lines, 1, "{rule}");
        }
        assert!(
            text.lines().all(|l| l.chars().count() <= LIST_WIDTH),
            "{text}"
        );
    }

    #[test]
    fn every_rule_has_a_markdown_section() {
        let text = markdown(&Lang::ALL);
        for &rule in Rule::ALL {
            assert_eq!(
                text.matches(&format!("\n## {}\n", rule.name())).count(),
                1,
                "{rule}"
            );
        }
        assert!(text.ends_with("```\n") && !text.ends_with("\n\n"));
    }
}
