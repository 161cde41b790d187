//! The engine's one sort: an in-place heapsort of `u32`s (term ids, document numbers,
//! indices) under a comparison passed by reference.
//!
//! Why not the standard library's sorts: each `sort_by`/`select_nth_unstable_by` call with its
//! own element type and closure compiles to several kilobytes of wasm, and the engine had a
//! dozen (measured: 44 KB of the 124 KB the engine added before `wasm-opt`). One small
//! non-generic heapsort serves every need here: vocabularies of thousands, candidate lists
//! of tens.

/// Sorts `v` so that `less(a, b)` holds for no later `a` than an earlier `b`. `less` must be a
/// strict total order (break ties, e.g. by the value itself): heapsort is not stable.
pub(super) fn sort_by(v: &mut [u32], less: &dyn Fn(u32, u32) -> bool) {
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift_down(v, i, n, less);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, less);
    }
}

/// Restores the max-heap property below `node` within `v[..end]`.
fn sift_down(v: &mut [u32], mut node: usize, end: usize, less: &dyn Fn(u32, u32) -> bool) {
    loop {
        let mut child = 2 * node + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(v[child], v[child + 1]) {
            child += 1;
        }
        if !less(v[node], v[child]) {
            return;
        }
        v.swap(node, child);
        node = child;
    }
}

/// Each string's first eight bytes as a number that orders as the bytes do (shorter strings
/// padded with zeros), for [`by_prefix`]. Sorting a vocabulary compares strings tens of
/// thousands of times; most comparisons are settled by these numbers without a `memcmp`
/// call, which is what a string comparison costs in WebAssembly.
pub(super) fn prefix_keys<S: AsRef<str>>(strings: impl IntoIterator<Item = S>) -> Vec<u64> {
    strings
        .into_iter()
        .map(|s| {
            let mut key = [0u8; 8];
            for (k, b) in key.iter_mut().zip(s.as_ref().bytes()) {
                *k = b;
            }
            u64::from_be_bytes(key)
        })
        .collect()
}

/// Whether string `a` sorts before string `b`, given their [`prefix_keys`]: the keys decide
/// unless they are equal, when `full` compares the whole strings.
pub(super) fn by_prefix(keys: &[u64], a: u32, b: u32, full: impl Fn() -> bool) -> bool {
    let (ka, kb) = (keys[a as usize], keys[b as usize]);
    if ka == kb {
        full()
    } else {
        ka < kb
    }
}

/// Sorts ascending and removes duplicates.
pub(super) fn sort_dedup(v: &mut Vec<u32>) {
    sort_by(v, &|a, b| a < b);
    v.dedup();
}

/// `0..n` as `u32`s, to sort indices of another slice.
pub(super) fn indices(n: usize) -> Vec<u32> {
    (0..u32::try_from(n).unwrap_or(u32::MAX)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &[u32]) {
        let mut got = input.to_vec();
        sort_by(&mut got, &|a, b| a < b);
        let mut want = input.to_vec();
        want.sort_unstable();
        assert_eq!(got, want, "sorting {input:?}");
        let mut down = input.to_vec();
        sort_by(&mut down, &|a, b| a > b);
        want.reverse();
        assert_eq!(down, want, "sorting {input:?} descending");
    }

    #[test]
    fn sorts() {
        check(&[]);
        check(&[1]);
        check(&[2, 1]);
        check(&[3, 1, 2, 3, 1, 0, 9, 9, 4]);
        let mut x = 12345u32;
        let big: Vec<u32> = (0..1000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x % 300
            })
            .collect();
        check(&big);
        let words = [
            "tired",
            "tiredness",
            "tire",
            "a",
            "ab",
            "abcdefghij",
            "abcdefghi",
            "b",
        ];
        let keys = prefix_keys(words);
        let mut order = indices(words.len());
        sort_by(&mut order, &|a, b| {
            by_prefix(&keys, a, b, || words[a as usize] < words[b as usize])
        });
        let mut want = words.to_vec();
        want.sort_unstable();
        let got: Vec<&str> = order.iter().map(|&i| words[i as usize]).collect();
        assert_eq!(got, want, "strings sorted by their prefix keys");
        let mut v = vec![5, 3, 5, 1, 3];
        sort_dedup(&mut v);
        assert_eq!(v, [1, 3, 5]);
    }
}
