//! XML syntax below the tolerant layer: names, characters, references and attributes.

use crate::error::DecodeErrorKind;
use std::borrow::Cow;

/// A start tag's raw attribute text (after its name, up to `>` or `/>`), parsed only when
/// someone asks for it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attrs<'i>(&'i str);

impl<'i> Attrs<'i> {
    /// The attributes of a start tag from their raw text; a tag without any (the usual case)
    /// keeps nothing.
    pub(crate) fn of(raw: &'i str) -> Self {
        if is_blank(raw) {
            return Attrs("");
        }
        Attrs(raw)
    }

    pub(crate) fn none() -> Self {
        Attrs("")
    }

    pub(crate) fn is_empty(&self) -> bool {
        // `of` keeps only tags with attributes.
        self.0.is_empty()
    }

    /// The number of attributes, counted up to `max + 1` at most (a malformed one ends the
    /// count: [`parse`](Self::parse) reports it).
    pub(crate) fn count_up_to(&self, max: usize) -> usize {
        RawAttrs::new(self.0)
            .take(max.saturating_add(1))
            .take_while(Result::is_ok)
            .count()
    }

    /// The length of the attributes' text in the start tag, in bytes.
    pub(crate) fn raw_len(&self) -> usize {
        self.0.len()
    }

    /// Parses the attributes into `(name, value)` pairs, values normalized as XML 1.0 says
    /// (references resolved, each white space character a space, `\r\n` one space).
    pub(crate) fn parse(&self) -> Result<Vec<(String, String)>, DecodeErrorKind> {
        let mut out: Vec<(String, String)> = Vec::new();
        for attr in RawAttrs::new(self.0) {
            let (key, value) = attr.map_err(DecodeErrorKind::Attribute)?;
            if !is_xml_name(key) {
                return Err(DecodeErrorKind::Attribute(format!(
                    "{key:?} is not a valid attribute name"
                )));
            }
            // The count is bounded by the attribute limit before `parse` runs.
            if out.iter().any(|(k, _)| k == key) {
                return Err(DecodeErrorKind::Attribute(format!(
                    "duplicate attribute {key:?}"
                )));
            }
            // `<` is never allowed in an attribute value.
            if value.contains('<') {
                return Err(DecodeErrorKind::Attribute(format!(
                    "`<` in the value of attribute {key:?}"
                )));
            }
            let value = normalize_attribute(value).map_err(DecodeErrorKind::Attribute)?;
            out.push((key.to_owned(), value.into_owned()));
        }
        Ok(out)
    }
}

/// The `name="value"` pairs of a start tag's (or an XML declaration's) raw text, values
/// raw; an error (a message) for the first malformed one, then nothing.
pub(crate) struct RawAttrs<'i> {
    text: &'i str,
    at: usize,
    failed: bool,
}

impl<'i> RawAttrs<'i> {
    pub(crate) fn new(text: &'i str) -> Self {
        RawAttrs {
            text,
            at: 0,
            failed: false,
        }
    }

    fn skip_blank(&mut self) {
        let bytes = self.text.as_bytes();
        while bytes.get(self.at).copied().is_some_and(is_blank_byte) {
            self.at += 1;
        }
    }

    fn pair(&mut self) -> Result<(&'i str, &'i str), String> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        while bytes
            .get(self.at)
            .is_some_and(|&b| !is_blank_byte(b) && b != b'=')
        {
            self.at += 1;
        }
        let key = self.text.get(start..self.at).unwrap_or_default();
        if key.is_empty() {
            return Err("an attribute without a name".to_owned());
        }
        self.skip_blank();
        if bytes.get(self.at) != Some(&b'=') {
            return Err(format!("attribute {key:?} without a value"));
        }
        self.at += 1;
        self.skip_blank();
        let quote = match bytes.get(self.at) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => return Err(format!("the value of attribute {key:?} is not quoted")),
        };
        let from = self.at + 1;
        let Some(len) = bytes
            .get(from..)
            .and_then(|rest| memchr::memchr(quote, rest))
        else {
            return Err(format!("the value of attribute {key:?} is not closed"));
        };
        let value = self.text.get(from..from + len).unwrap_or_default();
        self.at = from + len + 1;
        if bytes.get(self.at).is_some_and(|&b| !is_blank_byte(b)) {
            return Err("attributes not separated by white space".to_owned());
        }
        Ok((key, value))
    }
}

impl<'i> Iterator for RawAttrs<'i> {
    type Item = Result<(&'i str, &'i str), String>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        self.skip_blank();
        if self.at >= self.text.len() {
            return None;
        }
        let pair = self.pair();
        self.failed = pair.is_err();
        Some(pair)
    }
}

/// An attribute value normalized as XML 1.0 says: references resolved, tab, LF and CR each a
/// space (CR LF one space); the error quotes the offending reference with its range in the
/// value.
pub(crate) fn normalize_attribute(value: &str) -> Result<Cow<'_, str>, String> {
    let bytes = value.as_bytes();
    let special = |b: &u8| matches!(b, b'\t' | b'\n' | b'\r' | b'&');
    let Some(first) = bytes.iter().position(special) else {
        return Ok(Cow::Borrowed(value));
    };
    let mut out = String::with_capacity(value.len());
    let (mut last, mut at) = (0, first);
    loop {
        out.push_str(value.get(last..at).unwrap_or_default());
        match bytes.get(at) {
            Some(b'&') => {
                let start = at + 1;
                let Some(len) = bytes.get(start..).and_then(|r| memchr::memchr(b';', r)) else {
                    return Err(format!(
                        "at {at}..{}: a reference without its `;`",
                        value.len()
                    ));
                };
                let end = start + len;
                let name = value.get(start..end).unwrap_or_default();
                match resolve_reference(name) {
                    Ok(text) => out.push_str(&text),
                    Err(DecodeErrorKind::InvalidCharRef(_)) => {
                        return Err(format!(
                            "at {start}..{end}: invalid character reference `{name}`"
                        ));
                    }
                    Err(_) => {
                        return Err(format!("at {start}..{end}: unrecognized entity `{name}`"));
                    }
                }
                last = end + 1;
            }
            Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => {
                out.push(' ');
                last = at + 2;
            }
            Some(_) => {
                out.push(' ');
                last = at + 1;
            }
            None => break,
        }
        match bytes
            .get(last..)
            .and_then(|rest| rest.iter().position(special))
        {
            Some(i) => at = last + i,
            None => {
                out.push_str(value.get(last..).unwrap_or_default());
                break;
            }
        }
    }
    Ok(Cow::Owned(out))
}

/// Text with its line ends normalized as XML 1.0 says: CR LF and a lone CR each one LF.
pub(crate) fn normalize_line_ends(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

fn is_blank_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
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

/// `text` without XML white space (space, tab, CR, LF) at its ends: the only white space a
/// value is trimmed of. Any other (NBSP, EM SPACE, NEL, U+3000) is part of the value.
#[inline]
pub(crate) fn trim_xml(text: &str) -> &str {
    let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    // The usual value has nothing to trim: two byte tests.
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if !blank(first) && !blank(last) => text,
        _ => text.trim_matches([' ', '\t', '\r', '\n']),
    }
}

pub(crate) fn is_blank(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

// Every name of this protocol is ASCII: decide those bytewise, with a table (bit 0: may
// start a name, bit 1: may continue one; non-ASCII bytes have neither).
// Indices below 256 by construction.
#[allow(clippy::indexing_slicing)]
const NAME_CLASS: [u8; 256] = {
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

/// The class of an ASCII byte in a name: bit 0 set if it may start one, bit 1 if it may
/// continue one; 0 for every other byte (non-ASCII names take the slow path).
#[inline]
pub(crate) fn name_class(b: u8) -> u8 {
    NAME_CLASS.get(usize::from(b)).copied().unwrap_or(0)
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
    let class = name_class;
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
