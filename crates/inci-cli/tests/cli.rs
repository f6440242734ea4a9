//! The `inci` binary as a user runs it: arguments, files, standard input, exit codes.

mod common;

use common::inci;
use std::process::Output;

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn scan_text_argument_as_json() {
    let out = inci(
        &["scan", "--format", "json", "Aqua/Water/Eau, Glycerin"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let first = &v["ingredients"][0];
    assert_eq!(first["raw"], "Aqua/Water/Eau");
    assert_eq!(first["span"], serde_json::json!([0, 14]));
    assert_eq!(first["name"], "AQUA");
    assert_eq!(first["section"], "main");
    assert_eq!(first["suggestions"], serde_json::json!([]));
    assert_eq!(v["ingredients"][1]["name"], "GLYCERIN");
    // Glycerin may be tallow- or plant-derived: the one finding is that its source decides.
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(codes, ["A002"]);
    assert_eq!(v["vegan"], "unknown");
}

#[test]
fn unknown_names_are_null_with_suggestions() {
    let v = json(&inci(
        &["scan", "--format", "json", "--no-correct", "Glycerinn"],
        None,
    ));
    assert_eq!(v["ingredients"][0]["name"], serde_json::Value::Null);
    assert_eq!(v["ingredients"][0]["suggestions"][0], "GLYCERIN");
    // By default the one name it can be is read, and said so.
    let v = json(&inci(&["scan", "--format", "json", "Glycerinn"], None));
    assert_eq!(v["ingredients"][0]["name"], "GLYCERIN");
    assert_eq!(v["ingredients"][0]["matched_via"], "correction");
    // Two names it could be: unknown.
    let v = json(&inci(&["scan", "--format", "json", "Thylparaben"], None));
    assert_eq!(v["ingredients"][0]["name"], serde_json::Value::Null);
}

#[test]
fn scan_file_and_stdin_agree() {
    let dir = std::env::temp_dir().join(format!("inci-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let path = dir.join("label.txt");
    std::fs::write(&path, "Ingredients: Aqua, Parfum (Fragrance), Limonene").expect("write label");
    let from_file = inci(
        &[
            "scan",
            "--format",
            "json",
            path.to_str().expect("utf-8 path"),
        ],
        None,
    );
    let from_stdin = inci(
        &["scan", "--format", "json", "-"],
        Some(b"Ingredients: Aqua, Parfum (Fragrance), Limonene"),
    );
    assert_eq!(from_file.status.code(), Some(0));
    assert_eq!(from_file.stdout, from_stdin.stdout);
    assert_eq!(json(&from_file)["ingredients"][1]["name"], "PARFUM");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn text_table_names_every_item() {
    let out = common::inci_in_columns(&["scan", "Aqua, Glycerinn, Thylparaben"], None, 200);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("AQUA"), "{text}");
    assert!(
        text.contains("misspelt: printed as Glycerinn, read as GLYCERIN"),
        "{text}"
    );
    assert!(text.contains("did you mean ETHYLPARABEN"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no colour when not a terminal: {text}"
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let out = inci(&["scan", "-"], Some(b"Aqua, Gly\xffcerin"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("offset 9"), "{err}");
    assert!(err.contains("0xFF"), "{err}");
}

#[test]
fn missing_file_is_an_input_error() {
    let out = inci(&["scan", "no-such-label.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-label.txt"));
    let out = inci(&["scan", "--file", "no-such-dir/label"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        inci(&["scan", "--format", "xml", "Aqua"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(inci(&["frobnicate"], None).status.code(), Some(2));
    // An empty name is a usage error, not an unknown ingredient (exit 1 before).
    for empty in ["", "   "] {
        let out = inci(&["explain", empty], None);
        assert_eq!(out.status.code(), Some(2), "explain {empty:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn empty_input_is_not_an_error() {
    let out = inci(&["scan", "--format", "json", "-"], Some(b""));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["ingredients"], serde_json::json!([]));
}

#[test]
fn explain_names_what_it_matched_and_exits_1_when_unknown() {
    let out = inci(&["explain", "Fragrance"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("PARFUM"), "{text}");
    assert!(text.contains("synonym \"FRAGRANCE\""), "{text}");
    assert!(text.contains("source:"), "{text}");
    let out = inci(&["explain", "linalol"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a typo one edit away is explained as the nearest name"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("correction: a misspelling of LINALOOL"));
    let out = inci(&["explain", "xqzw", "blorp"], None);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn explain_json_carries_facts_with_sources() {
    let v = json(&inci(
        &[
            "explain",
            "--format",
            "json",
            "Human",
            "Umbilical",
            "Mesenchymal",
            "Stem",
            "Cell",
            "Conditioned",
            "Media",
        ],
        None,
    ));
    assert_eq!(
        v["name"],
        "HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA"
    );
    let facts = v["facts"].as_array().expect("facts");
    assert!(
        facts
            .iter()
            .any(|f| f["topic"] == "comedogenic" && f["value"] == "0-1 of 5")
    );
    assert!(
        facts
            .iter()
            .any(|f| f["topic"] == "origin"
                && f["value"].as_str().is_some_and(|s| s.contains("416")))
    );
    assert!(
        facts
            .iter()
            .all(|f| f["source"].as_str().is_some_and(|s| !s.is_empty()))
    );
}

#[test]
fn scan_profile_weighs_concerns() {
    let label = "Aqua, Isopropyl Myristate, Glycerin";
    let general = json(&inci(&["scan", "--format", "json", label], None));
    let acne = json(&inci(
        &["scan", "--format", "json", "--profile", "acne-prone", label],
        None,
    ));
    assert_eq!(acne["profile"], "acne-prone");
    assert_eq!(general["concerns"][0]["concern"], "pores");
    assert_eq!(acne["concerns"][0]["weighted"], true);
    assert_eq!(general["concerns"][0]["weighted"], false);
}

#[test]
fn explain_links_a_colour_index_number_to_its_colourant_name() {
    let out = inci(&["explain", "Cl 77891"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("CI 77891"),
        "the OCR fold resolves: {text}"
    );
    assert!(
        text.contains("same CAS number as: TITANIUM DIOXIDE"),
        "{text}"
    );
}

#[test]
fn explain_states_origin_class_annex_verdict_and_citable_sources() {
    let text = |name: &str| {
        let out = inci(&["explain", name], None);
        assert_eq!(out.status.code(), Some(0), "{name}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let petrolatum = text("Petrolatum");
    assert!(
        petrolatum.contains("conditional: Annex II entry 904")
            && petrolatum.contains("condition: except if the full refining history is known"),
        "{petrolatum}"
    );
    let egf = text("sh-Oligopeptide-1");
    assert!(
        egf.contains("origin: human sequence") && egf.contains("not Annex II entry 416"),
        "{egf}"
    );
    let carmine = text("CI 75470");
    assert!(
        carmine.contains("origin: animal: neither vegan nor vegetarian"),
        "{carmine}"
    );
    for out in [&petrolatum, &egf, &carmine, &text("Glycerin")] {
        for path in ["src/", ".rs", "shared/", "assets/"] {
            assert!(!out.contains(path), "repository path {path} in:\n{out}");
        }
    }
}

#[test]
fn product_type_sharpens_annex_verdicts() {
    let codes = |args: &[&str]| -> Vec<(String, String)> {
        let out = inci(args, None);
        assert_eq!(out.status.code(), Some(0));
        json(&out)["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["code"] == "R007")
            .map(|f| {
                (
                    f["severity"].as_str().unwrap_or("").to_owned(),
                    f["message"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    };
    let label = "Aqua, Sodium Laureth Sulfate, Methylisothiazolinone";
    let unknown = codes(&["scan", "--format", "json", label]);
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].0, "low");
    let leave_on = codes(&[
        "scan",
        "--format",
        "json",
        "--product-type",
        "leave-on",
        label,
    ]);
    assert_eq!(leave_on[0].0, "high", "{leave_on:?}");
    assert!(leave_on[0].1.contains("not allowed in leave-on products"));
    let rinse_off = codes(&[
        "scan",
        "--format",
        "json",
        "--product-type",
        "rinse-off",
        label,
    ]);
    assert!(rinse_off.is_empty(), "{rinse_off:?}");
    let bad = inci(&["scan", "--product-type", "cream", label], None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn label_text_may_start_with_a_hyphen() {
    // Shops print highlight bullets first: `-Hyaluronic Acid: ...`.
    let out = inci(&["scan", "--format", "json", "-Aqua, Glycerin"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["ingredients"][1]["name"], "GLYCERIN");
    let out = inci(&["scan", "--format", "json", "--text", "--Aqua"], None);
    assert_eq!(out.status.code(), Some(0));
    let out = inci(&["scan", "--frmat"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown option `--frmat`"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let label = vec!["Aqua"; 5_000].join(", ");
    let mut child = Command::new(env!("CARGO_BIN_EXE_inci"))
        .args(["scan", "--format", "json", &label])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("inci runs");
    // Read a little, then close the pipe as `head` does.
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    let out = child.wait_with_output().expect("inci ends");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn control_characters_from_the_input_never_reach_the_terminal_raw() {
    let label = "Glyc\u{1b}]0;PWNED\u{7}erin, Aqua";
    for args in [
        vec!["--color", "always", "scan", label],
        vec!["--color", "always", "explain", label],
    ] {
        let out = inci(&args, None);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains("\u{1b}]0"), "{args:?}: {text:?}");
        assert!(!text.contains('\u{7}'), "{args:?}: {text:?}");
    }
}

#[test]
fn input_over_the_size_limit_is_refused_with_the_limit_named() {
    // Before, a 100 MB label ran until allocation failed and the process aborted.
    let out = inci(
        &["scan", "--max-input", "10", "Aqua, Glycerin, Parfum"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("10-byte limit") && err.contains("--max-input"),
        "{err}"
    );
    // The default limit (16 MiB) applies to files and standard input, for scan and lint.
    let big = vec![b'a'; (16 << 20) + 1];
    for cmd in ["scan", "lint"] {
        let out = inci(&[cmd, "-"], Some(&big));
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("16777216-byte limit"), "{cmd}: {err}");
    }
    // At the limit it is read.
    let out = inci(&["scan", "--max-input", "14", "-"], Some(b"Aqua, Glycerin"));
    assert_eq!(out.status.code(), Some(0));
}

/// Waiga/on-the-list's `bytes_are_not_a_list` (MIT), from the transcribed peer suite in
/// crates/inci/tests/peer_on_the_list.rs: a zip archive is refused as binary, text is read.
#[test]
fn peer_bytes_are_not_a_list() {
    let mut zip = b"PK\x03\x04\x00\x00".to_vec();
    zip.extend([0u8; 100]);
    assert!(inci_cli::error::decode_utf8(zip, "x").is_err());
    assert!(inci_cli::error::decode_utf8(b"Aqua, Glycerin, Parfum".to_vec(), "x").is_ok());
    assert!(inci_cli::error::decode_utf8(Vec::new(), "x").is_ok());
}

/// A directory of its own for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("inci-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

#[cfg(unix)]
#[test]
fn file_names_never_send_escape_sequences_to_the_terminal() {
    // Before, `inci lint "$(printf 'a\033]0;X\007.txt')"` set the terminal's title.
    use std::os::unix::ffi::OsStrExt;
    let d = scratch("escapes");
    let name = std::ffi::OsStr::from_bytes(b"b\x1b[31m\x1b]0;X\x07.txt");
    let path = d.join(name);
    std::fs::write(&path, "Aqua,,").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_inci"))
        .args(["lint", "--no-config", "--color", "never"])
        .arg(&path)
        .arg(d.join(std::ffi::OsStr::from_bytes(b"missing\x1b]0;Y\x07.txt")))
        .output()
        .expect("inci runs");
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
    assert!(!out.stdout.contains(&0x07) && !out.stderr.contains(&0x07));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_linted_with_the_others() {
    // Before, one such name failed the whole `inci lint *.txt` at argument parsing.
    use std::os::unix::ffi::OsStrExt;
    let d = scratch("non-utf8");
    let good = d.join("good.txt");
    let odd = d.join(std::ffi::OsStr::from_bytes(b"odd\xff.txt"));
    std::fs::write(&good, "Aqua, Glycerin").expect("write");
    std::fs::write(&odd, "Aqua,, Glycerin").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_inci"))
        .args(["lint", "--no-config", "--color", "never"])
        .arg(&good)
        .arg(&odd)
        .output()
        .expect("inci runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("L005"), "{stdout}");
    // --fix --write writes the file by its own name.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_inci"))
        .args(["lint", "--no-config", "--fix", "--write"])
        .arg(&odd)
        .output()
        .expect("inci runs");
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&odd).expect("read"),
        "Aqua, Glycerin"
    );
}

#[test]
fn a_missing_path_without_an_extension_is_an_error_not_a_label() {
    // Before, `inci scan labels/serum` scanned the words "labels/serum" and exited 0.
    let d = scratch("missing");
    let missing = format!("{}/serum", d.display());
    let out = inci(&["scan", &missing], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn version_names_the_data_compiled_in() {
    let out = inci(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("inci "), "{text}");
    assert!(text.contains(inci_dict::COSING_SOURCE), "{text}");
    let date = inci_dict::risk::annex_export_date().expect("the annex sources name their export");
    assert!(
        text.contains(&format!("annexes II-VI: CosIng export of {date}")),
        "{text}"
    );
    assert_eq!(date.len(), 10, "a DD/MM/YYYY date: {date}");
}

/// The flagship serum's text report, laid out for `columns`.
fn flagship_text(columns: usize) -> String {
    let out = common::inci_in_columns(
        &["scan", "fixtures/examples/flagship_serum.txt"],
        None,
        columns,
    );
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn the_text_report_starts_with_a_headline_of_three_sentences() {
    let text = flagship_text(100);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("What to know"));
    let headline: Vec<&str> = lines.take_while(|l| !l.is_empty()).collect();
    let joined = headline
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    // Three sentences, each starting on a line of its own (two-space indent).
    assert_eq!(
        headline
            .iter()
            .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
            .count(),
        3,
        "{text}"
    );
    assert_eq!(joined.matches(". ").count() + 1, 3, "{joined}");
    assert!(
        joined.starts_with("Prohibited in the European Union: it lists HUMAN UMBILICAL"),
        "{joined}"
    );
    assert!(joined.contains("Not vegan or vegetarian"), "{joined}");
    assert!(
        joined.ends_with("Checked against the rules of the European Union."),
        "{joined}"
    );
}

#[test]
fn the_text_report_fits_the_width_and_cuts_nothing() {
    for columns in [60, 80, 100, 140] {
        let text = flagship_text(columns);
        for line in text.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= columns,
                "{columns} columns: {line:?}"
            );
        }
        assert!(!text.contains('…'), "nothing is cut: {text}");
        // The flagship's name and the whole legal wording of Annex III entry 84 are there.
        let words: Vec<&str> = text.split_whitespace().collect();
        let flat = words.join(" ");
        assert!(flat.contains("HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA"));
        assert!(
            flat.contains("- 0.001% in leave-on products - 0.01% in rinse-off products"),
            "{columns}: legal text whole"
        );
    }
}

#[test]
fn findings_come_worst_first_with_codes_on_the_detail_line() {
    let text = flagship_text(100);
    let findings = text
        .split("Findings, worst first\n")
        .nth(1)
        .expect("a findings section");
    let rank = |s: &str| {
        ["info", "low", "moderate", "high"]
            .iter()
            .position(|x| *x == s)
    };
    let mut last = usize::MAX;
    let mut seen = 0;
    for line in findings.lines() {
        let Some(first) = line.strip_prefix("  ") else {
            break;
        };
        let word = first.split_whitespace().next().unwrap_or_default();
        if let Some(r) = rank(word)
            && !line.starts_with("            ")
        {
            assert!(r <= last, "not sorted by severity: {line}");
            last = r;
            seen += 1;
            // The message line names no code; its detail line does.
            let message = first[word.len()..].trim_start();
            assert!(
                !message.split_whitespace().next().is_some_and(|w| {
                    w.len() >= 4
                        && w.chars().take_while(char::is_ascii_uppercase).count() >= 1
                        && w.chars().rev().take(3).all(|c| c.is_ascii_digit())
                }),
                "a code leads the message: {line}"
            );
        }
    }
    assert!(seen >= 8, "{findings}");
    assert!(findings.contains("            H001 · regulation · source:"));
}

#[test]
fn a_routine_in_json_names_both_products() {
    let out = inci(
        &[
            "scan",
            "crates/inci-cli/tests/cmd/routine.in/serum.txt",
            "crates/inci-cli/tests/cmd/routine.in/toner.txt",
            "--routine",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    assert_eq!(doc["products"].as_array().map(Vec::len), Some(2));
    assert!(doc["products"][0]["report"]["headline"].is_array());
    let rx = doc["routine"]
        .as_array()
        .and_then(|r| r.iter().find(|f| f["code"] == "RX001"))
        .expect("RX001");
    let products: Vec<u64> = rx["ingredients"]
        .as_array()
        .expect("ingredients")
        .iter()
        .filter_map(|w| w["product"].as_u64())
        .collect();
    assert_eq!(products, vec![0, 1]);
    assert!(rx["source"].as_str().is_some_and(|s| !s.is_empty()));
}

#[test]
fn compare_in_json_has_the_similarity_and_both_reports() {
    let out = inci(
        &[
            "compare",
            "crates/inci-cli/tests/cmd/compare.in/original.txt",
            "crates/inci-cli/tests/cmd/compare.in/dupe.txt",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    let sim = doc["similarity"].as_f64().expect("similarity");
    assert!(sim > 0.7 && sim < 1.0, "{sim}");
    assert_eq!(doc["shared"][0]["name"], "AQUA");
    assert_eq!(doc["shared"][0]["positions"][1], 1);
    assert_eq!(doc["only_second"][0], "CYCLOPENTASILOXANE");
    assert_eq!(doc["reports"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["concerns"].as_array().map(Vec::len), Some(5));
}
