//! XML syntax below the tolerant layer: names, characters, references and attributes.

use crate::error::DecodeErrorKind;
use quick_xml::events::BytesStart;
use std::borrow::Cow;

/// A start tag's raw attribute text, parsed only when someone asks for it.
#[derive(Debug, Clone)]
pub(crate) struct Attrs<'i>(Option<BytesStart<'i>>);

impl<'i> Attrs<'i> {
    /// The attributes of a start tag; a tag without any (the usual case) keeps nothing.
    pub(crate) fn of(start: BytesStart<'i>) -> Self {
        let raw = start.attributes_raw();
        if raw.is_empty() || raw.trim().is_empty() {
            return Attrs(None);
        }
        Attrs(Some(start))
    }

    pub(crate) fn none() -> Self {
        Attrs(None)
    }

    pub(crate) fn is_empty(&self) -> bool {
        // `of` keeps only tags with attributes.
        self.0.is_none()
    }

    /// The number of attributes, counted up to `max + 1` at most (a malformed one ends the
    /// count: [`parse`](Self::parse) reports it).
    pub(crate) fn count_up_to(&self, max: usize) -> usize {
        match &self.0 {
            None => 0,
            Some(s) => s
                .attributes()
                .with_checks(false)
                .take(max.saturating_add(1))
                .take_while(Result::is_ok)
                .count(),
        }
    }

    /// The length of the attributes' text in the start tag, in bytes.
    pub(crate) fn raw_len(&self) -> usize {
        self.0.as_ref().map_or(0, |s| s.attributes_raw().len())
    }

    /// Parses the attributes into `(name, value)` pairs, values unescaped.
    pub(crate) fn parse(&self) -> Result<Vec<(String, String)>, DecodeErrorKind> {
        let Some(start) = &self.0 else {
            return Ok(Vec::new());
        };
        if !separated(start.attributes_raw()) {
            return Err(DecodeErrorKind::Attribute(
                "attributes not separated by white space".to_owned(),
            ));
        }
        let mut out = Vec::new();
        for attr in start.attributes().with_checks(true) {
            let attr = attr.map_err(|e| DecodeErrorKind::Attribute(e.to_string()))?;
            let key: &str = attr.key.as_ref();
            if !is_xml_name(key) {
                return Err(DecodeErrorKind::Attribute(format!(
                    "{key:?} is not a valid attribute name"
                )));
            }
            // `<` is never allowed in an attribute value, not even where quick-xml reads on.
            if attr.value.contains('<') {
                return Err(DecodeErrorKind::Attribute(format!(
                    "`<` in the value of attribute {key:?}"
                )));
            }
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| DecodeErrorKind::Attribute(e.to_string()))?;
            out.push((attr.key.as_ref().to_owned(), value.into_owned()));
        }
        Ok(out)
    }
}

/// Whether every quoted attribute value is followed by white space or the end of the tag
/// (quick-xml reads `a='1'b='2'`, which XML does not allow).
fn separated(raw: &str) -> bool {
    let mut quote = None;
    let mut bytes = raw.bytes().peekable();
    while let Some(b) = bytes.next() {
        match quote {
            Some(q) if b == q => {
                quote = None;
                if bytes.peek().is_some_and(|n| !n.is_ascii_whitespace()) {
                    return false;
                }
            }
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None => {}
        }
    }
    true
}

/// Resolves a reference (`amp`, `#65`, `#x41`): the five predefined entities and character
/// references to characters XML 1.0 allows; anything else is an error.
pub(crate) fn resolve_reference(r: &str) -> Result<Cow<'static, str>, DecodeErrorKind> {
    let text = match r {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "apos" => "'",
        "quot" => "\"",
        _ if r.starts_with('#') => {
            // `&#` then decimal digits, or `x` then hex digits: no sign, no second `#`.
            let digits = r.get(1..).unwrap_or_default();
            let code = match digits.strip_prefix('x') {
                Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    u32::from_str_radix(hex, 16).ok()
                }
                None if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                    digits.parse::<u32>().ok()
                }
                _ => None,
            };
            return match code.and_then(char::from_u32).filter(|c| is_xml_char(*c)) {
                Some(c) => Ok(Cow::Owned(c.to_string())),
                None => Err(DecodeErrorKind::InvalidCharRef(r.to_owned())),
            };
        }
        _ => return Err(DecodeErrorKind::UnknownEntity(r.to_owned())),
    };
    Ok(Cow::Borrowed(text))
}

pub(crate) fn map_xml_error(e: &quick_xml::Error) -> DecodeErrorKind {
    match e {
        quick_xml::Error::Encoding(_) => DecodeErrorKind::InvalidUtf8,
        other => DecodeErrorKind::Syntax(other.to_string()),
    }
}

/// `text` without XML white space (space, tab, CR, LF) at its ends: the only white space a
/// value is trimmed of. Any other (NBSP, EM SPACE, NEL, U+3000) is part of the value.
pub(crate) fn trim_xml(text: &str) -> &str {
    text.trim_matches([' ', '\t', '\r', '\n'])
}

pub(crate) fn is_blank(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Whether `name` matches XML 1.0's `Name` production.
pub(crate) fn is_xml_name(name: &str) -> bool {
    fn is_start(c: char) -> bool {
        matches!(c, ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
            | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
            | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
            | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
            | '\u{10000}'..='\u{EFFFF}')
    }
    // Every name of this protocol is ASCII: decide those bytewise, with a table (bit 0: may
    // start a name, bit 1: may continue one; non-ASCII bytes have neither).
    // Indices below 256 by construction.
    #[allow(clippy::indexing_slicing)]
    const CLASS: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut b = 0u8;
        while b < 0x80 {
            let start = b.is_ascii_alphabetic() || b == b'_' || b == b':';
            let next = start || b.is_ascii_digit() || b == b'-' || b == b'.';
            table[b as usize] = (start as u8) | ((next as u8) << 1);
            b += 1;
        }
        table
    };
    let class = |c: u8| CLASS.get(usize::from(c)).copied().unwrap_or(0);
    let b = name.as_bytes();
    if b.first().is_some_and(|&c| class(c) & 1 != 0) && b.iter().all(|&c| class(c) & 2 != 0) {
        return true;
    }
    if name.is_ascii() {
        return false;
    }
    let mut chars = name.chars();
    chars.next().is_some_and(is_start)
        && chars.all(|c| {
            is_start(c)
                || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
        })
}

/// Whether XML 1.0 allows `c` in a document.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}
