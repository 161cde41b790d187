//! The content model: the article, its six side effects, the reader threads, the pingback and
//! the symptom taxonomy, as typed `&'static` data.
//!
//! The data lives in `content/*.toml`; `core/build/content_gen.rs` validates it and compiles
//! it into `OUT_DIR/content_data.rs`, included below, so the app ships no parser and every
//! lookup here is a plain walk over statics. Invariant: nothing in this module allocates
//! except the two `Date` formatting helpers, and nothing panics.

use std::fmt;

/// A calendar date as published (no time zone: the page gave none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Four-digit year, e.g. 2017.
    pub year: u16,
    /// Month, 1 = January.
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
}

/// English month names, January first (also used by the journal's dates).
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// The English month name, e.g. "September"; empty for a month outside 1..=12, which
    /// the generator never produces.
    #[must_use]
    pub fn month_name(self) -> &'static str {
        usize::from(self.month)
            .checked_sub(1)
            .and_then(|i| MONTHS.get(i))
            .copied()
            .unwrap_or("")
    }

    /// The date for people, day first: "30 September 2017".
    #[must_use]
    pub fn long(self) -> String {
        format!("{} {} {}", self.day, self.month_name(), self.year)
    }

    /// The ISO 8601 form for machines (`<time datetime>`, sorting): "2017-09-30".
    #[must_use]
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    /// Same as [`Date::long`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.day, self.month_name(), self.year)
    }
}

/// The whole article: everything on the page above the comments.
#[derive(Debug)]
pub struct Article {
    /// The article's title as published.
    pub title: &'static str,
    /// The introduction's paragraphs.
    pub intro: &'static [&'static str],
    /// The numbered side effects, 1 to 6, in order.
    pub sections: &'static [Section],
    /// The closing call to action.
    pub closing: Closing,
    /// The author, whose bio ends the article (also [`author`]).
    pub author: &'static Author,
    /// Where the text comes from, for credits (also [`attribution`]).
    pub attribution: &'static Attribution,
    /// When the app's copy was last checked against the source (About page).
    pub last_reviewed: Date,
}

/// What a link, a route or a list needs of an entry (a section or a thread): kept apart from
/// the entry's text, so a page that only links to entries (the journal, the checker) carries
/// none of the article's or the threads' words. The same values as the [`Section`] or
/// [`Thread`] it names (a native test checks).
#[derive(Debug)]
pub struct EntryKey {
    /// Stable address key.
    pub slug: &'static str,
    /// A section's heading as published; a thread's short title.
    pub title: &'static str,
    /// A section's short title for cards, lists and the tab; a thread's title.
    pub short_title: &'static str,
    /// The symptoms it discusses.
    pub symptoms: &'static [Symptom],
}

/// One numbered side effect of the article.
#[derive(Debug)]
pub struct Section {
    /// Its number on the page, 1 to 6.
    pub number: u8,
    /// Stable address key: the page is `/effects/<slug>`.
    pub slug: &'static str,
    /// The heading as published.
    pub title: &'static str,
    /// Our short title for cards and lists.
    pub short_title: &'static str,
    /// Our one-sentence teaser for cards.
    pub summary: &'static str,
    /// The author's text.
    pub paragraphs: &'static [&'static str],
    /// The symptoms it discusses.
    pub symptoms: &'static [Symptom],
}

/// The article's closing call to action.
#[derive(Debug)]
pub struct Closing {
    /// "Want to improve your chances of getting great results from acupuncture?"
    pub prompt: &'static str,
    /// The title of the author's guide the page linked to; the link's address was not
    /// captured, so this is plain text, not a link.
    pub guide_title: &'static str,
}

/// The article's author.
#[derive(Debug)]
pub struct Author {
    /// "Caitlin Gordon".
    pub name: &'static str,
    /// Her post-nominal letters, e.g. "M.S., L.Ac., C.M.F.P.".
    pub credentials: &'static str,
    /// Her practice, "Amaluna Acupuncture & Wellness".
    pub practice: &'static str,
    /// Where the practice is, "Boulder, Colorado".
    pub location: &'static str,
    /// The "About the Author" paragraphs.
    pub bio: &'static [&'static str],
}

impl Author {
    /// Name and credentials as a byline: "Caitlin Gordon, M.S., L.Ac., C.M.F.P.".
    #[must_use]
    pub fn byline(&self) -> String {
        format!("{}, {}", self.name, self.credentials)
    }
}

/// Credits for the source text, shown wherever its words are.
#[derive(Debug)]
pub struct Attribution {
    /// The source article's title.
    pub source_title: &'static str,
    /// The author with credentials.
    pub author: &'static str,
    /// The author's practice.
    pub practice: &'static str,
    /// Where the practice is.
    pub location: &'static str,
}

/// One comment or reply, as published.
#[derive(Debug)]
pub struct Message {
    /// The name shown on the comment.
    pub author: &'static str,
    /// Whether the article's author wrote it (her answers are marked as hers).
    pub by_article_author: bool,
    /// The date as published.
    pub date: Date,
    /// The time as published, 24-hour "HH:MM", e.g. "21:22".
    pub time: &'static str,
    /// The text; each line of the source is a paragraph.
    pub paragraphs: &'static [&'static str],
    /// Direct replies to this message, oldest first.
    pub replies: &'static [Message],
}

impl Message {
    /// This message and every reply below it, depth-first in reading order, each with its
    /// depth (this message is depth 0).
    #[must_use]
    pub fn walk(&'static self) -> MessageWalk {
        MessageWalk {
            stack: vec![(0, self)],
        }
    }
}

/// Depth-first iterator over a message and its replies; see [`Message::walk`].
#[derive(Debug)]
pub struct MessageWalk {
    stack: Vec<(usize, &'static Message)>,
}

impl Iterator for MessageWalk {
    type Item = (usize, &'static Message);

    fn next(&mut self) -> Option<Self::Item> {
        let (depth, message) = self.stack.pop()?;
        // Pushed in reverse so the oldest reply comes out first.
        self.stack
            .extend(message.replies.iter().rev().map(|r| (depth + 1, r)));
        Some((depth, message))
    }
}

/// A reader's question (one numbered comment) and every reply to it.
#[derive(Debug)]
pub struct Thread {
    /// Its number on the page, 2 to 18 (comment 1 is a [`Pingback`]).
    pub comment: u8,
    /// Stable address key: the page is `/faq/<slug>`.
    pub slug: &'static str,
    /// Our short plain title for the question.
    pub title: &'static str,
    /// The reader's comment; replies hang below it.
    pub question: Message,
    /// The symptoms the thread discusses.
    pub symptoms: &'static [Symptom],
}

impl Thread {
    /// Whether the article's author replied anywhere in the thread (comment 17 has no reply).
    #[must_use]
    pub fn is_answered(&'static self) -> bool {
        self.messages().any(|(_, m)| m.by_article_author)
    }

    /// Every message, question first, depth-first with its depth (question = 0).
    #[must_use]
    pub fn messages(&'static self) -> MessageWalk {
        self.question.walk()
    }
}

/// A pingback: another site quoting the page. Kept for completeness, never a question.
#[derive(Debug)]
pub struct Pingback {
    /// Its number on the page (1).
    pub comment: u8,
    /// The quoted excerpt, without the "[…]" marks around it.
    pub excerpt: &'static str,
}

/// One browsable entry: an article section or a reader thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryId {
    /// Index into `article().sections`.
    Section(usize),
    /// Index into `threads()`.
    Thread(usize),
}

impl EntryId {
    /// The section this id points at, if it is a valid section id.
    #[must_use]
    pub fn section(self) -> Option<&'static Section> {
        match self {
            EntryId::Section(i) => article().sections.get(i),
            EntryId::Thread(_) => None,
        }
    }

    /// The thread this id points at, if it is a valid thread id.
    #[must_use]
    pub fn thread(self) -> Option<&'static Thread> {
        match self {
            EntryId::Thread(i) => threads().get(i),
            EntryId::Section(_) => None,
        }
    }

    /// What links and lists need of the entry, if it is a valid id.
    #[must_use]
    pub fn key(self) -> Option<&'static EntryKey> {
        match self {
            EntryId::Section(i) => SECTION_KEYS.get(i),
            EntryId::Thread(i) => THREAD_KEYS.get(i),
        }
    }

    /// The symptoms the entry discusses; empty for an out-of-range id.
    #[must_use]
    pub fn symptoms(self) -> &'static [Symptom] {
        self.key().map_or(&[], |k| k.symptoms)
    }

    /// The entry's display title (a section's published heading, a thread's short title);
    /// empty for an out-of-range id.
    #[must_use]
    pub fn title(self) -> &'static str {
        self.key().map_or("", |k| k.title)
    }

    /// The entry's stable slug; empty for an out-of-range id.
    #[must_use]
    pub fn slug(self) -> &'static str {
        self.key().map_or("", |k| k.slug)
    }

    /// The entry's app address: `/effects/<slug>` or `/faq/<slug>`.
    #[must_use]
    pub fn path(self) -> String {
        match self {
            EntryId::Section(_) => format!("/effects/{}", self.slug()),
            EntryId::Thread(_) => format!("/faq/{}", self.slug()),
        }
    }
}

impl Symptom {
    /// The stable key, e.g. "fatigue", "needle-left-in".
    #[must_use]
    pub fn slug(self) -> &'static str {
        // The generator emits one row per variant in declaration order.
        SYMPTOM_SLUGS[self as usize]
    }

    /// The plain-English name, e.g. "Tired or drained".
    #[must_use]
    pub fn name(self) -> &'static str {
        SYMPTOM_NAMES[self as usize]
    }

    /// One line saying what belongs under this symptom.
    #[must_use]
    pub fn description(self) -> &'static str {
        SYMPTOM_DESCRIPTIONS[self as usize]
    }

    /// Everyday words people use for it, lower case: "tired", "exhausted", "wiped out".
    #[must_use]
    pub fn synonyms(self) -> &'static [&'static str] {
        SYMPTOM_SYNONYMS[self as usize]
    }

    /// Whether this is a red flag (get help now), not a "usually normal" effect.
    #[must_use]
    pub fn is_red_flag(self) -> bool {
        SYMPTOM_RED_FLAGS[self as usize]
    }

    /// The symptom with this exact slug, if any.
    #[must_use]
    pub fn from_slug(slug: &str) -> Option<Symptom> {
        Self::ALL.iter().copied().find(|s| s.slug() == slug)
    }
}

include!(concat!(env!("OUT_DIR"), "/content_data.rs"));

/// The article.
#[must_use]
pub fn article() -> &'static Article {
    &ARTICLE
}

/// The article's author.
#[must_use]
pub fn author() -> &'static Author {
    &AUTHOR
}

/// Where the article's text comes from, for credits.
#[must_use]
pub fn attribution() -> &'static Attribution {
    &ATTRIBUTION
}

/// The sections' keys, in order (what links need; see [`EntryKey`]).
#[must_use]
pub fn section_keys() -> &'static [EntryKey] {
    &SECTION_KEYS
}

/// The threads' keys, in order (what links need; see [`EntryKey`]).
#[must_use]
pub fn thread_keys() -> &'static [EntryKey] {
    &THREAD_KEYS
}

/// The reader threads, comments 2 to 18, in page order.
#[must_use]
pub fn threads() -> &'static [Thread] {
    &THREADS
}

/// The pingbacks (comment 1), which are not questions.
#[must_use]
pub fn pingbacks() -> &'static [Pingback] {
    &PINGBACKS
}

/// Every entry: all sections in order, then all threads in order.
pub fn entries() -> impl Iterator<Item = EntryId> {
    (0..SECTION_KEYS.len())
        .map(EntryId::Section)
        .chain((0..THREAD_KEYS.len()).map(EntryId::Thread))
}

/// The section with this slug, if any.
#[must_use]
pub fn section_by_slug(slug: &str) -> Option<&'static Section> {
    article().sections.iter().find(|s| s.slug == slug)
}

/// The thread with this slug, if any.
#[must_use]
pub fn thread_by_slug(slug: &str) -> Option<&'static Thread> {
    threads().iter().find(|t| t.slug == slug)
}
