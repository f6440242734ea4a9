//! British spellings and former plant names on labels (`Sodium Lauryl Sulphate`, `Aluminium`, `Colour`, `Hydrolysed`)
//! and the American ones CosIng uses.
//!
//! This is a rule, not a word list: every CosIng name with `SULF` also exists in British
//! spelling on some label, and listing them all would double the dictionary for nothing.

/// Word pieces, British first. Applied left to right; all that match are replaced.
const PIECES: &[(&str, &str)] = &[
    ("SULPH", "SULF"),
    ("ALUMINIUM", "ALUMINUM"),
    ("COLOUR", "COLOR"),
    ("FLAVOUR", "FLAVOR"),
    ("ODOUR", "ODOR"),
    ("OESTR", "ESTR"),
    ("CAESIUM", "CESIUM"),
    ("YSED", "YZED"),
    ("ISED", "IZED"),
    ("YSATE", "YZATE"),
    ("ISATION", "IZATION"),
    // Former INCI names of plants, renamed in the International Nomenclature and still printed
    // on older packs (PCPC INCI Dictionary updates).
    ("CITRUS MEDICA LIMONUM", "CITRUS LIMON"),
    ("CITRULLUS VULGARIS", "CITRULLUS LANATUS"),
    ("MORINGA PTERYGOSPERMA", "MORINGA OLEIFERA"),
    ("CHAMOMILLA RECUTITA", "MATRICARIA CHAMOMILLA"),
    ("ALEURITES MOLUCCANA", "ALEURITES MOLUCCANUS"),
    ("EUPHORBIA CERIFERA WAX", "EUPHORBIA CERIFERA CERA"),
    ("COPERNICIA CERIFERA WAX", "COPERNICIA CERIFERA CERA"),
    // Genus spellings labels use for the CosIng one.
    ("SCHIZANDRA", "SCHISANDRA"),
];

/// The American spelling of a folded key, or `None` when it has no British piece.
pub fn americanize(key: &str) -> Option<String> {
    if !PIECES.iter().any(|(gb, _)| key.contains(gb)) {
        return None;
    }
    let mut out = key.to_owned();
    for (gb, us) in PIECES {
        if out.contains(gb) {
            out = out.replace(gb, us);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::americanize;

    #[test]
    fn americanizes_known_pieces() {
        assert_eq!(
            americanize("SODIUM LAURETH SULPHATE").as_deref(),
            Some("SODIUM LAURETH SULFATE")
        );
        assert_eq!(
            americanize("HYDROLYSED COLLAGEN").as_deref(),
            Some("HYDROLYZED COLLAGEN")
        );
        assert_eq!(americanize("GLYCERIN"), None);
    }
}
