//! One `<task>` of a request: its code, its body (typed by the code) and the envelope fields
//! every task may carry (ctid, reply_to, and the list query).

use super::{Order, View, Where};
use crate::RawElement;
use crate::certificate::{
    CertificateJobCancel, CertificateJobHistoryInfo, CertificateJobHistoryList, CertificateJobInfo,
    CertificateJobList, CertificateJobRef, ResendApproverEmail,
};
use crate::codec::{self, ElementReader, FromXml, ToXml, XmlWriter, set_once};
use crate::contact::{ContactCreate, Handle};
use crate::domain::{DomainCreate, DomainInfo, DomainList};
use crate::error::{DecodeError, EncodeError};
use crate::poll::{MessageRef, PollConfirm, PollInfo};
use crate::task::{Task, TaskCode};

/// The body of a modelled task: the element that follows `code`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "one value per document or task, never stored in bulk: boxing would only add an indirection"
)]
pub enum TaskBody {
    /// No body element: 0905 PollInfo, the list tasks (0105 list form, 400115, 400135), and
    /// tasks this crate does not model (their children are in [`RequestTask::unknown`]).
    None,
    /// 0301: `<handle>`.
    ContactCreate(ContactCreate),
    /// 0101: `<domain>` with contacts and name servers.
    DomainCreate(DomainCreate),
    /// 0105: `<domain><name>`.
    DomainInfo(DomainInfo),
    /// 0906: `<message><id>`.
    PollConfirm(MessageRef),
    /// 400113, 400114, 400118, 400134: `<certificate_job><job><id>`.
    CertificateJob(CertificateJobRef),
}

impl TaskBody {
    /// The body element's name, if any.
    pub fn element(&self) -> Option<&'static str> {
        match self {
            TaskBody::None => None,
            TaskBody::ContactCreate(_) => Some("handle"),
            TaskBody::DomainCreate(_) | TaskBody::DomainInfo(_) => Some("domain"),
            TaskBody::PollConfirm(_) => Some("message"),
            TaskBody::CertificateJob(_) => Some("certificate_job"),
        }
    }

    /// Whether this body belongs to task `code` (unmodelled codes take only `None`).
    pub fn fits(&self, code: &str) -> bool {
        match self {
            // 0105 reads one domain with a body, or lists domains without one.
            TaskBody::DomainInfo(_) => code == DomainInfo::CODE,
            body => body.element() == required_element(code),
        }
    }

    /// Reads body element `el` of task `code`; `Ok(None)` if the task has no such body.
    fn read(code: &str, el: ElementReader<'_, '_>) -> Result<Option<TaskBody>, DecodeError> {
        let expected = match code {
            c if c == DomainInfo::CODE => Some("domain"),
            c => required_element(c),
        };
        if expected != Some(el.name()) {
            return Ok(None);
        }
        Ok(Some(match el.name() {
            "handle" => TaskBody::ContactCreate(ContactCreate(Handle::from_xml(el)?)),
            "domain" if code == DomainCreate::CODE => {
                TaskBody::DomainCreate(DomainCreate::from_xml(el)?)
            }
            "domain" => TaskBody::DomainInfo(DomainInfo::from_xml(el)?),
            "message" => TaskBody::PollConfirm(MessageRef::from_xml(el)?),
            _ => TaskBody::CertificateJob(CertificateJobRef::from_xml(el)?),
        }))
    }

    fn write(&self, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        match self {
            TaskBody::None => Ok(()),
            TaskBody::ContactCreate(c) => c.0.to_xml("handle", w),
            TaskBody::DomainCreate(d) => d.to_xml("domain", w),
            TaskBody::DomainInfo(d) => d.to_xml("domain", w),
            TaskBody::PollConfirm(m) => m.to_xml("message", w),
            TaskBody::CertificateJob(c) => c.to_xml("certificate_job", w),
        }
    }
}

/// The tasks whose body is `<certificate_job><job><id>`.
const JOB_REF_CODES: [&str; 4] = [
    CertificateJobCancel::CODE,
    CertificateJobInfo::CODE,
    ResendApproverEmail::CODE,
    CertificateJobHistoryInfo::CODE,
];

/// The body element modelled task `code` cannot do without (0105's is optional: see
/// [`TaskBody::fits`]).
fn required_element(code: &str) -> Option<&'static str> {
    match code {
        c if c == ContactCreate::CODE => Some("handle"),
        c if c == DomainCreate::CODE => Some("domain"),
        c if c == PollConfirm::CODE => Some("message"),
        c if JOB_REF_CODES.contains(&c) => Some("certificate_job"),
        _ => None,
    }
}

/// One `<task>`: its code, body, and the envelope fields every task may carry.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestTask {
    /// The task code.
    pub code: TaskCode,
    /// The body (the element after `code`).
    pub body: TaskBody,
    /// Client transaction id, echoed back in the response.
    pub ctid: Option<String>,
    /// Fallback e-mail address for notifications.
    pub reply_to: Option<String>,
    /// List tasks: which slice to return.
    pub view: Option<View>,
    /// List tasks: extra fields to return.
    pub key: Vec<String>,
    /// List tasks: the filter.
    pub r#where: Option<Where>,
    /// List tasks: the sort order.
    pub order: Vec<Order>,
    /// Children this crate does not model (all of an unmodelled task's body), in order.
    pub unknown: Vec<RawElement>,
}

impl RequestTask {
    /// A task with a code and a body, nothing else.
    pub fn new(code: TaskCode, body: TaskBody) -> Self {
        RequestTask {
            code,
            body,
            ctid: None,
            reply_to: None,
            view: None,
            key: Vec::new(),
            r#where: None,
            order: Vec::new(),
            unknown: Vec::new(),
        }
    }

    /// A task this crate does not model: its code and body elements.
    pub fn other(code: TaskCode, body: Vec<RawElement>) -> Self {
        RequestTask {
            unknown: body,
            ..RequestTask::new(code, TaskBody::None)
        }
    }

    fn of<T: Task>(body: TaskBody) -> Self {
        RequestTask::new(TaskCode::known(T::CODE), body)
    }

    /// Sets the client transaction id.
    pub fn with_ctid(mut self, ctid: impl Into<String>) -> Self {
        self.ctid = Some(ctid.into());
        self
    }

    /// Sets the fallback e-mail address for notifications.
    pub fn with_reply_to(mut self, reply_to: impl Into<String>) -> Self {
        self.reply_to = Some(reply_to.into());
        self
    }

    /// Sets the list view.
    pub fn with_view(mut self, view: View) -> Self {
        self.view = Some(view);
        self
    }

    /// Adds a key to return.
    pub fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key.push(key.into());
        self
    }

    /// Sets the filter.
    pub fn with_where(mut self, filter: Where) -> Self {
        self.r#where = Some(filter);
        self
    }

    /// Adds a sort order.
    pub fn with_order(mut self, order: Order) -> Self {
        self.order.push(order);
        self
    }
}

macro_rules! task_from {
    ($($ty:ty => |$v:ident| $body:expr;)*) => {$(
        impl From<$ty> for RequestTask {
            fn from($v: $ty) -> Self {
                RequestTask::of::<$ty>($body)
            }
        }
    )*};
}

task_from! {
    ContactCreate => |v| TaskBody::ContactCreate(v);
    DomainCreate => |v| TaskBody::DomainCreate(v);
    DomainInfo => |v| TaskBody::DomainInfo(v);
    DomainList => |_v| TaskBody::None;
    PollInfo => |_v| TaskBody::None;
    PollConfirm => |v| TaskBody::PollConfirm(MessageRef { id: v.id, unknown: Vec::new() });
    CertificateJobCancel => |v| TaskBody::CertificateJob(CertificateJobRef::new(v.id));
    CertificateJobInfo => |v| TaskBody::CertificateJob(CertificateJobRef::new(v.id));
    CertificateJobHistoryInfo => |v| TaskBody::CertificateJob(CertificateJobRef::new(v.id));
    ResendApproverEmail => |v| TaskBody::CertificateJob(CertificateJobRef::new(v.id));
    CertificateJobList => |_v| TaskBody::None;
    CertificateJobHistoryList => |_v| TaskBody::None;
}

impl FromXml for RequestTask {
    fn from_xml(mut el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.note_attributes();
        let (src, prefix, limits) = (el.src(), el.open_path(), *el.limits());
        let mut code: Option<TaskCode> = None;
        let mut task = RequestTask::new(TaskCode::known("0"), TaskBody::None);
        // Body candidates are re-read once the code is known (it may come after them).
        let mut bodies = Vec::new();
        while let Some(child) = el.next_child()? {
            match child.name() {
                "code" => set_once(&mut code, child)?,
                "ctid" => set_once(&mut task.ctid, child)?,
                "reply_to" => set_once(&mut task.reply_to, child)?,
                "view" => set_once(&mut task.view, child)?,
                "key" => task.key.push(String::from_xml(child)?),
                "where" => set_once(&mut task.r#where, child)?,
                "order" => task.order.push(Order::from_xml(child)?),
                "handle" | "domain" | "message" | "certificate_job" => {
                    // With its place among the unknown children, should it turn out to be one.
                    bodies.push((task.unknown.len(), child.skip_span()?))
                }
                _ => task.unknown.push(child.into_raw()?),
            }
        }
        task.code = code.ok_or_else(|| el.missing("code"))?;
        let mut quirks = Vec::new();
        // Candidates that turn out not to be the body, with their place among the unknown
        // children: merged in one pass (an insert each would be quadratic).
        let mut strays: Vec<(usize, RawElement)> = Vec::new();
        for (at, span) in bodies {
            let code = task.code.as_str();
            let body =
                codec::read_span(src, span, prefix.clone(), &limits, &mut quirks, |child| {
                    TaskBody::read(code, child)
                })?;
            match body {
                Some(body) if task.body == TaskBody::None => task.body = body,
                Some(_) => {
                    let name = task.body.element().unwrap_or_default();
                    return Err(el.error(crate::error::DecodeErrorKind::DuplicateElement(
                        name.to_owned(),
                    )));
                }
                None => {
                    let raw =
                        codec::read_span(src, span, prefix.clone(), &limits, &mut quirks, |el| {
                            el.into_raw()
                        })?;
                    strays.push((at, raw));
                }
            }
        }
        if !strays.is_empty() {
            let unknown = std::mem::take(&mut task.unknown);
            let mut merged = Vec::with_capacity(unknown.len() + strays.len());
            let mut strays = strays.into_iter().peekable();
            for (i, raw) in unknown.into_iter().enumerate() {
                while let Some((_, stray)) = strays.next_if(|(at, _)| *at <= i) {
                    merged.push(stray);
                }
                merged.push(raw);
            }
            merged.extend(strays.map(|(_, stray)| stray));
            task.unknown = merged;
        }
        el.append_quirks(&mut quirks);
        // A modelled task without the body it cannot do without (the encoder refuses it too).
        if let (TaskBody::None, Some(body)) = (&task.body, required_element(task.code.as_str())) {
            return Err(el.missing(body));
        }
        Ok(task)
    }
}

impl ToXml for RequestTask {
    fn to_xml(&self, name: &str, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        if !self.body.fits(self.code.as_str()) {
            return Err(EncodeError::BodyMismatch {
                code: self.code.to_string(),
                body: self.body.element().unwrap_or("no body"),
            });
        }
        w.start(name)?;
        self.code.to_xml("code", w)?;
        self.body.write(w)?;
        if let Some(view) = &self.view {
            view.to_xml("view", w)?;
        }
        for key in &self.key {
            key.to_xml("key", w)?;
        }
        if let Some(filter) = &self.r#where {
            filter.to_xml("where", w)?;
        }
        for order in &self.order {
            order.to_xml("order", w)?;
        }
        for raw in &self.unknown {
            w.raw_element(&raw.name, raw)?;
        }
        if let Some(ctid) = &self.ctid {
            ctid.to_xml("ctid", w)?;
        }
        if let Some(reply_to) = &self.reply_to {
            reply_to.to_xml("reply_to", w)?;
        }
        w.end(name);
        Ok(())
    }
}
