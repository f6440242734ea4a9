//! The CosIng dictionary, compiled into the binary.
//!
//! The data flows in one direction: `assets/cosing.csv` and `assets/synonyms.csv` (built by
//! `scripts/build_data.py` from the public reference data, with provenance) are turned by the
//! `codegen` test into the committed Rust tables of `cosing_codegen.rs`: the [`Entry`] list (one
//! per CosIng name), the [`Synonym`] list, and one open-addressing hash table over the folded
//! keys of both. Nothing is parsed at start-up: a lookup is one [`fold`] and a few probes.
//!
//! The main entry points are [`lookup`] (exact, after folding), [`lookup_variant`] (also
//! British spellings) and [`suggest()`] (nearest names for an unknown one). Everything that
//! decides how a label's text is cut into names lives in the `inci` crate, not here.

#[rustfmt::skip]
mod cosing_codegen;
mod correct;
pub mod market;
mod normalize;
pub mod risk;
#[rustfmt::skip]
mod risk_codegen;
mod spelling;
mod suggest;
pub mod swar;

pub use correct::{Correction, Near, near};
pub use normalize::{decode_entities, entity_len, fold};
pub use spelling::americanize;
pub use suggest::{Suggestion, suggest};

/// One CosIng inventory name with its identifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Position in the sorted entry table (stable for one build of the dictionary).
    pub id: u32,
    /// The canonical INCI name, upper case as CosIng prints it.
    pub name: &'static str,
    /// First CAS number, when CosIng gives one.
    pub cas: Option<&'static str>,
    /// EC (EINECS/ELINCS) number as CosIng prints it, when it gives one.
    pub ec: Option<&'static str>,
    /// CosIng functions, separated by `; ` (see [`Entry::functions`]).
    pub functions_joined: &'static str,
    /// Which CosIng lists hold the name (the 2020 inventory snapshot, the 2026 names list).
    pub source: &'static str,
}

impl Entry {
    /// The CosIng functions of this ingredient (`Humectant`, `Skin Conditioning`, ...).
    pub fn functions(&self) -> impl Iterator<Item = &'static str> + use<> {
        // Joined with `; `: split at the byte `;` and the space after it dropped, the same
        // pieces as splitting at `; ` (a test checks every entry) without a substring
        // searcher set up per call (60 M instructions over a 2.1 MB catalog).
        self.functions_joined
            .split(';')
            .map(|f| f.strip_prefix(' ').unwrap_or(f))
            .filter(|f| !f.is_empty())
    }
}

/// What kind of alternative name a [`Synonym`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SynonymKind {
    /// An everyday or trade name (`Shea Butter`, `Vitamin E`, `Fragrance`).
    Common,
    /// The same word in another language (`Eau`, `Wasser`, Cyrillic names).
    Foreign,
    /// A US or common colour name for a colour index number (`Red 7`, `Iron Oxides`).
    Colour,
    /// An International Nonproprietary Name (WHO), as CosIng records it (`Glycerol` is INN).
    Inn,
    /// A European Pharmacopoeia name, as CosIng records it (`Glycerolum`).
    PhEur,
    /// A chemical or short chemical name from a CosIng description (`Ethanol`).
    Chemical,
    /// A former INCI name (`Human Oligopeptide-1`, now `sh-Oligopeptide-1`).
    Former,
    /// A supplier's trade name (`Tinosorb S`, `Lyral`).
    Trade,
}

impl SynonymKind {
    /// Every kind, in declaration order (the generated table stores a kind as its index here).
    pub const ALL: [SynonymKind; 8] = [
        SynonymKind::Common,
        SynonymKind::Foreign,
        SynonymKind::Colour,
        SynonymKind::Inn,
        SynonymKind::PhEur,
        SynonymKind::Chemical,
        SynonymKind::Former,
        SynonymKind::Trade,
    ];

    /// Stable lower-case identifier, as used in the data files and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            SynonymKind::Common => "common",
            SynonymKind::Foreign => "foreign",
            SynonymKind::Colour => "colour",
            SynonymKind::Inn => "inn",
            SynonymKind::PhEur => "pheur",
            SynonymKind::Chemical => "chemical",
            SynonymKind::Former => "former",
            SynonymKind::Trade => "trade",
        }
    }
}

/// The language of a foreign label name ([`SynonymKind::Foreign`]), as the data files code it
/// (`foreign:ko`). Closed: a new table adds a variant here and in [`Lang::from_code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lang {
    /// French.
    Fr,
    /// German.
    De,
    /// Spanish.
    Es,
    /// Italian.
    It,
    /// Chinese (the NMPA inventory's label names).
    Zh,
    /// Korean (MFDS and makers' label names).
    Ko,
    /// Japanese (JCIA label names, MHLW quasi-drug names).
    Ja,
}

impl Lang {
    /// Every language, in code order.
    pub const ALL: [Lang; 7] = [
        Lang::Fr,
        Lang::De,
        Lang::Es,
        Lang::It,
        Lang::Zh,
        Lang::Ko,
        Lang::Ja,
    ];

    /// The two-letter code of the data files and JSON (`ko`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
            Lang::It => "it",
            Lang::Zh => "zh",
            Lang::Ko => "ko",
            Lang::Ja => "ja",
        }
    }

    /// The language's English name, for people (`Korean`).
    pub fn name(self) -> &'static str {
        match self {
            Lang::Fr => "French",
            Lang::De => "German",
            Lang::Es => "Spanish",
            Lang::It => "Italian",
            Lang::Zh => "Chinese",
            Lang::Ko => "Korean",
            Lang::Ja => "Japanese",
        }
    }

    /// The language of a two-letter code, `None` for an unknown or empty one.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.as_str() == code)
    }
}

/// An alternative name that resolves to a CosIng [`Entry`]: a handle on its row of the
/// generated table (one pointer, cheap to copy and compare), read through its methods.
#[derive(Debug, Clone, Copy)]
pub struct Synonym(&'static RawSynonym);

impl PartialEq for Synonym {
    fn eq(&self, other: &Synonym) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Synonym {}

impl Synonym {
    /// The alternative name, upper case.
    pub fn alias(&self) -> &'static str {
        blob(self.0.0[0], self.0.0[1])
    }

    /// Index of the entry it stands for in [`entries`].
    pub fn target(&self) -> u32 {
        self.0.0[2]
    }

    /// What kind of name it is.
    pub fn kind(&self) -> SynonymKind {
        SynonymKind::ALL
            .get(self.0.0[3] as usize)
            .copied()
            .unwrap_or(SynonymKind::Common)
    }

    /// For a foreign name, its language code (`fr`, `de`, `es`, `it`, `zh`), when known; else
    /// empty.
    pub fn lang(&self) -> &'static str {
        blob(self.0.0[4], self.0.0[5])
    }

    /// Where the pairing comes from.
    pub fn source(&self) -> &'static str {
        blob(self.0.0[6], self.0.0[7])
    }
}

/// A synonym as stored: offsets and lengths in the string blob of its alias, language and
/// source, its target and its kind's index in [`SynonymKind::ALL`]. Offsets instead of
/// `&str`s: 15,000 synonyms held 45,000 pointers, each a relocation the loader applied at
/// every start.
#[derive(Debug)]
struct RawSynonym([u32; 8]);

/// The synonym at `index` in the table sorted by alias.
pub fn synonym(index: u32) -> Option<Synonym> {
    cosing_codegen::SYNONYMS.get(index as usize).map(Synonym)
}

impl Synonym {
    /// The language of a foreign name, when the data records it.
    pub fn language(&self) -> Option<Lang> {
        Lang::from_code(self.lang())
    }
}

/// A common (English) plant name and the binomial it stands for (`WITCH HAZEL`,
/// `HAMAMELIS VIRGINIANA`), with where the pairing comes from. One common name may stand for
/// several species (`TANGERINE`): the resolver keeps a result only when exactly one of them
/// gives a CosIng name.
///
/// The binomial and the source are offsets and lengths in the dictionary's string blob, as
/// the keys' texts are, so that the table needs fewer relocations at start-up (it had three a
/// row, about 3,000). The common name stays a `&str`: the binary search compares it ten times a
/// lookup, where reading it from the blob cost 1.1 M instructions on a 2 MB catalog.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct CommonName {
    common: &'static str,
    rest: [u32; 4],
}

impl CommonName {
    /// The common name, upper case.
    pub fn common(&self) -> &'static str {
        self.common
    }

    /// The Latin binomial, upper case.
    pub fn binomial(&self) -> &'static str {
        blob(self.rest[0], self.rest[1])
    }

    /// Where the pairing comes from.
    pub fn source(&self) -> &'static str {
        blob(self.rest[2], self.rest[3])
    }
}

impl std::fmt::Debug for CommonName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CommonName")
            .field("common", &self.common())
            .field("binomial", &self.binomial())
            .field("source", &self.source())
            .finish()
    }
}

/// The binomials a folded common name stands for (empty when it is not one).
pub fn binomials(common: &str) -> &'static [CommonName] {
    let table = cosing_codegen::COMMON_NAMES;
    let start = table.partition_point(|c| c.common < common);
    // A name has a binomial or two: counted on from the first, not found by a second search.
    let len = table[start..]
        .iter()
        .take_while(|c| c.common == common)
        .count();
    &table[start..start + len]
}

/// What a folded key resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// The key is a CosIng name.
    Name(Entry),
    /// The key is a synonym of a CosIng name.
    Synonym(Synonym, Entry),
}

impl Hit {
    /// The entry the key resolves to, whichever way it was reached.
    pub fn entry(&self) -> Entry {
        match *self {
            Hit::Name(e) | Hit::Synonym(_, e) => e,
        }
    }
}

/// A folded key in the hash table: the key text (offset and length in the string blob), its
/// entry, and the synonym it came from (`u32::MAX` when the key is the entry's own name).
///
/// The tables hold offsets into one string literal rather than `&str`s so that the binary
/// needs no load-time relocation per string: start-up stays near a millisecond.
#[derive(Debug, Clone, Copy)]
struct Key(u32, u32, u32, u32);

impl Key {
    fn text(&self) -> &'static str {
        blob(self.0, self.1)
    }
    fn entry(&self) -> u32 {
        self.2
    }
    fn synonym(&self) -> u32 {
        self.3
    }
}

/// An entry as stored: offset and length of name, CAS, EC, functions and source in the blob.
#[derive(Debug, Clone, Copy)]
struct RawEntry([u32; 10]);

fn blob(offset: u32, len: u32) -> &'static str {
    let start = offset as usize;
    cosing_codegen::BLOB
        .get(start..start + len as usize)
        .unwrap_or("")
}

fn make_entry(id: u32, raw: &RawEntry) -> Entry {
    let r = raw.0;
    Entry {
        id,
        name: blob(r[0], r[1]),
        cas: Some(blob(r[2], r[3])).filter(|c| !c.is_empty()),
        ec: Some(blob(r[4], r[5])).filter(|c| !c.is_empty()),
        functions_joined: blob(r[6], r[7]),
        source: blob(r[8], r[9]),
    }
}

/// Source of the CosIng names and identifiers, for reports.
pub const COSING_SOURCE: &str = cosing_codegen::COSING_SOURCE;

/// All CosIng entries, sorted by name.
pub fn entries() -> impl ExactSizeIterator<Item = Entry> {
    cosing_codegen::ENTRIES
        .iter()
        .enumerate()
        .map(|(i, r)| make_entry(i as u32, r))
}

/// The entry with this id.
pub fn entry(id: u32) -> Option<Entry> {
    cosing_codegen::ENTRIES
        .get(id as usize)
        .map(|r| make_entry(id, r))
}

/// The other entries with the same CAS number as `entry`: the names of one substance, such as
/// a colour index number and its colourant name (`CI 77891` and `TITANIUM DIOXIDE`). A binary
/// search in a table generated with the dictionary; nothing when the entry has no CAS number.
pub fn same_cas(entry: Entry) -> impl Iterator<Item = Entry> {
    let ids = cosing_codegen::BY_CAS;
    let cas_of = |id: u32| crate::entry(id).and_then(|e| e.cas).unwrap_or("");
    let found = match entry.cas {
        None => &[][..],
        Some(cas) => &ids[ids.partition_point(|&id| cas_of(id) < cas)..],
    };
    found
        .iter()
        .map_while(move |&id| crate::entry(id).filter(|e| e.cas == entry.cas))
        .filter(move |e| e.id != entry.id)
}

/// All synonyms, sorted by alias.
pub fn synonyms() -> impl ExactSizeIterator<Item = Synonym> {
    cosing_codegen::SYNONYMS.iter().map(Synonym)
}

/// The synonyms whose alias is exactly `alias` (folded, upper case).
pub fn synonyms_named(alias: &str) -> impl Iterator<Item = Synonym> {
    let table = cosing_codegen::SYNONYMS;
    let start = table.partition_point(|s| blob(s.0[0], s.0[1]) < alias);
    table[start..]
        .iter()
        .map(Synonym)
        .take_while(move |s| s.alias() == alias)
}

/// The entry with exactly this canonical name (as CosIng prints it).
pub fn entry_by_name(name: &str) -> Option<Entry> {
    let raw = cosing_codegen::ENTRIES;
    let i = raw
        .binary_search_by(|r| blob(r.0[0], r.0[1]).cmp(name))
        .ok()?;
    entry(i as u32)
}

/// Up to `limit` canonical names that start with `prefix` (upper case, as CosIng prints
/// them), in name order: a binary search in the sorted entry table.
pub fn names_starting_with(prefix: &str, limit: usize) -> Vec<&'static str> {
    let raw = cosing_codegen::ENTRIES;
    let start = raw.partition_point(|r| blob(r.0[0], r.0[1]) < prefix);
    raw[start..]
        .iter()
        .map(|r| blob(r.0[0], r.0[1]))
        .take_while(|n| n.starts_with(prefix))
        .take(limit)
        .collect()
}

/// True when no entry's name holds a character JSON escapes (a quote, a backslash, a control
/// character), as the generator found them: a writer may copy an entry's name as it is.
pub const NAMES_NEED_NO_ESCAPE: bool = cosing_codegen::NAMES_NEED_NO_ESCAPE;

/// Looks up an already folded key (see [`fold`]).
pub fn lookup_key(key: &str) -> Option<Hit> {
    probe(cosing_codegen::SLOTS, cosing_codegen::KEYS, key)
}

/// The spacing-proof form of a folded key: its letters and digits only (`1,2-HEXANEDIOL` and
/// `1 2-HEXANEDIOL` are both `12HEXANEDIOL`).
pub fn compact(key: &str) -> String {
    compact_chars(key).collect()
}

/// The characters of [`compact`]'s form, one by one.
fn compact_chars(key: &str) -> impl Iterator<Item = char> + '_ {
    key.chars().filter(|c| c.is_alphanumeric()).map(unaccent)
}

/// The base letter of an accented Latin capital (`É` is `E`), so that a French or German
/// label's `GLYCÉRINE` meets `GLYCERINE`; other characters are kept.
fn unaccent(c: char) -> char {
    match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'Ç' => 'C',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'Ñ' => 'N',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'Ý' | 'Ÿ' => 'Y',
        other => other,
    }
}

/// Looks up the spacing-proof form of a folded key: a name or synonym whose letters and digits
/// are these, when only one entry has them (`ETHYLHEXYL GLYCERIN` is `ETHYLHEXYLGLYCERIN`).
pub fn lookup_compact(key: &str) -> Option<Hit> {
    // The compact form put together on the stack: the resolver asks for it on every name it
    // does not find at once, and a `String` each time was 32,000 allocations over a 2 MB
    // catalog. A form longer than the buffer goes through a `String`.
    let mut buf = [0u8; 128];
    let mut n = 0;
    for c in compact_chars(key) {
        let Some(slot) = buf.get_mut(n..n + c.len_utf8()) else {
            return lookup_compacted(&compact(key));
        };
        c.encode_utf8(slot);
        n += c.len_utf8();
    }
    lookup_compacted(std::str::from_utf8(&buf[..n]).ok()?)
}

/// Looks up a key already in its compact form.
fn lookup_compacted(c: &str) -> Option<Hit> {
    if c.is_empty() {
        return None;
    }
    probe(
        cosing_codegen::COMPACT_SLOTS,
        cosing_codegen::COMPACT_KEYS,
        c,
    )
}

fn probe(slots: &[u32], keys: &'static [Key], key: &str) -> Option<Hit> {
    probe_hashed(slots, keys, key, hash(key))
}

/// [`probe`] with the key's [`hash`] already made.
fn probe_hashed(slots: &[u32], keys: &'static [Key], key: &str, h: u64) -> Option<Hit> {
    let mask = slots.len().checked_sub(1)?;
    let mut i = (h as usize) & mask;
    loop {
        let slot = slots[i];
        if slot == u32::MAX {
            return None;
        }
        let k = keys.get(slot as usize)?;
        if k.text() == key {
            let entry = entry(k.entry())?;
            return Some(match synonym(k.synonym()) {
                Some(s) => Hit::Synonym(s, entry),
                None => Hit::Name(entry),
            });
        }
        i = (i + 1) & mask;
    }
}

/// Folds `text` and looks it up: CosIng names and synonyms, exactly.
pub fn lookup(text: &str) -> Option<Hit> {
    lookup_key(&fold(text))
}

/// Like [`lookup_key`], and when that fails, tries the American spelling of a British one
/// (`SULPHATE`, `ALUMINIUM`, `COLOUR`, `-ISED`). Returns the hit and whether the spelling
/// was changed.
pub fn lookup_variant(key: &str) -> Option<(Hit, bool)> {
    if let Some(hit) = lookup_key(key) {
        return Some((hit, false));
    }
    let us = americanize(key)?;
    lookup_key(&us).map(|hit| (hit, true))
}

/// For each of `ends` (increasing byte offsets into `text`), whether `text[..end]` folds to a
/// name or synonym, as `lookup_variant(&fold(&text[..end])).is_some()` says; `None` for an
/// end this cannot answer (the caller asks of that text itself).
///
/// The parser asks this of a run of pieces ending at each piece (`1, 2-Hexanediol, Water,
/// ...`). The answers come from one fold of the whole (`normalize::fold_prefixes`), the hash
/// of each prefix on the way to the next (FNV-1a goes byte by byte), and no American spelling
/// unless the whole has a British piece, which a prefix can have only if the whole does; asked
/// of each run, the folds and hashes went over the first pieces again and again.
pub fn known_prefixes(text: &str, ends: &[usize]) -> Vec<Option<bool>> {
    let mut out = vec![None; ends.len()];
    let Some((key, lens)) = normalize::fold_prefixes(text, ends) else {
        return out;
    };
    let british = spelling::has_piece(key.as_bytes());
    let mut h = FNV_OFFSET;
    let mut hashed = 0;
    for (answer, len) in out.iter_mut().zip(lens) {
        let Some(prefix) = len.and_then(|len| key.get(..len)) else {
            continue;
        };
        let Some(more) = prefix.as_bytes().get(hashed..) else {
            continue;
        };
        h = more.iter().fold(h, |h, &b| fnv_step(h, b));
        hashed = prefix.len();
        let found = probe_hashed(cosing_codegen::SLOTS, cosing_codegen::KEYS, prefix, h).is_some()
            || (british && americanize(prefix).is_some_and(|us| lookup_key(&us).is_some()));
        *answer = Some(found);
    }
    out
}

/// True when some dictionary name starts with `key` followed by `,` or `. `: the parser then
/// tries to join the next piece of the label to it (`1`, `2-HEXANEDIOL`; `HC BLUE NO`, `4`).
pub fn continues_past_separator(key: &str) -> bool {
    cosing_codegen::JOIN_PREFIXES.binary_search(&key).is_ok()
}

/// A cheap pre-check for [`continues_past_separator`] on unfolded text: false when the text's
/// first word (ASCII, upper-cased) starts no name that continues past a separator, so the
/// parser can skip folding most pieces. Non-ASCII starts and HTML entities answer true.
pub fn may_continue_past_separator(text: &str) -> bool {
    // After the whitespace (`char::is_whitespace`, vertical tab and no-break space included),
    // a text that starts with anything but an ASCII character answers true.
    first_word_joins(text.trim_start()).unwrap_or(true)
}

/// For a text that starts with an ASCII character: true when its first word (see
/// [`first_word`]) is empty, longer than 40 bytes, holds a byte that is not ASCII or an `&`, or
/// is, upper-cased, the first word of some join prefix. One pass over the word's bytes hashes it
/// upper-cased and finds its end, with no copy. `None` for other starts.
fn first_word_joins(text: &str) -> Option<bool> {
    let bytes = text.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii) {
        return None;
    }
    let mut len = 0;
    for &b in bytes {
        let c = WORD_BYTES[usize::from(b)];
        if c == WORD_END {
            break;
        }
        if c == NOT_ASCII_WORD || len == 40 {
            return Some(true);
        }
        len += 1;
    }
    let word = &bytes[..len];
    if len == 0 {
        return Some(true);
    }
    // Nearly every word starts no join word: its first two bytes and length say so, before
    // its hash is made and the table probed.
    if !may_start_join_word(word) {
        return Some(false);
    }
    let h = word
        .iter()
        .fold(FNV_OFFSET, |h, &b| fnv_step(h, WORD_BYTES[usize::from(b)]));
    Some(probe_join_word(h, word))
}

/// Whether `word` (ASCII, not empty) may be a join word: the generated set of the join words'
/// first two bytes (upper-cased) and lengths holds its [`join_start_bit`] (a word not in it is
/// no join word; a word in it may be one). The set is generated: built at the first lookup, it
/// cost every start 17,000 instructions.
fn may_start_join_word(word: &[u8]) -> bool {
    let bit = join_start_bit(word);
    cosing_codegen::JOIN_STARTS
        .get(bit / 64)
        .is_none_or(|w| w & (1 << (bit % 64)) != 0)
}

/// A word's bit in the set of join words' starts (32,768 bits): its first two bytes
/// upper-cased and its length, mixed.
fn join_start_bit(word: &[u8]) -> usize {
    let byte = |i: usize| u32::from(word.get(i).map_or(0, u8::to_ascii_uppercase));
    let key = byte(0) | byte(1) << 8 | (word.len().min(255) as u32) << 16;
    (key.wrapping_mul(0x9E37_79B1) >> 17) as usize
}

/// In [`WORD_BYTES`], a byte that ends [`first_word`].
const WORD_END: u8 = 0x80;
/// In [`WORD_BYTES`], a byte that sends the join pre-check the general way (not ASCII, or
/// the `&` of an entity).
const NOT_ASCII_WORD: u8 = 0x81;

/// Each byte's class for the join pre-check, one load a byte: [`WORD_END`],
/// [`NOT_ASCII_WORD`], or the byte upper-cased (always under 0x80).
const WORD_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if is_word_end(byte) {
            WORD_END
        } else if !byte.is_ascii() || byte == b'&' {
            NOT_ASCII_WORD
        } else {
            byte.to_ascii_uppercase()
        };
        b += 1;
    }
    table
};

/// True when `word` (upper-cased) is the first word of some join prefix: a probe of the
/// generated table (FNV-1a, the dictionary's own hash; the table is fixed, so no input makes
/// a chain long). A slot holds the word's place in `JOIN_WORDS` and its length, compared
/// first, so a miss rarely compares bytes.
#[cfg(test)]
fn is_join_word(word: &[u8]) -> bool {
    probe_join_word(hash_bytes(word), word)
}

/// The tests' `is_join_word` for a word whose upper-cased [`hash_bytes`] is `h`; `word` itself
/// may be in any case (the table's words are upper-case).
fn probe_join_word(h: u64, word: &[u8]) -> bool {
    let slots = cosing_codegen::JOIN_WORD_SLOTS;
    let mask = slots.len().wrapping_sub(1);
    let mut i = (h as usize) & mask;
    while let Some(&slot) = slots.get(i) {
        if slot == u32::MAX {
            return false;
        }
        let (start, len) = ((slot >> 8) as usize, (slot & 0xff) as usize);
        if len == word.len()
            && cosing_codegen::JOIN_WORDS
                .as_bytes()
                .get(start..start + len)
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
        {
            return true;
        }
        i = (i + 1) & mask;
    }
    false
}

/// The text up to the first space, comma, full stop, bracket or slash.
fn first_word(text: &str) -> &str {
    let end = text.bytes().position(is_word_end).unwrap_or(text.len());
    &text[..end]
}

/// The bytes that end [`first_word`].
const fn is_word_end(b: u8) -> bool {
    matches!(b, b' ' | b',' | b'.' | b'(' | b'[' | b'/')
}

/// The FNV-1a hash the generated table was built with.
fn hash(key: &str) -> u64 {
    hash_bytes(key.as_bytes())
}

/// FNV-1a's starting value.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte of FNV-1a.
fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// [`hash`] over bytes.
fn hash_bytes(key: &[u8]) -> u64 {
    key.iter().fold(FNV_OFFSET, |h, &b| fnv_step(h, b))
}

/// Table building, shared with the codegen test so that the runtime and generator hash alike.
#[doc(hidden)]
pub mod codegen_support {
    /// Hash used by the generated table.
    pub fn hash(key: &str) -> u64 {
        super::hash(key)
    }

    /// A join word's bit in the generated set of the join words' starts.
    pub fn join_start_bit(word: &str) -> usize {
        super::join_start_bit(word.as_bytes())
    }

    /// The first word of a text as the parser's join pre-check cuts it (the generated table of
    /// join prefixes' first words is built with it).
    pub fn first_word(text: &str) -> &str {
        super::first_word(text)
    }

    /// The counts of a key's characters the near-name search compares (the generated table
    /// of the suggestable keys' counts is built with it).
    pub fn suggest_signature(key: &str) -> [u8; 32] {
        crate::suggest::signature(key)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_prefixes_answer_as_a_lookup_of_each_fold() {
        let mut answered = [0usize; 2];
        for text in [
            "1, 2-Hexanediol, Butylene Glycol, 1,2-Hexanediol, Water",
            "Sodium Laureth Sulphate, Aluminium Hydroxide, Colour",
            "Alcohol Denat., Hc Blue No. 2, Aqua",
            "Glycerin (Vegetable), Water",
        ] {
            let ends: Vec<usize> = (0..=text.len()).collect();
            for (end, answer) in ends.iter().zip(super::known_prefixes(text, &ends)) {
                if let Some(known) = answer {
                    let key = super::fold(&text[..*end]);
                    assert_eq!(
                        known,
                        super::lookup_variant(&key).is_some(),
                        "{text:?} at {end}"
                    );
                    answered[usize::from(known)] += 1;
                }
            }
        }
        assert!(answered[0] > 100 && answered[1] >= 5, "{answered:?}");
    }

    #[test]
    fn a_keys_compact_form_on_the_stack_is_compact() {
        let mut checked = 0;
        for k in super::cosing_codegen::KEYS.iter().step_by(7) {
            let key = k.text();
            let spaced = format!("{key} ,-/ 1");
            for text in [key, spaced.as_str()] {
                assert_eq!(
                    super::lookup_compact(text),
                    super::lookup_compacted(&super::compact(text)),
                    "{text}"
                );
                checked += 1;
            }
        }
        assert!(checked > 10_000);
        // Accented, and longer than the stack buffer.
        for text in ["GLYCÉRINE", &"A".repeat(200), &"É".repeat(100)] {
            assert_eq!(
                super::lookup_compact(text),
                super::lookup_compacted(&super::compact(text))
            );
        }
        assert!(super::lookup_compact("").is_none() && super::lookup_compact(" - ").is_none());
    }

    #[test]
    fn functions_split_as_joined() {
        for e in entries() {
            let want: Vec<&str> = e
                .functions_joined
                .split("; ")
                .filter(|f| !f.is_empty())
                .collect();
            assert_eq!(e.functions().collect::<Vec<_>>(), want, "{}", e.name);
        }
    }

    #[test]
    fn same_cas_finds_the_other_names_of_a_substance() {
        let names = |n: &str| -> Vec<&str> {
            let e = entry_by_name(n).expect("known");
            same_cas(e).map(|e| e.name).collect()
        };
        assert!(names("CI 77891").contains(&"TITANIUM DIOXIDE"));
        assert!(names("TITANIUM DIOXIDE").contains(&"CI 77891"));
        assert!(!names("TITANIUM DIOXIDE").contains(&"TITANIUM DIOXIDE"));
        assert!(names("PARFUM").is_empty(), "no CAS number, no match");
        // The index agrees with a scan of every entry.
        for e in entries().step_by(97) {
            let mut want: Vec<u32> = if e.cas.is_none() {
                Vec::new()
            } else {
                entries()
                    .filter(|o| o.cas == e.cas && o.id != e.id)
                    .map(|o| o.id)
                    .collect()
            };
            let mut got: Vec<u32> = same_cas(e).map(|o| o.id).collect();
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{}", e.name);
        }
    }

    use super::*;

    #[test]
    fn every_entry_is_found_by_its_own_name() {
        for e in entries() {
            let hit = lookup(e.name).unwrap_or_else(|| panic!("{} not found", e.name));
            // Five CosIng names exist twice, once with a stray space after a slash: those
            // resolve to their unspaced twin (see tests/codegen.rs).
            assert_eq!(fold(hit.entry().name), fold(e.name), "{}", e.name);
            assert!(matches!(hit, Hit::Name(_)), "{}", e.name);
        }
    }

    #[test]
    fn synonyms_resolve_to_their_target() {
        let hit = lookup("Fragrance").expect("fragrance");
        assert_eq!(hit.entry().name, "PARFUM");
        assert!(matches!(hit, Hit::Synonym(s, _) if s.kind() == SynonymKind::Common));
        assert_eq!(lookup("eau").map(|h| h.entry().name), Some("AQUA"));
        assert_eq!(lookup("zzz not a name"), None);
    }

    #[test]
    fn british_spellings_resolve() {
        let (hit, changed) = lookup_variant(&fold("Sodium Lauryl Sulphate")).expect("sulphate");
        assert_eq!(hit.entry().name, "SODIUM LAURYL SULFATE");
        assert!(changed);
        let (hit, _) = lookup_variant(&fold("Aluminium Hydroxide")).expect("aluminium");
        assert_eq!(hit.entry().name, "ALUMINUM HYDROXIDE");
    }

    #[test]
    fn pre_check_admits_every_prefix() {
        for p in cosing_codegen::JOIN_PREFIXES {
            assert!(may_continue_past_separator(p), "{p}");
            assert!(may_continue_past_separator(&p.to_lowercase()), "{p}");
        }
        assert!(!may_continue_past_separator("Glycerin"));
        // The generated set of starts is whole and holds every join word's.
        assert_eq!(cosing_codegen::JOIN_STARTS.len(), 512);
        for p in cosing_codegen::JOIN_PREFIXES {
            let word = first_word(p);
            assert!(
                word.is_empty() || may_start_join_word(word.as_bytes()),
                "{p}"
            );
        }
    }

    #[test]
    fn join_words_are_the_first_words_of_the_join_prefixes() {
        let words: std::collections::HashSet<&str> = cosing_codegen::JOIN_PREFIXES
            .iter()
            .map(|p| first_word(p))
            .collect();
        for w in &words {
            assert!(is_join_word(w.as_bytes()), "{w}");
        }
        // Every word of every dictionary key is a word asked about; the table answers as the
        // set of first words does.
        let mut asked = 0;
        for e in entries() {
            for w in e.name.split([' ', ',', '.', '(', '[', '/']) {
                assert_eq!(is_join_word(w.as_bytes()), words.contains(w), "{w}");
                asked += 1;
            }
        }
        assert!(asked > 30_000, "only {asked} words asked");
    }

    /// The pre-check by its plain definition: the first word after the whitespace, upper-cased,
    /// looked up; empty, over 40 bytes, not ASCII or holding an entity's `&` answers true.
    fn may_continue_by_definition(text: &str) -> bool {
        let word = first_word(text.trim_start());
        if word.is_empty() || !word.is_ascii() || word.len() > 40 || word.contains('&') {
            return true;
        }
        is_join_word(word.to_ascii_uppercase().as_bytes())
    }

    /// The one-pass pre-check answers as its definition on every third name in three cases,
    /// on long words, entities, accents, and whitespace before the word (a vertical tab or a
    /// no-break space is trimmed as a space is: `\u{b}Alcohol Denat` still joins).
    #[test]
    fn the_pre_check_answers_as_its_definition() {
        let mut answered = [0usize; 2];
        let long = "A".repeat(40);
        let longer = "A".repeat(41);
        let odd = [
            "",
            "(Aqua)",
            ", 1",
            "Fd&amp;C",
            "Crème",
            "1",
            "1,2",
            "HC Blue No. 4",
            "\u{b}Alcohol Denat",
            "\u{a0}Alcohol Denat",
            " \tHC Blue No",
            "\u{b}",
            &long,
            &longer,
        ];
        let names = entries().step_by(3).map(|e| e.name);
        for name in names.chain(odd.iter().copied()) {
            for text in [
                name.to_owned(),
                name.to_lowercase(),
                format!("{name}, Aqua"),
            ] {
                let answer = may_continue_past_separator(&text);
                assert_eq!(answer, may_continue_by_definition(&text), "{text:?}");
                answered[usize::from(answer)] += 1;
            }
        }
        assert!(may_continue_past_separator("\u{b}Alcohol Denat"));
        assert!(answered[0] > 1_000 && answered[1] > 100, "{answered:?}");
    }

    #[test]
    fn join_prefixes_cover_names_with_commas() {
        assert!(continues_past_separator("1"));
        assert!(continues_past_separator("HC BLUE NO"));
        assert!(!continues_past_separator("GLYCERIN"));
    }
}
