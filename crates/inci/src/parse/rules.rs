//! The grammar's leaf rules, one small nom parser each.
//!
//! Each rule recognises one construct at the start of its input and returns what it consumed;
//! the lexer (`lexer.rs`) decides where to try them. All rules are case-insensitive where
//! labels are, and none of them allocates.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1};
use nom::character::complete::{char, digit1, one_of, space0};
use nom::combinator::{opt, recognize};
use nom::sequence::{delimited, pair, preceded};
use nom::{IResult, Parser};

/// `text` (a separator or a name, a few bytes) holds a line break: eight bytes at a time, the
/// last few one by one. On so short a text this costs less than the call into `memchr` that
/// `str::contains` makes, and less than a byte loop, about 4 instructions a byte (every item's
/// name is tested: 865.9 M -> 861.4 M instructions on a 2.1 MB catalog).
pub(crate) fn has_line_break(text: &str) -> bool {
    let mut words = text.as_bytes().chunks_exact(8);
    words
        .by_ref()
        .any(|w| inci_dict::swar::bytes_equal(word(w), b'\n') != 0)
        || words.remainder().contains(&b'\n')
}

/// Horizontal whitespace as labels print it: spaces, tabs, no-break and zero-width spaces.
pub fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\r'
            | '\u{a0}'
            | '\u{2007}'
            | '\u{202f}'
            | '\u{200b}'
            | '\u{feff}'
            | '\u{3000}'
    )
}

/// Characters that end an item and are part of a separator.
pub fn is_separator_char(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '，' | '、' | '；' | '•' | '·' | '・' | '●' | '▪' | '|'
    )
}

/// Footnote and organic marks that follow a name (`Aloe*`, `Shea Butter†`, `Jojoba Oil¹`).
pub fn is_footnote_mark(c: char) -> bool {
    matches!(
        c,
        '*' | '†'
            | '‡'
            | '°'
            | '^'
            | '#'
            | '¹'
            | '²'
            | '³'
            | '⁴'
            | '⁵'
            | '⁶'
            | '⁷'
            | '⁸'
            | '⁹'
            | '⁰'
            | '⁺'
    )
}

/// Opening brackets paired by the lexer.
pub fn closing_bracket(open: char) -> Option<char> {
    match open {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        '（' => Some('）'),
        '【' => Some('】'),
        _ => None,
    }
}

/// True when `text` may start with one of `starts` (short prefixes, ASCII case-insensitive).
///
/// A guard run before the `alt` rules below: they try dozens of case-insensitive tags, and
/// most segments start with a name that none of them can match. The text's first four bytes
/// are looked up in bit sets first ([`Prefixes`]), so a name costs a few bit tests (it was a
/// pass over up to 38 prefixes at every item, 490 instructions a call).
///
/// Inlined, so the bit test runs where it is asked (an item's start, a header's word) and
/// only a text that passes it calls into the list.
#[inline(always)]
pub fn could_start(text: &str, starts: &Prefixes) -> bool {
    starts.may_begin(text.as_bytes()) && starts.lists(text.as_bytes())
}

/// Short lower-case prefixes of at least two bytes, with a set of the two-byte ones' two
/// bytes, of the three-byte ones' three and of the first four bytes of the longer ones (each
/// hashed to 4,096 bits). Four bytes tell `Disodium` from `distri(buted)` and `Propanediol`
/// from `produc(t)`, which three did not: a third of the names that passed the set were
/// then compared with every prefix.
#[derive(Debug)]
pub struct Prefixes {
    list: &'static [&'static str],
    /// Bit `a << 8 | b` is set for a prefix of exactly the two bytes `a`, `b`.
    pairs: [u64; 1024],
    /// Bit [`Prefixes::hashed`] of its bytes is set for a prefix of exactly three bytes.
    triples: [u64; 64],
    /// Bit [`Prefixes::hashed`] of its first four bytes is set for a longer prefix.
    quads: [u64; 64],
}

impl Prefixes {
    /// A table of the bytes the prefixes start with, in either ASCII case: a search can pass
    /// over every other byte without asking the set.
    pub const fn first_bytes(&self) -> [bool; 256] {
        let mut table = [false; 256];
        let mut i = 0;
        while i < self.list.len() {
            let b = self.list[i].as_bytes()[0];
            table[b.to_ascii_lowercase() as usize] = true;
            table[b.to_ascii_uppercase() as usize] = true;
            i += 1;
        }
        table
    }

    /// The prefixes of `list`; a prefix under two bytes does not compile.
    pub const fn new(list: &'static [&'static str]) -> Self {
        let mut pairs = [0u64; 1024];
        let mut triples = [0u64; 64];
        let mut quads = [0u64; 64];
        let mut i = 0;
        while i < list.len() {
            let s = list[i].as_bytes();
            assert!(s.len() >= 2, "a prefix has two bytes at least");
            let third = if s.len() > 2 { s[2] } else { 0 };
            let fourth = if s.len() > 3 { s[3] } else { 0 };
            let word = Self::folded([s[0], s[1], third, fourth]);
            if s.len() == 2 {
                let pair = Self::pair(word);
                pairs[pair / 64] |= 1 << (pair % 64);
            } else if s.len() == 3 {
                let t = Self::hashed(word & 0x00FF_FFFF);
                triples[t / 64] |= 1 << (t % 64);
            } else {
                let q = Self::hashed(word);
                quads[q / 64] |= 1 << (q % 64);
            }
            i += 1;
        }
        Prefixes {
            list,
            pairs,
            triples,
            quads,
        }
    }

    /// Four bytes with bit `0x20` set in each: an ASCII letter in lower case. Other bytes may
    /// meet (`@` and a backquote), which only lets more texts past the sets, never fewer.
    const fn folded(bytes: [u8; 4]) -> u32 {
        u32::from_le_bytes(bytes) | 0x2020_2020
    }

    /// The first two bytes of a folded word.
    const fn pair(word: u32) -> usize {
        (word & 0xFFFF) as usize
    }

    /// A folded word hashed to 12 bits.
    const fn hashed(word: u32) -> usize {
        (word.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    /// True when one of the prefixes begins `b` (ASCII case-insensitive).
    #[inline(never)]
    fn lists(&self, b: &[u8]) -> bool {
        self.list.iter().any(|s| {
            let s = s.as_bytes();
            b.len() >= s.len() && b[..s.len()].eq_ignore_ascii_case(s)
        })
    }

    /// False when no prefix can begin `b`.
    #[inline(always)]
    fn may_begin(&self, b: &[u8]) -> bool {
        let set = |table: &[u64], bit: usize| table[bit / 64] & (1 << (bit % 64)) != 0;
        let (word, len) = match *b {
            [x, y, z, w, ..] => ([x, y, z, w], 4),
            [x, y, z] => ([x, y, z, 0], 3),
            [x, y] => ([x, y, 0, 0], 2),
            _ => return false,
        };
        let word = Self::folded(word);
        set(&self.pairs, Self::pair(word))
            || (len >= 3 && set(&self.triples, Self::hashed(word & 0x00FF_FFFF)))
            || (len == 4 && set(&self.quads, Self::hashed(word)))
    }
}

/// Possible starts of [`preamble_header`].
pub const HEADER_STARTS: &Prefixes = &Prefixes::new(&[
    "ingred", "ingréd", "inci", "inhalt", "inacti", "active", "full i", "other ", "list o",
    "compos", "skład", "sklad", "bestan",
]);
/// Possible starts of [`may_contain_marker`].
pub const MAY_CONTAIN_STARTS: &Prefixes = &Prefixes::new(MAY_CONTAIN_LIST);
const MAY_CONTAIN_LIST: &[&str] = &[
    "+/", "+ /", "±", "may co", "peut c", "kann e", "puede ", "può c", "puo co", "pode c",
    "kan be", "może", "moze z",
];
/// Possible starts of [`trailing_prose_marker`].
pub const TRAILING_PROSE_STARTS: &Prefixes = &Prefixes::new(TRAILING_PROSE_LIST);
const TRAILING_PROSE_LIST: &[&str] = &[
    "direct", "how to", "to use", "usage:", "made i", "produc", "warnin", "cautio", "precau",
    "keep o", "for ex", "distri", "manufa", "net wt", "best b", "please", "ingred", "mode d",
    "fabriq", "herges", "avoid ", "keep a", "for pr", "for ad", "hair c", "read a", "rinse ",
    "wear s", "can ca", "this p", "purpos", "uses:", "use:", "uses :", "other ", "questi",
];

/// Possible starts of any of [`content_statement`], [`trailing_prose_marker`] and
/// [`may_contain_marker`]: the lexer asks this once at every item's start, and the three only
/// when it holds.
pub const MARKER_STARTS: &Prefixes = &Prefixes::new(&MARKER_LIST);
const MARKER_LIST: [&str; CONTENT_LIST.len() + TRAILING_PROSE_LIST.len() + MAY_CONTAIN_LIST.len()] =
    concat([CONTENT_LIST, TRAILING_PROSE_LIST, MAY_CONTAIN_LIST]);

/// The lists one after another.
const fn concat<const N: usize>(lists: [&[&'static str]; 3]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut k, mut l) = (0, 0);
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            out[k] = lists[l][i];
            (k, i) = (k + 1, i + 1);
        }
        l += 1;
    }
    assert!(k == N, "the lists fill the array");
    out
}

/// A run of horizontal whitespace (possibly empty).
fn hspace0(i: &str) -> IResult<&str, &str> {
    take_while(is_hspace)(i)
}

/// `:` or the full-width `：`, with the whitespace around it.
fn colon(i: &str) -> IResult<&str, &str> {
    recognize((hspace0, alt((tag(":"), tag("："))), hspace0)).parse(i)
}

/// The header that introduces the list: `Ingredients:`, `INCI:`, `Ingrédients :`,
/// `Inhaltsstoffe:`, `Ingredientes:`, `Ingredienti:`, `Ingrediënten:`, `Składniki:` and the
/// US `Active/Inactive Ingredients:`. A colon is required so that the word in prose
/// ("with natural ingredients") is not taken for a header.
pub fn preamble_header(i: &str) -> IResult<&str, &str> {
    recognize((
        opt(pair(
            alt((
                tag_no_case("inactive"),
                tag_no_case("active"),
                tag_no_case("full"),
                tag_no_case("other"),
            )),
            take_while1(is_hspace),
        )),
        alt((
            tag_no_case("ingredients list"),
            tag_no_case("ingredient list"),
            tag_no_case("list of ingredients"),
            tag_no_case("ingredients"),
            tag_no_case("ingredient"),
            tag_no_case("ingrédients"),
            tag_no_case("ingrédient"),
            tag_no_case("inhaltsstoffe"),
            tag_no_case("bestandteile"),
            tag_no_case("ingredientes"),
            tag_no_case("ingredienti"),
            tag_no_case("ingrediënten"),
            tag_no_case("ingredienten"),
            tag_no_case("składniki"),
            tag_no_case("skladniki"),
            tag_no_case("composition"),
            tag_no_case("inci"),
        )),
        opt(preceded(
            take_while1(is_hspace),
            alt((tag_no_case("(inci)"), tag_no_case("inci"))),
        )),
        colon,
    ))
    .parse(i)
}

/// The Korean and Japanese list headers `전성분` and `全成分` ("all ingredients"), with a colon
/// or followed by white space: words no ingredient name holds, so labels print them without a
/// colon too (`전성분 정제수, 글리세린`). The Chinese `成分` ("ingredients") begins prose as well
/// and counts only with its colon, as a heading.
pub fn cjk_header(i: &str) -> IResult<&str, &str> {
    recognize(pair(
        alt((tag("전성분"), tag("全成分"))),
        alt((colon, take_while1(char::is_whitespace))),
    ))
    .parse(i)
}

/// The start of a may-contain block: `+/-`, `±`, `May contain`, and its French, German,
/// Spanish, Italian, Portuguese, Dutch and Polish forms, with an optional colon.
pub fn may_contain_marker(i: &str) -> IResult<&str, &str> {
    // Asked at every closing bracket and `+`: most are no marker, which the guard says in a
    // bit test instead of fourteen tags (2,100 instructions a call).
    if !could_start(i, MAY_CONTAIN_STARTS) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    recognize(pair(
        alt((
            tag("+/-"),
            tag("+/−"),
            tag("+ / -"),
            tag("±"),
            tag_no_case("may contain"),
            tag_no_case("peut contenir"),
            tag_no_case("kann enthalten"),
            tag_no_case("puede contener"),
            tag_no_case("può contenere"),
            tag_no_case("puo contenere"),
            tag_no_case("pode conter"),
            tag_no_case("kan bevatten"),
            tag_no_case("może zawierać"),
            tag_no_case("moze zawierac"),
        )),
        opt(colon),
    ))
    .parse(i)
}

/// Pack text that follows the list and runs to its end: directions, warnings, origin,
/// distributor, size. Matched at the start of a segment only.
pub fn trailing_prose_marker(i: &str) -> IResult<&str, &str> {
    alt((
        tag_no_case("directions"),
        tag_no_case("how to use"),
        tag_no_case("to use:"),
        tag_no_case("usage:"),
        tag_no_case("made in"),
        tag_no_case("product of"),
        tag_no_case("warning"),
        tag_no_case("caution"),
        tag_no_case("precautions"),
        tag_no_case("keep out of reach"),
        tag_no_case("for external use"),
        tag_no_case("distributed by"),
        tag_no_case("manufactured by"),
        tag_no_case("manufactured for"),
    ))
    .parse(i)
    .or_else(|_: nom::Err<nom::error::Error<&str>>| trailing_prose_marker_more(i))
}

fn trailing_prose_marker_more(i: &str) -> IResult<&str, &str> {
    alt((
        drug_facts_section,
        tag_no_case("net wt"),
        tag_no_case("best before"),
        tag_no_case("please note"),
        tag_no_case("please be aware"),
        tag_no_case("ingredient lists"),
        tag_no_case("mode d'emploi"),
        tag_no_case("fabriqué en"),
        tag_no_case("hergestellt in"),
    ))
    .parse(i)
    .or_else(|_: nom::Err<nom::error::Error<&str>>| trailing_warning(i))
}

/// The statements Annex III of Regulation (EC) 1223/2009 makes packs print (`Contains alkali`,
/// `Avoid contact with eyes`): pack text, never an ingredient. `inci lint` looks for them.
fn trailing_warning(i: &str) -> IResult<&str, &str> {
    alt((
        tag_no_case("avoid contact"),
        tag_no_case("avoid skin contact"),
        tag_no_case("keep away"),
        tag_no_case("for professional use"),
        tag_no_case("for adult use"),
        tag_no_case("hair colourants"),
        tag_no_case("hair colorants"),
        tag_no_case("read and follow"),
        tag_no_case("rinse eyes"),
        tag_no_case("wear suitable gloves"),
        tag_no_case("can cause"),
        tag_no_case("this product"),
    ))
    .parse(i)
}

/// A section of a US Drug Facts panel after the active ingredients (`Purpose:`, `Uses:`,
/// `Other information:`, `Questions?`): pack text up to the next header.
pub fn drug_facts_section(i: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            alt((
                tag_no_case("purposes"),
                tag_no_case("purpose"),
                tag_no_case("uses"),
                tag_no_case("use"),
                tag_no_case("other information"),
            )),
            colon,
        )),
        tag_no_case("questions?"),
        tag_no_case("questions or comments?"),
    ))
    .parse(i)
}

/// What a `Contains ...` stretch of a pack is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// A content declaration (`Contains: Sodium Fluoride 0,32 % w/w`, `Enthält Natriumfluorid
    /// (1450 ppm Fluorid)`): it follows the list and ends it.
    Declaration,
    /// An Annex III statement (`Contains alkali`): pack text, up to its own separator.
    Statement,
}

/// Words that introduce what a product contains, in the languages packs print them.
const CONTENT_WORDS: &[&str] = &[
    "contains",
    "contient",
    "contiene",
    "contém",
    "enthält",
    "inneholder",
    "indeholder",
    "innehåller",
    "sisältää",
    "bevat",
    "zawiera",
];

/// Possible starts of [`content_statement`], for a cheap first test.
const CONTENT_STARTS: &Prefixes = &Prefixes::new(CONTENT_LIST);
const CONTENT_LIST: &[&str] = &[
    "contai", "contie", "contém", "enthä", "inneho", "indeho", "innehå", "sisält", "bevat",
    "zawier",
];

/// What Annex III statements say a product contains (`Contains alkali`).
const STATEMENT_OBJECTS: &[&str] = &[
    "alkali",
    "vitamin a",
    "hydrogen peroxide",
    "thioglycol",
    "ammonia",
    "phenylenediamine",
    "resorcinol",
    "formaldehyde",
    "silver nitrate",
    "fluoride",
    "sodium fluoride",
    "potassium hydroxide",
    "sodium hydroxide",
    "strontium",
    "zinc pyrithione",
    "selenium",
    "benzalkonium",
    "inorganic sulfites",
    "lead",
];

/// Reads a stretch that starts with a content word. A declaration is recognised by its colon
/// or the concentration it carries, a statement by what it names; anything else
/// (`Contains Nothing Extract`) is not one, and stays an ingredient.
pub fn content_statement(text: &str) -> Option<Content> {
    if !text
        .as_bytes()
        .first()
        .is_some_and(|b| b"cCeEiIsSbBzZ".contains(b))
        || !could_start(text, CONTENT_STARTS)
    {
        return None;
    }
    let head: String = text.chars().take(12).collect::<String>().to_lowercase();
    let word = CONTENT_WORDS.iter().find(|w| head.starts_with(*w))?;
    let after = text.get(text.char_indices().nth(word.chars().count())?.0..)?;
    if !after.starts_with([' ', ':', '\t']) {
        return None;
    }
    let rest = after.trim_start();
    if rest.starts_with([':', '：']) {
        return Some(Content::Declaration);
    }
    let sentence = rest.split(['\n', '.']).next().unwrap_or(rest);
    if has_concentration(sentence) {
        return Some(Content::Declaration);
    }
    let lower = rest.chars().take(48).collect::<String>().to_lowercase();
    (STATEMENT_OBJECTS.iter().any(|o| lower.starts_with(o))
        || annex_statement_objects()
            .iter()
            .any(|o| lower.starts_with(o.as_str())))
    .then_some(Content::Statement)
}

/// What the `Contains ...` statements of Annex III name, lower case (`dichlorophen`).
fn annex_statement_objects() -> &'static [String] {
    static OBJECTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    OBJECTS.get_or_init(|| {
        inci_dict::risk::contains_statements()
            .iter()
            .filter_map(|s| s.strip_prefix("Contains "))
            .map(|o| o.trim().to_lowercase())
            .filter(|o| o.len() >= 4)
            .collect()
    })
}

/// True when a digit is followed (spaces allowed) by `%`, `ppm` or `mg`.
fn has_concentration(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, c)| {
        c.is_ascii_digit() && {
            let tail = text[i + 1..].trim_start_matches([
                ' ', ',', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
            ]);
            let t = tail.as_bytes();
            t.first() == Some(&b'%')
                || t.len() >= 3 && (t[..3].eq_ignore_ascii_case(b"ppm"))
                || t.len() >= 2 && t[..2].eq_ignore_ascii_case(b"mg")
        }
    })
}

/// A cheap test that is true wherever [`blend_joint`]'s grammar matches: a bracket, spaces or
/// tabs, then the first letter of a joint word. The lexer asks at every segment start and
/// before every bracket after a space, where the grammar cost about 700 instructions to fail.
fn may_be_blend_joint(i: &str) -> bool {
    i.strip_prefix('(').is_some_and(|rest| {
        rest.trim_start_matches([' ', '\t'])
            .bytes()
            .next()
            .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'u' | b'y'))
    })
}

/// A supplier blend joint between two names: `(and)`, `(et)`, `(und)`, `(y)`.
pub fn blend_joint(i: &str) -> IResult<&str, &str> {
    if !may_be_blend_joint(i) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Char,
        )));
    }
    blend_joint_grammar(i)
}

/// [`blend_joint`]'s grammar alone.
fn blend_joint_grammar(i: &str) -> IResult<&str, &str> {
    delimited(
        char('('),
        delimited(
            space0,
            alt((
                tag_no_case("and"),
                tag_no_case("et"),
                tag_no_case("und"),
                tag_no_case("y"),
            )),
            space0,
        ),
        char(')'),
    )
    .parse(i)
}

/// A declared amount: `10%`, `0.5 %`, `5,5 %`, `.50%`, `<1%`, `≤ 0.1 %`, a range (`1-2%`,
/// `1 % - 2 %`), a basis after the sign (`2% w/w`, `5 % w/v`) or parts per million
/// (`1450 ppm`). `risk::percent_range` reads the number back.
pub fn percentage(i: &str) -> IResult<&str, &str> {
    recognize((
        opt(pair(alt((tag("<="), tag("<"), tag("≤"), tag("~"))), space0)),
        amount_number,
        opt((
            space0,
            opt(pair(percent_sign, space0)),
            alt((tag("-"), tag("–"))),
            space0,
            amount_number,
        )),
        space0,
        alt((
            recognize(pair(
                percent_sign,
                opt(pair(
                    space0,
                    alt((
                        tag_no_case("w/w"),
                        tag_no_case("w/v"),
                        tag_no_case("v/v"),
                        tag_no_case("m/m"),
                    )),
                )),
            )),
            recognize(pair(tag_no_case("ppm"), not_word_char)),
        )),
    ))
    .parse(i)
}

/// A number as labels print amounts: `10`, `0.5`, `5,5`, `.50` (no leading zero).
fn amount_number(i: &str) -> IResult<&str, &str> {
    alt((
        recognize(pair(digit1, opt(pair(one_of(".,"), digit1)))),
        recognize(pair(char('.'), digit1)),
    ))
    .parse(i)
}

fn percent_sign(i: &str) -> IResult<&str, &str> {
    alt((tag("%"), tag("％"))).parse(i)
}

/// Succeeds, consuming nothing, at the end of the input or before a character that cannot
/// continue a word (`ppm` but not `ppmx`).
fn not_word_char(i: &str) -> IResult<&str, &str> {
    match i.chars().next() {
        Some(c) if c.is_alphanumeric() => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
        _ => Ok((i, "")),
    }
}

/// True when `text` ends with what a declared amount ends with: a percent sign, its basis
/// (`w/w`) or `ppm`. Cheap: the qualifier pass asks it of every item.
pub fn ends_like_amount(text: &str) -> bool {
    let t = text.as_bytes();
    let tail = &t[t.len().saturating_sub(3)..];
    text.ends_with('%')
        || text.ends_with('％')
        || [b"w/w", b"w/v", b"v/v", b"m/m", b"ppm"]
            .iter()
            .any(|u| tail.eq_ignore_ascii_case(*u))
}

/// Start of a declared amount that ends `text` (`Niacinamide 10%`, `Salicylic Acid 2% w/w`,
/// `Sodium Fluoride 1450 ppm`), at a word start and not the whole text. Tries only starts
/// inside the trailing run of characters an amount can hold, so it stays linear.
pub fn trailing_percentage(text: &str) -> Option<usize> {
    if !ends_like_amount(text) {
        return None;
    }
    let body = text.trim_end_matches(|c: char| {
        c.is_ascii_digit() || ".,%％ <≤~=-–/wvmpWVMP".contains(c) || is_hspace(c)
    });
    let mut qs = body.len();
    while qs < text.len() {
        let tail = &text[qs..];
        let starts_word = text[..qs]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let first = tail.chars().next();
        if starts_word
            && first.is_some_and(|c| c.is_ascii_digit() || "<≤~.".contains(c))
            && let Ok((rest, _)) = percentage(tail)
            && rest.is_empty()
        {
            return Some(qs);
        }
        qs += first.map_or(1, char::len_utf8);
    }
    None
}

/// A cheap test that is true wherever [`bracketed_qualifier`]'s grammar matches: a bracket,
/// spaces or tabs, then what `nano`, `organic`, `bio` or a [`percentage`] starts with. Most
/// brackets in a list hold a name (`Aqua (Water)`), where the grammar cost about 900
/// instructions to fail.
fn may_be_bracketed_qualifier(i: &str) -> bool {
    i.strip_prefix(['(', '[']).is_some_and(|rest| {
        rest.trim_start_matches([' ', '\t'])
            .bytes()
            .next()
            .is_some_and(|b| {
                matches!(b.to_ascii_lowercase(), b'n' | b'o' | b'b' | b'.' | b'<' | b'~')
                    || b.is_ascii_digit()
                    // `≤`, whose first byte in UTF-8 this is.
                    || b == 0xE2
            })
    })
}

/// A bracketed qualifier: `(nano)`, `[nano]`, `(10%)`, `(organic)`.
pub fn bracketed_qualifier(i: &str) -> IResult<&str, (char, &str)> {
    if !may_be_bracketed_qualifier(i) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::OneOf,
        )));
    }
    bracketed_qualifier_grammar(i)
}

/// [`bracketed_qualifier`]'s grammar alone.
fn bracketed_qualifier_grammar(i: &str) -> IResult<&str, (char, &str)> {
    let (rest, open) = one_of("([")(i)?;
    let (rest, word) = delimited(
        space0,
        alt((
            tag_no_case("nano"),
            tag_no_case("organic"),
            tag_no_case("bio"),
            percentage,
        )),
        space0,
    )
    .parse(rest)?;
    let (rest, _) = one_of(")]")(rest)?;
    Ok((rest, (open, word)))
}

/// A run of footnote marks.
pub fn footnote_marks(i: &str) -> IResult<&str, &str> {
    take_while1(is_footnote_mark)(i)
}

/// A line-leading bullet: `-`, `–`, `—`, `•`, `·`, `*` followed by whitespace, or a dash glued to
/// a word (`-Niacinamide`).
pub fn line_bullet(i: &str) -> IResult<&str, &str> {
    alt((
        recognize(pair(
            alt((
                tag("-"),
                tag("–"),
                tag("—"),
                tag("•"),
                tag("·"),
                tag("▪"),
                tag("●"),
            )),
            hspace0,
        )),
        recognize(pair(tag("*"), take_while1(is_hspace))),
    ))
    .parse(i)
}

/// True when `text` holds a colon, `:` or `：` (U+FF1A, whose UTF-8 starts with `0xEF`): one
/// vectorized search for both first bytes (`memchr2`), and a second search only when a
/// full-width character comes first. The lexer asks it of every label (a word-at-a-time
/// test cost about 2 instructions a byte there), the heading rule of every new piece.
pub(crate) fn has_colon(text: &str) -> bool {
    let bytes = text.as_bytes();
    match memchr::memchr2(b':', 0xEF, bytes) {
        None => false,
        Some(i) if bytes[i] == b':' => true,
        Some(_) => text.contains([':', '：']),
    }
}

/// The first eight bytes of `bytes` (at least eight) as one little-endian word.
fn word(bytes: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_break_is_found_at_any_place_of_any_length() {
        // Lengths around one, two and three words, the break at every place (in a whole word
        // and in the bytes after the last), and bytes that differ from `\n` in one bit.
        for len in 0..=25 {
            let plain = &"abcdefghijklmnopqrstuvwxyz"[..len];
            let near: String = "\u{b}\u{8}\u{2}*J".chars().cycle().take(len).collect();
            assert!(!has_line_break(plain), "{plain:?}");
            assert!(!has_line_break(&near), "{near:?}");
            for at in 0..len {
                let mut bytes = near.clone().into_bytes();
                bytes[at] = b'\n';
                let text = String::from_utf8(bytes).expect("ASCII with a line break");
                assert!(has_line_break(&text), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        /// The pre-test lets every bracketed qualifier through.
        #[test]
        fn every_bracketed_qualifier_passes_the_pre_test(
            text in "[(\\[]?[ \t]{0,2}(nano|NANO|Organic|bio|BIO|<=|<|≤|~|\\.|[0-9]|x|aqua)?[ \t]{0,2}[0-9.,%]{0,3}[ \t]{0,1}[)\\]]?.{0,2}",
        ) {
            proptest::prop_assert!(
                may_be_bracketed_qualifier(&text) || bracketed_qualifier_grammar(&text).is_err()
            );
        }

        /// The pre-test lets every blend joint through.
        #[test]
        fn every_blend_joint_passes_the_pre_test(
            text in "\\(?[ \t]{0,2}(and|AND|Et|und|y|Y|an|e|x|nano)?[ \t]{0,2}\\)?.{0,3}",
        ) {
            proptest::prop_assert!(
                may_be_blend_joint(&text) || blend_joint_grammar(&text).is_err()
            );
        }

        /// The colon test says what a search for either colon says, on any text.
        #[test]
        fn has_colon_is_a_search_for_either_colon(
            text in "[a-z :：?\u{ff00}-\u{ff5f}\u{00e9}0-9]{0,40}",
        ) {
            proptest::prop_assert_eq!(has_colon(&text), text.contains([':', '：']), "{:?}", text);
        }
    }

    #[test]
    fn a_colon_is_found_as_a_search_for_either_finds_it() {
        // `：` and other full-width forms share the lead byte 0xEF; one before a `:`, a lone
        // one, and the colons at every place of a short text.
        let texts = [
            "",
            ":",
            "：",
            "Ａ",
            "Ａ:",
            "Ａ：",
            "ＡＢ",
            "a：b",
            "Aqua, Glycerin",
            "Ingredients: Aqua",
            "成分：水",
            "\u{feff}Aqua",
            "\u{fffd}:",
        ];
        for text in texts {
            assert_eq!(has_colon(text), text.contains([':', '：']), "{text:?}");
        }
        for len in 0..12 {
            for at in 0..=len {
                for c in [':', '：', 'Ａ', 'x'] {
                    let mut text = "ｂ".repeat(at);
                    text.push(c);
                    text.push_str(&"a".repeat(len - at));
                    assert_eq!(has_colon(&text), text.contains([':', '：']), "{text}");
                }
            }
        }
    }

    #[test]
    fn headers() {
        for h in [
            "Ingredients:",
            "INGREDIENTS :",
            "INCI:",
            "Ingrédients :",
            "Inhaltsstoffe:",
            "Składniki:",
            "Inactive Ingredients:",
            "Ingredients (INCI):",
        ] {
            assert!(preamble_header(h).is_ok(), "{h}");
        }
        assert!(preamble_header("Ingredients are natural").is_err());
        for h in ["전성분:", "전성분 ", "전성분\n", "全成分：", "全成分 "] {
            assert!(cjk_header(h).is_ok(), "{h}");
        }
        assert!(cjk_header("전성분표").is_err());
    }

    #[test]
    fn content_statements_need_a_colon_a_concentration_or_an_annex_object() {
        for (text, want) in [
            (
                "Contains: Sodium Fluoride 0,32% w/w",
                Some(Content::Declaration),
            ),
            (
                "Enthält Natriumfluorid (1450 ppm Fluorid)",
                Some(Content::Declaration),
            ),
            (
                "inneholder: natriumfluorid (1450ppm F)",
                Some(Content::Declaration),
            ),
            (
                "Contient du fluorure de sodium (1450 ppm de fluor)",
                Some(Content::Declaration),
            ),
            (
                "Contains alkali. Avoid contact with eyes.",
                Some(Content::Statement),
            ),
            ("Contains Dichlorophen.", Some(Content::Statement)),
            ("Contains Nothing Extract, Parfum", None),
            ("Aqua, Glycerin", None),
        ] {
            assert_eq!(content_statement(text), want, "{text}");
        }
    }

    #[test]
    fn first_bytes_are_the_prefixes_first_letters_in_either_case() {
        let table = HEADER_STARTS.first_bytes();
        for b in 0..=255u8 {
            let starts = HEADER_STARTS
                .list
                .iter()
                .any(|p| p.as_bytes()[0].eq_ignore_ascii_case(&b));
            assert_eq!(table[usize::from(b)], starts, "{b:#x}");
        }
        assert!(table[usize::from(b'I')] && table[usize::from(b'b')] && !table[usize::from(b'z')]);
    }

    #[test]
    fn prefix_sets_admit_every_prefix_in_any_case_and_tell_four_bytes_apart() {
        let sets = [
            HEADER_STARTS,
            MAY_CONTAIN_STARTS,
            TRAILING_PROSE_STARTS,
            CONTENT_STARTS,
            MARKER_STARTS,
        ];
        for set in sets {
            for p in set.list {
                for text in [
                    p.to_string(),
                    p.to_ascii_uppercase(),
                    format!("{} x", p.to_ascii_uppercase()),
                ] {
                    let mut title = text.clone().into_bytes();
                    title[0] = title[0].to_ascii_uppercase();
                    let title = String::from_utf8(title).unwrap_or_default();
                    assert!(
                        could_start(&text, set) && could_start(&title, set),
                        "{text}"
                    );
                }
            }
        }
        // Names that share three bytes with a prefix (`distri`, `produc`, `avoid `, `mode d`).
        for name in [
            "Disodium EDTA",
            "Propanediol",
            "Avocado Oil",
            "Modified Starch",
        ] {
            assert!(!TRAILING_PROSE_STARTS.may_begin(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn guards_admit_every_marker() {
        for m in [
            "+/-",
            "+ / -",
            "±",
            "May contain",
            "Peut contenir",
            "Kann enthalten",
            "Puede contener",
            "Può contenere",
            "Puo contenere",
            "Pode conter",
            "Kan bevatten",
            "Może zawierać",
            "Moze zawierac",
        ] {
            assert!(
                could_start(m, MAY_CONTAIN_STARTS) && may_contain_marker(m).is_ok(),
                "{m}"
            );
        }
        for m in [
            "Directions",
            "How to use",
            "To use:",
            "Usage:",
            "Made in",
            "Product of",
            "Warning",
            "Caution",
            "Precautions",
            "Keep out of reach",
            "For external use",
            "Distributed by",
            "Manufactured by",
            "Net wt",
            "Best before",
            "Please note",
            "Ingredient lists",
            "Mode d'emploi",
            "Fabriqué en",
            "Hergestellt in",
            "Avoid contact with eyes",
            "Keep away from eyes",
            "For professional use only",
            "Hair colourants can cause severe allergic reactions",
            "Read and follow instructions",
            "Rinse eyes immediately",
            "Wear suitable gloves",
            "Can cause blindness",
            "This product is not intended for use on persons under the age of 16",
        ] {
            assert!(
                could_start(m, TRAILING_PROSE_STARTS) && trailing_prose_marker(m).is_ok(),
                "{m}"
            );
        }
        for m in [
            "Ingredients:",
            "INCI:",
            "Inhaltsstoffe:",
            "Inactive Ingredients:",
            "Active Ingredients:",
            "Full ingredients list:",
            "Other ingredients:",
            "List of ingredients:",
            "Composition:",
            "Składniki:",
            "Skladniki:",
            "Bestandteile:",
        ] {
            assert!(
                could_start(m, HEADER_STARTS) && preamble_header(m).is_ok(),
                "{m}"
            );
        }
    }

    #[test]
    fn may_contain() {
        assert_eq!(may_contain_marker("+/- CI 77891"), Ok((" CI 77891", "+/-")));
        assert_eq!(
            may_contain_marker("May contain: Mica"),
            Ok(("Mica", "May contain: "))
        );
        assert!(may_contain_marker("Peut contenir : CI").is_ok());
        assert!(may_contain_marker("Mica").is_err());
    }

    #[test]
    fn qualifiers() {
        assert_eq!(percentage("0.5 %"), Ok(("", "0.5 %")));
        assert_eq!(percentage("5,5%"), Ok(("", "5,5%")));
        assert_eq!(percentage(".50%"), Ok(("", ".50%")));
        assert_eq!(percentage("2% w/w"), Ok(("", "2% w/w")));
        assert_eq!(percentage("5 % W/V"), Ok(("", "5 % W/V")));
        assert_eq!(percentage("1-2%"), Ok(("", "1-2%")));
        assert_eq!(percentage("1 % – 2 %"), Ok(("", "1 % – 2 %")));
        assert_eq!(percentage("1450 ppm"), Ok(("", "1450 ppm")));
        assert!(percentage("1450 ppmx").is_err());
        assert!(percentage(",5%").is_err());
        assert_eq!(trailing_percentage("Salicylic Acid .50%"), Some(15));
        assert_eq!(trailing_percentage("Salicylic Acid 2% w/w"), Some(15));
        assert_eq!(trailing_percentage("Sodium Fluoride 1450 ppm"), Some(16));
        assert_eq!(trailing_percentage("Niacinamide 1-2 %"), Some(12));
        assert_eq!(trailing_percentage("PEG-100"), None);
        assert_eq!(trailing_percentage("C12-15 Alkyl Benzoate"), None);
        assert_eq!(bracketed_qualifier("(nano)"), Ok(("", ('(', "nano"))));
        assert_eq!(bracketed_qualifier("[ NANO ]"), Ok(("", ('[', "NANO"))));
        assert!(may_be_bracketed_qualifier("( ≤ 1%)") && !may_be_bracketed_qualifier("(Water)"));
        assert_eq!(blend_joint("(and) X"), Ok((" X", "and")));
        assert!(may_be_blend_joint("( \tUND)") && !may_be_blend_joint("(nano)"));
        assert_eq!(footnote_marks("**†x"), Ok(("x", "**†")));
    }
}
