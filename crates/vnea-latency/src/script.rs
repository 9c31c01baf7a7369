//! The editing session, a pure function of the document and a seed: where the user types,
//! one keystroke at a time, and where the requests point.

use std::ops::Range;

use crate::text::Document;

/// SplitMix64: small, seedable, the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "nothing to choose from");
        (self.next_u64() % n as u64) as usize
    }

    /// One element of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Where a keystroke happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EditKind {
    /// Typing at the end of a declaration's title (`application x "Hệ thống…|"`).
    Title,
    /// Typing at the end of a string property value (`owner: "Văn phòng…|"`).
    StringValue,
    /// Typing a new property line in an application's block (`tags: ["mới"]`): the text has
    /// syntax errors until the line is complete.
    Property,
    /// Deleting the last two characters of a reference (`hosted_on: htkt_02|`) and typing them
    /// again: the reference is unresolved, and its target unused, in between.
    Reference,
}

impl EditKind {
    /// Every kind, in report order.
    pub const ALL: [EditKind; 4] = [
        EditKind::Title,
        EditKind::StringValue,
        EditKind::Property,
        EditKind::Reference,
    ];

    /// A short English description.
    pub fn label(self) -> &'static str {
        match self {
            EditKind::Title => "typing in a title",
            EditKind::StringValue => "typing in a string value",
            EditKind::Property => "typing a new property",
            EditKind::Reference => "retyping a reference",
        }
    }

    /// The key in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            EditKind::Title => "title",
            EditKind::StringValue => "string_value",
            EditKind::Property => "property",
            EditKind::Reference => "reference",
        }
    }

    /// Whether the text is valid after any prefix of a burst of this kind (typing inside a
    /// string), so the last burst of a session can be cut short.
    fn can_stop_anywhere(self) -> bool {
        matches!(self, EditKind::Title | EditKind::StringValue)
    }
}

/// One keystroke: the bytes `range` of the text as it is before it are replaced by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keystroke {
    /// Where it happens.
    pub kind: EditKind,
    /// The replaced bytes.
    pub range: Range<usize>,
    /// The inserted text (empty for a backspace).
    pub text: String,
}

/// Words typed into titles and strings: Vietnamese with diacritics, and one emoji (two UTF-16
/// code units) followed by more keystrokes on its line, so that their columns must count
/// the surrogate pair. The first burst of every session types that one.
const WORDS: &[&str] = &[
    "mới",
    "điện tử",
    "cấp tỉnh",
    "liên thông",
    "giai đoạn 2",
    "đồng bộ",
    "thử nghiệm",
    "dữ liệu mở",
    EMOJI_WORD,
    "hợp nhất",
];

/// The word with an emoji.
const EMOJI_WORD: &str = "📌 ghi chú";

/// Tags typed into new `tags:` properties.
const TAGS: &[&str] = &["mới", "dùng chung", "ưu tiên", "chuyển đổi số"];

/// Declaration keywords of the language (spec §5), for finding titles.
const KEYWORDS: &[&str] = &[
    "architecture",
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

/// `count` keystrokes at places of `text` chosen with `rng`: bursts of typing (a word, a
/// property line, a reference deleted and typed again), each at a place found in the text as
/// the previous bursts left it. The first burst types the emoji word into a title; the last
/// is one that may stop anywhere, so the text is valid again at the end.
pub fn edit_script(text: &str, count: usize, rng: &mut Rng) -> Vec<Keystroke> {
    let mut doc = Document::new(text);
    let mut script = Vec::with_capacity(count);
    while script.len() < count {
        let left = count - script.len();
        // Weights: titles 3, string values 3, properties 2, references 2.
        let mut kind = match rng.below(10) {
            _ if script.is_empty() => EditKind::Title,
            0..=2 => EditKind::Title,
            3..=5 => EditKind::StringValue,
            6..=7 => EditKind::Property,
            _ => EditKind::Reference,
        };
        let word = if script.is_empty() {
            EMOJI_WORD
        } else {
            rng.pick(WORDS)
        };
        let mut burst = burst(doc.text(), kind, word, rng);
        if burst
            .as_ref()
            .is_none_or(|b| b.len() > left && !kind.can_stop_anywhere())
        {
            kind = EditKind::Title;
            burst = self::burst(doc.text(), kind, word, rng);
        }
        let Some(mut burst) = burst else {
            // No title in the text at all (not a vnea model): nothing sensible to type.
            break;
        };
        burst.truncate(left);
        for keystroke in burst {
            doc.replace(keystroke.range.clone(), &keystroke.text);
            script.push(keystroke);
        }
    }
    script
}

/// The keystrokes of one burst of `kind`, `None` when the text has no place for it.
/// `word` is what a title or string burst types.
fn burst(text: &str, kind: EditKind, word: &str, rng: &mut Rng) -> Option<Vec<Keystroke>> {
    match kind {
        EditKind::Title => {
            let at = *pick(rng, &title_ends(text))?;
            Some(typing(kind, at, &format!(" {word}")))
        }
        EditKind::StringValue => {
            let at = *pick(rng, &string_value_ends(text))?;
            Some(typing(kind, at, &format!(" {word}")))
        }
        EditKind::Property => {
            let at = *pick(rng, &application_block_starts(text))?;
            let line = format!("tags: [\"{}\"]", rng.pick(TAGS));
            // Enter (with the editor's indentation) is one keystroke, then the line.
            let mut keys = vec![Keystroke {
                kind,
                range: at..at,
                text: "\n  ".to_owned(),
            }];
            keys.extend(typing(kind, at + 3, &line));
            Some(keys)
        }
        EditKind::Reference => {
            let r = pick(rng, &reference_names(text, &["hosted_on: "]))?.clone();
            let name = &text[r.clone()];
            let tail: Vec<char> = name.chars().rev().take(2).collect();
            let mut keys = Vec::new();
            let mut end = r.end;
            for c in &tail {
                keys.push(Keystroke {
                    kind,
                    range: end - c.len_utf8()..end,
                    text: String::new(),
                });
                end -= c.len_utf8();
            }
            let retyped: String = tail.iter().rev().collect();
            keys.extend(typing(kind, end, &retyped));
            Some(keys)
        }
    }
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> Option<&'a T> {
    (!items.is_empty()).then(|| rng.pick(items))
}

/// One keystroke per character of `word`, typed at `at`.
fn typing(kind: EditKind, at: usize, word: &str) -> Vec<Keystroke> {
    let mut at = at;
    word.chars()
        .map(|c| {
            let key = Keystroke {
                kind,
                range: at..at,
                text: c.to_string(),
            };
            at += c.len_utf8();
            key
        })
        .collect()
}

/// The offset of each line start, with the line (without its line end).
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |start, line| {
        let at = *start;
        *start += line.len();
        Some((at, line.trim_end_matches(['\n', '\r'])))
    })
}

/// The offset of the closing quote of each declaration title (`keyword name "title"`).
pub fn title_ends(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (start, line) in lines(text) {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some((keyword, rest)) = trimmed.split_once(' ') else {
            continue;
        };
        if !KEYWORDS.contains(&keyword) {
            continue;
        }
        let Some((name, rest)) = rest.split_once(' ') else {
            continue;
        };
        if name.is_empty() || !rest.starts_with('"') || rest.starts_with("\"\"\"") {
            continue;
        }
        let open = start + indent + keyword.len() + 1 + name.len() + 1;
        if let Some(close) = closing_quote(text, open) {
            out.push(close);
        }
    }
    out
}

/// The offset of the closing quote of each one-line string value of `owner:` or
/// `description:` (in blocks on many lines or on one).
pub fn string_value_ends(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (start, line) in lines(text) {
        for key in ["owner: \"", "description: \""] {
            for (i, _) in line.match_indices(key) {
                let open = start + i + key.len() - 1;
                if text[open..].starts_with("\"\"\"") {
                    continue;
                }
                if let Some(close) = closing_quote(text, open) {
                    out.push(close);
                }
            }
        }
    }
    out
}

/// The end of the header line (just after `{`) of each top-level `application` block on
/// several lines that has no `tags:` yet.
pub fn application_block_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut open: Option<(usize, bool)> = None;
    for (start, line) in lines(text) {
        if line.starts_with("application ") && line.ends_with('{') {
            open = Some((start + line.len(), false));
        } else if let Some((at, tagged)) = open.as_mut() {
            if line.starts_with("  tags:") {
                *tagged = true;
            } else if line == "}" {
                if !*tagged {
                    out.push(*at);
                }
                open = None;
            }
        }
    }
    out
}

/// The byte range of each reference name (a path, `a.b`) after one of `keys`
/// (`hosted_on: `), and of each name in a list after one of them (`databases: [a, b]`).
pub fn reference_names(text: &str, keys: &[&str]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for key in keys {
        for (i, _) in text.match_indices(key) {
            let mut at = i + key.len();
            let list = text[at..].starts_with('[');
            if list {
                at += 1;
            }
            loop {
                let len = text[at..]
                    .char_indices()
                    .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '.'))
                    .map_or(text.len() - at, |(n, _)| n);
                if len > 0 {
                    out.push(at..at + len);
                }
                at += len;
                if !(list && text[at..].starts_with(", ")) {
                    break;
                }
                at += 2;
            }
        }
    }
    out
}

/// The offset just after each `ARM.` of an `arm:` property: where completion offers the
/// reference model's categories.
pub fn arm_value_points(text: &str) -> Vec<usize> {
    text.match_indices("arm: ARM.")
        .map(|(i, m)| i + m.len())
        .collect()
}

/// The closing `"` of the string that opens at `open`, on the same line.
fn closing_quote(text: &str, open: usize) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text[open + 1..].char_indices() {
        match c {
            '\n' | '\r' => return None,
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(open + 1 + i),
            _ => escaped = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
application ud_1 \"Hệ thống \\\"một\\\" cửa (1)\" {
  arm: ARM.dung_chung
  owner: \"Văn phòng\"
  databases: [csdl_1, csdl_đất_2]
  hosted_on: htkt_3.htkt_4
  description: \"\"\"
    x
  \"\"\"
  application ud_2 \"Phân hệ (2)\" { arm: ARM.khac, owner: \"Vụ 😀\" }
}

application ud_5 \"Cổng (5)\" {
  tags: [\"a\"]
}
";

    #[test]
    fn places_are_found() {
        let titles: Vec<&str> = title_ends(SAMPLE)
            .into_iter()
            .map(|i| &SAMPLE[i - 3..=i])
            .collect();
        assert_eq!(titles, ["(1)\"", "(2)\"", "(5)\""]);
        let strings: Vec<&str> = string_value_ends(SAMPLE)
            .into_iter()
            .map(|i| SAMPLE[..i].rsplit('"').next().unwrap())
            .collect();
        assert_eq!(strings, ["Văn phòng", "Vụ 😀"]);
        let blocks = application_block_starts(SAMPLE);
        assert_eq!(blocks.len(), 1, "ud_5 has tags already");
        assert!(SAMPLE[..blocks[0]].ends_with("(1)\" {"));
        let refs: Vec<&str> = reference_names(SAMPLE, &["hosted_on: ", "databases: "])
            .into_iter()
            .map(|r| &SAMPLE[r])
            .collect();
        assert_eq!(refs, ["htkt_3.htkt_4", "csdl_1", "csdl_đất_2"]);
        let arms: Vec<&str> = arm_value_points(SAMPLE)
            .into_iter()
            .map(|i| &SAMPLE[i..i + 4])
            .collect();
        assert_eq!(arms, ["dung", "khac"]);
    }

    #[test]
    fn a_script_is_deterministic_and_ends_valid() {
        let text = vnea_synth::agency_files(&vnea_synth::AgencySpec::numbered(0, 200, 7))
            .into_iter()
            .find(|(path, _)| path.starts_with("application"))
            .unwrap()
            .1;
        let one = edit_script(&text, 120, &mut Rng::new(3));
        let two = edit_script(&text, 120, &mut Rng::new(3));
        assert_eq!(one, two);
        assert_eq!(one.len(), 120);
        assert_ne!(one, edit_script(&text, 120, &mut Rng::new(4)));
        // The emoji comes first, and more keystrokes follow it on its line.
        assert_eq!(one[1].text, "📌");
        assert_eq!(one[2].range.start, one[1].range.start + "📌".len());
        // Every kind occurs, one keystroke at a time.
        for kind in EditKind::ALL {
            assert!(one.iter().any(|k| k.kind == kind), "{kind:?}");
        }
        let mut doc = Document::new(text.clone());
        for key in &one {
            assert!(key.text.chars().count() <= 1 || key.text == "\n  ");
            assert!(key.range.len() <= 4);
            doc.replace(key.range.clone(), &key.text);
        }
        // References were typed again; titles, strings and tags only grew.
        assert_eq!(
            reference_names(doc.text(), &["hosted_on: "])
                .into_iter()
                .map(|r| doc.text()[r].to_owned())
                .collect::<Vec<_>>(),
            reference_names(&text, &["hosted_on: "])
                .into_iter()
                .map(|r| text[r].to_owned())
                .collect::<Vec<_>>()
        );
        assert!(doc.text().len() > text.len());
        assert_eq!(title_ends(doc.text()).len(), title_ends(&text).len());
    }
}
