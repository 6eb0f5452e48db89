//! The HTTP side: a few threads taking requests from one `tiny_http` server, answering
//! each POST with what `dispatch` says, applying the slow and dropped-connection faults, and
//! completing delayed jobs between requests.

use super::dispatch::{self, Reply};
use super::faults::Faults;
use super::state::{self, State};
use super::{Credentials, domains, poll};
use crate::envelope::Request;
use crate::poll::EventNotification;
use std::collections::{HashMap, VecDeque};
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How often an idle worker wakes to complete due jobs and notice a stop.
const TICK: Duration = Duration::from_millis(20);

/// The largest body read (the decoder's default document limit).
const MAX_BODY: u64 = 64 * 1024 * 1024;

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

/// A worker: answers requests until the stop flag is set.
pub(crate) fn serve(server: &tiny_http::Server, shared: &Shared) {
    while !shared.stop.load(Ordering::SeqCst) {
        if shared.job_delay.is_some() {
            shared.complete_jobs(Some(state::now_ms()));
        }
        match server.recv_timeout(TICK) {
            Ok(Some(request)) => handle(request, shared),
            Ok(None) => {}
            Err(_) => std::thread::sleep(TICK),
        }
    }
}

fn handle(mut request: tiny_http::Request, shared: &Shared) {
    if *request.method() != tiny_http::Method::Post {
        let answer =
            tiny_http::Response::from_string("POST one XML document.\n").with_status_code(405);
        let answer = with_header(answer, "Content-Type", "text/plain");
        let _ = request.respond(answer);
        return;
    }
    let mut body = Vec::new();
    if request
        .as_reader()
        .take(MAX_BODY)
        .read_to_end(&mut body)
        .is_err()
    {
        return;
    }
    let peer = request
        .remote_addr()
        .map(|a| a.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let reply = dispatch::answer(shared, &body, peer, true);
    if let Some(delay) = shared.faults().delay {
        std::thread::sleep(delay);
    }
    match reply {
        Reply::Xml(xml) => {
            let answer = with_header(
                tiny_http::Response::from_string(xml),
                "Content-Type",
                "text/xml",
            );
            let _ = request.respond(answer);
        }
        Reply::Http(code) => {
            let _ = request.respond(tiny_http::Response::empty(code));
        }
        Reply::Drop => cut(request),
    }
}

/// Ends the exchange without an answer. tiny_http keeps a keep-alive connection open for
/// the next request and offers no way to close its socket, so the fake sends bytes that are
/// no HTTP response: the client fails at once with a transport error and closes the
/// connection itself (which tiny_http then closes too). What the client sees is what a
/// connection cut before the answer gives it: an I/O error and no answer.
fn cut(request: tiny_http::Request) {
    use std::io::Write;
    let mut writer = request.into_writer();
    let _ = writer.write_all(b"\x00 connection dropped by the local gateway\r\n\r\n");
    let _ = writer.flush();
}

/// `response` with the header `name: value` (both ASCII constants, so it always parses).
fn with_header<R: Read>(
    response: tiny_http::Response<R>,
    name: &str,
    value: &str,
) -> tiny_http::Response<R> {
    match tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(h) => response.with_header(h),
        Err(()) => response,
    }
}
