//! `F001`: EU labelled fragrance allergens (Annex III), weighed by position.

use super::Context;
use crate::risk::registry;
use crate::risk::{Finding, Severity};
use std::borrow::Cow;

/// `F001` for the ingredient at index `i`, when it is a labelled fragrance allergen.
pub(crate) fn check(
    cx: &Context<'_>,
    i: usize,
    name: &str,
    entry: inci_dict::Entry,
    out: &mut Vec<Finding>,
) {
    let Some(a) = inci_dict::risk::allergen(entry.id) else {
        return;
    };
    let (severity, pos) = cx.weigh(Severity::from_level(a.severity), i);
    let set = if a.original_26 {
        "one of the 26 original EU fragrance allergens"
    } else {
        "an EU fragrance allergen added by Regulation (EU) 2023/1545"
    };
    out.push(Finding::new(
        &registry::F001,
        severity,
        format!(
            "{name} is {set}, named on labels above 0.001 % leave-on or 0.01 % rinse-off ({pos})"
        ),
        vec![i],
        Cow::Borrowed(a.source),
    ));
}
