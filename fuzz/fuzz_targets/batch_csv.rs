//! Fuzz `inci batch` over arbitrary CSV bytes: no panic, and nothing lost. Every data row the
//! CSV reader sees yields exactly one record (a scan or an error; per ingredient, one or more),
//! in order, and the summary
//! counts them; the run ends either well or with a batch error, never a panic. Every output
//! line is valid JSON.
#![no_main]

use inci_cli::batch::{Options, OutputFormat};
use inci::risk::Profile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the column name and the separator, so headers that have the column
    // and headers that do not are both reached.
    let (column, delimiter, body) = match data.split_first() {
        Some((b, rest)) => (
            if b & 1 == 0 { "ing" } else { "Ingredients" },
            match (b >> 1) % 4 {
                0 => None,
                1 => Some(inci_cli::batch::Delimiter::Comma),
                2 => Some(inci_cli::batch::Delimiter::Semicolon),
                _ => Some(inci_cli::batch::Delimiter::Tab),
            },
            rest,
        ),
        None => ("ing", None, data),
    };
    let options = Options {
        column: column.to_owned(),
        id_columns: Vec::new(),
        // Per ingredient for a fifth of the inputs: a row's records may then be several.
        per: if data.len() % 5 == 0 {
            inci_cli::batch::Per::Ingredient
        } else {
            inci_cli::batch::Per::Product
        },
        format: OutputFormat::Jsonl,
        strict: false,
        profile: Profile::General,
        product_type: None,
        // Every market for a third of the inputs: each market's findings in the records.
        markets: if data.len() % 3 == 0 {
            inci::market::Markets::all()
        } else {
            inci::market::Markets::default()
        },
        correct: data.len() % 7 != 0,
        delimiter,
        // Both paths: the memo's records must be those of a scan of every row.
        memo: data.len() % 2 == 0,
        threads: None,
        files: None,
        cancel: None,
    };
    let mut out = Vec::new();
    let input: Box<dyn std::io::Read + Send> = Box::new(std::io::Cursor::new(body.to_vec()));
    let Ok(summary) = inci_cli::batch::run(input, &mut out, &options, &|_, _| {}) else {
        return;
    };
    let text = String::from_utf8(out).expect("output is UTF-8");
    let mut rows = 0u64;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        // Per ingredient, a row's records follow one another; per product there is one.
        if options.per == inci_cli::batch::Per::Ingredient && v["row"] == rows {
            continue;
        }
        rows += 1;
        assert_eq!(v["row"], rows, "records in order, every row");
    }
    assert_eq!(summary.rows, rows, "the summary counts every record");
});
