//! Risk fixtures: each file in `fixtures/risk/` states a case, a profile (and optionally a
//! product type and `# market: eu,kr`) and the finding codes it must yield (as a multiset), then
//! `---` and the label.
//! `# expect: CODE severity "text"` lines name a finding that must exist with that code and
//! severity and a message containing the text; `# expect vegan:` and `# expect vegetarian:`
//! the verdicts. The test checks them all and keeps reviewed snapshots of the text report
//! (colour stripped) and of the JSON.

use inci::risk::Profile;
use std::path::Path;

struct Fixture {
    name: String,
    profile: Profile,
    product_type: Option<inci::risk::ProductType>,
    markets: inci::market::Markets,
    expect: Vec<String>,
    /// (code, severity, text the message must contain)
    findings: Vec<(String, String, String)>,
    vegan: Option<String>,
    vegetarian: Option<String>,
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
    let profile = field("# profile:")
        .parse::<Profile>()
        .expect("known profile");
    let mut expect: Vec<String> = field("# expect codes:")
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    expect.sort();
    let product_type = Some(field("# product type:"))
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("known product type"));
    let markets = Some(field("# market:"))
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("known markets"))
        .unwrap_or_default();
    let findings = head
        .lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|l| {
            let (code, rest) = l.split_once(' ').expect("# expect: CODE severity \"text\"");
            let (severity, text) = rest.split_once(' ').expect("severity and text");
            (
                code.to_owned(),
                severity.to_owned(),
                text.trim().trim_matches('"').to_owned(),
            )
        })
        .collect();
    let verdict = |key: &str| Some(field(key).to_owned()).filter(|s| !s.is_empty());
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("fixture")
        .to_owned();
    Fixture {
        name,
        profile,
        product_type,
        markets,
        expect,
        findings,
        vegan: verdict("# expect vegan:"),
        vegetarian: verdict("# expect vegetarian:"),
        label: label.to_owned(),
    }
}

#[test]
fn risk_fixtures_yield_their_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/risk");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 15, "risk fixtures missing");
    let mut failures = Vec::new();
    for path in paths {
        let fx = load(&path);
        let report = inci::scan::Scanner::new()
            .profile(fx.profile)
            .product_type(fx.product_type)
            .markets(fx.markets)
            .scan(&fx.label);
        for (code, severity, text) in &fx.findings {
            let found = report.findings.iter().any(|f| {
                f.code == code
                    && f.severity.as_str() == severity
                    && f.message.contains(text.as_str())
            });
            if !found {
                failures.push(format!(
                    "{}: no {code} {severity} finding containing {text:?}",
                    fx.name
                ));
            }
        }
        for (what, want, got) in [
            ("vegan", &fx.vegan, report.vegan),
            ("vegetarian", &fx.vegetarian, report.vegetarian),
        ] {
            if let Some(want) = want
                && want != got.as_str()
            {
                failures.push(format!("{}: {what} {got}, want {want}", fx.name));
            }
        }
        // No repository path in a source a user reads.
        for f in &report.findings {
            if [
                ".rs", ".csv", ".json", ".tsv", ".py", "shared/", "data/", "src/", "via ",
            ]
            .iter()
            .any(|p| f.source.contains(p))
            {
                failures.push(format!(
                    "{}: {} cites a repository path: {}",
                    fx.name, f.code, f.source
                ));
            }
        }
        let mut got: Vec<String> = report.findings.iter().map(|f| f.code.to_owned()).collect();
        got.sort();
        if got != fx.expect {
            failures.push(format!(
                "{}:\n  want {:?}\n  got  {:?}",
                fx.name, fx.expect, got
            ));
        }
        for f in &report.findings {
            // Only the whole-text finding (no list found) points at no ingredient.
            let whole_text = f.category == inci::risk::Category::NoIngredientList;
            if (f.ingredients.is_empty() != whole_text)
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
        inci_cli::render::text::write(&mut text, &report, 100).expect("render");
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
    assert_eq!(report.vegan, inci::risk::VeganStatus::No);
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
