//! Risk facts keyed by CosIng entry, each with its source: comedogenic ratings, irritants, EU
//! fragrance allergens, Annex II, III, V and VI entries with their verdict levels and limits,
//! and origin facts.
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
    /// What kind of irritant.
    pub category: IrritantKind,
    /// Why, when the source says.
    pub note: Option<&'static str>,
    /// Where the fact comes from.
    pub source: &'static str,
}

/// What kind of irritant an ingredient is. A closed set: the code generator refuses a
/// category it does not know, so a typo in `irritants.csv` cannot silently never match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IrritantKind {
    /// Fragrance materials.
    Fragrance,
    /// Essential oils.
    EssentialOil,
    /// Preservatives (formaldehyde releasers, isothiazolinones...).
    Preservative,
    /// Cleansing surfactants (sodium lauryl sulfate...).
    Surfactant,
    /// Drying alcohols.
    Drying,
    /// Exfoliating acids.
    Exfoliant,
    /// Cooling agents (menthol...).
    Cooling,
    /// Proteins (hydrolysed wheat protein...).
    Protein,
    /// Occlusives.
    Occlusive,
    /// Humectants.
    Humectant,
}

impl IrritantKind {
    /// Every kind, in the order of the variants.
    pub const ALL: [IrritantKind; 10] = [
        IrritantKind::Fragrance,
        IrritantKind::EssentialOil,
        IrritantKind::Preservative,
        IrritantKind::Surfactant,
        IrritantKind::Drying,
        IrritantKind::Exfoliant,
        IrritantKind::Cooling,
        IrritantKind::Protein,
        IrritantKind::Occlusive,
        IrritantKind::Humectant,
    ];

    /// The name in the data file (`essential_oil`).
    pub fn as_str(self) -> &'static str {
        match self {
            IrritantKind::Fragrance => "fragrance",
            IrritantKind::EssentialOil => "essential_oil",
            IrritantKind::Preservative => "preservative",
            IrritantKind::Surfactant => "surfactant",
            IrritantKind::Drying => "drying",
            IrritantKind::Exfoliant => "exfoliant",
            IrritantKind::Cooling => "cooling",
            IrritantKind::Protein => "protein",
            IrritantKind::Occlusive => "occlusive",
            IrritantKind::Humectant => "humectant",
        }
    }

    /// For people: `essential oil`.
    pub fn words(self) -> &'static str {
        match self {
            IrritantKind::EssentialOil => "essential oil",
            other => other.as_str(),
        }
    }

    /// The kind a data file names, if any.
    pub fn from_name(name: &str) -> Option<IrritantKind> {
        IrritantKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The variant's path in generated code (`IrritantKind::EssentialOil`).
    pub fn rust_path(self) -> String {
        format!("IrritantKind::{self:?}")
    }
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

/// An annex of Regulation (EC) 1223/2009 that inci reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Annex {
    /// Substances prohibited in cosmetic products.
    II,
    /// Substances restricted (limits, product types, label warnings).
    III,
    /// Allowed preservatives.
    V,
    /// Allowed UV filters.
    VI,
}

impl Annex {
    /// The annex number as the regulation prints it (`II`, `VI`).
    pub fn as_str(self) -> &'static str {
        match self {
            Annex::II => "II",
            Annex::III => "III",
            Annex::V => "V",
            Annex::VI => "VI",
        }
    }
}

/// What an annex entry says about one INCI name: a reviewer reads "prohibited" only where the
/// entry names this substance and states no condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnnexVerdict {
    /// Annex II names this substance (by INCI name, CAS or EC number) with no condition.
    Prohibited,
    /// Annex II names this substance but prohibits it only under a condition (an exception, a
    /// form such as nano, a product type such as hair dye, a concentration), or another annex
    /// allows it within limits; [`AnnexEntry::condition`] says which in words. In Annex III:
    /// the entry restricts the substance only in a physical form a label does not show
    /// (titanium dioxide "in powder form").
    Conditional,
    /// CosIng links the name to the entry, but the entry names a different substance (citrus
    /// peel oils under furocoumarins, Cyclomethicone under D4), or, in Annexes III, V and VI,
    /// another plant part or preparation (orange flower water under the peel oil entry) or a
    /// trace the ingredient may carry (PEG copolymers under diethylene glycol);
    /// [`AnnexEntry::condition`] says why in words. Raises no finding.
    ListedAsRelated,
    /// Annex III, V or VI: allowed within limits and with warnings.
    Restricted,
}

impl AnnexVerdict {
    /// Stable identifier (`prohibited`, `conditional`, `listed_as_related`, `restricted`).
    pub fn as_str(self) -> &'static str {
        match self {
            AnnexVerdict::Prohibited => "prohibited",
            AnnexVerdict::Conditional => "conditional",
            AnnexVerdict::ListedAsRelated => "listed_as_related",
            AnnexVerdict::Restricted => "restricted",
        }
    }
}

/// How an annex entry is tied to an INCI name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Link {
    /// The entry's text names the INCI name.
    Name,
    /// The name's CAS number is one the entry gives.
    Cas,
    /// The name's EC number is one the entry gives.
    Ec,
    /// Only CosIng's "identified ingredients" column links them.
    Cosing,
    /// Decided by a reviewed row of the data script, with its reason.
    Reviewed,
}

/// A product type an annex condition or limit depends on: the broad types (leave-on,
/// rinse-off, oral care) and the categories the annexes name (hand soap, shower gel,
/// toothpaste ...), each of which is a kind of a broad type ([`ProductType::parent`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProductType {
    /// Washed off after use (shampoo, shower gel, cleanser).
    RinseOff,
    /// Left on the skin, hair or nails (cream, serum, lotion).
    LeaveOn,
    /// Toothpaste, mouthwash.
    OralCare,
    /// Sprays and aerosols.
    Spray,
    /// Hair and eyelash dye.
    HairDye,
    /// Eye products.
    Eye,
    /// "Other products": every type the entry does not list.
    Other,
    /// Hand soap (rinse-off).
    HandSoap,
    /// Body soap or shower gel (rinse-off).
    ShowerGel,
    /// Shampoo (rinse-off).
    Shampoo,
    /// Deodorant or antiperspirant (leave-on).
    Deodorant,
    /// Face powder in loose or pressed form (leave-on).
    Powder,
    /// Nail product (leave-on).
    Nail,
    /// Toothpaste (oral care).
    Toothpaste,
    /// Mouthwash (oral care).
    Mouthwash,
    /// Lip product: lipstick, lip balm (a body part; leave-on).
    Lip,
    /// Eyelash product (a body part; an eye product).
    Eyelash,
}

impl ProductType {
    /// Stable identifier (`rinse_off`, `leave_on`...).
    pub fn as_str(self) -> &'static str {
        match self {
            ProductType::RinseOff => "rinse_off",
            ProductType::LeaveOn => "leave_on",
            ProductType::OralCare => "oral_care",
            ProductType::Spray => "spray",
            ProductType::HairDye => "hair_dye",
            ProductType::Eye => "eye",
            ProductType::Other => "other",
            ProductType::HandSoap => "hand_soap",
            ProductType::ShowerGel => "shower_gel",
            ProductType::Shampoo => "shampoo",
            ProductType::Deodorant => "deodorant",
            ProductType::Powder => "powder",
            ProductType::Nail => "nail",
            ProductType::Toothpaste => "toothpaste",
            ProductType::Mouthwash => "mouthwash",
            ProductType::Lip => "lip",
            ProductType::Eyelash => "eyelash",
        }
    }

    /// The types a user can name (`--product-type`, `product-type` in `inci.toml`).
    pub const CHOICES: [ProductType; 16] = [
        ProductType::LeaveOn,
        ProductType::RinseOff,
        ProductType::OralCare,
        ProductType::Spray,
        ProductType::HairDye,
        ProductType::Eye,
        ProductType::HandSoap,
        ProductType::ShowerGel,
        ProductType::Shampoo,
        ProductType::Deodorant,
        ProductType::Powder,
        ProductType::Nail,
        ProductType::Toothpaste,
        ProductType::Mouthwash,
        ProductType::Lip,
        ProductType::Eyelash,
    ];

    /// The broad type a category is a kind of: a shower gel is a rinse-off product, a
    /// toothpaste an oral care product; `None` for the broad types.
    pub fn parent(self) -> Option<ProductType> {
        match self {
            ProductType::HandSoap | ProductType::ShowerGel | ProductType::Shampoo => {
                Some(ProductType::RinseOff)
            }
            ProductType::Deodorant | ProductType::Powder | ProductType::Nail | ProductType::Lip => {
                Some(ProductType::LeaveOn)
            }
            ProductType::Eyelash => Some(ProductType::Eye),
            ProductType::Toothpaste | ProductType::Mouthwash => Some(ProductType::OralCare),
            _ => None,
        }
    }

    /// True when a product of this type is one of `other` (itself, or a category of it: a
    /// shower gel is a rinse-off product).
    pub fn is_a(self, other: ProductType) -> bool {
        self == other || self.parent() == Some(other)
    }

    /// Words for people (`rinse-off`, `hair dye`).
    pub fn words(self) -> &'static str {
        match self {
            ProductType::RinseOff => "rinse-off",
            ProductType::LeaveOn => "leave-on",
            ProductType::OralCare => "oral care",
            ProductType::Spray => "spray",
            ProductType::HairDye => "hair dye",
            ProductType::Eye => "eye",
            ProductType::Other => "other",
            ProductType::HandSoap => "hand soap",
            ProductType::ShowerGel => "shower gel",
            ProductType::Shampoo => "shampoo",
            ProductType::Deodorant => "deodorant",
            ProductType::Powder => "face powder",
            ProductType::Nail => "nail",
            ProductType::Toothpaste => "toothpaste",
            ProductType::Mouthwash => "mouthwash",
            ProductType::Lip => "lip",
            ProductType::Eyelash => "eyelash",
        }
    }
}

impl std::str::FromStr for ProductType {
    type Err = String;

    /// Reads `leave-on`, `leave_on`, `rinse-off`, `oral-care`, `spray`, `hair-dye`, `eye`,
    /// `hand-soap`, `shower-gel`, `shampoo`, `deodorant`, `powder`, `nail`, `toothpaste`,
    /// `mouthwash`, `lip`, `eyelash`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase().replace('-', "_");
        ProductType::CHOICES
            .into_iter()
            .find(|p| p.as_str() == key)
            .ok_or_else(|| {
                let names: Vec<String> = ProductType::CHOICES
                    .iter()
                    .map(|p| p.as_str().replace('_', "-"))
                    .collect();
                format!("unknown product type {s:?}; one of: {}", names.join(", "))
            })
    }
}

/// An entry of Annex II, III, V or VI of Regulation (EC) 1223/2009, as it applies to one INCI
/// name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnnexEntry {
    /// Entry id.
    pub entry: u32,
    /// Which annex.
    pub annex: Annex,
    /// Reference number in the annex (`416`, `2a`).
    pub reference: &'static str,
    /// What the entry says about this name.
    pub verdict: AnnexVerdict,
    /// How the entry is tied to this name.
    pub link: Link,
    /// The entry prohibits the nano form only.
    pub nano_only: bool,
    /// The entry prohibits the substance only in these product types (hair dye).
    pub product_types: &'static [ProductType],
    /// The entry's condition in words, for a conditional verdict; for a related one, why the
    /// entry does not identify the name.
    pub condition: Option<&'static str>,
    /// The substance as the annex names it.
    pub substance: &'static str,
    /// Mandatory conditions and warnings (Annexes III, V, VI), or empty.
    pub warning: &'static str,
    /// The statements the annex requires on the label, as the regulation words them,
    /// separated by `|` (see [`AnnexEntry::label_warnings`]); empty when none.
    pub label_warnings: &'static str,
    /// The other components of a mixture entry (the MCI/MI mixture of Annex V entry 39): the
    /// entry applies only to a label that lists them all; empty for a single substance.
    pub requires: &'static [&'static str],
    /// Where the fact comes from.
    pub source: &'static str,
    /// Start and end of this entry's scopes in the limits table, found when the table was
    /// generated.
    limits: (u16, u16),
}

impl AnnexEntry {
    /// The statements Annex III requires on the label for this entry (`Contains alkali`,
    /// `Keep out of reach of children`). Which of them apply depends on the product type and
    /// concentration, which a label does not say, so a checker should ask for at least one.
    pub fn label_warnings(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.label_warnings.split('|').filter(|w| !w.is_empty())
    }

    /// The limits (product types and maximum concentrations) of this entry, in the annex's
    /// order.
    pub fn limits(&self) -> &'static [Limit] {
        let (start, end) = self.limits;
        t::LIMITS
            .get(usize::from(start)..usize::from(end))
            .unwrap_or_default()
    }
}

/// The Annex entries naming one ingredient ([`annex_entries`]), in table order.
#[derive(Debug, Clone)]
pub struct AnnexEntries(std::slice::Iter<'static, RawAnnex>);

impl Iterator for AnnexEntries {
    type Item = AnnexEntry;

    fn next(&mut self) -> Option<AnnexEntry> {
        self.0.next().map(RawAnnex::make)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for AnnexEntries {}

impl AnnexEntries {
    /// True when no entry is left.
    pub fn is_empty(&self) -> bool {
        self.0.len() == 0
    }
}

impl Default for AnnexEntries {
    /// No entries.
    fn default() -> AnnexEntries {
        AnnexEntries([].iter())
    }
}

/// An annex entry as stored: its texts as places in the risk tables' string blob, its product
/// types and mixture components as indices into small tables of the distinct lists, and its
/// limits as a range of the limits table. No pointer, so the loader has nothing to relocate
/// in it and it stays in read-only pages: texts held as `&str`s were 8,700 relocations at every
/// start, and even the 208 list pointers left made the loader write (and copy) 28 pages. The
/// range replaces a map of limits built at the first lookup (300,000 instructions).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawAnnex {
    pub(crate) entry: u32,
    pub(crate) annex: Annex,
    pub(crate) verdict: AnnexVerdict,
    pub(crate) link: Link,
    pub(crate) nano_only: bool,
    /// Index into `PRODUCT_TYPE_LISTS`.
    pub(crate) product_types: u8,
    /// Index into `REQUIRES_LISTS`.
    pub(crate) requires: u8,
    pub(crate) reference: Text,
    pub(crate) condition: Option<Text>,
    pub(crate) substance: Text,
    pub(crate) warning: Text,
    pub(crate) label_warnings: Text,
    pub(crate) source: Text,
    pub(crate) limits: (u16, u16),
}

impl RawAnnex {
    fn make(&self) -> AnnexEntry {
        AnnexEntry {
            entry: self.entry,
            annex: self.annex,
            reference: self.reference.get(),
            verdict: self.verdict,
            link: self.link,
            nano_only: self.nano_only,
            product_types: t::PRODUCT_TYPE_LISTS
                .get(usize::from(self.product_types))
                .copied()
                .unwrap_or_default(),
            condition: self.condition.map(Text::get),
            substance: self.substance.get(),
            warning: self.warning.get(),
            label_warnings: self.label_warnings.get(),
            requires: t::REQUIRES_LISTS
                .get(usize::from(self.requires))
                .copied()
                .unwrap_or_default(),
            source: self.source.get(),
            limits: self.limits,
        }
    }
}

/// A text of the risk tables: its offset and length in their string blob.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text(pub(crate) u32, pub(crate) u32);

impl Text {
    fn get(self) -> &'static str {
        risk_blob(self.0, self.1)
    }
}

/// One scope of an Annex III, V or VI entry: where the substance may be used and how much.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    /// Which annex.
    pub annex: Annex,
    /// Reference number in the annex.
    pub reference: &'static str,
    /// The product types this scope names; empty when it names none inci can type (then
    /// `scope` says it in words) or applies to all.
    pub product_types: &'static [ProductType],
    /// Maximum concentration in the ready-for-use preparation, in percent, when stated.
    pub max_percent: Option<f32>,
    /// The scope as the annex words it (`Rinse-off products`), or empty for all products.
    pub scope: &'static str,
    /// What the maximum is calculated as when it is not the substance itself (`F`, `zinc`,
    /// `free SO2`): a declared percentage of the compound is then not comparable with it.
    pub expressed_as: Option<&'static str>,
    /// Where the fact comes from.
    pub source: &'static str,
}

/// The date of the CosIng annex export the annex tables were built from (`28/08/2026`), as
/// their sources record it; `None` if no source names one.
pub fn annex_export_date() -> Option<&'static str> {
    const MARK: &str = "CosIng export of ";
    t::LIMITS.iter().find_map(|l| {
        let at = l.source.find(MARK)? + MARK.len();
        l.source.get(at..at + 10)
    })
}

/// The limits of one annex entry, in the annex's order (empty for an entry with none).
pub fn limits(annex: Annex, reference: &str) -> &'static [Limit] {
    let rank = |a: Annex| {
        [Annex::II, Annex::III, Annex::V, Annex::VI]
            .iter()
            .position(|&x| x == a)
    };
    let key = (rank(annex), reference);
    let start = t::LIMITS.partition_point(|l| (rank(l.annex), l.reference) < key);
    let end = t::LIMITS.partition_point(|l| (rank(l.annex), l.reference) <= key);
    &t::LIMITS[start..end]
}

/// Where an ingredient comes from, as recorded data says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OriginClass {
    /// Human cells, tissues or their products (conditioned media, exosomes, placenta, plasma):
    /// Annex II entry 416.
    HumanTissue,
    /// Made synthetically or recombinantly with a human sequence (sh-, rh- peptides): not of
    /// human origin.
    HumanSequence,
    /// From animals.
    Animal,
    /// Plant, animal or synthetic: the supplier decides (glycerin, squalane, cholesterol).
    Ambiguous,
    /// Not of animal origin although an animal word is in the name or description: a plant
    /// binomial CosIng describes with its family (`Opuntia tuna`, the prickly pear), or a
    /// synthetic material (`Synthetic Beeswax`).
    NotAnimal,
}

/// A recorded origin of a CosIng name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OriginFact {
    /// Entry id.
    pub entry: u32,
    /// The class.
    pub origin: OriginClass,
    /// For animal origin: taken without killing the animal (milk, honey, wool, eggs).
    pub vegetarian: bool,
    /// Why, for people.
    pub reason: &'static str,
    /// Where the fact comes from (a CosIng description, a paper).
    pub source: &'static str,
}

/// An origin fact as stored, its texts as places in the blob (4,100 relocations fewer).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawOrigin {
    pub(crate) entry: u32,
    pub(crate) origin: OriginClass,
    pub(crate) vegetarian: bool,
    pub(crate) reason: Text,
    pub(crate) source: Text,
}

impl RawOrigin {
    fn make(&self) -> OriginFact {
        OriginFact {
            entry: self.entry,
            origin: self.origin,
            vegetarian: self.vegetarian,
            reason: self.reason.get(),
            source: self.source.get(),
        }
    }
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

/// A fact as stored: its entry, then offset and length in [`risk_blob`] of its topic, value
/// and source. Offsets instead of `&str`s: 29,500 facts held 88,500 pointers, each a
/// relocation the loader applied at every start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawFact(pub(crate) [u32; 7]);

impl RawFact {
    fn entry(&self) -> u32 {
        self.0[0]
    }
    fn make(&self) -> Fact {
        let r = self.0;
        Fact {
            entry: r[0],
            fact: risk_blob(r[1], r[2]),
            value: risk_blob(r[3], r[4]),
            source: risk_blob(r[5], r[6]),
        }
    }
}

fn risk_blob(offset: u32, len: u32) -> &'static str {
    let start = offset as usize;
    t::RISK_BLOB.get(start..start + len as usize).unwrap_or("")
}

/// Free-form facts about an entry, in the order recorded.
pub fn facts(entry: u32) -> impl Iterator<Item = Fact> {
    rows(t::FACTS, entry, RawFact::entry)
        .iter()
        .map(RawFact::make)
}

fn rows<T>(table: &'static [T], entry: u32, key: impl Fn(&T) -> u32) -> &'static [T] {
    // One binary search, then the entry's few rows counted forward: a second search for the
    // end cost as much as the first, asked five times for every ingredient.
    let start = table.partition_point(|r| key(r) < entry);
    let rest = table.get(start..).unwrap_or_default();
    let len = rest.iter().take_while(|r| key(r) == entry).count();
    &rest[..len]
}

/// The per-ingredient fact tables, one bit each in [`tables_of`]'s byte.
#[derive(Clone, Copy)]
enum Table {
    Comedogenic = 1,
    Irritant = 2,
    Allergen = 4,
    Annex = 8,
    Origin = 16,
}

/// Which of the per-ingredient fact tables hold rows for `entry`, one bit per [`Table`].
///
/// A scan asks five tables about every ingredient, and most entries have rows in none of them;
/// a binary search answered each question in about 100 instructions. The bytes are generated
/// with the tables (`ENTRY_TABLES`); built at the first question, as they once were, they
/// cost every run about 70,000 instructions, a fifteenth of scanning a short label. An id
/// beyond the dictionary answers every bit, so that its rows are searched for as before.
fn tables_of(entry: u32) -> u8 {
    t::ENTRY_TABLES
        .get(entry as usize)
        .copied()
        .unwrap_or(u8::MAX)
}

/// [`rows`] of a per-ingredient table, with no search when the entry has none there. Inlined
/// with [`annex_entries`]: every ingredient asks twice whether its entry has annex rows, and
/// the calls cost 35 instructions each (3,075.7 M -> 3,064.2 M on a 10.5 MB catalog).
#[inline]
fn rows_in<T>(
    which: Table,
    table: &'static [T],
    entry: u32,
    key: impl Fn(&T) -> u32,
) -> &'static [T] {
    if tables_of(entry) & which as u8 == 0 {
        return &[];
    }
    rows(table, entry, key)
}

/// The comedogenic rating of an entry.
pub fn comedogenic(entry: u32) -> Option<&'static Comedogenic> {
    rows_in(Table::Comedogenic, t::COMEDOGENIC, entry, |r| r.entry).first()
}

/// The irritant fact of an entry.
pub fn irritant(entry: u32) -> Option<&'static Irritant> {
    rows_in(Table::Irritant, t::IRRITANTS, entry, |r| r.entry).first()
}

/// The fragrance allergen fact of an entry.
pub fn allergen(entry: u32) -> Option<&'static Allergen> {
    rows_in(Table::Allergen, t::ALLERGENS, entry, |r| r.entry).first()
}

/// Annex II, III, V and VI entries naming this ingredient.
#[inline]
pub fn annex_entries(entry: u32) -> AnnexEntries {
    AnnexEntries(rows_in(Table::Annex, t::ANNEX, entry, |r| r.entry).iter())
}

/// Recorded origin of an entry.
pub fn origin(entry: u32) -> Option<OriginFact> {
    rows_in(Table::Origin, t::ORIGIN, entry, |r| r.entry)
        .first()
        .map(RawOrigin::make)
}

/// All origin facts (for tests and `inci explain`).
pub fn origin_facts() -> impl ExactSizeIterator<Item = OriginFact> {
    t::ORIGIN.iter().map(RawOrigin::make)
}

/// Every `Contains ...` statement Annex III requires on some label (`Contains alkali`,
/// `Contains Dichlorophen`), once each, as the regulation words them.
pub fn contains_statements() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = t::ANNEX
        .iter()
        .flat_map(|a| a.make().label_warnings())
        .filter(|w| w.starts_with("Contains "))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_tables_bits_are_the_tables_rows() {
        let mut want = vec![0u8; crate::entries().len()];
        let mut mark = |entries: &mut dyn Iterator<Item = u32>, table: Table| {
            for e in entries {
                want[e as usize] |= table as u8;
            }
        };
        mark(
            &mut t::COMEDOGENIC.iter().map(|r| r.entry),
            Table::Comedogenic,
        );
        mark(&mut t::IRRITANTS.iter().map(|r| r.entry), Table::Irritant);
        mark(&mut t::ALLERGENS.iter().map(|r| r.entry), Table::Allergen);
        mark(&mut t::ANNEX.iter().map(|r| r.entry), Table::Annex);
        mark(&mut t::ORIGIN.iter().map(|r| r.entry), Table::Origin);
        assert_eq!(t::ENTRY_TABLES, &want[..]);
        for bit in [1, 2, 4, 8, 16] {
            assert!(
                want.iter().any(|&b| b & bit != 0),
                "no entry with bit {bit}"
            );
        }
        let beyond = u32::try_from(want.len()).expect("fits");
        assert_eq!(tables_of(beyond), u8::MAX);
    }

    #[test]
    fn limits_are_every_scope_of_their_entry_in_table_order() {
        for l in t::LIMITS {
            let want: Vec<&Limit> = t::LIMITS
                .iter()
                .filter(|m| (m.annex, m.reference) == (l.annex, l.reference))
                .collect();
            let got: Vec<&Limit> = limits(l.annex, l.reference).iter().collect();
            assert_eq!(got, want, "{:?} {}", l.annex, l.reference);
        }
        assert!(limits(Annex::III, "no such entry").is_empty());
    }

    #[test]
    fn rows_are_every_row_of_their_entry() {
        let n = crate::entries().len() + 2;
        let count = |entries: &mut dyn Iterator<Item = u32>| {
            let mut counts = vec![0usize; n];
            for e in entries {
                counts[e as usize] += 1;
            }
            counts
        };
        let annex = count(&mut t::ANNEX.iter().map(|r| r.entry));
        let origin = count(&mut t::ORIGIN.iter().map(|r| r.entry));
        let facts = count(&mut t::FACTS.iter().map(RawFact::entry));
        for entry in 0..n as u32 {
            let e = entry as usize;
            let got = rows(t::ANNEX, entry, |r| r.entry);
            assert_eq!(got.len(), annex[e], "annex rows of {entry}");
            assert!(got.iter().all(|r| r.entry == entry));
            let got = rows(t::ORIGIN, entry, |r| r.entry);
            assert_eq!(got.len(), origin[e], "origin rows of {entry}");
            assert!(got.iter().all(|r| r.entry == entry));
            let got = rows(t::FACTS, entry, RawFact::entry);
            assert_eq!(got.len(), facts[e], "facts of {entry}");
            assert!(got.iter().all(|r| r.entry() == entry));
        }
    }

    #[test]
    fn the_table_bits_skip_only_entries_with_no_rows() {
        // Every entry and two ids beyond the dictionary: with the bits, the same rows as the
        // search alone finds, in each of the five tables.
        fn agree<T>(which: Table, table: &'static [T], entry: u32, key: fn(&T) -> u32) -> bool {
            let (a, b) = (rows_in(which, table, entry, key), rows(table, entry, key));
            a.len() == b.len() && (a.is_empty() || std::ptr::eq(a, b))
        }
        let mut skipped = 0;
        for entry in 0..crate::entries().len() as u32 + 2 {
            let agreed = [
                agree(Table::Comedogenic, t::COMEDOGENIC, entry, |r| r.entry),
                agree(Table::Irritant, t::IRRITANTS, entry, |r| r.entry),
                agree(Table::Allergen, t::ALLERGENS, entry, |r| r.entry),
                agree(Table::Annex, t::ANNEX, entry, |r| r.entry),
                agree(Table::Origin, t::ORIGIN, entry, |r| r.entry),
            ];
            assert!(agreed.iter().all(|&a| a), "{entry}: {agreed:?}");
            skipped += usize::from(tables_of(entry) == 0);
        }
        // Most entries have no row in any of them (the reason for the bits).
        assert!(skipped > crate::entries().len() / 2, "{skipped}");
    }

    #[test]
    fn an_entrys_stored_range_holds_its_limits() {
        let mut with_limits = 0;
        for raw in t::ANNEX {
            let a = raw.make();
            assert_eq!(a.limits(), limits(a.annex, a.reference), "{a:?}");
            with_limits += usize::from(!a.limits().is_empty());
        }
        assert!(with_limits > 100, "only {with_limits} entries have limits");
    }
}
