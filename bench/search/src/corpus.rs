//! The benchmark's corpora: the real guide, and a deterministic synthetic corpus of any size
//! built from the guide's own words plus made-up words, shaped like reader threads.

#[cfg(feature = "synthetic")]
use aftercare_core::content::{EntryId, Symptom};
#[cfg(feature = "synthetic")]
use aftercare_core::search::words;
use aftercare_core::search::{content_docs as guide_docs, Doc, Field};

/// A document with the key the benchmark reports for it.
pub struct BenchDoc {
    /// The entry's slug, or `s<n>` for synthetic document `n`.
    pub key: String,
    pub doc: Doc,
}

/// The guide's documents, exactly as the app indexes them.
pub fn content_docs() -> Vec<BenchDoc> {
    guide_docs()
        .into_iter()
        .map(|doc| BenchDoc {
            key: doc.id.slug().to_owned(),
            doc,
        })
        .collect()
}

/// Syllables of the made-up words.
#[cfg(feature = "synthetic")]
const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "gu", "fa", "ve", "zo", "bi", "cha",
    "sto", "pre", "lin", "mar", "tel", "dor", "quin", "bra", "sel",
];

#[cfg(feature = "synthetic")]
/// A small deterministic generator (xorshift32), so every run builds the same corpus.
struct Rng(u32);

#[cfg(feature = "synthetic")]
impl Rng {
    fn next(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }

    /// A number in `lo..hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.next() as usize % (hi - lo).max(1)
    }

    /// An index into `n` items, skewed towards the first (word frequencies are skewed).
    fn skewed(&mut self, n: usize) -> usize {
        let u = f64::from(self.next()) / f64::from(u32::MAX);
        // u³ lies in 0..=1, so the product lies in 0..=n: the cast neither wraps nor loses a sign.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let i = ((u * u * u) * n as f64) as usize;
        i % n.max(1)
    }
}

/// `n` synthetic documents from `seed`: titles of 3–8 words, questions of 15–60, answers of
/// 20–120, and 3–7 symptom tags; words drawn, skewed, from the guide's vocabulary and 20,000
/// made-up words.
#[cfg(feature = "synthetic")]
pub fn synthetic_docs(n: usize, seed: u32) -> Vec<BenchDoc> {
    let mut rng = Rng(seed.max(1));
    let mut vocab: Vec<String> = Vec::new();
    for doc in guide_docs() {
        for (_, text) in &doc.fields {
            vocab.extend(words(text));
        }
    }
    vocab.sort();
    vocab.dedup();
    // Shuffle the guide's words so frequency does not follow the alphabet.
    for i in (1..vocab.len()).rev() {
        let j = rng.range(0, i + 1);
        vocab.swap(i, j);
    }
    for _ in 0..20_000 {
        let mut w = String::new();
        for _ in 0..rng.range(2, 5) {
            w.push_str(SYLLABLES[rng.range(0, SYLLABLES.len())]);
        }
        vocab.push(w);
    }
    let sentence = |rng: &mut Rng, len: usize| -> String {
        let mut out = String::new();
        for i in 0..len {
            if i > 0 {
                out.push_str(if i % 11 == 0 { ". " } else { " " });
            }
            out.push_str(&vocab[rng.skewed(vocab.len())]);
        }
        out
    };
    let symptoms = Symptom::ALL;
    (0..n)
        .map(|i| {
            let len = rng.range(3, 9);
            let title = sentence(&mut rng, len);
            let len = rng.range(15, 61);
            let question = sentence(&mut rng, len);
            let len = rng.range(20, 121);
            let answers = sentence(&mut rng, len);
            let mut tags = Vec::new();
            for _ in 0..rng.range(1, 4) {
                let s = symptoms[rng.range(0, symptoms.len())];
                tags.push(s.name());
                tags.extend_from_slice(s.synonyms());
            }
            BenchDoc {
                key: format!("s{i}"),
                doc: Doc {
                    id: EntryId::Thread(i),
                    fields: vec![
                        (Field::Title, title),
                        (Field::Question, question),
                        (Field::Answers, answers),
                        (Field::Tags, tags.join(". ")),
                    ],
                },
            }
        })
        .collect()
}

/// Appends `s` as a JSON string literal.
fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(u32::from(c) >> 4) as usize]));
                out.push(char::from(HEX[(u32::from(c) & 15) as usize]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The documents as a JSON array of `{id, title, question, answers, tags}` (section text
/// goes to `answers`), the shape `bench.mjs` gives `MiniSearch`.
pub fn to_json(docs: &[BenchDoc]) -> String {
    let mut out = String::from("[");
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        push_json_string(&mut out, &d.key);
        for (name, fields) in [
            ("title", &[Field::Title][..]),
            ("question", &[Field::Question][..]),
            ("answers", &[Field::Body, Field::Answers][..]),
            ("tags", &[Field::Tags][..]),
        ] {
            let text: Vec<&str> = d
                .doc
                .fields
                .iter()
                .filter(|(f, _)| fields.contains(f))
                .map(|(_, t)| t.as_str())
                .collect();
            out.push_str(",\"");
            out.push_str(name);
            out.push_str("\":");
            push_json_string(&mut out, &text.join(" "));
        }
        out.push('}');
    }
    out.push(']');
    out
}
