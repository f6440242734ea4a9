//! The text report, shopper first: the headline (at most three plain sentences), the list
//! with what each ingredient does and its worst concern, the level of each concern, then the
//! findings, worst first, each with its code, concern and source on a detail line.
//!
//! Everything is laid out for the width it is given (the terminal's, `COLUMNS`, or 100 on a
//! pipe): table columns take what their contents need and wrap, never cut, when the line is
//! too narrow; long texts (legal wording, sources) wrap at spaces under their first line.

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

/// The narrowest line laid out: below it, lines are still wrapped as at this width.
const MIN_WIDTH: usize = 40;
/// Where a finding's text starts (after the severity).
const INDENT: usize = 12;

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
pub fn write(out: &mut dyn Write, report: &ScanReport, width: usize) -> io::Result<()> {
    let width = width.max(MIN_WIDTH);
    write_headline(out, report, width)?;
    write_list(out, report, width)?;
    write_concerns(out, report, width)?;
    write_findings(out, report, width)?;
    if let Some(bad) = &report.inconsistent_shares {
        let line = format!(
            "warning: #{}: {}",
            bad.ingredient + 1,
            super::safe(&bad.message)
        );
        write_wrapped(out, "", &line, 4, width, WARN)?;
    }
    for s in &report.skipped {
        let text = clip(&super::safe(&s.text.replace(['\n', '\r'], " ")), 60);
        let line = format!(
            "skipped {} at {}..{}: {text}",
            s.reason, s.span.start, s.span.end
        );
        write_wrapped(out, "", &line, 4, width, DIM)?;
    }
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.code != inci::parse::DiagnosticCode::SkippedText)
    {
        let line = format!(
            "warning[{}] at {}..{}: {}",
            d.code,
            d.span.start,
            d.span.end,
            super::safe(&d.message)
        );
        write_wrapped(out, "", &line, 4, width, WARN)?;
    }
    Ok(())
}

/// Where a report's text came from when it was a photo or a PDF, written before the report:
/// the recognizer and the image, then each item read with low confidence, to check against
/// the pack.
pub fn write_reading(
    out: &mut dyn Write,
    report: &ScanReport,
    reading: &inci_ocr::Reading<'_>,
    width: usize,
) -> io::Result<()> {
    let width = width.max(MIN_WIDTH);
    write_wrapped(
        out,
        "",
        &format!("Text {}", super::safe(&reading.source)),
        2,
        width,
        DIM,
    )?;
    if reading.to_check == 0 {
        if reading.origin_is_ocr() {
            let line = format!(
                "every item read with confidence {} or more",
                reading.check_below
            );
            write_wrapped(out, "", &line, 2, width, DIM)?;
        }
        writeln!(out)?;
        return Ok(());
    }
    let line = format!(
        "{} of {} items read with low confidence: check them against the pack",
        reading.to_check,
        report.ingredients.len()
    );
    write_wrapped(out, "", &line, 2, width, WARN)?;
    for item in reading.items.iter().filter(|i| i.evidence.check) {
        let Some(ing) = report.ingredients.get(item.ingredient) else {
            continue;
        };
        let read_as = ing
            .name
            .map_or_else(|| "unknown".to_owned(), |n| format!("read as {n}"));
        let [x, y, w, h] = item.evidence.bbox;
        let line = format!(
            "#{} \"{}\" ({read_as}; confidence {:.0}; page {}, box {x:.0},{y:.0} {w:.0}x{h:.0})",
            item.ingredient + 1,
            super::safe(ing.raw.trim()),
            item.evidence.confidence.unwrap_or(0.0),
            item.evidence.page
        );
        write_wrapped(out, "  ", &line, 4, width, WARN)?;
    }
    writeln!(out)?;
    Ok(())
}

/// Products used together: each one's headline, then the routine's findings, worst first,
/// each with its code and source on a detail line.
pub fn write_routine(
    out: &mut dyn Write,
    products: &[inci::routine::Product<'_>],
    findings: &[inci::routine::RoutineFinding],
    width: usize,
) -> io::Result<()> {
    let width = width.max(MIN_WIDTH);
    for p in products {
        writeln!(out, "{HEAD}{}{HEAD:#}", super::safe(p.name))?;
        for sentence in &p.report.headline {
            write_wrapped(out, "  ", &super::safe(sentence), 4, width, Style::new())?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{HEAD}Used together{HEAD:#}")?;
    if findings.is_empty() {
        writeln!(out, "  nothing found between these products")?;
    }
    let mut sorted: Vec<&inci::routine::RoutineFinding> = findings.iter().collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in sorted {
        let st = severity_style(f.severity);
        let lead = format!("  {st}{:<9}{st:#} ", f.severity.as_str());
        write_wrapped(
            out,
            &lead,
            &super::safe(&f.message),
            INDENT,
            width,
            Style::new(),
        )?;
        let detail = format!("{} · source: {}", f.code, f.source);
        write_wrapped(out, &" ".repeat(INDENT), &detail, INDENT, width, DIM)?;
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

fn write_headline(out: &mut dyn Write, report: &ScanReport, width: usize) -> io::Result<()> {
    writeln!(out, "{HEAD}What to know{HEAD:#}")?;
    for sentence in &report.headline {
        for (k, line) in wrap(&super::safe(sentence), width - 4).iter().enumerate() {
            let lead = if k == 0 { "  " } else { "    " };
            writeln!(out, "{lead}{line}")?;
        }
    }
    writeln!(out)
}

/// The list as a table: number, text as printed, INCI name, what it does, worst concern and
/// notes. Columns take the width their contents need; when the line is too narrow, the
/// widest columns give way and their cells wrap onto more lines.
fn write_list(out: &mut dyn Write, report: &ScanReport, width: usize) -> io::Result<()> {
    if report.ingredients.is_empty() {
        writeln!(out, "{WARN}no ingredients found{WARN:#}")?;
        return Ok(());
    }
    let worst_of = worst_findings(report);
    let rows: Vec<[String; 4]> = report
        .ingredients
        .iter()
        .enumerate()
        .map(|(i, ing)| {
            let raw = super::safe(&ing.raw.replace(['\n', '\r', '\t'], " ")).into_owned();
            let name = ing.name.unwrap_or("unknown").to_owned();
            let role = ing
                .role
                .map(inci::role::Role::words)
                .unwrap_or_default()
                .to_owned();
            let worst = worst_of.get(i).copied().flatten().map(|f| {
                let what = if f.category == inci::risk::Category::HumanDerived {
                    "human origin".to_owned()
                } else {
                    f.concern.words().to_owned()
                };
                format!("{}: {what}", f.severity.as_str())
            });
            let mut notes = notes(ing);
            if let Some(share) = share_words(ing) {
                notes = if notes.is_empty() {
                    share
                } else {
                    format!("{share}; {notes}")
                };
            }
            let both = match (worst, notes.is_empty()) {
                (Some(w), true) => w,
                (Some(w), false) => format!("{w}; {notes}"),
                (None, _) => notes,
            };
            [raw, name, role, both]
        })
        .collect();
    let headers = [
        "as printed",
        "INCI name",
        "what it does",
        "worst concern; share; notes",
    ];
    let widths = column_widths(&headers, &rows, width - 5);
    let line = |out: &mut dyn Write, num: &str, cells: [&str; 4], styles: [Style; 4]| {
        let wrapped: Vec<Vec<String>> = cells.iter().zip(widths).map(|(c, w)| wrap(c, w)).collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let mut text = if k == 0 {
                format!("{num:>3}")
            } else {
                "   ".to_owned()
            };
            // Cells padded to their column, styled only when not empty, so that a line
            // ends with its last text (no trailing blanks once styles are stripped).
            let mut pending = 0;
            for (col, lines) in wrapped.iter().enumerate() {
                let cell = lines.get(k).map(String::as_str).unwrap_or_default();
                pending += 2;
                if !cell.is_empty() {
                    // Into the line itself: a `format!` and a repeated-space string a cell
                    // were two allocations and a copy each.
                    let st = styles[col];
                    text.extend(std::iter::repeat_n(' ', pending));
                    std::fmt::Write::write_fmt(&mut text, format_args!("{st}{cell}{st:#}"))
                        .map_err(io::Error::other)?;
                    pending = 0;
                }
                pending += widths[col].saturating_sub(unicode_width::UnicodeWidthStr::width(cell));
            }
            writeln!(out, "{text}")?;
        }
        Ok::<(), io::Error>(())
    };
    line(out, "#", headers, [HEAD; 4])?;
    let mut section = Section::Main;
    for (i, (ing, cells)) in report.ingredients.iter().zip(&rows).enumerate() {
        if ing.section != section {
            section = ing.section;
            if section == Section::MayContain {
                writeln!(out, "{DIM}     may contain:{DIM:#}")?;
            }
        }
        if report.minor_from == Some(i) {
            writeln!(out, "{DIM}     ---- likely under 1 % from here ----{DIM:#}")?;
        }
        let name_style = if ing.name.is_some() { OK } else { BAD };
        let worst_style = worst_of
            .get(i)
            .copied()
            .flatten()
            .map_or(Style::new(), |f| severity_style(f.severity));
        let cells = [
            cells[0].as_str(),
            cells[1].as_str(),
            cells[2].as_str(),
            cells[3].as_str(),
        ];
        line(
            out,
            &(i + 1).to_string(),
            cells,
            [Style::new(), name_style, DIM, worst_style],
        )?;
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

/// Column widths for a table `avail` columns wide (separators not counted): each column
/// the width of its widest cell; when they do not fit, the widest column gives way first,
/// down to 8 columns (headers wrap like cells).
fn column_widths<const N: usize>(
    headers: &[&str; N],
    rows: &[[String; N]],
    avail: usize,
) -> [usize; N] {
    use unicode_width::UnicodeWidthStr;
    let mut widths = [0usize; N];
    for (c, w) in widths.iter_mut().enumerate() {
        *w = rows
            .iter()
            .map(|r| r[c].width())
            .chain(std::iter::once(headers[c].width()))
            .max()
            .unwrap_or(0);
    }
    let floor = |_: usize| 8;
    let room = avail.saturating_sub(2 * N);
    while widths.iter().sum::<usize>() > room {
        // The widest column that can still give way.
        let Some(c) = (0..N)
            .filter(|&c| widths[c] > floor(c))
            .max_by_key(|&c| widths[c])
        else {
            break;
        };
        widths[c] -= 1;
    }
    widths
}

/// An ingredient's estimated share when it says something (not printed on the label, and
/// narrower than anything from 0 to 100 %): `share 85-95 %`, `share ≤ 5 %`, then the annex cap
/// if the product complies: `share ≤ 25 %, ≤ 1 % if compliant (Annex V entry 29)`.
fn share_words(ing: &Ingredient) -> Option<String> {
    let s = ing.share?;
    if s.basis != inci::risk::share::Basis::Order {
        return None;
    }
    let n = |v: f64| {
        let r = (v * 100.0).round() / 100.0;
        format!("{r}")
    };
    let range = if s.min <= 0.0 {
        format!("share ≤ {} %", n(s.max))
    } else if (s.max - s.min).abs() < 1e-9 {
        format!("share {} %", n(s.min))
    } else {
        format!("share {}-{} %", n(s.min), n(s.max))
    };
    Some(match s.if_compliant {
        // Annex maxima go down to 0.0015 %: four decimals.
        Some(c) => format!(
            "{range}, ≤ {} % if compliant (Annex {} entry {})",
            (c.max * 10_000.0).round() / 10_000.0,
            c.annex,
            c.reference
        ),
        None => range,
    })
}

fn write_concerns(out: &mut dyn Write, report: &ScanReport, width: usize) -> io::Result<()> {
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
        let rest = format!("{weighted}{extra}");
        if rest.is_empty() {
            writeln!(out, "  {:<28} {st}{}{st:#}", c.concern.title(), c.level)?;
        } else {
            let lead = format!("  {:<28} {st}{:<8}{st:#}", c.concern.title(), c.level);
            // 2 + 28 + 1 + 8 columns before the rest, which wraps under itself.
            write_wrapped(out, &lead, rest.trim_start(), 40, width, Style::new())?;
        }
    }
    Ok(())
}

/// Every finding, worst first (the concerns in their usual order within a severity), each
/// with its message and the ingredients it names, then a detail line: code, concern, source.
fn write_findings(out: &mut dyn Write, report: &ScanReport, width: usize) -> io::Result<()> {
    // With several markets, one ingredient's market verdicts are shown side by side.
    let side_by_side = report.markets.len() > 1;
    let mut rows: Vec<Row<'_>> = Vec::new();
    for f in &report.findings {
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
    let order = |c: Concern| {
        Concern::ALL
            .iter()
            .position(|x| *x == c)
            .unwrap_or(usize::MAX)
    };
    rows.sort_by_key(|r| (std::cmp::Reverse(r.severity()), order(r.concern())));
    if !rows.is_empty() {
        writeln!(out)?;
        writeln!(out, "{HEAD}Findings, worst first{HEAD:#}")?;
    }
    for row in rows {
        match row {
            Row::One(f) => write_finding(out, f, side_by_side, width)?,
            Row::Markets(group) => write_markets(out, report, &group, width)?,
        }
    }
    if report.minor_from.is_some() {
        writeln!(out)?;
        write_wrapped(
            out,
            "",
            &format!("1 % line: {}", inci::risk::POSITION_SOURCE),
            0,
            width,
            DIM,
        )?;
    }
    write_coverage(out, report, width)
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

    fn concern(&self) -> Concern {
        match self {
            Row::One(f) => f.concern,
            Row::Markets(g) => g.first().map_or(Concern::Info, |f| f.concern),
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

/// `text` word-wrapped to `width`, its first line after `lead` (styled `lead_style` is the
/// caller's), the rest indented by `indent` columns; the whole in `style`.
fn write_wrapped(
    out: &mut dyn Write,
    lead: &str,
    text: &str,
    indent: usize,
    width: usize,
    style: Style,
) -> io::Result<()> {
    for (k, line) in wrap(text, width.saturating_sub(indent)).iter().enumerate() {
        if k == 0 {
            writeln!(out, "{lead}{style}{line}{style:#}")?;
        } else {
            writeln!(out, "{}{style}{line}{style:#}", " ".repeat(indent))?;
        }
    }
    Ok(())
}

fn write_finding(
    out: &mut dyn Write,
    f: &Finding,
    several_markets: bool,
    width: usize,
) -> io::Result<()> {
    let st = severity_style(f.severity);
    // In a report for several markets, a market's rule says whose it is (`[EU UK]`).
    let markets = if several_markets && !f.markets.is_empty() {
        let codes: Vec<&str> = f.markets.iter().map(|m| m.code()).collect();
        format!(" [{}]", codes.join(" "))
    } else {
        String::new()
    };
    let lead = format!("  {st}{:<9}{st:#} ", f.severity.as_str());
    let text = format!("{}{}{markets}", super::safe(&f.message), which(f));
    write_wrapped(out, &lead, &text, INDENT, width, Style::new())?;
    let detail = format!(
        "{} · {} · source: {}",
        f.code,
        f.concern.words().to_owned(),
        f.source
    );
    write_wrapped(out, &" ".repeat(INDENT), &detail, INDENT, width, DIM)
}

/// One ingredient's verdicts in several markets: `EU: prohibited (Annex II entry 416) · KR:
/// allowed if ... · US: no specific rule`, then the codes and each market's source.
fn write_markets(
    out: &mut dyn Write,
    report: &ScanReport,
    group: &[&Finding],
    width: usize,
) -> io::Result<()> {
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
    let lead = format!("  {st}{:<9}{st:#} ", worst.as_str());
    let text = format!(
        "{} by market: {}{}",
        super::safe(&name),
        super::safe(&verdicts.join(" · ")),
        which(first)
    );
    write_wrapped(out, &lead, &text, INDENT, width, Style::new())?;
    let sources: Vec<String> = group
        .iter()
        .filter_map(|f| f.market_verdict.as_ref().map(|v| (v.market, &f.source)))
        .map(|(m, s)| format!("{}: {s}", m.code()))
        .collect();
    let detail = format!(
        "{} · {} · sources: {}",
        codes.join(" "),
        first.concern.words(),
        sources.join("; ")
    );
    write_wrapped(out, &" ".repeat(INDENT), &detail, INDENT, width, DIM)
}

/// Which markets' rules were applied, and what had no rule data there.
fn write_coverage(out: &mut dyn Write, report: &ScanReport, width: usize) -> io::Result<()> {
    use inci::market::{Coverage, Market};
    if let [only] = report.markets.as_slice()
        && only.market == Market::Eu
    {
        return write_wrapped(
            out,
            "",
            "market: EU (Regulation (EC) 1223/2009); others with --market (kr, jp, cn, tw, us, ca, uk, asean, all)",
            8,
            width,
            DIM,
        );
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
        let lead = format!("  {:<6} ", m.market.code());
        write_wrapped(out, &lead, &parts.join("; "), 9, width, Style::new())?;
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
            "misspelt: printed as {}, read as {}",
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
            "incomplete name (no part): could be {}",
            ing.suggested_names()
        ));
    } else if !ing.suggestions.is_empty() && ing.matched_via != Via::Correction {
        notes.push(format!("did you mean {}?", ing.suggested_names()));
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

/// The columns a word (no spaces) takes, `plain` when every byte is printable ASCII (as
/// [`words`] tells): its length then (one column each, as `unicode-width` counts them), else
/// what `unicode-width` says. A report's words are nearly all ASCII, and `unicode-width` reads
/// each word backwards a character at a time: a sixth of the instructions of `inci scan` on
/// the flagship serum went to wrapping.
fn word_width(word: &str, plain: bool) -> usize {
    if plain {
        word.len()
    } else {
        unicode_width::UnicodeWidthStr::width(word)
    }
}

/// The words of `text` (split at spaces, empty ones skipped), each with whether all its bytes
/// are printable ASCII (one column each): one pass over the bytes, where splitting at `' '`
/// and testing each word again made wrapping the flagship serum's report 174,000
/// instructions (139,000 now).
fn words(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while bytes.get(at) == Some(&b' ') {
            at += 1;
        }
        let start = at;
        let mut plain = true;
        while let Some(&b) = bytes.get(at) {
            if b == b' ' {
                break;
            }
            plain &= b.is_ascii_graphic();
            at += 1;
        }
        // Both ends are at a space or an end of the text: character boundaries.
        (at > start).then(|| (text.get(start..at).unwrap_or_default(), plain))
    })
}

/// `text` word-wrapped to `width` terminal columns: lines break at spaces, and a word is
/// split only when it alone is wider than a line (Korean, Japanese and Chinese characters
/// take two columns each). Never empty: an empty text is one empty line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(1);
    // Each line sized once for the room it may fill (a line grown from empty was reallocated
    // four or five times), bounded so that a huge `COLUMNS` costs no memory.
    let room = width.min(256);
    let mut lines = Vec::new();
    let mut line = String::with_capacity(room);
    let mut used = 0;
    for (word, plain) in words(text) {
        let w = word_width(word, plain);
        if used > 0 && used + 1 + w <= width {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::replace(&mut line, String::with_capacity(room)));
            used = 0;
        }
        if w <= width {
            line.push_str(word);
            used = w;
            continue;
        }
        // A word wider than the line: split it where the line ends.
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > 0 {
                lines.push(std::mem::replace(&mut line, String::with_capacity(room)));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_as_wide_as_unicode_width_says() {
        let mut words: Vec<String> = (0u8..=127).map(|b| char::from(b).to_string()).collect();
        words.extend(
            [
                "Glycerin",
                "1,2-HEXANEDIOL",
                "(EC)",
                "a\tb",
                "a\r\nb",
                "x\u{7f}y",
                "\u{1b}[1m",
                "Crème",
            ]
            .map(String::from),
        );
        words.extend(["정제수", "e\u{301}", "🧴", "Ａｑｕａ", "\u{200b}"].map(String::from));
        for w in &words {
            let plain = w.bytes().all(|b| b.is_ascii_graphic());
            assert_eq!(
                word_width(w, plain),
                unicode_width::UnicodeWidthStr::width(w.as_str()),
                "{w:?}"
            );
        }
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_never_loses_text() {
        let text = "Regulation (EC) 1223/2009 Annex III entry 84: the presence of the substance must be indicated";
        for width in [10, 17, 40, 200] {
            let lines = wrap(text, width);
            assert!(
                lines
                    .iter()
                    .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= width)
            );
            assert_eq!(lines.join(" "), text, "width {width}");
        }
        assert_eq!(wrap("", 10), vec![String::new()]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        // Two columns per character.
        assert_eq!(
            wrap("정제수 글리세린", 6),
            vec!["정제수", "글리세"]
                .into_iter()
                .chain(["린"])
                .map(String::from)
                .collect::<Vec<_>>()
        );
    }

    /// [`words`] finds what splitting at spaces finds, with [`word_width`]'s plain test.
    #[test]
    fn words_are_the_split_at_spaces() {
        let texts = [
            "",
            " ",
            "   ",
            "a",
            " a",
            "a ",
            "  a  b   c ",
            "Regulation (EC) 1223/2009 Annex III",
            "a\tb c\nd",
            "정제수 글리세린  Crème\u{a0}brûlée",
            "x\u{7f}y \u{1b}[1m 🧴",
        ];
        let mut all: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        // Every text of up to four characters over space, a letter, a tab and a non-ASCII one.
        let alphabet = [' ', 'a', '\t', 'é'];
        let mut stack = vec![String::new()];
        while let Some(t) = stack.pop() {
            if t.chars().count() < 4 {
                for c in alphabet {
                    let mut u = t.clone();
                    u.push(c);
                    stack.push(u);
                }
            }
            all.push(t);
        }
        for t in &all {
            let want: Vec<(&str, bool)> = t
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| (w, w.bytes().all(|b| b.is_ascii_graphic())))
                .collect();
            let got: Vec<(&str, bool)> = words(t).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn columns_give_way_widest_first() {
        let headers = ["a", "b"];
        let rows = vec![["x".repeat(30), "y".repeat(60)]];
        assert_eq!(column_widths(&headers, &rows, 200), [30, 60]);
        let w = column_widths(&headers, &rows, 60);
        assert!(w[0] + w[1] + 4 <= 60, "{w:?}");
        assert!(w[1] >= w[0]);
    }
}
