//! Diagnostics as plain data: the rule registry, severities, and what a diagnostic carries.
//! Front ends (the command line, the language server) turn them into their own types.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use vnea_syntax::Span;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something wrong: `vnea check` fails.
    Error,
    /// Something probably wrong.
    Warning,
    /// Something worth knowing.
    Info,
    /// A suggestion.
    Hint,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 4] = [
        Severity::Error,
        Severity::Warning,
        Severity::Info,
        Severity::Hint,
    ];

    /// The severity's name as written in `vnea.toml` and in JSON output.
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    /// The severity called `name`, if any.
    pub fn from_name(name: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Declares [`Rule`] and its registry from one table.
macro_rules! rules {
    ($($(#[doc = $doc:literal])+ $id:ident = $name:literal, $severity:ident, $configurable:literal;)+) => {
        /// A diagnostic rule of the language specification (§7). Its name is stable: it is
        /// what users write in `[rules]`, and what every output shows as the code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($(#[doc = $doc])+ $id,)+
        }

        impl Rule {
            /// Every rule, in the order of the specification.
            pub const ALL: &[Rule] = &[$(Rule::$id),+];

            /// The rule's stable name, e.g. `syntax-error`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Rule::$id => $name,)+
                }
            }

            /// The severity the rule reports at unless `[rules]` says otherwise.
            pub const fn default_severity(self) -> Severity {
                match self {
                    $(Rule::$id => Severity::$severity,)+
                }
            }

            /// Whether `[rules]` may change the rule's severity or turn it off. Rules about
            /// input the tool cannot read are always errors.
            pub const fn is_configurable(self) -> bool {
                match self {
                    $(Rule::$id => $configurable,)+
                }
            }
        }
    };
}

rules! {
    /// Any lexical or parse error.
    SyntaxError = "syntax-error", Error, false;
    /// A bad `vnea.toml`.
    InvalidConfig = "invalid-config", Error, false;
    /// A `.vnea` file that is not valid UTF-8.
    InvalidEncoding = "invalid-encoding", Error, false;
    /// Two declarations with the same name in one scope.
    DuplicateName = "duplicate-name", Error, true;
    /// A path that names nothing.
    UnresolvedReference = "unresolved-reference", Error, true;
    /// A reference to a declaration of a kind the property does not accept.
    WrongKindReference = "wrong-kind-reference", Error, true;
    /// A top-level name that shadows a name of the framework pack.
    ShadowedFrameworkName = "shadowed-framework-name", Warning, true;
    /// A declaration kind the schema does not have.
    UnknownKind = "unknown-kind", Error, true;
    /// A kind where the schema does not allow it, or a property at top level.
    MisplacedDeclaration = "misplaced-declaration", Error, true;
    /// A property the kind does not take.
    UnknownProperty = "unknown-property", Error, true;
    /// A value of the wrong type, out of range, or not in its enumeration.
    InvalidValue = "invalid-value", Error, true;
    /// A workspace with elements and no `architecture`.
    MissingArchitecture = "missing-architecture", Warning, true;
    /// More than one `architecture` in a workspace.
    MultipleArchitectures = "multiple-architectures", Error, true;
    /// An architecture lacking one of the seven basic contents.
    MissingMandatoryContent = "missing-mandatory-content", Warning, true;
    /// A ministry or province architecture without an LGSP platform.
    MissingLgsp = "missing-lgsp", Error, true;
    /// An LGSP platform with no relation to `national.ngsp`.
    LgspNotConnected = "lgsp-not-connected", Error, true;
    /// A connection to a national system that bypasses the LGSP and the NGSP.
    DirectNationalConnection = "direct-national-connection", Warning, true;
    /// A connection to a national component over a network that is not dedicated.
    NonDedicatedNetwork = "non-dedicated-network", Warning, true;
    /// An application or platform without `security_level`.
    MissingSecurityLevel = "missing-security-level", Warning, true;
    /// A sub-system whose security level is above its parent's.
    SubsystemLevelExceedsSystem = "subsystem-level-exceeds-system", Error, true;
    /// An application, platform or database without `owner`.
    MissingOwner = "missing-owner", Info, true;
    /// An element without its reference-model mapping.
    UnmappedElement = "unmapped-element", Warning, true;
    /// A workspace on framework 2.0, which 3.0 replaced.
    SupersededFramework = "superseded-framework", Info, true;
    /// A cycle in the roadmap's `depends_on`.
    RoadmapCycle = "roadmap-cycle", Error, true;
    /// A range whose start is after its end (error), or a project period outside the
    /// architecture's period (reported as a warning).
    InvalidPeriod = "invalid-period", Error, true;
    /// An element nothing refers to.
    UnusedElement = "unused-element", Hint, true;
}

impl Rule {
    /// The rule called `name`, if any.
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.name() == name)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A finding in one file: what, how serious, where, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: Rule,
    /// How serious it is, after the workspace's `[rules]`.
    pub severity: Severity,
    /// The message, already in the user's language.
    pub message: String,
    /// The primary range: bytes of the file the diagnostic is on.
    pub span: Span,
    /// Other places that explain the finding.
    pub related: Vec<Related>,
    /// Edits that would resolve it.
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    /// A diagnostic of `rule` at its default severity, without related places or fixes.
    pub fn new(rule: Rule, message: String, span: Span) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message,
            span,
            related: Vec::new(),
            fixes: Vec::new(),
        }
    }

    /// The diagnostic with `fix` added.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
}

/// A place, possibly in another file, that explains a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// The file the place is in.
    pub file: PathBuf,
    /// Bytes of that file.
    pub span: Span,
    /// What the place has to do with the diagnostic.
    pub message: String,
}

/// A fix: a titled set of edits to the diagnostic's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, already in the user's language.
    pub title: String,
    /// Non-overlapping edits, each replacing a span of the file.
    pub edits: Vec<Edit>,
}

/// One text replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes to replace (empty to insert).
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique_and_round_trip() {
        for &rule in Rule::ALL {
            assert_eq!(Rule::from_name(rule.name()), Some(rule));
            assert_eq!(
                Rule::ALL.iter().filter(|r| r.name() == rule.name()).count(),
                1
            );
        }
        assert_eq!(Rule::ALL.len(), 26);
        assert_eq!(Rule::from_name("no-such-rule"), None);
    }

    #[test]
    fn default_severities_follow_the_specification() {
        assert_eq!(Rule::SyntaxError.default_severity(), Severity::Error);
        assert_eq!(
            Rule::ShadowedFrameworkName.default_severity(),
            Severity::Warning
        );
        assert_eq!(Rule::MissingOwner.default_severity(), Severity::Info);
        assert_eq!(Rule::UnusedElement.default_severity(), Severity::Hint);
        assert!(!Rule::InvalidEncoding.is_configurable());
        assert!(Rule::MissingOwner.is_configurable());
    }

    #[test]
    fn severities_serialize_in_lower_case() {
        for severity in Severity::ALL {
            let json = serde_json::to_string(&severity).unwrap();
            assert_eq!(json, format!("\"{}\"", severity.name()));
            assert_eq!(Severity::from_name(severity.name()), Some(severity));
        }
    }
}
