//! The safety figures for `make bench` (`scripts/bench.sh`), from the table the tests use,
//! `core/tests/data/red-flag-queries.tsv`:
//!
//! - `safety.redflag_routed_pct`: the share of red-flag phrasings whose expected card comes
//!   first;
//! - `safety.benign_false_alarm_pct`: the share of everyday questions that show any card.
//!
//! Run `cargo run --release -p aftercare-core --example safety`.

use aftercare_core::triage::red_flags;

fn main() {
    let table = include_str!("../tests/data/red-flag-queries.tsv");
    let (mut flagged, mut routed, mut benign, mut alarms) = (0u32, 0u32, 0u32, 0u32);
    for line in table.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((slug, query)) = line.split_once('\t') else {
            continue;
        };
        let shown = red_flags::matching(query);
        if slug == "-" {
            benign += 1;
            alarms += u32::from(!shown.is_empty());
        } else {
            flagged += 1;
            routed += u32::from(shown.first().is_some_and(|f| f.slug == slug));
        }
    }
    println!("safety.redflag_routed_pct: {}", pct(routed, flagged));
    println!("safety.benign_false_alarm_pct: {}", pct(alarms, benign));
}

/// `part` of `whole` as a percentage with one decimal ("97.6"); 0 of nothing is 0.
fn pct(part: u32, whole: u32) -> String {
    let tenths = (u64::from(part) * 1000 + u64::from(whole) / 2) / u64::from(whole.max(1));
    format!("{}.{}", tenths / 10, tenths % 10)
}
