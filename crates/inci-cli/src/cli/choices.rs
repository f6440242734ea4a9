//! Command-line spellings of the library's closed sets. The library's enums carry no clap
//! derive (a library type carries no CLI concern), so each has a mirror here whose variant docs
//! are the `--help` text, and a `From` into the library type; a test checks that every mirror
//! spells each value as the library's own `as_str` does.

use clap::ValueEnum;

/// `--profile`: whom the report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// No weighting.
    General,
    /// Pores weigh more.
    AcneProne,
    /// Irritation and allergy weigh more.
    Sensitive,
    /// Vegan status weighs more.
    Vegan,
    /// Human origin and EU regulation weigh more.
    EuMarket,
}

impl From<ProfileArg> for inci::risk::Profile {
    fn from(p: ProfileArg) -> Self {
        use inci::risk::Profile;
        match p {
            ProfileArg::General => Profile::General,
            ProfileArg::AcneProne => Profile::AcneProne,
            ProfileArg::Sensitive => Profile::Sensitive,
            ProfileArg::Vegan => Profile::Vegan,
            ProfileArg::EuMarket => Profile::EuMarket,
        }
    }
}

/// `--fail-on`: how much a lint matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// Worth knowing; never fails a build unless `--fail-on info`.
    Info,
    /// Likely wrong on the pack; fails a build by default.
    Warning,
    /// Must not be printed (prohibited substance, refused name).
    Error,
}

impl From<LevelArg> for inci::lint::Level {
    fn from(l: LevelArg) -> Self {
        use inci::lint::Level;
        match l {
            LevelArg::Info => Level::Info,
            LevelArg::Warning => Level::Warning,
            LevelArg::Error => Level::Error,
        }
    }
}

/// `--market`'s help: which rules each market has data for.
pub const MARKET_HELP: &str = "Markets whose rules apply: one, a comma list (eu,kr,us) or all. \
eu (default): the EU annexes II-VI, fragrance allergen labelling and Annex II entry 416 on human origin; \
uk, asean: the EU annexes, inferred (the UK's from Regulation (EC) 1223/2009 as assimilated law, ASEAN's from its directive, which follows them); \
kr, jp, cn, tw, us, ca: that market's rule on ingredients of human origin only (Korea: culture media allowed under the MFDS safety standard; Japan: the Standards for Biological Materials; China and Taiwan: not permitted; US: no specific rule; Canada: notification), \
and the report says which checks have no rule data there";

/// Reads `--market` (clap's value parser): `eu`, `eu,kr`, `all`.
pub fn parse_markets(s: &str) -> Result<inci::market::Markets, inci::value::UnknownValue> {
    s.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name<T: ValueEnum>(v: &T) -> String {
        v.to_possible_value()
            .map(|p| p.get_name().to_owned())
            .unwrap_or_default()
    }

    #[test]
    fn mirrors_spell_values_as_the_library_does() {
        for p in ProfileArg::value_variants() {
            assert_eq!(name(p), inci::risk::Profile::from(*p).as_str());
        }
        for l in LevelArg::value_variants() {
            assert_eq!(name(l), inci::lint::Level::from(*l).as_str());
        }
        for m in inci::market::Market::ALL {
            assert!(
                MARKET_HELP.contains(m.as_str()),
                "--market help misses {}",
                m.as_str()
            );
            assert_eq!(
                parse_markets(m.as_str()),
                Ok(inci::market::Markets::only(m))
            );
        }
        assert_eq!(
            ProfileArg::value_variants().len(),
            inci::risk::Profile::ALL.len()
        );
    }
}
