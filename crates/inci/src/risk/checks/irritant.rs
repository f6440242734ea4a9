//! `I001`: known irritants by kind, weighed by position.

use super::Context;
use crate::risk::registry;
use crate::risk::{Finding, Severity};
use std::borrow::Cow;

/// `I001` for the ingredient at index `i`, when it is a known irritant.
pub(crate) fn check(
    cx: &Context<'_>,
    i: usize,
    name: &str,
    entry: inci_dict::Entry,
    out: &mut Vec<Finding>,
) {
    let Some(irr) = inci_dict::risk::irritant(entry.id) else {
        return;
    };
    let (severity, pos) = cx.weigh(Severity::from_level(irr.severity), i);
    // Written into one allocation, not with `format!` (1,400 instructions a finding).
    let (sep, note) = irr.note.map_or(("", ""), |n| (": ", n));
    let words = irr.category.words();
    let mut message = String::with_capacity(name.len() + words.len() + note.len() + pos.len() + 30);
    for part in [name, " is a known irritant (", words, sep, note, "; "] {
        message.push_str(part);
    }
    pos.push_to(&mut message);
    message.push(')');
    out.push(Finding::new(
        &registry::I001,
        severity,
        message,
        vec![i],
        Cow::Borrowed(irr.source),
    ));
}
