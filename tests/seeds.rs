//! Every XML example of the seed pages (`testdata/`): decode, snapshot, re-encode, compare,
//! and field-level assertions on the values the seeds show.

mod common;

use autodns_xml::certificate::{
    CertificateJobInfoData, CertificateJobList, CertificateJobListData, Product,
};
use autodns_xml::codec::Layout;
use autodns_xml::domain::{DomainCreate, DomainInfo, DomainList, RegistryStatus};
use autodns_xml::envelope::Operator;
use autodns_xml::job::{DeferredSpelling, JobStatus};
use autodns_xml::poll::PollInfo;
use autodns_xml::{
    AnyData, AnyTask, Document, QuirkKind, RawElement, Request, Response, StatusKind, StatusType,
    decode_request, decode_response,
};
use std::path::{Path, PathBuf};

fn testdata() -> Vec<PathBuf> {
    common::names().iter().map(|n| common::path(n)).collect()
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .expect("file name")
        .to_owned()
}

#[test]
fn testdata_holds_every_seed_example() {
    let names: Vec<String> = testdata().iter().map(|p| stem(p)).collect();
    for expected in [
        "0101_request",
        "0101_response",
        "0105_request",
        "0105_response",
        "0301_request",
        "0301_response",
        "0905_request",
        "0905_response",
        "0906_request",
        "0906_response",
        "400113_request",
        "400113_response",
        "400114_request",
        "400114_response",
        "400115_request",
        "400115_response",
        "400115_task",
        "400118_request",
        "400118_response",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "testdata/{expected}.xml is missing"
        );
    }
}

#[test]
fn every_seed_round_trips_and_re_encodes_equivalently() {
    for path in testdata() {
        let bytes = std::fs::read(&path).expect("read");
        let name = stem(&path);
        let doc = Document::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        for layout in [Layout::Indented, Layout::Compact] {
            let xml = doc
                .to_xml_with(layout)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let again = Document::decode(xml.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
            let quirks = again.quirks().to_vec();
            assert_eq!(
                doc, again,
                "{name}: decode → encode → decode changed the value"
            );
            // Our output never needs a structural repair; only a value kept as the server spelled
            // it (DEFFERED) is reported again.
            assert!(
                quirks
                    .iter()
                    .all(|q| matches!(q.kind, QuirkKind::MisspelledValue { .. })),
                "{name}: our own output needed repairs: {quirks:?}"
            );
            // Equivalent documents: the same tree, up to the order of differently named siblings.
            let (original, _) = RawElement::decode(&bytes).expect("raw");
            let (encoded, _) = RawElement::decode(xml.as_bytes()).expect("raw");
            assert_eq!(
                common::canonical(&original),
                common::canonical(&encoded),
                "{name}: re-encoded document differs"
            );
        }
    }
}

#[test]
fn snapshots_of_every_seed() {
    for path in testdata() {
        let bytes = std::fs::read(&path).expect("read");
        let name = stem(&path);
        let doc = Document::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let quirks = doc.quirks().to_vec();
        let xml = doc.to_xml_with(Layout::Indented).expect("encode");
        let quirks: Vec<String> = quirks.iter().map(ToString::to_string).collect();
        insta::assert_json_snapshot!(format!("{name}.json"), doc);
        insta::assert_snapshot!(format!("{name}.xml"), xml);
        insta::assert_debug_snapshot!(format!("{name}.quirks"), quirks);
    }
}

#[test]
fn certificate_job_info_updater_context_is_repaired_and_reported() {
    let resp = decode_response::<autodns_xml::certificate::CertificateJobInfo>(&common::read(
        "400114_response.xml",
    ))
    .expect("decode");
    let data: &CertificateJobInfoData = resp.data().expect("data");
    let cj = data.certificate_job.as_ref().expect("certificate_job");
    let job = cj.job.as_ref().expect("job");
    let updater = job.updater.as_ref().expect("updater");
    assert_eq!(updater.context.as_deref(), Some("9"));
    assert_eq!(updater.user.as_deref(), Some("user"));
    assert!(
        updater.unknown.is_empty(),
        "context4 must not survive as an unknown element"
    );
    let repaired: Vec<_> = resp
        .quirks
        .iter()
        .filter(|q| matches!(&q.kind, QuirkKind::MismatchedEndTag { opened, closed_by } if opened == "context4" && closed_by == "context"))
        .collect();
    assert_eq!(repaired.len(), 1, "{:?}", resp.quirks);
    assert_eq!(
        (repaired[0].position.line, repaired[0].position.column),
        (62, 7)
    );

    let cert = cj.certificate.as_ref().expect("certificate");
    assert_eq!(cert.product, Some(Product::RapidSsl));
    assert_eq!(cert.lifetime, Some(12));
    assert_eq!(
        cert.admin.as_ref().and_then(|a| a.postal_code.as_deref()),
        Some("12345")
    );
    assert_eq!(cert.admin.as_ref().and_then(|a| a.id), Some(1));
    assert_eq!(
        cert.technical.as_ref().map(|t| t.address.clone()),
        Some(vec!["Musterstrasse 6".to_owned()])
    );
    assert_eq!(
        cert.csr.as_deref(),
        Some("-----BEGIN CERTIFICATE REQUEST----- ... -----END CERTIFICATE REQUEST-----")
    );
    assert_eq!(
        cert.expire.map(|d| d.to_string()),
        Some("2020-10-23 00:00:00".to_owned())
    );
    assert_eq!(cert.extension, Some(RawElement::new("extension")));
    assert_eq!(
        cert.authentication
            .as_ref()
            .map(|a| a.approver_email.clone()),
        Some(vec!["admin@domain.de".to_owned()])
    );
    assert!(job.status.as_ref().is_some_and(JobStatus::is_deferred));
    let status = resp.status().expect("status");
    assert_eq!(status.code.to_string(), "S400114");
    assert_eq!(
        status.object.as_ref().and_then(|o| o.value.as_deref()),
        Some("4297755796")
    );
}

#[test]
fn certificate_job_list_status_is_deferred_as_spelled() {
    let resp: Response<CertificateJobListData> =
        decode_response::<CertificateJobList>(&common::read("400115_response.xml"))
            .expect("decode");
    let data = resp.data().expect("data");
    assert_eq!(data.summary, Some(1));
    assert_eq!(data.certificate_job.len(), 1);
    let job = data.certificate_job[0].job.as_ref().expect("job");
    assert_eq!(job.id, 12345);
    assert_eq!(
        job.status,
        Some(JobStatus::Deferred(DeferredSpelling::Deffered))
    );
    assert_eq!(job.sub_status.as_deref(), Some("WF_EMAIL_AUTH"));
    assert_eq!(
        job.execution.map(|d| d.to_string()),
        Some("2019-10-23 17:25:58".to_owned())
    );
    assert!(
        resp.quirks.iter().any(
            |q| matches!(&q.kind, QuirkKind::MisspelledValue { sent, .. } if sent == "DEFFERED")
        )
    );
    // Re-encoding writes the spelling that was read.
    assert!(
        resp.to_xml()
            .expect("encode")
            .contains("<status>DEFFERED</status>")
    );
}

#[test]
fn poll_info_message_carries_the_domain_job() {
    let resp = decode_response::<PollInfo>(&common::read("0905_response.xml")).expect("decode");
    let data = resp.data().expect("data");
    assert_eq!(data.summary, Some(1));
    let message = data.message.as_ref().expect("message");
    assert_eq!(message.id, 1855680);
    assert_eq!(
        message.owner.as_ref().and_then(|o| o.context.as_deref()),
        Some("4")
    );
    let job = message.job().expect("job");
    assert_eq!(job.job_id, Some(4_295_625_406));
    let domain = job.domain.as_ref().expect("domain");
    assert_eq!(domain.name, "example.com");
    assert_eq!(domain.nserver.len(), 4);
    assert_eq!(domain.nserver[3].name, "d.ns14.net");
    assert_eq!(domain.registry_status, Some(RegistryStatus::Lock));
    assert_eq!(domain.confirm_order, Some(true));
    assert_eq!(domain.confirm_owner_consent, Some(false));
    assert_eq!(domain.autorenew, Some(true));
    assert_eq!(domain.owner, Some(autodns_xml::User::default()));
    let status = job.status.as_ref().expect("job status");
    assert_eq!(status.code.kind, StatusKind::Success);
    assert_eq!(status.code.task, "0101");
    assert_eq!(
        message.created.map(|d| d.to_string()),
        Some("2018-10-15 14:03:02".to_owned())
    );
}

#[test]
fn domain_info_flags_and_dates() {
    let resp = decode_response::<DomainInfo>(&common::read("0105_response.xml")).expect("decode");
    let domain = &resp.data().expect("data").domain[0];
    assert_eq!(domain.use_trustee, Some(false));
    assert_eq!(domain.use_privacy, Some(false));
    assert_eq!(domain.domainsafe, Some(false));
    assert_eq!(domain.certificate, Some(false));
    assert_eq!(domain.autorenew, Some(true));
    assert_eq!(domain.period, Some(1));
    assert_eq!(domain.status, Some(JobStatus::Success));
    assert_eq!(domain.ownerc, Some(100));
    assert_eq!(
        domain.owner.as_ref().and_then(|o| o.context.as_deref()),
        Some("CONTEXT")
    );
    assert_eq!(
        domain.updated.map(|d| d.to_string()),
        Some("2018-09-26 14:54:10".to_owned())
    );
}

#[test]
fn domain_create_answer_is_notify_with_a_running_job() {
    let resp = decode_response::<DomainCreate>(&common::read("0101_response.xml")).expect("decode");
    let status = resp.status().expect("status");
    assert!(status.code.is_notify());
    assert_eq!(status.code.task, "0101");
    assert_eq!(status.kind, Some(StatusType::Notify));
    let job = resp
        .data()
        .and_then(|d| d.domain_job.as_ref())
        .and_then(|j| j.job.as_ref())
        .expect("job");
    assert_eq!(job.id, 123456);
    assert_eq!(job.status, Some(JobStatus::Running));
    assert_eq!(resp.stid.as_deref(), Some("20181015-dev-3282"));
}

#[test]
fn requests_decode_with_typed_bodies() {
    let req = decode_request(&common::read("0101_request.xml")).expect("decode");
    assert_eq!(req.auth.user, "USER");
    assert_eq!(req.auth.password.expose(), "PASSWORD");
    assert_eq!(req.auth.context, "CONTEXT");
    let AnyTask::DomainCreate(create) = &req.tasks[0].body else {
        panic!("0101 body: {:?}", req.tasks[0].body)
    };
    assert_eq!(
        (create.ownerc, create.adminc, create.techc),
        (100, 100, 100)
    );
    assert_eq!(create.nserver.len(), 4);
    assert_eq!(create.confirm_order, Some(true));
    assert_eq!(create.period, Some(1));

    let req = decode_request(&common::read("0301_request.xml")).expect("decode");
    let AnyTask::ContactCreate(contact) = &req.tasks[0].body else {
        panic!("0301 body")
    };
    assert_eq!(contact.0.fname, "John");
    assert_eq!(contact.0.address, vec!["Anystreet".to_owned()]);
    assert_eq!(contact.0.state.as_deref(), Some(""));

    let req = decode_request(&common::read("0906_request.xml")).expect("decode");
    assert!(matches!(&req.tasks[0].body, AnyTask::PollConfirm(m) if m.id == 650664));

    for (file, code) in [
        ("400113_request.xml", "400113"),
        ("400114_request.xml", "400114"),
        ("400118_request.xml", "400118"),
    ] {
        let req = decode_request(&common::read(file)).expect("decode");
        assert_eq!(req.tasks[0].code, code);
        let id = match &req.tasks[0].body {
            AnyTask::CertificateJobCancel(c) => c.id(),
            AnyTask::CertificateJobInfo(c) => c.id(),
            AnyTask::ResendApproverEmail(c) => c.id(),
            other => panic!("{file}: {other:?}"),
        };
        assert_eq!(id, 12345, "{file}");
    }

    let req = decode_request(&common::read("0905_request.xml")).expect("decode");
    assert_eq!(req.tasks[0].body, AnyTask::PollInfo(PollInfo));
}

#[test]
fn bare_and_full_certificate_list_requests_carry_the_same_task() {
    let bare = Document::decode(&common::read("400115_task.xml")).expect("bare task");
    let Document::Task(task) = bare else {
        panic!("a bare <task> decodes as Document::Task")
    };
    let full = decode_request(&common::read("400115_request.xml")).expect("full request");
    assert_eq!(full.tasks, vec![task.clone()]);
    let view = task.view.as_ref().expect("view");
    assert_eq!((view.limit, view.offset), (Some(10), Some(0)));
    assert_eq!(task.code, "400115");
}

#[test]
fn domain_list_request_and_response() {
    let req = decode_request(&common::read("0105_list_request.xml")).expect("decode");
    let task = &req.tasks[0];
    assert_eq!(task.body, AnyTask::DomainList(DomainList));
    assert_eq!(task.key, vec!["created".to_owned(), "payable".to_owned()]);
    assert_eq!(task.view.as_ref().and_then(|v| v.children), Some(false));
    let filter = task.r#where.as_ref().expect("where");
    assert_eq!(filter.and.len(), 2);
    assert_eq!(filter.and[0].operator, Some(Operator::Like));
    assert_eq!(filter.and[1].or.len(), 2);
    assert_eq!(task.order[0].key, "created");
    assert_eq!(task.ctid.as_deref(), Some("list-1"));
    assert_eq!(req.language.as_deref(), Some("en"));

    let resp =
        decode_response::<autodns_xml::domain::DomainList>(&common::read("0105_list_response.xml"))
            .expect("decode");
    let data = resp.data().expect("data");
    assert_eq!(data.summary, Some(2));
    assert_eq!(
        data.domain
            .iter()
            .map(|d| d.name.as_str())
            .collect::<Vec<_>>(),
        ["example.com", "example.net"]
    );
    assert_eq!(resp.ctid.as_deref(), Some("list-1"));
}

#[test]
fn unmodelled_task_response_decodes_generically() {
    let doc = Document::decode(&common::read("0201_error_response.xml")).expect("decode");
    let Document::Response(resp) = doc else {
        panic!("response")
    };
    let result = &resp.results[0];
    assert!(result.status.code.is_error());
    assert_eq!(result.status.code.task, "0201");
    assert_eq!(result.msgs.len(), 1);
    assert_eq!(result.msgs_after_status, 0);
    assert_eq!(result.msgs[0].code.as_deref(), Some("EF02019"));
    assert_eq!(
        result.msgs[0]
            .object
            .as_ref()
            .and_then(|o| o.kind.as_deref()),
        Some("zone")
    );
    // 0201 is modelled now: the empty `<data/>` is typed.
    assert_eq!(
        result.data,
        Some(AnyData::ZoneCreate(autodns_xml::zone::ZoneData::default()))
    );
}

#[test]
fn contact_create_status_object_is_the_new_handle() {
    let resp =
        decode_response::<autodns_xml::contact::ContactCreate>(&common::read("0301_response.xml"))
            .expect("decode");
    let object = resp
        .status()
        .and_then(|s| s.object.as_ref())
        .expect("object");
    assert_eq!(
        (object.kind.as_deref(), object.value.as_deref()),
        (Some("handle"), Some("100"))
    );
    assert_eq!(resp.data(), Some(&autodns_xml::EmptyData::default()));
}

#[test]
fn requests_built_in_code_encode_like_the_seeds() {
    use autodns_xml::{Auth, domain::DomainCreate};
    let create = DomainCreate::new("example.com")
        .ownerc(100)
        .adminc(100)
        .techc(100)
        .nserver("a.ns14.net")
        .nserver("b.ns14.net")
        .nserver("c.ns14.net")
        .nserver("d.ns14.net")
        .confirm_order(true)
        .period(1);
    let built = Request::new(Auth::new("USER", "PASSWORD", "CONTEXT")).task(create);
    assert_eq!(
        built,
        decode_request(&common::read("0101_request.xml")).expect("seed")
    );

    let built = Request::new(Auth::new("USER", "PASSWORD", "CONTEXT")).task(PollInfo);
    assert_eq!(
        built,
        decode_request(&common::read("0905_request.xml")).expect("seed")
    );

    let built = Request::new(Auth::new("USER", "PASSWORD", "CONTEXT"))
        .task(autodns_xml::certificate::CertificateJobInfo::new(12345));
    assert_eq!(
        built,
        decode_request(&common::read("400114_request.xml")).expect("seed")
    );
}
