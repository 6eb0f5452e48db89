//! Typed errors for decoding and encoding.
//!
//! Every [`DecodeError`] says *what* went wrong ([`DecodeErrorKind`]), *where* in the bytes
//! ([`Position`]: line, column and byte offset) and *where in the document* (the element path,
//! e.g. `response/result/data/certificate_job/job/id`). No error ever quotes a password or token.

use crate::limits::Limit;
use std::fmt;

/// A place in the input: 1-based line and column (in characters), and the 0-based byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in Unicode scalar values.
    pub column: u32,
    /// 0-based byte offset into the input.
    pub offset: usize,
}

impl Position {
    /// Computes the line and column of `offset` in `input`.
    ///
    /// Offsets past the end are clamped; an offset inside a multi-byte character counts
    /// that character as started.
    pub fn locate(input: &[u8], offset: usize) -> Self {
        Locator::default().locate(input, offset)
    }
}

/// Computes positions for offsets that mostly grow, in time proportional to the distance
/// moved (so thousands of quirks in one large document cost one pass, not one pass each).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Locator {
    offset: usize,
    line: usize,
    /// Characters between the last line start and `offset`.
    chars: usize,
    /// The input is not the start of a document: a U+FEFF at its start is a character.
    no_bom: bool,
}

impl Locator {
    /// A locator for a part of a document: a U+FEFF at its start is not a byte-order mark.
    pub(crate) fn without_bom() -> Self {
        Locator {
            no_bom: true,
            ..Locator::default()
        }
    }

    /// A locator standing at `at` (a position found earlier in the same input): locating
    /// offsets after it costs only the distance from it.
    pub(crate) fn starting_at(at: Position) -> Self {
        Locator {
            offset: at.offset,
            line: usize::try_from(at.line.saturating_sub(1)).unwrap_or(usize::MAX),
            chars: usize::try_from(at.column.saturating_sub(1)).unwrap_or(usize::MAX),
            no_bom: true,
        }
    }

    pub(crate) fn locate(&mut self, input: &[u8], offset: usize) -> Position {
        let offset = offset.min(input.len());
        if offset < self.offset {
            *self = Locator {
                no_bom: self.no_bom,
                ..Locator::default()
            };
        }
        // A byte-order mark is not a column of the first line.
        if self.offset == 0 && !self.no_bom && offset >= 3 && input.starts_with(&[0xEF, 0xBB, 0xBF])
        {
            self.offset = 3;
        }
        let bytes = input.get(self.offset..offset).unwrap_or_default();
        if memchr::memchr(b'\r', bytes).is_none() {
            // Without CR: count line feeds, then the characters after the last one.
            let lines = count(bytes, |b| b == b'\n');
            let tail = match memchr::memrchr(b'\n', bytes) {
                Some(last) => {
                    self.chars = 0;
                    bytes.get(last + 1..).unwrap_or_default()
                }
                None => bytes,
            };
            self.line += lines;
            self.chars += count(tail, |b| (b & 0xC0) != 0x80);
            self.offset = offset;
            return self.position();
        }
        for (i, &b) in bytes.iter().enumerate() {
            // A line ends at LF, CR LF or a lone CR, as XML 1.0 normalises them.
            let lone_cr = b == b'\r' && input.get(self.offset + i + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                self.line += 1;
                self.chars = 0;
            } else if (b & 0xC0) != 0x80 {
                self.chars += 1;
            }
        }
        self.offset = offset;
        self.position()
    }

    fn position(&self) -> Position {
        Position {
            line: u32::try_from(self.line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(self.chars + 1).unwrap_or(u32::MAX),
            offset: self.offset,
        }
    }
}

impl Position {
    /// This position, found in a part of the input that starts at `base`, as a position in
    /// the whole input.
    pub(crate) fn rebased(self, base: Position) -> Position {
        Position {
            line: base.line.saturating_add(self.line.saturating_sub(1)),
            column: if self.line <= 1 {
                base.column.saturating_add(self.column.saturating_sub(1))
            } else {
                self.column
            },
            offset: base.offset.saturating_add(self.offset),
        }
    }
}

/// How many bytes of `bytes` satisfy `test`: counted in whole 64-byte chunks into a `u8`,
/// which the compiler turns into wide vector compares and adds, then the rest.
fn count(bytes: &[u8], test: impl Fn(u8) -> bool) -> usize {
    const CHUNK: usize = 64;
    let whole = bytes.chunks_exact(CHUNK);
    let rest = whole.remainder();
    let in_chunk = |chunk: &[u8]| {
        chunk
            .iter()
            .fold(0u8, |n, &b| n.wrapping_add(u8::from(test(b))))
    };
    let mut n: usize = whole.map(|chunk| usize::from(in_chunk(chunk))).sum();
    n += rest.iter().filter(|&&b| test(b)).count();
    n
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// What went wrong while decoding. Match on the variants for the detail, or on
/// [`category`](Self::category) for the broad class (the enum is `#[non_exhaustive]`).
///
/// ```
/// use autodns_xml::{DecodeErrorKind, ErrorCategory, decode_request};
///
/// let cases: [(&[u8], ErrorCategory); 4] = [
///     (b"<request><auth>", ErrorCategory::NotWellFormed), // UnexpectedEof
///     (b"<!DOCTYPE request><request/>", ErrorCategory::Forbidden), // Doctype
///     (b"<response/>", ErrorCategory::UnexpectedElement), // UnexpectedRoot
///     (b"<request><task><code>0905</code></task></request>", ErrorCategory::MissingElement),
/// ];
/// for (xml, category) in cases {
///     assert_eq!(decode_request(xml).unwrap_err().category(), category);
/// }
/// let err = decode_request(b"<request><task><code>0905</code></task></request>").unwrap_err();
/// match err.kind() {
///     DecodeErrorKind::MissingElement(name) => assert_eq!(*name, "auth"),
///     other => panic!("another error: {other}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The bytes are not well-formed XML (a broken tag, an unclosed comment, …).
    #[error("not well-formed XML: {}", one_line(.0))]
    Syntax(String),
    /// An end tag that does not close the open element (and is not a known server quirk).
    #[error("mismatched end tag </{found}>, expected </{expected}>")]
    MismatchedEndTag {
        /// The element that is open.
        expected: String,
        /// The end tag that was found.
        found: String,
    },
    /// An end tag with no open element.
    #[error("end tag </{0}> without a start tag")]
    UnmatchedEndTag(String),
    /// The input ended while elements were still open.
    #[error("unexpected end of input inside <{0}>")]
    UnexpectedEof(String),
    /// The input holds no root element.
    #[error("no root element")]
    NoRootElement,
    /// A second element after the root element closed.
    #[error("a second root element <{0}>")]
    MultipleRoots(String),
    /// Text (other than white space) outside the root element.
    #[error("text outside the root element")]
    TextOutsideRoot,
    /// An entity reference other than the five predefined ones and character references.
    #[error("unknown entity &{};", one_line(.0))]
    UnknownEntity(String),
    /// A character reference to a character XML 1.0 does not allow.
    #[error("invalid character reference &{};", one_line(.0))]
    InvalidCharRef(String),
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8")]
    InvalidUtf8,
    /// The XML declaration names an encoding other than UTF-8, or the input is UTF-16.
    #[error("unsupported encoding {:?} (only UTF-8 is supported)", excerpt(.0))]
    UnsupportedEncoding(String),
    /// A DOCTYPE declaration: refused so that no entity is ever expanded or fetched.
    #[error("DOCTYPE declarations are not allowed")]
    Doctype,
    /// A malformed attribute.
    #[error("malformed attribute: {}", one_line(.0))]
    Attribute(String),
    /// The input exceeds one of the decoder's [`Limits`](crate::Limits): nesting too deep, a
    /// document too large, a text too long, too many attributes.
    #[error("{}", limit_exceeded(*.limit, *.max))]
    LimitExceeded {
        /// Which limit.
        limit: Limit,
        /// Its value.
        max: usize,
    },
    /// An element where the model does not allow one (for example inside a text value).
    #[error("unexpected element <{found}> ({expected})")]
    UnexpectedElement {
        /// The element found.
        found: String,
        /// What the decoder expected there.
        expected: &'static str,
    },
    /// A root element other than the one expected.
    #[error("unexpected root element <{found}>, expected {expected}")]
    UnexpectedRoot {
        /// The root element found.
        found: String,
        /// The root elements accepted here.
        expected: &'static str,
    },
    /// Text inside an element that holds only elements.
    #[error("unexpected text {0:?} in an element that holds only elements")]
    UnexpectedText(String),
    /// A required element is missing.
    #[error("missing required element <{0}>")]
    MissingElement(&'static str),
    /// An element that may occur once occurred again.
    #[error("element <{0}> occurs more than once")]
    DuplicateElement(String),
    /// A success or notify status of another task than the one the answer was decoded for
    /// (`decode_response::<DomainCreate>` of an `S0105`, a [`ListReader`](crate::ListReader)
    /// of certificate jobs over a domain list). An error status of any task still decodes, so
    /// that a failed login reaches the caller.
    #[error("status {found} answers another task than {expected}")]
    WrongTask {
        /// What the caller decodes for: `task 0101`, `a list of <certificate_job>`.
        expected: String,
        /// The status code read (`S0105`).
        found: String,
    },
    /// A value that does not parse as its type.
    #[error("invalid value {value:?} for <{field}>: expected {expected}")]
    InvalidValue {
        /// The element holding the value.
        field: String,
        /// The offending text, truncated to 64 characters.
        value: String,
        /// What was expected, e.g. "an unsigned integer".
        expected: &'static str,
    },
}

fn limit_exceeded(limit: Limit, max: usize) -> String {
    let what = match limit {
        Limit::Depth => format!("elements nested deeper than {max} levels"),
        Limit::DocumentSize => format!("document larger than {max} bytes"),
        Limit::TextLength => format!("text longer than {max} bytes"),
        Limit::Attributes => format!("more than {max} attributes on one element"),
        Limit::Retained => format!("more than {max} bytes kept beside a stream's entries"),
    };
    format!("{what} (limit {limit})")
}

/// The broad class of a [`DecodeErrorKind`], to match on when the detail does not matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCategory {
    /// The bytes are not well-formed XML: broken markup, mismatched or missing tags, a
    /// second root, text outside the root, an unknown entity, a forbidden character.
    NotWellFormed,
    /// Well-formed XML this decoder refuses on principle: a DOCTYPE (no entity is ever
    /// declared, expanded or fetched).
    Forbidden,
    /// The input is not UTF-8: another declared encoding, UTF-16, or invalid UTF-8 bytes.
    UnsupportedEncoding,
    /// An element (or text) where the model allows none: a wrong root, a repeated singleton,
    /// a child inside a value, text among elements.
    UnexpectedElement,
    /// A value that does not parse as its type.
    InvalidValue,
    /// A required element is missing.
    MissingElement,
    /// The input exceeds one of the decoder's [`Limits`](crate::Limits).
    LimitExceeded,
    /// The answer is another task's (see [`DecodeErrorKind::WrongTask`]).
    WrongTask,
}

impl DecodeErrorKind {
    /// The broad class of this error.
    pub fn category(&self) -> ErrorCategory {
        use DecodeErrorKind as K;
        match self {
            K::Syntax(_)
            | K::MismatchedEndTag { .. }
            | K::UnmatchedEndTag(_)
            | K::UnexpectedEof(_)
            | K::NoRootElement
            | K::MultipleRoots(_)
            | K::TextOutsideRoot
            | K::UnknownEntity(_)
            | K::InvalidCharRef(_)
            | K::Attribute(_) => ErrorCategory::NotWellFormed,
            K::Doctype => ErrorCategory::Forbidden,
            K::InvalidUtf8 | K::UnsupportedEncoding(_) => ErrorCategory::UnsupportedEncoding,
            K::UnexpectedElement { .. }
            | K::UnexpectedRoot { .. }
            | K::UnexpectedText(_)
            | K::DuplicateElement(_) => ErrorCategory::UnexpectedElement,
            K::InvalidValue { .. } => ErrorCategory::InvalidValue,
            K::MissingElement(_) => ErrorCategory::MissingElement,
            K::LimitExceeded { .. } => ErrorCategory::LimitExceeded,
            K::WrongTask { .. } => ErrorCategory::WrongTask,
        }
    }
}

/// A decoding error: its kind, where it happened and in which element. Its `Display` is one
/// line, fit for a log; no error quotes a password or token.
///
/// ```
/// use autodns_xml::domain::DomainInfo;
/// use autodns_xml::{DecodeErrorKind, ErrorCategory, decode_response};
///
/// let xml = b"<response><result><data><domain><name>example.com</name>\n\
///             <ownerc>abc</ownerc></domain></data>\
///             <status><code>S0105</code></status></result></response>";
/// let err = decode_response::<DomainInfo>(xml).unwrap_err();
/// assert_eq!(err.category(), ErrorCategory::InvalidValue);
/// match err.kind() {
///     DecodeErrorKind::InvalidValue { field, value, expected } => {
///         assert_eq!((field.as_str(), value.as_str()), ("ownerc", "abc"));
///         assert_eq!(*expected, "an unsigned integer");
///     }
///     other => panic!("another error: {other}"),
/// }
/// assert_eq!(err.path(), "response/result/data/domain/ownerc");
/// assert_eq!((err.position().line, err.position().column), (2, 1)); // at `<ownerc>`
/// assert_eq!(
///     err.to_string(),
///     "invalid value \"abc\" for <ownerc>: expected an unsigned integer \
///      in response/result/data/domain/ownerc at line 2, column 1"
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Boxed: every `Result<_, DecodeError>` of the decoder stays one pointer wide on its
    /// error side, which the hot paths (each child, each value) return.
    inner: Box<Inner>,
}

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: DecodeErrorKind,
    position: Position,
    path: String,
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("kind", &self.inner.kind)
            .field("position", &self.inner.position)
            .field("path", &self.inner.path)
            .finish()
    }
}

impl DecodeError {
    pub(crate) fn new(mut kind: DecodeErrorKind, position: Position, mut path: String) -> Self {
        redact(&mut kind, &mut path);
        DecodeError {
            inner: Box::new(Inner {
                kind,
                position,
                path,
            }),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &DecodeErrorKind {
        &self.inner.kind
    }

    /// The broad class of what went wrong (see [`DecodeErrorKind::category`]).
    pub fn category(&self) -> ErrorCategory {
        self.inner.kind.category()
    }

    /// Where in the input.
    pub fn position(&self) -> Position {
        self.inner.position
    }

    /// The same error, found in a part of the input that starts at `base`.
    pub(crate) fn rebased(mut self, base: Position) -> Self {
        self.inner.position = self.inner.position.rebased(base);
        self
    }

    /// The element path at the error, e.g. `response/result/data/certificate_job/job/id`
    /// (empty before the root element).
    pub fn path(&self) -> &str {
        &self.inner.path
    }
}

impl fmt::Display for DecodeError {
    /// One line: `<what> in <path> at line L, column C`. A path deeper than 12 elements is
    /// shortened to its first and last 4 (the whole path is in [`path`](Self::path)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.inner.kind)?;
        if !self.inner.path.is_empty() {
            let parts: Vec<&str> = self.inner.path.split('/').collect();
            match (
                parts.get(..4),
                parts.len().checked_sub(4).and_then(|i| parts.get(i..)),
            ) {
                (Some(head), Some(tail)) if parts.len() > 12 => {
                    write!(f, " in {}/…/{}", head.join("/"), tail.join("/"))?;
                }
                _ => write!(f, " in {}", self.inner.path)?,
            }
        }
        write!(f, " at {}", self.inner.position)
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner.kind)
    }
}

/// An encoding error: the value cannot be written as a valid document.
///
/// ```
/// use autodns_xml::domain::{DomainCreate, DomainInfo};
/// use autodns_xml::{Auth, EncodeError, Request};
///
/// let auth = Auth::new("user", "secret", "4");
/// let create = DomainCreate::new("example.com").ownerc(1).adminc(2).techc(2); // no name server
/// let err = Request::new(auth.clone()).task(create).to_xml().unwrap_err();
/// assert_eq!(err, EncodeError::Missing("at least one <nserver> is required"));
///
/// // A character XML 1.0 cannot hold, named with its element.
/// let err = Request::new(auth).task(DomainInfo::new("example\u{0}.com")).to_xml().unwrap_err();
/// assert_eq!(err, EncodeError::InvalidChar { element: "name".to_owned(), code: 0 });
/// assert_eq!(err.to_string(), "<name> holds U+0000, which XML 1.0 cannot represent");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EncodeError {
    /// A string holds a character XML 1.0 cannot represent (e.g. U+0000 or U+FFFE).
    #[error("<{element}> holds U+{code:04X}, which XML 1.0 cannot represent")]
    InvalidChar {
        /// The element whose value holds the character.
        element: String,
        /// The character's code point.
        code: u32,
    },
    /// An element name that is not a valid XML name (in a raw element built by hand).
    #[error("{0:?} is not a valid XML element name")]
    InvalidName(String),
    /// Two attributes of one name on an element (in a raw element built by hand).
    #[error("<{element}> has two attributes named {attribute:?}")]
    DuplicateAttribute {
        /// The element.
        element: String,
        /// The attribute name.
        attribute: String,
    },
    /// Something the server requires is missing or empty.
    #[error("{0}")]
    Missing(&'static str),
    /// A task body that does not belong to the task's code.
    #[error("task {code} cannot carry {body}")]
    BodyMismatch {
        /// The task code.
        code: String,
        /// The body's element.
        body: &'static str,
    },
    /// A task code that is not 1 to 12 ASCII digits.
    #[error("invalid task code {0:?}")]
    InvalidTaskCode(String),
    /// The document would exceed one of the [`Limits`](crate::Limits) its decoder enforces
    /// (a text longer than `max_text_len`, nesting deeper than `max_depth`, …): what the
    /// encoder writes, the decoder reads back.
    #[error("<{element}> exceeds the limit {limit} ({max})")]
    LimitExceeded {
        /// The element being written.
        element: String,
        /// Which limit.
        limit: crate::Limit,
        /// Its value.
        max: usize,
    },
}

/// Inside `auth`, anything an error would quote from the input (an entity name, a tag name,
/// text, an attribute) may be part of a password or token, or what is left of one after a
/// broken tag: all of it but the names of `auth`'s own elements is replaced by `***`, and the
/// path stops at `auth`'s child (if it is one of those) or at `auth`.
fn redact(kind: &mut DecodeErrorKind, path: &mut String) {
    const KNOWN: [&str; 5] = ["auth", "user", "password", "context", "token"];
    let parts: Vec<&str> = path.split('/').collect();
    let Some(at) = parts.iter().position(|p| *p == "auth") else {
        return;
    };
    let keep = match parts.get(at + 1) {
        Some(child) if KNOWN.contains(child) => at + 2,
        _ => at + 1,
    };
    let mask = |s: &mut String| {
        if !KNOWN.contains(&s.as_str()) {
            *s = "***".to_owned();
        }
    };
    match kind {
        DecodeErrorKind::MismatchedEndTag { expected, found } => {
            mask(expected);
            mask(found);
        }
        DecodeErrorKind::UnmatchedEndTag(s)
        | DecodeErrorKind::UnexpectedEof(s)
        | DecodeErrorKind::MultipleRoots(s)
        | DecodeErrorKind::UnknownEntity(s)
        | DecodeErrorKind::InvalidCharRef(s)
        | DecodeErrorKind::UnexpectedText(s)
        | DecodeErrorKind::DuplicateElement(s)
        | DecodeErrorKind::Attribute(s)
        | DecodeErrorKind::UnexpectedElement { found: s, .. }
        | DecodeErrorKind::UnexpectedRoot { found: s, .. } => mask(s),
        DecodeErrorKind::InvalidValue { field, value, .. } => {
            mask(field);
            *value = "***".to_owned();
        }
        _ => {}
    }
    *path = parts.get(..keep).unwrap_or(&parts).join("/");
}

/// How many characters of the input an error message quotes.
const EXCERPT_MAX: usize = 64;

/// Text from the input, fit for a one-line message: truncated, control characters escaped.
fn one_line(text: &str) -> String {
    excerpt_line(text, EXCERPT_MAX)
}

/// `text` fit for a one-line message: cut after `max` characters (marked `…`), control
/// characters escaped.
pub(crate) fn excerpt_line(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in excerpt_max(text, max).chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// Truncates a value for quoting in an error message.
pub(crate) fn excerpt(text: &str) -> String {
    excerpt_max(text, EXCERPT_MAX)
}

fn excerpt_max(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or(text)),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The incremental locator agrees with a from-scratch count at every offset, moving
    /// forward, backward (reset) and within multi-byte characters; a lone CR ends a line like
    /// LF (CR LF once), and a BOM takes no column.
    #[test]
    fn locator_matches_a_fresh_count() {
        let input = "\u{FEFF}ab\ncä€𝄞\n\nx<y>\r\nmac\rlast\r".as_bytes();
        let fresh = |offset: usize| {
            let (mut line, mut column) = (1, 1);
            for i in 3..offset {
                let b = input[i];
                let lone_cr = b == b'\r' && input.get(i + 1) != Some(&b'\n');
                if b == b'\n' || lone_cr {
                    (line, column) = (line + 1, 1);
                } else if (b & 0xC0) != 0x80 {
                    column += 1;
                }
            }
            (line, column)
        };
        let mut locator = Locator::default();
        let offsets: Vec<usize> = (3..=input.len()).chain([5, 3, input.len(), 4, 9]).collect();
        for offset in offsets {
            let p = locator.locate(input, offset);
            assert_eq!((p.line, p.column), fresh(offset), "offset {offset}");
            assert_eq!(p.offset, offset);
        }
        assert_eq!(Position::locate(input, usize::MAX).offset, input.len());
        assert_eq!(Position::locate(b"a\rb", 2).line, 2);
    }
}
