//! inci's reports as compact JSON, byte for byte what `serde_json::to_writer` writes, in
//! about half the instructions: what `inci batch` writes its records with, and the Python
//! package its JSON strings. A crate of its own so that the library `inci` stays free of
//! `serde_json`.
//!
//! A scan record is about 22 times the size of the list it reports on, nearly all of it
//! strings (names, functions, citations, messages). `serde_json` looks every byte of every
//! string up in its escape table; [`write()`] first checks a string 32 bytes at a time (a fold
//! the compiler makes vector instructions of) for a quote, a backslash or a control character,
//! and writes it with one copy when it has none (nearly all of them); one that has one is
//! escaped exactly as `serde_json` does it. Numbers are written by `serde_json`'s own
//! formatter, so they cannot differ.
//!
//! [`write_report`] writes a [`ScanReport`] the same way, and copies each ingredient's
//! dictionary facts (`cas`, `functions`, `role`, `does`: the same for every ingredient of one
//! CosIng entry) from a per-thread memo instead of writing them again, and the markets a
//! run checks (the same `'static` values in every report) from the last report's bytes.
//! [`write_summary`] writes the flat summary `inci batch` puts first in each record. The tests
//! compare all three with `serde_json`'s output, on synthetic values and on every fixture label.
//!
//! ```
//! let report = inci::scan("Aqua, Glycerin, Parfum");
//! let mut out = Vec::new();
//! inci_json::write_report(&mut out, &report).expect("a report is always JSON");
//! assert_eq!(out, serde_json::to_vec(&report).expect("serde_json writes it"));
//! ```

use inci::ingredient::{Ingredient, ShareBasis};
use inci::market::MarketCoverage;
use inci::parse::Section;
use inci::resolve::Via;
use inci::risk::{ConcernLevel, Finding, Severity};
use inci::role::Role;
use inci::scan::ScanReport;
use inci::summary::Summary;
use serde::ser::{self, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};
use std::cell::RefCell;

/// Appends `value` as compact JSON to `out`, as `serde_json::to_writer(out, value)` would.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(&mut Writer { out })
}

/// Why a value could not be written: a `Serialize` implementation's own error, a map key that
/// JSON cannot have, or a number `serde_json` refused.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error(e.to_string())
    }
}

/// The serializer: every value appends its JSON to `out`.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

/// Bytes, written by `serde_json` (an array of numbers).
fn by_serde_json<T: Serialize>(out: &mut Vec<u8>, v: T) -> Result<(), Error> {
    serde_json::to_writer(out, &v).map_err(Error::from)
}

/// A number, written by `serde_json`'s own formatter (its digits are `serde_json`'s); a
/// float that is not finite is `null`, as in `serde_json`.
macro_rules! number {
    ($out:expr, $method:ident, $v:expr) => {
        CompactFormatter
            .$method($out, $v)
            .map_err(|e| Error(e.to_string()))
    };
}

macro_rules! float {
    ($out:expr, $method:ident, $v:expr) => {
        if $v.is_finite() {
            number!($out, $method, $v)
        } else {
            $out.extend_from_slice(b"null");
            Ok(())
        }
    };
}

/// `s` as a JSON string.
fn string(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    match first_escape(s.as_bytes()) {
        None => out.extend_from_slice(s.as_bytes()),
        Some(at) => {
            out.extend_from_slice(&s.as_bytes()[..at]);
            escape_from(out, &s.as_bytes()[at..]);
        }
    }
    out.push(b'"');
}

/// True when one of the eight bytes of `w` is below 0x20, a quote or a backslash.
fn word_needs_escape(w: u64) -> bool {
    use inci_dict::swar::{bytes_below, bytes_equal};
    bytes_below(w, 0x20) | bytes_equal(w, b'"') | bytes_equal(w, b'\\') != 0
}

/// Whether a byte is escaped in JSON.
fn byte_needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The offset of the first byte to escape, if any: 32 bytes at a time, the last chunk
/// overlapping the one before (its bytes there are known clean), then byte by byte within
/// the chunk that has one. A string under 32 bytes is looked at as two overlapping chunks of
/// 16, under 16 as one or two words (under four bytes, byte by byte).
fn first_escape(bytes: &[u8]) -> Option<usize> {
    let n = bytes.len();
    if n < 16 {
        return first_escape_short(bytes);
    }
    if n < 32 {
        let dirty = bytes.first_chunk::<16>().is_some_and(chunk_needs_escape)
            || bytes.last_chunk::<16>().is_some_and(chunk_needs_escape);
        return if dirty { within(bytes, 0) } else { None };
    }
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<32>) {
        if chunk_needs_escape(chunk) {
            return within(chunk, at);
        }
        at += 32;
    }
    match bytes.last_chunk::<32>() {
        Some(last) if at < n && chunk_needs_escape(last) => within(&bytes[at..], at),
        _ => None,
    }
}

/// True when a byte of `chunk` is escaped in JSON. Written as a branch-free fold over a fixed
/// number of bytes so that the compiler turns it into a few vector instructions (SSE2 on any
/// x86-64): 32 bytes in fewer instructions than four 8-byte word tests.
#[inline]
fn chunk_needs_escape<const N: usize>(chunk: &[u8; N]) -> bool {
    chunk.iter().fold(0u8, |m, &b| {
        m | u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\')
    }) != 0
}

/// [`first_escape`] of a string under sixteen bytes: from eight bytes on, the first and the
/// last eight make two words; from four on, the first and the last four make one.
fn first_escape_short(bytes: &[u8]) -> Option<usize> {
    let n = bytes.len();
    if n < 4 {
        return within(bytes, 0);
    }
    let half = |at: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&bytes[at..at + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let dirty = if n < 8 {
        word_needs_escape(half(0) | half(n - 4) << 32)
    } else {
        word_needs_escape(word(0)) || word_needs_escape(word(n - 8))
    };
    if dirty { within(bytes, 0) } else { None }
}

/// The offset of the first byte to escape in `chunk`, which starts at `at`.
fn within(chunk: &[u8], at: usize) -> Option<usize> {
    chunk
        .iter()
        .position(|&b| byte_needs_escape(b))
        .map(|i| at + i)
}

/// The rest of a string from its first byte to escape, escaped as `serde_json` does: the
/// short escapes `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control characters as
/// `\u00xx` in lower-case hex; everything else (DEL, all of Unicode) as it is.
fn escape_from(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !byte_needs_escape(b) {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ]),
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// An array or object being written: whether a comma goes before the next element.
struct Compound<'w, 'a> {
    w: &'w mut Writer<'a>,
    first: bool,
    /// What closes it: `]`, `}`, or `}}` for a variant's `{"name":{...}}`.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(b',');
        }
        self.first = false;
    }

    fn finish(self) -> Result<(), Error> {
        self.w.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'w, 'a> Writer<'a> {
    fn open(&'w mut self, open: &[u8], close: &'static [u8]) -> Compound<'w, 'a> {
        self.out.extend_from_slice(open);
        Compound {
            w: self,
            first: true,
            close,
        }
    }

    /// `{"variant":` before a variant's content.
    fn variant_key(&mut self, variant: &str) {
        self.out.push(b'{');
        string(self.out, variant);
        self.out.push(b':');
    }
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        number!(self.out, write_i8, v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        number!(self.out, write_i16, v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        number!(self.out, write_i32, v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        number!(self.out, write_i64, v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        number!(self.out, write_i128, v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        number!(self.out, write_u8, v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        number!(self.out, write_u16, v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        number!(self.out, write_u32, v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        number!(self.out, write_u64, v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        number!(self.out, write_u128, v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        float!(self.out, write_f32, v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        float!(self.out, write_f64, v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        self.variant_key(variant);
        Ok(self.open(b"[", b"]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        self.variant_key(variant);
        Ok(self.open(b"{", b"}}"))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        key.serialize(KeyWriter { out: self.w.out })
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.w.out.push(b':');
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.comma();
        string(self.w.out, key);
        self.w.out.push(b':');
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

/// A map key, as `serde_json` writes one: a string or unit variant as it is; a number or a
/// boolean as its JSON text in quotes; anything else is no JSON key.
struct KeyWriter<'a> {
    out: &'a mut Vec<u8>,
}

impl KeyWriter<'_> {
    /// A number or boolean key as `serde_json` writes it: its JSON text in quotes (`"20"`,
    /// `"true"`); a float key must be finite.
    fn quoted(self, write: impl FnOnce(&mut Vec<u8>) -> Result<(), Error>) -> Result<(), Error> {
        self.out.push(b'"');
        write(self.out)?;
        self.out.push(b'"');
        Ok(())
    }

    fn float(
        self,
        finite: bool,
        write: impl FnOnce(&mut Vec<u8>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if !finite {
            return Err(Error(
                "float key must be finite (got NaN or +/-inf)".to_owned(),
            ));
        }
        self.quoted(write)
    }
}

fn key_must_be_a_string() -> Error {
    Error("key must be a string".to_owned())
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        string(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.quoted(|out| {
            out.extend_from_slice(if v { b"true" } else { b"false" });
            Ok(())
        })
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.quoted(|out| number!(out, write_i8, v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.quoted(|out| number!(out, write_i16, v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.quoted(|out| number!(out, write_i32, v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.quoted(|out| number!(out, write_i64, v))
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.quoted(|out| number!(out, write_i128, v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.quoted(|out| number!(out, write_u8, v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.quoted(|out| number!(out, write_u16, v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.quoted(|out| number!(out, write_u32, v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.quoted(|out| number!(out, write_u64, v))
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.quoted(|out| number!(out, write_u128, v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v.is_finite(), |out| number!(out, write_f32, v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v.is_finite(), |out| number!(out, write_f64, v))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}

/// Appends `report` as compact JSON to `out`: byte for byte `serde_json::to_writer(out,
/// report)`, with each ingredient's dictionary facts copied from a per-thread memo.
pub fn write_report(out: &mut Vec<u8>, report: &ScanReport) -> Result<(), Error> {
    out.push(b'{');
    write_report_fields(out, report)
}

/// Appends the fields of `report` and the closing brace, to continue an object the caller
/// opened and wrote its own fields in (`inci batch` puts `row`, `id` and `summary` first).
pub fn write_report_fields(out: &mut Vec<u8>, report: &ScanReport) -> Result<(), Error> {
    // The fields of `ScanReport` in declaration order, with its `skip_serializing_if` and
    // `serialize_with` rules (the tests hold the two to the same bytes).
    field(out, b"\"headline\":", &report.headline)?;
    out.extend_from_slice(b",\"ingredients\":");
    array(out, &report.ingredients, write_ingredient)?;
    out.extend_from_slice(b",\"findings\":");
    array(out, &report.findings, write_finding)?;
    out.extend_from_slice(b",\"concerns\":");
    array(out, &report.concerns, write_concern)?;
    field(out, b",\"vegan\":", &report.vegan)?;
    field(out, b",\"vegetarian\":", &report.vegetarian)?;
    field(out, b",\"minor_from\":", &report.minor_from)?;
    field(out, b",\"profile\":", &report.profile)?;
    if let Some(p) = report.product_type {
        out.extend_from_slice(b",\"product_type\":");
        string(out, p.as_str());
    }
    out.extend_from_slice(b",\"markets\":");
    markets(out, &report.markets)?;
    field(out, b",\"skipped\":", &report.skipped)?;
    field(out, b",\"diagnostics\":", &report.diagnostics)?;
    if let Some(i) = &report.inconsistent_shares {
        field(out, b",\"inconsistent_shares\":", i)?;
    }
    out.push(b'}');
    Ok(())
}

/// Appends `summary` as compact JSON, as `serde_json::to_writer` would: `inci batch` writes
/// one per record. The fields of [`Summary`] in declaration order, the keys as bytes and the
/// closed sets by name (through the serializer, about 3,900 instructions a summary).
pub fn write_summary(out: &mut Vec<u8>, s: &Summary) -> Result<(), Error> {
    name(out, b"{\"inci_status\":", s.status.as_str());
    out.extend_from_slice(b",\"inci_ingredients\":");
    count(out, s.ingredients)?;
    out.extend_from_slice(b",\"inci_resolved\":");
    count(out, s.resolved)?;
    maybe_name(out, b",\"inci_vegan\":", s.vegan.map(|v| v.as_str()));
    maybe_name(
        out,
        b",\"inci_vegetarian\":",
        s.vegetarian.map(|v| v.as_str()),
    );
    out.extend_from_slice(match s.human_derived {
        None => b",\"inci_human_derived\":null",
        Some(true) => b",\"inci_human_derived\":true",
        Some(false) => b",\"inci_human_derived\":false",
    });
    maybe_name(out, b",\"inci_pores\":", s.pores.map(|d| d.as_str()));
    maybe_name(
        out,
        b",\"inci_irritation\":",
        s.irritation.map(|d| d.as_str()),
    );
    maybe_name(out, b",\"inci_allergy\":", s.allergy.map(|d| d.as_str()));
    maybe_name(
        out,
        b",\"inci_human_origin_regulation\":",
        s.human_origin_regulation.map(|d| d.as_str()),
    );
    for (key, text) in [
        (&b",\"inci_codes\":"[..], &s.codes),
        (b",\"inci_market_verdicts\":", &s.market_verdicts),
        (b",\"inci_unknown\":", &s.unknown),
        (b",\"inci_error\":", &s.error),
    ] {
        out.extend_from_slice(key);
        match text {
            Some(t) => string(out, t),
            None => out.extend_from_slice(b"null"),
        }
    }
    out.push(b'}');
    Ok(())
}

/// A count, or `null`.
fn count(out: &mut Vec<u8>, n: Option<usize>) -> Result<(), Error> {
    match n {
        Some(n) => uint(out, n as u64),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// `key` and a closed set's member by name ([`name`]), or `null`.
fn maybe_name(out: &mut Vec<u8>, key: &[u8], member: Option<&str>) {
    match member {
        Some(m) => name(out, key, m),
        None => {
            out.extend_from_slice(key);
            out.extend_from_slice(b"null");
        }
    }
}

/// One concern's level: the fields of [`ConcernLevel`] in declaration order (through the
/// serializer, about 1,300 instructions a concern, four a report).
fn write_concern(out: &mut Vec<u8>, c: &ConcernLevel) -> Result<(), Error> {
    name(out, b"{\"concern\":", c.concern.as_str());
    name(out, b",\"level\":", c.level.as_str());
    out.extend_from_slice(if c.weighted {
        b",\"weighted\":true,\"findings\":"
    } else {
        b",\"weighted\":false,\"findings\":"
    });
    array(out, &c.findings, |out, &k| uint(out, k as u64))?;
    out.push(b'}');
    Ok(())
}

/// The markets a report was checked for, copied from the last report's JSON when it names the
/// same ones. Each is a `&'static MarketCoverage`, built once per run and never changed, so
/// the same addresses mean the same JSON; a run's reports all name the same markets, which
/// through the serializer cost about 3,400 instructions a report.
fn markets(out: &mut Vec<u8>, markets: &[&'static MarketCoverage]) -> Result<(), Error> {
    thread_local! {
        static LAST: RefCell<(Vec<&'static MarketCoverage>, Vec<u8>)> =
            const { RefCell::new((Vec::new(), Vec::new())) };
    }
    let same = |kept: &[&'static MarketCoverage]| {
        kept.len() == markets.len() && kept.iter().zip(markets).all(|(a, b)| std::ptr::eq(*a, *b))
    };
    let copied = LAST.with(|l| {
        let Ok(last) = l.try_borrow() else {
            return false;
        };
        let hit = !last.0.is_empty() && same(&last.0);
        if hit {
            out.extend_from_slice(&last.1);
        }
        hit
    });
    if copied {
        return Ok(());
    }
    let start = out.len();
    write(out, markets)?;
    LAST.with(|l| {
        if let Ok(mut last) = l.try_borrow_mut() {
            last.0 = markets.to_vec();
            last.1 = out.get(start..).unwrap_or_default().to_vec();
        }
    });
    Ok(())
}

/// `key` (its quotes, colon and any comma before it), then `value` through the generic writer.
fn field<T: Serialize + ?Sized>(out: &mut Vec<u8>, key: &[u8], value: &T) -> Result<(), Error> {
    out.extend_from_slice(key);
    write(out, value)
}

/// What [`name`] writes for the commonest member of an ingredient's three closed sets (its
/// section, how its name was matched, what bounds its share), as one literal: copied by its
/// known length, where the member's own copy was a call to `memcpy` (three an ingredient).
/// The `literals_are_what_name_writes` test holds each to [`name`]'s bytes.
const SECTION_MAIN: &[u8] = b",\"section\":\"main\"";
/// See [`SECTION_MAIN`].
const MATCHED_VIA_NAME: &[u8] = b",\"matched_via\":\"name\"";
/// See [`SECTION_MAIN`].
const BASIS_ORDER: &[u8] = b",\"basis\":\"order\"";
/// [`SECTION_MAIN`], no suggestions and [`MATCHED_VIA_NAME`]: what nearly every ingredient
/// has, in one copy where it took three and an array.
const MAIN_NAME_MATCHED: &[u8] =
    b",\"section\":\"main\",\"suggestions\":[],\"matched_via\":\"name\"";
/// [`BASIS_ORDER`] and the share's closing brace, for a share with no cap.
const BASIS_ORDER_END: &[u8] = b",\"basis\":\"order\"}";

/// `key` and the name of a closed set's member (`as_str` of `Category`, `Concern`,
/// `Severity`, `Section`, `Via`, `ShareBasis`), quoted with no escape test: such names are
/// lower-case letters, underscores and a colon (`foreign:ko`), and `inci`'s tests hold each to
/// its serde name. Through the serializer each cost about 140 instructions.
// Inlined, so that each call site copies its key (a literal) by its known length rather
// than through a call to `memcpy`: 1.9 M such calls over the 10.5 MB slice.
#[inline(always)]
fn name(out: &mut Vec<u8>, key: &[u8], member: &str) {
    debug_assert!(
        member
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b':'),
        "{member}"
    );
    out.extend_from_slice(key);
    out.push(b'"');
    out.extend_from_slice(member.as_bytes());
    out.push(b'"');
}

/// `[`, each item written by `each` with commas between, `]`.
fn array<T>(
    out: &mut Vec<u8>,
    items: &[T],
    mut each: impl FnMut(&mut Vec<u8>, &T) -> Result<(), Error>,
) -> Result<(), Error> {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item)?;
    }
    out.push(b']');
    Ok(())
}

/// One finding: the fields of [`Finding`] in declaration order, with its skip rules (the
/// keys written as bytes, not through a serializer: a report holds about ten findings, and
/// the generic path cost 2,700 instructions a finding).
fn write_finding(out: &mut Vec<u8>, f: &Finding) -> Result<(), Error> {
    finding_head(out, f);
    string(out, &f.message);
    out.extend_from_slice(b",\"ingredients\":");
    array(out, &f.ingredients, |out, &k| uint(out, k as u64))?;
    out.extend_from_slice(b",\"source\":");
    string(out, &f.source);
    if !f.markets.is_empty() {
        out.extend_from_slice(b",\"markets\":");
        array(out, &f.markets, |out, m| {
            string(out, m.as_str());
            Ok(())
        })?;
    }
    if let Some(v) = &f.market_verdict {
        field(out, b",\"market_verdict\":", v)?;
    }
    out.push(b'}');
    Ok(())
}

/// A finding's fields up to its message's value: `{"code":...,"category":...,"concern":...,
/// "severity":...,"message":`. A finding of its registry kind's code, category and concern
/// (every finding inci makes) takes them from a per-thread table by kind and severity, in one
/// copy where it took four and an escape test; one a caller changed is written field by
/// field.
fn finding_head(out: &mut Vec<u8>, f: &Finding) {
    /// Slots of the table, one kind and severity each.
    const SLOTS: usize = 64;
    type Slot = Option<(usize, Severity, Box<[u8]>)>;
    thread_local! {
        static HEADS: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
    }
    let kind = f.kind;
    let own =
        std::ptr::eq(f.code, kind.code) && f.category == kind.category && f.concern == kind.concern;
    if !own {
        return write_finding_head(out, f);
    }
    let addr = std::ptr::from_ref(kind) as usize;
    let slot = (addr ^ f.severity as usize).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58;
    let copied = HEADS.with(|h| {
        let h = h.try_borrow().ok()?;
        match h.get(slot)? {
            Some((a, s, head)) if *a == addr && *s == f.severity => {
                out.extend_from_slice(head);
                Some(())
            }
            _ => None,
        }
    });
    if copied.is_some() {
        return;
    }
    let start = out.len();
    write_finding_head(out, f);
    let head: Box<[u8]> = out.get(start..).unwrap_or_default().into();
    HEADS.with(|h| {
        if let Ok(mut h) = h.try_borrow_mut() {
            if h.len() < SLOTS {
                h.resize(SLOTS, None);
            }
            if let Some(s) = h.get_mut(slot) {
                *s = Some((addr, f.severity, head));
            }
        }
    });
}

/// [`finding_head`] field by field.
fn write_finding_head(out: &mut Vec<u8>, f: &Finding) {
    out.extend_from_slice(b"{\"code\":");
    string(out, f.code);
    name(out, b",\"category\":", f.category.as_str());
    name(out, b",\"concern\":", f.concern.as_str());
    name(out, b",\"severity\":", f.severity.as_str());
    out.extend_from_slice(b",\"message\":");
}

/// One ingredient: the fields of [`Ingredient`] in declaration order, with its skip rules and
/// `role` flattened into `role` and `does`.
fn write_ingredient(out: &mut Vec<u8>, ing: &Ingredient) -> Result<(), Error> {
    out.extend_from_slice(b"{\"raw\":");
    string(out, &ing.raw);
    out.extend_from_slice(b",\"span\":[");
    uint(out, ing.span.start as u64)?;
    out.push(b',');
    uint(out, ing.span.end as u64)?;
    out.push(b']');
    match ing.name {
        // The entry's own name, which the generator found needs no escape: copied as it is
        // (the escape test was about 60 instructions an ingredient). A name set by a caller
        // is another string and is escaped.
        Some(name)
            if inci_dict::NAMES_NEED_NO_ESCAPE
                && ing.entry.is_some_and(|e| std::ptr::eq(e.name, name)) =>
        {
            out.extend_from_slice(b",\"name\":\"");
            out.extend_from_slice(name.as_bytes());
            out.push(b'"');
        }
        Some(name) => {
            out.extend_from_slice(b",\"name\":");
            string(out, name);
        }
        None => out.extend_from_slice(b",\"name\":null"),
    }
    if ing.section == Section::Main && ing.suggestions.is_empty() && ing.matched_via == Via::Name {
        // Nearly every ingredient: a main-list name matched as it is.
        out.extend_from_slice(MAIN_NAME_MATCHED);
    } else {
        if ing.section == Section::Main {
            out.extend_from_slice(SECTION_MAIN);
        } else {
            name(out, b",\"section\":", ing.section.as_str());
        }
        out.extend_from_slice(b",\"suggestions\":");
        array(out, &ing.suggestions, |out, s| {
            string(out, s.name);
            Ok(())
        })?;
        if ing.matched_via == Via::Name {
            out.extend_from_slice(MATCHED_VIA_NAME);
        } else {
            name(out, b",\"matched_via\":", ing.matched_via.as_str());
        }
    }
    if let Some(s) = &ing.synonym {
        field(out, b",\"synonym\":", s)?;
    }
    if !ing.alternatives.is_empty() {
        field(out, b",\"alternatives\":", &ing.alternatives)?;
    }
    if !ing.qualifiers.is_empty() {
        field(out, b",\"qualifiers\":", &ing.qualifiers)?;
    }
    facts(out, ing)?;
    if let Some(s) = &ing.share {
        // `Share`'s fields in order, its floats written directly.
        out.extend_from_slice(b",\"share\":{\"min\":");
        share_bound(out, s.min)?;
        out.extend_from_slice(b",\"max\":");
        share_bound(out, s.max)?;
        match (s.basis, &s.if_compliant) {
            (ShareBasis::Order, None) => out.extend_from_slice(BASIS_ORDER_END),
            (basis, cap) => {
                if basis == ShareBasis::Order {
                    out.extend_from_slice(BASIS_ORDER);
                } else {
                    name(out, b",\"basis\":", basis.as_str());
                }
                if let Some(cap) = cap {
                    field(out, b",\"if_compliant\":", cap)?;
                }
                out.push(b'}');
            }
        }
    }
    if let Some(c) = &ing.comedogenic {
        field(out, b",\"comedogenic\":", c)?;
    }
    if let Some(o) = &ing.origin {
        field(out, b",\"origin\":", o)?;
    }
    out.push(b'}');
    Ok(())
}

/// `v` in decimal, as `serde_json` writes it (with `itoa`): the values under 10,000, which
/// spans and indices nearly always are, digit by digit with no formatter (about 50
/// instructions each through it, two spans an ingredient). Inlined: called, it returned its
/// `Result` through memory (3,129.6 M -> 3,100.6 M instructions on a 10.5 MB catalog).
#[inline(always)]
fn uint(out: &mut Vec<u8>, v: u64) -> Result<(), Error> {
    let d = |x: u64| b'0' + (x % 10) as u8;
    match v {
        0..=9 => out.push(d(v)),
        10..=99 => out.extend_from_slice(&[d(v / 10), d(v)]),
        100..=999 => out.extend_from_slice(&[d(v / 100), d(v / 10), d(v)]),
        1000..=9999 => out.extend_from_slice(&[d(v / 1000), d(v / 100), d(v / 10), d(v)]),
        _ => return number!(out, write_u64, v),
    }
    Ok(())
}

/// A share's bound, as `serde_json` writes the float, with no formatting for the values that
/// repeat (formatting one is about 100 instructions): `0.0`, the lower bound of nearly every
/// ingredient but the first, and the upper bounds, which the 1 % rule makes the same few
/// hundred values (`100 / k`, rounded) in every list, copied from a per-thread table of the
/// last ones written. Inlined, as [`uint`] is (3,100.6 M -> 3,075.7 M on a 10.5 MB catalog;
/// inlining `string` as well cost 65 M more).
#[inline(always)]
fn share_bound(out: &mut Vec<u8>, v: f64) -> Result<(), Error> {
    /// Slots of the table, one value each, found by the value's bits.
    const SLOTS: usize = 256;
    /// Room for a value's text; `serde_json` writes at most 24 bytes for an `f64`.
    const ROOM: usize = 32;
    type Slot = (u64, [u8; ROOM], u8);
    thread_local! {
        static WRITTEN: RefCell<[Slot; SLOTS]> = const { RefCell::new([(0, [0; ROOM], 0); SLOTS]) };
    }
    let bits = v.to_bits();
    if bits == 0 {
        out.extend_from_slice(b"0.0");
        return Ok(());
    }
    // Bits 0 stand for an empty slot: 0.0 never gets this far.
    let slot = (bits ^ bits >> 32).wrapping_mul(0x9E37_79B9_7F4A_7C15) as usize >> 56;
    let copied = WRITTEN.with(|w| {
        let w = w.try_borrow().ok()?;
        let (kept, text, len) = w.get(slot)?;
        let text = text.get(..usize::from(*len))?;
        (*kept == bits).then(|| out.extend_from_slice(text))
    });
    if copied.is_some() {
        return Ok(());
    }
    let start = out.len();
    float!(out, write_f64, v)?;
    let text = out.get(start..).unwrap_or_default();
    let mut kept = [0u8; ROOM];
    let Some(dest) = kept.get_mut(..text.len()) else {
        return Ok(());
    };
    dest.copy_from_slice(text);
    let len = text.len() as u8; // At most ROOM.
    WRITTEN.with(|w| {
        if let Ok(mut w) = w.try_borrow_mut()
            && let Some(s) = w.get_mut(slot)
        {
            *s = (bits, kept, len);
        }
    });
    Ok(())
}

/// Entries a chunk of the facts memo holds.
const FACTS_CHUNK: usize = 256;

/// Entry ids the facts memo keeps (the dictionary has about 33,000 entries; an id a caller
/// made up beyond this is written, not kept).
const MAX_FACTS: usize = 1 << 16;

/// The facts an ingredient's JSON was written from, and that JSON.
struct Facts {
    cas: Option<&'static str>,
    functions: std::borrow::Cow<'static, [&'static str]>,
    role: Option<Role>,
    json: Box<[u8]>,
}

impl Facts {
    /// True when `ing` carries exactly these facts: the same strings of the dictionary (by
    /// address, they are `'static`), the same role. A caller may have changed an
    /// ingredient's fields; then the facts are written anew.
    fn hold_for(&self, ing: &Ingredient) -> bool {
        let same = |a: &str, b: &str| std::ptr::eq(a, b);
        self.role == ing.role
            && match (self.cas, ing.cas) {
                (Some(a), Some(b)) => same(a, b),
                (None, None) => true,
                _ => false,
            }
            && (std::ptr::eq(&*self.functions, &*ing.functions)
                || self.functions.len() == ing.functions.len()
                    && self
                        .functions
                        .iter()
                        .zip(ing.functions.iter())
                        .all(|(a, b)| same(a, b)))
    }
}

/// One chunk of the facts memo: the facts of [`FACTS_CHUNK`] consecutive entry ids.
type FactsChunk = Box<[Option<Facts>]>;

thread_local! {
    /// The facts memo, by entry id in chunks allocated at the first entry of their range (a
    /// hash map's lookup was 140 instructions an ingredient); at most [`MAX_FACTS`] ids.
    static FACTS: RefCell<Vec<Option<FactsChunk>>> = const { RefCell::new(Vec::new()) };
}

/// `,"cas":...,"functions":[...],"role":...,"does":...` as far as the ingredient has them.
fn facts(out: &mut Vec<u8>, ing: &Ingredient) -> Result<(), Error> {
    let Some(entry) = ing.entry else {
        return write_facts(out, ing);
    };
    let id = entry.id as usize;
    if id >= MAX_FACTS {
        return write_facts(out, ing);
    }
    let (chunk, slot) = (id / FACTS_CHUNK, id % FACTS_CHUNK);
    let copied = FACTS.with(|m| {
        let Ok(m) = m.try_borrow() else {
            return false;
        };
        let kept = m
            .get(chunk)
            .and_then(Option::as_ref)
            .and_then(|c| c.get(slot));
        match kept.and_then(Option::as_ref).filter(|f| f.hold_for(ing)) {
            Some(f) => {
                out.extend_from_slice(&f.json);
                true
            }
            None => false,
        }
    });
    if copied {
        return Ok(());
    }
    let start = out.len();
    write_facts(out, ing)?;
    let json: Box<[u8]> = out.get(start..).unwrap_or_default().into();
    FACTS.with(|m| {
        let Ok(mut m) = m.try_borrow_mut() else {
            return;
        };
        if m.len() <= chunk {
            m.resize_with(chunk + 1, || None);
        }
        let Some(c) = m.get_mut(chunk) else { return };
        let c = c.get_or_insert_with(|| (0..FACTS_CHUNK).map(|_| None).collect());
        if let Some(kept) = c.get_mut(slot) {
            *kept = Some(Facts {
                cas: ing.cas,
                functions: ing.functions.clone(),
                role: ing.role,
                json,
            });
        }
    });
    Ok(())
}

fn write_facts(out: &mut Vec<u8>, ing: &Ingredient) -> Result<(), Error> {
    if let Some(cas) = ing.cas {
        out.extend_from_slice(b",\"cas\":");
        string(out, cas);
    }
    if !ing.functions.is_empty() {
        field(out, b",\"functions\":", &ing.functions)?;
    }
    if let Some(role) = &ing.role {
        field(out, b",\"role\":", role)?;
        out.extend_from_slice(b",\"does\":");
        string(out, role.words());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[test]
    fn literals_are_what_name_writes() {
        for (literal, key, member) in [
            (SECTION_MAIN, &b",\"section\":"[..], Section::Main.as_str()),
            (MATCHED_VIA_NAME, b",\"matched_via\":", Via::Name.as_str()),
            (BASIS_ORDER, b",\"basis\":", ShareBasis::Order.as_str()),
        ] {
            let mut written = Vec::new();
            name(&mut written, key, member);
            assert_eq!(literal, written.as_slice(), "{member}");
        }
        let joined = [SECTION_MAIN, b",\"suggestions\":[]", MATCHED_VIA_NAME].concat();
        assert_eq!(MAIN_NAME_MATCHED, joined.as_slice());
        assert_eq!(BASIS_ORDER_END, [BASIS_ORDER, b"}"].concat().as_slice());
    }

    fn both<T: Serialize + ?Sized>(v: &T) -> (String, String) {
        let mut ours = Vec::new();
        write(&mut ours, v).expect("writes");
        let theirs = serde_json::to_vec(v).expect("serde_json writes");
        (
            String::from_utf8(ours).expect("utf-8"),
            String::from_utf8(theirs).expect("utf-8"),
        )
    }

    #[track_caller]
    fn same<T: Serialize + ?Sized>(v: &T) {
        let (ours, theirs) = both(v);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn every_byte_value_in_every_position_of_a_word() {
        // Each ASCII character (controls, quote, backslash, DEL) at each of the 8 offsets of a
        // word and in the tail, among plain and non-ASCII text.
        for c in 0u8..=0x7F {
            for pad in 0..70 {
                let s = format!(
                    "{}{}é中{}",
                    "a".repeat(pad),
                    char::from(c),
                    "b".repeat(pad % 7)
                );
                same(&s);
            }
        }
        same("");
        same("\u{2028}\u{2029}\u{7f}\u{80}\u{ffff}\u{10ffff}");
        same("end with quote\"");
        same("\"\\\u{1}\u{1f}\u{8}\u{c}\n\r\t");
    }

    #[test]
    fn counts_are_written_as_serde_json_writes_them() {
        let big = [u64::from(u32::MAX), u64::MAX, 10_u64.pow(19)];
        for v in (0..20_000).chain(big) {
            let mut ours = Vec::new();
            uint(&mut ours, v).expect("a number");
            assert_eq!(
                ours,
                serde_json::to_vec(&v).expect("serde_json writes it"),
                "{v}"
            );
        }
    }

    #[test]
    fn share_bounds_are_written_as_serde_json_writes_them() {
        // Each value twice (the second time from the table), and many values, so that
        // slots are shared and overwritten.
        let mut values = vec![0.0, -0.0, 100.0, 1.7544, 33.3333, 1e-7, 5e-324, f64::NAN];
        values.extend((1..2000).map(|k| (1e6 / f64::from(k)).round() / 1e4));
        values.extend([-1.2345678901234567e-308, f64::MAX, f64::MIN_POSITIVE]);
        for v in values
            .iter()
            .chain(values.iter())
            .chain(values.iter().rev())
        {
            let mut ours = Vec::new();
            share_bound(&mut ours, *v).expect("a number");
            let theirs = serde_json::to_vec(v).expect("serde_json writes it");
            assert_eq!(ours, theirs, "{v}");
        }
    }

    #[test]
    fn no_escape_detected_where_there_is_none() {
        // Bytes just above the limits (0x20, '!', '#', ']', '[') never count as escapes, and a
        // zero byte's borrow does not make its neighbours count.
        for w in [b" !#[]~\x7f ", b"\x21\x23\x5b\x5d\x20\x20\x20\x20"] {
            assert!(!word_needs_escape(u64::from_le_bytes(*w)));
        }
        assert!(word_needs_escape(u64::from_le_bytes(*b"\0abcdefg")));
        assert_eq!(first_escape(b"abcdefgh\"ijk"), Some(8));
        assert_eq!(first_escape(b"abcdefghij\\"), Some(10));
        assert_eq!(first_escape(b"abc\x1fdefgh"), Some(3));
        assert_eq!(first_escape("é\u{80}abcdefghijklmnop".as_bytes()), None);
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(u8, &'static str),
        Struct { a: Option<f64>, b: Vec<f32> },
    }

    #[derive(Serialize)]
    struct Inner {
        x: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        y: Option<&'static str>,
    }

    #[derive(Serialize)]
    struct Outer {
        name: &'static str,
        #[serde(flatten)]
        inner: Inner,
        tuple: (u32, u32),
        list: Vec<E>,
        map: BTreeMap<u32, bool>,
        bool_keys: BTreeMap<bool, char>,
        text_keys: BTreeMap<String, ()>,
        floats: [f64; 6],
        unit: (),
        bytes: &'static [u8],
    }

    #[test]
    fn structures_equal_serde_json() {
        same(&Outer {
            name: "a \"b\"",
            inner: Inner { x: -3, y: None },
            tuple: (0, 5),
            list: vec![
                E::Unit,
                E::New(7),
                E::Tuple(1, "t"),
                E::Struct {
                    a: Some(0.1),
                    b: vec![1.0, 33.3333, f32::NAN],
                },
                E::Struct { a: None, b: vec![] },
            ],
            map: BTreeMap::from([(1, true), (20, false)]),
            bool_keys: BTreeMap::from([(true, 'x'), (false, '"')]),
            text_keys: BTreeMap::from([("k\n".to_owned(), ())]),
            floats: [0.0, -0.0, 1e300, 1.7544, f64::INFINITY, 100.0],
            unit: (),
            bytes: b"ab",
        });
        same(&Inner { x: 1, y: Some("y") });
        same(&Vec::<u8>::new());
        same(&BTreeMap::<String, u8>::new());
    }

    /// A key that compares as its bits, so floats can be map keys in a test.
    struct FloatKey(f64);
    impl PartialEq for FloatKey {
        fn eq(&self, other: &Self) -> bool {
            self.cmp(other).is_eq()
        }
    }
    impl Eq for FloatKey {}
    impl PartialOrd for FloatKey {
        fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for FloatKey {
        fn cmp(&self, other: &Self) -> std::cmp::Ordering {
            self.0.total_cmp(&other.0)
        }
    }
    impl Serialize for FloatKey {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_f64(self.0)
        }
    }

    #[test]
    fn number_and_float_keys_equal_serde_json() {
        same(&BTreeMap::from([(-7i64, 1u8), (0, 2), (i64::MAX, 3)]));
        same(&BTreeMap::from([(u128::MAX, 'x')]));
        same(&BTreeMap::from([
            (FloatKey(1.5), 1u8),
            (FloatKey(-0.0), 2),
            (FloatKey(1e300), 3),
        ]));
        for bad in [f64::NAN, f64::INFINITY] {
            let map = BTreeMap::from([(FloatKey(bad), 1u8)]);
            let ours = write(&mut Vec::new(), &map).expect_err("not finite");
            let theirs = serde_json::to_vec(&map).expect_err("not finite");
            assert_eq!(ours.to_string(), theirs.to_string());
        }
    }

    #[test]
    fn keys_json_cannot_have_are_errors_as_in_serde_json() {
        let map = BTreeMap::from([(vec![1u8], 1u8)]);
        assert!(write(&mut Vec::new(), &map).is_err());
        assert!(serde_json::to_vec(&map).is_err());
    }
}
