//! Issue 15 (contacts, auth codes, cancelations): the staged fixtures in
//! the lifecycle fixtures in `testdata/` decode typed, the auth code is a secret, and the list forms stream.
//! (The fixtures move to `testdata/` when the tasks join the task registry.)

use autodns_xml::cancelation::{
    Cancelation, CancelationCreate, CancelationData, CancelationDelete, CancelationInfo,
    CancelationList, CancelationType, CancelationUpdate, Case, ExecDate,
};
use autodns_xml::contact::{
    ContactType, Handle, HandleDelete, HandleInfo, HandleList, HandleUpdate,
};
use autodns_xml::domain::{
    AuthInfo1Create, AuthInfo1Delete, AuthInfo2Create, AuthInfoSend, auth_code,
};
use autodns_xml::stream::ListReader;
use autodns_xml::{Response, Task, decode_response};

fn staged(name: &str) -> Vec<u8> {
    let path = format!("{}/testdata/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Decodes a staged response for task `T`, checks its status code is `letter` + `T::CODE`,
/// and that it re-encodes to the same model.
fn answer<T: Task>(name: &str, letter: &str) -> Response<T::Data>
where
    T::Data: autodns_xml::codec::ToXml + PartialEq + std::fmt::Debug,
{
    let resp = decode_response::<T>(&staged(name)).expect(name);
    let status = resp.status().expect("a status");
    assert_eq!(
        status.code.to_string(),
        format!("{letter}{}", T::CODE),
        "{name}"
    );
    let again =
        decode_response::<T>(resp.to_xml().expect("encodes").as_bytes()).expect("re-decodes");
    assert_eq!(
        again.data(),
        resp.data(),
        "{name}: the data survives a round trip"
    );
    resp
}

#[test]
fn handle_info_answer_reads_the_handle_and_keeps_what_it_does_not_model() {
    let resp = answer::<HandleInfo>("0304_response.xml", "S");
    let data = resp.data().expect("data");
    let [h] = data.handle.as_slice() else {
        panic!("one handle")
    };
    assert_eq!(h.id, Some(1254545));
    assert_eq!(h.kind, Some(ContactType::Person));
    assert_eq!((h.fname.as_str(), h.lname.as_str()), ("Somebody", "Who"));
    assert_eq!(h.protection.as_ref().map(|p| p.as_str()), Some("B"));
    let kept: Vec<String> = h.unknown.iter().map(|u| u.name).collect();
    assert_eq!(kept, ["created", "domainsafe", "nic_ref", "owner"]);
}

#[test]
fn handle_list_streams_entry_by_entry() {
    let xml = staged("0304_list_response.xml");
    let mut reader = ListReader::<Handle, _>::new(&xml[..]);
    let ids: Vec<u64> = reader
        .by_ref()
        .map(|h| h.expect("entry").id.expect("id"))
        .collect();
    assert_eq!(ids, [1254545, 1254546]);
    let whole = answer::<HandleList>("0304_list_response.xml", "S");
    assert_eq!(whole.data().and_then(|d| d.summary), Some(2));
}

#[test]
fn handle_update_and_delete_answers_are_empty() {
    for (name, code) in [
        ("0302_response.xml", HandleUpdate::CODE),
        ("0303_response.xml", HandleDelete::CODE),
    ] {
        // Both answers' data are empty: read under the data type alone (decode_response
        // would refuse the other task's status).
        let resp = Response::<<HandleDelete as Task>::Data>::decode(&staged(name)).expect(name);
        assert_eq!(resp.status().expect("status").code.task, code);
        assert!(resp.data().is_some_and(|d| d.unknown.is_empty()));
    }
    let _ = answer::<HandleUpdate>("0302_response.xml", "S");
    let _ = answer::<HandleDelete>("0303_response.xml", "S");
}

#[test]
fn cancelation_answers_read_uppercase_types_and_lowercase_execdates() {
    let created = answer::<CancelationCreate>("0103101_response.xml", "S");
    let c = one(created.data());
    assert_eq!(c.kind, Some(CancelationType::Delete(Case::Upper)));
    assert_eq!(c.execdate, Some(ExecDate::Expire(Case::Lower)));
    assert_eq!(c.disconnect, Some(false));
    assert_eq!(c.log_id, Some(245139));

    let updated = answer::<CancelationUpdate>("0103102_response.xml", "S");
    let date = one(updated.data())
        .execdate
        .as_ref()
        .and_then(ExecDate::date);
    assert_eq!(date, chrono::NaiveDate::from_ymd_opt(2020, 1, 9));

    let info = answer::<CancelationInfo>("0103104_response.xml", "S");
    assert_eq!(one(info.data()).domain, "example.com");
    let _ = answer::<CancelationList>("0103104_response.xml", "S");
    let _ = answer::<CancelationDelete>("0103103_response.xml", "S");
}

fn one(data: Option<&CancelationData>) -> &Cancelation {
    let [c] = data.expect("data").cancelation.as_slice() else {
        panic!("one cancelation")
    };
    c
}

#[test]
fn cancelation_values_keep_the_case_they_were_read_in() {
    for s in ["delete", "DELETE", "transit", "TRANSIT", "preack", "PREACK"] {
        assert_eq!(CancelationType::from_wire(s).as_str(), s);
    }
    assert_eq!(
        CancelationType::from_wire("Delete"),
        CancelationType::Other("Delete".into())
    );
    let built = CancelationCreate::new(
        "example.com",
        CancelationType::Delete(Case::default()),
        ExecDate::Now(Case::default()),
    );
    assert_eq!(
        built.0.kind.as_ref().map(|k| k.as_str()),
        Some("delete"),
        "requests are written lowercase"
    );
    let on = ExecDate::on(chrono::NaiveDate::from_ymd_opt(2010, 2, 1).expect("date"));
    assert_eq!(on.as_str(), "2010-02-01");
    assert_eq!(ExecDate::from_wire("2010-02-01").date(), on.date());
}

#[test]
fn the_auth_code_is_read_as_a_secret_and_never_debug_printed() {
    let resp = answer::<AuthInfo1Create>("0113001_response.xml", "S");
    let code = auth_code(resp.status().expect("status")).expect("the code");
    assert_eq!(code.expose(), "kiSV/CbJi9/KaCxp");
    assert!(!format!("{code:?}").contains("kiSV"));

    let err =
        decode_response::<AuthInfo1Create>(&staged("0113001_error_response.xml")).expect("decodes");
    let status = err.status().expect("status");
    assert!(status.code.is_error());
    assert_eq!(err.result().map(|r| r.msgs.len()), Some(1));

    for (name, code) in [
        ("0113002_response.xml", AuthInfo1Delete::CODE),
        ("0113003_response.xml", AuthInfo2Create::CODE),
        ("0113005_response.xml", AuthInfoSend::CODE),
    ] {
        let resp = Response::<<AuthInfoSend as Task>::Data>::decode(&staged(name)).expect(name);
        let status = resp.status().expect("status");
        assert_eq!(status.code.task, code);
        assert_eq!(
            auth_code(status),
            None,
            "{name}: a domain object is not a code"
        );
    }
}

#[test]
fn the_auth_code_in_a_status_object_is_masked_in_debug_and_serde() {
    use autodns_xml::{Document, ExposeSecrets};
    let bytes = std::fs::read(format!(
        "{}/testdata/0113001_response.xml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let doc = Document::decode(&bytes).expect("decode");
    let code = "kiSV/CbJi9/KaCxp";
    assert!(!format!("{doc:?}").contains(code));
    let json = serde_json::to_string(&doc).expect("json");
    assert!(
        !json.contains(code) && json.contains(r#""value":"***""#),
        "{json}"
    );
    let exposed = serde_json::to_string(&ExposeSecrets::new(&doc)).expect("json");
    assert!(exposed.contains(code), "{exposed}");
    // The encoder writes the value as it came.
    assert!(
        doc.to_xml_with(autodns_xml::codec::Layout::Compact)
            .expect("encode")
            .contains(code)
    );
    // Another object type's value is no secret.
    let other = autodns_xml::ObjectRef::new("domain", "example.com");
    assert!(format!("{other:?}").contains("example.com"));
    assert!(!other.holds_secret());
}
