//! The text report: the list with each item marked by its worst finding, the level of each
//! concern, then the findings grouped by concern with their reasons and sources.

use anstyle::{AnsiColor, Style};
use inci::parse::Section;
use inci::resolve::Via;
use inci::risk::{Concern, Degree, Finding, Severity};
use inci::scan::{Ingredient, ScanReport};
use std::io::{self, Write};

const OK: Style = AnsiColor::Green.on_default();
const WARN: Style = AnsiColor::Yellow.on_default();
const BAD: Style = AnsiColor::Red.on_default().bold();
const DIM: Style = Style::new().dimmed();
const HEAD: Style = Style::new().bold();

/// Widest "as printed" column before text is cut with an ellipsis.
const RAW_WIDTH: usize = 36;
/// Widest "INCI name" column.
const NAME_WIDTH: usize = 36;

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::High => BAD,
        Severity::Moderate => WARN,
        Severity::Low => AnsiColor::Cyan.on_default(),
        Severity::Info => DIM,
    }
}

fn level_style(level: Degree) -> Style {
    match level {
        Degree::High => BAD,
        Degree::Moderate => WARN,
        Degree::Low => AnsiColor::Cyan.on_default(),
        Degree::None => OK,
    }
}

/// Writes `report`. Styles are plain ANSI; the caller's stream strips them when the output is
/// not a terminal (or `--color never`).
pub fn write(out: &mut dyn Write, report: &ScanReport) -> io::Result<()> {
    write_list(out, report)?;
    write_concerns(out, report)?;
    write_findings(out, report)?;
    for s in &report.skipped {
        let text = clip(&super::safe(&s.text.replace(['\n', '\r'], " ")), 60);
        writeln!(
            out,
            "{DIM}skipped {} at {}..{}: {text}{DIM:#}",
            s.reason, s.span.start, s.span.end
        )?;
    }
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.code != inci::parse::DiagnosticCode::SkippedText)
    {
        writeln!(
            out,
            "{WARN}warning[{}]{WARN:#} at {}..{}: {}",
            d.code,
            d.span.start,
            d.span.end,
            super::safe(&d.message)
        )?;
    }
    Ok(())
}

/// The worst finding of each ingredient, in one pass over the findings (a search per
/// ingredient made long labels quadratic).
fn worst_findings(report: &ScanReport) -> Vec<Option<&Finding>> {
    let mut worst: Vec<Option<&Finding>> = vec![None; report.ingredients.len()];
    let key = |f: &Finding| (f.severity, std::cmp::Reverse(f.category));
    for f in report
        .findings
        .iter()
        .filter(|f| f.severity > Severity::Info)
    {
        for &i in &f.ingredients {
            if let Some(slot) = worst.get_mut(i)
                && slot.is_none_or(|w| key(f) >= key(w))
            {
                *slot = Some(f);
            }
        }
    }
    worst
}

fn write_list(out: &mut dyn Write, report: &ScanReport) -> io::Result<()> {
    if report.ingredients.is_empty() {
        writeln!(out, "{WARN}no ingredients found{WARN:#}")?;
        return Ok(());
    }
    writeln!(
        out,
        "{HEAD}{:>3}  {:<RAW_WIDTH$}  {:<NAME_WIDTH$}  worst finding; notes{HEAD:#}",
        "#", "as printed", "INCI name"
    )?;
    let mut section = Section::Main;
    let worst_of = worst_findings(report);
    for (i, ing) in report.ingredients.iter().enumerate() {
        if ing.section != section {
            section = ing.section;
            if section == Section::MayContain {
                writeln!(out, "{DIM}     may contain:{DIM:#}")?;
            }
        }
        if report.minor_from == Some(i) {
            writeln!(out, "{DIM}     ---- likely under 1 % from here ----{DIM:#}")?;
        }
        let raw = fit(
            &super::safe(&ing.raw.replace(['\n', '\r', '\t'], " ")),
            RAW_WIDTH,
        );
        let (name, style) = match ing.name {
            Some(n) => (fit(n, NAME_WIDTH), OK),
            None => (fit("unknown", NAME_WIDTH), BAD),
        };
        let worst = match worst_of.get(i).copied().flatten() {
            Some(f) => {
                let st = severity_style(f.severity);
                format!("{st}{} {}{st:#}", f.severity.as_str(), f.category.as_str())
            }
            None => String::new(),
        };
        let notes = notes(ing);
        let sep = if !worst.is_empty() && !notes.is_empty() {
            "; "
        } else {
            ""
        };
        let line = format!(
            "{:>3}  {}  {style}{}{style:#}  {worst}{sep}{notes}",
            i + 1,
            raw,
            name
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    let known = report
        .ingredients
        .iter()
        .filter(|i| i.name.is_some())
        .count();
    writeln!(
        out,
        "{DIM}{known} of {} ingredients resolved{DIM:#}",
        report.ingredients.len()
    )?;
    Ok(())
}

fn write_concerns(out: &mut dyn Write, report: &ScanReport) -> io::Result<()> {
    writeln!(out)?;
    let profile = report.profile.as_str();
    writeln!(out, "{HEAD}Concerns{HEAD:#} (profile: {profile})")?;
    for c in &report.concerns {
        let st = level_style(c.level);
        let weighted = if c.weighted {
            " (weighted for your profile)"
        } else {
            ""
        };
        let extra = if c.concern == Concern::Vegan {
            let no_list = report
                .findings
                .iter()
                .any(|f| f.category == inci::risk::Category::NoIngredientList);
            format!(
                "  vegan: {}, vegetarian: {}{}",
                report.vegan,
                report.vegetarian,
                if no_list {
                    " (no ingredient list found)"
                } else {
                    ""
                }
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {:<28} {st}{:<8}{st:#}{weighted}{extra}",
            c.concern.title(),
            c.level
        )?;
    }
    Ok(())
}

fn write_findings(out: &mut dyn Write, report: &ScanReport) -> io::Result<()> {
    let groups = Concern::ALL.iter().chain(std::iter::once(&Concern::Info));
    for &concern in groups {
        let mut fs: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.concern == concern)
            .collect();
        if fs.is_empty() {
            continue;
        }
        fs.sort_by_key(|f| std::cmp::Reverse(f.severity));
        writeln!(out)?;
        writeln!(out, "{HEAD}{}{HEAD:#}", concern.title())?;
        for f in fs {
            let st = severity_style(f.severity);
            let which: Vec<String> = f
                .ingredients
                .iter()
                .map(|i| format!("#{}", i + 1))
                .collect();
            // A finding about the whole text (no list found) points at no ingredient.
            let which = if which.is_empty() {
                String::new()
            } else {
                format!(" [{}]", which.join(" "))
            };
            writeln!(
                out,
                "  {st}{:<8}{st:#} {} {}{which}",
                f.severity.as_str(),
                f.code,
                super::safe(&f.message),
            )?;
            writeln!(out, "           {DIM}source: {}{DIM:#}", f.source)?;
        }
    }
    if report.minor_from.is_some() {
        writeln!(out)?;
        writeln!(out, "{DIM}1 % line: {}{DIM:#}", inci::risk::POSITION_SOURCE)?;
    }
    Ok(())
}

fn notes(ing: &Ingredient) -> String {
    let mut notes = Vec::new();
    match ing.matched_via {
        Via::Name | Via::Unknown => {}
        Via::Synonym => {
            if let Some(s) = &ing.synonym {
                notes.push(format!("{} name", s.kind));
            }
        }
        Via::Foreign(lang) => notes.push(match lang {
            Some(lang) => format!("{} name", lang.name()),
            None => "foreign name".to_owned(),
        }),
        Via::Spelling => notes.push("British or former spelling".to_owned()),
        Via::Spacing => notes.push("spaced or punctuated differently".to_owned()),
        Via::Variant => notes.push("plural or stereo prefix".to_owned()),
        Via::CommonName => notes.push("common plant name".to_owned()),
        Via::Bracket => notes.push("from brackets".to_owned()),
        Via::SlashGroup => notes.push("slash group".to_owned()),
        Via::Trimmed => notes.push("extra words ignored".to_owned()),
        Via::Hyphenation => notes.push("hyphenation rejoined".to_owned()),
        Via::Guessed => notes.push("guessed: characters dropped".to_owned()),
        // A way of matching added later: no note until this renderer learns it.
        _ => {}
    }
    if !ing.alternatives.is_empty() {
        notes.push(format!("also {}", ing.alternatives.join(", ")));
    }
    if !ing.suggestions.is_empty() {
        notes.push(format!(
            "{WARN}did you mean {}?{WARN:#}",
            ing.suggested_names()
        ));
    }
    for q in &ing.qualifiers {
        notes.push(super::safe(q.text.trim()).into_owned());
    }
    notes.join("; ")
}

/// Cuts `s` to `width` terminal columns, ending with an ellipsis when cut: Korean, Japanese and
/// Chinese characters take two columns each, so counting characters would misalign the table.
fn clip(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(s) <= width {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width.saturating_sub(1) {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// [`clip`], then padded with spaces to exactly `width` columns (a table cell).
fn fit(s: &str, width: usize) -> String {
    let mut out = clip(s, width);
    let used = unicode_width::UnicodeWidthStr::width(out.as_str());
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}
