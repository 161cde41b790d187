//! Triage: for every symptom, how worried to be, how long it usually lasts, what helps and
//! when it stops being normal, each claim with its sources; the "Get help now" care cards;
//! the disclaimer; and the symptom checker's rules ([`check`]).
//!
//! The words and numbers live in `content/triage.toml`; `core/build/triage_gen.rs` validates
//! them (every symptom has a level, a "when to get help" rule and sources; every source
//! exists) and compiles them into `OUT_DIR/triage_data.rs`, included below. Invariant: every
//! function here is pure and total: no I/O, no panics, the same answer for the same input.
//!
//! Fixed, clearly sourced rules instead of a diagnosis engine: symptom checkers that guess
//! get the urgency wrong about half the time, so this module only ever says what its
//! sources say, and red flags always win.

mod check;
pub mod red_flags;

pub use check::{check, overall, Advice, PastUsual, TimeBand};
pub use red_flags::{CareRoute, Contact, RedFlag, Region};

use crate::content::{self, EntryId, Symptom};

/// How worried to be, each worded as what to do. Ordered
/// `Common < Tell < Today < Emergency`, so the most urgent of several answers is their `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Common, usually passes on its own.
    Common,
    /// Not an emergency, but tell your practitioner (or doctor).
    Tell,
    /// See a doctor today (US: your doctor's office or urgent care; UK: a GP or NHS 111).
    Today,
    /// Emergency: get help now (911, 999, 112).
    Emergency,
}

impl Level {
    /// Every level, least urgent first.
    pub const ALL: [Level; 4] = [Level::Common, Level::Tell, Level::Today, Level::Emergency];

    /// The label people read, e.g. "Common, usually passes". It names the urgency in words,
    /// so colour is never the only signal.
    #[must_use]
    pub fn label(self) -> &'static str {
        LEVEL_LABELS[self as usize]
    }

    /// A stable key for styling and tests: "common", "tell", "today" or "emergency".
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            Level::Common => "common",
            Level::Tell => "tell",
            Level::Today => "today",
            Level::Emergency => "emergency",
        }
    }
}

/// A named public health source. The list is fixed here; the names and citations are data
/// in `content/triage.toml` (`[sources.<key>]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PublicSource {
    /// The NHS website (nhs.uk).
    Nhs,
    /// Mayo Clinic.
    MayoClinic,
    /// The US National Center for Complementary and Integrative Health.
    Nccih,
    /// Bäumler et al., BMJ Open 2021: a review of 21 studies.
    Baumler2021,
    /// Witt et al. 2009: 229,230 patients in Germany.
    Witt2009,
    /// `MacPherson` & Thomas 2005: 9,408 patients' short-term reactions.
    MacPhersonThomas2005,
    /// Xu et al. 2013: case reports 2000–2011.
    Xu2013,
    /// NHS: Anaphylaxis.
    NhsAnaphylaxis,
    /// NHS: Sepsis.
    NhsSepsis,
    /// NHS: Cellulitis.
    NhsCellulitis,
    /// NHS: where to get urgent help for mental health.
    NhsMentalHealth,
    /// The 988 Suicide & Crisis Lifeline (US).
    Lifeline988,
    /// Samaritans (UK and Ireland).
    Samaritans,
    /// The emergency numbers 911, 999 and 112.
    EmergencyNumbers,
}

/// The generated row behind [`PublicSource`]'s accessors, one per variant in order.
struct PublicSourceInfo {
    key: &'static str,
    name: &'static str,
    citation: &'static str,
    url: Option<&'static str>,
}

impl PublicSource {
    /// Every public source, in declaration order.
    pub const ALL: [PublicSource; 14] = [
        PublicSource::Nhs,
        PublicSource::MayoClinic,
        PublicSource::Nccih,
        PublicSource::Baumler2021,
        PublicSource::Witt2009,
        PublicSource::MacPhersonThomas2005,
        PublicSource::Xu2013,
        PublicSource::NhsAnaphylaxis,
        PublicSource::NhsSepsis,
        PublicSource::NhsCellulitis,
        PublicSource::NhsMentalHealth,
        PublicSource::Lifeline988,
        PublicSource::Samaritans,
        PublicSource::EmergencyNumbers,
    ];

    fn info(self) -> &'static PublicSourceInfo {
        // The generator emits one row per variant in declaration order.
        &PUBLIC_SOURCES[self as usize]
    }

    /// The key used in `content/triage.toml`, e.g. "mayo-clinic".
    #[must_use]
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// A short name for a source line, e.g. "Mayo Clinic".
    #[must_use]
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The full citation for a list of sources.
    #[must_use]
    pub fn citation(self) -> &'static str {
        self.info().citation
    }

    /// A web address for the source, where one is known.
    #[must_use]
    pub fn url(self) -> Option<&'static str> {
        self.info().url
    }
}

/// Where a claim comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// A section of the article, by its slug (`content::Section::slug`).
    Article(&'static str),
    /// The article author's reply in a reader thread, by the thread's slug.
    AuthorReply(&'static str),
    /// A named public health source.
    Public(PublicSource),
    /// The app's own guidance: advice no source gives word for word, labelled as such.
    Own,
}

impl Source {
    /// The article section or reader thread this source points at; `None` for a public
    /// source. The build checks that every slug exists, so this is `Some` for every
    /// `Article` and `AuthorReply` in the data.
    #[must_use]
    pub fn entry(self) -> Option<EntryId> {
        match self {
            Source::Article(slug) => {
                content::entries().find(|e| matches!(e, EntryId::Section(_)) && e.slug() == slug)
            }
            Source::AuthorReply(slug) => {
                content::entries().find(|e| matches!(e, EntryId::Thread(_)) && e.slug() == slug)
            }
            Source::Public(_) | Source::Own => None,
        }
    }
}

/// One statement the app makes, with where it comes from (never empty).
#[derive(Debug)]
pub struct Claim {
    /// Plain English, short sentences.
    pub text: &'static str,
    /// Its sources, at least one.
    pub sources: &'static [Source],
}

/// How long a symptom usually lasts, as a source says.
#[derive(Debug)]
pub struct Lasts {
    /// The shortest usual time in days, where the source gives one ("2 to 4 weeks": 14).
    pub min_days: Option<u16>,
    /// The longest usual time in days, where the source gives a number ("up to 3 days": 3).
    /// `None` when the source only says it in words ("several days").
    pub max_days: Option<u16>,
    /// The plain-English wording.
    pub text: &'static str,
    /// Where it comes from.
    pub sources: &'static [Source],
}

/// A sign that a symptom has stopped being normal, and how urgent that makes it.
#[derive(Debug)]
pub struct Rule {
    /// The sign, as a sentence: "You still feel very tired after 3 days."
    pub when: &'static str,
    /// How urgent the sign makes it.
    pub level: Level,
    /// For a rule about time: it applies once the session was more than this many days ago.
    /// `None` for a sign the person has to notice (burning all over, a faint).
    pub after_days: Option<u16>,
    /// For a rule about time: what to do once it applies (replaces the symptom's `do_now`).
    pub do_now: Option<&'static str>,
    /// Where it comes from.
    pub sources: &'static [Source],
}

impl Rule {
    /// Whether this rule applies to everyone whose session was in `since`: only rules about
    /// time can, and only once the whole band is past `after_days`.
    #[must_use]
    pub fn applies(&self, since: TimeBand) -> bool {
        self.after_days.is_some_and(|days| since.first_day() > days)
    }
}

/// Everything the app says about one symptom.
#[derive(Debug)]
pub struct SymptomTriage {
    /// The symptom.
    pub symptom: Symptom,
    /// How worried to be when nothing else is known.
    pub level: Level,
    /// Is it common, in plain words.
    pub about: Claim,
    /// How long it usually lasts, where a source says.
    pub lasts: Option<Lasts>,
    /// What to do now.
    pub do_now: Claim,
    /// Things that help (may be empty).
    pub helps: &'static [Claim],
    /// When it stops being normal: at least one rule.
    pub get_help: &'static [Rule],
}

impl SymptomTriage {
    /// Whether this is a common reaction that usually passes (its level before any time
    /// rule applies).
    #[must_use]
    pub fn is_common(&self) -> bool {
        self.level == Level::Common
    }

    /// Every source this triage cites, first mention first, each once.
    #[must_use]
    pub fn sources(&self) -> Vec<Source> {
        let mut all = Vec::new();
        let lists = [self.about.sources, self.do_now.sources]
            .into_iter()
            .chain(self.lasts.as_ref().map(|l| l.sources))
            .chain(self.helps.iter().map(|h| h.sources))
            .chain(self.get_help.iter().map(|r| r.sources));
        for list in lists {
            push_unique(&mut all, list);
        }
        all
    }

    /// The article sections and reader threads tagged with this symptom, in content order.
    pub fn links(&self) -> impl Iterator<Item = EntryId> + 'static {
        let symptom = self.symptom;
        content::entries().filter(move |e| e.symptoms().contains(&symptom))
    }
}

/// Appends the sources in `list` that `all` does not have yet, keeping order.
fn push_unique(all: &mut Vec<Source>, list: &[Source]) {
    for s in list {
        if !all.contains(s) {
            all.push(*s);
        }
    }
}

/// One "Get help now" card in the NHS care-card style: one instruction, a few bullets.
#[derive(Debug)]
pub struct CareCard {
    /// How urgent.
    pub level: Level,
    /// The urgency in words for screen readers, e.g. "Emergency", "Same day", "Not urgent".
    pub urgency: &'static str,
    /// Whose numbers the card lists; `None` for a card that sends people to their
    /// practitioner.
    pub route: Option<CareRoute>,
    /// The one instruction: "Call an ambulance now if:".
    pub heading: &'static str,
    /// At most five precise conditions, each completing the heading.
    pub bullets: &'static [Claim],
    /// A short line under the bullets, if any.
    pub note: Option<Claim>,
}

include!(concat!(env!("OUT_DIR"), "/triage_data.rs"));

/// The triage of `symptom`. Every symptom has one: the build fails otherwise.
#[must_use]
pub fn triage(symptom: Symptom) -> &'static SymptomTriage {
    triage_of(symptom)
}

/// The usual level of `symptom` (its triage's `level`), without linking its words.
#[must_use]
pub fn level(symptom: Symptom) -> Level {
    level_of(symptom)
}

/// The "Get help now" cards, most urgent first.
#[must_use]
pub fn help_cards() -> &'static [CareCard] {
    &HELP_CARDS
}

/// The reassuring line above the cards ("Most side effects are mild…").
#[must_use]
pub fn help_intro() -> &'static Claim {
    &HELP_INTRO
}

/// The disclaimer: information only, never a reason to delay getting help.
#[must_use]
pub fn disclaimer() -> &'static str {
    DISCLAIMER
}
