//! Estimated shares (`inci::risk::share`) on lists whose ranges were worked out by hand, each
//! with the reasoning in a line: EU labels order the ingredients above 1 % by concentration, a
//! printed percentage bounds its ingredient, and the shares add up to 100.

/// Each ingredient's `[min, max]`, `None` where no share is estimated.
type Ranges = Vec<Option<(f64, f64)>>;

fn shares(label: &str) -> Ranges {
    let report = inci::scan(label);
    assert!(
        report.inconsistent_shares.is_none(),
        "{label}: {:?}",
        report.inconsistent_shares
    );
    report
        .ingredients
        .iter()
        .map(|i| i.share.map(|s| (s.min, s.max)))
        .collect()
}

fn some(ranges: &[(f64, f64)]) -> Ranges {
    ranges.iter().copied().map(Some).collect()
}

#[test]
fn lists_worked_by_hand() {
    let cases: &[(&str, Ranges)] = &[
        // One ingredient is the whole product.
        ("Aqua", some(&[(100.0, 100.0)])),
        // The first holds at least half; the second at most half.
        ("Aqua, Glycerin", some(&[(50.0, 100.0), (0.0, 50.0)])),
        // No marker, no percentage: only the order and the sum.
        (
            "Aqua, Glycerin, Butylene Glycol",
            some(&[(33.3333, 100.0), (0.0, 50.0), (0.0, 33.3333)]),
        ),
        // 5 % glycerin: aqua before it holds at least 5, the rest after it at most 5, so
        // aqua holds at least 100 - 5 - 5 - 5.
        (
            "Aqua, Glycerin 5%, Niacinamide, Parfum",
            some(&[(85.0, 95.0), (5.0, 5.0), (0.0, 5.0), (0.0, 5.0)]),
        ),
        // Aqua at 70 %: the 30 left go to glycerin then alcohol, glycerin at least half.
        (
            "Aqua 70%, Glycerin, Alcohol",
            some(&[(70.0, 70.0), (15.0, 30.0), (0.0, 15.0)]),
        ),
        // A declared 0.5 %: whatever follows is at or under 1 %; aqua and glycerin share the
        // rest, glycerin at most half of 99.5, aqua at least what 49.75 + 0.5 + 1 leave.
        (
            "Aqua, Glycerin, Retinol 0.5%, Tocopherol",
            some(&[(49.25, 99.5), (0.0, 49.75), (0.5, 0.5), (0.0, 1.0)]),
        ),
        // Under 1 % the order is free: 0.8 % before 0.9 % is fine.
        (
            "Aqua, Glycerin, Phenoxyethanol 0.8%, Ethylhexylglycerin 0.9%",
            some(&[(49.15, 98.3), (0.0, 49.15), (0.8, 0.8), (0.9, 0.9)]),
        ),
        // A range and a decimal comma.
        (
            "Aqua, Niacinamide 4-5%, Zinc PCA 1,5%",
            some(&[(93.5, 94.5), (4.0, 5.0), (1.5, 1.5)]),
        ),
        // `<1%` is at most 1; what follows it is too.
        (
            "Aqua, Salicylic Acid <1%, Glycerin",
            some(&[(98.0, 100.0), (0.0, 1.0), (0.0, 1.0)]),
        ),
    ];
    for (label, want) in cases {
        assert_eq!(&shares(label), want, "{label}");
    }
}

#[test]
fn the_flagship_serum() {
    // Niacinamide 5 % is seventh: the six before it hold at least 5 each, the three after it
    // at most 5 each; aqua at least 13.33 (it and the five after it at 13.33, the last three
    // at 5: 80 + 5 + 15), at most 100 - 25 - 5; glycerin at most 37.5 (with aqua at 37.5
    // and four more at 5, niacinamide 5), and so on down; the may-contain colours get none.
    let got = shares(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/examples/flagship_serum.txt"
        ))
        .expect("the flagship serum"),
    );
    let want = vec![
        Some((13.3333, 70.0)),
        Some((5.0, 37.5)),
        Some((5.0, 26.6667)),
        Some((5.0, 21.25)),
        Some((5.0, 18.0)),
        Some((5.0, 15.8333)),
        Some((5.0, 5.0)),
        Some((0.0, 5.0)),
        Some((0.0, 5.0)),
        Some((0.0, 5.0)),
        None,
        None,
    ];
    assert_eq!(got, want);
}

#[test]
fn impossible_lists_are_inconsistent_not_estimated() {
    for label in [
        "Aqua, Glycerin 80%, Niacinamide 30%",
        // 5 % cannot follow 2 %: above 1 % the order is descending.
        "Aqua, Niacinamide 2%, Glycerin 5%",
        "Aqua 60%, Glycerin 60%",
    ] {
        let report = inci::scan(label);
        let bad = report.inconsistent_shares.as_ref();
        assert!(bad.is_some(), "{label}");
        assert!(
            report.ingredients.iter().all(|i| i.share.is_none()),
            "{label}"
        );
    }
}

#[test]
fn lists_cut_short_or_in_us_order_keep_only_printed_shares() {
    // Shares that cannot reach 100 %: key ingredients quoted from a description, not a whole
    // list. Not impossible, so not inconsistent; nothing is inferred from the order.
    for (label, want) in [
        (
            "Aqua 60%, Glycerin 30%",
            vec![Some((60.0, 60.0)), Some((30.0, 30.0))],
        ),
        (
            "Titanium Dioxide 3.55%, Octinoxate 3.74%, Oxybenzone 1%",
            vec![Some((3.55, 3.55)), Some((3.74, 3.74)), Some((1.0, 1.0))],
        ),
        // US sunscreen order: actives first with their percentages, then the rest.
        (
            "Octocrylene 7%, Avobenzone 3%, Caprylic/Capric Triglyceride, Cocos Nucifera Oil",
            vec![
                Some((7.0, 7.0)),
                Some((3.0, 3.0)),
                Some((0.0, 100.0)),
                Some((0.0, 100.0)),
            ],
        ),
        // A Drug Facts panel's headers say the same.
        (
            "Active Ingredients: Zinc Oxide 12% Inactive Ingredients: Water, Glycerin",
            vec![Some((12.0, 12.0)), Some((0.0, 100.0)), Some((0.0, 100.0))],
        ),
    ] {
        assert_eq!(shares(label), want, "{label}");
    }
}

/// Each ingredient's cap if the product complies with the EU annexes: `(max, "V 29")`.
fn caps(label: &str, scanner: &inci::scan::Scanner) -> Vec<Option<(f64, String)>> {
    scanner
        .scan(label)
        .ingredients
        .iter()
        .map(|i| {
            i.share
                .and_then(|s| s.if_compliant)
                .map(|c| (c.max, format!("{} {}", c.annex, c.reference)))
        })
        .collect()
}

#[test]
fn annex_maxima_cap_a_share_only_if_the_product_complies() {
    let eu = inci::scan::Scanner::new();
    let label = "Aqua, Glycerin, Niacinamide, Phenoxyethanol, Parfum, Methylparaben";
    let got = caps(label, &eu);
    // Phenoxyethanol: at most 25 % by the order (after aqua, glycerin and niacinamide), 1 %
    // by Annex V entry 29. Methylparaben's maximum is calculated as the acid: no cap. The
    // others have no annex maximum.
    assert_eq!(got[3], Some((1.0, "V 29".to_owned())));
    assert!(
        got.iter().enumerate().all(|(k, c)| k == 3 || c.is_none()),
        "{got:?}"
    );
    let report = eu.scan(label);
    let phenoxy = report.ingredients[3].share.expect("a share");
    // The cap is beside the range, not in it: the label alone allows 25 %.
    assert_eq!((phenoxy.min, phenoxy.max), (0.0, 25.0));
    assert!(phenoxy.if_compliant.is_some_and(|c| {
        c.source
            .starts_with("Regulation (EC) 1223/2009 Annex V entry 29")
    }));

    // Salicylic acid, Annex III entry 98: 3 % in rinse-off hair products, 2 % in other
    // products, 0.5 % in body lotions and lip products; Annex V entry 3: 0.5 % as a
    // preservative. The cap is the most any scope that may cover the product allows.
    let label = "Aqua, Glycerin, Salicylic Acid, Parfum";
    let rinse = inci::scan::Scanner::new().product_type(Some(inci::risk::ProductType::RinseOff));
    let leave = inci::scan::Scanner::new().product_type(Some(inci::risk::ProductType::LeaveOn));
    assert_eq!(caps(label, &eu)[2], Some((3.0, "III 98".to_owned())));
    assert_eq!(caps(label, &rinse)[2], Some((3.0, "III 98".to_owned())));
    assert_eq!(caps(label, &leave)[2], Some((2.0, "III 98".to_owned())));

    // A printed percentage is better than any assumption; and a cap the label contradicts is
    // not given (R008 says the label puts it over the limit).
    assert!(
        caps("Aqua, Glycerin, Phenoxyethanol 0.5%", &eu)
            .iter()
            .all(Option::is_none)
    );
    let over = eu.scan("Aqua, Glycerin, Phenoxyethanol, Niacinamide 5%, Parfum");
    assert_eq!(over.ingredients[2].share.map(|s| s.min), Some(5.0));
    assert!(
        over.ingredients[2]
            .share
            .is_some_and(|s| s.if_compliant.is_none())
    );
    assert!(over.findings.iter().any(|f| f.code == "R008"));

    // Markets without the EU's annexes: no EU cap.
    let korea = inci::scan::Scanner::from_names("general", None, Some("kr")).expect("kr");
    assert!(
        caps("Aqua, Glycerin, Niacinamide, Phenoxyethanol", &korea)
            .iter()
            .all(Option::is_none)
    );
}
