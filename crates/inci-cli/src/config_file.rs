//! Finding and reading `inci.toml`: the file is TOML, deserialized into
//! [`inci::lint::ConfigFile`] and checked by [`Config::from_file`].

use inci::lint::config::{Config, ConfigError, ConfigFile, FILE_NAME};
use std::path::Path;

/// Parses the text of an `inci.toml`; `path` is only for messages.
pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let raw: ConfigFile = toml::from_str(text).map_err(|e| ConfigError {
        path: path.to_owned(),
        message: e.to_string().trim_end().to_owned(),
    })?;
    Config::from_file(raw, path)
}

/// Reads `path`.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_owned(),
        message: format!("cannot read: {e}"),
    })?;
    from_toml(&text, path)
}

/// The `inci.toml` in `dir` or its nearest parent that has one, loaded; the default
/// configuration when there is none.
pub fn discover(dir: &Path) -> Result<Config, ConfigError> {
    for d in dir.ancestors() {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return load(&candidate);
        }
    }
    Ok(Config::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use inci::lint::{Level, Market};

    #[test]
    fn reads_every_key() {
        let c = from_toml(
            "market = \"us\"\nproduct-type = \"rinse-off\"\nfail-on = \"error\"\nignore = [\"L011\", \"misspelling\"]\n[levels]\nnon-canonical-name = \"warning\"\n[watch-list]\nnames = [\"Talc\", \"Unobtainium\"]\nreason = \"policy\"\n",
            Path::new("inci.toml"),
        )
        .expect("valid config");
        assert_eq!(c.markets, inci::market::Markets::only(Market::Us));
        assert_eq!(c.product_type, Some(inci::risk::ProductType::RinseOff));
        assert_eq!(c.fail_on, Some(Level::Error));
        assert_eq!(c.ignore, vec!["L011", "L002"]);
        assert_eq!(c.levels.get("L003"), Some(&Level::Warning));
        // How watch-list names resolve is the library's test (lint::config); here, that the
        // table is read.
        let written: Vec<&str> = c.watch_list.iter().map(|w| w.written.as_str()).collect();
        assert_eq!(written, ["Talc", "Unobtainium"]);
        assert_eq!(c.watch_reason.as_deref(), Some("policy"));
    }

    #[test]
    fn typos_are_errors_that_name_the_file() {
        let e =
            from_toml("ignore = [\"L999\"]", Path::new("a/inci.toml")).expect_err("unknown rule");
        assert_eq!(
            e.to_string(),
            "a/inci.toml: unknown rule `L999` in `ignore` (see `inci rule --all`)"
        );
        let e = from_toml("markt = \"eu\"", Path::new("inci.toml")).expect_err("unknown key");
        assert!(e.to_string().contains("unknown field `markt`"), "{e}");
        let e =
            from_toml("[levels]\nL001 = \"fatal\"", Path::new("inci.toml")).expect_err("bad level");
        assert!(e.to_string().contains("unknown level `fatal`"), "{e}");
        let e = from_toml("product-type = \"cream\"", Path::new("inci.toml"))
            .expect_err("bad product type");
        assert_eq!(
            e.to_string(),
            "inci.toml: `product-type`: unknown product type \"cream\"; one of: leave-on, rinse-off, oral-care, spray, hair-dye, eye, hand-soap, shower-gel, shampoo, deodorant, powder, nail, toothpaste, mouthwash, lip, eyelash"
        );
    }
}
