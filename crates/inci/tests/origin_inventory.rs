//! The origin classifier over the whole CosIng inventory: every name of human origin must be
//! flagged human-derived, and no plant culture or animal medium may be.
//!
//! Ground truth is the reference list `../shared/data/reference/human_derived_and_conditioned_media.csv`
//! (its first-pass categories, checked by hand where they say "check"). The classifier is run on
//! the words alone (`classify_words`), without the recorded facts, so this tests that detection
//! generalises; then with the recorded facts (`classify`) against the CosIng descriptions of
//! the 2021 export: nothing synthetic, recombinant or cultured from plants or microbes is human
//! tissue. Skipped when `../shared` is absent, failing then under `CI=true`.

mod shared;

use inci::origin::{Origin, classify, classify_words};
use std::io::Read;

fn reference() -> Option<Vec<(String, String)>> {
    let path = shared::path("data/reference/human_derived_and_conditioned_media.csv")?;
    let mut rdr = csv::Reader::from_path(&path).expect("reference readable");
    Some(
        rdr.records()
            .map(|r| r.expect("row"))
            .map(|r| (r[0].to_owned(), r[1].to_owned()))
            .collect(),
    )
}

fn inventory() -> Option<Vec<String>> {
    let path = shared::path("data/cosing/inventory.csv")?;
    let mut rdr = csv::Reader::from_path(&path).ok()?;
    Some(
        rdr.records()
            .map(|r| r.expect("row")[0].to_owned())
            .collect(),
    )
}

fn origin(name: &str) -> Option<Origin> {
    classify_words(&inci_dict::fold(name)).map(|v| v.origin)
}

/// Names the reference list files under a human category that are not of human origin.
const NOT_HUMAN: &[(&str, &str)] = &[(
    "HUMAN CORONAVIRUS OLIGOPEPTIDE-1 SP",
    "a synthetic peptide of a virus sequence",
)];

#[test]
fn every_human_name_is_human_derived() {
    let Some(rows) = reference() else { return };
    let mut missed = Vec::new();
    for (name, category) in &rows {
        let human = matches!(
            category.as_str(),
            "human_cell_conditioned_media" | "other_human_derived_or_human_sequence"
        );
        if human && !NOT_HUMAN.iter().any(|(n, _)| n == name) && origin(name) != Some(Origin::Human)
        {
            missed.push(name.clone());
        }
    }
    assert!(
        missed.is_empty(),
        "{} human names not flagged:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn no_plant_culture_or_animal_medium_is_human_derived() {
    let Some(rows) = reference() else { return };
    let mut wrong = Vec::new();
    for (name, category) in &rows {
        let look_alike = category.starts_with("non_human_conditioned_media")
            || category.starts_with("stem-cell/exosome");
        let species_named = category.starts_with("placenta")
            && !name.contains("HUMAN")
            && name.split(|c: char| !c.is_alphanumeric()).any(|w| {
                [
                    "PHYTOPLACENTA",
                    "PHTYOPLACENTA",
                    "COW",
                    "HORSE",
                    "PIG",
                    "UMBILICALIS",
                    "RYE",
                ]
                .contains(&w)
            });
        if (look_alike || species_named) && origin(name) == Some(Origin::Human) {
            wrong.push(format!("{name} ({category})"));
        }
    }
    // MILK EXOSOMES and the like are animal; none of these may be human.
    assert!(
        wrong.is_empty(),
        "{} look-alikes flagged human:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn inventory_names_flagged_human_all_name_a_human_source() {
    let Some(names) = inventory() else { return };
    let flagged: Vec<&String> = names
        .iter()
        .filter(|n| origin(n) == Some(Origin::Human))
        .collect();
    // Every flagged name carries a human word or a human tissue; print them for review.
    let odd: Vec<&&String> = flagged
        .iter()
        .filter(|n| {
            ![
                "HUMAN",
                "PLACENTA",
                "UMBILICAL",
                "AMNIOTIC",
                "AMNION",
                "CORD",
                "MESENCHYMAL",
                "STEM",
                "KERATINOCYTE",
                "ADIPOSE",
                "OOCYTE",
                "EMBRYONIC",
                "PLURIPOTENT",
                "LYMPHOCYTE",
                "PLATELET",
                "FORESKIN",
                "ADIPOCYTE",
                "WHARTON",
            ]
            .iter()
            .any(|w| n.contains(w))
        })
        .collect();
    assert!(odd.is_empty(), "flagged without a human word: {odd:?}");
    assert!(
        flagged.len() >= 80,
        "only {} inventory names flagged human",
        flagged.len()
    );
}

/// (name, description) of every row of the full 2021 CosIng export.
fn descriptions() -> Option<Vec<(String, String)>> {
    let path = shared::path("data/cosing/inventory_2021-12-15_full.csv.gz")?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&path).expect("export readable"))
        .read_to_string(&mut text)
        .expect("gzip UTF-8");
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().expect("header").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (n, d) = (col("inci_name"), col("chem_iupac_name___description"));
    Some(
        rdr.records()
            .map(|r| r.expect("row"))
            .map(|r| (r[n].to_owned(), r[d].to_owned()))
            .collect(),
    )
}

#[test]
fn nothing_synthetic_or_cultured_is_human_tissue() {
    let Some(rows) = descriptions() else { return };
    let made = regex_lite(&[
        "recombinant",
        "synthetic",
        "synthesized",
        // Not "fermentation" alone: `Pantoea Vagans/Human Keratinocyte Conditioned Media/...
        // Ferment Extract Filtrate` ferments a human product, which stays of human origin.
        "produced by fermentation",
        "callus",
        "meristem",
        "plant cell",
    ]);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (name, desc) in &rows {
        let upper = name.to_uppercase();
        let synthetic_name = upper.starts_with("SH-") || upper.starts_with("RH-");
        if !(synthetic_name || made(desc)) {
            continue;
        }
        // Only names the dictionary knows carry recorded facts.
        if inci_dict::entry_by_name(&upper).is_none() {
            continue;
        }
        checked += 1;
        if classify(name).map(|v| v.origin) == Some(Origin::Human) {
            wrong.push(name.clone());
        }
    }
    assert!(checked > 300, "only {checked} names checked");
    assert!(
        wrong.is_empty(),
        "{} synthetic or cultured names classified as human tissue: {wrong:?}",
        wrong.len()
    );
}

#[test]
fn every_recorded_human_name_is_human_tissue() {
    let Some(rows) = reference() else { return };
    let mut missed = Vec::new();
    for (name, category) in &rows {
        let tissue = matches!(
            category.as_str(),
            "human_cell_conditioned_media" | "other_human_derived_or_human_sequence"
        ) && !NOT_HUMAN.iter().any(|(n, _)| n == name);
        if !tissue || inci_dict::entry_by_name(name).is_none() {
            continue;
        }
        let v = classify(name);
        // A reference name CosIng describes as recombinant is a human sequence, rightly.
        if v.as_ref().map(|v| v.origin) != Some(Origin::Human)
            && v.as_ref().map(|v| v.origin) != Some(Origin::HumanSequence)
        {
            missed.push(name.clone());
        }
    }
    assert!(missed.is_empty(), "not human tissue: {missed:?}");
}

/// A case-insensitive test for any of `words` (no regex crate in the dev-dependencies).
fn regex_lite(words: &'static [&'static str]) -> impl Fn(&str) -> bool {
    move |text: &str| {
        let lower = text.to_lowercase();
        words.iter().any(|w| lower.contains(w))
    }
}
