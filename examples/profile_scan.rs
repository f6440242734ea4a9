//! Scans one label many times, for profilers: `cargo run --release --example profile_scan`.
fn main() {
    let label = "Water, Glycerin, Pentylene Glycol, Dimethicone, Caprylic/Capric Triglyceride, Polyglyceryl-2 Diisostearate, Phenoxyethanol, Bisabolol, Hydrolyzed Soy Protein, Ammonium Acryloyldimethyltaurate/Vp Copolymer, Polysilicone-11, Polyacrylamide, Acrylates/C10-30 Alkyl Acrylate Crosspolymer, Caffeine, Cetearyl Alcohol, Cetyl Alcohol, C13-14 Isoparaffin, Butylene Glycol, Glucosyl Hesperidin, Disodium Edta, Sodium Hydroxide, Laureth-7, Cetearyl Glucoside, Adenosine, Ectoin, Hesperidin Methyl Chalcone, Sodium Hyaluronate, Steareth-20, Lecithin, Alcohol, Parfum (Fragrance), Limonene, Linalool.";
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let mut total = 0;
    for _ in 0..n {
        total += inci::scan(std::hint::black_box(label)).ingredients.len();
    }
    println!("{total}");
}
