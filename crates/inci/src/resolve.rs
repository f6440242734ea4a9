//! Name resolution: an item's text to its canonical CosIng name.
//!
//! Labels rarely print the CosIng name alone. [`resolve`] tries, in order: the whole text
//! (folded, see [`inci_dict::fold`]) as a name or synonym, and in American spelling; the text
//! without its bracketed parts (`Butyrospermum Parkii (Shea) Butter`); each bracketed part
//! (`Fragrance (Parfum)`, `Butyrospermum Parkii (Shea Butter)`); each slash-separated part of a
//! synonym group (`Aqua/Water/Eau`); the text without stray punctuation. The first that hits
//! wins and [`Via`] says which way it went. An unknown name gets up to three suggestions, which
//! are never applied: only synonyms are.

mod glued;

use crate::memo::TextMemo;
use crate::parse::Lexicon;
use inci_dict::{Entry, Hit, Suggestion, Synonym};
use serde::Serialize;
use std::cell::RefCell;

/// The embedded CosIng dictionary as the parser's [`Lexicon`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Cosing;

impl Lexicon for Cosing {
    /// Strict on purpose: the parser asks this to decide whether pieces form one name, so
    /// only the whole text, or the whole text without its bracketed parts (`Ext. Violet 2
    /// (Ci 60730)`), counts; a slash group with one known part does not.
    ///
    /// Answers are kept per thread by text: the parser asks again of each run of pieces it
    /// might glue (`Alcohol Denat. Glycerin, Aqua`), and catalogs repeat those runs.
    fn is_known(&self, text: &str) -> bool {
        thread_local! {
            static KNOWN: RefCell<TextMemo<bool>> = RefCell::new(TextMemo::default());
        }
        if let Some(known) = KNOWN.with(|k| k.try_borrow().ok()?.get(text).copied()) {
            return known;
        }
        let known = known_uncached(text);
        KNOWN.with(|k| {
            if let Ok(mut memo) = k.try_borrow_mut() {
                memo.insert(text, known);
            }
        });
        known
    }

    /// The dictionary answers for the runs all at once where it can
    /// ([`inci_dict::known_prefixes`]), for the runs as printed and for them without their
    /// brackets: the text without the brackets of a run is a prefix of the longest run's
    /// (`strip_brackets_marking`). A run it cannot answer for is asked as
    /// [`Cosing::is_known`] asks. The answers are `is_known`'s, without its memo.
    fn longest_known(&self, text: &str, ends: &[usize]) -> Option<usize> {
        let longest = ends.last().and_then(|&end| text.get(..end))?;
        let known = inci_dict::known_prefixes(longest, ends);
        // `is_known` tries a text without its brackets when it has a `(` or `[`: the runs
        // from the first on.
        let stripped = longest.find(['(', '[']).map(|from| {
            let (outside, marks) = strip_brackets_marking(longest, ends);
            let known = inci_dict::known_prefixes(&outside, &marks);
            (from, outside, marks, known)
        });
        (0..ends.len()).rev().find(|&k| {
            let Some(run) = ends.get(k).and_then(|&end| text.get(..end)) else {
                return false;
            };
            match known.get(k).copied().flatten() {
                Some(true) => return true,
                None => return self.is_known(run),
                Some(false) => {}
            }
            let Some((from, outside, marks, known)) = &stripped else {
                return false;
            };
            if run.len() <= *from {
                return false;
            }
            match known.get(k).copied().flatten() {
                Some(found) => found,
                None => marks
                    .get(k)
                    .and_then(|&m| outside.get(..m))
                    .is_some_and(|o| lookup(o).is_some()),
            }
        })
    }

    fn continues_past_separator(&self, text: &str) -> bool {
        inci_dict::may_continue_past_separator(text)
            && inci_dict::continues_past_separator(&inci_dict::fold(text))
    }

    /// By the rules of the `glued` module: the whole text no name by any rule, one way only
    /// to cut it at spaces into CosIng names.
    fn glued_names(&self, text: &str) -> Option<Vec<(usize, usize)>> {
        glued::glued_names(text)
    }

    /// The embedded dictionary never changes while the process runs.
    fn fixed_name(&self) -> Option<&'static str> {
        Some("cosing")
    }
}

/// [`Cosing::is_known`] without its memo.
fn known_uncached(text: &str) -> bool {
    lookup(text).is_some() || (text.contains(['(', '[']) && lookup(&strip_brackets(text)).is_some())
}

/// How a name was resolved. In JSON, [`Via::as_str`] (`name`, `foreign:ko`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Via {
    /// The text is a CosIng name.
    Name,
    /// The text is a known synonym (common, colour, INN, chemical or former name).
    Synonym,
    /// The text is a label name in another language (`정제수`, `ＢＧ`, `甘油`, `Eau`), from the
    /// table of that language (`None`: a foreign word whose language is not recorded).
    Foreign(Option<inci_dict::Lang>),
    /// The text is a supplier's trade name (`Tinosorb S`, `Lyral`), read as its INCI name.
    TradeName,
    /// The text is a former INCI name (`Octyl Methoxycinnamate`).
    FormerName,
    /// The text is a CosIng name in British spelling (`Sulphate`).
    Spelling,
    /// The text has a name's letters and digits, spaced or punctuated differently
    /// (`Ethylhexyl Glycerin`, `1 2-Hexanediol`, `Polysorbate-20`).
    Spacing,
    /// The text is a name in the plural or with a stereo prefix (`Caprylic/Capric
    /// Triglycerides`, `L-Tyrosine`).
    Variant,
    /// A common plant name stands for its binomial (`Witch Hazel Leaf Extract`).
    CommonName,
    /// A bracketed part, or the text without its bracketed parts, is a name.
    Bracket,
    /// A part of a slash-separated synonym group (`Aqua/Water/Eau`) is a name.
    SlashGroup,
    /// The text without stray punctuation or bullets is a name.
    Trimmed,
    /// The text with a line-break hyphen removed is a name (`Rosa Dam- ascena`, `Dip-teryx`).
    Hyphenation,
    /// The text matched a name only once characters that belong in no name were dropped
    /// (`Benzophenone-$`, `Benzophenone-?`: OCR or encoding debris): read as that name, but a
    /// guess, so its findings stay at low severity or below.
    Guessed,
    /// The text is a misspelling of exactly one name, by the rules of
    /// [`inci_dict::near`] (`Citronnellol`, `Dimethicon`, `Caprylyl GIycoI`): read as that
    /// name and said so; the suggestions hold it too, for callers that turn corrections off.
    Correction,
    /// Nothing matched.
    Unknown,
}

impl Via {
    /// Stable lower-case identifier.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Name => "name",
            Via::Synonym => "synonym",
            Via::TradeName => "trade_name",
            Via::FormerName => "former_name",
            Via::Foreign(lang) => match lang {
                None => "foreign",
                Some(inci_dict::Lang::Fr) => "foreign:fr",
                Some(inci_dict::Lang::De) => "foreign:de",
                Some(inci_dict::Lang::Es) => "foreign:es",
                Some(inci_dict::Lang::It) => "foreign:it",
                Some(inci_dict::Lang::Zh) => "foreign:zh",
                Some(inci_dict::Lang::Ko) => "foreign:ko",
                Some(inci_dict::Lang::Ja) => "foreign:ja",
                Some(_) => "foreign",
            },
            Via::Spelling => "spelling",
            Via::Spacing => "spacing",
            Via::Variant => "variant",
            Via::CommonName => "common_name",
            Via::Bracket => "bracket",
            Via::SlashGroup => "slash_group",
            Via::Trimmed => "trimmed",
            Via::Hyphenation => "hyphenation",
            Via::Guessed => "guessed",
            Via::Correction => "correction",
            Via::Unknown => "unknown",
        }
    }
}

impl Serialize for Via {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Via {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// The outcome of resolving one name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Resolution {
    /// The CosIng entry, when the name is known.
    pub entry: Option<Entry>,
    /// How it was found.
    pub via: Via,
    /// The synonym used, if one was.
    pub synonym: Option<Synonym>,
    /// The common plant name read as its binomial, if one was.
    pub common: Option<&'static inci_dict::CommonName>,
    /// Other known names in the same slash group or brackets (`WATER` in `Aqua/Water/Eau`).
    pub alternatives: Vec<&'static str>,
    /// Nearest known names when unknown (never applied).
    pub suggestions: Vec<Suggestion>,
}

impl Resolution {
    /// The canonical INCI name, or `None` when unknown.
    pub fn name(&self) -> Option<&'static str> {
        self.entry.map(|e| e.name)
    }

    /// The same resolution with a correction undone: unknown, with its suggestions (which
    /// hold the corrected name first). For `--no-correct`.
    pub fn without_correction(self) -> Resolution {
        if self.via != Via::Correction {
            return self;
        }
        self.correction_undone()
    }

    /// What [`Resolution::without_correction`] makes of a correction, from a borrowed
    /// resolution (the ingredient loop reads the name cache's in place): unknown, with the
    /// suggestions copied.
    pub(crate) fn correction_undone(&self) -> Resolution {
        Resolution {
            entry: None,
            via: Via::Unknown,
            synonym: None,
            common: None,
            alternatives: Vec::new(),
            suggestions: self.suggestions.clone(),
        }
    }
}

/// Deepest nesting of brackets and slash groups explored.
const MAX_DEPTH: u8 = 3;

/// The name cache: keyed on the text as printed, of any length ([`TextMemo`]: foldhash,
/// seeded at random per thread, so that no input can choose colliding keys; at most
/// [`TextMemo::LIMIT`] names, then forgotten at once).
type Cache = TextMemo<Resolution>;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::of_any_length());
}

/// Resolves an item's name text (as printed, qualifiers removed).
///
/// Results are remembered per thread (up to 16,384 distinct texts, then forgotten at once), so
/// a catalog pays for each distinct name, and for its suggestions, only once.
pub fn resolve(text: &str) -> Resolution {
    with_resolution(text, Resolution::clone)
}

/// Calls `read` with how `text` resolves, from the cache when it holds it, as [`resolve`]
/// answers, but lent rather than copied out: the ingredient loop reads a few fields of it,
/// where a copy of the whole resolution cost three moves through `memcpy` an ingredient.
/// `read` must not resolve (the cache is borrowed while it runs; were it borrowed again,
/// the answer would be computed afresh rather than the program panic).
pub(crate) fn with_resolution<R>(text: &str, read: impl FnOnce(&Resolution) -> R) -> R {
    // `read` goes in, and comes back out on a miss.
    let read = match CACHE.with(|c| match c.try_borrow() {
        Ok(cache) => match cache.get(text) {
            Some(r) => Ok(read(r)),
            None => Err(read),
        },
        Err(_) => Err(read),
    }) {
        Ok(answer) => return answer,
        Err(read) => read,
    };
    let r = resolve_uncached(text);
    let answer = read(&r);
    remember(text, r);
    answer
}

/// How `text` resolves, from the cache when it holds it (no copy of the resolution made),
/// computed and remembered otherwise: the parser asks this of every name of several words.
pub(crate) fn resolve_via(text: &str) -> Via {
    with_resolution(text, |r| r.via)
}

fn remember(text: &str, r: Resolution) {
    CACHE.with(|c| c.borrow_mut().insert(text, r));
}

/// Near names of a folded key (up to three suggestions, a correction when certain), searched
/// once per thread: texts printed differently (`AQUA`, `Aqua`, `aqua*`) share a key, and the
/// search is the costliest step of resolving an unknown name.
fn near_once(key: &str) -> inci_dict::Near {
    thread_local! {
        static NEAR: RefCell<TextMemo<inci_dict::Near>> = RefCell::new(TextMemo::of_any_length());
    }
    if let Some(hit) = NEAR.with(|m| m.borrow().get(key).cloned()) {
        return hit;
    }
    let found = inci_dict::near(key, 3);
    NEAR.with(|m| m.borrow_mut().insert(key, found.clone()));
    found
}

fn resolve_uncached(text: &str) -> Resolution {
    if let Some(r) = resolve_inner(text, 0) {
        return r;
    }
    let key = inci_dict::fold(text);
    let mut near = near_once(&key);
    // The same text without its brackets (`Vaccinum Macrocarpon (Cranberry) Fruit Extract`)
    // or without marks around it (`Magnesium Aluminum Sylicate**`).
    // Other keys to try, each a search as costly as the rest of the label: without brackets
    // only when the whole text is near nothing (as suggestions always did), and without marks
    // around it only when it has some.
    let marks = |t: &str| {
        t.trim_matches(|c: char| !(c.is_alphanumeric() || "()[]".contains(c)))
            .to_owned()
    };
    let mut others: Vec<String> = Vec::new();
    let mut push = |t: String| {
        let k = inci_dict::fold(&t);
        if !k.is_empty() && k != key && !others.contains(&k) {
            others.push(k);
        }
    };
    if key.contains(['(', '[']) && near.suggestions.is_empty() {
        let stripped = strip_brackets(text);
        let bare = marks(&stripped);
        if bare.len() < stripped.len() {
            push(bare);
        }
        push(stripped);
    }
    let bare = marks(text);
    if bare.len() < text.trim().len() {
        push(bare);
    }
    for other in others {
        if near.correction.is_some() {
            break;
        }
        let inner = near_once(&other);
        if near.suggestions.is_empty() || inner.correction.is_some() {
            near = inner;
        }
    }
    if near.correction.is_none() && near.suggestions.is_empty() {
        near.suggestions = incomplete_name(&inci_dict::fold(&strip_brackets(text)));
    }
    if let Some(c) = near.correction {
        // The corrected name first, so that a caller turning corrections off offers it.
        near.suggestions.retain(|s| s.name != c.entry.name);
        near.suggestions.insert(
            0,
            inci_dict::Suggestion {
                name: c.entry.name,
                distance: usize::from(c.cost).div_ceil(2),
                matched: c.matched,
            },
        );
        near.suggestions.truncate(3);
    }
    match near.correction {
        Some(c) => Resolution {
            entry: Some(c.entry),
            via: Via::Correction,
            synonym: c.synonym,
            common: None,
            alternatives: Vec::new(),
            suggestions: near.suggestions,
        },
        None => Resolution {
            entry: None,
            via: Via::Unknown,
            synonym: None,
            common: None,
            alternatives: Vec::new(),
            suggestions: near.suggestions,
        },
    }
}

fn from_hit(hit: Hit, spelling: bool, via: Via) -> Resolution {
    let (synonym, via) = match hit {
        Hit::Synonym(s, _) if via == Via::Name && s.kind() == inci_dict::SynonymKind::Foreign => {
            (Some(s), Via::Foreign(s.language()))
        }
        Hit::Synonym(s, _) if via == Via::Name && s.kind() == inci_dict::SynonymKind::Trade => {
            (Some(s), Via::TradeName)
        }
        Hit::Synonym(s, _) if via == Via::Name && s.kind() == inci_dict::SynonymKind::Former => {
            (Some(s), Via::FormerName)
        }
        Hit::Synonym(s, _) if via == Via::Name => (Some(s), Via::Synonym),
        Hit::Synonym(s, _) => (Some(s), via),
        Hit::Name(_) if spelling && via == Via::Name => (None, Via::Spelling),
        Hit::Name(_) => (None, via),
    };
    Resolution {
        entry: Some(hit.entry()),
        via,
        synonym,
        common: None,
        alternatives: Vec::new(),
        suggestions: Vec::new(),
    }
}

fn lookup(text: &str) -> Option<(Hit, bool)> {
    inci_dict::lookup_variant(&inci_dict::fold(text))
}

fn resolve_inner(text: &str, depth: u8) -> Option<Resolution> {
    // Folded once for the exact, spacing-proof, variant and common-name lookups.
    let key = inci_dict::fold(text);
    if let Some((hit, spelling)) = inci_dict::lookup_variant(&key) {
        return Some(from_hit(hit, spelling, Via::Name));
    }
    if let Some(r) = spacing_or_variant(&key) {
        return Some(r);
    }
    if let Some(r) = common_name(&key) {
        return Some(r);
    }
    if depth >= MAX_DEPTH {
        return None;
    }
    let groups = bracket_groups(text);
    if !groups.is_empty() {
        let outside = strip_brackets(text);
        let mut found: Option<Resolution> = None;
        let mut others = Vec::new();
        if let Some((hit, spelling)) = lookup(&outside) {
            found = Some(from_hit(hit, spelling, Via::Bracket));
        }
        // A bracketed name printed as such (`CI 77492`), kept in case the outside text is only a
        // colour synonym covering several pigments (`Iron Oxides (CI 77492)`).
        let mut bracket_name: Option<Resolution> = None;
        for &(s, e) in &groups {
            if let Some(r) = resolve_inner(&text[s..e], depth + 1) {
                if bracket_name.is_none() && r.via == Via::Name && r.synonym.is_none() {
                    bracket_name = Some(r.clone());
                }
                match &found {
                    None => {
                        found = Some(Resolution {
                            via: Via::Bracket,
                            ..r
                        })
                    }
                    Some(f) if f.entry != r.entry => others.extend(r.name()),
                    Some(_) => {}
                }
            }
        }
        if let (Some(f), Some(b)) = (&found, bracket_name)
            && f.synonym
                .is_some_and(|s| s.kind() == inci_dict::SynonymKind::Colour)
            && f.entry != b.entry
        {
            others.retain(|n| Some(*n) != b.name());
            others.extend(f.name());
            found = Some(Resolution {
                via: Via::Bracket,
                ..b
            });
        }
        if let Some(mut f) = found {
            f.alternatives = others;
            return Some(f);
        }
    }
    if let Some(r) = trailing_colour_index(text, depth) {
        return Some(r);
    }
    let parts = slash_parts(text);
    if parts.len() > 1 {
        let mut found: Option<Resolution> = None;
        let mut others: Vec<&'static str> = Vec::new();
        // A slash group is a list of names for one thing (`Aqua/Water/Eau`): taken only when
        // every part is a known name. `Styrene/Acrylates` (a truncated copolymer) is not
        // styrene.
        // A part in another language (`Extrait De Levure`) shows the slashes separate
        // translations: then one known part is enough.
        let multilingual = parts.iter().any(|p| foreign_words(p));
        let mut all_known = true;
        for &part in &parts {
            let Some(r) = resolve_inner(part, depth + 1) else {
                if !multilingual {
                    all_known = false;
                    break;
                }
                continue;
            };
            {
                match &found {
                    None => {
                        found = Some(Resolution {
                            via: Via::SlashGroup,
                            ..r
                        })
                    }
                    Some(f) => {
                        if f.entry != r.entry && !others.contains(&r.name().unwrap_or_default()) {
                            others.extend(r.name());
                        }
                    }
                }
            }
        }
        if let Some(mut f) = found.filter(|_| all_known) {
            f.alternatives = others;
            return Some(f);
        }
        if let [a, b] = parts[..]
            && let Some(r) = name_and_its_other_name(a, b, depth)
        {
            return Some(r);
        }
    }
    let trimmed = text.trim_matches(|c: char| !(c.is_alphanumeric() || "()[]".contains(c)));
    if !trimmed.is_empty() && trimmed.len() < text.len() {
        if let Some((hit, spelling)) = lookup(trimmed) {
            return Some(from_hit(hit, spelling, Via::Trimmed));
        }
        // Marks around a name with brackets (`Avena Sativa (Oat) Kernel Extract+`): every rule
        // applies to the text within them, so a mark is never taken for a misspelling.
        if let Some(r) = resolve_inner(trimmed, depth + 1) {
            return Some(Resolution {
                via: Via::Trimmed,
                ..r
            });
        }
    }
    if let Some(bare) = strip_marketing_words(text)
        && let Some(r) = resolve_inner(&bare, depth + 1)
    {
        return Some(Resolution {
            via: Via::Trimmed,
            ..r
        });
    }
    if let Some(joined) = dehyphenate(text)
        && let Some(r) = resolve_inner(&joined, MAX_DEPTH - 1)
    {
        return Some(Resolution {
            via: Via::Hyphenation,
            ..r
        });
    }
    None
}

/// A binomial printed without its part (`Anthemis Nobilis (Chamomile)`, `Butyrospermum
/// Parkii`): the CosIng names of that species, as suggestions at distance 0 (up to three, the
/// shortest first), so that the report can say the name is incomplete and what it could be.
fn incomplete_name(key: &str) -> Vec<Suggestion> {
    let words = key.split(' ').filter(|w| !w.is_empty()).count();
    if !(2..=3).contains(&words) || !key.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') {
        return Vec::new();
    }
    let mut names = inci_dict::names_starting_with(&format!("{key} "), 64);
    names.sort_by_key(|n| (n.len(), *n));
    names
        .into_iter()
        .take(3)
        .map(|name| Suggestion {
            name,
            distance: 0,
            matched: name,
        })
        .collect()
}

/// A name followed by its colour index without brackets (`Titanium Dioxide CI 77891`, `Iron
/// Oxides Cl 77491`): read as the index when the name before it is the same pigment (the same
/// CAS number) or a colour name.
fn trailing_colour_index(text: &str, depth: u8) -> Option<Resolution> {
    let t = text.trim_end();
    let (head, number) = t.rsplit_once(char::is_whitespace)?;
    let number = number.trim_start_matches(['C', 'c', 'I', 'i', 'l', '1']);
    if number.len() != 5 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let name = match head.trim_end().rsplit_once(char::is_whitespace) {
        Some((name, "CI" | "Ci" | "ci" | "Cl" | "C.I.")) => name,
        _ => return None,
    };
    let index = lookup(&format!("CI {number}"))?.0.entry();
    let before = resolve_inner(name, depth + 1)?;
    let same = before
        .entry
        .is_some_and(|e| e == index || inci_dict::same_cas(index).any(|o| o.id == e.id))
        || before
            .synonym
            .is_some_and(|s| s.kind() == inci_dict::SynonymKind::Colour);
    same.then(|| Resolution {
        entry: Some(index),
        via: Via::Bracket,
        synonym: None,
        common: None,
        alternatives: before
            .name()
            .filter(|n| *n != index.name)
            .into_iter()
            .collect(),
        suggestions: Vec::new(),
    })
}

/// A slash pair where one half is a name and the other names the same thing less fully
/// (`Aloe Barbadensis/Aloe Barbadensis Leaf Juice`) or by its common plant name (`Glycine Soja
/// Oil/Soybean Oil`): read as the name. A half that names something else (`Styrene/Acrylates`,
/// the start of a copolymer) leaves the pair to the slash-group rule.
fn name_and_its_other_name(a: &str, b: &str, depth: u8) -> Option<Resolution> {
    let (ra, rb) = (resolve_inner(a, depth + 1), resolve_inner(b, depth + 1));
    let (known, other, r) = match (ra, rb) {
        (Some(r), None) => (a, b, r),
        (None, Some(r)) => (b, a, r),
        _ => return None,
    };
    let name = r.name()?;
    let other_key = inci_dict::fold(other);
    let known_key = inci_dict::fold(known);
    let words = |k: &str| k.split(' ').map(str::to_owned).collect::<Vec<_>>();
    let (ow, kw) = (words(&other_key), words(&known_key));
    // The shorter half is the start of the longer (a part word dropped).
    let prefix = ow.len() >= 2 && ow.len() < kw.len() && kw.starts_with(&ow);
    // The other half starts with a common name of the species the name begins with.
    let common = (1..=ow.len().min(3)).any(|k| {
        inci_dict::binomials(&ow[..k].join(" "))
            .iter()
            .any(|c| name.starts_with(&format!("{} ", c.binomial())))
    });
    (prefix || common).then_some(Resolution {
        via: Via::SlashGroup,
        ..r
    })
}

/// A character no INCI name holds and no label punctuates names with (`$`, `?`, `#`, `@`,
/// `=`, `~`): debris of OCR or encoding. Letters, digits, spaces and the punctuation of real
/// names (`-,./()'&+:;[]*`, typographic dashes and apostrophes) are not.
pub fn is_debris(c: char) -> bool {
    !(c.is_alphanumeric()
        || c.is_whitespace()
        || "-,./()'&+:;[]*%\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2019}\u{00b4}\u{00b7}\u{00ae}\u{2122}\u{00b0}\u{00a0}"
            .contains(c))
}

/// The text as a name spaced or punctuated differently, in the plural, or with a stereo
/// prefix (`L-`, `D-`, `DL-`): only when one entry has those letters and digits.
fn spacing_or_variant(key: &str) -> Option<Resolution> {
    if let Some(hit) = inci_dict::lookup_compact(key) {
        let via = if key.chars().any(is_debris) {
            Via::Guessed
        } else {
            Via::Spacing
        };
        return Some(from_hit(hit, false, via));
    }
    let mut variants: Vec<String> = Vec::new();
    for prefix in ["DL-", "D,L-", "L-", "D-"] {
        if let Some(rest) = key.strip_prefix(prefix)
            && rest.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            variants.push(rest.to_owned());
        }
    }
    // US certified colour names with their FD&C or D&C prefix (`FD&C Red 40` is `RED 40`).
    for prefix in ["FD&C ", "D&C ", "EXT. D&C "] {
        if let Some(rest) = key.strip_prefix(prefix) {
            variants.push(rest.replace("NO. ", "").replace("NO ", ""));
        }
    }
    // A plural of the last word (`TRIGLYCERIDES`), never of a short word (`AS`, `BIS`), and
    // the singular of a plural name (`PHOSPHOLIPID` for `PHOSPHOLIPIDS`).
    if let Some(stem) = key.strip_suffix('S')
        && stem.rsplit(' ').next().is_some_and(|w| w.len() >= 4)
    {
        variants.push(stem.to_owned());
    } else if key
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.len() >= 4 && w.ends_with(|c: char| c.is_ascii_alphabetic()))
    {
        variants.push([key, "S"].concat());
    }
    variants.into_iter().find_map(|v| {
        inci_dict::lookup_key(&v)
            .or_else(|| inci_dict::lookup_compact(&v))
            .map(|hit| from_hit(hit, false, Via::Variant))
    })
}

/// The text with a common plant name at its start read as the binomial (`Witch Hazel Leaf
/// Extract` is `HAMAMELIS VIRGINIANA LEAF EXTRACT`): kept only when the result is a CosIng
/// name, and only when one binomial of that common name gives one (`Tangerine` is two
/// species). The longest common name wins.
fn common_name(key: &str) -> Option<Resolution> {
    if !key.is_ascii() {
        return None;
    }
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    for k in (1..=words.len().min(4)).rev() {
        let common = words[..k].join(" ");
        let mut pairs = inci_dict::binomials(&common);
        if pairs.is_empty() && k == 2 && words[0] == words[1] {
            // `Ylang Ylang` for the table's `YLANG-YLANG`: a doubled word, hyphenated there.
            pairs = inci_dict::binomials(&words[..k].join("-"));
        }
        if pairs.is_empty() {
            continue;
        }
        let rest = words[k..].join(" ");
        let mut found: Option<(Hit, &'static inci_dict::CommonName)> = None;
        for pair in pairs {
            let candidate = if rest.is_empty() {
                pair.binomial().to_owned()
            } else {
                [pair.binomial(), " ", &rest].concat()
            };
            // A former binomial (`CITRUS MEDICA LIMONUM`, one of lemon's) is read in its
            // current form first, so that both of a common name's binomials can meet in one
            // entry.
            let current = if pairs.len() > 1 {
                inci_dict::americanize(&candidate)
            } else {
                None
            };
            let Some(hit) = current
                .as_deref()
                .and_then(inci_dict::lookup_key)
                .or_else(|| inci_dict::lookup_key(&candidate))
                .or_else(|| inci_dict::lookup_compact(&candidate))
            else {
                continue;
            };
            match found {
                Some((f, _)) if f.entry() != hit.entry() => return None,
                Some(_) => {}
                None => found = Some((hit, pair)),
            }
        }
        if let Some((hit, pair)) = found {
            return Some(Resolution {
                common: Some(pair),
                ..from_hit(hit, false, Via::CommonName)
            });
        }
    }
    None
}

/// Words of the French, German, Spanish and Italian names that multilingual labels print after
/// the INCI name in a slash group (`Yeast Extract/Faex/Extrait De Levure`).
const FOREIGN_LABEL_WORDS: &[&str] = &[
    "extrait",
    "de",
    "d'",
    "du",
    "des",
    "la",
    "le",
    "eau",
    "huile",
    "beurre",
    "cire",
    "sel",
    "miel",
    "proteine",
    "protéine",
    "feuille",
    "fleur",
    "graine",
    "racine",
    "fruit",
    "marin",
    "abeille",
    "orge",
    "melasse",
    "mélasse",
    "lait",
    "petit-lait",
    "levure",
    "purifiée",
    "structuree",
    "de-structuree",
    "wasser",
    "extrakt",
    "öl",
    "aceite",
    "agua",
    "estratto",
    "olio",
    "acqua",
];

/// True when a slash-group part reads as a name in another language rather than an INCI
/// name: one of its words is a common label word of French, German, Spanish or Italian.
fn foreign_words(part: &str) -> bool {
    part.split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            FOREIGN_LABEL_WORDS
                .iter()
                .any(|f| f.trim_end_matches('\'').eq_ignore_ascii_case(w) && w.len() > 1)
        })
}

/// Words that describe a grade, not an ingredient: `Organic`, `100% Pure`, `Cold Pressed`.
const MARKETING_WORDS: &[&str] = &[
    "organic",
    "certified",
    "natural",
    "pure",
    "100%",
    "unrefined",
    "refined",
    "cold-pressed",
    "cold",
    "pressed",
    "extra",
    "virgin",
    "wildcrafted",
    "raw",
    "bio",
];

/// The text without leading grade words (`Organic Shea Butter` is `Shea Butter`), or `None`
/// when it has none.
fn strip_marketing_words(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| MARKETING_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w)))
        .count();
    (skip > 0 && skip < words.len()).then(|| words[skip..].join(" "))
}

/// The text with the hyphens of a lost line break removed: `Dam- ascena`, `Butyro - Spermum`,
/// `Dip-teryx` (a hyphen between two lower-case letters, which INCI names never have); and a
/// spaced hyphen before a number closed up (`Gum - 1`).
fn dehyphenate(text: &str) -> Option<String> {
    if !text.contains('-') {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '-' && i > 0 && chars[i - 1].is_alphabetic()
            || c == '-' && i > 1 && chars[i - 1] == ' ' && chars[i - 2].is_alphabetic()
        {
            let mut j = i + 1;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let next_lower = chars.get(j).is_some_and(|n| n.is_lowercase());
            let spaced = j > i + 1;
            if (spaced || next_lower) && chars.get(j).is_some_and(|n| n.is_alphabetic()) {
                while out.ends_with(' ') {
                    out.pop();
                }
                changed = true;
                i = j;
                continue;
            }
            // `Biosaccharide Gum - 1`: a spaced hyphen before a number is a plain hyphen.
            if spaced && chars.get(j).is_some_and(|n| n.is_ascii_digit()) {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('-');
                changed = true;
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    changed.then_some(out)
}

/// Byte ranges of the contents of top-level bracket groups.
fn bracket_groups(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => {
                if depth == 0 {
                    start = i + 1;
                }
                depth += 1;
            }
            ')' | ']' | '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push((start, i));
                }
            }
            _ => {}
        }
    }
    out
}

/// The text with its top-level bracket groups removed and spaces collapsed: each run of
/// whitespace (`char::is_whitespace`) between the words left is one space, none at the ends.
fn strip_brackets(text: &str) -> String {
    strip_brackets_marking(text, &[]).0
}

/// [`strip_brackets`], and for each of `ends` (increasing byte offsets into `text`), the
/// length of the output when the text up to that end was read: `strip_brackets(&text[..end])`
/// is the output's prefix of that length, since a space is written only before the next word
/// and nothing after the end changes what came before it.
fn strip_brackets_marking(text: &str, ends: &[usize]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut marks = Vec::with_capacity(ends.len());
    let mut depth = 0usize;
    let mut space = false;
    for (i, c) in text.char_indices() {
        while ends.get(marks.len()).is_some_and(|&end| end <= i) {
            marks.push(out.len());
        }
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth > 0 => depth -= 1,
            c if depth == 0 && c.is_whitespace() => space = true,
            c if depth == 0 => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
            _ => {}
        }
    }
    marks.resize(ends.len(), out.len());
    (out, marks)
}

/// The parts of a slash group, split at slashes outside brackets.
fn slash_parts(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth > 0 => depth -= 1,
            // A backslash or a pipe separates alternative names as a slash does
            // (`Yeast Extract\Faex\Extrait de Levure`).
            '/' | '\\' | '|' if depth == 0 => {
                out.push(text[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(text[start..].trim());
    out.retain(|p| !p.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<&'static str> {
        resolve(text).name()
    }

    #[test]
    fn is_known_answers_the_same_from_its_memo() {
        // Names, bracketed names, runs the merge asks about, unknown and long texts; each
        // asked twice, the second time from the memo (texts over its limit never are).
        let long = format!("Aqua, {}", "Glycerin, ".repeat(20));
        let texts = [
            "Glycerin",
            "GLYCERIN",
            "Ext. Violet 2 (Ci 60730)",
            "Alcohol Denat. SD Alcohol 39-B",
            "Alcohol Denat. Glycerin",
            "1, 2-Hexanediol",
            "Water (Aqua)",
            "Not An Ingredient",
            "",
            long.as_str(),
        ];
        for _ in 0..2 {
            for t in texts {
                assert_eq!(Cosing.is_known(t), known_uncached(t), "{t:?}");
            }
        }
        assert!(Cosing.is_known("Ext. Violet 2 (Ci 60730)"));
        assert!(!Cosing.is_known("Alcohol Denat. Glycerin"));
    }

    #[test]
    fn longest_known_answers_as_is_known_of_each_run() {
        // Runs as the parser asks about them (names with commas and full stops, British
        // spellings, brackets, a locant, text that is not ASCII, a colour index, entities),
        // ended at every character and at every separator.
        let texts = [
            "1, 2-Hexanediol, Butylene Glycol, Water, Glycerin",
            "1, 2-Hexanediol (and) Caprylyl Glycol, Water",
            "Alcohol Denat., Glycerin, Simmondsia Chinensis (Jojoba) Seed Oil, Aqua",
            "ALCOHOL DENAT. , GLYCERIN , HAMAMELIS VIRGINIANA (WITCH HAZEL)",
            "2-trans, 6-cis-Nonadienol, Sodium Laureth Sulphate, Aluminium Starch",
            "Ext. Violet 2 (Ci 60730), Water (Aqua), Olus Oil (Vegetable Oil)/Huile V\u{e9}g\u{e9}tale",
            "Hc Blue No. 2, Aqua [Water], Parfum (Fragrance)",
            "Ci 77891, Mica, C.I. 77491, Tin Oxide",
            "FD&amp;C Yellow No. 5, Water, Glycerin (Vegetable",
            "Alcohol Denat. (SD Alcohol 40-B), Water",
            "Sodium Laureth Sulphate, Aluminium Hydroxide",
        ];
        let mut known = 0;
        for text in texts {
            let every: Vec<usize> = (1..=text.len())
                .filter(|&e| text.is_char_boundary(e))
                .collect();
            let at_separators: Vec<usize> = every
                .iter()
                .copied()
                .filter(|&e| e == text.len() || matches!(text.as_bytes()[e], b',' | b'.'))
                .collect();
            for ends in [&every, &at_separators] {
                for n in 1..=ends.len() {
                    let ends = &ends[..n];
                    let want = (0..n).rev().find(|&k| known_uncached(&text[..ends[k]]));
                    assert_eq!(Cosing.longest_known(text, ends), want, "{text:?} {ends:?}");
                    known += usize::from(want.is_some());
                }
            }
        }
        assert!(known > 400, "only {known} runs known");
    }

    #[test]
    fn text_without_brackets_up_to_an_end_is_a_prefix_of_the_whole() {
        // Every text of up to six characters over letters, spaces of two kinds, and brackets
        // of three kinds, unbalanced ones too, marked at every end.
        let alphabet = ['a', 'B', ' ', '\u{a0}', '(', ')', '[', '}'];
        let mut texts = vec![String::new()];
        for _ in 0..6 {
            let mut longer = Vec::new();
            for t in &texts {
                for c in alphabet {
                    let mut t = t.clone();
                    t.push(c);
                    let ends: Vec<usize> =
                        (0..=t.len()).filter(|&e| t.is_char_boundary(e)).collect();
                    let (whole, marks) = strip_brackets_marking(&t, &ends);
                    assert_eq!(whole, strip_brackets(&t));
                    for (&end, &mark) in ends.iter().zip(&marks) {
                        assert_eq!(
                            whole.get(..mark),
                            Some(strip_brackets(&t[..end]).as_str()),
                            "{t:?} at {end}"
                        );
                    }
                    longer.push(t);
                }
            }
            texts = longer;
        }
    }

    #[test]
    fn brackets_are_stripped_and_spaces_collapsed_as_words_joined() {
        let words = |text: &str| {
            let mut out = String::new();
            let mut depth = 0usize;
            for c in text.chars() {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' if depth > 0 => depth -= 1,
                    c if depth == 0 => out.push(c),
                    _ => {}
                }
            }
            out.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for text in [
            "Vaccinium Macrocarpon (Cranberry) Fruit Extract",
            "  Iron Oxides (CI 77491)  ",
            "A(b)C",
            "(only)",
            "x ) y ( z",
            "Aqua\u{a0}\t(Water)\n Glycerin [x] {y}",
            "\u{3000}Rosa (Rose]) Oil\u{2003}",
            "",
        ] {
            assert_eq!(super::strip_brackets(text), words(text), "{text:?}");
        }
    }

    #[test]
    fn spacing_plurals_and_stereo_prefixes() {
        for (text, want, via) in [
            ("Ethylhexyl Glycerin", "ETHYLHEXYLGLYCERIN", Via::Spacing),
            ("1 2-Hexanediol", "1,2-HEXANEDIOL", Via::Spacing),
            (
                "Hydrogenated Poly (C6-14 Olefin)",
                "HYDROGENATED POLY(C6-14 OLEFIN)",
                Via::Spacing,
            ),
            ("Polysorbate-20", "POLYSORBATE 20", Via::Spacing),
            ("L-Tyrosine", "TYROSINE", Via::Variant),
            (
                "Caprylic/Capric Triglycerides",
                "CAPRYLIC/CAPRIC TRIGLYCERIDE",
                Via::Variant,
            ),
        ] {
            let r = resolve(text);
            assert_eq!((r.name(), r.via), (Some(want), via), "{text}");
        }
    }

    #[test]
    fn slash_groups_need_every_part_known_unless_multilingual() {
        // Names for one thing: every part known.
        assert_eq!(resolve("Aqua/Water/Eau").name(), Some("AQUA"));
        // A truncated copolymer is not its first monomer.
        assert_eq!(resolve("Styrene/Acrylates").name(), None);
        assert_eq!(resolve("Acrylamide/Sodium").name(), None);
        // A French part shows the slashes separate translations.
        assert_eq!(
            resolve("Yeast Extract/Faex/Extrait De Levure").name(),
            Some("YEAST EXTRACT")
        );
    }

    #[test]
    fn resolves_the_usual_shapes() {
        assert_eq!(name("Aqua/Water/Eau"), Some("AQUA"));
        assert_eq!(name("Parfum (Fragrance)"), Some("PARFUM"));
        assert_eq!(name("Fragrance"), Some("PARFUM"));
        assert_eq!(
            name("Titanium Dioxide (CI 77891)"),
            Some("TITANIUM DIOXIDE")
        );
        assert_eq!(
            name("Butyrospermum Parkii (Shea) Butter"),
            Some("BUTYROSPERMUM PARKII BUTTER")
        );
        assert_eq!(
            name("Butyrospermum Parkii (Shea Butter)"),
            Some("BUTYROSPERMUM PARKII BUTTER")
        );
        assert_eq!(
            name("Caprylic / Capric Triglyceride"),
            Some("CAPRYLIC/CAPRIC TRIGLYCERIDE")
        );
        assert_eq!(
            name("Sodium Laureth Sulphate"),
            Some("SODIUM LAURETH SULFATE")
        );
        assert_eq!(name("Cl 77491"), Some("CI 77491"));
        assert_eq!(name("Shea Butter"), Some("BUTYROSPERMUM PARKII BUTTER"));
    }

    #[test]
    fn notes_families_and_salts_are_not_common_plant_names() {
        // Rows of the shared common-name table that are CosIng's bracket notes, botanical
        // families or a salt's name: a pack word must not become an ingredient through them.
        for text in [
            "Salt",
            "Animal",
            "Retired",
            "Sake",
            "IPDI",
            "Lamiaceae Extract",
            "Rosaceae Extract",
        ] {
            assert_eq!(name(text), None, "{text}");
        }
        assert_eq!(
            name("Black Currant Seed Oil"),
            Some("RIBES NIGRUM SEED OIL")
        );
    }

    #[test]
    fn a_bracketed_colour_index_beats_a_colour_synonym() {
        // `Iron Oxides` alone stands for the red oxide; the bracket says which one it is.
        assert_eq!(name("Iron Oxides"), Some("CI 77491"));
        let r = resolve("Iron Oxides (CI 77492)");
        assert_eq!(r.name(), Some("CI 77492"));
        assert_eq!(r.alternatives, vec!["CI 77491"]);
        assert_eq!(
            name("Titanium Dioxide (CI 77891)"),
            Some("TITANIUM DIOXIDE")
        );
    }

    #[test]
    fn grade_words_are_ignored() {
        assert_eq!(
            name("Organic Shea Butter"),
            Some("BUTYROSPERMUM PARKII BUTTER")
        );
        assert_eq!(
            name("Butyrospermum Parkii (Organic Shea Butter)"),
            Some("BUTYROSPERMUM PARKII BUTTER")
        );
        assert_eq!(name("100% Pure Squalane"), Some("SQUALANE"));
        assert_eq!(name("Organic"), None);
    }

    #[test]
    fn lost_line_breaks_are_rejoined() {
        assert_eq!(
            name("Rosa Dam- ascena Extract"),
            Some("ROSA DAMASCENA EXTRACT")
        );
        assert_eq!(
            name("Butyro - Spermum Parkii (Shea) Butter"),
            Some("BUTYROSPERMUM PARKII BUTTER")
        );
        assert_eq!(
            name("Dip-teryx Odorata Seed Extract"),
            Some("DIPTERYX ODORATA SEED EXTRACT")
        );
        // Its letters are the name's: the spacing-proof key finds it first.
        assert_eq!(resolve("Dip-teryx Odorata Seed Extract").via, Via::Spacing);
        assert_eq!(name("PEG-100 Stearate"), Some("PEG-100 STEARATE"));
        assert_eq!(name("Biosaccharide Gum - 1"), Some("BIOSACCHARIDE GUM-1"));
    }

    #[test]
    fn slash_groups_keep_alternatives() {
        let r = resolve("Aqua/Water/Eau");
        assert_eq!(r.via, Via::SlashGroup);
        assert_eq!(r.alternatives, vec!["WATER"]);
    }

    #[test]
    fn unknown_names_get_suggestions_not_names() {
        // Ethyl- or methylparaben: two names, so only suggested.
        let r = resolve("Thylparaben");
        assert_eq!(r.name(), None);
        assert_eq!(r.suggestions[0].name, "ETHYLPARABEN");
    }

    #[test]
    fn a_certain_misspelling_is_corrected_and_can_be_undone() {
        let r = resolve("Phenoxyethenol");
        assert_eq!(r.name(), Some("PHENOXYETHANOL"));
        assert_eq!(r.via, Via::Correction);
        let undone = r.without_correction();
        assert_eq!(undone.name(), None);
        assert_eq!(undone.suggestions[0].name, "PHENOXYETHANOL");
    }
}
