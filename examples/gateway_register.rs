//! Register a contact and a domain against the local gateway over real HTTP (ureq), then
//! wait for the domain's job notification with `PollLoop` and confirm it.
//!
//! Run: `cargo run --example gateway_register --features gateway`. Against a gateway started
//! with `autodns-xml serve`, pass its URL: `… -- http://127.0.0.1:PORT/`.

use autodns_xml::contact::{ContactCreate, Handle};
use autodns_xml::domain::DomainCreate;
use autodns_xml::gateway::Gateway;
use autodns_xml::poll::{JobNotification, PollLoop, Polled};
use autodns_xml::{Auth, IntoRequestTask, Request, decode_response};
use std::time::{Duration, Instant};

// tests/gateway.rs includes the four gateway examples, so it loads this module four times.
#[allow(clippy::duplicate_mod)]
#[path = "support/http.rs"]
mod http;
pub use http::{Error, post};

/// What `register` saw: the new contact, the accepted job and its notification.
#[derive(Debug)]
pub struct Registered {
    pub contact: u64,
    pub job: u64,
    pub notification: JobNotification,
}

/// Creates a contact, registers `domain` with it (ctid `ctid`) and polls until the job's
/// notification arrives (at most `wait`), confirming every message on the way.
pub fn register(
    url: &str,
    auth: &Auth,
    domain: &str,
    ctid: &str,
    wait: Duration,
) -> Result<Registered, Error> {
    // 0301: the contact; its id comes back as the status object.
    let handle = Handle::person()
        .fname("Jane")
        .lname("Doe")
        .address("Example Street 1")
        .pcode("12345")
        .city("Berlin")
        .country("DE")
        .email("jane@example.net");
    let request = Request::new(auth.clone()).task(ContactCreate(handle));
    let answer =
        decode_response::<ContactCreate>(&post(url, &request.to_xml()?)?)?.error_for_status()?;
    let contact: u64 = answer
        .status()
        .and_then(|s| s.object.as_ref())
        .and_then(|o| o.value.as_deref())
        .ok_or("0301 answered without the new handle's id")?
        .parse()?;

    // 0101: the domain; accepted with N0101 and a job.
    let create = DomainCreate::new(domain)
        .ownerc(contact)
        .adminc(contact)
        .techc(contact)
        .nserver("ns1.example.net")
        .nserver("ns2.example.net")
        .period(1);
    let request = Request::new(auth.clone()).task(create.with_ctid(ctid));
    let answer =
        decode_response::<DomainCreate>(&post(url, &request.to_xml()?)?)?.error_for_status()?;
    let accepted = answer.status().ok_or("no status")?.code.clone();
    if !accepted.is_notify() {
        return Err(format!("0101 answered {accepted}, not N0101").into());
    }
    let job = answer
        .data()
        .and_then(|d| d.domain_job.as_ref())
        .and_then(|j| j.job.as_ref())
        .map(|j| j.id)
        .ok_or("N0101 without a job")?;

    // 0905 / 0906 until the notification for our ctid comes.
    let mut poll = PollLoop::new(auth.clone());
    let deadline = Instant::now() + wait;
    loop {
        let ask = poll.request()?;
        match poll.receive(&post(url, &ask)?)? {
            Polled::Empty => {
                if Instant::now() > deadline {
                    return Err("no notification in time".into());
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            Polled::Message(delivery) => {
                let notification = delivery.message.job().cloned();
                poll.confirm(&post(url, &delivery.confirm_request)?)?;
                if let Some(n) =
                    notification.filter(|n| n.ctid.as_deref() == Some(ctid) && n.answers(&accepted))
                {
                    return Ok(Registered {
                        contact,
                        job,
                        notification: n,
                    });
                }
            }
        }
    }
}

#[allow(
    dead_code,
    reason = "the tests include this file for `register` and `post`"
)]
fn main() -> Result<(), Error> {
    let auth = Auth::new("user", "secret", "4");
    // Our own gateway, whose jobs take 300 ms, unless a URL was given.
    let (url, _gateway) = match std::env::args().nth(1) {
        Some(url) => (url, None),
        None => {
            let gateway = Gateway::builder()
                .job_delay(Duration::from_millis(300))
                .start()?;
            (gateway.url(), Some(gateway))
        }
    };
    let done = register(
        &url,
        &auth,
        "example.com",
        "order-4711",
        Duration::from_secs(10),
    )?;
    let status = done
        .notification
        .status
        .as_ref()
        .map(|s| s.code.to_string());
    println!(
        "contact {}, job {}: notification {} for {} (ctid {})",
        done.contact,
        done.job,
        status.unwrap_or_default(),
        done.notification
            .domain
            .as_ref()
            .map(|d| d.name.as_str())
            .unwrap_or("?"),
        done.notification.ctid.as_deref().unwrap_or("?"),
    );
    Ok(())
}
