//! How much of each ingredient a product can hold: a `[min, max]` share in percent, from what
//! the label guarantees.
//!
//! An EU label lists the ingredients above 1 % in descending order of concentration, then the
//! rest in any order (Regulation (EC) 1223/2009 Art. 19(1)(g)). So, for the shares `x` of the
//! declared (main) ingredients, in label order:
//!
//! - **sum**: they add up to 100;
//! - **order**: for `i` before `j`, if `x[j] > 1` then `x[i] >= x[j]` (an ingredient above
//!   1 % has only ingredients above 1 % before it, in descending order). This holds wherever
//!   the 1 % line actually falls, so the line need not be known;
//! - **declared**: a printed percentage (`5%`, `0,5 %`, `1-2%`, `<1%`) bounds its ingredient;
//!
//! and nothing else: the 1 % line the report estimates from marker ingredients is a guess
//! (a perfume lists PARFUM second at 15 %), so it is no bound here, and annex maxima are not
//! assumed either, since assuming a product compliant would hide the very finding that it is
//! not. They are given beside the range instead ([`Share::if_compliant`], from
//! [`compliant_caps`]): phenoxyethanol `[0, 5]` by the label, at most 1 % if the product
//! complies with Annex V entry 29.
//!
//! [`shares`] narrows every interval by these rules until none changes (interval propagation:
//! each step is implied by the rules, so any assignment of shares that satisfies them stays
//! inside the ranges, as the property test checks):
//!
//! 1. `max[j] <= max(1, min over i < j of max[i])` (order, forward);
//! 2. `min[i] >= min[j]` for a later `j` whose `min[j] > 1` (order, backward);
//! 3. `min[i] >= 100 - sum of the others' max`, `max[i] <= 100 - sum of the others' min` (sum);
//! 4. `max[i] <= max(1, x)` for the largest `x` with `x + sum over k < i of max(min[k], x) <=
//!    100 - sum of min after i`: were `x[i]` above 1 %, each ingredient before it would hold
//!    at least as much (order with sum; `Aqua 70 %, Glycerin, Alcohol`: alcohol at most 15);
//! 5. `x[i]` is surely above 1 % when the list could not reach 100 % were it and everything
//!    after it at or under 1 %; then `min[i] >= x` for the smallest `x` with `x + sum over
//!    j > i of min(max[j], x) >= 100 - sum of max before i`: each later share is at most
//!    `x[i]` (glycerin at least 15 in the same list), and the first ingredient of a list that
//!    cannot be all under 1 % holds at least `100 / n`.
//!
//! When an interval comes out empty, no assignment satisfies the label (`Aqua, Glycerin 80 %,
//! Niacinamide 30 %`): the list is reported as inconsistent and no share is estimated.
//!
//! Worked example, `Aqua, Glycerin 5 %, Niacinamide, Parfum`: glycerin is `[5, 5]`; by order
//! aqua holds at least 5 and niacinamide at most 5; rule 5 gives aqua at least `(100 - 0) / 4`
//! = 25 at first, then the sum gives it at least `100 - 5 - 5 - 5` = 85 once niacinamide and
//! parfum are capped at 5 (parfum by order: above 1 % it would be at most niacinamide's 5).
//! Result: aqua `[85, 95]`, glycerin `[5, 5]`, niacinamide `[0, 5]`, parfum `[0, 5]`.

use crate::ingredient::Ingredient;
use crate::parse::{QualifierKind, Section};

/// Tolerance for rounding in percentages: bounds that cross by less are taken as equal.
const EPS: f64 = 1e-6;

/// The smallest narrowing of a bound that counts as a step (percent).
const STEP: f64 = 1e-9;

/// Passes of narrowing at most: each pass is linear in the list, so a hostile list of many
/// thousand items stays linear; real lists settle in a few passes.
const MAX_PASSES: usize = 32;

pub use crate::ingredient::{Cap, Share, ShareBasis as Basis};

/// The shares of a list: one per ingredient (`None` in the may-contain block, whose presence
/// is not even sure), or why they cannot be estimated.
#[derive(Debug, Clone, PartialEq)]
pub enum Shares {
    /// One per ingredient, in label order.
    Estimated(Vec<Option<Share>>),
    /// No assignment of shares satisfies the label: which ingredient's range came out empty.
    Inconsistent {
        /// The ingredient whose range came out empty (its index).
        at: usize,
        /// Its bounds when they crossed.
        min: f64,
        /// Its bounds when they crossed.
        max: f64,
    },
}

/// True when the printed percentages cannot hold even if ingredients are missing from the
/// list: they add up to more than 100 %, or one above 1 % follows a smaller one.
fn impossible_whatever_is_missing(declared: &[Option<(f64, f64)>]) -> bool {
    let over = declared.iter().flatten().map(|d| d.0).sum::<f64>() > 100.0 + EPS;
    let mut least_before = f64::INFINITY;
    let mut out_of_order = false;
    for d in declared.iter().flatten() {
        if d.0 > 1.0 && d.0 > least_before + EPS {
            out_of_order = true;
        }
        least_before = least_before.min(d.1);
    }
    over || out_of_order
}

/// Whether a list reads in the EU's order: not when it has the headers of a US Drug Facts
/// panel (`Active ingredients`, `Inactive ingredients`), when its first ingredient is not water
/// and has a printed percentage (US actives first), nor when water follows an ingredient declared above
/// 1 % (actives first, then the rest: water is never less than a declared active in one
/// ordered list).
pub fn in_eu_order(ingredients: &[Ingredient], headers: &[&str]) -> bool {
    let drug_facts = headers.iter().any(|h| {
        let h = h.to_ascii_lowercase();
        h.contains("active ingredient") || h.contains("inactive ingredient")
    });
    if drug_facts {
        return false;
    }
    // US sunscreens list their actives first, each with its percentage: an EU list does not
    // print the share of its first ingredient (water, or the base).
    let first = ingredients.iter().find(|i| i.section == Section::Main);
    if first.is_some_and(|i| {
        i.name.is_some_and(|n| n != "AQUA" && n != "WATER") && declared(i).is_some()
    }) {
        return false;
    }
    let mut declared_above_one = false;
    for ing in ingredients.iter().filter(|i| i.section == Section::Main) {
        if declared_above_one && matches!(ing.name, Some("AQUA" | "WATER")) {
            return false;
        }
        declared_above_one |= declared(ing).is_some_and(|d| d.0 > 1.0);
    }
    true
}

/// The declared range of an ingredient's percentage qualifiers (`<1%` is `[0, 1]`), when it has
/// one that reads as a number.
pub fn declared(ingredient: &Ingredient) -> Option<(f64, f64)> {
    ingredient
        .qualifiers
        .iter()
        .filter(|q| q.kind == QualifierKind::Percent)
        .find_map(|q| super::percent_range(&q.text).filter(|&(lo, hi)| lo >= 0.0 && hi <= 100.0))
}

/// The shares of `ingredients` (see the module documentation), for a list in the EU's order.
/// With `ordered` false (a US Drug Facts panel, whose active ingredients come first with their
/// percentages, before the inactive ones in their own order), only printed percentages bound
/// a share: every other is anything from 0 to 100 %.
pub fn shares(ingredients: &[Ingredient], ordered: bool) -> Shares {
    // Sized for every ingredient (nearly all are in the main section): collected through a
    // filter, the vector grew from 4 in five reallocations for a list of 40.
    let mut main: Vec<usize> = Vec::with_capacity(ingredients.len());
    main.extend(
        ingredients
            .iter()
            .enumerate()
            .filter(|(_, i)| i.section == Section::Main)
            .map(|(k, _)| k),
    );
    // A percentage on a name inci cannot identify (`100% Natural`, `100% Lyocell`) may be pack
    // text read as an item: it bounds nothing.
    let declared: Vec<Option<(f64, f64)>> = main
        .iter()
        .map(|&k| declared(&ingredients[k]).filter(|_| ingredients[k].name.is_some()))
        .collect();
    // A list that prints no percentage (nearly every list), in the EU's order: its shares
    // depend on its length alone, kept per thread.
    if ordered && declared.iter().all(Option::is_none) {
        let kept = undeclared_shares(main.len(), |kept| {
            let mut out = vec![None; ingredients.len()];
            for (&k, share) in main.iter().zip(kept) {
                out[k] = Some(*share);
            }
            out
        });
        if let Some(out) = kept {
            return Shares::Estimated(out);
        }
    }
    let printed_only =
        || -> Vec<(f64, f64)> { declared.iter().map(|d| d.unwrap_or((0.0, 100.0))).collect() };
    let result = if !ordered {
        Ok(printed_only())
    } else {
        match bounds(&declared) {
            Ok(b) => Ok(b),
            // Shares that cannot reach 100 % say the list is cut short (key ingredients in a
            // product description, a truncated scrape), not that the label is impossible:
            // only what is printed is kept. Over 100 %, or out of order above 1 %, is
            // impossible whatever is missing.
            Err(_) if !impossible_whatever_is_missing(&declared) => Ok(printed_only()),
            Err(e) => Err(e),
        }
    };
    match result {
        Ok(b) => {
            let mut out = vec![None; ingredients.len()];
            for (n, &k) in main.iter().enumerate() {
                out[k] = Some(share_of(b[n], declared[n].is_some()));
            }
            Shares::Estimated(out)
        }
        Err((n, min, max)) => Shares::Inconsistent {
            at: main.get(n).copied().unwrap_or(0),
            min: round(min),
            max: round(max),
        },
    }
}

/// Sets each share's [`Share::if_compliant`]: the most the EU annexes that apply to the
/// ingredient allow in this product (`product_type`, or every product type when unknown), when
/// that is below the share's `max` and not below its `min`. Only where every applicable scope
/// of every applicable Annex III, V or VI entry states a maximum of the substance itself (no
/// maximum, or one `calculated as` something else, caps nothing), where no other use escapes
/// them (a preservative or UV filter entry caps only an ingredient CosIng gives no other
/// function, unless an Annex III entry covers the other uses), and only for a share the label
/// did not print.
pub fn compliant_caps(
    ingredients: &mut [Ingredient],
    product_type: Option<inci_dict::risk::ProductType>,
) {
    let caps: Vec<Option<Cap>> = (0..ingredients.len())
        .map(|i| {
            let ing = &ingredients[i];
            let share = ing.share?;
            if share.basis == Basis::Declared {
                return None;
            }
            let entry = ing.entry.or_else(|| inci_dict::entry_by_name(ing.name?))?;
            if inci_dict::risk::annex_entries(entry.id).is_empty() {
                return None;
            }
            let entries = super::checks::annex::entries_of(entry);
            // The entry's kept list of functions, not a split of its text each time.
            let functions = crate::ingredient::functions_of(entry);
            let (max, a) = super::checks::annex::compliant_max(
                ing,
                ingredients,
                &entries,
                product_type,
                &functions,
            )?;
            // The annex tables hold `f32`s: 0.8 reads as 0.800000011920929.
            let max = round(max);
            (max < share.max - EPS && max >= share.min - EPS).then_some(Cap {
                max,
                annex: a.annex.as_str(),
                reference: a.reference,
                source: a.source,
            })
        })
        .collect();
    for (ing, cap) in ingredients.iter_mut().zip(caps) {
        if let (Some(share), Some(cap)) = (ing.share.as_mut(), cap) {
            share.if_compliant = Some(cap);
        }
    }
}

/// What [`bounds`] gives: each share's `[min, max]`, or the share whose range came out empty
/// with its crossed bounds.
type Bounds = Result<Vec<(f64, f64)>, (usize, f64, f64)>;

/// The share of an ingredient whose bounds are `(min, max)`, rounded, with what bounds it.
fn share_of((min, max): (f64, f64), declared: bool) -> Share {
    let basis = if declared {
        Basis::Declared
    } else if min > EPS || max < 100.0 - EPS {
        Basis::Order
    } else {
        Basis::None
    };
    Share {
        min: round(min),
        max: round(max),
        basis,
        if_compliant: None,
    }
}

/// `read` of the shares of a list of `n` ingredients that prints no percentage, in the EU's
/// order; `None` past the longest list kept. They depend on `n` alone, so they are worked out
/// once per length and kept per thread: such a list costs a copy, where it cost a copy of its
/// bounds and two roundings an ingredient.
fn undeclared_shares<R>(n: usize, read: impl FnOnce(&[Share]) -> R) -> Option<R> {
    /// The longest list kept; real lists are far shorter.
    const KEPT: usize = 256;
    thread_local! {
        static UNDECLARED: std::cell::RefCell<Vec<Option<Box<[Share]>>>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    if n > KEPT {
        return None;
    }
    let read = match UNDECLARED.with(|u| match u.try_borrow() {
        Ok(u) => match u.get(n) {
            Some(Some(kept)) => Ok(read(kept)),
            _ => Err(read),
        },
        Err(_) => Err(read),
    }) {
        Ok(answer) => return Some(answer),
        Err(read) => read,
    };
    let shares: Box<[Share]> = bounds(&vec![None; n])
        .ok()?
        .into_iter()
        .map(|b| share_of(b, false))
        .collect();
    let answer = read(&shares);
    UNDECLARED.with(|u| {
        if let Ok(mut u) = u.try_borrow_mut() {
            if u.len() <= n {
                u.resize(n + 1, None);
            }
            u[n] = Some(shares);
        }
    });
    Some(answer)
}

/// The narrowed `[min, max]` of each share given the declared ranges, or the index whose range
/// came out empty with its crossed bounds.
// The rules read and narrow the two parallel arrays `lo` and `hi` by index.
#[allow(clippy::needless_range_loop)]
pub fn bounds(declared: &[Option<(f64, f64)>]) -> Bounds {
    let n = declared.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut lo: Vec<f64> = declared.iter().map(|d| d.map_or(0.0, |d| d.0)).collect();
    let mut hi: Vec<f64> = declared.iter().map(|d| d.map_or(100.0, |d| d.1)).collect();
    // Work space kept across passes (allocated once, not each pass).
    let (mut lo_before, mut hi_before) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut most_before: Vec<f64> = vec![f64::NEG_INFINITY; n];
    let mut small_after: Vec<f64> = vec![0.0; n + 1]; // sum of min(1, max) from i on
    let mut least_after: Vec<f64> = vec![f64::INFINITY; n + 1];
    for _ in 0..MAX_PASSES {
        lo_before.clone_from(&lo);
        hi_before.clone_from(&hi);
        // Only a real step narrows a bound: steps of a rounding error, fed back through the
        // sum, would otherwise grow pass after pass.
        let raise = |b: &mut f64, v: f64| {
            if v > *b + STEP {
                *b = v;
            }
        };
        let lower = |b: &mut f64, v: f64| {
            if v < *b - STEP {
                *b = v;
            }
        };
        // 1. Order, forward: the least max so far caps what comes later, above 1 %.
        let mut least = f64::INFINITY;
        for j in 0..n {
            if j > 0 {
                lower(&mut hi[j], least.max(1.0));
            }
            least = least.min(hi[j]);
        }
        // 2. Order, backward: a later share surely above 1 % is a floor for earlier ones.
        let mut floor = 0.0f64;
        for i in (0..n).rev() {
            raise(&mut lo[i], floor);
            if lo[i] > 1.0 {
                floor = floor.max(lo[i]);
            }
        }
        // 3. Sum.
        let sum_lo: f64 = lo.iter().sum();
        let sum_hi: f64 = hi.iter().sum();
        for i in 0..n {
            let (l, h) = (lo[i], hi[i]);
            raise(&mut lo[i], 100.0 - (sum_hi - h));
            lower(&mut hi[i], 100.0 - (sum_lo - l));
        }
        // 4. Order with sum: were x[i] above 1 %, each earlier share would be at least x[i]
        // (and at least its own min): the largest x[i] that leaves room for that and for the
        // later shares' mins.
        let mut after = 0.0f64; // sum of min after i
        // The largest min before each i: when every earlier min is under an even split, the
        // split is the answer, with no sort (nearly every share of a list without printed
        // percentages).
        most_before.fill(f64::NEG_INFINITY);
        for i in 1..n {
            most_before[i] = most_before[i - 1].max(lo[i - 1]);
        }
        for i in (0..n).rev() {
            let room = 100.0 - after;
            let even = room / (i + 1) as f64;
            let cap = if even >= most_before[i] {
                even
            } else if n <= REFINED {
                largest_fitting(&lo[..i], room)
            } else {
                room / (i + 1) as f64
            };
            lower(&mut hi[i], cap.max(1.0));
            after += lo[i];
        }
        // 5. A share surely above 1 % is at least each later one (a later share above 1 % by
        // order, one at or under 1 % by being so): with the earlier shares at their max, it
        // and the later ones (each at most it and at most its own max) must fill the rest. A
        // share is surely above 1 % when the list could not reach 100 % were it and all after
        // it at or under 1 %.
        let mut before_sum = 0.0f64; // sum of max before i
        // The least max after i: when an even split is under every later max, it is the
        // answer, with no sort.
        small_after.fill(0.0);
        least_after.fill(f64::INFINITY);
        for i in (0..n).rev() {
            small_after[i] = small_after[i + 1] + hi[i].min(1.0);
            least_after[i] = least_after[i + 1].min(hi[i]);
        }
        for i in 0..n {
            let above = lo[i] > 1.0 || before_sum + small_after[i] < 100.0 - EPS;
            if above {
                let need = 100.0 - before_sum;
                let even = need / (n - i) as f64;
                let floor = if even <= least_after[i + 1] {
                    even
                } else if n <= REFINED {
                    smallest_filling(&hi[i + 1..], need)
                } else {
                    need / (n - i) as f64
                };
                let floor = floor.max(1.0);
                raise(&mut lo[i], floor);
            }
            before_sum += hi[i];
        }
        if let Some(i) = (0..n).find(|&i| lo[i] > hi[i] + EPS) {
            return Err((i, lo[i], hi[i]));
        }
        let sum_lo: f64 = lo.iter().sum();
        let sum_hi: f64 = hi.iter().sum();
        if sum_lo > 100.0 + EPS || sum_hi < 100.0 - EPS {
            // No assignment sums to 100: report the ingredient with the tightest range.
            let i = (0..n)
                .min_by(|&a, &b| (hi[a] - lo[a]).total_cmp(&(hi[b] - lo[b])))
                .unwrap_or(0);
            return Err((i, lo[i], hi[i]));
        }
        if lo_before == lo && hi_before == hi {
            break;
        }
    }
    for i in 0..n {
        // Rounding may leave a hair of overlap.
        if lo[i] > hi[i] {
            lo[i] = hi[i];
        }
    }
    Ok(lo.into_iter().zip(hi).collect())
}

/// Lists up to this long get the exact water-filling bounds of rules 4 and 5 (quadratic in
/// the list); longer ones, which no real label is, the linear bounds.
const REFINED: usize = 300;

/// The largest `x` with `x + sum over earlier of max(lo, x) <= room` (rule 4): the earlier
/// shares hold at least `x` each, or their own min when more.
fn largest_fitting(earlier: &[f64], room: f64) -> f64 {
    let mut lows: Vec<f64> = earlier.to_vec();
    lows.sort_by(|a, b| b.total_cmp(a));
    let count = lows.len();
    let mut fixed = 0.0; // sum of the lows above x
    for (m, &low) in lows.iter().enumerate() {
        // m earlier shares keep their own (larger) min; the other count - m and x itself
        // hold x each.
        let x = (room - fixed) / (count - m + 1) as f64;
        if x >= low {
            return x;
        }
        fixed += low;
    }
    room - fixed
}

/// The smallest `x` with `x + sum over later of min(hi, x) >= need` (rule 5): each later share
/// holds at most `x`, or its own max when less.
fn smallest_filling(later: &[f64], need: f64) -> f64 {
    let mut highs: Vec<f64> = later.to_vec();
    highs.sort_by(|a, b| a.total_cmp(b));
    let count = highs.len();
    let mut fixed = 0.0; // sum of the highs below x
    for (m, &high) in highs.iter().enumerate() {
        // m later shares are held at their (smaller) max; the other count - m and x itself
        // hold x each.
        let x = (need - fixed) / (count - m + 1) as f64;
        if x <= high {
            return x;
        }
        fixed += high;
    }
    need - fixed
}

/// To four decimals: the bounds are exact rationals, printed as people read percentages.
fn round(v: f64) -> f64 {
    half_away_from_zero(v * 10_000.0) / 10_000.0
}

/// `x.round()`, bit for bit, without the call into libm that `f64::round` is on baseline
/// x86-64 (no rounding instruction before SSE4.1): every ingredient's bounds are rounded,
/// and the call cost about 20 instructions each. Below 2^52 a float's integer part fits an
/// `i64` exactly, and the float minus it is exact; the sign is `x`'s (`-0.3` rounds to `-0.0`).
/// Larger values, infinities and NaN are integers already or go to `f64::round`.
fn half_away_from_zero(x: f64) -> f64 {
    const EXACT: f64 = 4_503_599_627_370_496.0; // 2^52
    // NaN compares as no number: it goes to `f64::round` with the large values.
    if x.abs().partial_cmp(&EXACT) != Some(std::cmp::Ordering::Less) {
        return x.round();
    }
    let whole = x as i64 as f64;
    let rest = x - whole;
    let r = if rest >= 0.5 {
        whole + 1.0
    } else if rest <= -0.5 {
        whole - 1.0
    } else {
        whole
    };
    r.copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_round(x: f64) {
        let (got, want) = (half_away_from_zero(x), x.round());
        assert!(
            got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
            "{x:e}: {got:e} against {want:e}"
        );
    }

    #[test]
    fn rounding_is_f64_round_bit_for_bit() {
        // Halves, the floats on either side of each, signed zeros, the edges of the exact
        // range, infinities and NaN.
        for k in -200_000i64..=200_000 {
            let half = k as f64 / 2.0;
            for x in [half, half.next_up(), half.next_down()] {
                same_as_round(x);
            }
        }
        let edge = 4_503_599_627_370_496.0f64;
        for x in [
            0.0,
            -0.0,
            0.49999999999999994,
            -0.49999999999999994,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE / 4.0,
            edge,
            -edge,
            edge.next_down(),
            edge.next_down() - 0.5,
            -(edge.next_down() - 0.5),
            edge * 4.0 + 2.0,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ] {
            same_as_round(x);
        }
    }

    proptest::proptest! {
        #[test]
        fn rounding_any_float_is_f64_round(x in proptest::num::f64::ANY) {
            same_as_round(x);
        }

        #[test]
        fn rounding_any_share_is_f64_round(x in -1.0e7f64..1.0e7) {
            same_as_round(x);
        }
    }

    fn b(declared: &[Option<(f64, f64)>]) -> Vec<(f64, f64)> {
        bounds(declared)
            .expect("consistent")
            .into_iter()
            .map(|(l, h)| (round(l), round(h)))
            .collect()
    }

    #[test]
    fn lists_without_percentages_get_the_same_shares_from_the_memo() {
        // Each length twice: worked out and kept, then from the memo; past the kept lengths,
        // none.
        for _ in 0..2 {
            for n in 0..=256 {
                let direct: Vec<Share> = bounds(&vec![None; n])
                    .expect("consistent")
                    .into_iter()
                    .map(|b| share_of(b, false))
                    .collect();
                assert_eq!(
                    undeclared_shares(n, <[Share]>::to_vec),
                    Some(direct),
                    "{n} items"
                );
            }
        }
        assert_eq!(undeclared_shares(257, <[Share]>::to_vec), None);
        assert_ne!(
            undeclared_shares(4, <[Share]>::to_vec),
            undeclared_shares(5, <[Share]>::to_vec)
        );
    }

    #[test]
    fn the_worked_example() {
        assert_eq!(
            b(&[None, Some((5.0, 5.0)), None, None]),
            vec![(85.0, 95.0), (5.0, 5.0), (0.0, 5.0), (0.0, 5.0)]
        );
    }

    #[test]
    fn one_ingredient_is_all_of_it_and_two_split_it() {
        assert_eq!(b(&[None]), vec![(100.0, 100.0)]);
        assert_eq!(b(&[None, None]), vec![(50.0, 100.0), (0.0, 50.0)]);
        assert_eq!(
            b(&[None, None, None]),
            vec![(33.3333, 100.0), (0.0, 50.0), (0.0, 33.3333)]
        );
    }

    #[test]
    fn a_declared_first_ingredient_splits_the_rest_by_order() {
        // Aqua 70 %, Glycerin, Alcohol: glycerin holds at least half of the 30 left.
        assert_eq!(
            b(&[Some((70.0, 70.0)), None, None]),
            vec![(70.0, 70.0), (15.0, 30.0), (0.0, 15.0)]
        );
    }

    #[test]
    fn an_impossible_list_is_inconsistent() {
        assert!(bounds(&[None, Some((80.0, 80.0)), Some((30.0, 30.0))]).is_err());
        // Out of order above 1 %: 2 % cannot follow 1.5 %.
        assert!(bounds(&[None, Some((1.5, 1.5)), Some((2.0, 2.0))]).is_err());
        // Under 1 %, any order.
        assert!(bounds(&[None, Some((0.5, 0.5)), Some((0.8, 0.8))]).is_ok());
    }

    use proptest::prelude::*;

    /// A list's true shares, consistent with the rules: `above` shares over 1 % in descending
    /// order, then shares at or under 1 % in any order, summing to 100.
    fn assignment() -> impl Strategy<Value = Vec<f64>> {
        (1usize..12, 0usize..15)
            .prop_flat_map(|(above, below)| {
                (
                    proptest::collection::vec(0.001f64..1.0, below),
                    proptest::collection::vec(0.01f64..1.0, above),
                )
            })
            .prop_map(|(small, weights)| {
                let rest = 100.0 - small.iter().sum::<f64>() - weights.len() as f64 * 1.0001;
                let total: f64 = weights.iter().sum();
                let mut big: Vec<f64> = weights.iter().map(|w| 1.0001 + w / total * rest).collect();
                big.sort_by(|a, b| b.total_cmp(a));
                big.into_iter().chain(small).collect()
            })
    }

    proptest! {
        #[test]
        fn the_ranges_contain_every_consistent_assignment(
            x in assignment(),
            mask in proptest::collection::vec(any::<bool>(), 30),
        ) {
            // Some shares printed on the label, the rest not.
            let declared: Vec<Option<(f64, f64)>> = x
                .iter()
                .zip(&mask)
                .map(|(v, &m)| m.then_some((*v, *v)))
                .collect();
            let got = bounds(&declared);
            prop_assert!(got.is_ok(), "{x:?} {declared:?}: {got:?}");
            for (v, (lo, hi)) in x.iter().zip(got.unwrap_or_default()) {
                prop_assert!(*v >= lo - 1e-6 && *v <= hi + 1e-6, "{v} not in [{lo}, {hi}] for {x:?}");
            }
        }
    }
}
