//! The wire schemas in `schemas/`, and the codec held to them by a validator we did not write:
//! libxml2's `xmllint --noout --schema`.
//!
//! - every well-formed testdata document validates as it is, and libxml2 finds exactly those
//!   well-formed whose decoding repaired no structural quirk;
//! - the normalized form (decode, then encode in both layouts) of every testdata document
//!   validates, the `<context4>9</context>` one included, and so does the CLI's `normalize`
//!   output for every testdata file;
//! - every XML notification fixture (`testdata/notifications/`: 0905 answers, and bare
//!   `<message>` documents, which `notification.xsd` describes) validates as it is and
//!   normalized, and so does the XML form of every JSON one;
//! - the encoder's output validates for at least [`PER_TASK`] generated values per modelled
//!   task, requests and responses, and for as many bare messages;
//! - near misses of valid documents (a repeated or missing element, a wrong value) are refused,
//!   so that the checks above can fail;
//! - the value sets the schemas list match the crate's open enums.
//!
//! The help pages write the placeholder `CONTEXT` where a context goes; contexts are numeric on
//! the real server and in the schemas. The documents are validated with the placeholder
//! replaced by [`CONTEXT`], and a test shows that the placeholder itself is refused.
//!
//! Generated values are brought inside the documented format first (see [`conform`]): their
//! unknown children are dropped (the schemas describe the documented elements only), their
//! contexts made numeric, query operators and sort directions the crate keeps as `Other`
//! replaced by known ones (the schemas list those two value sets as closed), and a message's
//! unknown payload made its `tmchnotify` (the schemas know the documented payloads only).
//!
//! Without `xmllint` (Debian package libxml2-utils) the tests print a notice and check nothing
//! with it; under CI (`CI=true`) they fail instead. `.ci/run` installs it.

mod common;
#[path = "common/strategies.rs"]
mod strategies;

use autodns_xml::cancelation::{CancelationType, ExecDate};
use autodns_xml::certificate::{
    AuthenticationMethod, CertificateJobCancel, CertificateJobHistoryInfo,
    CertificateJobHistoryList, CertificateJobInfo, CertificateJobList, Product,
    ResendApproverEmail, SignatureHash, Software, TransparencyPrivacy,
};
use autodns_xml::codec::{Layout, OpenEnum};
use autodns_xml::contact::{ContactCreate, ContactType, HandleDelete, HandleInfo, Protection};
use autodns_xml::domain::{DomainCreate, DomainInfo};
use autodns_xml::domain::{RddsOptIn, RegistrarStatus, RegistryStatus, RestoreAction};
use autodns_xml::envelope::{Operator, OrderMode};
use autodns_xml::job::{JobAction, JobStatus, JobType};
use autodns_xml::notification::{Notification, NotificationBody};
use autodns_xml::poll::{EventType, Message};
use autodns_xml::poll::{PollConfirm, PollInfo};
use autodns_xml::registry::{TASKS, TaskInfo};
use autodns_xml::zone::{
    NsAction, PurgeType, RecordType, ZoneCreate, ZoneDelete, ZoneImport, ZoneInfo, ZoneStream,
    ZoneUpdate,
};
use autodns_xml::{
    AnyTask, Document, QuirkKind, RawElement, Request, RequestTask, Response, StatusType, Task,
    TaskCode,
};
use chrono::NaiveDateTime;
use proptest::strategy::{BoxedStrategy, Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use strategies::*;

/// Generated values validated per modelled task, at least.
const PER_TASK: usize = 100;

/// The number the seeds' `CONTEXT` placeholder is replaced by (the live system's context).
const CONTEXT: &str = "4";

const PLACEHOLDER: &str = "<context>CONTEXT</context>";

// ---------------------------------------------------------------------------------------------
// xmllint
// ---------------------------------------------------------------------------------------------

/// Whether `xmllint` can be run. If not: under CI the test fails; elsewhere a notice naming
/// the package goes straight to stderr (past the test harness's capture, so that it shows
/// even when the test passes) and the test returns.
fn xmllint_found(test: &str) -> bool {
    let found = Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "xmllint not found: CI must validate the schemas. Install libxml2-utils \
             (apt-get install -y libxml2-utils), as .ci/run does."
        );
        let _ = writeln!(
            std::io::stderr(),
            "NOTICE: xmllint not found; install libxml2-utils (apt-get install libxml2-utils) \
             to validate against schemas/. schemas::{test} SKIPPED"
        );
    }
    found
}

/// Which schema validates a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Schema {
    /// `<request>`, and a bare `<task>`.
    Request,
    /// `<response>`.
    Response,
    /// A bare `<message>`: a push or e-mail notification.
    Notification,
}

impl Schema {
    const ALL: [Schema; 3] = [Schema::Request, Schema::Response, Schema::Notification];

    fn for_root(root: &str) -> Schema {
        match root {
            "request" | "task" => Schema::Request,
            "response" => Schema::Response,
            "message" => Schema::Notification,
            other => panic!("no schema describes the root element <{other}>"),
        }
    }

    fn path(self) -> PathBuf {
        let file = match self {
            Schema::Request => "request.xsd",
            Schema::Response => "response.xsd",
            Schema::Notification => "notification.xsd",
        };
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("schemas")
            .join(file)
    }
}

/// A document to validate, and where it came from.
struct Doc {
    label: String,
    schema: Schema,
    xml: String,
}

impl Doc {
    fn new(label: impl Into<String>, xml: impl Into<String>) -> Self {
        let xml = xml.into();
        let schema = Schema::for_root(&root_of(&xml));
        Doc {
            label: label.into(),
            schema,
            xml,
        }
    }
}

/// The root element's name: the first start tag's (after the declaration, comments and
/// processing instructions; a comment may itself name an element: `a bare <message>`).
fn root_of(xml: &str) -> String {
    let mut rest = xml;
    loop {
        let at = rest
            .find('<')
            .unwrap_or_else(|| panic!("no root element in\n{xml}"));
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            let end = comment.find("-->").expect("the comment's end");
            rest = &comment[end..];
        } else if !rest.starts_with(['?', '!']) {
            break;
        }
    }
    rest.split(['>', '/', ' ', '\t', '\r', '\n'])
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// A document that failed validation: its label, xmllint's messages about it, the document.
struct Failure {
    label: String,
    messages: String,
    xml: String,
}

impl Failure {
    /// xmllint's validity errors about the document (not its other messages).
    fn validity_errors(&self) -> Vec<&str> {
        self.messages
            .lines()
            .filter(|l| l.contains("validity error"))
            .collect()
    }
}

/// Validates `docs` with xmllint, each against its schema, a few hundred files per run, in a
/// fresh directory `name` under the test target's temporary directory. Returns the documents
/// xmllint did not report valid.
fn validate(name: &str, docs: &[Doc]) -> Vec<Failure> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("schemas")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let mut failures = Vec::new();
    for schema in Schema::ALL {
        let mine: Vec<(PathBuf, &Doc)> = docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.schema == schema)
            .map(|(i, d)| (dir.join(format!("{i:05}.xml")), d))
            .collect();
        for (path, doc) in &mine {
            std::fs::write(path, &doc.xml).expect("write a document");
        }
        for batch in mine.chunks(250) {
            let out = Command::new("xmllint")
                .arg("--noout")
                .arg("--schema")
                .arg(schema.path())
                .args(batch.iter().map(|(path, _)| path))
                .output()
                .expect("run xmllint");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                !stderr.contains("failed to compile"),
                "{} does not compile:\n{stderr}",
                schema.path().display()
            );
            for (path, doc) in batch {
                let path = path.display().to_string();
                if stderr.lines().any(|l| l == format!("{path} validates")) {
                    continue;
                }
                let messages: Vec<&str> = stderr.lines().filter(|l| l.starts_with(&path)).collect();
                failures.push(Failure {
                    label: doc.label.clone(),
                    messages: messages.join("\n"),
                    xml: doc.xml.clone(),
                });
            }
        }
    }
    failures
}

/// Fails with xmllint's messages and the documents, the first few in full.
fn assert_valid(name: &str, docs: &[Doc]) {
    let failures = validate(name, docs);
    if failures.is_empty() {
        return;
    }
    let mut report = format!(
        "{} of {} documents do not validate:\n",
        failures.len(),
        docs.len()
    );
    for f in failures.iter().take(3) {
        report.push_str(&format!(
            "\n=== {}\n--- xmllint:\n{}\n--- document:\n{}\n",
            f.label, f.messages, f.xml
        ));
    }
    for f in failures.iter().skip(3) {
        report.push_str(&format!("\n=== {}\n{}\n", f.label, f.messages));
    }
    panic!("{report}");
}

/// `xml` with the seeds' `CONTEXT` placeholder replaced by a number.
fn numeric_contexts(xml: &str) -> String {
    xml.replace(PLACEHOLDER, &format!("<context>{CONTEXT}</context>"))
}

/// Whether decoding `xml` repaired something that makes it not well-formed XML.
fn needs_structural_repair(xml: &[u8]) -> bool {
    let quirks = Document::decode(xml)
        .expect("every testdata document decodes")
        .quirks()
        .to_vec();
    quirks.iter().any(|q| {
        matches!(
            q.kind,
            QuirkKind::MismatchedEndTag { .. } | QuirkKind::DuplicatedTail { .. }
        )
    })
}

// ---------------------------------------------------------------------------------------------
// testdata/
// ---------------------------------------------------------------------------------------------

/// The requests whose `handle` names a contact by id only (0303, 0304). XML Schema 1.0
/// cannot make the `handle` body's content depend on the task code, and `handle` is declared
/// as the full contact 0301 sends: these are refused, for their `handle` and nothing else.
const BY_ID_ONLY: [&str; 2] = ["0303_request.xml", "0304_request.xml"];

/// Validates `docs`, the documents made from testdata files, as [`assert_valid`] does; the
/// ones made from a [`BY_ID_ONLY`] file must be refused for their `handle` alone.
fn assert_valid_but_by_id_only(name: &str, docs: Vec<Doc>) {
    let (by_id, rest): (Vec<Doc>, Vec<Doc>) = docs
        .into_iter()
        .partition(|d| BY_ID_ONLY.iter().any(|f| d.label.contains(f)));
    assert!(
        !by_id.is_empty(),
        "{name}: the by-id requests are among the documents"
    );
    let failures = validate(&format!("{name}-by-id"), &by_id);
    assert_eq!(
        failures.len(),
        by_id.len(),
        "{name}: a by-id handle validates now"
    );
    for f in failures {
        let errors = f.validity_errors();
        assert!(
            errors.iter().all(|l| l.contains("'handle'")),
            "{}: refused for something else than its handle:\n{}",
            f.label,
            f.messages
        );
    }
    assert_valid(name, &rest);
}

/// Every well-formed testdata document validates as it is (contexts made numeric), but for
/// [`BY_ID_ONLY`]. libxml2 finds exactly those documents well-formed whose decoding needed
/// no structural repair.
#[test]
fn testdata_validates_as_it_is() {
    if !xmllint_found("testdata_validates_as_it_is") {
        return;
    }
    let mut docs = Vec::new();
    let mut malformed = Vec::new();
    for (name, bytes) in common::files() {
        let well_formed = Command::new("xmllint")
            .arg("--noout")
            .arg(common::path(&name))
            .output()
            .expect("run xmllint")
            .status
            .success();
        assert_eq!(
            well_formed,
            !needs_structural_repair(&bytes),
            "testdata/{name}: libxml2 and the decoder disagree on whether it is well-formed"
        );
        if well_formed {
            let xml = String::from_utf8(bytes).expect("UTF-8");
            docs.push(Doc::new(format!("testdata/{name}"), numeric_contexts(&xml)));
        } else {
            malformed.push(name);
        }
    }
    assert_eq!(
        malformed,
        ["400114_response.xml"],
        "the not well-formed seeds"
    );
    assert!(docs.iter().any(|d| d.label.ends_with("_task.xml")));
    assert_valid_but_by_id_only("testdata", docs);
}

/// The seeds' `CONTEXT` placeholder is not a context: each document that carries it is
/// refused as it is, for that and nothing else.
#[test]
fn placeholder_contexts_are_refused() {
    if !xmllint_found("placeholder_contexts_are_refused") {
        return;
    }
    let docs: Vec<Doc> = common::files()
        .into_iter()
        .filter(|(_, bytes)| !needs_structural_repair(bytes))
        .map(|(name, bytes)| (name, String::from_utf8(bytes).expect("UTF-8")))
        .filter(|(_, xml)| xml.contains(PLACEHOLDER))
        .map(|(name, xml)| Doc::new(format!("testdata/{name}"), xml))
        .collect();
    assert!(docs.len() >= 10, "the seeds with CONTEXT: {}", docs.len());
    let failures = validate("placeholder", &docs);
    assert_eq!(failures.len(), docs.len(), "every placeholder is refused");
    for f in failures {
        let errors = f.validity_errors();
        assert!(
            !errors.is_empty() && errors.iter().all(|l| l.contains("'context'")),
            "{}: refused for something else than its contexts:\n{}",
            f.label,
            f.messages
        );
    }
}

/// The normalized form (decode, encode) of every testdata document validates in both
/// layouts (but for [`BY_ID_ONLY`]): the `<context4>9</context>` answer included, once
/// repaired.
#[test]
fn normalized_testdata_validates() {
    if !xmllint_found("normalized_testdata_validates") {
        return;
    }
    let mut docs = Vec::new();
    for (name, bytes) in common::files() {
        let doc = Document::decode(&bytes).expect("every testdata document decodes");
        for layout in [Layout::Compact, Layout::Indented] {
            let xml = doc.to_xml_with(layout).expect("encode");
            let label = format!("testdata/{name}, normalized ({layout:?})");
            docs.push(Doc::new(label, numeric_contexts(&xml)));
        }
    }
    assert_valid_but_by_id_only("normalized", docs);
}

/// `autodns-xml normalize FILE` prints a valid document for every testdata file (but for
/// [`BY_ID_ONLY`]).
#[test]
fn cli_normalize_output_validates() {
    if !xmllint_found("cli_normalize_output_validates") {
        return;
    }
    let mut docs = Vec::new();
    for name in common::names() {
        let out = Command::new(env!("CARGO_BIN_EXE_autodns-xml"))
            .arg("normalize")
            .arg(common::path(&name))
            .output()
            .expect("run autodns-xml");
        assert!(
            out.status.success(),
            "autodns-xml normalize testdata/{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let xml = String::from_utf8(out.stdout).expect("UTF-8 output");
        docs.push(Doc::new(
            format!("autodns-xml normalize testdata/{name}"),
            numeric_contexts(&xml),
        ));
    }
    assert_valid_but_by_id_only("normalize", docs);
}

// ---------------------------------------------------------------------------------------------
// testdata/notifications/
// ---------------------------------------------------------------------------------------------

/// The notification fixtures ending in `extension`, as `notifications/NAME`, sorted.
fn notification_fixtures(extension: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(common::path("notifications"))
        .expect("testdata/notifications/")
        .map(|e| e.expect("entry").file_name().into_string().expect("UTF-8"))
        .filter(|n| n.ends_with(extension))
        .map(|n| format!("notifications/{n}"))
        .collect();
    names.sort();
    names
}

/// `testdata/NAME` decoded as a notification body (a `<response>`, a `<message>` or JSON).
fn notification(name: &str) -> Notification {
    Notification::decode(&common::read(name)).unwrap_or_else(|e| panic!("testdata/{name}: {e}"))
}

/// A bare `<message>` document: a push or e-mail notification's body.
fn message_document(message: Message, layout: Layout) -> String {
    message_xml(&message, layout).expect("encode a message")
}

/// `message` as a bare `<message>` document, or why the encoder refuses it.
fn message_xml(message: &Message, layout: Layout) -> Result<String, autodns_xml::EncodeError> {
    let body = Notification {
        body: NotificationBody::Message(message.clone()),
        utc_offsets: BTreeMap::new(),
        quirks: Vec::new(),
    };
    body.to_xml_with(layout)
}

/// Every XML notification fixture validates as it is, and so does its normalized form (decode,
/// encode) in both layouts: the 0905 answers (`<response>`) with response.xsd, the push and
/// e-mail bodies (bare `<message>` documents) with notification.xsd.
#[test]
fn notification_fixtures_validate() {
    if !xmllint_found("notification_fixtures_validate") {
        return;
    }
    let mut docs = Vec::new();
    for name in notification_fixtures(".xml") {
        let xml = common::read_str(&name);
        docs.push(Doc::new(format!("testdata/{name}"), xml));
        let decoded = notification(&name);
        for layout in [Layout::Compact, Layout::Indented] {
            let xml = decoded.to_xml_with(layout).expect("encode");
            docs.push(Doc::new(
                format!("testdata/{name}, normalized ({layout:?})"),
                xml,
            ));
        }
    }
    // At least five fixtures of each form, each as it is and normalized in two layouts.
    for schema in [Schema::Response, Schema::Notification] {
        let count = docs.iter().filter(|d| d.schema == schema).count();
        assert!(count >= 5 * 3, "{schema:?}: {count} documents");
    }
    assert_valid("notifications", &docs);
}

/// The XML form of every JSON notification fixture validates once its unknown children are
/// dropped (the JSON keys the model has no field for, which it keeps as raw elements: see
/// [`conform`]).
#[test]
fn json_notification_fixtures_have_a_valid_xml_form() {
    if !xmllint_found("json_notification_fixtures_have_a_valid_xml_form") {
        return;
    }
    let names = notification_fixtures(".json");
    assert!(names.len() >= 8, "the JSON fixtures: {names:?}");
    let mut docs = Vec::new();
    for name in names {
        let body = notification(&name).body;
        for layout in [Layout::Compact, Layout::Indented] {
            let xml = match &body {
                NotificationBody::Poll(response) => {
                    conform(response).to_xml_with(layout).expect("encode")
                }
                NotificationBody::Message(message) => message_document(conform(message), layout),
                other => panic!("testdata/{name}: a body of another form: {other:?}"),
            };
            docs.push(Doc::new(
                format!("testdata/{name}, as XML ({layout:?})"),
                xml,
            ));
        }
    }
    assert_valid("json_notifications", &docs);
}

// ---------------------------------------------------------------------------------------------
// The encoder's output
// ---------------------------------------------------------------------------------------------

const OPERATORS: [&str; 7] = ["eq", "ne", "like", "gt", "lt", "ge", "le"];
const MODES: [&str; 2] = ["asc", "desc"];

/// `value` inside the documented format (through its JSON form, keyed by wire names): unknown
/// children (`_unknown`) dropped, date-times given four-digit years, raw element names
/// without `:`, contexts made numeric, `Other` operators and sort modes
/// replaced by known ones, and a message's unknown payload (`_payload`, `Payload::Other`) made
/// its TMCH notification, with the same content (the schemas know the three documented payloads
/// only). Raw content (a `tmchnotify`, an `extension`) is kept as it is: the schemas do not
/// describe it.
fn conform<T: Serialize + DeserializeOwned>(value: &T) -> T {
    /// A date-time whose year is not four digits (the generators draw chrono's whole range,
    /// which the codec carries, the schemas' four-digit pattern does not), moved to 2000.
    fn four_digit_year(s: &str) -> Option<String> {
        let unsigned = s.trim_start_matches(['+', '-']);
        let (year, rest) = unsigned.split_once('-')?;
        let is_date_time = rest.len() == "MM-DD HH:MM:SS".len()
            && rest.as_bytes().get(5) == Some(&b' ')
            && year.bytes().all(|b| b.is_ascii_digit())
            && NaiveDateTime::parse_from_str(&format!("2000-{rest}"), "%Y-%m-%d %H:%M:%S").is_ok();
        (is_date_time && (year.len() != 4 || unsigned.len() != s.len()))
            .then(|| format!("2000-{rest}"))
    }

    fn fix(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("_unknown");
                if let Some(raw) = map.remove("_payload") {
                    map.insert("tmchnotify".to_owned(), raw);
                }
                // A raw element (`name`, `attributes`, `children`): its names with `ñ` for
                // `:`, which XML 1.0 allows anywhere in a name and the generators draw, but
                // the validator, which reads namespaces, refuses where it makes no QName
                // (`ñ` is a name character the generators never draw: no two names merge).
                if map
                    .keys()
                    .all(|k| ["name", "attributes", "children"].contains(&k.as_str()))
                {
                    let unprefix = |v: &mut Value| {
                        if let Some(name) = v.as_str().filter(|n| n.contains(':')) {
                            *v = Value::from(name.replace(':', "ñ"));
                        }
                    };
                    if let Some(name) = map.get_mut("name") {
                        unprefix(name);
                    }
                    if let Some(Value::Array(attributes)) = map.get_mut("attributes") {
                        for pair in attributes.iter_mut() {
                            if let Some(name) = pair.get_mut(0) {
                                unprefix(name);
                            }
                        }
                    }
                }
                for (key, child) in map.iter_mut() {
                    match (key.as_str(), child.as_str()) {
                        (_, Some(s)) if four_digit_year(s).is_some() => {
                            *child = Value::from(four_digit_year(s).unwrap_or_default())
                        }
                        ("context", Some(s)) => *child = Value::from(s.len().to_string()),
                        ("operator", Some(s)) if !OPERATORS.contains(&s) => {
                            *child = Value::from("like")
                        }
                        ("mode", Some(s)) if !MODES.contains(&s) => *child = Value::from("desc"),
                        _ => fix(child),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(fix),
            _ => {}
        }
    }
    let mut json = serde_json::to_value(value).expect("serialize");
    fix(&mut json);
    serde_json::from_value(json).expect("deserialize the conformed value")
}

/// A source of generated values (a new random seed each run; failures print the document).
fn runner() -> TestRunner {
    TestRunner::new(Config {
        failure_persistence: None,
        ..Config::default()
    })
}

fn generate<T: Debug>(runner: &mut TestRunner, strategy: &BoxedStrategy<T>) -> T {
    strategy
        .new_tree(runner)
        .expect("generate a value")
        .current()
}

/// The kinds of modelled task whose requests the schemas describe: every one the registry
/// lists (a code and its body element) but the bodies of 0303 and 0304, which name a contact
/// by id or alias where the schema's one `handle` is 0301's full contact (see
/// [`BY_ID_ONLY`]: their fixtures are refused for their `handle` alone).
fn task_kinds() -> Vec<&'static TaskInfo> {
    TASKS
        .iter()
        .filter(|t| {
            t.element.is_none() || ![HandleDelete::CODE, HandleInfo::CODE].contains(&t.code)
        })
        .collect()
}

/// Bodies of task `kind`, drawn by the registry's generators, that encode as a bare task.
fn body_for(kind: &'static TaskInfo) -> BoxedStrategy<AnyTask> {
    let task_code = code(kind.code);
    task_body(kind)
        .prop_filter("the encoder refuses it", move |body| {
            let task = RequestTask::new(task_code.clone(), body.clone());
            Document::Task(task).to_xml_with(Layout::Compact).is_ok()
        })
        .boxed()
}

/// The encoder's requests validate: [`PER_TASK`] generated tasks of every kind (each modelled
/// code, and 0105's list form), one to three to a generated request; each request's first
/// task also as a bare `<task>` document. The tasks are the generated ones with their code and
/// body set to the kind wanted, so that every kind comes equally often.
#[test]
fn encoded_requests_validate() {
    if !xmllint_found("encoded_requests_validate") {
        return;
    }
    let mut runner = runner();
    let requests = request();
    let bodies: BTreeMap<&str, BoxedStrategy<AnyTask>> = task_kinds()
        .into_iter()
        .map(|k| (k.name, body_for(k)))
        .collect();
    // Round robin over the kinds, so that each request mixes them.
    let mut wanted = (0..PER_TASK).flat_map(|_| task_kinds());
    let (mut docs, mut count) = (Vec::new(), 0);
    for n in 0.. {
        let mut request: Request = generate(&mut runner, &requests);
        let mut tasks = Vec::new();
        for mut task in std::mem::take(&mut request.tasks) {
            let Some(kind) = wanted.next() else { break };
            task.code = TaskCode::new(kind.code).expect("a code");
            task.body = generate(&mut runner, &bodies[kind.name]);
            tasks.push((kind, task));
        }
        if tasks.is_empty() {
            break;
        }
        count += tasks.len();
        let kinds: Vec<&str> = tasks.iter().map(|(kind, _)| kind.name).collect();
        request.tasks = tasks.into_iter().map(|(_, task)| task).collect();
        let request = conform(&request);
        let layout = [Layout::Compact, Layout::Indented][n % 2];
        let xml = request.to_xml_with(layout).expect("encode a request");
        docs.push(Doc::new(format!("request [{}]", kinds.join(", ")), xml));
        let task = Document::Task(request.tasks[0].clone());
        let xml = task.to_xml_with(layout).expect("encode a task");
        docs.push(Doc::new(format!("bare task [{}]", kinds[0]), xml));
    }
    assert_eq!(count, task_kinds().len() * PER_TASK);
    assert_valid("requests", &docs);
}

/// `n` generated responses to task `T`, encoded, alternating the layouts.
fn responses<T: Task>(n: usize) -> Vec<Doc>
where
    Response<T::Data>: for<'a> arbitrary::Arbitrary<'a>,
    T::Data: Clone + Debug + Serialize + DeserializeOwned + autodns_xml::codec::ToXml + 'static,
{
    let mut runner = runner();
    let strategy = answer::<T>();
    (0..n)
        .map(|i| {
            let resp: Response<T::Data> = conform(&generate(&mut runner, &strategy));
            let layout = [Layout::Compact, Layout::Indented][i % 2];
            let xml = resp.to_xml_with(layout).expect("encode a response");
            Doc::new(format!("response to {}", T::CODE), xml)
        })
        .collect()
}

// The encoder's responses validate: [`PER_TASK`] generated ones for each modelled task (four
// tests, so that the harness runs them side by side).

/// 0301, 400113 and 400118: empty data.
#[test]
fn encoded_empty_responses_validate() {
    if !xmllint_found("encoded_empty_responses_validate") {
        return;
    }
    let mut docs = Vec::new();
    docs.extend(responses::<ContactCreate>(PER_TASK));
    docs.extend(responses::<CertificateJobCancel>(PER_TASK));
    docs.extend(responses::<ResendApproverEmail>(PER_TASK));
    assert_valid("empty_responses", &docs);
}

/// 0101 and 0105.
#[test]
fn encoded_domain_responses_validate() {
    if !xmllint_found("encoded_domain_responses_validate") {
        return;
    }
    let mut docs = responses::<DomainCreate>(PER_TASK);
    docs.extend(responses::<DomainInfo>(PER_TASK));
    assert_valid("domain_responses", &docs);
}

/// The zone tasks: 0205's zone or list (and 0201, 0202, 0204, documented as the zone or
/// empty), and the empty data of 0203 and 0202001.
#[test]
fn encoded_zone_responses_validate() {
    if !xmllint_found("encoded_zone_responses_validate") {
        return;
    }
    let mut docs = Vec::new();
    docs.extend(responses::<ZoneInfo>(PER_TASK));
    docs.extend(responses::<ZoneCreate>(PER_TASK));
    docs.extend(responses::<ZoneUpdate>(PER_TASK));
    docs.extend(responses::<ZoneImport>(PER_TASK));
    docs.extend(responses::<ZoneDelete>(PER_TASK));
    docs.extend(responses::<ZoneStream>(PER_TASK));
    assert_valid("zone_responses", &docs);
}

/// 0905 and 0906; and [`PER_TASK`] generated messages as bare `<message>` documents (push and
/// e-mail notifications).
#[test]
fn encoded_poll_responses_validate() {
    if !xmllint_found("encoded_poll_responses_validate") {
        return;
    }
    let mut docs = responses::<PollInfo>(PER_TASK);
    docs.extend(responses::<PollConfirm>(PER_TASK));
    let mut runner = runner();
    let messages = encodable(arb::<Message>(), message_xml);
    docs.extend((0..PER_TASK).map(|i| {
        let message: Message = conform(&generate(&mut runner, &messages));
        let payload = message.payload.element().to_owned();
        let layout = [Layout::Compact, Layout::Indented][i % 2];
        Doc::new(
            format!("message ({payload})"),
            message_document(message, layout),
        )
    }));
    assert_valid("poll_responses", &docs);
}

/// 400114, 400134, 400115 and 400135.
#[test]
fn encoded_certificate_responses_validate() {
    if !xmllint_found("encoded_certificate_responses_validate") {
        return;
    }
    let mut docs = Vec::new();
    docs.extend(responses::<CertificateJobInfo>(PER_TASK));
    docs.extend(responses::<CertificateJobHistoryInfo>(PER_TASK));
    docs.extend(responses::<CertificateJobList>(PER_TASK));
    docs.extend(responses::<CertificateJobHistoryList>(PER_TASK));
    assert_valid("certificate_responses", &docs);
}

// ---------------------------------------------------------------------------------------------
// What the schemas refuse
// ---------------------------------------------------------------------------------------------

/// The compact normalized form of `testdata/NAME`, contexts numeric.
fn compact(name: &str) -> String {
    let xml = if name.starts_with("notifications/") {
        notification(name).to_xml_with(Layout::Compact)
    } else {
        let doc = Document::decode(&common::read(name)).expect("decode");
        doc.to_xml_with(Layout::Compact)
    };
    numeric_contexts(&xml.expect("encode"))
}

/// `xml` with its first `from` replaced by `to` (which must be there).
fn mutate(xml: &str, from: &str, to: &str) -> String {
    assert!(xml.contains(from), "{from:?} not in\n{xml}");
    xml.replacen(from, to, 1)
}

/// `xml` without its first element `name` (which must be there, and not nest in itself).
fn cut(xml: &str, name: &str) -> String {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    let start = xml
        .find(&open)
        .unwrap_or_else(|| panic!("no {open} in\n{xml}"));
    let end = start + xml[start..].find(&close).expect("its end tag") + close.len();
    format!("{}{}", &xml[..start], &xml[end..])
}

/// Near misses of valid documents (the compact normalized seeds, which validate: see above),
/// each refused: a repeated, missing or unknown element, an attribute, a value of the wrong
/// form.
#[test]
fn near_misses_are_refused() {
    if !xmllint_found("near_misses_are_refused") {
        return;
    }
    let auth = "<auth><user>u</user><password>p</password><context>4</context></auth>";
    let replaced: [(&str, &str, &str, &str); 39] = [
        // Requests.
        (
            "auth twice",
            "0105_request.xml",
            "<task>",
            &format!("{auth}<task>"),
        ),
        (
            "unknown child of auth",
            "0105_request.xml",
            "<auth>",
            "<auth><x_session>1</x_session>",
        ),
        (
            "attribute on an element",
            "0105_request.xml",
            "<domain>",
            "<domain lang=\"en\">",
        ),
        (
            "a context that is not a number",
            "0105_request.xml",
            "<context>4</context>",
            "<context>four</context>",
        ),
        (
            "language twice",
            "0105_list_request.xml",
            "<language>en</language>",
            "<language>en</language><language>de</language>",
        ),
        (
            "task code twice",
            "0105_request.xml",
            "<code>0105</code>",
            "<code>0105</code><code>0105</code>",
        ),
        (
            "task code not digits",
            "0105_request.xml",
            "<code>0105</code>",
            "<code>01a5</code>",
        ),
        (
            "two bodies",
            "0105_request.xml",
            "</domain>",
            "</domain><domain><name>example.net</name></domain>",
        ),
        (
            "view twice",
            "0105_list_request.xml",
            "<key>created</key>",
            "<view><limit>1</limit></view><key>created</key>",
        ),
        (
            "unknown operator",
            "0105_list_request.xml",
            "<operator>like</operator>",
            "<operator>matches</operator>",
        ),
        (
            "key twice in a condition",
            "0105_list_request.xml",
            "<key>name</key>",
            "<key>name</key><key>created</key>",
        ),
        (
            "unknown sort direction",
            "0105_list_request.xml",
            "<mode>desc</mode>",
            "<mode>down</mode>",
        ),
        (
            "children not a boolean",
            "0105_list_request.xml",
            "<children>0</children>",
            "<children>maybe</children>",
        ),
        (
            "handle city twice",
            "0301_request.xml",
            "<city>Anytown</city>",
            "<city>Anytown</city><city>Othertown</city>",
        ),
        (
            "DomainCreate ownerc twice",
            "0101_request.xml",
            "<ownerc>100</ownerc>",
            "<ownerc>100</ownerc><ownerc>101</ownerc>",
        ),
        (
            "name server without name",
            "0101_request.xml",
            "<nserver><name>a.ns14.net</name></nserver>",
            "<nserver/>",
        ),
        (
            "negative job id",
            "400113_request.xml",
            "<id>12345</id>",
            "<id>-1</id>",
        ),
        // Responses.
        (
            "status code letter",
            "0105_response.xml",
            "<code>S0105</code>",
            "<code>X0105</code>",
        ),
        (
            "data twice",
            "0301_response.xml",
            "<data/>",
            "<data/><data/>",
        ),
        (
            "status twice",
            "0301_response.xml",
            "</result>",
            "<status><code>S0301</code></status></result>",
        ),
        (
            "stid twice",
            "0301_response.xml",
            "</result>",
            "</result><stid>x</stid>",
        ),
        (
            "date-time with a T",
            "0105_response.xml",
            "<created>2018-09-26 14:54:03</created>",
            "<created>2018-09-26T14:54:03</created>",
        ),
        (
            "boolean spelled otherwise",
            "0105_response.xml",
            "<use_trustee>false</use_trustee>",
            "<use_trustee>nope</use_trustee>",
        ),
        (
            "domain owner twice",
            "0105_response.xml",
            "<updater>",
            "<owner/><updater>",
        ),
        (
            "msg text twice",
            "0201_error_response.xml",
            "<text>Duplicate zone entry.</text>",
            "<text>a</text><text>b</text>",
        ),
        // Poll messages, in 0905 answers and bare.
        (
            "message created twice",
            "0905_response.xml",
            "<created>2018-10-15 14:03:02</created>",
            "<created>2018-10-15 14:03:02</created><created>2018-10-15 14:03:02</created>",
        ),
        (
            "0906 message with an owner but no payload",
            "0906_response.xml",
            "<id>650664</id>",
            "<id>650664</id><owner/>",
        ),
        (
            "job domain twice",
            "0905_response.xml",
            "<job_id>",
            "<domain><name>example.net</name></domain><job_id>",
        ),
        (
            "job status twice",
            "notifications/job_certificate.xml",
            "<job_id>",
            "<status><code>S400110</code></status><job_id>",
        ),
        (
            "two payloads",
            "notifications/domain_away.xml",
            "</notify>",
            "</notify><tmchnotify/>",
        ),
        (
            "unknown element beside the payload",
            "notifications/domain_away.xml",
            "<notify>",
            "<x_event/><notify>",
        ),
        (
            "message id twice",
            "notifications/domain_away.xml",
            "<id>1005360839</id>",
            "<id>1005360839</id><id>1005360840</id>",
        ),
        (
            "event type twice",
            "notifications/domain_away.xml",
            "<type>domain_away</type>",
            "<type>domain_away</type><type>domain_away</type>",
        ),
        (
            "transfer date not a date-time",
            "notifications/transfer_autoack.xml",
            "<autoack>2021-05-08 11:05:56</autoack>",
            "<autoack>soon</autoack>",
        ),
        (
            "event domain nic_member_label twice",
            "notifications/autoupdate_dns_success.xml",
            "<nic_member_label>AQ-TEST</nic_member_label>",
            "<nic_member_label>A</nic_member_label><nic_member_label>B</nic_member_label>",
        ),
        // Zones.
        (
            "zone name twice",
            "0205_response.xml",
            "<name>computestacks.es</name>",
            "<name>a.example</name><name>b.example</name>",
        ),
        (
            "record type twice",
            "0202001_request.xml",
            "<type>TXT</type>",
            "<type>TXT</type><type>A</type>",
        ),
        (
            "record ttl not a number",
            "0202_request.xml",
            "<ttl>3600</ttl>",
            "<ttl>an hour</ttl>",
        ),
        (
            "unknown child of default",
            "0202001_request.xml",
            "<default>",
            "<default><rr_swap/>",
        ),
    ];
    let removed: [(&str, &str, &str); 12] = [
        ("no auth", "0906_request.xml", "auth"),
        (
            "record without value",
            "0202001_remove_request.xml",
            "value",
        ),
        ("no task", "0905_request.xml", "task"),
        ("no task code", "0105_request.xml", "code"),
        ("handle without fname", "0301_request.xml", "fname"),
        ("handle without address", "0301_request.xml", "address"),
        ("no result", "0301_response.xml", "result"),
        ("no status", "0301_response.xml", "status"),
        ("message without id", "notifications/domain_away.xml", "id"),
        (
            "message without payload",
            "notifications/domain_away.xml",
            "notify",
        ),
        (
            "event without type",
            "notifications/domain_away.xml",
            "type",
        ),
        (
            "event domain without name",
            "notifications/domain_away.xml",
            "name",
        ),
    ];
    let replaced = replaced
        .iter()
        .map(|(what, name, from, to)| (*what, *name, mutate(&compact(name), from, to)));
    let removed = removed
        .iter()
        .map(|(what, name, element)| (*what, *name, cut(&compact(name), element)));
    let docs: Vec<Doc> = replaced
        .chain(removed)
        .map(|(what, name, xml)| Doc {
            label: format!("{what} ({name})"),
            schema: Schema::for_root(&root_of(&compact(name))),
            xml,
        })
        .collect();
    let refused: Vec<String> = validate("near_misses", &docs)
        .into_iter()
        .map(|f| f.label)
        .collect();
    let accepted: Vec<&str> = docs
        .iter()
        .map(|d| d.label.as_str())
        .filter(|l| !refused.iter().any(|r| r == l))
        .collect();
    assert!(accepted.is_empty(), "accepted: {accepted:#?}");
}

// ---------------------------------------------------------------------------------------------
// Value sets
// ---------------------------------------------------------------------------------------------

/// Every `xs:simpleType` of the schemas by name, with its enumeration values.
fn enumerations() -> BTreeMap<String, Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut types = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("schemas/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "xsd") {
            continue;
        }
        let xsd = std::fs::read(&path).expect("read a schema");
        let (root, _) = RawElement::decode(&xsd).expect("a schema is XML");
        for simple in root.elements().filter(|e| e.name == "xs:simpleType") {
            let attr = |el: &RawElement, key: &str| {
                el.attributes
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
            };
            let name = attr(simple, "name").expect("a named simple type");
            let values = simple
                .elements()
                .filter(|e| e.name == "xs:restriction")
                .flat_map(|r| r.elements().filter(|e| e.name == "xs:enumeration"))
                .filter_map(|e| attr(e, "value"))
                .collect();
            types.insert(name, values);
        }
    }
    types
}

fn known<E: OpenEnum>() -> Vec<String> {
    E::KNOWN.iter().map(|e| e.as_str().to_owned()).collect()
}

/// The schemas list the same values as the crate: each open enum's known values in its
/// `…Known` type (the element's type is that or any text), the closed sets (operators, sort
/// directions) as restrictions, and the modelled task codes.
#[test]
fn value_sets_match_the_crate() {
    let types = enumerations();
    let expected: BTreeMap<&str, Vec<String>> = BTreeMap::from([
        ("JobStatusKnown", known::<JobStatus>()),
        ("JobTypeKnown", known::<JobType>()),
        ("JobActionKnown", known::<JobAction>()),
        ("EventTypeKnown", known::<EventType>()),
        ("StatusTypeKnown", known::<StatusType>()),
        ("ContactTypeKnown", known::<ContactType>()),
        ("ProtectionKnown", known::<Protection>()),
        ("CancelationTypeKnown", known::<CancelationType>()),
        ("ExecDateKnown", known::<ExecDate>()),
        ("RegistryStatusKnown", known::<RegistryStatus>()),
        ("RegistrarStatusKnown", known::<RegistrarStatus>()),
        ("RddsOptInKnown", known::<RddsOptIn>()),
        ("RestoreActionKnown", known::<RestoreAction>()),
        ("ProductKnown", known::<Product>()),
        ("SoftwareKnown", known::<Software>()),
        ("SignatureHashKnown", known::<SignatureHash>()),
        ("TransparencyPrivacyKnown", known::<TransparencyPrivacy>()),
        ("AuthenticationMethodKnown", known::<AuthenticationMethod>()),
        ("RecordTypeKnown", known::<RecordType>()),
        ("NsActionKnown", known::<NsAction>()),
        ("PurgeTypeKnown", known::<PurgeType>()),
        ("Operator", known::<Operator>()),
        ("OrderMode", known::<OrderMode>()),
        ("TaskCodeKnown", {
            let mut codes: Vec<String> = TASKS.iter().map(|t| t.code.to_owned()).collect();
            codes.sort();
            codes.dedup();
            codes
        }),
    ]);
    for (name, values) in &expected {
        assert_eq!(types.get(*name), Some(values), "xs:simpleType {name}");
    }
    assert_eq!(OPERATORS.map(str::to_owned).to_vec(), known::<Operator>());
    assert_eq!(MODES.map(str::to_owned).to_vec(), known::<OrderMode>());
    // Every enumeration of the schemas is one of these.
    let listed: Vec<&String> = types
        .iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(name, _)| name)
        .filter(|name| !expected.contains_key(name.as_str()))
        .collect();
    assert!(listed.is_empty(), "enumerations not checked: {listed:?}");
}
