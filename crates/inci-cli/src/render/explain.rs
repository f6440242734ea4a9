//! `inci explain` as text: the canonical name and how the query matched, functions, other
//! names, and each fact with its source; an unknown name with its suggestions.

use anstyle::Style;
use inci::explain::Explanation;
use std::io::{self, Write};

/// Writes `e`, the explanation of `query` (as typed), for a terminal.
pub fn write(out: &mut dyn Write, e: &Explanation, query: &str) -> io::Result<()> {
    // Printed back on a terminal: control characters made visible.
    let query = super::safe(query);
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    match e.name {
        None => {
            writeln!(out, "{query}: not a known INCI name")?;
            if !e.suggestions.is_empty() {
                writeln!(out, "did you mean: {}", e.suggestions.join(", "))?;
            }
            for f in &e.facts {
                writeln!(out, "  {}: {}", f.topic, super::safe(&f.value))?;
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
                    .map(|s| {
                        let lang = s.lang.and_then(inci_dict::Lang::from_code);
                        match lang {
                            Some(l) => format!("{} ({})", s.alias, l.name()),
                            None => format!("{} ({})", s.alias, s.kind),
                        }
                    })
                    .collect();
                writeln!(out, "  also printed as: {}", s.join(", "))?;
            }
            for f in &e.facts {
                writeln!(out, "  {}: {}", f.topic, super::safe(&f.value))?;
                writeln!(out, "      {dim}source: {}{dim:#}", f.source)?;
            }
        }
    }
    Ok(())
}
