//! Scan one label and print each ingredient with its canonical name, then each finding with
//! its source.
//!
//! `cargo run -p inci --example scan_label -- "Aqua, Glycerin, Parfum (Fragrance)"`
//! (no argument: the flagship serum).

use inci::risk::Profile;
use inci::scan::Scanner;

fn main() {
    let text = std::env::args().nth(1).unwrap_or_else(|| {
        "Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, \
         Isopropyl Myristate, Parfum, Linalool"
            .to_owned()
    });
    let report = Scanner::new().profile(Profile::General).scan(&text);
    for (n, ing) in report.ingredients.iter().enumerate() {
        let name = ing.name.unwrap_or("(unknown)");
        println!("{:>3}  {:<40} {name}", n + 1, ing.raw.trim());
    }
    println!("vegan: {}, vegetarian: {}", report.vegan, report.vegetarian);
    for f in &report.findings {
        println!("{} {} {}", f.code, f.severity.as_str(), f.message);
        println!("     source: {}", f.source);
    }
}
