//! The open-file cache: a second open reads the cache and gives the same timeline and search
//! results as reading the file; a stale, foreign, cut or damaged cache is ignored.

use std::path::{Path, PathBuf};

use belarus_timeline::cache::{Cache, CacheError, Opened, Source, header};
use belarus_timeline::model::progress::Progress;
use belarus_timeline::model::{Lang, Timeline, load::BUNDLED_EVENTS, load_path};
use proptest::prelude::*;

/// A folder with an events file and a cache folder that caches files of any size.
struct Setup {
    _dir: tempfile::TempDir,
    file: PathBuf,
    cache: Cache,
}

fn setup(text: &str) -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("events.ron");
    std::fs::write(&file, text).expect("write events");
    let cache = Cache {
        dir: dir.path().join("cache"),
        min_bytes: 0,
    };
    Setup {
        _dir: dir,
        file,
        cache,
    }
}

fn generated(n: usize) -> String {
    let mut out = Vec::new();
    belarus_timeline::generate::write(&mut out, n, 7).expect("generate");
    String::from_utf8(out).expect("UTF-8")
}

fn open(setup: &Setup) -> Opened {
    setup.cache.open(&setup.file, &Progress::default())
}

/// Opens the file and writes its cache, as the window does.
fn open_and_write(setup: &Setup) -> Timeline {
    let opened = open(setup);
    let timeline = opened.result.expect("the file loads");
    let stamp = opened.to_write.expect("a file read is to be cached");
    let index = opened.index.get_or_build(&timeline);
    setup
        .cache
        .write(&setup.file, stamp, &timeline, index)
        .expect("cache written");
    timeline
}

/// Everything a reader of the timeline can see, as text.
fn seen(t: &Timeline) -> Vec<String> {
    let mut out = vec![
        format!("{:?} {:?}", t.title, t.description),
        format!("{:?}", t.categories),
        format!("{:?}", t.places),
        format!("{:?}", t.actors),
        format!("{:?}", t.eras),
        format!("{:?}", t.tags),
        format!("{:?}", t.tours),
        format!("{:?}", t.warnings),
        format!("{:?} {:?}", t.span(), t.source_count()),
    ];
    for e in &t.events {
        out.push(format!(
            "{} {:?} {:?} {:?} {:?} {:?} {} {} {:?} {:?} {:?} {:?} {:?} {} {}",
            e.id(),
            e.title(),
            e.summary(),
            e.start,
            e.end,
            e.time,
            e.category,
            e.importance,
            e.places(),
            e.actors(),
            e.tags(),
            e.image(),
            e.sources().collect::<Vec<_>>(),
            e.start_seconds(),
            e.end_seconds(),
        ));
    }
    out
}

/// The events each query marks, with the index of `opened` and with a fresh one.
fn same_search(cached: &Opened, fresh: &Timeline) {
    let timeline = cached.result.as_ref().expect("loaded");
    let cached_index = cached.index.get().expect("the cache brings the index");
    let fresh_index = belarus_timeline::query::index::SearchIndex::build(fresh);
    assert_eq!(cached_index.word_count(), fresh_index.word_count());
    for needle in ["minsk", "hrodn", "strike", "ціх", "1", "zzzq", "a"] {
        let needles = [needle.to_owned()];
        let mut a = vec![false; timeline.events.len()];
        let mut b = vec![false; fresh.events.len()];
        cached_index.mark(&needles, &mut a);
        fresh_index.mark(&needles, &mut b);
        assert_eq!(a, b, "{needle}");
    }
    for actor in 0..timeline.actors.len() as u32 {
        let mut a = vec![false; timeline.events.len()];
        let mut b = vec![false; fresh.events.len()];
        cached_index.mark_actor(actor, &mut a);
        fresh_index.mark_actor(actor, &mut b);
        assert_eq!(a, b);
    }
}

#[test]
fn a_second_open_reads_the_cache_and_gives_the_same_timeline() {
    // The bundled file has tours, images (missing here: warnings) and escaped strings; the
    // generated ones have many events, the larger in several of the pieces the file is read in
    // on two threads (4 MB each).
    let large = generated(14_000);
    assert!(large.len() > 2 * belarus_timeline::model::pieces::PIECE);
    for text in [BUNDLED_EVENTS.to_owned(), generated(400), large] {
        let setup = setup(&text);
        let first = open_and_write(&setup);
        let second = open(&setup);
        assert_eq!(second.source, Source::Cache, "{:?}", second.miss);
        assert!(second.to_write.is_none());
        let cached = second.result.as_ref().expect("loaded from the cache");
        assert_eq!(seen(cached), seen(&first));
        let fresh = load_path(&setup.file).expect("loads");
        assert_eq!(seen(cached), seen(&fresh));
        assert_eq!(
            cached.event_index(fresh.events[5].id()),
            Some(5),
            "ids are found"
        );
        assert_eq!(cached.title.get(Lang::Be), fresh.title.get(Lang::Be));
        same_search(&second, &fresh);
        let size = std::fs::metadata(setup.cache.entry(&setup.file))
            .expect("cache file")
            .len();
        assert!(size <= text.len() as u64, "{size} > {}", text.len());
    }
}

#[test]
fn a_file_below_the_threshold_gets_no_cache() {
    let mut setup = setup(&generated(20));
    setup.cache.min_bytes = u64::MAX;
    let opened = open(&setup);
    assert!(opened.result.is_ok());
    assert_eq!(opened.source, Source::File);
    assert!(opened.to_write.is_none());
    assert!(opened.miss.is_none());
}

/// Opens again after `change`, expecting the file to be read for `why`, and the result to be
/// what the file says now.
fn expect_miss(setup: &Setup, why: impl Fn(&CacheError) -> bool) {
    let opened = open(setup);
    assert_eq!(opened.source, Source::File);
    let miss = opened.miss.as_ref().expect("a cache was there");
    assert!(why(miss), "{miss}");
    let fresh = load_path(&setup.file).expect("the file loads");
    assert_eq!(seen(opened.result.as_ref().expect("loads")), seen(&fresh));
    assert!(opened.to_write.is_some(), "a cache is written anew");
}

fn modified(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

fn set_modified(path: &Path, time: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(time))
        .expect("set mtime");
}

#[test]
fn a_changed_file_is_read_again() {
    let text = generated(200);
    // Another size.
    let setup = setup(&text);
    open_and_write(&setup);
    std::fs::write(&setup.file, text.replacen("Protest", "Protests", 1)).expect("write");
    expect_miss(&setup, |m| matches!(m, CacheError::Stale(_)));

    // The same size, another time.
    open_and_write(&setup);
    let time = modified(&setup.file);
    set_modified(&setup.file, time + std::time::Duration::from_secs(5));
    expect_miss(&setup, |m| matches!(m, CacheError::Stale(_)));

    // The same size and time, another content.
    open_and_write(&setup);
    let time = modified(&setup.file);
    let now = std::fs::read_to_string(&setup.file).expect("read");
    let changed = now.replacen("Protests", "Protestz", 1);
    assert_eq!(changed.len(), now.len());
    assert_ne!(changed, now);
    std::fs::write(&setup.file, &changed).expect("write");
    set_modified(&setup.file, time);
    expect_miss(&setup, |m| matches!(m, CacheError::Stale(_)));
}

fn cache_bytes(setup: &Setup) -> Vec<u8> {
    std::fs::read(setup.cache.entry(&setup.file)).expect("cache file")
}

fn put_cache(setup: &Setup, bytes: &[u8]) {
    std::fs::write(setup.cache.entry(&setup.file), bytes).expect("write cache");
}

#[test]
fn a_cache_of_another_version_is_ignored() {
    let setup = setup(&generated(50));
    open_and_write(&setup);
    let good = cache_bytes(&setup);
    // The program's version hash is the third field, after the magic and the layout.
    let mut other = good.clone();
    other[16] ^= 1;
    put_cache(&setup, &other);
    expect_miss(&setup, |m| matches!(m, CacheError::OtherVersion));
    // Another layout.
    let mut other = good;
    other[8] = other[8].wrapping_add(1);
    put_cache(&setup, &other);
    expect_miss(&setup, |m| matches!(m, CacheError::Corrupt(_)));
}

#[test]
fn a_cut_cache_is_ignored() {
    let setup = setup(&generated(50));
    open_and_write(&setup);
    let good = cache_bytes(&setup);
    for len in [
        0,
        5,
        header::LEN - 1,
        header::LEN,
        header::LEN + 10,
        good.len() - 1,
    ] {
        put_cache(&setup, &good[..len]);
        expect_miss(&setup, |m| {
            matches!(m, CacheError::Corrupt(_)) || matches!(m, CacheError::Io(_))
        });
    }
}

#[test]
fn flipped_bits_in_a_cache_are_found_by_its_hash() {
    let setup = setup(&generated(50));
    open_and_write(&setup);
    let good = cache_bytes(&setup);
    for at in [
        header::LEN,
        header::LEN + 100,
        good.len() / 2,
        good.len() - 1,
    ] {
        let mut bad = good.clone();
        bad[at] ^= 0x10;
        put_cache(&setup, &bad);
        expect_miss(&setup, |m| matches!(m, CacheError::Corrupt(_)));
    }
}

/// The payload's hash, in the header, made to match a damaged payload: only the checks of the
/// decoder stand between the damage and the timeline.
fn with_payload_hash_fixed(mut bytes: Vec<u8>) -> Vec<u8> {
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes[header::LEN..]);
    bytes[header::LEN - 8..header::LEN].copy_from_slice(&hash.to_le_bytes());
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A damaged payload that its hash does not catch is refused by the decoder's checks or
    /// gives a timeline that works (every event's strings, every search): never a panic.
    #[test]
    fn damage_behind_a_matching_hash_never_panics(at in 0.0f64..1.0, bits in 1u8..=255) {
        let setup = setup(&generated(30));
        open_and_write(&setup);
        let good = cache_bytes(&setup);
        let mut bad = good.clone();
        let at = header::LEN + ((bad.len() - header::LEN - 1) as f64 * at) as usize;
        bad[at] ^= bits;
        put_cache(&setup, &with_payload_hash_fixed(bad));
        let opened = open(&setup);
        let timeline = opened.result.as_ref().expect("the file loads either way");
        if opened.source == Source::Cache {
            let _ = seen(timeline);
            let index = opened.index.get().expect("index");
            let mut marks = vec![false; timeline.events.len()];
            index.mark(&["a".to_owned(), "minsk".to_owned()], &mut marks);
            for place in 0..timeline.places.len() as u32 {
                index.mark_place(place, &mut marks);
            }
        } else {
            prop_assert!(matches!(opened.miss, Some(CacheError::Corrupt(_))), "{:?}", opened.miss);
        }
    }
}
