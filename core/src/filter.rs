//! The symptom filter: which symptoms are selected, its URL form, and how a selection
//! narrows and orders a list of entries.
//!
//! The selection lives in the URL next to the search query (`?q=…&symptoms=fatigue,tingling`),
//! so a link reproduces the view. Raw URL text is validated into a [`Filter`] once
//! ([`Filter::from_param`]); everything after works on typed symptoms.
//!
//! Semantics, in one place:
//! - No selection: every candidate, in candidate order.
//! - A selection: the candidates tagged with at least one selected symptom; those matching
//!   more of the selected symptoms first; ties keep candidate order (content order, or the
//!   search's rank order).
//! - Counts ([`Filter::counts`]): for each symptom, how many candidates are tagged with it,
//!   i.e. how many entries that symptom alone would show within the current search. Counts
//!   do not depend on the selection, so a toggle's number never jumps when another toggle
//!   changes, and a zero means "nothing here mentions it" (shown muted).
//!
//! Everything here runs per keystroke: no work beyond one pass over the candidates and their
//! few tags, and one small allocation for the result.

use crate::content::{EntryId, Symptom};

/// The selected symptoms, in the order they were chosen, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The selection; no duplicates.
    pub selected: Vec<Symptom>,
}

impl Filter {
    /// The URL query parameter that holds the selection.
    pub const PARAM: &'static str = "symptoms";

    /// Reads the URL form's value, `fatigue,tingling` (already percent-decoded). Unknown
    /// slugs and empty items are ignored, duplicates dropped, first-mention order kept, so
    /// any text gives a valid filter and a hand-edited link still works.
    #[must_use]
    pub fn from_param(value: &str) -> Filter {
        let mut filter = Filter::default();
        for slug in value.split(',') {
            if let Some(symptom) = Symptom::from_slug(slug.trim()) {
                filter.select(symptom);
            }
        }
        filter
    }

    /// The URL form's value: the slugs joined by commas, in selection order; empty when
    /// nothing is selected (leave the parameter out then).
    #[must_use]
    pub fn to_param(&self) -> String {
        let mut out = String::new();
        for (i, s) in self.selected.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(s.slug());
        }
        out
    }

    /// Whether nothing is selected.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.selected.is_empty()
    }

    /// Whether `symptom` is selected (a toggle's pressed state).
    #[must_use]
    pub fn contains(&self, symptom: Symptom) -> bool {
        self.selected.contains(&symptom)
    }

    /// Selects `symptom` (at the end), unless it already is.
    pub fn select(&mut self, symptom: Symptom) {
        if !self.contains(symptom) {
            self.selected.push(symptom);
        }
    }

    /// Selects `symptom` if it is not selected, or deselects it if it is.
    pub fn toggle(&mut self, symptom: Symptom) {
        if let Some(i) = self.selected.iter().position(|&s| s == symptom) {
            self.selected.remove(i);
        } else {
            self.selected.push(symptom);
        }
    }

    /// Deselects everything ("Clear").
    pub fn clear(&mut self) {
        self.selected.clear();
    }

    /// How many of the selected symptoms `entry` is tagged with.
    #[must_use]
    pub fn matches(&self, entry: EntryId) -> usize {
        entry
            .symptoms()
            .iter()
            .filter(|s| self.selected.contains(s))
            .count()
    }

    /// The candidates this filter shows, in display order. `candidates` are all entries in
    /// content order, or the search hits in rank order. With a selection: those matching at
    /// least one selected symptom, more matches first, ties in candidate order.
    #[must_use]
    pub fn apply(&self, candidates: &[EntryId]) -> Vec<EntryId> {
        if self.is_empty() {
            return candidates.to_vec();
        }
        let mut scored: Vec<(usize, EntryId)> = candidates
            .iter()
            .map(|&e| (self.matches(e), e))
            .filter(|&(n, _)| n > 0)
            .collect();
        // A stable sort, so equal match counts keep candidate order.
        crate::order::stable_sort_by_key(&mut scored, |&(n, _)| std::cmp::Reverse(n));
        scored.into_iter().map(|(_, e)| e).collect()
    }

    /// For every symptom, in taxonomy order, the number of candidates tagged with it: what
    /// that symptom alone would show within the current search. Independent of the
    /// selection (see the module docs for why), so it is an associated function.
    #[must_use]
    pub fn counts(candidates: &[EntryId]) -> Vec<(Symptom, usize)> {
        let mut counts: Vec<(Symptom, usize)> = Symptom::ALL.iter().map(|&s| (s, 0)).collect();
        for &entry in candidates {
            for &s in entry.symptoms() {
                // `Symptom` variants are declared in `ALL` order, so the discriminant is the
                // row; `get_mut` keeps this total even if that ever changed.
                if let Some(row) = counts.get_mut(s as usize) {
                    row.1 += 1;
                }
            }
        }
        counts
    }
}
