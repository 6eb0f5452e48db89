//! Streaming decode of list responses: one entry at a time, from any [`BufRead`], in memory
//! that does not grow with the number of entries.
//!
//! ```
//! use autodns_xml::certificate::CertificateJob;
//! use autodns_xml::stream::ListReader;
//!
//! // Any `BufRead`: a file through a `BufReader`, an HTTP body, or bytes in memory.
//! let xml = br#"<response><result><data><summary>2</summary>
//!   <certificate_job><job><id>12345</id><status>DEFFERED</status></job></certificate_job>
//!   <certificate_job><job><id>12346</id><status>RUNNING</status></job></certificate_job>
//!   </data><status><code>S400115</code><type>success</type></status></result></response>"#;
//! let mut jobs = ListReader::<CertificateJob, _>::new(&xml[..]);
//! let mut ids = Vec::new();
//! for job in jobs.by_ref() {
//!     ids.extend(job?.job.map(|j| j.id));
//! }
//! assert_eq!(ids, [12345, 12346]);
//! let envelope = jobs.finish()?;
//! assert_eq!(envelope.status().map(|s| s.code.to_string()), Some("S400115".to_owned()));
//! assert_eq!(envelope.data().map(|d| (d.summary, d.entries)), Some((Some(2), 2)));
//! assert_eq!(envelope.quirks.len(), 1); // the server's `DEFFERED`
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The quirks held are bounded: past `max_quirks_per_kind` (see [`Limits`]) of a kind, the
//! others are counted in [`Quirk::repeats`]. To handle each one as it comes, loop with
//! `while let` rather than `for`: a `for` loop over `jobs.by_ref()` borrows the reader
//! for the whole loop, so [`take_quirks`](ListReader::take_quirks) cannot be called inside it.
//!
//! ```
//! use autodns_xml::certificate::CertificateJob;
//! use autodns_xml::stream::ListReader;
//!
//! let xml = br#"<response><result><data>
//!   <certificate_job><job><id>1</id><status>DEFFERED</status></job></certificate_job>
//!   </data><status><code>S400115</code></status></result></response>"#;
//! let mut jobs = ListReader::<CertificateJob, _>::new(&xml[..]);
//! let mut repaired = 0;
//! while let Some(job) = jobs.next() {
//!     let _job = job?;
//!     repaired += jobs.take_quirks().iter().map(|q| 1 + q.repeats).sum::<u64>(); // log them here
//! }
//! assert_eq!(repaired, 1);
//! assert!(jobs.finish()?.quirks.is_empty()); // taken already
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The reader keeps a window of the input: it decodes each element of the envelope and each
//! entry from the window with the same tolerant tokenizer and the same models as the
//! whole-document decoder, so tolerance, quirk reports and errors (kind, line, column, byte
//! offset and element path) are the same. When an element does not fit in the window yet, the
//! window grows and the element is read again from its start; the window holds at most one
//! element, bounded by the [`Limits`]' `max_document_size` (see [`ListReader::with_limits`]).

use crate::cancelation::Cancelation;
use crate::certificate::CertificateJob;
use crate::codec::tokenizer::{Resume, Token, Tokenizer};
use crate::codec::{self, ElementReader, FromXml, syntax::is_blank};
use crate::contact::Handle;
use crate::domain::Domain;
use crate::envelope::{Msg, Response, ResultChild, ResultParts, Status, TaskResult};
use crate::error::{DecodeError, DecodeErrorKind, Locator, Position, excerpt};
use crate::limits::{Limit, Limits};
use crate::poll::Transfer;
use crate::quirk::{Quirk, Quirks};
use crate::zone::Zone;
use std::io::{self, BufRead};

pub use crate::task::ListEntry;

/// Whether a result's status fits a list of `E`: an error status of any task does (a failed
/// login answers under another code); a success or notify must be of a task `E` fits.
fn check_list_task<E: ListEntry>(status: &Status) -> Result<(), DecodeErrorKind> {
    let code = &status.code;
    if code.kind == crate::StatusKind::Error || E::fits_task(code.task.as_str()) {
        return Ok(());
    }
    Err(DecodeErrorKind::WrongTask {
        expected: format!("a list of {}", short_type_name::<E>()),
        found: code.to_string(),
    })
}

/// The entries' element of list form `T`, as its `task!` declares it.
fn entries_of<T: crate::task::Body>() -> &'static str {
    T::ENTRIES.unwrap_or_default()
}

/// Whether an error is about the model (a value, a missing or repeated child), not about
/// the bytes: one a reader of several kinds may defer (see [`ListEntry::defers_invalid`]).
fn is_model_error(e: &DecodeError) -> bool {
    use crate::ErrorCategory as C;
    matches!(
        e.category(),
        C::InvalidValue | C::MissingElement | C::UnexpectedElement
    )
}

/// At the end of a result read by a reader of several kinds: its entries are those of its
/// status's task (all of them for an error status or a task this crate does not model, as
/// the whole-document decoder keeps such data raw), and an entry of that kind that did not
/// decode is the error it defers.
fn judge_kinds(
    result: &mut TaskResult<ListData>,
    kinds: &[(&'static str, u64)],
    invalid: &mut Vec<(String, DecodeError)>,
) -> Result<(), DecodeError> {
    if kinds.is_empty() && invalid.is_empty() {
        return Ok(());
    }
    let status = &result.status;
    let code = status.code.task.as_str();
    if status.code.kind == crate::StatusKind::Error || !crate::registry::is_modelled(code) {
        return Ok(());
    }
    let own = crate::registry::list_entries(code);
    if let Some(i) = invalid.iter().position(|(e, _)| Some(e.as_str()) == own) {
        return Err(invalid.swap_remove(i).1);
    }
    if let Some(data) = result.data.as_mut() {
        data.entries = kinds
            .iter()
            .find(|(e, _)| Some(*e) == own)
            .map_or(0, |(_, n)| *n);
    }
    Ok(())
}

/// `CertificateJob` for `autodns_xml::certificate::CertificateJob`.
fn short_type_name<T>() -> &'static str {
    let name = std::any::type_name::<T>();
    name.rsplit("::").next().unwrap_or(name)
}

/// An entry of any list the crate models, typed by its element name: the entries of the
/// registry's list forms ([`registry::list_entries`](crate::registry::list_entries)).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum AnyEntry {
    /// `certificate_job` (400115, 400135).
    CertificateJob(Box<CertificateJob>),
    /// `domain` (0105).
    Domain(Box<Domain>),
    /// `handle` (0304).
    Handle(Box<Handle>),
    /// `cancelation` (0103104).
    Cancelation(Box<Cancelation>),
    /// `zone` (0205).
    Zone(Box<Zone>),
    /// `transfer` (0106001).
    Transfer(Box<Transfer>),
}

impl FromXml for AnyEntry {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        let name = el.name();
        if Domain::is_entry(name) {
            Domain::from_xml(el).map(|d| AnyEntry::Domain(Box::new(d)))
        } else if Handle::is_entry(name) {
            Handle::from_xml(el).map(|h| AnyEntry::Handle(Box::new(h)))
        } else if Cancelation::is_entry(name) {
            Cancelation::from_xml(el).map(|c| AnyEntry::Cancelation(Box::new(c)))
        } else if Zone::is_entry(name) {
            Zone::from_xml(el).map(|z| AnyEntry::Zone(Box::new(z)))
        } else if Transfer::is_entry(name) {
            Transfer::from_xml(el).map(|t| AnyEntry::Transfer(Box::new(t)))
        } else if CertificateJob::is_entry(name) {
            CertificateJob::from_xml(el).map(|c| AnyEntry::CertificateJob(Box::new(c)))
        } else {
            // A list form registered without its variant here: tests/stream.rs checks there
            // is none.
            Err(el.unexpected("an entry of a modelled list"))
        }
    }
}

impl ListEntry for AnyEntry {
    /// The entries' element of any list form in the registry.
    fn is_entry(name: &str) -> bool {
        crate::registry::TASKS
            .iter()
            .any(|t| t.entries == Some(name))
    }

    /// Any task: the reader of any answer (`autodns-xml check` streams them all).
    fn fits_task(_code: &str) -> bool {
        true
    }

    fn element(&self) -> Option<&'static str> {
        Some(match self {
            AnyEntry::CertificateJob(_) => entries_of::<crate::certificate::CertificateJobList>(),
            AnyEntry::Domain(_) => entries_of::<crate::domain::DomainList>(),
            AnyEntry::Handle(_) => entries_of::<crate::contact::HandleList>(),
            AnyEntry::Cancelation(_) => entries_of::<crate::cancelation::CancelationList>(),
            AnyEntry::Zone(_) => entries_of::<crate::zone::ZoneList>(),
            AnyEntry::Transfer(_) => entries_of::<crate::domain::TransferOutList>(),
        })
    }

    fn defers_invalid() -> bool {
        true
    }
}

/// What a streamed result's `<data>` held besides its entries.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ListData {
    /// The server's total number of matches (`summary`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<u64>,
    /// How many entries the stream held.
    pub entries: u64,
    /// Children of `<data>` that are neither entries nor the summary, as they came.
    #[serde(
        rename = "_unknown",
        default,
        skip_serializing_if = "crate::Unknown::is_empty"
    )]
    pub unknown: crate::Unknown,
}

/// An error while streaming: reading the input failed, or the bytes read do not decode.
/// After it, the reader yields it again and nothing more; the entries before it were good.
///
/// ```
/// use autodns_xml::domain::Domain;
/// use autodns_xml::stream::{ListReader, StreamError};
/// use autodns_xml::DecodeErrorKind;
///
/// // The connection broke off in the second entry.
/// let xml = b"<response><result><data><domain><name>a.example</name></domain>\
///             <domain><name>b.example</name>";
/// let mut domains = ListReader::<Domain, _>::new(&xml[..]);
/// assert_eq!(domains.next_entry()?.map(|d| d.name).as_deref(), Some("a.example"));
/// match domains.next_entry() {
///     Err(StreamError::Decode(e)) => {
///         assert!(matches!(e.kind(), DecodeErrorKind::UnexpectedEof(open) if open == "domain"));
///         assert_eq!(e.path(), "response/result/data/domain");
///     }
///     Err(other) => panic!("another error: {other}"), // `StreamError::Io`: reading failed
///     Ok(entry) => panic!("another entry: {entry:?}"),
/// }
/// assert!(domains.next_entry().is_err()); // and again
/// # Ok::<(), StreamError>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StreamError {
    /// The bytes read do not decode.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// Reading the input failed.
    #[error("reading the input failed: {0}")]
    Io(#[from] io::Error),
}

impl StreamError {
    /// The same error, for reporting it again (an I/O error keeps its kind and message).
    fn again(&self) -> StreamError {
        match self {
            StreamError::Decode(e) => StreamError::Decode(e.clone()),
            StreamError::Io(e) => StreamError::Io(io::Error::new(e.kind(), e.to_string())),
        }
    }
}

/// How much more input to ask for at least when the window runs out.
const CHUNK: usize = 64 << 10;

/// The elements an entry's tokenizer has room for beyond the envelope's before its stack
/// grows (a certificate job's `job/owner/user` is three).
const OPEN_ROOM: usize = 8;

/// The containers the stream walks into, outermost first.
const RESPONSE: &str = "response";
const RESULT: &str = "result";
const DATA: &str = "data";

/// A result being read.
#[derive(Debug, Default)]
struct OpenResult {
    /// What the result holds so far, read as the whole-document decoder reads it.
    parts: ResultParts<ListData>,
    /// Entries read, by element (readers of several kinds only).
    kinds: Vec<(&'static str, u64)>,
    /// The first entry of each element that did not decode, while the status is unknown.
    invalid: Vec<(String, DecodeError)>,
}

/// One step of the envelope, decoded from the window.
enum Item<E> {
    /// A container's start tag, and where it is (in the window); `true` for an empty
    /// element (`<data/>`), which is closed at once.
    Open(&'static str, usize, bool),
    Close,
    Entry(E),
    /// A well-formed entry that did not decode, its element and the error (see
    /// [`ListEntry::defers_invalid`]).
    Invalid(String, DecodeError),
    Summary(u64),
    Status(Status),
    Msg(Msg),
    Stid(String),
    Ctid(String),
    /// One element no model reads.
    Unknown(crate::Unknown),
    End,
}

/// A streaming reader of a list response's entries of type `E` (see the [module](self)).
///
/// As an iterator it yields the entries in document order; after the first error it yields
/// nothing more. [`finish`](Self::finish) reads to the end and returns the envelope: each
/// result's status, messages and [`ListData`] (summary, entry count, other data children),
/// the `stid` and `ctid`, and the quirks repaired. The envelope read so far is available at
/// any time ([`summary`](Self::summary), [`status`](Self::status), [`msgs`](Self::msgs),
/// [`stid`](Self::stid), [`quirks`](Self::quirks)), whether it comes before or after the list.
///
/// ```
/// use autodns_xml::certificate::CertificateJob;
/// use autodns_xml::domain::Domain;
/// use autodns_xml::stream::{ListReader, StreamError};
/// use autodns_xml::{DecodeErrorKind, ErrorCategory};
///
/// let xml = br#"<response><result><data><summary>2</summary>
///   <domain><name>example.com</name></domain><domain><name>example.net</name></domain>
///   </data><status><code>S0105</code></status></result><stid>s-1</stid></response>"#;
/// let mut domains = ListReader::<Domain, _>::new(&xml[..]);
/// let first = domains.next_entry()?.expect("an entry");
/// assert_eq!((first.name.as_str(), domains.summary()), ("example.com", Some(2))); // read so far
/// let response = domains.finish()?; // the rest is read and counted
/// assert_eq!(response.data().map(|d| d.entries), Some(2));
/// assert_eq!(response.stid.as_deref(), Some("s-1"));
///
/// // Entries of another kind than the list holds are an error, not an empty list.
/// let err = ListReader::<CertificateJob, _>::new(&xml[..]).finish().unwrap_err();
/// assert!(matches!(err, StreamError::Decode(e) if e.category() == ErrorCategory::WrongTask));
/// # Ok::<(), StreamError>(())
/// ```
pub struct ListReader<E, R> {
    input: R,
    /// The validated window; `text[start..]` is unread.
    text: String,
    start: usize,
    /// Bytes read but not yet validated (an incomplete UTF-8 sequence at a read's end).
    pending: Vec<u8>,
    /// The input is exhausted.
    eof: bool,
    /// The start of the input (byte-order mark, UTF-16) has been judged.
    sniffed: bool,
    /// The position of `text[based]` in the whole input: moved forward to `start` only when
    /// a position in the window is needed ([`sync_base`](Self::sync_base)), so that the
    /// input is located in one forward pass, not once per entry.
    base: Position,
    based: usize,
    limits: Limits,
    open: Vec<&'static str>,
    /// Where each open container starts, for the errors reported at its end.
    open_at: Vec<Position>,
    last_child_of_root: Option<String>,
    closed_tail: Option<Vec<String>>,
    started: bool,
    results: Vec<TaskResult<ListData>>,
    current: Option<OpenResult>,
    stid: Option<String>,
    ctid: Option<String>,
    unknown: crate::Unknown,
    /// Bytes of input kept so far besides the entries (bounded by `max_retained`).
    retained: usize,
    /// At most `max_quirks_per_kind` of each kind, the rest counted.
    quirks: Quirks,
    done: bool,
    /// The error that ended the stream, returned again by every later call.
    failed: Option<StreamError>,
    _entry: std::marker::PhantomData<fn() -> E>,
}

impl<E: ListEntry, R: BufRead> ListReader<E, R> {
    /// A reader over `input`, which should hold a `<response>` document.
    pub fn new(input: R) -> Self {
        ListReader {
            input,
            text: String::new(),
            start: 0,
            pending: Vec::new(),
            eof: false,
            sniffed: false,
            base: Position {
                line: 1,
                column: 1,
                offset: 0,
            },
            based: 0,
            limits: Limits::default(),
            open: Vec::new(),
            open_at: Vec::new(),
            last_child_of_root: None,
            closed_tail: None,
            started: false,
            results: Vec::new(),
            current: None,
            stid: None,
            ctid: None,
            unknown: Default::default(),
            retained: 0,
            quirks: Quirks::new(Limits::DEFAULT_MAX_QUIRKS_PER_KIND),
            done: false,
            failed: None,
            _entry: std::marker::PhantomData,
        }
    }

    /// Sets the [`Limits`] (the defaults otherwise). Depth, text length and attributes are
    /// checked as in a whole document; `max_document_size` bounds each element the reader
    /// holds at once (an entry, a status, …), since the stream as a whole has no size limit.
    /// `max_quirks_per_kind` bounds the quirks held between two
    /// [`take_quirks`](Self::take_quirks) (the others of a kind are counted, see
    /// [`Quirk::repeats`]).
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        let kept = self.quirks.take();
        self.quirks = Quirks::new(limits.max_quirks_per_kind);
        self.quirks.extend(kept);
        self
    }

    /// The summary (total matches) of the current or last result, once read.
    pub fn summary(&self) -> Option<u64> {
        match &self.current {
            Some(r) => r.parts.data.as_ref().and_then(|d| d.summary),
            None => self.results.last().and_then(|r| r.data.as_ref()?.summary),
        }
    }

    /// The status of the current or last result, once read.
    pub fn status(&self) -> Option<&Status> {
        match &self.current {
            Some(r) => r.parts.status.as_ref(),
            None => self.results.last().map(|r| &r.status),
        }
    }

    /// The messages of the current or last result read so far.
    pub fn msgs(&self) -> &[Msg] {
        match &self.current {
            Some(r) => &r.parts.msgs,
            None => self.results.last().map_or(&[], |r| &r.msgs),
        }
    }

    /// The server transaction id, once read.
    pub fn stid(&self) -> Option<&str> {
        self.stid.as_deref()
    }

    /// The quirks repaired so far (and not taken).
    pub fn quirks(&self) -> &[Quirk] {
        self.quirks.as_slice()
    }

    /// Takes the quirks repaired so far, to handle them as they come (a quarter of a real job
    /// list can be `DEFFERED`): the next ones of each kind are listed again, up to
    /// `max_quirks_per_kind`, and those beyond are counted. Those taken are not in
    /// [`finish`](Self::finish)'s response. Call it between entries in a
    /// `while let Some(entry) = reader.next()` loop (the module's second example): a `for`
    /// loop over `reader.by_ref()` holds the reader borrowed.
    pub fn take_quirks(&mut self) -> Vec<Quirk> {
        self.quirks.take()
    }

    /// Reads to the end of the document (entries still unread are decoded, checked and
    /// dropped) and returns the envelope.
    pub fn finish(mut self) -> Result<Response<ListData>, StreamError> {
        while self.next_entry()?.is_some() {}
        let mut response = Response {
            results: std::mem::take(&mut self.results),
            stid: self.stid.take(),
            ctid: self.ctid.take(),
            unknown: std::mem::take(&mut self.unknown),
            quirks: self.quirks.take(),
        };
        if response.results.is_empty() {
            // Only reachable for an empty document, which `next_entry` reports; kept as an
            // error rather than a panic.
            let kind = DecodeErrorKind::MissingElement("result");
            let at = self.sync_base();
            return Err(DecodeError::new(kind, at, RESPONSE.to_owned()).into());
        }
        response.quirks.shrink_to_fit();
        Ok(response)
    }

    /// The next entry, or `None` at the end of the document. After an error, every call
    /// returns that error again.
    pub fn next_entry(&mut self) -> Result<Option<E>, StreamError> {
        if let Some(e) = &self.failed {
            return Err(e.again());
        }
        while !self.done {
            let result = match self.step() {
                Ok(Item::Entry(entry)) => {
                    if let Some(r) = self.current.as_mut() {
                        if let Some(data) = r.parts.data.as_mut() {
                            data.entries += 1;
                        }
                        if let Some(element) = entry.element() {
                            match r.kinds.iter_mut().find(|(e, _)| *e == element) {
                                Some((_, n)) => *n += 1,
                                None => r.kinds.push((element, 1)),
                            }
                        }
                    }
                    return Ok(Some(entry));
                }
                Ok(item) => self.apply(item).map_err(StreamError::from),
                Err(e) => Err(e),
            };
            if let Err(e) = result {
                self.done = true;
                self.failed = Some(e.again());
                return Err(e);
            }
        }
        Ok(None)
    }

    /// Decodes the next item of the envelope from the window, reading more input as needed.
    fn step(&mut self) -> Result<Item<E>, StreamError> {
        if !self.started {
            self.started = true;
            self.read_more(0)?;
        }
        loop {
            let window = self.text.get(self.start..).unwrap_or_default();
            // Room for an entry's elements too: the tokenizer's stack starts from this one,
            // and would otherwise grow twice per entry.
            let mut open = Vec::with_capacity(self.open.len() + OPEN_ROOM);
            open.extend_from_slice(&self.open);
            let at = Resume {
                open,
                last_child_of_root: self.last_child_of_root.as_deref(),
                closed_tail: self
                    .closed_tail
                    .as_ref()
                    .map(|t| t.iter().map(String::as_str).collect()),
                partial: !self.eof,
                limits: self.limits,
            };
            let mut tok = Tokenizer::resume(window, at);
            let seen = self.seen();
            let parts = self.current.as_ref().map(|r| &r.parts);
            let result = read_item::<E>(&mut tok, &self.open, seen, parts);
            if tok.needs_more() && !self.eof {
                let held = window.len();
                drop(tok);
                if held >= self.limits.max_document_size {
                    return Err(self.too_large().into());
                }
                self.read_more(held.max(CHUNK))?;
                continue;
            }
            // What the step needs of the tokenizer, before the window's start is located.
            let open_at = match &result {
                Ok(Item::Open(_, pos, _)) => Some(tok.position(*pos)),
                _ => None,
            };
            let consumed = tok.consumed();
            let last_child_of_root = tok.last_child_of_root().map(str::to_owned);
            let closed_tail: Option<Vec<String>> = tok
                .closed_tail()
                .map(|t| t.into_iter().map(str::to_owned).collect());
            let quirks = tok.quirks.take();
            drop(tok);
            // Located only when a position in the window is reported.
            let located = result.is_err()
                || open_at.is_some()
                || !quirks.is_empty()
                || matches!(result, Ok(Item::Invalid(..)));
            let base = if located { self.sync_base() } else { self.base };
            let rebase = |e: DecodeError| e.rebased(base);
            let item = match result.map_err(rebase)? {
                Item::Invalid(element, e) => Item::Invalid(element, rebase(e)),
                item => item,
            };
            if let Some(at) = open_at {
                self.open_at.push(at.rebased(base));
            }
            if consumed > self.limits.max_document_size {
                return Err(self.too_large().into());
            }
            // What stays beside the entries is bounded, whatever the input.
            if matches!(
                item,
                Item::Status(_)
                    | Item::Msg(_)
                    | Item::Summary(_)
                    | Item::Stid(_)
                    | Item::Ctid(_)
                    | Item::Unknown(_)
            ) {
                self.retained = self.retained.saturating_add(consumed);
                if self.retained > self.limits.max_retained {
                    let kind = DecodeErrorKind::LimitExceeded {
                        limit: Limit::Retained,
                        max: self.limits.max_retained,
                    };
                    let at = self.sync_base();
                    return Err(DecodeError::new(kind, at, self.open.join("/")).into());
                }
            }
            self.last_child_of_root = last_child_of_root;
            self.closed_tail = closed_tail;
            self.quirks
                .extend(quirks.into_iter().map(|q| q.rebased(base)));
            self.commit(consumed);
            return Ok(item);
        }
    }

    /// What has been read already, of the elements outside a result's own children that
    /// may occur once.
    fn seen(&self) -> Seen {
        let data = self.current.as_ref().and_then(|r| r.parts.data.as_ref());
        Seen {
            summary: data.is_some_and(|d| d.summary.is_some()),
            stid: self.stid.is_some(),
            ctid: self.ctid.is_some(),
        }
    }

    /// Applies an envelope item to the state.
    fn apply(&mut self, item: Item<E>) -> Result<(), DecodeError> {
        match item {
            Item::Open(name, _, empty) => {
                self.open.push(name);
                match name {
                    RESULT => self.current = Some(OpenResult::default()),
                    DATA => {
                        if let Some(r) = &mut self.current {
                            r.parts.data = Some(ListData::default());
                        }
                    }
                    _ => {}
                }
                if empty {
                    return self.apply(Item::Close);
                }
            }
            Item::Close => {
                let closed = self.open.pop();
                let at = match self.open_at.pop() {
                    Some(at) => at,
                    None => self.sync_base(),
                };
                // The checks the whole-document decoder makes at the end of these elements,
                // reported where it reports them: at the element's start tag.
                let missing = |child, path: &[&str]| {
                    let kind = DecodeErrorKind::MissingElement(child);
                    DecodeError::new(kind, at, path.join("/"))
                };
                match closed {
                    Some(RESULT) => {
                        let r = self.current.take().unwrap_or_default();
                        let (kinds, mut invalid) = (r.kinds, r.invalid);
                        let mut result =
                            r.parts.finish(|| missing("status", &[RESPONSE, RESULT]))?;
                        judge_kinds(&mut result, &kinds, &mut invalid)?;
                        self.results.push(result);
                    }
                    Some(RESPONSE) if self.results.is_empty() => {
                        return Err(missing("result", &[RESPONSE]));
                    }
                    _ => {}
                }
            }
            Item::Entry(_) => {}
            Item::Invalid(element, error) => {
                if let Some(r) = &mut self.current {
                    if !r.invalid.iter().any(|(e, _)| *e == element) {
                        r.invalid.push((element, error));
                    }
                }
            }
            Item::Summary(n) => {
                if let Some(data) = self.current.as_mut().and_then(|r| r.parts.data.as_mut()) {
                    data.summary = Some(n);
                }
            }
            Item::Status(status) => {
                if let Some(r) = &mut self.current {
                    r.parts.status = Some(status);
                }
            }
            Item::Msg(msg) => {
                if let Some(r) = &mut self.current {
                    r.parts.push_msg(msg);
                }
            }
            Item::Stid(s) => self.stid = Some(s),
            Item::Ctid(s) => self.ctid = Some(s),
            Item::Unknown(raw) => match (self.open.len(), &mut self.current) {
                (3, Some(r)) => {
                    if let Some(data) = &mut r.parts.data {
                        data.unknown.append(raw);
                    }
                }
                (2, Some(r)) => r.parts.unknown.append(raw),
                _ => self.unknown.append(raw),
            },
            Item::End => self.done = true,
        }
        Ok(())
    }

    fn too_large(&mut self) -> DecodeError {
        let kind = DecodeErrorKind::LimitExceeded {
            limit: Limit::DocumentSize,
            max: self.limits.max_document_size,
        };
        let at = self.sync_base();
        DecodeError::new(kind, at, self.open.join("/"))
    }

    /// The position of the window's start (`text[start]`) in the whole input: the base
    /// moved forward over the bytes committed since it was last needed.
    fn sync_base(&mut self) -> Position {
        if self.based < self.start {
            let done = self.text.get(self.based..self.start).unwrap_or_default();
            self.base = advance(self.base, done.as_bytes());
            self.based = self.start;
        }
        self.base
    }

    /// Drops `consumed` bytes of the window (the base position follows when it is needed).
    fn commit(&mut self, consumed: usize) {
        self.start = (self.start + consumed).min(self.text.len());
        // Compact once the read part dominates, so that the window stays small.
        if self.start >= CHUNK && self.start * 2 >= self.text.len() {
            self.sync_base();
            self.text.drain(..self.start);
            self.start = 0;
            self.based = 0;
        }
    }

    /// Reads at least `want` more bytes of text (or to the end of the input), validating
    /// them as the whole-document decoder does.
    fn read_more(&mut self, want: usize) -> Result<(), StreamError> {
        let goal = self.text.len() + want.max(1);
        while self.text.len() < goal && !self.eof {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            // No more than the window needs (at least a chunk): an input in memory hands
            // out all of itself at once, and the window must not grow to hold it.
            let room = goal.saturating_sub(self.text.len() + self.pending.len());
            let n = chunk.len().min(room.max(CHUNK));
            self.eof = chunk.is_empty();
            let bytes = chunk.get(..n).unwrap_or_default();
            if self.sniffed && self.pending.is_empty() {
                // The usual case: nothing carried over, so the bytes read are checked where
                // they are and copied once, into the text.
                match accept(&mut self.text, bytes, self.eof) {
                    Ok(rest) => {
                        self.pending.extend_from_slice(rest);
                        self.input.consume(n);
                        continue;
                    }
                    Err((kind, upto)) => {
                        let before = bytes.get(..upto).unwrap_or_default().to_vec();
                        self.input.consume(n);
                        return Err(self.invalid(kind, &before).into());
                    }
                }
            }
            self.pending.extend_from_slice(bytes);
            self.input.consume(n);
            // The start of the input is judged on its first three bytes, however small the
            // reads: a byte-order mark, UTF-16.
            if !self.sniffed {
                if self.pending.len() < 3 && !self.eof {
                    continue;
                }
                self.sniffed = true;
                self.start_of_input()?;
            }
            self.validate_pending()?;
        }
        Ok(())
    }

    /// Moves the bytes read that form whole characters into the text, once they are known
    /// to be UTF-8 that XML 1.0 allows; an incomplete character waits for the next read.
    fn validate_pending(&mut self) -> Result<(), DecodeError> {
        let pending = std::mem::take(&mut self.pending);
        match accept(&mut self.text, &pending, self.eof) {
            Ok(rest) => {
                self.pending = rest.to_vec();
                Ok(())
            }
            Err((kind, upto)) => {
                let before = pending.get(..upto).unwrap_or_default();
                Err(self.invalid(kind, before))
            }
        }
    }

    /// At the start of the input: refuses UTF-16 and drops a UTF-8 byte-order mark. (A
    /// second U+FEFF is text before the root, which the tokenizer refuses.)
    fn start_of_input(&mut self) -> Result<(), DecodeError> {
        if codec::looks_like_utf16(&self.pending) {
            let kind = DecodeErrorKind::UnsupportedEncoding("UTF-16".to_owned());
            let at = self.sync_base();
            return Err(DecodeError::new(kind, at, String::new()));
        }
        if self.pending.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.pending.drain(..3);
            self.base.offset = 3;
        }
        Ok(())
    }

    /// An error just after the unread window and then `before` (the newly read bytes up to
    /// the bad one), located from the window's base as the whole-document decoder locates it.
    fn invalid(&mut self, kind: DecodeErrorKind, before: &[u8]) -> DecodeError {
        let base = self.sync_base();
        let mut bytes = self
            .text
            .get(self.start..)
            .unwrap_or_default()
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(before);
        let position = advance(base, &bytes);
        // No element path: the whole-document decoder judges the encoding before it reads
        // any element.
        DecodeError::new(kind, position, String::new())
    }
}

impl<E: ListEntry, R: BufRead> Iterator for ListReader<E, R> {
    type Item = Result<E, StreamError>;

    /// The next entry; `None` at the end, and after an error has been yielded once.
    fn next(&mut self) -> Option<Self::Item> {
        if self.failed.is_some() {
            return None;
        }
        self.next_entry().transpose()
    }
}

/// Appends to `text` the bytes of `bytes` that form whole characters, once they are known to
/// be UTF-8 that XML 1.0 allows, and returns the rest (an incomplete character, which waits
/// for the next read unless the input ended). Nothing is appended if they are not: the error
/// and the length of the bytes before the bad one.
fn accept<'b>(
    text: &mut String,
    bytes: &'b [u8],
    eof: bool,
) -> Result<&'b [u8], (DecodeErrorKind, usize)> {
    let (valid, rest) = match std::str::from_utf8(bytes) {
        Ok(s) => (s, &[][..]),
        Err(e) if e.error_len().is_none() && !eof => {
            let (valid, rest) = bytes.split_at(e.valid_up_to());
            (std::str::from_utf8(valid).unwrap_or_default(), rest)
        }
        Err(e) => return Err((DecodeErrorKind::InvalidUtf8, e.valid_up_to())),
    };
    if let Some((at, code)) = codec::first_non_xml_char(valid) {
        return Err((codec::forbidden_char(code), at));
    }
    text.push_str(valid);
    Ok(rest)
}

/// The position after `bytes`, read from `base`.
fn advance(base: Position, bytes: &[u8]) -> Position {
    Locator::without_bom()
        .locate(bytes, bytes.len())
        .rebased(base)
}

/// Which once-only elements outside a result's own children have been read.
#[derive(Debug, Clone, Copy)]
struct Seen {
    summary: bool,
    stid: bool,
    ctid: bool,
}

/// Reads one item of the envelope at the tokenizer's position: a container's start or end
/// tag, blank text, or a whole element (an entry, the status, a message, …). A child of a
/// result is judged by the result read so far (`parts`), as the whole-document decoder
/// judges it.
fn read_item<E: ListEntry>(
    tok: &mut Tokenizer<'_>,
    open: &[&'static str],
    seen: Seen,
    parts: Option<&ResultParts<ListData>>,
) -> Result<Item<E>, DecodeError> {
    let (name, pos, attrs) = loop {
        // Indentation before a tag is skipped without a token.
        match tok.next_skipping_blank().map_err(|e| *e)? {
            Token::Start { name, pos, attrs } => break (name, pos, attrs),
            Token::End => return Ok(Item::Close),
            // Blank text between elements is part of the next item (the tokenizer skips it
            // outside the root itself).
            Token::Text { text, pos, cdata } => {
                if cdata || !is_blank(&text) {
                    let kind = DecodeErrorKind::UnexpectedText(excerpt(text.trim()));
                    return Err(tok.error_at(kind, pos));
                }
            }
            Token::Eof => return Ok(Item::End),
        }
    };
    let mut el = ElementReader::new(tok, name, pos, attrs);
    let once = |el: &ElementReader<'_, '_>, seen: bool| match seen {
        true => Err(el.duplicate()),
        false => Ok(()),
    };
    let item = match (open, name) {
        ([], RESPONSE) | ([_], RESULT) => {
            // The reader's borrow of `tok` ends with its last use.
            el.note_attributes();
            let name = if open.is_empty() { RESPONSE } else { RESULT };
            Item::Open(name, pos, tok.owes_end())
        }
        ([], _) => return Err(el.unexpected_root("<response>")),
        ([_], "stid") => {
            once(&el, seen.stid)?;
            Item::Stid(String::from_xml(el)?)
        }
        ([_], "ctid") => {
            once(&el, seen.ctid)?;
            Item::Ctid(String::from_xml(el)?)
        }
        ([_, _], _) => {
            let judged = match parts {
                Some(parts) => parts.judge(&el)?,
                None => ResultParts::<ListData>::default().judge(&el)?,
            };
            match judged {
                ResultChild::Data => {
                    el.note_attributes();
                    Item::Open(DATA, pos, tok.owes_end())
                }
                ResultChild::Status => {
                    let status = Status::from_xml(el)?;
                    check_list_task::<E>(&status).map_err(|kind| tok.error_at(kind, pos))?;
                    Item::Status(status)
                }
                ResultChild::Msg => Item::Msg(Msg::from_xml(el)?),
                ResultChild::Unknown => Item::Unknown(one_unknown(el)?),
            }
        }
        ([_, _, _], "summary") => {
            once(&el, seen.summary)?;
            Item::Summary(u64::from_xml(el)?)
        }
        ([_, _, _], n) if E::is_entry(n) => {
            let depth = el.depth();
            match E::from_xml(el) {
                Ok(entry) => Item::Entry(entry),
                Err(e) if E::defers_invalid() && is_model_error(&e) => {
                    // Read to the entry's end tag: the bytes are well-formed or not
                    // whatever the status says.
                    while tok.depth() >= depth {
                        if let Token::Eof = tok.next().map_err(|e| *e)? {
                            return Err(
                                tok.error_at(DecodeErrorKind::UnexpectedEof(name.to_owned()), pos)
                            );
                        }
                    }
                    Item::Invalid(name.to_owned(), e)
                }
                Err(e) => return Err(e),
            }
        }
        _ => Item::Unknown(one_unknown(el)?),
    };
    Ok(item)
}

/// An element no model reads, in the compact form it is kept in (no tree is built).
fn one_unknown(el: ElementReader<'_, '_>) -> Result<crate::Unknown, DecodeError> {
    let mut unknown = crate::Unknown::new();
    unknown.read(el)?;
    Ok(unknown)
}
