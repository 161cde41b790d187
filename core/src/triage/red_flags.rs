//! Red flags: the signs that mean "get help", and the words that name them. Checked before
//! anything is ranked: a query, a checker answer or a journal entry that names one shows its
//! care card, with the numbers to call, above everything else.
//!
//! The flags, the regions and their numbers live in `content/red-flags.toml`;
//! `core/build/redflag_gen.rs` validates them (every flag has a level of at least "today",
//! a route, signs, actions, sources and synonyms) and compiles them in below.
//!
//! Matching ([`matching`]) is deliberately simple and errs towards showing a card: a flag
//! matches when every word of one of its synonyms appears in the text, in any order. A word
//! matches as typed, by stem ("coughing" = "cough"), or, for a typed word of 5 letters or
//! more that is not itself a red-flag word or a listed everyday word, within one typo (two
//! from 8 letters). Negation is not understood ("no chest pain" shows the chest card): a
//! card too many is a nuisance, a card too few can cost a life.

use super::{Claim, Level, PublicSource, Source};
use crate::content::Symptom;
use crate::search::{fuzzy, stem, words};

/// Who to contact for a flag; each region lists its numbers for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CareRoute {
    /// The emergency number (911, 999, 112).
    Emergency,
    /// A crisis line (988, Samaritans 116 123, NHS 111), and the emergency number in danger.
    Crisis,
    /// A doctor today (urgent care or your doctor's office; a GP or NHS 111).
    SameDay,
}

/// A number to call (or text), as a region lists it.
#[derive(Debug)]
pub struct Contact {
    /// Digits only, for a `tel:` link: "116123".
    pub number: &'static str,
    /// The number as people read it: "116 123".
    pub label: &'static str,
    /// What it is: "Samaritans: free, 24/7 (UK and Ireland)".
    pub what: &'static str,
    /// Whether it also takes text messages (an `sms:` link is offered too).
    pub text: bool,
}

/// Where a person is, for which numbers come first.
#[derive(Debug)]
pub struct Region {
    /// Stable key, stored when a person picks their region: "us", "uk", "other".
    pub slug: &'static str,
    /// The name people pick: "United States".
    pub name: &'static str,
    /// Region parts of language tags that suggest this region ("us" for "en-US").
    pub languages: &'static [&'static str],
    /// The emergency number(s).
    pub emergency: &'static [Contact],
    /// Crisis lines (may be empty: then the emergency number is the route).
    pub crisis: &'static [Contact],
    /// Where to get a doctor today, in words.
    pub same_day_text: &'static str,
    /// Numbers for a doctor today (may be empty).
    pub same_day: &'static [Contact],
}

impl Region {
    /// Every region, in the order shown when none is chosen.
    #[must_use]
    pub fn all() -> &'static [Region] {
        &REGIONS
    }

    /// The region with this slug, if any.
    #[must_use]
    pub fn from_slug(slug: &str) -> Option<&'static Region> {
        REGIONS.iter().find(|r| r.slug == slug)
    }

    /// A guess from the browser's languages (`navigator.languages`, e.g. "en-GB"): the first
    /// tag whose region part a region lists. `None` when nothing fits: then all are shown.
    #[must_use]
    pub fn guess<'a>(languages: impl IntoIterator<Item = &'a str>) -> Option<&'static Region> {
        languages.into_iter().find_map(|tag| {
            let part = tag.split(['-', '_']).nth(1)?.to_ascii_lowercase();
            REGIONS
                .iter()
                .find(|r| r.languages.contains(&part.as_str()))
        })
    }

    /// The numbers this region lists for a route.
    #[must_use]
    pub fn contacts(&self, route: CareRoute) -> &'static [Contact] {
        match route {
            CareRoute::Emergency => self.emergency,
            CareRoute::Crisis => self.crisis,
            CareRoute::SameDay => self.same_day,
        }
    }
}

/// Where the numbers of a route come from.
#[must_use]
pub fn number_sources(route: CareRoute) -> &'static [Source] {
    NUMBER_SOURCES[route as usize]
}

/// One red flag and its care card.
#[derive(Debug)]
pub struct RedFlag {
    /// Stable key: "chest", "self-harm".
    pub slug: &'static str,
    /// What it is, in a few words: "Chest pain or breathlessness".
    pub title: &'static str,
    /// [`Level::Today`] or [`Level::Emergency`].
    pub level: Level,
    /// Who to contact.
    pub route: CareRoute,
    /// The one instruction the card opens with.
    pub heading: &'static str,
    /// Taxonomy symptoms that always show this card.
    pub symptoms: &'static [Symptom],
    /// What the person may notice.
    pub signs: &'static [Claim],
    /// What to do, in order.
    pub actions: &'static [Claim],
    /// One more line, if any.
    pub note: Option<Claim>,
    /// How people type it: synonyms separated by `|`, their words by spaces; every word of
    /// one synonym must appear. (One string costs the WebAssembly far less than tables.)
    pub synonyms: &'static str,
}

impl RedFlag {
    /// Every flag, most urgent first (the data's order).
    #[must_use]
    pub fn all() -> &'static [RedFlag] {
        &FLAGS
    }

    /// The flag with this slug, if any.
    #[must_use]
    pub fn from_slug(slug: &str) -> Option<&'static RedFlag> {
        FLAGS.iter().find(|f| f.slug == slug)
    }

    /// Every source the card cites, first mention first, each once.
    #[must_use]
    pub fn sources(&self) -> Vec<Source> {
        let mut all = Vec::new();
        let lists = self
            .signs
            .iter()
            .chain(self.actions)
            .chain(self.note.as_ref())
            .map(|c| c.sources);
        for list in lists {
            super::push_unique(&mut all, list);
        }
        all
    }
}

include!(concat!(env!("OUT_DIR"), "/red_flags_data.rs"));

/// Longest text the matcher reads, in characters (a journal note is shorter).
const MAX_CHARS: usize = 4000;

/// Whether `word` (normalised) is one of the words the red-flag synonyms are made of. The
/// search never "corrects" such a word into another ("hives" stays "hives").
#[must_use]
pub fn is_vocabulary(word: &str) -> bool {
    vocabulary().contains(&word)
}

/// Every word the synonyms are made of, each once, in the data's order: made once from the
/// flags (a separate word list would cost the WebAssembly as much again).
fn vocabulary() -> &'static [&'static str] {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<&'static str> = Vec::new();
        for flag in &FLAGS {
            for word in flag.synonyms.split(['|', ' ']) {
                if !words.contains(&word) {
                    words.push(word);
                }
            }
        }
        words
    })
}

/// Whether `word` is a listed everyday word.
fn is_everyday(word: &str) -> bool {
    EVERYDAY.split(' ').any(|w| w == word)
}

/// Everyday words one typo away from a red-flag word, which must never be read as it
/// ("fewer" is not "fever", "injection" is not "infection", "sitting" is not "fitting").
/// Sorted and separated by spaces: one string costs the WebAssembly far less than a table of
/// strings. `core/tests/red_flags.rs` checks the guide's own words against the flags, so a
/// new near miss fails a test rather than a patient.
const EVERYDAY: &str = concat!(
    "affected allowing analysed analysis analyzed around backed baking batch beast belts ",
    "bending blocked blond blurred blurring boozing bottled bound breach breadth breaking ",
    "breast cheat chess chose confusing conscious conversion couch counting creating crest ",
    "dangling dives dozing dwelling eight fainting fewer fight filling fitted fiver fives ",
    "flood found gaping gives grasping heard hides hikes hired hires hitting infested ",
    "injected injection injections inserted insertion lacked latch laughing lending lever ",
    "light lives lunge making match melts mending might mouth needless never night overdoes ",
    "overdone paint painted pasted patch paused pending point pound putting quest rasping ",
    "responsive right rough sceptic selling sending serve seven sever severed shallow shirt ",
    "shore sight sitting skeptic smelling sneezing soreness sound speaking spelling spending ",
    "spinning sport steak steaks stinging stream streams subside sweating taking tease ",
    "tending tinkling touching tough treating walking watch weaker weekly welds wells ",
    "willing wives wound",
);

/// How many typos a typed word may carry towards a red-flag word: none below 5 letters,
/// 1 up to 7, 2 from 8. Stricter than the search's budget: a card must not fire on a word
/// that merely looks alike.
fn typo_budget(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// A typed word, prepared once: its stem, and how far it may be from a flag word.
struct Typed {
    word: String,
    stem: String,
    /// Its length in characters (flag words are plain ASCII: bytes are characters).
    chars: usize,
    mask: u32,
    budget: u8,
}

impl Typed {
    fn new(word: String) -> Typed {
        let budget =
            if is_vocabulary(&word) || is_everyday(&word) || crate::search::is_stop_word(&word) {
                0
            } else {
                typo_budget(&word)
            };
        Typed {
            stem: stem::stem(&word).into_owned(),
            mask: fuzzy::letter_mask(&word),
            chars: word.chars().count(),
            word,
            budget,
        }
    }

    /// Whether this typed word stands for the flag word `term`, whose stem and letter set
    /// are `term_stem` and `term_mask`.
    fn matches(&self, term: &str, term_stem: &str, term_mask: u32) -> bool {
        if self.word == term || self.stem == term_stem {
            return true;
        }
        self.budget > 0
            && term.len() >= 5
            && self.chars.abs_diff(term.len()) <= usize::from(self.budget)
            && fuzzy::masks_allow(self.mask, term_mask, self.budget)
            && fuzzy::distance_within(&self.word, term, self.budget).is_some()
    }
}

/// The stem and letter set of every [`VOCABULARY`] word, in the same order, made once: the
/// matcher compares every typed word with every flag word, and re-stemming the flag words
/// each time cost a journal of 2,000 entries seconds.
fn vocabulary_keys() -> &'static [(String, u32)] {
    static KEYS: std::sync::OnceLock<Vec<(String, u32)>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        vocabulary()
            .iter()
            .map(|w| (stem::stem(w).into_owned(), fuzzy::letter_mask(w)))
            .collect()
    })
}

/// The words that a typed `word` would be read as by typo: none for a red-flag word, an
/// everyday word or a short word. For tests that keep near misses out ("fewer" must not read
/// as "fever").
#[must_use]
pub fn typo_targets(word: &str) -> Vec<&'static str> {
    let typed = Typed::new(word.to_owned());
    vocabulary()
        .iter()
        .zip(vocabulary_keys())
        .filter(|(term, (st, mask))| {
            typed.word != **term && typed.stem != *st && typed.matches(term, st, *mask)
        })
        .map(|(term, _)| *term)
        .collect()
}

/// The flags that `text` names, most urgent first (data order), each once. Empty for text
/// that names none. Never panics; reads at most the first 4,000 characters.
#[must_use]
pub fn matching(text: &str) -> Vec<&'static RedFlag> {
    let cut = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let words = words(text.get(..cut).unwrap_or(""));
    if words.is_empty() {
        return Vec::new();
    }
    // Each distinct word once: notes repeat words. (No sort: sorting code would double the
    // matcher's share of the reader bundle, and a note has at most a few hundred words.)
    let mut typed: Vec<Typed> = Vec::new();
    for word in words {
        if !typed.iter().any(|t| t.word == word) {
            typed.push(Typed::new(word));
        }
    }
    // Which flag words the text holds, found once; then each synonym is a lookup per word.
    // Exact words and stems compared directly; only words that may carry a typo are
    // compared letter by letter, after cheap length and letter-set filters.
    let vocabulary = vocabulary();
    let found: Vec<bool> = vocabulary
        .iter()
        .zip(vocabulary_keys())
        .map(|(term, (st, mask))| {
            typed
                .iter()
                .any(|t| t.word == *term || t.stem == *st || t.matches(term, st, *mask))
        })
        .collect();
    flags_where(|term| {
        vocabulary
            .iter()
            .position(|w| *w == term)
            .is_some_and(|i| found.get(i).copied().unwrap_or(false))
    })
}

/// The flags, in data order, with a synonym whose every word `holds`.
fn flags_where(holds: impl Fn(&str) -> bool) -> Vec<&'static RedFlag> {
    FLAGS
        .iter()
        .filter(|flag| {
            flag.synonyms
                .split('|')
                .any(|synonym| synonym.split(' ').all(&holds))
        })
        .collect()
}

/// The quick check for the reader bundle, before the whole app has loaded: the same flags
/// and synonyms, but words are compared as typed or with a plain ending dropped
/// ("coughing" = "cough", "lips" = "lip"), with no stemming and no typos. It finds a subset
/// of what [`matching`] finds (tested over the whole query table), at a fraction of the
/// WebAssembly: the reader must stay small, and the whole app, which loads as soon as
/// someone starts typing, then shows what the full matcher finds.
#[must_use]
pub fn matching_plain(text: &str) -> Vec<&'static RedFlag> {
    let cut = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let lower = text
        .get(..cut)
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(['\'', '’'], "");
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    flags_where(|term| {
        let term_base = plain_base(term);
        words
            .iter()
            .any(|w| *w == term || plain_base(w) == term_base)
    })
}

/// A word without one plain ending ("ing", "ed", "es", "s"), when at least three letters
/// remain.
fn plain_base(word: &str) -> &str {
    for ending in ["ing", "ed", "es", "s"] {
        if let Some(base) = word.strip_suffix(ending) {
            if base.len() >= 3 {
                return base;
            }
        }
    }
    word
}

/// The flags that a set of taxonomy symptoms always shows (a chosen chip, a journal entry,
/// a checker answer), most urgent first, each once.
#[must_use]
pub fn for_symptoms(symptoms: &[Symptom]) -> Vec<&'static RedFlag> {
    FLAGS
        .iter()
        .filter(|f| f.symptoms.iter().any(|s| symptoms.contains(s)))
        .collect()
}

/// The flags of both, most urgent first, each once: what a journal entry or checker answer
/// with these symptoms and this text names.
#[must_use]
pub fn named_by(symptoms: &[Symptom], text: &str) -> Vec<&'static RedFlag> {
    let by_text = matching(text);
    FLAGS
        .iter()
        .filter(|f| {
            f.symptoms.iter().any(|s| symptoms.contains(s))
                || by_text.iter().any(|m| m.slug == f.slug)
        })
        .collect()
}

/// Whether two lists name the same flags in the same order (a page redraws its cards only
/// when they differ).
#[must_use]
pub fn same(a: &[&RedFlag], b: &[&RedFlag]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.slug == y.slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_compares_the_flags_named_in_order() {
        let chest = named_by(&[], "chest pain");
        let both = named_by(&[], "chest pain and suicidal");
        assert!(same(&chest, &named_by(&[], "short of breath")));
        assert!(!same(&chest, &both));
        assert!(!same(
            &both,
            &both.iter().rev().copied().collect::<Vec<_>>()
        ));
        assert!(same(&[], &[]));
    }

    #[test]
    fn flags_are_most_urgent_first() {
        // `all`, `matching`, `for_symptoms` and `named_by` promise that order by keeping
        // the data's, without sorting: the data must hold it.
        let flags = RedFlag::all();
        assert!(
            flags.windows(2).all(|w| w[0].level >= w[1].level),
            "content/red-flags.toml lists its flags most urgent first"
        );
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        let everyday: Vec<&str> = EVERYDAY.split(' ').collect();
        assert!(everyday.windows(2).all(|w| w[0] < w[1]), "EVERYDAY");
        assert!(everyday.iter().all(|w| !w.is_empty()), "EVERYDAY spacing");
        let vocabulary = vocabulary();
        assert!(
            vocabulary
                .iter()
                .enumerate()
                .all(|(i, w)| !vocabulary[..i].contains(w)),
            "vocabulary words are unique"
        );
        // Every synonym's words are vocabulary words, so the lookup finds each.
        for flag in RedFlag::all() {
            for word in flag.synonyms.split(['|', ' ']) {
                assert!(is_vocabulary(word), "{}: {word:?}", flag.slug);
            }
        }
    }
}
