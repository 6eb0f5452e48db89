//! [`Limits`]: how much a decoder accepts before it gives up with
//! [`DecodeErrorKind::LimitExceeded`](crate::DecodeErrorKind::LimitExceeded).
//!
//! The defaults are far above anything the gateway sends and far below what would exhaust a
//! thread's stack or the memory of a small machine. Change them only for input you trust
//! more (or less) than the gateway's:
//!
//! ```
//! use autodns_xml::{decode_request_with, Limit, Limits, DecodeErrorKind};
//!
//! let strict = Limits::default().with_max_text_len(16);
//! let xml = b"<request><auth><user>a-very-long-user-name</user></auth></request>";
//! let err = decode_request_with(xml, &strict).unwrap_err();
//! assert_eq!(
//!     err.kind(),
//!     &DecodeErrorKind::LimitExceeded { limit: Limit::TextLength, max: 16 }
//! );
//! ```

use std::fmt;

/// The limits a decoder enforces. `Limits::default()` is what [`decode_response`],
/// [`decode_request`] and [`Document::decode`] use; the `…_with` variants take your own.
///
/// [`decode_response`]: crate::decode_response
/// [`decode_request`]: crate::decode_request
/// [`Document::decode`]: crate::Document::decode
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// The deepest nesting of elements accepted (the root is level 1). Default
    /// [`DEFAULT_MAX_DEPTH`](Self::DEFAULT_MAX_DEPTH): real documents stay under 15 levels,
    /// and the recursive models (`where`, `msg`) stay far from the end of any thread's stack.
    pub max_depth: usize,
    /// The largest input, in bytes, a whole-document decode accepts. Checked before anything
    /// else is read. Default [`DEFAULT_MAX_DOCUMENT_SIZE`](Self::DEFAULT_MAX_DOCUMENT_SIZE).
    pub max_document_size: usize,
    /// The longest text, in bytes of UTF-8, one element may hold (its text, references and
    /// CDATA sections joined), and the most bytes of attributes one start tag may carry (all
    /// of them together). Default [`DEFAULT_MAX_TEXT_LEN`](Self::DEFAULT_MAX_TEXT_LEN).
    pub max_text_len: usize,
    /// The most attributes one start tag may carry. Default
    /// [`DEFAULT_MAX_ATTRIBUTES`](Self::DEFAULT_MAX_ATTRIBUTES).
    pub max_attributes: usize,
    /// The most bytes of input a stream ([`ListReader`](crate::ListReader)) keeps besides its
    /// entries, all results together: statuses, messages, the summary, the transaction ids
    /// and unknown children of the envelope and of `<data>`. The entries pass through; this
    /// bounds what stays. Whole-document decodes are bounded by `max_document_size` instead.
    /// Default [`DEFAULT_MAX_RETAINED`](Self::DEFAULT_MAX_RETAINED).
    pub max_retained: usize,
    /// The most [`Quirk`](crate::Quirk)s of one [`QuirkKind`](crate::QuirkKind) a decoded
    /// value (or a stream, between two [`take_quirks`](crate::ListReader::take_quirks)) lists:
    /// the first ones found. Further repairs of that kind are counted in the
    /// [`repeats`](crate::Quirk::repeats) of the last one listed, not stored, so a document
    /// of millions of repairs holds a few hundred quirks. Never an error; 0 counts as 1 (one
    /// is always listed, to carry the count). Default
    /// [`DEFAULT_MAX_QUIRKS_PER_KIND`](Self::DEFAULT_MAX_QUIRKS_PER_KIND).
    pub max_quirks_per_kind: usize,
}

impl Limits {
    /// 256 levels.
    pub const DEFAULT_MAX_DEPTH: usize = 256;
    /// 64 MiB: a list of tens of thousands of domains.
    pub const DEFAULT_MAX_DOCUMENT_SIZE: usize = 64 << 20;
    /// 8 MiB: a thousand times a CSR or a certificate chain.
    pub const DEFAULT_MAX_TEXT_LEN: usize = 8 << 20;
    /// 256 attributes (the gateway sends none).
    pub const DEFAULT_MAX_ATTRIBUTES: usize = 256;
    /// 8 MiB: a real list's envelope (a status and a few messages) holds a few kilobytes.
    pub const DEFAULT_MAX_RETAINED: usize = 8 << 20;
    /// 64 quirks of each kind: a real answer needs a few repairs, a long job list one per
    /// `DEFFERED` job; past 64 of a kind they are counted.
    pub const DEFAULT_MAX_QUIRKS_PER_KIND: usize = 64;

    /// Sets [`max_depth`](Self::max_depth).
    pub fn with_max_depth(mut self, max: usize) -> Self {
        self.max_depth = max;
        self
    }

    /// Sets [`max_document_size`](Self::max_document_size).
    pub fn with_max_document_size(mut self, max: usize) -> Self {
        self.max_document_size = max;
        self
    }

    /// Sets [`max_text_len`](Self::max_text_len).
    pub fn with_max_text_len(mut self, max: usize) -> Self {
        self.max_text_len = max;
        self
    }

    /// Sets [`max_attributes`](Self::max_attributes).
    pub fn with_max_attributes(mut self, max: usize) -> Self {
        self.max_attributes = max;
        self
    }

    /// Sets [`max_retained`](Self::max_retained).
    pub fn with_max_retained(mut self, max: usize) -> Self {
        self.max_retained = max;
        self
    }

    /// Sets [`max_quirks_per_kind`](Self::max_quirks_per_kind).
    pub fn with_max_quirks_per_kind(mut self, max: usize) -> Self {
        self.max_quirks_per_kind = max;
        self
    }

    /// The value of `limit`.
    pub fn get(&self, limit: Limit) -> usize {
        match limit {
            Limit::Depth => self.max_depth,
            Limit::DocumentSize => self.max_document_size,
            Limit::TextLength => self.max_text_len,
            Limit::Attributes => self.max_attributes,
            Limit::Retained => self.max_retained,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: Self::DEFAULT_MAX_DEPTH,
            max_document_size: Self::DEFAULT_MAX_DOCUMENT_SIZE,
            max_text_len: Self::DEFAULT_MAX_TEXT_LEN,
            max_attributes: Self::DEFAULT_MAX_ATTRIBUTES,
            max_retained: Self::DEFAULT_MAX_RETAINED,
            max_quirks_per_kind: Self::DEFAULT_MAX_QUIRKS_PER_KIND,
        }
    }
}

/// Which of the [`Limits`] an input exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_depth`].
    Depth,
    /// [`Limits::max_document_size`].
    DocumentSize,
    /// [`Limits::max_text_len`].
    TextLength,
    /// [`Limits::max_attributes`].
    Attributes,
    /// [`Limits::max_retained`].
    Retained,
}

impl Limit {
    /// The name of the [`Limits`] field, e.g. `max_depth`.
    pub fn field(self) -> &'static str {
        match self {
            Limit::Depth => "max_depth",
            Limit::DocumentSize => "max_document_size",
            Limit::TextLength => "max_text_len",
            Limit::Attributes => "max_attributes",
            Limit::Retained => "max_retained",
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.field())
    }
}
