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
    ///
    /// The words are put together by hand, not with `format!`: this runs for most findings
    /// of every label (19,000 times on a 2 MB catalog, 570 instructions each with `format!`).
    pub fn weigh(&self, base: Severity, i: usize) -> (Severity, String) {
        let n = self.ingredients.len();
        let mut pos = String::with_capacity(64);
        pos.push_str("position ");
        push_decimal(&mut pos, i + 1);
        pos.push_str(" of ");
        push_decimal(&mut pos, n);
        if self.minor_from.is_some_and(|m| i >= m) {
            pos.push_str(", after the 1 % line: likely minor");
            (base.down(), pos)
        } else if i < 5
            && self
                .ingredients
                .get(i)
                .is_some_and(|g| g.section == crate::parse::Section::Main)
        {
            pos.push_str(": a main ingredient");
            (base.up(), pos)
        } else {
            (base, pos)
        }
    }
}

/// Appends `n` in decimal digits (what `{}` writes for it). By hand: `write!(out, "{n}")`
/// goes through the formatting machinery, 11.5 M instructions more over a 2 MB catalog.
pub(crate) fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn push_decimal_writes_what_display_writes() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            let mut s = String::from("x");
            super::push_decimal(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }
}
