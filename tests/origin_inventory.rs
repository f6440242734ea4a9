//! The origin classifier over the whole CosIng inventory: every name of human origin must be
//! flagged human-derived, and no plant culture or animal medium may be.
//!
//! Ground truth is the reference list `../shared/data/reference/human_derived_and_conditioned_media.csv`
//! (its first-pass categories, checked by hand where they say "check"). The classifier is run on
//! the words alone (`classify_words`), without the recorded facts, so this tests that detection
//! generalises. Skipped when `../shared` is absent.

use inci::risk::origin::{Origin, classify_words};
use std::path::PathBuf;

fn reference() -> Option<Vec<(String, String)>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/reference/human_derived_and_conditioned_media.csv");
    if !path.exists() {
        eprintln!("skipped: {} not found", path.display());
        return None;
    }
    let mut rdr = csv::Reader::from_path(&path).expect("reference readable");
    Some(
        rdr.records()
            .map(|r| r.expect("row"))
            .map(|r| (r[0].to_owned(), r[1].to_owned()))
            .collect(),
    )
}

fn inventory() -> Option<Vec<String>> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/cosing/inventory.csv");
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
