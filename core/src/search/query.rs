//! Query parsing and expansion: from what was typed to clauses of weighted alternatives.
//!
//! Parsing caps the query ([`MAX_QUERY_CHARS`] characters, [`MAX_QUERY_WORDS`] words),
//! splits out "quoted phrases" (a lone quote is ignored, so typing the opening quote of a
//! phrase never empties the results) and notes whether the last word is still being typed.
//! Expansion turns each word into a clause whose alternatives are the vocabulary terms it
//! may mean, each with a weight that encodes the ranking tiers: exact, stemmed, prefix (the
//! word being typed), lay synonym, typo.

use std::ops::Range;
use std::sync::Arc;

use super::index::{Index, LayEntry};
use super::normalise::{for_each_word, is_word_char};
use super::{fuzzy, sort, stem, MAX_QUERY_CHARS, MAX_QUERY_WORDS};

/// Weight of an exact match of the word as typed.
pub(super) const EXACT: f32 = 1.0;
/// Weight of another word with the same stem ("twitches" for "twitch").
pub(super) const STEMMED: f32 = 0.7;
/// Weight range of a completion of the word being typed: the more of the word is typed,
/// the closer to [`PREFIX_MAX`].
pub(super) const PREFIX_MIN: f32 = 0.4;
/// See [`PREFIX_MIN`].
pub(super) const PREFIX_MAX: f32 = 0.75;
/// Weight of a guide term reached through the lay-word map.
pub(super) const SYNONYM: f32 = 0.5;
/// Weight of a term one edit from the word typed.
pub(super) const FUZZY_1: f32 = 0.4;
/// Weight of a term two edits from the word typed.
pub(super) const FUZZY_2: f32 = 0.25;
/// Multiplier for clauses of stop words, so "is it normal to" adds little.
pub(super) const STOP: f32 = 0.15;
/// Most completions tried for the word being typed (the most frequent are kept).
const MAX_COMPLETIONS: usize = 32;
/// Most typo corrections tried per word (the closest, then most frequent, are kept).
const MAX_CORRECTIONS: usize = 16;
/// Shortest word being typed that completes lay terms ("tir" → "tired" → fatigue).
const LAY_PREFIX_MIN: usize = 3;

/// Common English words that carry little meaning in a search. Sorted, for binary search.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "but", "by", "can", "cant", "could", "did", "didnt", "do", "does",
    "doesnt", "doing", "dont", "during", "for", "from", "get", "got", "had", "has", "have",
    "having", "he", "her", "him", "his", "how", "i", "if", "im", "in", "into", "is", "isnt", "it",
    "ive", "just", "me", "might", "my", "myself", "of", "off", "on", "or", "our", "out", "over",
    "she", "should", "so", "some", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "to", "too", "up", "very", "was", "wasnt", "we", "were",
    "what", "when", "where", "which", "while", "who", "why", "will", "with", "would", "you",
    "your",
];

/// Whether a typed word may be corrected as a typo: not when it is a word a red-flag synonym
/// is made of. Such a word is taken as meant ("harm" is not "arm", "short" is not "sort"):
/// the red-flag card it may show speaks for it, and the results must not contradict it.
fn may_correct(word: &str) -> bool {
    !crate::triage::red_flags::is_vocabulary(word)
}

/// Words every entry of the guide is about, which tell no entry from another
/// ([`Index::from_content`] uses them; other corpora have none). Sorted.
pub(super) const UNINFORMATIVE: &[&str] = &[
    "acupuncture",
    "acupuncturist",
    "needle",
    "needles",
    "needling",
    "session",
    "sessions",
    "treatment",
    "treatments",
];

/// Whether a normalised word is a stop word.
pub(super) fn is_stop(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// One part of a parsed query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Part {
    /// A word.
    Word(String),
    /// Words in double quotes, matched in order.
    Phrase(Vec<String>),
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Parsed {
    pub parts: Vec<Part>,
    /// Whether characters or words were cut.
    pub truncated: bool,
    /// Whether the last part is a word still being typed (no space or quote after it).
    pub typing: bool,
}

impl Parsed {
    /// All the words, phrases flattened, in order.
    pub fn words(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for part in &self.parts {
            match part {
                Part::Word(w) => out.push(w.as_str()),
                Part::Phrase(ws) => out.extend(ws.iter().map(String::as_str)),
            }
        }
        out
    }
}

/// True for the characters accepted as double quotes (straight, curly, low).
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// Parses a query. Never panics; bounded by the caps.
pub(super) fn parse(query: &str) -> Parsed {
    let cut = query
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(query.len(), |(i, _)| i);
    let text = query.get(..cut).unwrap_or("");
    let mut parsed = Parsed {
        truncated: cut < query.len(),
        ..Parsed::default()
    };
    let quotes = text.chars().filter(|&c| is_quote(c)).count();
    // With an odd number of quotes the last one is unmatched: the text after it is plain.
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut inside = false;
    let mut seen = 0;
    let mut from = 0;
    for (i, c) in text.char_indices() {
        if is_quote(c) {
            seen += 1;
            if inside || seen < quotes || quotes % 2 == 0 {
                pieces.push((text.get(from..i).unwrap_or(""), inside));
                inside = !inside;
                from = i + c.len_utf8();
            }
        }
    }
    pieces.push((text.get(from..).unwrap_or(""), inside));

    let mut count = 0;
    let mut seen: Vec<String> = Vec::new();
    for (piece, quoted) in pieces {
        let mut ws = Vec::new();
        for_each_word(piece, |w, _| ws.push(w.to_owned()));
        if !quoted {
            // A word typed twice is one word: repeating it must not count as matching more.
            ws.retain(|w| {
                let new = !seen.contains(w);
                if new {
                    seen.push(w.clone());
                }
                new
            });
        }
        if count + ws.len() > MAX_QUERY_WORDS {
            ws.truncate(MAX_QUERY_WORDS - count);
            parsed.truncated = true;
        }
        count += ws.len();
        if quoted && ws.len() > 1 {
            parsed.parts.push(Part::Phrase(ws));
        } else {
            parsed.parts.extend(ws.into_iter().map(Part::Word));
        }
    }
    parsed.typing = matches!(parsed.parts.last(), Some(Part::Word(_)))
        && text.chars().next_back().is_some_and(is_word_char);
    parsed
}

/// What an alternative looks for.
#[derive(Clone, Debug)]
pub(super) enum Terms {
    /// One term.
    One(u32),
    /// Terms in this order, adjacent in one field; each position accepts any of its terms.
    /// Shared, so a lay phrase's sequence built with the index is not copied per query.
    Seq(Arc<[Vec<u32>]>),
}

/// How an alternative relates to what was typed; ordered best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    Exact,
    Stemmed,
    Prefix,
    Synonym,
    Fuzzy,
}

/// One thing a clause may match.
#[derive(Clone, Debug)]
pub(super) struct Alt {
    pub terms: Terms,
    pub weight: f32,
    pub kind: Kind,
    /// For a synonym: the lay entry it comes from, and whether the typed word was a typo
    /// of the lay term.
    pub lay: Option<(usize, bool)>,
}

impl Alt {
    /// An alternative that is not a synonym.
    fn new(terms: Terms, weight: f32, kind: Kind) -> Alt {
        Alt {
            terms,
            weight,
            kind,
            lay: None,
        }
    }
}

/// Where a clause comes from, for explaining results.
#[derive(Clone, Debug)]
pub(super) enum Source {
    /// A query word (index into [`Parsed::words`]).
    Word(usize),
    /// A quoted phrase over these word positions.
    Phrase(Range<usize>),
    /// A lay phrase of several words matched over these word positions.
    Lay(Range<usize>),
}

/// A query unit: a document scores the best of its alternatives.
#[derive(Clone, Debug)]
pub(super) struct Clause {
    pub alts: Vec<Alt>,
    /// Bit per word position this clause covers.
    pub positions: u16,
    /// Multiplier (1, or [`STOP`] for a stop word).
    pub factor: f32,
    pub source: Source,
    /// A word that says nothing here ([`UNINFORMATIVE`]) in a query that says more: it
    /// adds to the score of documents the other words found, but finds none itself and does
    /// not count towards "matched every word".
    pub soft: bool,
}

/// The expanded query.
#[derive(Clone, Debug, Default)]
pub(super) struct Plan {
    pub clauses: Vec<Clause>,
    /// The words, phrases flattened.
    pub words: Vec<String>,
    /// Word positions that count towards "matched every word".
    pub counted: u16,
}

/// Bit mask of positions `span`.
fn mask(span: Range<usize>) -> u16 {
    span.fold(0, |m, i| m | (1 << i))
}

impl Index {
    /// Expands a parsed query into clauses.
    pub(super) fn plan(&self, parsed: &Parsed) -> Plan {
        let words: Vec<String> = parsed.words().into_iter().map(str::to_owned).collect();
        // Each word is stemmed once, for its alternatives and for the lay map.
        let stems: Vec<String> = words.iter().map(|w| stem::stem(w).into_owned()).collect();
        let mut plan = Plan::default();
        let all_stop = words.iter().all(|w| is_stop(w));
        let typing_at = parsed.typing.then(|| words.len().saturating_sub(1));
        let mut pos = 0;
        // Runs of plain words between phrases, for lay-phrase matching.
        let mut runs: Vec<Range<usize>> = Vec::new();
        runs.push(0..0);
        for part in &parsed.parts {
            match part {
                Part::Word(w) => {
                    let stop = is_stop(w) && !all_stop;
                    let mut alts = self.word_alts(w, &stems[pos], typing_at == Some(pos));
                    if stop {
                        // A stop word's own postings cover most documents and say little:
                        // only its completions, while it is being typed ("an" → "anxiety"),
                        // are searched. Phrases and lay phrases still use it.
                        alts.retain(|a| a.kind == Kind::Prefix);
                    }
                    plan.clauses.push(Clause {
                        alts,
                        positions: mask(pos..pos + 1),
                        factor: if stop { STOP } else { 1.0 },
                        source: Source::Word(pos),
                        soft: false,
                    });
                    if !stop {
                        plan.counted |= mask(pos..pos + 1);
                    }
                    if let Some(run) = runs.last_mut() {
                        run.end = pos + 1;
                    }
                    pos += 1;
                }
                Part::Phrase(ws) => {
                    let seq: Arc<[Vec<u32>]> = ws.iter().map(|w| self.exact_or_stem(w)).collect();
                    let span = pos..pos + ws.len();
                    plan.clauses.push(Clause {
                        alts: vec![Alt::new(Terms::Seq(seq), EXACT, Kind::Exact)],
                        positions: mask(span.clone()),
                        factor: 1.0,
                        source: Source::Phrase(span.clone()),
                        soft: false,
                    });
                    plan.counted |= mask(span);
                    pos += ws.len();
                    runs.push(pos..pos);
                }
            }
        }
        for run in runs {
            self.add_lay(&words, &stems, run, typing_at, &mut plan);
        }
        plan.words = words;
        self.soften(&mut plan);
        plan
    }

    /// Marks the clauses of uninformative words ("acupuncture", "needle", "session") as soft
    /// when the query has another word that is not a stop word: every entry of an
    /// acupuncture guide says "acupuncture", so "chest pain after acupuncture" must be
    /// answered by "chest" and "pain" alone. A word whose every alternative is such a word
    /// (a typo of one, its completions) is one too. A query of nothing else ("needle")
    /// searches them as usual.
    fn soften(&self, plan: &mut Plan) {
        if self.uninformative.is_empty() {
            return;
        }
        // A typed word is one of the list or shares the stem of one ("acupunctures").
        let is_uninformative = |w: &str| {
            self.uninformative.binary_search(&w).is_ok()
                || self
                    .uninformative_stems
                    .iter()
                    .any(|s| **s == *stem::stem(w))
        };
        let uninformative = |clause: &Clause| {
            let Source::Word(i) = clause.source else {
                return false;
            };
            plan.words.get(i).is_some_and(|w| is_uninformative(w))
                || (!clause.alts.is_empty()
                    && clause.alts.iter().all(|a| match a.terms {
                        Terms::One(t) => self.uninformative_terms.binary_search(&t).is_ok(),
                        Terms::Seq(_) => false,
                    }))
        };
        let soft: Vec<bool> = plan
            .clauses
            .iter()
            .map(|c| c.factor >= 1.0 && uninformative(c))
            .collect();
        let says_more = plan
            .clauses
            .iter()
            .zip(&soft)
            .any(|(c, &s)| c.factor >= 1.0 && !s);
        if !says_more {
            return;
        }
        for (clause, soft) in plan.clauses.iter_mut().zip(soft) {
            if soft {
                clause.soft = true;
                plan.counted &= !clause.positions;
            }
        }
    }

    /// The exact term and the terms sharing its stem.
    pub(super) fn exact_or_stem(&self, word: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = self.stem_group(&stem::stem(word)).to_vec();
        if let Some(id) = self.term_id(word) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// Alternatives for one word: exact, stemmed, completions when typing, typos.
    fn word_alts(&self, word: &str, stem: &str, typing: bool) -> Vec<Alt> {
        let mut alts = Vec::new();
        let exact = self.term_id(word);
        if let Some(id) = exact {
            alts.push(Alt::new(Terms::One(id), EXACT, Kind::Exact));
        }
        for &id in self.stem_group(stem) {
            if Some(id) != exact {
                alts.push(Alt::new(Terms::One(id), STEMMED, Kind::Stemmed));
            }
        }
        let typed = word.chars().count();
        // From the first letter: the likeliest words it starts show answers at once, so the
        // first keystroke already answers (and the next ones narrow it).
        if typing && typed >= 1 {
            let range = self.prefix_range(word);
            let mut completions: Vec<u32> = range
                .filter_map(|i| u32::try_from(i).ok())
                .filter(|&id| Some(id) != exact)
                .collect();
            // Keep the most frequent completions: they are the likeliest words.
            let key = |id: u32| {
                let t = &self.terms[id as usize];
                (std::cmp::Reverse(t.postings.len()), t.chars, id)
            };
            sort::sort_by(&mut completions, &|a, b| key(a) < key(b));
            completions.truncate(MAX_COMPLETIONS);
            for id in completions {
                if alts
                    .iter()
                    .any(|a| matches!(a.terms, Terms::One(t) if t == id))
                {
                    continue;
                }
                let full = self.terms[id as usize].chars.max(1);
                let share = typed as f32 / full as f32;
                alts.push(Alt::new(
                    Terms::One(id),
                    PREFIX_MIN + (PREFIX_MAX - PREFIX_MIN) * share,
                    Kind::Prefix,
                ));
            }
        }
        // Typos only for words that find nothing as typed (nor by stem, nor as a start), and
        // never for a red-flag word: "hives" must not be searched as "gives".
        if alts.is_empty() && may_correct(word) {
            for (id, d) in self.corrections(word) {
                if alts
                    .iter()
                    .any(|a| matches!(a.terms, Terms::One(t) if t == id))
                {
                    continue;
                }
                alts.push(Alt::new(
                    Terms::One(id),
                    if d <= 1 { FUZZY_1 } else { FUZZY_2 },
                    Kind::Fuzzy,
                ));
            }
        }
        alts
    }

    /// Vocabulary terms within the typo budget of `word`: closest first, then most frequent,
    /// then shortest.
    pub(super) fn corrections(&self, word: &str) -> Vec<(u32, u8)> {
        let len = word.chars().count();
        let k = fuzzy::max_edits(len);
        if k == 0 || len > fuzzy::MAX_FUZZY_CHARS {
            return Vec::new();
        }
        let mask = fuzzy::letter_mask(word);
        let mut found = Vec::new();
        let lo = len.saturating_sub(usize::from(k));
        let hi = (len + usize::from(k)).min(fuzzy::MAX_FUZZY_CHARS);
        for bucket in &self.by_len[lo..=hi] {
            for &id in bucket {
                let term = &self.terms[id as usize];
                if !fuzzy::masks_allow(mask, term.mask, k) {
                    continue;
                }
                if let Some(d) = fuzzy::distance_within(word, &term.text, k) {
                    found.push((id, d));
                }
            }
        }
        let key = |i: u32| {
            let (id, d) = found[i as usize];
            let t = &self.terms[id as usize];
            (d, std::cmp::Reverse(t.postings.len()), t.chars, id)
        };
        let mut order = sort::indices(found.len());
        sort::sort_by(&mut order, &|a, b| key(a) < key(b));
        order.truncate(MAX_CORRECTIONS);
        order.iter().map(|&i| found[i as usize]).collect()
    }

    /// Adds the lay entries found in a run of plain words (positions `run` of `words`):
    /// a one-word entry adds its guide terms as alternatives of that word (a document scores
    /// the best of them), a phrase entry adds a clause over its words. `typing_at` is the
    /// position of the word being typed, if any.
    fn add_lay(
        &self,
        words: &[String],
        stems: &[String],
        run: Range<usize>,
        typing_at: Option<usize>,
        plan: &mut Plan,
    ) {
        let mut found: Vec<(u32, usize, LayMatch)> = Vec::new();
        for start in run.clone() {
            let typed = typing_at == Some(start);
            // A red-flag word is never read as a typo of a lay word either.
            let known = self.term_id(&words[start]).is_some() || !may_correct(&words[start]);
            self.lay_candidates(&words[start], &stems[start], typed, known, &mut |e| {
                let Some(entry) = self.lay.get(e as usize) else {
                    return;
                };
                let end = start + entry.words.len();
                if end > run.end || found.iter().any(|f| f.0 == e && f.1 == start) {
                    return;
                }
                let last_typed = typing_at == Some(end - 1);
                if let Some(how) = lay_match(
                    entry,
                    &words[start..end],
                    &stems[start..end],
                    last_typed,
                    known,
                ) {
                    found.push((e, start, how));
                }
            });
        }
        for (e, start, how) in found {
            let entry = &self.lay[e as usize];
            let end = start + entry.words.len();
            let weight = match how {
                LayMatch::Clean => SYNONYM,
                // Below a direct typo correction: two guesses are weaker than one.
                LayMatch::Typo(d) => 0.75 * if d <= 1 { FUZZY_1 } else { FUZZY_2 },
                // A lay word only partly typed counts as much as it is typed, so "spa"
                // leans to "spacey" (a completion) more than to "spasm" (a lay word).
                LayMatch::Started(share) => SYNONYM * share,
            };
            let typo = matches!(how, LayMatch::Typo(_));
            let alts: Vec<Alt> = entry
                .guide
                .iter()
                .map(|(terms, factor)| Alt {
                    terms: terms.clone(),
                    weight: weight * factor,
                    kind: Kind::Synonym,
                    lay: Some((e as usize, typo)),
                })
                .collect();
            let word_clause = plan
                .clauses
                .iter_mut()
                .find(|c| end == start + 1 && matches!(c.source, Source::Word(p) if p == start));
            if let Some(clause) = word_clause {
                clause.alts.extend(alts);
            } else if !alts.is_empty() {
                let span = start..end;
                plan.counted |= mask(span.clone());
                plan.clauses.push(Clause {
                    alts,
                    positions: mask(span.clone()),
                    factor: 1.0,
                    source: Source::Lay(span),
                    soft: false,
                });
            }
        }
    }

    /// Calls `f` with every lay entry that may start with `word`: those whose first word is
    /// `word` or shares its stem, those it starts while being typed, and, for a word not in
    /// the guide (`known` false), every one-word entry it may be a typo of. [`lay_match`]
    /// decides.
    fn lay_candidates(
        &self,
        word: &str,
        stem: &str,
        typed: bool,
        known: bool,
        f: &mut dyn FnMut(u32),
    ) {
        let keys = &self.lay_keys;
        for key in [word, stem] {
            let from = keys.partition_point(|(k, _)| **k < *key);
            for (_, e) in keys[from..].iter().take_while(|(k, _)| **k == *key) {
                f(*e);
            }
        }
        if typed && word.chars().count() >= LAY_PREFIX_MIN {
            let from = keys.partition_point(|(k, _)| **k < *word);
            for (_, e) in keys[from..].iter().take_while(|(k, _)| k.starts_with(word)) {
                f(*e);
            }
        }
        if !known {
            for (e, entry) in self.lay.iter().enumerate() {
                if entry.words.len() == 1 {
                    f(u32::try_from(e).unwrap_or(u32::MAX));
                }
            }
        }
    }
}

/// Whether `words` match a lay entry: each word equal to or sharing the stem of the
/// entry's word; the last may be the start of it while typed; a single word that is not
/// in the guide (`known` false) may also be a typo of it.
fn lay_match(
    entry: &LayEntry,
    words: &[String],
    stems: &[String],
    last_typed: bool,
    known: bool,
) -> Option<LayMatch> {
    let n = words.len();
    let same = |i: usize| words[i] == entry.words[i] || stems[i] == entry.stems[i];
    if (0..n).all(same) {
        return Some(LayMatch::Clean);
    }
    let (w, lw) = (&words[n - 1], &entry.words[n - 1]);
    let typed = w.chars().count();
    if last_typed && typed >= LAY_PREFIX_MIN && lw.starts_with(w.as_str()) && (0..n - 1).all(same) {
        return Some(LayMatch::Started(
            typed as f32 / lw.chars().count().max(1) as f32,
        ));
    }
    // One misspelt word that is not a word of the guide: "lightheded".
    if n == 1 && !known {
        let k = fuzzy::max_edits(typed);
        let len = entry.words[0].chars().count();
        if k > 0
            && len.abs_diff(typed) <= usize::from(k)
            && fuzzy::masks_allow(fuzzy::letter_mask(w), entry.mask, k)
        {
            if let Some(d) = fuzzy::distance_within(w, lw, k) {
                return Some(LayMatch::Typo(d));
            }
        }
    }
    None
}

/// How a run of query words matched a lay entry.
enum LayMatch {
    /// As written or by stem.
    Clean,
    /// The one word typed is a typo of the lay term, this many edits away.
    Typo(u8),
    /// The last word typed is the start of the lay term's, this share of it.
    Started(f32),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(query: &str, parts: &[&str], truncated: bool, typing: bool) {
        let parsed = parse(query);
        let shown: Vec<String> = parsed
            .parts
            .iter()
            .map(|p| match p {
                Part::Word(w) => w.clone(),
                Part::Phrase(ws) => format!("\"{}\"", ws.join(" ")),
            })
            .collect();
        assert_eq!(shown, parts, "parts of {query:?}");
        assert_eq!(parsed.truncated, truncated, "truncated for {query:?}");
        assert_eq!(parsed.typing, typing, "typing for {query:?}");
    }

    #[test]
    fn parsing() {
        check("", &[], false, false);
        check("fatigue", &["fatigue"], false, true);
        check("fatigue ", &["fatigue"], false, false);
        check(
            "Pins and “needles",
            &["pins", "and", "needles"],
            false,
            true,
        );
        check(
            "\"pins and needles\"",
            &["\"pins and needles\""],
            false,
            false,
        );
        check(
            "\"pins and needles\" arm",
            &["\"pins and needles\"", "arm"],
            false,
            true,
        );
        check("\"tired\" days", &["tired", "days"], false, true);
        check("\"", &[], false, false);
        check("a\"b\"c\"d", &["a", "b", "c", "d"], false, true);
        check("🙂🙂", &[], false, false);
        check("needle?", &["needle"], false, false);
        check("pain pain Pain", &["pain"], false, true);
        let many = (0..20)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let parsed = parse(&many);
        assert!(parsed.truncated);
        assert_eq!(parsed.words().len(), MAX_QUERY_WORDS);
        let long = "x".repeat(10_000);
        let parsed = parse(&long);
        assert!(parsed.truncated);
        assert_eq!(parsed.words().len(), 1);
    }

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(UNINFORMATIVE.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop("the") && is_stop("dont") && !is_stop("fatigue"));
    }
}
