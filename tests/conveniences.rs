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

mod wrong_task {
    use autodns_xml::certificate::CertificateJob;
    use autodns_xml::domain::{Domain, DomainCreate, DomainInfo};
    use autodns_xml::{DecodeErrorKind, ErrorCategory, ListReader, decode_response};

    const S0105: &[u8] = b"<response>\n<result><data><domain><name>a.de</name></domain></data>\
        <status><code>S0105</code><type>success</type></status></result></response>";

    /// `decode_response::<DomainCreate>` of an S0105 is an error at its result, not an `Ok`
    /// with the domains hidden in `unknown`.
    #[test]
    fn a_success_status_of_another_task_is_a_wrong_task_error() {
        let err = decode_response::<DomainCreate>(S0105).expect_err("S0105 is not 0101's");
        assert_eq!(
            err.kind(),
            &DecodeErrorKind::WrongTask {
                expected: "task 0101".to_owned(),
                found: "S0105".to_owned()
            }
        );
        assert_eq!(err.category(), ErrorCategory::WrongTask);
        assert_eq!((err.position().line, err.position().column), (2, 1));
        assert_eq!(err.path(), "response/result");
        assert!(decode_response::<DomainInfo>(S0105).is_ok());
    }

    /// A notify of another task is refused as a success is; an error status of any task
    /// decodes, so that a failed login (answered under another code) reaches the caller.
    #[test]
    fn a_notify_is_checked_and_an_error_status_of_any_task_decodes() {
        let n0102 = b"<response><result><status><code>N0102</code></status></result></response>";
        assert!(decode_response::<DomainCreate>(n0102).is_err());
        let e0200 = b"<response><result><status><code>E0200</code><text>Login failed</text>\
            </status></result></response>";
        let resp = decode_response::<DomainCreate>(e0200).expect("an error status decodes");
        assert!(resp.error_for_status().is_err());
    }

    /// The second result of a two-task answer is checked too.
    #[test]
    fn every_result_is_checked() {
        let two = b"<response><result><status><code>S0105</code></status></result>\
            <result><status><code>S0101</code></status></result></response>";
        let err = decode_response::<DomainInfo>(two).expect_err("the second is 0101's");
        assert!(err.to_string().contains("S0101"), "{err}");
    }

    /// A `ListReader` of certificate jobs over a domain list is an error, not 0 entries and
    /// `Ok`; over its own list it reads on.
    #[test]
    fn a_list_reader_over_another_list_kind_is_an_error() {
        let mut jobs = ListReader::<CertificateJob, _>::new(S0105);
        let err = jobs
            .by_ref()
            .find_map(Result::err)
            .expect("a domain list is no certificate job list");
        assert!(
            err.to_string()
                .contains("status S0105 answers another task than a list of CertificateJob"),
            "{err}"
        );
        let domains: Vec<_> = ListReader::<Domain, _>::new(S0105)
            .collect::<Result<_, _>>()
            .expect("its own list");
        assert_eq!(domains.len(), 1);
    }

    /// Any reader passes an error status and a task this crate does not model.
    #[test]
    fn a_list_reader_passes_error_statuses_and_unmodelled_tasks() {
        for xml in [
            &b"<response><result><status><code>E0105</code></status></result></response>"[..],
            b"<response><result><data><x/></data><status><code>S9999</code></status></result></response>",
        ] {
            let entries: Result<Vec<_>, _> = ListReader::<CertificateJob, _>::new(xml).collect();
            assert_eq!(entries.expect("passes").len(), 0);
        }
    }
}

mod building {
    use autodns_xml::chrono::NaiveDate;
    use autodns_xml::contact::{ContactCreate, ContactType, Handle};
    use autodns_xml::domain::{DomainCreate, DomainList, NameServer};
    use autodns_xml::prelude::*;

    fn auth() -> Auth {
        Auth::new("user", "secret", "4")
    }

    /// `Request::new(auth).task(create).with_ctid("x")` sets the task's ctid; so does
    /// `with_ctid` on the task itself, before it is added.
    #[test]
    fn ctid_is_set_where_the_request_is_built() {
        let create = DomainCreate::new("example.com")
            .ownerc(1)
            .adminc(2)
            .techc(3)
            .nserver("ns1.example.net");
        let a = Request::new(auth())
            .task(create.clone())
            .with_ctid("order-1");
        let b = Request::new(auth()).task(create.with_ctid("order-1"));
        assert_eq!(a, b);
        assert_eq!(a.tasks[0].ctid.as_deref(), Some("order-1"));
        let xml = a.to_xml_with(Layout::Compact).expect("encodes");
        assert!(xml.contains("<ctid>order-1</ctid>"), "{xml}");
        // With no task yet there is nothing to carry a ctid.
        assert!(Request::new(auth()).with_ctid("lost").tasks.is_empty());
    }

    /// Every model has `Default` and a setter per field: a singleton is set, a list grows.
    #[test]
    fn models_build_by_name() {
        let handle = Handle::person()
            .fname("Jane")
            .lname("Doe")
            .address("Main Street 1")
            .address("Building 2")
            .pcode("12345")
            .city("Berlin")
            .country("DE")
            .email("jane@example.com");
        assert_eq!(handle.kind, Some(ContactType::Person));
        assert_eq!(handle.address, ["Main Street 1", "Building 2"]);
        let request = Request::new(auth()).task(ContactCreate(handle.clone()));
        let back = decode_request(request.to_xml().expect("encodes").as_bytes()).expect("decodes");
        assert_eq!(back, request);
        assert_eq!(
            Handle::org().organization("Example AG").kind,
            Some(ContactType::Org)
        );

        let ns: NameServer = String::from("ns1.example.net").into();
        let create = DomainCreate::new("example.com")
            .ownerc(1)
            .adminc(2)
            .techc(3)
            .nserver(ns)
            .period(2)
            .autorenew(true);
        assert_eq!((create.ownerc, create.adminc, create.techc), (1, 2, 3));
        assert_eq!(create.period, Some(2));
    }

    /// `Where` takes text, numbers and date-times; `all` / `any` build the groups.
    #[test]
    fn filters_combine_and_take_dates_and_numbers() {
        let created = NaiveDate::from_ymd_opt(2024, 1, 31)
            .and_then(|d| d.and_hms_opt(8, 5, 0))
            .expect("a date");
        let filter = Where::all([
            Where::condition("name", Operator::Like, "*.de"),
            Where::condition("created", Operator::Gt, created),
            Where::any([
                Where::condition("id", Operator::Eq, 42u64),
                Where::condition("expire", Operator::Lt, created.date()),
            ]),
        ]);
        let request = Request::new(auth()).task(
            DomainList
                .with_where(filter)
                .with_view(View::new(100, 50))
                .with_order(Order::desc("created")),
        );
        let xml = request.to_xml_with(Layout::Compact).expect("encodes");
        assert!(xml.contains(
            "<where><and><key>name</key><operator>like</operator><value>*.de</value></and>\
             <and><key>created</key><operator>gt</operator><value>2024-01-31 08:05:00</value></and>\
             <and><or><key>id</key><operator>eq</operator><value>42</value></or>\
             <or><key>expire</key><operator>lt</operator><value>2024-01-31</value></or></and></where>"
        ), "{xml}");
        assert!(
            xml.contains("<view><offset>100</offset><limit>50</limit></view>"),
            "{xml}"
        );
        assert!(
            xml.contains("<order><key>created</key><mode>desc</mode></order>"),
            "{xml}"
        );
        assert_eq!(decode_request(xml.as_bytes()).expect("decodes"), request);
    }

    /// The names the README uses resolve from the crate root.
    #[test]
    fn the_readme_names_are_at_the_root() {
        let _: Option<autodns_xml::Layout> = Some(autodns_xml::Layout::Compact);
        let _: autodns_xml::JobStatus = autodns_xml::JobStatus::Running;
        let _ = autodns_xml::OrderMode::Asc;
        let _: autodns_xml::chrono::NaiveDateTime = Default::default();
    }
}
