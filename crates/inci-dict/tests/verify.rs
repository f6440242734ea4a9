//! The data files are canonical: sorted, without duplicates, every name a CosIng name, every
//! row with a source. `scripts/build_data.py` writes them so; this keeps hand edits honest.

use std::collections::HashSet;
use std::path::Path;

fn rows(file: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(file);
    let mut rdr =
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = rdr
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = rdr.records().map(|r| r.expect("row")).collect();
    (headers, records)
}

fn names() -> HashSet<String> {
    rows("cosing.csv")
        .1
        .iter()
        .map(|r| r[0].to_owned())
        .collect()
}

/// The first column strictly increases: sorted, and no key twice.
fn assert_sorted_unique(records: &[csv::StringRecord]) {
    for pair in records.windows(2) {
        assert!(
            pair[0][0] < pair[1][0],
            "not sorted or duplicated: {} / {}",
            &pair[0][0],
            &pair[1][0]
        );
    }
}

#[test]
fn cosing_names_are_sorted_unique_and_trimmed() {
    let (headers, records) = rows("cosing.csv");
    assert_eq!(headers, ["name", "cas", "ec", "functions", "listed"]);
    assert_sorted_unique(&records);
    for r in &records {
        let name = &r[0];
        assert_eq!(name, name.trim(), "untrimmed name {name:?}");
        assert!(
            !name.contains("  ") && !name.contains('\u{a0}'),
            "whitespace in {name:?}"
        );
        assert_eq!(name, &name.to_uppercase(), "not upper case: {name:?}");
        assert!(
            matches!(&r[4], "2020" | "2026" | "2020 2026"),
            "{name}: listed {:?}",
            &r[4]
        );
    }
}

#[test]
fn synonyms_are_sorted_and_point_at_names() {
    let names = names();
    let (headers, records) = rows("synonyms.csv");
    assert_eq!(headers, ["alias", "target", "kind", "source"]);
    assert_sorted_unique(&records);
    for r in &records {
        assert!(
            !names.contains(&r[0]),
            "synonym {} shadows a CosIng name",
            &r[0]
        );
        assert!(
            names.contains(&r[1]),
            "synonym {} points at unknown {}",
            &r[0],
            &r[1]
        );
        assert!(
            [
                "common",
                "foreign",
                "foreign:fr",
                "foreign:de",
                "foreign:es",
                "foreign:it",
                "foreign:zh",
                "foreign:ko",
                "foreign:ja",
                "colour",
                "inn",
                "pheur",
                "chemical",
                "former",
                "trade",
            ]
            .contains(&&r[2]),
            "kind {}",
            &r[2]
        );
        assert!(!r[3].is_empty(), "synonym {} has no source", &r[0]);
    }
}

#[test]
fn risk_rows_name_known_ingredients_and_carry_sources() {
    let names = names();
    for (file, name_col) in [
        ("risk/comedogenic.csv", 0),
        ("risk/irritants.csv", 0),
        ("risk/allergens.csv", 0),
        ("risk/annex.csv", 2),
        ("risk/origin.csv", 0),
        ("risk/facts.csv", 0),
    ] {
        let (headers, records) = rows(file);
        assert_eq!(
            headers.last().map(String::as_str),
            Some("source"),
            "{file}: last column is the source"
        );
        let mut seen = HashSet::new();
        for r in &records {
            assert!(
                names.contains(&r[name_col]),
                "{file}: {} is not a CosIng name",
                &r[name_col]
            );
            assert!(
                !r[r.len() - 1].is_empty(),
                "{file}: {} has no source",
                &r[name_col]
            );
            let line: Vec<&str> = r.iter().collect();
            assert!(
                seen.insert(line.join("\u{1f}")),
                "{file}: duplicate row for {}",
                &r[name_col]
            );
        }
        let keys: Vec<Vec<&str>> = records.iter().map(|r| r.iter().collect()).collect();
        assert!(
            keys.windows(2).all(|w| w[0] <= w[1]),
            "{file} is not sorted"
        );
    }
}

#[test]
fn comedogenic_ratings_are_ranges_on_the_0_to_5_scale() {
    for r in rows("risk/comedogenic.csv").1 {
        let (min, max): (u8, u8) = (r[1].parse().expect("min"), r[2].parse().expect("max"));
        assert!(min <= max && max <= 5, "{}: {min}-{max}", &r[0]);
    }
}

#[test]
fn common_names_are_sorted_and_sourced() {
    let (headers, records) = rows("common_names.csv");
    assert_eq!(headers, ["common_name", "binomial", "source"]);
    for pair in records.windows(2) {
        assert!(
            (&pair[0][0], &pair[0][1]) < (&pair[1][0], &pair[1][1]),
            "not sorted or duplicated: {} / {}",
            &pair[0][0],
            &pair[1][0]
        );
    }
    for r in &records {
        assert_eq!(&r[0], &r[0].to_uppercase(), "not upper case: {}", &r[0]);
        assert!(!r[2].is_empty(), "{} has no source", &r[0]);
    }
}
