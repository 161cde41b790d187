//! Typo tolerance: a bounded Damerau–Levenshtein distance and the budget of edits per word.
//!
//! The distance is the "optimal string alignment" variant: insertions, deletions,
//! substitutions and transpositions of two neighbouring letters each cost one edit
//! ("fatgiue" is one edit from "fatigue"). The computation stops as soon as the budget is
//! exceeded, and a cheap letter-set test rules most words out before it starts, so scanning
//! a vocabulary of tens of thousands of words stays well under a millisecond.

/// Longest word that fuzzy matching considers; longer words only match exactly.
pub const MAX_FUZZY_CHARS: usize = 32;

/// How many edits a query word of `chars` characters may be away from a word of the guide:
/// none below 4 letters, 1 for 4 to 7, 2 for 8 or more.
#[must_use]
pub fn max_edits(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A 32-bit summary of which letters a word contains (a–z, digits folded onto the same
/// bits, anything else on one spare bit). One edit adds at most one letter the other word
/// lacks and removes at most one, so two words whose sets differ by more than `k` letters
/// either way cannot be within `k` edits.
#[must_use]
pub fn letter_mask(word: &str) -> u32 {
    let mut mask = 0u32;
    for c in word.chars() {
        let bit = match c {
            'a'..='z' => u32::from(c) - u32::from('a'),
            '0'..='9' => u32::from(c) - u32::from('0'),
            _ => 26,
        };
        mask |= 1 << bit;
    }
    mask
}

/// True when the letter sets allow a distance of at most `k`.
#[must_use]
pub fn masks_allow(a: u32, b: u32, k: u8) -> bool {
    (a & !b).count_ones() <= u32::from(k) && (b & !a).count_ones() <= u32::from(k)
}

/// The Damerau (optimal string alignment) distance between `a` and `b` if it is at most
/// `max`, else `None`. Works on characters, so accented or non-Latin words are safe.
#[must_use]
pub fn distance_within(a: &str, b: &str, max: u8) -> Option<u8> {
    if a.is_ascii() && b.is_ascii() {
        bounded(a.as_bytes(), b.as_bytes(), max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        bounded(&a, &b, max)
    }
}

/// The bounded dynamic programme over three rolling rows, on stack arrays.
fn bounded<T: PartialEq + Copy>(word: &[T], other: &[T], max: u8) -> Option<u8> {
    const W: usize = MAX_FUZZY_CHARS + 1;
    let (rows, cols) = (word.len(), other.len());
    if rows > MAX_FUZZY_CHARS || cols > MAX_FUZZY_CHARS || rows.abs_diff(cols) > usize::from(max) {
        return None;
    }
    if rows == 0 || cols == 0 {
        // The budget check above already bounded the length of the other word.
        return u8::try_from(rows.max(cols)).ok();
    }
    let mut before = [0u8; W];
    let mut prev = [0u8; W];
    let mut cur = [0u8; W];
    for (j, cell) in prev.iter_mut().enumerate().take(cols + 1) {
        *cell = u8::try_from(j).unwrap_or(u8::MAX);
    }
    for i in 1..=rows {
        cur[0] = u8::try_from(i).unwrap_or(u8::MAX);
        let mut row_min = cur[0];
        for j in 1..=cols {
            let cost = u8::from(word[i - 1] != other[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && word[i - 1] == other[j - 2] && word[i - 2] == other[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            // Every later cell is at least this row's minimum: the budget is gone.
            return None;
        }
        before = prev;
        prev = cur;
    }
    let d = prev[cols];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(a: &str, b: &str, max: u8, expected: Option<u8>) {
        assert_eq!(
            distance_within(a, b, max),
            expected,
            "{a:?} vs {b:?} within {max}"
        );
        assert_eq!(
            distance_within(b, a, max),
            expected,
            "{b:?} vs {a:?} within {max}"
        );
        if expected.is_some() {
            assert!(
                masks_allow(letter_mask(a), letter_mask(b), max),
                "mask {a} {b}"
            );
        }
    }

    #[test]
    fn distances() {
        check("fatigue", "fatigue", 1, Some(0));
        check("fatige", "fatigue", 1, Some(1));
        check("fatgiue", "fatigue", 1, Some(1));
        check("twitchey", "twitchy", 2, Some(1));
        check("lightheded", "lightheaded", 2, Some(1));
        check("tinglnig", "tingling", 2, Some(1));
        check("nasuea", "nausea", 1, Some(1));
        check("dizy", "dizzy", 1, Some(1));
        check("sleep", "slept", 1, None);
        check("sleep", "slept", 2, Some(2));
        check("abcd", "badc", 2, Some(2));
        check("fatigue", "fatal", 2, None);
        check("kitten", "sitting", 2, None);
        check("kitten", "sitting", 3, Some(3));
        check("", "abc", 3, Some(3));
        check("", "abc", 2, None);
        check("naïve", "naive", 1, Some(1));
        check("שלום", "שלוס", 1, Some(1));
    }

    #[test]
    fn long_words_never_match_fuzzily() {
        let long = "a".repeat(MAX_FUZZY_CHARS + 1);
        check(&long, &long, 2, None);
    }

    #[test]
    fn edit_budget_by_length() {
        let budgets: Vec<u8> = (0..=10).map(max_edits).collect();
        assert_eq!(budgets, [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    }
}
