//! Lint fixtures: each file in `fixtures/lint/` names its rule, states the case, optionally an
//! `inci.toml` (`# config:` lines), the lints it must emit (`# expect: CODE "exact text"`, or
//! `# expect: CODE` alone for none), optionally the names the label must have after `--fix`
//! (`# fixed-names: A | B`), then `---` and the text.
//!
//! For every code a fixture mentions, the lints of that code must be exactly the expected ones,
//! each span covering exactly the quoted text. Rendered text and JSON are kept as reviewed
//! snapshots. Fixing is checked on every fixture: the fixed text parses losslessly, has no
//! safe fix left, and fixing it again changes nothing.

use inci::lint::fix_text;
use inci::lint::{Applicability, Config, LintedFile, RULES, lint};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Fixture {
    name: String,
    rule: String,
    config: Config,
    expect: BTreeMap<String, Vec<String>>,
    fixed_names: Option<Vec<String>>,
    text: String,
}

fn load(path: &Path) -> Fixture {
    let raw = std::fs::read_to_string(path).expect("fixture readable");
    let (head, text) = raw.split_once("---\n").expect("fixture has a --- line");
    let mut rule = String::new();
    let mut toml = String::new();
    let mut expect: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut fixed_names = None;
    for line in head.lines() {
        if let Some(r) = line.strip_prefix("# rule:") {
            rule = r.split_whitespace().next().unwrap_or_default().to_owned();
        } else if let Some(c) = line.strip_prefix("# config:") {
            toml.push_str(c.trim());
            toml.push('\n');
        } else if let Some(e) = line.strip_prefix("# expect:") {
            let e = e.trim();
            let (code, quoted) = e.split_once(' ').unwrap_or((e, ""));
            let entry = expect.entry(code.to_owned()).or_default();
            if !quoted.is_empty() {
                let q = quoted.trim();
                let inner = q
                    .strip_prefix('"')
                    .and_then(|q| q.strip_suffix('"'))
                    .unwrap_or_else(|| {
                        panic!("{}: expected text must be quoted: {q}", path.display())
                    });
                entry.push(inner.to_owned());
            }
        } else if let Some(n) = line.strip_prefix("# fixed-names:") {
            fixed_names = Some(n.split(" | ").map(|s| s.trim().to_owned()).collect());
        }
    }
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("fixture")
        .to_owned();
    // A relative name, so snapshots do not depend on where the repository is checked out.
    let shown = PathBuf::from(format!("fixtures/lint/{name}.txt"));
    let config = inci_cli::config_file::from_toml(&toml, &shown).expect("fixture config is valid");
    Fixture {
        name,
        rule,
        config,
        expect,
        fixed_names,
        text: text.to_owned(),
    }
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/lint");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn every_rule_has_a_fixture_that_expects_it() {
    let loaded: Vec<Fixture> = fixtures().iter().map(|p| load(p)).collect();
    for r in RULES {
        assert!(
            loaded
                .iter()
                .any(|f| f.rule == r.code && f.expect.get(r.code).is_some_and(|e| !e.is_empty())),
            "{} {} has no fixture expecting it in fixtures/lint/",
            r.code,
            r.name
        );
    }
    for f in &loaded {
        assert!(
            f.expect.contains_key(&f.rule),
            "{}: a fixture states what its own rule {} emits",
            f.name,
            f.rule
        );
    }
}

#[test]
fn lint_fixtures_emit_exactly_what_they_state() {
    let mut failures = Vec::new();
    for path in fixtures() {
        let fx = load(&path);
        let lints = lint(&fx.text, &fx.config);
        for (code, want) in &fx.expect {
            let got: Vec<String> = lints
                .iter()
                .filter(|l| l.code == code.as_str())
                .map(|l| l.span.slice(&fx.text).to_owned())
                .collect();
            if &got != want {
                failures.push(format!(
                    "{}: {code}: expected {want:?}, got {got:?}",
                    fx.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn lint_fixtures_render_as_reviewed() {
    for path in fixtures() {
        let fx = load(&path);
        let file = LintedFile::new(
            format!("fixtures/lint/{}.txt", fx.name),
            fx.text.clone(),
            &fx.config,
        );
        insta::assert_snapshot!(
            format!("{}_text", fx.name),
            inci_cli::render::to_string(|o| inci_cli::render::lint_text::write(o, &file, false))
                .expect("renders")
        );
        insta::assert_json_snapshot!(
            format!("{}_json", fx.name),
            inci::lint::document(std::slice::from_ref(&file))
        );
    }
}

/// Names of a label as inci reads them: the canonical name, or the text when unknown.
fn names(text: &str) -> Vec<String> {
    inci::scan::scan(text)
        .ingredients
        .iter()
        .map(|i| i.name.map_or_else(|| i.raw.clone(), str::to_owned))
        .collect()
}

#[test]
fn fixes_round_trip() {
    for path in fixtures() {
        let fx = load(&path);
        let lints = lint(&fx.text, &fx.config);
        let (fixed, applied) = fix_text(&fx.text, &lints, &fx.config, Applicability::Safe);
        let label = inci::parse(&fixed, &inci::Cosing);
        label
            .verify()
            .unwrap_or_else(|e| panic!("{}: fixed text: {e}", fx.name));
        let after = lint(&fixed, &fx.config);
        let left: Vec<_> = after
            .iter()
            .filter(|l| {
                l.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == Applicability::Safe)
            })
            .collect();
        assert!(
            left.is_empty(),
            "{}: safe fixes left after --fix: {left:?}",
            fx.name
        );
        let (again, more) = fix_text(&fixed, &after, &fx.config, Applicability::Safe);
        assert_eq!(
            (again.as_str(), more),
            (fixed.as_str(), 0),
            "{}: fixing is not idempotent",
            fx.name
        );
        if let Some(want) = &fx.fixed_names {
            assert!(
                applied > 0,
                "{}: fixed-names given but nothing was fixed",
                fx.name
            );
            assert_eq!(&names(&fixed), want, "{}: fixed text:\n{fixed}", fx.name);
        }
    }
}

#[test]
fn unsafe_fixes_apply_only_when_asked() {
    let text = "Aqua, Niacinamide 10%, Glycerin, Glycerin";
    let config = Config::default();
    let lints = lint(text, &config);
    let (safe, _) = fix_text(text, &lints, &config, Applicability::Safe);
    assert_eq!(safe, text);
    let (all, applied) = fix_text(text, &lints, &config, Applicability::Unsafe);
    assert_eq!(all, "Aqua, Niacinamide, Glycerin");
    assert_eq!(applied, 2);
}
