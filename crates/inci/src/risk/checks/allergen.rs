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
    // Its share, when the label bounds it under a labelling threshold (a declared 0.005 %):
    // named although the regulation would not require it in that product type.
    let share = cx
        .ingredients
        .get(i)
        .and_then(|ing| ing.share)
        .filter(|s| s.max < 0.01)
        .map(|s| {
            let below = if s.max < 0.001 {
                "below both thresholds"
            } else {
                "below the rinse-off threshold"
            };
            let how = match s.basis {
                crate::ingredient::ShareBasis::Declared => "as printed",
                _ => "by the label's order",
            };
            format!("; at most {} % here ({how}), {below}", s.max)
        })
        .unwrap_or_default();
    // Written into one allocation, not with `format!` (1,400 instructions a finding).
    let mut message = String::with_capacity(name.len() + set.len() + pos.len() + share.len() + 80);
    for part in [
        name,
        " is ",
        set,
        ", named on labels above 0.001 % leave-on or 0.01 % rinse-off (",
    ] {
        message.push_str(part);
    }
    pos.push_to(&mut message);
    message.push(')');
    message.push_str(&share);
    out.push(Finding::new(
        &registry::F001,
        severity,
        message,
        vec![i],
        Cow::Borrowed(a.source),
    ));
}
