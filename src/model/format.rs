//! Which format an events file is in: told by its content, else by its extension.
//!
//! Every way of opening a file (the command line, the open dialog, drag and drop, the watcher)
//! goes through [`super::load_path`], which asks here first.

use std::path::Path;

/// A file format of timelines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `events.ron`: `Timeline(title: …, categories: […], events: […])`.
    Ron,
    /// TimelineJS3 JSON (`{"title": …, "events": […]}`).
    Json,
    /// The TimelineJS Google Sheets template as CSV (`Year,Month,Day,…,Headline,Text,…`).
    Csv,
}

impl Format {
    /// The formats that can be read.
    pub const READABLE: &[Format] = &[Format::Ron, Format::Json, Format::Csv];

    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ron => "RON",
            Format::Json => "JSON",
            Format::Csv => "CSV",
        }
    }

    /// How a user recognises a file in this format.
    fn description(self) -> &'static str {
        match self {
            Format::Ron => "RON (`.ron`, starting with `Timeline(`)",
            Format::Json => "TimelineJS JSON (`.json`, starting with `{`)",
            Format::Csv => {
                "the TimelineJS sheet as CSV (`.csv`, with a header row `Year,Month,Day,…`)"
            }
        }
    }

    /// The formats that can be read, for messages: "RON (`.ron`, starting with `Timeline(`)".
    pub fn readable() -> String {
        let names: Vec<&str> = Self::READABLE.iter().map(|f| f.description()).collect();
        names.join(", ")
    }

    /// The format of a file with these `bytes` at `path`: by its content when that is clear,
    /// else by its extension. `None` when neither tells.
    pub fn detect(bytes: &[u8], path: &Path) -> Option<Format> {
        Self::from_content(bytes).or_else(|| Self::from_extension(path))
    }

    /// The format the file's first bytes show, if they show one clearly.
    pub fn from_content(bytes: &[u8]) -> Option<Format> {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let start = skip_ron_trivia(bytes);
        let rest = &bytes[start..];
        let after = |i: usize| rest.get(i..).map_or(&[][..], |r| r.trim_ascii_start());
        match rest.first()? {
            b'(' => Some(Format::Ron),
            b'{' if matches!(after(1).first(), Some(b'"' | b'}')) => Some(Format::Json),
            b'[' if after(1).first() == Some(&b'{') => Some(Format::Json),
            b if b.is_ascii_alphabetic() => {
                let ident = rest
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                    .count();
                if after(ident).first() == Some(&b'(') {
                    Some(Format::Ron)
                } else if looks_like_csv_header(bytes) {
                    Some(Format::Csv)
                } else {
                    None
                }
            }
            b'"' if looks_like_csv_header(bytes) => Some(Format::Csv),
            _ => None,
        }
    }

    /// The format the file's extension names, if any.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "ron" => Some(Format::Ron),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Where the first value starts: after white space, comments and `#![…]` attributes.
fn skip_ron_trivia(bytes: &[u8]) -> usize {
    let mut at = 0;
    loop {
        let rest = &bytes[at..];
        let trimmed = rest.trim_ascii_start();
        at += rest.len() - trimmed.len();
        if trimmed.starts_with(b"//") {
            at += trimmed
                .iter()
                .position(|&b| b == b'\n')
                .unwrap_or(trimmed.len());
        } else if trimmed.starts_with(b"/*") {
            match memchr::memmem::find(trimmed, b"*/") {
                Some(end) => at += end + 2,
                None => return bytes.len(),
            }
        } else if trimmed.starts_with(b"#!") {
            match trimmed.iter().position(|&b| b == b']') {
                Some(end) => at += end + 1,
                None => return bytes.len(),
            }
        } else {
            return at;
        }
    }
}

/// A first line of at least three comma-separated, short, plain column names.
fn looks_like_csv_header(bytes: &[u8]) -> bool {
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let columns: Vec<&[u8]> = line.split(|&b| b == b',').collect();
    columns.len() >= 3
        && columns.iter().all(|column| {
            let name = column.trim_ascii();
            let name = name
                .strip_prefix(b"\"")
                .and_then(|n| n.strip_suffix(b"\""))
                .unwrap_or(name);
            !name.is_empty()
                && name.len() <= 40
                && name
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'_' | b'-'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(text: &str) -> Option<Format> {
        Format::from_content(text.as_bytes())
    }

    #[test]
    fn content_tells_the_format() {
        assert_eq!(content("Timeline(title: {})"), Some(Format::Ron));
        assert_eq!(
            content("\u{feff}// a comment\n#![enable(implicit_some)]\n/* x */ Timeline ("),
            Some(Format::Ron)
        );
        assert_eq!(content("(title: {})"), Some(Format::Ron));
        assert_eq!(content(" {\"events\": []}"), Some(Format::Json));
        assert_eq!(content("[{\"a\": 1}]"), Some(Format::Json));
        assert_eq!(
            content("Year,Month,Day,Time,Headline,Text\n2020,8,9,,Election,\n"),
            Some(Format::Csv)
        );
        assert_eq!(
            content("\"Year\",\"Month\",\"Headline\"\r\n"),
            Some(Format::Csv)
        );
    }

    #[test]
    fn unclear_content_says_nothing() {
        for text in [
            "",
            "   ",
            "[[[[",
            "hello, world",
            "Timeline",
            "\u{0}\u{ff}",
            "{1: 2}",
        ] {
            assert_eq!(content(text), None, "{text:?}");
        }
    }

    #[test]
    fn extension_when_content_is_unclear() {
        let detect = |bytes: &[u8], name: &str| Format::detect(bytes, Path::new(name));
        assert_eq!(detect(b"", "events.ron"), Some(Format::Ron));
        assert_eq!(detect(b"[[[", "x.RON"), Some(Format::Ron));
        assert_eq!(detect(b"", "sheet.csv"), Some(Format::Csv));
        assert_eq!(detect(b"\x89PNG", "flag.png"), None);
        assert_eq!(detect(b"Timeline(", "events.txt"), Some(Format::Ron));
        assert_eq!(
            detect(b"{\"events\": []}", "events.ron"),
            Some(Format::Json)
        );
    }
}
