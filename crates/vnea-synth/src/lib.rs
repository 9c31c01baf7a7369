//! Synthetic vnea agency workspaces for benchmarks.
//!
//! `vnea-synth` generates realistic, deterministic `.vnea` models of Vietnamese agencies (ministries and
//! provinces) with a chosen number of elements. The output is syntactically valid (language spec §3),
//! uses only property names and values from §5, refers only to names it declares or to framework ids of
//! the 2.0 pack (framework.md), and has the proportions of a real agency architecture (see [`Kind`]).
//! It is meant for benchmarking the lexer, parser, `vnea check`, the analyzer and the language server.
//!
//! Everything is a pure function of its inputs: the same spec and seed give byte-identical output on every
//! platform (a built-in SplitMix64 generator; no dependency beyond std).
//!
//! # What an agency of N elements holds
//!
//! One `architecture` declaration (level ministry or province, framework "2.0", period, legal basis,
//! vision, objectives, scope, principles) plus N element declarations in the shares of [`Kind::percent`]:
//! services 28%, processes 12%, applications 15%, databases 12%, controls 8%, projects 8%,
//! infrastructure 5%, principles 3%, channels 3%, actors 2%, platforms 2%, networks 2% (see
//! [`kind_counts`]), and about N/10 relations on top ([`relation_count`]). About one application in five
//! holds 1–3 sub-system applications (never above its security level), some processes hold
//! sub-processes, some data centres hold servers, and an eighth of the databases sit inside an
//! application. The first platform (and every tenth) is an LGSP connected to `national.ngsp`; relations to
//! national components go `via` an LGSP over `national.tslcd`; projects depend only on earlier projects
//! and fall within the architecture's period. Names are `prefix_NNNN` per kind ([`Kind::prefix`]), a few
//! with Vietnamese letters (`csdl_đất_đai_0007`); titles are realistic Vietnamese phrases made distinct by
//! a number.
//!
//! Output is about 204 bytes and 5.2 lines per element: 100 agencies × 1,000 elements make about
//! 20.3 MB and 524k lines in 1,100 files.
//!
//! ```
//! let files = vnea_synth::agency_files(&vnea_synth::AgencySpec::numbered(0, 200, 42));
//! assert_eq!(files[0].0, "vnea.toml");
//! assert!(files.iter().any(|(path, text)| path == "architecture.vnea" && text.contains("architecture ")));
//! ```

#![warn(missing_docs)]

mod rng;
mod vocab;

use rng::{Rng, mix};
use std::fmt::{self, Write as _};
use std::io;
use std::path::Path;
use vocab as v;

/// Largest number of elements (declarations and relations) per generated `.vnea` file; a component with
/// more is split into parts of equal size.
pub const DEFAULT_ELEMENTS_PER_FILE: usize = 150;

/// Framework version written into every generated workspace (`vnea.toml` and the architecture).
pub const FRAMEWORK: &str = "2.0";

/// The `vnea.toml` written at the root of every generated agency workspace.
pub const VNEA_TOML: &str = "[workspace]\nframework = \"2.0\"\n";

/// A declaration kind the generator produces (every element kind of language spec §5 but `architecture`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `principle` (nguyên tắc).
    Principle,
    /// `actor` (người sử dụng).
    Actor,
    /// `channel` (kênh giao tiếp).
    Channel,
    /// `service` (dịch vụ công).
    Service,
    /// `process` (nghiệp vụ), some with nested sub-processes.
    Process,
    /// `application` (hệ thống thông tin), some with nested sub-system applications.
    Application,
    /// `database` (cơ sở dữ liệu), a few nested inside an application.
    Database,
    /// `platform` (nền tảng); the first, and every tenth, is an LGSP.
    Platform,
    /// `infrastructure` (hạ tầng kỹ thuật), some servers nested inside data centres.
    Infrastructure,
    /// `network` (mạng).
    Network,
    /// `control` (biện pháp an toàn thông tin).
    Control,
    /// `project` (nhiệm vụ, dự án of the roadmap).
    Project,
}

impl Kind {
    /// All kinds, in the order they are counted and allocated.
    pub const ALL: [Kind; 12] = [
        Kind::Principle,
        Kind::Actor,
        Kind::Channel,
        Kind::Service,
        Kind::Process,
        Kind::Application,
        Kind::Database,
        Kind::Platform,
        Kind::Infrastructure,
        Kind::Network,
        Kind::Control,
        Kind::Project,
    ];

    /// The keyword that starts a declaration of this kind.
    pub fn keyword(self) -> &'static str {
        match self {
            Kind::Principle => "principle",
            Kind::Actor => "actor",
            Kind::Channel => "channel",
            Kind::Service => "service",
            Kind::Process => "process",
            Kind::Application => "application",
            Kind::Database => "database",
            Kind::Platform => "platform",
            Kind::Infrastructure => "infrastructure",
            Kind::Network => "network",
            Kind::Control => "control",
            Kind::Project => "project",
        }
    }

    /// Share of the elements of an agency that are of this kind, in percent (the shares sum to 100).
    pub fn percent(self) -> usize {
        match self {
            Kind::Principle => 3,
            Kind::Actor => 2,
            Kind::Channel => 3,
            Kind::Service => 28,
            Kind::Process => 12,
            Kind::Application => 15,
            Kind::Database => 12,
            Kind::Platform => 2,
            Kind::Infrastructure => 5,
            Kind::Network => 2,
            Kind::Control => 8,
            Kind::Project => 8,
        }
    }

    /// Name prefix of generated declarations of this kind (names are `prefix_NNNN`).
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Principle => "nt",
            Kind::Actor => "nsd",
            Kind::Channel => "kenh",
            Kind::Service => "dv",
            Kind::Process => "nv",
            Kind::Application => "ud",
            Kind::Database => "csdl",
            Kind::Platform => "ntg",
            Kind::Infrastructure => "htkt",
            Kind::Network => "mang",
            Kind::Control => "bp",
            Kind::Project => "da",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The level of an agency architecture (`level:` of the `architecture` declaration).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// A ministry: *Kiến trúc Chính phủ điện tử cấp bộ*.
    Ministry,
    /// A province: *Kiến trúc Chính quyền điện tử cấp tỉnh*.
    Province,
}

impl Level {
    /// The value written for `level:`.
    pub fn keyword(self) -> &'static str {
        match self {
            Level::Ministry => "ministry",
            Level::Province => "province",
        }
    }
}

/// What to generate for one agency workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgencySpec {
    /// The agency's name, e.g. "Bộ Y tế" (written as `agency:` and used in titles).
    pub name: String,
    /// Ministry or province.
    pub level: Level,
    /// Number of element declarations (every declaration but the `architecture`, nested ones included);
    /// relations come on top of these, see [`relation_count`].
    pub elements: usize,
    /// Seed of the generator; the output is a pure function of the spec.
    pub seed: u64,
    /// Target number of elements per `.vnea` file (each component is split into files of about this size).
    pub elements_per_file: usize,
}

impl AgencySpec {
    /// A spec with the given name, level, size and seed, and [`DEFAULT_ELEMENTS_PER_FILE`].
    pub fn new(name: impl Into<String>, level: Level, elements: usize, seed: u64) -> Self {
        AgencySpec {
            name: name.into(),
            level,
            elements,
            seed,
            elements_per_file: DEFAULT_ELEMENTS_PER_FILE,
        }
    }

    /// The `index`-th agency of a generated set: alternately a ministry and a province with a realistic
    /// name, and a seed derived from `seed` and `index` (so every agency differs).
    pub fn numbered(index: usize, elements: usize, seed: u64) -> Self {
        let (list, level) = if index.is_multiple_of(2) {
            (v::MINISTRIES, Level::Ministry)
        } else {
            (v::PROVINCES, Level::Province)
        };
        let base = list[(index / 2) % list.len()];
        let round = index / (2 * list.len());
        let name = if round == 0 {
            base.to_string()
        } else {
            format!("{base} (mẫu {})", round + 1)
        };
        let agency_seed = mix(seed ^ mix(index as u64 + 1));
        AgencySpec::new(name, level, elements, agency_seed)
    }
}

/// Size counters of generated output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Agency workspaces.
    pub agencies: usize,
    /// Files written, `vnea.toml` included.
    pub files: usize,
    /// Bytes in all files.
    pub bytes: u64,
    /// Lines (newline characters) in all files.
    pub lines: u64,
}

impl Stats {
    /// Counts one file of text.
    pub fn add_file(&mut self, text: &str) {
        self.files += 1;
        self.bytes += text.len() as u64;
        self.lines += text.bytes().filter(|&b| b == b'\n').count() as u64;
    }

    /// Adds the counters of `other` to these.
    pub fn merge(&mut self, other: &Stats) {
        self.agencies += other.agencies;
        self.files += other.files;
        self.bytes += other.bytes;
        self.lines += other.lines;
    }

    /// The counters of one agency's files (as returned by [`agency_files`]).
    pub fn of_agency(files: &[(String, String)]) -> Stats {
        let mut s = Stats {
            agencies: 1,
            ..Stats::default()
        };
        for (_, text) in files {
            s.add_file(text);
        }
        s
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "agencies: {}\nfiles: {}\nbytes: {} ({:.2} MB)\nlines: {}",
            self.agencies,
            self.files,
            self.bytes,
            self.bytes as f64 / 1e6,
            self.lines
        )
    }
}

/// How many declarations of each kind an agency of `elements` elements gets.
///
/// The counts sum to `elements` exactly and follow [`Kind::percent`] (largest-remainder rounding). With at
/// least 12 elements every kind gets at least one; with fewer, the kinds needed for a meaningful model
/// (platform, application, database, service, infrastructure, control, project, …) come first.
pub fn kind_counts(elements: usize) -> [(Kind, usize); 12] {
    let mut counts = [0usize; 12];
    if elements >= Kind::ALL.len() {
        let mut remainders = Vec::with_capacity(12);
        let mut total = 0;
        for k in Kind::ALL {
            let exact = elements * k.percent();
            counts[k.index()] = exact / 100;
            total += exact / 100;
            remainders.push((exact % 100, k.index()));
        }
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in remainders.iter().take(elements - total) {
            counts[i] += 1;
        }
        for i in 0..counts.len() {
            if counts[i] == 0 {
                let largest = (0..counts.len())
                    .max_by_key(|&j| (counts[j], usize::MAX - j))
                    .unwrap_or(0);
                counts[largest] -= 1;
                counts[i] = 1;
            }
        }
    } else {
        const PRIORITY: [Kind; 12] = [
            Kind::Platform,
            Kind::Application,
            Kind::Database,
            Kind::Service,
            Kind::Infrastructure,
            Kind::Control,
            Kind::Project,
            Kind::Principle,
            Kind::Network,
            Kind::Process,
            Kind::Actor,
            Kind::Channel,
        ];
        for k in PRIORITY.iter().take(elements) {
            counts[k.index()] = 1;
        }
    }
    Kind::ALL.map(|k| (k, counts[k.index()]))
}

/// Number of LGSP platforms among `platforms` platforms (the first and every tenth one).
fn lgsp_count(platforms: usize) -> usize {
    platforms.div_ceil(10)
}

/// How many relations an agency of `elements` elements gets: about 10% of `elements` (at least one per
/// LGSP platform, each of which is connected to `national.ngsp`).
pub fn relation_count(elements: usize) -> usize {
    let platforms = kind_counts(elements)[Kind::Platform.index()].1;
    if platforms == 0 {
        0
    } else {
        (elements / 10).max(lgsp_count(platforms))
    }
}

/// One agency workspace: `vnea.toml` first, then its `.vnea` files, as (relative path, text) pairs.
///
/// The files are `architecture.vnea` (the one `architecture` declaration and the principles) and one or
/// more files per component — `business`, `data`, `application` (with platforms and relations),
/// `technology`, `security`, `roadmap` — each split into `name_NN.vnea` parts of about
/// [`AgencySpec::elements_per_file`] elements.
pub fn agency_files(spec: &AgencySpec) -> Vec<(String, String)> {
    let components = Gen::new(spec).run();
    let per_file = spec.elements_per_file.max(1);
    let mut files = vec![("vnea.toml".to_string(), VNEA_TOML.to_string())];
    for c in components {
        if c.units.is_empty() {
            continue;
        }
        let total: usize = c.units.iter().map(|u| u.elements).sum();
        let parts = total.div_ceil(per_file).max(1);
        let target = total.div_ceil(parts).max(1);
        let mut chunks: Vec<Vec<Unit>> = vec![Vec::new()];
        let mut in_chunk = 0;
        for u in c.units {
            if in_chunk >= target && chunks.len() < parts {
                chunks.push(Vec::new());
                in_chunk = 0;
            }
            in_chunk += u.elements;
            chunks.last_mut().expect("never empty").push(u);
        }
        let n = chunks.len();
        for (i, chunk) in chunks.into_iter().enumerate() {
            let (path, part) = if n == 1 {
                (format!("{}.vnea", c.slug), String::new())
            } else {
                (
                    format!("{}_{:02}.vnea", c.slug, i + 1),
                    format!(" (phần {}/{n})", i + 1),
                )
            };
            let mut text = format!(
                "// {} — {}{part}\n// Sinh tự động bởi vnea-synth; dữ liệu giả lập phục vụ đo hiệu năng.\n\n",
                c.title, spec.name
            );
            let len = chunk.len();
            for (j, u) in chunk.into_iter().enumerate() {
                text.push_str(&u.text);
                if j + 1 < len {
                    text.push('\n');
                }
            }
            files.push((path, text));
        }
    }
    files
}

/// One big `.vnea` file holding a whole agency of `elements` elements (architecture first), for lexer and
/// parser throughput benchmarks. Same content as [`agency_files`] of `AgencySpec::numbered(0, elements,
/// seed)`, in one file.
pub fn single_file(elements: usize, seed: u64) -> String {
    let spec = AgencySpec::numbered(0, elements, seed);
    let mut text = format!(
        "// Mô hình kiến trúc — {} ({elements} phần tử)\n// Sinh tự động bởi vnea-synth; dữ liệu giả lập phục vụ đo hiệu năng.\n",
        spec.name
    );
    for c in Gen::new(&spec).run() {
        if c.units.is_empty() {
            continue;
        }
        let _ = write!(text, "\n// ===== {} =====\n", c.title);
        for u in c.units {
            text.push('\n');
            text.push_str(&u.text);
        }
    }
    text
}

/// Writes `agencies` agency workspaces of `elements_per_agency` elements each under `dir`, as
/// `dir/agency_NNN/` (each with its own `vnea.toml`), and returns what was written.
///
/// Agency `i` is [`AgencySpec::numbered`]`(i, elements_per_agency, seed)`. Directories are created as
/// needed; stale `.vnea` files directly inside an `agency_NNN` directory that this run did not write are
/// removed, so regenerating with other sizes never leaves a mixed workspace behind.
pub fn write_workspace(
    dir: &Path,
    agencies: usize,
    elements_per_agency: usize,
    seed: u64,
) -> io::Result<Stats> {
    let width = agencies.saturating_sub(1).to_string().len().max(3);
    let mut stats = Stats::default();
    for a in 0..agencies {
        let spec = AgencySpec::numbered(a, elements_per_agency, seed);
        let files = agency_files(&spec);
        let root = dir.join(format!("agency_{a:0width$}"));
        std::fs::create_dir_all(&root)?;
        for entry in std::fs::read_dir(&root)? {
            let entry = entry?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".vnea")
                && entry.file_type()?.is_file()
                && !files.iter().any(|(p, _)| *p == name)
            {
                std::fs::remove_file(entry.path())?;
            }
        }
        for (path, text) in &files {
            std::fs::write(root.join(path), text)?;
        }
        stats.merge(&Stats::of_agency(&files));
    }
    Ok(stats)
}

// ---------------------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------------------

/// A rendered piece of a component: one declaration (with its nested ones) or one relation.
struct Unit {
    text: String,
    elements: usize,
}

/// A component architecture: the files `slug.vnea` / `slug_NN.vnea`.
struct Component {
    slug: &'static str,
    title: &'static str,
    units: Vec<Unit>,
}

/// A generated declaration.
#[derive(Clone, Debug)]
struct Named {
    name: String,
    /// How other declarations refer to it: the name, or `parent.name` for a nested declaration.
    path: String,
    title: String,
    /// Index into the kind's vocabulary list.
    variant: usize,
    /// Index of the enclosing declaration (same kind, or an application for a nested database).
    parent: Option<usize>,
    /// Security level (applications) — sub-systems never exceed their parent.
    level: usize,
}

/// A property: name and rendered value.
type Prop = (&'static str, String);

struct Gen<'a> {
    spec: &'a AgencySpec,
    rng: Rng,
    units: &'static [&'static str],
    names: [Vec<Named>; 12],
    period: (usize, usize),
    lgsps: Vec<usize>,
    relations: usize,
}

/// A quoted string literal with `"`, `\`, newline and tab escaped (spec §2).
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A list value; a trailing comma is allowed by the grammar and sometimes used.
fn list<S: AsRef<str>>(items: &[S], trailing_comma: bool) -> String {
    let mut out = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item.as_ref());
    }
    if trailing_comma && !items.is_empty() {
        out.push(',');
    }
    out.push(']');
    out
}

/// A text block (`"""…"""`, no escapes) at `indent` levels for the property line.
fn text_block(lines: &[&str], indent: usize) -> String {
    let pad = "  ".repeat(indent + 1);
    let mut out = String::from("\"\"\"\n");
    for l in lines {
        debug_assert!(!l.contains("\"\"\""));
        let _ = writeln!(out, "{pad}{l}");
    }
    out.push_str(&"  ".repeat(indent));
    out.push_str("\"\"\"");
    out
}

/// Renders `head { props children }` at `indent` levels, on one line when `compact` (and possible).
fn block(
    out: &mut String,
    indent: usize,
    head: &str,
    props: &[Prop],
    children: &[String],
    compact: bool,
) {
    let pad = "  ".repeat(indent);
    out.push_str(&pad);
    out.push_str(head);
    if props.is_empty() && children.is_empty() {
        out.push('\n');
        return;
    }
    let compact = compact
        && children.is_empty()
        && props
            .iter()
            .all(|(_, v)| !v.contains('\n') && !v.contains("//"));
    if compact {
        out.push_str(" { ");
        for (i, (k, v)) in props.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{k}: {v}");
        }
        out.push_str(" }\n");
        return;
    }
    out.push_str(" {\n");
    for (k, v) in props {
        let _ = writeln!(out, "{pad}  {k}: {v}");
    }
    for c in children {
        out.push_str(c);
    }
    out.push_str(&pad);
    out.push_str("}\n");
}

impl<'a> Gen<'a> {
    fn new(spec: &'a AgencySpec) -> Self {
        let units = match spec.level {
            Level::Ministry => v::MINISTRY_UNITS,
            Level::Province => v::PROVINCE_UNITS,
        };
        Gen {
            spec,
            rng: Rng::new(spec.seed),
            units,
            names: Default::default(),
            period: (2021, 2025),
            lgsps: Vec::new(),
            relations: relation_count(spec.elements),
        }
    }

    fn owner(&mut self) -> String {
        quote(self.rng.pick(self.units))
    }

    fn name(&mut self, kind: Kind, n: usize, slug: Option<&str>, slug_percent: u32) -> String {
        match slug {
            Some(s) if self.rng.chance(slug_percent) => format!("{}_{s}_{n:04}", kind.prefix()),
            _ => format!("{}_{n:04}", kind.prefix()),
        }
    }

    fn push(
        &mut self,
        kind: Kind,
        name: String,
        title: String,
        variant: usize,
        parent: Option<usize>,
        level: usize,
    ) {
        let path = match parent {
            Some(p) => {
                let parent_kind = if kind == Kind::Database {
                    Kind::Application
                } else {
                    kind
                };
                format!("{}.{name}", self.names[parent_kind.index()][p].path)
            }
            None => name.clone(),
        };
        self.names[kind.index()].push(Named {
            name,
            path,
            title,
            variant,
            parent,
            level,
        });
    }

    /// Phase 1: every name, title and nesting, so that phase 2 can refer to anything.
    fn declare(&mut self) {
        let counts = kind_counts(self.spec.elements);
        let count = |k: Kind| counts[k.index()].1;
        if self.spec.level == Level::Province && self.rng.chance(50) {
            self.period = (2026, 2030);
        }
        // Kinds cycled through their vocabulary (a number is added only on repeats).
        for (kind, len) in [
            (Kind::Principle, v::PRINCIPLES.len()),
            (Kind::Actor, v::ACTORS.len()),
            (Kind::Channel, v::CHANNELS.len()),
            (Kind::Network, v::NETWORKS.len()),
        ] {
            for i in 0..count(kind) {
                let variant = i % len;
                let phrase = match kind {
                    Kind::Principle => v::PRINCIPLES[variant],
                    Kind::Actor => v::ACTORS[variant].0,
                    Kind::Channel => v::CHANNELS[variant].0,
                    _ => v::NETWORKS[variant].0,
                };
                let title = if i < len {
                    phrase.to_string()
                } else {
                    format!("{phrase} ({})", i / len + 1)
                };
                let slug = (kind == Kind::Actor).then(|| v::ACTORS[variant].1);
                let name = self.name(kind, i + 1, slug, 25);
                self.push(kind, name, title, variant, None, 0);
            }
        }
        for i in 0..count(Kind::Service) {
            let variant = self.rng.below(v::SERVICES.len());
            let (phrase, slug, _) = v::SERVICES[variant];
            let name = self.name(Kind::Service, i + 1, Some(slug), 6);
            self.push(
                Kind::Service,
                name,
                format!("{phrase} ({})", i + 1),
                variant,
                None,
                0,
            );
        }
        // Processes: some with 1–2 sub-processes.
        let n = count(Kind::Process);
        let mut i = 0;
        while i < n {
            let variant = self.rng.below(v::PROCESSES.len());
            let (phrase, slug, _) = v::PROCESSES[variant];
            let name = self.name(Kind::Process, i + 1, Some(slug), 5);
            self.push(
                Kind::Process,
                name,
                format!("{phrase} ({})", i + 1),
                variant,
                None,
                0,
            );
            let top = i;
            let subs = if self.rng.chance(15) {
                self.rng.range(1, 2)
            } else {
                0
            }
            .min(n - i - 1);
            for j in 1..=subs {
                let variant = self.rng.below(v::SUBPROCESSES.len());
                let title = format!("{} ({})", v::SUBPROCESSES[variant], i + j + 1);
                let name = self.name(Kind::Process, i + j + 1, None, 0);
                self.push(Kind::Process, name, title, variant, Some(top), 0);
            }
            i += subs + 1;
        }
        // Applications: about one in five has 1–3 sub-systems.
        let n = count(Kind::Application);
        let mut i = 0;
        while i < n {
            let variant = self.rng.below(v::APPLICATIONS.len());
            let (phrase, slug, _, _) = v::APPLICATIONS[variant];
            let level = self.rng.range(2, 4);
            let name = self.name(Kind::Application, i + 1, Some(slug), 6);
            self.push(
                Kind::Application,
                name,
                format!("{phrase} ({})", i + 1),
                variant,
                None,
                level,
            );
            let top = i;
            let subs = if self.rng.chance(20) {
                self.rng.range(1, 3)
            } else {
                0
            }
            .min(n - i - 1);
            for j in 1..=subs {
                let variant = self.rng.below(v::SUBSYSTEMS.len());
                let title = format!("{} ({})", v::SUBSYSTEMS[variant], i + j + 1);
                let sub_level = self.rng.range(1, level);
                let name = self.name(Kind::Application, i + j + 1, None, 0);
                self.push(
                    Kind::Application,
                    name,
                    title,
                    variant,
                    Some(top),
                    sub_level,
                );
            }
            i += subs + 1;
        }
        // Databases: the last eighth may be nested inside top-level applications.
        let n = count(Kind::Database);
        let nestable = n / 8;
        let top_apps: Vec<usize> = (0..self.names[Kind::Application.index()].len())
            .filter(|&a| self.names[Kind::Application.index()][a].parent.is_none())
            .collect();
        for i in 0..n {
            let variant = self.rng.below(v::DATABASES.len());
            let (phrase, slug, _, _) = v::DATABASES[variant];
            let parent = if i >= n - nestable && !top_apps.is_empty() {
                Some(self.rng.pick(&top_apps))
            } else {
                None
            };
            let name = self.name(Kind::Database, i + 1, Some(slug), 8);
            self.push(
                Kind::Database,
                name,
                format!("{phrase} ({})", i + 1),
                variant,
                parent,
                0,
            );
        }
        // Platforms: the first and every tenth one is an LGSP.
        for i in 0..count(Kind::Platform) {
            let (name, title, variant) = if i.is_multiple_of(10) {
                self.lgsps.push(i);
                let title = if i == 0 {
                    format!("Nền tảng tích hợp, chia sẻ dữ liệu {}", self.spec.name)
                } else {
                    format!(
                        "Nền tảng tích hợp, chia sẻ dữ liệu {} ({})",
                        self.spec.name,
                        i + 1
                    )
                };
                (format!("lgsp_{:04}", i + 1), title, usize::MAX)
            } else {
                let variant = self.rng.below(v::PLATFORMS.len());
                let title = format!("{} ({})", v::PLATFORMS[variant].0, i + 1);
                (self.name(Kind::Platform, i + 1, None, 0), title, variant)
            };
            let level = if variant == usize::MAX {
                self.rng.range(3, 4)
            } else {
                self.rng.range(2, 4)
            };
            self.push(Kind::Platform, name, title, variant, None, level);
        }
        // Infrastructure: data centres may hold servers and storage.
        let n = count(Kind::Infrastructure);
        let mut i = 0;
        while i < n {
            let variant = if i == 0 {
                0
            } else {
                self.rng.below(v::INFRASTRUCTURE.len())
            };
            let title = format!("{} ({})", v::INFRASTRUCTURE[variant].0, i + 1);
            let name = self.name(Kind::Infrastructure, i + 1, None, 0);
            self.push(Kind::Infrastructure, name, title, variant, None, 0);
            let top = i;
            let subs = if v::INFRASTRUCTURE[variant].1 == "datacenter" {
                self.rng.range(0, 2)
            } else {
                0
            }
            .min(n - i - 1);
            for j in 1..=subs {
                // The variant of a nested infrastructure indexes RACKS, not INFRASTRUCTURE.
                let rack = self.rng.below(v::RACKS.len());
                let title = format!("{} ({})", v::RACKS[rack].0, i + j + 1);
                let name = self.name(Kind::Infrastructure, i + j + 1, None, 0);
                self.push(Kind::Infrastructure, name, title, rack, Some(top), 0);
            }
            i += subs + 1;
        }
        for i in 0..count(Kind::Control) {
            let variant = self.rng.below(v::CONTROLS.len());
            let title = format!("{} ({})", v::CONTROLS[variant].0, i + 1);
            let name = self.name(Kind::Control, i + 1, None, 0);
            self.push(Kind::Control, name, title, variant, None, 0);
        }
        for i in 0..count(Kind::Project) {
            let variant = self.rng.below(v::PROJECTS.len());
            let title = format!("{} ({})", v::PROJECTS[variant], i + 1);
            let name = self.name(Kind::Project, i + 1, None, 0);
            self.push(Kind::Project, name, title, variant, None, 0);
        }
    }

    fn all(&self, kind: Kind) -> &[Named] {
        &self.names[kind.index()]
    }

    /// Paths of `k` distinct random declarations of `kind` (top-level ones only when `top_only`).
    fn refs(&mut self, kind: Kind, k: usize, top_only: bool) -> Vec<String> {
        let pool: Vec<&str> = self.names[kind.index()]
            .iter()
            .filter(|n| !top_only || n.parent.is_none())
            .map(|n| n.path.as_str())
            .collect();
        let picked = self.rng.distinct(pool.len(), k);
        picked.into_iter().map(|i| pool[i].to_string()).collect()
    }

    fn doc(&mut self, out: &mut String, indent: usize, percent: u32, text: &str) {
        if self.rng.chance(percent) {
            let _ = writeln!(out, "{}/// {text}", "  ".repeat(indent));
        }
    }

    fn description(
        &mut self,
        props: &mut Vec<Prop>,
        string_percent: u32,
        text_percent: u32,
        indent: usize,
    ) {
        let roll = self.rng.below(100) as u32;
        if roll < string_percent {
            let d = self.rng.pick(v::DESCRIPTIONS);
            props.push(("description", quote(d)));
        } else if roll < string_percent + text_percent {
            let start = self.rng.below(v::TEXT_LINES.len());
            let n = self.rng.range(2, 3);
            let lines: Vec<&str> = (0..n)
                .map(|j| v::TEXT_LINES[(start + j) % v::TEXT_LINES.len()])
                .collect();
            props.push(("description", text_block(&lines, indent + 1)));
        }
    }

    fn tags(&mut self, props: &mut Vec<Prop>, percent: u32) {
        if self.rng.chance(percent) {
            let k = self.rng.range(1, 3);
            let tags: Vec<String> = self
                .rng
                .distinct(v::TAGS.len(), k)
                .into_iter()
                .map(|i| quote(v::TAGS[i]))
                .collect();
            let trailing = self.rng.chance(20);
            props.push(("tags", list(&tags, trailing)));
        }
    }

    fn section(out: &mut String, title: &str) {
        let _ = writeln!(out, "// ===== {title} =====\n");
    }

    /// Phase 2: render every component.
    fn run(mut self) -> Vec<Component> {
        self.declare();
        let architecture = self.architecture_component();
        let business = self.business_component();
        let data = self.data_component();
        let application = self.application_component();
        let technology = self.technology_component();
        let security = self.security_component();
        let roadmap = self.roadmap_component();
        vec![
            architecture,
            business,
            data,
            application,
            technology,
            security,
            roadmap,
        ]
    }

    fn architecture_component(&mut self) -> Component {
        let spec = self.spec;
        let mut units = Vec::new();
        let (kind_title, scope) = match spec.level {
            Level::Ministry => (
                "Kiến trúc Chính phủ điện tử",
                format!("Các cơ quan, đơn vị thuộc {}", spec.name),
            ),
            Level::Province => (
                "Kiến trúc Chính quyền điện tử",
                format!(
                    "Các sở, ban, ngành, UBND cấp huyện, cấp xã thuộc {}",
                    spec.name
                ),
            ),
        };
        let mut text = String::new();
        let _ = writeln!(text, "/// {kind_title} của {}", spec.name);
        let _ = writeln!(text, "/// Tài liệu giả lập (seed {}).", spec.seed);
        let basis: Vec<String> = v::LEGAL_BASIS.iter().map(|s| quote(s)).collect();
        let objectives: Vec<String> = v::OBJECTIVES.iter().map(|s| quote(s)).collect();
        let principles: Vec<String> = self
            .all(Kind::Principle)
            .iter()
            .map(|n| n.path.clone())
            .collect();
        let principles = if principles.len() <= 6 {
            list(&principles, false)
        } else {
            let rows: Vec<String> = principles
                .chunks(6)
                .map(|c| format!("    {},", c.join(", ")))
                .collect();
            format!("[\n{}\n  ]", rows.join("\n"))
        };
        let vision = text_block(
            &[
                &format!(
                    "Xây dựng {kind_title} của {} lấy người dân, doanh nghiệp làm trung tâm,",
                    spec.name
                ),
                "hướng tới Chính phủ số, kinh tế số và xã hội số.",
            ],
            1,
        );
        let props: Vec<Prop> = vec![
            ("level", spec.level.keyword().to_string()),
            ("agency", quote(&spec.name)),
            ("framework", quote(FRAMEWORK)),
            ("version", quote("2.0")),
            ("period", format!("{}..{}", self.period.0, self.period.1)),
            (
                "legal_basis",
                format!("[\n    {},\n  ]", basis.join(",\n    ")),
            ),
            ("vision", vision),
            (
                "objectives",
                format!("[\n    {},\n  ]", objectives.join(",\n    ")),
            ),
            ("scope", quote(&scope)),
            ("principles", principles),
        ];
        block(
            &mut text,
            0,
            &format!(
                "architecture kien_truc {}",
                quote(&format!("{kind_title} {}, phiên bản 2.0", spec.name))
            ),
            &props,
            &[],
            false,
        );
        units.push(Unit { text, elements: 0 });
        for i in 0..self.all(Kind::Principle).len() {
            let mut text = String::new();
            if i == 0 {
                Self::section(&mut text, "Nguyên tắc kiến trúc");
            }
            let n = self.all(Kind::Principle)[i].clone();
            let mut props = Vec::new();
            self.description(&mut props, 30, 20, 0);
            let compact = self.rng.chance(50);
            block(
                &mut text,
                0,
                &format!("principle {} {}", n.name, quote(&n.title)),
                &props,
                &[],
                compact,
            );
            units.push(Unit { text, elements: 1 });
        }
        Component {
            slug: "architecture",
            title: "Tổng thể kiến trúc",
            units,
        }
    }

    fn business_component(&mut self) -> Component {
        let mut units = Vec::new();
        for i in 0..self.all(Kind::Actor).len() {
            let mut text = String::new();
            if i == 0 {
                Self::section(&mut text, "Người sử dụng");
            }
            let n = self.all(Kind::Actor)[i].clone();
            let props = vec![("type", v::ACTORS[n.variant].2.to_string())];
            block(
                &mut text,
                0,
                &format!("actor {} {}", n.name, quote(&n.title)),
                &props,
                &[],
                true,
            );
            units.push(Unit { text, elements: 1 });
        }
        for i in 0..self.all(Kind::Channel).len() {
            let mut text = String::new();
            if i == 0 {
                Self::section(&mut text, "Kênh giao tiếp");
            }
            let n = self.all(Kind::Channel)[i].clone();
            self.doc(
                &mut text,
                0,
                20,
                "Kênh tiếp nhận yêu cầu của người dân, doanh nghiệp",
            );
            let k = self.rng.range(1, 3);
            let serves = self.refs(Kind::Actor, k, true);
            let mut props = vec![("type", v::CHANNELS[n.variant].1.to_string())];
            if !serves.is_empty() {
                props.push(("serves", list(&serves, false)));
            }
            let compact = self.rng.chance(50);
            block(
                &mut text,
                0,
                &format!("channel {} {}", n.name, quote(&n.title)),
                &props,
                &[],
                compact,
            );
            units.push(Unit { text, elements: 1 });
        }
        for i in 0..self.all(Kind::Service).len() {
            let mut text = String::new();
            if i == 0 {
                Self::section(&mut text, "Dịch vụ công");
            }
            let n = self.all(Kind::Service)[i].clone();
            let (_, _, brm) = v::SERVICES[n.variant];
            let level = self.rng.pick(&[2, 3, 3, 4, 4, 4]);
            let owner = self.rng.pick(self.units);
            self.doc(
                &mut text,
                0,
                20,
                &format!("Thủ tục mức độ {level}; cơ quan giải quyết: {owner}"),
            );
            let mut props = vec![
                ("brm", format!("BRM.{brm}")),
                ("online_level", level.to_string()),
            ];
            let k = self.rng.range(1, 2);
            let channels = self.refs(Kind::Channel, k, true);
            if !channels.is_empty() {
                props.push(("channels", list(&channels, false)));
            }
            let k = self.rng.range(0, 1);
            let actors = self.refs(Kind::Actor, k, true);
            if !actors.is_empty() {
                props.push(("actors", list(&actors, false)));
            }
            self.tags(&mut props, 12);
            self.description(&mut props, 5, 0, 0);
            let compact = self.rng.chance(55);
            block(
                &mut text,
                0,
                &format!("service {} {}", n.name, quote(&n.title)),
                &props,
                &[],
                compact,
            );
            units.push(Unit { text, elements: 1 });
        }
        let processes = self.all(Kind::Process).to_vec();
        let mut first = true;
        for (i, n) in processes.iter().enumerate() {
            if n.parent.is_some() {
                continue;
            }
            let mut text = String::new();
            if first {
                Self::section(&mut text, "Nghiệp vụ");
                first = false;
            }
            let (_, _, brm) = v::PROCESSES[n.variant];
            self.doc(&mut text, 0, 20, "Quy trình nghiệp vụ nội bộ");
            let mut props = vec![("brm", format!("BRM.{brm}")), ("owner", self.owner())];
            self.description(&mut props, 10, 5, 0);
            let mut children = Vec::new();
            for sub in processes.iter().filter(|s| s.parent == Some(i)) {
                let mut c = String::new();
                let props = vec![("brm", format!("BRM.{brm}")), ("owner", self.owner())];
                block(
                    &mut c,
                    1,
                    &format!("process {} {}", sub.name, quote(&sub.title)),
                    &props,
                    &[],
                    true,
                );
                children.push(c);
            }
            let compact = self.rng.chance(55);
            block(
                &mut text,
                0,
                &format!("process {} {}", n.name, quote(&n.title)),
                &props,
                &children,
                compact,
            );
            units.push(Unit {
                text,
                elements: 1 + children.len(),
            });
        }
        Component {
            slug: "business",
            title: "Kiến trúc nghiệp vụ",
            units,
        }
    }

    fn status(&mut self) -> &'static str {
        self.rng.pick(&[
            "existing", "existing", "existing", "existing", "upgrade", "upgrade", "planned",
            "retired",
        ])
    }

    fn database_text(&mut self, n: &Named, indent: usize) -> String {
        let mut text = String::new();
        let (phrase, _, drm, ty) = v::DATABASES[n.variant];
        self.doc(
            &mut text,
            indent,
            20,
            &format!("{phrase}; cập nhật, đồng bộ hằng ngày"),
        );
        let mut props = vec![
            ("drm", format!("DRM.{drm}")),
            ("type", ty.to_string()),
            ("owner", self.owner()),
        ];
        if self.rng.chance(60) {
            props.push(("status", self.status().to_string()));
        }
        self.description(&mut props, 10, 5, indent);
        self.tags(&mut props, 10);
        let compact = self.rng.chance(55);
        block(
            &mut text,
            indent,
            &format!("database {} {}", n.name, quote(&n.title)),
            &props,
            &[],
            compact,
        );
        text
    }

    fn data_component(&mut self) -> Component {
        let mut units = Vec::new();
        let dbs = self.all(Kind::Database).to_vec();
        let mut first = true;
        for n in dbs.iter().filter(|n| n.parent.is_none()) {
            let mut text = String::new();
            if first {
                Self::section(&mut text, "Cơ sở dữ liệu");
                first = false;
            }
            let t = self.database_text(n, 0);
            text.push_str(&t);
            units.push(Unit { text, elements: 1 });
        }
        Component {
            slug: "data",
            title: "Kiến trúc dữ liệu",
            units,
        }
    }

    fn hosted_on(&mut self, props: &mut Vec<Prop>, percent: u32) {
        if !self.all(Kind::Infrastructure).is_empty() && self.rng.chance(percent) {
            let host = self.refs(Kind::Infrastructure, 1, false).remove(0);
            props.push(("hosted_on", host));
        }
    }

    fn application_component(&mut self) -> Component {
        let mut units = Vec::new();
        let platforms = self.all(Kind::Platform).to_vec();
        for (i, n) in platforms.iter().enumerate() {
            let mut text = String::new();
            if i == 0 {
                Self::section(&mut text, "Nền tảng dùng chung");
            }
            let mut props = Vec::new();
            if n.variant == usize::MAX {
                self.doc(
                    &mut text,
                    0,
                    100,
                    "LGSP: kết nối các hệ thống của cơ quan với NGSP (TT 13/2017/TT-BTTTT)",
                );
                props.push(("type", "lgsp".to_string()));
                props.push(("arm", "ARM.dung_chung".to_string()));
            } else {
                let (_, ty, arm) = v::PLATFORMS[n.variant];
                props.push(("type", ty.to_string()));
                props.push(("arm", format!("ARM.{arm}")));
            }
            props.push(("security_level", n.level.to_string()));
            props.push(("owner", self.owner()));
            props.push(("status", "existing".to_string()));
            self.hosted_on(&mut props, 80);
            self.description(&mut props, 15, 5, 0);
            block(
                &mut text,
                0,
                &format!("platform {} {}", n.name, quote(&n.title)),
                &props,
                &[],
                false,
            );
            units.push(Unit { text, elements: 1 });
        }
        let apps = self.all(Kind::Application).to_vec();
        let dbs = self.all(Kind::Database).to_vec();
        let mut first = true;
        for (i, n) in apps.iter().enumerate() {
            if n.parent.is_some() {
                continue;
            }
            let mut text = String::new();
            if first {
                Self::section(&mut text, "Ứng dụng, hệ thống thông tin");
                first = false;
            }
            let (phrase, _, arm, scope) = v::APPLICATIONS[n.variant];
            let owner = self.rng.pick(self.units);
            self.doc(&mut text, 0, 25, &format!("{phrase} — chủ quản: {owner}"));
            if self.rng.chance(3) {
                text.push_str("/* Ghi chú: cấp độ xác định theo NĐ 85/2016 /* lồng nhau: xem hồ sơ đề xuất */ */\n");
            }
            let mut props = vec![
                ("arm", format!("ARM.{arm}")),
                ("security_level", n.level.to_string()),
                ("owner", self.owner()),
                ("status", self.status().to_string()),
                ("scope", scope.to_string()),
            ];
            let nested: Vec<&Named> = dbs.iter().filter(|d| d.parent == Some(i)).collect();
            let k = self.rng.range(0, 3);
            let mut databases = self.refs(Kind::Database, k, true);
            databases.extend(nested.iter().map(|d| d.name.clone()));
            if !databases.is_empty() {
                let trailing = self.rng.chance(10);
                props.push(("databases", list(&databases, trailing)));
            }
            self.hosted_on(&mut props, 85);
            self.description(&mut props, 15, 8, 0);
            self.tags(&mut props, 10);
            let mut children = Vec::new();
            for d in &nested {
                children.push(self.database_text(d, 1));
            }
            for sub in apps.iter().filter(|s| s.parent == Some(i)) {
                let mut c = String::new();
                let (title, _) = sub.title.split_once(" (").unwrap_or((&sub.title, ""));
                self.doc(&mut c, 1, 15, &format!("{title} của {}", n.title));
                let mut props = vec![
                    ("arm", format!("ARM.{arm}")),
                    ("security_level", sub.level.to_string()),
                    ("owner", self.owner()),
                ];
                if self.rng.chance(50) {
                    props.push(("status", self.status().to_string()));
                }
                let compact = self.rng.chance(50);
                block(
                    &mut c,
                    1,
                    &format!("application {} {}", sub.name, quote(&sub.title)),
                    &props,
                    &[],
                    compact,
                );
                children.push(c);
            }
            if children.is_empty() && self.rng.chance(10) {
                props[1].1.push_str(" // theo hồ sơ đề xuất cấp độ");
            }
            let compact = self.rng.chance(35);
            block(
                &mut text,
                0,
                &format!("application {} {}", n.name, quote(&n.title)),
                &props,
                &children,
                compact,
            );
            units.push(Unit {
                text,
                elements: 1 + children.len(),
            });
        }
        for r in 0..self.relations {
            let mut text = String::new();
            if r == 0 {
                Self::section(&mut text, "Kết nối, liên thông");
            }
            self.relation(&mut text, r);
            units.push(Unit { text, elements: 1 });
        }
        Component {
            slug: "application",
            title: "Kiến trúc ứng dụng",
            units,
        }
    }

    /// One relation; the first ones connect each LGSP to `national.ngsp`.
    fn relation(&mut self, text: &mut String, r: usize) {
        let platforms = self.all(Kind::Platform).to_vec();
        if r < self.lgsps.len() {
            let lgsp = &platforms[self.lgsps[r]];
            let head = format!(
                "{} -> national.ngsp {}",
                lgsp.path,
                quote("Kết nối nền tảng tích hợp quốc gia")
            );
            let props = vec![
                ("network", "national.tslcd".to_string()),
                ("protocol", quote("REST/JSON")),
            ];
            block(text, 0, &head, &props, &[], self.rng.chance(50));
            return;
        }
        let lgsp = platforms[self.lgsps[self.rng.below(self.lgsps.len())]]
            .path
            .clone();
        let apps = self.all(Kind::Application).len();
        let others = platforms.len() - self.lgsps.len();
        let roll = self.rng.below(100);
        let mut props = Vec::new();
        let head;
        if apps > 0 && roll < 35 {
            // Application → national database or system, through the LGSP and the dedicated network.
            let from = self.refs(Kind::Application, 1, false).remove(0);
            let (to, label, is_db) = self.rng.pick(v::NATIONAL_LINKS);
            head = format!("{from} -> {to} {}", quote(label));
            props.push(("via", lgsp));
            props.push(("network", "national.tslcd".to_string()));
            if is_db {
                props.push(("data", list(&[to], false)));
            }
        } else if apps > 1 && roll < 75 {
            // Application ↔ application inside the agency.
            let pair = self.refs(Kind::Application, 2, false);
            let (from, to) = if self.rng.chance(50) {
                (&pair[0], &pair[1])
            } else {
                (&pair[1], &pair[0])
            };
            head = format!("{from} -> {to} {}", quote(self.rng.pick(v::INTERNAL_LINKS)));
            if self.rng.chance(60) {
                props.push(("via", lgsp));
            }
            if !self.all(Kind::Network).is_empty() {
                let net = self.refs(Kind::Network, 1, true).remove(0);
                props.push(("network", net));
            }
            let k = self.rng.range(0, 2);
            let data = self.refs(Kind::Database, k, false);
            if !data.is_empty() {
                props.push(("data", list(&data, false)));
            }
            if self.rng.chance(50) {
                props.push(("protocol", quote(self.rng.pick(v::PROTOCOLS))));
            }
        } else if apps > 0 && others > 0 && roll < 90 {
            // Application → shared platform (identity, payment, …).
            let from = self.refs(Kind::Application, 1, false).remove(0);
            let others: Vec<&Named> = platforms
                .iter()
                .filter(|p| p.variant != usize::MAX)
                .collect();
            let to = others[self.rng.below(others.len())].path.clone();
            head = format!("{from} -> {to} {}", quote("Sử dụng dịch vụ nền tảng"));
            if !self.all(Kind::Network).is_empty() {
                let net = self.refs(Kind::Network, 1, true).remove(0);
                props.push(("network", net));
            }
        } else {
            // LGSP → national system (allowed without `via`: the LGSP is the integration point).
            let systems: Vec<_> = v::NATIONAL_LINKS.iter().filter(|l| !l.2).collect();
            let (to, label, _) = *self.rng.pick(&systems);
            head = format!("{lgsp} -> {to} {}", quote(label));
            props.push(("network", "national.tslcd".to_string()));
        }
        if self.rng.chance(8) {
            props.push(("description", quote(self.rng.pick(v::DESCRIPTIONS))));
        }
        let compact = self.rng.chance(60);
        block(text, 0, &head, &props, &[], compact);
    }

    fn technology_component(&mut self) -> Component {
        let mut units = Vec::new();
        let networks = self.all(Kind::Network).to_vec();
        for (i, n) in networks.iter().enumerate() {
            let mut text = String::new();
            if i == 0 {
                Self::section(&mut text, "Hạ tầng mạng");
            }
            let props = vec![
                ("type", v::NETWORKS[n.variant].1.to_string()),
                ("trm", "TRM.mang".to_string()),
            ];
            block(
                &mut text,
                0,
                &format!("network {} {}", n.name, quote(&n.title)),
                &props,
                &[],
                true,
            );
            units.push(Unit { text, elements: 1 });
        }
        let infra = self.all(Kind::Infrastructure).to_vec();
        let mut first = true;
        for (i, n) in infra.iter().enumerate() {
            if n.parent.is_some() {
                continue;
            }
            let mut text = String::new();
            if first {
                Self::section(&mut text, "Hạ tầng kỹ thuật");
                first = false;
            }
            let (_, ty, trm) = v::INFRASTRUCTURE[n.variant];
            self.doc(&mut text, 0, 20, "Hạ tầng kỹ thuật dùng chung của cơ quan");
            let mut props = vec![
                ("trm", format!("TRM.{trm}")),
                ("type", ty.to_string()),
                ("owner", self.owner()),
            ];
            props.push(("status", self.status().to_string()));
            self.description(&mut props, 10, 5, 0);
            let mut children = Vec::new();
            for sub in infra.iter().filter(|s| s.parent == Some(i)) {
                let mut c = String::new();
                let props = vec![
                    ("trm", "TRM.thiet_bi".to_string()),
                    ("type", v::RACKS[sub.variant].1.to_string()),
                ];
                block(
                    &mut c,
                    1,
                    &format!("infrastructure {} {}", sub.name, quote(&sub.title)),
                    &props,
                    &[],
                    true,
                );
                children.push(c);
            }
            block(
                &mut text,
                0,
                &format!("infrastructure {} {}", n.name, quote(&n.title)),
                &props,
                &children,
                false,
            );
            units.push(Unit {
                text,
                elements: 1 + children.len(),
            });
        }
        Component {
            slug: "technology",
            title: "Kiến trúc công nghệ",
            units,
        }
    }

    fn security_component(&mut self) -> Component {
        let mut units = Vec::new();
        let controls = self.all(Kind::Control).to_vec();
        for (i, n) in controls.iter().enumerate() {
            let mut text = String::new();
            if i == 0 {
                Self::section(&mut text, "An toàn thông tin");
            }
            let (_, srm) = v::CONTROLS[n.variant];
            self.doc(
                &mut text,
                0,
                20,
                "Biện pháp theo mô hình bảo vệ 4 lớp (CV 1552/BTTTT-CATTT)",
            );
            let mut covers = Vec::new();
            for kind in [
                Kind::Application,
                Kind::Platform,
                Kind::Database,
                Kind::Infrastructure,
            ] {
                let k = match kind {
                    Kind::Application => self.rng.range(1, 2),
                    _ => self.rng.range(0, 1),
                };
                covers.extend(self.refs(kind, k, false));
            }
            let mut props = vec![("srm", format!("SRM.{srm}"))];
            if !covers.is_empty() {
                let trailing = self.rng.chance(10);
                props.push(("covers", list(&covers, trailing)));
            }
            self.description(&mut props, 10, 5, 0);
            let compact = self.rng.chance(45);
            block(
                &mut text,
                0,
                &format!("control {} {}", n.name, quote(&n.title)),
                &props,
                &[],
                compact,
            );
            units.push(Unit { text, elements: 1 });
        }
        Component {
            slug: "security",
            title: "Kiến trúc an toàn thông tin",
            units,
        }
    }

    fn roadmap_component(&mut self) -> Component {
        let mut units = Vec::new();
        let projects = self.all(Kind::Project).to_vec();
        let (p0, p1) = self.period;
        for (i, n) in projects.iter().enumerate() {
            let mut text = String::new();
            if i == 0 {
                Self::section(&mut text, "Lộ trình triển khai");
            }
            if i > 0 && i.is_multiple_of(25) {
                text.push_str("// --- Giai đoạn tiếp theo ---\n");
            }
            self.doc(
                &mut text,
                0,
                20,
                "Nhiệm vụ thuộc kế hoạch triển khai kiến trúc",
            );
            let start = self.rng.range(p0, p1);
            let end = self.rng.range(start, p1);
            let mut props = vec![("period", format!("{start}..{end}"))];
            let mut delivers = Vec::new();
            for kind in [
                Kind::Application,
                Kind::Database,
                Kind::Platform,
                Kind::Infrastructure,
                Kind::Service,
            ] {
                if self.rng.chance(35) {
                    delivers.extend(self.refs(kind, 1, false));
                }
            }
            if !delivers.is_empty() {
                props.push(("delivers", list(&delivers, false)));
            }
            if i > 0 && self.rng.chance(60) {
                let k = self.rng.range(1, 2);
                // Only earlier projects: the roadmap is acyclic.
                let deps: Vec<String> = self
                    .rng
                    .distinct(i, k)
                    .into_iter()
                    .map(|d| projects[d].path.clone())
                    .collect();
                props.push(("depends_on", list(&deps, false)));
            }
            if self.rng.chance(70) {
                let budget = self.rng.range(5, 950);
                props.push((
                    "budget",
                    quote(&format!("{},{} tỷ đồng", budget / 10, budget % 10)),
                ));
            }
            self.description(&mut props, 10, 5, 0);
            let compact = self.rng.chance(40);
            block(
                &mut text,
                0,
                &format!("project {} {}", n.name, quote(&n.title)),
                &props,
                &[],
                compact,
            );
            units.push(Unit { text, elements: 1 });
        }
        Component {
            slug: "roadmap",
            title: "Lộ trình, kế hoạch triển khai",
            units,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_sum_exactly() {
        for n in [0, 1, 5, 11, 12, 13, 99, 100, 101, 999, 1000, 1234, 10_000] {
            let total: usize = kind_counts(n).iter().map(|(_, c)| c).sum();
            assert_eq!(total, n, "n = {n}");
            if n >= 12 {
                assert!(kind_counts(n).iter().all(|&(_, c)| c >= 1), "n = {n}");
            }
        }
        assert_eq!(Kind::ALL.iter().map(|k| k.percent()).sum::<usize>(), 100);
    }

    #[test]
    fn quote_escapes() {
        assert_eq!(quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(quote("x\ny\t"), r#""x\ny\t""#);
    }

    #[test]
    fn numbered_agencies_differ() {
        let a = AgencySpec::numbered(0, 10, 1);
        let b = AgencySpec::numbered(1, 10, 1);
        assert_ne!(a.seed, b.seed);
        assert_eq!(a.level, Level::Ministry);
        assert_eq!(b.level, Level::Province);
        assert!(AgencySpec::numbered(25, 10, 1).name.contains("mẫu 2"));
    }
}
