//! A minimal LSP client over a child process's standard input and output: base-protocol
//! framing, a reader thread that stamps each message with the moment it was read, answers to
//! the server's own requests, `file://` URIs, and the memory of the process.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The errors of the harness: a sentence for the user.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// One message of the base protocol: `Content-Length` header, blank line, JSON body.
pub fn encode(message: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(message).expect("a JSON value serializes");
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(&body);
    out
}

/// Reads one message: `Ok(None)` at the end of the input before a message starts. Headers
/// other than `Content-Length` (`Content-Type`) are skipped; header names are
/// case-insensitive.
pub fn read_message(reader: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length = None;
    let mut first = true;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return if first {
                Ok(None)
            } else {
                Err(io::ErrorKind::UnexpectedEof.into())
            };
        }
        first = false;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| invalid(format!("not a header: {line:?}")))?;
        if name.trim().eq_ignore_ascii_case("content-length") {
            let value = value.trim();
            length = Some(
                value
                    .parse::<usize>()
                    .map_err(|_| invalid(format!("bad Content-Length: {value:?}")))?,
            );
        }
    }
    let length = length.ok_or_else(|| invalid("a message without Content-Length".into()))?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(Some(body))
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// The `file://` URI of an absolute path: every byte but unreserved characters and `/`
/// percent-encoded.
pub fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// The path of a `file://` URI (percent-decoded), whatever the server chose to encode.
pub fn uri_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // An authority (`file://localhost/…`) is not used by vnea, but skip it if present.
    let rest = &rest[rest.find('/')?..];
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = rest.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    Some(PathBuf::from(String::from_utf8(out).ok()?))
}

/// A message from the server and the moment the reader thread had read it.
#[derive(Debug)]
pub struct Incoming {
    /// When its last byte was read.
    pub at: Instant,
    /// The message.
    pub message: Value,
}

impl Incoming {
    /// The method of a notification or request, if it is one.
    pub fn method(&self) -> Option<&str> {
        self.message.get("method").and_then(Value::as_str)
    }
}

/// A language server process.
pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Incoming>,
    next_id: i64,
    /// Requests the server sent us, answered as they came.
    pub server_requests: Vec<String>,
}

impl Server {
    /// Starts `binary lsp` in `dir`, with `XDG_CACHE_HOME` set to `cache` and its standard
    /// error written to `stderr`.
    pub fn start(binary: &Path, dir: &Path, cache: &Path, stderr: &Path) -> Result<Server, Error> {
        let mut child = Command::new(binary)
            .arg("lsp")
            .current_dir(dir)
            .env("XDG_CACHE_HOME", cache)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(File::create(stderr)?)
            .spawn()
            .map_err(|e| format!("cannot start {} lsp: {e}", binary.display()))?;
        let stdout = child.stdout.take().ok_or("no standard output")?;
        let (sender, incoming) = mpsc::channel();
        thread::spawn(move || {
            let mut reader = BufReader::with_capacity(1 << 16, stdout);
            while let Ok(Some(body)) = read_message(&mut reader) {
                let at = Instant::now();
                let Ok(message) = serde_json::from_slice(&body) else {
                    eprintln!("vnea-latency: the server wrote a body that is not JSON");
                    return;
                };
                if sender.send(Incoming { at, message }).is_err() {
                    return;
                }
            }
        });
        Ok(Server {
            stdin: child.stdin.take(),
            child,
            incoming,
            next_id: 0,
            server_requests: Vec::new(),
        })
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    fn write(&mut self, message: &Value) -> Result<Instant, Error> {
        let bytes = encode(message);
        let stdin = self.stdin.as_mut().ok_or("standard input is closed")?;
        let at = Instant::now();
        stdin
            .write_all(&bytes)
            .and_then(|()| stdin.flush())
            .map_err(|e| format!("the server does not read: {e}"))?;
        Ok(at)
    }

    /// Sends a notification; returns the moment it started to be written.
    pub fn notify(&mut self, method: &str, params: Value) -> Result<Instant, Error> {
        self.write(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    /// Sends a request; returns its id and the moment it started to be written.
    pub fn request(&mut self, method: &str, params: Value) -> Result<(i64, Instant), Error> {
        self.next_id += 1;
        let id = self.next_id;
        let at =
            self.write(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))?;
        Ok((id, at))
    }

    /// Reads messages until `accept` returns something, for at most `timeout`. Requests from
    /// the server are answered on the way (and not shown to `accept`).
    pub fn wait<T>(
        &mut self,
        timeout: Duration,
        what: &str,
        mut accept: impl FnMut(&Incoming) -> Option<T>,
    ) -> Result<T, Error> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let incoming = match self.incoming.recv_timeout(left) {
                Ok(incoming) => incoming,
                Err(RecvTimeoutError::Timeout) => {
                    return Err(format!("timed out after {timeout:?} waiting for {what}").into());
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(
                        format!("the server closed its output while we waited for {what}").into(),
                    );
                }
            };
            if let (Some(id), Some(method)) = (incoming.message.get("id"), incoming.method()) {
                let result = answer(method, &incoming.message["params"]);
                let id = id.clone();
                self.server_requests.push(method.to_owned());
                self.write(&json!({"jsonrpc": "2.0", "id": id, "result": result}))?;
                continue;
            }
            if let Some(found) = accept(&incoming) {
                return Ok(found);
            }
        }
    }

    /// The answer to the request `id`.
    pub fn response(&mut self, id: i64, timeout: Duration) -> Result<Incoming, Error> {
        self.wait(
            timeout,
            &format!("the answer to request {id}"),
            |incoming| {
                (incoming.message.get("id") == Some(&json!(id)) && incoming.method().is_none())
                    .then(|| Incoming {
                        at: incoming.at,
                        message: incoming.message.clone(),
                    })
            },
        )
    }

    /// `shutdown`, then `exit`; waits for the process to end (kills it after `timeout`).
    /// Returns its exit code.
    pub fn stop(mut self, timeout: Duration) -> Result<Option<i32>, Error> {
        let (id, _) = self.request("shutdown", Value::Null)?;
        self.response(id, timeout)?;
        self.notify("exit", Value::Null)?;
        self.stdin = None;
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait()? {
                return Ok(status.code());
            }
            if Instant::now() > deadline {
                self.child.kill()?;
                self.child.wait()?;
                return Err("the server did not exit after `exit`".into());
            }
            thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Only if it still runs (an error cut the session short): this process is ours.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// What the harness answers to a request from the server: no configuration, and `null`
/// (success) to everything else (`client/registerCapability`, progress tokens, …).
fn answer(method: &str, params: &Value) -> Value {
    match method {
        "workspace/configuration" => {
            let items = params["items"].as_array().map_or(0, Vec::len);
            Value::Array(vec![Value::Null; items])
        }
        _ => Value::Null,
    }
}

/// Resident and peak resident memory of a process, in bytes (`VmRSS`, `VmHWM` of
/// `/proc/<pid>/status`; Linux only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Memory {
    /// Resident set size now.
    pub rss: u64,
    /// The highest resident set size so far.
    pub peak: u64,
}

impl Memory {
    /// The memory of process `pid`, `None` where `/proc` does not tell.
    pub fn of(pid: u32) -> Option<Memory> {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        Memory::parse(&status)
    }

    /// Reads `VmRSS` and `VmHWM` (in kB) from the text of `/proc/<pid>/status`.
    pub fn parse(status: &str) -> Option<Memory> {
        let field = |name: &str| -> Option<u64> {
            let line = status.lines().find(|l| l.starts_with(name))?;
            let kb = line[name.len()..].trim().trim_end_matches("kB").trim();
            Some(kb.parse::<u64>().ok()? * 1024)
        };
        Some(Memory {
            rss: field("VmRSS:")?,
            peak: field("VmHWM:")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_round_trips() {
        let a = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"x": "Ứng dụng 😀"}});
        let b = json!({"jsonrpc": "2.0", "method": "exit"});
        let mut bytes = encode(&a);
        // The length counts bytes, not characters.
        let header =
            String::from_utf8(bytes[..bytes.iter().position(|&c| c == b'\r').unwrap()].to_vec())
                .unwrap();
        assert_eq!(
            header,
            format!("Content-Length: {}", serde_json::to_vec(&a).unwrap().len())
        );
        bytes.extend(encode(&b));
        let mut reader = io::Cursor::new(bytes);
        let first = read_message(&mut reader).unwrap().unwrap();
        assert_eq!(serde_json::from_slice::<Value>(&first).unwrap(), a);
        let second = read_message(&mut reader).unwrap().unwrap();
        assert_eq!(serde_json::from_slice::<Value>(&second).unwrap(), b);
        assert!(read_message(&mut reader).unwrap().is_none());
    }

    #[test]
    fn framing_skips_other_headers_and_rejects_broken_input() {
        let input = b"content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}";
        let body = read_message(&mut io::Cursor::new(&input[..]))
            .unwrap()
            .unwrap();
        assert_eq!(body, b"{}");
        let no_length = b"Content-Type: x\r\n\r\n{}";
        assert_eq!(
            read_message(&mut io::Cursor::new(&no_length[..]))
                .unwrap_err()
                .kind(),
            io::ErrorKind::InvalidData
        );
        let cut = b"Content-Length: 10\r\n\r\n{}";
        assert_eq!(
            read_message(&mut io::Cursor::new(&cut[..]))
                .unwrap_err()
                .kind(),
            io::ErrorKind::UnexpectedEof
        );
        let cut_header = b"Content-Length: 10\r\n";
        assert_eq!(
            read_message(&mut io::Cursor::new(&cut_header[..]))
                .unwrap_err()
                .kind(),
            io::ErrorKind::UnexpectedEof
        );
    }

    #[test]
    fn uris_round_trip() {
        let path = Path::new("/tmp/thư mục/a b#1.vnea");
        let uri = file_uri(path);
        assert_eq!(uri, "file:///tmp/th%C6%B0%20m%E1%BB%A5c/a%20b%231.vnea");
        assert_eq!(uri_path(&uri).unwrap(), path);
        // Whatever the server leaves unencoded decodes the same.
        assert_eq!(
            uri_path("file:///tmp/thư mục/a%20b%231.vnea").unwrap(),
            path
        );
        assert_eq!(
            uri_path("file://localhost/x%3a.vnea").unwrap(),
            Path::new("/x:.vnea")
        );
        assert_eq!(uri_path("untitled:1"), None);
    }

    #[test]
    fn server_requests_get_neutral_answers() {
        assert_eq!(
            answer("workspace/configuration", &json!({"items": [{}, {}]})),
            json!([null, null])
        );
        assert_eq!(answer("client/registerCapability", &json!({})), Value::Null);
    }

    #[test]
    fn memory_from_proc_status() {
        let status = "Name:\tvnea\nVmPeak:\t  900 kB\nVmHWM:\t    2048 kB\nVmRSS:\t    1024 kB\n";
        assert_eq!(
            Memory::parse(status),
            Some(Memory {
                rss: 1024 * 1024,
                peak: 2048 * 1024
            })
        );
        assert_eq!(Memory::parse("Name:\tx\n"), None);
        // This process has a status on Linux.
        if cfg!(target_os = "linux") {
            assert!(Memory::of(std::process::id()).unwrap().rss > 0);
        }
    }
}
