//! The symptom checker's rules: symptoms × how long ago the session was → advice.
//!
//! A person picks what they feel and roughly when the session was ([`TimeBand`]); [`check`]
//! answers per symptom with the level after time rules, whether it is common, how long it
//! usually lasts, whether that time is already past, what to do now, links and sources.
//! Red flags are always at least [`Level::Today`] (their data says which), whatever the time.

use super::{push_unique, triage, Lasts, Level, Rule, Source, SymptomTriage, TIME_BAND_LABELS};
use crate::content::{EntryId, Symptom};

/// Roughly how long ago the session was, as the checker asks it. Coarse on purpose: people
/// rarely know the hour, and the sources speak in days and weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimeBand {
    /// Today (day 0).
    Today,
    /// 1 to 3 days ago.
    Days1To3,
    /// 4 to 14 days ago.
    Days4To14,
    /// 15 to 28 days ago (2 to 4 weeks).
    Days15To28,
    /// More than 28 days ago (more than 4 weeks): past the author's 2–4 weeks for nerves.
    Longer,
}

impl TimeBand {
    /// Every band, most recent first.
    pub const ALL: [TimeBand; 5] = [
        TimeBand::Today,
        TimeBand::Days1To3,
        TimeBand::Days4To14,
        TimeBand::Days15To28,
        TimeBand::Longer,
    ];

    /// The URL form: "today", "1-3", "4-14", "15-28", "28-plus".
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            TimeBand::Today => "today",
            TimeBand::Days1To3 => "1-3",
            TimeBand::Days4To14 => "4-14",
            TimeBand::Days15To28 => "15-28",
            TimeBand::Longer => "28-plus",
        }
    }

    /// The band with this URL form, if any (exact match: URLs are written by the app).
    /// "longer", the old name of "more than 2 weeks", still reads, as its first half
    /// (2 to 4 weeks), so an old link never skips a rule.
    #[must_use]
    pub fn from_slug(slug: &str) -> Option<TimeBand> {
        if slug == "longer" {
            return Some(TimeBand::Days15To28);
        }
        Self::ALL.into_iter().find(|b| b.slug() == slug)
    }

    /// The label people read, e.g. "1 to 3 days ago".
    #[must_use]
    pub fn label(self) -> &'static str {
        TIME_BAND_LABELS[self as usize]
    }

    /// The first day after the session the band covers (the session day is day 0).
    #[must_use]
    pub fn first_day(self) -> u16 {
        match self {
            TimeBand::Today => 0,
            TimeBand::Days1To3 => 1,
            TimeBand::Days4To14 => 4,
            TimeBand::Days15To28 => 15,
            TimeBand::Longer => 29,
        }
    }

    /// The last day the band covers; `None` for [`TimeBand::Longer`], which has no end.
    #[must_use]
    pub fn last_day(self) -> Option<u16> {
        match self {
            TimeBand::Today => Some(0),
            TimeBand::Days1To3 => Some(3),
            TimeBand::Days4To14 => Some(14),
            TimeBand::Days15To28 => Some(28),
            TimeBand::Longer => None,
        }
    }
}

/// Whether the time since the session is already past how long a symptom usually lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PastUsual {
    /// Still within the usual time: every day in the band is at or before the usual end.
    No,
    /// Past the usual time: every day in the band is after the usual end.
    Yes,
    /// Cannot say: no source gives a number, or the band spans the usual end.
    Unknown,
}

impl PastUsual {
    /// Compares a band with a usual duration in days.
    #[must_use]
    pub fn of(since: TimeBand, max_days: Option<u16>) -> PastUsual {
        let Some(max) = max_days else {
            return PastUsual::Unknown;
        };
        if since.first_day() > max {
            PastUsual::Yes
        } else if since.last_day().is_some_and(|last| last <= max) {
            PastUsual::No
        } else {
            PastUsual::Unknown
        }
    }
}

/// The checker's answer for one symptom.
#[derive(Debug)]
pub struct Advice {
    /// The symptom.
    pub symptom: Symptom,
    /// How worried to be now: the symptom's level, raised by any time rule that applies;
    /// at least [`Level::Today`] for a red flag.
    pub level: Level,
    /// Whether this is a common reaction that usually passes (before time is considered;
    /// `level` says whether time has changed that).
    pub common: bool,
    /// How long it usually lasts, where a source says.
    pub lasts: Option<&'static Lasts>,
    /// Whether the time since the session is already past the usual time.
    pub past_usual: PastUsual,
    /// What to do now: the symptom's advice, or that of the time rule that raised the level.
    pub do_now: &'static str,
    /// The time rule that applies, if any (the most urgent, first in the data on a tie).
    pub raised_by: Option<&'static Rule>,
    /// The article sections and reader threads tagged with this symptom, in content order.
    pub links: Vec<EntryId>,
    /// The sources of what this advice says, first mention first, each once.
    pub sources: Vec<Source>,
    /// The full triage, for "what helps" and the other signs to watch for.
    pub triage: &'static SymptomTriage,
}

/// Advice for each symptom, in the order given (a repeated symptom is answered once), for a
/// session `since` ago. Every symptom × every band has an answer.
#[must_use]
pub fn check(symptoms: &[Symptom], since: TimeBand) -> Vec<Advice> {
    let mut out: Vec<Advice> = Vec::with_capacity(symptoms.len());
    for &symptom in symptoms {
        if out.iter().all(|a| a.symptom != symptom) {
            out.push(advise(symptom, since));
        }
    }
    out
}

/// The most urgent level among `advice`; `None` when nothing was checked.
#[must_use]
pub fn overall(advice: &[Advice]) -> Option<Level> {
    advice.iter().map(|a| a.level).max()
}

fn advise(symptom: Symptom, since: TimeBand) -> Advice {
    let t = triage(symptom);
    // The most urgent applicable time rule; `max_by_key` would keep the last on a tie, so
    // compare by hand to keep the first, which the data lists as the main one.
    let raised_by =
        t.get_help
            .iter()
            .filter(|r| r.applies(since))
            .fold(None::<&Rule>, |best, r| match best {
                Some(b) if b.level >= r.level => Some(b),
                _ => Some(r),
            });
    let level = raised_by.map_or(t.level, |r| t.level.max(r.level));
    // Red flags never wait: whatever the data or the time, at least a doctor today (the
    // build also refuses a red flag below that).
    let level = if symptom.is_red_flag() {
        level.max(Level::Today)
    } else {
        level
    };
    let lasts = t.lasts.as_ref();

    let mut sources = Vec::new();
    push_unique(&mut sources, t.about.sources);
    if let Some(l) = lasts {
        push_unique(&mut sources, l.sources);
    }
    let do_now = if let Some(Rule {
        do_now: Some(text),
        sources: rule_sources,
        ..
    }) = raised_by
    {
        push_unique(&mut sources, rule_sources);
        *text
    } else {
        push_unique(&mut sources, t.do_now.sources);
        t.do_now.text
    };

    Advice {
        symptom,
        level,
        common: t.is_common(),
        lasts,
        past_usual: PastUsual::of(since, lasts.and_then(|l| l.max_days)),
        do_now,
        raised_by,
        links: t.links().collect(),
        sources,
        triage: t,
    }
}
