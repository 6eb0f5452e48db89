//! Server quirks the decoder repaired, reported to the caller.
//!
//! The AutoDNS gateway is known to send a few things that are wrong. The decoder accepts
//! exactly those, repairs them, and records each repair as a [`Quirk`] on the decoded value
//! (`Response::quirks`, `Request::quirks`), so that nothing is silently swallowed.
//!
//! Memory stays bounded however many repairs a document needs: at most
//! [`Limits::max_quirks_per_kind`](crate::Limits::max_quirks_per_kind) quirks of each kind are
//! listed, the first ones found; the rest of that kind are counted in the last one listed
//! ([`Quirk::repeats`]). So every repair is accounted for:
//!
//! ```
//! use autodns_xml::{Document, Limits};
//!
//! let xml = format!(
//!     "<response><result><data/><status><code>S0105</code><type>success</type></status>{}\
//!      </result></response>",
//!     "<msg a=''/>".repeat(10),
//! );
//! let few = Limits::default().with_max_quirks_per_kind(4);
//! let doc = Document::decode_with(xml.as_bytes(), &few)?;
//! let quirks = doc.quirks();
//! assert_eq!(quirks.len(), 4); // the first four `<msg a=''/>`
//! assert_eq!(quirks[3].repeats, 6); // and six more after them
//! assert_eq!(quirks.iter().map(|q| 1 + q.repeats).sum::<u64>(), 10);
//! # Ok::<(), autodns_xml::DecodeError>(())
//! ```

use crate::error::Position;
use std::fmt;

/// One repaired server quirk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quirk {
    /// What was repaired.
    pub kind: QuirkKind,
    /// Where it was in the input.
    pub position: Position,
    /// How many more repairs of the same kind were made and are not listed: past
    /// [`Limits::max_quirks_per_kind`](crate::Limits::max_quirks_per_kind) quirks of one kind
    /// (the first ones found are listed), further ones are counted here, on the last one
    /// listed of that kind, and not stored. 0 on every other quirk. So `1 + repeats`, summed
    /// over a list, is the number of repairs made.
    pub repeats: u64,
}

impl Quirk {
    /// A quirk of `kind` at `position`, with no [`repeats`](Self::repeats).
    pub fn new(kind: QuirkKind, position: Position) -> Self {
        Quirk {
            kind,
            position,
            repeats: 0,
        }
    }

    /// The same quirk, found in a part of the input that starts at `base`.
    pub(crate) fn rebased(mut self, base: crate::Position) -> Self {
        self.position = self.position.rebased(base);
        self
    }
}

/// The quirks a decoder keeps while it reads: at most `max` of each kind (the first found),
/// the others counted in the [`repeats`](Quirk::repeats) of the last one kept of their kind.
/// Every list of quirks the decoder joins goes through one, so the bound holds for a whole
/// document and for a stream, and the counts add up.
#[derive(Debug, Clone, Default)]
pub(crate) struct Quirks {
    list: Vec<Quirk>,
    max: usize,
    /// Per kind (see [`kind_index`]): how many are kept, and the index of the last one kept.
    kept: [(usize, usize); KINDS],
}

/// The number of [`QuirkKind`]s.
const KINDS: usize = 4;

/// The place of a quirk's kind in [`Quirks::kept`].
fn kind_index(kind: &QuirkKind) -> usize {
    match kind {
        QuirkKind::MismatchedEndTag { .. } => 0,
        QuirkKind::MisspelledValue { .. } => 1,
        QuirkKind::DuplicatedTail { .. } => 2,
        QuirkKind::IgnoredAttributes { .. } => 3,
    }
}

impl Quirks {
    /// None yet, keeping at most `max` of each kind (at least one, so that every repair is
    /// counted somewhere).
    pub(crate) fn new(max: usize) -> Self {
        Quirks {
            list: Vec::new(),
            max: max.max(1),
            kept: [(0, 0); KINDS],
        }
    }

    /// Adds `quirk` (and the repairs its `repeats` count): kept if fewer than `max` of its
    /// kind are, else counted in the last one kept.
    pub(crate) fn push(&mut self, mut quirk: Quirk) {
        let Some((kept, last)) = self.kept.get_mut(kind_index(&quirk.kind)) else {
            return;
        };
        if *kept < self.max {
            // The repeats of its kind move to the new last one kept.
            if *kept > 0 {
                if let Some(prev) = self.list.get_mut(*last) {
                    quirk.repeats = quirk
                        .repeats
                        .saturating_add(std::mem::take(&mut prev.repeats));
                }
            }
            *kept += 1;
            *last = self.list.len();
            self.list.push(quirk);
        } else if let Some(prev) = self.list.get_mut(*last) {
            prev.repeats = prev.repeats.saturating_add(1).saturating_add(quirk.repeats);
        }
    }

    /// Adds every quirk of `quirks`, in order.
    pub(crate) fn extend(&mut self, quirks: impl IntoIterator<Item = Quirk>) {
        for quirk in quirks {
            self.push(quirk);
        }
    }

    /// The quirks kept, in the order they were added.
    pub(crate) fn as_slice(&self) -> &[Quirk] {
        &self.list
    }

    /// Takes the quirks kept (see [`into_vec`](Self::into_vec)), leaving none: the next ones
    /// of each kind are kept again.
    pub(crate) fn take(&mut self) -> Vec<Quirk> {
        let max = self.max;
        std::mem::replace(self, Quirks::new(max)).into_vec()
    }

    /// The quirks kept, in document order, each kind's repeats on its last one.
    pub(crate) fn into_vec(self) -> Vec<Quirk> {
        let mut list = self.list;
        // Parts read later (a task's body) may lie before quirks already found.
        if !list.is_sorted_by_key(|q| q.position.offset) {
            list.sort_by_key(|q| q.position.offset);
            let mut repeats = [0u64; KINDS];
            let mut last = [None; KINDS];
            for (i, q) in list.iter_mut().enumerate() {
                let k = kind_index(&q.kind);
                if let Some(r) = repeats.get_mut(k) {
                    *r = r.saturating_add(std::mem::take(&mut q.repeats));
                }
                if let Some(l) = last.get_mut(k) {
                    *l = Some(i);
                }
            }
            for (r, l) in repeats.into_iter().zip(last) {
                if let Some(q) = l.and_then(|l| list.get_mut(l)) {
                    q.repeats = r;
                }
            }
        }
        list
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
        write!(f, "{} at {}", self.kind, self.position)?;
        if self.repeats > 0 {
            write!(f, ", and {} more of this kind not listed", self.repeats)?;
        }
        Ok(())
    }
}
