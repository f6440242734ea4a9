//! What a dictionary entry alone decides about an ingredient (its primary role, its origin,
//! its CosIng functions, its comedogenic rating), kept once per entry.
//!
//! A catalog asks about the same few thousand entries again and again. One memo holds all
//! four facts, so that an ingredient asks it once ([`of`]), where four memos were four lookups
//! an ingredient, and one pasted label set up four memos' cells for the entries it names.
//! The facts are worked out here, not asked of `role::of_entry` and `origin::classify_entry`
//! (which keep their own memos for their other callers): this module sits above both.

use crate::memo::EntryMemo;
use crate::origin::Verdict;
use crate::role::Role;

/// The facts of one entry.
pub(crate) struct EntryFacts {
    /// [`crate::role::primary`] of its functions.
    pub(crate) role: Option<Role>,
    /// Its origin by its recorded facts and the exact words of its name.
    pub(crate) verdict: Option<Verdict>,
    /// Its CosIng functions, split.
    pub(crate) functions: Box<[&'static str]>,
    /// Its comedogenic rating, lowest and highest.
    pub(crate) comedogenic: Option<[u8; 2]>,
}

/// The facts of `entry`, worked out at the first ask and kept; `None` for an id beyond the
/// dictionary, whose facts [`uncached`] works out.
pub(crate) fn of(entry: inci_dict::Entry) -> Option<&'static EntryFacts> {
    static FACTS: EntryMemo<EntryFacts> = EntryMemo::new();
    FACTS.kept(entry.id, || uncached(entry))
}

/// [`of`] without its memo.
pub(crate) fn uncached(entry: inci_dict::Entry) -> EntryFacts {
    EntryFacts {
        role: crate::role::primary(entry.functions()),
        verdict: crate::origin::classify_entry_uncached(entry),
        functions: entry.functions().collect(),
        comedogenic: inci_dict::risk::comedogenic(entry.id).map(|c| [c.min, c.max]),
    }
}

#[cfg(test)]
mod tests {
    /// The kept facts are what the one-fact functions answer, for every entry.
    #[test]
    fn kept_facts_are_each_fact_asked_alone() {
        crate::memo::assert_kept_per_entry(
            |e| {
                let f = super::of(e).expect("a dictionary entry");
                (
                    f.role,
                    f.verdict.clone(),
                    f.functions.to_vec(),
                    f.comedogenic,
                )
            },
            |e| {
                (
                    crate::role::of_entry(e),
                    crate::origin::classify_entry(e),
                    e.functions().collect::<Vec<_>>(),
                    inci_dict::risk::comedogenic(e.id).map(|c| [c.min, c.max]),
                )
            },
        );
    }
}
