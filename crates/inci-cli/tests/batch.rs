//! `inci batch` end to end: row counts kept, bad rows reported, formats, inputs, errors.

mod common;

use common::inci;
use std::io::Write;
use std::process::Output;

fn fixture(name: &str) -> String {
    format!(
        "{}/../../fixtures/catalogs/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("inci-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    dir.join(name)
}

/// Runs `inci batch` on a file written by the test, with `args` after the path.
fn batch_file(path: &std::path::Path, args: &[&str]) -> Output {
    let mut all = vec!["batch", path.to_str().expect("path")];
    all.extend_from_slice(args);
    inci(&all, None)
}

#[test]
fn every_row_yields_one_record_in_order_and_bad_rows_say_why() {
    let out = inci(
        &[
            "batch",
            &fixture("bad_rows.csv"),
            "--column",
            "Ingredients",
            "--id-column",
            "SKU",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out);
    let rows: Vec<u64> = recs
        .iter()
        .map(|r| r["row"].as_u64().expect("row"))
        .collect();
    assert_eq!(rows, [1, 2, 3, 4, 5, 6, 7]);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["B1", "B2", "B3", "B4", "B5", "B6", "B7"]);
    let err = |i: usize| recs[i]["error"].as_str().unwrap_or("").to_owned();
    assert!(recs[0]["error"].is_null() && recs[0]["ingredients"][1]["name"] == "GLYCERIN");
    assert!(err(1).contains("ragged row: 4 fields"), "{}", err(1));
    assert!(err(2).contains("empty ingredient cell"));
    assert!(
        err(3).contains("not valid UTF-8") && err(3).contains("offset 9"),
        "{}",
        err(3)
    );
    assert!(err(4).contains("2 fields"));
    assert!(
        err(5).contains("check the quoting"),
        "a stray quote shows as a ragged row: {}",
        err(5)
    );
    assert_eq!(recs[6]["ingredients"][1]["name"], "PARFUM");
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("rows: 7  errors: 5"), "{summary}");
    assert!(summary.contains("error at row 4"), "{summary}");
}

#[test]
fn bom_and_crlf_are_fine_and_csv_keeps_the_columns() {
    let out = inci(
        &[
            "batch",
            &fixture("good.csv"),
            "--column",
            "Ingredients",
            "--format",
            "csv",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = rdr.headers().expect("headers").clone();
    assert_eq!(
        &headers[0], "SKU",
        "the BOM is not part of the first header"
    );
    assert!(headers.iter().any(|h| h == "inci_human_derived"));
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3);
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    assert_eq!(&rows[0][col("inci_human_derived")], "yes");
    assert!(rows[0][col("inci_codes")].contains("CO001"));
    assert_eq!(&rows[2][col("inci_unknown")], "Thylparaben");
    assert_eq!(
        &rows[1][col("Ingredients")],
        "Aqua, Butyrospermum Parkii (Shea, Karite) Butter, Phenoxyethanol"
    );
}

#[test]
fn markets_give_each_row_each_market_verdict() {
    let out = inci(
        &[
            "batch",
            &fixture("good.csv"),
            "--column",
            "Ingredients",
            "--format",
            "csv",
            "--market",
            "eu,kr,us",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = rdr.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert_eq!(
        &rows[0][col("inci_market_verdicts")],
        "eu:prohibited kr:allowed_with_conditions us:no_specific_rule"
    );
    assert_eq!(&rows[1][col("inci_market_verdicts")], "");
    // JSON Lines: each record lists the markets applied and their verdict findings.
    let out = inci(
        &[
            "batch",
            &fixture("good.csv"),
            "--column",
            "Ingredients",
            "--market",
            "kr",
        ],
        None,
    );
    let recs = records(&out);
    assert_eq!(recs[0]["markets"][0]["market"], "kr");
    let m001: Vec<&serde_json::Value> = recs[0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "M001")
        .collect();
    assert_eq!(m001.len(), 1);
    assert_eq!(
        m001[0]["market_verdict"]["verdict"],
        "allowed_with_conditions"
    );
    // Korea has no EU annex data: no R003 for the linalool of row 1.
    assert!(
        recs[0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f["code"] != "R003" && f["code"] != "R416")
    );
    let bad = inci(
        &[
            "batch",
            &fixture("good.csv"),
            "--column",
            "Ingredients",
            "--market",
            "xx",
        ],
        None,
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown market \"xx\""));
}

#[test]
fn gzip_and_stdin_inputs_match_the_file() {
    let plain = inci(
        &["batch", &fixture("good.csv"), "--column", "Ingredients"],
        None,
    );
    let bytes = std::fs::read(fixture("good.csv")).expect("fixture");
    let gz = tmp("good.csv.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).expect("create"),
        flate2::Compression::fast(),
    );
    enc.write_all(&bytes).expect("compress");
    enc.finish().expect("finish");
    let from_gz = batch_file(&gz, &["--column", "Ingredients"]);
    let from_stdin = inci(&["batch", "-", "--column", "Ingredients"], Some(&bytes));
    assert_eq!(plain.stdout, from_gz.stdout);
    assert_eq!(plain.stdout, from_stdin.stdout);
    assert_eq!(records(&plain).len(), 3);
}

#[test]
fn a_cell_over_one_megabyte_is_an_error_record() {
    let path = tmp("huge.csv");
    let huge = "Aqua, ".repeat(200_000);
    std::fs::write(&path, format!("id,ing\n1,\"{huge}\"\n2,Glycerin\n")).expect("write");
    let out = batch_file(&path, &["--column", "ing"]);
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert!(
        recs[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("over the 1048576-byte limit"))
    );
    assert_eq!(recs[1]["ingredients"][0]["name"], "GLYCERIN");
}

#[test]
fn missing_column_lists_the_columns_and_strict_stops() {
    let out = inci(&["batch", &fixture("good.csv"), "--column", "INCI"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no column named \"INCI\"") && err.contains("SKU, Name, Ingredients"),
        "{err}"
    );
    let out = inci(
        &[
            "batch",
            &fixture("bad_rows.csv"),
            "--column",
            "Ingredients",
            "--strict",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("row 2: ragged row"));
    let out = inci(&["batch", "no-such-catalog.csv", "--column", "x"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-catalog.csv"));
}

#[test]
fn summary_file_is_json_and_output_file_is_written() {
    let summary = tmp("summary.json");
    let output = tmp("out.jsonl");
    let out = inci(
        &[
            "batch",
            &fixture("good.csv"),
            "--column",
            "Ingredients",
            "-o",
            output.to_str().expect("p"),
            "--summary",
            summary.to_str().expect("p"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let s: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&summary).expect("summary")).expect("json");
    assert_eq!(s["rows"], 3);
    assert_eq!(s["errors"], 0);
    assert_eq!(s["products_with_human_derived"], 1);
    assert!(
        s["findings_by_category"]["co_occurrence"]
            .as_u64()
            .is_some_and(|n| n >= 1)
    );
    assert_eq!(
        std::fs::read_to_string(&output)
            .expect("output")
            .lines()
            .count(),
        3
    );
}

#[test]
fn output_dash_is_standard_output_not_a_file_named_dash() {
    // Run in a directory of its own, so a file named `-` would be seen there.
    let dir = tmp("dash-out");
    std::fs::create_dir_all(&dir).expect("dir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_inci"))
        .current_dir(&dir)
        .args([
            "batch",
            &fixture("good.csv"),
            "--column",
            "Ingredients",
            "-o",
            "-",
        ])
        .output()
        .expect("inci runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(records(&out).len(), 3);
    assert!(!dir.join("-").exists(), "a file named `-` was written");
    // The same records as with no `-o` at all.
    let plain = inci(
        &["batch", &fixture("good.csv"), "--column", "Ingredients"],
        None,
    );
    assert_eq!(out.stdout, plain.stdout);
}

#[test]
fn many_rows_across_chunks_stay_in_order() {
    let path = tmp("many.csv");
    let mut text = String::from("n,ing\n");
    for i in 0..5000 {
        let ing = if i % 7 == 0 {
            ""
        } else {
            "Aqua, Glycerin, Parfum"
        };
        text.push_str(&format!("{i},\"{ing}\"\n"));
    }
    std::fs::write(&path, text).expect("write");
    let out = batch_file(&path, &["--column", "ing", "--id-column", "n"]);
    let recs = records(&out);
    assert_eq!(recs.len(), 5000);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["row"], i as u64 + 1);
        assert_eq!(r["id"], i.to_string());
        assert_eq!(r["error"].is_string(), i % 7 == 0);
    }
}

#[test]
fn long_cells_close_chunks_by_bytes_and_stay_in_order() {
    // Ten cells of ~300 KB pass `CHUNK_BYTES` within a chunk: the chunk must close at the byte
    // bound (memory stays bounded by bytes, not rows) and rows after it must still come out
    // once each, in order.
    const { assert!(10 * 300_000 > inci_cli::batch::CHUNK_BYTES) };
    let path = tmp("long_cells.csv");
    let cell = vec!["Aqua, Glycerin, Parfum"; 300_000 / 24].join(", ");
    let mut text = String::from("n,ing\n");
    for i in 0..10 {
        let ing = if i == 4 { "" } else { cell.as_str() };
        text.push_str(&format!("{i},\"{ing}\"\n"));
    }
    std::fs::write(&path, text).expect("write");
    let out = batch_file(
        &path,
        &["--column", "ing", "--id-column", "n", "--format", "csv"],
    );
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let ids: Vec<&str> = stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    assert_eq!(ids, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
}

#[test]
fn an_unterminated_quote_at_the_end_is_an_error_not_a_merged_product() {
    // Before, row 2 came out as one product holding `Glycerin, Aqua\n3,Talc\n4,Parfum`:
    // SKU 3's and 4's ingredients attributed to SKU 2, exit 0, no word of it.
    let broken = tmp("unterminated.csv");
    std::fs::write(
        &broken,
        "sku,ing\n1,Aqua\n2,\"Glycerin, Aqua\n3,Talc\n4,Parfum\n",
    )
    .expect("write");
    let out = batch_file(&broken, &["--column", "ing"]);
    let recs = records(&out);
    assert_eq!(recs.len(), 2, "{recs:?}");
    assert_eq!(recs[0]["row"], 1);
    assert!(recs[0]["error"].is_null());
    let error = recs[1]["error"].as_str().expect("row 2 is an error record");
    assert!(error.contains("unterminated quote"), "{error}");
    assert!(
        error.contains("line 3") && error.contains("from 4"),
        "{error}"
    );
    // A quoted field that spans lines and is closed is an ordinary row.
    let fine = tmp("multiline.csv");
    std::fs::write(&fine, "sku,ing\n1,Aqua\n2,\"Glycerin,\nAqua\"\n3,Talc").expect("write");
    let out = batch_file(&fine, &["--column", "ing"]);
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert!(recs.iter().all(|r| r["error"].is_null()), "{recs:?}");
    // A lone inch mark in an unquoted cell opens no quote: the closed multi-line row after it
    // is an ordinary row (counting the file's quote bytes had called it unterminated).
    let inch = tmp("inch.csv");
    std::fs::write(&inch, "sku,ing\n1,12\" Brush Aqua\n2,\"Aqua,\nGlycerin\"\n").expect("write");
    let recs = records(&batch_file(&inch, &["--column", "ing"]));
    assert_eq!(recs.len(), 2, "{recs:?}");
    assert!(recs.iter().all(|r| r["error"].is_null()), "{recs:?}");
    assert_eq!(recs[1]["summary"]["inci_ingredients"], 2, "{recs:?}");
}

#[test]
fn semicolon_and_tab_catalogs_are_read_by_their_header() {
    // EU exports separate fields with `;` (the comma is the decimal mark and sits inside the
    // lists); before, such a catalog failed with "no column named".
    let semi = tmp("semi.csv");
    std::fs::write(
        &semi,
        "sku;name;Ingredients\n1;\"Serum; night\";Aqua, Glycerin\n2;Cream;Aqua, Parfum\n",
    )
    .expect("write");
    let tsv = tmp("catalog.tsv");
    std::fs::write(
        &tsv,
        "sku\tIngredients\n1\tAqua, Glycerin\n2\tAqua, Parfum\n",
    )
    .expect("write");
    for path in [&semi, &tsv] {
        let out = batch_file(path, &["--column", "Ingredients"]);
        assert_eq!(out.status.code(), Some(0), "{path:?}");
        let recs = records(&out);
        assert_eq!(recs.len(), 2);
        let names: Vec<&str> = recs[1]["ingredients"]
            .as_array()
            .expect("ingredients")
            .iter()
            .filter_map(|i| i["name"].as_str())
            .collect();
        assert_eq!(names, ["AQUA", "PARFUM"], "{path:?}");
    }
    // `--delimiter` overrides the detection.
    let out = batch_file(&semi, &["--column", "Ingredients", "--delimiter", "comma"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_ragged_row_keeps_its_extra_fields_in_the_error_record() {
    // Before, the cells past the header's width vanished from both formats.
    let path = tmp("ragged.csv");
    std::fs::write(&path, "sku,Ingredients\n1,Aqua, Glycerin,Talc\n2,Aqua\n").expect("write");
    let p = path.to_str().expect("path");
    let out = inci(&["batch", p, "--column", "Ingredients"], None);
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(
        recs[0]["extra_fields"],
        serde_json::json!([" Glycerin", "Talc"])
    );
    assert!(recs[1]["extra_fields"].is_null());
    let out = inci(
        &["batch", p, "--column", "Ingredients", "--format", "csv"],
        None,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let row1 = text.lines().nth(1).expect("row 1");
    assert!(row1.contains("Glycerin") && row1.contains("Talc"), "{row1}");
}

#[test]
fn a_huge_header_is_cut_in_the_missing_column_error() {
    // Before, the whole header line was echoed into the error (100 MB for a 100 MB header).
    let path = tmp("huge_header.csv");
    std::fs::write(&path, format!("{},sku\n1,2\n", "h".repeat(200_000))).expect("write");
    let out = batch_file(&path, &["--column", "Ingredients"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
    assert!(err.contains("more bytes)"), "{err}");
}

#[test]
fn product_type_applies_to_every_row() {
    let csv = b"SKU,Ingredients\n1,\"Aqua, Glycerin, Methylisothiazolinone\"\n2,\"Aqua, Benzophenone-3 8%\"\n";
    let out = inci(
        &[
            "batch",
            "-",
            "--column",
            "Ingredients",
            "--product-type",
            "leave-on",
        ],
        Some(csv),
    );
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out);
    let find = |rec: &serde_json::Value, code: &str| {
        rec["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["code"] == code)
            .cloned()
    };
    let mi = find(&recs[0], "R007").expect("MI not allowed in leave-on");
    assert_eq!(mi["severity"], "high");
    assert_eq!(recs[0]["product_type"], "leave_on");
    let bp3 = find(&recs[1], "R006").expect("BP-3 over its limit");
    assert_eq!(bp3["severity"], "high");
}

#[test]
fn an_output_that_is_the_catalog_is_refused_and_the_catalog_kept() {
    let catalog = tmp("same.csv");
    let text = "SKU,Ingredients\n1,\"Aqua, Glycerin\"\n";
    std::fs::write(&catalog, text).expect("write catalog");
    let path = catalog.to_str().expect("utf-8 path");
    for args in [
        vec!["batch", path, "--column", "Ingredients", "-o", path],
        vec!["batch", path, "--column", "Ingredients", "--summary", path],
    ] {
        let out = inci(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("same file as the input"));
        assert_eq!(std::fs::read_to_string(&catalog).expect("read"), text);
    }
}

#[test]
fn a_truncated_gzip_catalog_fails_after_writing_what_it_read() {
    use std::io::Write as _;
    let mut text = String::from("SKU,Ingredients\n");
    for i in 0..3_000 {
        text.push_str(&format!(
            "{i},\"Aqua, Glycerin, Parfum, Dimethicone {i}\"\n"
        ));
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).expect("gzip");
    let bytes = gz.finish().expect("gzip");
    let path = tmp("truncated.csv.gz");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).expect("write");
    let out = inci(
        &[
            "batch",
            path.to_str().expect("utf-8 path"),
            "--column",
            "Ingredients",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("could not be read past data row"),
        "{stderr}"
    );
    let recs = records(&out);
    assert!(!recs.is_empty() && recs.len() < 3_000);
    assert!(
        recs.iter().all(|r| r.get("error").is_none()),
        "no phantom error row"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_between_records_with_exit_130() {
    // Before, SIGINT killed the process wherever it was: 2 runs in 11 left half a JSON record.
    stops_between_records("-INT");
}

#[cfg(unix)]
#[test]
fn sigterm_and_sighup_stop_between_records_as_ctrl_c_does() {
    // Before, SIGTERM and SIGHUP (a closed terminal, `kill`) cut the last record in a pipe.
    stops_between_records("-TERM");
    stops_between_records("-HUP");
}

#[cfg(unix)]
fn stops_between_records(signal: &str) {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_inci"))
        .args(["batch", "-", "--column", "ing"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("inci runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = child.stdout.take().expect("stdout");
    let (first, got_first) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 65536];
        let mut told = false;
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
            if !told {
                let _ = first.send(());
                told = true;
            }
        }
        all
    });
    let row = |i: usize| format!("{i},\"Aqua, Glycerin, Parfum, Niacinamide\"\n");
    let mut text = String::from("n,ing\n");
    for i in 0..3000 {
        text.push_str(&row(i));
    }
    stdin.write_all(text.as_bytes()).expect("write rows");
    stdin.flush().expect("flush");
    // The first chunk (2,048 rows) is written while inci waits for more input.
    got_first
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("records before the interrupt");
    let pid = child.id().to_string();
    let killed = Command::new("sh")
        .args(["-c", &format!("kill {signal} {pid}")])
        .status()
        .expect("sh runs");
    assert!(killed.success());
    // More input after the interrupt, then the end: nothing of it may be scanned.
    let mut more = String::new();
    for i in 3000..6000 {
        more.push_str(&row(i));
    }
    let _ = stdin.write_all(more.as_bytes());
    drop(stdin);
    let status = child.wait().expect("inci exits");
    let out = reader.join().expect("reader");
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted after"), "{stderr}");
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(text.ends_with('\n'), "the last record is whole");
    let n = text.lines().count();
    assert!((1..6000).contains(&n), "{n} records");
    for (i, line) in text.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a whole JSON record");
        assert_eq!(v["row"], i as u64 + 1);
    }
}

/// A catalog that repeats its lists gives the same records with the memo (the default) as
/// with every row scanned (`--no-memo`), in both formats, bad rows included.
#[test]
fn repeated_lists_give_the_same_records_with_and_without_the_memo() {
    let path = tmp("repeats.csv");
    let lists = [
        "Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Parfum",
        "Water, Niacinamide, Carmine, Methylisothiazolinone",
        "\"Aqua, Glycerin\", with \"\"quotes\"\"",
        "",
    ];
    let mut text = String::from("SKU,Name,Ingredients\n");
    for i in 0..3000 {
        let list = lists[i % lists.len()].replace('"', "\"\"");
        text.push_str(&format!("S{i},\"Prod, {i}\",\"{list}\"\n"));
        if i % 997 == 0 {
            text.push_str(&format!("R{i},ragged,\"Aqua\",stray\n"));
        }
    }
    std::fs::write(&path, text).expect("write catalog");
    for format in ["jsonl", "csv"] {
        let memo = batch_file(
            &path,
            &[
                "--column",
                "Ingredients",
                "--id-column",
                "SKU",
                "--format",
                format,
            ],
        );
        let every = batch_file(
            &path,
            &[
                "--column",
                "Ingredients",
                "--id-column",
                "SKU",
                "--format",
                format,
                "--no-memo",
            ],
        );
        assert_eq!(
            memo.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&memo.stderr)
        );
        assert!(memo.stdout.len() > 100_000, "{format}");
        assert!(
            memo.stdout == every.stdout,
            "{format}: the memo changed the records"
        );
        assert_eq!(memo.stderr, every.stderr, "{format}: the summaries differ");
    }
}

/// `--threads 1` gives the same records as the default pool; `--threads 0` is a usage error.
#[test]
fn threads_change_the_speed_not_the_records() {
    let one = inci(
        &[
            "batch",
            &fixture("good.csv"),
            "--column",
            "Ingredients",
            "--threads",
            "1",
        ],
        None,
    );
    let all = inci(
        &["batch", &fixture("good.csv"), "--column", "Ingredients"],
        None,
    );
    assert_eq!(one.status.code(), Some(0));
    assert!(!one.stdout.is_empty() && one.stdout == all.stdout);
    let zero = inci(
        &[
            "batch",
            &fixture("good.csv"),
            "--column",
            "Ingredients",
            "--threads",
            "0",
        ],
        None,
    );
    assert_eq!(zero.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&zero.stderr).contains("--threads"));
}

#[cfg(unix)]
#[test]
fn stdin_redirected_from_the_output_file_is_refused() {
    // Before, `inci batch - -o c.csv < c.csv` replaced the catalog it was reading.
    use std::process::{Command, Stdio};
    let path = tmp("stdin_is_output.csv");
    let catalog = "n,ing\n1,\"Aqua, Glycerin\"\n";
    std::fs::write(&path, catalog).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_inci"))
        .args(["batch", "-", "--column", "ing", "--format", "csv", "-o"])
        .arg(&path)
        .stdin(Stdio::from(std::fs::File::open(&path).expect("open")))
        .output()
        .expect("inci runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("same file as the input"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), catalog);
}

#[test]
fn a_record_too_long_to_hold_stops_the_run_with_bounded_memory() {
    // Before, a 1 GiB cell in a 1 MB .csv.gz used 2.1 GB, and `inci batch /dev/zero` grew to
    // 7 GB in 10 s: the record was held whole before its size was checked.
    let path = tmp("huge_record.csv");
    let mut text = String::from("sku,ing\n1,\"Aqua, Glycerin\"\n2,\"");
    text.push_str(&"Aqua, ".repeat(3_500_000)); // 21 MB, over the 16 MiB record limit
    text.push_str("\"\n3,Aqua\n");
    std::fs::write(&path, text).expect("write");
    let out = inci(
        &[
            "batch",
            path.to_str().expect("utf-8 path"),
            "--column",
            "ing",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("a record longer than 16 MiB"), "{stderr}");
    assert!(stderr.contains("past data row 1"), "{stderr}");
    // The row before it was written whole.
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["row"], 1);
    std::fs::remove_file(&path).ok();
}

/// A catalog with a product, a row with no list and an empty cell.
fn analyst_catalog() -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().expect("temp file");
    f.write_all(
        b"SKU,Brand,Ingredients\n\
          1,A,\"Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Parfum, Linalool, Linalool\"\n\
          2,B,No Info\n\
          3,C,\n",
    )
    .expect("write");
    f
}

#[test]
fn csv_jsonl_and_the_library_share_one_summary_schema() {
    let cat = analyst_catalog();
    let path = cat.path().to_str().expect("utf-8 path");
    let csv_out = inci(
        &["batch", path, "--column", "Ingredients", "--format", "csv"],
        None,
    );
    assert_eq!(csv_out.status.code(), Some(0));
    let mut rdr = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let headers = rdr.headers().expect("headers").clone();
    let csv_columns: Vec<&str> = headers.iter().filter(|h| h.starts_with("inci_")).collect();
    assert_eq!(csv_columns, inci::summary::COLUMNS);

    let json_out = inci(&["batch", path, "--column", "Ingredients"], None);
    let text = String::from_utf8(json_out.stdout).expect("utf-8");
    for line in text.lines() {
        // The summary's keys in the order written.
        let start = line.find("\"summary\":{").expect("a summary") + 11;
        let end = start + line[start..].find('}').expect("closed");
        let keys: Vec<&str> = line[start..end]
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|k| k.starts_with("inci_"))
            .collect();
        assert_eq!(keys, inci::summary::COLUMNS, "{line}");
    }

    // The verdicts, not the concern levels; a row with no list says so; codes once each.
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    assert_eq!(&rows[0][col("inci_vegan")], "no");
    assert_eq!(&rows[0][col("inci_vegetarian")], "no");
    assert_eq!(&rows[0][col("inci_status")], "ok");
    let codes: Vec<&str> = rows[0][col("inci_codes")].split(' ').collect();
    let mut distinct = codes.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(codes.len(), distinct.len(), "{codes:?}");
    assert_eq!(&rows[1][col("inci_status")], "no_list");
    assert_eq!(&rows[1][col("inci_vegan")], "unknown");
    assert_eq!(&rows[2][col("inci_status")], "error");
    assert_eq!(&rows[2][col("inci_error")], "row 3: empty ingredient cell");
}

#[test]
fn id_columns_repeat_and_per_ingredient_rows_carry_them() {
    let cat = analyst_catalog();
    let path = cat.path().to_str().expect("utf-8 path");
    let one = inci(
        &[
            "batch",
            path,
            "--column",
            "Ingredients",
            "--id-column",
            "SKU",
        ],
        None,
    );
    let first = String::from_utf8(one.stdout).expect("utf-8");
    assert!(first.starts_with("{\"row\":1,\"id\":\"1\","), "{first}");
    let two = inci(
        &[
            "batch",
            path,
            "--column",
            "Ingredients",
            "--id-column",
            "SKU",
            "--id-column",
            "Brand",
        ],
        None,
    );
    let text = String::from_utf8(two.stdout).expect("utf-8");
    assert!(
        text.starts_with("{\"row\":1,\"ids\":{\"SKU\":\"1\",\"Brand\":\"A\"},"),
        "{text}"
    );

    let per = inci(
        &[
            "batch",
            path,
            "--column",
            "Ingredients",
            "--id-column",
            "SKU",
            "--per",
            "ingredient",
            "--format",
            "csv",
        ],
        None,
    );
    assert_eq!(per.status.code(), Some(0));
    let mut rdr = csv::Reader::from_reader(per.stdout.as_slice());
    let headers = rdr.headers().expect("headers").clone();
    let want: Vec<&str> = ["row", "SKU", "inci_status"]
        .into_iter()
        .chain(inci::summary::INGREDIENT_COLUMNS.iter().copied())
        .chain(["inci_error"])
        .collect();
    assert_eq!(headers.iter().collect::<Vec<_>>(), want);
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    // Six ingredients of row 1, then one record each for the row with no list and the error.
    assert_eq!(rows.len(), 8);
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    assert_eq!(
        &rows[2][col("inci_name")],
        "HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA"
    );
    assert_eq!(&rows[2][col("origin")], "human");
    assert_eq!(&rows[2][col("worst_severity")], "high");
    assert_eq!(
        &rows[1][col("role")],
        "humectant: draws water into the skin"
    );
    assert_eq!(&rows[5][col("position")], "6");
    assert_eq!(&rows[6][col("inci_status")], "no_list");
    assert_eq!(&rows[7][col("inci_status")], "error");
    assert_eq!(&rows[7][col("SKU")], "3");

    let per_json = inci(
        &[
            "batch",
            path,
            "--column",
            "Ingredients",
            "--per",
            "ingredient",
        ],
        None,
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(per_json.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[3]["role"], "fragrance");
    assert_eq!(lines[6]["inci_status"], "no_list");
}

#[test]
fn the_report_page_pictures_the_run_and_escapes_catalog_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let catalog = dir.path().join("c.csv");
    std::fs::write(
        &catalog,
        "SKU,Ingredients\n\
         1,\"Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Parfum\"\n\
         2,\"Aqua, <script>alert(1)</script> Extract\"\n\
         3,No Info\n",
    )
    .expect("write");
    let report = dir.path().join("report.html");
    let out = inci(
        &[
            "batch",
            catalog.to_str().expect("utf-8"),
            "--column",
            "Ingredients",
            "--id-column",
            "SKU",
            "--report",
            report.to_str().expect("utf-8"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let page = std::fs::read_to_string(&report).expect("the report is written");
    for id in [
        "totals",
        "vegan",
        "vegetarian",
        "concerns",
        "codes",
        "unknown",
        "human",
    ] {
        assert!(page.contains(&format!("<section id=\"{id}\">")), "{id}");
    }
    assert!(!page.contains("<script"), "catalog text is escaped");
    assert!(page.contains("&lt;script&gt;"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "nothing fetched"
    );
    // The flagship's row, with its id and the EU verdict.
    assert!(page.contains("<tr><td>1</td><td>1</td><td>eu:prohibited</td></tr>"));
    // The row with no list counts as such.
    assert!(page.contains("<th>no ingredient list (not a clean product)</th><td>1</td>"));

    let same = inci(
        &[
            "batch",
            catalog.to_str().expect("utf-8"),
            "--column",
            "Ingredients",
            "--report",
            catalog.to_str().expect("utf-8"),
        ],
        None,
    );
    assert_eq!(
        same.status.code(),
        Some(2),
        "the catalog is not overwritten"
    );
}

#[test]
fn paths_read_each_rows_file_relative_to_the_catalog() {
    let dir = tmp("paths");
    std::fs::create_dir_all(dir.join("labels")).expect("dir");
    std::fs::write(dir.join("labels/serum.txt"), "Aqua, Retinol, Glycerin").expect("file");
    std::fs::write(dir.join("labels/bad.txt"), b"Aqua\0, Glycerin").expect("file");
    let catalog = dir.join("catalog.csv");
    std::fs::write(
        &catalog,
        "sku,file\nS1,labels/serum.txt\nS2,labels/missing.txt\nS3,labels/bad.txt\n",
    )
    .expect("catalog");
    let out = batch_file(
        &catalog,
        &["--column", "file", "--paths", "--id-column", "sku"],
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["ingredients"][1]["name"], "RETINOL");
    assert!(
        recs[0].get("ocr").is_none(),
        "text files have no OCR evidence"
    );
    let missing = recs[1]["error"].as_str().expect("an error");
    assert!(missing.contains("labels/missing.txt"), "{missing}");
    let bad = recs[2]["error"].as_str().expect("an error");
    assert!(
        bad.contains("binary data") && bad.contains("bad.txt"),
        "{bad}"
    );
    // CSV: every row as wide as the header, which gains the source and the items to check.
    let out = batch_file(
        &catalog,
        &["--column", "file", "--paths", "--format", "csv"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = rdr.headers().expect("header").clone();
    assert_eq!(
        header.iter().rev().take(2).collect::<Vec<_>>(),
        ["inci_to_check", "inci_source"]
    );
    for rec in rdr.records() {
        assert_eq!(rec.expect("record").len(), header.len());
    }
    let per = batch_file(
        &catalog,
        &["--column", "file", "--paths", "--per", "ingredient"],
    );
    assert_eq!(per.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&per.stderr).contains("--paths works with --per product"));
}
