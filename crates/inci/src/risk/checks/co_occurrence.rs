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
            let mut involved = human.clone();
            involved.extend(&partners);
            added.push(Finding::new(
                &rule.kind,
                rule.severity,
                format!(
                    "{} with {}: {}",
                    names_once(ingredients, &human),
                    names_once(ingredients, &partners),
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
        let message = format!(
            "{} with {}: {}",
            names_once(ingredients, &a),
            names_once(ingredients, &b),
            rule.message
        );
        let mut involved = a;
        involved.extend(b);
        added.push(Finding::new(
            &rule.kind,
            rule.severity,
            message,
            involved,
            Cow::Borrowed(rule.source),
        ));
    }
    findings.extend(added);
}

/// The names of `ix` for a message, each once, in label order, joined with commas: a label
/// may list a name twice (`Copper PCA` in two steps of a kit), and the message named it
/// twice (`ASCORBIC ACID with COPPER PCA with COPPER PCA`). An unknown name
/// (`hUC-MSC Conditioned Media`) is named as printed.
fn names_once(ingredients: &[Ingredient], ix: &[usize]) -> String {
    let mut names: Vec<&str> = Vec::with_capacity(ix.len());
    for &i in ix {
        let name = ingredients[i].name.unwrap_or(ingredients[i].raw.trim());
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

#[cfg(test)]
mod tests {
    /// The findings `risk::analyze` makes of a label (through the parser and the resolver, not
    /// `scan`, which this module must not import).
    fn findings(label: &str) -> Vec<crate::risk::Finding> {
        let ingredients = crate::ingredient::ingredients(&crate::parse(label, &crate::Cosing));
        crate::risk::analyze(&ingredients, &crate::risk::Options::default()).findings
    }

    fn messages(label: &str, code: &str) -> Vec<(String, Vec<usize>)> {
        findings(label)
            .into_iter()
            .filter(|f| f.code == code)
            .map(|f| (f.message, f.ingredients))
            .collect()
    }

    /// A name listed twice is named once; each side's names are joined with commas and the
    /// sides with `with`; the finding still points at every ingredient it is about.
    #[test]
    fn an_interaction_names_each_ingredient_once_side_by_side() {
        let got = messages(
            "Aqua, Ascorbic Acid, Copper PCA, Glycerin, Copper PCA",
            "IX003",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let (message, ingredients) = &got[0];
        assert!(
            message.starts_with("ASCORBIC ACID with COPPER PCA: "),
            "{message}"
        );
        assert_eq!(ingredients, &[1, 2, 4]);

        let got = messages("Aqua, Retinyl Palmitate, Retinol, Glycolic Acid", "IX001");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0]
                .0
                .starts_with("RETINYL PALMITATE, RETINOL with GLYCOLIC ACID: "),
            "{}",
            got[0].0
        );
    }

    /// The human-derived co-occurrence rules name their sides the same way.
    #[test]
    fn a_co_occurrence_names_each_partner_once() {
        let label = "Aqua, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Fragrance, \
                     Glycerin, Fragrance";
        let found: Vec<String> = findings(label)
            .into_iter()
            .filter(|f| f.category == crate::risk::Category::CoOccurrence)
            .map(|f| f.message)
            .collect();
        assert!(!found.is_empty(), "no co-occurrence finding");
        for m in &found {
            let names = m.split(':').next().unwrap_or_default();
            assert_eq!(names.matches("PARFUM").count(), 1, "{m}");
        }
    }
}
