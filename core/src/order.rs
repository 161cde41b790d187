//! A stable sort for the short lists the app orders by urgency or count (the checker's
//! advice, the symptom filter's matches: tens of items at most).
//!
//! Why not the standard library's `sort_by_key`: each call with its own element type and key
//! compiles to several kilobytes of wasm (a drift sort, a quicksort and their small-sort
//! helpers), and every bundle pays for each one. An insertion sort is a few dozen bytes per
//! use and, on lists this short, as fast. (The search engine's own sort is
//! `search::sort`, a heapsort of ids.)

/// Sorts `v` by `key`, ascending, keeping the order of items whose keys are equal.
/// Quadratic: only for short lists.
pub fn stable_sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stable_sort_by_key;
    use std::cmp::Reverse;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs (key, original position): equal keys must keep their positions' order.
        let inputs: [&[u8]; 6] = [
            &[],
            &[1],
            &[2, 1],
            &[3, 1, 2, 1, 3, 0, 2, 2],
            &[0, 0, 0, 0],
            &[5, 4, 3, 2, 1, 0, 5, 4, 3, 2, 1, 0],
        ];
        for input in inputs {
            let tagged: Vec<(u8, usize)> = input.iter().copied().zip(0..).collect();
            for descending in [false, true] {
                let mut got = tagged.clone();
                let mut want = tagged.clone();
                if descending {
                    stable_sort_by_key(&mut got, |&(k, _)| Reverse(k));
                    want.sort_by_key(|&(k, _)| Reverse(k));
                } else {
                    stable_sort_by_key(&mut got, |&(k, _)| k);
                    want.sort_by_key(|&(k, _)| k);
                }
                assert_eq!(got, want, "{input:?}, descending: {descending}");
            }
        }
    }
}
