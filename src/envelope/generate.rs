//! The envelope's generators for the structured fuzz target (see `codec::fuzz`): auth
//! secrets, status codes, requests, results and responses, their data typed by the status
//! code as [`Document`](crate::Document) reads it.

use super::{
    Auth, Request, RequestTask, Response, Secret, Status, StatusCode, StatusKind, TaskResult,
};
use crate::codec::fuzz::{Gen, text};
use crate::raw::generate::unknown;
use crate::{AnyData, TaskCode};
use arbitrary::{Arbitrary, Result, Unstructured};

impl Gen for Secret {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        text(u).map(Secret::new)
    }
}

impl Gen for StatusCode {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let kind = *u.choose(&[StatusKind::Success, StatusKind::Error, StatusKind::Notify])?;
        Ok(StatusCode::new(kind, TaskCode::generate(u)?))
    }
}

impl Gen for Request {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Ok(Request {
            auth: Auth::generate(u)?,
            owner: Gen::generate(u)?,
            language: Gen::generate(u)?,
            // At least one task, most of the time (none is refused).
            tasks: if u.ratio(1, 16)? {
                Vec::new()
            } else {
                let first = RequestTask::generate(u)?;
                let mut tasks = vec![first];
                tasks.extend(Vec::<RequestTask>::generate(u)?);
                tasks
            },
            unknown: unknown(u, &["auth", "owner", "language", "task"])?,
            quirks: Vec::new(),
        })
    }
}

/// Response data as [`Document`] types it by `code`.
fn any_data(u: &mut Unstructured<'_>, code: &str) -> Result<AnyData> {
    AnyData::generate_for(code, u)
}

/// The parts of a result other than its data.
fn result_parts<D>(
    u: &mut Unstructured<'_>,
    data: Option<D>,
    status: Status,
) -> Result<TaskResult<D>> {
    let msgs: Vec<crate::Msg> = Gen::generate(u)?;
    let msgs_after_status = u.int_in_range(0..=msgs.len())?;
    Ok(TaskResult {
        data,
        msgs,
        status,
        msgs_after_status,
        unknown: unknown(u, &["data", "status", "msg"])?,
    })
}

impl<D: Gen> Gen for TaskResult<D> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let data = Gen::generate_named(u, "data")?;
        let status = Status::generate(u)?;
        result_parts(u, data, status)
    }
}

/// A result whose data is typed by its status code.
pub(crate) fn any_result(u: &mut Unstructured<'_>) -> Result<TaskResult<AnyData>> {
    let status = Status::generate(u)?;
    let data = if u.arbitrary()? {
        Some(any_data(u, status.code.task.as_str())?)
    } else {
        None
    };
    result_parts(u, data, status)
}

/// The envelope of a response around `results`.
pub(crate) fn response<D>(
    u: &mut Unstructured<'_>,
    results: Vec<TaskResult<D>>,
) -> Result<Response<D>> {
    Ok(Response {
        results,
        stid: Gen::generate(u)?,
        ctid: Gen::generate(u)?,
        unknown: unknown(u, &["result", "stid", "ctid"])?,
        quirks: Vec::new(),
    })
}

impl<D: Gen> Gen for Response<D> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        // At least one result, most of the time (none is refused).
        let mut results = Vec::new();
        if !u.ratio(1, 16)? {
            results.push(TaskResult::generate(u)?);
        }
        results.extend(Vec::<TaskResult<D>>::generate(u)?);
        response(u, results)
    }
}

crate::codec::macros::arbitrary_via_gen!(Secret, StatusCode, Request);

impl<'a, D: Gen> Arbitrary<'a> for Response<D> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Gen::generate(u)
    }
}

impl<'a, D: Gen> Arbitrary<'a> for TaskResult<D> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Gen::generate(u)
    }
}
