//! A local, stateful fake of the AutoDNS XML gateway over real HTTP on loopback, for your
//! integration tests (feature `gateway`).
//!
//! ```
//! use autodns_xml::contact::{ContactCreate, Handle};
//! use autodns_xml::gateway::Gateway;
//! use autodns_xml::{Auth, Request, decode_response};
//!
//! let gateway = Gateway::builder().user("user").password("secret").context("4").start()?;
//! let handle = Handle::person().fname("Jane").lname("Doe").address("Street 1")
//!     .pcode("12345").city("Berlin").country("DE");
//! let request = Request::new(Auth::new("user", "secret", "4")).task(ContactCreate(handle));
//! // POST `request.to_xml()?` to `gateway.url()` with any HTTP client; here, in process:
//! let answer = gateway.answer_bytes(request.to_xml()?.as_bytes());
//! let response = decode_response::<ContactCreate>(answer.as_bytes())?;
//! assert!(response.status().is_some_and(|s| s.code.is_success()));
//! assert_eq!(gateway.received().len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What it is
//!
//! [`Gateway::start`] (or [`Gateway::builder`]`()…`[`start`](GatewayBuilder::start)) binds
//! `127.0.0.1` (port 0, a free one, unless you ask for another), serves on its own threads and
//! returns a handle: [`url`](Gateway::url) to POST to, [`received`](Gateway::received) for the
//! decoded requests it got, [`complete_jobs`](Gateway::complete_jobs) and
//! [`push_event`](Gateway::push_event) to script it, [`set_faults`](Gateway::set_faults) to
//! misbehave. Dropping the handle stops the server and joins its threads. Since it runs on its
//! own threads, it serves a synchronous test and a tokio test alike (use a blocking or an async
//! client; nothing here needs a runtime).
//!
//! Like the real gateway: one XML document per POST, answered with HTTP 200 and
//! `Content-Type: text/xml` also for E-status answers, starting with
//! `<?xml version="1.0" encoding="UTF-8" standalone="no"?>`, one `<result>` per task, in order,
//! a `<stid>`, and the request's `<ctid>` echoed.
//!
//! # The HTTP server
//!
//! [`hyper`](https://docs.rs/hyper)'s HTTP/1.1 server on a tokio runtime the gateway starts
//! on a thread of its own: a synchronous `#[test]` needs nothing, and a `#[tokio::test]`
//! is not disturbed (the fake never runs on the test's runtime). Each connection is one task,
//! so any number of clients with kept-alive connections are served at once, and a dropped
//! connection is a real close. (tiny_http, tried first, has no async runtime but serves each
//! connection on one of a small pool of threads: with more than 4 kept-alive clients some
//! exchanges were never answered, 3 in 400 with 8 ureq clients.)
//!
//! # Tasks
//!
//! | task | what the fake does |
//! | --- | --- |
//! | 0301 ContactCreate | stores the handle, gives it the next id (from 100), `S0301` with the id as `status/object` |
//! | 0302 HandleUpdate | replaces the handle named by id (or alias), keeping its id; `E0302` if unknown |
//! | 0303 HandleDelete | removes it; `E0303` if unknown or used by a domain or a running job (the fake's rule) |
//! | 0304 HandleInfo / list | one handle by id or alias (`E0304` if unknown); the list form with `view`, `where`, `order` |
//! | 0101 DomainCreate | checks the contacts exist and the name is free, answers `N0101` with a `domain_job/job` (RUNNING); the job completes on [`complete_jobs`](Gateway::complete_jobs) or after [`job_delay`](GatewayBuilder::job_delay): the domain is stored and a job notification (the domain, `job_id`, an `S0101` status, the task's `ctid`) is queued |
//! | 0102 DomainUpdate | for a registered domain with no job running: `N0102` and a job that applies the fields sent (contacts, name servers, flags; the rest stays), then a job notification with an `S0102` status |
//! | 0105 DomainInfo / list | one domain (`E0105` if unknown); the list form evaluates `where` (nested `and`/`or`; `eq ne like gt lt ge le`; `like` with `*`), `order` (several keys, asc/desc), `view` (offset, limit: 100 without one; `children` 1 gives whole entries) and `key` (a list entry holds `name` and the keys asked for) |
//! | 0905 PollInfo | the oldest unconfirmed message and the queue length as `summary`; again until confirmed |
//! | 0906 PollConfirm | removes that message; `E0906` for an id not in the queue |
//! | 400114 certificate job info | the job added with [`add_certificate_job`](Gateway::add_certificate_job) (`E400114` if unknown) |
//! | 400115 certificate job list | the jobs (a list entry carries only the job, as the real answer does), with `where`, `order`, `view` |
//! | 400113 cancel | an open job becomes `CANCELED`; `E400113` for a finished or unknown one |
//! | 400118 resend approver e-mail | `S400118` for an open job (no e-mail is sent) |
//! | 400134 / 400135 history info / list | the finished jobs (succeeded, failed, canceled) only; `E400134` for a running or unknown one |
//! | 0113001 / 0113002 / 0113003 / 0113005 auth codes | for a registered domain: 0113001 keeps a new code on the domain and answers it as the status's `authinfo` object (read it with [`auth_code`](crate::domain::auth_code)); 0113002 removes it; 0113003 and 0113005 (refused without a code) are only acknowledged: nothing is posted or mailed |
//! | 0101003 DomainRenew, 0104 DomainTransfer, 0104010 DomainOwnerchange | jobs like 0101's (`N…` with a running job, completed on demand or after the delay, then a job notification with the task's `ctid`): a renew extends `expire` by the period; a transfer in (an auth code required, any non-empty one) brings a domain not held here with the contacts and name servers sent and ends with `S0104001`; an owner change sets the owner (and the contacts sent) and ends with `S0104011` |
//! | 0106001 outgoing transfers | an empty list (`summary` 0): no domain leaves the fake |
//! | 0103101 to 0103104 cancelations | 0103101 keeps one per registered domain (`E0103101` for an unknown domain or a second one); 0103102 sets the fields sent; 0103103 withdraws it; 0103104 one by domain, and the list form with `where`, `order`, `view`; the fake never carries one out |
//! | 0201 ZoneCreate | stores the zone by name; `E0201` with `EF02019` if it exists |
//! | 0202 ZoneUpdate | replaces the zone whole (its `system_ns` kept if the update leaves it out); `E0202` with `EF02020` if unknown |
//! | 0202001 ZoneStream | removes the `rr_rem` records (same name, type and value), adds the `rr_add` ones once, applies `main`, `soa` and `nserver`; `E0202001` with `EF02020` if unknown |
//! | 0203 ZoneDelete | removes the zone; `E0203` with `EF02020` if unknown |
//! | 0205 ZoneInfo / list | one zone by name (`E0205` "Zone information could not be inquired." with `EF02020` "No such zone exists.", as recorded); the list form with `where`, `order`, `view` (`name` and `system_ns` per entry, whole zones with `children` 1) |
//! | anything else | `E<code>` saying the local gateway does not implement the task (0204 ZoneImport and 0101005 restore among them: the fake deletes no domain to restore) |
//!
//! A task that fails changes nothing; a request that does not decode, fails authentication
//! or is rate limited changes nothing and runs no task. Status and message texts are the
//! fake's own (in English); match on codes, as with the real gateway.
//!
//! # Authentication, and what the real gateway answers
//!
//! Every request's `auth` is checked against the configured user, password and context, and
//! the 2FA `token` when one is configured. The only public record of the real gateway's
//! answer to a wrong `auth` we found is acme.sh issue 5317
//! (<https://github.com/acmesh-official/acme.sh/issues/5317>), for a wrong context: status
//! `E00000` "Errors occurred during processing." with a msg `EF01000` "Missing or wrong
//! value." whose object is `request.auth.context` and the value sent. The fake answers a wrong
//! context exactly so. For a wrong user, password or token we found no recorded answer: the
//! fake uses the same codes with the object `request.auth` (no value), its own choice.
//!
//! A request that does not decode (an unescaped `&`, say) is answered with status `E00000`
//! and a msg `EF00000` "Parser error", as the same issue reports for an `&` in the password;
//! the decoder's own error is not shown (the real text is not more precise either).
//!
//! # Faults
//!
//! See [`Faults`]: the documented answer quirks, slow answers, dropped connections (before
//! the request runs, or after it ran with its answer lost) and a per-client rate limit. The real gateway allows about 3 requests per second per IP; what it
//! answers past that is not documented anywhere we could find, so the answer is a
//! [`RateLimitAnswer`] you choose (by default an `E00000` XML answer, marked as the fake's).

mod authinfo;
mod cancelations;
mod certificates;
mod contacts;
mod dispatch;
mod domains;
mod faults;
mod lifecycle;
mod poll;
mod query;
mod server;
mod state;
mod zones;

pub use faults::{Faults, RateLimitAnswer};

use crate::certificate::CertificateJob;
use crate::contact::Handle;
use crate::domain::Domain;
use crate::envelope::{Request, Secret, User};
use crate::poll::{EventNotification, Message};
use server::Shared;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;
use std::time::Duration;

/// The credentials the fake accepts.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Credentials {
    pub(crate) user: String,
    pub(crate) password: Secret,
    pub(crate) context: String,
    pub(crate) token: Option<Secret>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &self.password)
            .field("context", &self.context)
            .field("token", &self.token)
            .finish()
    }
}

/// How a [`Gateway`] is set up: [`Gateway::builder`].
#[derive(Debug, Clone)]
pub struct GatewayBuilder {
    port: u16,
    credentials: Credentials,
    job_delay: Option<Duration>,
    faults: Faults,
    state_file: Option<PathBuf>,
    workers: usize,
}

impl Default for GatewayBuilder {
    fn default() -> Self {
        GatewayBuilder {
            port: 0,
            credentials: Credentials {
                user: "user".to_owned(),
                password: Secret::new("secret"),
                context: "4".to_owned(),
                token: None,
            },
            job_delay: None,
            faults: Faults::default(),
            state_file: None,
            workers: 4,
        }
    }
}

impl GatewayBuilder {
    /// The port on 127.0.0.1 (default 0: a free one, see [`Gateway::url`]).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// The user accepted (default `user`).
    pub fn user(mut self, user: impl Into<String>) -> Self {
        self.credentials.user = user.into();
        self
    }

    /// The password accepted (default `secret`).
    pub fn password(mut self, password: impl Into<Secret>) -> Self {
        self.credentials.password = password.into();
        self
    }

    /// The context accepted (default `4`, as on the live gateway).
    pub fn context(mut self, context: impl Into<String>) -> Self {
        self.credentials.context = context.into();
        self
    }

    /// Requires this 2FA token in `auth/token` (default: none required).
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.credentials.token = Some(token.into());
        self
    }

    /// Completes each job this long after it was accepted (default: only on
    /// [`Gateway::complete_jobs`]). Jobs are completed within about 20 ms of their time.
    pub fn job_delay(mut self, delay: Duration) -> Self {
        self.job_delay = Some(delay);
        self
    }

    /// The faults to start with (default: none; see [`Gateway::set_faults`]).
    pub fn faults(mut self, faults: Faults) -> Self {
        self.faults = faults;
        self
    }

    /// Loads the state from `path` if the file exists, and saves it there (JSON, secrets
    /// included: it is a test fixture) after every request that changed it and on drop.
    pub fn state_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.state_file = Some(path.into());
        self
    }

    /// How many runtime threads answer requests (default 4, at least 1). A slow answer holds
    /// none: it waits on a timer.
    pub fn workers(mut self, workers: usize) -> Self {
        self.workers = workers.max(1);
        self
    }

    /// Binds 127.0.0.1 and starts serving.
    pub fn start(self) -> std::io::Result<Gateway> {
        let state = match &self.state_file {
            Some(path) if path.exists() => state::State::load(path)?,
            _ => state::State::default(),
        };
        let listener = std::net::TcpListener::bind(("127.0.0.1", self.port))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::new(
            state,
            self.credentials,
            self.job_delay,
            self.faults,
            self.state_file,
        ));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(self.workers)
            .thread_name("autodns-gateway")
            .enable_io()
            .enable_time()
            .build()?;
        let stop = Arc::new(tokio::sync::Notify::new());
        let thread = {
            let (shared, stop) = (Arc::clone(&shared), Arc::clone(&stop));
            std::thread::Builder::new()
                .name("autodns-gateway".to_owned())
                .spawn(move || runtime.block_on(server::serve(listener, shared, stop)))?
        };
        Ok(Gateway {
            addr,
            shared,
            stop,
            thread: Some(thread),
        })
    }
}

/// A running local gateway; stops (and joins its threads) when dropped.
#[derive(Debug)]
pub struct Gateway {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Arc<tokio::sync::Notify>,
    thread: Option<JoinHandle<()>>,
}

impl Gateway {
    /// Starts a gateway with the defaults: user `user`, password `secret`, context `4`, a free
    /// port, jobs completed on demand, no faults.
    pub fn start() -> std::io::Result<Gateway> {
        GatewayBuilder::default().start()
    }

    /// A builder to set credentials, port, job delay, faults and a state file.
    pub fn builder() -> GatewayBuilder {
        GatewayBuilder::default()
    }

    /// The URL to POST requests to: `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request it decoded, in the order they came (also those refused for their auth
    /// or the rate limit; not those that did not decode).
    pub fn received(&self) -> Vec<Request> {
        self.shared.received()
    }

    /// Answers `body` as a POST from 127.0.0.1 would be answered, without HTTP (the faults
    /// that act on the connection, delay and drop, do not apply). For doctests and unit tests.
    pub fn answer_bytes(&self, body: &[u8]) -> String {
        self.shared.answer_in_process(body)
    }

    /// Completes every running job now (successfully): each domain is stored and its job
    /// notification queued. Returns how many jobs completed.
    pub fn complete_jobs(&self) -> usize {
        self.shared.complete_jobs(None)
    }

    /// Queues an event notification (as if the registry had sent it) and returns its
    /// message id.
    pub fn push_event(&self, event: EventNotification) -> u64 {
        self.shared.push_event(event)
    }

    /// Adds a certificate job (the crate models no certificate order task): the next job id
    /// if it has none (or id 0); owner and updater the configured user, status RUNNING and
    /// the times now where it has none. Returns its id, for 400114 / 400113 / 400118.
    pub fn add_certificate_job(&self, job: CertificateJob) -> u64 {
        let owner = User::new(
            self.shared.credentials.user.clone(),
            self.shared.credentials.context.clone(),
        );
        let id = self
            .shared
            .with_state_mut(|s| certificates::add(s, job, &owner));
        self.shared.save_if_asked();
        id
    }

    /// The certificate jobs, by id.
    pub fn certificate_jobs(&self) -> Vec<CertificateJob> {
        self.shared
            .with_state(|s| s.certificates.values().cloned().collect())
    }

    /// The messages not yet confirmed, oldest first.
    pub fn messages(&self) -> Vec<Message> {
        self.shared
            .with_state(|s| s.queue.iter().cloned().collect())
    }

    /// The contacts, by id.
    pub fn contacts(&self) -> Vec<Handle> {
        self.shared
            .with_state(|s| s.contacts.values().cloned().collect())
    }

    /// The registered domains, by name (not those whose job still runs).
    pub fn domains(&self) -> Vec<Domain> {
        self.shared
            .with_state(|s| s.domains.values().cloned().collect())
    }

    /// How many jobs are still running.
    pub fn running_jobs(&self) -> usize {
        self.shared.with_state(|s| s.jobs.len())
    }

    /// Replaces the faults, for the requests that come from now on.
    pub fn set_faults(&self, faults: Faults) {
        self.shared.set_faults(faults);
    }

    /// The faults in force.
    pub fn faults(&self) -> Faults {
        self.shared.faults()
    }

    /// Saves the state to `path` (JSON, secrets included).
    pub fn save_state(&self, path: &Path) -> std::io::Result<()> {
        self.shared.with_state(|s| s.save(path))
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // A permit if the accept loop is not waiting yet: it stops at its next turn.
        self.stop.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.shared.save_if_asked();
    }
}
