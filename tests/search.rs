//! Filters and search over the bundled data: any spelling finds the same events.

use belarus_timeline::model::{Timeline, load_bundled};
use belarus_timeline::query::{Filter, IndexCell};
use chrono::NaiveDate;
use proptest::prelude::*;

fn bundled() -> Timeline {
    load_bundled().expect("the bundled file loads")
}

fn search(timeline: &Timeline, query: &str) -> Vec<usize> {
    let filter = Filter {
        search: query.to_owned(),
        ..Filter::default()
    };
    filter
        .compile(timeline, &IndexCell::default())
        .expect("no unknown ids")
        .apply()
}

#[test]
fn every_spelling_finds_the_same_events() {
    let timeline = bundled();
    for group in [
        &[
            "Tsikhanouskaya",
            "Ціханоўская",
            "Тихановская",
            "Tikhanovskaya",
            "tsikhanouskaya",
        ][..],
        &["Minsk", "Мінск", "Минск"],
        &["Hrodna", "Гродна", "Гродно", "Grodno"],
        &["Kalesnikava", "Калеснікава", "Колесникова", "Kolesnikova"],
    ] {
        let first = search(&timeline, group[0]);
        assert!(!first.is_empty(), "{} finds nothing", group[0]);
        for spelling in &group[1..] {
            assert_eq!(
                search(&timeline, spelling),
                first,
                "{spelling} differs from {}",
                group[0]
            );
        }
    }
}

#[test]
fn search_reaches_publishers_tags_and_summaries() {
    let timeline = bundled();
    assert!(!search(&timeline, "PandaDoc").is_empty());
    assert!(!search(&timeline, "Reuters").is_empty());
    assert!(search(&timeline, "cyber partisans").len() >= 2);
    assert!(search(&timeline, "zzzz-no-such-thing").is_empty());
}

#[test]
fn empty_filter_shows_everything() {
    let timeline = bundled();
    let all = Filter::default()
        .compile(&timeline, &IndexCell::default())
        .unwrap()
        .apply();
    assert_eq!(all, (0..timeline.events.len()).collect::<Vec<_>>());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn filtering_never_shows_an_event_outside_the_range(from in 0i64..700, len in 0i64..200, category in 0usize..8) {
        let timeline = bundled();
        let from_date = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(from);
        let to_date = from_date + chrono::Duration::days(len);
        let mut filter = Filter { from: Some(from_date), to: Some(to_date), ..Filter::default() };
        if category < timeline.categories.len() {
            filter.categories.insert(timeline.categories[category].id.clone());
        }
        let shown = filter.compile(&timeline, &IndexCell::default()).unwrap().apply();
        for &i in &shown {
            let e = &timeline.events[i];
            let last = e.end.unwrap_or(e.start);
            let last_day = match last.precision {
                belarus_timeline::model::Precision::Day => last.date,
                _ => belarus_timeline::model::date::after(last).pred_opt().unwrap(),
            };
            prop_assert!(e.start.date <= to_date && last_day >= from_date, "{} outside {from_date}..{to_date}", e.id());
        }
        // And nothing in range is missing.
        let expected = timeline.events.iter().enumerate().filter(|(_, e)| {
            let last = e.end.unwrap_or(e.start);
            let end = last.end_seconds();
            e.start.start_seconds() < belarus_timeline::model::date::seconds_from_date(to_date) + 86_400.0
                && end > belarus_timeline::model::date::seconds_from_date(from_date)
                && (filter.categories.is_empty() || filter.categories.contains(&timeline.categories[usize::from(e.category)].id))
        }).count();
        prop_assert_eq!(shown.len(), expected);
    }
}

#[test]
fn cli_search_in_three_scripts_gives_the_same_json() {
    let run = |query: &str| {
        let output = assert_cmd::Command::cargo_bin("belarus-timeline")
            .unwrap()
            .args(["export", "--format", "json", "--search", query])
            .output()
            .unwrap();
        assert!(output.status.success());
        output.stdout
    };
    let latin = run("Tsikhanouskaya");
    assert!(latin.len() > 100);
    assert_eq!(run("Ціханоўская"), latin);
    assert_eq!(run("Тихановская"), latin);
}
