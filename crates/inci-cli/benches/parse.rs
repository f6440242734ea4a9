//! Parse + resolve throughput on named, realistic samples: one label, a long label, and the
//! whole Sephora catalog (skipped when `../shared` is absent).
//!
//! `cargo bench --bench parse`; figures are recorded in the README.

#![allow(missing_docs)] // criterion_group! generates an undocumented function

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

const ONE_LABEL: &str = "Water, Glycerin, Pentylene Glycol, Dimethicone, Caprylic/Capric Triglyceride, Polyglyceryl-2 Diisostearate, Phenoxyethanol, Bisabolol, Hydrolyzed Soy Protein, Ammonium Acryloyldimethyltaurate/Vp Copolymer, Polysilicone-11, Polyacrylamide, Acrylates/C10-30 Alkyl Acrylate Crosspolymer, Caffeine, Cetearyl Alcohol, Cetyl Alcohol, C13-14 Isoparaffin, Butylene Glycol, Glucosyl Hesperidin, Disodium Edta, Sodium Hydroxide, Laureth-7, Cetearyl Glucoside, Adenosine, Ectoin, Hesperidin Methyl Chalcone, Sodium Hyaluronate, Steareth-20, Lecithin, Alcohol, Parfum (Fragrance), Limonene, Linalool.";

const FLAGSHIP: &str = "Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Isopropyl Myristate, Parfum, Linalool";

#[path = "../examples/common/catalog.rs"]
mod catalog;

fn sephora() -> Option<Vec<String>> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/sephora_cosmetics.csv");
    catalog::read_column(&path, "Ingredients").ok()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("scan");
    for (name, text) in [("one_label", ONE_LABEL), ("flagship", FLAGSHIP)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| inci::scan(black_box(text))));
    }
    if let Some(rows) = sephora() {
        let bytes: usize = rows.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.bench_function("sephora_catalog", |b| {
            b.iter(|| {
                rows.iter()
                    .map(|r| inci::scan(black_box(r)).ingredients.len())
                    .sum::<usize>()
            })
        });
    } else {
        eprintln!("sephora_catalog skipped: ../shared/corpus absent");
    }
    g.finish();

    // The risk engine's cost on top of parse + resolve (aim: at most 40 %).
    let mut g = c.benchmark_group("analysis");
    for (name, text) in [("one_label", ONE_LABEL), ("flagship", FLAGSHIP)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{name}/parse_resolve"), |b| {
            b.iter(|| inci::scan::ingredients(&inci::parse(black_box(text), &inci::Cosing)).len())
        });
        g.bench_function(format!("{name}/parse_resolve_analyze"), |b| {
            b.iter(|| {
                let ings = inci::scan::ingredients(&inci::parse(black_box(text), &inci::Cosing));
                inci::risk::analyze(&ings, &inci::risk::Options::default())
                    .findings
                    .len()
            })
        });
    }
    if let Some(rows) = sephora() {
        let bytes: usize = rows.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.bench_function("sephora_catalog/parse_resolve", |b| {
            b.iter(|| {
                rows.iter()
                    .map(|r| {
                        inci::scan::ingredients(&inci::parse(black_box(r), &inci::Cosing)).len()
                    })
                    .sum::<usize>()
            })
        });
        g.bench_function("sephora_catalog/parse_resolve_analyze", |b| {
            b.iter(|| {
                rows.iter()
                    .map(|r| {
                        let ings =
                            inci::scan::ingredients(&inci::parse(black_box(r), &inci::Cosing));
                        inci::risk::analyze(&ings, &inci::risk::Options::default())
                            .findings
                            .len()
                    })
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    // `inci lint`: the rules on top of parse + resolve, and rendering the diagnostics.
    let mut g = c.benchmark_group("lint");
    let config = inci::lint::Config::default();
    for (name, text) in [("one_label", ONE_LABEL), ("flagship", FLAGSHIP)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{name}/lint"), |b| {
            b.iter(|| inci::lint::lint(black_box(text), &config).len())
        });
        g.bench_function(format!("{name}/lint_render_text"), |b| {
            b.iter(|| {
                let file =
                    inci::lint::LintedFile::new(String::new(), black_box(text).to_owned(), &config);
                inci_cli::render::to_string(|o| inci_cli::render::lint_text::write(o, &file, false))
                    .map_or(0, |s| s.len())
            })
        });
    }
    if let Some(rows) = sephora() {
        let bytes: usize = rows.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.bench_function("sephora_catalog/lint", |b| {
            b.iter(|| {
                rows.iter()
                    .map(|r| inci::lint::lint(black_box(r), &config).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
