//! EU annex findings for one ingredient: what Annexes II, III, V and VI say about it, at the
//! verdict level the entry's own wording supports.
//!
//! "Prohibited" is said only where Annex II names the substance and states no condition (or
//! the condition is met on the label: `(nano)` printed for a nano-only entry, `--product-type
//! hair-dye` for a hair-dye entry). An entry that prohibits with an exception is
//! `conditional`, with the condition in words; an entry CosIng links to a name that is not its
//! substance is `listed_as_related`, information only. Annexes V and VI are positive lists:
//! they raise a finding only when a declared percentage is over the limit, or the product type
//! is one the entry does not allow.

use crate::ingredient::Ingredient;
use crate::memo::{EntryMemo, MemoValue};
use crate::risk::registry::{self, FindingKind};
use crate::risk::{Finding, Severity};
use inci_dict::risk::{Annex, AnnexEntry, AnnexVerdict, Limit, ProductType};
use std::borrow::Cow;

/// How an annex entry applies to one ingredient of a label: the one answer the risk check
/// and lint rule L009 share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Applies {
    /// It says nothing about this ingredient here: an Annex III/V/VI entry about another
    /// substance, part or preparation, a mixture entry with a component missing from the
    /// label, a nano-only entry for a name not marked nano, a hair-dye entry outside hair dye,
    /// an Annex II entry whose product types rule this product out.
    No,
    /// CosIng links the name to an Annex II entry about another substance: a check.
    Related,
    /// It applies only under a condition the label cannot show (stated in the entry).
    Conditional,
    /// It applies: Annex II prohibits (or its condition is met), Annex III/V/VI restricts.
    Yes,
}

/// Whether the annex entry `a` applies to `ing`, a name of `label`, for `product_type`.
pub fn applies(
    a: &AnnexEntry,
    ing: &Ingredient,
    label: &[Ingredient],
    product_type: Option<ProductType>,
) -> Applies {
    let nano = ing
        .qualifiers
        .iter()
        .any(|q| q.kind == crate::parse::QualifierKind::Nano);
    let of_type =
        |types: &[ProductType]| product_type.is_some_and(|p| types.iter().any(|&t| p.is_a(t)));
    if a.annex == Annex::II {
        return match a.verdict {
            AnnexVerdict::Prohibited => Applies::Yes,
            AnnexVerdict::Conditional => {
                if (a.nano_only && nano)
                    || (!a.product_types.is_empty() && of_type(a.product_types))
                {
                    Applies::Yes
                } else if !a.product_types.is_empty() && product_type.is_some() {
                    Applies::No
                } else {
                    Applies::Conditional
                }
            }
            AnnexVerdict::ListedAsRelated => Applies::Related,
            _ => Applies::No,
        };
    }
    let listed = |n: &str| label.iter().any(|x| x.name == Some(n));
    if a.verdict == AnnexVerdict::ListedAsRelated
        || !a.requires.iter().all(|n| listed(n))
        || (a.nano_only && !nano)
        || (hair_dye_only(a.limits()) && product_type != Some(ProductType::HairDye))
    {
        return Applies::No;
    }
    if a.verdict == AnnexVerdict::Conditional && product_type != Some(ProductType::Spray) {
        return Applies::Conditional;
    }
    Applies::Yes
}

/// The most the Annex III, V and VI entries that apply to `ing` allow in a product of
/// `product_type` (any type when unknown), with the entry allowing it. `None` when none
/// applies, when one applies with a scope that states no maximum or states it as something
/// else (`calculated as F`), since the ingredient may then be used under it, and when another
/// use may escape the limits: Annex V limits preservatives and Annex VI UV filters, substances
/// "exclusively or mainly intended" for that (Art. 2(1)(l) and (m)), so their maxima cap an
/// ingredient only when every function CosIng gives it is that purpose (phenoxyethanol:
/// preservative, antimicrobial) or an Annex III entry, which holds for any use, applies too.
/// Titanium dioxide (also a colourant, Annex IV, no maximum) and benzoic acid (also a pH
/// adjuster) get none.
pub(crate) fn compliant_max(
    ing: &Ingredient,
    label: &[Ingredient],
    entries: &[AnnexEntry],
    product_type: Option<ProductType>,
    functions: &[&str],
) -> Option<(f64, AnnexEntry)> {
    let mut best: Option<(f64, AnnexEntry)> = None;
    // Walked rather than collected (two lists an ingredient were two allocations).
    let applying = || {
        entries.iter().filter(|a| {
            a.annex != Annex::II && applies(a, ing, label, product_type) == Applies::Yes
        })
    };
    // Asked only of an entry whose purpose its functions do not confine (the walk above,
    // again), not of every ingredient.
    let any_use = || applying().any(|a| a.annex == Annex::III);
    for a in applying() {
        let only_purpose = |purposes: &[&str]| {
            !functions.is_empty()
                && functions
                    .iter()
                    .all(|f| purposes.iter().any(|p| p.eq_ignore_ascii_case(f)))
        };
        let purpose_only = match a.annex {
            Annex::V => only_purpose(&["PRESERVATIVE", "ANTIMICROBIAL"]),
            Annex::VI => only_purpose(&["UV FILTER", "UV ABSORBER", "LIGHT STABILIZER"]),
            _ => true,
        };
        if !purpose_only && !any_use() {
            return None;
        }
        // The scopes that may cover this product: every one when the type is unknown; when
        // it is known, those naming it, no type, or other products (a scope in words inci
        // cannot type may still be it).
        let scopes = a.limits().iter().filter(|l| {
            product_type.is_none_or(|p| {
                l.product_types.is_empty()
                    || l.product_types.contains(&ProductType::Other)
                    || l.product_types.iter().any(|&t| p.is_a(t))
            })
        });
        // A maximum `calculated as` the substance itself (retinol's `RE`) is its own.
        let own = |basis: &str| ing.name.is_some_and(|n| n.eq_ignore_ascii_case(basis));
        let mut highest: f64 = 0.0;
        let mut any_scope = false;
        for l in scopes {
            any_scope = true;
            match (l.max_percent, l.expressed_as) {
                (Some(m), None) => highest = highest.max(f64::from(m)),
                (Some(m), Some(basis)) if own(basis) => highest = highest.max(f64::from(m)),
                _ => return None,
            }
        }
        if !any_scope {
            // No scope allows this product type: R007 says so; no cap to give.
            return None;
        }
        if best.is_none_or(|(b, _)| highest > b) {
            best = Some((highest, *a));
        }
    }
    best
}

/// The annex entries naming `entry`, decoded once per entry and kept: a catalog repeats its
/// preservatives and UV filters, and decoding an entry's rows (its strings and limits from the
/// tables' offsets) was about 800 instructions each time, asked twice per such ingredient
/// (its findings and its share's cap).
pub(crate) fn entries_of(entry: inci_dict::Entry) -> MemoValue<'static, Box<[AnnexEntry]>> {
    static DECODED: EntryMemo<Box<[AnnexEntry]>> = EntryMemo::new();
    DECODED.get_or_init(entry.id, || {
        inci_dict::risk::annex_entries(entry.id).collect()
    })
}

/// Findings of every annex entry naming the ingredient at index `i` of `label`.
pub(crate) fn findings(
    name: &str,
    i: usize,
    label: &[Ingredient],
    entries: &[AnnexEntry],
    product_type: Option<ProductType>,
    out: &mut Vec<Finding>,
    first: usize,
) {
    // Every finding below is an entry's: most ingredients have none, and stop before the
    // estimate, which looks at each later ingredient (quadratic in the list).
    if entries.is_empty() {
        return;
    }
    let Some(ing) = label.get(i) else { return };
    let declared = crate::risk::share::declared(ing);
    // With no printed percentage, the least the label's order allows (`share`), and what
    // gives it: an ingredient declared later, above 1 %, which this one must be at least.
    let estimated: Option<(f64, String)> = match (declared, ing.share) {
        (None, Some(s)) if s.basis == crate::ingredient::ShareBasis::Order && s.min > 0.0 => {
            let later = label.iter().skip(i + 1).find_map(|l| {
                let d = crate::risk::share::declared(l)?;
                (d.0 > 1.0 && d.0 >= s.min - 1e-6).then(|| {
                    format!(
                        "listed before {} declared at {} %, so at least that much",
                        l.name.unwrap_or(l.raw.trim()),
                        (d.0 * 10_000.0).round() / 10_000.0
                    )
                })
            });
            // Only a floor set by a later declared ingredient is raised: one from the sum of
            // 100 % holds only if the list is whole, which scraped and truncated lists are not.
            later.map(|why| (s.min, why))
        }
        _ => None,
    };
    let push = |out: &mut Vec<Finding>,
                kind: &'static FindingKind,
                severity: Severity,
                message: String,
                a: &AnnexEntry| {
        out.push(Finding::new(
            kind,
            severity,
            message,
            vec![i],
            Cow::Borrowed(a.source),
        ));
    };
    // Human tissue is entry 416's finding already (R416, from the origin check): read from the
    // ingredient's own verdict, not from another check's findings.
    let human_tissue = ing
        .verdict
        .as_ref()
        .is_some_and(|v| v.origin == crate::origin::Origin::Human);
    // Some entry allows the name in every product type (a preservative entry beside a
    // hair-product entry, as for Benzalkonium Chloride): no entry's product types rule it out.
    let anywhere = entries.iter().any(|a| {
        a.annex != Annex::II
            && a.verdict != AnnexVerdict::ListedAsRelated
            && !a.nano_only
            && covers_all(a.limits())
    });
    // A declared percentage over one entry's maximum may be within another's (benzyl
    // alcohol: 1 % as a preservative in Annex V, no maximum as a solvent in Annex III).
    // What each other entry that applies allows at most (infinite: no maximum stated), needed
    // only against a declared or estimated percentage: only then is every entry asked up front
    // whether it applies (for every ingredient, the list of answers was an allocation); each
    // entry is otherwise asked as the loop reaches it.
    let percentage = declared.or(estimated.as_ref().map(|(m, _)| (*m, *m)));
    let answers: Vec<Applies> = match percentage {
        Some(_) => entries
            .iter()
            .map(|e| applies(e, ing, label, product_type))
            .collect(),
        None => Vec::new(),
    };
    let ceiling_of = |a: &AnnexEntry| -> Option<Ceiling<'_>> {
        percentage?;
        entries
            .iter()
            .zip(&answers)
            .filter(|(e, ans)| {
                e.annex != Annex::II && **ans == Applies::Yes && !std::ptr::eq(*e, a)
            })
            .map(|(e, _)| {
                let maxima: Option<Vec<f64>> = e
                    .limits()
                    .iter()
                    .map(|l| l.max_percent.map(f64::from))
                    .collect();
                let max = maxima
                    .and_then(|m| m.into_iter().reduce(f64::max))
                    .unwrap_or(f64::INFINITY);
                (max, e)
            })
            .reduce(|x, y| if y.0 > x.0 { y } else { x })
    };
    for (k, a) in entries.iter().enumerate() {
        let answer = answers
            .get(k)
            .copied()
            .unwrap_or_else(|| applies(a, ing, label, product_type));
        let ceiling = ceiling_of(a);
        // An Annex III, V or VI entry that does not identify the name (another plant part or
        // preparation, a trace the ingredient may carry, a mixture with a component missing,
        // the nano form of a name not marked nano, hair dye use) says nothing about it.
        if a.annex != Annex::II && answer == Applies::No {
            continue;
        }
        let at = At(a);
        match (a.annex, a.verdict) {
            (Annex::II, _) if a.reference == "416" && human_tissue => {}
            (Annex::II, AnnexVerdict::Prohibited) => push(
                out,
                &registry::R002,
                Severity::High,
                format!(
                    "{name} is prohibited in EU cosmetics: {at} ({})",
                    a.substance
                ),
                a,
            ),
            (Annex::II, AnnexVerdict::Conditional) => {
                let condition = a.condition.unwrap_or("see the entry's wording");
                let met = answer == Applies::Yes;
                let ruled_out = answer == Applies::No;
                if met {
                    let why = if a.nano_only {
                        "the label marks it nano"
                    } else {
                        "the product type is one the entry names"
                    };
                    push(
                        out,
                        &registry::R002,
                        Severity::High,
                        format!(
                            "{name} is prohibited in EU cosmetics here: {at} ({}), and {why}",
                            a.substance
                        ),
                        a,
                    );
                } else if ruled_out {
                    push(
                        out,
                        &registry::R004,
                        Severity::Info,
                        format!("{name}: {at} does not apply to this product type ({condition})"),
                        a,
                    );
                } else {
                    // Most labels are not hair dyes: a hair-dye-only entry is information.
                    let severity = if a.product_types == [ProductType::HairDye] {
                        Severity::Info
                    } else {
                        Severity::Low
                    };
                    push(
                        out,
                        &registry::R004,
                        severity,
                        format!(
                            "conditional: {at} prohibits {name} only under a condition: {condition}"
                        ),
                        a,
                    );
                }
            }
            (Annex::II, AnnexVerdict::ListedAsRelated) => {
                let sequence = ing
                    .verdict
                    .as_ref()
                    .is_some_and(|v| v.origin == crate::origin::Origin::HumanSequence);
                let message = if a.reference == "416" && sequence {
                    format!(
                        "{name}: CosIng links it to {at} (cells, tissues or products of human origin), but it is made with a human sequence, not from human tissue: check the supplier's documentation on how it is made"
                    )
                } else if a.reference == "416" {
                    // Neither tissue nor sequence is recorded: the honest answer is "ask".
                    push(
                        out,
                        &registry::R005,
                        Severity::Low,
                        format!(
                            "unknown: CosIng links {name} to {at} (cells, tissues or products of human origin), and inci cannot tell whether it is made from human tissue: ask the supplier"
                        ),
                        a,
                    );
                    continue;
                } else {
                    let [annex_word, annex, entry_word, reference] = at.words();
                    [
                        name,
                        ": CosIng links it to ",
                        annex_word,
                        annex,
                        entry_word,
                        reference,
                        ", which names another substance (",
                        &short(a.substance),
                        "); a check, not a ban",
                    ]
                    .concat()
                };
                push(out, &registry::R005, Severity::Info, message, a);
            }
            (Annex::III, AnnexVerdict::Conditional) if answer == Applies::Conditional => {
                // The entry restricts a physical form the label does not show (titanium
                // dioxide in powder form): said as the condition, at information level.
                let condition = a.condition.unwrap_or("in a form the entry states");
                let limits: Vec<String> = a
                    .limits()
                    .iter()
                    .filter_map(|l| {
                        l.max_percent
                            .map(|m| format!("{} % in {}", m, scope_words(l)))
                    })
                    .collect();
                let limits = if limits.is_empty() {
                    String::new()
                } else {
                    ["; in that form, at most ", &limits.join(", ")].concat()
                };
                // Joined in one allocation, not with `format!` (every label with titanium
                // dioxide has one).
                let [annex_word, annex, entry_word, reference] = at.words();
                let message = [
                    "conditional: ",
                    annex_word,
                    annex,
                    entry_word,
                    reference,
                    " restricts ",
                    name,
                    " only ",
                    condition,
                    &limits,
                    "; the label does not say the form of the raw material",
                ]
                .concat();
                push(out, &registry::R003, Severity::Info, message, a);
                // Its limits are those of that form: not asserted for a label that cannot
                // show it.
                continue;
            }
            (Annex::III, _) => {
                let required = if a.warning.is_empty() {
                    ""
                } else {
                    "; required: "
                };
                // Joined in one allocation: the commonest annex finding (a third of a
                // catalog's), 1,500 instructions with `format!`.
                let [annex_word, annex, entry_word, reference] = at.words();
                let message = [
                    name,
                    " is restricted in EU cosmetics (limits and warnings apply): ",
                    annex_word,
                    annex,
                    entry_word,
                    reference,
                    " (",
                    a.substance,
                    ")",
                    required,
                    a.warning,
                ]
                .concat();
                push(out, &registry::R003, Severity::Low, message, a);
            }
            (Annex::V | Annex::VI, _) | (Annex::II, AnnexVerdict::Restricted) => {}
        }
        // Annexes III, V and VI carry limits: concentration, product type, declared percent.
        if a.annex != Annex::II {
            limit_findings(
                (i, first),
                name,
                a,
                (declared, ceiling),
                estimated.as_ref().map(|(m, why)| (*m, why.as_str())),
                product_type.filter(|_| !anywhere),
                !anywhere,
                out,
                &push,
            );
        }
    }
}

/// `Annex III entry 98`, written only where a message names the entry: most entries give no
/// finding, and formatting the words up front cost every entry a `format!`.
#[derive(Clone, Copy)]
struct At<'a>(&'a AnnexEntry);

impl<'a> At<'a> {
    /// The words in order, for a message joined without `format!`.
    fn words(&self) -> [&'a str; 4] {
        ["Annex ", self.0.annex.as_str(), " entry ", self.0.reference]
    }
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.words().iter().try_for_each(|w| f.write_str(w))
    }
}

/// The most another applicable entry of the same ingredient allows (infinite: no maximum),
/// and that entry.
type Ceiling<'a> = (f64, &'a AnnexEntry);

type Push<'a> = dyn Fn(&mut Vec<Finding>, &'static FindingKind, Severity, String, &AnnexEntry) + 'a;

/// Checks a declared percentage and the product type against an entry's limits.
#[allow(clippy::too_many_arguments)]
fn limit_findings(
    (i, first): (usize, usize),
    name: &str,
    a: &AnnexEntry,
    (declared, ceiling): (Option<(f64, f64)>, Option<Ceiling<'_>>),
    estimated: Option<(f64, &str)>,
    product_type: Option<ProductType>,
    typed_only_matters: bool,
    out: &mut Vec<Finding>,
    push: &Push<'_>,
) {
    let at = At(a);
    let limits = a.limits();
    // One limit finding per ingredient and code: the MCI/MI mixture entry and the MI entry say
    // the same of Methylisothiazolinone.
    let said = |out: &Vec<Finding>, kind: &FindingKind| {
        out[first.min(out.len())..]
            .iter()
            .any(|f| std::ptr::eq(f.kind, kind) && f.ingredients == [i])
    };
    if limits.is_empty() {
        return;
    }
    // Every scope typed, none for all products: the entry allows only the listed types.
    let only_typed = typed_only_matters && !covers_all(limits);
    // The scopes in words, for the messages that name them (most entries need none).
    let allowed = || -> String {
        let words: Vec<String> = limits.iter().map(scope_words).collect();
        words.join("; ")
    };
    let applicable: Vec<&Limit> = match product_type {
        Some(p) => {
            // A shower gel is a rinse-off product: a rinse-off scope covers it.
            let named: Vec<&Limit> = limits
                .iter()
                .filter(|l| l.product_types.iter().any(|&t| p.is_a(t)))
                .collect();
            if !named.is_empty() {
                named
            } else if only_typed {
                if said(out, &registry::R007) {
                    return;
                }
                // A scope inci cannot type (`Face powders`) may still be this product, and so
                // may a category of it (a rinse-off product may be a shower gel).
                let untyped = limits.iter().any(|l| {
                    (l.product_types.is_empty() && !l.scope.is_empty())
                        || l.product_types.iter().any(|&t| t.is_a(p))
                });
                let (severity, message) = if untyped {
                    (
                        Severity::Low,
                        format!(
                            "conditional: {at} allows {name} only in {}: check that this {} product is one of them",
                            allowed(),
                            p.words()
                        ),
                    )
                } else {
                    (
                        Severity::High,
                        format!(
                            "{name} is not allowed in {} products: {at} allows it only in {}",
                            p.words(),
                            allowed()
                        ),
                    )
                };
                push(out, &registry::R007, severity, message, a);
                return;
            } else {
                limits
                    .iter()
                    .filter(|l| {
                        l.product_types.is_empty() || l.product_types.contains(&ProductType::Other)
                    })
                    .collect()
            }
        }
        None => {
            // Said only when inci can type every scope: otherwise it cannot tell whether the
            // entry leaves anything out (`Other uses as pH adjuster`).
            let all_typed = limits.iter().all(|l| !l.product_types.is_empty());
            if only_typed && all_typed && a.annex != Annex::VI && !said(out, &registry::R007) {
                push(
                    out,
                    &registry::R007,
                    Severity::Low,
                    format!(
                        "conditional: {at} allows {name} only in {}; not allowed in other products (say the product type with --product-type)",
                        allowed()
                    ),
                    a,
                );
            }
            limits.iter().collect()
        }
    };
    let maxima: Vec<(f64, &Limit)> = applicable
        .iter()
        .filter_map(|l| l.max_percent.map(|m| (f64::from(m), *l)))
        .collect();
    let Some((low, p)) = declared else {
        estimated_over(
            name,
            a,
            &maxima,
            applicable.len(),
            ceiling,
            estimated,
            out,
            push,
            &said,
        );
        return;
    };
    let Some(highest) = maxima.iter().map(|(m, _)| *m).reduce(f64::max) else {
        return;
    };
    let shown = |v: f64| format!("{}", (v * 10_000.0).round() / 10_000.0);
    if said(out, &registry::R006) {
        return;
    }
    // A range (`1-5 %`) is over the limit for sure only when its lower end is.
    let declared_words = if low < p {
        format!("{} to {}", shown(low), shown(p))
    } else {
        shown(p)
    };
    // The maximum is of something else (`calculated as F`, `as zinc`): the compound's
    // declared percentage cannot be compared with it.
    let basis = maxima
        .iter()
        .find(|(m, _)| (*m - highest).abs() < 1e-9)
        .and_then(|(_, l)| l.expressed_as)
        .filter(|b| !b.eq_ignore_ascii_case(name));
    if low > highest + 1e-9
        && let Some(basis) = basis
    {
        push(
            out,
            &registry::R006,
            Severity::Low,
            format!(
                "conditional: {name} is declared at {declared_words} % of the ingredient; {at} limits it to {} % calculated as {basis}: check the {basis} content",
                shown(highest)
            ),
            a,
        );
    } else if low > highest + 1e-9
        && let Some((c, other)) = ceiling.filter(|(c, _)| low <= *c + 1e-9)
    {
        let allows = if c.is_finite() {
            format!("up to {} %", shown(c))
        } else {
            "it with no maximum".to_owned()
        };
        push(
            out,
            &registry::R006,
            Severity::Low,
            format!(
                "conditional: {name} is declared at {declared_words} %, over the {} % maximum of {at}, but Annex {} entry {} allows {allows} for its own uses: which limit applies depends on what it is used for (a preservative or not)",
                shown(highest),
                other.annex.as_str(),
                other.reference
            ),
            a,
        );
    } else if low > highest + 1e-9 {
        push(
            out,
            &registry::R006,
            Severity::High,
            format!(
                "{name} is declared at {declared_words} %, over the EU maximum of {} % ({at})",
                shown(highest)
            ),
            a,
        );
    } else if p > highest + 1e-9 {
        push(
            out,
            &registry::R006,
            Severity::Low,
            format!(
                "conditional: {name} is declared at {declared_words} %, whose upper end is over the EU maximum of {} % ({at})",
                shown(highest)
            ),
            a,
        );
    } else if let Some((m, l)) = maxima.iter().find(|(m, _)| p > *m + 1e-9) {
        push(
            out,
            &registry::R006,
            Severity::Low,
            format!(
                "conditional: {name} is declared at {declared_words} %, over the {} % maximum for {} ({at}); within the limit for other product types",
                shown(*m),
                scope_words(l)
            ),
            a,
        );
    }
}

/// R008: no percentage printed, but the label's order puts the ingredient over the entry's
/// maximum for every scope that applies (each scope states one, and none is calculated as
/// something else), and no other entry of the substance allows that much.
#[allow(clippy::too_many_arguments)]
fn estimated_over(
    name: &str,
    a: &AnnexEntry,
    maxima: &[(f64, &Limit)],
    applicable: usize,
    ceiling: Option<Ceiling<'_>>,
    estimated: Option<(f64, &str)>,
    out: &mut Vec<Finding>,
    push: &Push<'_>,
    said: &dyn Fn(&Vec<Finding>, &FindingKind) -> bool,
) {
    let at = At(a);
    let Some((min, why)) = estimated else { return };
    // Every applicable scope has a maximum, of the substance itself.
    if maxima.is_empty()
        || maxima.len() < applicable
        || maxima.iter().any(|(_, l)| l.expressed_as.is_some())
    {
        return;
    }
    let highest = maxima.iter().map(|(m, _)| *m).fold(0.0, f64::max);
    if min <= highest + 1e-9
        || ceiling.is_some_and(|(c, _)| min <= c + 1e-9)
        || said(out, &registry::R006)
        || said(out, &registry::R008)
    {
        return;
    }
    let shown = |v: f64| format!("{}", (v * 10_000.0).round() / 10_000.0);
    push(
        out,
        &registry::R008,
        Severity::Low,
        format!(
            "conditional: {name} has no percentage printed but is at least {} % here ({why}), over the EU maximum of {} % ({at}): over the limit unless the label's order is wrong",
            shown(min),
            shown(highest)
        ),
        a,
    );
}

/// True when the scopes leave no product type out: one names no type (all products) or
/// "other products", or together they name leave-on and rinse-off.
fn covers_all(limits: &[Limit]) -> bool {
    let has = |p| limits.iter().any(|l| l.product_types.contains(&p));
    limits.is_empty()
        || limits.iter().any(|l| {
            (l.product_types.is_empty() && l.scope.is_empty())
                || l.product_types.contains(&ProductType::Other)
        })
        || (has(ProductType::LeaveOn) && has(ProductType::RinseOff))
}

/// True when every scope of the entry is hair dye use.
fn hair_dye_only(limits: &[Limit]) -> bool {
    !limits.is_empty()
        && limits
            .iter()
            .all(|l| l.product_types == [ProductType::HairDye])
}

/// The substance an entry names, without its conditions, in at most about 80 characters.
pub(crate) fn short(substance: &str) -> String {
    let head = substance
        .split(" except")
        .next()
        .unwrap_or(substance)
        .trim_end_matches([' ', ',', ';', '.']);
    if head.chars().count() <= 80 {
        return head.to_owned();
    }
    let cut: String = head.chars().take(80).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} ...")
}

/// A scope as words inside a sentence: `rinse-off products`, `all products`.
fn scope_words(l: &Limit) -> String {
    let mut chars = l.scope.chars();
    match chars.next() {
        None => "all products".to_owned(),
        Some(c) => {
            // Sized once: collecting the characters one by one grew the string a dozen times.
            let mut words = String::with_capacity(l.scope.len() + 2);
            words.extend(c.to_lowercase());
            words.push_str(chars.as_str());
            words
        }
    }
}

#[cfg(test)]
mod tests {
    use super::entries_of;

    #[test]
    fn kept_annex_entries_are_the_decoded_ones() {
        crate::memo::assert_kept_per_entry(
            |e| entries_of(e).to_vec(),
            |e| inci_dict::risk::annex_entries(e.id).collect(),
        );
    }
}
