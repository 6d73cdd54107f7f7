//! The three languages: interface strings from the Fluent catalogues in `assets/locales/`, and
//! dates from locale data.

pub mod dates;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::model::Lang;

/// The catalogues, compiled into the binary so the program works offline from any folder.
const CATALOGUES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../assets/locales/en.ftl")),
    (Lang::Be, include_str!("../../assets/locales/be.ftl")),
    (Lang::Ru, include_str!("../../assets/locales/ru.ftl")),
];

struct Catalogue {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    ids: Vec<String>,
}

fn catalogues() -> &'static [Catalogue] {
    static CATALOGUES_CELL: OnceLock<Vec<Catalogue>> = OnceLock::new();
    CATALOGUES_CELL.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|(lang, source)| {
                let resource = FluentResource::try_new((*source).to_owned())
                    .unwrap_or_else(|(resource, _errors)| resource);
                let ids = resource
                    .entries()
                    .filter_map(|entry| match entry {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                        _ => None,
                    })
                    .collect();
                let langid = lang.code().parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![langid]);
                // egui draws text as given: no invisible bidi isolation marks around arguments.
                bundle.set_use_isolating(false);
                // Counts with thousands separators: "25,068" in English, "25 068" otherwise.
                bundle.set_formatter(Some(match lang {
                    Lang::En => format_number_en,
                    _ => format_number_spaced,
                }));
                let _ = bundle.add_resource(resource);
                Catalogue {
                    lang: *lang,
                    bundle,
                    ids,
                }
            })
            .collect()
    })
}

/// The interface string `id` in `lang`, with `args` filled in; English when the language lacks
/// it, and the id itself when even English does (which a test forbids).
pub fn tr(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value.parse::<f64>() {
            Ok(number) if !value.is_empty() => fluent_args.set(*name, number),
            _ => fluent_args.set(*name, value.clone()),
        }
    }
    for wanted in [lang, Lang::En] {
        let Some(catalogue) = catalogues().iter().find(|c| c.lang == wanted) else {
            continue;
        };
        if let Some(pattern) = catalogue.bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = catalogue
                .bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors);
            return text.into_owned();
        }
    }
    id.to_owned()
}

/// A whole number with thousands separators, as `lang` writes it: "25,068", "25 068".
pub fn number(lang: Lang, n: usize) -> String {
    let separator = match lang {
        Lang::En => ',',
        _ => '\u{a0}',
    };
    group_digits(&n.to_string(), separator)
}

fn group_digits(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn format_whole(value: &fluent_bundle::FluentValue, separator: char) -> Option<String> {
    match value {
        fluent_bundle::FluentValue::Number(n)
            if n.value.fract() == 0.0 && n.value.abs() >= 1000.0 && n.value.abs() < 1e15 =>
        {
            let digits = (n.value.abs() as u64).to_string();
            let sign = if n.value < 0.0 { "-" } else { "" };
            Some(format!("{sign}{}", group_digits(&digits, separator)))
        }
        _ => None,
    }
}

fn format_number_en<M>(value: &fluent_bundle::FluentValue, _: &M) -> Option<String> {
    format_whole(value, ',')
}

fn format_number_spaced<M>(value: &fluent_bundle::FluentValue, _: &M) -> Option<String> {
    format_whole(value, '\u{a0}')
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(number(Lang::En, 25_068), "25,068");
        assert_eq!(number(Lang::Ru, 1_000_000), "1\u{a0}000\u{a0}000");
        assert_eq!(number(Lang::Be, 999), "999");
        let text = tr(Lang::En, "search-results", &[("count", "25068".into())]);
        assert_eq!(text, "25,068 matches");
        assert_eq!(
            tr(Lang::En, "search-results", &[("count", "1".into())]),
            "1 match"
        );
    }
}

/// Shorthand for a string without arguments.
pub fn t(lang: Lang, id: &str) -> String {
    tr(lang, id, &[])
}

/// The message ids of a language's catalogue.
pub fn message_ids(lang: Lang) -> Vec<String> {
    catalogues()
        .iter()
        .find(|c| c.lang == lang)
        .map(|c| c.ids.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_all_three_languages() {
        let english = message_ids(Lang::En);
        assert!(english.len() > 20);
        for lang in [Lang::Be, Lang::Ru] {
            let mut ids = message_ids(lang);
            ids.sort();
            let mut expected = english.clone();
            expected.sort();
            assert_eq!(ids, expected, "{lang} catalogue differs from English");
        }
    }

    #[test]
    fn plurals_follow_the_language() {
        assert_eq!(
            tr(Lang::En, "cluster-tooltip", &[("count", "1".into())]),
            "1 event: click to zoom in"
        );
        assert_eq!(
            tr(Lang::Ru, "cluster-tooltip", &[("count", "5".into())]),
            "5 событий: нажмите, чтобы приблизить"
        );
        assert_eq!(
            tr(Lang::Be, "cluster-tooltip", &[("count", "2".into())]),
            "2 падзеі: націсніце, каб наблізіць"
        );
    }
}
