//! Finds where values stand in a RON text, so that errors found after parsing (a duplicate id,
//! an unknown category) can name their line and column.
//!
//! `ron` gives no positions for parsed values, so this reads the text once more, only for its
//! structure, and only on the way to the values asked for: all the problems of a file are
//! placed in one pass over its text ([`locate`]), and lines and columns come from one index of
//! line starts ([`LineIndex`]), so ten thousand problems cost about as much as one. It runs only
//! when there is something to place, never on the happy path.
//!
//! The reading is lenient: a value is whatever runs to the next comma or closing bracket at its
//! level, with strings, characters and comments skipped whole, so that one element with a
//! missing comma or a wrong type can still be delimited and the rest of the file read.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::problem::{Part, Path, Seg};

/// Nesting deeper than this is not followed (ron itself stops at 128).
const MAX_DEPTH: usize = 200;

/// Where each line of a text starts, for turning byte offsets into lines and columns.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset, as `ron` counts them.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }

    /// The byte offset of a 1-based line and column (in characters); the end of the text for
    /// a position past it.
    pub fn offset(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let end = self.starts.get(line).copied().unwrap_or(self.text.len());
        self.text[start..end]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(end, |(i, _)| start + i)
    }
}

/// 1-based line and column (in characters) of a byte offset, as `ron` counts them. For one
/// offset; many offsets of one text go through a [`LineIndex`].
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(offset)
}

/// The requests that go through one value: those for the value itself, for its key, and the
/// values under it.
#[derive(Default)]
struct Trie {
    /// Requests for this value.
    values: Vec<usize>,
    /// Requests for the key that holds this value.
    keys: Vec<usize>,
    /// Requests for values below this one (placed here if the way down breaks off).
    below: Vec<usize>,
    children: HashMap<Seg, Trie>,
}

impl Trie {
    fn new(requests: &[(&Path, Part)]) -> Self {
        let mut root = Trie::default();
        for (id, (path, part)) in requests.iter().enumerate() {
            let mut node = &mut root;
            for seg in &path.0 {
                node.below.push(id);
                node = node.children.entry(seg.clone()).or_default();
            }
            match part {
                Part::Key if !path.0.is_empty() => node.keys.push(id),
                _ => node.values.push(id),
            }
        }
        root
    }
}

/// The byte offset of each requested value (or of the key that holds it, for [`Part::Key`]),
/// found in one pass over `text`. A path that leads nowhere gives the deepest value on its way;
/// a text whose structure cannot be followed at all gives 0.
pub fn locate(text: &str, requests: &[(&Path, Part)]) -> Vec<usize> {
    let trie = Trie::new(requests);
    let mut walker = Walker::new(text);
    let mut offsets = vec![0; requests.len()];
    walker.skip_preamble();
    // A structure that breaks off keeps what was found before the break.
    let _ = walker.visit(&trie, &mut offsets, 0);
    offsets
}

/// The byte ranges of the elements of the top-level lists `names` (`events: [ … ]`), each
/// list's in order, and whether the whole text could be followed to its end.
pub fn list_elements(text: &str, names: &[&str]) -> (Vec<ListElements>, bool) {
    let mut walker = Walker::new(text);
    let mut lists = Vec::new();
    walker.skip_preamble();
    let complete = walker.top_lists(names, &mut lists).is_some();
    (lists, complete)
}

/// Where the value that starts at byte `at` of `text` ends (leniently: at the next comma or
/// closing bracket of its level).
pub fn skip_value(text: &str, at: usize) -> Option<usize> {
    let mut walker = Walker::new(text);
    walker.pos = at;
    walker.skip_value(0)?;
    Some(walker.pos)
}

/// A top-level list's name and the byte ranges of its elements.
pub type ListElements = (String, Vec<Range<usize>>);

/// A field of a struct: `name: value`, with what follows up to the next field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSpan {
    /// The field's name.
    pub name: Range<usize>,
    /// Its value.
    pub value: Range<usize>,
    /// From the name to the end of the field's comma (or of its value when it has none).
    pub whole: Range<usize>,
}

/// The fields of the struct value at `span` of `text` (`Event(id: …, …)`), at its top level.
/// `None` when the value is not a struct or cannot be followed.
pub fn struct_fields(text: &str, span: Range<usize>) -> Option<Vec<FieldSpan>> {
    let mut walker = Walker::new(&text[..span.end]);
    walker.pos = span.start;
    walker.skip_trivia();
    if walker.peek().is_some_and(is_ident_start) {
        walker.ident();
        walker.skip_trivia();
    }
    if walker.peek()? != b'(' {
        return None;
    }
    walker.pos += 1;
    let mut fields = Vec::new();
    loop {
        walker.skip_trivia();
        if walker.peek()? == b')' {
            return Some(fields);
        }
        let name = walker.ident();
        if name.is_empty() {
            return None;
        }
        walker.skip_trivia();
        if walker.peek()? != b':' {
            return None;
        }
        walker.pos += 1;
        walker.skip_trivia();
        let value_start = walker.pos;
        walker.skip_value(0)?;
        let value = value_start..walker.pos;
        walker.skip_trivia();
        let more = walker.peek() == Some(b',');
        if more {
            walker.pos += 1;
        }
        fields.push(FieldSpan {
            whole: name.start..walker.pos,
            name,
            value,
        });
        if !more {
            return Some(fields);
        }
    }
}

/// Where the string that swallowed the text before `error` starts, when a syntax error at byte
/// `error` is most likely a string that was not closed: the last string before the error runs
/// over a line break and ends on the error's line, or the error is a word glued to the end of
/// the last string, or the text ends inside a string.
pub fn unclosed_string(text: &str, error: usize) -> Option<usize> {
    let mut walker = Walker::new(text);
    let mut last: Option<Range<usize>> = None;
    while walker.pos < text.len() && walker.pos <= error {
        let start = walker.pos;
        match walker.peek()? {
            b'"' => {
                if walker.string().is_none() {
                    return Some(start);
                }
                last = Some(start..walker.pos);
            }
            b'r' if matches!(walker.byte_at(walker.pos + 1), Some(b'"' | b'#'))
                && !walker
                    .pos
                    .checked_sub(1)
                    .and_then(|p| walker.byte_at(p))
                    .is_some_and(is_ident_byte) =>
            {
                if walker.raw_string().is_none() {
                    return Some(start);
                }
                last = Some(start..walker.pos);
            }
            b'/' if matches!(walker.byte_at(walker.pos + 1), Some(b'/' | b'*')) => {
                walker.skip_trivia();
            }
            _ => walker.pos += 1,
        }
    }
    let last = last?;
    let string = &text[last.clone()];
    let error_line_start = text[..error.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    // A quote meant to close the string opened the next one: the text goes on with the
    // next string's contents (`"en": "Title, "be": …` reads `be` right after a string).
    let glued = last.end == error
        && text
            .as_bytes()
            .get(error)
            .is_some_and(|&b| is_ident_byte(b) || b >= 0x80);
    let spans_lines = string.contains('\n') && last.end > error_line_start;
    (glued || spans_lines).then_some(last.start)
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

struct Walker<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Walker<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn byte_at(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    /// White space, comments and `#![enable(…)]` attributes before the value.
    fn skip_preamble(&mut self) {
        self.skip_trivia();
        while self.peek() == Some(b'#') {
            match memchr::memchr(b']', &self.bytes[self.pos..]) {
                Some(i) => self.pos += i + 1,
                None => self.pos = self.bytes.len(),
            }
            self.skip_trivia();
        }
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.byte_at(self.pos + 1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => match memchr::memchr(b'\n', &self.bytes[self.pos..]) {
                    Some(i) => self.pos += i,
                    None => self.pos = self.bytes.len(),
                },
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

    fn ident(&mut self) -> Range<usize> {
        let start = self.pos;
        while self.peek().is_some_and(is_ident_byte) {
            self.pos += 1;
        }
        start..self.pos
    }

    fn name(&self, range: Range<usize>) -> &'a str {
        std::str::from_utf8(&self.bytes[range]).unwrap_or_default()
    }

    /// A string, from its opening quote; `None` when it is not closed.
    fn string(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            let i = memchr::memchr2(b'"', b'\\', &self.bytes[self.pos..])?;
            self.pos += i;
            if self.bytes[self.pos] == b'\\' {
                self.pos += 2;
            } else {
                self.pos += 1;
                return Some(());
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
            let i = memchr::memchr(b'"', self.bytes.get(self.pos..)?)?;
            self.pos += i + 1;
            let closing = self.bytes[self.pos..]
                .iter()
                .take(hashes)
                .take_while(|&&b| b == b'#')
                .count();
            if closing == hashes {
                self.pos += hashes;
                return Some(());
            }
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

    /// Skips a literal token if one starts here; `Some(false)` when none does.
    fn literal(&mut self) -> Option<bool> {
        match self.peek()? {
            b'"' => self.string()?,
            b'r' if matches!(self.byte_at(self.pos + 1), Some(b'"' | b'#')) => self.raw_string()?,
            b'b' if self.byte_at(self.pos + 1) == Some(b'"') => {
                self.pos += 1;
                self.string()?;
            }
            b'\'' => self.char_literal()?,
            _ => return Some(false),
        }
        Some(true)
    }

    /// Skips one value: everything up to the next `,` or closing bracket at its level. One
    /// tight loop over the bytes, with strings and comments jumped over by `memchr`: every
    /// event the problems are not in is passed over this way.
    fn skip_value(&mut self, depth: usize) -> Option<()> {
        let bytes = self.bytes;
        let start = self.pos;
        let mut i = self.pos;
        let mut stack: Vec<u8> = Vec::new();
        while let Some(&b) = bytes.get(i) {
            match b {
                b'"' => {
                    self.pos = i;
                    self.string()?;
                    i = self.pos;
                    continue;
                }
                b'\'' => {
                    self.pos = i;
                    self.char_literal()?;
                    i = self.pos;
                    continue;
                }
                b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                    && !i
                        .checked_sub(1)
                        .and_then(|p| bytes.get(p))
                        .is_some_and(|&p| is_ident_byte(p)) =>
                {
                    self.pos = i;
                    if self.raw_string().is_some() {
                        i = self.pos;
                        continue;
                    }
                }
                b'/' if matches!(bytes.get(i + 1), Some(b'/' | b'*')) => {
                    self.pos = i;
                    self.skip_trivia();
                    i = self.pos;
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    if depth + stack.len() > MAX_DEPTH {
                        return None;
                    }
                    stack.push(match b {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    });
                }
                b')' | b']' | b'}' => {
                    if stack.is_empty() {
                        break;
                    }
                    if stack.pop() != Some(b) {
                        return None;
                    }
                }
                b',' if stack.is_empty() => break,
                _ => {}
            }
            i += 1;
        }
        if i >= bytes.len() {
            // The text ended inside the value.
            return None;
        }
        self.pos = i;
        (self.pos > start).then_some(())
    }

    /// One value, and the requests in `trie` that go through it.
    fn visit(&mut self, trie: &Trie, offsets: &mut [usize], depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        let start = self.pos;
        for &id in trie.values.iter().chain(&trie.below) {
            offsets[id] = start;
        }
        if trie.children.is_empty() {
            return self.skip_value(depth);
        }
        self.visit_children(trie, offsets, depth)
    }

    /// The value here, descending into the children of `trie` only.
    fn visit_children(&mut self, trie: &Trie, offsets: &mut [usize], depth: usize) -> Option<()> {
        match self.peek()? {
            b'[' => {
                self.pos += 1;
                self.elements(b']', trie, offsets, depth)
            }
            b'{' => {
                self.pos += 1;
                self.entries(trie, offsets, depth)
            }
            b'(' => {
                self.pos += 1;
                self.parens(trie, offsets, depth, false)
            }
            b if is_ident_start(b) => {
                let ident = self.ident();
                let is_some = self.name(ident) == "Some";
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    self.parens(trie, offsets, depth, is_some)
                } else {
                    Some(())
                }
            }
            _ => self.skip_value(depth),
        }
    }

    /// After `(`: `Some(x)` (paths look through it), a struct's fields or a tuple's elements.
    fn parens(
        &mut self,
        trie: &Trie,
        offsets: &mut [usize],
        depth: usize,
        is_some: bool,
    ) -> Option<()> {
        self.skip_trivia();
        if is_some {
            self.visit_children(trie, offsets, depth + 1)?;
            self.skip_trivia();
            if self.peek()? != b')' {
                return None;
            }
            self.pos += 1;
            return Some(());
        }
        let checkpoint = self.pos;
        let is_struct = if self.peek().is_some_and(is_ident_start) {
            self.ident();
            self.skip_trivia();
            let is_field = self.peek() == Some(b':');
            self.pos = checkpoint;
            is_field
        } else {
            false
        };
        if !is_struct {
            return self.elements(b')', trie, offsets, depth);
        }
        loop {
            self.skip_trivia();
            if self.peek()? == b')' {
                self.pos += 1;
                return Some(());
            }
            let key_at = self.pos;
            let name = self.ident();
            self.skip_trivia();
            if name.is_empty() || self.peek()? != b':' {
                return None;
            }
            self.pos += 1;
            self.field_value(key_at, self.name(name), trie, offsets, depth)?;
            if !self.separator(b')')? {
                return Some(());
            }
        }
    }

    fn field_value(
        &mut self,
        key_at: usize,
        name: &str,
        trie: &Trie,
        offsets: &mut [usize],
        depth: usize,
    ) -> Option<()> {
        match trie.children.get(&Seg::Key(name.to_owned())) {
            Some(child) => {
                for &id in &child.keys {
                    offsets[id] = key_at;
                }
                self.visit(child, offsets, depth + 1)
            }
            None => {
                self.skip_trivia();
                self.skip_value(depth + 1)
            }
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

    fn elements(
        &mut self,
        close: u8,
        trie: &Trie,
        offsets: &mut [usize],
        depth: usize,
    ) -> Option<()> {
        let mut index = 0;
        loop {
            self.skip_trivia();
            if self.peek()? == close {
                self.pos += 1;
                return Some(());
            }
            match trie.children.get(&Seg::Index(index)) {
                Some(child) => self.visit(child, offsets, depth + 1)?,
                None => self.skip_value(depth + 1)?,
            }
            index += 1;
            if !self.separator(close)? {
                return Some(());
            }
        }
    }

    fn entries(&mut self, trie: &Trie, offsets: &mut [usize], depth: usize) -> Option<()> {
        loop {
            self.skip_trivia();
            if self.peek()? == b'}' {
                self.pos += 1;
                return Some(());
            }
            let key_at = self.pos;
            self.skip_key()?;
            let name = self.name(key_at..self.pos).trim_matches('"');
            self.skip_trivia();
            if self.peek()? != b':' {
                return None;
            }
            self.pos += 1;
            self.field_value(key_at, name, trie, offsets, depth)?;
            if !self.separator(b'}')? {
                return Some(());
            }
        }
    }

    /// A map's key: a literal or a bare token up to the `:`.
    fn skip_key(&mut self) -> Option<()> {
        if self.literal()? {
            return Some(());
        }
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| !b.is_ascii_whitespace() && !b":,{}[]()".contains(&b))
        {
            self.pos += 1;
        }
        (self.pos > start).then_some(())
    }

    /// The document's top level: `Timeline(name: value, …)`, keeping the elements of the
    /// lists in `names`.
    fn top_lists(&mut self, names: &[&str], lists: &mut Vec<ListElements>) -> Option<()> {
        if self.peek().is_some_and(is_ident_start) {
            self.ident();
            self.skip_trivia();
        }
        if self.peek()? != b'(' {
            return None;
        }
        self.pos += 1;
        loop {
            self.skip_trivia();
            if self.peek()? == b')' {
                return Some(());
            }
            let name = self.ident();
            let name = self.name(name);
            self.skip_trivia();
            if name.is_empty() || self.peek()? != b':' {
                return None;
            }
            self.pos += 1;
            self.skip_trivia();
            if names.contains(&name) && self.peek() == Some(b'[') {
                self.pos += 1;
                lists.push((name.to_owned(), Vec::new()));
                loop {
                    self.skip_trivia();
                    if self.peek()? == b']' {
                        self.pos += 1;
                        break;
                    }
                    let start = self.pos;
                    self.skip_value(1)?;
                    if let Some((_, elements)) = lists.last_mut() {
                        elements.push(start..self.pos);
                    }
                    if !self.separator(b']')? {
                        break;
                    }
                }
            } else {
                self.skip_value(0)?;
            }
            if !self.separator(b')')? {
                return Some(());
            }
        }
    }
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
        at_part(path, Part::Value)
    }

    fn at_part(path: &Path, part: Part) -> (usize, usize) {
        let offsets = locate(DOC, &[(path, part)]);
        line_col(DOC, offsets[0])
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
        let path = Path::root().key("events").index(1).key("c");
        assert_eq!(at_part(&path, Part::Key), (8, 57));
        let missing = Path::root().key("events").index(7);
        assert_eq!(at(&missing), (5, 13));
    }

    #[test]
    fn many_requests_are_placed_in_one_pass() {
        let events = Path::root().key("events");
        let paths = [
            events.index(1).key("id"),
            events.index(0).key("id"),
            events.index(1).key("c"),
            Path::root().key("title").key("en"),
        ];
        let requests: Vec<(&Path, Part)> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p, if i == 2 { Part::Key } else { Part::Value }))
            .collect();
        let index = LineIndex::new(DOC);
        let found: Vec<(usize, usize)> = locate(DOC, &requests)
            .into_iter()
            .map(|o| index.line_col(o))
            .collect();
        assert_eq!(found, [(8, 19), (6, 19), (8, 57), (4, 19)]);
    }

    #[test]
    fn malformed_text_gives_offsets_not_a_panic() {
        let path = Path::root().key("events").index(0);
        for text in [
            "",
            "(",
            "[1, 2",
            "{\"a\" 1}",
            "Event(a: )",
            "\"open",
            "r#\"x",
        ] {
            let offsets = locate(text, &[(&path, Part::Value)]);
            assert!(offsets[0] <= text.len(), "{text}");
            let _ = list_elements(text, &["events"]);
        }
        let deep = "[".repeat(10_000);
        assert_eq!(locate(&deep, &[(&path, Part::Value)]), [0]);
        assert!(!list_elements(&deep, &["events"]).1);
    }

    #[test]
    fn lists_elements_even_with_a_missing_comma_inside_one() {
        let text = "Timeline(title: {}, events: [E(a: 1 b: 2), E(a: \")\"), ], tours: [])";
        let (lists, complete) = list_elements(text, &["events", "tours"]);
        assert!(complete);
        let events: Vec<&str> = lists[0].1.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(events, ["E(a: 1 b: 2)", "E(a: \")\")"]);
        assert_eq!(lists[1].0, "tours");
        assert!(lists[1].1.is_empty());
    }

    #[test]
    fn struct_fields_with_their_commas() {
        let text = "  Event(id: \"a\", titel: {\"en\": \"x\"},\n  n: 1)";
        let fields = struct_fields(text, 2..text.len()).unwrap();
        let names: Vec<&str> = fields.iter().map(|f| &text[f.name.clone()]).collect();
        assert_eq!(names, ["id", "titel", "n"]);
        assert_eq!(&text[fields[1].whole.clone()], "titel: {\"en\": \"x\"},");
        assert_eq!(&text[fields[2].value.clone()], "1");
    }

    #[test]
    fn an_unclosed_string_is_found_where_it_starts() {
        let text = "E(\n  title: {\"en\": \"March},\n  summary: {\"en\": \"x\"},\n)";
        let error = text.find("en\": \"x").unwrap();
        let start = unclosed_string(text, error).unwrap();
        assert_eq!(line_col(text, start), (2, 17));
        assert_eq!(unclosed_string("E(a: \"ok\", b: c d)", 16), None);
        assert_eq!(unclosed_string("E(a: \"open", 11), Some(5));
        let glued = r#"{"en": "Title, "be": "Назва"}"#;
        assert_eq!(unclosed_string(glued, glued.find("be").unwrap()), Some(7));
    }

    #[test]
    fn columns_count_characters_and_offsets_come_back() {
        let text = "ab\nЎі: x";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(8), (2, 4));
        assert_eq!(index.offset(2, 4), 8);
        assert_eq!(index.offset(9, 1), text.len());
    }
}
