//! `inci scan`: one label, parsed and resolved, as a table or JSON.

use super::Outcome;
use super::choices::ProfileArg;
use super::input::Source;
use crate::render::{self, Format};
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Arguments of `inci scan`.
#[derive(Debug, Args)]
#[command(
    after_help = "INPUT is label text, a file name, or - for standard input. A file or standard input may be a photo of the ingredient panel (PNG, JPEG, WebP, TIFF, BMP, GIF) or a PDF of the artwork, told by its bytes: photos are read by the system's tesseract, PDFs by their text (poppler's pdftotext) or, with none, by OCR of their pages; items read with low confidence are marked \"check against the pack\". With no INPUT, standard input is read. Text that starts with a hyphen works as is (inci scan \"-Hyaluronic Acid: plumps, Aqua, Glycerin\"); --text takes the text whatever it looks like.\n\nExit codes: 0 success; 2 usage or input error (unreadable file, invalid UTF-8 with its byte offset)."
)]
pub struct ScanArgs {
    /// Label text, a file to read, or - for standard input. Text may start with a hyphen
    /// (`-Hyaluronic Acid: ...`, as shops print highlight bullets): anything that is not an
    /// option of this command is read as the label.
    #[arg(value_name = "INPUT", allow_hyphen_values = true)]
    pub input: Option<String>,
    /// More label files, with --routine (or more words of an unquoted label).
    #[arg(value_name = "MORE", num_args = 0..)]
    pub more: Vec<String>,
    /// Check the files given as products used together (a routine): each product's headline,
    /// then what the products do together: a retinoid in one and an exfoliating acid in
    /// another, several exfoliating acids, the same fragrance allergen in several, ingredients
    /// of human origin in more than one (`inci scan serum.txt toner.txt --routine`).
    #[arg(long)]
    pub routine: bool,
    /// The label text itself, never taken for a file name or an option.
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["input", "file"], allow_hyphen_values = true)]
    pub text: Option<String>,
    /// Read the label from this file (even if its name looks like label text).
    #[arg(short, long, value_name = "FILE", conflicts_with = "input")]
    pub file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Largest input read, in bytes; larger input is refused with an error naming the limit.
    #[arg(long, value_name = "BYTES", default_value_t = super::input::DEFAULT_MAX_INPUT)]
    pub max_input: u64,
    /// Weigh the concerns that matter to this reader: acne-prone (pores), sensitive
    /// (irritation, allergy), vegan, eu-market (human origin and regulation).
    #[arg(long, value_enum, default_value_t = ProfileArg::General)]
    pub profile: ProfileArg,
    /// The product type, which decides which EU annex limits apply (Annex V preservatives,
    /// Annex VI UV filters, hair-dye-only Annex II entries). Without it, verdicts that depend
    /// on it are reported as conditional: leave-on, rinse-off, oral-care, spray, hair-dye, eye,
    /// or a category the annexes name (a kind of one of those): hand-soap, shower-gel, shampoo,
    /// deodorant, powder, nail, toothpaste, mouthwash, and the body parts lip and eyelash.
    #[arg(long, value_name = "TYPE", value_parser = parse_product_type)]
    pub product_type: Option<inci::risk::ProductType>,
    /// Markets whose rules apply (see `MARKET_HELP`, which clap prints).
    #[arg(long, value_name = "MARKETS", value_parser = super::choices::parse_markets, default_value = "eu", help = super::choices::MARKET_HELP)]
    pub market: inci::market::Markets,
    /// Leave misspelt names unknown. By default a misspelling that can only be one CosIng name
    /// (`Citronnellol`, `Dimethicon`; rules in docs/corrections.md) is read as that name,
    /// `matched_via: correction`, and the report says "printed as ..., read as ...".
    #[arg(long)]
    pub no_correct: bool,
    /// Languages to read photos and PDFs without text in (en, fr, de, es, it, ko, ja, zh,
    /// zh-hant; comma-separated). Default: English and the languages of the --market labels
    /// (ko for kr, ja for jp, zh for cn, zh-hant for tw, fr for eu and ca), those installed;
    /// a poor reading with them is retried in the script tesseract detects, and said.
    #[arg(long, value_name = "LANGS", value_parser = parse_langs)]
    pub lang: Option<Langs>,
    /// For a photo or PDF: write the image with every ingredient outlined (colour: its worst
    /// finding; dashed: read with low confidence) to FILE, an SVG any browser opens.
    #[arg(long, value_name = "FILE")]
    pub outline: Option<PathBuf>,
}

/// The languages of `--lang`, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Langs(pub Vec<inci_ocr::Lang>);

/// Reads `--lang` (clap's value parser).
pub fn parse_langs(s: &str) -> Result<Langs, String> {
    inci_ocr::Lang::parse_list(s).map(Langs)
}

/// The OCR options of `--lang`, else of the markets.
pub fn ocr_options(lang: Option<&Langs>, markets: inci::market::Markets) -> inci_ocr::Options {
    match lang {
        Some(langs) => inci_ocr::Options::with_langs(langs.0.clone()),
        None => inci_ocr::Options::for_markets(markets.iter()),
    }
}

/// Reads `--product-type` (clap's value parser).
pub fn parse_product_type(s: &str) -> Result<inci::risk::ProductType, inci::risk::UnknownValue> {
    inci::risk::parse_product_type(s)
}

/// Runs `inci scan`.
pub fn run(args: &ScanArgs) -> anyhow::Result<Outcome> {
    // `--frmat`: an option misspelt, not a label (a label never is one hyphenated word).
    let inputs: Vec<String> = args.input.iter().chain(&args.more).cloned().collect();
    if let Some(arg) = inputs
        .iter()
        .find(|a| a.starts_with("--") && !a.contains(char::is_whitespace))
    {
        anyhow::bail!(
            "unknown option `{arg}` (see inci scan --help); to scan text that starts with `--`, use --text"
        );
    }
    if args.routine {
        return routine(args, &inputs);
    }
    // Several words unquoted (`inci scan Aqua, Glycerin`) are one label; several files are
    // products, which need --routine.
    let joined;
    let input = match inputs.as_slice() {
        [] => None,
        [one] => Some(one),
        many => {
            if many.iter().all(|a| std::path::Path::new(a).is_file()) {
                anyhow::bail!(
                    "{} files given: to check them as products used together, add --routine; to scan each, run inci scan once per file",
                    many.len()
                );
            }
            joined = many.join(" ");
            Some(&joined)
        }
    };
    let source = match (&args.file, input) {
        _ if args.text.is_some() => Source::Text(args.text.clone().unwrap_or_default()),
        (Some(f), _) => Source::File(f.clone()),
        (None, Some(arg)) => {
            let source = Source::from_arg(arg)?;
            // Text that happens to name a file in this directory: say which was read.
            if matches!(source, Source::File(_)) && arg.contains([',', ' ']) {
                eprintln!(
                    "note: reading the file {}; to scan the text itself, use --text",
                    crate::render::safe(arg)
                );
            }
            source
        }
        (None, None) => {
            if std::io::stdin().is_terminal() {
                anyhow::bail!(
                    "no label given: pass the text, a file name, or - to read standard input (see inci scan --help)"
                );
            }
            Source::Stdin
        }
    };
    let ocr = ocr_options(args.lang.as_ref(), args.market);
    let label = source.read_label(args.max_input, Some(&ocr))?;
    let report = inci::scan::Scanner::new()
        .profile(args.profile.into())
        .product_type(args.product_type)
        .markets(args.market)
        .corrections(!args.no_correct)
        .scan(label.text());
    let reading = label.document().map(|d| inci_ocr::Reading::new(d, &report));
    if let Some(path) = &args.outline {
        let (super::input::Label::Document { document, bytes }, Some(reading)) = (&label, &reading)
        else {
            anyhow::bail!("--outline needs a photo or a PDF file as input");
        };
        let svg = render::outline::svg(bytes, document, &report, reading)?;
        std::fs::write(path, svg)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    }
    // Buffered, so that the colour layer (which strips styles off a pipe) sees large writes,
    // and JSON, which has no colour, skips it.
    match args.format {
        Format::Text => {
            // Rendered whole, then written in one go (`render::unstyled::to_stdout`: without
            // its styles in one pass when no colour is shown).
            let mut styled = Vec::with_capacity(1 << 14);
            if let Some(reading) = &reading {
                render::text::write_reading(&mut styled, &report, reading, render::width())?;
            }
            render::text::write(&mut styled, &report, render::width())?;
            render::unstyled::to_stdout(&styled)?;
        }
        Format::Json => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match &reading {
                Some(ocr) => render::json::write(
                    &mut out,
                    &render::json::WithReading {
                        report: &report,
                        ocr,
                    },
                )?,
                None => render::json::write(&mut out, &report)?,
            }
            out.flush()?;
        }
    }
    Ok(Outcome::Success)
}

/// `inci scan a.txt b.txt --routine`: each file a product; their headlines, then the routine's
/// findings (`inci::routine`).
fn routine(args: &ScanArgs, inputs: &[String]) -> anyhow::Result<Outcome> {
    if inputs.len() < 2 || args.text.is_some() || args.file.is_some() {
        anyhow::bail!(
            "--routine needs two or more label files: inci scan serum.txt toner.txt --routine"
        );
    }
    let scanner = inci::scan::Scanner::new()
        .profile(args.profile.into())
        .product_type(args.product_type)
        .markets(args.market)
        .corrections(!args.no_correct);
    let mut labels = Vec::new();
    for name in inputs {
        let text = Source::File(PathBuf::from(name)).read(args.max_input)?;
        labels.push((name.clone(), text));
    }
    let scanned = inci::routine::Named::scan(&scanner, labels);
    let products = scanned.products();
    let doc = inci::routine::Document::new(&products);
    match args.format {
        Format::Text => {
            let mut styled = Vec::with_capacity(1 << 14);
            render::text::write_routine(&mut styled, &products, &doc.routine, render::width())?;
            render::unstyled::to_stdout(&styled)?;
        }
        Format::Json => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
            out.flush()?;
        }
    }
    Ok(Outcome::Success)
}
