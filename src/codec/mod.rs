//! The codec layer: how models are read from and written to XML.
//!
//! Models implement [`FromXml`] and [`ToXml`]. Most do it through the crate's `xml_struct!`
//! macro; a model for a task this crate does not cover can implement both by hand with
//! [`ElementReader`] and [`XmlWriter`], or use [`RawElement`](crate::RawElement).

mod element;
#[cfg(feature = "arbitrary")]
pub(crate) mod fuzz;
pub(crate) mod macros;
pub(crate) mod syntax;
pub(crate) mod tokenizer;
mod values;
mod writer;

pub use element::ElementReader;
pub(crate) use element::RawEvents;
pub use values::datetime;
pub use writer::{Layout, XmlWriter};
pub(crate) use writer::{MASK, RawWriter, is_secret_name};

pub(crate) use values::{Bit, Cdata, Codec, Natural};

use crate::error::{DecodeError, DecodeErrorKind, EncodeError, Position};
use crate::limits::{Limit, Limits};
use crate::quirk::Quirks;
use tokenizer::{Token, Tokenizer};

/// An open enum: a set of known wire spellings, and `Other` for any value the server may add.
///
/// Every enum of this crate that stands for a server value set implements it (`JobStatus`,
/// `Product`, `RegistryStatus`, …). `from_wire(s).as_str() == s` for every `s`, and `from_wire`
/// returns `Other` exactly for the spellings not in [`KNOWN`](Self::KNOWN).
pub trait OpenEnum: Sized + 'static {
    /// Every known value, in declaration order.
    const KNOWN: &'static [Self];
    /// The wire spelling.
    fn as_str(&self) -> &str;
    /// The value for a wire spelling (exact match; anything else is kept as `Other`).
    fn from_wire(s: &str) -> Self;
    /// Whether this is a value the crate does not know (`Other`).
    fn is_other(&self) -> bool;
}

/// A value read from one element. The reader stands just after the element's start tag;
/// the implementation reads the element's content (up to its end tag).
pub trait FromXml: Sized {
    /// Reads the value from `el`.
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError>;
}

/// A value written as one element called `name`.
pub trait ToXml {
    /// Writes `<name>…</name>`.
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError>;
}

impl<T: FromXml> FromXml for Box<T> {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        T::from_xml(el).map(Box::new)
    }
}

impl<T: ToXml + ?Sized> ToXml for Box<T> {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        (**self).to_xml(name, w)
    }
}

/// Reads `child` into `slot`, which must still be empty: a second occurrence of an element
/// that may occur once is an error.
pub(crate) fn set_once<T: FromXml>(
    slot: &mut Option<T>,
    child: ElementReader<'_, '_>,
) -> Result<(), DecodeError> {
    if slot.is_some() {
        return Err(child.duplicate());
    }
    *slot = Some(T::from_xml(child)?);
    Ok(())
}

/// The input as text: a UTF-8 BOM is skipped, UTF-16 and invalid UTF-8 are refused, and so
/// is an input larger than `limits` allow (before anything else is read).
/// Returns the text and the offset where the document starts (after a BOM).
pub(crate) fn prepare<'i>(
    input: &'i [u8],
    limits: &Limits,
) -> Result<(&'i str, usize), DecodeError> {
    let utf16 = looks_like_utf16(input);
    // Before the root: an offset and no element path.
    let fail = |kind, at| DecodeError::new(kind, Position::locate(input, at), String::new());
    if input.len() > limits.max_document_size {
        let (limit, max) = (Limit::DocumentSize, limits.max_document_size);
        return Err(fail(DecodeErrorKind::LimitExceeded { limit, max }, max));
    }
    if utf16 {
        return Err(fail(
            DecodeErrorKind::UnsupportedEncoding("UTF-16".to_owned()),
            0,
        ));
    }
    let text = std::str::from_utf8(input)
        .map_err(|e| fail(DecodeErrorKind::InvalidUtf8, e.valid_up_to()))?;
    let start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    // XML 1.0 allows no control characters but tab, CR and LF, and neither U+FFFE nor U+FFFF,
    // written out any more than as character references.
    if let Some((at, code)) = first_non_xml_char(text) {
        return Err(fail(forbidden_char(code), at));
    }
    Ok((text, start))
}

/// The error for a character XML 1.0 does not allow in a document.
pub(crate) fn forbidden_char(code: u32) -> DecodeErrorKind {
    DecodeErrorKind::Syntax(format!("character U+{code:04X} is not allowed in XML 1.0"))
}

/// A UTF-16 BOM, or UTF-16 without one: `<` (or white space) next to a NUL byte.
pub(crate) fn looks_like_utf16(input: &[u8]) -> bool {
    matches!(
        input,
        [0xFF, 0xFE, ..]
            | [0xFE, 0xFF, ..]
            | [0, b'<' | b' ' | b'\t' | b'\r' | b'\n', ..]
            | [b'<' | b' ' | b'\t' | b'\r' | b'\n', 0, ..]
    )
}

/// The offset and code point of the first character XML 1.0 does not allow: a C0 control
/// other than tab, LF and CR, U+FFFE or U+FFFF (valid UTF-8 holds no surrogates). A byte scan,
/// for speed on large lists.
pub(crate) fn first_non_xml_char(text: &str) -> Option<(usize, u32)> {
    let bytes = text.as_bytes();
    let exact = |(i, &b): (usize, &u8)| match b {
        b'\t' | b'\n' | b'\r' => None,
        0..=0x1F => Some((i, u32::from(b))),
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        0xEF => match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(0xBF), Some(&last @ (0xBE | 0xBF))) => Some((i, 0xFFFE + u32::from(last - 0xBE))),
            _ => None,
        },
        _ => None,
    };
    // A test per chunk, without branches, of comparisons the compiler turns into vector
    // code; the exact scan only where it fires. Tab, LF and CR pass: indented documents hold
    // them everywhere. (0xEF starts U+FFFE and U+FFFF, and other characters, rarely.)
    let suspect = |b: u8| ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0xEF);
    const CHUNK: usize = 64;
    let chunk_suspect =
        |chunk: &[u8]| chunk.iter().fold(0u8, |acc, &b| acc | u8::from(suspect(b))) != 0;
    let exact_in = |n: usize, chunk: &[u8]| {
        chunk
            .iter()
            .enumerate()
            .find_map(|(i, b)| exact((n * CHUNK + i, b)))
    };
    // Whole chunks of a known length (the compiler unrolls and vectorizes them), then the
    // rest.
    let whole = bytes.chunks_exact(CHUNK);
    let rest = whole.remainder();
    let count = bytes.len() / CHUNK;
    whole
        .enumerate()
        .filter(|(_, chunk)| chunk_suspect(chunk))
        .find_map(|(n, chunk)| exact_in(n, chunk))
        .or_else(|| exact_in(count, rest))
}

/// Reads a whole document: finds the root element, hands it to `read`, then checks that
/// nothing but white space, comments or processing instructions follows.
pub(crate) fn read_document<'i, T>(
    src: &'i str,
    start: usize,
    limits: &Limits,
    read: impl FnOnce(ElementReader<'_, 'i>) -> Result<T, DecodeError>,
) -> Result<(T, Quirks), DecodeError> {
    let mut tok = Tokenizer::new(src, start, src.len(), Vec::new(), *limits);
    let value = loop {
        match tok.next().map_err(|e| *e)? {
            Token::Start { name, pos, attrs } => {
                break read(ElementReader::new(&mut tok, name, pos, attrs))?;
            }
            // The tokenizer refuses text outside the root and reports a missing root.
            _ => continue,
        }
    };
    while !matches!(tok.next().map_err(|e| *e)?, Token::Eof) {}
    Ok((value, tok.quirks))
}

/// The byte range of one element in the input, from its start tag to just after its end tag,
/// and the position where it starts (see [`ElementReader::skip_span`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) at: Position,
}

/// Reads one element again from its byte span (see [`ElementReader::skip_span`]), with
/// `prefix` as the path of its parent, under the same `limits`. Quirks found are added to
/// `quirks` (under its bound per kind).
pub(crate) fn read_span<'i, T>(
    src: &'i str,
    span: Span,
    prefix: Vec<&'i str>,
    limits: &Limits,
    quirks: &mut Quirks,
    read: impl FnOnce(ElementReader<'_, 'i>) -> Result<T, DecodeError>,
) -> Result<T, DecodeError> {
    let mut tok = Tokenizer::new(src, span.start, span.end, prefix, *limits);
    // Quirks inside are located from the span's start: reading many spans stays linear.
    tok.locate_from(span.at);
    let value = loop {
        match tok.next().map_err(|e| *e)? {
            Token::Start { name, pos, attrs } => {
                break read(ElementReader::new(&mut tok, name, pos, attrs))?;
            }
            _ => continue,
        }
    };
    quirks.extend(tok.quirks.into_vec());
    Ok(value)
}

/// Writes `value` as a whole document with root element `root`.
pub(crate) fn write_document<T: ToXml + ?Sized>(
    value: &T,
    root: &str,
    layout: Layout,
) -> Result<String, EncodeError> {
    let mut out = Vec::with_capacity(1024);
    let mut w = XmlWriter::new(&mut out, layout);
    w.declaration();
    value.to_xml(root, &mut w)?;
    w.check_size(root)?;
    if layout == Layout::Indented {
        out.push(b'\n');
    }
    // The writer only ever writes valid UTF-8 (names and text come from `&str`).
    String::from_utf8(out).map_err(|_| EncodeError::Missing("valid UTF-8 output"))
}

/// Writes `value` as a whole document with root element `root` into `sink`, through a
/// buffer of about 64 KiB. A value that cannot be encoded is an
/// [`io::ErrorKind::InvalidData`](std::io::ErrorKind::InvalidData) error wrapping the
/// [`EncodeError`]; what was written before it stays written.
pub(crate) fn write_document_to<T: ToXml + ?Sized>(
    value: &T,
    root: &str,
    layout: Layout,
    mut sink: impl std::io::Write,
) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    let mut w = XmlWriter::to_sink(&mut buf, &mut sink, layout);
    w.declaration();
    value
        .to_xml(root, &mut w)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    w.finish()?;
    if layout == Layout::Indented {
        sink.write_all(b"\n")?;
    }
    sink.flush()
}

#[cfg(test)]
mod tests {
    use super::first_non_xml_char;

    /// The chunked scan finds the first forbidden character wherever it sits, a three-byte
    /// U+FFFE / U+FFFF across a chunk boundary included, and lets everything else pass.
    #[test]
    fn forbidden_characters_are_found_at_chunk_boundaries() {
        for at in [0, 1, 62, 63, 64, 65, 127, 128, 1000] {
            for (bad, code) in [
                ("\u{0}", 0),
                ("\u{1F}", 0x1F),
                ("\u{FFFE}", 0xFFFE),
                ("\u{FFFF}", 0xFFFF),
            ] {
                let text = format!("{}{bad}{}", "a".repeat(at), "é€\t\r\n".repeat(40));
                assert_eq!(
                    first_non_xml_char(&text),
                    Some((at, code)),
                    "{bad:?} at {at}"
                );
            }
        }
        let fine = "<a>é€\u{FFFD}\u{EFFF}\u{10000}\t\r\n</a>".repeat(50);
        assert_eq!(first_non_xml_char(&fine), None);
    }
}
