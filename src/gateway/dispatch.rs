//! One request in, one answer out: decoding, authentication, the rate limit, the tasks in
//! order, and the answer's encoding with the quirks asked for. No HTTP here (see `server`).

use super::faults::{Faults, RateLimitAnswer};
use super::server::Shared;
use super::state::State;
use super::{
    Credentials, authinfo, cancelations, certificates, contacts, domains, lifecycle, poll, zones,
};
use crate::envelope::{
    Auth, Msg, ObjectRef, Request, Response, Status, StatusCode, StatusKind, StatusType, TaskResult,
};
use crate::registry::{AnyData, AnyTask};
use crate::task::{Task, TaskCode};
use crate::{Layout, RequestTask, User};

/// A task's result.
pub(crate) type Outcome = TaskResult<AnyData>;

/// What to send back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reply {
    /// HTTP 200, `text/xml`, this body.
    Xml(String),
    /// This HTTP status, no body.
    Http(u16),
    /// Close the connection without an answer.
    Drop,
}

fn status(code: StatusCode, kind: StatusType, text: &str, object: Option<ObjectRef>) -> Status {
    let mut status = Status::new(code);
    status.text = Some(text.to_owned());
    status.kind = Some(kind);
    status.object = object;
    status
}

/// `S<code>` with data.
pub(crate) fn success<T: Task>(text: &str, object: Option<ObjectRef>, data: AnyData) -> Outcome {
    let s = status(
        StatusCode::of::<T>(StatusKind::Success),
        StatusType::Success,
        text,
        object,
    );
    TaskResult::new(Some(data), s)
}

/// `N<code>` with data: accepted, the result comes as a notification.
pub(crate) fn notify<T: Task>(text: &str, object: Option<ObjectRef>, data: AnyData) -> Outcome {
    let s = status(
        StatusCode::of::<T>(StatusKind::Notify),
        StatusType::Notify,
        text,
        object,
    );
    TaskResult::new(Some(data), s)
}

/// `E<code>`, no data.
pub(crate) fn failure<T: Task>(text: &str, object: Option<ObjectRef>) -> Outcome {
    let s = status(
        StatusCode::of::<T>(StatusKind::Error),
        StatusType::Error,
        text,
        object,
    );
    TaskResult::new(None, s)
}

/// `E<code>` for a task the fake does not implement.
fn unsupported(code: &TaskCode) -> Outcome {
    let text = format!("The local gateway does not implement task {code}.");
    let s = status(
        StatusCode::new(StatusKind::Error, code.clone()),
        StatusType::Error,
        &text,
        None,
    );
    TaskResult::new(None, s)
}

fn msg(code: &str, text: &str, object: Option<ObjectRef>) -> Msg {
    Msg {
        code: Some(code.to_owned()),
        text: Some(text.to_owned()),
        kind: Some(StatusType::Error),
        object,
        ..Msg::default()
    }
}

/// `E00000` "Errors occurred during processing." with one msg: the gateway's answer to a
/// request it could not process at all (see the module documentation for the sources).
fn general_error(detail: Msg) -> Outcome {
    let code = StatusCode::new(StatusKind::Error, TaskCode::known("00000"));
    let s = status(
        code,
        StatusType::Error,
        "Errors occurred during processing.",
        None,
    );
    let mut result = TaskResult::new(None, s);
    result.msgs.push(detail);
    result
}

/// The answer to a request that does not decode.
fn parser_error() -> Outcome {
    general_error(msg("EF00000", "Parser error", None))
}

/// The refusal when `auth` is not the configured one.
fn check_auth(expected: &Credentials, auth: &Auth) -> Option<Outcome> {
    if auth.context != expected.context {
        let object = ObjectRef::new("request.auth.context", auth.context.clone());
        return Some(general_error(msg(
            "EF01000",
            "Missing or wrong value.",
            Some(object),
        )));
    }
    let token_ok = match (&expected.token, &auth.token) {
        (None, _) => true,
        (Some(want), Some(got)) => want.expose() == got.expose(),
        (Some(_), None) => false,
    };
    if auth.user != expected.user
        || auth.password.expose() != expected.password.expose()
        || !token_ok
    {
        let object = ObjectRef::default().kind("request.auth");
        return Some(general_error(msg(
            "EF01000",
            "Missing or wrong value.",
            Some(object),
        )));
    }
    None
}

/// Runs one task against the state.
fn run_task(state: &mut State, task: &RequestTask, owner: &User, due_ms: Option<u64>) -> Outcome {
    match &task.body {
        AnyTask::ContactCreate(t) => contacts::create(state, t),
        AnyTask::HandleUpdate(t) => contacts::update(state, t),
        AnyTask::HandleDelete(t) => contacts::delete(state, t),
        AnyTask::HandleInfo(t) => contacts::info(state, t),
        AnyTask::HandleList(_) => contacts::list(state, task),
        AnyTask::DomainCreate(t) => domains::create(state, t, task.ctid.as_deref(), owner, due_ms),
        AnyTask::DomainUpdate(t) => domains::update(state, t, task.ctid.as_deref(), owner, due_ms),
        AnyTask::DomainRenew(t) => lifecycle::renew(state, t, task.ctid.as_deref(), owner, due_ms),
        AnyTask::DomainTransfer(t) => {
            lifecycle::transfer(state, t, task.ctid.as_deref(), owner, due_ms)
        }
        AnyTask::DomainOwnerchange(t) => {
            lifecycle::ownerchange(state, t, task.ctid.as_deref(), owner, due_ms)
        }
        AnyTask::TransferOutList(_) => lifecycle::transfers_out(),
        AnyTask::DomainInfo(t) => domains::info(state, t),
        AnyTask::DomainList(_) => domains::list(state, task),
        AnyTask::PollInfo(_) => poll::info(state),
        AnyTask::PollConfirm(t) => poll::confirm(state, t),
        AnyTask::CertificateJobInfo(t) => certificates::info(state, t),
        AnyTask::CertificateJobList(_) => certificates::list(state, task),
        AnyTask::CertificateJobCancel(t) => certificates::cancel(state, t),
        AnyTask::ResendApproverEmail(t) => certificates::resend(state, t),
        AnyTask::CertificateJobHistoryInfo(t) => certificates::history_info(state, t),
        AnyTask::CertificateJobHistoryList(_) => certificates::history_list(state, task),
        AnyTask::CancelationCreate(t) => cancelations::create(state, t, owner),
        AnyTask::CancelationUpdate(t) => cancelations::update(state, t, owner),
        AnyTask::CancelationDelete(t) => cancelations::delete(state, t),
        AnyTask::CancelationInfo(t) => cancelations::info(state, t),
        AnyTask::CancelationList(_) => cancelations::list(state, task),
        AnyTask::AuthInfo1Create(t) => authinfo::create(state, t),
        AnyTask::AuthInfo1Delete(t) => authinfo::delete(state, t),
        AnyTask::AuthInfo2Create(t) => authinfo::create2(state, t),
        AnyTask::AuthInfoSend(t) => authinfo::send(state, t),
        AnyTask::ZoneCreate(t) => zones::create(state, t),
        AnyTask::ZoneUpdate(t) => zones::update(state, t),
        AnyTask::ZoneStream(t) => zones::stream(state, t),
        AnyTask::ZoneDelete(t) => zones::delete(state, t),
        AnyTask::ZoneInfo(t) => zones::info(state, t),
        AnyTask::ZoneList(_) => zones::list(state, task),
        _ => unsupported(&task.code),
    }
}

/// Encodes an answer as the real gateway writes it, with the quirks in force.
pub(crate) fn encode(mut response: Response<AnyData>, faults: &Faults) -> String {
    if faults.msg_after_status {
        for r in &mut response.results {
            r.msgs_after_status = r.msgs.len();
        }
    }
    let layout = if faults.compact {
        Layout::Compact
    } else {
        Layout::Indented
    };
    let xml = match response.to_xml_with(layout) {
        Ok(xml) => xml,
        // Nothing the fake builds fails to encode; if it did, say so in the gateway's shape.
        Err(e) => {
            let mut r = Response::new(general_error(msg("EF00000", &e.to_string(), None)));
            r.stid = response.stid;
            r.to_xml_with(layout).unwrap_or_default()
        }
    };
    let body = match xml.strip_prefix(r#"<?xml version="1.0" encoding="UTF-8"?>"#) {
        Some(rest) => rest.trim_start(),
        None => xml.as_str(),
    };
    let sep = if faults.compact { "" } else { "\n" };
    let xml = format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>{sep}{body}"#);
    faults.apply(xml)
}

fn one(result: Outcome, stid: String) -> Response<AnyData> {
    let mut r = Response::new(result);
    r.stid = Some(stid);
    r
}

/// The answer to one POSTed document from `peer`.
pub(crate) fn answer(shared: &Shared, body: &[u8], peer: std::net::IpAddr, http: bool) -> Reply {
    let faults = shared.faults();
    let n = shared.count();
    if http
        && faults
            .drop_every
            .is_some_and(|every| n % u64::from(every.max(1)) == 0)
    {
        return Reply::Drop;
    }
    let limited = faults
        .rate_limit
        .is_some_and(|limit| shared.over_limit(peer, limit));
    let request = match crate::decode_request(body) {
        Ok(request) => request,
        Err(_) if limited => return rate_limited(shared, &faults),
        Err(_) => return Reply::Xml(encode(one(parser_error(), shared.stid()), &faults)),
    };
    shared.record(&request);
    if limited {
        return rate_limited(shared, &faults);
    }
    if let Some(refused) = check_auth(&shared.credentials, &request.auth) {
        return Reply::Xml(encode(one(refused, shared.stid()), &faults));
    }
    let answer = Reply::Xml(encode(run(shared, &request), &faults));
    let lost = http
        && faults
            .lose_answer_every
            .is_some_and(|every| n % u64::from(every.max(1)) == 0);
    if lost { Reply::Drop } else { answer }
}

fn rate_limited(shared: &Shared, faults: &Faults) -> Reply {
    match &faults.rate_limit_answer {
        RateLimitAnswer::Http(code) => Reply::Http(*code),
        RateLimitAnswer::Body(body) => Reply::Xml(body.clone()),
        _ => {
            let mut result = general_error(msg(
                "EF00000",
                "Rate limit exceeded (the local gateway's answer: the real one is not documented).",
                None,
            ));
            if let Some(s) = result.status.text.as_mut() {
                *s = "Too many requests (local gateway).".to_owned();
            }
            Reply::Xml(encode(one(result, shared.stid()), faults))
        }
    }
}

/// Runs every task of an authenticated request, in order, one result each.
fn run(shared: &Shared, request: &Request) -> Response<AnyData> {
    let owner = User::new(request.auth.user.clone(), request.auth.context.clone());
    let due_ms = shared.job_delay.map(|d| {
        super::state::now_ms().saturating_add(u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
    });
    let results: Vec<Outcome> = shared.with_state_mut(|state| {
        request
            .tasks
            .iter()
            .map(|task| run_task(state, task, &owner, due_ms))
            .collect()
    });
    let changed = results.iter().any(|r| !r.status.code.is_error());
    if changed {
        shared.save_if_asked();
    }
    Response {
        results,
        stid: Some(shared.stid()),
        ctid: request.tasks.iter().find_map(|t| t.ctid.clone()),
        unknown: Default::default(),
        quirks: Vec::new(),
    }
}
