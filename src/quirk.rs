//! Server quirks the decoder repaired, reported to the caller.
//!
//! The AutoDNS gateway is known to send a few things that are wrong. The decoder accepts
//! exactly those, repairs them, and records one [`Quirk`] per repair on the decoded value
//! (`Response::quirks`, `Request::quirks`), so that nothing is silently swallowed.

use crate::error::Position;
use std::fmt;

/// One repaired server quirk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quirk {
    /// What was repaired.
    pub kind: QuirkKind,
    /// Where it was in the input.
    pub position: Position,
}

impl Quirk {
    /// The same quirk, found in a part of the input that starts at `base`.
    pub(crate) fn rebased(mut self, base: crate::Position) -> Self {
        self.position = self.position.rebased(base);
        self
    }
}

/// The kinds of quirk the decoder repairs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum QuirkKind {
    /// A start tag closed by an end tag of another name, e.g. `<context4>9</context>` in the
    /// 400114 answer; the element is read as `closed_by`.
    MismatchedEndTag {
        /// The start tag's name as sent (`context4`).
        opened: String,
        /// The end tag's name (`context`), which the element is read as.
        closed_by: String,
    },
    /// A known misspelling of a value, e.g. `DEFFERED` for `DEFERRED`; it is read as the
    /// intended value and re-encoded as sent.
    MisspelledValue {
        /// The element holding the value.
        element: String,
        /// The value as sent.
        sent: String,
        /// The value it stands for.
        means: &'static str,
    },
    /// End tags repeated after the root element closed (`</stid></response>` twice).
    DuplicatedTail {
        /// The repeated end tags, in order.
        tags: Vec<String>,
    },
    /// Attributes on an element the model reads as a value or a fixed structure; the
    /// attributes were ignored.
    IgnoredAttributes {
        /// The element that carried them.
        element: String,
    },
}

impl fmt::Display for QuirkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuirkKind::MismatchedEndTag { opened, closed_by } => {
                write!(
                    f,
                    "start tag <{opened}> closed by </{closed_by}>: read as <{closed_by}>"
                )
            }
            QuirkKind::MisspelledValue {
                element,
                sent,
                means,
            } => {
                write!(f, "value {sent} in <{element}> read as {means}")
            }
            QuirkKind::DuplicatedTail { tags } => {
                write!(f, "end tags repeated after the root element: ")?;
                for t in tags {
                    write!(f, "</{t}>")?;
                }
                Ok(())
            }
            QuirkKind::IgnoredAttributes { element } => {
                write!(f, "attributes on <{element}> ignored")
            }
        }
    }
}

impl fmt::Display for Quirk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}", self.kind, self.position)
    }
}
