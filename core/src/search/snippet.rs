//! Snippets: about 160 characters of an entry's text around its densest matches, as
//! [`Segment`]s with the matching words flagged.
//!
//! The window is chosen to hold the most distinct matched terms (then the most matches),
//! widened evenly to the target length, and cut only at whitespace, so it never splits a
//! word or a character. Lengths are measured in bytes, which for this English text is the
//! number of characters give or take a curly quote, and costs no counting. Segments are plain text: the UI makes them text nodes and `<mark>`
//! elements, so no markup is ever built from content or query.

use std::ops::Range;

use super::Segment;

/// Highlighted words of a text: (term id, byte range), in text order.
pub(super) type Marks = Vec<(u32, Range<usize>)>;

/// Most matches considered when choosing a window, to bound time on long texts.
const MAX_MARKS: usize = 256;

/// The leading and trailing marks of text left out.
const ELLIPSIS: &str = "…";

/// A chosen run of matches: marks `first..=last`, with how many distinct terms and matches
/// it holds. An empty window (no matches) starts the snippet at the beginning.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Window {
    first: usize,
    last: usize,
    distinct: usize,
    count: usize,
}

impl Window {
    /// Whether this window shows more of the query than `other`.
    pub(super) fn better_than(&self, other: &Window) -> bool {
        (self.distinct, self.count) > (other.distinct, other.count)
    }
}

/// The window of at most `target` bytes holding the most distinct matched terms.
/// `marks` are (term, byte range) in text order.
pub(super) fn best_window(marks: &[(u32, Range<usize>)], target: usize) -> Window {
    let marks = &marks[..marks.len().min(MAX_MARKS)];
    let mut best = Window::default();
    let mut terms: Vec<u32> = Vec::new();
    for i in 0..marks.len() {
        terms.clear();
        let mut j = i;
        while j < marks.len() && marks[j].1.end - marks[i].1.start <= target {
            if !terms.contains(&marks[j].0) {
                terms.push(marks[j].0);
            }
            let w = Window {
                first: i,
                last: j,
                distinct: terms.len(),
                count: j - i + 1,
            };
            if w.better_than(&best) {
                best = w;
            }
            j += 1;
        }
    }
    best
}

/// `text[range]`, or "" for a range that is not on character boundaries (never the case
/// here: ranges come from the tokeniser). Not indexing keeps the panic path, and the
/// formatting code it brings, out of the wasm.
fn slice(text: &str, range: Range<usize>) -> &str {
    text.get(range).unwrap_or("")
}

/// Appends a piece of text, merging it into the previous piece when neither is
/// highlighted.
fn push(out: &mut Vec<Segment>, text: &str, highlighted: bool) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if !last.highlighted && !highlighted => last.text.push_str(text),
        _ => out.push(Segment {
            text: text.to_owned(),
            highlighted,
        }),
    }
}

/// The segments of `text[range]` with the marks inside it highlighted.
fn segments(text: &str, range: Range<usize>, marks: &[(u32, Range<usize>)]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = range.start;
    for (_, m) in marks {
        if m.start < at || m.end > range.end {
            continue;
        }
        push(&mut out, slice(text, at..m.start), false);
        push(&mut out, slice(text, m.clone()), true);
        at = m.end;
    }
    push(&mut out, slice(text, at..range.end), false);
    out
}

/// All of `text` with the marks highlighted (for titles).
pub(super) fn highlight_all(text: &str, marks: &[(u32, Range<usize>)]) -> Vec<Segment> {
    segments(text, 0..text.len(), marks)
}

/// The char boundary at most `n` bytes before `at` (or 0), as close to `n` as possible.
fn back(text: &str, at: usize, n: usize) -> usize {
    let mut p = at.saturating_sub(n);
    while !text.is_char_boundary(p) {
        p += 1;
    }
    p
}

/// The char boundary at most `n` bytes after `at` (or the end), as close to `n` as possible.
fn forward(text: &str, at: usize, n: usize) -> usize {
    let mut p = at.saturating_add(n).min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// The snippet for a window: the matches widened to about `target` bytes, cut at
/// whitespace, with "…" where text was left out.
pub(super) fn render(
    text: &str,
    marks: &[(u32, Range<usize>)],
    window: &Window,
    target: usize,
) -> Vec<Segment> {
    let (core, used) = match (marks.get(window.first), marks.get(window.last)) {
        (Some(a), Some(b)) if window.count > 0 => (a.1.start..b.1.end, b.1.end - a.1.start),
        _ => (0..0, 0),
    };
    // Widen evenly; what one side cannot use goes to the other.
    let spare = target.saturating_sub(used);
    let room_left = core.start;
    let room_right = text.len() - core.end;
    let mut left = spare / 2;
    let mut right = spare - left;
    if room_left < left {
        right += left - room_left;
        left = room_left;
    }
    if room_right < right {
        left = (left + right - room_right).min(room_left);
    }
    let mut start = back(text, core.start, left);
    let mut end = forward(text, core.end, right);
    // Cut at whitespace so no word is split.
    if start > 0 && !slice(text, 0..start).ends_with(char::is_whitespace) {
        start = slice(text, start..core.start)
            .find(char::is_whitespace)
            .map_or(core.start, |i| start + i);
    }
    if end < text.len() && !slice(text, end..text.len()).starts_with(char::is_whitespace) {
        end = slice(text, core.end..end)
            .rfind(char::is_whitespace)
            .map_or(core.end, |i| core.end + i);
    }
    let mut out = Vec::new();
    if start > 0 {
        push(&mut out, ELLIPSIS, false);
        push(&mut out, " ", false);
    }
    let body = segments(text, start..end, marks);
    let n = body.len();
    for (i, mut seg) in body.into_iter().enumerate() {
        if i == 0 && !seg.highlighted {
            seg.text = seg.text.trim_start().to_owned();
        }
        if i + 1 == n && !seg.highlighted {
            seg.text = seg.text.trim_end().to_owned();
        }
        push(&mut out, &seg.text, seg.highlighted);
    }
    if end < text.len() {
        push(&mut out, " ", false);
        push(&mut out, ELLIPSIS, false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalise::for_each_word;

    /// Marks every occurrence of the given normalised words in `text`.
    fn marks_for(text: &str, words: &[&str]) -> Vec<(u32, Range<usize>)> {
        let mut out = Vec::new();
        for_each_word(text, |w, r| {
            if let Some(i) = words.iter().position(|x| *x == w) {
                out.push((u32::try_from(i).unwrap_or(0), r));
            }
        });
        out
    }

    /// Renders segments as text with `[...]` around highlights.
    fn show(segs: &[Segment]) -> String {
        segs.iter()
            .map(|s| {
                if s.highlighted {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[track_caller]
    fn check(text: &str, words: &[&str], target: usize, expected: &str) {
        let marks = marks_for(text, words);
        let w = best_window(&marks, target);
        let segs = render(text, &marks, &w, target);
        assert_eq!(show(&segs), expected, "snippet of {text:?} for {words:?}");
        let plain: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert!(plain.chars().count() <= target + 2, "too long: {plain:?}");
    }

    #[test]
    fn snippets() {
        check("short text here", &["text"], 160, "short [text] here");
        check(
            "one two three four five six seven eight nine ten",
            &["five"],
            20,
            "… four [five] six …",
        );
        check(
            "alpha beta gamma delta epsilon zeta eta theta iota kappa",
            &["alpha"],
            20,
            "[alpha] beta gamma …",
        );
        check(
            "alpha beta gamma delta epsilon zeta eta theta iota kappa",
            &["kappa"],
            20,
            "… eta theta iota [kappa]",
        );
        // The window with both terms wins over the one with the first term twice.
        check(
            "fatigue fatigue filler filler filler filler filler filler days and fatigue",
            &["fatigue", "days"],
            24,
            "… filler [days] and [fatigue]",
        );
        check(
            "no match at all in this text",
            &["zzz"],
            12,
            "no match at …",
        );
        // Widths are bytes: the 4-byte emoji fits in 20, not in 14; no character is split.
        check(
            "ünïcödé wörds ñear émoji 🙂 here",
            &["emoji"],
            14,
            "… [émoji] …",
        );
        check(
            "ünïcödé wörds ñear émoji 🙂 here",
            &["emoji"],
            20,
            "… ñear [émoji] 🙂 …",
        );
        check("", &["x"], 160, "");
    }

    #[test]
    fn titles_are_highlighted_whole() {
        let text = "Fatigue after acupuncture";
        let segs = highlight_all(text, &marks_for(text, &["fatigue", "acupuncture"]));
        assert_eq!(show(&segs), "[Fatigue] after [acupuncture]");
    }
}
