//! The HTML of TimelineJS texts as plain text and links.
//!
//! TimelineJS texts are HTML fragments written by hand or by the Google Sheets template:
//! paragraphs, line breaks, links, inline styling, sometimes a stray `<script>`. The text and
//! its paragraphs are kept, every `<a href>` (and every bare `http(s)://` address, which
//! TimelineJS turns into a link) is collected, and everything else is dropped: scripts and
//! styles with their content, comments, other tags. Nothing here ever produces HTML again.

/// A link found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The address as written (entities decoded).
    pub url: String,
    /// The text of the link, or the address when it has none.
    pub text: String,
}

/// A text without its HTML.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlainText {
    /// Paragraphs separated by an empty line; line breaks inside a paragraph kept.
    pub text: String,
    /// The links, in order, each address once.
    pub links: Vec<Link>,
}

/// Elements whose content is not text to show.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "tr",
    "hr",
    "figure",
    "figcaption",
    "pre",
];

/// The text of an HTML fragment, with its links.
pub fn to_text(html: &str) -> PlainText {
    let mut out = Collector::default();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if c == '<'
            && let Some((tag, after)) = parse_tag(rest)
        {
            rest = after;
            if !tag.closing && DROPPED.contains(&tag.name.as_str()) {
                rest = skip_element(rest, &tag.name);
            } else if tag.name == "br" {
                out.line_break();
            } else if BLOCKS.contains(&tag.name.as_str()) {
                out.paragraph_break();
            } else if tag.name == "a" {
                if tag.closing {
                    out.close_link();
                } else {
                    out.open_link(tag.href);
                }
            }
        } else if c == '&' {
            let (decoded, len) = entity(rest).unwrap_or(('&', 1));
            out.push(decoded);
            rest = &rest[len..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out.finish()
}

/// The text of an HTML fragment on one line, as for a title: paragraphs and line breaks become
/// spaces.
pub fn to_line(html: &str) -> String {
    to_text(html)
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default)]
struct Collector {
    paragraphs: Vec<String>,
    current: String,
    links: Vec<Link>,
    /// The address of the open link and its text so far.
    link: Option<(String, String)>,
}

impl Collector {
    /// One character of text; runs of HTML white space become one space (a no-break space
    /// stays).
    fn push(&mut self, c: char) {
        if c.is_ascii_whitespace() {
            if !(self.current.is_empty() || self.current.ends_with([' ', '\n'])) {
                self.current.push(' ');
            }
            if let Some((_, text)) = &mut self.link
                && !(text.is_empty() || text.ends_with(' '))
            {
                text.push(' ');
            }
        } else {
            self.current.push(c);
            if let Some((_, text)) = &mut self.link {
                text.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        let trimmed = self.current.trim_end_matches(' ').len();
        self.current.truncate(trimmed);
        if !(self.current.is_empty() || self.current.ends_with('\n')) {
            self.current.push('\n');
        }
    }

    fn paragraph_break(&mut self) {
        let paragraph = self.current.trim().to_owned();
        self.current.clear();
        if !paragraph.is_empty() {
            self.paragraphs.push(paragraph);
        }
    }

    fn open_link(&mut self, href: Option<String>) {
        self.close_link();
        self.link = href.map(|url| (url, String::new()));
    }

    fn close_link(&mut self) {
        if let Some((url, text)) = self.link.take() {
            let url = url.trim().to_owned();
            if url.is_empty() {
                return;
            }
            let text = text.trim();
            let text = if text.is_empty() {
                url.clone()
            } else {
                text.to_owned()
            };
            self.add_link(Link { url, text });
        }
    }

    fn add_link(&mut self, link: Link) {
        if !self.links.iter().any(|l| l.url == link.url) {
            self.links.push(link);
        }
    }

    fn finish(mut self) -> PlainText {
        self.close_link();
        self.paragraph_break();
        let text = self.paragraphs.join("\n\n");
        // TimelineJS turns bare addresses into links ("autolink", on by default).
        for word in text.split_whitespace() {
            if let Some(at) = word.find("http://").or_else(|| word.find("https://")) {
                let url =
                    word[at..].trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '\'']);
                self.add_link(Link {
                    url: url.to_owned(),
                    text: url.to_owned(),
                });
            }
        }
        PlainText {
            text,
            links: self.links,
        }
    }
}

/// A tag: its lowercase name, whether it closes, and its `href` if it has one.
struct Tag {
    name: String,
    closing: bool,
    href: Option<String>,
}

/// The tag at the start of `text` (which starts with `<`) and the text after it, or `None`
/// when the `<` does not start a tag (then it is text, like in `a < b`).
fn parse_tag(text: &str) -> Option<(Tag, &str)> {
    let mut rest = text.strip_prefix('<')?;
    let closing = rest.starts_with('/');
    if closing {
        rest = &rest[1..];
    }
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !rest.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let name = rest[..name_len].to_ascii_lowercase();
    rest = &rest[name_len..];
    let mut href = None;
    loop {
        rest = rest.trim_start();
        let first = rest.chars().next()?;
        match first {
            '>' => {
                return Some((
                    Tag {
                        name,
                        closing,
                        href,
                    },
                    &rest[1..],
                ));
            }
            '/' => rest = &rest[1..],
            _ => {
                let attr_len = rest
                    .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
                    .unwrap_or(rest.len());
                if attr_len == 0 {
                    rest = &rest[first.len_utf8()..];
                    continue;
                }
                let attr = rest[..attr_len].to_ascii_lowercase();
                rest = rest[attr_len..].trim_start();
                if let Some(after) = rest.strip_prefix('=') {
                    let after = after.trim_start();
                    let (value, remaining) = match after.chars().next() {
                        Some(quote @ ('"' | '\'')) => {
                            let body = &after[1..];
                            let end = body.find(quote)?;
                            (&body[..end], &body[end + 1..])
                        }
                        _ => {
                            let end = after
                                .find(|c: char| c.is_whitespace() || c == '>')
                                .unwrap_or(after.len());
                            (&after[..end], &after[end..])
                        }
                    };
                    if attr == "href" {
                        href = Some(decode_entities(value));
                    }
                    rest = remaining;
                }
            }
        }
    }
}

/// The text after the end of the element `name` whose start tag was just read: its content
/// is skipped, up to `</name>` in any case. An element never closed runs to the end.
fn skip_element<'t>(text: &'t str, name: &str) -> &'t str {
    let closing = format!("</{name}");
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(&closing) {
        let at = from + found;
        let after = &text[at + closing.len()..];
        if after.starts_with(|c: char| c == '>' || c.is_whitespace()) {
            return after.find('>').map_or("", |end| &after[end + 1..]);
        }
        from = at + closing.len();
    }
    ""
}

/// `&amp;`, `&#39;`, `&#x2014;` and the other entities of texts in these files.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (c, len) = entity(rest).unwrap_or(('&', 1));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// The character an entity at the start of `text` stands for, and the entity's length.
fn entity(text: &str) -> Option<(char, usize)> {
    let end = text.get(..12).unwrap_or(text).find(';')?;
    let name = &text[1..end];
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "laquo" => '«',
            "raquo" => '»',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "bdquo" => '„',
            "copy" => '©',
            "deg" => '°',
            "middot" => '·',
            "eacute" => 'é',
            "egrave" => 'è',
            "uuml" => 'ü',
            "ouml" => 'ö',
            "auml" => 'ä',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_line_breaks() {
        let text = to_text("<p class=\"lead\">One\n  two</p><p>Three<br/>four<BR>five</p>");
        assert_eq!(text.text, "One two\n\nThree\nfour\nfive");
        assert!(text.links.is_empty());
        assert_eq!(to_text("plain text, no tags").text, "plain text, no tags");
        assert_eq!(
            to_line("Whitney Houston<br/> 1963 - 2012"),
            "Whitney Houston 1963 - 2012"
        );
    }

    #[test]
    fn links_become_links_and_keep_their_text() {
        let text = to_text(
            "Take <a href=\"https://en.wikipedia.org/wiki/Ada_Lovelace\">Ada  Lovelace</a> and \
             <A HREF='https://example.org/?a=1&amp;b=2' target=_blank>the <b>engine</b></A>.",
        );
        assert_eq!(text.text, "Take Ada Lovelace and the engine.");
        assert_eq!(
            text.links,
            vec![
                Link {
                    url: "https://en.wikipedia.org/wiki/Ada_Lovelace".into(),
                    text: "Ada Lovelace".into()
                },
                Link {
                    url: "https://example.org/?a=1&b=2".into(),
                    text: "the engine".into()
                },
            ]
        );
    }

    #[test]
    fn bare_addresses_are_links_too() {
        let text =
            to_text("Events from https://en.wikipedia.org/wiki/Timeline_of_the_Middle_Ages.");
        assert_eq!(
            text.links,
            vec![Link {
                url: "https://en.wikipedia.org/wiki/Timeline_of_the_Middle_Ages".into(),
                text: "https://en.wikipedia.org/wiki/Timeline_of_the_Middle_Ages".into()
            }]
        );
        let linked = to_text("<a href=\"https://a.org/\">https://a.org/</a>");
        assert_eq!(linked.links.len(), 1);
    }

    #[test]
    fn scripts_styles_and_comments_are_dropped_with_their_content() {
        let text = to_text(
            "a<script type=\"text/javascript\">alert('<p>x</p>')</script >b<STYLE>p{}</style>c\
             <!-- <a href=\"https://hidden.org\">h</a> -->d<script>never closed",
        );
        assert_eq!(text.text, "abcd");
        assert!(text.links.is_empty());
        assert_eq!(to_text("<img src=x onerror=\"alert(1)\">safe").text, "safe");
    }

    #[test]
    fn entities_are_decoded_and_stray_signs_kept() {
        assert_eq!(
            to_text("Tom &amp; Jerry &#8212; &#x41;&nbsp;&laquo;x&raquo; &unknown; 1 < 2 > 0 &")
                .text,
            "Tom & Jerry — A\u{a0}«x» &unknown; 1 < 2 > 0 &"
        );
        assert_eq!(to_text("<p>a</p>&lt;p&gt;").text, "a\n\n<p>");
    }

    #[test]
    fn unclosed_tags_and_links_do_not_lose_text() {
        assert_eq!(to_text("a <b").text, "a <b");
        let text = to_text("<a href=\"https://x.org\">never closed");
        assert_eq!(text.text, "never closed");
        assert_eq!(text.links[0].text, "never closed");
        assert_eq!(to_text("<a>no href</a>").links, vec![]);
    }
}
