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

/// Edits aimed at this round's code: unknown and misspelt fields (mending), quotes taken away
/// (unclosed strings), invisible characters, whole elements duplicated or cut, brackets.
fn targeted_edit(rng: &mut fastrand::Rng, text: &str) -> String {
    let at = |rng: &mut fastrand::Rng| {
        let mut at = rng.usize(0..=text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match rng.u8(0..8) {
        // Misspell a field name: a letter doubled, dropped or changed.
        0 => {
            let names = [
                "title:",
                "start:",
                "category:",
                "sources:",
                "tags:",
                "id:",
                "url:",
                "name:",
                "steps:",
                "description:",
            ];
            let name = names[rng.usize(0..names.len())];
            let found: Vec<usize> = text.match_indices(name).map(|(i, _)| i).collect();
            let Some(&i) = found.get(rng.usize(0..found.len().max(1))) else {
                return text.to_owned();
            };
            let typo = match rng.u8(0..3) {
                0 => format!("{}{}", &name[..1], &name[..name.len()]),
                1 => name[1..].to_owned(),
                _ => format!("x{}", &name[1..]),
            };
            format!("{}{typo}{}", &text[..i], &text[i + name.len()..])
        }
        // Take a quote away.
        1 => {
            let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
            if quotes.is_empty() {
                return text.to_owned();
            }
            let i = quotes[rng.usize(0..quotes.len())];
            format!("{}{}", &text[..i], &text[i + 1..])
        }
        // An invisible character anywhere.
        2 => {
            let chars = [
                '\u{202E}', '\u{2066}', '\u{200B}', '\u{FEFF}', '\u{7}', '\u{0}', '\u{85}',
            ];
            let i = at(rng);
            format!(
                "{}{}{}",
                &text[..i],
                chars[rng.usize(0..chars.len())],
                &text[i..]
            )
        }
        // An event duplicated or cut out.
        3 | 4 => {
            let events: Vec<usize> = text
                .match_indices("        Event(")
                .map(|(i, _)| i)
                .collect();
            if events.is_empty() {
                return text.to_owned();
            }
            let i = events[rng.usize(0..events.len())];
            let end = text[i..]
                .find("\n        Event(")
                .map_or(text.len(), |e| i + e + 1);
            if rng.bool() {
                format!("{}{}{}", &text[..end], &text[i..end], &text[end..])
            } else {
                format!("{}{}", &text[..i], &text[end..])
            }
        }
        // A bracket or comma more or less.
        5 => {
            let bits = [
                "(", ")", "[", "]", "{", "}", ",", ":", "Some(", "r#\"", "/*",
            ];
            let i = at(rng);
            format!(
                "{}{}{}",
                &text[..i],
                bits[rng.usize(0..bits.len())],
                &text[i..]
            )
        }
        // Cut the file short.
        6 => text[..at(rng)].to_owned(),
        // A field with a value of the wrong type.
        _ => text.replacen("importance: 1", "importance: \"key\"", rng.usize(1..4)),
    }
}

/// Loads `text` and checks what any input must give: a timeline whose warnings point inside
/// the file, or errors that do, in file order, and a capped report that counts them all.
fn check_any(text: &str) -> Result<(), String> {
    let lines = text.lines().count().max(1);
    let inside = |d: &belarus_timeline::model::Diagnostic| {
        if d.line < 1 || d.line > lines + 1 || d.col < 1 {
            return Err(format!("outside the file ({lines} lines): {d}"));
        }
        Ok(())
    };
    match load_str(
        text,
        "random.ron",
        &Assets::Embedded(belarus_timeline::model::load::BUNDLED_ASSETS),
    ) {
        Ok(timeline) => timeline.warnings.iter().try_for_each(inside),
        Err(LoadError::Invalid(diagnostics)) => {
            if diagnostics.is_empty() {
                return Err("no diagnostics".into());
            }
            diagnostics.iter().try_for_each(inside)?;
            if !diagnostics
                .windows(2)
                .all(|w| (w[0].line, w[0].col) <= (w[1].line, w[1].col))
            {
                return Err("not in file order".into());
            }
            let capped = belarus_timeline::model::error::capped_lines(&diagnostics, 3);
            if capped.len() != diagnostics.len().min(4) {
                return Err(format!("capped to {} lines", capped.len()));
            }
            Ok(())
        }
        Err(other) => Err(format!("unexpected error kind: {other}")),
    }
}

/// A long random run of [`targeted_edit`]s (one to four per input), for as many seconds as
/// `ROBUST_SECONDS` says (600 for the release check of a round: `ROBUST_SECONDS=600 cargo test
/// --release --test robust -- --ignored --nocapture`). A failing input is written to the
/// temporary folder to be replayed.
#[test]
#[ignore = "long: run with ROBUST_SECONDS"]
fn random_targeted_edits_for_a_while() {
    let seconds: u64 = std::env::var("ROBUST_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed = fastrand::u64(..);
    let mut rng = fastrand::Rng::with_seed(seed);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let mut runs = 0u64;
    while std::time::Instant::now() < deadline {
        let mut text = BUNDLED_EVENTS.to_owned();
        for _ in 0..rng.usize(1..=4) {
            text = targeted_edit(&mut rng, &text);
        }
        let outcome = std::panic::catch_unwind(|| check_any(&text));
        if !matches!(outcome, Ok(Ok(()))) {
            let path = std::env::temp_dir().join(format!("robust-failure-{seed}-{runs}.ron"));
            let _ = std::fs::write(&path, &text);
            panic!(
                "seed {seed}, run {runs}: {outcome:?}; input in {}",
                path.display()
            );
        }
        runs += 1;
    }
    println!(
        "random_targeted_edits_for_a_while: {runs} inputs in {seconds} s (seed {seed}), all clean"
    );
}

#[test]
fn a_few_targeted_edits_in_every_run() {
    let mut rng = fastrand::Rng::with_seed(19);
    for _ in 0..40 {
        let mut text = BUNDLED_EVENTS.to_owned();
        for _ in 0..rng.usize(1..=3) {
            text = targeted_edit(&mut rng, &text);
        }
        if let Err(err) = check_any(&text) {
            panic!("{err}");
        }
    }
}
