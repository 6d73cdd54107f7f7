//! Text in the three languages of the project.

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language of the interface and of the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English: required for every text in the file, and the fallback for the others.
    En,
    /// Belarusian.
    Be,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, in the order they are offered.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Be, Lang::Ru];

    /// The code used in files and on the command line: `en`, `be` or `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Be => "be",
            Lang::Ru => "ru",
        }
    }

    /// The language's own name for itself.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Be => "Беларуская",
            Lang::Ru => "Русский",
        }
    }

    /// Parses a language code (`en`, `be`, `ru`), ignoring case and any region (`be_BY.UTF-8`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        let base = lower.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match base {
            "en" => Some(Lang::En),
            "be" => Some(Lang::Be),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in up to three languages, written in the file as a map keyed by language code:
/// `{"en": "Minsk", "be": "Мінск", "ru": "Минск"}`.
///
/// English is the fallback when a translation is missing; validation requires it where a text is
/// required.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: Option<String>,
    /// Belarusian.
    pub be: Option<String>,
    /// Russian.
    pub ru: Option<String>,
}

impl Text {
    /// A text with only its English version.
    pub fn english(text: impl Into<String>) -> Self {
        Self {
            en: Some(text.into()),
            ..Self::default()
        }
    }

    /// The text in exactly this language, if it has one.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.en.as_deref(),
            Lang::Be => self.be.as_deref(),
            Lang::Ru => self.ru.as_deref(),
        }
        .filter(|s| !s.trim().is_empty())
    }

    /// The text in `lang`, or in English when that translation is missing, with a flag telling
    /// whether the fallback was used. Empty when even English is missing.
    pub fn get_with_fallback(&self, lang: Lang) -> (&str, bool) {
        match self.exact(lang) {
            Some(text) => (text, false),
            None => (self.exact(Lang::En).unwrap_or_default(), lang != Lang::En),
        }
    }

    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> &str {
        self.get_with_fallback(lang).0
    }

    /// Every version present, with its language.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL
            .into_iter()
            .filter_map(|lang| self.exact(lang).map(|text| (lang, text)))
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.iter().count()))?;
        for (lang, text) in self.iter() {
            map.serialize_entry(lang.code(), text)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    /// The same map as an event's borrowed text (same messages for unknown or repeated
    /// languages), made owned.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::build::RawText::deserialize(deserializer).map(|text| text.into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_to_english() {
        let text: Text = ron::from_str(r#"{"en": "Minsk", "be": "Мінск"}"#).unwrap();
        assert_eq!(text.get(Lang::Be), "Мінск");
        assert_eq!(text.get_with_fallback(Lang::Ru), ("Minsk", true));
        assert_eq!(text.get_with_fallback(Lang::En), ("Minsk", false));
    }

    #[test]
    fn unknown_language_is_an_error() {
        let err = ron::from_str::<Text>(r#"{"de": "Minsk"}"#).unwrap_err();
        assert!(err.to_string().contains("unknown language `de`"), "{err}");
    }

    #[test]
    fn locale_codes() {
        assert_eq!(Lang::from_code("be_BY.UTF-8"), Some(Lang::Be));
        assert_eq!(Lang::from_code("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("C"), None);
    }
}
