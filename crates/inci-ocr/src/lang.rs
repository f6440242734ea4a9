//! The languages inci asks the recognizer for: a closed set, each with its tesseract code
//! and the Debian package that carries its trained data.

use inci_dict::market::Market;
use serde::Serialize;

/// A language tesseract reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    Eng,
    /// French.
    Fra,
    /// German.
    Deu,
    /// Spanish.
    Spa,
    /// Italian.
    Ita,
    /// Korean.
    Kor,
    /// Japanese.
    Jpn,
    /// Chinese, simplified script.
    ChiSim,
    /// Chinese, traditional script.
    ChiTra,
}

impl Lang {
    /// Every language, in the order `--lang` lists them.
    pub const ALL: [Lang; 9] = [
        Lang::Eng,
        Lang::Fra,
        Lang::Deu,
        Lang::Spa,
        Lang::Ita,
        Lang::Kor,
        Lang::Jpn,
        Lang::ChiSim,
        Lang::ChiTra,
    ];

    /// Tesseract's name for it (`chi_sim`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Eng => "eng",
            Lang::Fra => "fra",
            Lang::Deu => "deu",
            Lang::Spa => "spa",
            Lang::Ita => "ita",
            Lang::Kor => "kor",
            Lang::Jpn => "jpn",
            Lang::ChiSim => "chi_sim",
            Lang::ChiTra => "chi_tra",
        }
    }

    /// Its ISO 639-1 code (`ko`; `zh-hans`, `zh-hant` for the Chinese scripts).
    pub fn iso(self) -> &'static str {
        match self {
            Lang::Eng => "en",
            Lang::Fra => "fr",
            Lang::Deu => "de",
            Lang::Spa => "es",
            Lang::Ita => "it",
            Lang::Kor => "ko",
            Lang::Jpn => "ja",
            Lang::ChiSim => "zh-hans",
            Lang::ChiTra => "zh-hant",
        }
    }

    /// The Debian package with its trained data (`tesseract-ocr-kor`).
    pub fn package(self) -> String {
        format!("tesseract-ocr-{}", self.code().replace('_', "-"))
    }

    /// A language from its tesseract code, ISO code or English name, any case (`kor`, `ko`,
    /// `Korean`; `zh` is simplified Chinese).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let s = s.replace('-', "_");
        Lang::ALL.into_iter().find(|l| {
            l.code() == s
                || l.iso().replace('-', "_") == s
                || l.english().eq_ignore_ascii_case(&s)
                || (s == "zh" && *l == Lang::ChiSim)
        })
    }

    /// Its name in English (`Korean`).
    pub fn english(self) -> &'static str {
        match self {
            Lang::Eng => "English",
            Lang::Fra => "French",
            Lang::Deu => "German",
            Lang::Spa => "Spanish",
            Lang::Ita => "Italian",
            Lang::Kor => "Korean",
            Lang::Jpn => "Japanese",
            Lang::ChiSim => "Chinese",
            Lang::ChiTra => "traditional Chinese",
        }
    }

    /// The languages labels of `market` are printed in, besides English (which every label
    /// list is read with: INCI names are English-based).
    pub fn of_market(market: Market) -> &'static [Lang] {
        match market {
            // French is the second language of EU labels' INCI-adjacent text (Aqua/Eau) and
            // its accents are read wrong by the English model; the other EU languages cost
            // time for little: add them with --lang.
            Market::Eu => &[Lang::Fra],
            Market::Kr => &[Lang::Kor],
            Market::Jp => &[Lang::Jpn],
            Market::Cn => &[Lang::ChiSim],
            Market::Tw => &[Lang::ChiTra],
            Market::Ca => &[Lang::Fra],
            _ => &[],
        }
    }

    /// English, then the languages of `markets`, each once.
    pub fn for_markets(markets: impl IntoIterator<Item = Market>) -> Vec<Lang> {
        let mut out = vec![Lang::Eng];
        for m in markets {
            for &l in Lang::of_market(m) {
                if !out.contains(&l) {
                    out.push(l);
                }
            }
        }
        out
    }

    /// A comma-separated list (`en,ko`), each known; the error names the unknown one and the
    /// accepted names.
    pub fn parse_list(s: &str) -> Result<Vec<Lang>, String> {
        let mut out = Vec::new();
        for part in s.split([',', '+']).filter(|p| !p.trim().is_empty()) {
            let l = Lang::parse(part).ok_or_else(|| {
                let known: Vec<String> = Lang::ALL
                    .iter()
                    .map(|l| format!("{} ({})", l.iso(), l.code()))
                    .collect();
                format!(
                    "unknown language `{}`; known: {}",
                    part.trim(),
                    known.join(", ")
                )
            })?;
            if !out.contains(&l) {
                out.push(l);
            }
        }
        if out.is_empty() {
            return Err("no language given".to_owned());
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_markets() {
        assert_eq!(Lang::parse("ko"), Some(Lang::Kor));
        assert_eq!(Lang::parse("KOR"), Some(Lang::Kor));
        assert_eq!(Lang::parse("zh-Hant"), Some(Lang::ChiTra));
        assert_eq!(Lang::parse("zh"), Some(Lang::ChiSim));
        assert_eq!(Lang::parse("French"), Some(Lang::Fra));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(
            Lang::parse_list("en,ko+ja"),
            Ok(vec![Lang::Eng, Lang::Kor, Lang::Jpn])
        );
        assert!(Lang::parse_list("en,klingon").is_err_and(|e| e.contains("`klingon`")));
        assert_eq!(
            Lang::for_markets([Market::Eu, Market::Kr, Market::Uk]),
            vec![Lang::Eng, Lang::Fra, Lang::Kor]
        );
        assert_eq!(Lang::ChiSim.package(), "tesseract-ocr-chi-sim");
    }
}
