//! Fuzz `inci lint`: any text lints without panicking, every span and fix edit lies on the
//! text's character boundaries, every renderer accepts the lints, and the text with all fixes
//! applied (unsafe ones too) still parses losslessly.
#![no_main]

use inci::lint::{Applicability, Config, LintedFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = inci_cli::error::decode_utf8(data.to_vec(), "fuzz") else {
        return;
    };
    // The first byte picks the markets (the EU alone, Korea alone, or every market), so that
    // each market's L003 and L009 paths run.
    let mut config = Config::default();
    config.markets = match data.first().map(|b| b % 3) {
        Some(1) => inci::market::Markets::only(inci::market::Market::Kr),
        Some(2) => inci::market::Markets::all(),
        _ => inci::market::Markets::default(),
    };
    let file = LintedFile::new("fuzz.txt".into(), text.clone(), &config);
    let ok = |s: inci::Span| s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
    for l in &file.lints {
        assert!(ok(l.span), "lint span {:?}", l);
        for e in l.fix.iter().flat_map(|f| &f.edits) {
            assert!(ok(e.span), "edit span {:?}", e);
        }
    }
    let files = [file];
    let _ = inci_cli::render::to_string(|o| inci_cli::render::lint_text::write(o, &files[0], false));
    let _ = inci_cli::render::to_string(|o| inci_cli::render::lint_json::write(o, &files));
    let _ = inci_cli::render::to_string(|o| inci_cli::render::sarif::write(o, &files));
    let _ = inci_cli::render::to_string(|o| inci_cli::render::github::write(o, &files));
    let (fixed, _) = inci::lint::fix_text(&text, &files[0].lints, &config, Applicability::Unsafe);
    if let Err(e) = inci::parse(&fixed, &inci::Cosing).verify() {
        panic!("fixed text breaks the parser: {e}");
    }
});
