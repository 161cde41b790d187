//! Normalisation and tokenising: the one place that decides what a "word" is.
//!
//! The index and the query go through the same function, so a word typed with capitals,
//! accents, curly apostrophes or dashes meets the same word in the guide. Words are runs of
//! letters and digits; apostrophes inside a word join it ("don't" → "dont", "it's" → "it"),
//! dashes and every other symbol split words, accents are folded to plain letters and
//! letters are lower-cased. Byte ranges into the original text come with every word so
//! snippets can highlight exactly what was written.

use std::ops::Range;

/// Words longer than this are cut: no real word is this long, and bounded words keep
/// fuzzy matching and allocation bounded whatever is typed or pasted.
pub const MAX_WORD_CHARS: usize = 40;

/// What a character means to the tokeniser.
enum Class {
    /// Part of a word; pushes these (already folded) characters.
    Word(Fold),
    /// A mark that belongs to the previous letter (a combining accent): skipped.
    Mark,
    /// An apostrophe: joins a word when a letter follows, else ends it.
    Apostrophe,
    /// Anything else ends a word.
    Separator,
}

/// The folded form of one character: at most two plain characters (`æ` → `ae`).
#[derive(Clone, Copy)]
struct Fold(char, Option<char>);

/// Folds Latin letters with accents to their plain letters; `None` when not a Latin letter.
fn fold_latin(c: char) -> Option<Fold> {
    let plain = match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'ă' | 'ą' | 'Ā' | 'Ă' | 'Ą' => 'a',
        'ç' | 'Ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => 'd',
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => {
            'e'
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => 'g',
        'ĥ' | 'ħ' | 'Ĥ' | 'Ħ' => 'h',
        'ì'..='ï' | 'Ì'..='Ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => {
            'i'
        }
        'ĵ' | 'Ĵ' => 'j',
        'ķ' | 'Ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => 'l',
        'ñ' | 'Ñ' | 'ń' | 'ņ' | 'ň' | 'Ń' | 'Ņ' | 'Ň' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ō' | 'ŏ' | 'ő' | 'Ō' | 'Ŏ' | 'Ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' | 'Ŕ' | 'Ŗ' | 'Ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'Ś' | 'Ŝ' | 'Ş' | 'Š' => 's',
        'ţ' | 'ť' | 'ŧ' | 'Ţ' | 'Ť' | 'Ŧ' => 't',
        'ù'..='ü'
        | 'Ù'..='Ü'
        | 'ũ'
        | 'ū'
        | 'ŭ'
        | 'ů'
        | 'ű'
        | 'ų'
        | 'Ũ'
        | 'Ū'
        | 'Ŭ'
        | 'Ů'
        | 'Ű'
        | 'Ų' => 'u',
        'ŵ' | 'Ŵ' => 'w',
        'ý' | 'ÿ' | 'Ý' | 'ŷ' | 'Ŷ' | 'Ÿ' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        'æ' | 'Æ' => return Some(Fold('a', Some('e'))),
        'œ' | 'Œ' => return Some(Fold('o', Some('e'))),
        'ß' => return Some(Fold('s', Some('s'))),
        'þ' | 'Þ' => return Some(Fold('t', Some('h'))),
        _ => return None,
    };
    Some(Fold(plain, None))
}

/// Classifies one character.
///
/// Beyond ASCII and accented Latin, characters are sorted by Unicode block, not with the
/// standard library's Unicode tables (`is_alphanumeric`, `to_lowercase`), which would add
/// about 20 KB of data to the wasm: punctuation, symbol and emoji blocks separate words,
/// every other character (Greek, Cyrillic, Hebrew, Arabic, CJK...) is part of a word, and
/// Greek and Cyrillic capitals are lower-cased by their fixed offsets.
fn classify(c: char) -> Class {
    if c.is_ascii_alphanumeric() {
        return Class::Word(Fold(c.to_ascii_lowercase(), None));
    }
    if c.is_ascii() {
        return if c == '\'' {
            Class::Apostrophe
        } else {
            Class::Separator
        };
    }
    if let Some(fold) = fold_latin(c) {
        return Class::Word(fold);
    }
    let lower = |offset: u32| char::from_u32(u32::from(c) + offset).unwrap_or(c);
    match c {
        // Curly and modifier apostrophes, as phones and word processors type them.
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{FF07}' => Class::Apostrophe,
        // Combining marks: "e" + U+0301 is "é" typed in decomposed form.
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}' => Class::Mark,
        // Latin-1 punctuation and symbols, × and ÷; Hebrew, Arabic and Devanagari
        // punctuation; general punctuation (spaces, dashes, quotes, invisible marks),
        // currency, letterlike and number forms, arrows, mathematical and technical
        // symbols, boxes, shapes, dingbats; CJK punctuation; private use; variation
        // selectors and half-width forms; emoji and pictographs; tags.
        '\u{0080}'..='\u{00BF}'
        | '\u{00D7}'
        | '\u{00F7}'
        | '\u{05BE}'
        | '\u{05C0}'
        | '\u{05C3}'
        | '\u{05C6}'
        | '\u{05F3}'..='\u{05F4}'
        | '\u{060C}'
        | '\u{061B}'
        | '\u{061F}'
        | '\u{066A}'..='\u{066D}'
        | '\u{06D4}'
        | '\u{0964}'..='\u{0965}'
        | '\u{2000}'..='\u{2BFF}'
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3000}'..='\u{303F}'
        | '\u{E000}'..='\u{F8FF}'
        | '\u{FE00}'..='\u{FE1F}'
        | '\u{FE30}'..='\u{FE6F}'
        | '\u{FEFF}'
        | '\u{FF00}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{FFF0}'..='\u{FFFF}'
        | '\u{1F000}'..='\u{1FBFF}'
        | '\u{E0000}'..='\u{E007F}' => Class::Separator,
        // Greek and Cyrillic capitals.
        '\u{0391}'..='\u{03A1}' | '\u{03A3}'..='\u{03AB}' | '\u{0410}'..='\u{042F}' => {
            Class::Word(Fold(lower(0x20), None))
        }
        '\u{0400}'..='\u{040F}' => Class::Word(Fold(lower(0x50), None)),
        _ => Class::Word(Fold(c, None)),
    }
}

/// Calls `f` with every word of `text`, normalised, and its byte range in `text`.
///
/// The range covers the word as written (accents, capitals and inner apostrophes included)
/// and always starts and ends on character boundaries.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, Range<usize>)) {
    let mut word = String::new();
    let mut chars_in_word = 0usize;
    let mut start = 0usize;
    let mut end = 0usize;
    // True right after an apostrophe inside a word: the word continues only with a letter.
    let mut after_apostrophe = false;
    let mut iter = text.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        match classify(c) {
            Class::Word(Fold(a, b)) => {
                if word.is_empty() {
                    start = at;
                } else if after_apostrophe && a == 's' && ends_word(iter.peek().map(|p| p.1)) {
                    // A possessive or contraction "'s" adds nothing a reader searches for:
                    // "Caitlin's" is found by "caitlin", "it's" by "it".
                    after_apostrophe = false;
                    end = at + c.len_utf8();
                    continue;
                }
                after_apostrophe = false;
                if chars_in_word < MAX_WORD_CHARS {
                    word.push(a);
                    chars_in_word += 1;
                    if let Some(b) = b {
                        if chars_in_word < MAX_WORD_CHARS {
                            word.push(b);
                            chars_in_word += 1;
                        }
                    }
                }
                end = at + c.len_utf8();
            }
            Class::Mark => {
                if !word.is_empty() {
                    end = at + c.len_utf8();
                }
            }
            Class::Apostrophe if !word.is_empty() && !after_apostrophe => {
                after_apostrophe = true;
            }
            Class::Apostrophe | Class::Separator => {
                if !word.is_empty() {
                    f(&word, start..end);
                    word.clear();
                    chars_in_word = 0;
                }
                after_apostrophe = false;
            }
        }
    }
    if !word.is_empty() {
        f(&word, start..end);
    }
}

/// True when the character after an apostrophe-s would end the word there.
fn ends_word(next: Option<char>) -> bool {
    next.is_none_or(|c| !matches!(classify(c), Class::Word(_) | Class::Mark))
}

/// The normalised words of `text`, in order (the query side and tests use this).
#[must_use]
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w, _| out.push(w.to_owned()));
    out
}

/// Normalises a single word or phrase to its words joined by single spaces.
#[must_use]
pub fn normalise(text: &str) -> String {
    words(text).join(" ")
}

/// True for a character that continues a word, so a query ending in it is still being typed.
#[must_use]
pub fn is_word_char(c: char) -> bool {
    matches!(classify(c), Class::Word(_) | Class::Mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(words(text), expected, "words of {text:?}");
    }

    #[test]
    fn words_are_folded_and_split() {
        check(
            "Fatigue after Acupuncture",
            &["fatigue", "after", "acupuncture"],
        );
        check(
            "café naïve Æther straße",
            &["cafe", "naive", "aether", "strasse"],
        );
        check("cafe\u{301} crème", &["cafe", "creme"]);
        check("It’s “acu-stoned”", &["it", "acu", "stoned"]);
        check("don't can’t Caitlin's", &["dont", "cant", "caitlin"]);
        check("state–low, low—low", &["state", "low", "low", "low"]);
        check(
            "1-3 days; 24-48 hours",
            &["1", "3", "days", "24", "48", "hours"],
        );
        check("  ''' ' 's ", &["s"]);
        check("rock'n'roll", &["rocknroll"]);
        check("a.k.a adrenal", &["a", "k", "a", "adrenal"]);
        check(
            "ΚΑΛΗΜΕΡΑ שלום ПРИВЕТ Ёж",
            &["καλημερα", "שלום", "привет", "ёж"],
        );
        check(
            "אבג־דהו, مرحبا؟ 你好。世界",
            &["אבג", "דהו", "مرحبا", "你好", "世界"],
        );
        check("tired\u{200B}days\u{00A0}now", &["tired", "days", "now"]);
        check("2×3 ÷ ½ №5 ™ ✓ ❤️ 🙂", &["2", "3", "5"]);
        check("🙂tired🙂", &["tired"]);
        check(".*+?^${}()|[]\\", &[]);
        check("", &[]);
    }

    #[test]
    fn ranges_cover_the_word_as_written() {
        let text = "Caitlin’s “Fatigue” naïve";
        let mut seen = Vec::new();
        for_each_word(text, |w, r| seen.push((w.to_owned(), &text[r])));
        assert_eq!(
            seen,
            [
                ("caitlin".to_owned(), "Caitlin’s"),
                ("fatigue".to_owned(), "Fatigue"),
                ("naive".to_owned(), "naïve"),
            ]
        );
    }

    #[test]
    fn long_words_are_cut() {
        let long = "a".repeat(500);
        let w = words(&long);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].chars().count(), MAX_WORD_CHARS);
    }
}
