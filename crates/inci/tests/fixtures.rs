//! Fixture labels: each file in `fixtures/labels/` names the construct it covers and the
//! canonical names it must yield (`# expect:`, `?` for unknown, `+` for may-contain), then
//! `---` and the label text verbatim. The test checks the expectation, the parser's lossless
//! invariants, and a reviewed snapshot of every item, span, qualifier and skipped stretch.

use std::fmt::Write as _;
use std::path::Path;

struct Fixture {
    name: String,
    expect: Vec<String>,
    label: String,
}

fn load(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let (head, label) = text.split_once("---\n").expect("fixture has a --- line");
    let expect_line = head
        .lines()
        .find_map(|l| l.strip_prefix("# expect:"))
        .expect("fixture has # expect:");
    let expect = expect_line
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("fixture")
        .to_owned();
    Fixture {
        name,
        expect,
        label: label.to_owned(),
    }
}

fn render(label: &str) -> String {
    let parsed = inci::parse(label, &inci::Cosing);
    let report = inci::scan::Scanner::new().report(&parsed);
    let mut out = String::new();
    for ing in &report.ingredients {
        let section = if ing.section == inci::parse::Section::MayContain {
            " may_contain"
        } else {
            ""
        };
        let name = ing.name.unwrap_or("null");
        writeln!(
            out,
            "item {:?} {:?} -> {name} via {}{section}",
            ing.span,
            ing.raw,
            ing.matched_via.as_str()
        )
        .ok();
        if !ing.alternatives.is_empty() {
            writeln!(out, "    alternatives {:?}", ing.alternatives).ok();
        }
        if !ing.suggestions.is_empty() {
            let names: Vec<&str> = ing.suggestions.iter().map(|s| s.name).collect();
            writeln!(out, "    suggestions {names:?}").ok();
        }
        for q in &ing.qualifiers {
            writeln!(out, "    qualifier {:?} {:?} {:?}", q.kind, q.span, q.text).ok();
        }
    }
    for t in &parsed.tokens {
        let what = match t.kind {
            inci::parse::TokenKind::Item(_) | inci::parse::TokenKind::Separator => continue,
            inci::parse::TokenKind::Skipped(s) => format!("skipped {}", s.as_str()),
            other => format!("{other:?}"),
        };
        writeln!(out, "{what} {:?} {:?}", t.span, t.span.slice(label)).ok();
    }
    for d in &report.diagnostics {
        if d.code != inci::parse::DiagnosticCode::SkippedText {
            writeln!(out, "diagnostic {} {:?}: {}", d.code, d.span, d.message).ok();
        }
    }
    out
}

#[test]
fn fixtures_yield_their_expected_names() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/labels");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 30, "fixtures missing from {}", dir.display());
    let mut failures = Vec::new();
    for path in paths {
        let fx = load(&path);
        let parsed = inci::parse(&fx.label, &inci::Cosing);
        if let Err(e) = parsed.verify() {
            failures.push(format!("{}: invariant: {e}", fx.name));
        }
        let report = inci::scan::Scanner::new().report(&parsed);
        let got: Vec<String> = report
            .ingredients
            .iter()
            .map(|i| {
                let name = i.name.unwrap_or("?");
                match i.section {
                    inci::parse::Section::MayContain => format!("+ {name}"),
                    inci::parse::Section::Main => name.to_owned(),
                }
            })
            .collect();
        if got != fx.expect {
            failures.push(format!(
                "{}:\n  want {:?}\n  got  {:?}",
                fx.name, fx.expect, got
            ));
        }
        insta::assert_snapshot!(fx.name.clone(), render(&fx.label), &fx.label);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
