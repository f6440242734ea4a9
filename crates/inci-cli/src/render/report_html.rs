//! `inci batch --report report.html`: one self-contained page that pictures a catalog run.
//!
//! No script, no font, no request: inline CSS and SVG bar charts, so the file opens from a
//! disk, a mail attachment or an intranet share and shows the same everywhere, and prints.
//! Charts: products by vegan and vegetarian verdict, findings by concern and by code, the
//! commonest unknown names; then the products with a human-derived ingredient with each
//! market's verdict. Every text from the catalog is HTML-escaped.

use crate::batch::Summary;
use std::fmt::Write as _;

/// Codes and unknown names charted, at most.
const TOP: usize = 20;

/// The page for a run's summary. `title` names the catalog.
pub fn render(summary: &Summary, title: &str) -> String {
    let mut page = String::with_capacity(32 * 1024);
    let scanned = summary.rows - summary.errors;
    let _ = writeln!(
        page,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>inci report: {t}</title><style>{STYLE}</style></head><body>\n\
         <h1>inci report</h1><p class=\"catalog\">{t}</p>",
        t = escape(title)
    );
    let _ = writeln!(
        page,
        "<section id=\"totals\"><h2>Rows</h2><table>\
         <tr><th>rows</th><td>{}</td></tr>\
         <tr><th>scanned</th><td>{scanned}</td></tr>\
         <tr><th>no ingredient list (not a clean product)</th><td>{}</td></tr>\
         <tr><th>errors</th><td>{}</td></tr>\
         <tr><th>with a human-derived ingredient</th><td>{}</td></tr>\
         <tr><th>unknown items</th><td>{}</td></tr></table></section>",
        summary.rows,
        summary.no_list,
        summary.errors,
        summary.products_with_human_derived,
        summary.unknown_items
    );
    let verdicts = |map: &std::collections::BTreeMap<&'static str, u64>| -> Vec<(String, u64)> {
        ["yes", "no", "unknown"]
            .iter()
            .map(|v| ((*v).to_owned(), map.get(v).copied().unwrap_or(0)))
            .collect()
    };
    chart(
        &mut page,
        "vegan",
        "Products by vegan verdict",
        &verdicts(&summary.vegan),
    );
    chart(
        &mut page,
        "vegetarian",
        "Products by vegetarian verdict",
        &verdicts(&summary.vegetarian),
    );
    let mut concerns: Vec<(String, u64)> = summary
        .findings_by_concern
        .iter()
        .map(|(k, v)| (k.replace('_', " "), *v))
        .collect();
    concerns.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    chart(&mut page, "concerns", "Findings by concern", &concerns);
    let mut codes: Vec<(String, u64)> = summary
        .findings_by_code
        .iter()
        .map(|(k, v)| {
            let what = inci::risk::registry::by_code(k).map_or("", |f| f.summary);
            (format!("{k} {}", first_clause(what)), *v)
        })
        .collect();
    codes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    codes.truncate(TOP);
    chart(&mut page, "codes", "Commonest findings", &codes);
    let unknown: Vec<(String, u64)> = summary.top_unknown.iter().take(TOP).cloned().collect();
    chart(&mut page, "unknown", "Commonest unknown names", &unknown);

    let _ = write!(
        page,
        "<section id=\"human\"><h2>Products with a human-derived ingredient ({})</h2>",
        summary.products_with_human_derived
    );
    if summary.human_products.is_empty() {
        page.push_str("<p>None.</p>");
    } else {
        page.push_str("<table><tr><th>row</th><th>id</th><th>market verdicts</th></tr>");
        for p in &summary.human_products {
            let _ = write!(
                page,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                p.row,
                escape(&p.id),
                escape(&p.market_verdicts)
            );
        }
        page.push_str("</table>");
        if (summary.human_products.len() as u64) < summary.products_with_human_derived {
            page.push_str("<p>Only the first 500 are listed.</p>");
        }
    }
    page.push_str("</section>\n");
    let _ = writeln!(
        page,
        "<footer>Made by inci {} from the CosIng data compiled in ({}). Each finding's source \
         is in the JSON Lines records; `inci rule CODE` explains a code.</footer>\n</body></html>",
        env!("CARGO_PKG_VERSION"),
        escape(inci_dict::COSING_SOURCE)
    );
    page
}

/// A horizontal bar chart in SVG with its numbers as text (and a table for screen readers).
fn chart(page: &mut String, id: &str, title: &str, bars: &[(String, u64)]) {
    let _ = write!(page, "<section id=\"{id}\"><h2>{}</h2>", escape(title));
    if bars.iter().all(|(_, n)| *n == 0) {
        page.push_str("<p>None.</p></section>\n");
        return;
    }
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let row_h = 22;
    let height = row_h * bars.len() + 4;
    let _ = write!(
        page,
        "<svg class=\"chart\" role=\"img\" aria-label=\"{t}\" viewBox=\"0 0 720 {height}\" \
         width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">",
        t = escape(title)
    );
    for (i, (label, n)) in bars.iter().enumerate() {
        let y = i * row_h + 2;
        // Labels end at 330 (44 characters of 12 px text fit), bars take the rest.
        let w = (*n as f64 / max as f64 * 330.0).round().max(1.0);
        let _ = write!(
            page,
            "<g class=\"bar\"><text x=\"330\" y=\"{ty}\" text-anchor=\"end\">{l}</text>\
             <rect x=\"336\" y=\"{y}\" width=\"{w}\" height=\"{h}\"><title>{l}: {n}</title></rect>\
             <text class=\"n\" x=\"{nx}\" y=\"{ty}\">{n}</text></g>",
            ty = y + 15,
            l = escape(&cut(label, 44)),
            h = row_h - 6,
            nx = 340.0 + w,
        );
    }
    page.push_str("</svg><table class=\"sr\">");
    for (label, n) in bars {
        let _ = write!(page, "<tr><td>{}</td><td>{n}</td></tr>", escape(label));
    }
    page.push_str("</table></section>\n");
}

/// The first clause of a finding's summary, for a chart label.
fn first_clause(text: &str) -> &str {
    let end = text.find([':', ';']).unwrap_or(text.len());
    text[..end].trim()
}

/// At most `max` characters, an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// Text for HTML content and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:1rem auto;\
padding:0 1rem;color:#1d1d1f}h1{margin-bottom:0}.catalog{color:#555;margin-top:.2rem;\
overflow-wrap:anywhere}section{margin:1.5rem 0}table{border-collapse:collapse}th,td{text-align:left;\
padding:.2rem .6rem;border-bottom:1px solid #ddd;overflow-wrap:anywhere}.chart text{font-size:12px;\
fill:#1d1d1f}.chart rect{fill:#3b6ea5}.sr{position:absolute;left:-9999px}footer{color:#555;\
font-size:13px;margin-top:2rem}@media print{body{max-width:none}.chart rect{fill:#555}}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_text_is_escaped() {
        assert_eq!(
            escape("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(
            first_clause("a retinoid with an acid: irritation"),
            "a retinoid with an acid"
        );
    }
}
