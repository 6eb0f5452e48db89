//! The conveniences a newcomer reaches for first (issue 13): an error answer as an `Err`,
//! request-level envelope fields, builders for models and queries, the import paths.

use autodns_xml::{RawElement, Response, StatusError, decode_response};

/// A task of the user's own for 0201, with raw data (the crate's `zone::ZoneCreate` types it).
struct ZoneCreate;
impl autodns_xml::Task for ZoneCreate {
    const CODE: &'static str = "0201";
    type Data = RawElement;
}

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/testdata/{name}", env!("CARGO_MANIFEST_DIR"))).expect("seed")
}

/// An `E…` answer becomes a `StatusError` carrying the code, text, object, every message code
/// and the stid; its `Display` is one line.
#[test]
fn error_for_status_turns_an_error_answer_into_an_err() {
    let resp = decode_response::<ZoneCreate>(&seed("0201_error_response.xml")).expect("decodes");
    let err: StatusError = resp.error_for_status_ref().expect_err("E0201 is an error");
    assert_eq!(err.code().to_string(), "E0201");
    assert_eq!(err.text(), Some("Zone konnte nicht angelegt werden."));
    assert_eq!(
        err.object().and_then(|o| o.value.as_deref()),
        Some("example.com")
    );
    assert_eq!(err.msg_codes().collect::<Vec<_>>(), ["EF02019"]);
    assert_eq!(err.stid.as_deref(), Some("20190101-demo-1"));
    assert_eq!(
        err.to_string(),
        "E0201 \"Zone konnte nicht angelegt werden.\" (zone example.com); \
         messages: EF02019 \"Duplicate zone entry.\"; stid 20190101-demo-1"
    );
    // Usable with `?` as any error.
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert!(!boxed.to_string().contains('\n'));
}

/// Success and notify statuses pass unchanged.
#[test]
fn error_for_status_passes_success_and_notify() {
    use autodns_xml::domain::{DomainCreate, DomainInfo};
    let ok = decode_response::<DomainInfo>(&seed("0105_response.xml")).expect("decodes");
    assert_eq!(ok.clone().error_for_status().expect("S0105 passes"), ok);
    let n = decode_response::<DomainCreate>(&seed("0101_response.xml")).expect("decodes");
    assert!(n.error_for_status().is_ok(), "N0101 is not an error");
}

/// The error names the first failed result of several, walks nested messages in document
/// order, and escapes control characters and cuts long texts in its one-line `Display`.
#[test]
fn status_error_walks_nested_msgs_and_stays_on_one_line() {
    let long = "x".repeat(500);
    let xml = format!(
        "<response><result><status><code>S0201</code></status></result>\
         <result><msg><code>EF1</code><msg><code>EF2</code><msg><code>EF3</code></msg></msg></msg>\
         <msg><code>EF4</code><text>line one\nline two</text></msg>\
         <status><code>E0201</code><text>{long}</text></status></result></response>"
    );
    let err = Response::<RawElement>::decode(xml.as_bytes())
        .expect("decodes")
        .error_for_status()
        .expect_err("the second result failed");
    assert_eq!(err.result, 1);
    assert_eq!(
        err.msg_codes().collect::<Vec<_>>(),
        ["EF1", "EF2", "EF3", "EF4"]
    );
    let line = err.to_string();
    assert!(!line.contains('\n'), "{line}");
    assert!(line.contains("line one\\nline two"), "{line}");
    assert!(line.len() < 400, "the 500-character text is cut: {line}");
}
