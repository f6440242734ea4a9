//! Values kept so that catalogs pay once for what repeats: one per dictionary entry
//! ([`EntryMemo`]), and one per text, per thread ([`TextMemo`]).
//!
//! Catalogs ask about the same few thousand entries again and again (a plant extract's origin,
//! an entry's primary role), so the answers are kept by entry id. The cells come a chunk at a
//! time, on the first ask about an entry in that chunk: a run that scans one label pays for
//! the few chunks its entries fall in, where one array for all 33,000 entries cost every
//! start a pass over the array and, for larger values, a page fault per 4 KiB of it.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Bytes a chunk's cells aim at: one page, so that the first ask about an entry writes one
/// page of cells, not the five that 256 cells of an entry's facts took (a one-label run asks
/// about a few dozen entries scattered over the dictionary, each chunk a page fault).
const CHUNK_BYTES: usize = 4096;

/// The cells of one chunk.
type Chunk<T> = Box<[OnceLock<T>]>;

/// One lazily computed value of type `T` per entry id.
pub(crate) struct EntryMemo<T> {
    chunks: OnceLock<Box<[OnceLock<Chunk<T>>]>>,
}

impl<T> EntryMemo<T> {
    /// An empty memo, for a `static`.
    pub(crate) const fn new() -> EntryMemo<T> {
        EntryMemo {
            chunks: OnceLock::new(),
        }
    }

    /// The value for entry `id`, computed by `compute` at the first ask. An id beyond the
    /// dictionary is computed every time rather than kept.
    pub(crate) fn get_or_init(&self, id: u32, compute: impl FnOnce() -> T) -> MemoValue<'_, T> {
        match self.cell(id) {
            Some(cell) => MemoValue::Kept(cell.get_or_init(compute)),
            None => MemoValue::Computed(compute()),
        }
    }

    /// The value kept for entry `id`, computed by `compute` at the first ask; `None` for an id
    /// beyond the dictionary, which the caller computes itself. A reference is returned in a
    /// register, where a [`MemoValue`] of a large `T` went through memory (22 instructions a
    /// call for an entry's facts).
    pub(crate) fn kept(&self, id: u32, compute: impl FnOnce() -> T) -> Option<&T> {
        self.cell(id).map(|cell| cell.get_or_init(compute))
    }

    /// Entries per chunk: the power of two whose cells fill at most [`CHUNK_BYTES`], between
    /// 16 (fewer would make the array of chunks larger than the chunks saved) and 256.
    const CHUNK: usize = {
        let fit = CHUNK_BYTES / std::mem::size_of::<OnceLock<T>>();
        if fit < 16 {
            16
        } else if fit >= 256 {
            256
        } else {
            1 << fit.ilog2()
        }
    };

    /// The cell of entry `id`, its chunk allocated at the first ask.
    fn cell(&self, id: u32) -> Option<&OnceLock<T>> {
        let id = id as usize;
        let chunks = self.chunks.get_or_init(|| {
            let n = inci_dict::entries().len().div_ceil(Self::CHUNK);
            (0..n).map(|_| OnceLock::new()).collect()
        });
        let chunk = chunks.get(id / Self::CHUNK)?;
        let cells = chunk.get_or_init(|| (0..Self::CHUNK).map(|_| OnceLock::new()).collect());
        cells.get(id % Self::CHUNK)
    }
}

/// A value from an [`EntryMemo`]: kept in it, or computed for an id it does not hold.
pub(crate) enum MemoValue<'a, T> {
    Kept(&'a T),
    Computed(T),
}

impl<T> std::ops::Deref for MemoValue<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        match self {
            MemoValue::Kept(v) => v,
            MemoValue::Computed(v) => v,
        }
    }
}

/// Values by text, for one thread, bounded: when [`TextMemo::LIMIT`] texts are kept, the next
/// insert forgets them all at once (cheaper than tracking use, and a catalog's texts come back
/// in its next rows). By default texts longer than [`TextMemo::MAX_TEXT`] bytes are not kept:
/// long stretches (sentences of pack text) seldom repeat. Hashed with foldhash, seeded at
/// random per memo, so that no input can choose colliding keys.
pub(crate) struct TextMemo<V> {
    map: HashMap<Box<str>, V, foldhash::fast::RandomState>,
    max_text: usize,
}

impl<V> Default for TextMemo<V> {
    fn default() -> Self {
        TextMemo {
            map: HashMap::default(),
            max_text: Self::MAX_TEXT,
        }
    }
}

impl<V> TextMemo<V> {
    /// Distinct texts kept: a catalog's pieces, items and names number in the low ten
    /// thousands.
    pub(crate) const LIMIT: usize = 16_384;
    /// The longest text kept by default, in bytes.
    pub(crate) const MAX_TEXT: usize = 128;

    /// A memo that keeps texts of any length: for answers so costly that a long text repeated
    /// is worth keeping (a name's resolution, with its near-name search).
    pub(crate) fn of_any_length() -> Self {
        TextMemo {
            map: HashMap::default(),
            max_text: usize::MAX,
        }
    }

    /// The value kept for `text`.
    pub(crate) fn get(&self, text: &str) -> Option<&V> {
        self.map.get(text)
    }

    /// Keeps `value` for `text` (unless the text is too long to keep).
    pub(crate) fn insert(&mut self, text: &str, value: V) {
        if text.len() > self.max_text {
            return;
        }
        if self.map.len() >= Self::LIMIT {
            self.map.clear();
        }
        self.map.insert(text.into(), value);
    }

    /// Forgets every text.
    pub(crate) fn clear(&mut self) {
        self.map.clear();
    }

    /// How many texts are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }
}

/// Asserts that a per-entry memo (`kept`) answers as the computation it keeps (`computed`)
/// for every dictionary entry, asked twice: the second answer comes from the memo.
#[cfg(test)]
pub(crate) fn assert_kept_per_entry<T: PartialEq + std::fmt::Debug>(
    kept: impl Fn(inci_dict::Entry) -> T,
    computed: impl Fn(inci_dict::Entry) -> T,
) {
    for _ in 0..2 {
        for e in inci_dict::entries() {
            assert_eq!(kept(e), computed(e), "{}", e.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_per_entry_and_keeps_ids_apart() {
        static MEMO: EntryMemo<u32> = EntryMemo::new();
        let calls = std::cell::Cell::new(0);
        let last = inci_dict::entries().len() as u32 - 1;
        for id in [0, 1, 255, 256, 257, last, 0, 256, last] {
            let v = *MEMO.get_or_init(id, || {
                calls.set(calls.get() + 1);
                id * 2
            });
            assert_eq!(v, id * 2);
        }
        assert_eq!(calls.get(), 6, "each id computed once");
    }

    /// A chunk's cells fill about a page: a large value has short chunks, ids across their
    /// boundaries kept apart.
    #[test]
    fn chunks_of_large_values_are_short_and_keep_ids_apart() {
        assert_eq!(EntryMemo::<u32>::CHUNK, 256);
        assert_eq!(EntryMemo::<[u8; 200]>::CHUNK, 16);
        assert_eq!(EntryMemo::<[u8; 100]>::CHUNK, 32);
        assert_eq!(EntryMemo::<[u8; 4000]>::CHUNK, 16, "never fewer than 16");
        static MEMO: EntryMemo<[u8; 200]> = EntryMemo::new();
        let last = inci_dict::entries().len() as u32 - 1;
        for id in [15, 16, 17, 31, 32, last, 16, 15, last] {
            let v = *MEMO.get_or_init(id, || [(id % 251) as u8; 200]);
            assert_eq!(v, [(id % 251) as u8; 200], "{id}");
        }
    }

    #[test]
    fn ids_beyond_the_dictionary_are_computed_each_time() {
        static MEMO: EntryMemo<u32> = EntryMemo::new();
        let beyond = inci_dict::entries().len() as u32 + 1000;
        let calls = std::cell::Cell::new(0);
        for _ in 0..2 {
            let v = *MEMO.get_or_init(beyond, || {
                calls.set(calls.get() + 1);
                7
            });
            assert_eq!(v, 7);
        }
        assert_eq!(calls.get(), 2);
    }

    #[test]
    fn a_text_memo_forgets_all_at_its_limit_and_keeps_no_long_text() {
        let mut memo = TextMemo::default();
        for n in 0..TextMemo::<usize>::LIMIT {
            memo.insert(&n.to_string(), n);
        }
        assert_eq!(memo.len(), TextMemo::<usize>::LIMIT);
        assert_eq!(memo.get("42"), Some(&42));
        memo.insert("one more", 1);
        assert_eq!(memo.len(), 1);
        assert_eq!(memo.get("42"), None);
        assert_eq!(memo.get("one more"), Some(&1));
        let long = "x".repeat(TextMemo::<usize>::MAX_TEXT + 1);
        memo.insert(&long, 2);
        assert_eq!(memo.get(&long), None);
        memo.insert(&long[1..], 3);
        assert_eq!(memo.get(&long[1..]), Some(&3));
        let mut any = TextMemo::of_any_length();
        any.insert(&long, 4);
        assert_eq!(any.get(&long), Some(&4));
    }
}
