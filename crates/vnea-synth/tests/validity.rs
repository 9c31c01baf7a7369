//! The generated models are valid vnea: a small independent lexer and parser for language spec §2–3
//! (the real parser is written concurrently, so it is not used here), plus the checks of §4–§7 that a
//! benchmark corpus must pass: names unique, every reference resolves to a declaration of an accepted
//! kind, property names and enum values from §5, numbers and ranges in range, sub-systems not above
//! their parent's security level, an acyclic roadmap, an LGSP connected to NGSP, and national connections
//! through the LGSP over the dedicated network.

use std::collections::{BTreeMap, BTreeSet};
use vnea_synth::{AgencySpec, Level, agency_files, single_file};

// ------------------------------------------------------------------------------------------------------
// Lexer (§2)
// ------------------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Text,
    Num(String),
    Bool,
    LBrace,
    RBrace,
    LBrack,
    RBrack,
    Colon,
    Comma,
    Dot,
    DotDot,
    Arrow,
}

fn lex(src: &str) -> Result<Vec<(Tok, usize)>, String> {
    let cs: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0usize, 1usize);
    let at = |i: usize| cs.get(i).copied().unwrap_or('\0');
    while i < cs.len() {
        let c = cs[i];
        let start_line = line;
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            ' ' | '\t' | '\r' => i += 1,
            '/' if at(i + 1) == '/' => {
                while i < cs.len() && cs[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == '*' => {
                let mut depth = 0;
                loop {
                    if i >= cs.len() {
                        return Err(format!("line {start_line}: unterminated block comment"));
                    }
                    if cs[i] == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if cs[i] == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if cs[i] == '\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                }
            }
            '"' if at(i + 1) == '"' && at(i + 2) == '"' => {
                i += 3;
                loop {
                    if i >= cs.len() {
                        return Err(format!("line {start_line}: unterminated text block"));
                    }
                    if cs[i] == '"' && at(i + 1) == '"' && at(i + 2) == '"' {
                        i += 3;
                        break;
                    }
                    if cs[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
                out.push((Tok::Text, start_line));
            }
            '"' => {
                i += 1;
                let mut s = String::new();
                loop {
                    match at(i) {
                        '\0' | '\n' => return Err(format!("line {line}: unterminated string")),
                        '"' => {
                            i += 1;
                            break;
                        }
                        '\\' => {
                            match at(i + 1) {
                                '"' => s.push('"'),
                                '\\' => s.push('\\'),
                                'n' => s.push('\n'),
                                't' => s.push('\t'),
                                'u' if at(i + 2) == '{' => {
                                    let mut j = i + 3;
                                    while at(j).is_ascii_hexdigit() {
                                        j += 1;
                                    }
                                    if j == i + 3 || at(j) != '}' {
                                        return Err(format!("line {line}: bad \\u escape"));
                                    }
                                    i = j - 1;
                                }
                                e => return Err(format!("line {line}: bad escape \\{e}")),
                            }
                            i += 2;
                        }
                        c => {
                            s.push(c);
                            i += 1;
                        }
                    }
                }
                out.push((Tok::Str(s), start_line));
            }
            '0'..='9' => {
                let s = i;
                while at(i).is_ascii_digit() {
                    i += 1;
                }
                if at(i) == '.' && at(i + 1).is_ascii_digit() {
                    i += 1;
                    while at(i).is_ascii_digit() {
                        i += 1;
                    }
                }
                out.push((Tok::Num(cs[s..i].iter().collect()), line));
            }
            c if c.is_alphabetic() || c == '_' => {
                let s = i;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
                let word: String = cs[s..i].iter().collect();
                let tok = if word == "true" || word == "false" {
                    Tok::Bool
                } else {
                    Tok::Ident(word)
                };
                out.push((tok, line));
            }
            '{' | '}' | '[' | ']' | ':' | ',' => {
                let t = match c {
                    '{' => Tok::LBrace,
                    '}' => Tok::RBrace,
                    '[' => Tok::LBrack,
                    ']' => Tok::RBrack,
                    ':' => Tok::Colon,
                    _ => Tok::Comma,
                };
                out.push((t, line));
                i += 1;
            }
            '.' if at(i + 1) == '.' => {
                out.push((Tok::DotDot, line));
                i += 2;
            }
            '.' => {
                out.push((Tok::Dot, line));
                i += 1;
            }
            '-' if at(i + 1) == '>' => {
                out.push((Tok::Arrow, line));
                i += 2;
            }
            c => return Err(format!("line {line}: unexpected character {c:?}")),
        }
    }
    Ok(out)
}

// ------------------------------------------------------------------------------------------------------
// Parser (§3)
// ------------------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Value {
    Str(String),
    Text,
    Num(String),
    Bool,
    Range(u64, u64),
    Path(Vec<String>),
    List(Vec<Value>),
}

#[derive(Clone, Debug, Default)]
struct Block {
    props: Vec<(String, Value, usize)>,
    decls: Vec<Decl>,
    rels: Vec<Rel>,
}

#[derive(Clone, Debug)]
struct Decl {
    kind: String,
    name: String,
    title: Option<String>,
    body: Block,
    line: usize,
}

#[derive(Clone, Debug)]
struct Rel {
    from: Vec<String>,
    to: Vec<String>,
    body: Block,
    line: usize,
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
}

impl Parser {
    fn peek(&self, k: usize) -> Option<&Tok> {
        self.toks.get(self.pos + k).map(|t| &t.0)
    }

    fn line(&self) -> usize {
        self.toks
            .get(self.pos)
            .or(self.toks.last())
            .map_or(0, |t| t.1)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).map(|t| t.0.clone());
        self.pos += 1;
        t
    }

    fn expect(&mut self, t: Tok) -> Result<(), String> {
        let line = self.line();
        match self.next() {
            Some(x) if x == t => Ok(()),
            x => Err(format!("line {line}: expected {t:?}, found {x:?}")),
        }
    }

    fn ident(&mut self) -> Result<String, String> {
        let line = self.line();
        match self.next() {
            Some(Tok::Ident(s)) => Ok(s),
            x => Err(format!("line {line}: expected identifier, found {x:?}")),
        }
    }

    fn path(&mut self) -> Result<Vec<String>, String> {
        let mut p = vec![self.ident()?];
        while self.peek(0) == Some(&Tok::Dot) {
            self.pos += 1;
            p.push(self.ident()?);
        }
        Ok(p)
    }

    fn items(&mut self, nested: bool) -> Result<Block, String> {
        let mut b = Block::default();
        loop {
            let line = self.line();
            match (self.peek(0), self.peek(1)) {
                (None, _) if !nested => return Ok(b),
                (None, _) => return Err(format!("line {line}: missing closing brace")),
                (Some(Tok::RBrace), _) if nested => return Ok(b),
                (Some(Tok::Ident(_)), Some(Tok::Colon)) => {
                    let name = self.ident()?;
                    self.pos += 1;
                    let v = self.value()?;
                    if self.peek(0) == Some(&Tok::Comma) {
                        self.pos += 1;
                    }
                    b.props.push((name, v, line));
                }
                (Some(Tok::Ident(_)), Some(Tok::Ident(_))) => {
                    let kind = self.ident()?;
                    let name = self.ident()?;
                    let title = match self.peek(0) {
                        Some(Tok::Str(s)) => {
                            let s = s.clone();
                            self.pos += 1;
                            Some(s)
                        }
                        _ => None,
                    };
                    let body = self.opt_block()?;
                    b.decls.push(Decl {
                        kind,
                        name,
                        title,
                        body,
                        line,
                    });
                }
                (Some(Tok::Ident(_)), Some(Tok::Dot | Tok::Arrow)) => {
                    let from = self.path()?;
                    self.expect(Tok::Arrow)?;
                    let to = self.path()?;
                    if let Some(Tok::Str(_)) = self.peek(0) {
                        self.pos += 1;
                    }
                    let body = self.opt_block()?;
                    b.rels.push(Rel {
                        from,
                        to,
                        body,
                        line,
                    });
                }
                (t, u) => {
                    return Err(format!(
                        "line {line}: cannot start an item with {t:?} {u:?}"
                    ));
                }
            }
        }
    }

    fn opt_block(&mut self) -> Result<Block, String> {
        if self.peek(0) != Some(&Tok::LBrace) {
            return Ok(Block::default());
        }
        self.pos += 1;
        let b = self.items(true)?;
        self.expect(Tok::RBrace)?;
        Ok(b)
    }

    fn value(&mut self) -> Result<Value, String> {
        let line = self.line();
        match self.next() {
            Some(Tok::Str(s)) => Ok(Value::Str(s)),
            Some(Tok::Text) => Ok(Value::Text),
            Some(Tok::Bool) => Ok(Value::Bool),
            Some(Tok::Num(a)) => {
                if self.peek(0) == Some(&Tok::DotDot) {
                    self.pos += 1;
                    match self.next() {
                        Some(Tok::Num(b)) => Ok(Value::Range(
                            a.parse()
                                .map_err(|_| format!("line {line}: bad range start"))?,
                            b.parse()
                                .map_err(|_| format!("line {line}: bad range end"))?,
                        )),
                        x => Err(format!("line {line}: expected range end, found {x:?}")),
                    }
                } else {
                    Ok(Value::Num(a))
                }
            }
            Some(Tok::Ident(_)) => {
                self.pos -= 1;
                Ok(Value::Path(self.path()?))
            }
            Some(Tok::LBrack) => {
                let mut items = Vec::new();
                loop {
                    if self.peek(0) == Some(&Tok::RBrack) {
                        self.pos += 1;
                        return Ok(Value::List(items));
                    }
                    items.push(self.value()?);
                    match self.next() {
                        Some(Tok::Comma) => {}
                        Some(Tok::RBrack) => return Ok(Value::List(items)),
                        x => {
                            return Err(format!(
                                "line {line}: expected , or ] in list, found {x:?}"
                            ));
                        }
                    }
                }
            }
            x => Err(format!("line {line}: expected a value, found {x:?}")),
        }
    }
}

fn parse(src: &str) -> Result<Block, String> {
    let toks = lex(src)?;
    let mut p = Parser { toks, pos: 0 };
    let b = p.items(false)?;
    if p.pos < p.toks.len() {
        return Err(format!("line {}: unexpected closing brace", p.line()));
    }
    Ok(b)
}

// ------------------------------------------------------------------------------------------------------
// Checks (§4–§7)
// ------------------------------------------------------------------------------------------------------

/// Framework ids of the 2.0 pack used by the generator, with their kind (reference-model nodes are "BRM" …).
fn prelude() -> BTreeMap<String, &'static str> {
    let mut m = BTreeMap::new();
    for n in [
        "dich_vu_cong",
        "quan_ly_chuyen_nganh",
        "chi_dao_dieu_hanh",
        "ho_tro",
    ] {
        m.insert(format!("BRM.{n}"), "BRM");
    }
    for n in [
        "kinh_te",
        "kinh_te.ho_tro_doanh_nghiep",
        "kinh_te.quan_ly_kinh_te",
        "kinh_te.thuong_mai",
        "xa_hoi",
        "xa_hoi.ha_tang_dan_dung",
    ] {
        m.insert(format!("DRM.{n}"), "DRM");
    }
    for n in [
        "noi_bo",
        "phuc_vu_nguoi_dan",
        "ha_tang_thong_tin",
        "dieu_khien_cong_nghiep",
        "khac",
        "dung_chung",
        "chuyen_nganh",
    ] {
        m.insert(format!("ARM.{n}"), "ARM");
    }
    for n in ["trung_tam_du_lieu", "dien_toan_dam_may", "mang", "thiet_bi"] {
        m.insert(format!("TRM.{n}"), "TRM");
    }
    for n in [
        "cap_do",
        "luc_luong_tai_cho",
        "giam_sat",
        "kiem_tra_danh_gia",
        "ket_noi_giam_sat_quoc_gia",
        "yeu_cau_quan_ly",
        "yeu_cau_ky_thuat",
    ] {
        m.insert(format!("SRM.{n}"), "SRM");
    }
    for (n, k) in [
        ("ngsp", "platform"),
        ("tslcd", "network"),
        ("cong_dvcqg", "application"),
        ("truc_lien_thong", "platform"),
        ("bao_cao", "application"),
        ("dan_cu", "database"),
        ("dat_dai", "database"),
        ("dang_ky_doanh_nghiep", "database"),
        ("tai_chinh", "database"),
        ("bao_hiem", "database"),
        ("thong_ke_dan_so", "database"),
    ] {
        m.insert(format!("national.{n}"), k);
    }
    m
}

const ELEMENT_KINDS: &[&str] = &[
    "principle",
    "actor",
    "channel",
    "service",
    "process",
    "application",
    "database",
    "platform",
    "infrastructure",
    "network",
    "control",
    "project",
];

fn allowed_props(kind: &str) -> &'static [&'static str] {
    match kind {
        "architecture" => &[
            "level",
            "agency",
            "framework",
            "version",
            "period",
            "legal_basis",
            "vision",
            "objectives",
            "scope",
            "principles",
        ],
        "principle" => &[],
        "actor" => &["type"],
        "channel" => &["type", "serves"],
        "service" => &["brm", "online_level", "mode", "channels", "actors"],
        "process" => &["brm", "owner"],
        "application" => &[
            "arm",
            "security_level",
            "owner",
            "status",
            "scope",
            "databases",
            "hosted_on",
        ],
        "database" => &["drm", "type", "owner", "status"],
        "platform" => &[
            "type",
            "arm",
            "security_level",
            "owner",
            "status",
            "hosted_on",
        ],
        "infrastructure" => &["trm", "type", "owner", "status"],
        "network" => &["type", "trm"],
        "control" => &["srm", "covers"],
        "project" => &["period", "delivers", "depends_on", "budget"],
        "relation" => &["via", "network", "data", "protocol"],
        k => panic!("unexpected kind {k}"),
    }
}

/// Kinds a reference property accepts (None: not a reference property).
fn ref_kinds(kind: &str, prop: &str) -> Option<&'static [&'static str]> {
    Some(match (kind, prop) {
        ("architecture", "principles") => &["principle"],
        ("channel", "serves") | ("service", "actors") => &["actor"],
        ("service" | "process", "brm") => &["BRM"],
        ("service", "channels") => &["channel"],
        ("application" | "platform", "arm") => &["ARM"],
        ("application", "databases") | ("relation", "data") => &["database"],
        ("application" | "platform", "hosted_on") => &["infrastructure"],
        ("database", "drm") => &["DRM"],
        ("infrastructure" | "network", "trm") => &["TRM"],
        ("control", "srm") => &["SRM"],
        ("control", "covers") => &["application", "platform", "database", "infrastructure"],
        ("project", "delivers") => ELEMENT_KINDS,
        ("project", "depends_on") => &["project"],
        ("relation", "via") => &["platform"],
        ("relation", "network") => &["network"],
        _ => return None,
    })
}

/// Allowed values of an enum property (None: not an enum property).
fn enum_values(kind: &str, prop: &str) -> Option<&'static [&'static str]> {
    const STATUS: &[&str] = &["existing", "planned", "upgrade", "retired"];
    Some(match (kind, prop) {
        ("architecture", "level") => &["ministry", "province", "sector"],
        ("actor", "type") => &["citizen", "business", "official", "agency", "external"],
        ("channel", "type") => &[
            "portal",
            "public_service_portal",
            "mobile_app",
            "one_stop_shop",
            "kiosk",
            "call_center",
            "email",
            "social",
        ],
        ("application" | "database" | "platform" | "infrastructure", "status") => STATUS,
        ("application", "scope") => &["internal", "shared", "specialized"],
        ("database", "type") => &["specialized", "shared", "open", "internal", "national"],
        ("platform", "type") => &["lgsp", "ngsp", "identity", "payment", "messaging", "other"],
        ("infrastructure", "type") => &["datacenter", "cloud", "server", "endpoint", "other"],
        ("network", "type") => &["dedicated", "internet", "lan", "wan"],
        ("service", "mode") => &["full", "partial"],
        _ => return None,
    })
}

struct Model<'a> {
    top: BTreeMap<String, &'a Decl>,
    prelude: BTreeMap<String, &'static str>,
}

impl<'a> Model<'a> {
    /// Resolves a path written inside `scopes` (innermost last); returns the kind it names.
    fn resolve(&self, scopes: &[&'a Decl], path: &[String]) -> Result<String, String> {
        let first = &path[0];
        let mut cur: Option<&Decl> = scopes
            .iter()
            .rev()
            .find_map(|d| d.body.decls.iter().find(|c| c.name == *first))
            .or_else(|| self.top.get(first).copied());
        if cur.is_none() {
            return self
                .prelude
                .get(&path.join("."))
                .map(|k| k.to_string())
                .ok_or_else(|| format!("unresolved {}", path.join(".")));
        }
        for seg in &path[1..] {
            cur = cur.and_then(|d| d.body.decls.iter().find(|c| c.name == *seg));
        }
        cur.map(|d| d.kind.clone())
            .ok_or_else(|| format!("unresolved {}", path.join(".")))
    }

    fn check_props(&self, kind: &str, body: &Block, scopes: &[&'a Decl], errs: &mut Vec<String>) {
        for (prop, value, line) in &body.props {
            let at = format!("{kind} line {line} `{prop}`");
            if prop == "description" {
                if !matches!(value, Value::Str(_) | Value::Text) {
                    errs.push(format!("{at}: description must be a string"));
                }
                continue;
            }
            if prop == "tags" {
                match value {
                    Value::List(xs) if xs.iter().all(|x| matches!(x, Value::Str(_))) => {}
                    _ => errs.push(format!("{at}: tags must be [string]")),
                }
                continue;
            }
            if !allowed_props(kind).contains(&prop.as_str()) {
                errs.push(format!("{at}: unknown property"));
                continue;
            }
            if let Some(kinds) = ref_kinds(kind, prop) {
                let items: Vec<&Value> = match value {
                    Value::List(xs) => xs.iter().collect(),
                    v => vec![v],
                };
                for item in items {
                    match item {
                        Value::Path(p) => match self.resolve(scopes, p) {
                            Ok(k) if kinds.contains(&k.as_str()) => {}
                            Ok(k) => errs.push(format!(
                                "{at}: {} is a {k}, expected {kinds:?}",
                                p.join(".")
                            )),
                            Err(e) => errs.push(format!("{at}: {e}")),
                        },
                        other => errs.push(format!("{at}: expected a reference, found {other:?}")),
                    }
                }
                continue;
            }
            if let Some(values) = enum_values(kind, prop) {
                match value {
                    Value::Path(p) if p.len() == 1 && values.contains(&p[0].as_str()) => {}
                    other => errs.push(format!("{at}: invalid value {other:?}")),
                }
                continue;
            }
            let ok = match (prop.as_str(), value) {
                ("online_level", Value::Num(n)) => matches!(n.as_str(), "1" | "2" | "3" | "4"),
                ("security_level", Value::Num(n)) => {
                    matches!(n.as_str(), "1" | "2" | "3" | "4" | "5")
                }
                ("period", Value::Range(a, b)) => a <= b,
                ("framework", Value::Str(s)) => s == "2.0",
                ("agency" | "version" | "owner" | "budget" | "protocol", Value::Str(_)) => true,
                ("vision" | "scope", Value::Str(_) | Value::Text) => true,
                ("legal_basis" | "objectives", Value::List(xs)) => {
                    xs.iter().all(|x| matches!(x, Value::Str(_)))
                }
                _ => false,
            };
            if !ok {
                errs.push(format!("{at}: invalid value {value:?}"));
            }
        }
    }

    fn check_decl(&self, d: &'a Decl, scopes: &mut Vec<&'a Decl>, errs: &mut Vec<String>) {
        let parent = scopes.last().map(|p| p.kind.as_str());
        let placement_ok = match (parent, d.kind.as_str()) {
            (None, k) => k == "architecture" || ELEMENT_KINDS.contains(&k),
            (Some("application"), "application" | "service" | "database") => true,
            (Some("process"), "process") | (Some("infrastructure"), "infrastructure") => true,
            _ => false,
        };
        if !placement_ok {
            errs.push(format!(
                "line {}: {} {} misplaced in {parent:?}",
                d.line, d.kind, d.name
            ));
        }
        if d.title.as_deref().is_none_or(str::is_empty) {
            errs.push(format!(
                "line {}: {} {} has no title",
                d.line, d.kind, d.name
            ));
        }
        scopes.push(d);
        self.check_props(&d.kind, &d.body, scopes, errs);
        for c in &d.body.decls {
            self.check_decl(c, scopes, errs);
        }
        if !d.body.rels.is_empty() {
            errs.push(format!(
                "{} {}: relation inside a declaration",
                d.kind, d.name
            ));
        }
        scopes.pop();
        // Sub-systems never exceed the parent's security level (NĐ 85/2016 Art. 5).
        if d.kind == "application" {
            let level = |d: &Decl| {
                d.body
                    .props
                    .iter()
                    .find(|p| p.0 == "security_level")
                    .and_then(|p| match &p.1 {
                        Value::Num(n) => n.parse::<u32>().ok(),
                        _ => None,
                    })
            };
            for c in d.body.decls.iter().filter(|c| c.kind == "application") {
                if let (Some(p), Some(s)) = (level(d), level(c))
                    && s > p
                {
                    errs.push(format!(
                        "sub-system {} level {s} above parent {} level {p}",
                        c.name, d.name
                    ));
                }
                if level(c).is_none() {
                    errs.push(format!("application {} without security_level", c.name));
                }
            }
            if level(d).is_none() {
                errs.push(format!("application {} without security_level", d.name));
            }
        }
    }
}

fn collect_names<'a>(decls: &'a [Decl], out: &mut Vec<&'a str>) {
    for d in decls {
        out.push(&d.name);
        collect_names(&d.body.decls, out);
    }
}

fn prop<'a>(d: &'a Decl, name: &str) -> Option<&'a Value> {
    d.body.props.iter().find(|p| p.0 == name).map(|p| &p.1)
}

fn path_of(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::Path(p)) => Some(p.join(".")),
        _ => None,
    }
}

/// Checks one agency workspace; returns the problems found.
fn check_agency(files: &[(String, String)]) -> Vec<String> {
    let mut errs = Vec::new();
    let mut parsed: Vec<(String, Block)> = Vec::new();
    for (path, text) in files {
        if !path.ends_with(".vnea") {
            continue;
        }
        if text.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)) {
            errs.push(format!("{path}: combining marks (not NFC)"));
        }
        match parse(text) {
            Ok(b) => parsed.push((path.clone(), b)),
            Err(e) => errs.push(format!("{path}: {e}")),
        }
    }
    if !errs.is_empty() {
        return errs;
    }
    parsed.sort_by(|a, b| a.0.cmp(&b.0));
    let mut top = BTreeMap::new();
    let mut names = Vec::new();
    let mut all_decls: Vec<&Decl> = Vec::new();
    let mut rels: Vec<&Rel> = Vec::new();
    for (path, b) in &parsed {
        if !b.props.is_empty() {
            errs.push(format!("{path}: property at top level"));
        }
        for d in &b.decls {
            top.insert(d.name.clone(), d);
            all_decls.push(d);
        }
        collect_names(&b.decls, &mut names);
        rels.extend(b.rels.iter());
    }
    let mut seen = BTreeSet::new();
    for n in &names {
        if !seen.insert(*n) {
            errs.push(format!("duplicate name {n}"));
        }
    }
    let model = Model {
        top,
        prelude: prelude(),
    };
    let archs: Vec<&&Decl> = all_decls
        .iter()
        .filter(|d| d.kind == "architecture")
        .collect();
    if archs.len() != 1 {
        errs.push(format!("{} architecture declarations", archs.len()));
    }
    for d in &all_decls {
        model.check_decl(d, &mut Vec::new(), &mut errs);
    }
    for r in &rels {
        for end in [&r.from, &r.to] {
            if let Err(e) = model.resolve(&[], end) {
                errs.push(format!("relation line {}: {e}", r.line));
            }
        }
        model.check_props("relation", &r.body, &[], &mut errs);
        if !r.body.decls.is_empty() || !r.body.rels.is_empty() {
            errs.push(format!(
                "relation line {}: declarations inside a relation",
                r.line
            ));
        }
    }
    // Roadmap: depends_on only on earlier projects (files by path, then source order), periods in range.
    let projects: Vec<&&Decl> = all_decls.iter().filter(|d| d.kind == "project").collect();
    let order: BTreeMap<&str, usize> = projects
        .iter()
        .enumerate()
        .map(|(i, d)| (d.name.as_str(), i))
        .collect();
    let arch_period = archs.first().and_then(|a| match prop(a, "period") {
        Some(Value::Range(a, b)) => Some((*a, *b)),
        _ => None,
    });
    for (i, p) in projects.iter().enumerate() {
        if let Some(Value::List(deps)) = prop(p, "depends_on") {
            for dep in deps {
                if let Value::Path(path) = dep
                    && order.get(path[0].as_str()).is_none_or(|&j| j >= i)
                {
                    errs.push(format!(
                        "project {} depends on later project {}",
                        p.name, path[0]
                    ));
                }
            }
        }
        if let (Some(Value::Range(a, b)), Some((s, e))) = (prop(p, "period"), arch_period)
            && (*a < s || *b > e)
        {
            errs.push(format!(
                "project {} period outside the architecture's",
                p.name
            ));
        }
    }
    // LGSP rules (TT 13/2017) and the dedicated network (NQ 17).
    let lgsps: Vec<&str> = all_decls
        .iter()
        .filter(|d| d.kind == "platform" && path_of(prop(d, "type")).as_deref() == Some("lgsp"))
        .map(|d| d.name.as_str())
        .collect();
    let level = archs.first().and_then(|a| path_of(prop(a, "level")));
    if lgsps.is_empty()
        && matches!(level.as_deref(), Some("ministry" | "province"))
        && all_decls.len() > 1
    {
        errs.push("no lgsp platform".into());
    }
    for l in &lgsps {
        let connected = rels.iter().any(|r| {
            (r.from.join(".") == *l && r.to.join(".") == "national.ngsp")
                || (r.to.join(".") == *l && r.from.join(".") == "national.ngsp")
        });
        if !connected {
            errs.push(format!("lgsp {l} not connected to national.ngsp"));
        }
    }
    for r in &rels {
        let (from, to) = (r.from.join("."), r.to.join("."));
        let national =
            |p: &str| p.starts_with("national.") && p != "national.ngsp" && p != "national.tslcd";
        if !(national(&from) || national(&to)) {
            continue;
        }
        let from_lgsp = lgsps.contains(&from.as_str());
        let via = path_of(r.body.props.iter().find(|p| p.0 == "via").map(|p| &p.1));
        let via_ok = via
            .as_deref()
            .is_some_and(|v| lgsps.contains(&v) || v == "national.ngsp");
        if !from_lgsp && !via_ok {
            errs.push(format!(
                "relation line {}: direct national connection",
                r.line
            ));
        }
        let net = path_of(r.body.props.iter().find(|p| p.0 == "network").map(|p| &p.1));
        if net.as_deref() != Some("national.tslcd") {
            errs.push(format!(
                "relation line {}: national connection not over national.tslcd",
                r.line
            ));
        }
    }
    errs
}

fn assert_valid(files: &[(String, String)], what: &str) {
    let errs = check_agency(files);
    assert!(
        errs.is_empty(),
        "{what}: {} problems, first ones:\n{}",
        errs.len(),
        errs[..errs.len().min(20)].join("\n")
    );
}

// ------------------------------------------------------------------------------------------------------
// Tests
// ------------------------------------------------------------------------------------------------------

#[test]
fn validator_rejects_bad_input() {
    for bad in [
        "service a \"x\" {",
        "service a \"x\" }",
        "service a \"x\\q\"",
        "service a \"unterminated",
        "service a { p: [a, b }",
        "service a { p: 1.. }",
        "service a { p: \"\"\"never closed }",
        "service a # x",
        "/* /* nested */ unterminated",
        "brm: BRM.x",
    ] {
        let files = vec![("a.vnea".to_string(), bad.to_string())];
        assert!(!check_agency(&files).is_empty(), "accepted: {bad}");
    }
    assert!(parse("/* a /* b */ c */ x -> y \"t\" { p: 1..2, q: [a.b, \"s\\\"\\\\\",], r: \"\"\"\n\"\n\"\"\" }").is_ok());
}

#[test]
fn validator_catches_semantic_errors() {
    let ok = agency_files(&AgencySpec::numbered(0, 300, 5));
    assert_valid(&ok, "baseline");
    let tweak = |from: &str, to: &str| {
        let mut files = ok.clone();
        let f = files
            .iter_mut()
            .find(|(_, t)| t.contains(from))
            .expect("pattern present");
        f.1 = f.1.replacen(from, to, 1);
        check_agency(&files)
    };
    assert!(!tweak("brm: BRM.", "brm: BRM.khong_co_").is_empty());
    assert!(!tweak("type: lgsp", "type: lgspx").is_empty());
    assert!(!tweak("online_level: ", "online_level: 9").is_empty());
    assert!(!tweak("hosted_on: htkt_", "hosted_on: csdl_").is_empty());
    assert!(!tweak("security_level: ", "securiti_level: ").is_empty());
}

/// (declarations, relations) the parser finds in the agency's files.
fn parsed_counts(files: &[(String, String)]) -> (usize, usize) {
    fn decls(ds: &[Decl]) -> usize {
        ds.iter().map(|d| 1 + decls(&d.body.decls)).sum()
    }
    let (mut d, mut r) = (0, 0);
    for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".vnea")) {
        let b = parse(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        d += decls(&b.decls);
        r += b.rels.len();
    }
    (d, r)
}

#[test]
fn agencies_of_many_sizes_are_valid() {
    for (i, n) in [0usize, 1, 2, 5, 11, 12, 13, 40, 100, 257, 1000]
        .into_iter()
        .enumerate()
    {
        for seed in [1u64, 2, 99] {
            let files = agency_files(&AgencySpec::numbered(i, n, seed));
            assert_valid(&files, &format!("n = {n}, seed = {seed}"));
            // The validator saw every declaration (the architecture too) and every relation.
            assert_eq!(
                parsed_counts(&files),
                (n + 1, vnea_synth::relation_count(n)),
                "n = {n}"
            );
        }
    }
}

#[test]
fn hundred_agency_sample_is_valid() {
    // A slice of the 100 × 1000 benchmark set (every 9th agency), both levels.
    for a in (0..100).step_by(9) {
        assert_valid(
            &agency_files(&AgencySpec::numbered(a, 1000, 1)),
            &format!("agency {a}"),
        );
    }
}

#[test]
fn custom_spec_and_small_files_are_valid() {
    let mut spec = AgencySpec::new("Tỉnh \"Thử nghiệm\" \\ mẫu", Level::Province, 500, 3);
    spec.elements_per_file = 20;
    let files = agency_files(&spec);
    assert!(files.len() > 20);
    assert_valid(&files, "custom");
}

#[test]
fn single_file_is_valid() {
    for n in [0, 10, 1000, 3000] {
        let text = single_file(n, 11);
        assert_valid(
            &[("all.vnea".to_string(), text)],
            &format!("single_file({n})"),
        );
    }
}
