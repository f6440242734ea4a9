//! An index of one length's keys by groups of their character counts, so that the near-name
//! search tests a few hundred keys of a length instead of all of them.
//!
//! The search keeps a key only when the counts of its characters (a [`Signature`] of 32
//! buckets) differ from the query's by at most `bound` in all. Cut the 32 buckets into
//! `bound + 1` groups: a total difference of at most `bound` leaves at least one group with
//! no difference at all, so every key the search keeps has exactly the query's counts in some
//! group (the pigeonhole principle). The index files each key, per group, under a hash of
//! that group's counts; the keys filed under the query's hash in any group are the
//! candidates, and the search tests each as a scan tests every key. A collision only adds a
//! candidate, so the keys kept, and the suggestions, are the scan's
//! (`the_count_index_finds_what_a_scan_finds`).
//!
//! Scanning a signature costs about 20 instructions, and the unknown names of a 2 MB catalog
//! of distinct lists scanned 5.2 M of them; with the index, the whole search on that catalog
//! takes 98 M instructions instead of 168 M, 47 M of them building the indexes (94 M and 44 M
//! since the slots are hashed by masked words, [`slots_of`]). Bounds from 3 to 6 are indexed;
//! smaller ones (one edit, or two at a length two away) come from names of eight characters
//! or fewer, and are scanned (in a model of that catalog's searches, 0.5 % of the keys a scan
//! reads).
//!
//! An index is built at run time, from the generated signatures, for a length and bound
//! searched [`BUILD_AFTER`] times: a catalog builds the ones it needs, a pasted label none.

use super::Signature;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// The smallest bound served by an index; smaller bounds come from short names on few keys.
pub(super) const MIN_BOUND: usize = 3;
/// The largest bound the search uses: three edits, in keys of the query's length.
pub(super) const MAX_BOUND: usize = 6;

/// Searches of a length and bound answered by a scan before its index is built: building
/// costs about as much as a few scans, and a pasted label with a misspelt name needs none.
const BUILD_AFTER: u32 = 4;

/// The keys of one length, per group of buckets, filed by a hash of the group's counts.
#[derive(Debug)]
pub(super) struct CountIndex {
    /// How the buckets are grouped.
    partition: &'static Partition,
    /// The number of hash slots per group is `1 << bits`.
    bits: u32,
    /// Per group, where each slot's keys start in `keys` (relative to the group's start),
    /// and where the last ends: `(1 << bits) + 1` offsets a group.
    offsets: Vec<u16>,
    /// Per group, every key's index among the keys of its length, by slot.
    keys: Vec<u16>,
}

/// The index of the keys of `length` characters for a search within `bound`, once that pair
/// has been searched often enough to repay it; `None` before, and for a bound or length it
/// does not serve (scan those).
pub(super) fn count_index(length: usize, bound: usize) -> Option<&'static CountIndex> {
    static STATE: OnceLock<Vec<LengthState>> = OnceLock::new();
    let signatures = super::of_length(length).1;
    if !(MIN_BOUND..=MAX_BOUND).contains(&bound) || signatures.len() > usize::from(u16::MAX) {
        return None;
    }
    let state = STATE.get_or_init(|| {
        (0..crate::cosing_codegen::SUGGEST_STARTS.len())
            .map(|_| LengthState::default())
            .collect()
    });
    let state = state.get(length)?;
    let at = bound - MIN_BOUND;
    if let Some(index) = state.index[at].get() {
        return Some(index);
    }
    if state.uses[at].fetch_add(1, Ordering::Relaxed) < BUILD_AFTER {
        return None;
    }
    let partition = partition(bound)?;
    Some(state.index[at].get_or_init(|| CountIndex::build(partition, signatures)))
}

/// The partition of the buckets for a search within `bound`, if an index serves it.
pub(super) fn partition(bound: usize) -> Option<&'static Partition> {
    PARTITIONS.get(bound.checked_sub(MIN_BOUND)?)
}

impl CountIndex {
    /// Files `signatures` (the keys of one length, fewer than 65,536) under a partition of the
    /// buckets.
    pub(super) fn build(partition: &'static Partition, signatures: &[Signature]) -> Self {
        let count = partition.groups();
        let n = signatures.len();
        // About two keys a slot: the lists stay short and the offsets small.
        let bits = usize::BITS - n.max(2).leading_zeros() - 1;
        let slots = 1usize << bits;
        let hashed: Vec<[u16; MAX_BOUND + 1]> = signatures
            .iter()
            .map(|s| slots_of(partition, s, bits))
            .collect();
        let mut offsets = Vec::with_capacity(count * (slots + 1));
        let mut keys = vec![0u16; count * n];
        for g in 0..count {
            let start = offsets.len();
            offsets.resize(start + slots + 1, 0u16);
            let group_offsets = &mut offsets[start..];
            for h in &hashed {
                group_offsets[usize::from(h[g]) + 1] += 1;
            }
            for s in 1..=slots {
                group_offsets[s] += group_offsets[s - 1];
            }
            let mut next: Vec<u16> = group_offsets[..slots].to_vec();
            let group_keys = &mut keys[g * n..(g + 1) * n];
            for (i, h) in hashed.iter().enumerate() {
                let at = &mut next[usize::from(h[g])];
                // `i` < 65,536 (checked by the caller); `at` < n.
                group_keys[*at as usize] = i as u16;
                *at += 1;
            }
        }
        CountIndex {
            partition,
            bits,
            offsets,
            keys,
        }
    }

    /// Calls `each` with the index of every key filed under the query's hash in some group;
    /// a key may come more than once (once per group it shares).
    pub(super) fn candidates(&self, query: &Signature, mut each: impl FnMut(u16)) {
        let count = self.partition.groups();
        let slots = 1usize << self.bits;
        let n = self.keys.len() / count.max(1);
        let hashed = slots_of(self.partition, query, self.bits);
        let groups = self
            .offsets
            .chunks_exact(slots + 1)
            .zip(self.keys.chunks(n.max(1)));
        for ((offsets, keys), &s) in groups.zip(&hashed) {
            let s = usize::from(s);
            let (Some(&a), Some(&b)) = (offsets.get(s), offsets.get(s + 1)) else {
                continue;
            };
            for &k in keys.get(usize::from(a)..usize::from(b)).unwrap_or_default() {
                each(k);
            }
        }
    }
}

/// Per length: how often each bound was searched, and its index once built.
#[derive(Default)]
struct LengthState {
    uses: [AtomicU32; MAX_BOUND - MIN_BOUND + 1],
    index: [OnceLock<CountIndex>; MAX_BOUND - MIN_BOUND + 1],
}

/// The slot of each group's counts: the signature read as four little-endian 64-bit words,
/// each word masked to the bytes of the group's buckets and multiplied by an odd constant of
/// its own, the products summed (wrapping) and the top `bits` bits kept. Equal counts give
/// equal slots, which is all the index needs. Four masks, multiplies and adds a group: a
/// weighted sum over 32 lanes of 16 bits, masked by zero weights, was about 33 instructions
/// a group (23.6 M of the 2.1 MB slice's 49.6 M of index building).
fn slots_of(partition: &Partition, sig: &Signature, bits: u32) -> [u16; MAX_BOUND + 1] {
    let mut words = [0u64; 4];
    for (w, c) in words.iter_mut().zip(sig.chunks_exact(8)) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(c);
        *w = u64::from_le_bytes(bytes);
    }
    let shift = 64 - bits.clamp(1, 16);
    let mut out = [0u16; MAX_BOUND + 1];
    for (slot, masks) in out
        .iter_mut()
        .zip(&partition.masks)
        .take(partition.groups())
    {
        let h = words
            .iter()
            .zip(masks)
            .zip(WORD_MULTIPLIERS)
            .fold(0u64, |h, ((&w, &m), k)| {
                h.wrapping_add((w & m).wrapping_mul(k))
            });
        *slot = (h >> shift) as u16;
    }
    out
}

/// Odd multipliers of the four words of a signature in [`slots_of`] (from the golden ratio
/// and xxHash's primes: any odd, well-mixed constants would do).
const WORD_MULTIPLIERS: [u64; 4] = [
    0x9E37_79B9_7F4A_7C15,
    0xC2B2_AE3D_27D4_EB4F,
    0x1656_67B1_9E37_79F9,
    0x27D4_EB2F_1656_67C5,
];

/// A grouping of the buckets as the index reads it: per group, per word of eight buckets,
/// the mask of the group's buckets' bytes.
#[derive(Debug)]
pub(super) struct Partition {
    count: u8,
    masks: [[u64; 4]; MAX_BOUND + 1],
}

impl Partition {
    /// The number of groups.
    fn groups(&self) -> usize {
        usize::from(self.count)
    }
}

/// The [`Partition`] of each bound from [`MIN_BOUND`], made from [`GROUP_OF`].
static PARTITIONS: [Partition; MAX_BOUND - MIN_BOUND + 1] = [
    partition_of(&GROUP_OF[0]),
    partition_of(&GROUP_OF[1]),
    partition_of(&GROUP_OF[2]),
    partition_of(&GROUP_OF[3]),
];

const fn partition_of(groups: &[u8; 32]) -> Partition {
    let mut partition = Partition {
        count: 0,
        masks: [[0; 4]; MAX_BOUND + 1],
    };
    let mut b = 0;
    while b < 32 {
        let g = groups[b] as usize;
        if g + 1 > partition.count as usize {
            partition.count = g as u8 + 1;
        }
        partition.masks[g % (MAX_BOUND + 1)][b / 8] |= 0xFF << (8 * (b % 8));
        b += 1;
    }
    partition
}

/// `GROUP_OF[bound - MIN_BOUND]`: the group of each bucket (A to Z, digits, space,
/// hyphen, slash, comma or full stop, anything else) for a search within `bound`, in
/// `bound + 1` groups. Made by giving each bucket, most frequent first, to the group whose
/// buckets were then the least frequent over the keys suggestions may name, so that no group
/// is mostly common letters; any partition would be exact, this one keeps the lists short.
const GROUP_OF: [[u8; 32]; MAX_BOUND - MIN_BOUND + 1] = [
    [
        1, 1, 3, 3, 0, 0, 2, 1, 3, 0, 2, 2, 1, 1, 0, 0, 1, 1, 2, 2, 0, 2, 1, 3, 2, 0, 2, 3, 3, 3,
        1, 0,
    ],
    [
        1, 4, 1, 0, 0, 0, 0, 1, 4, 1, 2, 4, 2, 3, 2, 4, 3, 3, 0, 2, 2, 3, 0, 3, 1, 4, 4, 3, 3, 2,
        0, 1,
    ],
    [
        1, 5, 3, 1, 0, 3, 4, 4, 4, 5, 1, 5, 3, 1, 4, 0, 2, 5, 2, 2, 5, 5, 3, 1, 2, 2, 0, 3, 2, 4,
        3, 0,
    ],
    [
        1, 6, 5, 4, 0, 6, 1, 2, 4, 4, 3, 5, 0, 3, 6, 2, 3, 6, 4, 2, 3, 4, 3, 0, 1, 4, 5, 3, 1, 5,
        3, 2,
    ],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_partition_has_one_group_more_than_its_bound() {
        for (at, groups) in GROUP_OF.iter().enumerate() {
            let bound = at + MIN_BOUND;
            for g in 0..=bound as u8 {
                assert!(groups.contains(&g), "bound {bound}: group {g} is empty");
            }
            assert!(groups.iter().all(|&g| usize::from(g) <= bound));
            let partition = &PARTITIONS[at];
            assert_eq!(partition.groups(), bound + 1, "bound {bound}");
            // Each bucket's byte is in its own group's mask only.
            for b in 0..32 {
                for (g, masks) in partition.masks.iter().enumerate() {
                    let mine = usize::from(groups[b]) == g;
                    let byte = masks[b / 8] >> (8 * (b % 8)) & 0xFF;
                    assert_eq!(
                        byte,
                        if mine { 0xFF } else { 0 },
                        "bound {bound} bucket {b}"
                    );
                }
            }
        }
    }

    /// Every key within the bound is a candidate: for lengths and bounds, queries made by
    /// moving up to `bound` counts of the length's keys.
    #[test]
    fn candidates_hold_every_key_within_the_bound() {
        let l1 = |a: &Signature, b: &Signature| -> usize {
            a.iter()
                .zip(b)
                .map(|(&x, &y)| usize::from(x.abs_diff(y)))
                .sum()
        };
        let mut checked = 0usize;
        for length in [4, 9, 14, 22, 31, 60] {
            let (_, signatures) = super::super::of_length(length);
            assert!(signatures.len() > 30, "length {length}");
            for (at, partition) in PARTITIONS.iter().enumerate() {
                let bound = at + MIN_BOUND;
                let index = CountIndex::build(partition, signatures);
                for (n, s) in signatures.iter().enumerate().step_by(17) {
                    let mut q = *s;
                    for e in 0..bound {
                        let b = (n * 7 + e * 13) % 32;
                        if e % 2 == 0 {
                            q[b] = q[b].saturating_add(1);
                        } else {
                            q[b] = q[b].saturating_sub(1);
                        }
                    }
                    let mut found = vec![false; signatures.len()];
                    index.candidates(&q, |i| found[usize::from(i)] = true);
                    for (i, k) in signatures.iter().enumerate() {
                        if l1(&q, k) <= bound {
                            assert!(found[i], "length {length} bound {bound}: key {i} missed");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 1_000, "only {checked} keys within a bound");
    }

    #[test]
    fn an_index_of_no_keys_or_one_finds_nothing_or_it() {
        let none = CountIndex::build(&PARTITIONS[0], &[]);
        none.candidates(&[0; 32], |_| panic!("no key"));
        let one = CountIndex::build(&PARTITIONS[0], &[[1; 32]]);
        let mut got = Vec::new();
        one.candidates(&[1; 32], |i| got.push(i));
        assert!(got.contains(&0));
    }
}
