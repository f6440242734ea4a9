//! The lint rules: one file per rule, one line per rule in [`RULES`].
//!
//! Each file holds a `pub const RULE: Rule` (code, name, default level, whether it fixes,
//! a one-line summary and the documentation `inci rule CODE` prints) and its check function.
//! Each rule has a fixture `fixtures/lint/CODE.txt` stating what it must emit.

mod l001_unknown_ingredient;
mod l002_misspelling;
mod l003_non_canonical_name;
mod l004_duplicate_ingredient;
mod l005_empty_item;
mod l006_unbalanced_bracket;
mod l007_malformed_may_contain;
mod l008_colourant_order;
mod l009_prohibited_substance;
mod l010_missing_warning;
mod l011_parfum_without_allergens;
mod l012_prose_in_list;
mod l013_percentage_in_list;
mod l014_watch_list;
mod l015_no_ingredient_list;
mod l016_missing_separator;

use super::{Context, Level, Lint};

/// Whether a rule offers fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixKind {
    /// No fix: a person must decide.
    None,
    /// Always a safe fix.
    Safe,
    /// Safe when the correction is certain, unsafe otherwise.
    Sometimes,
    /// Always an unsafe fix (applied only with `--unsafe-fixes`).
    Unsafe,
}

impl FixKind {
    /// For people: `safe fix`, `no fix`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            FixKind::None => "no fix",
            FixKind::Safe => "safe fix",
            FixKind::Sometimes => "safe or unsafe fix",
            FixKind::Unsafe => "unsafe fix",
        }
    }
}

/// A lint rule.
#[non_exhaustive]
pub struct Rule {
    /// Stable code (`L002`).
    pub code: &'static str,
    /// Stable kebab-case name (`misspelling`).
    pub name: &'static str,
    /// Level unless `inci.toml` sets another.
    pub level: Level,
    /// Whether it fixes.
    pub fix: FixKind,
    /// One line: what it finds.
    pub summary: &'static str,
    /// Why it matters, an example, what the fix does, and the sources (Markdown).
    pub doc: &'static str,
    /// Appends its lints for one label.
    pub check: fn(&Context<'_>, &mut Vec<Lint>),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Rule({} {})", self.code, self.name)
    }
}

/// Every rule, in code order.
pub static RULES: &[Rule] = &[
    l001_unknown_ingredient::RULE,
    l002_misspelling::RULE,
    l003_non_canonical_name::RULE,
    l004_duplicate_ingredient::RULE,
    l005_empty_item::RULE,
    l006_unbalanced_bracket::RULE,
    l007_malformed_may_contain::RULE,
    l008_colourant_order::RULE,
    l009_prohibited_substance::RULE,
    l010_missing_warning::RULE,
    l011_parfum_without_allergens::RULE,
    l012_prose_in_list::RULE,
    l013_percentage_in_list::RULE,
    l014_watch_list::RULE,
    l015_no_ingredient_list::RULE,
    l016_missing_separator::RULE,
];

/// The rule with this code or name (any case).
pub fn rule_by_code(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code) || r.name.eq_ignore_ascii_case(code))
}

/// `canonical` (upper case, as CosIng prints it) in the case style of `sample`, the text it
/// replaces: upper case stays upper case; otherwise each word is capitalised, keeping
/// abbreviations and words with digits upper case (`PEG-40 Hydrogenated Castor Oil`,
/// `CI 77891`, `1,2-Hexanediol`).
pub fn in_case_of(sample: &str, canonical: &str) -> String {
    let letters = sample.chars().filter(|c| c.is_alphabetic());
    let upper = letters.clone().filter(|c| c.is_uppercase()).count();
    let total = letters.count();
    if total == 0 || upper == total {
        return canonical.to_owned();
    }
    let mut out = String::with_capacity(canonical.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let keep = ABBREVIATIONS.contains(&word.as_str());
        for (i, c) in word.chars().enumerate() {
            if keep || i == 0 {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
        }
        word.clear();
    };
    let mut has_digit = false;
    for c in canonical.chars() {
        if c.is_alphanumeric() {
            has_digit |= c.is_ascii_digit();
            word.push(c);
        } else {
            // A word run with a digit stays as printed (`PEG-40`, `C12-15`).
            if has_digit {
                out.push_str(&word);
                word.clear();
            } else {
                flush(&mut word, &mut out);
            }
            has_digit = false;
            out.push(c);
        }
    }
    if has_digit {
        out.push_str(&word);
    } else {
        flush(&mut word, &mut out);
    }
    out
}

/// Abbreviations printed upper case in title-case labels.
const ABBREVIATIONS: &[&str] = &[
    "PEG", "PPG", "CI", "BHT", "BHA", "EDTA", "DMDM", "MEA", "DEA", "TEA", "HC", "PVP", "PVM",
    "MA", "II", "III", "IV", "VP", "MIPA", "TIPA", "AMP", "SD", "DNA", "RNA", "PCA", "HDI", "IPDI",
    "TDI", "MDI", "PET", "PTFE", "UV", "SH", "RH",
];

/// True for a pure colourant: an entry whose only CosIng functions are colouring ones, and
/// no other name of the substance (same CAS number) is a colourant with other functions.
/// Titanium dioxide and mica (also opacifiers or fillers) are not, nor is `CI 77891`, the
/// colour index name of titanium dioxide.
pub fn is_colourant(entry: &inci_dict::Entry) -> bool {
    only_colours(entry)
        && !inci_dict::same_cas(*entry)
            .any(|e| e.functions().any(|f| f.eq_ignore_ascii_case("Colorant")) && !only_colours(&e))
}

fn only_colours(entry: &inci_dict::Entry) -> bool {
    // Most entries say nothing of colour: one substring test settles them.
    if !(entry.functions_joined.contains("Colorant")
        || entry.functions_joined.contains("Hair Dyeing"))
    {
        return false;
    }
    entry
        .functions()
        .all(|f| f.eq_ignore_ascii_case("Colorant") || f.eq_ignore_ascii_case("Hair Dyeing"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_ordered_and_documented() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.code, format!("L{:03}", i + 1), "{} out of order", r.name);
            assert!(r.doc.contains("## Why"), "{} has no rationale", r.code);
            assert!(
                !r.summary.is_empty() && !r.summary.ends_with('.'),
                "{} summary",
                r.code
            );
            assert!(
                r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} name is not kebab-case",
                r.code
            );
        }
    }

    #[test]
    fn case_follows_the_label() {
        assert_eq!(
            in_case_of("Shea Butter", "BUTYROSPERMUM PARKII BUTTER"),
            "Butyrospermum Parkii Butter"
        );
        assert_eq!(
            in_case_of("SHEA BUTTER", "BUTYROSPERMUM PARKII BUTTER"),
            "BUTYROSPERMUM PARKII BUTTER"
        );
        assert_eq!(
            in_case_of("peg-40", "PEG-40 HYDROGENATED CASTOR OIL"),
            "PEG-40 Hydrogenated Castor Oil"
        );
        assert_eq!(in_case_of("Iron oxides", "CI 77491"), "CI 77491");
        assert_eq!(in_case_of("hexanediol", "1,2-HEXANEDIOL"), "1,2-Hexanediol");
        assert_eq!(
            in_case_of("x", "CAPRYLIC/CAPRIC TRIGLYCERIDE"),
            "Caprylic/Capric Triglyceride"
        );
        assert_eq!(in_case_of("x", "ALCOHOL DENAT."), "Alcohol Denat.");
    }

    #[test]
    fn colourants_are_pure_colouring_entries() {
        let e = |n: &str| inci_dict::entry_by_name(n).expect("known");
        assert!(is_colourant(&e("CI 77491")));
        assert!(!is_colourant(&e("TITANIUM DIOXIDE")));
        assert!(!is_colourant(&e("MICA")));
        assert!(!is_colourant(&e("GLYCERIN")));
        assert!(
            !is_colourant(&e("CI 77891")),
            "titanium dioxide under its colour index"
        );
    }
}
