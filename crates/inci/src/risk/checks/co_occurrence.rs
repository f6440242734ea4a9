//! Co-occurrence (a human-derived secretion with a partner finding) and interactions between
//! actives, from the rule tables of `risk/rules.rs`.

use crate::ingredient::Ingredient;
use crate::risk::rules;
use crate::risk::{Category, Finding};
use std::borrow::Cow;

/// Adds co-occurrence findings (human-derived with a partner) and interactions.
pub(crate) fn combine(ingredients: &[Ingredient], findings: &mut Vec<Finding>) {
    // The co-occurrence rules speak of conditioned media: only secretions (media, secretomes,
    // exosomes) take them, not a placenta extract or cord blood.
    let human: Vec<usize> = findings
        .iter()
        .filter(|f| f.category == Category::HumanDerived)
        .flat_map(|f| f.ingredients.clone())
        .filter(|&i| {
            let ing = &ingredients[i];
            crate::origin::HumanKind::of(ing.name.unwrap_or(ing.raw.trim()))
                == crate::origin::HumanKind::Secretion
        })
        .collect();
    let mut added = Vec::new();
    if !human.is_empty() {
        for rule in rules::CO_OCCURRENCE {
            let mut partners: Vec<usize> = findings
                .iter()
                .filter(|f| f.category == rule.partner)
                .filter(|f| {
                    rule.partner_kinds.is_empty()
                        || f.ingredients.iter().any(|&i| {
                            ingredients[i]
                                .entry
                                .and_then(|e| inci_dict::risk::irritant(e.id))
                                .is_some_and(|irr| rule.partner_kinds.contains(&irr.category))
                        })
                })
                .flat_map(|f| f.ingredients.iter().copied())
                .filter(|i| !human.contains(i))
                .collect();
            partners.sort_unstable();
            partners.dedup();
            if partners.is_empty() {
                continue;
            }
            // An unknown name (`hUC-MSC Conditioned Media`) is named as printed.
            let names = |ix: &[usize]| {
                ix.iter()
                    .map(|&i| ingredients[i].name.unwrap_or(ingredients[i].raw.trim()))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut involved = human.clone();
            involved.extend(&partners);
            added.push(Finding::new(
                &rule.kind,
                rule.severity,
                format!(
                    "{} with {}: {}",
                    names(&human),
                    names(&partners),
                    rule.message
                ),
                involved,
                Cow::Borrowed(rule.source),
            ));
        }
    }
    // Each name's length, first and last bytes, hashed to one of 4,096 bits, for the whole
    // label at once: a side none of whose names has its bit set names no ingredient, and is
    // not looked for (most labels have neither side; a scan of the list was 1,150
    // instructions). With 512 bits, 33 names fill about 6 % of them, so a side of five names
    // passed falsely about one time in four (by that fill); the pre-check and its scans were
    // 21.3 M instructions on a 10.5 MB catalog of 12,949 rows, 12.8 M with 4,096 bits.
    let mark = |n: &str| {
        let b = n.as_bytes();
        let (first, last) = (b.first().copied(), b.last().copied());
        let h = (n.len() as u32)
            .wrapping_mul(0x9E37_79B1)
            .wrapping_add(u32::from(first.unwrap_or(0)) << 8 | u32::from(last.unwrap_or(0)))
            .wrapping_mul(0x85EB_CA6B);
        ((h >> 26) as usize, 1u64 << ((h >> 20) & 63))
    };
    let mut present = [0u64; 64];
    for n in ingredients.iter().filter_map(|g| g.name) {
        let (word, bit) = mark(n);
        present[word] |= bit;
    }
    let absent = |n: &str| {
        let (word, bit) = mark(n);
        present[word] & bit == 0
    };
    for rule in rules::INTERACTIONS {
        let side = |names: &[&str]| -> Vec<usize> {
            if names.iter().all(|n| absent(n)) {
                return Vec::new();
            }
            ingredients
                .iter()
                .enumerate()
                .filter(|(_, g)| g.name.is_some_and(|n| names.contains(&n)))
                .map(|(i, _)| i)
                .collect()
        };
        // Nearly every label has neither side: the second is looked for only after the first.
        let a = side(rule.a);
        if a.is_empty() {
            continue;
        }
        let b = side(rule.b);
        if b.is_empty() {
            continue;
        }
        let mut involved = a;
        involved.extend(b);
        let names: Vec<&str> = involved
            .iter()
            .filter_map(|&i| ingredients[i].name)
            .collect();
        added.push(Finding::new(
            &rule.kind,
            rule.severity,
            format!("{}: {}", names.join(" with "), rule.message),
            involved,
            Cow::Borrowed(rule.source),
        ));
    }
    findings.extend(added);
}
