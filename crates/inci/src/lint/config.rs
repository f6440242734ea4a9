//! `inci.toml`: which rules run, at what level, for which market, and a brand's watch list.
//!
//! The command line finds it in the working directory or the nearest parent that has one (like
//! `rustfmt.toml`), or takes `--config`; it deserializes the file into a [`ConfigFile`] (any serde
//! format will do, so this crate does not depend on a TOML parser) and [`Config::from_file`]
//! checks it. Every key is optional:
//!
//! ```toml
//! market = "eu"                 # eu (default), uk, kr, jp, cn, tw, us, ca, asean; "eu,kr" or "all"
//! product-type = "leave-on"     # leave-on, rinse-off, oral-care, spray, hair-dye, eye
//! fail-on = "warning"           # lowest level that makes `inci lint` exit 1
//! select = ["ALL"]              # rule codes or names to run (default: all)
//! ignore = ["L011"]             # rule codes or names to skip
//!
//! [levels]                      # a level per rule, by code or name
//! non-canonical-name = "warning"
//!
//! [watch-list]                  # names the brand refuses (rule L014)
//! names = ["Methylisothiazolinone", "Talc"]
//! reason = "brand policy 2026-03"
//! ```
//!
//! Unknown keys, rule codes and levels are errors that name the file, so a typo never
//! silently turns a rule off.

use super::Level;
use super::rules::{RULES, Rule};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "inci.toml";

pub use crate::market::{Market, Markets};

/// `market` as `inci.toml` writes it: one name or a comma list (`"eu,kr"`, `"all"`), or an
/// array of names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum MarketsFile {
    /// `market = "eu,kr"`.
    One(String),
    /// `market = ["eu", "kr"]`.
    Many(Vec<String>),
}

impl MarketsFile {
    fn parse(&self) -> Result<Markets, crate::value::UnknownValue> {
        match self {
            MarketsFile::One(s) => s.parse(),
            MarketsFile::Many(list) => list.join(",").parse(),
        }
    }
}

/// A name on the watch list, as written in the file and as the dictionary resolves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchName {
    /// As written in `inci.toml`.
    pub written: String,
    /// The canonical INCI name, when the dictionary knows it (matched by entry).
    pub canonical: Option<&'static str>,
    /// Its CAS number, when known: `Water` and `Aqua`, `CI 77891` and `Titanium Dioxide` are
    /// distinct CosIng entries of one substance. A bare CAS number on the list is kept as
    /// written and matches every ingredient with that number.
    pub cas: Option<String>,
    /// The folded text, matched against unknown names.
    pub key: String,
}

/// Lint configuration. [`Config::default`] runs every rule at its default level for the EU.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Config {
    /// Which markets' rules apply (default: the EU).
    pub markets: Markets,
    /// The product type, when known: decides hair-dye-only Annex II entries (L009).
    pub product_type: Option<crate::risk::ProductType>,
    /// Lowest level that fails the run, when the file sets one.
    pub fail_on: Option<Level>,
    /// Rules to run (codes); `None` runs all.
    pub select: Option<Vec<&'static str>>,
    /// Rules to skip (codes).
    pub ignore: Vec<&'static str>,
    /// Levels set per rule (code to level).
    pub levels: HashMap<&'static str, Level>,
    /// Names the brand refuses.
    pub watch_list: Vec<WatchName>,
    /// Why the brand refuses them, shown in the lint.
    pub watch_reason: Option<String>,
    /// The file this came from, if any.
    pub path: Option<PathBuf>,
    /// Leave misspellings unknown instead of reading them as the one name they can be
    /// (`--no-correct`); L002 reports them either way.
    pub no_correct: bool,
}

/// A configuration file that could not be read or is invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The keys of an `inci.toml` as written, before [`Config::from_file`] checks the rule codes,
/// levels and product type. Unknown keys are a deserialization error.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct ConfigFile {
    /// `market`: one name, a comma list or an array (`"eu"`, `"eu,kr"`, `["eu", "kr"]`, `"all"`).
    pub market: Option<MarketsFile>,
    /// `product-type`, as written.
    pub product_type: Option<String>,
    /// `fail-on`, as written.
    pub fail_on: Option<String>,
    /// `select`: rule codes or names, or `ALL`.
    pub select: Option<Vec<String>>,
    /// `ignore`: rule codes or names.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// `[levels]`: rule code or name to level, as written.
    #[serde(default)]
    pub levels: HashMap<String, String>,
    /// `[watch-list]`.
    pub watch_list: Option<WatchListFile>,
}

/// The `[watch-list]` table of an `inci.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WatchListFile {
    /// Names (or CAS numbers) the brand refuses.
    #[serde(default)]
    pub names: Vec<String>,
    /// Why, shown in the lint.
    pub reason: Option<String>,
}

impl Config {
    /// Sets the markets and product type from their names (`"us"`, `"eu,kr"`, `"rinse-off"`), as
    /// the web API and the Python package receive them; `None` leaves a setting as it is.
    pub fn set_names(
        &mut self,
        market: Option<&str>,
        product_type: Option<&str>,
    ) -> Result<(), crate::risk::UnknownValue> {
        if let Some(m) = market {
            self.markets = m.parse()?;
        }
        if let Some(p) = product_type {
            self.product_type = Some(crate::risk::parse_product_type(p)?);
        }
        Ok(())
    }

    /// True when `rule` runs under this configuration.
    pub fn selects(&self, rule: &Rule) -> bool {
        self.select.as_ref().is_none_or(|s| s.contains(&rule.code))
            && !self.ignore.contains(&rule.code)
    }

    /// The level `rule`'s lints get.
    pub fn level(&self, rule: &Rule) -> Level {
        self.levels.get(rule.code).copied().unwrap_or(rule.level)
    }

    /// Checks a deserialized `inci.toml`: every rule code, level and product type must be
    /// known, so that a typo never silently turns a rule off. `path` names the file in errors
    /// and is kept in [`Config::path`].
    pub fn from_file(raw: ConfigFile, path: &Path) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError {
            path: path.to_owned(),
            message,
        };
        let codes = |list: &[String], key: &str| -> Result<Vec<&'static str>, ConfigError> {
            let mut out = Vec::new();
            for name in list {
                if name.eq_ignore_ascii_case("ALL") {
                    out.extend(RULES.iter().map(|r| r.code));
                    continue;
                }
                match rule_code(name) {
                    Some(code) => out.push(code),
                    None => {
                        return Err(err(format!(
                            "unknown rule `{name}` in `{key}` (see `inci rule --all`)"
                        )));
                    }
                }
            }
            Ok(out)
        };
        let level = |text: &str, key: &str| {
            Level::parse(text).ok_or_else(|| {
                err(format!(
                    "unknown level `{text}` for `{key}` (info, warning or error)"
                ))
            })
        };
        let mut levels = HashMap::new();
        for (name, value) in &raw.levels {
            let code = rule_code(name).ok_or_else(|| {
                err(format!(
                    "unknown rule `{name}` in `[levels]` (see `inci rule --all`)"
                ))
            })?;
            levels.insert(code, level(value, name)?);
        }
        let watch = raw.watch_list.unwrap_or_default();
        let product_type = raw
            .product_type
            .as_deref()
            .map(|p| {
                crate::risk::parse_product_type(p).map_err(|e| err(format!("`product-type`: {e}")))
            })
            .transpose()?;
        let markets = match &raw.market {
            Some(m) => m.parse().map_err(|e| err(format!("`market`: {e}")))?,
            None => Markets::default(),
        };
        Ok(Config {
            markets,
            product_type,
            fail_on: raw
                .fail_on
                .as_deref()
                .map(|l| level(l, "fail-on"))
                .transpose()?,
            select: raw
                .select
                .as_deref()
                .map(|s| codes(s, "select"))
                .transpose()?,
            ignore: codes(&raw.ignore, "ignore")?,
            levels,
            watch_list: watch.names.iter().map(|n| WatchName::new(n)).collect(),
            watch_reason: watch.reason,
            path: Some(path.to_owned()),
            no_correct: false,
        })
    }
}

impl WatchName {
    /// A watch-list name, resolved against the dictionary.
    pub fn new(written: &str) -> WatchName {
        // The brand's own list is taken as written: a misspelling there is reported, not read.
        let entry = crate::resolve::resolve(written).without_correction().entry;
        let cas = match entry {
            Some(e) => e.cas.map(str::to_owned),
            None => is_cas(written.trim()).then(|| written.trim().to_owned()),
        };
        WatchName {
            written: written.to_owned(),
            canonical: entry.map(|e| e.name),
            cas,
            key: inci_dict::fold(written),
        }
    }

    /// Why this name may never match, when it may not: the dictionary does not know it, so
    /// only a label printing the same text finds it. Names the nearest known name.
    pub fn warning(&self) -> Option<String> {
        if self.canonical.is_some() || self.cas.is_some() {
            return None;
        }
        let hint = inci_dict::suggest(&self.key, 1)
            .first()
            .map(|s| format!(" (did you mean `{}`?)", s.name))
            .unwrap_or_default();
        Some(format!(
            "watch-list name `{}` is not a known INCI name or CAS number{hint}: it matches only \
             labels that print it exactly",
            self.written
        ))
    }
}

/// A CAS registry number as written: 2-7 digits, 2 digits, 1 check digit.
fn is_cas(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |p: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    matches!(parts.as_slice(), [a, b, c] if digits(a, 2, 7) && digits(b, 2, 2) && digits(c, 1, 1))
}

/// The code of a rule named by code (`L002`, any case) or name (`misspelling`).
pub fn rule_code(name: &str) -> Option<&'static str> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(name) || r.name.eq_ignore_ascii_case(name))
        .map(|r| r.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_every_key() {
        let raw = ConfigFile {
            market: Some(MarketsFile::One("us".into())),
            product_type: Some("rinse-off".into()),
            fail_on: Some("error".into()),
            ignore: vec!["L011".into(), "misspelling".into()],
            levels: HashMap::from([("non-canonical-name".into(), "warning".into())]),
            ..ConfigFile::default()
        };
        let c = Config::from_file(raw, Path::new("inci.toml")).expect("valid config");
        assert_eq!(c.markets, Markets::only(Market::Us));
        assert_eq!(c.product_type, Some(crate::risk::ProductType::RinseOff));
        assert_eq!(c.fail_on, Some(Level::Error));
        assert_eq!(c.ignore, vec!["L011", "L002"]);
        assert_eq!(c.levels.get("L003"), Some(&Level::Warning));
        let bad = ConfigFile {
            ignore: vec!["L999".into()],
            ..ConfigFile::default()
        };
        let e = Config::from_file(bad, Path::new("a/inci.toml")).expect_err("unknown rule");
        assert_eq!(
            e.to_string(),
            "a/inci.toml: unknown rule `L999` in `ignore` (see `inci rule --all`)"
        );
    }

    #[test]
    fn watch_names_resolve_or_warn() {
        assert_eq!(WatchName::new("Talc").canonical, Some("TALC"));
        assert!(WatchName::new("Talc").warning().is_none());
        let unknown = WatchName::new("Unobtainium")
            .warning()
            .expect("an unknown name is reported");
        assert!(unknown.contains("`Unobtainium`"), "{unknown}");
        let typo = WatchName::new("Talcc")
            .warning()
            .expect("a typo is reported");
        assert!(typo.contains("did you mean `TALC`"), "{typo}");
        let cas = WatchName::new("7732-18-5");
        assert_eq!(cas.cas.as_deref(), Some("7732-18-5"));
        assert!(cas.warning().is_none());
        assert!(!is_cas("7732-18") && !is_cas("1-23-4") && is_cas("14807-96-6"));
    }
}
