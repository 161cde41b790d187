//! Aftercare's search engine for Node, for `bench.mjs`: the real guide's index, a
//! deterministic synthetic corpus of any size, and both corpora as JSON so MiniSearch indexes
//! exactly the same text.
//!
//! Built twice by `run.sh`: with the `search` feature (the engine) and without it (the same
//! module minus the engine: content and JSON export only); the difference in gzip size is
//! what search adds to a wasm.

use wasm_bindgen::prelude::wasm_bindgen;

mod corpus;

/// The guide's documents as JSON for MiniSearch: `[{id, title, question, answers, tags}]`.
#[wasm_bindgen]
#[must_use]
pub fn content_json() -> String {
    corpus::to_json(&corpus::content_docs())
}

/// A synthetic corpus of `n` documents (same seed, same corpus) as JSON for MiniSearch.
#[wasm_bindgen]
#[must_use]
pub fn synthetic_json(n: usize, seed: u32) -> String {
    corpus::to_json(&corpus::synthetic_docs(n, seed))
}

/// The engine with an index, for timing searches from JS.
#[cfg(feature = "search")]
#[wasm_bindgen]
pub struct Engine {
    index: aftercare_core::search::Index,
    synthetic: bool,
}

#[cfg(feature = "search")]
#[wasm_bindgen]
impl Engine {
    /// The real guide's index (built as the app builds it at start-up).
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new() -> Engine {
        Engine {
            index: aftercare_core::search::Index::from_content(),
            synthetic: false,
        }
    }

    /// An index of the synthetic corpus of `n` documents.
    #[must_use]
    pub fn synthetic(n: usize, seed: u32) -> Engine {
        let docs = corpus::synthetic_docs(n, seed);
        Engine {
            index: aftercare_core::search::Index::new(docs.into_iter().map(|d| d.doc).collect()),
            synthetic: true,
        }
    }

    /// Searches and returns the hits' ids, best first, joined by `,` (slugs for the guide,
    /// `s<n>` for synthetic documents). Snippets and highlights are computed as in the app.
    #[must_use]
    pub fn search(&self, query: &str, limit: usize) -> String {
        let results = self.index.search(query, limit);
        let ids: Vec<String> = results
            .hits
            .iter()
            .map(|h| {
                if self.synthetic {
                    match h.id {
                        aftercare_core::content::EntryId::Section(i)
                        | aftercare_core::content::EntryId::Thread(i) => format!("s{i}"),
                    }
                } else {
                    h.id.slug().to_owned()
                }
            })
            .collect();
        ids.join(",")
    }

    /// How the top hit was found ("Showing results for …"), or an empty string.
    #[must_use]
    pub fn interpretation(&self, query: &str) -> String {
        self.index
            .search(query, 1)
            .interpretation
            .display_query()
            .unwrap_or("")
            .to_owned()
    }

    /// Number of documents indexed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether nothing is indexed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

#[cfg(feature = "search")]
impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}
