//! Any bytes as a file handed to inci: told apart by signature, decoded within limits when an
//! image (and measured for straightening), and read as tesseract TSV: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = inci_ocr::inspect(data);
    let _ = inci_ocr::tesseract::parse_tsv(&String::from_utf8_lossy(data));
});
