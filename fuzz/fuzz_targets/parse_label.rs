//! Fuzz the whole scan path: any bytes must decode or fail cleanly, and any text must parse
//! into tokens that cover it exactly, then resolve without panicking.
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
    let _ = inci::scan::Scanner::new().report(&label);
});
