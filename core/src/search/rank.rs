//! Scoring and ranking: runs a plan against the index, orders documents (every word matched
//! first, then more words matched, then score), and explains the top hits: which words of
//! each matched, what to highlight, and which corrections and synonyms were used.

use std::collections::HashMap;
use std::ops::Range;

use super::index::{Index, Posting};
use super::query::{self, Alt, Kind, Part, Plan, Source, Terms};
use super::{normalise, snippet, Field, Hit, Interpretation, SearchResults};

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
        // Candidates come from the position with the fewest postings.
        let Some(anchor) = seq.iter().min_by_key(|ids| {
            ids.iter()
                .map(|&t| self.postings_of(t).len())
                .sum::<usize>()
        }) else {
            return Vec::new();
        };
        let mut docs: Vec<u32> = anchor
            .iter()
            .flat_map(|&t| self.postings_of(t).iter().map(|p| p.doc))
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let mut buf = Vec::new();
        docs.into_iter()
            .filter_map(|d| self.seq_score(d, seq, &mut buf).map(|v| (d, v)))
            .collect()
    }

    /// The score of `seq` in document `doc` (the sum of its positions' best scores) when its
    /// words stand together in order there. `buf` is scratch space.
    fn seq_score(
        &self,
        doc: u32,
        seq: &[Vec<u32>],
        buf: &mut Vec<(usize, Posting)>,
    ) -> Option<f32> {
        buf.clear();
        let mut total = 0.0;
        for (k, ids) in seq.iter().enumerate() {
            let before = buf.len();
            let mut best = 0f32;
            for &t in ids {
                if let Some(p) = self.posting_in(t, doc) {
                    best = best.max(p.weight);
                    buf.push((k, *p));
                }
            }
            if buf.len() == before {
                return None;
            }
            total += best;
        }
        let at = |k: usize, x: u32| {
            buf.iter()
                .filter(|(kk, _)| *kk == k)
                .any(|(_, p)| self.positions_of(p).binary_search(&x).is_ok())
        };
        let together = buf.iter().filter(|(k, _)| *k == 0).any(|(_, first)| {
            self.positions_of(first)
                .iter()
                .any(|&x| (1..seq.len()).all(|k| at(k, x + u32::try_from(k).unwrap_or(u32::MAX))))
        });
        together.then_some(total)
    }

    /// Whether the alternative matches document `doc`.
    fn alt_matches(&self, alt: &Alt, doc: u32) -> bool {
        match &alt.terms {
            Terms::One(t) => self.weight_in(*t, doc).is_some(),
            Terms::Seq(seq) => self.seq_score(doc, seq, &mut Vec::new()).is_some(),
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
        // Only the matched terms matter here: look words up among them, not in the whole
        // vocabulary.
        let lookup: HashMap<&str, u32> = marked
            .iter()
            .chain(sequences.iter().flat_map(|s| s.iter().flatten()))
            .filter_map(|&t| self.terms.get(t as usize).map(|term| (&*term.text, t)))
            .collect();
        let marks_in = |text: &str| -> snippet::Marks {
            let mut tokens: Vec<(u32, Range<usize>)> = Vec::new();
            normalise::for_each_word(text, |w, r| {
                tokens.push((lookup.get(w).copied().unwrap_or(u32::MAX), r));
            });
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
