//! Streaming decode of list responses: one entry at a time, from any [`BufRead`], in memory
//! that does not grow with the number of entries.
//!
//! ```
//! use autodns_xml::certificate::CertificateJob;
//! use autodns_xml::stream::ListReader;
//!
//! let xml = std::fs::read("testdata/400115_response.xml")?;
//! let mut jobs = ListReader::<CertificateJob, _>::new(&xml[..]);
//! for job in jobs.by_ref() {
//!     let job = job?;
//!     assert_eq!(job.job.map(|j| j.id), Some(12345));
//! }
//! let envelope = jobs.finish()?;
//! assert_eq!(envelope.status().map(|s| s.code.to_string()), Some("S400115".to_owned()));
//! assert_eq!(envelope.data().map(|d| (d.summary, d.entries)), Some((Some(1), 1)));
//! assert_eq!(envelope.quirks.len(), 1); // the server's `DEFFERED`
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
use crate::envelope::{Msg, Response, Status, TaskResult};
use crate::error::{DecodeError, DecodeErrorKind, Locator, Position, excerpt};
use crate::limits::{Limit, Limits};
use crate::quirk::Quirk;
use crate::raw::RawElement;
use std::io::{self, BufRead};

/// An entry of a list response: which children of `<data>` are entries, and how to read one.
pub trait ListEntry: FromXml {
    /// Whether a child of `<data>` named `name` is an entry.
    fn is_entry(name: &str) -> bool;
}

impl ListEntry for CertificateJob {
    /// `certificate_job` (400115, 400135).
    fn is_entry(name: &str) -> bool {
        name == "certificate_job"
    }
}

impl ListEntry for Domain {
    /// `domain` (0105, list form).
    fn is_entry(name: &str) -> bool {
        name == "domain"
    }
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
        } else {
            // The reader hands over only names `is_entry` takes: this is `certificate_job`.
            CertificateJob::from_xml(el).map(|c| AnyEntry::CertificateJob(Box::new(c)))
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
    #[serde(rename = "_unknown", default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<RawElement>,
}

/// An error while streaming: reading the input failed, or the bytes read do not decode.
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

/// The containers the stream walks into, outermost first.
const RESPONSE: &str = "response";
const RESULT: &str = "result";
const DATA: &str = "data";

/// A result being read.
#[derive(Debug, Default)]
struct OpenResult {
    data: Option<ListData>,
    msgs: Vec<Msg>,
    msgs_after_status: usize,
    status: Option<Status>,
    unknown: Vec<RawElement>,
}

/// One step of the envelope, decoded from the window.
enum Item<E> {
    /// A container's start tag, and where it is (in the window); `true` for an empty
    /// element (`<data/>`), which is closed at once.
    Open(&'static str, usize, bool),
    Close,
    Entry(E),
    Summary(u64),
    Status(Status),
    Msg(Msg),
    Stid(String),
    Ctid(String),
    Unknown(RawElement),
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
    /// The position of `text[start]` in the whole input.
    base: Position,
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
    unknown: Vec<RawElement>,
    quirks: Vec<Quirk>,
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
            unknown: Vec::new(),
            quirks: Vec::new(),
            done: false,
            failed: None,
            _entry: std::marker::PhantomData,
        }
    }

    /// Sets the [`Limits`] (the defaults otherwise). Depth, text length and attributes are
    /// checked as in a whole document; `max_document_size` bounds each element the reader
    /// holds at once (an entry, a status, …), since the stream as a whole has no size limit.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The summary (total matches) of the current or last result, once read.
    pub fn summary(&self) -> Option<u64> {
        match &self.current {
            Some(r) => r.data.as_ref().and_then(|d| d.summary),
            None => self.results.last().and_then(|r| r.data.as_ref()?.summary),
        }
    }

    /// The status of the current or last result, once read.
    pub fn status(&self) -> Option<&Status> {
        match &self.current {
            Some(r) => r.status.as_ref(),
            None => self.results.last().map(|r| &r.status),
        }
    }

    /// The messages of the current or last result read so far.
    pub fn msgs(&self) -> &[Msg] {
        match &self.current {
            Some(r) => &r.msgs,
            None => self.results.last().map_or(&[], |r| &r.msgs),
        }
    }

    /// The server transaction id, once read.
    pub fn stid(&self) -> Option<&str> {
        self.stid.as_deref()
    }

    /// The quirks repaired so far (and not taken).
    pub fn quirks(&self) -> &[Quirk] {
        &self.quirks
    }

    /// Takes the quirks repaired so far, so that they do not pile up over a long list (a
    /// quarter of a real job list can be `DEFFERED`). Those taken are not in
    /// [`finish`](Self::finish)'s response.
    pub fn take_quirks(&mut self) -> Vec<Quirk> {
        std::mem::take(&mut self.quirks)
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
            quirks: std::mem::take(&mut self.quirks),
        };
        if response.results.is_empty() {
            // Only reachable for an empty document, which `next_entry` reports; kept as an
            // error rather than a panic.
            let kind = DecodeErrorKind::MissingElement("result");
            return Err(DecodeError::new(kind, self.base, RESPONSE.to_owned()).into());
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
                    if let Some(data) = self.current.as_mut().and_then(|r| r.data.as_mut()) {
                        data.entries += 1;
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
            let at = Resume {
                open: self.open.clone(),
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
            let result = read_item::<E>(&mut tok, &self.open, seen);
            if tok.needs_more() && !self.eof {
                let held = window.len();
                if held >= self.limits.max_document_size {
                    return Err(self.too_large().into());
                }
                drop(tok);
                self.read_more(held.max(CHUNK))?;
                continue;
            }
            let base = self.base;
            let rebase = |e: DecodeError| e.rebased(base);
            let item = result.map_err(rebase)?;
            if let Item::Open(_, pos, _) = item {
                self.open_at.push(tok.position(pos).rebased(base));
            }
            let consumed = tok.consumed();
            if consumed > self.limits.max_document_size {
                return Err(self.too_large().into());
            }
            let last_child_of_root = tok.last_child_of_root().map(str::to_owned);
            let closed_tail: Option<Vec<String>> = tok
                .closed_tail()
                .map(|t| t.into_iter().map(str::to_owned).collect());
            let quirks = std::mem::take(&mut tok.quirks);
            drop(tok);
            self.last_child_of_root = last_child_of_root;
            self.closed_tail = closed_tail;
            self.quirks
                .extend(quirks.into_iter().map(|q| q.rebased(base)));
            self.commit(consumed);
            return Ok(item);
        }
    }

    /// What has been read already, of the elements that may occur once.
    fn seen(&self) -> Seen {
        let current = self.current.as_ref();
        let data = current.and_then(|r| r.data.as_ref());
        Seen {
            data: data.is_some(),
            summary: data.is_some_and(|d| d.summary.is_some()),
            status: current.is_some_and(|r| r.status.is_some()),
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
                            r.data = Some(ListData::default());
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
                let at = self.open_at.pop().unwrap_or(self.base);
                // The checks the whole-document decoder makes at the end of these elements,
                // reported where it reports them: at the element's start tag.
                let missing = |child, path: &[&str]| {
                    let kind = DecodeErrorKind::MissingElement(child);
                    DecodeError::new(kind, at, path.join("/"))
                };
                match closed {
                    Some(RESULT) => {
                        let r = self.current.take().unwrap_or_default();
                        let status = r
                            .status
                            .ok_or_else(|| missing("status", &[RESPONSE, RESULT]))?;
                        self.results.push(TaskResult {
                            data: r.data,
                            msgs: r.msgs,
                            status,
                            msgs_after_status: r.msgs_after_status,
                            unknown: r.unknown,
                        });
                    }
                    Some(RESPONSE) if self.results.is_empty() => {
                        return Err(missing("result", &[RESPONSE]));
                    }
                    _ => {}
                }
            }
            Item::Entry(_) => {}
            Item::Summary(n) => {
                if let Some(data) = self.current.as_mut().and_then(|r| r.data.as_mut()) {
                    data.summary = Some(n);
                }
            }
            Item::Status(status) => {
                if let Some(r) = &mut self.current {
                    r.status = Some(status);
                }
            }
            Item::Msg(msg) => {
                if let Some(r) = &mut self.current {
                    r.msgs.push(msg);
                    if r.status.is_some() {
                        r.msgs_after_status += 1;
                    }
                }
            }
            Item::Stid(s) => self.stid = Some(s),
            Item::Ctid(s) => self.ctid = Some(s),
            Item::Unknown(raw) => match (self.open.len(), &mut self.current) {
                (3, Some(r)) => {
                    if let Some(data) = &mut r.data {
                        data.unknown.push(raw);
                    }
                }
                (2, Some(r)) => r.unknown.push(raw),
                _ => self.unknown.push(raw),
            },
            Item::End => self.done = true,
        }
        Ok(())
    }

    fn too_large(&self) -> DecodeError {
        let kind = DecodeErrorKind::LimitExceeded {
            limit: Limit::DocumentSize,
            max: self.limits.max_document_size,
        };
        DecodeError::new(kind, self.base, self.open.join("/"))
    }

    /// Drops `consumed` bytes of the window and moves the base position past them.
    fn commit(&mut self, consumed: usize) {
        let end = (self.start + consumed).min(self.text.len());
        let done = self.text.get(self.start..end).unwrap_or_default();
        self.base = advance(self.base, done.as_bytes());
        self.start = end;
        // Compact once the read part dominates, so that the window stays small.
        if self.start >= CHUNK && self.start * 2 >= self.text.len() {
            self.text.drain(..self.start);
            self.start = 0;
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
            self.pending
                .extend_from_slice(chunk.get(..n).unwrap_or_default());
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
        let (valid, rest) = match std::str::from_utf8(&pending) {
            Ok(s) => (s, &[][..]),
            Err(e) if e.error_len().is_none() && !self.eof => {
                let (valid, rest) = pending.split_at(e.valid_up_to());
                (std::str::from_utf8(valid).unwrap_or_default(), rest)
            }
            Err(e) => {
                let at = self.text.len() + e.valid_up_to();
                return Err(self.invalid(DecodeErrorKind::InvalidUtf8, at));
            }
        };
        if let Some((at, code)) = codec::first_non_xml_char(valid) {
            let at = self.text.len() + at;
            return Err(self.invalid(codec::forbidden_char(code), at));
        }
        self.text.push_str(valid);
        self.pending = rest.to_vec();
        Ok(())
    }

    /// At the start of the input: refuses UTF-16 and drops a UTF-8 byte-order mark. (A
    /// second U+FEFF is text before the root, which the tokenizer refuses.)
    fn start_of_input(&mut self) -> Result<(), DecodeError> {
        if codec::looks_like_utf16(&self.pending) {
            let kind = DecodeErrorKind::UnsupportedEncoding("UTF-16".to_owned());
            return Err(DecodeError::new(kind, self.base, String::new()));
        }
        if self.pending.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.pending.drain(..3);
            self.base.offset = 3;
        }
        Ok(())
    }

    /// An error at `at` in the text (valid or not), located from the window's base.
    fn invalid(&self, kind: DecodeErrorKind, at: usize) -> DecodeError {
        let mut bytes = self.text.as_bytes().to_vec();
        bytes.extend_from_slice(&self.pending);
        let from = self.start.min(bytes.len());
        let upto = at.clamp(from, bytes.len());
        let position = advance(self.base, bytes.get(from..upto).unwrap_or_default());
        DecodeError::new(kind, position, self.open.join("/"))
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

/// The position after `bytes`, read from `base`.
fn advance(base: Position, bytes: &[u8]) -> Position {
    Locator::without_bom()
        .locate(bytes, bytes.len())
        .rebased(base)
}

/// Which once-only elements have been read.
#[derive(Debug, Clone, Copy)]
struct Seen {
    data: bool,
    summary: bool,
    status: bool,
    stid: bool,
    ctid: bool,
}

/// Reads one item of the envelope at the tokenizer's position: a container's start or end
/// tag, blank text, or a whole element (an entry, the status, a message, …).
fn read_item<E: ListEntry>(
    tok: &mut Tokenizer<'_>,
    open: &[&'static str],
    seen: Seen,
) -> Result<Item<E>, DecodeError> {
    let (name, pos, attrs) = loop {
        match tok.next().map_err(|e| *e)? {
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
        ([_, _], DATA) => {
            once(&el, seen.data)?;
            el.note_attributes();
            Item::Open(DATA, pos, tok.owes_end())
        }
        ([_, _], "status") => {
            once(&el, seen.status)?;
            Item::Status(Status::from_xml(el)?)
        }
        ([_, _], "msg") => Item::Msg(Msg::from_xml(el)?),
        ([_, _, _], "summary") => {
            once(&el, seen.summary)?;
            Item::Summary(u64::from_xml(el)?)
        }
        ([_, _, _], n) if E::is_entry(n) => Item::Entry(E::from_xml(el)?),
        _ => Item::Unknown(el.into_raw()?),
    };
    Ok(item)
}
