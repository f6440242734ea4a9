//! Property tests: the parser never panics and always covers its input exactly; the linter
//! never panics, and its spans and fixes stay on the text's character boundaries.

use proptest::prelude::*;

fn check(text: &str) -> Result<(), TestCaseError> {
    let label = inci::parse(text, &inci::Cosing);
    if let Err(e) = label.verify() {
        return Err(TestCaseError::fail(format!("{e} for {text:?}")));
    }
    // The per-thread memo of text pieces changes nothing: the same label without it (the
    // cases before this one filled it with the pieces they share).
    let fresh = inci::parse(text, &Unfixed);
    prop_assert_eq!(&label.items, &fresh.items);
    prop_assert_eq!(&label.tokens, &fresh.tokens);
    prop_assert_eq!(&label.diagnostics, &fresh.diagnostics);
    let report = inci::scan::Scanner::new().report(&label);
    prop_assert_eq!(report.ingredients.len(), label.items.len());
    for (ing, item) in report.ingredients.iter().zip(&label.items) {
        prop_assert_eq!(&ing.raw, &text[item.span.start..item.span.end]);
    }
    check_lint(text)
}

/// The embedded dictionary with no fixed name, so the parser remembers no piece.
struct Unfixed;

impl inci::parse::Lexicon for Unfixed {
    fn is_known(&self, text: &str) -> bool {
        inci::Cosing.is_known(text)
    }
    fn continues_past_separator(&self, text: &str) -> bool {
        inci::Cosing.continues_past_separator(text)
    }
    fn glued_names(&self, text: &str) -> Option<Vec<(usize, usize)>> {
        inci::Cosing.glued_names(text)
    }
}

/// `inci lint` on any text: spans and fix edits lie on character boundaries inside the text,
/// and the text with every fix applied (unsafe ones too) still parses losslessly.
fn check_lint(text: &str) -> Result<(), TestCaseError> {
    use inci::lint::{Applicability, Config};
    let config = Config::default();
    let lints = inci::lint::lint(text, &config);
    let on_boundaries = |s: inci::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for l in &lints {
        prop_assert!(
            on_boundaries(l.span),
            "lint {:?} out of bounds in {:?}",
            l,
            text
        );
        for e in l.fix.iter().flat_map(|f| &f.edits) {
            prop_assert!(
                on_boundaries(e.span),
                "edit {:?} out of bounds in {:?}",
                e,
                text
            );
        }
    }
    let (fixed, _) = inci::lint::fix_text(text, &lints, &config, Applicability::Unsafe);
    if let Err(e) = inci::parse(&fixed, &inci::Cosing).verify() {
        return Err(TestCaseError::fail(format!(
            "{e} for fixed {fixed:?} of {text:?}"
        )));
    }
    Ok(())
}

/// Characters that matter to the grammar, mixed with letters and digits.
fn label_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        1 => prop::char::range('0', '9'),
        3 => prop::sample::select(vec![
            ' ', ',', ';', '.', '/', '(', ')', '[', ']', '{', '}', '\n', '\r', '\t', '-', '+', '%', '*', ':', '&', '#',
            '•', '·', '，', '、', '†', '°', '¹', '\u{a0}', '\u{200b}', '\u{feff}', '（', '）', '±', 'é', 'ł',
        ]),
    ]
}

fn label_words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "Aqua",
            "Water",
            "Eau",
            "Glycerin",
            "1,2-Hexanediol",
            "Caprylic/Capric Triglyceride",
            "[+/-",
            "+/-",
            "(nano)",
            "May contain:",
            "Ingredients:",
            "INCI:",
            "(and)",
            "10%",
            "5,5 %",
            "Cl 77491",
            "C.I. 77491",
            "FD&amp;C",
            "Glyc-\nerin",
            "Directions:",
            "Made in",
            "*Organic",
            ", ",
            "; ",
            "\n",
            " ",
            "(",
            ")",
            "]",
            ".",
            "STEP 01:",
            "Shea Butter",
            "Phenoxyetanol",
            "Vitamin E",
            ",,",
            "Contains alkali.",
            "Potassium Hydroxide",
            "Parfum",
            "CI 77491",
            "Human Umbilical Mesenchymal Stem Cell Conditioned Media",
            "Crème",
        ]),
        0..40,
    )
    .prop_map(|w| w.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn grammar_characters(chars in prop::collection::vec(label_char(), 0..300)) {
        let text: String = chars.into_iter().collect();
        check(&text)?;
    }

    #[test]
    fn label_fragments(text in label_words()) {
        check(&text)?;
    }
}

#[test]
fn a_hundred_thousand_nested_parentheses() {
    for text in [
        "(".repeat(100_000),
        ")".repeat(100_000),
        format!("{}Aqua{}", "(".repeat(100_000), ")".repeat(100_000)),
        "[(".repeat(50_000),
        "Aqua, ".repeat(20_000),
    ] {
        check(&text).expect("invariants hold");
    }
}

#[test]
fn empty_and_blank_inputs() {
    // The last one once panicked: a full-width colon ending a heading.
    for text in [
        "",
        " ",
        "\n",
        ",",
        "\u{feff}",
        "...",
        "()",
        "[+/-]",
        "🕴𑍐ꢄ*`3.𑬀：ணH3𐶏%𝍳<ö",
        "Step 1：Aqua",
        "：",
        "a：",
    ] {
        check(text).expect("invariants hold");
    }
}
