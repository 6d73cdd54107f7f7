//! Finds where a value stands in a RON text, so that errors found after parsing (a duplicate id,
//! an unknown category) can name their line and column.
//!
//! `ron` gives no positions for parsed values, so this reads the text once more, only for its
//! structure. It runs only when there is an error to place, never on the happy path.

use std::ops::Range;

use crate::model::problem::{Path, Seg};

/// A value in the document and where it stands.
#[derive(Debug)]
pub struct Node {
    /// Byte range of the value in the text.
    pub span: Range<usize>,
    kind: Kind,
    /// `Some(x)`: paths look through it to `x`.
    is_some_wrapper: bool,
}

#[derive(Debug)]
enum Kind {
    Scalar,
    /// A list, a tuple or `Some(…)`.
    Seq(Vec<Node>),
    /// A struct's fields or a map's entries: the key's byte offset, its name, and the value.
    Fields(Vec<(usize, String, Node)>),
}

/// Nesting deeper than this is not followed (ron itself stops at 128).
const MAX_DEPTH: usize = 200;

impl Node {
    /// Reads the structure of a whole RON document. `None` when it is not well-formed.
    pub fn parse(text: &str) -> Option<Node> {
        let mut reader = Reader {
            bytes: text.as_bytes(),
            pos: 0,
        };
        reader.skip_trivia();
        while reader.peek() == Some(b'#') {
            reader.skip_attribute()?;
            reader.skip_trivia();
        }
        reader.value(0)
    }

    /// The node at `path`, or the deepest node on the way to it.
    pub fn find(&self, path: &Path) -> &Node {
        let mut node = self;
        for seg in &path.0 {
            match node.child(seg) {
                Some(child) => node = child,
                None => break,
            }
        }
        node
    }

    /// The byte offset of the key that holds the value at `path` (the `url` of `url: "…"`), for
    /// errors about a field rather than its value. Falls back to the value itself.
    pub fn find_key(&self, path: &Path) -> usize {
        let Some((last, parent)) = path.0.split_last() else {
            return self.span.start;
        };
        let parent = self.find(&Path(parent.to_vec()));
        if let (Seg::Key(key), Kind::Fields(fields)) = (last, &parent.unwrapped().kind)
            && let Some((offset, _, _)) = fields.iter().find(|(_, name, _)| name == key)
        {
            return *offset;
        }
        self.find(path).span.start
    }

    /// The elements of a list at this node (empty for anything else).
    pub fn elements(&self) -> &[Node] {
        match &self.unwrapped().kind {
            Kind::Seq(items) => items,
            _ => &[],
        }
    }

    /// `Some(x)` stands for `x`.
    fn unwrapped(&self) -> &Node {
        match &self.kind {
            Kind::Seq(items) if self.is_some_wrapper && items.len() == 1 => &items[0],
            _ => self,
        }
    }

    fn child(&self, seg: &Seg) -> Option<&Node> {
        match (seg, &self.unwrapped().kind) {
            (Seg::Index(i), Kind::Seq(items)) => items.get(*i),
            (Seg::Key(key), Kind::Fields(fields)) => fields
                .iter()
                .find(|(_, name, _)| name == key)
                .map(|(_, _, node)| node),
            _ => None,
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.bytes.get(self.pos + 1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    let mut depth = 1;
                    while depth > 0 && self.pos < self.bytes.len() {
                        if self.bytes[self.pos..].starts_with(b"/*") {
                            depth += 1;
                            self.pos += 2;
                        } else if self.bytes[self.pos..].starts_with(b"*/") {
                            depth -= 1;
                            self.pos += 2;
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_attribute(&mut self) -> Option<()> {
        // `#![enable(...)]`
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b']' {
                return Some(());
            }
        }
        None
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        let start = self.pos;
        match self.peek()? {
            b'"' => self.string()?,
            b'r' if matches!(self.bytes.get(self.pos + 1), Some(b'"' | b'#')) => {
                self.raw_string()?
            }
            b'b' if self.bytes.get(self.pos + 1) == Some(&b'"') => {
                self.pos += 1;
                self.string()?;
            }
            b'\'' => self.char_literal()?,
            b'[' => {
                self.pos += 1;
                let items = self.seq(b']', depth)?;
                return Some(Node {
                    span: start..self.pos,
                    kind: Kind::Seq(items),
                    is_some_wrapper: false,
                });
            }
            b'{' => {
                self.pos += 1;
                let fields = self.map(depth)?;
                return Some(self.node(start, Kind::Fields(fields)));
            }
            b'(' => {
                self.pos += 1;
                return self.parens(start, depth, false);
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let ident = self.ident();
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    return self.parens(start, depth, ident == "Some");
                }
            }
            _ => {
                // A number or other bare token.
                while self
                    .peek()
                    .is_some_and(|b| !b.is_ascii_whitespace() && !b",:)]}([{".contains(&b))
                {
                    self.pos += 1;
                }
                if self.pos == start {
                    return None;
                }
            }
        }
        Some(self.node(start, Kind::Scalar))
    }

    fn node(&self, start: usize, kind: Kind) -> Node {
        Node {
            span: start..self.pos,
            kind,
            is_some_wrapper: false,
        }
    }

    fn ident(&mut self) -> String {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.pos += 1;
        }
        String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned()
    }

    /// After `(`: a struct's fields (`name: value, …`) or a tuple's elements.
    fn parens(&mut self, start: usize, depth: usize, is_some: bool) -> Option<Node> {
        self.skip_trivia();
        let checkpoint = self.pos;
        let looks_like_struct = if self
            .peek()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        {
            self.ident();
            self.skip_trivia();
            let is_field = self.peek() == Some(b':');
            self.pos = checkpoint;
            is_field
        } else {
            false
        };
        if looks_like_struct {
            let mut fields = Vec::new();
            loop {
                self.skip_trivia();
                if self.peek()? == b')' {
                    self.pos += 1;
                    break;
                }
                let key_at = self.pos;
                let name = self.ident();
                self.skip_trivia();
                if self.peek()? != b':' {
                    return None;
                }
                self.pos += 1;
                let value = self.value(depth + 1)?;
                fields.push((key_at, name, value));
                if !self.separator(b')')? {
                    break;
                }
            }
            Some(self.node(start, Kind::Fields(fields)))
        } else {
            let items = self.seq(b')', depth)?;
            Some(Node {
                span: start..self.pos,
                kind: Kind::Seq(items),
                is_some_wrapper: is_some,
            })
        }
    }

    /// Consumes `,` (true: more may follow) or the closing byte (false: done).
    fn separator(&mut self, close: u8) -> Option<bool> {
        self.skip_trivia();
        match self.peek()? {
            b',' => {
                self.pos += 1;
                Some(true)
            }
            b if b == close => {
                self.pos += 1;
                Some(false)
            }
            _ => None,
        }
    }

    fn seq(&mut self, close: u8, depth: usize) -> Option<Vec<Node>> {
        let mut items = Vec::new();
        loop {
            self.skip_trivia();
            if self.peek()? == close {
                self.pos += 1;
                return Some(items);
            }
            items.push(self.value(depth + 1)?);
            if !self.separator(close)? {
                return Some(items);
            }
        }
    }

    fn map(&mut self, depth: usize) -> Option<Vec<(usize, String, Node)>> {
        let mut entries = Vec::new();
        loop {
            self.skip_trivia();
            if self.peek()? == b'}' {
                self.pos += 1;
                return Some(entries);
            }
            let key = self.value(depth + 1)?;
            let name = String::from_utf8_lossy(&self.bytes[key.span.clone()])
                .trim_matches('"')
                .to_owned();
            self.skip_trivia();
            if self.peek()? != b':' {
                return None;
            }
            self.pos += 1;
            let value = self.value(depth + 1)?;
            entries.push((key.span.start, name, value));
            if !self.separator(b'}')? {
                return Some(entries);
            }
        }
    }

    fn string(&mut self) -> Option<()> {
        self.pos += 1; // opening quote
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
    }

    fn raw_string(&mut self) -> Option<()> {
        self.pos += 1; // r
        let hashes = self.bytes[self.pos..]
            .iter()
            .take_while(|&&b| b == b'#')
            .count();
        self.pos += hashes;
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        loop {
            if self.peek()? == b'"'
                && self.bytes[self.pos + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&b| b == b'#')
                    .count()
                    == hashes
            {
                self.pos += 1 + hashes;
                return Some(());
            }
            self.pos += 1;
        }
    }

    fn char_literal(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'\'' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
    }
}

/// 1-based line and column (in characters) of a byte offset, as `ron` counts them.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r##"#![enable(implicit_some)]
// a comment with ( and [
Timeline(
    title: {"en": "T"},
    events: [
        Event(id: "a", sources: [Source(url: "x")]),
        /* block /* nested */ ) */
        Event(id: r#"b"#, end: Some("2020"), n: -1.5e3, c: ')'),
    ],
)"##;

    fn at(path: &Path) -> (usize, usize) {
        let root = Node::parse(DOC).unwrap();
        line_col(DOC, root.find(path).span.start)
    }

    #[test]
    fn finds_nested_values() {
        let events = Path::root().key("events");
        assert_eq!(at(&events.index(0).key("id")), (6, 19));
        assert_eq!(
            at(&events.index(0).key("sources").index(0).key("url")),
            (6, 46)
        );
        assert_eq!(at(&events.index(1).key("id")), (8, 19));
        assert_eq!(at(&events.index(1).key("end")), (8, 32));
        assert_eq!(at(&Path::root().key("title").key("en")), (4, 19));
    }

    #[test]
    fn finds_keys_and_falls_back_to_parents() {
        let root = Node::parse(DOC).unwrap();
        let path = Path::root().key("events").index(1).key("c");
        assert_eq!(line_col(DOC, root.find_key(&path)), (8, 57));
        let missing = Path::root().key("events").index(7);
        assert_eq!(line_col(DOC, root.find(&missing).span.start), (5, 13));
    }

    #[test]
    fn malformed_text_gives_none_not_a_panic() {
        for text in [
            "",
            "(",
            "[1, 2",
            "{\"a\" 1}",
            "Event(a: )",
            "\"open",
            "r#\"x",
        ] {
            assert!(Node::parse(text).is_none(), "{text}");
        }
        let deep = "[".repeat(10_000);
        assert!(Node::parse(&deep).is_none());
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_col("ab\nЎі: x", 8), (2, 4));
    }
}
