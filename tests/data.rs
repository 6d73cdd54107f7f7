//! The rules of the bundled events.ron that a program can check.

use std::collections::HashSet;

use belarus_timeline::model::{Lang, Timeline, load_bundled};

fn bundled() -> Timeline {
    match load_bundled() {
        Ok(timeline) => timeline,
        Err(err) => panic!("the bundled events.ron does not load:\n{err}"),
    }
}

#[test]
fn at_least_300_events() {
    assert!(
        bundled().events.len() >= 300,
        "{} events",
        bundled().events.len()
    );
}

#[test]
fn every_event_has_a_place() {
    for event in &bundled().events {
        assert!(!event.places().is_empty(), "{} has no place", event.id());
    }
}

#[test]
fn the_record_runs_through_the_end_of_2021() {
    let timeline = bundled();
    let epilogue = timeline
        .eras
        .iter()
        .find(|e| e.id == "epilogue")
        .expect("an epilogue era");
    let last_before_epilogue = timeline
        .events
        .iter()
        .map(|e| e.start.date)
        .filter(|d| *d < epilogue.start.date)
        .max()
        .expect("events before the epilogue");
    assert!(
        last_before_epilogue >= chrono::NaiveDate::from_ymd_opt(2021, 12, 1).unwrap(),
        "the record stops at {last_before_epilogue}"
    );
}

#[test]
fn no_source_is_cited_twice_in_one_event() {
    for event in &bundled().events {
        let mut seen = HashSet::new();
        for source in event.sources() {
            let key = source.url.map_or_else(
                || format!("{}|{}", source.publisher, source.title),
                str::to_owned,
            );
            assert!(seen.insert(key), "{} cites a source twice", event.id());
        }
    }
}

#[test]
fn every_event_has_an_http_source_and_key_events_two_independent() {
    for event in &bundled().events {
        let with_url: Vec<_> = event.sources().filter(|s| s.url.is_some()).collect();
        assert!(
            with_url.iter().all(|s| s
                .url
                .is_some_and(|u| u.starts_with("https://") || u.starts_with("http://"))),
            "{}",
            event.id()
        );
        assert!(
            !with_url.is_empty(),
            "{} has no source with a URL",
            event.id()
        );
        if event.importance == 1 {
            let publishers: HashSet<&str> = with_url.iter().map(|s| s.publisher).collect();
            assert!(
                publishers.len() >= 2,
                "key event {} needs two independent sources with URLs",
                event.id()
            );
        }
    }
}

#[test]
fn every_event_is_in_three_languages() {
    for event in &bundled().events {
        for lang in Lang::ALL {
            assert!(
                event.title().exact(lang).is_some(),
                "{} lacks a {lang} title",
                event.id()
            );
            assert!(
                event.summary().exact(lang).is_some(),
                "{} lacks a {lang} summary",
                event.id()
            );
        }
    }
    let timeline = bundled();
    let names = timeline
        .categories
        .iter()
        .map(|c| (&c.id, &c.name))
        .chain(timeline.places.iter().map(|p| (&p.id, &p.name)))
        .chain(timeline.actors.iter().map(|a| (&a.id, &a.name)))
        .chain(timeline.eras.iter().map(|e| (&e.id, &e.name)));
    for (id, name) in names {
        for lang in Lang::ALL {
            assert!(name.exact(lang).is_some(), "{id} lacks a {lang} name");
        }
    }
}

#[test]
fn tours_are_valid_lessons() {
    let timeline = bundled();
    assert!(timeline.tours.len() >= 3, "{} tours", timeline.tours.len());
    for tour in &timeline.tours {
        assert!(
            (8..=15).contains(&tour.steps.len()),
            "tour {} has {} steps",
            tour.id,
            tour.steps.len()
        );
        for (index, note) in &tour.steps {
            assert!(*index < timeline.events.len());
            for lang in Lang::ALL {
                assert!(
                    note.exact(lang).is_some(),
                    "tour {} step lacks a {lang} note",
                    tour.id
                );
            }
        }
    }
}

#[test]
fn no_two_events_share_a_title() {
    let timeline = bundled();
    for lang in Lang::ALL {
        let mut seen = HashSet::new();
        for event in &timeline.events {
            assert!(
                seen.insert(event.title().get(lang)),
                "title used twice: {}",
                event.title().get(lang)
            );
        }
    }
}

#[test]
fn the_it_story_is_told_in_full() {
    let timeline = bundled();
    let it = timeline
        .categories
        .iter()
        .position(|c| c.id == "it")
        .expect("an it category");
    let count = timeline
        .events
        .iter()
        .filter(|e| usize::from(e.category) == it)
        .count();
    assert!(count >= 40, "{count} IT events");
    // The seed article is cited, without a URL, beside a source that has one.
    let seed = timeline
        .events
        .iter()
        .filter(|e| {
            e.sources()
                .any(|s| s.publisher.contains("Window on Eurasia") && s.url.is_none())
        })
        .count();
    assert!(seed >= 1);
}
