//! The headline of a report (`inci::headline`): at most three sentences, each read off the
//! report's own findings.

fn headline(text: &str) -> Vec<String> {
    inci::scan(text).headline
}

#[test]
fn the_flagship_serum_says_prohibited_not_vegan_and_the_market() {
    let h = headline(
        "Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media, \
         Isopropyl Myristate, Parfum",
    );
    assert_eq!(h.len(), 3);
    assert_eq!(
        h[0],
        "Prohibited in the European Union: it lists HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED \
         MEDIA; high concern also for pores (ISOPROPYL MYRISTATE)."
    );
    // One sentence each: at most three.
    assert!(h.iter().all(|s| s.matches(". ").count() == 0), "{h:?}");
    assert!(
        h[1].starts_with("Not vegan or vegetarian: HUMAN UMBILICAL"),
        "{h:?}"
    );
    assert_eq!(h[2], "Checked against the rules of the European Union.");
}

#[test]
fn a_plain_list_an_unknown_name_and_no_list() {
    let h = headline("Aqua, Xanthan Gum, Frobnicate Extract");
    assert_eq!(
        h[0],
        "Nothing of concern was found in the ingredients read."
    );
    assert_eq!(
        h[2],
        "Checked against the rules of the European Union; 1 of 3 ingredients could not be identified, \
         so nothing is said of them."
    );
    let h = headline("No Info");
    assert!(h[0].starts_with("No ingredient list was read"), "{h:?}");
    assert!(h[1].contains("no list"), "{h:?}");
    let h = headline("Aqua, Glycerin");
    assert_eq!(
        h[1],
        "Vegan status unknown: GLYCERIN may be of animal origin; ask the brand."
    );
}
