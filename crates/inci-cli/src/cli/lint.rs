//! `inci lint`: packaging QA. Diagnostics with rule codes, fixes, CI formats and exit codes.

use super::Outcome;
use super::input::Source;
use crate::render::{self, LintFormat};
use anyhow::Context as _;
use clap::Args;
use inci::lint::{self, Applicability, Config, Counts, Level, LintedFile};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Arguments of `inci lint`.
#[derive(Debug, Args)]
#[command(after_help = "\
FILE is a text file holding an ingredient list or whole packaging text (the list is found \
inside it), a photo of the pack, or the artwork as a PDF (told by its bytes: its text, with \
each diagnostic's page and line on the artwork, or OCR of its pages when it has no text), or - \
for standard input. With no FILE, standard input is read.

Configuration: inci.toml in the working directory or its nearest parent (rules, levels, market, \
watch list; see `inci rule --all` for the rules and docs/lint.md for the file). Command-line \
options win over the file.

Exit codes: 0 no lint at or above --fail-on; 1 at least one; 2 error (unreadable file, invalid \
UTF-8, bad inci.toml).

Examples:
  inci lint label.txt
  inci lint packs/*.txt --format github
  inci lint label.txt --fix > fixed.txt
  inci lint label.txt --fix --write --unsafe-fixes
  inci rule L002")]
pub struct LintArgs {
    /// Files to lint, or - for standard input. File names need not be UTF-8.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    pub format: LintFormat,
    /// Largest input read, in bytes; larger input is refused with an error naming the limit.
    #[arg(long, value_name = "BYTES", default_value_t = super::input::DEFAULT_MAX_INPUT)]
    pub max_input: u64,
    /// Lowest level that makes the exit code 1 [default: inci.toml's `fail-on`, else warning].
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<super::choices::LevelArg>,
    /// Print the label with safe fixes applied (to standard output) instead of the lints.
    #[arg(long, conflicts_with = "format")]
    pub fix: bool,
    /// With --fix, rewrite the files in place instead of printing them.
    #[arg(long, requires = "fix")]
    pub write: bool,
    /// With --fix, apply unsafe fixes too (misspellings with other candidates, duplicates,
    /// percentages).
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,
    /// Rules to run, by code or name, comma-separated (replaces inci.toml's `select`).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Rules to skip, by code or name, comma-separated (added to inci.toml's `ignore`).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Markets whose rules apply: one, a comma list (eu,kr,us) or all [default: inci.toml's
    /// `market`, else eu]. The EU annex rules (L009's Annex II entries, L010, L011) run for eu,
    /// uk and asean; human-derived ingredients take each market's verdict (L009); a Korean,
    /// Japanese or Chinese name is the label name under kr, jp or cn alone (L003).
    #[arg(long, value_name = "MARKETS", value_parser = super::choices::parse_markets)]
    pub market: Option<inci::market::Markets>,
    /// Leave misspelt names unknown (L001 or L002 then reports them without reading them). By
    /// default a misspelling that can only be one name is read as it, so its findings (L009,
    /// L011...) still come; L002 reports it either way, and never fixes it safely.
    #[arg(long)]
    pub no_correct: bool,
    /// Product type, which decides hair-dye-only Annex II entries [default: inci.toml's
    /// `product-type`]: leave-on, rinse-off, oral-care, spray, hair-dye, eye, hand-soap,
    /// shower-gel, shampoo, deodorant, powder, nail, toothpaste, mouthwash, lip, eyelash.
    #[arg(long, value_name = "TYPE", value_parser = super::scan::parse_product_type)]
    pub product_type: Option<inci::risk::ProductType>,
    /// Read this configuration file instead of looking for inci.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any inci.toml.
    #[arg(long)]
    pub no_config: bool,
    /// Languages to read photos and PDFs without text in (see inci scan --help).
    #[arg(long, value_name = "LANGS", value_parser = super::scan::parse_langs)]
    pub lang: Option<super::scan::Langs>,
}

/// Runs `inci lint`.
pub fn run(args: &LintArgs) -> anyhow::Result<Outcome> {
    let config = config(args)?;
    let fail_on = args
        .fail_on
        .map(Level::from)
        .or(config.fail_on)
        .unwrap_or(Level::Warning);
    let mut sources: Vec<Source> = Vec::new();
    if args.files.is_empty() {
        if std::io::stdin().is_terminal() {
            anyhow::bail!(
                "no file given: pass files, or - to read standard input (see inci lint --help)"
            );
        }
        sources.push(Source::Stdin);
    }
    for f in &args.files {
        sources.push(if f.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(f.clone())
        });
    }
    if args.fix && !args.write && sources.len() > 1 {
        anyhow::bail!("--fix prints one fixed label; to fix several files use --fix --write");
    }
    if args.write && sources.contains(&Source::Stdin) {
        anyhow::bail!("--write rewrites files; standard input has none (use --fix alone to print)");
    }
    let mut files = Vec::with_capacity(sources.len());
    for s in &sources {
        let path = match s {
            Source::File(p) => p.display().to_string(),
            _ => "<stdin>".to_owned(),
        };
        let ocr = super::scan::ocr_options(args.lang.as_ref(), config.markets);
        let label = match (s.read_label(args.max_input, Some(&ocr)), s) {
            (Err(_), Source::File(p))
                if !p.exists() && p.to_string_lossy().contains([',', ' ']) =>
            {
                anyhow::bail!(
                    "cannot read {}: no such file (inci lint reads files; to lint text, pipe it: echo \"Aqua, Glycerin\" | inci lint -)",
                    p.display()
                );
            }
            (r, _) => r?,
        };
        let pages = label.document().map(|document| {
            document
                .lines
                .iter()
                .map(|p| {
                    p.map(|p| inci::lint::PageLine {
                        page: p.page,
                        line: p.line,
                    })
                })
                .collect()
        });
        let mut file = LintedFile::new(path, label.into_text(), &config);
        if let Some(pages) = pages {
            file = file.with_pages(pages);
        }
        files.push(file);
    }
    if args.fix {
        // The files' own names (which may not be UTF-8) for --write; the lints carry a
        // printable one.
        let real: Vec<Option<PathBuf>> = sources
            .iter()
            .map(|s| match s {
                Source::File(p) => Some(p.clone()),
                _ => None,
            })
            .collect();
        return fix(args, &config, files, &real, fail_on);
    }
    let mut counts = Counts::default();
    for f in &files {
        counts.add(Counts::of(&f.lints));
    }
    // Rendered whole, then written in one go: through a line-buffered stream, each line was
    // a write of its own, and without colour each byte went through a terminal parser.
    let mut out = Vec::with_capacity(1 << 14);
    match args.format {
        LintFormat::Text => {
            for f in &files {
                render::lint_text::write(&mut out, f, true)?;
            }
            out.write_all(render::lint_text::summary(counts, files.len()).as_bytes())?;
        }
        LintFormat::Json => render::lint_json::write(&mut out, &files)?,
        LintFormat::Sarif => render::sarif::write(&mut out, &files)?,
        LintFormat::Github => render::github::write(&mut out, &files)?,
    }
    render::unstyled::to_stdout(&out)?;
    Ok(outcome(counts, fail_on))
}

fn outcome(counts: Counts, fail_on: Level) -> Outcome {
    if counts.fails(fail_on) {
        Outcome::LintFailed
    } else {
        Outcome::Success
    }
}

/// The configuration: the file (found, named, or none), then the command line's overrides.
fn config(args: &LintArgs) -> anyhow::Result<Config> {
    let mut config = if args.no_config {
        Config::default()
    } else if let Some(p) = &args.config {
        crate::config_file::load(p)?
    } else {
        let cwd = std::env::current_dir().unwrap_or_else(|_| Path::new(".").to_owned());
        let found = crate::config_file::discover(&cwd)?;
        // A file found by looking, not named: say which one applies, and what it turns off,
        // so that an `inci.toml` in some parent directory never silently changes the result.
        if let Some(p) = &found.path {
            let mut what = Vec::new();
            if let Some(sel) = &found.select {
                what.push(format!(
                    "selects {} of {} rules",
                    sel.len(),
                    lint::RULES.len()
                ));
            }
            if !found.ignore.is_empty() {
                what.push(format!("ignores {}", found.ignore.join(", ")));
            }
            if !found.levels.is_empty() {
                let n = found.levels.len();
                what.push(format!(
                    "sets the level of {n} {}",
                    if n == 1 { "rule" } else { "rules" }
                ));
            }
            if found.markets != Default::default() {
                what.push(format!("markets {}", found.markets));
            }
            let what = if what.is_empty() {
                String::new()
            } else {
                format!(": {}", what.join("; "))
            };
            eprintln!(
                "note: using {}{} (--no-config ignores it)",
                crate::render::safe(&p.display().to_string()),
                what
            );
        }
        found
    };
    let codes = |names: &[String]| -> anyhow::Result<Vec<&'static str>> {
        names
            .iter()
            .map(|n| {
                lint::config::rule_code(n)
                    .with_context(|| format!("unknown rule `{n}` (see `inci rule --all`)"))
            })
            .collect()
    };
    if !args.select.is_empty() {
        config.select = Some(codes(&args.select)?);
    }
    config.ignore.extend(codes(&args.ignore)?);
    if let Some(m) = args.market {
        config.markets = m;
    }
    config.no_correct = args.no_correct;
    if args.product_type.is_some() {
        config.product_type = args.product_type;
    }
    for w in config
        .watch_list
        .iter()
        .filter_map(lint::config::WatchName::warning)
    {
        let from = config
            .path
            .as_ref()
            .map_or_else(String::new, |p| format!("{}: ", p.display()));
        eprintln!(
            "warning: {}{}",
            crate::render::safe(&from),
            crate::render::safe(&w)
        );
    }
    Ok(config)
}

/// Applies fixes until none applies, then prints the fixed label (or rewrites the files) and
/// reports what remains on standard error.
fn fix(
    args: &LintArgs,
    config: &Config,
    files: Vec<LintedFile>,
    real: &[Option<PathBuf>],
    fail_on: Level,
) -> anyhow::Result<Outcome> {
    let max = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let mut counts = Counts::default();
    let mut err = anstream::stderr().lock();
    for (k, f) in files.into_iter().enumerate() {
        let (fixed, applied) = lint::fix_text(&f.source, &f.lints, config, max);
        let remaining = lint::lint(&fixed, config);
        counts.add(Counts::of(&remaining));
        if args.write {
            if fixed != f.source {
                let path = real
                    .get(k)
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| PathBuf::from(&f.path));
                super::files::rewrite(&path, &f.source, &fixed)?;
            }
        } else {
            let mut out = std::io::stdout().lock();
            out.write_all(fixed.as_bytes())?;
            out.flush()?;
        }
        writeln!(
            err,
            "{}: applied {} {}; {} {} remain",
            crate::render::safe(&f.path),
            applied,
            if applied == 1 { "fix" } else { "fixes" },
            remaining.len(),
            if remaining.len() == 1 {
                "lint"
            } else {
                "lints"
            },
        )?;
    }
    Ok(outcome(counts, fail_on))
}
