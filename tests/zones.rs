//! The zone tasks on their fixtures (`testdata/README.md` cites each): the ACME DNS-01 job
//! (0205 list to find the zone, 0202001 to add and remove the challenge), a zone's records by
//! type, the whole-zone update, and the answers a client must tell apart (an unknown zone, an
//! empty list).

mod common;

use autodns_xml::zone::{
    NsAction, RecordType, ResourceRecord, ZoneData, ZoneInfo, ZoneList, ZoneStream, ZoneUpdate,
};
use autodns_xml::{AnyTask, Document, Request, RequestTask, decode_response};

fn request(name: &str) -> Request {
    match Document::decode(&common::read(name)).expect("decodes") {
        Document::Request(r) => r,
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn the_acme_clients_requests_decode_as_zone_streams() {
    let add = request("0202001_request.xml");
    let AnyTask::ZoneStream(stream) = &add.tasks[0].body else {
        panic!("{:?}", add.tasks[0].body);
    };
    assert_eq!(stream.zone.name, "example.com");
    assert_eq!(stream.zone.system_ns.as_deref(), Some("a.ns14.net"));
    let default = stream.default.as_ref().expect("default");
    let expected =
        ResourceRecord::acme_challenge("", "gfj9Xq-Rm1bbjl6LnHHnwJ0-Pp7vIKqAIE8Y0dkbeHo");
    assert_eq!(default.rr_add, std::slice::from_ref(&expected));
    assert!(default.rr_rem.is_empty());
    assert!(add.tasks[0].unknown.is_empty());
    // What the builder writes decodes to the same task.
    let built = ZoneStream::new("example.com", "a.ns14.net").add(expected.clone());
    assert_eq!(add.tasks[0].body, AnyTask::ZoneStream(built));

    let rem = request("0202001_remove_request.xml");
    let AnyTask::ZoneStream(stream) = &rem.tasks[0].body else {
        panic!("{:?}", rem.tasks[0].body);
    };
    let default = stream.default.as_ref().expect("default");
    assert_eq!(default.rr_rem[0].name, "_acme-challenge.www");
    assert_eq!(default.rr_rem[0].kind, RecordType::Txt);
}

#[test]
fn the_zone_list_request_is_what_zone_list_named_builds() {
    let req = request("0205_list_request.xml");
    let built = ZoneList::named("example.org");
    assert_eq!(req.tasks[0].body, built.body);
    assert_eq!(req.tasks[0].view, built.view);
    assert_eq!(req.tasks[0].r#where, built.r#where);
}

#[test]
fn a_zone_answer_has_its_records_and_an_unknown_zone_is_an_error() {
    let resp = decode_response::<ZoneInfo>(&common::read("0205_response.xml")).expect("decodes");
    let zone = &resp.data().expect("data").zone[0];
    assert_eq!(zone.name, "computestacks.es");
    assert_eq!(zone.ns_action, Some(NsAction::from_wire("complete")));
    assert_eq!(zone.records_of(&RecordType::A).count(), 2);
    assert!(zone.rr.iter().any(ResourceRecord::is_apex));
    assert_eq!(zone.soa.as_ref().and_then(|s| s.default_ttl), Some(86400));
    assert_eq!(zone.nserver.len(), 4);
    assert_eq!(
        zone.main.as_ref().map(|m| m.value.as_str()),
        Some("62.116.130.8")
    );

    let missing =
        decode_response::<ZoneInfo>(&common::read("0205_error_response.xml")).expect("decodes");
    let err = missing.error_for_status_ref().expect_err("E0205");
    assert_eq!(err.msg_codes().collect::<Vec<_>>(), ["EF02020"]);

    let empty = decode_response::<ZoneList>(&common::read("0205_list_empty_response.xml"))
        .expect("decodes");
    assert!(empty.error_for_status_ref().is_ok());
    assert_eq!(
        empty.data(),
        Some(&ZoneData {
            summary: Some(0),
            ..ZoneData::default()
        })
    );
}

#[test]
fn the_whole_zone_update_carries_records_of_seven_types() {
    let req = request("0202_request.xml");
    let AnyTask::ZoneUpdate(ZoneUpdate(zone)) = &req.tasks[0].body else {
        panic!("{:?}", req.tasks[0].body);
    };
    let mut kinds: Vec<&str> = zone.rr.iter().map(|r| r.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds, ["A", "AAAA", "CAA", "CNAME", "MX", "SRV", "TXT"]);
    let srv = zone.records_of(&RecordType::Srv).next().expect("srv");
    assert_eq!(
        (srv.pref, srv.value.as_str()),
        (Some(10), "5 5060 sip.example.com.")
    );
    // Replacing the A records and sending the zone back keeps the others in place.
    let mut zone = zone.clone();
    zone.replace_records(&RecordType::A, [ResourceRecord::a("www", "198.51.100.20")]);
    let task = RequestTask::from(ZoneUpdate(zone.clone()));
    let xml = Document::Task(task.clone())
        .to_xml_with(autodns_xml::codec::Layout::Compact)
        .expect("encodes");
    let back = Document::decode(xml.as_bytes()).expect("decodes");
    assert_eq!(back, Document::Task(task));
    assert_eq!(zone.rr.len(), 7);
    assert_eq!(zone.rr[0].value, "198.51.100.20");
}
