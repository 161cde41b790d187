//! Building the index: vocabulary, postings with precomputed field-weighted BM25 scores,
//! stem groups, length buckets for typo matching, and the lay-word entries.
//!
//! Everything query-independent is computed here once, so a search only adds up numbers.
//! The index keeps each document's text (to check phrases and cut snippets) but no
//! positions: the few documents that need positions are re-tokenised on demand, which keeps
//! memory at about the size of the text itself.

use std::ops::Range;

use super::normalise::{self, for_each_word};
use super::query::Terms;
use super::table::StrTable;
use super::{fuzzy, lay, sort, stem, Doc, EntryId, Field};
use crate::content;

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;
/// Number of fields.
const NF: usize = Field::ALL.len();

/// A stored document: its id and text.
#[derive(Debug)]
pub(super) struct StoredDoc {
    pub id: EntryId,
    pub fields: Vec<(Field, Box<str>)>,
    /// The word position each field starts at (fields are [`FIELD_GAP`] apart).
    pub starts: Vec<u32>,
    /// Where this document's words begin in [`Index::offsets`].
    pub base: u32,
}

/// One word of the vocabulary, as written (normalised, not stemmed).
#[derive(Debug)]
pub(super) struct Term {
    pub text: Box<str>,
    /// Its length in characters.
    pub chars: usize,
    /// [`fuzzy::letter_mask`] of the text.
    pub mask: u32,
    /// Where its postings are in [`Index::postings`].
    pub postings: Range<usize>,
}

/// A term's occurrences in one document: its BM25F score (IDF times saturated,
/// field-weighted, length-normalised frequency) and where its word positions are in
/// [`Index::positions`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Posting {
    pub doc: u32,
    pub weight: f32,
    /// Start of its positions (ascending) in [`Index::positions`].
    pub pos: u32,
    /// How many positions.
    pub len: u32,
}

/// One row of the counts: a term in a document, per-field counts and positions.
struct Row {
    term: u32,
    doc: u32,
    counts: [u16; NF],
    pos: u32,
    len: u32,
}

/// Word positions of consecutive fields are this far apart, so a phrase never spans two
/// fields.
const FIELD_GAP: u32 = 2;

/// One lay term of the map, normalised, with its guide terms resolved against this index.
#[derive(Debug)]
pub(super) struct LayEntry {
    /// Its words, as the query tokeniser produces them.
    pub words: Vec<String>,
    /// The stems of those words.
    pub stems: Vec<String>,
    /// [`fuzzy::letter_mask`] of a one-word entry, for typo matching.
    pub mask: u32,
    /// What its guide terms match here, each with a weight factor (1 as written, 0.9 for
    /// another word with the same stem).
    pub guide: Vec<(Terms, f32)>,
    /// The guide term shown to the reader.
    pub shown: &'static str,
}
/// The search index. Build it once ([`Index::from_content`] or [`Index::new`]) and search
/// it as often as needed with [`Index::search`].
#[derive(Debug)]
pub struct Index {
    pub(super) docs: Vec<StoredDoc>,
    /// The vocabulary, sorted by text (so prefixes are ranges).
    pub(super) terms: Vec<Term>,
    pub(super) postings: Vec<Posting>,
    /// Word positions within each document, per posting (see [`Posting::pos`]).
    pub(super) positions: Vec<u32>,
    /// Byte range of every word position of every document in its field's text, so
    /// results are highlighted without tokenising again (see [`StoredDoc::base`]).
    pub(super) offsets: Vec<(u32, u32)>,
    /// Stem → the terms with that stem, sorted by stem.
    pub(super) stems: StemGroups,
    /// Term ids by length in characters, for typo matching.
    pub(super) by_len: Vec<Vec<u32>>,
    pub(super) lay: Vec<LayEntry>,
    /// Each lay entry under its first word and that word's stem, sorted, for lookup.
    pub(super) lay_keys: Vec<(Box<str>, u32)>,
    /// Words every document is about, which tell none from another (the guide's
    /// "acupuncture", "needle"); empty for other corpora. See `query::UNINFORMATIVE`.
    pub(super) uninformative: &'static [&'static str],
    /// The stems of [`Index::uninformative`], made once.
    pub(super) uninformative_stems: Vec<String>,
    /// The ids of the terms that are uninformative words or share their stems, sorted:
    /// found once at build time, so a query never stems its alternatives to ask.
    pub(super) uninformative_terms: Vec<u32>,
}

impl Index {
    /// Indexes the real guide: every article section (heading, short title, summary, text)
    /// and every reader thread (title, question, replies), each with its symptom tags'
    /// names and synonyms.
    #[must_use]
    pub fn from_content() -> Index {
        let mut index = Index::new(content_docs());
        index.uninformative = super::query::UNINFORMATIVE;
        index.uninformative_stems = index
            .uninformative
            .iter()
            .map(|u| stem::stem(u).into_owned())
            .collect();
        let mut terms: Vec<u32> = Vec::new();
        for (u, s) in index.uninformative.iter().zip(&index.uninformative_stems) {
            terms.extend(index.term_id(u));
            terms.extend_from_slice(index.stem_group(s));
        }
        sort::sort_dedup(&mut terms);
        index.uninformative_terms = terms;
        index
    }

    /// Indexes the given documents.
    #[must_use]
    pub fn new(docs: Vec<Doc>) -> Index {
        let Counted {
            mut names,
            mut rows,
            lens,
            stored,
            positions,
            offsets,
        } = count(docs);

        // Average length of each field over the documents that have it.
        let mut avg = [0f32; NF];
        for (f, a) in avg.iter_mut().enumerate() {
            let with: Vec<u32> = lens.iter().map(|l| l[f]).filter(|&l| l > 0).collect();
            if !with.is_empty() {
                *a = with.iter().sum::<u32>() as f32 / with.len() as f32;
            }
        }

        // Sort the vocabulary, then order the rows by term (a counting sort: rows are already
        // in document order, which it keeps).
        let mut order = sort::indices(names.len());
        let keys = sort::prefix_keys(&names);
        sort::sort_by(&mut order, &|a, b| {
            sort::by_prefix(&keys, a, b, || names[a as usize] < names[b as usize])
        });
        let mut rank = vec![0u32; names.len()];
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = u32::try_from(new).unwrap_or(u32::MAX);
        }
        let mut first = vec![0u32; names.len() + 1];
        for row in &mut rows {
            row.term = rank[row.term as usize];
            first[row.term as usize + 1] += 1;
        }
        for i in 1..first.len() {
            first[i] += first[i - 1];
        }
        let mut by_term = vec![0u32; rows.len()];
        for (i, row) in rows.iter().enumerate() {
            let slot = &mut first[row.term as usize];
            by_term[*slot as usize] = u32::try_from(i).unwrap_or(u32::MAX);
            *slot += 1;
        }

        let n = lens.len() as f32;
        let mut terms = Vec::with_capacity(names.len());
        let mut postings = Vec::with_capacity(rows.len());
        let mut at = 0;
        for (id, &old) in order.iter().enumerate() {
            let start = postings.len();
            let end_row =
                at + by_term[at..].partition_point(|&r| rows[r as usize].term as usize == id);
            let df = (end_row - at) as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for &r in &by_term[at..end_row] {
                let row = &rows[r as usize];
                let len = &lens[row.doc as usize];
                let mut tf = 0f32;
                for (f, field) in Field::ALL.iter().enumerate() {
                    if row.counts[f] > 0 && avg[f] > 0.0 {
                        let norm = 1.0 - B + B * len[f] as f32 / avg[f];
                        tf += field.weight() * f32::from(row.counts[f]) / norm;
                    }
                }
                postings.push(Posting {
                    doc: row.doc,
                    weight: idf * tf * (K1 + 1.0) / (K1 + tf),
                    pos: row.pos,
                    len: row.len,
                });
            }
            at = end_row;
            let text = std::mem::take(&mut names[old as usize]);
            terms.push(Term {
                chars: text.chars().count(),
                mask: fuzzy::letter_mask(&text),
                text: text.into_boxed_str(),
                postings: start..postings.len(),
            });
        }

        let (stems, by_len) = stem_groups_and_lengths(&terms);

        let mut index = Index {
            docs: stored,
            terms,
            postings,
            positions,
            offsets,
            stems,
            by_len,
            lay: Vec::new(),
            lay_keys: Vec::new(),
            uninformative: &[],
            uninformative_stems: Vec::new(),
            uninformative_terms: Vec::new(),
        };
        index.lay = index.lay_entries();
        index.lay_keys = index.lay_keys();
        index
    }

    /// Number of documents indexed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no document is indexed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// About how many bytes of memory the index holds (text, vocabulary, postings, word
    /// positions and offsets). For the guide it is ~200 KB: more than the code that builds it
    /// in a few milliseconds, which is why the index is built at start-up, not shipped.
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        let text: usize = self
            .docs
            .iter()
            .map(|d| d.fields.iter().map(|(_, t)| t.len() + 24).sum::<usize>() + 64)
            .sum();
        let terms: usize = self
            .terms
            .iter()
            .map(|t| t.text.len() + size_of::<Term>())
            .sum();
        let stems: usize = self
            .stems
            .iter()
            .map(|(s, ids)| s.len() + 4 * ids.len() + 32)
            .sum();
        text + terms
            + stems
            + self.postings.len() * size_of::<Posting>()
            + self.positions.len() * 4
            + self.offsets.len() * 8
            + self.by_len.iter().map(|b| b.len() * 4 + 24).sum::<usize>()
            + self.uninformative_terms.len() * 4
    }

    /// Number of distinct words indexed.
    #[must_use]
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// Every distinct word indexed (normalised), in sorted order: the guide's own words, for
    /// checks such as "no guide word reads as a red-flag word by typo".
    pub fn vocabulary(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| &*t.text)
    }

    /// Whether `word` (normalised) occurs anywhere in the indexed text.
    #[must_use]
    pub fn contains_word(&self, word: &str) -> bool {
        self.term_id(word).is_some()
    }

    /// The id of an exact term.
    pub(super) fn term_id(&self, word: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| (*t.text).cmp(word))
            .ok()
            .and_then(|i| u32::try_from(i).ok())
    }

    /// The terms sharing `word`'s stem.
    pub(super) fn stem_group(&self, stem: &str) -> &[u32] {
        self.stems
            .binary_search_by(|s| (*s.0).cmp(stem))
            .map_or(&[], |i| &self.stems[i].1)
    }

    /// The ids of the terms starting with `prefix`.
    pub(super) fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.terms.partition_point(|t| *t.text < *prefix);
        let len = self.terms[start..].partition_point(|t| t.text.starts_with(prefix));
        start..start + len
    }

    /// The postings of a term, sorted by document.
    pub(super) fn postings_of(&self, term: u32) -> &[Posting] {
        self.terms
            .get(term as usize)
            .map_or(&[], |t| &self.postings[t.postings.clone()])
    }

    /// The term's score in one document, if it occurs there.
    pub(super) fn weight_in(&self, term: u32, doc: u32) -> Option<f32> {
        let p = self.postings_of(term);
        p.binary_search_by_key(&doc, |p| p.doc)
            .ok()
            .map(|i| p[i].weight)
    }

    /// Each lay entry under its first word and, when different, that word's stem, sorted by
    /// key, so a query word finds its entries by binary search.
    fn lay_keys(&self) -> Vec<(Box<str>, u32)> {
        let mut keys: Vec<(Box<str>, u32)> = Vec::new();
        for (e, entry) in self.lay.iter().enumerate() {
            let e = u32::try_from(e).unwrap_or(u32::MAX);
            keys.push((entry.words[0].clone().into_boxed_str(), e));
            if entry.stems[0] != entry.words[0] {
                keys.push((entry.stems[0].clone().into_boxed_str(), e));
            }
        }
        let mut order = sort::indices(keys.len());
        sort::sort_by(&mut order, &|a, b| {
            (&keys[a as usize].0, a) < (&keys[b as usize].0, b)
        });
        order
            .iter()
            .map(|&i| std::mem::take(&mut keys[i as usize]))
            .collect()
    }

    /// The lay-word map, normalised the way queries are, with each guide term resolved to
    /// what it matches in this index (terms absent from the index are dropped).
    fn lay_entries(&self) -> Vec<LayEntry> {
        let mut out = Vec::new();
        for group in lay::groups() {
            let Some(&shown) = group.guide.first() else {
                continue;
            };
            let mut guide: Vec<(Terms, f32)> = Vec::new();
            let has = |g: &[(Terms, f32)], id: u32| {
                g.iter()
                    .any(|(t, _)| matches!(t, Terms::One(x) if *x == id))
            };
            for term in group.guide {
                let words = normalise::words(term);
                if let [word] = words.as_slice() {
                    if let Some(id) = self.term_id(word) {
                        guide.push((Terms::One(id), 1.0));
                    }
                    for &id in self.stem_group(&stem::stem(word)) {
                        if !has(&guide, id) {
                            guide.push((Terms::One(id), 0.9));
                        }
                    }
                } else if !words.is_empty() {
                    let seq: Vec<Vec<u32>> = words.iter().map(|w| self.exact_or_stem(w)).collect();
                    if seq.iter().all(|ids| !ids.is_empty()) {
                        guide.push((Terms::Seq(seq.into()), 1.0));
                    }
                }
            }
            for term in group.lay {
                let words = normalise::words(term);
                if words.is_empty() {
                    continue;
                }
                out.push(LayEntry {
                    stems: words.iter().map(|w| stem::stem(w).into_owned()).collect(),
                    mask: fuzzy::letter_mask(&words[0]),
                    words,
                    guide: guide.clone(),
                    shown,
                });
            }
        }
        out
    }

    /// The word positions of a posting, ascending.
    pub(super) fn positions_of(&self, p: &Posting) -> &[u32] {
        let start = p.pos as usize;
        self.positions
            .get(start..start + p.len as usize)
            .unwrap_or(&[])
    }

    /// The posting of a term in one document, if it occurs there.
    pub(super) fn posting_in(&self, term: u32, doc: u32) -> Option<&Posting> {
        let p = self.postings_of(term);
        p.binary_search_by_key(&doc, |p| p.doc).ok().map(|i| &p[i])
    }
}

/// The terms grouped by stem (sorted by stem), and the term ids by length in characters.
fn stem_groups_and_lengths(terms: &[Term]) -> (StemGroups, Vec<Vec<u32>>) {
    let mut group_of = StrTable::default();
    let mut groups: Vec<(String, Vec<u32>)> = Vec::new();
    let mut by_len: Vec<Vec<u32>> = vec![Vec::new(); fuzzy::MAX_FUZZY_CHARS + 1];
    for (id, term) in terms.iter().enumerate() {
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        let stem = stem::stem(&term.text).into_owned();
        let next = u32::try_from(groups.len()).unwrap_or(u32::MAX);
        let g = group_of.get_or_insert(&stem, next);
        if g == next {
            groups.push((stem, vec![id]));
        } else if let Some(group) = groups.get_mut(g as usize) {
            group.1.push(id);
        }
        if let Some(bucket) = by_len.get_mut(term.chars) {
            bucket.push(id);
        }
    }
    let mut order = sort::indices(groups.len());
    let keys = sort::prefix_keys(groups.iter().map(|g| &g.0));
    sort::sort_by(&mut order, &|a, b| {
        sort::by_prefix(&keys, a, b, || groups[a as usize].0 < groups[b as usize].0)
    });
    let stems: Vec<(Box<str>, Box<[u32]>)> = order
        .iter()
        .map(|&g| {
            let (stem, ids) = std::mem::take(&mut groups[g as usize]);
            (stem.into_boxed_str(), ids.into_boxed_slice())
        })
        .collect();
    (stems, by_len)
}

/// Stem → the ids of the terms with that stem, sorted by stem.
type StemGroups = Vec<(Box<str>, Box<[u32]>)>;

/// Words counted per document and field, before the vocabulary is sorted.
struct Counted {
    /// The vocabulary in order of first appearance.
    names: Vec<String>,
    /// One row per term and document.
    rows: Vec<Row>,
    /// Each document's length in words, per field.
    lens: Vec<[u32; NF]>,
    stored: Vec<StoredDoc>,
    /// Word positions, grouped by row.
    positions: Vec<u32>,
    /// Byte ranges of the words, by document and position.
    offsets: Vec<(u32, u32)>,
}

/// Tokenises every document and counts its words per field, with their positions.
fn count(docs: Vec<Doc>) -> Counted {
    let mut vocab = StrTable::default();
    let mut names: Vec<String> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut positions: Vec<u32> = Vec::new();
    let mut offsets: Vec<(u32, u32)> = Vec::new();
    let mut lens: Vec<[u32; NF]> = Vec::with_capacity(docs.len());
    let mut stored = Vec::with_capacity(docs.len());
    // This document's words: (term, field, position); reused between documents.
    let mut seen: Vec<(u32, u8, u32)> = Vec::new();
    // Term → its row in this document (u32::MAX when none yet); reset after each document.
    let mut slot: Vec<u32> = Vec::new();
    for (d, doc) in docs.into_iter().enumerate() {
        let d = u32::try_from(d).unwrap_or(u32::MAX);
        let mut len = [0u32; NF];
        let mut at = 0u32;
        let base = u32::try_from(offsets.len()).unwrap_or(u32::MAX);
        let mut starts = Vec::with_capacity(doc.fields.len());
        seen.clear();
        for (field, text) in &doc.fields {
            let f = field.index();
            starts.push(at);
            for_each_word(text, |w, r| {
                let to32 = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
                offsets.push((to32(r.start), to32(r.end)));
                let next = u32::try_from(names.len()).unwrap_or(u32::MAX);
                let id = vocab.get_or_insert(w, next);
                if id == next {
                    names.push(w.to_owned());
                    slot.push(u32::MAX);
                }
                seen.push((id, u8::try_from(f).unwrap_or(0), at));
                at += 1;
                len[f] += 1;
            });
            at += FIELD_GAP;
            offsets.extend([(0, 0); FIELD_GAP as usize]);
        }
        // One row per distinct term, in order of first use; then each row's positions, which
        // stay ascending because the words are visited in order.
        let first_row = rows.len();
        for &(t, f, _) in &seen {
            let s = &mut slot[t as usize];
            if *s == u32::MAX {
                *s = u32::try_from(rows.len()).unwrap_or(u32::MAX);
                rows.push(Row {
                    term: t,
                    doc: d,
                    counts: [0; NF],
                    pos: 0,
                    len: 0,
                });
            }
            let row = &mut rows[*s as usize];
            row.counts[usize::from(f)] = row.counts[usize::from(f)].saturating_add(1);
            row.len += 1;
        }
        let mut next = u32::try_from(positions.len()).unwrap_or(u32::MAX);
        for row in &mut rows[first_row..] {
            row.pos = next;
            next += row.len;
            row.len = 0;
        }
        positions.resize(next as usize, 0);
        for &(t, _, p) in &seen {
            let row = &mut rows[slot[t as usize] as usize];
            positions[(row.pos + row.len) as usize] = p;
            row.len += 1;
        }
        for row in &rows[first_row..] {
            slot[row.term as usize] = u32::MAX;
        }
        lens.push(len);
        stored.push(StoredDoc {
            id: doc.id,
            fields: doc
                .fields
                .into_iter()
                .map(|(f, t)| (f, t.into_boxed_str()))
                .collect(),
            starts,
            base,
        });
    }
    Counted {
        names,
        rows,
        lens,
        stored,
        positions,
        offsets,
    }
}

/// The real guide as search documents: each section (heading and short title as
/// [`Field::Title`], summary as [`Field::Question`], text as [`Field::Body`]) and each thread
/// (title, question, every reply as [`Field::Answers`]), with its symptom tags' names and
/// synonyms as [`Field::Tags`]. [`Index::from_content`] indexes exactly these.
#[must_use]
pub fn content_docs() -> Vec<Doc> {
    let mut docs = Vec::new();
    for id in content::entries() {
        let mut fields = Vec::new();
        if let Some(s) = id.section() {
            fields.push((Field::Title, s.title.to_owned()));
            fields.push((Field::Title, s.short_title.to_owned()));
            fields.push((Field::Question, s.summary.to_owned()));
            fields.push((Field::Body, s.paragraphs.join(" ")));
        } else if let Some(t) = id.thread() {
            fields.push((Field::Title, t.title.to_owned()));
            fields.push((Field::Question, t.question.paragraphs.join(" ")));
            let answers: Vec<&str> = t
                .messages()
                .skip(1)
                .flat_map(|(_, m)| m.paragraphs.iter().copied())
                .collect();
            if !answers.is_empty() {
                fields.push((Field::Answers, answers.join(" ")));
            }
        }
        let mut tags = Vec::new();
        for symptom in id.symptoms() {
            tags.push(symptom.name());
            tags.extend_from_slice(symptom.synonyms());
        }
        fields.push((Field::Tags, tags.join(". ")));
        docs.push(Doc { id, fields });
    }
    docs
}
