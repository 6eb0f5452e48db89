//! One `<task>` of a request: its code, its body (typed by the code) and the envelope fields
//! every task may carry (ctid, reply_to, and the list query).

use super::{Order, View, Where};
use crate::RawElement;
use crate::codec::{self, ElementReader, FromXml, ToXml, XmlWriter, set_once};
use crate::error::{DecodeError, EncodeError};
use crate::quirk::Quirk;
use crate::registry::{self, AnyTask};
use crate::task::TaskCode;

/// One `<task>`: its code, body, and the envelope fields every task may carry.
#[derive(Debug, Clone)]
pub struct RequestTask {
    /// The task code.
    pub code: TaskCode,
    /// The body (the element after `code`).
    pub body: AnyTask,
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
    /// Server quirks repaired while decoding a bare `<task>` document
    /// ([`Document::Task`](crate::Document::Task)); a request's tasks leave them to the
    /// [`Request`](crate::Request). Not part of the value: ignored by `==`.
    pub quirks: Vec<Quirk>,
}

impl PartialEq for RequestTask {
    /// Compares the tasks; [`quirks`](Self::quirks) (diagnostics about the bytes read) are
    /// left out.
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
            && self.body == other.body
            && self.ctid == other.ctid
            && self.reply_to == other.reply_to
            && self.view == other.view
            && self.key == other.key
            && self.r#where == other.r#where
            && self.order == other.order
            && self.unknown == other.unknown
    }
}

impl RequestTask {
    /// A task with a code and a body, nothing else.
    pub fn new(code: TaskCode, body: AnyTask) -> Self {
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
            quirks: Vec::new(),
        }
    }

    /// A task this crate does not model: its code and body elements.
    pub fn other(code: TaskCode, body: Vec<RawElement>) -> Self {
        RequestTask {
            unknown: body,
            ..RequestTask::new(code, AnyTask::None)
        }
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

/// The envelope fields of a `<task>`, set where the task is built: any task body (or a
/// [`RequestTask`]) becomes a [`RequestTask`] with them.
///
/// ```
/// use autodns_xml::domain::{DomainCreate, DomainList};
/// use autodns_xml::{Auth, IntoRequestTask, Operator, Request, View, Where};
///
/// let create = DomainCreate::new("example.com").ownerc(1).adminc(2).techc(2).nserver("ns1.example.net");
/// let list = DomainList
///     .with_view(View::new(0, 50))
///     .with_where(Where::condition("name", Operator::Like, "*.de"));
/// let request = Request::new(Auth::new("user", "secret", "4"))
///     .task(create.with_ctid("order-4711"))
///     .task(list);
/// assert_eq!(request.tasks[0].ctid.as_deref(), Some("order-4711"));
/// assert!(request.tasks[1].r#where.is_some());
/// ```
pub trait IntoRequestTask: Into<RequestTask> {
    /// The task with a client transaction id (echoed in its answer and its notification).
    fn with_ctid(self, ctid: impl Into<String>) -> RequestTask {
        self.into().with_ctid(ctid)
    }

    /// The task with a fallback e-mail address for notifications.
    fn with_reply_to(self, reply_to: impl Into<String>) -> RequestTask {
        self.into().with_reply_to(reply_to)
    }

    /// The task with a list view.
    fn with_view(self, view: View) -> RequestTask {
        self.into().with_view(view)
    }

    /// The task with one more key to return.
    fn with_key(self, key: impl Into<String>) -> RequestTask {
        self.into().with_key(key)
    }

    /// The task with a filter.
    fn with_where(self, filter: Where) -> RequestTask {
        self.into().with_where(filter)
    }

    /// The task with one more sort order.
    fn with_order(self, order: Order) -> RequestTask {
        self.into().with_order(order)
    }
}

impl<T: Into<RequestTask>> IntoRequestTask for T {}

impl FromXml for RequestTask {
    fn from_xml(mut el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.note_attributes();
        let (src, prefix, limits) = (el.src(), el.open_path(), *el.limits());
        let mut code: Option<TaskCode> = None;
        let mut task = RequestTask::new(TaskCode::known("0"), AnyTask::None);
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
                name if registry::is_body_element(name) || registry::body_part(name).is_some() => {
                    // With its place among the unknown children, should it turn out to be one.
                    let part = registry::body_part(name);
                    bodies.push((task.unknown.len(), child.skip_span()?, part))
                }
                _ => task.unknown.push(child.into_raw()?),
            }
        }
        task.code = code.ok_or_else(|| el.missing("code"))?;
        let mut quirks = crate::quirk::Quirks::new(limits.max_quirks_per_kind);
        // Candidates that turn out not to be the body, with their place among the unknown
        // children: merged in one pass (an insert each would be quadratic).
        let mut strays: Vec<(usize, RawElement)> = Vec::new();
        // A part of this code's body (0202001's `default`) may come before the body element:
        // read once the body is known. Any other candidate that is not the body is a stray
        // at once.
        let mut parts = Vec::new();
        for (at, span, part) in bodies {
            let code = task.code.as_str();
            let body =
                codec::read_span(src, span, prefix.clone(), &limits, &mut quirks, |child| {
                    AnyTask::read(code, child)
                })?;
            match body {
                Some(body) if matches!(task.body, AnyTask::None) => task.body = body,
                Some(_) => {
                    let name = task.body.element().unwrap_or_default();
                    return Err(el.error(crate::error::DecodeErrorKind::DuplicateElement(
                        name.to_owned(),
                    )));
                }
                None if part.is_some_and(|p| registry::is_part_of(code, p)) => {
                    parts.push((at, span))
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
        let late_strays = !parts.is_empty();
        for (at, span) in parts {
            let body = &mut task.body;
            let read = codec::read_span(src, span, prefix.clone(), &limits, &mut quirks, |el| {
                body.read_part(el)
            })?;
            if !read {
                let raw =
                    codec::read_span(src, span, prefix.clone(), &limits, &mut quirks, |el| {
                        el.into_raw()
                    })?;
                strays.push((at, raw));
            }
        }
        if late_strays {
            // Stable: strays at one place keep their order.
            strays.sort_by_key(|(at, _)| *at);
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
        el.append_quirks(quirks);
        // No body element: the task's form without one, or an error for a modelled task
        // that cannot do without it (the encoder refuses that too).
        if matches!(task.body, AnyTask::None) {
            task.body = AnyTask::bodiless(task.code.as_str()).map_err(|body| el.missing(body))?;
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

/// A task for the structured fuzz target (see `codec::fuzz`).
#[cfg(feature = "arbitrary")]
mod generate {
    use super::{AnyTask, RequestTask};
    use crate::RawElement;
    use crate::codec::fuzz::Gen;
    use crate::raw::generate::unknown;
    use crate::registry::TASKS;
    use crate::task::TaskCode;
    use arbitrary::{Result, Unstructured};

    impl Gen for RequestTask {
        fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
            let code = TaskCode::generate(u)?;
            // Mostly a body that fits the code; any body now and then.
            let body = if u.ratio(1, 16)? {
                AnyTask::generate(u)?
            } else {
                AnyTask::generate_for(code.as_str(), u)?
            };
            let mut known = vec!["code", "ctid", "reply_to", "view", "key", "where", "order"];
            known.extend(
                TASKS
                    .iter()
                    .filter(|t| t.code == code.as_str())
                    .flat_map(|t| t.element.into_iter().chain(t.parts.iter().copied())),
            );
            let ctid = Gen::generate(u)?;
            let reply_to = Gen::generate(u)?;
            let view = Gen::generate(u)?;
            let key = Gen::generate(u)?;
            let r#where = Gen::generate(u)?;
            let order = Gen::generate(u)?;
            let mut unknown: Vec<RawElement> = unknown(u, &known)?.into_iter().collect();
            // Now and then an element called like another task's body (`domain`,
            // `message`, …), which this task keeps in its place among the unknown ones.
            if u.ratio(1, 4)? {
                let foreign: Vec<&str> = TASKS
                    .iter()
                    .filter_map(|t| t.element)
                    .filter(|e| !known.contains(e))
                    .collect();
                if let Ok(name) = u.choose(&foreign) {
                    let at = u.int_in_range(0..=unknown.len())?;
                    unknown.insert(at, RawElement::generate_named(u, name)?);
                }
            }
            Ok(RequestTask {
                body,
                ctid,
                reply_to,
                view,
                key,
                r#where,
                order,
                unknown,
                code,
                quirks: Vec::new(),
            })
        }
    }
    crate::codec::macros::arbitrary_via_gen!(RequestTask);
}
