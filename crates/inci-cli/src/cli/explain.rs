//! `inci explain`: one ingredient, everything known about it, with sources.

use super::Outcome;
use crate::render::Format;
use clap::Args;

/// Arguments of `inci explain`.
#[derive(Debug, Args)]
#[command(
    after_help = "NAME may be a synonym, a British spelling or a typo; the output says what it matched.\n\nExit codes: 0 known; 1 unknown (suggestions are printed); 2 usage error."
)]
pub struct ExplainArgs {
    /// The ingredient, as printed on a label (several words are joined).
    #[arg(
        value_name = "NAME",
        required = true,
        num_args = 1..,
        value_parser = clap::builder::NonEmptyStringValueParser::new()
    )]
    pub name: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `inci explain`.
pub fn run(args: &ExplainArgs) -> anyhow::Result<Outcome> {
    let raw_query = args.name.join(" ");
    if raw_query.trim().is_empty() {
        // Nothing to look up is a usage error (exit 2), not an unknown name (exit 1).
        anyhow::bail!("inci explain needs a name; it was given only white space");
    }
    let e = inci::explain::explain(&raw_query);
    let mut out = Vec::with_capacity(1 << 13);
    match args.format {
        Format::Json => crate::render::json::write(&mut out, &e)?,
        Format::Text => crate::render::explain::write(&mut out, &e, &raw_query)?,
    }
    crate::render::unstyled::to_stdout(&out)?;
    Ok(if e.name.is_some() {
        Outcome::Success
    } else {
        Outcome::NotFound
    })
}
