//! The field separator of a catalog: commas by default, semicolons in many EU exports (where
//! the comma is the decimal mark), tabs in TSV. Detected from the header line unless given.

/// A catalog's field separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Delimiter {
    /// `,`
    #[value(alias = ",")]
    Comma,
    /// `;`
    #[value(alias = ";")]
    Semicolon,
    /// A tab character.
    #[value(alias = "\t", alias = "tsv")]
    Tab,
}

impl Delimiter {
    /// The byte the CSV reader splits on.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// The separator the header line uses most, outside quotes; commas when it names none (a
    /// one-column catalog) or on a tie, since an ingredient list in a header is unlikely.
    pub fn detect(head: &[u8]) -> Delimiter {
        let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
        let (mut commas, mut semicolons, mut tabs) = (0usize, 0usize, 0usize);
        let mut quoted = false;
        for &b in line {
            match b {
                b'"' => quoted = !quoted,
                b',' if !quoted => commas += 1,
                b';' if !quoted => semicolons += 1,
                b'\t' if !quoted => tabs += 1,
                _ => {}
            }
        }
        if semicolons > commas && semicolons >= tabs {
            Delimiter::Semicolon
        } else if tabs > commas && tabs > semicolons {
            Delimiter::Tab
        } else {
            Delimiter::Comma
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_from_the_header_only() {
        assert_eq!(
            Delimiter::detect(b"sku,name,Ingredients\n1;2;3"),
            Delimiter::Comma
        );
        assert_eq!(
            Delimiter::detect(b"sku;name;Ingredients\n1,\"Aqua, Glycerin\""),
            Delimiter::Semicolon
        );
        assert_eq!(Delimiter::detect(b"sku\tIngredients\r\n"), Delimiter::Tab);
        assert_eq!(Delimiter::detect(b"\"a;b\",c\n"), Delimiter::Comma);
        assert_eq!(Delimiter::detect(b"Ingredients\n"), Delimiter::Comma);
        assert_eq!(Delimiter::detect(b""), Delimiter::Comma);
    }
}
