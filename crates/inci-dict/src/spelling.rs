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
    if !has_piece(key.as_bytes()) {
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

/// Whether a British piece occurs in `key`: one pass over its bytes, where only a position
/// whose two bytes begin some piece is compared with the pieces (every key is asked, nearly
/// none has one; 18 substring searches per key cost 54 M instructions over 2.1 MB of lists).
pub(crate) fn has_piece(key: &[u8]) -> bool {
    key.windows(2).enumerate().any(|(i, w)| {
        let pair = usize::from(w[0]) << 8 | usize::from(w[1]);
        PIECE_STARTS[pair / 64] & (1 << (pair % 64)) != 0
            && PIECES
                .iter()
                .any(|(gb, _)| key[i..].starts_with(gb.as_bytes()))
    })
}

/// The first two bytes of every British piece, as a set of 65,536 bits, built at compile time.
const PIECE_STARTS: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let mut i = 0;
    while i < PIECES.len() {
        let gb = PIECES[i].0.as_bytes();
        assert!(gb.len() >= 2, "a British piece has two bytes at least");
        let pair = (gb[0] as usize) << 8 | gb[1] as usize;
        bits[pair / 64] |= 1 << (pair % 64);
        i += 1;
    }
    bits
};

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn finds_a_piece_wherever_it_is() {
        for (gb, us) in PIECES {
            for key in [
                gb.to_string(),
                format!("X {gb}"),
                format!("{gb} X"),
                format!("AB{gb}CD"),
            ] {
                assert!(has_piece(key.as_bytes()), "{key}");
                let american = americanize(&key).expect("has a piece");
                assert!(american.contains(us), "{key} -> {american}");
            }
        }
        for key in [
            "",
            "S",
            "SULP",
            "SODIUM LAURYL SULFATE",
            "COLOR",
            "GLYCERIN",
            "ISE",
        ] {
            assert!(!has_piece(key.as_bytes()), "{key}");
            assert_eq!(americanize(key), None);
        }
        assert_eq!(
            americanize("HYDROLYSED COLOUR").as_deref(),
            Some("HYDROLYZED COLOR")
        );
    }
}
