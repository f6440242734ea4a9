//! `inci compare`: two products side by side, and how alike they are.

use super::Outcome;
use super::input::Source;
use crate::render::{self, Format};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `inci compare`.
#[derive(Debug, Args)]
#[command(
    after_help = "Similarity is a position-weighted overlap (the first ingredients, which make most of a product, count most): 1 is the same list in the same order, 0 nothing in common; ingredients are matched by CAS number, else INCI name (crates/inci/src/compare.rs). Good for finding dupes.\n\nExit codes: 0 done; 2 usage or input error."
)]
pub struct CompareArgs {
    /// The first product's label file (or - for standard input).
    #[arg(value_name = "FIRST")]
    pub first: PathBuf,
    /// The second product's label file.
    #[arg(value_name = "SECOND")]
    pub second: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Markets whose rules apply to both (see inci scan --help).
    #[arg(long, value_name = "MARKETS", value_parser = super::choices::parse_markets, default_value = "eu")]
    pub market: inci::market::Markets,
    /// Largest input read, in bytes, per file.
    #[arg(long, value_name = "BYTES", default_value_t = super::input::DEFAULT_MAX_INPUT)]
    pub max_input: u64,
}

/// Runs `inci compare`.
pub fn run(args: &CompareArgs) -> anyhow::Result<Outcome> {
    let read = |p: &PathBuf| -> anyhow::Result<String> {
        let source = if p.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(p.clone())
        };
        Ok(source.read(args.max_input)?)
    };
    let scanner = inci::scan::Scanner::new().markets(args.market);
    let a = scanner.scan(&read(&args.first)?);
    let b = scanner.scan(&read(&args.second)?);
    let (na, nb) = (
        args.first.display().to_string(),
        args.second.display().to_string(),
    );
    let doc = inci::compare::Document::new([&na, &nb], &a, &b);
    let c = &doc.comparison;
    match args.format {
        Format::Json => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
            out.flush()?;
        }
        Format::Text => {
            let mut out = anstream::stdout().lock();
            let (sa, sb) = (render::safe(&na), render::safe(&nb));
            writeln!(out, "{sa} and {sb}")?;
            writeln!(
                out,
                "  similarity {:.2} (position-weighted; 1 is the same list in the same order), {:.0} % of names shared",
                c.similarity,
                c.jaccard * 100.0
            )?;
            writeln!(out)?;
            writeln!(out, "Shared ({}), with their positions", c.shared.len())?;
            for s in &c.shared {
                writeln!(
                    out,
                    "  {:<40} #{} · #{}",
                    render::safe(&s.name),
                    s.positions[0],
                    s.positions[1]
                )?;
            }
            for (title, list) in [(&sa, &c.only_first), (&sb, &c.only_second)] {
                writeln!(out)?;
                writeln!(out, "Only in {title} ({})", list.len())?;
                for n in list.iter() {
                    writeln!(out, "  {}", render::safe(n))?;
                }
            }
            writeln!(out)?;
            writeln!(out, "{:<30} {:<10} second", "Concerns", "first")?;
            for p in &c.concerns {
                writeln!(
                    out,
                    "  {:<28} {:<10} {}",
                    p.concern.title(),
                    p.levels[0],
                    p.levels[1]
                )?;
            }
            writeln!(
                out,
                "  {:<28} {:<10} {}",
                "Vegan verdict", c.vegan[0], c.vegan[1]
            )?;
            out.flush()?;
        }
    }
    Ok(Outcome::Success)
}
