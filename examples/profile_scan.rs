//! Scans one label many times, for profilers and a quick split of the cost between parsing
//! and resolving: `cargo run --release --example profile_scan [N]`.
use std::time::Instant;

const LABEL: &str = "Water, Glycerin, Pentylene Glycol, Dimethicone, Caprylic/Capric Triglyceride, Polyglyceryl-2 Diisostearate, Phenoxyethanol, Bisabolol, Hydrolyzed Soy Protein, Ammonium Acryloyldimethyltaurate/Vp Copolymer, Polysilicone-11, Polyacrylamide, Acrylates/C10-30 Alkyl Acrylate Crosspolymer, Caffeine, Cetearyl Alcohol, Cetyl Alcohol, C13-14 Isoparaffin, Butylene Glycol, Glucosyl Hesperidin, Disodium Edta, Sodium Hydroxide, Laureth-7, Cetearyl Glucoside, Adenosine, Ectoin, Hesperidin Methyl Chalcone, Sodium Hyaluronate, Steareth-20, Lecithin, Alcohol, Parfum (Fragrance), Limonene, Linalool.";

fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let t = Instant::now();
    let mut items = 0;
    for _ in 0..n {
        items += inci::parse(std::hint::black_box(LABEL), &inci::Cosing)
            .items
            .len();
    }
    let parse = t.elapsed() / n;
    let t = Instant::now();
    for _ in 0..n {
        items += inci::scan(std::hint::black_box(LABEL)).ingredients.len();
    }
    let scan = t.elapsed() / n;
    let mbps = |d: std::time::Duration| LABEL.len() as f64 / d.as_secs_f64() / 1e6;
    println!(
        "parse: {parse:?} ({:.1} MB/s); parse+resolve: {scan:?} ({:.1} MB/s); {items} items",
        mbps(parse),
        mbps(scan)
    );
}
