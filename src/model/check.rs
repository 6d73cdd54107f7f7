//! The checks every reader's data goes through: ids, names, colours, dates, links and image
//! paths, with messages that say what is wrong and what is expected.

use std::collections::HashMap;
use std::path::{Component, Path as FsPath};

use super::date::FuzzyDate;
use super::file;
use super::load::Assets;
use super::problem::{Part, Path, Problem, Severity};
use super::timeline;
use super::{Lang, Text};

/// The candidate closest to `found`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(found: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::osa_distance(found, c), c))
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// A map with a fast hasher: ids come from the curator's own file, not from an attacker who
/// could choose colliding keys to slow a server down.
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

pub(super) fn index_of<'a>(ids: impl Iterator<Item = &'a str>) -> FastMap<&'a str, u32> {
    let mut map = FastMap::default();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i as u32);
    }
    map
}

/// Collects the problems of one build, with the messages every reader shares.
#[derive(Default)]
pub(super) struct Validator {
    pub(super) problems: Vec<Problem>,
    /// The message for each unknown id already reported, by kind and id.
    unknown_messages: FastMap<(String, String), String>,
}

impl Validator {
    /// A problem with the value at `path`.
    pub(super) fn value(&mut self, path: Path, message: String) {
        self.problems.push(Problem {
            path,
            part: Part::Value,
            severity: Severity::Error,
            message,
        });
    }

    /// A warning about the value at `path`: the file still loads.
    pub(super) fn warn(&mut self, path: Path, message: String) {
        self.problems.push(Problem {
            path,
            part: Part::Value,
            severity: Severity::Warning,
            message,
        });
    }

    /// A problem with the field at `path` as a whole.
    pub(super) fn key(&mut self, path: Path, message: String) {
        self.problems.push(Problem {
            path,
            part: Part::Key,
            severity: Severity::Error,
            message,
        });
    }

    pub(super) fn require_english(&mut self, text: &Text, path: impl FnOnce() -> Path, what: &str) {
        if text.exact(Lang::En).is_none() {
            self.missing_english(path(), what);
        }
    }

    /// A warning for each language of a text that holds an invisible character.
    pub(super) fn text_chars<'t>(
        &mut self,
        parts: impl IntoIterator<Item = (Lang, &'t str)>,
        path: impl Fn() -> Path,
    ) {
        for (lang, text) in parts {
            self.chars_in(text, || path().key(lang.code()));
        }
    }

    /// A warning when one string holds an invisible character.
    pub(super) fn chars_in(&mut self, text: &str, path: impl FnOnce() -> Path) {
        if let Some(c) = invisible_char(text) {
            self.warn(
                path(),
                format!(
                    "the text contains the invisible character {}, which makes it display differently from what it is: remove it (here: `{}`)",
                    char_name(c),
                    shown(text)
                ),
            );
        }
    }

    pub(super) fn missing_english(&mut self, path: Path, what: &str) {
        self.value(
            path,
            format!("missing English {what}: add `\"en\": \"…\"` (English is required; `be` and `ru` are optional)"),
        );
    }

    /// Ids are slugs and unique within their list.
    pub(super) fn ids<'a>(&mut self, ids: impl Iterator<Item = &'a str>, list: &Path, kind: &str) {
        let mut first_use: FastMap<&str, usize> = FastMap::default();
        for (i, id) in ids.enumerate() {
            let path = list.index(i).key("id");
            if let Some(c) = invisible_char(id) {
                self.value(
                    path.clone(),
                    format!(
                        "{kind} id `{}` contains the invisible character {}: ids are slugs of lowercase letters, digits and single `-`",
                        shown(id),
                        char_name(c)
                    ),
                );
            } else if !is_slug(id) {
                self.value(
                    path.clone(),
                    format!("{kind} id `{id}` is not a slug: use lowercase letters, digits and single `-` between them"),
                );
            }
            if let Some(&first) = first_use.get(id) {
                self.value(
                    path,
                    format!("duplicate {kind} id `{}`: it is already used by {kind} number {} of the list", shown(id), first + 1),
                );
            } else {
                first_use.insert(id, i);
            }
        }
    }

    /// An id that its list lacks, with the closest known id when one is close. The message of
    /// each distinct `(kind, found)` is made once: one systematic typo in a hundred thousand
    /// events costs one search for a suggestion, not one per event.
    pub(super) fn unknown<'a>(
        &mut self,
        path: Path,
        kind: &str,
        found: &str,
        known: impl Iterator<Item = &'a str>,
    ) {
        let key = (kind.to_owned(), found.to_owned());
        let message = match self.unknown_messages.get(&key) {
            Some(message) => message.clone(),
            None => {
                let mut known: Vec<&str> = known.collect();
                known.sort_unstable();
                let hint = did_you_mean(found, known.iter().copied())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                let listed = if known.len() <= 12 {
                    format!(" (known: {})", known.join(", "))
                } else {
                    String::new()
                };
                let message = format!("unknown {kind} `{}`{hint}{listed}", shown(found));
                self.unknown_messages.insert(key, message.clone());
                message
            }
        };
        self.value(path, message);
    }

    pub(super) fn categories(&mut self, list: &[file::Category]) -> Vec<timeline::Category> {
        let root = Path::root().key("categories");
        if list.is_empty() {
            self.key(root.clone(), "there must be at least one category".into());
        }
        self.ids(list.iter().map(|c| c.id.as_str()), &root, "category");
        list.iter()
            .enumerate()
            .map(|(i, c)| {
                let path = root.index(i);
                self.require_english(&c.name, || path.key("name"), "name");
                self.text_chars(c.name.iter(), || path.key("name"));
                let rgb = parse_colour(&c.colour).unwrap_or_else(|| {
                    self.value(
                        path.key("colour"),
                        format!(
                            "`{}` is not a colour: expected `#rrggbb`, like `#d9822b`",
                            c.colour
                        ),
                    );
                    [128, 128, 128]
                });
                timeline::Category {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    rgb,
                }
            })
            .collect()
    }

    pub(super) fn eras(&mut self, list: &[file::Era]) -> Vec<timeline::Era> {
        let root = Path::root().key("eras");
        self.ids(list.iter().map(|e| e.id.as_str()), &root, "era");
        let mut eras: Vec<timeline::Era> = list
            .iter()
            .enumerate()
            .filter_map(|(i, era)| {
                let path = root.index(i);
                self.require_english(&era.name, || path.key("name"), "name");
                self.text_chars(era.name.iter(), || path.key("name"));
                let start = self.date(&era.start, || path.key("start"))?;
                let end = self.date(&era.end, || path.key("end"))?;
                if end.date < start.date {
                    self.value(
                        path.key("end"),
                        format!("`end` {end} is before `start` {start}"),
                    );
                }
                Some(timeline::Era {
                    id: era.id.clone(),
                    name: era.name.clone(),
                    start,
                    end,
                })
            })
            .collect();
        eras.sort_by_key(|era| era.start.date);
        eras
    }

    pub(super) fn date(&mut self, text: &str, path: impl FnOnce() -> Path) -> Option<FuzzyDate> {
        FuzzyDate::parse(text)
            .map_err(|err| self.value(path(), err.to_string()))
            .ok()
    }
}

/// Whether `c` makes a text display differently from what it is: a bidirectional override,
/// embedding, isolate or mark, a zero-width space or joiner that hides between letters, or a
/// control character other than a line break or tab.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    ) || (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
}

/// The first character of `text` for which [`is_invisible`] holds. Plain text is passed over
/// byte by byte, without decoding.
pub fn invisible_char(text: &str) -> Option<char> {
    let suspect = |b: &u8| {
        (*b < 0x20 && !matches!(b, b'\n' | b'\t' | b'\r'))
            || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2 | 0xEF)
    };
    if !text.as_bytes().iter().any(suspect) {
        return None;
    }
    text.chars().find(|&c| is_invisible(c))
}

/// `U+202E (right-to-left override)`: an invisible character, named.
pub fn char_name(c: char) -> String {
    let name = match c {
        '\u{061C}' => "Arabic letter mark",
        '\u{200B}' => "zero-width space",
        '\u{200E}' => "left-to-right mark",
        '\u{200F}' => "right-to-left mark",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2060}' => "word joiner",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{FEFF}' => "zero-width no-break space",
        c if c.is_control() => "control character",
        _ => "invisible character",
    };
    format!("U+{:04X} ({name})", u32::from(c))
}

/// `text` with its invisible characters written out as `<U+202E>`, so that a message shows
/// what the file says rather than what it looks like.
pub fn shown(text: &str) -> String {
    if invisible_char(text).is_none() {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if is_invisible(c) {
                format!("<U+{:04X}>", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// Why a link is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// A control character, an invisible character or white space.
    #[error(
        "the URL contains a control, invisible or space character ({0:?}): write it without spaces, line breaks or invisible characters"
    )]
    ControlOrSpace(char),
    /// No scheme at all.
    #[error("`{0}` is not a URL: expected http:// or https:// followed by an address")]
    NoScheme(String),
    /// A scheme other than http and https.
    #[error("URL scheme `{0}:` is not allowed: only http and https links are accepted")]
    Scheme(String),
    /// No `//` after the scheme.
    #[error("`{text}` is not a URL: expected `{scheme}://` followed by an address")]
    NoAuthority {
        /// The URL.
        text: String,
        /// Its scheme.
        scheme: String,
    },
    /// A user name or password.
    #[error("the URL contains a user name or password: remove the credentials")]
    Credentials,
    /// An empty or malformed host.
    #[error("`{0}` has no valid host name")]
    NoHost(String),
}

/// Accepts only plain http and https addresses with a host and without credentials, so that a
/// link can never run something or leak a password.
pub fn check_url(text: &str) -> Result<(), UrlError> {
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() || c.is_whitespace() || is_invisible(c))
    {
        return Err(UrlError::ControlOrSpace(c));
    }
    let Some((scheme, rest)) = text.split_once(':') else {
        return Err(UrlError::NoScheme(text.to_owned()));
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(UrlError::Scheme(scheme.to_owned()));
    }
    let Some(rest) = rest.strip_prefix("//") else {
        return Err(UrlError::NoAuthority {
            text: text.to_owned(),
            scheme: scheme.to_owned(),
        });
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(UrlError::Credentials);
    }
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(host, port)| {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                host
            } else {
                authority
            }
        });
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let valid_host = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
        && !host.starts_with('.');
    if !valid_host {
        return Err(UrlError::NoHost(text.to_owned()));
    }
    Ok(())
}

/// Why an image path is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// An absolute path.
    #[error("image path `{0}` is absolute: write it relative to assets/, like `images/map.png`")]
    Absolute(String),
    /// `..` or a backslash.
    #[error("image path `{0}` leaves assets/: `..` and backslashes are not allowed")]
    LeavesAssets(String),
    /// Not PNG or JPEG by its name.
    #[error("image `{0}` must be a .png, .jpg or .jpeg file")]
    NotPngOrJpeg(String),
    /// Not compiled into the binary.
    #[error("image `{0}` is not among the bundled assets")]
    NotBundled(String),
    /// No such file in the assets folder.
    #[error("image `{path}` does not exist in {dir}")]
    Missing {
        /// The path as written.
        path: String,
        /// The assets folder.
        dir: String,
    },
    /// A symbolic link out of the assets folder.
    #[error("image path `{0}` leads outside assets/ through a symbolic link")]
    SymbolicLink(String),
    /// A folder or other non-file.
    #[error("image `{0}` is not a file")]
    NotAFile(String),
    /// The file is there but cannot be opened.
    #[error("image `{path}` cannot be read: {reason}")]
    Unreadable {
        /// The path as written.
        path: String,
        /// What the system said.
        reason: String,
    },
}

impl ImageError {
    /// The image is safe to name but not there (missing, not bundled, not a file, unreadable):
    /// an image is optional, so this is a warning and the event shows why instead of it.
    /// A path that is unsafe or not a PNG or JPEG remains an error.
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            ImageError::NotBundled(_)
                | ImageError::Missing { .. }
                | ImageError::NotAFile(_)
                | ImageError::Unreadable { .. }
        )
    }
}

/// An image path must stay inside `assets/` and name an existing PNG or JPEG file.
pub fn check_image_path(path: &str, assets: &Assets) -> Result<(), ImageError> {
    let owned = || path.to_owned();
    let relative = FsPath::new(path);
    let looks_absolute = relative.is_absolute()
        || path.starts_with(['/', '\\'])
        || path.as_bytes().get(1) == Some(&b':');
    if looks_absolute {
        return Err(ImageError::Absolute(owned()));
    }
    if relative.components().any(|c| {
        matches!(
            c,
            Component::ParentDir | Component::RootDir | Component::Prefix(_)
        )
    }) || path.contains('\\')
    {
        return Err(ImageError::LeavesAssets(owned()));
    }
    let lower = path.to_ascii_lowercase();
    if ![".png", ".jpg", ".jpeg"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return Err(ImageError::NotPngOrJpeg(owned()));
    }
    match assets {
        Assets::Embedded(files) => files
            .iter()
            .any(|(name, _)| *name == path)
            .then_some(())
            .ok_or_else(|| ImageError::NotBundled(owned())),
        Assets::Dir(dir) => {
            let full = dir.join(relative);
            let missing = || ImageError::Missing {
                path: owned(),
                dir: dir.display().to_string(),
            };
            let real = full.canonicalize().map_err(|_| missing())?;
            let root = dir.canonicalize().map_err(|_| missing())?;
            if !real.starts_with(&root) {
                return Err(ImageError::SymbolicLink(owned()));
            }
            if !real.is_file() {
                return Err(ImageError::NotAFile(owned()));
            }
            std::fs::File::open(&real)
                .map(drop)
                .map_err(|err| ImageError::Unreadable {
                    path: owned(),
                    reason: err.to_string(),
                })
        }
    }
}
