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
    // With several markets, one ingredient's market verdicts are shown side by side.
    let side_by_side = report.markets.len() > 1;
    for &concern in groups {
        let mut rows: Vec<Row<'_>> = Vec::new();
        for f in report.findings.iter().filter(|f| f.concern == concern) {
            if side_by_side && f.market_verdict.is_some() {
                if let Some(Row::Markets(group)) = rows
                    .iter_mut()
                    .rev()
                    .find(|r| matches!(r, Row::Markets(g) if g[0].ingredients == f.ingredients))
                {
                    group.push(f);
                    continue;
                }
                rows.push(Row::Markets(vec![f]));
            } else {
                rows.push(Row::One(f));
            }
        }
        if rows.is_empty() {
            continue;
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.severity()));
        writeln!(out)?;
        writeln!(out, "{HEAD}{}{HEAD:#}", concern.title())?;
        for row in rows {
            match row {
                Row::One(f) => write_finding(out, f, side_by_side)?,
                Row::Markets(group) => write_markets(out, report, &group)?,
            }
        }
    }
    if report.minor_from.is_some() {
        writeln!(out)?;
        writeln!(out, "{DIM}1 % line: {}{DIM:#}", inci::risk::POSITION_SOURCE)?;
    }
    write_coverage(out, report)
}

/// A line of the findings: one finding, or one ingredient's verdicts in several markets.
enum Row<'a> {
    One(&'a Finding),
    Markets(Vec<&'a Finding>),
}

impl Row<'_> {
    fn severity(&self) -> inci::risk::Severity {
        match self {
            Row::One(f) => f.severity,
            Row::Markets(g) => g.iter().map(|f| f.severity).max().unwrap_or(Severity::Info),
        }
    }
}

fn which(f: &Finding) -> String {
    let which: Vec<String> = f
        .ingredients
        .iter()
        .map(|i| format!("#{}", i + 1))
        .collect();
    // A finding about the whole text (no list found) points at no ingredient.
    if which.is_empty() {
        String::new()
    } else {
        format!(" [{}]", which.join(" "))
    }
}

fn write_finding(out: &mut dyn Write, f: &Finding, several_markets: bool) -> io::Result<()> {
    let st = severity_style(f.severity);
    // In a report for several markets, a market's rule says whose it is (`R003 [EU UK]`).
    let markets = if several_markets && !f.markets.is_empty() {
        let codes: Vec<&str> = f.markets.iter().map(|m| m.code()).collect();
        format!(" [{}]", codes.join(" "))
    } else {
        String::new()
    };
    writeln!(
        out,
        "  {st}{:<8}{st:#} {}{markets} {}{}",
        f.severity.as_str(),
        f.code,
        super::safe(&f.message),
        which(f)
    )?;
    writeln!(out, "           {DIM}source: {}{DIM:#}", f.source)
}

/// One ingredient's verdicts in several markets, on one line: `EU: prohibited (Annex II entry
/// 416) · KR: allowed if ... · US: no specific rule`, then each market's source.
fn write_markets(out: &mut dyn Write, report: &ScanReport, group: &[&Finding]) -> io::Result<()> {
    let Some(first) = group.first() else {
        return Ok(());
    };
    let worst = group
        .iter()
        .map(|f| f.severity)
        .max()
        .unwrap_or(Severity::Info);
    let st = severity_style(worst);
    let mut codes: Vec<&str> = Vec::new();
    for f in group {
        if !codes.contains(&f.code) {
            codes.push(f.code);
        }
    }
    let name = first
        .ingredients
        .first()
        .and_then(|&i| report.ingredients.get(i))
        .map(|ing| {
            ing.name
                .map_or_else(|| ing.raw.trim().to_owned(), str::to_owned)
        })
        .unwrap_or_default();
    let verdicts: Vec<String> = group
        .iter()
        .filter_map(|f| f.market_verdict.as_ref())
        .map(|v| {
            let inferred = if v.inferred.is_empty() {
                ""
            } else {
                " (inferred)"
            };
            format!("{}: {}{inferred}", v.market.code(), v.summary)
        })
        .collect();
    writeln!(
        out,
        "  {st}{:<8}{st:#} {} {} by market: {}{}",
        worst.as_str(),
        codes.join(" "),
        super::safe(&name),
        super::safe(&verdicts.join(" · ")),
        which(first)
    )?;
    let sources: Vec<String> = group
        .iter()
        .filter_map(|f| f.market_verdict.as_ref().map(|v| (v.market, &f.source)))
        .map(|(m, s)| format!("{}: {s}", m.code()))
        .collect();
    writeln!(
        out,
        "           {DIM}sources: {}{DIM:#}",
        sources.join("; ")
    )
}

/// Which markets' rules were applied, and what had no rule data there.
fn write_coverage(out: &mut dyn Write, report: &ScanReport) -> io::Result<()> {
    use inci::market::{Coverage, Market};
    if let [only] = report.markets.as_slice()
        && only.market == Market::Eu
    {
        writeln!(
            out,
            "{DIM}market: EU (Regulation (EC) 1223/2009); others with --market (kr, jp, cn, tw, us, ca, uk, asean, all){DIM:#}"
        )?;
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{HEAD}Markets{HEAD:#}")?;
    for m in &report.markets {
        let names = |c: Coverage| -> Vec<&str> {
            m.checks
                .iter()
                .filter(|k| k.coverage == c)
                .map(|k| k.check.title())
                .collect()
        };
        let mut parts = Vec::new();
        let checked = names(Coverage::Checked);
        if !checked.is_empty() {
            parts.push(format!("checked: {}", checked.join(", ")));
        }
        // Checks inferred for the same reason are named together.
        let mut inferred: Vec<(&str, Vec<&str>)> = Vec::new();
        for k in m.checks.iter().filter(|k| k.coverage == Coverage::Inferred) {
            match inferred.iter_mut().find(|(note, _)| *note == k.note) {
                Some((_, titles)) => titles.push(k.check.title()),
                None => inferred.push((&k.note, vec![k.check.title()])),
            }
        }
        for (note, titles) in inferred {
            parts.push(format!("inferred: {} ({note})", titles.join(", ")));
        }
        let missing = names(Coverage::NoData);
        if !missing.is_empty() {
            parts.push(format!("no rule data, not checked: {}", missing.join(", ")));
        }
        writeln!(out, "  {:<6} {}", m.market.code(), parts.join("; "))?;
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
        Via::TradeName => notes.push("trade name".to_owned()),
        Via::FormerName => notes.push("former INCI name".to_owned()),
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
        Via::Correction => notes.push(format!(
            "{WARN}misspelt: printed as {}, read as {}{WARN:#}",
            super::safe(ing.raw.trim()),
            ing.name.unwrap_or_default()
        )),
        // A way of matching added later: no note until this renderer learns it.
        _ => {}
    }
    if !ing.alternatives.is_empty() {
        notes.push(format!("also {}", ing.alternatives.join(", ")));
    }
    if ing.name.is_none()
        && !ing.suggestions.is_empty()
        && ing.suggestions.iter().all(|s| s.distance == 0)
    {
        notes.push(format!(
            "{WARN}incomplete name (no part): could be {}{WARN:#}",
            ing.suggested_names()
        ));
    } else if !ing.suggestions.is_empty() && ing.matched_via != Via::Correction {
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
