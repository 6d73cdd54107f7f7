//! Hostile and broken input: loading never panics, and every error points inside the file.

use belarus_timeline::model::load::BUNDLED_EVENTS;
use belarus_timeline::model::{Assets, LoadError, load_str};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, String),
    Duplicate(usize, usize),
    Replace(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let len = BUNDLED_EVENTS.len();
    prop_oneof![
        (0..len, 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (
            0..len,
            prop::sample::select(vec![
                "(", ")", "[", "]", "{", "}", "\"", ",", ":", "\\", "Ў", "\u{0}", "\r\n", "Some(",
                "//", "/*", "#", "r#\"", "1e999", "-"
            ])
        )
            .prop_map(|(at, s)| Mutation::Insert(at, s.to_owned())),
        (0..len, 1usize..200).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        (0..len, any::<char>()).prop_map(|(at, c)| Mutation::Replace(at, c)),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let boundary = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match mutation {
        Mutation::Delete(at, n) => {
            let (a, b) = (boundary(*at), boundary(at + n));
            format!("{}{}", &text[..a], &text[b..])
        }
        Mutation::Insert(at, s) => {
            let a = boundary(*at);
            format!("{}{s}{}", &text[..a], &text[a..])
        }
        Mutation::Duplicate(at, n) => {
            let (a, b) = (boundary(*at), boundary(at + n));
            format!("{}{}{}", &text[..b], &text[a..b], &text[b..])
        }
        Mutation::Replace(at, c) => {
            let a = boundary(*at);
            let next = text[a..].chars().next().map_or(0, char::len_utf8);
            format!("{}{c}{}", &text[..a], &text[a + next..])
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn small_random_edits_give_a_model_or_located_errors(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut text = BUNDLED_EVENTS.to_owned();
        for m in &mutations {
            text = apply(&text, m);
        }
        let lines = text.lines().count().max(1);
        match load_str(&text, "mutated.ron", &Assets::Embedded(belarus_timeline::model::load::BUNDLED_ASSETS)) {
            Ok(_) => {}
            Err(LoadError::Invalid(diagnostics)) => {
                prop_assert!(!diagnostics.is_empty());
                for d in diagnostics {
                    prop_assert!(d.line >= 1 && d.line <= lines + 1, "line {} of {lines}: {d}", d.line);
                    prop_assert!(d.col >= 1, "{d}");
                    let line_len = text.lines().nth(d.line - 1).map_or(0, |l| l.chars().count());
                    prop_assert!(d.col <= line_len + 2, "col {} past line of {line_len}: {d}", d.col);
                }
            }
            Err(other) => prop_assert!(false, "unexpected error kind: {other}"),
        }
    }
}

#[test]
fn a_corrupted_saved_state_is_ignored() {
    struct Storage(String);
    impl eframe::Storage for Storage {
        fn get_string(&self, _key: &str) -> Option<String> {
            Some(self.0.clone())
        }
        fn set_string(&mut self, _key: &str, value: String) {
            self.0 = value;
        }
        fn remove_string(&mut self, _key: &str) {}
        fn flush(&mut self) {}
    }
    let broken = Storage("(lang: Some(Xx), filter: [[[".into());
    assert!(belarus_timeline::ui::read_saved(Some(&broken)).is_none());
    let good = Storage("(theme: Light)".into());
    assert_eq!(
        belarus_timeline::ui::read_saved(Some(&good)).map(|s| s.theme),
        Some(belarus_timeline::ui::theme::Theme::Light)
    );
}
