//! The request envelope: `<request><auth/><owner/><language/><task/>…</request>`.

use super::{Auth, RequestTask, User};
use crate::Limits;
use crate::Unknown;
use crate::codec::{self, ElementReader, FromXml, Layout, ToXml, XmlWriter, set_once};
use crate::error::{DecodeError, EncodeError};
use crate::quirk::Quirk;

/// A request: credentials, optional subuser and language, and one or more tasks.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Request {
    /// Who sends the request.
    pub auth: Auth,
    /// Act on behalf of this subuser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<User>,
    /// The language of status texts (`en`, `de`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The tasks (at least one).
    #[serde(rename = "task")]
    pub tasks: Vec<RequestTask>,
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

impl PartialEq for Request {
    /// Compares the requests; [`quirks`](Self::quirks) (diagnostics about the bytes read)
    /// are left out.
    fn eq(&self, other: &Self) -> bool {
        self.auth == other.auth
            && self.owner == other.owner
            && self.language == other.language
            && self.tasks == other.tasks
            && self.unknown == other.unknown
    }
}

impl Request {
    /// A request with credentials and no task yet.
    pub fn new(auth: Auth) -> Self {
        Request {
            auth,
            owner: None,
            language: None,
            tasks: Vec::new(),
            unknown: Default::default(),
            quirks: Vec::new(),
        }
    }

    /// Adds a task (anything that converts into a [`RequestTask`]).
    pub fn task(mut self, task: impl Into<RequestTask>) -> Self {
        self.tasks.push(task.into());
        self
    }

    /// Sets the client transaction id of the task added last, so that
    /// `Request::new(auth).task(create).with_ctid("order-4711")` reads as it is meant.
    /// Before any task is added there is no task to carry it, and nothing is set: use
    /// [`IntoRequestTask::with_ctid`](super::IntoRequestTask::with_ctid) on the task itself
    /// to be explicit.
    ///
    /// ```
    /// use autodns_xml::domain::DomainCreate;
    /// use autodns_xml::{Auth, Request};
    ///
    /// let create = DomainCreate::new("example.com").ownerc(1).adminc(2).techc(2).nserver("ns1.example.net");
    /// let request = Request::new(Auth::new("user", "secret", "4")).task(create).with_ctid("order-4711");
    /// assert_eq!(request.tasks[0].ctid.as_deref(), Some("order-4711"));
    /// ```
    pub fn with_ctid(mut self, ctid: impl Into<String>) -> Self {
        if let Some(task) = self.tasks.last_mut() {
            task.ctid = Some(ctid.into());
        }
        self
    }

    /// Sets the fallback notification e-mail address of the task added last (see
    /// [`with_ctid`](Self::with_ctid)).
    pub fn with_reply_to(mut self, reply_to: impl Into<String>) -> Self {
        if let Some(task) = self.tasks.last_mut() {
            task.reply_to = Some(reply_to.into());
        }
        self
    }

    /// Acts on behalf of a subuser.
    pub fn with_owner(mut self, owner: User) -> Self {
        self.owner = Some(owner);
        self
    }

    /// Sets the language of status texts.
    pub fn with_language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Decodes a request document (the same as [`decode_request`](crate::decode_request)).
    /// What [`to_xml`](Self::to_xml) writes decodes back equal.
    ///
    /// ```
    /// use autodns_xml::domain::DomainInfo;
    /// use autodns_xml::{Auth, Request};
    ///
    /// let request = Request::new(Auth::new("user", "secret", "4"))
    ///     .with_language("en")
    ///     .task(DomainInfo::new("example.com"))
    ///     .with_ctid("info-1");
    /// let back = Request::decode(request.to_xml()?.as_bytes())?;
    /// assert_eq!(back, request);
    /// assert_eq!(back.auth.password.expose(), "secret"); // the encoder writes it as it is
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decode(xml: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(xml, &Limits::default())
    }

    /// [`decode`](Self::decode) under your own [`Limits`] instead of the defaults.
    pub fn decode_with(xml: &[u8], limits: &Limits) -> Result<Self, DecodeError> {
        let (src, start) = codec::prepare(xml, limits)?;
        let (mut req, quirks) = codec::read_document(src, start, limits, |el| {
            if el.name() != "request" {
                return Err(el.unexpected_root("<request>"));
            }
            Request::from_xml(el)
        })?;
        req.quirks = quirks.into_vec();
        Ok(req)
    }

    /// Encodes the request as an indented document with an XML declaration.
    pub fn to_xml(&self) -> Result<String, EncodeError> {
        self.to_xml_with(Layout::Indented)
    }

    /// Encodes the request with the given layout.
    pub fn to_xml_with(&self, layout: Layout) -> Result<String, EncodeError> {
        codec::write_document(self, "request", layout)
    }

    /// Encodes the request straight into `out` (a file, a socket, a `BufWriter`, …) through a
    /// 64 KiB buffer, with no intermediate tree and no whole-document string: memory stays
    /// flat however many entries the request holds. The bytes are those of
    /// [`to_xml_with`](Self::to_xml_with). A value that cannot be encoded is an
    /// [`InvalidData`](std::io::ErrorKind::InvalidData) error wrapping the
    /// [`EncodeError`](crate::EncodeError).
    pub fn write_to(&self, out: impl std::io::Write, layout: Layout) -> std::io::Result<()> {
        codec::write_document_to(self, "request", layout, out)
    }

    /// A copy with the password and token replaced by `***`, for logs.
    pub fn redacted(&self) -> Self {
        let mut copy = self.clone();
        copy.auth.password = crate::Secret::masked();
        if copy.auth.token.is_some() {
            copy.auth.token = Some(crate::Secret::masked());
        }
        copy
    }
}

impl FromXml for Request {
    fn from_xml(mut el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.note_attributes();
        let (mut auth, mut owner, mut language) = (None, None, None);
        let (mut tasks, mut unknown) = (Vec::new(), Unknown::new());
        while let Some(child) = el.next_child()? {
            match child.name() {
                "auth" => set_once(&mut auth, child)?,
                "owner" => set_once(&mut owner, child)?,
                "language" => set_once(&mut language, child)?,
                "task" => tasks.push(RequestTask::from_xml(child)?),
                _ => unknown.read(child)?,
            }
        }
        let auth = auth.ok_or_else(|| el.missing("auth"))?;
        if tasks.is_empty() {
            return Err(el.missing("task"));
        }
        Ok(Request {
            auth,
            owner,
            language,
            tasks,
            unknown,
            quirks: Vec::new(),
        })
    }
}

impl ToXml for Request {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        if self.tasks.is_empty() {
            return Err(EncodeError::Missing("a request needs at least one task"));
        }
        w.start(name)?;
        self.auth.to_xml("auth", w)?;
        if let Some(owner) = &self.owner {
            owner.to_xml("owner", w)?;
        }
        if let Some(language) = &self.language {
            language.to_xml("language", w)?;
        }
        for task in &self.tasks {
            task.to_xml("task", w)?;
        }
        self.unknown.write_xml(w)?;
        w.end(name);
        Ok(())
    }
}
