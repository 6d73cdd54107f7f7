//! The checks every reader's data goes through: ids, names, colours, dates, links and image
//! paths, with messages that say what is wrong and what is expected.

use std::collections::HashMap;
use std::path::{Component, Path as FsPath};

use super::date::FuzzyDate;
use super::file;
use super::load::Assets;
use super::problem::{Part, Path, Problem};
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
}

impl Validator {
    /// A problem with the value at `path`.
    pub(super) fn value(&mut self, path: Path, message: String) {
        self.problems.push(Problem {
            path,
            part: Part::Value,
            message,
        });
    }

    /// A problem with the field at `path` as a whole.
    pub(super) fn key(&mut self, path: Path, message: String) {
        self.problems.push(Problem {
            path,
            part: Part::Key,
            message,
        });
    }

    pub(super) fn require_english(&mut self, text: &Text, path: impl FnOnce() -> Path, what: &str) {
        if text.exact(Lang::En).is_none() {
            self.missing_english(path(), what);
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
            if !is_slug(id) {
                self.value(
                    path.clone(),
                    format!("{kind} id `{id}` is not a slug: use lowercase letters, digits and single `-` between them"),
                );
            }
            if let Some(&first) = first_use.get(id) {
                self.value(
                    path,
                    format!("duplicate {kind} id `{id}`: it is already used by {kind} number {} of the list", first + 1),
                );
            } else {
                first_use.insert(id, i);
            }
        }
    }

    pub(super) fn unknown<'a>(
        &mut self,
        path: Path,
        kind: &str,
        found: &str,
        known: impl Iterator<Item = &'a str>,
    ) {
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
        self.value(path, format!("unknown {kind} `{found}`{hint}{listed}"));
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
    /// A control character or white space.
    #[error(
        "the URL contains a control or space character ({0:?}): write it without spaces or line breaks"
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
    if let Some(c) = text.chars().find(|c| c.is_control() || c.is_whitespace()) {
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
            Ok(())
        }
    }
}
