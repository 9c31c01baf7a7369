//! `vnea.toml`, the workspace configuration (spec §1).
//!
//! Reading it never fails: every problem becomes an `invalid-config` diagnostic on the file,
//! at the key or value it is about, and everything else in the file still applies. When the
//! file is not well-formed TOML, only the syntax errors are reported: what the TOML parser
//! recovered still applies, but its shape may be an artefact of the error, so it is not
//! judged until the syntax is fixed.

use std::collections::BTreeMap;

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use vnea_syntax::Span;

use crate::diagnostics::{Diagnostic, Edit, Fix, Rule, Severity};
use crate::messages::{Lang, Msg, join_and, join_or, quote};
use crate::suggest::closest;

/// The name of the configuration file that marks a workspace root.
pub const FILE_NAME: &str = "vnea.toml";

pub use vnea_packs::Framework;

/// What `[rules]` says about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleSetting {
    /// `"off"`: the rule reports nothing.
    Off,
    /// The rule reports at this severity.
    Severity(Severity),
}

/// The settings of a workspace, from its `vnea.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// Which built-in framework pack is in scope.
    pub framework: Framework,
    /// Extra pack directories, relative to the workspace root, loaded after the built-in pack.
    pub packs: Vec<String>,
    /// The language of messages.
    pub language: Lang,
    /// Per-rule settings; rules not listed keep their default severity.
    pub rules: BTreeMap<Rule, RuleSetting>,
}

/// The keys of `[workspace]`.
const WORKSPACE_KEYS: [&str; 3] = ["framework", "packs", "language"];
/// The value of a rule in `[rules]` that turns it off.
const OFF: &str = "off";

impl Config {
    /// Reads the text of a `vnea.toml`. Returns the settings, with defaults wherever the file
    /// says nothing valid, and the `invalid-config` diagnostics of the file. Messages are in
    /// `lang` if given, else in the language the file itself sets.
    pub fn parse(text: &str, lang: Option<Lang>) -> (Config, Vec<Diagnostic>) {
        let mut reader = Reader {
            text,
            config: Config::default(),
            problems: Vec::new(),
        };
        let (root, errors) = DeTable::parse_recoverable(text);
        for error in &errors {
            let span = error.span().map_or(Span::empty(0), Span::from);
            reader.report(
                span,
                Msg::ConfigTomlSyntax,
                vec![("detail", error.message().into())],
            );
        }
        reader.root(root.get_ref());
        if !errors.is_empty() {
            reader.problems.truncate(errors.len());
        }
        let lang = lang.unwrap_or(reader.config.language);
        reader.problems.sort_by_key(|p| (p.span.start, p.span.end));
        let diagnostics = reader
            .problems
            .into_iter()
            .map(|p| p.render(lang))
            .collect();
        (reader.config, diagnostics)
    }

    /// The severity `rule` reports at in this workspace, or `None` when it is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        match self.rules.get(&rule) {
            Some(RuleSetting::Off) => None,
            Some(RuleSetting::Severity(severity)) => Some(*severity),
            None => Some(rule.default_severity()),
        }
    }

    /// `diagnostics` with this workspace's `[rules]` applied: those of rules turned off are
    /// dropped, the others take the configured severity.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter_map(|mut diagnostic| match self.rules.get(&diagnostic.rule) {
                Some(RuleSetting::Off) => None,
                Some(RuleSetting::Severity(severity)) => {
                    diagnostic.severity = *severity;
                    Some(diagnostic)
                }
                None => Some(diagnostic),
            })
            .collect()
    }
}

/// A problem found while reading, worded once the message language is known.
struct Problem {
    span: Span,
    msg: Msg,
    args: Vec<(&'static str, Arg)>,
    /// A replacement for the text at `span`, offered as a fix.
    replacement: Option<String>,
}

/// An argument of a problem's message.
enum Arg {
    /// Text that reads the same in every language.
    Text(String),
    /// A name from the catalog.
    Name(Msg),
    /// Quoted alternatives, joined with "or".
    AnyOf(Vec<String>),
    /// Quoted members, joined with "and".
    AllOf(Vec<String>),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<Msg> for Arg {
    fn from(msg: Msg) -> Self {
        Arg::Name(msg)
    }
}

impl Problem {
    fn render(self, lang: Lang) -> Diagnostic {
        let args: Vec<(&str, String)> = self
            .args
            .into_iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => text,
                    Arg::Name(msg) => msg.text(lang),
                    Arg::AnyOf(items) => join_or(lang, &items),
                    Arg::AllOf(items) => join_and(lang, &items),
                };
                (name, value)
            })
            .collect();
        let refs: Vec<(&str, &dyn std::fmt::Display)> = args
            .iter()
            .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
            .collect();
        let diagnostic =
            Diagnostic::new(Rule::InvalidConfig, self.msg.render(lang, &refs), self.span);
        match self.replacement {
            Some(replacement) => diagnostic.with_fix(Fix {
                title: Msg::FixReplaceWith.render(lang, &[("text", &replacement)]),
                edits: vec![Edit {
                    span: self.span,
                    replacement,
                }],
            }),
            None => diagnostic,
        }
    }
}

struct Reader<'t> {
    text: &'t str,
    config: Config,
    problems: Vec<Problem>,
}

type Key<'i> = Spanned<std::borrow::Cow<'i, str>>;
type Value<'i> = Spanned<DeValue<'i>>;

impl Reader<'_> {
    fn report(&mut self, span: Span, msg: Msg, args: Vec<(&'static str, Arg)>) {
        self.problems.push(Problem {
            span,
            msg,
            args,
            replacement: None,
        });
    }

    fn root(&mut self, root: &DeTable<'_>) {
        for (key, value) in root {
            match key.get_ref().as_ref() {
                "workspace" => {
                    if let Some(table) = self.table(key, value) {
                        self.workspace(table);
                    }
                }
                "rules" => {
                    if let Some(table) = self.table(key, value) {
                        self.rules(table);
                    }
                }
                name if WORKSPACE_KEYS.contains(&name) => self.report(
                    span(key),
                    Msg::ConfigKeyOutsideTable,
                    vec![("key", name.into()), ("table", "workspace".into())],
                ),
                name => {
                    let tables =
                        Arg::AllOf(vec!["`[workspace]`".to_owned(), "`[rules]`".to_owned()]);
                    let (msg, what) = if value.get_ref().is_table() {
                        (Msg::ConfigUnknownTable, "table")
                    } else {
                        (Msg::ConfigUnknownTopLevelKey, "key")
                    };
                    self.report(
                        span(key),
                        msg,
                        vec![(what, name.into()), ("expected", tables)],
                    );
                }
            }
        }
    }

    /// The table `value` of `key`, or `None` after reporting that it is not one.
    fn table<'v, 'i>(&mut self, key: &Key<'_>, value: &'v Value<'i>) -> Option<&'v DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.wrong_type(key, value, Msg::TypeTable);
        }
        table
    }

    fn wrong_type(&mut self, key: &Key<'_>, value: &Value<'_>, expected: Msg) {
        let found = type_name(value.get_ref());
        self.report(
            span(value),
            Msg::ConfigWrongType,
            vec![
                ("key", key.get_ref().as_ref().into()),
                ("expected", expected.into()),
                ("found", found.into()),
            ],
        );
    }

    fn bad_value(&mut self, key: &Key<'_>, value: &Value<'_>, expected: Vec<String>) {
        let written = quote(&self.text[span(value).range()]);
        self.report(
            span(value),
            Msg::ConfigBadValue,
            vec![
                ("key", key.get_ref().as_ref().into()),
                ("value", written.into()),
                ("expected", Arg::AnyOf(expected)),
            ],
        );
    }

    fn workspace(&mut self, table: &DeTable<'_>) {
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "framework" => {
                    let version = value
                        .get_ref()
                        .as_str()
                        .and_then(|s| Framework::ALL.into_iter().find(|f| f.as_str() == s));
                    match version {
                        Some(version) => self.config.framework = version,
                        None => {
                            let expected = Framework::ALL.map(|f| format!("`\"{}\"`", f.as_str()));
                            self.bad_value(key, value, expected.to_vec());
                        }
                    }
                }
                "language" => match value.get_ref().as_str().and_then(|s| s.parse().ok()) {
                    Some(lang) => self.config.language = lang,
                    None => {
                        let expected = Lang::ALL.map(|l| format!("`\"{}\"`", l.code()));
                        self.bad_value(key, value, expected.to_vec());
                    }
                },
                "packs" => self.packs(key, value),
                name => {
                    let expected = WORKSPACE_KEYS.map(|k| format!("`{k}`")).to_vec();
                    self.report(
                        span(key),
                        Msg::ConfigUnknownKey,
                        vec![
                            ("key", name.into()),
                            ("table", "workspace".into()),
                            ("expected", Arg::AnyOf(expected)),
                        ],
                    );
                }
            }
        }
    }

    fn packs(&mut self, key: &Key<'_>, value: &Value<'_>) {
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_type(key, value, Msg::TypeStringArray);
            return;
        };
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(pack) => self.config.packs.push(pack.to_owned()),
                None => {
                    let found = type_name(item.get_ref());
                    self.report(
                        span(item),
                        Msg::ConfigWrongElementType,
                        vec![
                            ("key", key.get_ref().as_ref().into()),
                            ("expected", Msg::TypeString.into()),
                            ("found", found.into()),
                        ],
                    );
                }
            }
        }
    }

    fn rules(&mut self, table: &DeTable<'_>) {
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            let Some(rule) = Rule::from_name(name) else {
                self.unknown_rule(key);
                continue;
            };
            if !rule.is_configurable() {
                self.report(
                    span(key),
                    Msg::ConfigRuleNotConfigurable,
                    vec![("rule", name.into())],
                );
                continue;
            }
            let setting = match value.get_ref().as_str() {
                Some(OFF) => Some(RuleSetting::Off),
                Some(other) => Severity::from_name(other).map(RuleSetting::Severity),
                None => None,
            };
            match setting {
                Some(setting) => {
                    self.config.rules.insert(rule, setting);
                }
                None => {
                    let expected = Severity::ALL
                        .iter()
                        .map(|s| s.name())
                        .chain([OFF])
                        .map(|s| format!("`\"{s}\"`"))
                        .collect();
                    self.bad_value(key, value, expected);
                }
            }
        }
    }

    fn unknown_rule(&mut self, key: &Key<'_>) {
        let name = key.get_ref().as_ref();
        let at = span(key);
        let configurable = Rule::ALL
            .iter()
            .filter(|r| r.is_configurable())
            .map(|r| r.name());
        let Some(suggestion) = closest(name, configurable) else {
            self.report(at, Msg::ConfigUnknownRule, vec![("rule", name.into())]);
            return;
        };
        // The fix is offered only for a bare key, whose text is exactly its name.
        let bare = &self.text[at.range()] == name;
        self.problems.push(Problem {
            span: at,
            msg: Msg::ConfigUnknownRuleDidYouMean,
            args: vec![("rule", name.into()), ("suggestion", suggestion.into())],
            replacement: bare.then(|| suggestion.to_owned()),
        });
    }
}

fn span<T>(spanned: &Spanned<T>) -> Span {
    Span::from(spanned.span())
}

/// The catalog name of the TOML type of `value`.
fn type_name(value: &DeValue<'_>) -> Msg {
    match value {
        DeValue::String(_) => Msg::TypeString,
        DeValue::Integer(_) => Msg::TypeInteger,
        DeValue::Float(_) => Msg::TypeFloat,
        DeValue::Boolean(_) => Msg::TypeBoolean,
        DeValue::Datetime(_) => Msg::TypeDatetime,
        DeValue::Array(_) => Msg::TypeArray,
        DeValue::Table(_) => Msg::TypeTable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diagnostics of `text` as `line:column message`, columns in bytes, both 1-based.
    fn diagnostics(text: &str, lang: Lang) -> (Config, Vec<String>) {
        let (config, diagnostics) = Config::parse(text, Some(lang));
        let index = vnea_syntax::LineIndex::new(text);
        let lines = diagnostics
            .iter()
            .map(|d| {
                assert_eq!(d.rule, Rule::InvalidConfig);
                let at = index.line_col(d.span.start, vnea_syntax::line_index::Encoding::Utf8);
                format!("{}:{} {}", at.line + 1, at.col + 1, d.message)
            })
            .collect();
        (config, lines)
    }

    #[test]
    fn a_valid_file_sets_everything() {
        let text = r#"
[workspace]
framework = "3.0"
packs = ["refmodels", "them"]
language = "en"

[rules]
missing-owner = "off"
unmapped-element = "error"
"#;
        let (config, problems) = diagnostics(text, Lang::En);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.framework, Framework::V3_0);
        assert_eq!(config.packs, ["refmodels", "them"]);
        assert_eq!(config.language, Lang::En);
        assert_eq!(config.severity(Rule::MissingOwner), None);
        assert_eq!(
            config.severity(Rule::UnmappedElement),
            Some(Severity::Error)
        );
        assert_eq!(config.severity(Rule::UnusedElement), Some(Severity::Hint));
    }

    #[test]
    fn an_empty_file_gives_the_defaults() {
        let (config, problems) = diagnostics("", Lang::Vi);
        assert!(problems.is_empty());
        assert_eq!(config, Config::default());
        assert_eq!(config.framework, Framework::V2_0);
        assert_eq!(config.language, Lang::Vi);
    }

    #[test]
    fn bad_values_are_reported_where_they_are_and_the_rest_applies() {
        let text = "[workspace]\nframework = \"4.0\"\nlanguage = \"en\"\npacks = [\"a\", 1]\n";
        let (config, problems) = diagnostics(text, Lang::Vi);
        assert_eq!(
            problems,
            [
                "2:13 `framework` không nhận giá trị `\"4.0\"`; chỉ dùng `\"2.0\"` hoặc `\"3.0\"`",
                "4:15 mỗi phần tử của `packs` phải là một chuỗi, không phải một số nguyên",
            ]
        );
        assert_eq!(config.framework, Framework::V2_0);
        assert_eq!(config.language, Lang::En);
        assert_eq!(config.packs, ["a"]);
    }

    #[test]
    fn unknown_keys_and_tables() {
        let text = "framework = \"3.0\"\nname = 1\n[tools]\n[workspace]\nlang = \"en\"\n";
        let (_, problems) = diagnostics(text, Lang::En);
        assert_eq!(
            problems,
            [
                "1:1 `framework` belongs in the `[workspace]` table",
                "2:1 unknown key `name`; vnea.toml has only `[workspace]` and `[rules]`",
                "3:2 unknown table `[tools]`; vnea.toml has only `[workspace]` and `[rules]`",
                "5:1 unknown key `lang` in `[workspace]`; expected `framework`, `packs` or `language`",
            ]
        );
    }

    #[test]
    fn wrong_types() {
        let text = "workspace = 3\n[rules]\nmissing-owner = false\n";
        let (_, problems) = diagnostics(text, Lang::En);
        assert_eq!(
            problems,
            [
                "1:13 `workspace` must be a table, not an integer",
                "3:17 invalid value `false` for `missing-owner`; expected `\"error\"`, `\"warning\"`, `\"info\"`, `\"hint\"` or `\"off\"`",
            ]
        );
        let (_, problems) = diagnostics("[workspace]\npacks = \"a\"\n", Lang::Vi);
        assert_eq!(
            problems,
            ["2:9 `packs` phải là một danh sách chuỗi, không phải một chuỗi"]
        );
    }

    #[test]
    fn unknown_rules_suggest_the_nearest_with_a_fix() {
        let text = "[rules]\nmissing_owner = \"off\"\n\"unused-elemnt\" = \"off\"\nfoo = \"off\"\nsyntax-error = \"off\"\n";
        let (config, diagnostics) = Config::parse(text, Some(Lang::En));
        let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unknown rule `missing_owner`; did you mean `missing-owner`?",
                "unknown rule `unused-elemnt`; did you mean `unused-element`?",
                "unknown rule `foo`",
                "rule `syntax-error` is always an error and cannot be configured",
            ]
        );
        let fix = &diagnostics[0].fixes[0];
        assert_eq!(fix.title, "replace with `missing-owner`");
        assert_eq!(&text[fix.edits[0].span.range()], "missing_owner");
        assert_eq!(fix.edits[0].replacement, "missing-owner");
        // A quoted key gets no fix: replacing it would drop its quotes.
        assert!(diagnostics[1].fixes.is_empty());
        assert!(config.rules.is_empty());
    }

    #[test]
    fn toml_syntax_errors_are_reported_alone() {
        let text = "[workspace\nframework = \"3.0\"\n[rules]\nfoo = 1\n";
        let (_, problems) = diagnostics(text, Lang::En);
        assert_eq!(
            problems,
            ["1:11 TOML syntax error: unclosed table, expected `]`"]
        );
    }

    #[test]
    fn the_file_sets_the_language_of_its_own_messages() {
        let (_, diagnostics) = Config::parse("[workspace]\nlanguage = \"en\"\nfoo = 1\n", None);
        assert!(
            diagnostics[0].message.starts_with("unknown key `foo`"),
            "{diagnostics:?}"
        );
        let (_, diagnostics) = Config::parse("[workspace]\nfoo = 1\n", None);
        assert!(
            diagnostics[0].message.starts_with("khóa `foo`"),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn apply_overrides_and_drops() {
        let (config, _) = Config::parse(
            "[rules]\nmissing-owner = \"off\"\nunused-element = \"warning\"\n",
            None,
        );
        let diagnostics = vec![
            Diagnostic::new(Rule::MissingOwner, String::new(), Span::empty(0)),
            Diagnostic::new(Rule::UnusedElement, String::new(), Span::empty(0)),
            Diagnostic::new(Rule::DuplicateName, String::new(), Span::empty(0)),
        ];
        let applied = config.apply(diagnostics);
        let got: Vec<(Rule, Severity)> = applied.iter().map(|d| (d.rule, d.severity)).collect();
        assert_eq!(
            got,
            [
                (Rule::UnusedElement, Severity::Warning),
                (Rule::DuplicateName, Severity::Error)
            ]
        );
    }
}
