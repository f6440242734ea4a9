//! Lint output on a long one-line label (issue 11, case 3): each diagnostic and each fix
//! preview shows a window around its spans, not the whole line, and the position in its header
//! is the one the JSON output gives.
//!
//! Before, every diagnostic handed the whole line to the renderer and every fix preview
//! repeated it, so a 200 KB label took 327 s and 9 GB; the time itself is measured by
//! `benches/scaling.sh`, these tests pin the shape that makes it linear.

use inci::lint::position::LineIndex;
use inci::lint::{Config, LintedFile};

fn long_label(repeats: usize) -> String {
    let items = [
        "Aqua",
        "Glycerin",
        "Talcc",
        "Parfum",
        "glycerin",
        "Crème de Karité",
        "Sodium Laureth Sulfate",
    ];
    let mut all = Vec::new();
    for _ in 0..repeats {
        all.extend(items);
    }
    all.join(", ")
}

#[test]
fn every_output_line_is_a_window_not_the_whole_line() {
    let label = long_label(400);
    assert!(label.len() > 30_000, "{}", label.len());
    let file = LintedFile::new("long.txt".into(), label, &Config::default());
    assert!(file.lints.len() > 1000, "{} lints", file.lints.len());
    let text = inci_cli::render::to_string(|o| inci_cli::render::lint_text::write(o, &file, false))
        .expect("renders");
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 400, "an output line of {longest} characters");
    // Output grows with the lints, not with lints times the line.
    let per_lint = text.len() / file.lints.len();
    assert!(per_lint < 2_000, "{per_lint} bytes per lint");
    assert!(text.contains('…'), "a cut line is marked");
}

#[test]
fn headers_give_the_position_json_gives() {
    let label = long_label(40);
    let file = LintedFile::new("long.txt".into(), label, &Config::default());
    let index = LineIndex::new(&file.source);
    let text = inci_cli::render::to_string(|o| inci_cli::render::lint_text::write(o, &file, false))
        .expect("renders");
    let headers: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> long.txt:"))
        .collect();
    assert_eq!(headers.len(), file.lints.len(), "one header per lint");
    for (lint, header) in file.lints.iter().zip(&headers) {
        let at = index.line_col(lint.span.start);
        assert_eq!(
            *header,
            format!("{}:{}", at.line, at.column),
            "{}",
            lint.message
        );
    }
    // Past the accented ingredient, characters and bytes differ: the column counts characters.
    let late = file.lints.last().map(|l| l.span.start).unwrap_or(0);
    assert!(index.line_col(late).column < late + 1);
}

#[test]
fn the_index_agrees_with_line_col_on_many_lines() {
    let text = format!(
        "{}\n\n{}",
        long_label(50).replace(", ", ",\n"),
        long_label(5)
    );
    let index = LineIndex::new(&text);
    for offset in (0..text.len()).step_by(3) {
        assert_eq!(
            index.line_col(offset),
            inci::lint::position::line_col(&text, offset),
            "offset {offset}"
        );
    }
}
