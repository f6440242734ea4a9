//! Fuzz the whole scan path: any bytes must decode or fail cleanly, and any text must parse
//! into tokens that cover it exactly, then resolve and be analysed for every market without
//! panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = inci_cli::error::decode_utf8(data.to_vec(), "fuzz") else {
        return;
    };
    let label = inci::parse(&text, &inci::Cosing);
    if let Err(e) = label.verify() {
        panic!("invariant broken: {e}");
    }
    // Every market, so that each market's rule and the coverage notes run on any text.
    let _ = inci::scan::Scanner::new()
        .markets(inci::market::Markets::all())
        .report(&label);
});
