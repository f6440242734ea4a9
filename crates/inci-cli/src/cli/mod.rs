//! Command-line definition (clap derive) and dispatch. `main.rs` only calls [`run`].

pub mod batch;
pub mod choices;
pub mod compare;
pub mod deferred;
pub mod explain;
pub mod files;
pub mod input;
pub mod lint;
pub mod rule;
pub mod scan;
pub mod serve;

use clap::{Parser, Subcommand, ValueEnum};
use deferred::Deferred;

/// `inci --version`: the crate version and the data compiled in (the CosIng snapshot and
/// names list, the annex export), so that a report can be tied to its data.
fn long_version() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        format!(
            "{}\ndata: {}; annexes II-VI: CosIng export of {}",
            env!("CARGO_PKG_VERSION"),
            inci_dict::COSING_SOURCE,
            inci_dict::risk::annex_export_date().unwrap_or("unknown")
        )
    })
}

/// Read cosmetic ingredient (INCI) labels: find every ingredient, its canonical INCI name, and
/// what to watch out for. Works offline: the CosIng dictionary is built in.
#[derive(Debug, Parser)]
#[command(
    name = "inci",
    version,
    long_version = long_version(),
    propagate_version = true,
    max_term_width = 100
)]
#[command(
    after_help = "Examples:\n  inci scan \"Aqua/Water/Eau, Glycerin, Parfum (Fragrance)\"\n  inci scan label.txt --format json\n  pbpaste | inci scan -"
)]
pub struct Cli {
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse a label, resolve every ingredient, and report the risks with their sources.
    Scan(Deferred<scan::ScanArgs>),
    /// Scan a CSV catalog: one output record per row (JSON Lines or CSV), in parallel, in order.
    Batch(Deferred<batch::BatchArgs>),
    /// Two products side by side: shared and different ingredients, both products'
    /// concerns, and a similarity figure for finding dupes.
    Compare(Deferred<compare::CompareArgs>),
    /// Everything known about one ingredient: name, synonyms, functions, ratings, origin,
    /// EU annex entries, and the source of each fact.
    Explain(Deferred<explain::ExplainArgs>),
    /// Check packaging text before print: every problem pointed at, with a rule code, a help
    /// line and a fix; exit 1 when a lint at or above --fail-on is found (for CI).
    Lint(Deferred<lint::LintArgs>),
    /// What a lint rule finds, why it matters and what its fix does (`--all` lists them).
    Rule(Deferred<rule::RuleArgs>),
    /// A local web page to paste a label and read the report, and a JSON API (same JSON as
    /// the command line), on 127.0.0.1:8080.
    Serve(Deferred<serve::ServeArgs>),
}

/// `--color` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when writing to a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// How a command ended, as a process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: what was asked for is not known.
    NotFound,
    /// Exit 1: a lint at or above `--fail-on` was found.
    LintFailed,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let choice = match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    match cli.command {
        Command::Scan(Deferred(args)) => scan::run(&args),
        Command::Explain(Deferred(args)) => explain::run(&args),
        Command::Compare(Deferred(args)) => compare::run(&args),
        Command::Batch(Deferred(args)) => batch::run(&args),
        Command::Lint(Deferred(args)) => lint::run(&args),
        Command::Rule(Deferred(args)) => rule::run(&args),
        Command::Serve(Deferred(args)) => serve::run(&args),
    }
}
