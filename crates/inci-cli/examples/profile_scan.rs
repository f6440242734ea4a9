//! Scans one label many times, for profilers, and splits the cost between parsing, resolving
//! and the risk analysis: `cargo run --release --example profile_scan [N]`.
use std::time::Instant;

const LABEL: &str = "Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Isopropyl Myristate, Parfum, Linalool";

fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let mode = std::env::args().nth(2).unwrap_or_default();
    let label = inci::parse(LABEL, &inci::Cosing);
    let ings = inci::scan::ingredients(&label);
    let t = Instant::now();
    let mut k = 0;
    for _ in 0..n {
        k += match mode.as_str() {
            "analyze" => {
                inci::risk::analyze(std::hint::black_box(&ings), &inci::risk::Options::default())
                    .findings
                    .len()
            }
            "parse" => inci::parse(std::hint::black_box(LABEL), &inci::Cosing)
                .items
                .len(),
            _ => inci::scan(std::hint::black_box(LABEL)).ingredients.len(),
        };
    }
    let per = t.elapsed() / n;
    println!(
        "{mode}: {per:?} per label ({:.1} MB/s), {k}",
        LABEL.len() as f64 / per.as_secs_f64() / 1e6
    );
}
