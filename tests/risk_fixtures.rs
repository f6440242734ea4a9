//! Risk fixtures: each file in `fixtures/risk/` states a case, a profile and the finding codes it
//! must yield (as a multiset), then `---` and the label. The test checks the codes and keeps
//! reviewed snapshots of the text report (colour stripped) and of the JSON.

use inci::risk::Profile;
use std::path::Path;

struct Fixture {
    name: String,
    profile: Profile,
    expect: Vec<String>,
    label: String,
}

fn load(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let (head, label) = text.split_once("---\n").expect("fixture has a --- line");
    let field = |key: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(str::trim)
            .unwrap_or_default()
    };
    let profile =
        <Profile as clap::ValueEnum>::from_str(field("# profile:"), true).expect("known profile");
    let mut expect: Vec<String> = field("# expect codes:")
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    expect.sort();
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("fixture")
        .to_owned();
    Fixture {
        name,
        profile,
        expect,
        label: label.to_owned(),
    }
}

#[test]
fn risk_fixtures_yield_their_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/risk");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 15, "risk fixtures missing");
    let mut failures = Vec::new();
    for path in paths {
        let fx = load(&path);
        let report = inci::scan::scan_with(&fx.label, fx.profile);
        let mut got: Vec<String> = report.findings.iter().map(|f| f.code.to_owned()).collect();
        got.sort();
        if got != fx.expect {
            failures.push(format!(
                "{}:\n  want {:?}\n  got  {:?}",
                fx.name, fx.expect, got
            ));
        }
        for f in &report.findings {
            if f.ingredients.is_empty()
                || f.source.is_empty()
                || f.ingredients.iter().any(|&i| i >= report.ingredients.len())
            {
                failures.push(format!(
                    "{}: finding {} lacks ingredients or source",
                    fx.name, f.code
                ));
            }
        }
        let mut text = Vec::new();
        inci::render::text::write(&mut text, &report).expect("render");
        let text = anstream::adapter::strip_str(&String::from_utf8_lossy(&text)).to_string();
        insta::assert_snapshot!(format!("{}_text", fx.name), text, &fx.label);
        let json = serde_json::to_string_pretty(&report).expect("json");
        insta::assert_snapshot!(format!("{}_json", fx.name), json, &fx.label);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn flagship_serum_reports_everything_with_sources() {
    let report = inci::scan(
        "Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Isopropyl Myristate, Parfum, Linalool",
    );
    let find = |code: &str| {
        report
            .findings
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{code} missing"))
    };
    let human = find("H001");
    assert_eq!(human.ingredients, [2]);
    assert!(find("R416").source.contains("Annex II entry 416"));
    assert_eq!(report.vegan, "no");
    assert_eq!(
        find("CO001").ingredients,
        [2, 3],
        "pore-clogger co-occurrence names both"
    );
    assert_eq!(
        find("CO002").ingredients,
        [2, 4, 5],
        "fragrance co-occurrence names media, parfum, linalool"
    );
    assert_eq!(find("F001").ingredients, [5]);
    assert!(find("F001").source.contains("Annex III"));
    assert!(find("C001").source.contains("Fulton"));
}
