//! Lints as SARIF 2.1.0 (Static Analysis Results Interchange Format), built from the typed
//! structures of the `serde-sarif` crate: code-scanning dashboards (GitHub, GitLab, Azure)
//! read it. Every rule is described in `tool.driver.rules`, with its documentation as help;
//! regions carry line and column (Unicode code points, as `columnKind` says) and byte offsets;
//! fixes become SARIF `fixes` with their replacements.

use inci::lint::position::LineIndex;
use inci::lint::{Level, Lint, LintedFile, RULES};
use inci::span::Span;
use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix, Location, Message,
    MultiformatMessageString, PhysicalLocation, Region, Replacement, ReportingConfiguration,
    ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

/// The SARIF log of a run over `files`.
pub fn log(files: &[LintedFile]) -> Sarif {
    let rules: Vec<ReportingDescriptor> = RULES
        .iter()
        .map(|r| {
            ReportingDescriptor::builder()
                .id(r.code)
                .name(r.name)
                .short_description(MultiformatMessageString::builder().text(r.summary).build())
                .full_description(MultiformatMessageString::builder().text(r.summary).build())
                .help(
                    MultiformatMessageString::builder()
                        .text(r.doc)
                        .markdown(r.doc)
                        .build(),
                )
                .default_configuration(
                    ReportingConfiguration::builder()
                        .level(serde_json::Value::from(level(r.level).to_string()))
                        .build(),
                )
                .build()
        })
        .collect();
    let results: Vec<SarifResult> = files
        .iter()
        .flat_map(|f| {
            let index = LineIndex::new(&f.source);
            f.lints
                .iter()
                .map(|l| result(f, &index, l))
                .collect::<Vec<_>>()
        })
        .collect();
    let driver = ToolComponent::builder()
        .name("inci")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .build();
    Sarif::builder()
        .version(serde_json::Value::from("2.1.0"))
        .schema(serde_sarif::sarif::SCHEMA_URL)
        .runs(vec![run])
        .build()
}

/// Writes the log as pretty JSON, followed by a newline.
pub fn write(out: &mut dyn std::io::Write, files: &[LintedFile]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(files)).map_err(super::json_io_error)?;
    writeln!(out)
}

fn level(l: Level) -> ResultLevel {
    match l {
        Level::Error => ResultLevel::Error,
        Level::Warning => ResultLevel::Warning,
        Level::Info => ResultLevel::Note,
    }
}

fn uri(path: &str) -> String {
    let path = if path == "<stdin>" { "stdin" } else { path };
    // A URI reference (RFC 3986): backslashes as slashes, and every byte that may not appear
    // in one (controls such as a newline in a file name, spaces, `%`, `#`, `?`, non-ASCII)
    // percent-encoded, so the `uri` is one valid token whatever the file is called.
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'\\' => out.push('/'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => out.push(b as char),
            b'-' | b'.' | b'_' | b'~' | b'/' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*'
            | b'+' | b',' | b';' | b'=' | b':' | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn region(index: &LineIndex<'_>, span: Span) -> Region {
    let source = index.source();
    let start = index.line_col(span.start);
    let end = index.line_col(span.end);
    Region::builder()
        .start_line(start.line as i64)
        .start_column(start.column as i64)
        .end_line(end.line as i64)
        .end_column(end.column as i64)
        .byte_offset(span.start as i64)
        .byte_length(span.len() as i64)
        .snippet(ArtifactContent::builder().text(span.slice(source)).build())
        .build()
}

fn location(
    file: &LintedFile,
    index: &LineIndex<'_>,
    span: Span,
    message: Option<&str>,
) -> Location {
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(&file.path)).build())
        .region(region(index, span))
        .build();
    match message {
        Some(m) => Location::builder()
            .physical_location(physical)
            .message(Message::builder().text(m).build())
            .build(),
        None => Location::builder().physical_location(physical).build(),
    }
}

fn result(file: &LintedFile, index: &LineIndex<'_>, l: &Lint) -> SarifResult {
    let mut text = l.message.clone();
    if let Some(h) = &l.help {
        text.push_str("\nhelp: ");
        text.push_str(h);
    }
    let rule_index = RULES
        .iter()
        .position(|r| r.code == l.code)
        .unwrap_or_default();
    let related: Vec<Location> = l
        .related
        .iter()
        .map(|r| location(file, index, r.span, Some(&r.label)))
        .collect();
    let fixes: Vec<Fix> = l
        .fix
        .iter()
        .map(|f| {
            let replacements: Vec<Replacement> = f
                .edits
                .iter()
                .map(|e| {
                    Replacement::builder()
                        .deleted_region(
                            Region::builder()
                                .byte_offset(e.span.start as i64)
                                .byte_length(e.span.len() as i64)
                                .build(),
                        )
                        .inserted_content(
                            ArtifactContent::builder()
                                .text(e.replacement.as_str())
                                .build(),
                        )
                        .build()
                })
                .collect();
            Fix::builder()
                .description(
                    Message::builder()
                        .text(format!("{} ({:?})", f.message, f.applicability).to_lowercase())
                        .build(),
                )
                .artifact_changes(vec![
                    ArtifactChange::builder()
                        .artifact_location(ArtifactLocation::builder().uri(uri(&file.path)).build())
                        .replacements(replacements)
                        .build(),
                ])
                .build()
        })
        .collect();
    let mut r = SarifResult::builder()
        .rule_id(l.code)
        .rule_index(rule_index as i64)
        .level(level(l.level))
        .message(Message::builder().text(text).build())
        .locations(vec![location(file, index, l.span, None)])
        .build();
    if !related.is_empty() {
        r.related_locations = Some(related);
    }
    if !fixes.is_empty() {
        r.fixes = Some(fixes);
    }
    r
}

#[cfg(test)]
mod uri_tests {
    #[test]
    fn a_file_name_becomes_one_uri_token() {
        assert_eq!(super::uri("packs/serum 1.txt"), "packs/serum%201.txt");
        assert_eq!(super::uri("a\nb.txt"), "a%0Ab.txt");
        assert_eq!(super::uri("50%#?.txt"), "50%25%23%3F.txt");
        assert_eq!(super::uri("dir\\crème.txt"), "dir/cr%C3%A8me.txt");
        assert_eq!(super::uri("<stdin>"), "stdin");
    }
}
