//! Risk facts keyed by CosIng entry, each with its source: comedogenic ratings, irritants, EU
//! fragrance allergens, Annex II/III entries and origin facts.
//!
//! Generated into `risk_codegen.rs` from `assets/risk/*.csv` by the same codegen test as the
//! names; every table is sorted by entry id, so a lookup is a binary search.

use crate::risk_codegen as t;

/// How strong a fact says an effect is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Mild or rare.
    Low,
    /// Common or moderate.
    Medium,
    /// Frequent or strong.
    High,
}

impl Level {
    /// Stable lower-case identifier.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        }
    }
}

/// A comedogenic rating on the 0-5 scale, as a range when sources differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comedogenic {
    /// Entry id.
    pub entry: u32,
    /// Lowest rating reported.
    pub min: u8,
    /// Highest rating reported.
    pub max: u8,
    /// Where the rating comes from.
    pub source: &'static str,
}

/// A known irritant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Irritant {
    /// Entry id.
    pub entry: u32,
    /// How irritating.
    pub severity: Level,
    /// `fragrance`, `preservative`, `surfactant`, `drying`, `essential_oil`, `cooling`, ...
    pub category: &'static str,
    /// Why, when the source says.
    pub note: &'static str,
    /// Where the fact comes from.
    pub source: &'static str,
}

/// An EU fragrance allergen that must be named on the label above 0.001 % (leave-on) or
/// 0.01 % (rinse-off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allergen {
    /// Entry id.
    pub entry: u32,
    /// Annex III reference number.
    pub annex_ref: &'static str,
    /// One of the original 26 (before Regulation (EU) 2023/1545).
    pub original_26: bool,
    /// Relative sensitisation rate.
    pub severity: Level,
    /// Where the fact comes from.
    pub source: &'static str,
}

/// An entry of Annex II (prohibited) or Annex III (restricted) of Regulation (EC) 1223/2009.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnnexEntry {
    /// Entry id.
    pub entry: u32,
    /// `II` or `III`.
    pub annex: &'static str,
    /// Reference number in the annex (`416`, `2a`).
    pub reference: &'static str,
    /// The substance as the annex names it.
    pub substance: &'static str,
    /// Mandatory conditions and warnings (Annex III), or empty.
    pub warning: &'static str,
    /// The statements the annex requires on the label, as the regulation words them,
    /// separated by `|` (see [`AnnexEntry::label_warnings`]); empty when none.
    pub label_warnings: &'static str,
    /// Where the fact comes from.
    pub source: &'static str,
}

impl AnnexEntry {
    /// The statements Annex III requires on the label for this entry (`Contains alkali`,
    /// `Keep out of reach of children`). Which of them apply depends on the product type and
    /// concentration, which a label does not say, so a checker should ask for at least one.
    pub fn label_warnings(&self) -> impl Iterator<Item = &'static str> {
        self.label_warnings.split('|').filter(|w| !w.is_empty())
    }
}

/// A recorded origin (`human`) for a CosIng name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OriginFact {
    /// Entry id.
    pub entry: u32,
    /// `human`.
    pub origin: &'static str,
    /// Annotation, e.g. how CosIng links it to Annex II/416.
    pub note: &'static str,
    /// Where the fact comes from.
    pub source: &'static str,
}

/// A free-form fact about an ingredient, for `inci explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// Entry id.
    pub entry: u32,
    /// What the fact is about (`functions`, `photosensitivity`, `pairs well with`...).
    pub fact: &'static str,
    /// The fact.
    pub value: &'static str,
    /// Where it comes from.
    pub source: &'static str,
}

/// Free-form facts about an entry, in the order recorded.
pub fn facts(entry: u32) -> &'static [Fact] {
    rows(t::FACTS, entry, |r| r.entry)
}

fn rows<T>(table: &'static [T], entry: u32, key: impl Fn(&T) -> u32) -> &'static [T] {
    let start = table.partition_point(|r| key(r) < entry);
    let end = table.partition_point(|r| key(r) <= entry);
    &table[start..end]
}

/// The comedogenic rating of an entry.
pub fn comedogenic(entry: u32) -> Option<&'static Comedogenic> {
    rows(t::COMEDOGENIC, entry, |r| r.entry).first()
}

/// The irritant fact of an entry.
pub fn irritant(entry: u32) -> Option<&'static Irritant> {
    rows(t::IRRITANTS, entry, |r| r.entry).first()
}

/// The fragrance allergen fact of an entry.
pub fn allergen(entry: u32) -> Option<&'static Allergen> {
    rows(t::ALLERGENS, entry, |r| r.entry).first()
}

/// Annex II and III entries naming this ingredient.
pub fn annex_entries(entry: u32) -> &'static [AnnexEntry] {
    rows(t::ANNEX, entry, |r| r.entry)
}

/// Recorded origin of an entry.
pub fn origin(entry: u32) -> Option<&'static OriginFact> {
    rows(t::ORIGIN, entry, |r| r.entry).first()
}

/// All origin facts (for tests and `inci explain`).
pub fn origin_facts() -> &'static [OriginFact] {
    t::ORIGIN
}
