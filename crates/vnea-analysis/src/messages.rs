//! The message catalog: every user-facing text of the toolchain, in Vietnamese and English,
//! keyed by [`Msg`]. Templates name their arguments with `{placeholders}`; `{{` and `}}` stand
//! for literal braces.
//!
//! Messages start in lower case and end without a full stop, like compiler messages; the
//! summary lines of the command line are capitalised where they are printed.

use std::fmt;
use std::str::FromStr;

/// A language messages can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Every language, in catalog order.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The language's code as written in `vnea.toml` and on the command line: `vi` or `en`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error of parsing a [`Lang`] from anything but `vi` or `en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownLang;

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == s)
            .ok_or(UnknownLang)
    }
}

/// Declares [`Msg`] and its templates in one table.
macro_rules! catalog {
    ($($(#[doc = $doc:literal])+ $id:ident { vi: $vi:literal, en: $en:literal $(,)? })+) => {
        /// The id of a user-facing message. Its wording lives in [`Msg::template`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($(#[doc = $doc])+ $id,)+
        }

        impl Msg {
            /// Every message id, in catalog order.
            pub const ALL: &[Msg] = &[$(Msg::$id),+];

            /// The template of the message in `lang`, with its `{placeholders}`.
            pub const fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$id, Lang::Vi) => $vi, (Msg::$id, Lang::En) => $en,)+
                }
            }
        }
    };
}

catalog! {
    // ---- Names used inside other messages -------------------------------------------------

    /// What [`vnea_syntax::Expected::Item`] stands for.
    NameItem { vi: "mục khai báo", en: "item" }
    /// What [`vnea_syntax::Expected::Identifier`] stands for.
    NameIdentifier { vi: "tên định danh", en: "identifier" }
    /// What [`vnea_syntax::Expected::Value`] stands for.
    NameValue { vi: "giá trị", en: "value" }
    /// What [`vnea_syntax::Expected::String`] stands for.
    NameString { vi: "chuỗi", en: "string" }
    /// What [`vnea_syntax::Expected::Number`] stands for.
    NameNumber { vi: "số", en: "number" }
    /// A `"""` text block, named instead of quoting its lines.
    NameTextBlock { vi: "khối văn bản", en: "text block" }
    /// The end of the input.
    NameEndOfFile { vi: "cuối tệp", en: "end of file" }
    /// The last two alternatives of a list: `a, b or c`.
    JoinOr { vi: "{init} hoặc {last}", en: "{init} or {last}" }
    /// The last two members of a list: `a, b and c`.
    JoinAnd { vi: "{init} và {last}", en: "{init} and {last}" }

    /// U+0000, named in an invalid-character message.
    CharNul { vi: "ký tự NUL", en: "null character" }
    /// U+00A0, named in an invalid-character message.
    CharNoBreakSpace { vi: "khoảng trắng không ngắt dòng", en: "no-break space" }
    /// U+202F, named in an invalid-character message.
    CharNarrowNoBreakSpace { vi: "khoảng trắng hẹp không ngắt dòng", en: "narrow no-break space" }
    /// U+200B, named in an invalid-character message.
    CharZeroWidthSpace { vi: "khoảng trắng có độ rộng bằng 0", en: "zero-width space" }
    /// U+00AD, named in an invalid-character message.
    CharSoftHyphen { vi: "dấu gạch nối mềm", en: "soft hyphen" }
    /// U+3000, named in an invalid-character message.
    CharIdeographicSpace { vi: "khoảng trắng toàn khổ", en: "ideographic space" }
    /// U+2028, named in an invalid-character message.
    CharLineSeparator { vi: "dấu phân cách dòng", en: "line separator" }
    /// U+2029, named in an invalid-character message.
    CharParagraphSeparator { vi: "dấu phân cách đoạn", en: "paragraph separator" }

    /// The TOML type table, in a configuration message.
    TypeTable { vi: "một bảng", en: "a table" }
    /// The TOML type string, in a configuration message.
    TypeString { vi: "một chuỗi", en: "a string" }
    /// An array of strings, in a configuration message.
    TypeStringArray { vi: "một danh sách chuỗi", en: "an array of strings" }
    /// The TOML type array, in a configuration message.
    TypeArray { vi: "một danh sách", en: "an array" }
    /// The TOML type integer, in a configuration message.
    TypeInteger { vi: "một số nguyên", en: "an integer" }
    /// The TOML type float, in a configuration message.
    TypeFloat { vi: "một số thực", en: "a float" }
    /// The TOML type boolean, in a configuration message.
    TypeBoolean { vi: "một giá trị true/false", en: "a boolean" }
    /// The TOML type date-time, in a configuration message.
    TypeDatetime { vi: "một ngày giờ", en: "a date-time" }

    // ---- syntax-error -----------------------------------------------------------------------

    /// One character that starts no token; `{character}` is its description.
    SyntaxInvalidCharacter {
        vi: "ký tự không hợp lệ {character}",
        en: "invalid character {character}",
    }
    /// Several adjacent characters that start no token; `{characters}` lists them.
    SyntaxInvalidCharacters {
        vi: "các ký tự không hợp lệ {characters}",
        en: "invalid characters {characters}",
    }
    /// A typographic quote, as word processors put in place of `"`.
    SyntaxCurlyQuote {
        vi: "dấu ngoặc kép cong {character} không hợp lệ; hãy dùng dấu ngoặc kép thẳng `\"`",
        en: "curly quote {character} is not valid here; use a straight `\"`",
    }
    /// A `"` string that reaches the end of its line.
    SyntaxUnterminatedString {
        vi: "chuỗi chưa được đóng: thiếu dấu `\"` trước cuối dòng",
        en: "unterminated string: missing `\"` before the end of the line",
    }
    /// A `"""` text block without its closing `"""`.
    SyntaxUnterminatedTextBlock {
        vi: "khối văn bản chưa được đóng: thiếu `\"\"\"`",
        en: "unterminated text block: missing the closing `\"\"\"`",
    }
    /// A `/*` comment without its `*/`.
    SyntaxUnterminatedBlockComment {
        vi: "chú thích khối chưa được đóng: thiếu `*/`",
        en: "unterminated block comment: missing `*/`",
    }
    /// An escape sequence other than the five valid ones.
    SyntaxInvalidEscape {
        vi: "chuỗi thoát `{escape}` không hợp lệ; chỉ dùng được `\\\"`, `\\\\`, `\\n`, `\\t` và `\\u{{XXXX}}`",
        en: "invalid escape `{escape}`; the valid escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{{XXXX}}`",
    }
    /// An opening delimiter without its partner.
    SyntaxUnclosed {
        vi: "dấu {open} chưa được đóng: thiếu dấu {close} tương ứng",
        en: "unclosed {open}: missing the matching {close}",
    }
    /// A closing delimiter without its partner.
    SyntaxUnopened {
        vi: "dấu {close} thừa: không có dấu {open} tương ứng",
        en: "unmatched {close}: there is no {open} to close",
    }
    /// Blocks and lists nested beyond the limit.
    SyntaxNestingTooDeep {
        vi: "khối và danh sách lồng nhau quá sâu (tối đa {max} cấp); phần bên trong bị bỏ qua",
        en: "blocks and lists nest too deeply (at most {max} levels); their contents are skipped",
    }
    /// Something other than what the grammar allows at this point.
    SyntaxUnexpected {
        vi: "cần {expected} nhưng gặp {found}",
        en: "expected {expected}, found {found}",
    }
    /// Something the grammar does not allow, with nothing to suggest instead.
    SyntaxUnexpectedToken {
        vi: "không được viết {found} ở đây",
        en: "unexpected {found}",
    }
    /// Something missing at the end of a line or of the file.
    SyntaxMissing {
        vi: "thiếu {expected}",
        en: "missing {expected}",
    }
    /// An item that stops before it is complete, with nothing to suggest.
    SyntaxIncomplete {
        vi: "mục khai báo chưa hoàn chỉnh",
        en: "incomplete item",
    }
    /// A declaration name with dots.
    SyntaxQualifiedName {
        vi: "tên khai báo không được chứa dấu `.` (chỉ `extend` mới nhận một đường dẫn)",
        en: "a declaration name cannot contain `.` (only `extend` takes a path)",
    }
    /// A property name with dots.
    SyntaxQualifiedPropertyName {
        vi: "tên thuộc tính không được chứa dấu `.`",
        en: "a property name cannot contain `.`",
    }
    /// A declaration kind with dots, often a relation without its arrow.
    SyntaxQualifiedKind {
        vi: "loại khai báo không được chứa dấu `.`; để viết một quan hệ, hãy đặt `->` giữa hai phần tử",
        en: "a declaration kind cannot contain `.`; to write a relation, put `->` between its two ends",
    }

    // ---- invalid-encoding -------------------------------------------------------------------

    /// A file whose bytes are not UTF-8.
    InvalidEncoding {
        vi: "tệp không phải văn bản UTF-8: byte {byte} tại vị trí {offset} (dòng {line}) không hợp lệ; hãy lưu lại tệp với bảng mã UTF-8",
        en: "the file is not valid UTF-8: invalid byte {byte} at offset {offset} (line {line}); save the file as UTF-8",
    }

    // ---- invalid-config ---------------------------------------------------------------------

    /// `vnea.toml` is not well-formed TOML; `{detail}` is the TOML parser's own explanation.
    ConfigTomlSyntax {
        vi: "lỗi cú pháp TOML: {detail}",
        en: "TOML syntax error: {detail}",
    }
    /// A table other than `[workspace]` and `[rules]`.
    ConfigUnknownTable {
        vi: "bảng `[{table}]` không được hỗ trợ; vnea.toml chỉ có {expected}",
        en: "unknown table `[{table}]`; vnea.toml has only {expected}",
    }
    /// A top-level key that is neither a table nor a key of `[workspace]`.
    ConfigUnknownTopLevelKey {
        vi: "khóa `{key}` không được hỗ trợ; vnea.toml chỉ có {expected}",
        en: "unknown key `{key}`; vnea.toml has only {expected}",
    }
    /// A key of `[workspace]` written at the top level.
    ConfigKeyOutsideTable {
        vi: "khóa `{key}` phải nằm trong bảng `[{table}]`",
        en: "`{key}` belongs in the `[{table}]` table",
    }
    /// A key a table does not take.
    ConfigUnknownKey {
        vi: "khóa `{key}` không được hỗ trợ trong `[{table}]`; chỉ dùng {expected}",
        en: "unknown key `{key}` in `[{table}]`; expected {expected}",
    }
    /// A value of the wrong TOML type.
    ConfigWrongType {
        vi: "`{key}` phải là {expected}, không phải {found}",
        en: "`{key}` must be {expected}, not {found}",
    }
    /// An element of an array of the wrong TOML type.
    ConfigWrongElementType {
        vi: "mỗi phần tử của `{key}` phải là {expected}, không phải {found}",
        en: "each element of `{key}` must be {expected}, not {found}",
    }
    /// A value outside the allowed set.
    ConfigBadValue {
        vi: "`{key}` không nhận giá trị {value}; chỉ dùng {expected}",
        en: "invalid value {value} for `{key}`; expected {expected}",
    }
    /// A key of `[rules]` that names no rule.
    ConfigUnknownRule {
        vi: "không có quy tắc `{rule}`",
        en: "unknown rule `{rule}`",
    }
    /// A key of `[rules]` that names no rule but is close to one.
    ConfigUnknownRuleDidYouMean {
        vi: "không có quy tắc `{rule}`; có phải ý bạn là `{suggestion}`?",
        en: "unknown rule `{rule}`; did you mean `{suggestion}`?",
    }
    /// A rule that `[rules]` cannot change.
    ConfigRuleNotConfigurable {
        vi: "quy tắc `{rule}` luôn là lỗi, không thể đổi mức độ hay tắt",
        en: "rule `{rule}` is always an error and cannot be configured",
    }
    /// The title of a fix that replaces a word.
    FixReplaceWith {
        vi: "thay bằng `{text}`",
        en: "replace with `{text}`",
    }

    // ---- Names and references (§4) ---------------------------------------------------------

    /// An element named in a message: its kind, name and title.
    Element { vi: "{kind} `{name}` “{title}”", en: "the {kind} `{name}` (“{title}”)" }
    /// An element without a title named in a message.
    ElementUntitled { vi: "{kind} `{name}`", en: "the {kind} `{name}`" }
    /// `duplicate-name`.
    DuplicateName {
        vi: "tên `{name}` của {element} đã được khai báo trong cùng phạm vi",
        en: "the name `{name}` of {element} is already declared in this scope",
    }
    /// Related location of `duplicate-name`.
    DuplicateFirst { vi: "khai báo đầu tiên của `{name}`", en: "first declaration of `{name}`" }
    /// `unresolved-reference` on the first segment of a path.
    Unresolved { vi: "không tìm thấy `{name}`", en: "cannot find `{name}`" }
    /// `unresolved-reference` on a later segment of a path.
    UnresolvedMember {
        vi: "`{parent}` không có thành phần `{name}`",
        en: "`{parent}` has no member `{name}`",
    }
    /// Appended to `unresolved-reference`: the suggestions.
    DidYouMean { vi: "; có phải ý bạn là {candidates}?", en: "; did you mean {candidates}?" }
    /// Appended to `unresolved-reference`: the path exists in the other framework version.
    ExistsInFramework {
        vi: "; `{path}` có trong khung kiến trúc {version}",
        en: "; `{path}` exists in framework {version}",
    }
    /// `wrong-kind-reference`.
    WrongKind {
        vi: "`{property}` cần {expected}, nhưng `{path}` là {found}",
        en: "`{property}` expects {expected}, but `{path}` is {found}",
    }
    /// A node of a reference model, as what a property expects.
    RefModelNode { vi: "một nút của {model}", en: "a node of {model}" }
    /// Any element of an architecture, as what a property expects.
    AnyElement { vi: "một thành phần kiến trúc", en: "an element of the architecture" }
    /// `shadowed-framework-name`.
    ShadowedFrameworkName {
        vi: "{element} che khuất tên `{name}` của khung kiến trúc {version}",
        en: "{element} shadows the name `{name}` of framework {version}",
    }

    // ---- Kinds, properties, values (§5) -----------------------------------------------------

    /// `unknown-kind`.
    UnknownKind { vi: "không có loại khai báo `{kind}`", en: "unknown declaration kind `{kind}`" }
    /// Appended to `unknown-kind` and `unknown-property`: one suggestion.
    DidYouMeanOne { vi: "; có phải ý bạn là `{suggestion}`?", en: "; did you mean `{suggestion}`?" }
    /// `misplaced-declaration`: a kind where the schema does not allow it.
    Misplaced { vi: "không được khai báo {kind} {place}", en: "{kind} cannot be declared {place}" }
    /// Where a misplaced declaration stands: the top level.
    PlaceTopLevel { vi: "ở cấp cao nhất", en: "at the top level" }
    /// Where a misplaced declaration stands: inside another declaration.
    PlaceInside { vi: "bên trong {parent}", en: "inside {parent}" }
    /// `misplaced-declaration`: a kind only framework packs declare.
    PackOnlyKind {
        vi: "loại `{kind}` chỉ dùng trong gói khung kiến trúc",
        en: "the kind `{kind}` is only for framework packs",
    }
    /// `misplaced-declaration`: a property at the top level.
    TopLevelProperty {
        vi: "thuộc tính `{name}` phải nằm trong khối của một khai báo",
        en: "the property `{name}` must be inside the block of a declaration",
    }
    /// `unknown-property`.
    UnknownProperty {
        vi: "{kind} không có thuộc tính `{name}`",
        en: "{kind} has no property `{name}`",
    }
    /// `unknown-property` inside a relation.
    UnknownRelationProperty {
        vi: "quan hệ không có thuộc tính `{name}`",
        en: "a relation has no property `{name}`",
    }
    /// `invalid-value`: a value of the wrong type.
    ValueExpected { vi: "`{property}` cần {expected}", en: "`{property}` expects {expected}" }
    /// `invalid-value`: an identifier outside an enumeration.
    ValueNotInEnum {
        vi: "`{value}` không phải giá trị hợp lệ của `{property}`; chỉ dùng {values}",
        en: "`{value}` is not a valid `{property}`; use {values}",
    }
    /// `invalid-value`: a number out of range.
    ValueOutOfRange {
        vi: "`{property}` phải từ {min} đến {max}, không phải {value}",
        en: "`{property}` must be between {min} and {max}, not {value}",
    }
    /// `invalid-value`: a property of the other framework version.
    ValueOtherFramework {
        vi: "`{property}` chỉ dùng trong khung kiến trúc {version}; workspace này theo khung {current}{hint}",
        en: "`{property}` belongs to framework {version}; this workspace follows framework {current}{hint}",
    }
    /// Hint of `invalid-value` for `online_level` in framework 3.0.
    HintUseMode {
        vi: "(dịch vụ công trực tuyến toàn trình hoặc một phần: `mode: full | partial`, NĐ 42/2022/NĐ-CP)",
        en: "(online public services are full or partial: `mode: full | partial`, NĐ 42/2022/NĐ-CP)",
    }
    /// Hint of `invalid-value` for `mode` in framework 2.0.
    HintUseOnlineLevel {
        vi: "(khung 2.0 dùng mức độ dịch vụ công trực tuyến: `online_level: 1..4`)",
        en: "(framework 2.0 uses online service levels: `online_level: 1..4`)",
    }
    /// A value type: a string or a text block.
    TypeText { vi: "một chuỗi hoặc khối văn bản", en: "a string or a text block" }
    /// A value type: one of some identifiers.
    TypeEnum { vi: "một trong các giá trị {values}", en: "one of {values}" }
    /// A value type: a whole number in a range.
    TypeIntegerRange { vi: "một số nguyên từ {min} đến {max}", en: "a whole number from {min} to {max}" }
    /// A value type: a range of years.
    TypePeriod { vi: "một khoảng năm như `2021..2025`", en: "a range of years such as `2021..2025`" }
    /// A value type: a framework version.
    TypeFrameworkVersion { vi: "`\"2.0\"` hoặc `\"3.0\"`", en: "`\"2.0\"` or `\"3.0\"`" }
    /// A value type: a reference.
    TypeReference { vi: "tham chiếu tới {target}", en: "a reference to {target}" }
    /// A value type: a list of references.
    TypeReferenceList { vi: "danh sách tham chiếu tới {target}", en: "a list of references to {target}" }

    // ---- The architecture (§7) --------------------------------------------------------------

    /// `missing-architecture`.
    MissingArchitecture {
        vi: "workspace chưa có khai báo `architecture` (văn bản kiến trúc) dù đã khai báo {count} thành phần",
        en: "the workspace has no `architecture` declaration (elements declared: {count})",
    }
    /// `multiple-architectures`.
    MultipleArchitectures {
        vi: "một workspace chỉ có một `architecture`; đã có {first}",
        en: "a workspace has one `architecture`; {first} is already declared",
    }
    /// Related location of `multiple-architectures`.
    FirstArchitecture { vi: "kiến trúc đã khai báo trước", en: "the architecture declared first" }
    /// `missing-mandatory-content`.
    MissingContent {
        vi: "{architecture} thiếu nội dung cơ bản: {content} ({decision}, các nội dung cơ bản của kiến trúc)",
        en: "{architecture} lacks one of the basic contents: {content} ({decision}, the basic contents of an architecture)",
    }
    /// The decision that issued framework 2.0.
    Decision20 { vi: "QĐ 2323/QĐ-BTTTT, Khung Kiến trúc CPĐT 2.0", en: "QĐ 2323/QĐ-BTTTT, framework 2.0" }
    /// The decision that issued framework 3.0.
    Decision30 { vi: "QĐ 2568/QĐ-BTTTT, Khung Kiến trúc CPĐT 3.0", en: "QĐ 2568/QĐ-BTTTT, framework 3.0" }
    /// A basic content: the vision.
    ContentVision { vi: "tầm nhìn (`vision`)", en: "the vision (`vision`)" }
    /// A basic content: the objectives.
    ContentObjectives { vi: "mục tiêu (`objectives`)", en: "the objectives (`objectives`)" }
    /// A basic content: the scope.
    ContentScope { vi: "phạm vi áp dụng (`scope`)", en: "the scope (`scope`)" }
    /// A basic content: the principles.
    ContentPrinciples { vi: "nguyên tắc (`principles`)", en: "the principles (`principles`)" }
    /// A basic content: the business architecture.
    ContentBusiness {
        vi: "kiến trúc nghiệp vụ (ít nhất một `service` hoặc `process`)",
        en: "the business architecture (at least one `service` or `process`)",
    }
    /// A basic content: the data architecture.
    ContentData { vi: "kiến trúc dữ liệu (ít nhất một `database`)", en: "the data architecture (at least one `database`)" }
    /// A basic content: the application architecture.
    ContentApplication {
        vi: "kiến trúc ứng dụng (ít nhất một `application`)",
        en: "the application architecture (at least one `application`)",
    }
    /// A basic content: the technology architecture.
    ContentTechnology {
        vi: "kiến trúc công nghệ (ít nhất một `infrastructure` hoặc `network`)",
        en: "the technology architecture (at least one `infrastructure` or `network`)",
    }
    /// A basic content: the security architecture.
    ContentSecurity {
        vi: "kiến trúc an toàn thông tin (ít nhất một `control`)",
        en: "the security architecture (at least one `control`)",
    }
    /// A basic content: the implementation plan.
    ContentPlan {
        vi: "tổ chức triển khai, lộ trình (ít nhất một `project`)",
        en: "the implementation plan (at least one `project`)",
    }
    /// `missing-lgsp`.
    MissingLgsp {
        vi: "{architecture} chưa có nền tảng tích hợp, chia sẻ dữ liệu cấp bộ, cấp tỉnh (`platform` có `type: lgsp`; TT 13/2017/TT-BTTTT)",
        en: "{architecture} has no integration and data-sharing platform (a `platform` with `type: lgsp`; TT 13/2017/TT-BTTTT)",
    }
    /// `lgsp-not-connected`.
    LgspNotConnected {
        vi: "{platform} chưa có quan hệ kết nối với nền tảng quốc gia `national.ngsp` (TT 13/2017/TT-BTTTT)",
        en: "{platform} has no relation to the national platform `national.ngsp` (TT 13/2017/TT-BTTTT)",
    }
    /// `direct-national-connection`.
    DirectNationalConnection {
        vi: "kết nối từ {from} tới {to} không qua LGSP hay NGSP: thêm `via` tới nền tảng LGSP hoặc `national.ngsp` (thứ tự kết nối theo TT 13/2017/TT-BTTTT)",
        en: "the connection from {from} to {to} bypasses LGSP and NGSP: add `via` naming an LGSP platform or `national.ngsp` (connection order of TT 13/2017/TT-BTTTT)",
    }
    /// `non-dedicated-network`: a network of another type.
    NonDedicatedNetwork {
        vi: "kết nối tới {to} dùng {network}, không phải mạng truyền số liệu chuyên dùng (NQ 17/NQ-CP)",
        en: "the connection to {to} uses {network}, not the dedicated government network (NQ 17/NQ-CP)",
    }
    /// `non-dedicated-network`: no network named.
    NoNetwork {
        vi: "kết nối tới {to} chưa nêu mạng (`network`); kết nối với thành phần quốc gia dùng mạng truyền số liệu chuyên dùng `national.tslcd` (NQ 17/NQ-CP)",
        en: "the connection to {to} names no `network`; connections to national components use the dedicated network `national.tslcd` (NQ 17/NQ-CP)",
    }
    /// `missing-security-level`.
    MissingSecurityLevel {
        vi: "{element} chưa xác định cấp độ an toàn hệ thống thông tin (`security_level`; Luật An toàn thông tin mạng 2015, Điều 21; NĐ 85/2016/NĐ-CP)",
        en: "{element} has no security level (`security_level`; Law on Network Information Security 2015, Art. 21; NĐ 85/2016/NĐ-CP)",
    }
    /// `subsystem-level-exceeds-system`.
    SubsystemLevelExceeds {
        vi: "cấp độ {level} của {system} thấp hơn cấp độ {sublevel} của hệ thống con của nó là {subsystem}; hệ thống nhận cấp độ cao nhất của các hệ thống thành phần (NĐ 85/2016/NĐ-CP, Điều 5)",
        en: "level {level} of {system} is below level {sublevel} of its sub-system, {subsystem}; a system takes the highest level of its parts (NĐ 85/2016/NĐ-CP, Art. 5)",
    }
    /// `missing-owner`.
    MissingOwner {
        vi: "{element} chưa có chủ quản (`owner`; NĐ 85/2016/NĐ-CP, Điều 5)",
        en: "{element} has no owner (`owner`; NĐ 85/2016/NĐ-CP, Art. 5)",
    }
    /// `unmapped-element`.
    UnmappedElement {
        vi: "{element} chưa ánh xạ tới mô hình tham chiếu {model} (`{property}`; {decision})",
        en: "{element} is not mapped to the reference model {model} (`{property}`; {decision})",
    }
    /// `superseded-framework`.
    SupersededFramework {
        vi: "khung kiến trúc 2.0 (QĐ 2323/QĐ-BTTTT) đã được thay thế bằng khung 3.0 ngày 29/12/2023 (QĐ 2568/QĐ-BTTTT)",
        en: "framework 2.0 (QĐ 2323/QĐ-BTTTT) was replaced by framework 3.0 on 29/12/2023 (QĐ 2568/QĐ-BTTTT)",
    }
    /// `roadmap-cycle`.
    RoadmapCycle {
        vi: "lộ trình có vòng phụ thuộc (`depends_on`): {cycle}",
        en: "the roadmap has a dependency cycle (`depends_on`): {cycle}",
    }
    /// Related location of `roadmap-cycle`.
    InCycle { vi: "nằm trong vòng phụ thuộc", en: "part of the cycle" }
    /// `invalid-period`: start after end.
    PeriodReversed {
        vi: "năm bắt đầu {start} sau năm kết thúc {end}",
        en: "the start year {start} is after the end year {end}",
    }
    /// `invalid-period`: a project outside the architecture's period.
    PeriodOutside {
        vi: "thời gian {period} của {project} nằm ngoài thời kỳ {outer} của kiến trúc",
        en: "the period {period} of {project} lies outside the architecture's period {outer}",
    }
    /// Related location of `invalid-period`.
    ArchitecturePeriod { vi: "thời kỳ của kiến trúc", en: "the architecture's period" }
    /// `unused-element`.
    UnusedElement {
        vi: "{element} không được thành phần nào tham chiếu và không có quan hệ nào",
        en: "nothing refers to {element} and it has no relation",
    }
    /// The title of a fix that adds a property.
    FixAddProperty { vi: "thêm `{property}`", en: "add `{property}`" }

    // ---- IDE features -----------------------------------------------------------------------

    /// Hover: the official code of a pack node.
    HoverCode { vi: "Mã", en: "Code" }
    /// Hover: the status of a pack node.
    HoverStatus { vi: "Trạng thái", en: "Status" }
    /// Hover: where a pack node's facts come from.
    HoverSource { vi: "Nguồn", en: "Source" }
    /// Hover: what `status: issued` means.
    HoverStatusIssued {
        vi: "theo văn bản đã ban hành",
        en: "stated by the issued decision",
    }
    /// Hover: what `status: draft` means.
    HoverStatusDraft {
        vi: "theo dự thảo, có thể khác văn bản ban hành",
        en: "from a published draft; may differ from the issued text",
    }
    /// Hover: what `status: derived` means.
    HoverStatusDerived {
        vi: "nhóm do vnea suy ra từ nguồn được dẫn, không phải hạng mục chính thức",
        en: "a category vnea derived from the cited source, not an official item",
    }
    /// Rename: the offset is on nothing that can be renamed.
    RenameNothing {
        vi: "không có tên nào để đổi ở đây",
        en: "there is nothing to rename here",
    }
    /// Rename: the reference names no declaration.
    RenameUnresolved {
        vi: "`{name}` không trỏ tới khai báo nào",
        en: "`{name}` does not name any declaration",
    }
    /// Rename: the name is declared by a framework pack.
    RenameFramework {
        vi: "`{name}` là tên của khung kiến trúc, không thể đổi tên",
        en: "`{name}` is a name of the framework and cannot be renamed",
    }
    /// Rename: the new name is not an identifier.
    RenameInvalid {
        vi: "`{name}` không phải là tên định danh hợp lệ",
        en: "`{name}` is not a valid identifier",
    }
    /// Rename: the new name is taken in the same scope.
    RenameConflict {
        vi: "phạm vi này đã có khai báo tên `{name}`",
        en: "a declaration named `{name}` already exists in this scope",
    }

    // ---- Command line -----------------------------------------------------------------------

    /// The prefix of a message on standard error about a failure of the tool itself.
    CliError { vi: "lỗi: {message}", en: "error: {message}" }
    /// A path given on the command line that does not exist.
    CliPathNotFound {
        vi: "không tìm thấy `{path}`",
        en: "`{path}` does not exist",
    }
    /// A file or directory that cannot be read.
    CliCannotRead {
        vi: "không đọc được `{path}`: {reason}",
        en: "cannot read `{path}`: {reason}",
    }
    /// A file that cannot be written.
    CliCannotWrite {
        vi: "không ghi được `{path}`: {reason}",
        en: "cannot write `{path}`: {reason}",
    }
    /// Standard output could not be written.
    CliCannotWriteOutput {
        vi: "không ghi được kết quả: {reason}",
        en: "cannot write the output: {reason}",
    }
    /// The reason of an I/O error: permission denied.
    IoPermissionDenied { vi: "không có quyền truy cập", en: "permission denied" }
    /// The reason of an I/O error: no such file or directory.
    IoNotFound { vi: "không tồn tại", en: "no such file or directory" }

    /// `{count}` errors, in a summary, for a count of one.
    CountErrorsOne { vi: "{count} lỗi", en: "{count} error" }
    /// `{count}` errors, in a summary, for any other count.
    CountErrorsOther { vi: "{count} lỗi", en: "{count} errors" }
    /// `{count}` warnings, in a summary, for a count of one.
    CountWarningsOne { vi: "{count} cảnh báo", en: "{count} warning" }
    /// `{count}` warnings, in a summary, for any other count.
    CountWarningsOther { vi: "{count} cảnh báo", en: "{count} warnings" }
    /// `{count}` infos, in a summary, for a count of one.
    CountInfosOne { vi: "{count} thông báo", en: "{count} info" }
    /// `{count}` infos, in a summary, for any other count.
    CountInfosOther { vi: "{count} thông báo", en: "{count} infos" }
    /// `{count}` hints, in a summary, for a count of one.
    CountHintsOne { vi: "{count} gợi ý", en: "{count} hint" }
    /// `{count}` hints, in a summary, for any other count.
    CountHintsOther { vi: "{count} gợi ý", en: "{count} hints" }
    /// `{count}` files, in a summary, for a count of one.
    CountFilesOne { vi: "{count} tệp", en: "{count} file" }
    /// `{count}` files, in a summary, for any other count.
    CountFilesOther { vi: "{count} tệp", en: "{count} files" }
    /// The summary of `vnea check` when it found something.
    SummaryProblems { vi: "{counts} trong {files}", en: "{counts} in {files}" }
    /// The summary of `vnea check` when it found nothing.
    SummaryClean { vi: "không có vấn đề nào trong {files}", en: "no problems in {files}" }

    /// `vnea fmt`: files rewritten, for a count of one.
    FmtReformattedOne { vi: "đã định dạng lại {count} tệp", en: "{count} file reformatted" }
    /// `vnea fmt`: files rewritten, for any other count.
    FmtReformattedOther { vi: "đã định dạng lại {count} tệp", en: "{count} files reformatted" }
    /// `vnea fmt --check`: files that need formatting, for a count of one.
    FmtWouldReformatOne { vi: "{count} tệp cần định dạng lại", en: "{count} file would be reformatted" }
    /// `vnea fmt --check`: files that need formatting, for any other count.
    FmtWouldReformatOther { vi: "{count} tệp cần định dạng lại", en: "{count} files would be reformatted" }
    /// `vnea fmt`: files already formatted, for a count of one.
    FmtUnchangedOne { vi: "{count} tệp đã đúng định dạng", en: "{count} file already formatted" }
    /// `vnea fmt`: files already formatted, for any other count.
    FmtUnchangedOther { vi: "{count} tệp đã đúng định dạng", en: "{count} files already formatted" }
    /// `vnea fmt`: files left alone because of errors, for a count of one.
    FmtSkippedOne { vi: "bỏ qua {count} tệp có lỗi", en: "{count} file with errors skipped" }
    /// `vnea fmt`: files left alone because of errors, for any other count.
    FmtSkippedOther { vi: "bỏ qua {count} tệp có lỗi", en: "{count} files with errors skipped" }
}

impl Msg {
    /// The message in `lang`, each `{name}` replaced by the value given for `name` in `args`.
    ///
    /// A placeholder without a value is left as written (and fails a debug assertion), so a
    /// mistake shows in the output instead of aborting the tool.
    pub fn render(self, lang: Lang, args: &[(&str, &dyn fmt::Display)]) -> String {
        let template = self.template(lang);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(at) = rest.find(['{', '}']) {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                out.push_str(&tail[..1]);
                rest = &tail[2..];
                continue;
            }
            match tail.find('}').filter(|_| tail.starts_with('{')) {
                Some(close) => {
                    let name = &tail[1..close];
                    match args.iter().find(|(n, _)| *n == name) {
                        Some((_, value)) => out.push_str(&value.to_string()),
                        None => {
                            debug_assert!(false, "{self:?}: no value for `{name}`");
                            out.push_str(&tail[..=close]);
                        }
                    }
                    rest = &tail[close + 1..];
                }
                None => {
                    out.push_str(&tail[..1]);
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The message in `lang`, for a message without placeholders.
    pub fn text(self, lang: Lang) -> String {
        self.render(lang, &[])
    }
}

/// Joins `items` as `a, b or c` (`a, b hoặc c`).
pub fn join_or(lang: Lang, items: &[String]) -> String {
    join(Msg::JoinOr, lang, items)
}

/// Joins `items` as `a, b and c` (`a, b và c`).
pub fn join_and(lang: Lang, items: &[String]) -> String {
    join(Msg::JoinAnd, lang, items)
}

fn join(last_two: Msg, lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => last_two.render(lang, &[("init", &init.join(", ")), ("last", last)]),
    }
}

/// Source text in backticks, as messages quote it, cut with `…` at its first line break or
/// after 32 characters.
pub(crate) fn quote(source: &str) -> String {
    const MAX_CHARS: usize = 32;
    let line = source.split(['\r', '\n']).next().unwrap_or_default();
    let cut = line
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(line.len(), |(at, _)| at);
    if cut < source.len() {
        format!("`{}…`", &line[..cut])
    } else {
        format!("`{source}`")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The placeholder names of `template`, or an error on an unbalanced brace.
    fn placeholders(template: &str) -> Result<BTreeSet<&str>, String> {
        let mut names = BTreeSet::new();
        let mut rest = template;
        while let Some(at) = rest.find(['{', '}']) {
            let tail = &rest[at..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                rest = &tail[2..];
            } else if let Some(close) = tail.find('}').filter(|_| tail.starts_with('{')) {
                let name = &tail[1..close];
                if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    return Err(format!("bad placeholder `{name}`"));
                }
                names.insert(name);
                rest = &tail[close + 1..];
            } else {
                return Err(format!("unbalanced brace in {template:?}"));
            }
        }
        Ok(names)
    }

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        for &msg in Msg::ALL {
            let vi = msg.template(Lang::Vi);
            let en = msg.template(Lang::En);
            assert!(
                !vi.trim().is_empty() && !en.trim().is_empty(),
                "{msg:?} is empty"
            );
            assert_ne!(vi, en, "{msg:?} is not translated");
            let vi_names = placeholders(vi).unwrap_or_else(|e| panic!("{msg:?} (vi): {e}"));
            let en_names = placeholders(en).unwrap_or_else(|e| panic!("{msg:?} (en): {e}"));
            assert_eq!(vi_names, en_names, "{msg:?}: placeholders differ");
        }
    }

    #[test]
    fn messages_are_not_sentences() {
        for &msg in Msg::ALL {
            for lang in Lang::ALL {
                let text = msg.template(lang);
                assert!(
                    !text.ends_with('.'),
                    "{msg:?} ({lang}) ends with a full stop"
                );
                assert_eq!(text.trim(), text, "{msg:?} ({lang}) has outer spaces");
            }
        }
    }

    #[test]
    fn render_fills_placeholders_and_unescapes_braces() {
        let text =
            Msg::SyntaxUnexpected.render(Lang::En, &[("expected", &"`:`"), ("found", &"`{`")]);
        assert_eq!(text, "expected `:`, found `{`");
        let text = Msg::SyntaxInvalidEscape.render(Lang::Vi, &[("escape", &"\\q")]);
        assert!(text.starts_with("chuỗi thoát `\\q` không hợp lệ"), "{text}");
        assert!(text.ends_with("`\\u{XXXX}`"), "{text}");
        let text = Msg::CountErrorsOther.render(Lang::En, &[("count", &3)]);
        assert_eq!(text, "3 errors");
    }

    #[test]
    fn lists_are_joined_with_or() {
        let items = ["`a`", "`b`", "`c`"].map(String::from);
        assert_eq!(join_or(Lang::En, &items), "`a`, `b` or `c`");
        assert_eq!(join_or(Lang::Vi, &items), "`a`, `b` hoặc `c`");
        assert_eq!(join_or(Lang::Vi, &items[..1]), "`a`");
        assert_eq!(join_or(Lang::En, &[]), "");
        assert_eq!(join_and(Lang::Vi, &items[1..]), "`b` và `c`");
    }

    #[test]
    fn long_quotes_are_shortened() {
        assert_eq!(quote(&"x".repeat(40)), format!("`{}…`", "x".repeat(32)));
        assert_eq!(quote("dân_cư"), "`dân_cư`");
        assert_eq!(quote("[\n  \"a\",\n]"), "`[…`");
    }

    #[test]
    fn languages_parse_from_their_codes() {
        assert_eq!("vi".parse(), Ok(Lang::Vi));
        assert_eq!("en".parse(), Ok(Lang::En));
        assert_eq!("fr".parse::<Lang>(), Err(UnknownLang));
        assert_eq!(Lang::default(), Lang::Vi);
    }
}
