//! Tests for `aftercare_core::content`: the whole source is present, nested as published,
//! cleaned of capture artifacts and nothing else, and the slugs and tags other modules build
//! on are stable and valid.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use aftercare_core::content::{
    article, entries, pingbacks, section_by_slug, thread_by_slug, threads, Date, EntryId, Message,
    Symptom, Thread,
};

/// Every piece of text the content model holds, with a label saying where it is.
fn all_text() -> Vec<(String, &'static str)> {
    let a = article();
    let mut out = vec![("title".to_string(), a.title)];
    out.extend(a.intro.iter().map(|p| ("intro".to_string(), *p)));
    for s in a.sections {
        let at = format!("section {}", s.number);
        for t in [s.title, s.short_title, s.summary, s.slug] {
            out.push((at.clone(), t));
        }
        out.extend(s.paragraphs.iter().map(|p| (at.clone(), *p)));
    }
    out.push(("closing".to_string(), a.closing.prompt));
    out.push(("closing".to_string(), a.closing.guide_title));
    out.extend(a.author.bio.iter().map(|p| ("bio".to_string(), *p)));
    for t in [
        a.author.name,
        a.author.credentials,
        a.author.practice,
        a.author.location,
        a.attribution.source_title,
        a.attribution.author,
        a.attribution.practice,
        a.attribution.location,
    ] {
        out.push(("author".to_string(), t));
    }
    for t in threads() {
        let at = format!("thread {}", t.comment);
        out.push((at.clone(), t.title));
        out.push((at.clone(), t.slug));
        for (_, m) in t.messages() {
            out.push((at.clone(), m.author));
            out.extend(m.paragraphs.iter().map(|p| (at.clone(), *p)));
        }
    }
    out.extend(
        pingbacks()
            .iter()
            .map(|p| ("pingback".to_string(), p.excerpt)),
    );
    for s in Symptom::ALL {
        out.push((format!("symptom {}", s.slug()), s.name()));
        out.push((format!("symptom {}", s.slug()), s.description()));
    }
    out
}

fn thread(comment: u8) -> &'static Thread {
    threads()
        .iter()
        .find(|t| t.comment == comment)
        .unwrap_or_else(|| panic!("no thread for comment {comment}"))
}

fn is_url_safe(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[test]
fn six_sections_numbered_in_order_with_pinned_slugs() {
    // Slugs are page addresses (/effects/<slug>): a rename breaks bookmarks and shared links.
    let expected = [
        (1, "emotional-release"),
        (2, "sensations-elsewhere"),
        (3, "feeling-spacey"),
        (4, "bathroom"),
        (5, "fatigue"),
        (6, "twitchy-muscles"),
    ];
    let got: Vec<(u8, &str)> = article()
        .sections
        .iter()
        .map(|s| (s.number, s.slug))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn seventeen_threads_for_comments_2_to_18_with_pinned_slugs() {
    // Slugs are page addresses (/faq/<slug>): a rename breaks bookmarks and shared links.
    let expected = [
        (2, "needle-feeling-still-in"),
        (3, "sick-then-light-headed"),
        (4, "needle-left-in"),
        (5, "burning-inside-cold-outside"),
        (6, "light-headed-for-weeks"),
        (7, "tingling-pain-and-bruise"),
        (8, "anxious-and-achy"),
        (9, "electric-pain-numb-finger"),
        (10, "racing-heart-dizzy-sweaty"),
        (11, "tingling-cold-foot"),
        (12, "flu-like-and-drained"),
        (13, "dizzy-and-vomiting"),
        (14, "insomnia-and-twitchy-arm"),
        (15, "sore-spots-worse"),
        (16, "crying-and-heat-wave"),
        (17, "acupuncture-for-skin"),
        (18, "burning-all-over"),
    ];
    let got: Vec<(u8, &str)> = threads().iter().map(|t| (t.comment, t.slug)).collect();
    assert_eq!(got, expected);
}

/// The article author's name as it appears on her replies.
const C: &str = "Caitlin Gordon";

/// (comment, [(depth, author, ISO date, time)]) in depth-first reading order: this pins
/// every reply of the source, where it hangs, and the 12-hour to 24-hour conversion.
#[allow(clippy::type_complexity)]
const MESSAGES: &[(u8, &[(usize, &str, &str, &str)])] = &[
    (
        2,
        &[
            (0, "Allen Emerson", "2017-09-30", "21:22"),
            (1, C, "2017-10-01", "00:11"),
        ],
    ),
    (
        3,
        &[
            (0, "Judith Noble", "2017-10-25", "03:37"),
            (1, C, "2017-10-25", "08:18"),
        ],
    ),
    (
        4,
        &[
            (0, "Samar Shmassy", "2017-11-14", "05:21"),
            (1, C, "2017-11-14", "07:09"),
        ],
    ),
    (
        5,
        &[
            (0, "Elif Muzaffer", "2017-11-17", "11:09"),
            (1, C, "2017-11-19", "19:28"),
            (2, "Janet", "2017-12-05", "08:26"),
            (3, C, "2017-12-05", "08:29"),
            (3, C, "2017-12-05", "14:55"),
        ],
    ),
    (
        6,
        &[
            (0, "Pam", "2017-11-27", "12:11"),
            (1, C, "2017-11-27", "12:20"),
        ],
    ),
    (
        7,
        &[
            (0, "Chress", "2017-12-20", "07:19"),
            (1, C, "2017-12-20", "08:00"),
        ],
    ),
    (
        8,
        &[
            (0, "Sarah", "2017-12-22", "16:03"),
            (1, C, "2017-12-23", "11:20"),
        ],
    ),
    (
        9,
        &[
            (0, "Kurt", "2017-12-26", "08:09"),
            (1, C, "2017-12-26", "10:08"),
        ],
    ),
    (
        10,
        &[
            (0, "Mara", "2018-02-03", "14:37"),
            (1, C, "2018-02-03", "14:47"),
            (2, "Mara", "2018-02-04", "10:32"),
        ],
    ),
    (
        11,
        &[
            (0, "Saul", "2018-02-14", "16:05"),
            (1, C, "2018-02-14", "16:13"),
        ],
    ),
    (
        12,
        &[
            (0, "Dani", "2018-03-05", "15:19"),
            (1, C, "2018-03-06", "15:42"),
        ],
    ),
    (
        13,
        &[
            (0, "Ruksam", "2018-03-15", "21:00"),
            (1, C, "2018-03-16", "10:37"),
        ],
    ),
    (
        14,
        &[
            (0, "Bo", "2018-04-04", "11:30"),
            (1, C, "2018-04-04", "11:37"),
        ],
    ),
    (
        15,
        &[
            (0, "Johnny Langille", "2018-05-03", "23:22"),
            (1, C, "2018-05-04", "08:48"),
        ],
    ),
    (
        16,
        &[
            (0, "Maureen Nelson", "2018-05-05", "08:58"),
            (1, C, "2018-05-06", "17:51"),
        ],
    ),
    (17, &[(0, "Cris", "2018-05-06", "01:43")]),
    (
        18,
        &[
            (0, "Sam", "2018-06-15", "18:39"),
            (1, C, "2018-06-16", "11:26"),
        ],
    ),
];

#[test]
fn every_message_is_present_with_its_nesting_author_date_and_time() {
    assert_eq!(MESSAGES.len(), threads().len());
    for (comment, messages) in MESSAGES {
        let got: Vec<(usize, &str, String, &str)> = thread(*comment)
            .messages()
            .map(|(d, m)| (d, m.author, m.date.iso(), m.time))
            .collect();
        let want: Vec<(usize, &str, String, &str)> = messages
            .iter()
            .map(|(d, a, date, time)| (*d, *a, (*date).to_string(), *time))
            .collect();
        assert_eq!(got, want, "thread {comment}");
    }
    let total: usize = threads().iter().map(|t| t.messages().count()).sum();
    assert_eq!(total, 37, "17 questions and 20 replies in the source");
}

#[test]
fn nested_replies_hang_where_published() {
    // Janet's follow-up answers Caitlin inside Elif's thread, and both answers to Janet
    // answer Janet, not Elif: a flattened import would lose who is talking to whom.
    let elif = &thread(5).question;
    assert_eq!(elif.replies.len(), 1);
    let answer = &elif.replies[0];
    assert_eq!(answer.replies.len(), 1);
    let janet = &answer.replies[0];
    assert_eq!(janet.author, "Janet");
    assert_eq!(janet.replies.len(), 2);
    assert!(janet.replies.iter().all(|m| m.by_article_author));
    assert!(janet.replies[0].paragraphs[0].starts_with("Hi Janet, burning is not"));

    let mara = &thread(10).question;
    assert_eq!(mara.replies.len(), 1);
    assert_eq!(mara.replies[0].replies.len(), 1);
    assert_eq!(mara.replies[0].replies[0].paragraphs, ["Thank you."]);

    assert!(thread(17).question.replies.is_empty());
}

#[test]
fn only_comment_17_is_unanswered() {
    let unanswered: Vec<u8> = threads()
        .iter()
        .filter(|t| !t.is_answered())
        .map(|t| t.comment)
        .collect();
    assert_eq!(unanswered, [17]);
}

#[test]
fn by_article_author_marks_exactly_caitlins_messages() {
    let author = article().author.name;
    for t in threads() {
        for (_, m) in t.messages() {
            assert_eq!(
                m.by_article_author,
                m.author == author,
                "thread {}: {}",
                t.comment,
                m.author
            );
        }
    }
}

#[test]
fn no_capture_artifacts_remain() {
    let artifacts = [
        "acupuncture needles on wood",
        "brain scans showing",
        "see the image",
        "- Reply",
        "[…]",
        "[...]",
        "Learn more about Acupuncture",
        "Leave A Comment",
        "\u{a0}",
        "•",
    ];
    for (at, text) in all_text() {
        for artifact in artifacts {
            assert!(!text.contains(artifact), "{at}: {artifact:?} in {text:?}");
        }
        assert!(!text.ends_with(" Reply"), "{at}: button label in {text:?}");
        assert_eq!(text.trim(), text, "{at}: stray whitespace in {text:?}");
    }
}

#[test]
fn cleaned_passages_read_on_without_the_artifact() {
    #[track_caller]
    fn check(text: &str, expected: &str) {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
    let a = article();
    assert!(a.intro[0].starts_with("Acupuncture can make you feel all kinds of ways!"));
    let fatigue = section_by_slug("fatigue").unwrap().paragraphs[0];
    assert!(fatigue.starts_with("Of all the acupuncture side effects,"));
    check(
        fatigue,
        "Acupuncture lowers stress hormones, which can leave you feeling your true energetic state–low, low, low.",
    );
    let twitchy = section_by_slug("twitchy-muscles").unwrap().paragraphs[0];
    check(
        twitchy,
        "call it “Dry Needling“. It should always be performed",
    );
    check(
        pingbacks()[0].excerpt,
        "For more information about this type of needling, see Dry Needling.",
    );
}

#[test]
fn distinctive_sentences_from_across_the_source_are_where_they_belong() {
    #[track_caller]
    fn check(text: &[(String, &str)], at: &str, sentence: &str) {
        let found: Vec<&str> = text
            .iter()
            .filter(|(_, t)| t.contains(sentence))
            .map(|(where_, _)| where_.as_str())
            .collect();
        assert!(
            found.contains(&at),
            "{sentence:?} expected in {at}, found in {found:?}"
        );
    }
    // A sample from every part of the page; each must sit in the named place, whole.
    let table = [
        ("intro", "There are few to no negative acupuncture side effects."),
        ("section 1", "Acupuncture can stir up stuck emotions."),
        ("section 1", "This is one of the acupuncture side effects most common in my practice, where I specialize in stress, anxiety, and depression."),
        ("section 2", "This is due to the connection between acupuncture meridians."),
        ("section 2", "Acupuncture accesses many dimensions of healing on a cellular level."),
        ("section 3", "I jokingly call it being “acu-stoned”."),
        ("section 3", "Some people feel simultaneously energized and deeply relaxed after acupuncture. If you have a lot of stuck energy"),
        ("section 4", "This is your “rest and digest” mode."),
        ("section 5", "Fatigue after acupuncture can last up to three days."),
        ("section 5", "For severe cases of burn-out (a.k.a adrenal fatigue), herbs or supplements might be needed."),
        ("section 6", "With any treatment approach, consistency is key."),
        ("closing", "Want to improve your chances of getting great results from acupuncture?"),
        ("closing", "4 Essential Steps to Make Acupuncture Work"),
        ("bio", "She specializes in treating stress, anxiety, and depression without pharmaceuticals."),
        ("pingback", "Deep intramuscular needling sites may be swabbed."),
        ("thread 2", "It is will pass within 1-3 days."),
        ("thread 4", "forgotten a needle in my Leg!!"),
        ("thread 5", "Somewhat like the feeling of the dye before a MRI or like someone had rubbed A5-35 all over my body."),
        ("thread 5", "please beware that chiropractors, PTs, etc often are only required to take a weekend course"),
        ("thread 6", "Lightheadedness can be from many things but the most likely reasons are low blood pressure or low blood sugar."),
        ("thread 7", "I’m having tingling and pain that shoots up my hand where needles were inserted.This is 5 days post treatment."),
        ("thread 8", "My name is Caitlin, not Janet. But I’m happy to answer your question."),
        ("thread 8", "Thank you very much."),
        ("thread 9", "Nerves typically repair/calm down on their own in 2-4 weeks. Hope this helps!"),
        ("thread 10", "That type of reactions to needles is a vagal nerve response"),
        ("thread 11", "And now my foot feels really cold"),
        ("thread 12", "I’ve basically been laid up for 5 day like I have the flu (but I don’t, no fever). Thanks!"),
        ("thread 13", "He is 16 years old."),
        ("thread 14", "Also i seem to feel a weird twitchy/vibration in my left arm."),
        ("thread 15", "Just make sure you’re seeing someone who did a 3-4 year masters program in acupuncture. Best luck!"),
        ("thread 16", "which actually woke me up from the nap when the needles were in."),
        ("thread 17", "Many thanks, Cris"),
        ("thread 18", "There’s nothing that acupuncture needles do that would cause a full body burning sensation."),
    ];
    let text = all_text();
    for (at, sentence) in table {
        check(&text, at, sentence);
    }
}

#[test]
fn paragraphs_follow_the_source_lines() {
    // Each source line is one paragraph, so greetings on their own line stay on their own.
    #[track_caller]
    fn check(paragraphs: &[&str], expected: &[&str]) {
        assert_eq!(paragraphs.len(), expected.len(), "{paragraphs:?}");
        for (p, e) in paragraphs.iter().zip(expected) {
            assert!(p.starts_with(e), "{p:?} should start with {e:?}");
        }
    }
    check(
        thread(14).question.paragraphs,
        &[
            "Hi Caitlin,",
            "I just had my 3rd",
            "I feel very relaxed",
            "Should I expect",
            "Also i seem",
            "Is this common?",
        ],
    );
    check(
        thread(6).question.replies[0].paragraphs,
        &["Hi Pam,", "Lightheadedness"],
    );
    check(
        thread(8).question.paragraphs,
        &[
            "Hello Janet",
            "I had my first",
            "I don’t want",
            "Thank you very much.",
        ],
    );
    check(
        thread(17).question.paragraphs,
        &["Hi Caitlin, I am currently", "Many thanks, Cris"],
    );
    check(thread(2).question.replies[0].paragraphs, &["Hi Allen,"]);
}

#[test]
fn readers_typos_and_punctuation_are_preserved() {
    let text = all_text();
    for (at, word) in [
        ("thread 5", "fanastic"),
        ("thread 6", "seesion"),
        ("thread 5", "linnament"),
        ("thread 9", "sine the pain"),
        ("thread 5", "treatment area – when"),
        ("thread 5", "dry needling– was"),
        ("thread 5", "cold on the outside ."),
        ("section 5", "state–low"),
    ] {
        assert!(
            text.iter().any(|(w, t)| w == at && t.contains(word)),
            "{word:?} missing from {at}"
        );
    }
}

#[test]
fn slugs_are_unique_and_url_safe() {
    let mut seen = HashSet::new();
    for id in entries() {
        assert!(is_url_safe(id.slug()), "{id:?}: {:?}", id.slug());
        assert!(
            seen.insert(id.slug()),
            "duplicate entry slug {:?}",
            id.slug()
        );
    }
    let mut seen = HashSet::new();
    for s in Symptom::ALL {
        assert!(is_url_safe(s.slug()), "{s:?}");
        assert!(
            seen.insert(s.slug()),
            "duplicate symptom slug {:?}",
            s.slug()
        );
    }
}

#[test]
fn symptom_taxonomy_is_pinned_and_complete() {
    let slugs: Vec<&str> = Symptom::ALL.iter().map(|s| s.slug()).collect();
    assert_eq!(
        slugs,
        [
            "emotional",
            "sensations",
            "tingling",
            "spacey",
            "dizzy",
            "bathroom",
            "fatigue",
            "twitching",
            "needle-sensation",
            "needle-left-in",
            "nausea",
            "heart",
            "fainting",
            "burning",
            "hot-cold",
            "nerve",
            "soreness",
            "bruising",
            "flu-like",
            "anxiety",
            "sleep",
            "skin",
            "chest",
            "infection",
        ]
    );
    let red: Vec<Symptom> = Symptom::ALL
        .iter()
        .copied()
        .filter(|s| s.is_red_flag())
        .collect();
    assert_eq!(red, [Symptom::Chest, Symptom::Infection]);
    for s in Symptom::ALL {
        assert!(!s.name().is_empty() && !s.description().is_empty(), "{s:?}");
        assert!(s.synonyms().len() >= 5, "{s:?} has too few synonyms");
        for syn in s.synonyms() {
            assert_eq!(syn.to_lowercase(), *syn, "{s:?}: synonyms are lower case");
        }
        assert_eq!(Symptom::from_slug(s.slug()), Some(*s));
    }
    for unknown in ["", "Fatigue", "fatigue ", "tired", "needle_left_in"] {
        assert_eq!(Symptom::from_slug(unknown), None, "{unknown:?}");
    }
}

#[test]
fn symptom_names_and_synonyms_match_the_brief() {
    #[track_caller]
    fn check(s: Symptom, name: &str, synonyms: &[&str]) {
        assert_eq!(s.name(), name);
        for w in synonyms {
            assert!(s.synonyms().contains(w), "{s:?} lacks {w:?}");
        }
    }
    check(
        Symptom::Fatigue,
        "Tired or drained",
        &["tired", "exhausted", "wiped out"],
    );
    check(
        Symptom::Bathroom,
        "Needing the toilet",
        &["pee", "poop", "bowel movement"],
    );
    check(
        Symptom::Spacey,
        "Spacey or foggy",
        &["fuzzy", "out of it", "acu-stoned"],
    );
    check(
        Symptom::Tingling,
        "Tingling or pins and needles",
        &["pins and needles", "buzzing"],
    );
    check(Symptom::Twitching, "Muscle twitches", &["twitch", "spasm"]);
    check(
        Symptom::NeedleLeftIn,
        "A needle left in",
        &["forgotten needle"],
    );
    check(
        Symptom::Chest,
        "Chest pain or breathlessness",
        &["short of breath"],
    );
    check(
        Symptom::Infection,
        "Red, hot or swollen needle site",
        &["pus", "fever"],
    );
}

#[test]
fn every_entry_is_tagged_and_every_everyday_symptom_is_used() {
    let mut used = HashSet::new();
    for id in entries() {
        assert!(!id.symptoms().is_empty(), "{id:?} has no symptom tags");
        used.extend(id.symptoms().iter().copied());
    }
    for s in Symptom::ALL {
        assert!(
            s.is_red_flag() || used.contains(s),
            "{s:?} is not used by any section or thread"
        );
    }
}

#[test]
fn tags_cover_what_each_thread_discusses() {
    #[track_caller]
    fn check(comment: u8, expected: &[Symptom]) {
        let tags = thread(comment).symptoms;
        for s in expected {
            assert!(tags.contains(s), "thread {comment} lacks {s:?}: {tags:?}");
        }
    }
    use Symptom::{
        Anxiety, Bruising, Burning, Dizzy, Emotional, Fainting, Fatigue, FluLike, Heart, HotCold,
        Nausea, NeedleLeftIn, NeedleSensation, Nerve, Skin, Sleep, Soreness, Tingling, Twitching,
    };
    check(2, &[NeedleSensation]);
    check(3, &[Nausea, Dizzy]);
    check(4, &[NeedleLeftIn]);
    // Janet's burning is inside Elif's thread, so the thread carries both women's symptoms.
    check(5, &[Burning, HotCold, Sleep, Anxiety]);
    check(7, &[Tingling, Nerve, Bruising]);
    check(8, &[Anxiety, Sleep, Soreness]);
    check(9, &[Nerve]);
    check(10, &[Heart, Dizzy, Nausea, Fainting]);
    check(12, &[FluLike, Fatigue, Anxiety, Heart]);
    check(13, &[Dizzy, Nausea]);
    check(14, &[Sleep, Twitching]);
    check(15, &[Soreness]);
    check(16, &[Emotional, HotCold, Skin]);
    check(17, &[Skin]);
    check(18, &[Burning]);
    assert_eq!(section_by_slug("fatigue").unwrap().symptoms, [Fatigue]);
}

#[test]
fn pingback_is_kept_apart_from_threads() {
    let p = pingbacks();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].comment, 1);
    assert!(threads().iter().all(|t| t.comment != 1));
    assert!(thread_by_slug("pingback").is_none());
    assert!(threads()
        .iter()
        .flat_map(Thread::messages)
        .all(|(_, m)| m.paragraphs.iter().all(|para| !para.contains("swabbed"))));
}

#[test]
fn author_and_attribution_are_present() {
    let a = article();
    assert_eq!(
        a.title,
        "Weird Acupuncture Side Effects That are Totally Normal"
    );
    assert_eq!(a.author.name, "Caitlin Gordon");
    assert_eq!(a.author.credentials, "M.S., L.Ac., C.M.F.P.");
    assert_eq!(a.author.practice, "Amaluna Acupuncture & Wellness");
    assert_eq!(a.author.location, "Boulder, Colorado");
    assert_eq!(a.author.byline(), "Caitlin Gordon, M.S., L.Ac., C.M.F.P.");
    assert!(a.author.bio[0]
        .starts_with("Caitlin Gordon, M.S., L.Ac., C.M.F.P., is a functional medicine clinician"));
    assert_eq!(a.attribution.source_title, a.title);
    assert_eq!(a.attribution.author, a.author.byline());
    assert_eq!(a.attribution.practice, a.author.practice);
    assert_eq!(a.attribution.location, a.author.location);
    assert_eq!(a.last_reviewed.iso(), "2026-11-28");
    assert_eq!(
        a.closing.guide_title,
        "4 Essential Steps to Make Acupuncture Work"
    );
}

#[test]
fn dates_format_for_people_and_machines() {
    #[track_caller]
    fn check(date: Date, long: &str, iso: &str) {
        assert_eq!(date.long(), long);
        assert_eq!(date.to_string(), long);
        assert_eq!(date.iso(), iso);
    }
    check(thread(2).question.date, "30 September 2017", "2017-09-30");
    check(thread(18).question.date, "15 June 2018", "2018-06-15");
    check(
        Date {
            year: 2018,
            month: 1,
            day: 5,
        },
        "5 January 2018",
        "2018-01-05",
    );
    check(
        Date {
            year: 2017,
            month: 12,
            day: 31,
        },
        "31 December 2017",
        "2017-12-31",
    );
    // Out-of-range months cannot come from the generator; they still must not panic.
    check(
        Date {
            year: 2017,
            month: 13,
            day: 1,
        },
        "1  2017",
        "2017-13-01",
    );
    check(
        Date {
            year: 2017,
            month: 0,
            day: 1,
        },
        "1  2017",
        "2017-00-01",
    );
}

#[test]
fn entries_list_sections_then_threads() {
    #[track_caller]
    fn check(id: EntryId, title: &str, slug: &str, path: &str) {
        assert_eq!(
            (id.title(), id.slug(), id.path().as_str()),
            (title, slug, path)
        );
    }
    let ids: Vec<EntryId> = entries().collect();
    assert_eq!(ids.len(), 6 + 17);
    assert_eq!(ids[0], EntryId::Section(0));
    assert_eq!(ids[6], EntryId::Thread(0));
    check(
        EntryId::Section(4),
        "Fatigue after acupuncture",
        "fatigue",
        "/effects/fatigue",
    );
    check(
        EntryId::Thread(2),
        "A needle was left in",
        "needle-left-in",
        "/faq/needle-left-in",
    );
    // Ids can be built by hand; a stale one yields nothing instead of panicking.
    check(EntryId::Section(99), "", "", "/effects/");
    check(EntryId::Thread(99), "", "", "/faq/");
    assert!(EntryId::Thread(99).symptoms().is_empty());
    assert!(EntryId::Section(0).thread().is_none());
}

#[test]
fn lookups_by_slug_round_trip() {
    for s in article().sections {
        assert!(std::ptr::eq(section_by_slug(s.slug).unwrap(), s));
    }
    for t in threads() {
        assert!(std::ptr::eq(thread_by_slug(t.slug).unwrap(), t));
    }
    for unknown in ["", "Fatigue", "needle-left-in-2", "fatigue/"] {
        assert!(section_by_slug(unknown).is_none(), "{unknown:?}");
        assert!(thread_by_slug(unknown).is_none(), "{unknown:?}");
    }
}

#[test]
fn walk_visits_replies_depth_first_in_reading_order() {
    let order: Vec<(usize, &str)> = thread(5)
        .messages()
        .map(|(d, m): (usize, &Message)| (d, m.time))
        .collect();
    assert_eq!(
        order,
        [
            (0, "11:09"),
            (1, "19:28"),
            (2, "08:26"),
            (3, "08:29"),
            (3, "14:55")
        ]
    );
    assert_eq!(thread(17).messages().count(), 1);
}

/// The keys links and routes use (kept apart from the text so the journal and the checker
/// carry none of it) say the same as the sections and threads they name.
#[test]
fn entry_keys_match_the_entries_they_name() {
    let sections = &article().sections;
    assert_eq!(
        aftercare_core::content::section_keys().len(),
        sections.len()
    );
    for (key, section) in aftercare_core::content::section_keys()
        .iter()
        .zip(sections.iter())
    {
        assert_eq!(key.slug, section.slug);
        assert_eq!(key.title, section.title);
        assert_eq!(key.short_title, section.short_title);
        assert_eq!(key.symptoms, section.symptoms);
    }
    let threads = threads();
    assert_eq!(aftercare_core::content::thread_keys().len(), threads.len());
    for (key, thread) in aftercare_core::content::thread_keys()
        .iter()
        .zip(threads.iter())
    {
        assert_eq!(key.slug, thread.slug);
        assert_eq!(key.title, thread.title);
        assert_eq!(key.symptoms, thread.symptoms);
    }
    assert!(std::ptr::eq(
        article().author,
        aftercare_core::content::author()
    ));
    assert!(std::ptr::eq(
        article().attribution,
        aftercare_core::content::attribution()
    ));
}
