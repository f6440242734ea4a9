//! `inci explain`: one ingredient, everything known about it, with sources.

use super::Outcome;
use crate::render::Format;
use anstyle::Style;
use clap::Args;
use std::io::Write;

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
    // Printed back on a terminal: control characters made visible.
    let query = crate::render::safe(&raw_query);
    let mut out = anstream::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &e)?;
            writeln!(out)?;
        }
        Format::Text => {
            let bold = Style::new().bold();
            let dim = Style::new().dimmed();
            match e.name {
                None => {
                    writeln!(out, "{query}: not a known INCI name")?;
                    if !e.suggestions.is_empty() {
                        writeln!(out, "did you mean: {}", e.suggestions.join(", "))?;
                    }
                    for f in &e.facts {
                        writeln!(out, "  {}: {}", f.topic, crate::render::safe(&f.value))?;
                        writeln!(out, "      {dim}source: {}{dim:#}", f.source)?;
                    }
                }
                Some(name) => {
                    writeln!(
                        out,
                        "{bold}{name}{bold:#}  {dim}(\"{query}\" matched by {}){dim:#}",
                        e.matched
                    )?;
                    if !e.functions.is_empty() {
                        writeln!(out, "  functions: {}", e.functions.join(", "))?;
                    }
                    if !e.synonyms.is_empty() {
                        let s: Vec<String> = e
                            .synonyms
                            .iter()
                            .map(|s| format!("{} ({})", s.alias, s.kind))
                            .collect();
                        writeln!(out, "  also printed as: {}", s.join(", "))?;
                    }
                    for f in &e.facts {
                        writeln!(out, "  {}: {}", f.topic, crate::render::safe(&f.value))?;
                        writeln!(out, "      {dim}source: {}{dim:#}", f.source)?;
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(if e.name.is_some() {
        Outcome::Success
    } else {
        Outcome::NotFound
    })
}
