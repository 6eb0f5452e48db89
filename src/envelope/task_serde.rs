//! JSON (serde) form of a [`RequestTask`]: keys are the wire names, the body sits under its
//! element name (`handle`, `domain`, `message`, `certificate_job`), and which body it is
//! follows from `code`, as on the wire.

use super::task::{RequestTask, TaskBody};
use super::{Order, View, Where};
use crate::RawElement;
use crate::Task;
use crate::certificate::CertificateJobRef;
use crate::contact::{ContactCreate, Handle};
use crate::domain::{DomainCreate, DomainInfo};
use crate::poll::MessageRef;
use crate::task::TaskCode;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Serialize)]
struct Out<'a> {
    code: &'a TaskCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    handle: Option<&'a Handle>,
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<DomainOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a MessageRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    certificate_job: Option<&'a CertificateJobRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    view: Option<&'a View>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    key: &'a [String],
    #[serde(rename = "where", skip_serializing_if = "Option::is_none")]
    filter: Option<&'a Where>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    order: &'a [Order],
    #[serde(skip_serializing_if = "Option::is_none")]
    ctid: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_to: Option<&'a String>,
    #[serde(rename = "_unknown", skip_serializing_if = "<[_]>::is_empty")]
    unknown: &'a [RawElement],
}

#[derive(Serialize)]
#[serde(untagged)]
enum DomainOut<'a> {
    Create(&'a DomainCreate),
    Info(&'a DomainInfo),
}

#[derive(Deserialize)]
struct In {
    code: TaskCode,
    #[serde(default)]
    handle: Option<Handle>,
    #[serde(default)]
    domain: Option<DomainIn>,
    #[serde(default)]
    message: Option<MessageRef>,
    #[serde(default)]
    certificate_job: Option<CertificateJobRef>,
    #[serde(default)]
    view: Option<View>,
    #[serde(default)]
    key: Vec<String>,
    #[serde(rename = "where", default)]
    filter: Option<Where>,
    #[serde(default)]
    order: Vec<Order>,
    #[serde(default)]
    ctid: Option<String>,
    #[serde(default)]
    reply_to: Option<String>,
    #[serde(rename = "_unknown", default)]
    unknown: Vec<RawElement>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum DomainIn {
    Create(DomainCreate),
    Info(DomainInfo),
}

impl Serialize for RequestTask {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = Out {
            code: &self.code,
            handle: None,
            domain: None,
            message: None,
            certificate_job: None,
            view: self.view.as_ref(),
            key: &self.key,
            filter: self.r#where.as_ref(),
            order: &self.order,
            ctid: self.ctid.as_ref(),
            reply_to: self.reply_to.as_ref(),
            unknown: &self.unknown,
        };
        match &self.body {
            TaskBody::None => {}
            TaskBody::ContactCreate(c) => out.handle = Some(&c.0),
            TaskBody::DomainCreate(d) => out.domain = Some(DomainOut::Create(d)),
            TaskBody::DomainInfo(d) => out.domain = Some(DomainOut::Info(d)),
            TaskBody::PollConfirm(m) => out.message = Some(m),
            TaskBody::CertificateJob(c) => out.certificate_job = Some(c),
        }
        out.serialize(s)
    }
}

impl<'de> Deserialize<'de> for RequestTask {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let i = In::deserialize(d)?;
        let code = i.code.as_str();
        // The body is the element present; whether it belongs to the code, `fits` says.
        let body = match (i.handle, i.domain, i.message, i.certificate_job) {
            (None, None, None, None) => TaskBody::None,
            (Some(h), None, None, None) => TaskBody::ContactCreate(ContactCreate(h)),
            (None, Some(DomainIn::Create(c)), None, None) => TaskBody::DomainCreate(c),
            (None, Some(DomainIn::Info(info)), None, None) => TaskBody::DomainInfo(info),
            (None, None, Some(m), None) => TaskBody::PollConfirm(m),
            (None, None, None, Some(c)) => TaskBody::CertificateJob(c),
            _ => {
                return Err(D::Error::custom(format!(
                    "task {code}: body does not fit the task code"
                )));
            }
        };
        if !body.fits(code) {
            return Err(D::Error::custom(match body {
                TaskBody::None => format!("task {code} needs a body"),
                TaskBody::DomainInfo(_) if code == DomainCreate::CODE => {
                    "task 0101 needs domain with name, ownerc, adminc, techc and nserver".to_owned()
                }
                _ => format!("task {code}: body does not fit the task code"),
            }));
        }
        Ok(RequestTask {
            code: i.code,
            body,
            ctid: i.ctid,
            reply_to: i.reply_to,
            view: i.view,
            key: i.key,
            r#where: i.filter,
            order: i.order,
            unknown: i.unknown,
        })
    }
}
