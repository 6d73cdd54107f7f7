//! The benchmark's output format (not its timings: those belong to the benchmark itself).

use std::process::Command;

#[test]
fn quick_bench_prints_one_json_object_per_line() {
    // `cargo test` builds the examples next to the test binaries.
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir");
    let bench = dir
        .join("examples")
        .join(format!("bench{}", std::env::consts::EXE_SUFFIX));
    assert!(bench.exists(), "{} is built by cargo test", bench.display());
    let output = Command::new(&bench)
        .args(["--quick", "--sizes", "300"])
        .output()
        .expect("bench runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let mut kinds = std::collections::BTreeMap::new();
    for line in stdout.lines() {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        let kind = value["bench"].as_str().expect("a bench field").to_owned();
        assert_eq!(value["events"], 300, "{line}");
        let fields: &[&str] = match kind.as_str() {
            "load" => &["bytes", "load_ms", "ron_parse_ms", "peak_rss_mb"],
            "frame" => &[
                "view",
                "cold_ms",
                "median_ms",
                "p95_ms",
                "shapes",
                "vertices",
            ],
            "pan" => &["view", "median_ms", "p95_ms"],
            "zoom" => &["view", "steps", "median_ms", "p95_ms"],
            "search" => &["query", "ms"],
            "filter" | "search_index" => &["ms"],
            "errors" => &["mistake", "errors", "check_ms", "peak_rss_mb", "vs_clean"],
            "map_counts" => &["index_ms", "count_median_ms", "count_p95_ms", "places"],
            "map_frame" => &[
                "view",
                "median_ms",
                "p95_ms",
                "moving_median_ms",
                "moving_p95_ms",
                "vertices",
            ],
            "map_moves" => &[
                "view",
                "zoom_median_ms",
                "zoom_p95_ms",
                "drag_median_ms",
                "drag_p95_ms",
            ],
            // Not in a quick run (they start the real window), but known.
            "first_frame" | "reopen" => &[
                "bytes",
                "first_frame_ms",
                "timeline_ms",
                "search_ready_ms",
                "vs_ron_parse",
                "cache_bytes",
                "loadavg",
            ],
            other => panic!("unknown bench kind {other}"),
        };
        for field in fields {
            assert!(!value[*field].is_null(), "{kind} lacks {field}: {line}");
        }
        *kinds.entry(kind).or_insert(0) += 1;
    }
    assert_eq!(kinds.get("load"), Some(&1));
    assert_eq!(kinds.get("frame"), Some(&5), "all, month, week, day, hour");
    assert_eq!(kinds.get("pan"), Some(&5), "all, month, week, day, hour");
    assert_eq!(kinds.get("zoom"), Some(&5), "all, month, week, day, hour");
    assert!(kinds.get("search").is_some_and(|&n| n >= 1));
    assert_eq!(kinds.get("filter"), Some(&1));
    assert_eq!(
        kinds.get("errors"),
        Some(&3),
        "none, unknown category, unknown field"
    );
    assert_eq!(kinds.get("map_counts"), Some(&1));
    assert_eq!(kinds.get("map_frame"), Some(&2), "all, month");
    assert_eq!(kinds.get("map_moves"), Some(&1));
}
