//! Scoring and ranking: runs a plan against the index, orders documents (every word matched
//! first, then more words matched, then score), and explains the top hits: which words of
//! each matched, what to highlight, and which corrections and synonyms were used.

use std::ops::Range;

use super::index::{Index, Posting};
use super::query::{self, Alt, Kind, Part, Plan, Source, Terms};
use super::{snippet, sort, Field, Hit, Interpretation, SearchResults};

/// Scratch space for sequence checks: (position in the sequence, term, its posting).
type SeqBuf = Vec<(usize, u32, Posting)>;

/// Target snippet length in characters.
const SNIPPET_CHARS: usize = 160;

/// What the top hit says about how the query was understood.
#[derive(Default)]
struct Explained {
    interpretation: Interpretation,
    /// Word position → the correction shown in its place.
    corrected_at: Vec<(usize, String)>,
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
        // Soft clauses last: they only add to documents the other clauses found.
        let clauses = plan.clauses.iter().filter(|c| !c.soft);
        for clause in clauses.chain(plan.clauses.iter().filter(|c| c.soft)) {
            clause_docs.clear();
            for alt in &clause.alts {
                self.score_alt(alt, &mut best, &mut clause_docs);
            }
            for &d in &clause_docs {
                let i = d as usize;
                if clause.soft && cover[i] == 0 {
                    best[i] = 0.0;
                    continue;
                }
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
        let candidates: Vec<Candidate> = touched
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
        let total = candidates.len();
        let candidates = top(candidates, limit);

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
        // Each document once, in order: a mark per document beats sorting thousands.
        let mut seen = vec![false; self.docs.len()];
        for &t in anchor {
            for p in self.postings_of(t) {
                seen[p.doc as usize] = true;
            }
        }
        let mut buf = SeqBuf::new();
        (0..self.docs.len())
            .filter(|&d| seen[d])
            .filter_map(|d| {
                let d = u32::try_from(d).ok()?;
                self.seq_score(d, seq, &mut buf).map(|v| (d, v))
            })
            .collect()
    }

    /// The score of `seq` in document `doc` (the sum of its positions' best scores) when its
    /// words stand together in order there. `buf` is scratch space.
    fn seq_score(&self, doc: u32, seq: &[Vec<u32>], buf: &mut SeqBuf) -> Option<f32> {
        let total = self.seq_postings(doc, seq, buf)?;
        let first = buf.iter().filter(|(k, _, _)| *k == 0);
        let together = first
            .flat_map(|(_, _, p)| self.positions_of(p))
            .any(|&x| self.seq_at(seq.len(), x, buf).is_some());
        together.then_some(total)
    }

    /// Fills `buf` with the postings in `doc` of every position's terms, and returns the sum
    /// of each position's best score; `None` if some position has none.
    fn seq_postings(&self, doc: u32, seq: &[Vec<u32>], buf: &mut SeqBuf) -> Option<f32> {
        buf.clear();
        let mut total = 0.0;
        for (k, ids) in seq.iter().enumerate() {
            let before = buf.len();
            let mut best = 0f32;
            for &t in ids {
                if let Some(p) = self.posting_in(t, doc) {
                    best = best.max(p.weight);
                    buf.push((k, t, *p));
                }
            }
            if buf.len() == before {
                return None;
            }
            total += best;
        }
        Some(total)
    }

    /// If the sequence of `len` words (postings in `buf`) starts at word position `x`, the
    /// term found at each of its positions.
    fn seq_at(&self, len: usize, x: u32, buf: &SeqBuf) -> Option<Vec<u32>> {
        (0..len)
            .map(|k| {
                let want = x + u32::try_from(k).unwrap_or(u32::MAX);
                buf.iter()
                    .find(|(kk, _, p)| {
                        *kk == k && self.positions_of(p).binary_search(&want).is_ok()
                    })
                    .map(|(_, t, _)| *t)
            })
            .collect()
    }

    /// Whether the alternative matches document `doc`.
    fn alt_matches(&self, alt: &Alt, doc: u32) -> bool {
        match &alt.terms {
            Terms::One(t) => self.weight_in(*t, doc).is_some(),
            Terms::Seq(seq) => self.seq_score(doc, seq, &mut SeqBuf::new()).is_some(),
        }
    }

    /// Explains one ranked document: what to highlight, and, when `explain` is given,
    /// the corrections and synonyms that found it.
    fn hit(&self, c: &Candidate, plan: &Plan, explain: Option<&mut Explained>) -> Hit {
        let mut marked: Vec<u32> = Vec::new();
        let mut sequences: Vec<&[Vec<u32>]> = Vec::new();
        // The best kind of match per word position in this document.
        let mut kind_at: Vec<Option<Kind>> = vec![None; plan.words.len()];
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
                if let Some(k) = kind_at.get_mut(i) {
                    *k = Some(best.kind);
                }
                if let (Kind::Fuzzy, Terms::One(t)) = (best.kind, &best.terms) {
                    fuzzy_used.push((i, *t));
                }
            } else if let Source::Phrase(_) = clause.source {
                for i in span {
                    if let Some(k) = kind_at.get_mut(i) {
                        *k = Some(Kind::Exact);
                    }
                }
            }
        }
        if let Some(explained) = explain {
            self.explain(plan, &kind_at, &fuzzy_used, &lay_used, explained);
        }
        sort::sort_dedup(&mut marked);
        self.render_hit(c, &marked, &sequences)
    }

    /// Records the corrections and synonyms that found a hit.
    fn explain(
        &self,
        plan: &Plan,
        kind_at: &[Option<Kind>],
        fuzzy_used: &[(usize, u32)],
        lay_used: &[(Range<usize>, usize, bool)],
        out: &mut Explained,
    ) {
        for &(i, t) in fuzzy_used {
            if let (Some(w), Some(term)) = (plan.words.get(i), self.terms.get(t as usize)) {
                out.corrected_at.push((i, String::from(&*term.text)));
                out.interpretation
                    .corrected
                    .push((w.clone(), String::from(&*term.text)));
            }
        }
        for (span, entry, typo) in lay_used {
            // A synonym explains the hit only where the words typed did not match in it.
            let own = span.clone().any(|i| {
                plan.counted & (1 << i) != 0
                    && kind_at
                        .get(i)
                        .copied()
                        .flatten()
                        .is_some_and(|k| k <= Kind::Prefix)
            });
            let Some(lay) = self.lay.get(*entry) else {
                continue;
            };
            if own || out.synonym_spans.iter().any(|(s, _)| s == span) {
                continue;
            }
            let typed = plan.words[span.clone()].join(" ");
            if *typo && !out.corrected_at.iter().any(|(i, _)| *i == span.start) {
                let to = lay.words.join(" ");
                out.corrected_at.push((span.start, to.clone()));
                out.interpretation.corrected.push((typed.clone(), to));
            }
            out.synonym_spans.push((span.clone(), lay.shown));
            out.interpretation
                .synonyms
                .push((typed, lay.shown.to_owned()));
        }
    }

    /// Builds the hit's title and snippet with the marked terms, and the sequences where
    /// their words stand together, highlighted. Word positions and byte offsets stored at
    /// indexing time say where: nothing is tokenised again.
    fn render_hit(&self, c: &Candidate, marked: &[u32], sequences: &[&[Vec<u32>]]) -> Hit {
        let doc = &self.docs[c.doc as usize];
        // (word position, term) of every highlighted word, in text order.
        let mut at: Vec<(u32, u32)> = Vec::new();
        for &t in marked {
            if let Some(p) = self.posting_in(t, c.doc) {
                at.extend(self.positions_of(p).iter().map(|&x| (x, t)));
            }
        }
        let mut buf = SeqBuf::new();
        for seq in sequences {
            if self.seq_postings(c.doc, seq, &mut buf).is_none() {
                continue;
            }
            let starts: Vec<u32> = buf
                .iter()
                .filter(|(k, _, _)| *k == 0)
                .flat_map(|(_, _, p)| self.positions_of(p).iter().copied())
                .collect();
            for x in starts {
                if let Some(found) = self.seq_at(seq.len(), x, &buf) {
                    at.extend((x..).zip(found));
                }
            }
        }
        let mut order = sort::indices(at.len());
        sort::sort_by(&mut order, &|a, b| at[a as usize] < at[b as usize]);
        let mut at: Vec<(u32, u32)> = order.iter().map(|&i| at[i as usize]).collect();
        at.dedup_by_key(|a| a.0);
        let mut matched: Vec<u32> = at.iter().map(|a| a.1).collect();
        sort::sort_dedup(&mut matched);

        // The highlighted words of field `f`, as byte ranges of its text.
        let marks_of = |f: usize, text: &str| -> snippet::Marks {
            let lo = doc.starts.get(f).copied().unwrap_or(u32::MAX);
            let hi = doc.starts.get(f + 1).copied().unwrap_or(u32::MAX);
            at.iter()
                .filter(|(x, _)| (lo..hi).contains(x))
                .filter_map(|&(x, t)| {
                    let (s, e) = *self.offsets.get((doc.base + x) as usize)?;
                    let r = s as usize..e as usize;
                    // Offsets come from this very text; checked anyway, never trusted.
                    text.get(r.clone()).map(|_| (t, r))
                })
                .collect()
        };
        let title = doc
            .fields
            .iter()
            .position(|(f, _)| *f == Field::Title)
            .map(|f| {
                let text = &doc.fields[f].1;
                snippet::highlight_all(text, &marks_of(f, text))
            })
            .unwrap_or_default();
        let mut best: Option<(snippet::Window, &str, snippet::Marks)> = None;
        for (f, (field, text)) in doc.fields.iter().enumerate() {
            if !field.is_prose() {
                continue;
            }
            let marks = marks_of(f, text);
            let window = snippet::best_window(&marks, SNIPPET_CHARS);
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
            matched_terms: matched
                .iter()
                .filter_map(|&t| self.terms.get(t as usize))
                .map(|t| String::from(&*t.text))
                .collect(),
        }
    }
}

/// Whether `a` ranks above `b`: every word matched first, then more words matched, then
/// score, then document order (so results are stable).
fn better(a: &Candidate, b: &Candidate) -> bool {
    (a.all, a.covered)
        .cmp(&(b.all, b.covered))
        .then(a.score.total_cmp(&b.score))
        .then(b.doc.cmp(&a.doc))
        .is_gt()
}

/// The best `limit` candidates, best first: one pass keeping a short sorted list, which
/// beats sorting everything when `limit` is a page of results.
fn top(candidates: Vec<Candidate>, limit: usize) -> Vec<Candidate> {
    let mut best: Vec<Candidate> = Vec::with_capacity(limit + 1);
    for c in candidates {
        if best.len() == limit && best.last().is_none_or(|last| !better(&c, last)) {
            continue;
        }
        let at = best
            .iter()
            .position(|b| better(&c, b))
            .unwrap_or(best.len());
        best.insert(at, c);
        best.truncate(limit);
    }
    best
}

/// The query as searched: corrections and synonyms in place of what was typed.
fn shown_query(
    parts: &[Part],
    corrected_at: &[(usize, String)],
    synonym_spans: &[(Range<usize>, &'static str)],
) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut pos = 0;
    for part in parts {
        match part {
            Part::Word(w) => {
                // A typo shows its correction; an everyday word shows the guide's word.
                if let Some((_, c)) = corrected_at.iter().find(|(i, _)| *i == pos) {
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
                // Built by hand: `format!` would bring the formatting machinery into the wasm.
                let mut quoted = String::from("\"");
                quoted.push_str(&ws.join(" "));
                quoted.push('"');
                out.push(quoted);
                pos += ws.len();
            }
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use crate::search::{guide_index, is_stop_word};

    /// The slugs of the first hits of a guide search, and how many entries matched.
    fn found(query: &str) -> (Vec<&'static str>, usize) {
        let r = guide_index().search(query, 50);
        (r.hits.iter().map(|h| h.id.slug()).collect(), r.total)
    }

    #[track_caller]
    fn check_same(query: &str, without: &str) {
        assert_eq!(found(query), found(without), "{query:?} vs {without:?}");
    }

    #[test]
    fn uninformative_words_do_not_make_an_answer() {
        // Regression: "chest pain after acupuncture" showed every entry, since every entry
        // says "acupuncture". Only the informative words decide what is an answer.
        let (_, all) = found("acupuncture");
        let (hits, total) = found("chest pain after acupuncture");
        assert!(total < all, "{total} answers of {all}");
        assert_eq!(total, found("chest pain").1);
        assert_eq!(total, hits.len());
        for query in [
            "chest pain after acupuncture",
            "tired after treatment",
            "nausea needles",
        ] {
            let r = guide_index().search(query, 50);
            for hit in &r.hits {
                let informative = hit.matched_terms.iter().any(|t| {
                    !is_stop_word(t)
                        && ![
                            "acupuncture",
                            "acupunctures",
                            "needle",
                            "needles",
                            "treatment",
                        ]
                        .contains(&t.as_str())
                });
                assert!(
                    informative,
                    "{query:?} found {} by its topic words",
                    hit.id.slug()
                );
            }
        }
        // A typo of one, or one being typed, is one too.
        assert_eq!(found("tired after acupunture").1, found("tired").1);
        assert_eq!(found("tired after acupunc").1, found("tired").1);
        // The words still add to the score of the answers, so the entry about a needle
        // left in comes first.
        assert_eq!(found("needle left in").0.first(), Some(&"needle-left-in"));
        assert_eq!(
            found("neddle left in my leg").0.first(),
            Some(&"needle-left-in")
        );
    }

    #[test]
    fn a_query_of_topic_words_only_searches_them() {
        for query in [
            "needle",
            "acupuncture",
            "acupuncture session",
            "needles after treatment",
        ] {
            assert!(found(query).1 > 0, "{query:?} found nothing");
        }
        check_same("the needle", "needle");
    }
}
