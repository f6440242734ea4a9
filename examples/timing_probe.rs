//! Probe: time of the slow paths (suggestions for unknown names, pathological brackets).
fn main() {
    for text in ["Phyllostachis Bambusoides Juice", "Glycerine", "xq", "Visit the Dior boutique now please", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"] {
        let t = std::time::Instant::now();
        let n = 100;
        for _ in 0..n {
            std::hint::black_box(inci::resolve(text));
        }
        println!("{text}: {:?} per resolve", t.elapsed() / n);
    }
}
