//! Aftercare's search engine for Node, for `bench.mjs`: the real guide's index, a
//! deterministic synthetic corpus of any size, and both corpora as JSON so `MiniSearch` indexes
//! exactly the same text.
//!
//! `run.sh` builds it three times: with no features (content and its JSON export only), with
//! `search` (plus the engine over the guide, as the app uses it), and with `synthetic` (plus
//! the 10,000-document corpus) for timing. The gzip size difference of the first two is what
//! search adds to a wasm.

use wasm_bindgen::prelude::wasm_bindgen;

mod corpus;

/// The guide's documents as JSON for `MiniSearch`: `[{id, title, question, answers, tags}]`.
#[wasm_bindgen]
#[must_use]
pub fn content_json() -> String {
    corpus::to_json(&corpus::content_docs())
}

/// A synthetic corpus of `n` documents (same seed, same corpus) as JSON for `MiniSearch`.
#[cfg(feature = "synthetic")]
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
    #[cfg(feature = "synthetic")]
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
                    let (aftercare_core::content::EntryId::Section(i)
                    | aftercare_core::content::EntryId::Thread(i)) = h.id;
                    // Digits by hand: formatting code would count in the size measured.
                    let mut key = String::from("s");
                    let mut digits = Vec::new();
                    let mut n = i;
                    loop {
                        digits.push(char::from(b'0' + u8::try_from(n % 10).unwrap_or(0)));
                        n /= 10;
                        if n == 0 {
                            break;
                        }
                    }
                    key.extend(digits.iter().rev());
                    key
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

    /// About how many bytes of memory the index holds.
    #[must_use]
    pub fn memory_bytes(&self) -> usize {
        self.index.memory_bytes()
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
