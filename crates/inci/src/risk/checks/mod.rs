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
    /// The words are written into the finding's message by [`Position::push_to`], not put
    /// together here: this runs for most findings of every label (19,000 times on a 2 MB
    /// catalog, 570 instructions each with `format!`), and a string of their own was one
    /// allocation more a finding.
    pub fn weigh(&self, base: Severity, i: usize) -> (Severity, Position) {
        let n = self.ingredients.len();
        let (severity, note) = if self.minor_from.is_some_and(|m| i >= m) {
            (base.down(), ", after the 1 % line: likely minor")
        } else if i < 5
            && self
                .ingredients
                .get(i)
                .is_some_and(|g| g.section == crate::parse::Section::Main)
        {
            (base.up(), ": a main ingredient")
        } else {
            (base, "")
        };
        (
            severity,
            Position {
                at: i + 1,
                of: n,
                note,
            },
        )
    }
}

/// Where an ingredient stands in its list, as a finding's message says it: `position 3 of
/// 20`, then what that means for its share, if anything.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Position {
    at: usize,
    of: usize,
    note: &'static str,
}

impl Position {
    /// About how many bytes [`Position::push_to`] writes, to size a message.
    pub fn len(&self) -> usize {
        "position  of ".len() + 8 + self.note.len()
    }

    /// Appends `position {at} of {of}{note}`.
    pub fn push_to(&self, out: &mut String) {
        out.push_str("position ");
        push_decimal(out, self.at);
        out.push_str(" of ");
        push_decimal(out, self.of);
        out.push_str(self.note);
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
    use super::{Context, Severity};

    #[test]
    fn positions_read_as_before() {
        let ingredients = crate::ingredient::ingredients(&crate::parse::parse(
            "Aqua, Glycerin, Niacinamide, Parfum, Linalool, Limonene, Citral",
            &crate::resolve::Cosing,
        ));
        let cx = Context {
            ingredients: &ingredients,
            minor_from: Some(6),
        };
        for (i, severity, words) in [
            (0, Severity::High, "position 1 of 7: a main ingredient"),
            (5, Severity::Moderate, "position 6 of 7"),
            (
                6,
                Severity::Low,
                "position 7 of 7, after the 1 % line: likely minor",
            ),
        ] {
            let (got, pos) = cx.weigh(Severity::Moderate, i);
            let mut text = String::new();
            pos.push_to(&mut text);
            assert_eq!((got, text.as_str()), (severity, words));
        }
    }

    #[test]
    fn push_decimal_writes_what_display_writes() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            let mut s = String::from("x");
            super::push_decimal(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }
}
