//! Every CosIng name must survive the parser: alone, and in lists of 30 joined with `, `. The
//! names are the compiled dictionary's (the 2020 inventory and the 2026 names list), so these
//! cannot skip; one more test checks the raw 2020 export against it.
//!
//! Reads `../shared/data/cosing/inventory.csv` (the raw export, not the project's own copy, so
//! that the data build is checked too); skipped with a message when `../shared` is absent,
//! and failing then under `CI=true`.

mod shared;

fn inventory() -> Option<Vec<String>> {
    let path = shared::path("data/cosing/inventory.csv")?;
    let mut rdr = csv::Reader::from_path(&path).expect("inventory readable");
    let names = rdr
        .records()
        .map(|r| r.expect("inventory row")[0].to_owned())
        .collect();
    Some(names)
}

/// The names a label resolves to, folded so that CosIng's own spacing slips compare equal.
fn resolved(label: &str) -> Vec<Option<String>> {
    inci::scan(label)
        .ingredients
        .iter()
        .map(|i| i.name.map(inci_dict::fold))
        .collect()
}

/// Deterministic xorshift64*, so the shuffled lists are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Every name the dictionary holds: the 2020 inventory and the 2026 names list, compiled in,
/// so the tests below cannot skip.
fn compiled() -> Vec<String> {
    inci_dict::entries().map(|e| e.name.to_owned()).collect()
}

#[test]
fn every_raw_inventory_name_is_compiled() {
    let Some(names) = inventory() else { return };
    let missing: Vec<&String> = names
        .iter()
        .filter(|n| inci_dict::lookup(n).is_none())
        .collect();
    assert!(missing.is_empty(), "not in the dictionary: {missing:?}");
}

#[test]
fn every_compiled_name_alone_resolves_to_itself() {
    let names = compiled();
    assert!(names.len() > 34_000, "only {} names compiled", names.len());
    let mut failures = Vec::new();
    for name in &names {
        let got = resolved(name);
        if got != [Some(inci_dict::fold(name))] {
            failures.push(format!("{name:?} -> {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} names fail:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}

#[test]
fn lists_of_thirty_compiled_names_parse_back_in_order() {
    let mut names = compiled();
    let mut rng = Rng(0x1C1_2026);
    for i in (1..names.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        names.swap(i, j);
    }
    let mut failures = Vec::new();
    for chunk in names.chunks(30) {
        let label = chunk.join(", ");
        let want: Vec<Option<String>> = chunk.iter().map(|n| Some(inci_dict::fold(n))).collect();
        let got = resolved(&label);
        if got != want {
            let first = want
                .iter()
                .zip(&got)
                .position(|(w, g)| w != g)
                .unwrap_or(want.len().min(got.len()));
            failures.push(format!(
                "at item {first}: want {:?}, got {:?} (label has {} items, parsed {})",
                want.get(first),
                got.get(first),
                want.len(),
                got.len()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} lists fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
