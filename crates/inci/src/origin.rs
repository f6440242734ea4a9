//! Where an ingredient comes from: human tissue, a human sequence made synthetically, animal,
//! plant cell culture, or ambiguous (the supplier decides).
//!
//! A known name's origin comes from recorded data first (`risk/origin.csv`: CosIng
//! descriptions that name a species or say "recombinant", colour index numbers such as carmine,
//! the reference list of human-derived names, a reviewed list of ambiguous names such as
//! glycerin and squalane), each with its source. Then the words of the name.
//!
//! CosIng lists about eighty human-derived names, but labels print many more: typos
//! (`Umbillical`, `Conditoned`), `Medium` for `Media`, acronyms (`hUC-MSC`), names no list has
//! yet. The classifier reads the words of a name instead of looking it up: a human marker
//! (`HUMAN`, `hUC-MSC`) or a human tissue (`UMBILICAL`, `PLACENTAL`, `AMNIOTIC`, `CORD BLOOD`)
//! with no species named makes it human; a plant part or plant culture word (`CALLUS`,
//! `MERISTEM`, `PHYTOPLACENTA`, `FRUIT`, `SPROUT`) or an animal (`BOVINE`, `HORSE`) rules that
//! out. Words match with one typo allowed. Recorded facts (`risk/origin.csv`) come first.

use inci_dict::fold;

/// Where an ingredient comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Origin {
    /// Human cells, tissues or their products (EU Annex II entry 416).
    Human,
    /// Made synthetically or recombinantly with a human sequence (sh-, rh- peptides, former
    /// `Human Oligopeptide-N` names, human-like collagen): not of human origin, not entry 416.
    HumanSequence,
    /// Animal tissue, cells, media or secretions.
    Animal,
    /// Plant cell culture, callus or meristem.
    PlantCulture,
    /// A microbial ferment or culture (`Lactobacillus Ferment`, `Saccharomyces`, `Bifida`).
    Microbial,
    /// Plant, animal or synthetic, depending on the supplier (glycerin, squalane).
    Ambiguous,
}

impl Origin {
    /// Stable identifier: `human`, `human_sequence`, `animal`, `plant_culture`, `microbial`,
    /// `ambiguous`.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Human => "human",
            Origin::HumanSequence => "human_sequence",
            Origin::Animal => "animal",
            Origin::PlantCulture => "plant_culture",
            Origin::Microbial => "microbial",
            Origin::Ambiguous => "ambiguous",
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// What a human-derived ingredient is, read from its name: the wording of its finding and
/// which co-occurrence rules apply depend on it (a placenta extract is no culture medium).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HumanKind {
    /// What cultured cells secrete: conditioned media, secretomes, exosomes and other
    /// extracellular vesicles (culture media may carry bovine serum).
    Secretion,
    /// The cells themselves or their extracts and lysates (stem cells, fibroblasts).
    Cells,
    /// A tissue or blood product: placenta, cord blood, plasma, platelets, amniotic fluid.
    TissueOrBlood,
}

impl HumanKind {
    /// Reads the kind from a name's words (`... Conditioned Media` is a secretion, `Placental
    /// Protein` a tissue product, `Stem Cell Extract` cells).
    pub fn of(name: &str) -> HumanKind {
        let key = fold(name);
        // Korean, Japanese and Chinese names print no spaces: their words are substrings.
        if !key.is_ascii() {
            let has = |list: &[&str]| list.iter().any(|w| key.contains(w));
            if has(CJK_SECRETION) {
                return HumanKind::Secretion;
            }
            if has(CJK_TISSUE) && !has(CJK_CELLS) {
                return HumanKind::TissueOrBlood;
            }
        }
        let ws = words(&key);
        let any = |list: &[&str]| ws.iter().any(|w| list.iter().any(|t| like(w, t)));
        if any(&[
            "CONDITIONED",
            "MEDIA",
            "MEDIUM",
            "SECRETOME",
            "EXOSOME",
            "EXOSOMES",
            "VESICLES",
            "CULTURE",
        ]) {
            HumanKind::Secretion
        } else if any(&[
            "PLACENTA",
            "PLACENTAL",
            "BLOOD",
            "PLASMA",
            "PLATELET",
            "SERUM",
            "AMNIOTIC",
            "AMNION",
            "COLOSTRUM",
            "MARROW",
            "PROTEIN",
        ]) && !ws.contains(&"STEM")
        {
            HumanKind::TissueOrBlood
        } else {
            HumanKind::Cells
        }
    }

    /// The clause a finding adds about this kind.
    pub fn note(self) -> &'static str {
        match self {
            HumanKind::Secretion => "culture media may carry bovine serum",
            HumanKind::Cells => "human cells or their extract",
            HumanKind::TissueOrBlood => "a human tissue or blood product",
        }
    }
}

/// How sure the verdict is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Certainty {
    /// The name says so (`HUMAN`, `BOVINE`) or a recorded fact does.
    Named,
    /// A tissue or culture word with no species named (`Placental Extract`).
    Possible,
}

/// An origin verdict with the words that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verdict {
    /// The origin.
    pub origin: Origin,
    /// How sure.
    pub certainty: Certainty,
    /// Why, for people (`"HUMAN" and "CONDITIONED MEDIA" in the name`).
    pub reason: String,
    /// Vegetarian although not vegan (honey, milk, lanolin, beeswax).
    pub vegetarian: bool,
    /// The recorded fact's source, when the verdict comes from data rather than name words.
    pub source: Option<&'static str>,
}

/// Source of a verdict read from the words of a name.
pub const RULES_SOURCE: &str = "the name itself: INCI names of natural materials state their source species or tissue (International Cosmetic Ingredient Dictionary and Handbook, Personal Care Products Council, nomenclature conventions), read here from the words of the name";

const HUMAN_WORDS: &[&str] = &["HUMAN", "HOMO"];
const HUMAN_ACRONYMS: &[&str] = &[
    "HUC", "HUCMSC", "HUMSC", "HMSC", "HADSC", "HIPSC", "HESC", "HUVEC", "HDF", "HPL", "HUCB",
    "HWJ", "HWJMSC",
];
const HUMAN_TISSUE: &[&str] = &[
    "UMBILICAL",
    "PLACENTA",
    "PLACENTAL",
    "AMNIOTIC",
    "AMNION",
    "MESENCHYMAL",
    "FORESKIN",
    "KERATINOCYTE",
    "KERATINOCYTES",
    "ADIPOSE",
    "ADIPOCYTE",
    "OOCYTE",
    "EMBRYONIC",
    "PLURIPOTENT",
    "LYMPHOCYTE",
    "PLATELET",
    "WHARTON",
];
const STEM_ACRONYMS: &[&str] = &["MSC", "MSCS", "ADSC", "IPSC", "ESC"];
/// The INCI marks of a synthetic or recombinant human sequence (`sh-Oligopeptide-1`,
/// `rh-Polypeptide-3`), as words before a peptide word.
const SEQUENCE_MARKS: &[&str] = &["SH", "RH"];
/// Plant culture words: a plant culture whatever else the name says.
const PLANT_CULTURE_WORDS: &[&str] = &["MERISTEM", "CALLUS", "PHYTOPLACENTA", "PHTYOPLACENTA"];
/// Plant parts and microbes: not human; a plant culture when cells or a culture are named.
const PLANT_WORDS: &[&str] = &[
    "SPROUT",
    "FRUIT",
    "LEAF",
    "ROOT",
    "SEED",
    "FLOWER",
    "BARK",
    "PEEL",
    "KERNEL",
    "RHIZOME",
    "SHOOT",
    "BUD",
    "BULB",
    "TUBER",
    "PLANT",
    "ALGAE",
    "LACTOBACILLUS",
    "SACCHAROMYCES",
    "FERMENT",
    "YEAST",
    "BACILLUS",
    "UMBILICALIS",
];
/// Microbes and ferments: a microbial culture unless an animal is named too.
const MICROBIAL_WORDS: &[&str] = &[
    "FERMENT",
    "LACTOBACILLUS",
    "SACCHAROMYCES",
    "BACILLUS",
    "BIFIDA",
    "STREPTOCOCCUS",
    "LEUCONOSTOC",
    "ASPERGILLUS",
    "YEAST",
    "PSEUDOALTEROMONAS",
];

/// Animal words, and whether the product is still vegetarian.
const ANIMAL_WORDS: &[(&str, bool)] = &[
    ("BOVINE", false),
    ("COW", false),
    ("CALF", false),
    ("PORCINE", false),
    ("PIG", false),
    ("SWINE", false),
    ("HORSE", false),
    ("EQUINE", false),
    ("MARE", false),
    ("SHEEP", false),
    ("OVINE", false),
    ("GOAT", false),
    ("CAPRINE", false),
    ("CHICKEN", false),
    ("DEER", false),
    ("ANTLER", false),
    ("FISH", false),
    ("SALMON", false),
    ("SNAIL", false),
    ("RABBIT", false),
    ("MURINE", false),
    ("MOUSE", false),
    ("RAT", false),
    ("DONKEY", false),
    ("CAMEL", false),
    ("MINK", false),
    ("EMU", false),
    ("SHARK", false),
    ("COD", false),
    ("SILK", false),
    ("SERICIN", false),
    ("CAVIAR", false),
    ("OYSTER", false),
    ("COLLAGEN", false),
    ("GELATIN", false),
    ("ELASTIN", false),
    ("KERATIN", false),
    ("TALLOW", false),
    ("CARMINE", false),
    ("SHELLAC", false),
    ("CHITOSAN", false),
    ("CIVET", false),
    ("CASTOREUM", false),
    ("JUNGLEFOWL", false),
    ("TURTLE", false),
    ("HAMSTER", false),
    ("DUCK", false),
    ("QUAIL", false),
    ("OSTRICH", false),
    ("CROCODILE", false),
    ("FROG", false),
    ("WHALE", false),
    ("BIRD", false),
    ("CATTLE", false),
    ("LAMB", false),
    ("VELVET", false),
    ("BOAR", false),
    ("EGG", true),
    ("OVUM", true),
    ("MILK", true),
    ("LAC", true),
    ("LACTIS", true),
    ("COLOSTRUM", true),
    ("HONEY", true),
    ("MEL", true),
    ("PROPOLIS", true),
    ("BEESWAX", true),
    ("LANOLIN", true),
    ("WOOL", true),
    ("ROYAL", true),
];

/// Plant parts: a name that has one is a plant preparation, whatever animal word it holds.
pub(crate) const PLANT_PART_WORDS: &[&str] = &[
    "SPROUT", "FRUIT", "LEAF", "LEAVES", "ROOT", "SEED", "FLOWER", "BARK", "PEEL", "KERNEL",
    "RHIZOME", "SHOOT", "BULB", "TUBER", "NUT", "STALK", "HUSK",
];

/// Words that say an animal-sounding name is not of animal origin: made (`SYNTHETIC`), from
/// plants (`VEGETABLE`, `VEGAN`, `PHYTO`), or a plant's common name that holds an animal word
/// (`MILK THISTLE`, `HORSE CHESTNUT`, `CORN SILK`, `FISH MINT`).
const NOT_ANIMAL_WORDS: &[&str] = &[
    "SYNTHETIC",
    "VEGETABLE",
    "VEGAN",
    "PHYTO",
    "THISTLE",
    "CHESTNUT",
    "CORN",
    "MAYS",
    "MINT",
    "OPUNTIA",
];

/// Plant milks are not milk.
const PLANT_MILK: &[&str] = &[
    "COCONUT",
    "COCOS",
    "ALMOND",
    "AMYGDALUS",
    "AVENA",
    "OAT",
    "SOY",
    "GLYCINE",
    "RICE",
    "ORYZA",
];

/// Words of a folded name, split at anything that is not a letter or digit.
fn words(key: &str) -> Vec<&str> {
    key.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when `word` is `target` or one edit away from it (for words of five letters or more).
fn like(word: &str, target: &str) -> bool {
    if word == target {
        return true;
    }
    if target.len() < 5 || word.len().abs_diff(target.len()) > 1 {
        return false;
    }
    within_one_edit(word.as_bytes(), target.as_bytes())
}

fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        if a.len() > b.len() {
            i += 1;
        } else if a.len() < b.len() {
            j += 1;
        } else if i + 1 < a.len() && a[i] == b[j + 1] && a[i + 1] == b[j] {
            // adjacent transposition
            i += 2;
            j += 2;
        } else {
            i += 1;
            j += 1;
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

fn find<'a>(ws: &[&'a str], list: &[&str]) -> Option<&'a str> {
    ws.iter().copied().find(|w| list.iter().any(|t| like(w, t)))
}

/// The origin of a name, from recorded facts first and then from its words.
///
/// A dictionary name is spelled canonically, so it is only read further when one of its words
/// is exactly a marker word; the typo-tolerant reading ([`classify_words`]) is kept for names
/// the dictionary does not know. That keeps the common case to a few hash lookups.
pub fn classify(name: &str) -> Option<Verdict> {
    let key = fold(name);
    match inci_dict::lookup_key(&key) {
        Some(hit) => classify_entry(hit.entry()),
        None => classify_words(&key),
    }
}

/// The origin of a dictionary entry: its recorded fact, or its words read exactly.
pub fn classify_entry(entry: inci_dict::Entry) -> Option<Verdict> {
    // Read once per entry: a catalog repeats its entries, and reading the words of a name
    // (typos allowed) is the costly part of resolving; the recorded fact's lookup alone was
    // 80 instructions an ingredient. The ingredient loop reads the entry's facts instead
    // (`crate::facts`), which hold the same verdict.
    static VERDICTS: crate::memo::EntryMemo<Option<Verdict>> = crate::memo::EntryMemo::new();
    VERDICTS
        .get_or_init(entry.id, || classify_entry_uncached(entry))
        .clone()
}

/// [`classify_entry`] without its memo.
pub(crate) fn classify_entry_uncached(entry: inci_dict::Entry) -> Option<Verdict> {
    use inci_dict::risk::OriginClass;
    if let Some(fact) = inci_dict::risk::origin(entry.id) {
        return Some(Verdict {
            origin: match fact.origin {
                OriginClass::HumanTissue => Origin::Human,
                OriginClass::HumanSequence => Origin::HumanSequence,
                OriginClass::Animal => Origin::Animal,
                OriginClass::Ambiguous => Origin::Ambiguous,
                // Recorded so that the animal word in the name is not read: no verdict.
                OriginClass::NotAnimal => return None,
            },
            certainty: Certainty::Named,
            reason: fact.reason.into(),
            vegetarian: fact.vegetarian,
            source: Some(fact.source),
        });
    }
    if !has_marker_word(entry) {
        return None;
    }
    classify_words(&fold(entry.name))
}

/// True when some word of the entry's name (or its singular) is one the rules look for (asked
/// once per entry: [`classify_entry`] keeps its answers).
fn has_marker_word(entry: inci_dict::Entry) -> bool {
    words(entry.name).iter().any(|w| {
        marker_words().contains(w)
            || w.strip_suffix('S')
                .is_some_and(|w| marker_words().contains(w))
    })
}

/// Every word any rule looks for, for the exact pre-check of dictionary names. Sized at once
/// and hashed with foldhash: built on every run's first ask, and the standard library's
/// SipHash with four regrowths made it 84,000 instructions, 5 % of scanning one label.
fn marker_words() -> &'static MarkerWords {
    static SET: std::sync::OnceLock<MarkerWords> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let lists: [&[&str]; 9] = [
            HUMAN_WORDS,
            HUMAN_ACRONYMS,
            HUMAN_TISSUE,
            STEM_ACRONYMS,
            SEQUENCE_MARKS,
            PLANT_CULTURE_WORDS,
            PLANT_WORDS,
            MICROBIAL_WORDS,
            &["CORD", "STEM", "CERA"],
        ];
        let len = lists.iter().map(|l| l.len()).sum::<usize>() + ANIMAL_WORDS.len();
        let mut set = MarkerWords::with_capacity_and_hasher(len, Default::default());
        set.extend(lists.iter().flat_map(|l| l.iter().copied()));
        set.extend(ANIMAL_WORDS.iter().map(|(w, _)| *w));
        set
    })
}

/// The set [`marker_words`] keeps.
type MarkerWords = std::collections::HashSet<&'static str, foldhash::fast::RandomState>;

/// Human words of Korean, Japanese and Chinese labels (`인체`, `ヒト`, `人`), which print a
/// name without spaces: matched as substrings. `人` is human unless `参`/`蔘` follows (`人参`,
/// ginseng).
const CJK_HUMAN: &[&str] = &["인체", "사람", "ヒト", "人"];
/// What cultured cells secrete, in those scripts: culture fluid (`배양액`, `培養液`, `培养液`),
/// conditioned culture (`順化培養`), culture supernatant (`培養上清`), exosomes (`엑소좀`,
/// `エクソソーム`, `外泌体`). Shared by the classifier and [`HumanKind::of`].
const CJK_SECRETION: &[&str] = &[
    "배양액",
    "배양",
    "培養液",
    "培養上清",
    "順化培養",
    "培养液",
    "엑소좀",
    "エクソソーム",
    "外泌体",
];
/// Cells in those scripts: stem cells (`줄기세포`, `幹細胞`, `干细胞`), cells (`세포`, `細胞`,
/// `细胞`).
const CJK_CELLS: &[&str] = &["줄기세포", "幹細胞", "干细胞", "세포", "細胞", "细胞"];
/// Tissues and blood products in those scripts: placenta (`태반`, `胎盤`, `胎盘`), cord blood
/// (`제대혈`, `臍帯血`, `脐带血`), plasma (`혈장`, `血漿`, `血浆`).
const CJK_TISSUE: &[&str] = &[
    "태반",
    "胎盤",
    "胎盘",
    "제대혈",
    "臍帯血",
    "脐带血",
    "혈장",
    "血漿",
    "血浆",
];
/// Stem-cell culture words that, with nothing before them, leave the source unstated.
const CJK_STEM_CULTURE: &[&str] = &[
    "줄기세포",
    "幹細胞",
    "干细胞",
    "엑소좀",
    "エクソソーム",
    "外泌体",
];

/// Culture words in those scripts before which a plant may be named (`장미줄기세포배양추출물`,
/// rose stem-cell culture; `장미캘러스배양추출물`, rose callus culture).
const CJK_PLANT_CULTURE: &[&str] = &[
    "줄기세포",
    "캘러스",
    "세포배양",
    "培養細胞",
    "干细胞",
    "愈伤组织",
];
/// What a plant's label name ends with in the label tables (`장미꽃추출물`, rose flower
/// extract): the plant named before a culture word is looked up with each.
const CJK_PLANT_FORMS: &[&str] = &[
    "추출물",
    "꽃추출물",
    "잎추출물",
    "열매추출물",
    "뿌리추출물",
    "씨추출물",
    "줄기추출물",
    "꽃수",
    "잎수",
    "오일",
    "エキス",
    "花エキス",
    "葉エキス",
    "果実エキス",
    "提取物",
    "花提取物",
    "叶提取物",
    "果提取物",
];

/// The plant a Korean, Japanese or Chinese name puts before its culture words, when the label
/// tables know that plant's own extract (`장미` + `추출물` is ROSA DAMASCENA FLOWER EXTRACT):
/// the verdict of a plant cell culture, citing the table row that says what the plant is.
fn cjk_plant_culture(key: &str) -> Option<Verdict> {
    let (at, word) = CJK_PLANT_CULTURE
        .iter()
        .filter_map(|w| key.find(w).map(|at| (at, *w)))
        .min_by_key(|(at, _)| *at)?;
    let plant = key[..at].trim();
    if plant.is_empty() {
        return None;
    }
    CJK_PLANT_FORMS.iter().find_map(|form| {
        let name = format!("{plant}{form}");
        let inci_dict::Hit::Synonym(s, entry) = inci_dict::lookup(&name)? else {
            return None;
        };
        // Only a plant's own extract says what the word is: never an animal, human or
        // ambiguous source (`달팽이`, snail), which the recorded origin would name.
        if inci_dict::risk::origin(entry.id).is_some()
            || s.kind() != inci_dict::SynonymKind::Foreign
        {
            return None;
        }
        Some(Verdict {
            origin: Origin::PlantCulture,
            certainty: Certainty::Named,
            reason: format!(
                "the plant \"{plant}\" named before \"{word}\" (its {name} is {})",
                entry.name
            ),
            vegetarian: true,
            source: Some(s.source()),
        })
    })
}

/// The human-derived family in Korean, Japanese or Chinese words, as [`classify_words`] reads
/// English: a human word with a culture, cell or tissue word is human (`인체지방줄기세포배양액`,
/// `ヒト幹細胞順化培養液`, `人脐带间充质干细胞培养液`); stem-cell culture words with nothing before
/// them are possibly human (ask the supplier); a plant the label tables know named before them
/// (`장미줄기세포배양추출물`, rose) makes a plant culture; anything else before them is left to
/// the tables: no guess.
fn classify_cjk(key: &str) -> Option<Verdict> {
    let human = CJK_HUMAN.iter().find(|h| {
        key.match_indices(**h).any(|(at, m)| {
            let next = key[at + m.len()..].chars().next();
            !(**h == "人" && matches!(next, Some('参' | '蔘')))
        })
    });
    if human.is_none()
        && let Some(v) = cjk_plant_culture(key)
    {
        return Some(v);
    }
    let product = [CJK_SECRETION, CJK_CELLS, CJK_TISSUE]
        .into_iter()
        .flatten()
        .find(|p| key.contains(**p))?;
    if let Some(h) = human {
        return Some(Verdict {
            origin: Origin::Human,
            certainty: Certainty::Named,
            reason: format!("\"{h}\" (human) with \"{product}\" in the name"),
            vegetarian: false,
            source: None,
        });
    }
    CJK_STEM_CULTURE
        .iter()
        .find(|w| key.starts_with(**w))
        .map(|w| Verdict {
            origin: Origin::Human,
            certainty: Certainty::Possible,
            reason: format!("\"{w}\" with no source named"),
            vegetarian: false,
            source: None,
        })
}

/// The origin of an item the dictionary does not know, from the words of its text as printed
/// ([`classify_words`] of its folded form). Kept per thread by text: a catalog repeats its
/// unknown items too, and folding and reading one cost about 7,400 instructions.
pub(crate) fn classify_unknown(raw: &str) -> Option<Verdict> {
    thread_local! {
        static READ: std::cell::RefCell<crate::memo::TextMemo<Option<Verdict>>> =
            std::cell::RefCell::new(crate::memo::TextMemo::default());
    }
    if let Some(hit) = READ.with(|m| m.try_borrow().ok()?.get(raw).cloned()) {
        return hit;
    }
    let verdict = classify_words(&fold(raw));
    READ.with(|m| {
        if let Ok(mut memo) = m.try_borrow_mut() {
            memo.insert(raw, verdict.clone());
        }
    });
    verdict
}

/// The origin of a folded name from its words alone (no recorded facts).
pub fn classify_words(key: &str) -> Option<Verdict> {
    if !key.is_ascii()
        && key
            .chars()
            .any(|c| matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'))
        && let Some(v) = classify_cjk(key)
    {
        return Some(v);
    }
    let ws = words(key);
    // `hUC-MSC` folds to `HUC-MSC`: acronyms are matched exactly, not with a typo allowed.
    let acronym = ws.iter().copied().find(|w| HUMAN_ACRONYMS.contains(w));
    let human_word = ws
        .iter()
        .copied()
        .find(|w| HUMAN_WORDS.iter().any(|t| like(w, t)));
    let plant_milk = ws.iter().any(|w| PLANT_MILK.contains(w));
    let beeswax = ws
        .windows(2)
        .any(|p| p[0] == "CERA" && matches!(p[1], "ALBA" | "FLAVA"));
    // Animal and plant words match exactly (or as plurals): one typo allowed would turn VINE
    // into OVINE and WHOLE into WHALE.
    let exact = |w: &str, t: &str| w == t || w.strip_suffix('S') == Some(t);
    // A plant part (`Horse Chestnut Seed Extract`), a plant's common name (`Milk Thistle`) or
    // the word "synthetic" or "vegetable" (`Synthetic Beeswax`, `Vegetable Collagen`) says the
    // animal word is not where it comes from.
    let not_animal = ws.iter().any(|w| {
        NOT_ANIMAL_WORDS.contains(w)
            || PLANT_PART_WORDS
                .iter()
                .any(|t| *w == *t || w.strip_suffix('S') == Some(t))
    });
    let animal = ws
        .iter()
        .filter(|_| !not_animal)
        .find_map(|w| {
            ANIMAL_WORDS
                .iter()
                .find(|(t, _)| exact(w, t) && !(plant_milk && matches!(*t, "MILK" | "LAC")))
        })
        // `S-COW`, `R-SALMON`: a synthetic or recombinant sequence named after the animal.
        .filter(|(t, _)| {
            !["S-", "R-", "SH-", "RH-"]
                .iter()
                .any(|p| key.contains(&format!("{p}{t}")))
        })
        .or((beeswax && !not_animal).then_some(&("CERA ALBA", true)));
    let plant_culture = ws
        .iter()
        .copied()
        .find(|w| PLANT_CULTURE_WORDS.iter().any(|t| like(w, t)));
    let plant = ws
        .iter()
        .copied()
        .find(|w| PLANT_WORDS.iter().any(|t| exact(w, t)));
    let cells = ws
        .iter()
        .any(|w| matches!(*w, "CELL" | "CELLS" | "CULTURE"));
    // A synthetic peptide (`... SP`) or a virus sequence names humans without coming from them.
    let synthetic = ws.last() == Some(&"SP") || ws.iter().any(|w| w.ends_with("VIRUS"));
    // A peptide, growth factor or recombinant protein named after humans is a human sequence
    // made synthetically (`Human Oligopeptide-1`, the former name of sh-Oligopeptide-1).
    let sequence = ws.iter().copied().find(|w| {
        w.ends_with("PEPTIDE")
            || matches!(
                *w,
                "RECOMBINANT"
                    | "SH"
                    | "RH"
                    | "LIKE"
                    | "EGF"
                    | "FGF"
                    | "KGF"
                    | "IGF"
                    | "VEGF"
                    // human-identical milk oligosaccharides, made by fermentation
                    | "OLIGOSACCHARIDE"
                    | "OLIGOSACCHARIDES"
                    | "FUCOSYLLACTOSE"
            )
    });
    // `sh-`/`rh-` before a peptide word is the INCI mark of a synthetic or recombinant human
    // sequence (`Ethyl Carbazido Hyaluronate rh-Polypeptide-3`).
    if let Some(p) = ws.windows(2).find(|p| {
        SEQUENCE_MARKS.contains(&p[0]) && (p[1].ends_with("PEPTIDE") || p[1] == "COLLAGEN")
    }) {
        return Some(Verdict {
            origin: Origin::HumanSequence,
            certainty: Certainty::Named,
            reason: format!(
                "\"{}-{}\": a human sequence made synthetically or recombinantly, not human tissue",
                p[0].to_lowercase(),
                p[1]
            ),
            vegetarian: true,
            source: None,
        });
    }
    if let Some(w) = human_word.or(acronym).filter(|_| !synthetic) {
        if let Some(seq) = sequence {
            return Some(Verdict {
                origin: Origin::HumanSequence,
                certainty: Certainty::Named,
                reason: format!(
                    "\"{w}\" with \"{seq}\": a human sequence made synthetically or recombinantly, not human tissue"
                ),
                vegetarian: true,
                source: None,
            });
        }
        if w != "HOMO" || ws.contains(&"SAPIENS") {
            return Some(Verdict {
                origin: Origin::Human,
                certainty: Certainty::Named,
                reason: format!("\"{w}\" in the name"),
                vegetarian: false,
                source: None,
            });
        }
    }
    if let Some(&(w, vegetarian)) = animal {
        return Some(Verdict {
            origin: Origin::Animal,
            certainty: Certainty::Named,
            reason: format!("\"{w}\" in the name"),
            vegetarian,
            source: None,
        });
    }
    if let Some(w) = plant_culture.or(plant.filter(|_| cells)) {
        return Some(Verdict {
            origin: Origin::PlantCulture,
            certainty: Certainty::Named,
            reason: format!("\"{w}\" in the name"),
            vegetarian: true,
            source: None,
        });
    }
    // A ferment or microbe named, and no animal (checked above): a microbial culture.
    if let Some(w) = ws.iter().copied().find(|w| MICROBIAL_WORDS.contains(w)) {
        return Some(Verdict {
            origin: Origin::Microbial,
            certainty: Certainty::Named,
            reason: format!("\"{w}\" in the name"),
            vegetarian: true,
            source: None,
        });
    }
    if plant.is_some() {
        return None;
    }
    // A plant named by its common name before the culture words (`Rose Stem Cell Exosomes`,
    // `Apple Stem Cell Extract`): a plant culture.
    let culture_word = ws.iter().position(|w| {
        matches!(
            *w,
            "STEM" | "CELL" | "CELLS" | "EXOSOME" | "EXOSOMES" | "CONDITIONED" | "CULTURE"
        )
    });
    if let Some(k) = culture_word.filter(|&k| k > 0) {
        let lead = &ws[..k.min(3)];
        let plant_named = (1..=lead.len())
            .rev()
            .find(|&n| !inci_dict::binomials(&lead[..n].join(" ")).is_empty());
        if let Some(n) = plant_named {
            return Some(Verdict {
                origin: Origin::PlantCulture,
                certainty: Certainty::Named,
                reason: format!("the plant \"{}\" named", lead[..n].join(" ")),
                vegetarian: true,
                source: None,
            });
        }
    }
    let tissue = find(&ws, HUMAN_TISSUE);
    let cord_blood = ws
        .windows(2)
        .any(|p| like(p[0], "CORD") && like(p[1], "BLOOD"));
    let stem = ws.iter().copied().find(|w| STEM_ACRONYMS.contains(w));
    let stem_cell_product = ws
        .windows(2)
        .any(|p| p[0] == "STEM" && (like(p[1], "CELL") || like(p[1], "CELLS")))
        && ws.iter().any(|w| {
            ["CONDITIONED", "EXOSOME", "EXOSOMES", "LYSATE", "SECRETOME"]
                .iter()
                .any(|t| like(w, t))
        });
    // Exosomes, or a stem-cell extract or lysate, with no source named may come from human
    // cells as well as plants or animals.
    let unsourced = ws.iter().any(|w| matches!(*w, "EXOSOME" | "EXOSOMES"))
        || (ws
            .windows(2)
            .any(|p| p[0] == "STEM" && (like(p[1], "CELL") || like(p[1], "CELLS")))
            && ws
                .iter()
                .any(|w| matches!(*w, "EXTRACT" | "LYSATE" | "FILTRATE")));
    let why = tissue
        .map(|t| format!("human tissue word \"{t}\" and no species named"))
        .or(cord_blood.then(|| "\"CORD BLOOD\" and no species named".to_owned()))
        .or(stem.map(|s| format!("stem cell acronym \"{s}\" and no species named")))
        .or(stem_cell_product
            .then(|| "stem cell culture product and no species or plant named".to_owned()))
        .or(unsourced.then(|| "exosomes or stem cells with no source named".to_owned()));
    why.map(|reason| Verdict {
        origin: Origin::Human,
        certainty: Certainty::Possible,
        reason,
        vegetarian: false,
        source: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_verdicts_are_the_computed_ones() {
        crate::memo::assert_kept_per_entry(classify_entry, classify_entry_uncached);
        for _ in 0..2 {
            for raw in [
                "hUC-MSC Conditioned Media",
                "Human Umbilical Cord Stem Cell Extract*",
                "Goat Milk",
                "Algae Collagen",
                "Unknown Thing",
                "",
            ] {
                assert_eq!(classify_unknown(raw), classify_words(&fold(raw)), "{raw}");
            }
        }
        assert!(classify_unknown("hUC-MSC Conditioned Media").is_some());
    }

    /// The marker-word pre-check hides no reading of a dictionary name that has no recorded
    /// fact: every such name it passes over reads as nothing by its words either, but for the
    /// typo readings that exact reading of dictionary names is there to stop (`GALLUS`, the
    /// chicken, one edit from `CALLUS`). Before `SH` and `RH` were marker words it hid the
    /// human-sequence reading of `BIS-SH-DECAPEPTIDE-9 PORPHYRA 334` and two like it.
    #[test]
    fn the_marker_word_pre_check_hides_only_typo_readings() {
        let mut skipped = 0;
        let mut hidden = Vec::new();
        for e in inci_dict::entries() {
            if has_marker_word(e) || inci_dict::risk::origin(e.id).is_some() {
                continue;
            }
            skipped += 1;
            if let Some(v) = classify_words(&fold(e.name)) {
                hidden.push((e.name, v.origin));
            }
        }
        assert_eq!(hidden, [("GALLUS EXTRACT", Origin::PlantCulture)]);
        assert!(
            skipped > 20_000,
            "the pre-check passes over most names ({skipped})"
        );
    }

    fn origin(name: &str) -> Option<Origin> {
        classify(name).map(|v| v.origin)
    }

    #[test]
    fn a_plant_the_tables_know_before_korean_culture_words_is_a_plant_culture() {
        let words = |n: &str| classify_words(&inci_dict::fold(n)).map(|v| v.origin);
        assert_eq!(words("장미줄기세포배양추출물"), Some(Origin::PlantCulture));
        assert_eq!(words("사과줄기세포배양추출물"), Some(Origin::PlantCulture));
        assert_eq!(words("병풀캘러스배양추출물"), Some(Origin::PlantCulture));
        let rose = classify_words(&inci_dict::fold("장미줄기세포배양추출물")).expect("read");
        assert!(rose.reason.contains("ROSA DAMASCENA"), "{}", rose.reason);
        assert!(rose.source.is_some_and(|s| s.contains("Korean label name")));
        // A word the tables do not know as a plant (snail) is no guess, and the human word
        // still wins over anything before it.
        assert_eq!(words("달팽이줄기세포배양액"), None);
        assert_eq!(words("인체지방줄기세포배양액"), Some(Origin::Human));
        assert_eq!(words("줄기세포배양액"), Some(Origin::Human));
    }

    #[test]
    fn the_data_script_reads_the_same_animal_words() {
        // scripts/origin_data.py records `not_animal` for names whose animal word this module
        // would otherwise read: both must know the same words.
        let script = include_str!("../../../scripts/origin_data.py");
        let start = script
            .find("NAME_ANIMAL_WORDS = {")
            .expect("NAME_ANIMAL_WORDS in the script");
        let end = start + script[start..].find('}').expect("set closes");
        let mut theirs: Vec<&str> = script[start..end].split('"').skip(1).step_by(2).collect();
        let mut ours: Vec<&str> = ANIMAL_WORDS.iter().map(|(w, _)| *w).collect();
        theirs.sort_unstable();
        ours.sort_unstable();
        assert_eq!(theirs, ours);
    }

    #[test]
    fn animal_words_that_are_not_animal() {
        for name in [
            "Milk Thistle Extract",
            "Vegetable Collagen",
            "Horse Chestnut (Aesculus Hippocastanum) Seed Extract",
            "Synthetic Beeswax",
            "synthetic cera alba",
            "Zea Mays Silk Extract",
            "Opuntia Tuna Fruit Extract",
        ] {
            assert_ne!(origin(name), Some(Origin::Animal), "{name}");
        }
        for name in [
            "Goat Milk Powder",
            "Hydrolyzed Silk",
            "Horse Oil",
            "Lactose",
        ] {
            assert_eq!(origin(name), Some(Origin::Animal), "{name}");
        }
    }

    #[test]
    fn human_family_under_any_spelling() {
        for name in [
            "Human Umbilical Mesenchymal Stem Cell Conditioned Media",
            "Human Umbilical Cord Stem Cell Conditioned Media",
            "Human Umbilical Cord Mesenchymal Stem Cell Conditioned Medium",
            "Human Umbillical Mesenchymal Stem Cell Conditoned Media",
            "Humna Stem Cell Conditioned Media",
            "Human Stem Cell Conditioned Media",
            "hUC-MSC Conditioned Media",
            "Human Adipose Stem Cell Exosomes",
            "Umbilical Cord Mesenchymal Stem Cell Exosomes",
            "Placenta Cell Lysate",
            "Cord Blood Cell Lysate",
            "Stem Cell Conditioned Media",
        ] {
            assert_eq!(origin(name), Some(Origin::Human), "{name}");
        }
    }

    #[test]
    fn look_alikes_are_not_human() {
        for (name, want) in [
            (
                "Malus Domestica Fruit Cell Culture Extract",
                Some(Origin::PlantCulture),
            ),
            (
                "Centella Asiatica Callus Conditioned Media",
                Some(Origin::PlantCulture),
            ),
            (
                "Argania Spinosa Sprout Cell Extract",
                Some(Origin::PlantCulture),
            ),
            (
                "Bovine Dermal Fibroblast Conditioned Media",
                Some(Origin::Animal),
            ),
            ("Hydrolyzed Horse Placenta Extract", Some(Origin::Animal)),
            ("Porphyra Umbilicalis Extract", None),
            ("Acetyl S-Cow Pentapeptide-1 SP", None),
            ("Human Coronavirus Oligopeptide-1 SP", None),
            ("Canavalia Gladiata Leaf/Vine Extract", None),
            ("Whole Dry Deer Milk", Some(Origin::Animal)),
            (
                "Aloe Barbadensis Phytoplacenta Extract",
                Some(Origin::PlantCulture),
            ),
            ("Glycerin", Some(Origin::Ambiguous)),
            ("Placental Extract", Some(Origin::Animal)),
            ("Human Oligopeptide-1", Some(Origin::HumanSequence)),
            ("sh-Oligopeptide-1", Some(Origin::HumanSequence)),
            ("CI 75470", Some(Origin::Animal)),
            ("Squalane", Some(Origin::Ambiguous)),
            ("Dimethicone", None),
            ("Lactobacillus Ferment", Some(Origin::Microbial)),
            ("Bifida Ferment Lysate", Some(Origin::Microbial)),
            ("sh-Oligopeptide-78", Some(Origin::HumanSequence)),
            ("Human Milk Oligosaccharides", Some(Origin::HumanSequence)),
            ("Human-like Collagen", Some(Origin::HumanSequence)),
            ("Recombinant Human Collagen", Some(Origin::HumanSequence)),
        ] {
            assert_eq!(origin(name), want, "{name}");
        }
    }

    #[test]
    fn one_edit() {
        assert!(like("UMBILLICAL", "UMBILICAL"));
        assert!(like("CONDITONED", "CONDITIONED"));
        assert!(like("HUMNA", "HUMAN"));
        assert!(!like("UMBILICALIS", "UMBILICAL"));
    }
}
