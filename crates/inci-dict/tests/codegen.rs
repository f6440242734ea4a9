//! Generates `src/cosing_codegen.rs` from `assets/*.csv` and fails when the committed file is
//! stale. `SNAPSHOTS=overwrite cargo test -p inci-dict --test codegen` rewrites it.
//!
//! The CSV files are the only place where data is edited; the generated Rust is reviewed in
//! diffs and compiled once into the binary, so `inci` never parses CSV at start-up.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

const COSING_SOURCE: &str =
    "European Commission CosIng: inventory snapshot 2020-12-30 and names list of 2026-08-10";

#[derive(Debug)]
struct EntryRow {
    name: String,
    cas: String,
    ec: String,
    functions: String,
    source: &'static str,
}

/// The source of an entry, by the CosIng lists that hold its name.
fn entry_source(listed: &str) -> &'static str {
    match listed {
        "2020 2026" => {
            "European Commission CosIng inventory, snapshot 2020-12-30 and names list of 2026-08-10"
        }
        "2020" => {
            "European Commission CosIng inventory, snapshot 2020-12-30 (not in the names list of 2026-08-10)"
        }
        "2026" => "European Commission CosIng names list of 2026-08-10",
        other => panic!("unknown listing {other}"),
    }
}

#[derive(Debug)]
struct SynonymRow {
    alias: String,
    target: String,
    kind: String,
    source: String,
}

fn read_csv(path: &Path) -> Vec<csv::StringRecord> {
    let mut rdr =
        csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    rdr.records()
        .map(|r| r.unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

/// The generated source, and the list of keys that two names fold to (kept for the first).
fn generate(root: &Path) -> (String, Vec<String>) {
    let entries: Vec<EntryRow> = read_csv(&root.join("assets/cosing.csv"))
        .iter()
        .map(|r| EntryRow {
            name: r[0].to_owned(),
            cas: r[1].to_owned(),
            ec: r[2].to_owned(),
            functions: r[3].to_owned(),
            source: entry_source(&r[4]),
        })
        .collect();
    let synonyms: Vec<SynonymRow> = read_csv(&root.join("assets/synonyms.csv"))
        .iter()
        .map(|r| SynonymRow {
            alias: r[0].to_owned(),
            target: r[1].to_owned(),
            kind: r[2].to_owned(),
            source: r[3].to_owned(),
        })
        .collect();
    let index: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name.as_str(), i))
        .collect();

    // Keys: every name, then every synonym whose key no name already takes.
    let mut keys: Vec<(String, usize, Option<usize>)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut collisions = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let key = inci_dict::fold(&e.name);
        if let Some(&first) = seen.get(&key) {
            let _ = first;
            collisions.push(e.name.clone());
            continue;
        }
        seen.insert(key.clone(), keys.len());
        keys.push((key, i, None));
    }
    let mut kept_synonyms = Vec::new();
    for s in &synonyms {
        let key = inci_dict::fold(&s.alias);
        let target = *index
            .get(s.target.as_str())
            .unwrap_or_else(|| panic!("synonym target {} unknown", s.target));
        if seen.contains_key(&key) {
            continue;
        }
        seen.insert(key.clone(), keys.len());
        keys.push((key, target, Some(kept_synonyms.len())));
        kept_synonyms.push((s, target));
    }

    // Prefixes of names that continue past a comma or a ". " (see `continues_past_separator`).
    // Only names and label synonyms count: the chemical names of the data tables invert with
    // commas (`CITRIC ACID, AMMONIUM NICKEL SALT`), and as join prefixes they would make the
    // parser try to glue every `Citric Acid, ...` of a list.
    let mut prefixes = BTreeSet::new();
    for (key, _, syn) in &keys {
        if let Some(k) = syn {
            let kind = kept_synonyms[*k].0.kind.as_str();
            if !matches!(kind, "common" | "colour") && !kind.starts_with("foreign") {
                continue;
            }
        }
        for (pos, ch) in key.char_indices() {
            let cut = ch == ',' || (ch == '.' && key[pos + 1..].starts_with(' '));
            if cut {
                let p = inci_dict::fold(&key[..pos]);
                if !p.is_empty() {
                    prefixes.insert(p);
                }
            }
        }
    }

    // Open addressing with linear probing, at most half full.
    let table = |keys: &[(String, usize, Option<usize>)]| -> Vec<u32> {
        let size = (keys.len() * 2).next_power_of_two().max(1024);
        let mut slots = vec![u32::MAX; size];
        for (n, (key, _, _)) in keys.iter().enumerate() {
            let mut i = (inci_dict::codegen_support::hash(key) as usize) & (size - 1);
            while slots[i] != u32::MAX {
                i = (i + 1) & (size - 1);
            }
            slots[i] = n as u32;
        }
        slots
    };
    let slots = table(&keys);

    // Spacing-proof keys: letters and digits only, so that spaces, hyphens, commas and
    // brackets never decide (`1 2-HEXANEDIOL`, `ETHYLHEXYL GLYCERIN`). A compact key two
    // different entries share is left out: it cannot say which one is meant.
    let mut compact_keys: Vec<(String, usize, Option<usize>)> = Vec::new();
    let mut compact_at: HashMap<String, Option<usize>> = HashMap::new();
    for (key, entry, syn) in &keys {
        let c = inci_dict::compact(key);
        if c.is_empty() {
            continue;
        }
        match compact_at.get(&c) {
            None => {
                compact_at.insert(c.clone(), Some(compact_keys.len()));
                compact_keys.push((c, *entry, *syn));
            }
            Some(Some(k)) if compact_keys[*k].1 != *entry => {
                compact_at.insert(c, None);
            }
            Some(_) => {}
        }
    }
    let ambiguous: BTreeSet<&String> = compact_at
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| k)
        .collect();
    compact_keys.retain(|(k, _, _)| !ambiguous.contains(k));
    let compact_slots = table(&compact_keys);

    // One string blob; tables refer to it by offset and length (no relocations at start-up).
    let mut blob = String::new();
    let mut placed: HashMap<String, (usize, usize)> = HashMap::new();
    let mut place = |text: &str| -> (usize, usize) {
        if let Some(&p) = placed.get(text) {
            return p;
        }
        let p = (blob.len(), text.len());
        blob.push_str(text);
        placed.insert(text.to_owned(), p);
        p
    };
    let entry_rows: Vec<[usize; 10]> = entries
        .iter()
        .map(|e| {
            let (a, b) = place(&e.name);
            let (c, d) = place(&e.cas);
            let (f, g) = place(&e.ec);
            let (h, i) = place(&e.functions);
            let (j, k) = place(e.source);
            [a, b, c, d, f, g, h, i, j, k]
        })
        .collect();
    let key_rows: Vec<(usize, usize)> = keys.iter().map(|(k, _, _)| place(k)).collect();
    let synonym_rows: Vec<[usize; 6]> = kept_synonyms
        .iter()
        .map(|(s, _)| {
            let (_, lang) = s.kind.split_once(':').unwrap_or((s.kind.as_str(), ""));
            let (a, b) = place(&s.alias);
            let (c, d) = place(lang);
            let (e, f) = place(&s.source);
            [a, b, c, d, e, f]
        })
        .collect();
    let compact_rows: Vec<(usize, usize)> = compact_keys.iter().map(|(k, _, _)| place(k)).collect();
    // Common plant names and their binomials, sorted by common name (binary search), placed
    // last so that the other tables' offsets stay as they were.
    let common_rows: Vec<_> = read_csv(&root.join("assets/common_names.csv"))
        .iter()
        .map(|r| (r[0].to_owned(), place(&r[1]), place(&r[2])))
        .collect();

    // The keys suggestions may name, by length in characters: names and label synonyms
    // (common, colour, former and trade names, and foreign label names but Chinese ones and
    // those of human-derived ingredients). A typo of a label word is not near a chemical,
    // INN or Chinese name, and `장미줄기세포배양추출물` (rose stem-cell culture) is two
    // characters from `인체줄기세포배양액추출물` (human). Sorting them at run time cost every
    // process that met an unknown name a pass over all keys (3.8 M instructions).
    let human_tissue: BTreeSet<usize> = read_csv(&root.join("assets/risk/origin.csv"))
        .iter()
        .filter(|r| &r[1] == "human_tissue")
        .filter_map(|r| index.get(&r[0]).copied())
        .collect();
    let mut by_length: Vec<Vec<u32>> = Vec::new();
    for (i, (key, _, syn)) in keys.iter().enumerate() {
        let label_word = syn.is_none_or(|k| {
            let (s, target) = &kept_synonyms[k];
            let (kind, lang) = s.kind.split_once(':').unwrap_or((s.kind.as_str(), ""));
            matches!(kind, "common" | "colour" | "former" | "trade")
                || (kind == "foreign" && lang != "zh" && !human_tissue.contains(target))
        });
        if !label_word {
            continue;
        }
        let n = key.chars().count();
        if by_length.len() <= n {
            by_length.resize_with(n + 1, Vec::new);
        }
        by_length[n].push(i as u32);
    }
    let mut suggest_starts = vec![0u32];
    for slots in &by_length {
        suggest_starts.push(suggest_starts.last().copied().unwrap_or(0) + slots.len() as u32);
    }

    let mut out = String::new();
    out.push_str("// This file is @generated by crates/inci-dict/tests/codegen.rs from assets/*.csv; do not edit.\n");
    out.push_str("// Regenerate: SNAPSHOTS=overwrite cargo test -p inci-dict --test codegen\n");
    out.push_str("#![allow(clippy::unreadable_literal)]\n\n");
    out.push_str("use crate::{CommonName, Key, RawEntry, RawSynonym};\n\n");
    writeln!(out, "pub const COSING_SOURCE: &str = {COSING_SOURCE:?};\n").ok();
    // Whether a JSON writer may copy an entry's name as it is: no quote, backslash or control
    // character in any name.
    let plain = entries
        .iter()
        .all(|e| !e.name.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'));
    writeln!(out, "pub const NAMES_NEED_NO_ESCAPE: bool = {plain};\n").ok();
    writeln!(out, "pub static BLOB: &str = {blob:?};\n").ok();
    writeln!(out, "pub static ENTRIES: &[RawEntry] = &[").ok();
    for (e, r) in entries.iter().zip(&entry_rows) {
        let nums: Vec<String> = r.iter().map(usize::to_string).collect();
        writeln!(
            out,
            "    RawEntry([{}]), // {}",
            nums.join(", "),
            e.name.replace('\n', " ")
        )
        .ok();
    }
    out.push_str("];\n\n");
    writeln!(out, "pub static SYNONYMS: &[RawSynonym] = &[").ok();
    for ((s, target), r) in kept_synonyms.iter().zip(&synonym_rows) {
        let (kind, lang) = s.kind.split_once(':').unwrap_or((s.kind.as_str(), ""));
        assert!(
            lang.is_empty() || inci_dict::Lang::from_code(lang).is_some(),
            "synonyms.csv: {:?} has language {lang:?}, which inci_dict::Lang does not know",
            s.alias
        );
        let kind = match kind {
            "common" => inci_dict::SynonymKind::Common,
            "foreign" => inci_dict::SynonymKind::Foreign,
            "colour" => inci_dict::SynonymKind::Colour,
            "inn" => inci_dict::SynonymKind::Inn,
            "pheur" => inci_dict::SynonymKind::PhEur,
            "chemical" => inci_dict::SynonymKind::Chemical,
            "former" => inci_dict::SynonymKind::Former,
            "trade" => inci_dict::SynonymKind::Trade,
            other => panic!("unknown synonym kind {other}"),
        };
        let kind = inci_dict::SynonymKind::ALL
            .iter()
            .position(|k| *k == kind)
            .expect("a kind of ALL");
        writeln!(
            out,
            "    RawSynonym([{}, {}, {target}, {kind}, {}, {}, {}, {}]), // {}",
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            s.alias.replace('\n', " ")
        )
        .ok();
    }
    out.push_str("];\n\n");
    writeln!(out, "pub static KEYS: &[Key] = &[").ok();
    for ((_, entry, syn), (off, len)) in keys.iter().zip(&key_rows) {
        let syn = syn.map_or(u32::MAX, |s| s as u32);
        writeln!(out, "    Key({off}, {len}, {entry}, {syn}),").ok();
    }
    out.push_str("];\n\n");
    u32_table(&mut out, "SLOTS", &slots);
    writeln!(out, "pub static COMPACT_KEYS: &[Key] = &[").ok();
    for ((_, entry, syn), (off, len)) in compact_keys.iter().zip(&compact_rows) {
        let syn = syn.map_or(u32::MAX, |s| s as u32);
        writeln!(out, "    Key({off}, {len}, {entry}, {syn}),").ok();
    }
    out.push_str("];\n\n");
    u32_table(&mut out, "COMPACT_SLOTS", &compact_slots);
    writeln!(out, "pub static COMMON_NAMES: &[CommonName] = &[").ok();
    for (common, (a, b), (c, d)) in &common_rows {
        writeln!(
            out,
            "    CommonName {{ common: {common:?}, rest: [{a}, {b}, {c}, {d}] }},"
        )
        .ok();
    }
    out.push_str("];\n\n");
    // Entry ids with a CAS number, sorted by it: names of one substance (CI 77891 and
    // TITANIUM DIOXIDE) are found by binary search instead of a scan of every entry.
    let mut by_cas: Vec<(&str, usize)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.cas.is_empty())
        .map(|(i, e)| (e.cas.as_str(), i))
        .collect();
    by_cas.sort();
    let by_cas: Vec<u32> = by_cas.iter().map(|&(_, i)| i as u32).collect();
    u32_table(&mut out, "BY_CAS", &by_cas);
    writeln!(out, "pub static JOIN_PREFIXES: &[&str] = &[").ok();
    for p in &prefixes {
        writeln!(out, "    {p:?},").ok();
    }
    out.push_str("];\n\n");
    // The first words of the join prefixes as an open-addressing table over one string,
    // hashed as the dictionary's keys are: the parser's pre-check looks a piece's first word
    // up here, where a set built at the first lookup cost every start 100,000 instructions.
    let words: BTreeSet<&str> = prefixes
        .iter()
        .map(|p| inci_dict::codegen_support::first_word(p))
        .filter(|w| !w.is_empty())
        .collect();
    let mut text = String::new();
    let mut slots = vec![u32::MAX; (words.len() * 2).next_power_of_two()];
    let mask = slots.len() - 1;
    for w in &words {
        assert!(
            w.len() < 256 && text.len() < 1 << 24,
            "join word table outgrew its packing"
        );
        let packed = ((text.len() as u32) << 8) | w.len() as u32;
        text.push_str(w);
        let mut i = inci_dict::codegen_support::hash(w) as usize & mask;
        while slots[i] != u32::MAX {
            i = (i + 1) & mask;
        }
        slots[i] = packed;
    }
    writeln!(out, "pub static JOIN_WORDS: &str = {text:?};\n").ok();
    u32_table(&mut out, "SUGGEST_SLOTS", &by_length.concat());
    u32_table(&mut out, "SUGGEST_STARTS", &suggest_starts);
    // The counts of each of those keys' characters, in the same order: the search compares
    // them with the query's before any distance, and computing them at run time cost a
    // process that met an unknown name about 1.2 M instructions, a catalog 12 M.
    writeln!(out, "pub static SUGGEST_SIGNATURES: &[[u8; 32]] = &[").ok();
    for &slot in by_length.iter().flatten() {
        let sig = inci_dict::codegen_support::suggest_signature(&keys[slot as usize].0);
        let line: Vec<String> = sig.iter().map(u8::to_string).collect();
        writeln!(out, "    [{}],", line.join(", ")).ok();
    }
    out.push_str("];\n\n");
    u32_table(&mut out, "JOIN_WORD_SLOTS", &slots);
    // The set of the join words' first two bytes and lengths, a filter before the hash.
    let mut starts = vec![0u64; 512];
    for w in &words {
        let bit = inci_dict::codegen_support::join_start_bit(w);
        starts[bit / 64] |= 1 << (bit % 64);
    }
    writeln!(out, "pub static JOIN_STARTS: &[u64] = &[").ok();
    for chunk in starts.chunks(8) {
        let line: Vec<String> = chunk.iter().map(|v| format!("{v:#x}")).collect();
        writeln!(out, "    {},", line.join(", ")).ok();
    }
    out.push_str("];\n\n");
    // The file ends with one line break, not the blank line a table leaves.
    out.pop();
    (out, collisions)
}

/// The risk tables: each CSV row becomes a struct literal keyed by entry id, sorted by it.
fn generate_risk(root: &Path) -> String {
    let names: Vec<String> = read_csv(&root.join("assets/cosing.csv"))
        .iter()
        .map(|r| r[0].to_owned())
        .collect();
    let id = |name: &str| -> usize {
        names
            .binary_search_by(|n| n.as_str().cmp(name))
            .unwrap_or_else(|_| panic!("risk data names unknown {name}"))
    };
    let level = |s: &str| match s {
        "low" => "Level::Low",
        "medium" => "Level::Medium",
        "high" => "Level::High",
        other => panic!("unknown level {other}"),
    };
    let mut out = String::new();
    out.push_str("// This file is @generated by crates/inci-dict/tests/codegen.rs from assets/risk/*.csv; do not edit.\n");
    out.push_str("// Regenerate: SNAPSHOTS=overwrite cargo test -p inci-dict --test codegen\n\n");
    out.push_str(
        "use crate::market::{HumanRule, HumanScope, Market, RuleVerdict};\nuse crate::risk::{\n    Allergen, Annex, AnnexVerdict, Comedogenic, Irritant, IrritantKind, Level, Limit, Link,\n    OriginClass, ProductType, RawAnnex, RawFact, RawOrigin, Text,\n};\n\n",
    );
    // Which per-ingredient tables hold rows for each entry, one bit a table (the bits of
    // `Table` in risk.rs): `ENTRY_TABLES`, written after the tables.
    let mut entry_tables = vec![0u8; names.len()];
    let mut table = |name: &str,
                     ty: &str,
                     file: &str,
                     name_col: usize,
                     row: &dyn Fn(usize, &csv::StringRecord) -> Row| {
        let mut rows: Vec<(usize, Row)> = read_csv(&root.join("assets/risk").join(file))
            .iter()
            .map(|r| {
                let e = id(&r[name_col]);
                (e, row(e, r))
            })
            .collect();
        rows.sort();
        let bit = match name {
            "COMEDOGENIC" => 1,
            "IRRITANTS" => 2,
            "ALLERGENS" => 4,
            "ANNEX" => 8,
            "ORIGIN" => 16,
            _ => 0,
        };
        for &(e, _) in &rows {
            entry_tables[e] |= bit;
        }
        writeln!(out, "pub static {name}: &[{ty}] = &[").ok();
        for (_, r) in rows {
            writeln!(out, "    {},", r.text).ok();
        }
        out.push_str("];\n\n");
    };
    table(
        "COMEDOGENIC",
        "Comedogenic",
        "comedogenic.csv",
        0,
        &|e, r| {
            Row::plain(format!(
                "Comedogenic {{ entry: {e}, min: {}, max: {}, source: {:?} }}",
                &r[1], &r[2], &r[3]
            ))
        },
    );
    table("IRRITANTS", "Irritant", "irritants.csv", 0, &|e, r| {
        Row::plain({
            let kind = inci_dict::risk::IrritantKind::from_name(&r[2]).unwrap_or_else(|| {
                panic!(
                    "irritants.csv: unknown category {:?} for {:?}; add it to IrritantKind",
                    &r[2], &r[0]
                )
            });
            let note = if r[3].is_empty() {
                "None".to_owned()
            } else {
                format!("Some({:?})", &r[3])
            };
            format!(
                "Irritant {{ entry: {e}, severity: {}, category: {}, note: {note}, source: {:?} }}",
                level(&r[1]),
                kind.rust_path(),
                &r[4]
            )
        })
    });
    table("ALLERGENS", "Allergen", "allergens.csv", 0, &|e, r| {
        Row::plain({
            format!(
                "Allergen {{ entry: {e}, annex_ref: {:?}, original_26: {}, severity: {}, source: {:?} }}",
                &r[1],
                &r[2] == "yes",
                level(&r[3]),
                &r[4]
            )
        })
    });
    // The strings of facts, annex entries and origin facts go into one blob, each once, the
    // rows holding offsets: no relocation per string at start-up.
    let blob = std::cell::RefCell::new((String::new(), HashMap::<String, (usize, usize)>::new()));
    let place = |text: &str| -> (usize, usize) {
        let mut b = blob.borrow_mut();
        if let Some(&p) = b.1.get(text) {
            return p;
        }
        let p = (b.0.len(), text.len());
        b.0.push_str(text);
        b.1.insert(text.to_owned(), p);
        p
    };
    // Facts first: their places in the blob, and so their order within an entry, stay as
    // they were before the annex entries joined the blob.
    table("FACTS", "RawFact", "facts.csv", 0, &|e, r| {
        Row::plain({
            let (a, b) = place(&r[1]);
            let (c, d) = place(&r[2]);
            let (f, g) = place(&r[3]);
            format!("RawFact([{e}, {a}, {b}, {c}, {d}, {f}, {g}])")
        })
    });
    // Limits are keyed by annex entry, not by name.
    let mut limits: Vec<((String, String, u32), String)> =
        read_csv(&root.join("assets/risk/limits.csv"))
            .iter()
            .map(|r| {
                let scope: u32 = r[2].parse().expect("scope number");
                let max = if r[4].is_empty() {
                    "None".to_owned()
                } else {
                    let v: f32 = r[4].parse().expect("max_percent");
                    format!("Some({v:?})")
                };
                (
                    (annex(&r[0]).to_owned(), r[1].to_owned(), scope),
                    format!(
                        "Limit {{ annex: {}, reference: {:?}, product_types: {}, max_percent: {max}, scope: {:?}, expressed_as: {}, source: {:?} }}",
                        annex(&r[0]),
                        &r[1],
                        product_types(&r[3]),
                        &r[5],
                        optional(&r[6]),
                        &r[7]
                    ),
                )
            })
            .collect();
    limits.sort_by(|a, b| {
        let rank = |x: &str| {
            ["Annex::II", "Annex::III", "Annex::V", "Annex::VI"]
                .iter()
                .position(|a| *a == x)
        };
        (rank(&a.0.0), &a.0.1, a.0.2).cmp(&(rank(&b.0.0), &b.0.1, b.0.2))
    });
    // Each annex entry's scopes, as a range of the sorted limits table.
    let mut ranges: HashMap<(String, String), (usize, usize)> = HashMap::new();
    for (i, ((annex, reference, _), _)) in limits.iter().enumerate() {
        ranges
            .entry((annex.clone(), reference.clone()))
            .or_insert((i, i))
            .1 = i + 1;
    }
    let text = |s: &str| {
        let (offset, len) = place(s);
        format!("Text({offset}, {len})")
    };
    // Distinct product-type lists and mixture components, the empty one first: annex rows
    // hold their indices.
    let lists = std::cell::RefCell::new((vec![String::from("&[]")], vec![String::from("&[]")]));
    let index = |list: String, of_types: bool| -> usize {
        let mut l = lists.borrow_mut();
        let v = if of_types { &mut l.0 } else { &mut l.1 };
        let i = v.iter().position(|x| *x == list).unwrap_or_else(|| {
            v.push(list);
            v.len() - 1
        });
        assert!(
            i <= usize::from(u8::MAX),
            "more distinct lists than a u8 holds"
        );
        i
    };
    table("ANNEX", "RawAnnex", "annex.csv", 2, &|e, r| {
        let (start, end) = ranges
            .get(&(annex(&r[0]).to_owned(), r[1].to_owned()))
            .copied()
            .unwrap_or((0, 0));
        assert!(end <= usize::from(u16::MAX), "limits table outgrew u16");
        let condition = if r[7].is_empty() {
            "None".to_owned()
        } else {
            format!("Some({})", text(&r[7]))
        };
        // Sorted within an entry as the rows were when they held their texts.
        let key = format!(
            "{}, {:?}, {}, {}, {}, {}, {}, {:?}, {:?}, {:?}, &{:?}, {:?}",
            annex(&r[0]),
            &r[1],
            verdict(&r[3]),
            link(&r[4]),
            &r[5] == "yes",
            product_types(&r[6]),
            optional(&r[7]),
            &r[8],
            &r[9],
            &r[10],
            r[11]
                .split('|')
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>(),
            &r[13]
        );
        let text = format!(
            "RawAnnex {{ entry: {e}, annex: {}, verdict: {}, link: {}, nano_only: {}, product_types: {}, requires: {}, reference: {}, condition: {condition}, substance: {}, warning: {}, label_warnings: {}, source: {}, limits: ({start}, {end}) }}",
            annex(&r[0]),
            verdict(&r[3]),
            link(&r[4]),
            &r[5] == "yes",
            index(product_types(&r[6]), true),
            index(
                format!(
                    "&{:?}",
                    r[11]
                        .split('|')
                        .filter(|n| !n.is_empty())
                        .collect::<Vec<_>>()
                ),
                false
            ),
            text(&r[1]),
            text(&r[8]),
            text(&r[9]),
            text(&r[10]),
            // r[12], the basis of the identity verdict, is for review only.
            text(&r[13])
        );
        Row { key, text }
    });
    table("ORIGIN", "RawOrigin", "origin.csv", 0, &|e, r| {
        let key = format!(
            "{} {} {:?} {:?}",
            origin_class(&r[1]),
            &r[2] == "yes",
            &r[3],
            &r[4]
        );
        let text = format!(
            "RawOrigin {{ entry: {e}, origin: {}, vegetarian: {}, reason: {}, source: {} }}",
            origin_class(&r[1]),
            &r[2] == "yes",
            text(&r[3]),
            text(&r[4])
        );
        Row { key, text }
    });
    // Most entries are in no table: a byte string of `\0`s, 128 entries a line.
    out.push_str("pub static ENTRY_TABLES: &[u8] = b\"\\\n");
    for line in entry_tables.chunks(128) {
        out.push_str("    ");
        for &b in line {
            if b == 0 {
                out.push_str("\\0");
            } else {
                write!(out, "\\x{b:02x}").ok();
            }
        }
        out.push_str("\\\n");
    }
    out.push_str("\";\n\n");
    let (type_lists, requires_lists) = lists.into_inner();
    writeln!(out, "pub static PRODUCT_TYPE_LISTS: &[&[ProductType]] = &[").ok();
    for l in type_lists {
        writeln!(out, "    {l},").ok();
    }
    out.push_str("];\n\n");
    writeln!(out, "pub static REQUIRES_LISTS: &[&[&str]] = &[").ok();
    for l in requires_lists {
        writeln!(out, "    {l},").ok();
    }
    out.push_str("];\n\n");
    writeln!(out, "pub static LIMITS: &[Limit] = &[").ok();
    for (_, l) in limits {
        writeln!(out, "    {l},").ok();
    }
    out.push_str("];\n\n");
    // Market rules on human origin, in market order; `evidence` (r[8]) is for review only.
    let mut markets: Vec<(inci_dict::market::Market, String)> =
        read_csv(&root.join("assets/risk/markets.csv"))
            .iter()
            .map(|r| {
                let market = inci_dict::market::Market::from_code(&r[0])
                    .unwrap_or_else(|| panic!("markets.csv: unknown market {:?}", &r[0]));
                let scope = inci_dict::market::HumanScope::from_name(&r[1])
                    .unwrap_or_else(|| panic!("markets.csv: unknown scope {:?}", &r[1]));
                let verdict = inci_dict::market::RuleVerdict::from_name(&r[2])
                    .unwrap_or_else(|| panic!("markets.csv: unknown verdict {:?}", &r[2]));
                (
                    market,
                    format!(
                        "HumanRule {{ market: Market::{market:?}, applies_to: HumanScope::{scope:?}, verdict: RuleVerdict::{verdict:?}, summary: {:?}, condition: {:?}, legal_text: {:?}, citation: {:?}, inferred: {:?} }}",
                        &r[3], &r[4], &r[5], &r[6], &r[7]
                    ),
                )
            })
            .collect();
    markets.sort_by_key(|(m, _)| *m);
    writeln!(out, "pub static HUMAN_BY_MARKET: &[HumanRule] = &[").ok();
    for (_, m) in markets {
        writeln!(out, "    {m},").ok();
    }
    out.push_str("];\n");
    writeln!(out, "\npub static RISK_BLOB: &str = {:?};", blob.borrow().0).ok();
    out
}

fn annex(s: &str) -> &'static str {
    match s {
        "II" => "Annex::II",
        "III" => "Annex::III",
        "V" => "Annex::V",
        "VI" => "Annex::VI",
        other => panic!("unknown annex {other}"),
    }
}

fn verdict(s: &str) -> &'static str {
    match s {
        "prohibited" => "AnnexVerdict::Prohibited",
        "conditional" => "AnnexVerdict::Conditional",
        "listed_as_related" => "AnnexVerdict::ListedAsRelated",
        "restricted" => "AnnexVerdict::Restricted",
        other => panic!("unknown verdict {other}"),
    }
}

fn link(s: &str) -> &'static str {
    match s {
        "name" => "Link::Name",
        "cas" => "Link::Cas",
        "ec" => "Link::Ec",
        "cosing" => "Link::Cosing",
        "reviewed" => "Link::Reviewed",
        other => panic!("unknown link {other}"),
    }
}

fn product_types(s: &str) -> String {
    let types: Vec<&str> = s
        .split('|')
        .filter(|t| !t.is_empty())
        .map(|t| match t {
            "rinse_off" => "ProductType::RinseOff",
            "leave_on" => "ProductType::LeaveOn",
            "oral_care" => "ProductType::OralCare",
            "spray" => "ProductType::Spray",
            "hair_dye" => "ProductType::HairDye",
            "eye" => "ProductType::Eye",
            "other" => "ProductType::Other",
            "hand_soap" => "ProductType::HandSoap",
            "shower_gel" => "ProductType::ShowerGel",
            "shampoo" => "ProductType::Shampoo",
            "deodorant" => "ProductType::Deodorant",
            "powder" => "ProductType::Powder",
            "nail" => "ProductType::Nail",
            "toothpaste" => "ProductType::Toothpaste",
            "mouthwash" => "ProductType::Mouthwash",
            "lip" => "ProductType::Lip",
            "eyelash" => "ProductType::Eyelash",
            other => panic!("unknown product type {other}"),
        })
        .collect();
    format!("&[{}]", types.join(", "))
}

fn origin_class(s: &str) -> &'static str {
    match s {
        "human_tissue" => "OriginClass::HumanTissue",
        "human_sequence" => "OriginClass::HumanSequence",
        "animal" => "OriginClass::Animal",
        "ambiguous" => "OriginClass::Ambiguous",
        "not_animal" => "OriginClass::NotAnimal",
        other => panic!("unknown origin class {other}"),
    }
}

/// A generated table row and the key it is sorted by within its entry.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    key: String,
    text: String,
}

impl Row {
    /// A row sorted by its own text.
    fn plain(text: String) -> Row {
        Row {
            key: text.clone(),
            text,
        }
    }
}

/// Writes `pub static NAME: &[u32]`, sixteen values a line, and a blank line after it.
fn u32_table(out: &mut String, name: &str, values: &[u32]) {
    writeln!(out, "pub static {name}: &[u32] = &[").ok();
    for chunk in values.chunks(16) {
        let line: Vec<String> = chunk.iter().map(u32::to_string).collect();
        writeln!(out, "    {},", line.join(", ")).ok();
    }
    out.push_str("];\n\n");
}

fn optional(s: &str) -> String {
    if s.is_empty() {
        "None".to_owned()
    } else {
        format!("Some({s:?})")
    }
}

#[test]
fn risk_codegen_is_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    check_or_write(&root.join("src/risk_codegen.rs"), &generate_risk(root));
}

fn check_or_write(target: &Path, generated: &str) {
    let current = std::fs::read_to_string(target).unwrap_or_default();
    if current != generated {
        if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
            std::fs::write(target, generated).expect("write generated file");
        } else {
            panic!(
                "{} is stale; run `SNAPSHOTS=overwrite cargo test -p inci-dict --test codegen`",
                target.display()
            );
        }
    }
}

#[test]
fn codegen_is_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (generated, _) = generate(root);
    let target = root.join("src/cosing_codegen.rs");
    let current = std::fs::read_to_string(&target).unwrap_or_default();
    if current != generated {
        if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
            std::fs::write(&target, generated).expect("write generated file");
        } else {
            panic!(
                "{} is stale; run `SNAPSHOTS=overwrite cargo test -p inci-dict --test codegen`",
                target.display()
            );
        }
    }
}

/// Names that fold to the same key are listed here with the reason; a new one fails the test.
#[test]
fn folding_collisions_are_known() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_, collisions) = generate(root);
    // CosIng lists these twice, once with a stray space after a slash; the spaced copy
    // resolves to the unspaced one (same name once spaces around `/` are ignored).
    let expected = [
        "ACETOBACTER/LYCIUM CHINENSE FRUIT/REHMANNIA GLUTINOSA ROOT/CUSCUTA CHINENSIS FRUIT/CISTANCHE DESERTICOLA/ZANTHOXYLUM PIPERITUM FRUIT/CHRYSANTHEMUM MORIFOLIUM FRUIT/PORIA COCOS/CINNAMOMUM CASSIA FERMENT",
        "ALPINIA SPECIOSA FLOWER/LEAF/SEED/STEM EXTRACT",
        "CHRYSANTHEMUM INDICUM/ERIGERON ANNUUS EXTRACT",
        "HYDROXYETHYL/METHOXYETHYL ACRYLATE/BUTYL ACRYLATE COPOLYMER",
        "LACTOBACILLUS/SACCHAROMYCES/GLUCOSE/CABBAGE LEAF/LETTUCE LEAF/GARLIC LEAF/PERILLA FRUTESCENS LEAF/BRASSICA RAPA CHINENSIS/BRASSICA RAPA PERUVIRIDIS/CARROT ROOT/GINGER ROOT/CUCUMBER FRUIT/MELON FRUIT/WATERMELON FRUIT/CAPSICUM ANNUUM FRUIT/CITRUS HASSAKU FRUIT/CITRUS JUNOS FRUIT/LEMON FRUIT/CAULIFLOWER/PEACH FRUIT/CITRUS SALICINA FRUIT/SWEET CHERRY FRUIT/FIG FRUIT/LENTINUS EDODES/ASPARAGUS STEM/BRASSICA RAPA PEKINENSIS LEAF/CHRYSANTHEMUM CORONARIUM/CRYPTOTAENIA JAPONICA/BRUSSELS SPROUTS/CELERY/RAPHANUS SATIVUS/TURNIP ROOT/RADISH/TOMATO FRUIT/PINEAPPLE FRUIT/HIBISCUS ESCULENTUS FRUIT/CITRUS UNSHIU FRUIT/TANGERINE FRUIT/CITRUS NATSUDAIDAI FRUIT/BROCCOLI FLOWER/APPLE FRUIT/PEAR FRUIT/GRAPE FRUIT/ERIOBOTRYA JAPONICA FRUIT/HYPSIZIGUS MARMOREUS/FLAMMULINA VELUTIPES/STRAWBERRY FRUIT/UNDARIA PINNATIFIDA/LAMINARIA JAPONICA FERMENT FILTRATE",
    ];
    assert_eq!(collisions, expected);
}
