//! The documentation of every [`Rule`], in Vietnamese and English: a one-line summary, an
//! explanation (what the rule catches, why it matters for a ministry's or a province's
//! architecture, how to fix it), the rule's source (the legal or official basis of a framework
//! rule, the section of the language specification for the others), and an example of a
//! violation and its fix.
//!
//! `vnea rules`, `vnea explain`, the SARIF output and `docs/rules.md` (generated from this
//! table by `vnea rules --format markdown`) all read it. Its texts are documentation, written
//! as sentences; the short diagnostic messages are in [`crate::messages`].
//!
//! ```
//! use vnea_analysis::{Lang, Rule, rule_docs};
//!
//! let doc = rule_docs::doc(Rule::MissingLgsp, Lang::Vi);
//! assert_eq!(doc.source, "TT 13/2017/TT-BTTTT");
//! assert_eq!(rule_docs::help_uri(Rule::MissingLgsp), "docs/rules.md#missing-lgsp");
//! ```

use crate::diagnostics::Rule;
use crate::messages::Lang;
use crate::suggest::closest;

/// The documentation of one rule in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleDoc {
    /// One line, without a full stop: what the rule reports.
    pub summary: &'static str,
    /// One paragraph: what the rule catches, why it matters, how to fix it. Code is quoted
    /// in backticks, as in Markdown.
    pub explanation: &'static str,
    /// What the rule rests on: a legal or official document (framework rules), or the
    /// section of the vnea language specification.
    pub source: &'static str,
    /// A violation and its fix, the same in both languages.
    pub example: Option<Example>,
}

/// A short example: text that the rule reports, and the same text fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// The language of the example.
    pub syntax: ExampleSyntax,
    /// Text the rule reports.
    pub violation: &'static str,
    /// The same text, fixed.
    pub fix: &'static str,
}

/// The language an [`Example`] is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleSyntax {
    /// A `.vnea` file.
    Vnea,
    /// A `vnea.toml` file.
    Toml,
}

impl ExampleSyntax {
    /// The name of the language, as a Markdown code block's info string: `vnea` or `toml`.
    pub const fn name(self) -> &'static str {
        match self {
            ExampleSyntax::Vnea => "vnea",
            ExampleSyntax::Toml => "toml",
        }
    }
}

/// What a rule checks: the language itself, or conformance to the national framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Syntax, configuration, names, the schema and the consistency of the model.
    Language,
    /// The framework and the legal documents it rests on.
    Framework,
}

impl Category {
    /// The category's name, as used in tags: `language` or `framework`.
    pub const fn name(self) -> &'static str {
        match self {
            Category::Language => "language",
            Category::Framework => "framework",
        }
    }
}

/// The documentation of `rule` in `lang`.
pub fn doc(rule: Rule, lang: Lang) -> RuleDoc {
    let entry = entry(rule);
    let text = match lang {
        Lang::Vi => entry.vi,
        Lang::En => entry.en,
    };
    RuleDoc {
        summary: text.summary,
        explanation: text.explanation,
        source: text.source,
        example: entry.example,
    }
}

/// Whether `rule` checks the language or conformance to the framework.
pub fn category(rule: Rule) -> Category {
    entry(rule).category
}

/// Where the rule's documentation is: `docs/rules.md#<rule-name>`, a reference relative to
/// the root of the vnea repository (the project has no web site to link to). Each rule has a
/// section of that file whose heading is its name, so the anchor is the name.
pub fn help_uri(rule: Rule) -> String {
    format!("docs/rules.md#{}", rule.name())
}

/// The rule whose name is closest to `name`, if one is close enough to be a plausible typo:
/// the "did you mean" of `vnea explain`.
pub fn closest_rule(name: &str) -> Option<Rule> {
    closest(name, Rule::ALL.iter().map(|r| r.name())).and_then(Rule::from_name)
}

/// The words that frame the documentation where it is printed (`vnea rules`, `vnea
/// explain`, `docs/rules.md`, SARIF help texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The title of the list of rules.
    Rules,
    /// The heading of the column of rule names.
    Rule,
    /// The heading of the column of default severities.
    DefaultSeverity,
    /// The heading of the column of summaries.
    Summary,
    /// Before a rule's source.
    Source,
    /// Before the example of a violation.
    Violation,
    /// Before the example fixed.
    Fixed,
    /// Before the reference to the rule's documentation.
    Documentation,
    /// Said of a rule that `[rules]` cannot change.
    NotConfigurable,
    /// Said of a framework rule.
    FrameworkRule,
    /// Said of a language rule.
    LanguageRule,
    /// After the list of rules: how to see one rule's documentation.
    ExplainHint,
    /// The introduction of the documentation of the rules.
    Intro,
}

impl Label {
    /// The label in `lang`.
    pub const fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Label::Rules, Lang::Vi) => "Các quy tắc kiểm tra của vnea",
            (Label::Rules, Lang::En) => "The rules of vnea",
            (Label::Rule, Lang::Vi) => "Quy tắc",
            (Label::Rule, Lang::En) => "Rule",
            (Label::DefaultSeverity, Lang::Vi) => "Mức độ mặc định",
            (Label::DefaultSeverity, Lang::En) => "Default severity",
            (Label::Summary, Lang::Vi) => "Tóm tắt",
            (Label::Summary, Lang::En) => "Summary",
            (Label::Source, Lang::Vi) => "Căn cứ",
            (Label::Source, Lang::En) => "Source",
            (Label::Violation, Lang::Vi) => "Ví dụ vi phạm",
            (Label::Violation, Lang::En) => "Example of a violation",
            (Label::Fixed, Lang::Vi) => "Đã sửa",
            (Label::Fixed, Lang::En) => "Fixed",
            (Label::Documentation, Lang::Vi) => "Tài liệu",
            (Label::Documentation, Lang::En) => "Documentation",
            (Label::NotConfigurable, Lang::Vi) => {
                "luôn là lỗi, không thể đổi mức độ hay tắt trong `[rules]`"
            }
            (Label::NotConfigurable, Lang::En) => {
                "always an error, cannot be changed or turned off in `[rules]`"
            }
            (Label::FrameworkRule, Lang::Vi) => "quy tắc của khung kiến trúc",
            (Label::FrameworkRule, Lang::En) => "framework rule",
            (Label::LanguageRule, Lang::Vi) => "quy tắc của ngôn ngữ",
            (Label::LanguageRule, Lang::En) => "language rule",
            (Label::ExplainHint, Lang::Vi) => {
                "Giải thích đầy đủ của một quy tắc: `vnea explain <tên-quy-tắc>`"
            }
            (Label::ExplainHint, Lang::En) => {
                "The full documentation of a rule: `vnea explain <rule-name>`"
            }
            (Label::Intro, Lang::Vi) => {
                "Mỗi chẩn đoán của `vnea check` mang tên một quy tắc dưới đây. Mức độ của mỗi quy \
                 tắc (trừ ba quy tắc luôn là lỗi) có thể được đổi hoặc tắt trong bảng `[rules]` \
                 của `vnea.toml`; `vnea explain <tên-quy-tắc>` in nội dung một mục của trang này \
                 ngay trên dòng lệnh."
            }
            (Label::Intro, Lang::En) => {
                "Every diagnostic of `vnea check` carries the name of one of the rules below. The \
                 severity of each rule (except the three that are always errors) can be changed \
                 or turned off in the `[rules]` table of `vnea.toml`; `vnea explain <rule-name>` \
                 prints a section of this page on the command line."
            }
        }
    }
}

/// A rule's documentation in both languages.
struct Entry {
    category: Category,
    vi: Text,
    en: Text,
    example: Option<Example>,
}

/// A rule's documentation in one language.
struct Text {
    summary: &'static str,
    explanation: &'static str,
    source: &'static str,
}

const fn vnea(violation: &'static str, fix: &'static str) -> Option<Example> {
    Some(Example {
        syntax: ExampleSyntax::Vnea,
        violation,
        fix,
    })
}

/// The table. The match is exhaustive, so a new rule does not compile without its docs.
fn entry(rule: Rule) -> Entry {
    use Category::{Framework, Language};
    match rule {
        Rule::SyntaxError => Entry {
            category: Language,
            vi: Text {
                summary: "Lỗi từ vựng hoặc cú pháp trong tệp .vnea",
                explanation: "Tệp không đúng ngữ pháp của vnea: một ký tự không hợp lệ, một chuỗi \
                    chưa đóng, thiếu dấu `:` giữa thuộc tính và giá trị, thiếu dấu `}` hoặc `]`. \
                    Trình phân tích không dừng ở lỗi đầu tiên: nó giữ lại mọi khai báo đọc được và \
                    báo tất cả các lỗi, nhưng phần bị lỗi không được kiểm tra theo khung kiến trúc, \
                    nên một lỗi cú pháp có thể che giấu những vi phạm khác của kiến trúc. Lỗi hay \
                    gặp khi chép văn bản từ trình soạn thảo văn bản (Word) là dấu ngoặc kép cong \
                    “…” thay cho dấu thẳng `\"`. Hãy sửa tại vị trí được chỉ ra rồi chạy lại \
                    `vnea check`; `vnea fmt` chỉ định dạng các tệp không có lỗi cú pháp. Quy tắc \
                    này luôn là lỗi, không thể đổi trong `[rules]`.",
                source: "Đặc tả ngôn ngữ vnea, §2–3",
            },
            en: Text {
                summary: "A lexical or syntax error in a .vnea file",
                explanation: "The file does not follow the grammar of vnea: a character that \
                    starts no token, an unterminated string, a missing `:` between a property and \
                    its value, a missing `}` or `]`. The parser does not stop at the first error: \
                    it keeps every declaration it can read and reports every error, but the broken \
                    part is not checked against the framework, so a syntax error can hide other \
                    problems of the architecture. A frequent cause when text is copied from a word \
                    processor is curly quotes “…” in place of the straight `\"`. Fix the error at \
                    the position shown and run `vnea check` again; `vnea fmt` formats only files \
                    without syntax errors. This rule is always an error and cannot be set in \
                    `[rules]`.",
                source: "vnea language specification §2–3",
            },
            example: vnea(
                r#"actor nguoi_dan “Người dân” {
  type: citizen
"#,
                r#"actor nguoi_dan "Người dân" {
  type: citizen
}
"#,
            ),
        },

        Rule::InvalidConfig => Entry {
            category: Language,
            vi: Text {
                summary: "Tệp cấu hình vnea.toml không hợp lệ",
                explanation: "Tệp `vnea.toml` ở thư mục gốc của workspace chọn phiên bản khung kiến \
                    trúc (`framework`), các gói mở rộng (`packs`), ngôn ngữ thông báo (`language`) \
                    và mức độ của từng quy tắc (`[rules]`). Một khóa không được hỗ trợ, một giá trị \
                    sai kiểu hoặc ngoài tập cho phép, hay một tên quy tắc viết sai được báo ngay tại \
                    khóa hoặc giá trị đó; phần còn lại của tệp vẫn được áp dụng. Cần sửa vì một \
                    thiết lập bị bỏ qua có thể làm kiến trúc bị kiểm tra theo sai phiên bản khung \
                    (mặc định là 2.0), hoặc để một quy tắc vẫn bật dù đơn vị đã quyết định tắt. \
                    Hãy sửa khóa hoặc giá trị theo thông báo; tên quy tắc viết sai được gợi ý tên \
                    đúng. Quy tắc này luôn là lỗi.",
                source: "Đặc tả ngôn ngữ vnea, §1",
            },
            en: Text {
                summary: "An invalid vnea.toml",
                explanation: "The `vnea.toml` at the root of a workspace chooses the framework \
                    version (`framework`), extra packs (`packs`), the message language (`language`) \
                    and the severity of each rule (`[rules]`). An unknown key, a value of the wrong \
                    type or outside the allowed set, or a misspelt rule name is reported at that \
                    key or value, and the rest of the file still applies. It matters because an \
                    ignored setting can have the architecture checked against the wrong framework \
                    version (2.0 is the default), or leave on a rule the agency decided to turn \
                    off. Fix the key or value as the message says; a misspelt rule name comes with \
                    a suggestion. This rule is always an error.",
                source: "vnea language specification §1",
            },
            example: Some(Example {
                syntax: ExampleSyntax::Toml,
                violation: r#"[workspace]
framework = "3"

[rules]
missing_owner = "off"
"#,
                fix: r#"[workspace]
framework = "3.0"

[rules]
missing-owner = "off"
"#,
            }),
        },

        Rule::InvalidEncoding => Entry {
            category: Language,
            vi: Text {
                summary: "Tệp .vnea không phải văn bản UTF-8",
                explanation: "Mọi tệp `.vnea` phải được lưu với bảng mã UTF-8. Tệp soạn bằng các \
                    bảng mã tiếng Việt cũ (TCVN3/ABC với phông .VnTime, VNI, Windows-1258) hoặc chép \
                    từ tài liệu cũ chứa những byte không hợp lệ trong UTF-8; công cụ báo lỗi ở dòng \
                    1 của tệp, nêu vị trí và giá trị của byte sai đầu tiên, rồi tiếp tục kiểm tra \
                    các tệp khác. Nội dung của tệp đó không được kiểm tra cho đến khi được chuyển \
                    mã. Cách sửa: mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8, hoặc \
                    chuyển mã bằng công cụ như `iconv -f CP1258 -t UTF-8` hay công cụ chuyển mã của \
                    Unikey. Quy tắc này luôn là lỗi.",
                source: "Đặc tả ngôn ngữ vnea, §1",
            },
            en: Text {
                summary: "A .vnea file that is not UTF-8 text",
                explanation: "Every `.vnea` file must be saved as UTF-8. Files written in the \
                    legacy Vietnamese encodings (TCVN3/ABC with the .VnTime fonts, VNI, \
                    Windows-1258) or copied from old documents contain bytes that are not valid \
                    UTF-8; the tool reports the file at its line 1, giving the offset and value of \
                    the first bad byte, and goes on checking the other files. The content of that \
                    file is not checked until it is converted. To fix it, open the file in an \
                    editor and save it as UTF-8, or convert it with a tool such as \
                    `iconv -f CP1258 -t UTF-8` or Unikey's converter. This rule is always an \
                    error.",
                source: "vnea language specification §1",
            },
            // Bytes that are not UTF-8 cannot be shown as text.
            example: None,
        },

        Rule::DuplicateName => Entry {
            category: Language,
            vi: Text {
                summary: "Hai khai báo cùng tên trong một phạm vi",
                explanation: "Tên của một khai báo định danh thành phần trong toàn bộ mô hình: các \
                    tham chiếu (`databases: [...]`, `covers: [...]`, `via: ...`) và các quan hệ \
                    `->` dùng tên để chỉ tới thành phần. Hai khai báo trùng tên trong cùng một phạm \
                    vi (cùng ở cấp cao nhất của workspace, kể cả ở hai tệp khác nhau, hoặc cùng nằm \
                    trong một khai báo) làm tham chiếu không còn xác định được; thường đó là một hệ \
                    thống được hai đơn vị mô tả hai lần. Lỗi được báo ở khai báo thứ hai, kèm vị trí \
                    của khai báo đầu tiên. Tên được so sánh theo dạng chuẩn Unicode NFC, nên \
                    `csdl_đất_đai` gõ bằng hai bộ gõ khác nhau vẫn là một tên. Hãy gộp hai khai \
                    báo, hoặc đổi tên một khai báo và cập nhật các tham chiếu tới nó.",
                source: "Đặc tả ngôn ngữ vnea, §4",
            },
            en: Text {
                summary: "Two declarations with the same name in one scope",
                explanation: "A declaration's name identifies the element in the whole model: \
                    references (`databases: [...]`, `covers: [...]`, `via: ...`) and `->` relations \
                    use names to point at elements. Two declarations with the same name in one \
                    scope (both at the top level of the workspace, even in two different files, or \
                    both inside one declaration) make references ambiguous; often it is one system \
                    described twice by two units. The second declaration is reported, with the \
                    first as related information. Names are compared in Unicode NFC form, so \
                    `csdl_đất_đai` typed with two different input methods is still one name. Merge \
                    the two declarations, or rename one and update the references to it.",
                source: "vnea language specification §4",
            },
            example: vnea(
                r#"database csdl_dat_dai "CSDL đất đai của tỉnh" { type: specialized }
database csdl_dat_dai "CSDL giá đất" { type: specialized }
"#,
                r#"database csdl_dat_dai "CSDL đất đai của tỉnh" { type: specialized }
database csdl_gia_dat "CSDL giá đất" { type: specialized }
"#,
            ),
        },

        Rule::UnresolvedReference => Entry {
            category: Language,
            vi: Text {
                summary: "Tham chiếu tới một tên không tồn tại",
                explanation: "Một đường dẫn như `hosted_on: ttdl`, `via: lgsp` hay \
                    `arm: ARM.dung_chung` phải chỉ tới một khai báo: trong phạm vi đang viết, các \
                    phạm vi bao ngoài, workspace, hoặc trong các tên của gói khung kiến trúc (`BRM`, \
                    `DRM`, `ARM`, `TRM`, `SRM`, `national.*`). Một tham chiếu không giải được làm \
                    đứt một liên kết của kiến trúc (ứng dụng dùng cơ sở dữ liệu nào, kết nối đi qua \
                    nền tảng nào), và các quy tắc của khung kiến trúc không đánh giá được phần đó. \
                    Lỗi được báo ở đoạn đầu tiên không tìm thấy, kèm tối đa ba gợi ý gần nhất, tìm \
                    cả khi bỏ dấu tiếng Việt (`dan_cu` tìm được `dân_cư`); nếu tên chỉ có trong \
                    phiên bản khung kiến trúc kia (`national.dinh_danh` chỉ có trong khung 3.0), \
                    thông báo sẽ nói rõ. Hãy sửa chính tả, khai báo thành phần còn thiếu, hoặc \
                    chuyển workspace sang phiên bản khung có tên đó.",
                source: "Đặc tả ngôn ngữ vnea, §4",
            },
            en: Text {
                summary: "A reference to a name that does not exist",
                explanation: "A path such as `hosted_on: ttdl`, `via: lgsp` or \
                    `arm: ARM.dung_chung` must name a declaration: in the scope where it is \
                    written, an enclosing scope, the workspace, or among the names of the framework \
                    pack (`BRM`, `DRM`, `ARM`, `TRM`, `SRM`, `national.*`). An unresolved reference \
                    breaks a link of the architecture (which database an application uses, which \
                    platform a connection goes through), and the framework rules cannot judge that \
                    part. It is reported on the first segment that is not found, with up to three \
                    nearest suggestions, also found without Vietnamese diacritics (`dan_cu` finds \
                    `dân_cư`); when the name exists only in the other framework version \
                    (`national.dinh_danh` is in 3.0 only), the message says so. Correct the \
                    spelling, declare the missing element, or move the workspace to the framework \
                    version that has the name.",
                source: "vnea language specification §4",
            },
            example: vnea(
                r#"application mot_cua "Hệ thống thông tin giải quyết thủ tục hành chính" {
  databases: [csdl_ho_so]
}
database csdl_hoso "CSDL hồ sơ thủ tục hành chính" { type: specialized }
"#,
                r#"application mot_cua "Hệ thống thông tin giải quyết thủ tục hành chính" {
  databases: [csdl_ho_so]
}
database csdl_ho_so "CSDL hồ sơ thủ tục hành chính" { type: specialized }
"#,
            ),
        },

        Rule::WrongKindReference => Entry {
            category: Language,
            vi: Text {
                summary: "Tham chiếu tới một khai báo sai loại",
                explanation: "Mỗi thuộc tính tham chiếu chỉ nhận một số loại khai báo: `databases` \
                    nhận `database`, `hosted_on` nhận `infrastructure`, `via` nhận `platform`, \
                    `network` nhận `network`, `arm` nhận một nút của mô hình tham chiếu ứng dụng \
                    ARM, v.v. Tham chiếu sai loại thường do nhầm giữa hai thành phần có tên gần \
                    giống nhau (một ứng dụng và cơ sở dữ liệu của nó), hoặc do ánh xạ vào nhầm mô \
                    hình tham chiếu (`arm: DRM.xa_hoi`); nó làm sai lệch các kiến trúc thành phần và \
                    mọi báo cáo tổng hợp từ đó. Thông báo nêu loại mà thuộc tính cần và loại của \
                    khai báo được chỉ tới. Hãy chỉ tới đúng thành phần, hoặc sửa loại của khai báo \
                    nếu chính nó bị khai báo sai.",
                source: "Đặc tả ngôn ngữ vnea, §4–5",
            },
            en: Text {
                summary: "A reference to a declaration of the wrong kind",
                explanation: "Each reference property accepts certain kinds only: `databases` takes \
                    `database`s, `hosted_on` an `infrastructure`, `via` a `platform`, `network` a \
                    `network`, `arm` a node of the application reference model ARM, and so on. A \
                    reference of the wrong kind usually confuses two elements with similar names \
                    (an application and its database) or maps an element into the wrong reference \
                    model (`arm: DRM.xa_hoi`); it distorts the component architectures and every \
                    summary made from them. The message names the kind the property expects and \
                    the kind it found. Point the reference at the right element, or fix the kind \
                    of the declaration if that is what is wrong.",
                source: "vnea language specification §4–5",
            },
            example: vnea(
                r#"infrastructure ttdl "Trung tâm dữ liệu tỉnh" { type: datacenter }
application mot_cua "Hệ thống một cửa điện tử" { databases: [ttdl] }
"#,
                r#"infrastructure ttdl "Trung tâm dữ liệu tỉnh" { type: datacenter }
database csdl_mot_cua "CSDL hồ sơ một cửa" { type: specialized }
application mot_cua "Hệ thống một cửa điện tử" { databases: [csdl_mot_cua], hosted_on: ttdl }
"#,
            ),
        },

        Rule::ShadowedFrameworkName => Entry {
            category: Language,
            vi: Text {
                summary: "Tên khai báo trùng và che khuất một tên của khung kiến trúc",
                explanation: "Các tên cấp cao nhất của gói khung kiến trúc (`BRM`, `DRM`, `ARM`, \
                    `TRM`, `SRM`, `national`) dùng được ở mọi tệp. Khi workspace khai báo một tên \
                    trùng ở cấp cao nhất, mọi tham chiếu tới tên đó trong workspace sẽ chỉ tới khai \
                    báo của đơn vị thay vì của khung: một ứng dụng tên `ARM` làm `arm: ARM.noi_bo` \
                    đi tìm `noi_bo` bên trong ứng dụng đó, còn một khai báo tên `national` cắt \
                    workspace khỏi `national.ngsp` và các cơ sở dữ liệu quốc gia, khiến các quy tắc \
                    về kết nối LGSP–NGSP và mạng truyền số liệu chuyên dùng đánh giá sai. Hãy đổi \
                    tên khai báo của đơn vị. Muốn bổ sung danh mục cho một mô hình tham chiếu, hãy \
                    dùng `extend` trong một gói mở rộng (`packs` trong `vnea.toml`).",
                source: "Đặc tả ngôn ngữ vnea, §4, §6",
            },
            en: Text {
                summary: "A declaration whose name shadows a name of the framework",
                explanation: "The top-level names of the framework pack (`BRM`, `DRM`, `ARM`, \
                    `TRM`, `SRM`, `national`) are visible in every file. When the workspace \
                    declares the same name at its top level, every reference to it in the \
                    workspace means the agency's declaration instead of the framework's: an \
                    application named `ARM` makes `arm: ARM.noi_bo` look for `noi_bo` inside that \
                    application, and a declaration named `national` cuts the workspace off from \
                    `national.ngsp` and the national databases, so the rules about LGSP–NGSP \
                    connections and the dedicated network judge the wrong things. Rename the \
                    agency's declaration. To add categories to a reference model, use `extend` in \
                    a user pack (`packs` in `vnea.toml`).",
                source: "vnea language specification §4, §6",
            },
            example: vnea(
                r#"application ARM "Hệ thống quản lý tài sản (Asset and Resource Management)" {
  arm: ARM.noi_bo
}
"#,
                r#"application quan_ly_tai_san "Hệ thống quản lý tài sản" { arm: ARM.noi_bo }
"#,
            ),
        },

        Rule::UnknownKind => Entry {
            category: Language,
            vi: Text {
                summary: "Loại khai báo không có trong lược đồ",
                explanation: "Loại của một khai báo (từ đầu tiên của nó) phải là một trong các \
                    loại của ngôn ngữ: `architecture`, `principle`, `actor`, `channel`, `service`, \
                    `process`, `application`, `database`, `platform`, `infrastructure`, `network`, \
                    `control`, `project`. Một loại lạ thường là lỗi chính tả (`aplication`) hoặc \
                    một thuật ngữ lấy từ tài liệu khác (`system`, `csdl`). Thân của khai báo có \
                    loại lạ không được kiểm tra tiếp, nên thành phần đó vắng mặt khỏi kiến trúc \
                    thành phần tương ứng. Thông báo gợi ý loại gần nhất; hãy dùng đúng loại (hệ \
                    thống thông tin là `application`, cơ sở dữ liệu là `database`).",
                source: "Đặc tả ngôn ngữ vnea, §5",
            },
            en: Text {
                summary: "A declaration kind the schema does not have",
                explanation: "The kind of a declaration (its first word) must be one of the \
                    language's kinds: `architecture`, `principle`, `actor`, `channel`, `service`, \
                    `process`, `application`, `database`, `platform`, `infrastructure`, `network`, \
                    `control`, `project`. An unknown kind is usually a typo (`aplication`) or a \
                    term from another document (`system`, `csdl`). The body of a declaration of \
                    unknown kind is not checked further, so the element is missing from its \
                    component architecture. The message suggests the nearest kind; use the right \
                    one (an information system is an `application`, a database a `database`).",
                source: "vnea language specification §5",
            },
            example: vnea(
                r#"aplication mot_cua "Hệ thống một cửa điện tử" { security_level: 3 }
"#,
                r#"application mot_cua "Hệ thống một cửa điện tử" { security_level: 3 }
"#,
            ),
        },

        Rule::MisplacedDeclaration => Entry {
            category: Language,
            vi: Text {
                summary: "Khai báo hoặc thuộc tính đặt sai chỗ",
                explanation: "Mỗi loại khai báo chỉ được đặt ở những chỗ lược đồ cho phép: hệ thống \
                    con (`application`), cơ sở dữ liệu và dịch vụ có thể nằm trong một \
                    `application`; nghiệp vụ con trong một `process`; hạ tầng con trong một \
                    `infrastructure`; các loại khác chỉ ở cấp cao nhất; `framework`, `refmodel` và \
                    `category` chỉ dùng trong gói khung kiến trúc. Một thuộc tính (`tên: giá trị`) \
                    viết ở cấp cao nhất, ngoài mọi khối, cũng bị báo. Cấu trúc lồng nhau mang ý \
                    nghĩa: hệ thống con được tính vào hệ thống chứa nó khi xác định cấp độ an toàn, \
                    nên đặt sai chỗ làm sai quan hệ cha–con. Hãy chuyển khai báo ra cấp cao nhất \
                    hoặc vào một khai báo cha đúng loại, và đưa thuộc tính vào khối của khai báo mà \
                    nó mô tả.",
                source: "Đặc tả ngôn ngữ vnea, §5",
            },
            en: Text {
                summary: "A declaration or property where the schema does not allow it",
                explanation: "Each kind may be declared only where the schema allows it: \
                    sub-systems (`application`), databases and services may sit inside an \
                    `application`; sub-processes inside a `process`; infrastructure inside an \
                    `infrastructure`; every other kind only at the top level; `framework`, \
                    `refmodel` and `category` only in framework packs. A property (`name: value`) \
                    written at the top level, outside any block, is reported too. Nesting carries \
                    meaning: a sub-system counts towards the system that contains it when the \
                    security level is determined, so a misplaced declaration gives a wrong \
                    parent–child structure. Move the declaration to the top level or into a parent \
                    of the right kind, and move a property into the block of the declaration it \
                    describes.",
                source: "vnea language specification §5",
            },
            example: vnea(
                r#"application mot_cua "Hệ thống một cửa điện tử" {
  security_level: 3
  control giam_sat "Giám sát an toàn thông tin" { srm: SRM.giam_sat }
}
"#,
                r#"application mot_cua "Hệ thống một cửa điện tử" { security_level: 3 }
control giam_sat "Giám sát an toàn thông tin" { srm: SRM.giam_sat, covers: [mot_cua] }
"#,
            ),
        },

        Rule::UnknownProperty => Entry {
            category: Language,
            vi: Text {
                summary: "Thuộc tính mà loại khai báo không có",
                explanation: "Mỗi loại khai báo nhận một tập thuộc tính xác định (`application` \
                    nhận `arm`, `security_level`, `owner`, `status`, `scope`, `databases`, \
                    `hosted_on`; mọi loại đều nhận `description` và `tags`). Một thuộc tính lạ \
                    thường là lỗi chính tả (`secutiry_level`, `onwer`), thuộc tính của loại khác, \
                    hoặc một từ tiếng Việt dùng làm tên thuộc tính (`chu_quan`); khi đó thông tin \
                    tưởng đã khai báo thực ra không có, và các quy tắc như `missing-security-level` \
                    hay `missing-owner` sẽ báo thiếu. Thông báo gợi ý thuộc tính gần nhất. Hãy sửa \
                    tên thuộc tính; thông tin không có thuộc tính riêng thì ghi vào `description` \
                    hoặc `tags`.",
                source: "Đặc tả ngôn ngữ vnea, §5",
            },
            en: Text {
                summary: "A property the kind does not take",
                explanation: "Each kind takes a fixed set of properties (an `application` takes \
                    `arm`, `security_level`, `owner`, `status`, `scope`, `databases`, `hosted_on`; \
                    every kind takes `description` and `tags`). An unknown property is usually a \
                    typo (`secutiry_level`, `onwer`), a property of another kind, or a Vietnamese \
                    word used as a property name (`chu_quan`); the information one thought was \
                    declared is then absent, and rules such as `missing-security-level` or \
                    `missing-owner` report it missing. The message suggests the nearest property. \
                    Correct the name; information that has no property of its own goes into \
                    `description` or `tags`.",
                source: "vnea language specification §5",
            },
            example: vnea(
                r#"application mot_cua "Hệ thống một cửa điện tử" {
  secutiry_level: 3
  chu_quan: "Văn phòng UBND tỉnh"
}
"#,
                r#"application mot_cua "Hệ thống một cửa điện tử" {
  security_level: 3
  owner: "Văn phòng UBND tỉnh"
}
"#,
            ),
        },

        Rule::InvalidValue => Entry {
            category: Language,
            vi: Text {
                summary: "Giá trị sai kiểu, ngoài khoảng cho phép hoặc không có trong danh sách",
                explanation: "Mỗi thuộc tính có kiểu giá trị riêng: chuỗi, số trong một khoảng \
                    (`security_level` từ 1 đến 5, `online_level` từ 1 đến 4), một giá trị liệt kê \
                    (`level: ministry | province | sector`, \
                    `status: existing | planned | upgrade | retired`), một khoảng năm \
                    (`period: 2021..2025`), một tham chiếu hoặc danh sách tham chiếu. Cách mô tả \
                    dịch vụ công trực tuyến còn tùy phiên bản khung: khung 2.0 dùng `online_level` \
                    (mức độ 1–4), khung 3.0 dùng `mode: full | partial` (dịch vụ công trực tuyến \
                    toàn trình hoặc một phần, NĐ 42/2022/NĐ-CP), nên `online_level` trong workspace \
                    theo khung 3.0 và `mode` trong workspace theo khung 2.0 đều bị báo. Giá trị sai \
                    vẫn được coi là đã khai báo đối với các quy tắc khác, nên một lỗi chỉ cho một \
                    thông báo. Hãy dùng một trong các giá trị mà thông báo nêu.",
                source: "Đặc tả ngôn ngữ vnea, §5; NĐ 42/2022/NĐ-CP (dịch vụ công trực tuyến)",
            },
            en: Text {
                summary: "A value of the wrong type, out of range, or not in its list",
                explanation: "Each property has its type of value: a string, a number in a range \
                    (`security_level` from 1 to 5, `online_level` from 1 to 4), one value of an \
                    enumeration (`level: ministry | province | sector`, \
                    `status: existing | planned | upgrade | retired`), a range of years \
                    (`period: 2021..2025`), a reference or a list of references. How online public \
                    services are described also depends on the framework version: 2.0 uses \
                    `online_level` (levels 1–4), 3.0 uses `mode: full | partial` (end-to-end or \
                    partial online services, toàn trình or một phần in NĐ 42/2022/NĐ-CP), so \
                    `online_level` in a 3.0 workspace and `mode` in a 2.0 workspace are both \
                    reported. An invalid value still counts as present for the other rules, so one \
                    mistake gives one diagnostic. Use one of the values the message lists.",
                source: "vnea language specification §5; NĐ 42/2022/NĐ-CP (online public services)",
            },
            example: vnea(
                r#"service cap_phep_xay_dung "Cấp giấy phép xây dựng" { online_level: 5 }
application mot_cua "Hệ thống một cửa điện tử" { security_level: "cao", status: active }
"#,
                r#"service cap_phep_xay_dung "Cấp giấy phép xây dựng" { online_level: 4 }
application mot_cua "Hệ thống một cửa điện tử" { security_level: 3, status: existing }
"#,
            ),
        },

        Rule::MissingArchitecture => Entry {
            category: Framework,
            vi: Text {
                summary: "Workspace có thành phần nhưng chưa có khai báo architecture",
                explanation: "Mỗi bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ xây dựng Kiến trúc \
                    Chính phủ điện tử cấp bộ; mỗi tỉnh, thành phố trực thuộc trung ương xây dựng \
                    Kiến trúc Chính quyền điện tử cấp tỉnh. Trong vnea, văn bản kiến trúc đó là khai \
                    báo `architecture`: nó nêu cấp (`level`), cơ quan, phiên bản khung, thời kỳ, tầm \
                    nhìn, mục tiêu, phạm vi áp dụng và nguyên tắc. Thiếu khai báo này, các thành \
                    phần không thuộc văn bản kiến trúc nào, và các quy tắc dựa trên nó \
                    (`missing-mandatory-content`, `missing-lgsp`, thời gian của dự án trong \
                    `invalid-period`) không được kiểm tra. Cảnh báo được báo một lần, ở tệp đầu \
                    tiên. Hãy thêm một khai báo `architecture`, thường trong một tệp riêng như \
                    `kien_truc.vnea`; một thư mục chỉ chứa các thành phần dùng chung thì có thể tắt \
                    quy tắc này trong `[rules]`.",
                source: "Đặc tả ngôn ngữ vnea, §5, §7; QĐ 2323/QĐ-BTTTT (31/12/2019) và \
                    QĐ 2568/QĐ-BTTTT (29/12/2023): đối tượng áp dụng của Khung Kiến trúc Chính phủ \
                    điện tử Việt Nam",
            },
            en: Text {
                summary: "A workspace with elements and no architecture declaration",
                explanation: "Each ministry, ministerial-level agency and government agency writes \
                    a ministry e-Government architecture (Kiến trúc Chính phủ điện tử cấp bộ), and \
                    each province or centrally-run city a provincial e-Government architecture \
                    (Kiến trúc Chính quyền điện tử cấp tỉnh). In vnea that document is the \
                    `architecture` declaration: it gives the level (`level`), the agency, the \
                    framework version, the period, the vision, objectives, scope and principles. \
                    Without it the elements belong to no architecture document, and the rules that \
                    depend on it (`missing-mandatory-content`, `missing-lgsp`, project periods in \
                    `invalid-period`) are not checked. The warning is reported once, on the first \
                    file. Add an `architecture` declaration, usually in a file of its own such as \
                    `kien_truc.vnea`; a directory that holds only shared elements can turn the \
                    rule off in `[rules]`.",
                source: "vnea language specification §5, §7; QĐ 2323/QĐ-BTTTT (31/12/2019) and \
                    QĐ 2568/QĐ-BTTTT (29/12/2023): who the Vietnamese e-Government Architecture \
                    Framework applies to",
            },
            example: vnea(
                r#"application mot_cua "Hệ thống một cửa điện tử" { security_level: 3 }
"#,
                r#"architecture cqdt_tinh "Kiến trúc Chính quyền điện tử tỉnh, phiên bản 2.0" {
  level: province
  agency: "Ủy ban nhân dân tỉnh"
  framework: "2.0"
  period: 2021..2025
}
application mot_cua "Hệ thống một cửa điện tử" { security_level: 3 }
"#,
            ),
        },

        Rule::MultipleArchitectures => Entry {
            category: Language,
            vi: Text {
                summary: "Một workspace có nhiều hơn một khai báo architecture",
                explanation: "Một workspace mô tả kiến trúc của đúng một cơ quan, nên chỉ có một \
                    khai báo `architecture`. Khai báo thứ hai bị báo lỗi, kèm vị trí của khai báo \
                    đầu tiên: các quy tắc dựa trên văn bản kiến trúc (nội dung cơ bản, LGSP, thời \
                    kỳ) không biết phải theo văn bản nào. Nguyên nhân thường gặp là gộp kiến trúc \
                    của hai đơn vị, hoặc giữ cả phiên bản cũ và phiên bản mới trong một thư mục. \
                    Hãy tách mỗi kiến trúc thành một workspace riêng (một thư mục có `vnea.toml` \
                    riêng; `vnea check` kiểm tra từng workspace độc lập), hoặc xóa phiên bản cũ: hệ \
                    thống quản lý phiên bản như git đã lưu lịch sử của nó.",
                source: "Đặc tả ngôn ngữ vnea, §5, §7",
            },
            en: Text {
                summary: "More than one architecture declaration in a workspace",
                explanation: "A workspace describes the architecture of exactly one agency, so it \
                    has one `architecture` declaration. The second is reported, with the first as \
                    related information: the rules that depend on the architecture document (basic \
                    contents, LGSP, periods) cannot tell which one applies. The usual causes are \
                    merging the architectures of two agencies, or keeping an old and a new version \
                    in one directory. Make each architecture a workspace of its own (a directory \
                    with its own `vnea.toml`; `vnea check` checks each workspace on its own), or \
                    delete the old version: version control such as git keeps its history.",
                source: "vnea language specification §5, §7",
            },
            example: vnea(
                r#"architecture cqdt_2021 "Kiến trúc Chính quyền điện tử tỉnh, phiên bản 2.0" {
  framework: "2.0"
}
architecture cqdt_2024 "Kiến trúc Chính quyền điện tử tỉnh, phiên bản 3.0" {
  framework: "3.0"
}
"#,
                r#"architecture cqdt_2024 "Kiến trúc Chính quyền điện tử tỉnh, phiên bản 3.0" {
  framework: "3.0"
}
"#,
            ),
        },

        Rule::MissingMandatoryContent => Entry {
            category: Framework,
            vi: Text {
                summary: "Kiến trúc thiếu một trong bảy nội dung cơ bản",
                explanation: "Theo Khung Kiến trúc Chính phủ điện tử Việt Nam, kiến trúc cấp bộ, \
                    cấp tỉnh có bảy nội dung cơ bản: tầm nhìn, mục tiêu, phạm vi áp dụng, nguyên \
                    tắc, sơ đồ tổng thể, các kiến trúc thành phần (nghiệp vụ, dữ liệu, ứng dụng, \
                    công nghệ, an toàn thông tin) và tổ chức triển khai. vnea kiểm tra `vision`, \
                    `objectives`, `scope` và `principles` của `architecture`; ít nhất một thành \
                    phần của mỗi kiến trúc thành phần (`service` hoặc `process`; `database`; \
                    `application`; `infrastructure` hoặc `network`; `control`); và ít nhất một \
                    `project` trong lộ trình. Sơ đồ tổng thể được sinh bằng `vnea export` nên không \
                    cần khai báo. Mỗi nội dung còn thiếu là một cảnh báo trên tên của kiến trúc. \
                    Văn bản kiến trúc thiếu nội dung cơ bản khó được thẩm định và khó làm căn cứ \
                    cho các nhiệm vụ, dự án mà nó đề ra; hãy bổ sung phần còn thiếu. Ví dụ dưới \
                    đây chỉ nêu khai báo `architecture`.",
                source: "QĐ 2323/QĐ-BTTTT (31/12/2019), Khung Kiến trúc Chính phủ điện tử Việt \
                    Nam, phiên bản 2.0: bảy nội dung cơ bản của kiến trúc cấp bộ, cấp tỉnh; \
                    QĐ 2568/QĐ-BTTTT (29/12/2023), phiên bản 3.0",
            },
            en: Text {
                summary: "An architecture that lacks one of the seven basic contents",
                explanation: "Under the Vietnamese e-Government Architecture Framework, a ministry \
                    or provincial architecture has seven basic contents: vision, objectives, \
                    scope, principles, the overall diagram, the component architectures (business, \
                    data, application, technology, security) and the implementation organisation. \
                    vnea checks `vision`, `objectives`, `scope` and `principles` on the \
                    `architecture`; at least one element of each component architecture (a \
                    `service` or `process`; a `database`; an `application`; an `infrastructure` or \
                    `network`; a `control`); and at least one `project` in the roadmap. The \
                    overall diagram is generated by `vnea export`, so it need not be declared. \
                    Each missing content is one warning on the architecture's name. An \
                    architecture document that lacks basic contents is hard to appraise and a weak \
                    basis for the tasks and projects it plans; add what is missing. The example \
                    shows only the `architecture` declaration.",
                source: "QĐ 2323/QĐ-BTTTT (31/12/2019), Vietnamese e-Government Architecture \
                    Framework 2.0: the seven basic contents of a ministry or provincial \
                    architecture; QĐ 2568/QĐ-BTTTT (29/12/2023), version 3.0",
            },
            example: vnea(
                r#"architecture cqdt_tinh "Kiến trúc Chính quyền điện tử tỉnh" {
  level: province
  vision: "Chính quyền điện tử lấy người dân, doanh nghiệp làm trung tâm"
  principles: [lay_nguoi_dan_lam_trung_tam]
}
"#,
                r#"architecture cqdt_tinh "Kiến trúc Chính quyền điện tử tỉnh" {
  level: province
  vision: "Chính quyền điện tử lấy người dân, doanh nghiệp làm trung tâm"
  objectives: ["100% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng"]
  scope: "Các sở, ban, ngành, Ủy ban nhân dân cấp huyện, cấp xã"
  principles: [lay_nguoi_dan_lam_trung_tam]
}
"#,
            ),
        },

        Rule::MissingLgsp => Entry {
            category: Framework,
            vi: Text {
                summary: "Kiến trúc cấp bộ, cấp tỉnh chưa có nền tảng tích hợp, chia sẻ dữ liệu \
                    (LGSP)",
                explanation: "Nền tảng tích hợp, chia sẻ dữ liệu cấp bộ, cấp tỉnh (LGSP) là nền \
                    tảng dịch vụ dùng chung làm trung gian giữa các hệ thống thông tin của bộ, tỉnh \
                    với nhau và với các hệ thống bên ngoài; nó kết nối với Nền tảng tích hợp, chia \
                    sẻ dữ liệu quốc gia (NGSP), qua đó bộ, tỉnh khai thác các cơ sở dữ liệu quốc \
                    gia (TT 13/2017/TT-BTTTT). Một kiến trúc `level: ministry` hoặc \
                    `level: province` không có `platform` nào với `type: lgsp` thiếu thành phần \
                    trung tâm của việc kết nối, chia sẻ dữ liệu. Lỗi được báo trên tên của kiến \
                    trúc. Hãy khai báo LGSP của đơn vị (với `status: planned` nếu chưa xây dựng) \
                    và quan hệ của nó với `national.ngsp`. Kiến trúc ngành (`level: sector`) không \
                    thuộc phạm vi của quy tắc này.",
                source: "TT 13/2017/TT-BTTTT",
            },
            en: Text {
                summary: "A ministry or provincial architecture without an integration and \
                    data-sharing platform (LGSP)",
                explanation: "The integration and data-sharing platform of a ministry or province \
                    (LGSP, nền tảng tích hợp, chia sẻ dữ liệu cấp bộ, cấp tỉnh) is the \
                    shared-services platform that mediates between the agency's information \
                    systems, and between them and outside systems; it connects to the national \
                    platform (NGSP), through which the agency uses the national databases \
                    (TT 13/2017/TT-BTTTT). A `level: ministry` or `level: province` architecture \
                    with no `platform` of `type: lgsp` lacks the centre of its connection and \
                    data-sharing architecture. The error is reported on the architecture's name. \
                    Declare the agency's LGSP (with `status: planned` if it is not built yet) and \
                    its relation to `national.ngsp`. Sector architectures (`level: sector`) are \
                    outside this rule.",
                source: "TT 13/2017/TT-BTTTT",
            },
            example: vnea(
                r#"architecture cqdt_bo "Kiến trúc Chính phủ điện tử Bộ" { level: ministry }
"#,
                r#"architecture cqdt_bo "Kiến trúc Chính phủ điện tử Bộ" { level: ministry }
platform lgsp "Nền tảng tích hợp, chia sẻ dữ liệu của Bộ" {
  type: lgsp
  security_level: 3
  owner: "Trung tâm Công nghệ thông tin"
}
lgsp -> national.ngsp "Kết nối với NGSP" { network: national.tslcd }
"#,
            ),
        },

        Rule::LgspNotConnected => Entry {
            category: Framework,
            vi: Text {
                summary: "Nền tảng LGSP chưa kết nối với nền tảng quốc gia NGSP",
                explanation: "LGSP chỉ thực hiện được vai trò của nó khi được kết nối với Nền tảng \
                    tích hợp, chia sẻ dữ liệu quốc gia (`national.ngsp`): đó là đường đi của dữ \
                    liệu giữa bộ, tỉnh với các bộ, ngành khác và các cơ sở dữ liệu quốc gia \
                    (TT 13/2017/TT-BTTTT; NĐ 47/2020/NĐ-CP). Một `platform` có `type: lgsp` mà \
                    không có quan hệ nào, theo chiều nào cũng vậy, với `national.ngsp` bị báo lỗi \
                    trên tên của nền tảng. Hãy khai báo quan hệ `lgsp -> national.ngsp`, với mạng \
                    truyền số liệu chuyên dùng làm `network`.",
                source: "TT 13/2017/TT-BTTTT; NĐ 47/2020/NĐ-CP",
            },
            en: Text {
                summary: "An LGSP platform not connected to the national platform NGSP",
                explanation: "An LGSP does its job only when it is connected to the national \
                    integration and data-sharing platform (`national.ngsp`): that is the path data \
                    takes between the ministry or province and other ministries, sectors and the \
                    national databases (TT 13/2017/TT-BTTTT; NĐ 47/2020/NĐ-CP). A `platform` of \
                    `type: lgsp` with no relation, in either direction, to `national.ngsp` is \
                    reported on the platform's name. Declare the relation \
                    `lgsp -> national.ngsp`, with the dedicated network as its `network`.",
                source: "TT 13/2017/TT-BTTTT; NĐ 47/2020/NĐ-CP",
            },
            example: vnea(
                r#"platform lgsp "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh" { type: lgsp }
"#,
                r#"platform lgsp "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh" { type: lgsp }
lgsp -> national.ngsp "Kết nối LGSP tỉnh với NGSP" { network: national.tslcd }
"#,
            ),
        },

        Rule::DirectNationalConnection => Entry {
            category: Framework,
            vi: Text {
                summary: "Kết nối tới hệ thống, cơ sở dữ liệu quốc gia không qua LGSP hoặc NGSP",
                explanation: "TT 13/2017/TT-BTTTT quy định thứ tự kết nối với các hệ thống thông \
                    tin, cơ sở dữ liệu quốc gia: qua LGSP và NGSP; qua NGSP nếu LGSP chưa sẵn sàng; \
                    qua LGSP nếu NGSP chưa sẵn sàng; chỉ kết nối trực tiếp khi cả hai đều chưa sẵn \
                    sàng. Kết nối trực tiếp từng hệ thống tạo ra nhiều kết nối điểm–điểm khó quản \
                    lý, giám sát và bảo đảm an toàn. Quy tắc báo một quan hệ giữa một thành phần \
                    của workspace (trừ chính nền tảng LGSP) với một cơ sở dữ liệu hay hệ thống \
                    `national.*` (trừ `national.ngsp` và `national.tslcd`) mà không có `via` chỉ \
                    tới một nền tảng LGSP hoặc `national.ngsp`. Hãy thêm `via` chỉ tới LGSP của đơn \
                    vị; nếu kết nối trực tiếp là tạm thời vì cả hai nền tảng chưa sẵn sàng, hãy ghi \
                    rõ trong `description` và, nếu cần, hạ mức độ của quy tắc trong `[rules]`.",
                source: "TT 13/2017/TT-BTTTT (thứ tự kết nối)",
            },
            en: Text {
                summary: "A connection to a national system or database that bypasses LGSP and \
                    NGSP",
                explanation: "TT 13/2017/TT-BTTTT sets the order in which an agency connects to \
                    national information systems and databases: through its LGSP and the NGSP; \
                    through the NGSP if the LGSP is not ready; through the LGSP if the NGSP is not \
                    ready; directly only when neither is ready. Connecting each system directly \
                    multiplies point-to-point links that are hard to manage, monitor and secure. \
                    The rule reports a relation between an element of the workspace (other than an \
                    LGSP platform) and a `national.*` database or system (other than \
                    `national.ngsp` and `national.tslcd`) whose `via` does not name an LGSP \
                    platform or `national.ngsp`. Add `via` naming the agency's LGSP; if a direct \
                    connection is a stopgap while neither platform is ready, say so in \
                    `description` and, if need be, lower the rule's severity in `[rules]`.",
                source: "TT 13/2017/TT-BTTTT (order of connection)",
            },
            example: vnea(
                r#"platform lgsp "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh" { type: lgsp }
application mot_cua "Hệ thống một cửa điện tử" { security_level: 3 }
mot_cua -> national.dan_cu "Xác thực thông tin công dân" { network: national.tslcd }
"#,
                r#"platform lgsp "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh" { type: lgsp }
application mot_cua "Hệ thống một cửa điện tử" { security_level: 3 }
mot_cua -> national.dan_cu "Xác thực thông tin công dân" {
  via: lgsp
  network: national.tslcd
}
"#,
            ),
        },

        Rule::NonDedicatedNetwork => Entry {
            category: Framework,
            vi: Text {
                summary: "Kết nối với thành phần quốc gia không dùng mạng truyền số liệu chuyên \
                    dùng",
                explanation: "NQ 17/NQ-CP (7/3/2019) xác định Mạng truyền số liệu chuyên dùng phục \
                    vụ các cơ quan Đảng, Nhà nước là hạ tầng truyền dẫn cơ bản để kết nối các hệ \
                    thống Chính phủ điện tử và chia sẻ dữ liệu. Một quan hệ tới thành phần quốc gia \
                    (`national.*`) mà `network` không phải mạng loại `dedicated` (chẳng hạn đi qua \
                    Internet), hoặc không nêu `network`, bị cảnh báo. Trong gói khung kiến trúc, \
                    mạng này là `national.tslcd`; mạng của đơn vị thuộc mạng truyền số liệu chuyên \
                    dùng thì được khai báo với `type: dedicated`. Hãy nêu \
                    `network: national.tslcd` (hoặc mạng chuyên dùng của đơn vị) trong khối của \
                    quan hệ.",
                source: "NQ 17/NQ-CP (7/3/2019); QĐ 8/2023/QĐ-TTg",
            },
            en: Text {
                summary: "A connection to a national component not over the dedicated network",
                explanation: "NQ 17/NQ-CP (7/3/2019) makes the dedicated data transmission network \
                    of the Party and State agencies (Mạng truyền số liệu chuyên dùng) the basic \
                    transmission infrastructure for connecting e-Government systems and sharing \
                    data. A relation to a national component (`national.*`) whose `network` is not \
                    of type `dedicated` (the Internet, for instance), or that names no `network`, \
                    is reported. In the framework pack that network is `national.tslcd`; a network \
                    of the agency's own that is part of the dedicated network is declared with \
                    `type: dedicated`. Name `network: national.tslcd` (or the agency's dedicated \
                    network) in the relation's block.",
                source: "NQ 17/NQ-CP (7/3/2019); QĐ 8/2023/QĐ-TTg",
            },
            example: vnea(
                r#"platform lgsp "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh" { type: lgsp }
network internet "Kết nối Internet của Trung tâm dữ liệu" { type: internet }
lgsp -> national.ngsp "Kết nối với NGSP" { network: internet }
"#,
                r#"platform lgsp "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh" { type: lgsp }
lgsp -> national.ngsp "Kết nối với NGSP" { network: national.tslcd }
"#,
            ),
        },

        Rule::MissingSecurityLevel => Entry {
            category: Framework,
            vi: Text {
                summary: "Hệ thống thông tin chưa xác định cấp độ an toàn",
                explanation: "Theo Luật An toàn thông tin mạng 2015 (Điều 21) và NĐ 85/2016/NĐ-CP, \
                    mọi hệ thống thông tin được xác định cấp độ an toàn, từ cấp độ 1 (khi bị phá \
                    hoại chỉ gây tổn hại tới quyền và lợi ích hợp pháp của tổ chức, cá nhân) đến \
                    cấp độ 5 (gây tổn hại đặc biệt nghiêm trọng tới quốc phòng, an ninh quốc gia). \
                    Cấp độ quyết định các yêu cầu bảo đảm an toàn phải đáp ứng, và hồ sơ đề xuất \
                    cấp độ phải được phê duyệt; kiến trúc an toàn thông tin (giám sát, kiểm tra, \
                    đánh giá định kỳ) cũng dựa vào cấp độ. Một `application` hoặc `platform` không \
                    có `security_level` bị cảnh báo. Hãy ghi cấp độ đã được phê duyệt, hoặc cấp độ \
                    dự kiến đối với hệ thống đang lập kế hoạch.",
                source: "Luật An toàn thông tin mạng 2015, Điều 21; NĐ 85/2016/NĐ-CP",
            },
            en: Text {
                summary: "An information system without a security level",
                explanation: "Under the Law on Network Information Security 2015 (Art. 21) and \
                    NĐ 85/2016/NĐ-CP, every information system is classified at a security level, \
                    from level 1 (harm, if it is compromised, only to the lawful rights and \
                    interests of organisations or individuals) to level 5 (especially serious harm \
                    to national defence and security). The level decides which protection \
                    requirements apply, and the dossier proposing it must be approved; the security \
                    architecture (monitoring, periodic audits) relies on it too. An `application` \
                    or `platform` without `security_level` is reported. Give the approved level, \
                    or the intended level of a planned system.",
                source: "Luật An toàn thông tin mạng 2015 (Law on Network Information Security), \
                    Art. 21; NĐ 85/2016/NĐ-CP",
            },
            example: vnea(
                r#"application mot_cua "Hệ thống một cửa điện tử" { owner: "Văn phòng UBND tỉnh" }
"#,
                r#"application mot_cua "Hệ thống một cửa điện tử" {
  security_level: 3
  owner: "Văn phòng UBND tỉnh"
}
"#,
            ),
        },

        Rule::SubsystemLevelExceedsSystem => Entry {
            category: Framework,
            vi: Text {
                summary: "Hệ thống con có cấp độ an toàn cao hơn hệ thống chứa nó",
                explanation: "Một hệ thống thông tin gồm nhiều hệ thống thành phần có cấp độ là cấp \
                    độ cao nhất trong các hệ thống thành phần (NĐ 85/2016/NĐ-CP, Điều 5). Nếu một \
                    `application` con có `security_level` cao hơn `application` chứa nó, cấp độ của \
                    hệ thống cha đã được xác định thấp hơn mức phải có, và các biện pháp bảo vệ của \
                    nó có thể không đủ. Lỗi được báo trên thuộc tính `security_level` của hệ thống \
                    cha và nêu tên hệ thống con. Hãy nâng cấp độ của hệ thống cha lên bằng cấp độ \
                    cao nhất của các hệ thống con, hoặc xem lại cấp độ của hệ thống con; nếu hệ \
                    thống con thực ra là một hệ thống độc lập, hãy khai báo nó ở cấp cao nhất.",
                source: "NĐ 85/2016/NĐ-CP, Điều 5",
            },
            en: Text {
                summary: "A sub-system whose security level is above its parent's",
                explanation: "An information system made of component systems takes the highest \
                    level among them (NĐ 85/2016/NĐ-CP, Art. 5). If a nested `application` has a \
                    higher `security_level` than the `application` that contains it, the parent's \
                    level was set lower than it must be, and its protection may fall short. The \
                    error is reported on the parent's `security_level` property and names the \
                    sub-system. Raise the parent's level to the highest level of its sub-systems, \
                    or review the sub-system's level; if the sub-system is really a system of its \
                    own, declare it at the top level.",
                source: "NĐ 85/2016/NĐ-CP, Art. 5",
            },
            example: vnea(
                r#"application mot_cua "Hệ thống thông tin giải quyết thủ tục hành chính" {
  security_level: 2
  application thanh_toan "Phân hệ thanh toán trực tuyến" { security_level: 3 }
}
"#,
                r#"application mot_cua "Hệ thống thông tin giải quyết thủ tục hành chính" {
  security_level: 3
  application thanh_toan "Phân hệ thanh toán trực tuyến" { security_level: 3 }
}
"#,
            ),
        },

        Rule::MissingOwner => Entry {
            category: Framework,
            vi: Text {
                summary: "Hệ thống thông tin hoặc cơ sở dữ liệu chưa có chủ quản",
                explanation: "Mỗi hệ thống thông tin có một chủ quản hệ thống thông tin, là cơ \
                    quan, tổ chức có thẩm quyền quản lý trực tiếp đối với hệ thống \
                    (NĐ 85/2016/NĐ-CP), chịu trách nhiệm đề xuất cấp độ, bảo đảm an toàn và vận \
                    hành hệ thống. Một `application`, `platform` hoặc `database` không có `owner` \
                    được báo ở mức thông tin, vì kiến trúc chưa cho biết ai chịu trách nhiệm về \
                    thành phần đó. Hãy ghi cơ quan, đơn vị chủ quản vào `owner` (ví dụ \
                    \"Sở Thông tin và Truyền thông\"). Đơn vị không theo dõi thông tin này có thể \
                    tắt quy tắc bằng `missing-owner = \"off\"` trong `[rules]`.",
                source: "NĐ 85/2016/NĐ-CP, Điều 5",
            },
            en: Text {
                summary: "An information system or database without an owner",
                explanation: "Each information system has one owner (chủ quản hệ thống thông tin), \
                    the agency or organisation with direct authority over it (NĐ 85/2016/NĐ-CP), \
                    which answers for proposing its security level, protecting it and operating \
                    it. An `application`, `platform` or `database` without `owner` is reported as \
                    information, since the architecture does not say who is responsible for it. \
                    Name the owning agency or unit in `owner` (for example \
                    \"Sở Thông tin và Truyền thông\"). An agency that does not track owners can \
                    turn the rule off with `missing-owner = \"off\"` in `[rules]`.",
                source: "NĐ 85/2016/NĐ-CP, Art. 5",
            },
            example: vnea(
                r#"database csdl_ho_so "CSDL hồ sơ thủ tục hành chính" { type: shared }
"#,
                r#"database csdl_ho_so "CSDL hồ sơ thủ tục hành chính" {
  type: shared
  owner: "Văn phòng Ủy ban nhân dân tỉnh"
}
"#,
            ),
        },

        Rule::UnmappedElement => Entry {
            category: Framework,
            vi: Text {
                summary: "Thành phần chưa ánh xạ tới mô hình tham chiếu",
                explanation: "Khung Kiến trúc Chính phủ điện tử Việt Nam có năm mô hình tham chiếu: \
                    nghiệp vụ (BRM), dữ liệu (DRM), ứng dụng (ARM), công nghệ (TRM) và an toàn \
                    thông tin (SRM). Ánh xạ mỗi thành phần vào các mô hình này giúp so sánh, tổng \
                    hợp kiến trúc của các bộ, tỉnh và nhận ra đầu tư trùng lặp. Quy tắc báo: \
                    `service` hoặc `process` thiếu `brm`, `database` thiếu `drm`, `application` \
                    thiếu `arm`, `infrastructure` thiếu `trm`, `control` thiếu `srm`. Hãy thêm ánh \
                    xạ tới nút phù hợp. Danh mục chính thức của một số mô hình chưa được công bố \
                    đầy đủ: gói khung kiến trúc chứa các mục đã xác minh và các danh mục do công cụ \
                    suy ra từ văn bản có trích dẫn (`status: derived`), và đơn vị có thể bổ sung \
                    danh mục của mình bằng `extend` trong một gói mở rộng.",
                source: "QĐ 2323/QĐ-BTTTT (31/12/2019); QĐ 2568/QĐ-BTTTT (29/12/2023): các mô \
                    hình tham chiếu BRM, DRM, ARM, TRM, SRM",
            },
            en: Text {
                summary: "An element not mapped to its reference model",
                explanation: "The Vietnamese e-Government Architecture Framework has five \
                    reference models: business (BRM), data (DRM), application (ARM), technology \
                    (TRM) and security (SRM). Mapping each element onto them lets the \
                    architectures of ministries and provinces be compared and consolidated, and \
                    duplicate investments be seen. The rule reports a `service` or `process` \
                    without `brm`, a `database` without `drm`, an `application` without `arm`, an \
                    `infrastructure` without `trm` and a `control` without `srm`. Add the mapping \
                    to the fitting node. The official item lists of some models were not \
                    published in full: the framework pack holds the verified items and categories \
                    the tool derived from cited documents (`status: derived`), and an agency can \
                    add its own with `extend` in a user pack.",
                source: "QĐ 2323/QĐ-BTTTT (31/12/2019); QĐ 2568/QĐ-BTTTT (29/12/2023): the \
                    reference models BRM, DRM, ARM, TRM, SRM",
            },
            example: vnea(
                r#"application qlvb "Hệ thống quản lý văn bản và điều hành" { security_level: 2 }
"#,
                r#"application qlvb "Hệ thống quản lý văn bản và điều hành" {
  arm: ARM.noi_bo
  security_level: 2
}
"#,
            ),
        },

        Rule::SupersededFramework => Entry {
            category: Framework,
            vi: Text {
                summary: "Kiến trúc theo khung 2.0, đã được thay thế bằng khung 3.0",
                explanation: "Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0 \
                    (QĐ 2323/QĐ-BTTTT, 31/12/2019) đã được thay thế bằng phiên bản 3.0, hướng tới \
                    Chính phủ số (QĐ 2568/QĐ-BTTTT, 29/12/2023). Phiên bản 3.0 đổi tên mô hình \
                    tham chiếu an toàn thông tin thành mô hình tham chiếu an toàn thông tin mạng, \
                    an ninh mạng; bổ sung hệ thống định danh và xác thực điện tử và Trung tâm dữ \
                    liệu quốc gia; cập nhật BRM, DRM, ARM theo Đề án 06; dịch vụ công trực tuyến \
                    được phân thành toàn trình và một phần thay cho mức độ 1–4. Kiến trúc theo \
                    khung 2.0 vẫn được kiểm tra đầy đủ; thông báo này nhắc việc chuyển sang khung \
                    mới khi đơn vị cập nhật kiến trúc. Để chuyển: đặt `framework: \"3.0\"` trong \
                    `architecture` và `framework = \"3.0\"` trong `vnea.toml`, thay `online_level` \
                    bằng `mode`. Lưu ý: khung 3.0 cũng đã được thay bằng Khung kiến trúc Chính phủ \
                    số phiên bản 4.0 (QĐ 292/QĐ-BKHCN, 25/3/2025), mà vnea chưa hỗ trợ.",
                source: "QĐ 2568/QĐ-BTTTT (29/12/2023), thay thế QĐ 2323/QĐ-BTTTT (31/12/2019)",
            },
            en: Text {
                summary: "An architecture on framework 2.0, which 3.0 replaced",
                explanation: "Version 2.0 of the Vietnamese e-Government Architecture Framework \
                    (QĐ 2323/QĐ-BTTTT, 31/12/2019) was replaced by version 3.0, towards digital \
                    government (QĐ 2568/QĐ-BTTTT, 29/12/2023). Version 3.0 renames the security \
                    reference model (network information security and cybersecurity), adds the \
                    e-identification and authentication system and the National Data Centre, \
                    updates BRM, DRM and ARM for Đề án 06, and describes online public services as \
                    end-to-end or partial instead of levels 1–4. An architecture on 2.0 is still \
                    checked in full; this note is a reminder to move when the agency revises its \
                    architecture. To move, set `framework: \"3.0\"` in the `architecture` and \
                    `framework = \"3.0\"` in `vnea.toml`, and replace `online_level` with `mode`. \
                    Note that 3.0 has itself been replaced by the Digital Government Architecture \
                    Framework 4.0 (QĐ 292/QĐ-BKHCN, 25/3/2025), which vnea does not cover yet.",
                source: "QĐ 2568/QĐ-BTTTT (29/12/2023), replacing QĐ 2323/QĐ-BTTTT (31/12/2019)",
            },
            example: vnea(
                r#"architecture cqdt_tinh "Kiến trúc Chính quyền điện tử tỉnh" { framework: "2.0" }
service cap_phep "Cấp giấy phép xây dựng" { online_level: 4 }
"#,
                r#"architecture cqdt_tinh "Kiến trúc Chính quyền điện tử tỉnh" { framework: "3.0" }
service cap_phep "Cấp giấy phép xây dựng" { mode: full }
"#,
            ),
        },

        Rule::RoadmapCycle => Entry {
            category: Language,
            vi: Text {
                summary: "Vòng phụ thuộc giữa các dự án trong lộ trình",
                explanation: "Nội dung tổ chức triển khai của kiến trúc sắp xếp các nhiệm vụ, dự án \
                    thành lộ trình; `depends_on` nêu các dự án phải hoàn thành trước. Nếu A phụ \
                    thuộc B mà B, trực tiếp hay qua dự án khác, lại phụ thuộc A, thì không có thứ \
                    tự thực hiện nào thỏa mãn, và lộ trình không thể lập được. Mỗi vòng được báo \
                    một lần, trên dự án của vòng xuất hiện trước trong mã nguồn (các tệp theo thứ \
                    tự đường dẫn), và thông báo nêu toàn bộ vòng. Hãy bỏ một phụ thuộc trong vòng, \
                    hoặc tách một dự án thành các giai đoạn (giai đoạn đầu của một nền tảng không \
                    cần chờ các hệ thống phụ thuộc vào nó).",
                source: "Đặc tả ngôn ngữ vnea, §5, §7",
            },
            en: Text {
                summary: "A dependency cycle between projects of the roadmap",
                explanation: "The implementation part of an architecture arranges tasks and \
                    projects into a roadmap; `depends_on` names the projects that must be finished \
                    first. If A depends on B and B, directly or through others, depends on A, no \
                    order of execution satisfies them and the roadmap cannot be scheduled. Each \
                    cycle is reported once, on the project of the cycle that comes first in the \
                    source (files in path order), naming the whole cycle. Remove one dependency of \
                    the cycle, or split a project into phases (the first phase of a platform need \
                    not wait for the systems that depend on it).",
                source: "vnea language specification §5, §7",
            },
            example: vnea(
                r#"project xay_dung_lgsp "Xây dựng LGSP" { depends_on: [ket_noi_dan_cu] }
project ket_noi_dan_cu "Kết nối CSDL quốc gia về dân cư" { depends_on: [xay_dung_lgsp] }
"#,
                r#"project xay_dung_lgsp "Xây dựng LGSP" { period: 2022..2022 }
project ket_noi_dan_cu "Kết nối CSDL quốc gia về dân cư" { depends_on: [xay_dung_lgsp] }
"#,
            ),
        },

        Rule::InvalidPeriod => Entry {
            category: Language,
            vi: Text {
                summary: "Khoảng năm ngược, hoặc dự án nằm ngoài thời kỳ của kiến trúc",
                explanation: "`period` là một khoảng năm `năm_bắt_đầu..năm_kết_thúc`. Một khoảng có \
                    năm bắt đầu sau năm kết thúc (`2025..2021`) là lỗi, và khoảng đó không được \
                    kiểm tra gì thêm. Một `project` có thời gian nằm ngoài thời kỳ của \
                    `architecture` (kiến trúc 2021..2025 có dự án 2024..2027) bị cảnh báo: dự án \
                    kéo dài quá thời kỳ mà văn bản kiến trúc làm căn cứ, nên cần được đưa vào \
                    phiên bản kiến trúc tiếp theo hoặc điều chỉnh lộ trình. Hãy sửa thứ tự các \
                    năm, hoặc điều chỉnh thời gian của dự án hay thời kỳ của kiến trúc.",
                source: "Đặc tả ngôn ngữ vnea, §5, §7",
            },
            en: Text {
                summary: "A reversed range of years, or a project outside the architecture's \
                    period",
                explanation: "`period` is a range of years `start..end`. A range whose start is \
                    after its end (`2025..2021`) is an error, and nothing else is checked on it. A \
                    `project` whose period lies outside the period of the `architecture` (a \
                    2021..2025 architecture with a 2024..2027 project) is a warning: the project \
                    runs beyond the period its architecture document covers, so it belongs in the \
                    next version of the architecture, or the roadmap needs adjusting. Put the \
                    years in order, or adjust the project's period or the architecture's.",
                source: "vnea language specification §5, §7",
            },
            example: vnea(
                r#"architecture cqdt_tinh "Kiến trúc Chính quyền điện tử tỉnh" { period: 2021..2025 }
project nang_cap_lgsp "Nâng cấp LGSP" { period: 2024..2027 }
project ioc "Trung tâm giám sát, điều hành thông minh" { period: 2023..2022 }
"#,
                r#"architecture cqdt_tinh "Kiến trúc Chính quyền điện tử tỉnh" { period: 2021..2025 }
project nang_cap_lgsp "Nâng cấp LGSP" { period: 2024..2025 }
project ioc "Trung tâm giám sát, điều hành thông minh" { period: 2022..2023 }
"#,
            ),
        },

        Rule::UnusedElement => Entry {
            category: Language,
            vi: Text {
                summary: "Thành phần không được tham chiếu và không có quan hệ nào",
                explanation: "Một `application`, `database`, `platform`, `infrastructure`, \
                    `network` hoặc `channel` mà không thành phần nào tham chiếu tới và không nằm \
                    trong quan hệ `->` nào là một thành phần đứng riêng trong kiến trúc: không rõ \
                    nó dùng dữ liệu nào, chạy trên hạ tầng nào, phục vụ ai. Đó có thể là một hệ \
                    thống đã ngừng sử dụng, một khai báo thừa, hoặc một liên kết còn thiếu. Quy \
                    tắc này ở mức gợi ý. Hãy thêm tham chiếu hoặc quan hệ còn thiếu (`databases`, \
                    `hosted_on`, `channels`, `covers`, một quan hệ `->`), hoặc xóa khai báo thừa.",
                source: "Đặc tả ngôn ngữ vnea, §7",
            },
            en: Text {
                summary: "An element nothing refers to",
                explanation: "An `application`, `database`, `platform`, `infrastructure`, \
                    `network` or `channel` that nothing refers to and that takes part in no `->` \
                    relation stands alone in the architecture: it is not known what data it uses, \
                    what it runs on or whom it serves. It may be a system no longer in use, a \
                    leftover declaration, or a missing link. This rule is a hint. Add the missing \
                    reference or relation (`databases`, `hosted_on`, `channels`, `covers`, a `->` \
                    relation), or delete the leftover declaration.",
                source: "vnea language specification §7",
            },
            example: vnea(
                r#"database csdl_can_bo "CSDL cán bộ, công chức, viên chức" { type: specialized }
"#,
                r#"database csdl_can_bo "CSDL cán bộ, công chức, viên chức" { type: specialized }
project so_hoa_ho_so "Số hóa hồ sơ cán bộ, công chức, viên chức" { delivers: [csdl_can_bo] }
"#,
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn every_rule_has_docs_in_both_languages() {
        for &rule in Rule::ALL {
            let vi = doc(rule, Lang::Vi);
            let en = doc(rule, Lang::En);
            for (lang, d) in [(Lang::Vi, vi), (Lang::En, en)] {
                for (what, text) in [
                    ("summary", d.summary),
                    ("explanation", d.explanation),
                    ("source", d.source),
                ] {
                    assert!(!text.trim().is_empty(), "{rule} ({lang}): empty {what}");
                    assert_eq!(
                        text.trim(),
                        text,
                        "{rule} ({lang}): {what} has outer spaces"
                    );
                    assert!(
                        !text.contains("  ") && !text.contains('\n'),
                        "{rule} ({lang}): {what} has a line break or a double space"
                    );
                }
                assert!(
                    !d.summary.ends_with('.'),
                    "{rule} ({lang}): the summary ends with a full stop"
                );
                assert!(
                    d.explanation.ends_with('.') || d.explanation.ends_with(')'),
                    "{rule} ({lang}): the explanation is not a sentence"
                );
                assert_eq!(
                    d.explanation.matches('`').count() % 2,
                    0,
                    "{rule} ({lang}): unbalanced backticks"
                );
            }
            assert_ne!(vi.summary, en.summary, "{rule}: summary not translated");
            assert_ne!(vi.explanation, en.explanation, "{rule}: not translated");
            assert_eq!(vi.example, en.example);
        }
    }

    #[test]
    fn framework_rules_cite_a_legal_source_and_language_rules_the_specification() {
        for &rule in Rule::ALL {
            let vi = doc(rule, Lang::Vi).source;
            let en = doc(rule, Lang::En).source;
            match category(rule) {
                Category::Framework => {
                    let legal = ["QĐ ", "TT ", "NĐ ", "NQ ", "Luật "];
                    assert!(
                        legal.iter().any(|l| vi.contains(l) && en.contains(l)),
                        "{rule}: {vi} / {en}"
                    );
                }
                Category::Language => {
                    assert!(vi.starts_with("Đặc tả ngôn ngữ vnea, §"), "{rule}: {vi}");
                    assert!(
                        en.starts_with("vnea language specification §"),
                        "{rule}: {en}"
                    );
                }
            }
        }
    }

    #[test]
    fn examples_are_formatted_vnea_and_only_the_violation_of_syntax_error_has_errors() {
        for &rule in Rule::ALL {
            let Some(example) = doc(rule, Lang::En).example else {
                assert_eq!(rule, Rule::InvalidEncoding, "{rule} has no example");
                continue;
            };
            assert_ne!(example.violation, example.fix, "{rule}");
            match example.syntax {
                ExampleSyntax::Vnea => {
                    for (text, what) in [(example.violation, "violation"), (example.fix, "fix")] {
                        let formatted = vnea_syntax::format::format(text);
                        if rule == Rule::SyntaxError && what == "violation" {
                            assert!(formatted.is_err(), "{rule}: the violation parses");
                        } else {
                            assert_eq!(formatted.as_deref(), Ok(text), "{rule}: {what}");
                        }
                    }
                }
                ExampleSyntax::Toml => {
                    let (_, problems) = Config::parse(example.violation, Some(Lang::En));
                    assert!(!problems.is_empty(), "{rule}: the violation is valid");
                    let (_, problems) = Config::parse(example.fix, Some(Lang::En));
                    assert!(problems.is_empty(), "{rule}: {problems:?}");
                }
            }
        }
    }

    /// How many diagnostics of `rule` the analyzer reports on `text`, alone in a workspace
    /// whose framework version is the one the text's `architecture` names (2.0 by default).
    fn reported(text: &str, rule: Rule) -> usize {
        let framework = if text.contains("framework: \"3.0\"") {
            "3.0"
        } else {
            "2.0"
        };
        let toml = format!("[workspace]\nframework = \"{framework}\"\n");
        let (config, _) = Config::parse(&toml, Some(Lang::En));
        let mut host = crate::AnalysisHost::new(config, Vec::new());
        host.set_file("example.vnea", text.to_owned());
        host.analysis()
            .all_diagnostics()
            .expect("not cancelled")
            .into_iter()
            .flat_map(|(_, diagnostics)| diagnostics)
            .filter(|d| d.rule == rule)
            .count()
    }

    #[test]
    fn examples_show_what_the_analyzer_reports() {
        for &rule in Rule::ALL {
            let Some(example) = doc(rule, Lang::En).example else {
                continue;
            };
            if example.syntax != ExampleSyntax::Vnea {
                continue;
            }
            let before = reported(example.violation, rule);
            let after = reported(example.fix, rule);
            assert!(before > 0, "{rule}: the violation is not reported");
            if rule == Rule::MissingMandatoryContent {
                // The example shows only the `architecture`: the component architectures and
                // the roadmap are still missing after the fix.
                assert!(after < before, "{rule}: {before} → {after}");
            } else {
                assert_eq!(after, 0, "{rule}: the fix is still reported");
            }
        }
    }

    #[test]
    fn help_points_at_the_rule_section_and_typos_find_the_rule() {
        assert_eq!(
            help_uri(Rule::UnusedElement),
            "docs/rules.md#unused-element"
        );
        assert_eq!(closest_rule("missing_lgsp"), Some(Rule::MissingLgsp));
        assert_eq!(closest_rule("syntax-eror"), Some(Rule::SyntaxError));
        assert_eq!(closest_rule("lgsp"), None);
    }

    #[test]
    fn labels_are_translated() {
        let all = [
            Label::Rules,
            Label::Rule,
            Label::DefaultSeverity,
            Label::Summary,
            Label::Source,
            Label::Violation,
            Label::Fixed,
            Label::Documentation,
            Label::NotConfigurable,
            Label::FrameworkRule,
            Label::LanguageRule,
            Label::ExplainHint,
            Label::Intro,
        ];
        for label in all {
            assert_ne!(label.text(Lang::Vi), label.text(Lang::En), "{label:?}");
        }
        // The introduction counts the rules that are always errors.
        assert_eq!(Rule::ALL.iter().filter(|r| !r.is_configurable()).count(), 3);
        assert!(
            Label::Intro
                .text(Lang::En)
                .contains("the three that are always errors")
        );
    }
}
