//! `inci rule`: what a lint rule finds, why, and what its fix does; or what a finding code of
//! the risk report (`H001`, `R003`, `CO001`) means and where its facts come from.

use super::Outcome;
use clap::Args;
use inci::lint::{RULES, rule_by_code};
use std::io::Write;

/// Arguments of `inci rule`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  inci rule L002\n  inci rule misspelling\n  inci rule H001\n  inci rule --all"
)]
pub struct RuleArgs {
    /// A lint rule code (`L002`) or name (`misspelling`), or a finding code of the risk
    /// report (`H001`, `R003`, `CO001`).
    #[arg(value_name = "CODE", required_unless_present = "all")]
    pub code: Option<String>,
    /// List every lint rule (code, name, default level, fix, summary), then every finding
    /// code (code, category, concern, summary).
    #[arg(long, conflicts_with = "code")]
    pub all: bool,
}

/// Runs `inci rule`.
pub fn run(args: &RuleArgs) -> anyhow::Result<Outcome> {
    let mut out = anstream::stdout().lock();
    if args.all {
        for r in RULES {
            writeln!(
                out,
                "{}  {:<26} {:<8} {:<19} {}",
                r.code,
                r.name,
                r.level.as_str(),
                r.fix.as_str(),
                r.summary
            )?;
        }
        writeln!(out)?;
        for k in inci::risk::registry::all() {
            writeln!(
                out,
                "{:<6} {:<20} {:<24} {}",
                k.code,
                k.category.as_str(),
                k.concern.as_str(),
                k.summary
            )?;
        }
        return Ok(Outcome::Success);
    }
    let code = args.code.as_deref().unwrap_or_default();
    let Some(r) = rule_by_code(code) else {
        if let Some(k) = inci::risk::registry::by_code(code) {
            writeln!(out, "# {} (finding)\n", k.code)?;
            writeln!(
                out,
                "Category: {}. Concern: {}.\n",
                k.category.as_str(),
                k.concern.as_str()
            )?;
            writeln!(out, "Raised when: {}.\n", k.summary)?;
            write!(out, "{}", k.doc)?;
            out.flush()?;
            return Ok(Outcome::Success);
        }
        drop(out);
        eprintln!(
            "unknown rule or finding code `{}`: `inci rule --all` lists them",
            crate::render::safe(code)
        );
        return Ok(Outcome::NotFound);
    };
    writeln!(out, "# {} {}\n", r.code, r.name)?;
    writeln!(
        out,
        "Default level: {}. Fix: {}.\n",
        r.level.as_str(),
        r.fix.as_str()
    )?;
    writeln!(out, "{}.\n", capitalise(r.summary))?;
    write!(out, "{}", r.doc)?;
    out.flush()?;
    Ok(Outcome::Success)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
