//! SARIF output read back through the typed `serde-sarif` structures: version 2.1.0, every
//! rule described, one result per lint with its rule, level, region and fix.

use inci::lint::{Config, LintedFile, RULES};
use serde_sarif::sarif::{ResultLevel, Sarif};

fn files() -> Vec<LintedFile> {
    let config = Config::default();
    vec![
        LintedFile::new(
            "packs/serum.txt".into(),
            "GLOW AMPOULE\nIngredients: Aqua, Human Umbilical Mesenchymal Stem Cell Conditioned Media, Phenoxyetanol,, Crème Shea Butter.\n".into(),
            &config,
        ),
        LintedFile::new("clean.txt".into(), "Aqua, Glycerin".into(), &config),
    ]
}

#[test]
fn sarif_reads_back_as_typed_sarif() {
    let files = files();
    let text = inci_cli::render::to_string(|o| inci_cli::render::sarif::write(o, &files))
        .expect("serializes");
    let log: Sarif = serde_json::from_str(&text).expect("reads back as SARIF");
    assert_eq!(log.version, serde_json::json!("2.1.0"));
    assert_eq!(log.runs.len(), 1);
    let run = &log.runs[0];
    assert_eq!(run.tool.driver.name, "inci");
    let rules = run.tool.driver.rules.as_ref().expect("rules described");
    assert_eq!(rules.len(), RULES.len());
    for (d, r) in rules.iter().zip(RULES) {
        assert_eq!(d.id, r.code);
        assert_eq!(d.name.as_deref(), Some(r.name));
        assert!(d.help.as_ref().is_some_and(|h| h.text.contains("## Why")));
    }
    let results = run.results.as_ref().expect("results");
    let lints: Vec<_> = files
        .iter()
        .flat_map(|f| f.lints.iter().map(move |l| (f, l)))
        .collect();
    assert_eq!(results.len(), lints.len());
    assert!(
        lints.len() >= 4,
        "the serum yields L009, L002, L005, L001 at least"
    );
    for (res, (file, lint)) in results.iter().zip(&lints) {
        assert_eq!(res.rule_id.as_deref(), Some(lint.code));
        let index = res.rule_index.expect("rule index") as usize;
        assert_eq!(RULES[index].code, lint.code);
        let want = match lint.level {
            inci::lint::Level::Error => "error",
            inci::lint::Level::Warning => "warning",
            inci::lint::Level::Info => "note",
        };
        assert_eq!(
            res.level.as_ref().map(|l| l.to_string()),
            Some(want.to_owned())
        );
        let loc = &res.locations.as_ref().expect("location")[0];
        let phys = loc.physical_location.as_ref().expect("physical location");
        assert_eq!(
            phys.artifact_location
                .as_ref()
                .and_then(|a| a.uri.as_deref()),
            Some(file.path.as_str())
        );
        let region = phys.region.as_ref().expect("region");
        let start = inci::lint::position::line_col(&file.source, lint.span.start);
        assert_eq!(region.start_line, Some(start.line as i64));
        assert_eq!(region.start_column, Some(start.column as i64));
        assert_eq!(region.byte_offset, Some(lint.span.start as i64));
        assert_eq!(region.byte_length, Some(lint.span.len() as i64));
        let snippet = region.snippet.as_ref().and_then(|s| s.text.as_deref());
        assert_eq!(snippet, Some(lint.span.slice(&file.source)));
        match &lint.fix {
            Some(fix) => {
                let fixes = res.fixes.as_ref().expect("fix carried");
                let repl = &fixes[0].artifact_changes[0].replacements[0];
                assert_eq!(
                    repl.deleted_region.byte_offset,
                    Some(fix.edits[0].span.start as i64)
                );
                assert_eq!(
                    repl.inserted_content
                        .as_ref()
                        .and_then(|c| c.text.as_deref()),
                    Some(fix.edits[0].replacement.as_str())
                );
            }
            None => assert!(res.fixes.is_none()),
        }
    }
    // The human-derived ingredient is an error under entry 416.
    assert!(results.iter().any(
        |r| r.rule_id.as_deref() == Some("L009") && matches!(r.level, Some(ResultLevel::Error))
    ));
}

#[test]
fn columns_count_characters_as_column_kind_says() {
    let files = files();
    let log = inci_cli::render::sarif::log(&files);
    assert_eq!(
        log.runs[0].column_kind,
        Some(serde_json::json!("unicodeCodePoints"))
    );
}
