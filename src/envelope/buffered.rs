//! A serde value held back until it can be read: the body of a JSON task whose `code` comes
//! after it (JSON objects have no order, and a sorted map puts `cancelation` and
//! `certificate_job` before `code`). [`Buffered`] keeps what any self-describing format
//! gave, and gives it back as a [`Deserializer`] once the task code says which body it is.

use serde::de::value::{MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserialize, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A self-describing serde value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Buffered {
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(String),
    Bytes(Vec<u8>),
    Unit,
    None,
    Some(Box<Buffered>),
    Seq(Vec<Buffered>),
    Map(Vec<(Buffered, Buffered)>),
}

impl<'de> Deserialize<'de> for Buffered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(BufferedVisitor)
    }
}

struct BufferedVisitor;

impl<'de> Visitor<'de> for BufferedVisitor {
    type Value = Buffered;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Buffered, E> {
        Ok(Buffered::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Buffered, E> {
        Ok(Buffered::I64(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Buffered, E> {
        Ok(Buffered::U64(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Buffered, E> {
        Ok(Buffered::F64(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Buffered, E> {
        Ok(Buffered::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Buffered, E> {
        Ok(Buffered::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Buffered, E> {
        Ok(Buffered::Bytes(v.to_owned()))
    }
    fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Buffered, E> {
        Ok(Buffered::Bytes(v))
    }
    fn visit_unit<E>(self) -> Result<Buffered, E> {
        Ok(Buffered::Unit)
    }
    fn visit_none<E>(self) -> Result<Buffered, E> {
        Ok(Buffered::None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Buffered, D::Error> {
        Buffered::deserialize(d).map(|v| Buffered::Some(Box::new(v)))
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Buffered, D::Error> {
        Buffered::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Buffered, A::Error> {
        // No trust in a size hint from the input: grow as the items come.
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Buffered::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Buffered, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Buffered::Map(entries))
    }
}

/// A [`Buffered`] value read back, with the error type of the outer deserializer.
pub(crate) struct BufferedDeserializer<E> {
    value: Buffered,
    error: PhantomData<E>,
}

impl<E> BufferedDeserializer<E> {
    pub(crate) fn new(value: Buffered) -> Self {
        BufferedDeserializer {
            value,
            error: PhantomData,
        }
    }
}

impl<'de, E: de::Error> IntoDeserializer<'de, E> for Buffered {
    type Deserializer = BufferedDeserializer<E>;
    fn into_deserializer(self) -> Self::Deserializer {
        BufferedDeserializer::new(self)
    }
}

impl<'de, E: de::Error> Deserializer<'de> for BufferedDeserializer<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Buffered::Bool(v) => visitor.visit_bool(v),
            Buffered::U64(v) => visitor.visit_u64(v),
            Buffered::I64(v) => visitor.visit_i64(v),
            Buffered::F64(v) => visitor.visit_f64(v),
            Buffered::Str(v) => visitor.visit_string(v),
            Buffered::Bytes(v) => visitor.visit_byte_buf(v),
            Buffered::Unit => visitor.visit_unit(),
            Buffered::None => visitor.visit_none(),
            Buffered::Some(v) => visitor.visit_some(BufferedDeserializer::new(*v)),
            Buffered::Seq(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Buffered::Map(entries) => {
                let mut map = MapDeserializer::new(entries.into_iter());
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Buffered::None | Buffered::Unit => visitor.visit_none(),
            Buffered::Some(v) => visitor.visit_some(BufferedDeserializer::new(*v)),
            other => visitor.visit_some(BufferedDeserializer::new(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        match self.value {
            // A unit variant is its name; any other is a map of one entry, as serde writes it.
            Buffered::Str(name) => visitor.visit_enum(name.into_deserializer()),
            Buffered::Map(entries) => visitor.visit_enum(MapAccessDeserializer::new(
                MapDeserializer::new(entries.into_iter()),
            )),
            other => BufferedDeserializer::<E>::new(other).deserialize_any(visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::value::Error;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    enum Shape {
        Dot,
        Line(u64),
        Box { w: u64 },
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Thing {
        name: String,
        size: Option<i64>,
        tags: Vec<String>,
        shapes: Vec<Shape>,
        flag: bool,
    }

    fn read<T: for<'de> Deserialize<'de>>(value: Buffered) -> Result<T, Error> {
        T::deserialize(BufferedDeserializer::<Error>::new(value))
    }

    fn s(v: &str) -> Buffered {
        Buffered::Str(v.to_owned())
    }

    #[test]
    fn a_buffered_struct_reads_back_as_its_type() {
        let value = Buffered::Map(vec![
            (s("name"), s("n")),
            (s("size"), Buffered::I64(-3)),
            (s("tags"), Buffered::Seq(vec![s("a"), s("b")])),
            (
                s("shapes"),
                Buffered::Seq(vec![
                    s("Dot"),
                    Buffered::Map(vec![(s("Line"), Buffered::U64(2))]),
                    Buffered::Map(vec![(
                        s("Box"),
                        Buffered::Map(vec![(s("w"), Buffered::U64(4))]),
                    )]),
                ]),
            ),
            (s("flag"), Buffered::Bool(true)),
        ]);
        let thing: Thing = read(value).expect("read");
        assert_eq!(
            thing,
            Thing {
                name: "n".into(),
                size: Some(-3),
                tags: vec!["a".into(), "b".into()],
                shapes: vec![Shape::Dot, Shape::Line(2), Shape::Box { w: 4 }],
                flag: true,
            }
        );
    }

    #[test]
    fn a_buffered_value_of_the_wrong_shape_is_an_error() {
        assert!(read::<Thing>(Buffered::Seq(vec![s("x")])).is_err());
        assert!(read::<Vec<u64>>(Buffered::Seq(vec![s("x")])).is_err());
        assert!(read::<Shape>(Buffered::Bool(true)).is_err());
    }
}
