//! Lists every CosIng name the origin classifier calls human or animal, for review:
//! `cargo run --release --example origin_review`.
fn main() {
    for e in inci_dict::entries() {
        if let Some(v) = inci::origin::classify_words(&inci_dict::fold(e.name)) {
            println!(
                "{:?}\t{:?}\t{}\t{}",
                v.origin, v.certainty, e.name, v.reason
            );
        }
    }
}
