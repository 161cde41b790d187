//! A native smoke run of the benchmark's corpora: the synthetic corpus is deterministic and
//! searchable, and the JSON given to `MiniSearch` holds every document. Prints native timings
//! (the figures that count are the wasm ones from `run.sh`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use aftercare_search_bench::{content_json, synthetic_json, Engine};

#[test]
fn corpora_and_engine_work_natively() {
    assert_eq!(synthetic_json(50, 7), synthetic_json(50, 7));
    assert_ne!(synthetic_json(50, 7), synthetic_json(50, 8));
    assert_eq!(
        content_json().matches("\"id\":").count(),
        Engine::new().len()
    );

    let table = include_str!("../../../core/tests/search_queries.txt");
    let queries: Vec<&str> = table
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains('|'))
        .map(|l| l.split_once('|').unwrap().1.trim_start())
        .collect();
    let start = Instant::now();
    let big = Engine::synthetic(10_000, 42);
    let built = start.elapsed();
    assert_eq!(big.len(), 10_000);
    let mut times: Vec<u128> = Vec::new();
    let mut slow: Vec<(u128, &str)> = Vec::new();
    let mut found = 0;
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for q in queries.iter().cycle().take(queries.len() * rounds) {
        // The fastest of five runs: what the search costs, without the machine's noise.
        let mut best = u128::MAX;
        let mut ids = String::new();
        for _ in 0..5 {
            let t = Instant::now();
            ids = big.search(q, 10);
            best = best.min(t.elapsed().as_micros());
        }
        times.push(best);
        slow.push((best, q));
        found += usize::from(!ids.is_empty());
    }
    times.sort_unstable();
    slow.sort_unstable();
    println!("slowest: {:?}", &slow[slow.len() - 12..]);
    let p95 = times[times.len() * 95 / 100];
    println!(
        "native 10k: build {built:?}, p95 {p95} µs, {found}/{} queries found something",
        queries.len()
    );
    assert!(found * 2 > queries.len() * rounds);
}
