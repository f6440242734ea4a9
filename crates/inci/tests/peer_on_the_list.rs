//! The parser test suite of the peer tool on-the-list (Waiga/on-the-list,
//! `tests/test_ingredients.py`, MIT licence), transcribed case by case into inci's terms:
//! where the peer checks its `extract`, `trim`, `parse` or `component_headings`, these check
//! what inci's report says of the same text (the items it reads, their names, sections and
//! alternatives, and the stretches it skips with their reason). The texts are the peer's; the
//! expectations are the same facts. Credit: on-the-list by Waiga, MIT.

use inci::parse::Section;
use inci::scan::ScanReport;

fn report(text: &str) -> ScanReport {
    inci::scan(text)
}

/// The items as printed, qualifiers included.
fn raws(text: &str) -> Vec<String> {
    report(text)
        .ingredients
        .iter()
        .map(|i| i.raw.clone())
        .collect()
}

/// The canonical names (None for an unknown one).
fn names(text: &str) -> Vec<Option<&'static str>> {
    report(text).ingredients.iter().map(|i| i.name).collect()
}

fn skipped(text: &str) -> Vec<(&'static str, String)> {
    report(text)
        .skipped
        .iter()
        .map(|s| (s.reason.as_str(), s.text.trim().to_owned()))
        .collect()
}

// FindingTheListInsideALabel

#[test]
fn a_heading_in_english() {
    let text = "BRIGHT CREAM\n\nIngredients: Aqua, Glycerin.";
    assert_eq!(names(text), [Some("AQUA"), Some("GLYCERIN")]);
    assert!(
        skipped(text)
            .iter()
            .any(|(r, t)| *r == "preamble" && t == "BRIGHT CREAM")
    );
}

#[test]
fn a_heading_in_another_language() {
    for heading in ["Ingrédients", "Inhaltsstoffe", "Ingredientes", "INCI"] {
        let text = format!("{heading}: Aqua, Glycerin.");
        assert_eq!(names(&text), [Some("AQUA"), Some("GLYCERIN")], "{heading}");
    }
}

#[test]
fn no_heading_means_nothing_is_read() {
    assert_eq!(
        raws("A rich cream for dry skin. Dermatologist tested."),
        Vec::<String>::new()
    );
}

#[test]
fn the_list_stops_at_the_next_panel() {
    let text = "Ingredients: Aqua, Glycerin.\nDirections: apply.";
    assert!(raws(text).iter().all(|r| !r.contains("apply")));
    assert_eq!(names(text), [Some("AQUA"), Some("GLYCERIN")]);
}

// TrimmingAPanelThatIsNotAList

#[test]
fn a_fluoride_content_declaration_is_cut_off() {
    let text =
        "Aqua, Sorbitol, CI 74160, CI 77891. Contient du fluorure de sodium (1450 ppm de fluor)";
    assert!(
        raws(text).iter().all(|r| !r.contains("fluorure")),
        "{:?}",
        raws(text)
    );
    assert!(skipped(text).iter().any(|(_, t)| t.contains("fluorure")));
}

#[test]
fn the_same_in_the_other_languages_it_appears_in() {
    for text in [
        "Aqua, CI 77891. inneholder: natriumfluorid (1450ppm F)",
        "Aqua, CI 77891. Contains: Sodium Fluoride 0,32% w/w",
        "Aqua, CI 77891. Enthält Natriumfluorid (1450 ppm Fluorid)",
    ] {
        assert_eq!(names(text), [Some("AQUA"), Some("CI 77891")], "{text}");
        assert!(!skipped(text).is_empty(), "{text}");
    }
}

#[test]
fn an_ingredient_list_using_the_word_contains_is_untouched() {
    let text = "Aqua, Glycerin, Contains Nothing Extract, Parfum";
    assert_eq!(
        raws(text),
        ["Aqua", "Glycerin", "Contains Nothing Extract", "Parfum"]
    );
    assert!(skipped(text).is_empty());
}

#[test]
fn nothing_to_trim() {
    assert_eq!(raws("Aqua, Glycerin"), ["Aqua", "Glycerin"]);
    assert!(skipped("Aqua, Glycerin").is_empty());
}

// SplittingIntoIngredients

#[test]
fn order_is_preserved() {
    assert_eq!(
        raws("Aqua, Glycerin, Parfum"),
        ["Aqua", "Glycerin", "Parfum"]
    );
}

#[test]
fn a_comma_inside_brackets_does_not_split() {
    assert_eq!(
        raws("Butyrospermum Parkii (Shea, Karite) Butter, Aqua"),
        ["Butyrospermum Parkii (Shea, Karite) Butter", "Aqua"]
    );
}

#[test]
fn a_supplier_blend_is_two_ingredients() {
    assert_eq!(
        raws("Phenoxyethanol (and) Ethylhexylglycerin"),
        ["Phenoxyethanol", "Ethylhexylglycerin"]
    );
}

#[test]
fn percentages_and_footnotes_are_stripped() {
    let text = "Aloe Barbadensis Juice*, Glycerin 5%";
    let label = inci::parse(text, &inci::Cosing);
    let bare: Vec<String> = label
        .items
        .iter()
        .map(|i| i.name_text(text).trim().to_owned())
        .collect();
    assert_eq!(bare, ["Aloe Barbadensis Juice", "Glycerin"]);
}

#[test]
fn a_may_contain_block_is_marked_separately() {
    let r = report("Aqua, Mica [+/- CI 77491, CI 77492]");
    let sections: Vec<(&str, Section)> = r
        .ingredients
        .iter()
        .map(|i| (i.raw.as_str(), i.section))
        .collect();
    assert_eq!(
        sections,
        [
            ("Aqua", Section::Main),
            ("Mica", Section::Main),
            ("CI 77491", Section::MayContain),
            ("CI 77492", Section::MayContain),
        ]
    );
}

#[test]
fn a_bracketed_shade_block_ends_at_its_closing_bracket() {
    let r = report("Aqua, Mica [+/- CI 77491, CI 77492], Talc");
    let sections: Vec<(&str, Section)> = r
        .ingredients
        .iter()
        .map(|i| (i.raw.as_str(), i.section))
        .collect();
    assert_eq!(
        sections,
        [
            ("Aqua", Section::Main),
            ("Mica", Section::Main),
            ("CI 77491", Section::MayContain),
            ("CI 77492", Section::MayContain),
            ("Talc", Section::Main),
        ]
    );
}

#[test]
fn html_entities_are_resolved_before_splitting() {
    let text = "Aqua, &lt; 5 % soda, FD&amp;C Red 40";
    let r = raws(text);
    assert!(!r.iter().any(|x| x == "&lt" || x == "FD&amp"), "{r:?}");
    assert!(
        names(text).contains(&Some("CI 16035")),
        "FD&C Red 40: {r:?}"
    );
}

#[test]
fn punctuation_alone_is_not_an_ingredient() {
    assert_eq!(raws("Aqua, , -, ., Glycerin"), raws("Aqua, Glycerin"));
}

// SynonymsPrintedBesideAName

#[test]
fn a_slash_with_a_space_separates_two_names_for_one_thing() {
    let r = report("CI 77891 / TITANIUM DIOXIDE");
    let ing = &r.ingredients[0];
    let mut all: Vec<&str> = ing
        .name
        .into_iter()
        .chain(ing.alternatives.clone())
        .collect();
    all.sort_unstable();
    assert_eq!(all, ["CI 77891", "TITANIUM DIOXIDE"]);
}

#[test]
fn a_slash_without_a_space_is_part_of_one_name() {
    let r = report("Caprylic/Capric Triglyceride");
    assert_eq!(r.ingredients[0].name, Some("CAPRYLIC/CAPRIC TRIGLYCERIDE"));
    assert!(r.ingredients[0].alternatives.is_empty());
}

#[test]
fn a_slash_with_a_space_on_one_side_only_is_not_a_synonym() {
    for printed in [
        "STYRENE/ ACRYLATES COPOLYMER",
        "Styrene /Acrylates Copolymer",
    ] {
        let r = report(printed);
        assert_eq!(
            r.ingredients[0].name,
            Some("STYRENE/ACRYLATES COPOLYMER"),
            "{printed}"
        );
        assert!(r.ingredients[0].alternatives.is_empty(), "{printed}");
    }
}

#[test]
fn a_polymer_names_its_monomers_with_slashes_not_synonyms() {
    for (printed, want) in [
        (
            "Styrene / Acrylates Copolymer",
            "STYRENE/ACRYLATES COPOLYMER",
        ),
        (
            "Acrylates / C10-30 Alkyl Acrylate Crosspolymer",
            "ACRYLATES/C10-30 ALKYL ACRYLATE CROSSPOLYMER",
        ),
        ("VP / VA Copolymer", "VP/VA COPOLYMER"),
    ] {
        let r = report(printed);
        assert_eq!(r.ingredients[0].name, Some(want), "{printed}");
        assert!(r.ingredients[0].alternatives.is_empty(), "{printed}");
    }
}

#[test]
fn a_parenthetical_is_looked_up_separately() {
    let r = report("Titanium Dioxide (CI 77891)");
    assert_eq!(r.ingredients[0].name, Some("TITANIUM DIOXIDE"));
    assert_eq!(r.ingredients[0].alternatives, ["CI 77891"]);
}

// WhenTheFieldIsNotOneList

#[test]
fn a_component_heading_is_found() {
    let text = "MASQUE: Aqua, Glycerin. GEL DOUCHE: Aqua, Parfum";
    let headings: Vec<String> = skipped(text)
        .into_iter()
        .filter(|(r, _)| *r == "heading")
        .map(|(_, t)| t.trim_end_matches(':').to_owned())
        .collect();
    assert_eq!(headings, ["MASQUE", "GEL DOUCHE"]);
    assert_eq!(raws(text), ["Aqua", "Glycerin", "Aqua", "Parfum"]);
}

#[test]
fn the_word_ingredients_alone_is_not_a_component() {
    assert!(
        skipped("Ingredients: Aqua, Glycerin")
            .iter()
            .all(|(r, _)| *r != "heading")
    );
}

#[test]
fn but_two_of_them_are_two_lists() {
    let text = "Ingredients: Aqua, Glycerin. Ingredients: Aqua, Parfum";
    let headers = skipped(text).iter().filter(|(r, _)| *r == "header").count();
    assert_eq!(headers, 2);
    assert_eq!(raws(text), ["Aqua", "Glycerin", "Aqua", "Parfum"]);
}

#[test]
fn a_warning_panel_heading_is_not_a_component() {
    let text = "Aqua, Glycerin. Caution: avoid the eyes.";
    assert!(skipped(text).iter().all(|(r, _)| *r != "heading"));
    assert_eq!(raws(text), ["Aqua", "Glycerin"]);
}

#[test]
fn an_ordinary_list_has_none() {
    assert!(skipped("Aqua, Glycerin, Parfum, CI 77491").is_empty());
}

// RecognisingWhatIsNotAnIngredient

#[test]
fn a_sentence_is_recognised_as_prose() {
    let text = "Aqua, this rinse is not intended to replace brushing or flossing";
    assert_eq!(raws(text), ["Aqua"]);
    assert!(skipped(text).iter().any(|(r, _)| *r == "prose"));
}

#[test]
fn the_longest_real_inci_names_are_not() {
    for name in [
        "Ammonium Polyacryldimethyltauramide / Ammonium Polyacryloyldimethyl Taurate",
        "Butyrospermum Parkii (Shea) Butter",
        "Hydrogenated Styrene/Methyl Styrene/Indene Copolymer",
        "PEG/PPG/Polybutylene Glycol-8/5/3 Glycerin",
    ] {
        assert_eq!(raws(name), [name], "{name}");
        assert!(names(name)[0].is_some(), "{name}");
    }
}

// `bytes_are_not_a_list`: reading bytes is the command line's job; the case is in
// crates/inci-cli/tests/cli.rs (`peer_bytes_are_not_a_list`).

// HostileInput

#[test]
fn none_of_the_hostile_inputs_raises() {
    let control: String = (1u8..32).map(char::from).collect::<String>().repeat(100);
    let cases: Vec<String> = vec![
        String::new(),
        ",".into(),
        "a".repeat(40_000),
        "aqua,".repeat(8_000),
        format!("{}aqua{}", "(".repeat(500), ")".repeat(500)),
        "aqua (".repeat(2_000),
        "aqua )".repeat(2_000),
        "[+/- ]".into(),
        "Aqua,\r\nGlycerin,\r\nParfum".into(),
        format!("({})", "aqua, ".repeat(5_000)),
        "\0".repeat(100),
        control,
        vec!["aqua"; 3_000].join(" / "),
        "a: ".repeat(3_000),
        "[+/- [+/- [+/- CI 77491]]]".into(),
    ];
    for text in &cases {
        let label = inci::parse(text, &inci::Cosing);
        label.verify().expect("lossless");
        let _ = inci::scan(text);
    }
}

#[test]
fn ten_thousand_slash_separated_names_are_not_quadratic() {
    // The peer's guard: 5 s for 10,000 names; this is far below it on any machine, and the
    // limit is generous so that it is never a timing test of ours.
    let text = vec!["aqua"; 10_000].join(" / ");
    let start = std::time::Instant::now();
    let r = inci::scan(&text);
    assert!(start.elapsed().as_secs_f64() < 5.0);
    assert_eq!(r.ingredients.len(), 1);
}
