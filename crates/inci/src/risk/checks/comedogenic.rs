//! `C001`: comedogenic ratings of 3 of 5 or more, weighed by position.

use super::Context;
use crate::risk::registry;
use crate::risk::{Finding, Severity};
use std::borrow::Cow;

/// `C001` for the ingredient at index `i`, when its rating is 3 or more.
pub(crate) fn check(
    cx: &Context<'_>,
    i: usize,
    name: &str,
    entry: inci_dict::Entry,
    out: &mut Vec<Finding>,
) {
    let Some(c) = inci_dict::risk::comedogenic(entry.id).filter(|c| c.max >= 3) else {
        return;
    };
    let base = match c.max {
        3 => Severity::Low,
        4 => Severity::Moderate,
        _ => Severity::High,
    };
    let (severity, pos) = cx.weigh(base, i);
    // Put together by hand, not with `format!` (two calls, 1,100 instructions a finding).
    let mut message = String::with_capacity(name.len() + pos.len() + 40);
    message.push_str(name);
    message.push_str(" is rated ");
    if c.min != c.max {
        super::push_decimal(&mut message, usize::from(c.min));
        message.push('-');
    }
    super::push_decimal(&mut message, usize::from(c.max));
    message.push_str(" of 5 for clogging pores (");
    pos.push_to(&mut message);
    message.push(')');
    out.push(Finding::new(
        &registry::C001,
        severity,
        message,
        vec![i],
        Cow::Borrowed(c.source),
    ));
}
