//! List domains with a filter, an order and a view against the local gateway over real HTTP
//! (ureq): three domains are registered first (their jobs completed by the gateway).
//!
//! Run: `cargo run --example gateway_list --features gateway`.

use autodns_xml::contact::{ContactCreate, Handle};
use autodns_xml::domain::{DomainCreate, DomainInfo, DomainList};
use autodns_xml::gateway::Gateway;
use autodns_xml::{Auth, IntoRequestTask, Operator, Order, Request, View, Where, decode_response};

// tests/gateway.rs includes the four gateway examples, so it loads this module four times.
#[allow(clippy::duplicate_mod)]
#[path = "support/http.rs"]
mod http;
pub use http::{Error, post};

/// Creates one contact and asks for the registration of each of `names` in one request
/// (one result per task, in order). Returns the contact id.
pub fn register_all(url: &str, auth: &Auth, names: &[&str]) -> Result<u64, Error> {
    let handle = Handle::org()
        .fname("Hostmaster")
        .lname("Example")
        .organization("Example GmbH")
        .address("Example Street 1")
        .pcode("12345")
        .city("Berlin")
        .country("DE");
    let request = Request::new(auth.clone()).task(ContactCreate(handle));
    let answer =
        decode_response::<ContactCreate>(&post(url, &request.to_xml()?)?)?.error_for_status()?;
    let contact: u64 = answer
        .status()
        .and_then(|s| s.object.as_ref())
        .and_then(|o| o.value.as_deref())
        .ok_or("no handle id")?
        .parse()?;
    let mut request = Request::new(auth.clone());
    for name in names {
        let create = DomainCreate::new(*name)
            .ownerc(contact)
            .adminc(contact)
            .techc(contact)
            .nserver("ns1.example.net");
        request = request.task(create.with_ctid(format!("register-{name}")));
    }
    let answer = decode_response::<DomainCreate>(&post(url, &request.to_xml()?)?)?;
    if answer.results.len() != names.len()
        || answer.results.iter().any(|r| !r.status.code.is_notify())
    {
        return Err(format!(
            "not every 0101 was accepted: {:?}",
            answer
                .results
                .iter()
                .map(|r| r.status.code.to_string())
                .collect::<Vec<_>>()
        )
        .into());
    }
    Ok(contact)
}

/// The names of the `.de` domains of `contact`, newest first then by name, two per page
/// from `offset`; and the total the server counted.
pub fn list_de(
    url: &str,
    auth: &Auth,
    contact: u64,
    offset: u64,
) -> Result<(Vec<String>, u64), Error> {
    let list = DomainList
        .with_view(View::new(offset, 2))
        .with_where(Where::all([
            Where::condition("name", Operator::Like, "*.de"),
            Where::condition("ownerc", Operator::Eq, contact),
        ]))
        .with_order(Order::desc("created"))
        .with_order(Order::asc("name"))
        .with_key("created");
    let request = Request::new(auth.clone()).task(list);
    let answer =
        decode_response::<DomainInfo>(&post(url, &request.to_xml()?)?)?.error_for_status()?;
    let data = answer.data().ok_or("no data")?;
    let names = data.domain.iter().map(|d| d.name.clone()).collect();
    Ok((names, data.summary.unwrap_or(0)))
}

#[allow(dead_code, reason = "the tests include this file for its functions")]
fn main() -> Result<(), Error> {
    let auth = Auth::new("user", "secret", "4");
    let gateway = Gateway::start()?;
    let url = gateway.url();
    let contact = register_all(
        &url,
        &auth,
        &["alpha.de", "beta.de", "gamma.com", "delta.de"],
    )?;
    gateway.complete_jobs();
    let (first, total) = list_de(&url, &auth, contact, 0)?;
    let (second, _) = list_de(&url, &auth, contact, 2)?;
    println!("{total} .de domains: {first:?} then {second:?}");
    Ok(())
}
