//! The response envelope: `<response><result><data/><msg/>…<status/></result><stid/></response>`.

use super::{Msg, Status, StatusCode, StatusError, StatusKind, StatusType};
use crate::Limits;
use crate::Unknown;
use crate::codec::{self, ElementReader, FromXml, Layout, ToXml, XmlWriter, set_once};
use crate::error::{DecodeError, DecodeErrorKind, EncodeError};
use crate::quirk::Quirk;

/// One `<result>`: a task's data, messages and status.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TaskResult<D> {
    /// The task's payload (`None` if the element was absent).
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub data: Option<D>,
    /// Messages, in the order they came.
    #[serde(rename = "msg", default, skip_serializing_if = "Vec::is_empty")]
    pub msgs: Vec<Msg>,
    /// The status.
    pub status: Status,
    /// How many of `msgs` (the last ones) came after the status; the real gateway puts
    /// them all first (0). Values above `msgs.len()` are treated as `msgs.len()`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub msgs_after_status: usize,
    /// Children this crate does not model.
    #[serde(
        rename = "_unknown",
        default,
        skip_serializing_if = "Unknown::is_empty"
    )]
    pub unknown: Unknown,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl<D> TaskResult<D> {
    /// A result with data and status, no messages.
    pub fn new(data: Option<D>, status: Status) -> Self {
        TaskResult {
            data,
            msgs: Vec::new(),
            status,
            msgs_after_status: 0,
            unknown: Unknown::new(),
        }
    }

    /// Every message, nested ones included, depth first in document order (see
    /// [`Msg::walk`]).
    pub fn all_msgs(&self) -> impl Iterator<Item = &Msg> {
        Msg::walk(&self.msgs)
    }

    /// The same result with other data (e.g. to type raw data once its code is known).
    pub fn with_data<E>(self, data: Option<E>) -> TaskResult<E> {
        TaskResult {
            data,
            msgs: self.msgs,
            status: self.status,
            msgs_after_status: self.msgs_after_status,
            unknown: self.unknown,
        }
    }
}

/// What a child of `<result>` is, by its name (see [`ResultParts::judge`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResultChild {
    Data,
    Status,
    Msg,
    Unknown,
}

/// A `<result>` being read, child by child: the one reading of a result's children, which
/// both the whole-document decoder ([`TaskResult`]'s `from_xml`) and the streaming reader
/// (`stream::ListReader`) go through. Each judges a child with
/// [`judge`](Self::judge), reads it as it reads (the stream walks into `data` rather than
/// reading it whole), and keeps it here; [`finish`](Self::finish) makes the result.
#[derive(Debug)]
pub(crate) struct ResultParts<D> {
    pub(crate) data: Option<D>,
    pub(crate) msgs: Vec<Msg>,
    pub(crate) status: Option<Status>,
    msgs_after_status: usize,
    pub(crate) unknown: Unknown,
}

impl<D> Default for ResultParts<D> {
    fn default() -> Self {
        ResultParts {
            data: None,
            msgs: Vec::new(),
            status: None,
            msgs_after_status: 0,
            unknown: Unknown::new(),
        }
    }
}

impl<D> ResultParts<D> {
    /// What `child` is; a second `data` or `status` is refused before it is read.
    pub(crate) fn judge(&self, child: &ElementReader<'_, '_>) -> Result<ResultChild, DecodeError> {
        let (kind, seen) = match child.name() {
            "data" => (ResultChild::Data, self.data.is_some()),
            "status" => (ResultChild::Status, self.status.is_some()),
            "msg" => (ResultChild::Msg, false),
            _ => (ResultChild::Unknown, false),
        };
        match seen {
            true => Err(child.duplicate()),
            false => Ok(kind),
        }
    }

    /// Keeps a message, counting it among those after the status if one came before it.
    pub(crate) fn push_msg(&mut self, msg: Msg) {
        crate::codec::macros::push_item(&mut self.msgs, msg);
        if self.status.is_some() {
            self.msgs_after_status += 1;
        }
    }

    /// The result, at the end of its element; `missing` is the error for a result without
    /// a status.
    pub(crate) fn finish(
        self,
        missing: impl FnOnce() -> DecodeError,
    ) -> Result<TaskResult<D>, DecodeError> {
        let status = self.status.ok_or_else(missing)?;
        Ok(TaskResult {
            data: self.data,
            msgs: crate::codec::macros::fit(self.msgs),
            status,
            msgs_after_status: self.msgs_after_status,
            unknown: self.unknown,
        })
    }
}

impl<D: FromXml> FromXml for TaskResult<D> {
    fn from_xml(mut el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.note_attributes();
        let mut parts = ResultParts::default();
        while let Some(child) = el.next_child()? {
            match parts.judge(&child)? {
                ResultChild::Data => parts.data = Some(D::from_xml(child)?),
                ResultChild::Status => parts.status = Some(Status::from_xml(child)?),
                ResultChild::Msg => parts.push_msg(Msg::from_xml(child)?),
                ResultChild::Unknown => parts.unknown.read(child)?,
            }
        }
        parts.finish(|| el.missing("status"))
    }
}

impl<D: ToXml> ToXml for TaskResult<D> {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        w.start(name)?;
        if let Some(data) = &self.data {
            data.to_xml("data", w)?;
        }
        let split = self.msgs.len().saturating_sub(self.msgs_after_status);
        let (before, after) = self.msgs.split_at(split);
        for msg in before {
            msg.to_xml("msg", w)?;
        }
        self.status.to_xml("status", w)?;
        for msg in after {
            msg.to_xml("msg", w)?;
        }
        self.unknown.write_xml(w)?;
        w.end(name);
        Ok(())
    }
}

/// A response: one result per task, the server transaction id, and the request's ctid.
///
/// `D` is the data type: a task's `Data` (see [`decode_response`](crate::decode_response)),
/// [`AnyData`](crate::AnyData) (typed by status code) or [`RawElement`](crate::RawElement)
/// (kept as it came).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Response<D> {
    /// The results, one per task.
    #[serde(rename = "result")]
    pub results: Vec<TaskResult<D>>,
    /// The server transaction id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stid: Option<String>,
    /// The client transaction id the request carried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ctid: Option<String>,
    /// Children this crate does not model.
    #[serde(
        rename = "_unknown",
        default,
        skip_serializing_if = "Unknown::is_empty"
    )]
    pub unknown: Unknown,
    /// Server quirks repaired while decoding, in document order: at most
    /// [`Limits::max_quirks_per_kind`](crate::Limits::max_quirks_per_kind) of each kind, the
    /// rest counted in [`Quirk::repeats`]. Not part of the value: ignored by `==`.
    #[serde(skip)]
    pub quirks: Vec<Quirk>,
}

impl<D: PartialEq> PartialEq for Response<D> {
    /// Compares the responses; [`quirks`](Self::quirks) (diagnostics about the bytes read)
    /// are left out.
    fn eq(&self, other: &Self) -> bool {
        self.results == other.results
            && self.stid == other.stid
            && self.ctid == other.ctid
            && self.unknown == other.unknown
    }
}

impl<D> Response<D> {
    /// A response with one result.
    pub fn new(result: TaskResult<D>) -> Self {
        Response {
            results: vec![result],
            stid: None,
            ctid: None,
            unknown: Unknown::new(),
            quirks: Vec::new(),
        }
    }

    /// A one-result answer to task `T`, as the gateway would give it: a status of `kind` for
    /// `T`'s code (with the matching type) and `data`. For fakes and tests.
    ///
    /// ```
    /// use autodns_xml::domain::{Domain, DomainInfo, DomainInfoData};
    /// use autodns_xml::{Response, StatusKind, decode_response};
    ///
    /// let data = DomainInfoData { domain: vec![Domain::new("example.com")], ..Default::default() };
    /// let fake = Response::answer::<DomainInfo>(StatusKind::Success, data).with_stid("fake-1");
    /// let xml = fake.to_xml()?;
    /// assert!(xml.contains("<code>S0105</code>") && xml.contains("<type>success</type>"));
    /// assert_eq!(decode_response::<DomainInfo>(xml.as_bytes())?, fake);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn answer<T: crate::Task<Data = D>>(kind: StatusKind, data: D) -> Self {
        let mut status = Status::new(StatusCode::of::<T>(kind));
        status.kind = Some(match kind {
            StatusKind::Success => StatusType::Success,
            StatusKind::Error => StatusType::Error,
            StatusKind::Notify => StatusType::Notify,
        });
        Response::new(TaskResult::new(Some(data), status))
    }

    /// Sets the server transaction id.
    pub fn with_stid(mut self, stid: impl Into<String>) -> Self {
        self.stid = Some(stid.into());
        self
    }

    /// The first result.
    pub fn result(&self) -> Option<&TaskResult<D>> {
        self.results.first()
    }

    /// The first result's status.
    pub fn status(&self) -> Option<&Status> {
        self.result().map(|r| &r.status)
    }

    /// The first result's data.
    pub fn data(&self) -> Option<&D> {
        self.result().and_then(|r| r.data.as_ref())
    }

    /// The response, or a [`StatusError`] if a result's status is an error (`E…`): the
    /// first such result's status, its messages (nested ones included) and the transaction
    /// ids. Success and notify statuses pass. Like reqwest's `error_for_status`:
    ///
    /// ```
    /// use autodns_xml::domain::DomainCreate;
    /// use autodns_xml::decode_response;
    ///
    /// let answer = br#"<response><result><msg><code>EF01006</code><text>Name server check failed.</text></msg>
    ///   <status><code>E0101</code><text>Domain not created.</text><type>error</type>
    ///   <object><type>domain</type><value>example.com</value></object></status></result></response>"#;
    /// // A failed task is an `Err` after one call, with every code a log needs.
    /// let err = decode_response::<DomainCreate>(answer)?.error_for_status().unwrap_err();
    /// assert!(err.code().is_error());
    /// assert_eq!(err.object().and_then(|o| o.value.as_deref()), Some("example.com"));
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"E0101 "Domain not created." (domain example.com); messages: EF01006 "Name server check failed.""#
    /// );
    /// # Ok::<(), autodns_xml::DecodeError>(())
    /// ```
    ///
    /// With `?` in a function returning `Box<dyn Error>` (or `anyhow::Result`), decoding and
    /// the status check are one line: `decode_response::<T>(xml)?.error_for_status()?`.
    pub fn error_for_status(self) -> Result<Self, StatusError> {
        match self.status_error() {
            Some(e) => Err(e),
            None => Ok(self),
        }
    }

    /// [`error_for_status`](Self::error_for_status) without giving the response up.
    pub fn error_for_status_ref(&self) -> Result<&Self, StatusError> {
        match self.status_error() {
            Some(e) => Err(e),
            None => Ok(self),
        }
    }

    fn status_error(&self) -> Option<StatusError> {
        self.results
            .iter()
            .enumerate()
            .find_map(|(i, r)| StatusError::of(i, r, self.stid.as_ref(), self.ctid.as_ref()))
    }
}

impl<D: FromXml> Response<D> {
    /// Decodes a response document with data of type `D`, whatever task its status names
    /// ([`decode_response`](crate::decode_response) checks that it is the one you asked).
    /// With [`RawElement`](crate::RawElement) the data of any task is kept as a tree, and
    /// re-encodes unchanged.
    ///
    /// ```
    /// use autodns_xml::{Layout, RawElement, Response};
    ///
    /// let xml = b"<response><result><data><zone><name>example.com</name>\
    ///             <ns_action>complete</ns_action></zone></data>\
    ///             <status><code>S0205</code></status></result></response>";
    /// let response = Response::<RawElement>::decode(xml)?;
    /// let zone = response.data().and_then(|d| d.get("zone")).expect("a zone");
    /// assert_eq!(zone.get("ns_action").map(|a| a.text()).as_deref(), Some("complete"));
    /// let again = response.to_xml_with(Layout::Compact)?;
    /// assert!(again.contains("<zone><name>example.com</name><ns_action>complete</ns_action>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decode(xml: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(xml, &Limits::default())
    }

    /// [`decode`](Self::decode) under your own [`Limits`] instead of the defaults.
    pub fn decode_with(xml: &[u8], limits: &Limits) -> Result<Self, DecodeError> {
        Self::decode_document(xml, limits, None)
    }
}

impl<D: ToXml> Response<D> {
    /// Encodes the response as an indented document with an XML declaration.
    pub fn to_xml(&self) -> Result<String, EncodeError> {
        self.to_xml_with(Layout::Indented)
    }

    /// Encodes the response with the given layout.
    pub fn to_xml_with(&self, layout: Layout) -> Result<String, EncodeError> {
        codec::write_document(self, "response", layout)
    }

    /// Encodes the response straight into `out` (a file, a socket, a `BufWriter`, …) through a
    /// 64 KiB buffer, with no intermediate tree and no whole-document string: memory stays
    /// flat however many entries the response holds. The bytes are those of
    /// [`to_xml_with`](Self::to_xml_with). A value that cannot be encoded is an
    /// [`InvalidData`](std::io::ErrorKind::InvalidData) error wrapping the
    /// [`EncodeError`](crate::EncodeError).
    pub fn write_to(&self, out: impl std::io::Write, layout: Layout) -> std::io::Result<()> {
        codec::write_document_to(self, "response", layout, out)
    }
}

impl<D: FromXml> FromXml for Response<D> {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        Self::read(el, None)
    }
}

impl<D: FromXml> Response<D> {
    /// Decodes the answer to task `code`: a success or notify status of another task is a
    /// [`WrongTask`](crate::DecodeErrorKind::WrongTask) error at its result.
    pub(crate) fn decode_for(
        xml: &[u8],
        limits: &Limits,
        code: &'static str,
    ) -> Result<Self, DecodeError> {
        Self::decode_document(xml, limits, Some(code))
    }

    /// A response document, its results checked against task `task` if one is given.
    fn decode_document(
        xml: &[u8],
        limits: &Limits,
        task: Option<&'static str>,
    ) -> Result<Self, DecodeError> {
        let (src, start) = codec::prepare(xml, limits)?;
        let (mut resp, quirks) = codec::read_document(src, start, limits, |el| {
            if el.name() != "response" {
                return Err(el.unexpected_root("<response>"));
            }
            Self::read(el, task)
        })?;
        resp.quirks = quirks.into_vec();
        Ok(resp)
    }

    fn read(
        mut el: ElementReader<'_, '_>,
        task: Option<&'static str>,
    ) -> Result<Self, DecodeError> {
        el.note_attributes();
        let (mut results, mut stid, mut ctid, mut unknown) =
            (Vec::new(), None, None, Unknown::new());
        while let Some(child) = el.next_child()? {
            match child.name() {
                "result" => {
                    let at = child.start();
                    let result = TaskResult::from_xml(child)?;
                    if let Some(code) = task {
                        let status = &result.status.code;
                        if status.kind != StatusKind::Error && status.task != code {
                            let kind = DecodeErrorKind::WrongTask {
                                expected: format!("task {code}"),
                                found: status.to_string(),
                            };
                            return Err(el.error_at_child(at, "result", kind));
                        }
                    }
                    results.push(result);
                }
                "stid" => set_once(&mut stid, child)?,
                "ctid" => set_once(&mut ctid, child)?,
                _ => unknown.read(child)?,
            }
        }
        if results.is_empty() {
            return Err(el.missing("result"));
        }
        Ok(Response {
            results,
            stid,
            ctid,
            unknown,
            quirks: Vec::new(),
        })
    }
}

impl<D: ToXml> ToXml for Response<D> {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        if self.results.is_empty() {
            return Err(EncodeError::Missing("a response needs at least one result"));
        }
        w.start(name)?;
        for result in &self.results {
            result.to_xml("result", w)?;
        }
        self.unknown.write_xml(w)?;
        if let Some(stid) = &self.stid {
            stid.to_xml("stid", w)?;
        }
        if let Some(ctid) = &self.ctid {
            ctid.to_xml("ctid", w)?;
        }
        w.end(name);
        Ok(())
    }
}
