//! The HTTP side: hyper's HTTP/1.1 server on a tokio runtime of the gateway's own, one task
//! per connection (so a kept-alive connection never holds up another), answering each POST
//! with what `dispatch` says, applying the slow and dropped-connection faults, and
//! completing delayed jobs on a timer.

use super::dispatch::{self, Reply};
use super::faults::Faults;
use super::state::{self, State};
use super::{Credentials, domains, poll};
use crate::envelope::Request;
use crate::poll::EventNotification;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{Method, StatusCode};
use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How often an idle worker wakes to complete due jobs and notice a stop.
const TICK: Duration = Duration::from_millis(20);

/// The largest body read (the decoder's default document limit).
const MAX_BODY: usize = 64 * 1024 * 1024;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What the workers and the handle share.
#[derive(Debug)]
pub(crate) struct Shared {
    state: Mutex<State>,
    received: Mutex<Vec<Request>>,
    faults: Mutex<Faults>,
    limiter: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
    pub(crate) credentials: Credentials,
    pub(crate) job_delay: Option<Duration>,
    state_file: Option<PathBuf>,
    pub(crate) stop: AtomicBool,
    requests: AtomicU64,
    stids: AtomicU64,
}

impl Shared {
    pub(crate) fn new(
        state: State,
        credentials: Credentials,
        job_delay: Option<Duration>,
        faults: Faults,
        state_file: Option<PathBuf>,
    ) -> Self {
        Shared {
            state: Mutex::new(state),
            received: Mutex::new(Vec::new()),
            faults: Mutex::new(faults),
            limiter: Mutex::new(HashMap::new()),
            credentials,
            job_delay,
            state_file,
            stop: AtomicBool::new(false),
            requests: AtomicU64::new(0),
            stids: AtomicU64::new(1),
        }
    }

    pub(crate) fn with_state<R>(&self, f: impl FnOnce(&State) -> R) -> R {
        f(&lock(&self.state))
    }

    pub(crate) fn with_state_mut<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        f(&mut lock(&self.state))
    }

    pub(crate) fn received(&self) -> Vec<Request> {
        lock(&self.received).clone()
    }

    pub(crate) fn record(&self, request: &Request) {
        lock(&self.received).push(request.clone());
    }

    pub(crate) fn faults(&self) -> Faults {
        lock(&self.faults).clone()
    }

    pub(crate) fn set_faults(&self, faults: Faults) {
        *lock(&self.faults) = faults;
    }

    /// This request's number, from 1.
    pub(crate) fn count(&self) -> u64 {
        self.requests
            .fetch_add(1, Ordering::SeqCst)
            .saturating_add(1)
    }

    /// A new server transaction id.
    pub(crate) fn stid(&self) -> String {
        let n = self.stids.fetch_add(1, Ordering::SeqCst);
        let day = state::now().format("%Y%m%d");
        format!("{day}-local-{n}")
    }

    /// Whether `peer` has already had `limit` requests in the last second (if not, this
    /// one is counted).
    pub(crate) fn over_limit(&self, peer: IpAddr, limit: u32) -> bool {
        let now = Instant::now();
        let mut limiter = lock(&self.limiter);
        let seen = limiter.entry(peer).or_default();
        while seen
            .front()
            .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1))
        {
            seen.pop_front();
        }
        if seen.len() >= usize::try_from(limit).unwrap_or(usize::MAX) {
            return true;
        }
        seen.push_back(now);
        false
    }

    /// Completes the jobs due at `now_ms` (all if `None`).
    pub(crate) fn complete_jobs(&self, now_ms: Option<u64>) -> usize {
        let done = {
            let mut state = lock(&self.state);
            if state.jobs.is_empty() {
                return 0;
            }
            domains::complete(&mut state, now_ms, &mut || self.stid())
        };
        if done > 0 {
            self.save_if_asked();
        }
        done
    }

    pub(crate) fn push_event(&self, event: EventNotification) -> u64 {
        let id = self.with_state_mut(|s| poll::push_event(s, event));
        self.save_if_asked();
        id
    }

    /// Saves the state if a state file was given (errors are ignored: the next save tries
    /// again).
    pub(crate) fn save_if_asked(&self) {
        if let Some(path) = &self.state_file {
            let _ = lock(&self.state).save(path);
        }
    }

    pub(crate) fn answer_in_process(&self, body: &[u8]) -> String {
        match dispatch::answer(self, body, IpAddr::V4(Ipv4Addr::LOCALHOST), false) {
            Reply::Xml(xml) => xml,
            Reply::Http(code) => format!("HTTP {code}"),
            Reply::Drop => String::new(),
        }
    }
}

/// Accepts connections on `listener` until `stop` is notified, each served by its own task;
/// with a job delay, completes due jobs every [`TICK`].
pub(crate) async fn serve(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    stop: Arc<tokio::sync::Notify>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    if shared.job_delay.is_some() {
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(TICK);
            while !shared.stop.load(Ordering::SeqCst) {
                tick.tick().await;
                shared.complete_jobs(Some(state::now_ms()));
            }
        });
    }
    loop {
        tokio::select! {
            () = stop.notified() => break,
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else {
                    continue;
                };
                let shared = Arc::clone(&shared);
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        handle(request, peer.ip(), Arc::clone(&shared))
                    });
                    let io = hyper_util::rt::TokioIo::new(stream);
                    // An error here is the client's (or a dropped-connection fault): the
                    // connection ends, nothing else does.
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(io, service)
                        .await;
                });
            }
        }
    }
}

/// The fault "drop the connection": the service fails, and hyper closes the connection
/// without an answer.
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by the local gateway")
    }
}

impl std::error::Error for Dropped {}

type Answer = hyper::Response<Full<Bytes>>;

fn answer(status: StatusCode, content_type: &'static str, body: String) -> Answer {
    let mut response = hyper::Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    if !content_type.is_empty() {
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    response
}

async fn handle(
    request: hyper::Request<Incoming>,
    peer: IpAddr,
    shared: Arc<Shared>,
) -> Result<Answer, Dropped> {
    if request.method() != Method::POST {
        let body = "POST one XML document.\n".to_owned();
        return Ok(answer(StatusCode::METHOD_NOT_ALLOWED, "text/plain", body));
    }
    let body = match Limited::new(request.into_body(), MAX_BODY).collect().await {
        Ok(body) => body.to_bytes(),
        Err(_) => return Ok(answer(StatusCode::PAYLOAD_TOO_LARGE, "", String::new())),
    };
    let reply = dispatch::answer(&shared, &body, peer, true);
    if let Some(delay) = shared.faults().delay {
        tokio::time::sleep(delay).await;
    }
    match reply {
        Reply::Xml(xml) => Ok(answer(StatusCode::OK, "text/xml", xml)),
        Reply::Http(code) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            Ok(answer(status, "", String::new()))
        }
        Reply::Drop => Err(Dropped),
    }
}
