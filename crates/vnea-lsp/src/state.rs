//! The state thread: the one owner of the workspaces' analysis hosts and of the open
//! documents. It applies events in the order the handlers sent them, takes snapshots for
//! requests and diagnostics, and runs the work on the worker pool.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;

use crossbeam_channel::{Receiver, Sender};
use ropey::Rope;
use tokio::sync::{mpsc, oneshot};
use tower_lsp_server::jsonrpc;
use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, FileChangeType, PublishDiagnosticsParams, Uri,
};
use vnea_analysis::config::FILE_NAME;
use vnea_analysis::{AnalysisHost, Config, Lang, encoding};

use crate::capabilities::ClientCaps;
use crate::diagnostics::{self, Computed, DiagnosticsJob, Extra, FileDiagnostics, OpenDocument};
use crate::discover::{self, EXTENSION};
use crate::dispatch::{AnyJob, DocumentSnapshot, Snapshot, content_modified};
use crate::document::Document;
use crate::links::Links;
use crate::position::Encoding;

/// What the handlers (and the workers) tell the state thread.
pub enum Event {
    /// `initialize`: load the workspaces, then answer.
    Initialize(Box<Init>),
    /// `initialized`: diagnostics may be published from now on.
    Initialized,
    /// `textDocument/didOpen`.
    Open(DidOpenTextDocumentParams),
    /// `textDocument/didChange`.
    Change(DidChangeTextDocumentParams),
    /// `textDocument/didClose`.
    Close(DidCloseTextDocumentParams),
    /// `workspace/didChangeWatchedFiles`.
    Watched(DidChangeWatchedFilesParams),
    /// A request to run on a snapshot (again, after a cancelled first attempt).
    Request(Box<dyn AnyJob>),
    /// Diagnostics computed by a worker.
    Diagnostics(Computed),
    /// `shutdown`: change nothing any more.
    Shutdown(oneshot::Sender<()>),
    /// The server is gone: end the thread.
    Stop,
}

/// What `initialize` settles.
pub struct Init {
    /// The folders the client opened.
    pub folders: Vec<PathBuf>,
    /// The position encoding.
    pub encoding: Encoding,
    /// The client's message language, when it is one of ours.
    pub lang: Option<Lang>,
    /// What the client supports.
    pub client: ClientCaps,
    /// Told when the workspaces are loaded.
    pub done: oneshot::Sender<()>,
}

/// Where the state thread writes and what it publishes to.
pub struct Setup {
    /// The cache directory for the built-in packs and the rule documentation.
    pub cache: Option<PathBuf>,
    /// The Markdown of the rule documentation.
    pub rules_markdown: Option<String>,
    /// The diagnostics to publish, in order.
    pub outbox: mpsc::UnboundedSender<PublishDiagnosticsParams>,
}

/// Starts the state thread; events sent to the returned channel are applied in order.
pub fn spawn(setup: Setup) -> Sender<Event> {
    let (events, receiver) = crossbeam_channel::unbounded();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4)))
        .thread_name(|i| format!("vnea-worker-{i}"))
        .build()
        .expect("the worker threads start");
    let state = State {
        setup,
        events: events.clone(),
        pool,
        encoding: Encoding::Utf16,
        lang: None,
        client: Arc::default(),
        links: Arc::default(),
        folders: Vec::new(),
        workspaces: Vec::new(),
        docs: HashMap::new(),
        generation: 0,
        dirty: false,
        initialized: false,
        shut_down: false,
        published: FileDiagnostics::new(),
    };
    thread::Builder::new()
        .name("vnea-state".to_owned())
        .spawn(move || state.run(&receiver))
        .expect("the state thread starts");
    events
}

/// A workspace: a root, its configuration and its analysis host.
struct Workspace {
    root: PathBuf,
    /// The settings, as the host has them.
    config: Config,
    host: AnalysisHost,
    /// The `.vnea` files discovery found on disk.
    disk_files: BTreeSet<PathBuf>,
    /// The pack directories of the configuration.
    pack_dirs: Vec<PathBuf>,
    /// Extra diagnostics, by analyzer path.
    extra: HashMap<String, Extra>,
    /// Made for documents opened outside every root, in a folder without `vnea.toml`: it
    /// holds only open documents and goes when the last closes.
    ad_hoc: bool,
}

/// An open document and what it is to the analyzer.
struct Open {
    doc: Document,
    /// The analyzer path of a `file:` document.
    key: Option<String>,
    role: Role,
}

/// What an open document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A `.vnea` file.
    Source,
    /// A `vnea.toml`.
    Config,
    /// A copy of a built-in pack file: read-only, not analyzed on its own.
    Pack,
    /// Anything else.
    Other,
}

/// A file on disk, read.
enum Disk {
    Text(String),
    /// Not UTF-8: the diagnostic, with the text decoded lossily.
    Undecodable(Extra),
    Missing,
}

struct State {
    setup: Setup,
    /// For workers to send their results back.
    events: Sender<Event>,
    pool: rayon::ThreadPool,
    encoding: Encoding,
    lang: Option<Lang>,
    /// What the client supports.
    client: Arc<ClientCaps>,
    links: Arc<Links>,
    /// The roots of the client's folders (each the nearest `vnea.toml` at or above a folder),
    /// and of workspaces found for documents opened outside them.
    folders: Vec<PathBuf>,
    /// Sorted by root.
    workspaces: Vec<Workspace>,
    docs: HashMap<Uri, Open>,
    /// The number of changes applied so far.
    generation: u64,
    /// Whether a change since the last diagnostics job calls for another.
    dirty: bool,
    initialized: bool,
    shut_down: bool,
    /// What the client was last sent.
    published: FileDiagnostics,
}

/// The most events applied before diagnostics are scheduled.
const BATCH: usize = 256;

impl State {
    fn run(mut self, receiver: &Receiver<Event>) {
        while let Ok(event) = receiver.recv() {
            if !self.handle(event) {
                return;
            }
            for _ in 1..BATCH {
                let Ok(event) = receiver.try_recv() else {
                    break;
                };
                if !self.handle(event) {
                    return;
                }
            }
            if self.dirty && self.initialized && !self.shut_down {
                self.dirty = false;
                self.schedule_diagnostics();
            }
        }
    }

    /// Applies one event; `false` ends the thread.
    fn handle(&mut self, event: Event) -> bool {
        match event {
            Event::Stop => return false,
            Event::Initialize(init) => self.initialize(*init),
            Event::Initialized => {
                self.initialized = true;
                self.dirty = true;
            }
            Event::Shutdown(done) => {
                self.shut_down = true;
                let _ = done.send(());
            }
            Event::Request(job) => self.dispatch(job),
            Event::Diagnostics(computed) => self.publish(computed),
            // After `shutdown`, nothing changes: a write would wait on snapshots for nothing.
            _ if self.shut_down => {}
            Event::Open(params) => self.open(params),
            Event::Change(params) => self.change(params),
            Event::Close(params) => self.close(&params.text_document.uri),
            Event::Watched(params) => self.watched(params),
        }
        true
    }

    fn initialize(&mut self, init: Init) {
        self.encoding = init.encoding;
        self.lang = init.lang;
        self.client = Arc::new(init.client);
        let (links, problems) = Links::prepare(
            self.setup.cache.as_deref(),
            self.setup.rules_markdown.as_deref(),
        );
        for problem in problems {
            eprintln!("vnea lsp: {problem}");
        }
        self.links = Arc::new(links);
        self.folders = init
            .folders
            .iter()
            .map(|f| discover::workspace_root(f))
            .collect();
        self.reload();
        let _ = init.done.send(());
    }

    /// Marks a change: the diagnostics are to be computed again.
    fn changed(&mut self) {
        self.generation += 1;
        self.dirty = true;
    }

    // ---- workspaces ----

    /// Discovers and loads every workspace afresh, keeping the open documents' text.
    fn reload(&mut self) {
        let mut found: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
        for folder in &self.folders {
            for (root, files) in discover::discover(folder) {
                found.entry(root).or_default().extend(files);
            }
        }
        self.workspaces = found
            .into_iter()
            .map(|(root, files)| self.load(root, files, false))
            .collect();
        let open: Vec<(String, String)> = self
            .docs
            .values()
            .filter(|o| o.role == Role::Source)
            .filter_map(|o| Some((o.key.clone()?, o.doc.text())))
            .collect();
        for (key, text) in open {
            self.set_source(&key, text);
        }
        self.changed();
    }

    /// Loads the workspace at `root` with the `.vnea` files `files`.
    fn load(&self, root: PathBuf, files: BTreeSet<PathBuf>, ad_hoc: bool) -> Workspace {
        let mut extra = HashMap::new();
        let config_path = root.join(FILE_NAME);
        let config_key = config_path.to_string_lossy().into_owned();
        let config_text = match self.open_text(&config_key) {
            Some(text) => Some(text),
            None if ad_hoc => None,
            None => match self.read(&config_path, self.lang.unwrap_or_default()) {
                Disk::Text(text) => Some(text),
                Disk::Undecodable(bad) => {
                    extra.insert(config_key.clone(), bad);
                    None
                }
                Disk::Missing => None,
            },
        };
        let mut config = match config_text {
            Some(text) => {
                let (config, diagnostics) = Config::parse(&text, self.lang);
                if !diagnostics.is_empty() {
                    let rope = Rope::from_str(&text);
                    extra.insert(config_key, Extra { rope, diagnostics });
                }
                config
            }
            None => Config::default(),
        };
        config.language = self.lang.unwrap_or(config.language);
        let pack_dirs: Vec<PathBuf> = config.packs.iter().map(|dir| root.join(dir)).collect();
        let mut user_packs = Vec::new();
        for dir in &pack_dirs {
            match vnea_packs::load_dir(dir) {
                Ok(files) => {
                    user_packs.extend(files.into_iter().map(|f| (f.path, f.text.into_owned())));
                }
                Err(error) => {
                    eprintln!("vnea lsp: cannot load the pack {}: {error}", dir.display())
                }
            }
        }
        let mut host = AnalysisHost::new(config.clone(), user_packs);
        for file in &files {
            let key = file.to_string_lossy().into_owned();
            if self.is_open(&key) {
                // Set by `reload` from the document.
                continue;
            }
            match self.read(file, config.language) {
                Disk::Text(text) => host.set_file(&key, text),
                Disk::Undecodable(bad) => {
                    extra.insert(key, bad);
                }
                Disk::Missing => {}
            }
        }
        Workspace {
            root,
            config,
            host,
            disk_files: files,
            pack_dirs,
            extra,
            ad_hoc,
        }
    }

    /// Reads the file at `path`; a diagnostic about it is in `lang`.
    fn read(&self, path: &Path, lang: Lang) -> Disk {
        let Ok(bytes) = fs::read(path) else {
            return Disk::Missing;
        };
        match encoding::decode(&bytes, lang) {
            Ok(text) => Disk::Text(text.to_owned()),
            Err(diagnostic) => Disk::Undecodable(Extra {
                rope: Rope::from_str(&String::from_utf8_lossy(&bytes)),
                diagnostics: vec![diagnostic],
            }),
        }
    }

    /// The text of the open document with analyzer path `key`.
    fn open_text(&self, key: &str) -> Option<String> {
        self.docs
            .values()
            .find(|o| o.key.as_deref() == Some(key))
            .map(|o| o.doc.text())
    }

    /// Whether a document with analyzer path `key` is open.
    fn is_open(&self, key: &str) -> bool {
        self.docs.values().any(|o| o.key.as_deref() == Some(key))
    }

    /// The workspace `path` belongs to: the one with the deepest root above it.
    fn owner(&self, path: &Path) -> Option<usize> {
        self.workspaces
            .iter()
            .enumerate()
            .filter(|(_, ws)| path.starts_with(&ws.root))
            .max_by_key(|(_, ws)| ws.root.components().count())
            .map(|(i, _)| i)
    }

    /// The workspace for a document at `path` outside every workspace: the workspace of the
    /// nearest `vnea.toml` above it, loaded whole, else an ad hoc one for open documents.
    fn attach(&mut self, path: &Path) -> Option<usize> {
        let dir = path.parent()?;
        let root = discover::workspace_root(dir);
        if root.join(FILE_NAME).is_file() {
            self.folders.push(root.clone());
            for (root, files) in discover::discover(&root) {
                let ws = self.load(root, files, false);
                self.insert_workspace(ws);
            }
        } else {
            let ws = self.load(dir.to_path_buf(), BTreeSet::new(), true);
            self.insert_workspace(ws);
        }
        self.owner(path)
    }

    fn insert_workspace(&mut self, ws: Workspace) {
        let at = self.workspaces.partition_point(|w| w.root < ws.root);
        self.workspaces.insert(at, ws);
    }

    /// Sets the text of the source file with analyzer path `key`.
    fn set_source(&mut self, key: &str, text: String) {
        let path = PathBuf::from(key);
        let Some(i) = self.owner(&path).or_else(|| self.attach(&path)) else {
            return;
        };
        let ws = &mut self.workspaces[i];
        ws.extra.remove(key);
        ws.host.set_file(key, text);
        self.changed();
    }

    /// Brings the source file at `path` in line with the disk (when no document has it open).
    fn sync_from_disk(&mut self, i: usize, path: &Path) {
        let key = path.to_string_lossy().into_owned();
        let ws = &self.workspaces[i];
        let disk = if ws.disk_files.contains(path) {
            self.read(path, ws.config.language)
        } else {
            Disk::Missing
        };
        let ws = &mut self.workspaces[i];
        match disk {
            Disk::Text(text) => {
                ws.extra.remove(&key);
                ws.host.set_file(&key, text);
            }
            Disk::Undecodable(bad) => {
                ws.host.remove_file(&key);
                ws.extra.insert(key, bad);
            }
            Disk::Missing => {
                ws.host.remove_file(&key);
                ws.extra.remove(&key);
            }
        }
        self.changed();
    }

    /// Reloads workspace `i` after its `vnea.toml` changed: the same host with the new
    /// settings when the framework and packs are unchanged, else a new host.
    fn reconfigure(&mut self, i: usize) {
        let ws = &self.workspaces[i];
        let fresh = self.load(ws.root.clone(), BTreeSet::new(), ws.ad_hoc);
        let ws = &mut self.workspaces[i];
        if fresh.config.framework == ws.config.framework && fresh.config.packs == ws.config.packs {
            ws.host.set_config(fresh.config.clone());
            ws.config = fresh.config;
            ws.extra.retain(|key, _| !key.ends_with(FILE_NAME));
            ws.extra.extend(fresh.extra);
            self.changed();
        } else {
            self.rebuild(i);
        }
    }

    /// Loads workspace `i` afresh from disk and the open documents.
    fn rebuild(&mut self, i: usize) {
        let ws = &self.workspaces[i];
        let (root, ad_hoc) = (ws.root.clone(), ws.ad_hoc);
        let files = if ad_hoc {
            BTreeSet::new()
        } else {
            discover::discover(&root).remove(&root).unwrap_or_default()
        };
        self.workspaces[i] = self.load(root, files, ad_hoc);
        let open: Vec<(String, String)> = self
            .docs
            .values()
            .filter(|o| o.role == Role::Source)
            .filter_map(|o| Some((o.key.clone()?, o.doc.text())))
            .filter(|(key, _)| self.owner(Path::new(key)) == Some(i))
            .collect();
        for (key, text) in open {
            self.set_source(&key, text);
        }
        self.changed();
    }

    /// Discovers the files of workspace `i` again and adds or removes what changed.
    fn rescan(&mut self, i: usize) {
        if self.workspaces[i].ad_hoc {
            return;
        }
        let root = self.workspaces[i].root.clone();
        let now = discover::discover(&root).remove(&root).unwrap_or_default();
        let before = std::mem::replace(&mut self.workspaces[i].disk_files, now.clone());
        for path in before.symmetric_difference(&now) {
            let key = path.to_string_lossy();
            if !self.is_open(&key) {
                self.sync_from_disk(i, path);
            }
        }
    }

    // ---- documents ----

    fn role(&self, uri: &Uri) -> (Option<String>, Role) {
        if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
            return (None, Role::Other);
        }
        let Some(path) = uri.to_file_path() else {
            return (None, Role::Other);
        };
        let key = self.links.key(&path);
        let role = if Links::is_builtin(&key) {
            Role::Pack
        } else if path.file_name() == Some(FILE_NAME.as_ref()) {
            Role::Config
        } else if path.extension() == Some(EXTENSION.as_ref()) {
            Role::Source
        } else {
            Role::Other
        };
        (Some(key), role)
    }

    fn open(&mut self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let (key, role) = self.role(&item.uri);
        let doc = Document::new(item.uri.clone(), item.version, &item.text);
        self.docs.insert(item.uri.clone(), Open { doc, key, role });
        self.document_changed(&item.uri);
    }

    fn change(&mut self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let Some(open) = self.docs.get_mut(&uri) else {
            eprintln!(
                "vnea lsp: change to a document that is not open: {}",
                uri.as_str()
            );
            return;
        };
        open.doc.apply(
            params.text_document.version,
            params.content_changes,
            self.encoding,
        );
        self.document_changed(&uri);
    }

    /// Gives the analyzer the new text of the open document `uri`.
    fn document_changed(&mut self, uri: &Uri) {
        let Some(open) = self.docs.get(uri) else {
            return;
        };
        let Some(key) = open.key.clone() else {
            return;
        };
        match open.role {
            Role::Source => {
                let text = open.doc.text();
                self.set_source(&key, text);
            }
            Role::Config => {
                let root = Path::new(&key).parent().map(Path::to_path_buf);
                let known = self
                    .workspaces
                    .iter()
                    .position(|w| Some(&w.root) == root.as_ref());
                if let Some(i) = known {
                    self.reconfigure(i);
                }
            }
            // The analyzer has the built-in packs already; other files are not ours.
            Role::Pack | Role::Other => {}
        }
    }

    fn close(&mut self, uri: &Uri) {
        let Some(open) = self.docs.remove(uri) else {
            return;
        };
        let Some(key) = open.key else {
            return;
        };
        let path = PathBuf::from(&key);
        let Some(i) = self.owner(&path) else {
            return;
        };
        match open.role {
            Role::Source => {
                self.sync_from_disk(i, &path);
                let in_use = self.docs.values().any(|o| {
                    o.role == Role::Source
                        && o.key.as_deref().and_then(|k| self.owner(Path::new(k))) == Some(i)
                });
                if self.workspaces[i].ad_hoc && !in_use {
                    self.workspaces.remove(i);
                    self.changed();
                }
            }
            Role::Config if self.workspaces[i].root.join(FILE_NAME) == path => self.reconfigure(i),
            _ => {}
        }
    }

    fn watched(&mut self, params: DidChangeWatchedFilesParams) {
        let mut reload = false;
        let mut rebuild = BTreeSet::new();
        let mut rescan = BTreeSet::new();
        for change in params.changes {
            let Some(path) = change.uri.to_file_path().map(|p| p.into_owned()) else {
                continue;
            };
            if path.file_name() == Some(FILE_NAME.as_ref()) {
                reload = true;
                continue;
            }
            if path.extension() != Some(EXTENSION.as_ref()) {
                continue;
            }
            if let Some(i) = self
                .workspaces
                .iter()
                .position(|w| w.pack_dirs.iter().any(|d| path.starts_with(d)))
            {
                rebuild.insert(i);
                continue;
            }
            let key = path.to_string_lossy().into_owned();
            if self.is_open(&key) {
                // The editor's text of an open document wins over the disk.
                continue;
            }
            let Some(i) = self.owner(&path) else {
                continue;
            };
            if change.typ == FileChangeType::CHANGED {
                self.sync_from_disk(i, &path);
            } else {
                rescan.insert(i);
            }
        }
        if reload {
            self.reload();
            return;
        }
        for &i in &rebuild {
            self.rebuild(i);
        }
        for i in rescan.difference(&rebuild) {
            self.rescan(*i);
        }
    }

    // ---- requests and diagnostics ----

    fn dispatch(&mut self, job: Box<dyn AnyJob>) {
        if self.shut_down {
            return job.fail(jsonrpc::Error::invalid_request());
        }
        let uri = job.document().cloned();
        let open = uri.as_ref().and_then(|uri| self.docs.get(uri));
        if let Some(first) = job.first_version()
            && open.map_or(0, |o| o.doc.version) != first
        {
            return job.fail(content_modified());
        }
        let snapshot = match &uri {
            Some(uri) => self.snapshot(uri, job.needs_analysis()),
            None => self.workspaces_snapshot(job.needs_analysis()),
        };
        let events = self.events.clone();
        self.pool.spawn(move || {
            job.run(snapshot, &|job| {
                let _ = events.send(Event::Request(job));
            });
        });
    }

    fn snapshot(&self, uri: &Uri, analysis: bool) -> Snapshot {
        let open = self.docs.get(uri);
        let (key, role) = match open {
            Some(o) => (o.key.clone(), o.role),
            None => self.role(uri),
        };
        let ws = match (role, &key) {
            (Role::Pack, _) => self.workspaces.first(),
            (_, Some(key)) => self.owner(Path::new(key)).map(|i| &self.workspaces[i]),
            _ => None,
        };
        let document = open.map(|o| DocumentSnapshot {
            uri: o.doc.uri.clone(),
            key: key.clone(),
            version: o.doc.version,
            rope: o.doc.rope.clone(),
            extra: key
                .as_ref()
                .and_then(|k| ws?.extra.get(k))
                .map(|e| e.diagnostics.clone())
                .unwrap_or_default(),
        });
        Snapshot {
            analysis: ws.filter(|_| analysis).map(|w| w.host.analysis()),
            document,
            workspaces: Vec::new(),
            encoding: self.encoding,
            client: self.client.clone(),
            links: self.links.clone(),
        }
    }

    /// A snapshot for a request about no document: the analysis of every workspace.
    fn workspaces_snapshot(&self, analysis: bool) -> Snapshot {
        Snapshot {
            analysis: None,
            document: None,
            workspaces: if analysis {
                self.workspaces.iter().map(|w| w.host.analysis()).collect()
            } else {
                Vec::new()
            },
            encoding: self.encoding,
            client: self.client.clone(),
            links: self.links.clone(),
        }
    }

    fn schedule_diagnostics(&mut self) {
        let open = self
            .docs
            .values()
            .filter_map(|o| {
                let key = o.key.clone()?;
                let doc = OpenDocument {
                    uri: o.doc.uri.clone(),
                    version: o.doc.version,
                    rope: o.doc.rope.clone(),
                };
                Some((key, doc))
            })
            .collect();
        let job = DiagnosticsJob {
            generation: self.generation,
            workspaces: self
                .workspaces
                .iter()
                .map(|w| (w.host.analysis(), w.extra.clone()))
                .collect(),
            open,
            encoding: self.encoding,
            links: self.links.clone(),
        };
        let events = self.events.clone();
        self.pool.spawn(move || {
            // A cancelled job was overtaken by a change, which schedules the next one.
            let generation = job.generation;
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job.run())) {
                Ok(Ok(computed)) => {
                    let _ = events.send(Event::Diagnostics(computed));
                }
                Ok(Err(_cancelled)) => {}
                Err(_) => eprintln!("vnea lsp: computing diagnostics ({generation}) panicked"),
            }
        });
    }

    fn publish(&mut self, computed: Computed) {
        if computed.generation != self.generation || self.shut_down {
            // Stale: a later change has its own job.
            return;
        }
        for params in diagnostics::changes(&self.published, &computed.files) {
            let _ = self.setup.outbox.send(params);
        }
        self.published = computed.files;
    }
}
