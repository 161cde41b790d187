//! Scoring and ranking: runs a plan against the index, orders documents (every word matched
//! first, then more words matched, then score), and explains the top hits: which words of
//! each matched, what to highlight, and which corrections and synonyms were used.

use std::collections::HashMap;
use std::ops::Range;

use super::index::Index;
use super::query::{self, Alt, Kind, Part, Plan, Source, Terms};
use super::{snippet, Field, Hit, Interpretation, SearchResults};

/// Most documents whose phrase candidates are checked word by word per alternative; beyond
/// this the best-scoring candidates are checked and the rest dropped, to bound time.
const MAX_PHRASE_CHECKS: usize = 256;
/// Target snippet length in characters.
const SNIPPET_CHARS: usize = 160;

/// What the top hit says about how the query was understood.
#[derive(Default)]
struct Explained {
    interpretation: Interpretation,
    /// Word position → the correction shown in its place.
    corrected_at: HashMap<usize, String>,
    /// Word positions → the guide's term shown in their place.
    synonym_spans: Vec<(Range<usize>, &'static str)>,
}

/// A document's running totals.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    doc: u32,
    score: f32,
    covered: u32,
    all: bool,
}

impl Index {
    /// Searches for `query` and returns at most `limit` hits, best first.
    ///
    /// Any input is safe: the query is capped at [`super::MAX_QUERY_CHARS`] characters and
    /// [`super::MAX_QUERY_WORDS`] words (see [`SearchResults::truncated`]), and every loop is
    /// bounded by the size of the index.
    #[must_use]
    pub fn search(&self, query: &str, limit: usize) -> SearchResults {
        let parsed = query::parse(query);
        let plan = self.plan(&parsed);
        let n = self.docs.len();
        let mut score = vec![0f32; n];
        let mut cover = vec![0u16; n];
        let mut best = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut clause_docs: Vec<u32> = Vec::new();
        for clause in &plan.clauses {
            clause_docs.clear();
            for alt in &clause.alts {
                self.score_alt(alt, &mut best, &mut clause_docs);
            }
            for &d in &clause_docs {
                let i = d as usize;
                if score[i] == 0.0 && cover[i] == 0 {
                    touched.push(d);
                }
                score[i] += best[i] * clause.factor;
                cover[i] |= clause.positions;
                best[i] = 0.0;
            }
        }

        // Words that match nothing anywhere cannot tell documents apart: leave them out of
        // "matched every word".
        let matched_anywhere = touched.iter().fold(0u16, |m, &d| m | cover[d as usize]);
        let counted = plan.counted & matched_anywhere;
        let needed = counted.count_ones();
        let mut candidates: Vec<Candidate> = touched
            .iter()
            .map(|&d| {
                let covered = (cover[d as usize] & counted).count_ones();
                Candidate {
                    doc: d,
                    score: score[d as usize],
                    covered,
                    all: covered == needed,
                }
            })
            .collect();
        let order = |a: &Candidate, b: &Candidate| {
            b.all
                .cmp(&a.all)
                .then(b.covered.cmp(&a.covered))
                .then(b.score.total_cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        };
        let total = candidates.len();
        if limit < candidates.len() && limit > 0 {
            candidates.select_nth_unstable_by(limit - 1, order);
        }
        candidates.truncate(limit);
        candidates.sort_unstable_by(order);

        // "Showing results for …" describes how the top hit was found: later hits may
        // have matched in other ways, but the line speaks for the results as a whole.
        let mut explained = Explained::default();
        let hits = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| self.hit(c, &plan, (i == 0).then_some(&mut explained)))
            .collect();
        let mut interpretation = explained.interpretation;
        interpretation.shown = shown_query(
            &parsed.parts,
            &explained.corrected_at,
            &explained.synonym_spans,
        );
        SearchResults {
            hits,
            total,
            interpretation,
            truncated: parsed.truncated,
        }
    }

    /// Adds one alternative's scores into the clause's best-per-document scratch.
    fn score_alt(&self, alt: &Alt, best: &mut [f32], docs: &mut Vec<u32>) {
        let mut put = |d: u32, v: f32| {
            let b = &mut best[d as usize];
            if *b == 0.0 {
                docs.push(d);
            }
            if v > *b {
                *b = v;
            }
        };
        match &alt.terms {
            Terms::One(t) => {
                for p in self.postings_of(*t) {
                    put(p.doc, alt.weight * p.weight);
                }
            }
            Terms::Seq(seq) => {
                for (d, v) in self.phrase_docs(seq) {
                    put(d, alt.weight * v);
                }
            }
        }
    }

    /// Documents containing the sequence `seq` (adjacent, in order, in one field), each with
    /// the sum of its positions' best scores.
    fn phrase_docs(&self, seq: &[Vec<u32>]) -> Vec<(u32, f32)> {
        let Some(first) = seq.first() else {
            return Vec::new();
        };
        // Start from the rarest position's documents and intersect.
        let mut found: HashMap<u32, (usize, f32)> = HashMap::new();
        for &t in first {
            for p in self.postings_of(t) {
                let e = found.entry(p.doc).or_insert((1, 0.0));
                e.1 = e.1.max(p.weight);
            }
        }
        for (i, ids) in seq.iter().enumerate().skip(1) {
            let mut step: HashMap<u32, f32> = HashMap::new();
            for &t in ids {
                for p in self.postings_of(t) {
                    if found.get(&p.doc).is_some_and(|e| e.0 == i) {
                        let s = step.entry(p.doc).or_insert(0.0);
                        *s = s.max(p.weight);
                    }
                }
            }
            for (d, w) in step {
                if let Some(e) = found.get_mut(&d) {
                    e.0 += 1;
                    e.1 += w;
                }
            }
        }
        let mut docs: Vec<(u32, f32)> = found
            .into_iter()
            .filter(|(_, (k, _))| *k == seq.len())
            .map(|(d, (_, w))| (d, w))
            .collect();
        if docs.len() > MAX_PHRASE_CHECKS {
            docs.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            docs.truncate(MAX_PHRASE_CHECKS);
        }
        docs.retain(|&(d, _)| self.has_sequence(d, seq));
        docs
    }

    /// Whether document `doc` has the sequence in one field.
    fn has_sequence(&self, doc: u32, seq: &[Vec<u32>]) -> bool {
        let Some(stored) = self.docs.get(doc as usize) else {
            return false;
        };
        stored.fields.iter().any(|(_, text)| {
            let ids: Vec<u32> = self.tokens(text).into_iter().map(|t| t.0).collect();
            ids.windows(seq.len())
                .any(|w| w.iter().zip(seq).all(|(id, set)| set.contains(id)))
        })
    }

    /// Whether the alternative matches document `doc`.
    fn alt_matches(&self, alt: &Alt, doc: u32) -> bool {
        match &alt.terms {
            Terms::One(t) => self.weight_in(*t, doc).is_some(),
            Terms::Seq(seq) => {
                seq.iter()
                    .all(|ids| ids.iter().any(|&t| self.weight_in(t, doc).is_some()))
                    && self.has_sequence(doc, seq)
            }
        }
    }

    /// Explains one ranked document: what to highlight, and, when `explain` is given,
    /// the corrections and synonyms that found it.
    fn hit(&self, c: &Candidate, plan: &Plan, explain: Option<&mut Explained>) -> Hit {
        let mut marked: Vec<u32> = Vec::new();
        let mut sequences: Vec<&[Vec<u32>]> = Vec::new();
        // The best kind of match per word position in this document.
        let mut kind_at: HashMap<usize, Kind> = HashMap::new();
        // Synonyms that were the best match of their words: (span, lay entry, by typo).
        let mut lay_used: Vec<(Range<usize>, usize, bool)> = Vec::new();
        let mut fuzzy_used: Vec<(usize, u32)> = Vec::new();
        for clause in &plan.clauses {
            let mut best: Option<&Alt> = None;
            for alt in &clause.alts {
                if !self.alt_matches(alt, c.doc) {
                    continue;
                }
                // Stop words are not highlighted unless they are part of a phrase.
                match &alt.terms {
                    Terms::One(t) if clause.factor >= 1.0 => marked.push(*t),
                    Terms::One(_) => {}
                    Terms::Seq(seq) => sequences.push(seq),
                }
                if best.is_none_or(|b| alt.weight > b.weight) {
                    best = Some(alt);
                }
            }
            let Some(best) = best else { continue };
            let span = match &clause.source {
                Source::Word(i) => *i..*i + 1,
                Source::Phrase(span) | Source::Lay(span) => span.clone(),
            };
            if let Some((entry, typo)) = best.lay {
                lay_used.push((span.clone(), entry, typo));
            }
            if let Source::Word(i) = clause.source {
                kind_at.insert(i, best.kind);
                if let (Kind::Fuzzy, Terms::One(t)) = (best.kind, &best.terms) {
                    fuzzy_used.push((i, *t));
                }
            } else if let Source::Phrase(_) = clause.source {
                for i in span {
                    kind_at.insert(i, Kind::Exact);
                }
            }
        }
        if let Some(explained) = explain {
            self.explain(plan, &kind_at, &fuzzy_used, &lay_used, explained);
        }
        marked.sort_unstable();
        marked.dedup();
        self.render_hit(c, &marked, &sequences)
    }

    /// Records the corrections and synonyms that found a hit.
    fn explain(
        &self,
        plan: &Plan,
        kind_at: &HashMap<usize, Kind>,
        fuzzy_used: &[(usize, u32)],
        lay_used: &[(Range<usize>, usize, bool)],
        out: &mut Explained,
    ) {
        for &(i, t) in fuzzy_used {
            if let (Some(w), Some(term)) = (plan.words.get(i), self.terms.get(t as usize)) {
                out.corrected_at.insert(i, term.text.to_string());
                out.interpretation
                    .corrected
                    .push((w.clone(), term.text.to_string()));
            }
        }
        for (span, entry, typo) in lay_used {
            // A synonym explains the hit only where the words typed did not match in it.
            let own = span.clone().any(|i| {
                plan.counted & (1 << i) != 0 && kind_at.get(&i).is_some_and(|k| *k <= Kind::Prefix)
            });
            let Some(lay) = self.lay.get(*entry) else {
                continue;
            };
            if own || out.synonym_spans.iter().any(|(s, _)| s == span) {
                continue;
            }
            let typed = plan.words[span.clone()].join(" ");
            if *typo && !out.corrected_at.contains_key(&span.start) {
                let to = lay.words.join(" ");
                out.corrected_at.insert(span.start, to.clone());
                out.interpretation.corrected.push((typed.clone(), to));
            }
            out.synonym_spans.push((span.clone(), lay.shown));
            out.interpretation
                .synonyms
                .push((typed, lay.shown.to_owned()));
        }
    }

    /// Builds the hit's title and snippet with the marked terms highlighted.
    fn render_hit(&self, c: &Candidate, marked: &[u32], sequences: &[&[Vec<u32>]]) -> Hit {
        let doc = &self.docs[c.doc as usize];
        let marks_in = |text: &str| -> snippet::Marks {
            let tokens = self.tokens(text);
            let mut keep = vec![false; tokens.len()];
            for (i, (t, _)) in tokens.iter().enumerate() {
                keep[i] = marked.binary_search(t).is_ok();
            }
            // Phrases are highlighted only where their words stand together.
            for seq in sequences {
                for start in 0..(tokens.len() + 1).saturating_sub(seq.len()) {
                    let here = tokens[start..start + seq.len()]
                        .iter()
                        .zip(seq.iter())
                        .all(|((t, _), set)| set.contains(t));
                    if here {
                        keep[start..start + seq.len()].fill(true);
                    }
                }
            }
            tokens
                .into_iter()
                .zip(keep)
                .filter_map(|(t, k)| k.then_some(t))
                .collect()
        };
        let title = doc
            .fields
            .iter()
            .find(|(f, _)| *f == Field::Title)
            .map(|(_, t)| snippet::highlight_all(t, &marks_in(t)))
            .unwrap_or_default();
        let mut best: Option<(snippet::Window, &str, snippet::Marks)> = None;
        for (field, text) in &doc.fields {
            if !field.is_prose() {
                continue;
            }
            let marks = marks_in(text);
            let window = snippet::best_window(text, &marks, SNIPPET_CHARS);
            if best.as_ref().is_none_or(|b| window.better_than(&b.0)) {
                best = Some((window, text, marks));
            }
        }
        let snippet = best.map_or_else(Vec::new, |(w, text, marks)| {
            snippet::render(text, &marks, &w, SNIPPET_CHARS)
        });
        Hit {
            id: doc.id,
            score: c.score,
            all_words: c.all,
            title,
            snippet,
            matched_terms: {
                let mut all: Vec<u32> = marked.to_vec();
                all.extend(
                    sequences
                        .iter()
                        .flat_map(|s| s.iter().flatten())
                        .filter(|&&t| self.weight_in(t, c.doc).is_some()),
                );
                all.sort_unstable();
                all.dedup();
                all.iter()
                    .filter_map(|&t| self.terms.get(t as usize))
                    .map(|t| t.text.to_string())
                    .collect()
            },
        }
    }
}

/// The query as searched: corrections and synonyms in place of what was typed.
fn shown_query(
    parts: &[Part],
    corrected_at: &HashMap<usize, String>,
    synonym_spans: &[(Range<usize>, &'static str)],
) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut pos = 0;
    for part in parts {
        match part {
            Part::Word(w) => {
                // A typo shows its correction; an everyday word shows the guide's word.
                if let Some(c) = corrected_at.get(&pos) {
                    out.push(c.clone());
                } else if let Some((span, shown)) =
                    synonym_spans.iter().find(|(s, _)| s.contains(&pos))
                {
                    if span.start == pos {
                        out.push((*shown).to_owned());
                    }
                } else {
                    out.push(w.clone());
                }
                pos += 1;
            }
            Part::Phrase(ws) => {
                out.push(format!("\"{}\"", ws.join(" ")));
                pos += ws.len();
            }
        }
    }
    out.join(" ")
}
