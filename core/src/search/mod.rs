//! Search: finds the article sections and reader threads that match what a person types, in
//! their own words and spelling, on every keystroke.
//!
//! Bird's-eye view: [`Index::new`] turns documents ([`Doc`]: an [`EntryId`] and weighted
//! text fields) into an inverted index with field-weighted BM25 scores precomputed per
//! posting; [`Index::from_content`] does that for the real guide. [`Index::search`] parses
//! the query (capped at [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_WORDS`] words),
//! expands every word into alternatives ranked exact > stemmed > prefix (the word being
//! typed) > lay synonym > typo correction, scores documents by the best alternative per word,
//! puts documents matching every word above those matching some, and builds a snippet
//! around the densest matches. In the guide, topic words ("acupuncture", "needle",
//! "session") only add to the score of entries the other words found; and a word a red-flag
//! synonym is made of is never corrected as a typo ("hives" stays "hives"), so the results
//! never contradict the care card it shows.
//!
//! Invariants: no input panics or takes unbounded time; results are plain data
//! ([`Segment`]s of text with a highlight flag), never HTML, so nothing typed or stored can be
//! injected into a page.
//!
//! Code map: `normalise` (what a word is), `stem`, `fuzzy` (typo distance), `lay` (the
//! curated everyday-word map, data from `content/lay-words.toml`), `index` (building),
//! `query` (parsing and expansion), `rank` (scoring and interpretation), `snippet`.

pub(crate) mod fuzzy;
mod index;
pub mod lay;
mod normalise;
mod query;
mod rank;
mod snippet;
mod sort;
pub(crate) mod stem;
mod table;

pub use crate::content::EntryId;
pub use index::{content_docs, Index};

/// The guide's index, built on first use (about 2.5 ms natively, ~10 ms in wasm) and kept for
/// the life of the program, so the app can build it when the search box is first used or
/// while idle, not on the critical path of the first paint.
#[must_use]
pub fn guide_index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(Index::from_content)
}
pub use normalise::{normalise, words};

/// Whether a normalised word is a common English word that carries little meaning in a
/// search ("is", "my", "after").
#[must_use]
pub fn is_stop_word(word: &str) -> bool {
    query::is_stop(word)
}

/// The longest query, in characters, that is searched; the rest is ignored and
/// [`SearchResults::truncated`] says so.
pub const MAX_QUERY_CHARS: usize = 200;

/// The most words (quoted phrases included) of a query that are searched.
pub const MAX_QUERY_WORDS: usize = 12;

/// Where a piece of an entry's text sits; decides its weight in ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A section's heading or a thread's title (weight 3).
    Title,
    /// A thread's question, or a section's one-line summary (weight 2).
    Question,
    /// The tags' symptom names and everyday synonyms (weight 1.5).
    Tags,
    /// A section's text (weight 1.2).
    Body,
    /// The replies in a thread (weight 1).
    Answers,
}

impl Field {
    /// Every field, in index order.
    pub const ALL: [Field; 5] = [
        Field::Title,
        Field::Question,
        Field::Tags,
        Field::Body,
        Field::Answers,
    ];

    /// The field's BM25F weight: titles and questions count more than answers.
    #[must_use]
    pub fn weight(self) -> f32 {
        match self {
            Field::Title => 3.0,
            Field::Question => 2.0,
            Field::Tags => 1.5,
            Field::Body => 1.2,
            Field::Answers => 1.0,
        }
    }

    /// Position in [`Field::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// Whether snippets are cut from this field (titles are shown whole, tags never).
    pub(crate) fn is_prose(self) -> bool {
        matches!(self, Field::Question | Field::Body | Field::Answers)
    }
}

/// One searchable document: an entry and its text, field by field. A field may appear more
/// than once (a section's heading and short title are both [`Field::Title`]); the first
/// [`Field::Title`] is the title shown in results.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The entry the document stands for.
    pub id: EntryId,
    /// The text, field by field.
    pub fields: Vec<(Field, String)>,
}

/// A piece of result text; highlighted pieces are the words that matched. The UI renders
/// each piece as a text node, inside `<mark>` when highlighted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The text, as written in the guide.
    pub text: String,
    /// Whether this piece matched the query.
    pub highlighted: bool,
}

/// One result.
#[derive(Clone, Debug)]
pub struct Hit {
    /// The entry found.
    pub id: EntryId,
    /// Its relevance score (higher is better; only comparable within one search).
    pub score: f32,
    /// Whether it matched every word of the query (such hits always come first).
    pub all_words: bool,
    /// The entry's title with matching words highlighted.
    pub title: Vec<Segment>,
    /// About 160 characters around the densest matches, with matching words highlighted;
    /// cut on word boundaries, with "…" where text was left out.
    pub snippet: Vec<Segment>,
    /// The words of the entry that matched (normalised, e.g. "twitches", "fatigue").
    pub matched_terms: Vec<String>,
}

/// How the query was understood, for a "Showing results for …" line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Interpretation {
    /// Typos corrected: (what was typed, the guide's word used instead).
    pub corrected: Vec<(String, String)>,
    /// Everyday words mapped to the guide's: (what was typed, the guide's term).
    pub synonyms: Vec<(String, String)>,
    /// The query as searched, with corrections and synonyms applied.
    shown: String,
}

impl Interpretation {
    /// True when the query was searched as typed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.corrected.is_empty() && self.synonyms.is_empty()
    }

    /// The query as searched, for "Showing results for …", when that differs from what was
    /// typed: "lightheded" → "lightheaded", "tired for days" → "fatigue for days".
    #[must_use]
    pub fn display_query(&self) -> Option<&str> {
        (!self.is_empty() && !self.shown.is_empty()).then_some(self.shown.as_str())
    }
}

/// What a search returns.
#[derive(Clone, Debug, Default)]
pub struct SearchResults {
    /// The best hits, best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many entries matched in all (the hits are the first of them).
    pub total: usize,
    /// Corrections and synonyms used.
    pub interpretation: Interpretation,
    /// Whether the query was longer than [`MAX_QUERY_CHARS`] characters or
    /// [`MAX_QUERY_WORDS`] words and only its start was searched.
    pub truncated: bool,
}
