//! List certificate jobs against the local gateway over real HTTP (ureq): the running ones
//! with 400115 and a filter, the finished ones with 400135. The jobs are added from the test
//! side (`Gateway::add_certificate_job`), as the crate models no certificate order task.
//!
//! Run: `cargo run --example gateway_certificates --features gateway`.

use autodns_xml::certificate::{
    Certificate, CertificateJob, CertificateJobHistoryList, CertificateJobList,
};
use autodns_xml::gateway::Gateway;
use autodns_xml::{
    Auth, IntoRequestTask, Job, JobStatus, Operator, Order, Request, Where, decode_response,
};

// tests/gateway.rs includes the four gateway examples, so it loads this module four times.
#[allow(clippy::duplicate_mod)]
#[path = "support/http.rs"]
mod http;
pub use http::{Error, post};

/// Adds one job per `(common name, status)` to the gateway; returns their ids.
pub fn add_jobs(gateway: &Gateway, jobs: &[(&str, JobStatus)]) -> Vec<u64> {
    jobs.iter()
        .map(|(name, status)| {
            gateway.add_certificate_job(
                CertificateJob::default()
                    .certificate(Certificate::default().name(*name))
                    .job(Job::new(0).status(status.clone())),
            )
        })
        .collect()
}

/// The ids of the running jobs whose object matches `pattern` (400115), newest first, and
/// the ids of the finished ones (400135), oldest first.
pub fn running_and_finished(
    url: &str,
    auth: &Auth,
    pattern: &str,
) -> Result<(Vec<u64>, Vec<u64>), Error> {
    let running = CertificateJobList
        .with_where(Where::all([
            Where::condition("status", Operator::Eq, "RUNNING"),
            Where::condition("object", Operator::Like, pattern),
        ]))
        .with_order(Order::desc("id"));
    let request = Request::new(auth.clone()).task(running);
    let answer = decode_response::<CertificateJobList>(&post(url, &request.to_xml()?)?)?
        .error_for_status()?;
    let ids = |jobs: &[CertificateJob]| {
        jobs.iter()
            .filter_map(|c| c.job.as_ref().map(|j| j.id))
            .collect()
    };
    let running = answer
        .data()
        .map(|d| ids(&d.certificate_job))
        .unwrap_or_default();
    let history =
        Request::new(auth.clone()).task(CertificateJobHistoryList.with_order(Order::asc("id")));
    let answer = decode_response::<CertificateJobHistoryList>(&post(url, &history.to_xml()?)?)?
        .error_for_status()?;
    let finished = answer
        .data()
        .map(|d| ids(&d.certificate_job))
        .unwrap_or_default();
    Ok((running, finished))
}

#[allow(dead_code, reason = "the tests include this file for its functions")]
fn main() -> Result<(), Error> {
    let auth = Auth::new("user", "secret", "4");
    let gateway = Gateway::start()?;
    add_jobs(
        &gateway,
        &[
            ("www.example.com", JobStatus::Running),
            ("shop.example.com", JobStatus::Running),
            ("old.example.com", JobStatus::Success),
        ],
    );
    let (running, finished) = running_and_finished(&gateway.url(), &auth, "*.example.com")?;
    println!("running {running:?}, finished {finished:?}");
    Ok(())
}
