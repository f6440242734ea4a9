//! The checks of the risk report, one file each: what an ingredient's name, recorded facts and
//! position raise. Each check reads the ingredient context ([`Context`]) and the data, never
//! another check's findings; the co-occurrence check is the one that combines, by design.

pub(crate) mod allergen;
pub(crate) mod annex;
pub(crate) mod co_occurrence;
pub(crate) mod comedogenic;
pub(crate) mod guessed;
pub(crate) mod irritant;
pub(crate) mod origin;
pub(crate) mod unknown;

use crate::ingredient::Ingredient;
use crate::risk::Severity;

/// What every check may read about the label: its ingredients and where the list likely
/// drops under 1 %.
pub(crate) struct Context<'a> {
    pub ingredients: &'a [Ingredient],
    pub minor_from: Option<usize>,
}

impl Context<'_> {
    /// A severity weighed by position (one step down after the 1 % line, one step up among
    /// the first five of the main list), with the words that say so.
    pub fn weigh(&self, base: Severity, i: usize) -> (Severity, String) {
        let n = self.ingredients.len();
        let pos = format!("position {} of {n}", i + 1);
        if self.minor_from.is_some_and(|m| i >= m) {
            (
                base.down(),
                format!("{pos}, after the 1 % line: likely minor"),
            )
        } else if i < 5
            && self
                .ingredients
                .get(i)
                .is_some_and(|g| g.section == crate::parse::Section::Main)
        {
            (base.up(), format!("{pos}: a main ingredient"))
        } else {
            (base, pos)
        }
    }
}
