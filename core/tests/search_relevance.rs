//! Relevance: every query of `search_queries.txt` (shared with the benchmark) must find its
//! expected entry; the suite fails below 95 % right answer in the top 3 and prints MRR@10.
//!
//! Run `cargo test -p aftercare-core --test search_relevance -- --nocapture` to see the
//! figures and every query that missed the top 3.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use aftercare_core::search::Index;

/// The shared query table: (expected slug, query).
fn table() -> Vec<(&'static str, &'static str)> {
    include_str!("search_queries.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (slug, query) = l.split_once('|').expect("a line is `slug | query`");
            (slug.trim(), query.trim_start_matches(' '))
        })
        .collect()
}

/// The 1-based rank of the expected entry in the top 10, if there.
fn rank_of(index: &Index, query: &str, slug: &str) -> Option<usize> {
    index
        .search(query, 10)
        .hits
        .iter()
        .position(|h| h.id.slug() == slug)
        .map(|i| i + 1)
}

#[test]
fn relevance_table_top3_at_least_95_percent() {
    let index = Index::from_content();
    let table = table();
    assert!(table.len() >= 60, "the table has {} queries", table.len());
    let mut top3 = 0;
    let mut reciprocal = 0.0;
    let mut misses = Vec::new();
    for &(slug, query) in &table {
        assert!(
            aftercare_core::content::entries().any(|e| e.slug() == slug),
            "unknown slug {slug:?} for query {query:?}"
        );
        let rank = rank_of(&index, query, slug);
        if let Some(r) = rank {
            reciprocal += 1.0 / r as f64;
        }
        if rank.is_some_and(|r| r <= 3) {
            top3 += 1;
        } else {
            let got: Vec<&str> = index
                .search(query, 3)
                .hits
                .iter()
                .map(|h| h.id.slug())
                .collect();
            misses.push(format!(
                "  {query:?}: want {slug} (rank {rank:?}), got {got:?}"
            ));
        }
    }
    let n = table.len() as f64;
    let pct = 100.0 * f64::from(top3) / n;
    let mrr = reciprocal / n;
    let report = format!(
        "search relevance: {} queries, top-3 {pct:.1} %, MRR@10 {mrr:.3}\n{}",
        table.len(),
        misses.join("\n")
    );
    println!("{report}");
    eprintln!("{report}");
    assert!(pct >= 95.0, "top-3 {pct:.1} % is below 95 %");
}
