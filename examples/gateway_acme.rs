//! An ACME DNS-01 challenge against the local gateway over real HTTP (ureq), as acme.sh and
//! Posh-ACME do it: find the zone of `_acme-challenge.<host>` with the 0205 list form
//! (trying the parent names one by one), add the TXT record with a 0202001, and remove it
//! once validated.
//!
//! Run: `cargo run --example gateway_acme --features gateway`.

use autodns_xml::gateway::Gateway;
use autodns_xml::zone::{
    RecordType, ResourceRecord, Zone, ZoneCreate, ZoneInfo, ZoneList, ZoneStream,
};
use autodns_xml::{Auth, Request, decode_response};

// tests/gateway.rs includes the four gateway examples, so it loads this module four times.
#[allow(clippy::duplicate_mod)]
#[path = "support/http.rs"]
mod http;
pub use http::{Error, post};

/// The zone holding `fqdn` and its system name server: the first of its parent names the
/// 0205 list form finds (`www.example.com` → `example.com`, then `com`).
pub fn find_zone(url: &str, auth: &Auth, fqdn: &str) -> Result<(String, String), Error> {
    let labels: Vec<&str> = fqdn.split('.').collect();
    for start in 1..labels.len() {
        let candidate = labels[start..].join(".");
        let request = Request::new(auth.clone()).task(ZoneList::named(candidate.as_str()));
        let answer =
            decode_response::<ZoneList>(&post(url, &request.to_xml()?)?)?.error_for_status()?;
        if let Some(zone) = answer.data().and_then(|d| d.zone.first()) {
            return Ok((
                zone.name.clone(),
                zone.system_ns.clone().unwrap_or_default(),
            ));
        }
    }
    Err(format!("no zone holds {fqdn}").into())
}

/// The `_acme-challenge` record of `host` (relative to its zone) set to `token` with a
/// 0202001; returns the zone name and system name server it went to.
pub fn set_challenge(
    url: &str,
    auth: &Auth,
    fqdn: &str,
    token: &str,
) -> Result<(String, String), Error> {
    let (zone, system_ns) = find_zone(url, auth, fqdn)?;
    let host = fqdn.strip_suffix(&format!(".{zone}")).unwrap_or("");
    let add = ZoneStream::new(zone.as_str(), system_ns.as_str())
        .add(ResourceRecord::acme_challenge(host, token).ttl(60u64));
    decode_response::<ZoneStream>(&post(url, &Request::new(auth.clone()).task(add).to_xml()?)?)?
        .error_for_status()?;
    Ok((zone, system_ns))
}

/// Removes the record `set_challenge` added.
pub fn remove_challenge(url: &str, auth: &Auth, fqdn: &str, token: &str) -> Result<(), Error> {
    let (zone, system_ns) = find_zone(url, auth, fqdn)?;
    let host = fqdn.strip_suffix(&format!(".{zone}")).unwrap_or("");
    let remove = ZoneStream::new(zone.as_str(), system_ns.as_str())
        .remove(ResourceRecord::acme_challenge(host, token));
    decode_response::<ZoneStream>(&post(
        url,
        &Request::new(auth.clone()).task(remove).to_xml()?,
    )?)?
    .error_for_status()?;
    Ok(())
}

/// The TXT values of zone `zone` (0205 by name and system name server).
pub fn txt_values(
    url: &str,
    auth: &Auth,
    zone: &str,
    system_ns: &str,
) -> Result<Vec<String>, Error> {
    let request = Request::new(auth.clone()).task(ZoneInfo::new(zone, system_ns));
    let answer =
        decode_response::<ZoneInfo>(&post(url, &request.to_xml()?)?)?.error_for_status()?;
    let zone = answer
        .data()
        .and_then(|d| d.zone.first())
        .ok_or("no zone")?;
    Ok(zone
        .records_of(&RecordType::Txt)
        .map(|r| r.value.clone())
        .collect())
}

#[allow(dead_code, reason = "the tests include this file for its functions")]
fn main() -> Result<(), Error> {
    let auth = Auth::new("user", "secret", "4");
    let gateway = Gateway::start()?;
    let url = gateway.url();
    let zone = Zone::new("example.com", "a.ns14.net").rr(ResourceRecord::a("", "198.51.100.7"));
    decode_response::<ZoneCreate>(&post(
        &url,
        &Request::new(auth.clone()).task(ZoneCreate(zone)).to_xml()?,
    )?)?
    .error_for_status()?;
    let (zone, system_ns) = set_challenge(&url, &auth, "www.example.com", "token-1")?;
    println!("set: {:?}", txt_values(&url, &auth, &zone, &system_ns)?);
    remove_challenge(&url, &auth, "www.example.com", "token-1")?;
    println!("removed: {:?}", txt_values(&url, &auth, &zone, &system_ns)?);
    Ok(())
}
