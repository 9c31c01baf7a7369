//! Fixtures in the manner of rust-analyzer: one string holds a workspace, each file after a
//! `//- /path` header (a fixture without headers is the file `main.vnea`; a `/vnea.toml` sets
//! the configuration; `//- pack /path` is a file of a user pack), with `$0` marking the cursor
//! (twice: a range) in one file. Spans render
//! as `path:line:col` (1-based, columns in characters) with the text under them.

use vnea_analysis::{AnalysisHost, Config, Db, SourceFile};
use vnea_syntax::line_index::Encoding;
use vnea_syntax::{LineIndex, Span};

/// The cursor marker.
const CURSOR: &str = "$0";
/// The header of a file of a user pack.
const PACK: &str = "//- pack /";

/// A workspace built from a fixture.
pub struct Fixture {
    host: AnalysisHost,
    /// The file holding the markers (else the first workspace file).
    pub file: SourceFile,
    /// The offsets of the markers, in that file.
    markers: Vec<usize>,
}

impl Fixture {
    /// The offset of the one marker.
    pub fn cursor(&self) -> usize {
        assert_eq!(self.markers.len(), 1, "the fixture needs one `$0`");
        self.markers[0]
    }

    /// The range between the two markers, or the empty range at the one marker.
    pub fn range(&self) -> Span {
        match self.markers.as_slice() {
            [at] => Span::empty(*at),
            [start, end] => Span::new(*start, *end),
            _ => panic!("the fixture needs one or two `$0`"),
        }
    }

    /// The range between the two markers, if there are two.
    pub fn marked_range(&self) -> Option<Span> {
        match self.markers.as_slice() {
            [start, end] => Some(Span::new(*start, *end)),
            _ => None,
        }
    }

    /// Runs `f` on a snapshot of the workspace.
    pub fn with_db<T>(&self, f: impl FnOnce(&dyn Db) -> T) -> T {
        self.host.analysis().with_db(f).expect("not cancelled")
    }
}

/// `text` without the indentation its lines share and without its first line if empty.
fn trim_indent(text: &str) -> String {
    let text = text.strip_prefix('\n').unwrap_or(text);
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        out.push_str(line.get(indent..).unwrap_or(line.trim_start_matches(' ')));
    }
    out
}

/// The workspace of `fixture`.
pub fn fixture(fixture: &str) -> Fixture {
    let text = trim_indent(fixture);
    let mut files: Vec<(String, String)> = Vec::new();
    if !text.starts_with("//- ") {
        files.push(("main.vnea".to_owned(), String::new()));
    }
    for line in text.split_inclusive('\n') {
        match line.strip_prefix("//- /") {
            Some(path) => files.push((path.trim().to_owned(), String::new())),
            None if line.starts_with(PACK) => {
                files.push((line.trim().to_owned(), String::new()));
            }
            None => files.last_mut().expect("a file").1.push_str(line),
        }
    }
    let mut config = Config::default();
    let mut packs = Vec::new();
    let mut marked = None;
    let mut markers = Vec::new();
    let mut sources = Vec::new();
    for (path, mut text) in files {
        if path == vnea_analysis::config::FILE_NAME {
            config = Config::parse(&text, None).0;
            continue;
        }
        let (path, in_pack) = match path.strip_prefix(PACK) {
            Some(path) => (path.to_owned(), true),
            None => (path, false),
        };
        while let Some(at) = text.find(CURSOR) {
            text.replace_range(at..at + CURSOR.len(), "");
            markers.push(at);
            marked = Some(path.clone());
        }
        if in_pack {
            packs.push((path, text));
        } else {
            sources.push((path, text));
        }
    }
    let mut host = AnalysisHost::new(config, packs);
    let marked = marked.unwrap_or_else(|| sources.first().expect("a file").0.clone());
    for (path, text) in sources {
        host.set_file(&path, text);
    }
    let file = host.file(&marked).unwrap_or_else(|| {
        let in_packs = |db: &dyn Db| {
            let packs = db.workspace().packs(db);
            packs.iter().copied().find(|f| *f.path(db) == marked)
        };
        let found = host.analysis().with_db(in_packs).expect("not cancelled");
        found.expect("the file exists")
    });
    Fixture {
        host,
        file,
        markers,
    }
}

/// `path:line:col` of `offset` in `file`.
pub fn loc(db: &dyn Db, file: SourceFile, offset: usize) -> String {
    let at = LineIndex::new(file.text(db)).line_col(offset, Encoding::Utf32);
    format!("{}:{}:{}", file.path(db), at.line + 1, at.col + 1)
}

/// `path:line:col` of `span` in `file` and the text under it (its first line, with `…` when it
/// goes on).
pub fn show(db: &dyn Db, file: SourceFile, span: Span) -> String {
    let under = &file.text(db)[span.range()];
    let first = under.lines().next().unwrap_or("");
    let more = if first.len() < under.trim_end().len() {
        "…"
    } else {
        ""
    };
    format!("{} `{first}{more}`", loc(db, file, span.start))
}
