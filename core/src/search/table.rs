//! A small string-to-number hash table for building the index (vocabulary and stem groups).
//!
//! Why not `std::collections::HashMap`: with its `SipHash` hasher it adds about 4 KB of wasm,
//! and the index needs only insert and look-up of short strings. FNV-1a hashing and linear
//! probing over a power-of-two table do that in a few hundred bytes.

/// Maps strings to `u32`s.
#[derive(Debug, Default)]
pub(super) struct StrTable {
    /// Slots: `u32::MAX` for empty, else an index into `keys`.
    slots: Vec<u32>,
    /// The keys and their values, in insertion order.
    keys: Vec<(Box<str>, u32)>,
}

/// FNV-1a over the bytes.
fn hash(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

impl StrTable {
    /// The value of `key`, if present.
    #[cfg(test)]
    pub(super) fn get(&self, key: &str) -> Option<u32> {
        self.find(key).ok()
    }

    /// Inserts `key` with `value` unless present; returns the value now stored.
    pub(super) fn get_or_insert(&mut self, key: &str, value: u32) -> u32 {
        // Keep at most half the slots full, so probes stay short.
        if (self.keys.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        match self.find(key) {
            Ok(v) => v,
            Err(slot) => {
                if let Some(s) = self.slots.get_mut(slot) {
                    *s = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
                }
                self.keys.push((key.into(), value));
                value
            }
        }
    }

    /// The stored value of `key`, or the empty slot where it belongs.
    fn find(&self, key: &str) -> Result<u32, usize> {
        let n = self.slots.len();
        if n == 0 {
            return Err(0);
        }
        let mut i = hash(key) as usize & (n - 1);
        loop {
            match self.slots[i] {
                u32::MAX => return Err(i),
                k => {
                    if let Some((stored, v)) = self.keys.get(k as usize) {
                        if **stored == *key {
                            return Ok(*v);
                        }
                    }
                }
            }
            i = (i + 1) & (n - 1);
        }
    }

    /// Doubles the slots and re-places every key.
    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(64);
        self.slots = vec![u32::MAX; n];
        for (k, (key, _)) in self.keys.iter().enumerate() {
            let mut i = hash(key) as usize & (n - 1);
            while self.slots[i] != u32::MAX {
                i = (i + 1) & (n - 1);
            }
            self.slots[i] = u32::try_from(k).unwrap_or(u32::MAX);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_and_finds() {
        let mut t = StrTable::default();
        assert_eq!(t.get("a"), None);
        for i in 0..1000u32 {
            assert_eq!(t.get_or_insert(&format!("w{i}"), i), i);
        }
        assert_eq!(
            t.get_or_insert("w5", 99),
            5,
            "an existing key keeps its value"
        );
        for i in 0..1000u32 {
            assert_eq!(t.get(&format!("w{i}")), Some(i));
        }
        assert_eq!(t.get("w1000"), None);
        assert_eq!(t.get(""), None);
    }
}
