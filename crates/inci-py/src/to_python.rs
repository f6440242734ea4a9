//! Serde values straight into Python objects, equal to what `json.loads` gives for the JSON of
//! the same value: maps and structs become dicts, sequences and tuples lists, unit variants
//! their name, `None` None.
//!
//! Why not `json.loads` or `pythonize`: the Sephora catalog's reports hold about 840,000
//! Python objects, 456,000 of them strings but only 18,000 distinct ones (canonical names,
//! functions, sources, codes repeat across rows). This converter makes each distinct string
//! once per call and shares it, and skips writing and re-reading JSON text: scan plus
//! conversion took 143 ms where scanning to JSON strings and `json.loads` took 61 + 119 ms
//! (one run, cyclic GC off in both; `pythonize` measured as slow as `json.loads` and turns
//! tuples into Python tuples, which JSON does not have).

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::fmt;

/// Converts values, sharing equal strings between them.
pub struct Converter<'py> {
    py: Python<'py>,
    strings: HashMap<Box<str>, Bound<'py, PyString>>,
}

impl<'py> Converter<'py> {
    /// A converter with an empty string table.
    pub fn new(py: Python<'py>) -> Converter<'py> {
        Converter {
            py,
            strings: HashMap::new(),
        }
    }

    /// `value` as Python objects.
    pub fn convert<T: Serialize + ?Sized>(&mut self, value: &T) -> PyResult<Bound<'py, PyAny>> {
        value.serialize(&mut *self).map_err(|e| e.0)
    }

    fn string(&mut self, s: &str) -> Bound<'py, PyAny> {
        if let Some(found) = self.strings.get(s) {
            return found.clone().into_any();
        }
        let made = PyString::new(self.py, s);
        self.strings.insert(s.into(), made.clone());
        made.into_any()
    }
}

/// A conversion error: a Python exception.
#[derive(Debug)]
pub struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type Out<'py> = Result<Bound<'py, PyAny>, Error>;

fn int<'py, T: IntoPyObjectExt<'py>>(py: Python<'py>, v: T) -> Out<'py> {
    v.into_bound_py_any(py).map_err(Error)
}

impl<'a, 'py> ser::Serializer for &'a mut Converter<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Variant<'a, 'py, Seq<'a, 'py>>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Variant<'a, 'py, Map<'a, 'py>>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        // As JSON writes it: the shortest decimal that reads back as this f32 (`93.09457`),
        // which Python then reads as a double; `f64::from` would give 93.09457397460938.
        // Not finite: JSON's null.
        if !v.is_finite() {
            return Ok(self.py.None().into_bound(self.py));
        }
        int(
            self.py,
            v.to_string().parse::<f64>().unwrap_or(f64::from(v)),
        )
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        if !v.is_finite() {
            return Ok(self.py.None().into_bound(self.py));
        }
        int(self.py, v)
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        let mut buf = [0u8; 4];
        Ok(self.string(v.encode_utf8(&mut buf)))
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(self.string(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        let items: Vec<u8> = v.to_vec();
        Ok(PyList::new(self.py, items)?.into_any())
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
    ) -> Out<'py> {
        Ok(self.string(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let key = self.string(variant);
        let inner = value.serialize(&mut *self)?;
        let dict = PyDict::new(self.py);
        dict.set_item(key, inner)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            items: Vec::with_capacity(len.unwrap_or(0)),
            conv: self,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _n: &'static str, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        let key = self.string(variant);
        Ok(Variant {
            key,
            inner: self.serialize_seq(Some(len))?,
            _seq: std::marker::PhantomData,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, Error> {
        Ok(Map {
            dict: PyDict::new(self.py),
            key: None,
            conv: self,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'a, 'py>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        let key = self.string(variant);
        Ok(Variant {
            key,
            inner: self.serialize_map(Some(len))?,
            _seq: std::marker::PhantomData,
        })
    }
}

/// A list being built.
pub struct Seq<'a, 'py> {
    conv: &'a mut Converter<'py>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let item = value.serialize(&mut *self.conv)?;
        self.items.push(item);
        Ok(())
    }
    fn finish(self) -> Out<'py> {
        Ok(PyList::new(self.conv.py, self.items)?.into_any())
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

/// A dict being built (maps and structs).
pub struct Map<'a, 'py> {
    conv: &'a mut Converter<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(&mut *self.conv)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("map value without a key"))?;
        let value = value.serialize(&mut *self.conv)?;
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let key = self.conv.string(name);
        let value = value.serialize(&mut *self.conv)?;
        self.dict.set_item(key, value)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

/// An enum variant with data: `{variant: data}`, as serde_json writes it.
pub struct Variant<'a, 'py, I> {
    key: Bound<'py, PyAny>,
    inner: I,
    _seq: std::marker::PhantomData<&'a ()>,
}

impl<'a, 'py> ser::SerializeTupleVariant for Variant<'a, 'py, Seq<'a, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.inner.push(value)
    }
    fn end(self) -> Out<'py> {
        let py = self.inner.conv.py;
        let list = self.inner.finish()?;
        let dict = PyDict::new(py);
        dict.set_item(self.key, list)?;
        Ok(dict.into_any())
    }
}

impl<'a, 'py> ser::SerializeStructVariant for Variant<'a, 'py, Map<'a, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(&mut self.inner, name, value)
    }
    fn end(self) -> Out<'py> {
        let py = self.inner.conv.py;
        let dict = PyDict::new(py);
        dict.set_item(self.key, self.inner.dict)?;
        Ok(dict.into_any())
    }
}
