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
    use inci::lint::{Level, Market, config::WatchName};

    #[test]
    fn reads_every_key() {
        let c = from_toml(
            "market = \"us\"\nproduct-type = \"rinse-off\"\nfail-on = \"error\"\nignore = [\"L011\", \"misspelling\"]\n[levels]\nnon-canonical-name = \"warning\"\n[watch-list]\nnames = [\"Talc\", \"Unobtainium\"]\nreason = \"policy\"\n",
            Path::new("inci.toml"),
        )
        .expect("valid config");
        assert_eq!(c.market, Market::Us);
        assert_eq!(c.product_type, Some(inci::risk::ProductType::RinseOff));
        assert_eq!(c.fail_on, Some(Level::Error));
        assert_eq!(c.ignore, vec!["L011", "L002"]);
        assert_eq!(c.levels.get("L003"), Some(&Level::Warning));
        assert_eq!(c.watch_list[0].canonical, Some("TALC"));
        assert_eq!(c.watch_list[1].canonical, None);
        assert!(c.watch_list[0].warning().is_none());
        let unknown = c.watch_list[1]
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
            "inci.toml: `product-type`: unknown product type \"cream\"; one of: leave-on, rinse-off, oral-care, spray, hair-dye, eye"
        );
    }
}
