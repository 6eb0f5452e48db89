//! The `autodns-xml` command-line tool, run as a process: every subcommand on the files of
//! `testdata/`, standard input, exit codes, and what goes to stdout and to stderr.

mod common;

use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Stdio};

/// What one run of the tool produced.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The stdout, parsed as JSON.
    #[track_caller]
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// Asserts exit status 0 and returns self.
    #[track_caller]
    fn ok(self) -> Self {
        assert_eq!(self.code, Some(0), "{self:#?}");
        self
    }

    /// Asserts an input error: status 1, nothing on stdout, one `error: ` line on stderr.
    #[track_caller]
    fn input_error(self) -> Self {
        assert_eq!(self.code, Some(1), "{self:#?}");
        assert_eq!(self.stdout, "", "{self:#?}");
        assert!(self.stderr.starts_with("error: "), "{self:#?}");
        assert_eq!(self.stderr.lines().count(), 1, "{self:#?}");
        assert!(!self.stderr.contains("panicked"), "{self:#?}");
        self
    }

    /// The `warning: ` lines of stderr.
    fn warnings(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("warning: "))
            .collect()
    }
}

/// Runs the tool with `args`, feeding `stdin` (or nothing) to its standard input.
fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_autodns-xml"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn autodns-xml");
    let input = stdin.unwrap_or_default().to_vec();
    let mut pipe = child.stdin.take().expect("stdin pipe");
    // A thread, so that a child that writes before it has read everything cannot deadlock.
    let writer = std::thread::spawn(move || {
        // The child may exit without reading (usage errors): a broken pipe is fine.
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for autodns-xml");
    writer.join().expect("stdin writer");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn file(name: &str) -> String {
    common::path(name).to_str().expect("UTF-8 path").to_owned()
}

/// `value` at a path of object keys and array indexes, e.g. `["response", "result", 0]`.
#[track_caller]
fn at<'a>(value: &'a Value, steps: &[Step]) -> &'a Value {
    let mut v = value;
    for step in steps {
        let next = match step {
            Step::Key(k) => v.get(k),
            Step::Index(i) => v.get(i),
        };
        v = next.unwrap_or_else(|| panic!("no {step:?} in {v:#}"));
    }
    v
}

#[derive(Debug)]
enum Step {
    Key(&'static str),
    Index(usize),
}

macro_rules! path {
    ($($s:tt),* $(,)?) => { &[$(path!(@ $s)),*] };
    (@ $s:literal) => { step($s) };
}

trait IntoStep {
    fn step(self) -> Step;
}
impl IntoStep for &'static str {
    fn step(self) -> Step {
        Step::Key(self)
    }
}
impl IntoStep for usize {
    fn step(self) -> Step {
        Step::Index(self)
    }
}
fn step(s: impl IntoStep) -> Step {
    s.step()
}

// ---------------------------------------------------------------------------------------
// decode

#[test]
fn decode_400114_response_repairs_quirks_and_warns_with_positions() {
    let r = run(&["decode", &file("400114_response.xml")], None).ok();
    let json = r.json();
    let job = at(
        &json,
        path![
            "response",
            "result",
            0usize,
            "data",
            "certificate_job",
            "job"
        ],
    );
    assert_eq!(at(job, path!["updater", "context"]), "9");
    assert_eq!(at(job, path!["owner", "context"]), "9");
    assert_eq!(job["id"], json!(12345));
    // Re-encoded as sent, so the JSON keeps the server's spelling.
    assert_eq!(job["status"], "DEFFERED");

    let warnings = r.warnings();
    assert_eq!(warnings.len(), 2, "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 2, "{}", r.stderr);
    assert_eq!(
        warnings[0],
        "warning: start tag <context4> closed by </context>: read as <context> at line 62, column 7"
    );
    assert!(warnings[1].contains("DEFFERED"), "{}", warnings[1]);
    assert!(
        warnings[1].contains("at line 65, column 6"),
        "{}",
        warnings[1]
    );
    // stdout holds the model only.
    assert!(!r.stdout.contains("warning"), "{}", r.stdout);
}

#[test]
fn decode_prints_the_documented_json_shape() {
    let json = run(&["decode", &file("400115_response.xml")], None)
        .ok()
        .json();
    assert_eq!(
        json,
        json!({
            "response": {
                "result": [{
                    "data": {
                        "summary": 1,
                        "certificate_job": [{
                            "job": {
                                "id": 12345,
                                "owner": {"user": "user", "context": "9"},
                                "updater": {"user": "user", "context": "9"},
                                "object": "domain.de",
                                "status": "DEFFERED",
                                "sub_status": "WF_EMAIL_AUTH",
                                "created": "2019-10-23 16:12:33",
                                "updated": "2019-10-23 17:26:01",
                                "type": "ssl",
                                "sub_type": "RAPID_SSL",
                                "action": "create",
                                "execution": "2019-10-23 17:25:58"
                            }
                        }]
                    },
                    "status": {
                        "code": "S400115",
                        "text": "Zertifikats-Bestellungen wurden erfolgreich ermittelt.",
                        "type": "success"
                    }
                }],
                "stid": "20200228-stid"
            }
        })
    );
}

#[test]
fn decode_request_masks_the_password_unless_asked() {
    let r = run(&["decode", &file("0105_request.xml")], None).ok();
    assert!(r.stdout.contains(r#""password": "***""#), "{}", r.stdout);
    assert!(!r.stdout.contains("PASSWORD"), "{}", r.stdout);
    assert_eq!(r.stderr, "");
    let json = r.json();
    assert_eq!(at(&json, path!["request", "auth", "password"]), "***");
    assert_eq!(at(&json, path!["request", "auth", "user"]), "USER");
    assert_eq!(at(&json, path!["request", "task", 0usize, "code"]), "0105");
    assert_eq!(
        at(&json, path!["request", "task", 0usize, "domain", "name"]),
        "example.com"
    );

    let shown = run(
        &["decode", "--show-secrets", &file("0105_request.xml")],
        None,
    )
    .ok();
    assert!(shown.stdout.contains("PASSWORD"), "{}", shown.stdout);
    assert_eq!(
        at(&shown.json(), path!["request", "auth", "password"]),
        "PASSWORD"
    );
}

#[test]
fn decode_request_masks_the_token_too() {
    let xml = b"<request><auth><user>u</user><password>hunter2</password>\
                <context>4</context><token>123456</token></auth>\
                <task><code>0905</code></task></request>";
    let r = run(&["decode"], Some(xml)).ok();
    assert!(!r.stdout.contains("hunter2"), "{}", r.stdout);
    assert!(!r.stdout.contains("123456"), "{}", r.stdout);
    let json = r.json();
    assert_eq!(at(&json, path!["request", "auth", "password"]), "***");
    assert_eq!(at(&json, path!["request", "auth", "token"]), "***");

    let shown = run(&["decode", "--show-secrets"], Some(xml)).ok().json();
    assert_eq!(at(&shown, path!["request", "auth", "password"]), "hunter2");
    assert_eq!(at(&shown, path!["request", "auth", "token"]), "123456");
}

#[test]
fn decode_prints_ids_and_counts_as_numbers() {
    let json = run(&["decode", &file("0905_response.xml")], None)
        .ok()
        .json();
    let data = at(&json, path!["response", "result", 0usize, "data"]);
    assert_eq!(data["summary"], json!(1));
    assert_eq!(at(data, path!["message", "id"]), &json!(1855680));
    let job_id = at(data, path!["message", "job", "job_id"]);
    assert!(job_id.is_u64(), "{job_id}");
    assert_eq!(job_id.as_u64(), Some(4_295_625_406));
    assert_eq!(
        at(data, path!["message", "job", "domain", "ownerc"]),
        &json!(100)
    );
    assert_eq!(at(data, path!["message", "created"]), "2018-10-15 14:03:02");
    assert_eq!(at(data, path!["message", "job", "status", "code"]), "S0101");
}

#[test]
fn decode_prints_booleans_and_date_times() {
    let json = run(&["decode", &file("0105_response.xml")], None)
        .ok()
        .json();
    let domain = at(
        &json,
        path!["response", "result", 0usize, "data", "domain", 0usize],
    );
    assert_eq!(domain["use_trustee"], json!(false));
    assert_eq!(domain["autorenew"], json!(true));
    assert_eq!(domain["period"], json!(1));
    assert_eq!(domain["created"], "2018-09-26 14:54:03");
    assert_eq!(domain["nserver"].as_array().map(Vec::len), Some(4));
}

#[test]
fn decode_bare_task() {
    let r = run(&["decode", &file("400115_task.xml")], None).ok();
    assert_eq!(r.stderr, "");
    assert_eq!(
        r.json(),
        json!({"task": {"code": "400115", "view": {"offset": 0, "limit": 10}}})
    );
}

#[test]
fn decode_error_response_keeps_msgs_and_status() {
    let json = run(&["decode", &file("0201_error_response.xml")], None)
        .ok()
        .json();
    let result = at(&json, path!["response", "result", 0usize]);
    assert_eq!(at(result, path!["status", "code"]), "E0201");
    assert_eq!(at(result, path!["status", "type"]), "error");
    assert_eq!(at(result, path!["msg", 0usize, "code"]), "EF02019");
    assert_eq!(at(&json, path!["response", "stid"]), "20190101-demo-1");
}

#[test]
fn decode_reads_stdin_with_dash_and_without_argument() {
    let xml = common::read("400114_response.xml");
    let from_file = run(&["decode", &file("400114_response.xml")], None).ok();
    for args in [&["decode", "-"][..], &["decode"][..]] {
        let r = run(args, Some(&xml)).ok();
        assert_eq!(r.stdout, from_file.stdout, "{args:?}");
        assert_eq!(r.stderr, from_file.stderr, "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------
// encode

#[test]
fn decode_encode_decode_gives_identical_json_for_every_testdata_file() {
    for name in common::names() {
        let first = run(&["decode", "--show-secrets", &file(&name)], None).ok();
        let xml = run(&["encode", "--show-secrets"], Some(first.stdout.as_bytes())).ok();
        assert_eq!(xml.stderr, "", "{name}");
        assert!(
            xml.stdout
                .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            "{name}: {}",
            xml.stdout
        );
        let second = run(&["decode", "--show-secrets"], Some(xml.stdout.as_bytes())).ok();
        assert_eq!(second.json(), first.json(), "{name}:\n{}", xml.stdout);
        assert_eq!(second.stdout, first.stdout, "{name}");
        // Redacted JSON round-trips too (with the mask as the password).
        let masked = run(&["decode", &file(&name)], None).ok();
        let xml = run(&["encode", "-"], Some(masked.stdout.as_bytes())).ok();
        let again = run(&["decode"], Some(xml.stdout.as_bytes())).ok();
        assert_eq!(again.json(), masked.json(), "{name}");
    }
}

#[test]
fn encode_writes_the_secret_it_is_given_only_with_show_secrets() {
    let shown = run(
        &["decode", "--show-secrets", &file("0105_request.xml")],
        None,
    )
    .ok();
    let xml = run(&["encode", "--show-secrets"], Some(shown.stdout.as_bytes())).ok();
    assert!(
        xml.stdout.contains("<password>PASSWORD</password>"),
        "{}",
        xml.stdout
    );
    // Without the flag, the secret it is given is masked too.
    let xml = run(&["encode"], Some(shown.stdout.as_bytes())).ok();
    assert!(
        xml.stdout.contains("<password>***</password>") && !xml.stdout.contains("PASSWORD"),
        "{}",
        xml.stdout
    );
    let masked = run(&["decode", &file("0105_request.xml")], None).ok();
    let xml = run(&["encode"], Some(masked.stdout.as_bytes())).ok();
    assert!(
        xml.stdout.contains("<password>***</password>"),
        "{}",
        xml.stdout
    );
}

#[test]
fn encode_types_response_data_by_status_code() {
    let input = json!({
        "response": {
            "result": [
                {
                    "data": {"summary": 7, "certificate_job": [{"job": {"id": 42, "status": "RUNNING"}}]},
                    "status": {"code": "S400115", "type": "success"}
                },
                {
                    "data": {"domain": [{"name": "example.org", "ownerc": 5, "autorenew": true}]},
                    "msg": [{"code": "MSG1", "text": "note"}],
                    "status": {"code": "S0105"}
                },
                {
                    "data": {"name": "data", "children": [{"element": {"name": "zone", "children": [
                        {"element": {"name": "name", "children": [{"text": "example.net"}]}}
                    ]}}]},
                    "status": {"code": "S0105005"}
                },
                {"status": {"code": "E0301"}}
            ],
            "stid": "s-1",
            "ctid": "c-1"
        }
    });
    let r = run(&["encode"], Some(input.to_string().as_bytes())).ok();
    let xml = &r.stdout;
    for needle in [
        "<summary>7</summary>",
        "<certificate_job>",
        "<id>42</id>",
        "<status>RUNNING</status>",
        "<code>S400115</code>",
        "<name>example.org</name>",
        "<ownerc>5</ownerc>",
        "<autorenew>true</autorenew>",
        "<code>MSG1</code>",
        "<zone>",
        "<name>example.net</name>",
        "<code>E0301</code>",
        "<stid>s-1</stid>",
        "<ctid>c-1</ctid>",
    ] {
        assert!(xml.contains(needle), "{needle} missing in\n{xml}");
    }
    // Indented layout.
    assert!(xml.contains("\n  <result>\n"), "{xml}");
    // And it decodes back to the same model.
    let back = run(&["decode"], Some(xml.as_bytes())).ok().json();
    let results = at(&back, path!["response", "result"]);
    assert_eq!(results.as_array().map(Vec::len), Some(4));
    assert_eq!(
        at(results, path![0usize, "data"]),
        &input["response"]["result"][0]["data"]
    );
    assert_eq!(
        at(results, path![2usize, "data"]),
        &input["response"]["result"][2]["data"]
    );
    assert_eq!(results[3].get("data"), None);
    assert_eq!(at(&back, path!["response", "ctid"]), "c-1");
}

#[test]
fn encode_bare_task() {
    let input = br#"{"task": {"code": "400114", "certificate_job": {"job": {"id": 9}}}}"#;
    let r = run(&["encode"], Some(input)).ok();
    assert_eq!(
        r.stdout,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<task>\n  <code>400114</code>\n  \
         <certificate_job>\n    <job>\n      <id>9</id>\n    </job>\n  </certificate_job>\n\
         </task>\n"
    );
}

#[test]
fn encode_rejects_bad_json_with_one_line() {
    // Not JSON at all: the position is given.
    let r = run(&["encode"], Some(b"{\"request\": ")).input_error();
    assert!(r.stderr.contains("line 1 column"), "{}", r.stderr);
    // Not a document.
    let r = run(&["encode"], Some(br#"{"reply": {}}"#)).input_error();
    assert!(r.stderr.contains("reply"), "{}", r.stderr);
    // A request without credentials.
    let r = run(&["encode"], Some(br#"{"request": {"task": []}}"#)).input_error();
    assert!(r.stderr.contains("auth"), "{}", r.stderr);
    // Data that does not fit the status code's task.
    let bad_data = br#"{"response": {"result": [{"data": {"summary": "many"}, "status": {"code": "S400115"}}]}}"#;
    let r = run(&["encode"], Some(bad_data)).input_error();
    assert!(r.stderr.contains("400115"), "{}", r.stderr);
    // A status code that is not one.
    let r = run(
        &["encode"],
        Some(br#"{"response": {"result": [{"status": {"code": "X1"}}]}}"#),
    )
    .input_error();
    assert!(r.stderr.contains("X1"), "{}", r.stderr);
    // A task body that does not fit its code.
    let r = run(
        &["encode"],
        Some(br#"{"task": {"code": "0906", "certificate_job": {"job": {"id": 1}}}}"#),
    )
    .input_error();
    assert!(r.stderr.contains("0906"), "{}", r.stderr);
}

#[test]
fn encode_reports_encode_errors() {
    // Valid JSON, but no XML document: a request needs a task, a response a result, and
    // XML 1.0 cannot hold U+0000.
    for input in [
        r#"{"request": {"auth": {"user": "u", "password": "p", "context": "4"}, "task": []}}"#,
        r#"{"response": {"result": []}}"#,
        r#"{"task": {"code": "0105", "ctid": "a\u0000b"}}"#,
    ] {
        let r = run(&["encode"], Some(input.as_bytes())).input_error();
        assert!(r.stderr.starts_with("error: "), "{input}: {}", r.stderr);
    }
    let r = run(
        &["encode"],
        Some(br#"{"task": {"code": "0105", "ctid": "a\u0000b"}}"#),
    )
    .input_error();
    assert!(r.stderr.contains("U+0000"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------
// normalize

#[test]
fn normalize_is_idempotent_and_keeps_the_model_for_every_testdata_file() {
    for name in common::names() {
        let once = run(&["normalize", "--show-secrets", &file(&name)], None).ok();
        let twice = run(
            &["normalize", "--show-secrets"],
            Some(once.stdout.as_bytes()),
        )
        .ok();
        assert_eq!(twice.stdout, once.stdout, "{name}");
        assert!(once.stdout.ends_with(">\n"), "{name}: {}", once.stdout);

        let original = run(&["decode", "--show-secrets", &file(&name)], None).ok();
        let normalized = run(&["decode", "--show-secrets"], Some(once.stdout.as_bytes())).ok();
        assert_eq!(normalized.json(), original.json(), "{name}");
        // Warnings are the decoder's, one line per quirk, and nothing else on stderr.
        assert_eq!(once.stderr, original.stderr, "{name}");
        assert!(
            once.stderr.lines().all(|l| l.starts_with("warning: ")),
            "{name}: {}",
            once.stderr
        );
    }
}

#[test]
fn normalize_repairs_the_context4_quirk_and_reports_it() {
    let r = run(&["normalize", &file("400114_response.xml")], None).ok();
    assert!(!r.stdout.contains("context4"), "{}", r.stdout);
    assert!(r.stdout.contains("<context>9</context>"), "{}", r.stdout);
    // The misspelled status is re-encoded as sent (and still reported).
    assert!(
        r.stdout.contains("<status>DEFFERED</status>"),
        "{}",
        r.stdout
    );
    let warnings = r.warnings();
    assert_eq!(warnings.len(), 2, "{}", r.stderr);
    assert!(warnings[0].contains("context4") && warnings[0].contains("line 62, column 7"));
    assert!(warnings[1].contains("DEFFERED"));
    // The repaired output no longer has the end-tag quirk.
    let again = run(&["normalize"], Some(r.stdout.as_bytes())).ok();
    assert!(!again.stderr.contains("context4"), "{}", again.stderr);
}

#[test]
fn normalize_indents_and_keeps_unknown_content() {
    let xml = b"<response><result><data/><status><code>S0301</code><type>success</type>\
                <extra a=\"1\">kept &amp; sound</extra></status></result>\
                <future><x>1</x></future><stid>s</stid></response>";
    let r = run(&["normalize", "-"], Some(xml)).ok();
    assert_eq!(r.stderr, "");
    assert_eq!(
        r.stdout,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <response>\n\
         \x20 <result>\n\
         \x20   <data/>\n\
         \x20   <status>\n\
         \x20     <code>S0301</code>\n\
         \x20     <type>success</type>\n\
         \x20     <extra a=\"1\">kept &amp; sound</extra>\n\
         \x20   </status>\n\
         \x20 </result>\n\
         \x20 <future>\n\
         \x20   <x>1</x>\n\
         \x20 </future>\n\
         \x20 <stid>s</stid>\n\
         </response>\n"
    );
}

#[test]
fn normalize_keeps_the_real_password_only_with_show_secrets() {
    let r = run(
        &["normalize", "--show-secrets", &file("0105_request.xml")],
        None,
    )
    .ok();
    assert!(
        r.stdout.contains("<password>PASSWORD</password>"),
        "{}",
        r.stdout
    );
    let r = run(&["normalize", &file("0105_request.xml")], None).ok();
    assert!(
        r.stdout.contains("<password>***</password>") && !r.stdout.contains("PASSWORD"),
        "{}",
        r.stdout
    );
}

// ---------------------------------------------------------------------------------------
// check

#[test]
fn check_prints_one_summary_line() {
    for (name, line) in [
        (
            "400115_response.xml",
            "response: 1 result, task 400115, status S400115 (success), 1 certificate_job, stid 20200228-stid",
        ),
        (
            "400114_response.xml",
            "response: 1 result, task 400114, status S400114 (success), certificate_job 12345 (DEFFERED), stid 20200228-stid",
        ),
        (
            "0105_list_response.xml",
            "response: 1 result, task 0105, status S0105 (success), 2 domains, stid 20181015-app1-4000, ctid list-1",
        ),
        (
            "0201_error_response.xml",
            "response: 1 result, task 0201, status E0201 (error), 1 msg (EF02019), stid 20190101-demo-1",
        ),
        (
            "0101_response.xml",
            "response: 1 result, task 0101, status N0101 (notify), job 123456 (RUNNING), stid 20181015-dev-3282",
        ),
        (
            "0905_response.xml",
            "response: 1 result, task 0905, status S0905 (success), summary 1, message 1855680, stid 20181015-app1-3805",
        ),
        (
            "0205_response.xml",
            "response: 1 result, task 0205, status S0205 (success), zone computestacks.es (2 records), stid 20180416-app3-22426",
        ),
        (
            "0205_list_response.xml",
            "response: 1 result, task 0205, status S0205 (success), 2 of 81627 zones, stid 20161111-app3-dev-6443",
        ),
        (
            "0205_list_empty_response.xml",
            "response: 1 result, task 0205, status S0205 (success), 0 zones, stid 20220622-app2-xxx",
        ),
        ("0105_request.xml", "request: 1 task (0105), auth user USER"),
        (
            "0105_list_request.xml",
            "request: 1 task (0105), auth user USER, language en",
        ),
        ("400115_task.xml", "task: 400115"),
    ] {
        let r = run(&["check", &file(name)], None).ok();
        assert_eq!(r.stdout, format!("{line}\n"), "{name}");
    }
}

#[test]
fn check_counts_tasks_results_and_the_servers_total() {
    let request = b"<request><auth><user>me</user><password>secret</password><context>4</context></auth>\
                    <owner><user>sub</user><context>4</context></owner>\
                    <task><code>0905</code></task><task><code>0906</code><message><id>1</id></message></task>\
                    </request>";
    let r = run(&["check"], Some(request)).ok();
    assert_eq!(
        r.stdout,
        "request: 2 tasks (0905, 0906), auth user me, owner sub\n"
    );
    assert!(!r.stdout.contains("secret"));

    let response = b"<response>\
        <result><data><summary>57</summary><domain><name>a.de</name></domain>\
        <domain><name>b.de</name></domain></data><status><code>S0105</code></status></result>\
        <result><data/><status><code>E0301</code><type>error</type></status></result>\
        <stid>x</stid></response>";
    let r = run(&["check", "-"], Some(response)).ok();
    assert_eq!(
        r.stdout,
        "response: 2 results, task 0105, status S0105 (success), 2 of 57 domains; \
         task 0301, status E0301 (error), stid x\n"
    );
}

#[test]
fn check_reports_quirks_on_stderr_only() {
    let r = run(&["check", &file("400114_response.xml")], None).ok();
    assert_eq!(r.stdout.lines().count(), 1);
    assert!(!r.stdout.contains("warning"));
    let warnings = r.warnings();
    assert_eq!(warnings.len(), 2, "{}", r.stderr);
    assert!(warnings[0].contains("context4") && warnings[0].contains("line 62"));
    assert!(warnings[1].contains("DEFFERED"));
}

#[test]
fn check_reads_stdin_without_argument() {
    let r = run(&["check"], Some(&common::read("400115_task.xml"))).ok();
    assert_eq!(r.stdout, "task: 400115\n");
}

// ---------------------------------------------------------------------------------------
// notification

#[test]
fn notification_prints_xml_names_whatever_form_came_in() {
    let xml = run(
        &["notification", &file("notifications/transfer_start.xml")],
        None,
    )
    .ok();
    let json = run(
        &["notification", &file("notifications/transfer_start.json")],
        None,
    )
    .ok();
    assert_eq!((xml.stderr.as_str(), json.stderr.as_str()), ("", ""));
    let (mut from_xml, mut from_json) = (xml.json(), json.json());
    let transfer = path![
        "response", "result", 0usize, "data", "message", "notify", "transfer"
    ];
    for printed in [&from_xml, &from_json] {
        assert_eq!(at(printed, transfer)["loosing_registrar"], "lreg");
        assert_eq!(at(printed, transfer)["start"], "2022-01-19 10:54:42");
    }
    assert!(!json.stdout.contains("loosingRegistrar"), "{}", json.stdout);
    // The JSON form's offsets, beside the same model.
    let offsets = from_json
        .as_object_mut()
        .and_then(|o| o.remove("utc_offsets"))
        .expect("utc_offsets");
    assert_eq!(
        offsets["response/result/data/message/notify/transfer/start"],
        "+01:00"
    );
    assert_eq!(
        from_xml
            .as_object_mut()
            .and_then(|o| o.remove("utc_offsets")),
        None
    );
    assert_eq!(from_json, from_xml);
}

#[test]
fn notification_reads_a_bare_message_from_stdin() {
    let body = common::read("notifications/transfer_start_message.json");
    let from_file = run(
        &[
            "notification",
            &file("notifications/transfer_start_message.json"),
        ],
        None,
    )
    .ok();
    for args in [&["notification", "-"][..], &["notification"][..]] {
        let r = run(args, Some(&body)).ok();
        assert_eq!(r.stdout, from_file.stdout, "{args:?}");
        assert_eq!(at(&r.json(), path!["message", "id"]), &json!(1005360835));
    }
}

#[test]
fn notification_warns_of_repaired_quirks() {
    let r = run(
        &[
            "notification",
            &file("notifications/autoupdate_deffered_success.xml"),
        ],
        None,
    )
    .ok();
    assert_eq!(r.warnings().len(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("autoupdate_deffered_success"),
        "{}",
        r.stderr
    );
    assert_eq!(
        at(&r.json(), path!["message", "notify", "type"]),
        "autoupdate_deffered_success"
    );
}

#[test]
fn notification_errors_exit_1_with_a_position() {
    for (body, expected) in [
        (&b"{\"id\": 1,\n \"notify\": [}"[..], "at line 2, column 13"),
        (b"{\"id\": \"x\"}", "at line 1, column 10"),
        (
            b"<message><id>1</id>\n<job><job_id>x</job_id></job></message>",
            "at line 2, column 6",
        ),
        (
            b"<response><result></data></response>",
            "at line 1, column 19",
        ),
        (b"hello", "at line 1, column 1"),
        (
            b"{\"status\": {\"code\": \"S0905\"}, \"data\": [{\"id\": 1}]}",
            "at data[0]",
        ),
    ] {
        let r = run(&["notification"], Some(body)).input_error();
        assert!(
            r.stderr.trim_end().ends_with(expected),
            "{expected}: {}",
            r.stderr
        );
    }
}

// ---------------------------------------------------------------------------------------
// errors and usage

#[test]
fn malformed_input_exits_1_with_a_position_and_no_stdout() {
    let bad = b"<response><result></data></response>";
    for cmd in ["decode", "normalize", "check"] {
        let r = run(&[cmd], Some(bad)).input_error();
        assert!(r.stderr.contains("line 1, column"), "{cmd}: {}", r.stderr);
        assert!(r.stderr.contains("</data>"), "{cmd}: {}", r.stderr);
    }
    // Through a file as well.
    let dir = std::env::temp_dir().join(format!("autodns-xml-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad_file = dir.join("bad.xml");
    std::fs::write(&bad_file, "<request>\n  <auth>\n</request>").expect("write");
    let r = run(&["decode", bad_file.to_str().expect("UTF-8 path")], None).input_error();
    assert!(r.stderr.contains("line 3, column"), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn undecodable_documents_exit_1() {
    for input in [
        &b""[..],
        b"   ",
        b"<domain/>",
        b"\xff\xfe<\x00r\x00/\x00>\x00",
        b"<response><result><status><code>S0105</code></status></result><stid>1</stid><stid>2</stid></response>",
        b"<response><result><data><summary>x</summary></data><status><code>S0105</code></status></result></response>",
        b"<!DOCTYPE r [<!ENTITY a 'b'>]><task><code>1</code></task>",
    ] {
        let r = run(&["decode"], Some(input)).input_error();
        if input.trim_ascii().is_empty() {
            assert_eq!(r.stderr, "error: standard input: empty input: no XML document\n");
        } else {
            assert!(r.stderr.starts_with("error: standard input: "), "{input:?}: {}", r.stderr);
            assert!(r.stderr.contains("line "), "{input:?}: {}", r.stderr);
        }
    }
}

#[test]
fn errors_inside_a_password_do_not_quote_it() {
    let xml = b"<request><auth><user>u</user><password>se&cret;</password>\
                <context>4</context></auth><task><code>0905</code></task></request>";
    let r = run(&["decode", "--show-secrets"], Some(xml)).input_error();
    assert!(!r.stderr.contains("cret"), "{}", r.stderr);
}

#[test]
fn missing_file_exits_1() {
    let missing = common::path("does-not-exist.xml");
    let missing = missing.to_str().expect("UTF-8 path");
    for cmd in ["decode", "encode", "normalize", "check", "notification"] {
        let r = run(&[cmd, missing], None).input_error();
        assert!(
            r.stderr
                .starts_with(&format!("error: cannot read {missing}: ")),
            "{cmd}: {}",
            r.stderr
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &[][..],
        &["check", "--show-secrets", "x.xml"][..],
        &["notification", "--show-secrets"][..],
        &["decode", "--no-such-flag"][..],
        &["decode", "a.xml", "b.xml"][..],
    ] {
        let r = run(args, None);
        assert_eq!(r.code, Some(2), "{args:?}: {r:#?}");
        assert_eq!(r.stdout, "", "{args:?}");
        assert!(!r.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn help_lists_the_commands() {
    let r = run(&["--help"], None).ok();
    for cmd in ["decode", "encode", "normalize", "check", "notification"] {
        assert!(r.stdout.contains(cmd), "{cmd}: {}", r.stdout);
    }
    let decode = run(&["decode", "--help"], None).ok();
    assert!(
        decode.stdout.contains("--show-secrets"),
        "{}",
        decode.stdout
    );
    assert!(decode.stdout.contains("[FILE]"), "{}", decode.stdout);
    // Every command that prints a request has the flag; the others do not.
    for (cmd, flag) in [
        ("encode", true),
        ("normalize", true),
        ("check", false),
        ("notification", false),
    ] {
        let r = run(&[cmd, "--help"], None).ok();
        let has_flag = r
            .stdout
            .lines()
            .any(|l| l.trim_start().starts_with("--show-secrets"));
        assert_eq!(has_flag, flag, "{cmd}: {}", r.stdout);
    }
    let version = run(&["--version"], None).ok();
    assert!(
        version.stdout.starts_with("autodns-xml "),
        "{}",
        version.stdout
    );
}

#[test]
fn a_closed_stdout_does_not_panic() {
    // A list large enough that its JSON overflows any pipe buffer.
    let mut xml = String::from("<response><result><data><summary>3000</summary>");
    for i in 0..3000 {
        xml.push_str(&format!(
            "<certificate_job><job><id>{i}</id><object>host{i}.example.com</object>\
             <status>RUNNING</status></job></certificate_job>"
        ));
    }
    xml.push_str("</data><status><code>S400115</code></status></result></response>");
    for cmd in ["decode", "normalize"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_autodns-xml"))
            .arg(cmd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn autodns-xml");
        // Close the read end before the tool can write anything.
        drop(child.stdout.take());
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(xml.as_bytes()).expect("write input");
        drop(stdin);
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{cmd}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{cmd}: {stderr}");
    }
}

#[path = "../benches/support/generate.rs"]
mod generate;

/// `check` streams a response over 1 MiB: the same summary line, warnings and errors as the
/// whole-document path (`decode`), from a file and from stdin.
#[test]
fn check_streams_large_lists_like_the_whole_document_path() {
    let xml = generate::certificate_job_list(3000);
    assert!(xml.len() > 1 << 20);
    let dir = std::env::temp_dir().join(format!("autodns-xml-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("list.xml");
    std::fs::write(&path, &xml).expect("write list");
    let path = path.to_str().expect("UTF-8 path");

    let streamed = run(&["check", path], None).ok();
    assert_eq!(
        streamed.stdout,
        "response: 1 result, task 400115, status S400115 (success), 3000 certificate_jobs, stid 20200228-stid-3000\n"
    );
    let whole = run(&["decode", path], None).ok();
    assert_eq!(streamed.warnings(), whole.warnings());
    // The first few quirks of each kind, then a count (see `warnings_show_…`).
    assert!(
        (2..=10).contains(&streamed.warnings().len()),
        "{streamed:#?}"
    );
    let piped = run(&["check"], Some(&xml)).ok();
    assert_eq!(piped.stdout, streamed.stdout);

    // Cut inside a job: the same one-line error.
    let cut = &xml[..xml.len() * 2 / 3];
    let streamed = run(&["check"], Some(cut));
    assert_eq!(streamed.code, Some(1));
    let whole = run(&["decode"], Some(cut));
    let last = |r: &Run| r.stderr.lines().last().map(str::to_owned);
    assert!(last(&streamed).is_some_and(|l| l.starts_with("error: ")));
    assert_eq!(last(&streamed), last(&whole));
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------
// hostile input

#[test]
fn every_hostile_file_exits_1_quickly_with_one_line() {
    let names = common::hostile_names();
    for name in names {
        let path = file(&format!("hostile/{name}"));
        for cmd in ["decode", "check", "normalize"] {
            let start = std::time::Instant::now();
            let r = run(&[cmd, &path], None).input_error();
            // A sanity bound for a loaded machine; the README gives measured times.
            let took = start.elapsed();
            assert!(
                took < std::time::Duration::from_secs(5),
                "{cmd} {name}: {took:?}"
            );
            assert!(r.stderr.contains(" at line "), "{cmd} {name}: {}", r.stderr);
        }
    }
}

// ---------------------------------------------------------------------------------------
// secrets

/// Only `--show-secrets` prints a password or token: not `decode`, `normalize` or `encode`
/// without it, not `check`, and no error or warning line of any command, with or without the
/// flag.
#[test]
fn secrets_print_only_with_show_secrets() {
    let (password, token) = ("Pw-51ab7e", "Tk-0c9d33");
    let clean = format!(
        "<request><auth><user>u</user><password a=\"1\">{password}</password><context>4</context>\
         <token>{token}</token></auth><task><code>0905</code></task></request>"
    );
    let shown = |r: &Run| {
        [password, token]
            .iter()
            .any(|s| r.stdout.contains(s) || r.stderr.contains(s))
    };
    let r = run(&["decode"], Some(clean.as_bytes())).ok();
    assert!(!shown(&r), "{r:#?}");
    assert_eq!(r.warnings().len(), 1, "{r:#?}");
    let r = run(&["check"], Some(clean.as_bytes())).ok();
    assert!(!shown(&r), "{r:#?}");
    let r = run(&["decode", "--show-secrets"], Some(clean.as_bytes())).ok();
    assert!(r.stdout.contains(password) && r.stdout.contains(token));
    assert!(!r.stderr.contains(password), "{r:#?}");
    for cmd in ["normalize", "encode"] {
        let input = match cmd {
            "encode" => run(&["decode", "--show-secrets"], Some(clean.as_bytes())).stdout,
            _ => clean.clone(),
        };
        let r = run(&[cmd], Some(input.as_bytes())).ok();
        assert!(!shown(&r), "{cmd}: {r:#?}");
        let r = run(&[cmd, "--show-secrets"], Some(input.as_bytes())).ok();
        assert!(
            r.stdout.contains(password) && r.stdout.contains(token),
            "{cmd}"
        );
        assert!(!r.stderr.contains(password), "{cmd}: {r:#?}");
    }

    // Broken inside and around the secrets: the error line quotes none of it.
    for broken in [
        clean.replace(password, &format!("{password}&{token};")),
        clean.replace(password, &format!("{password}</password>{token}")),
        clean.replace(token, &format!("<{token}>")),
        clean.replace(token, &format!("{token}<![CDATA[")),
        clean.replace("<password a=\"1\">", &format!("<password {password}>")),
    ] {
        for args in [
            &["decode"][..],
            &["decode", "--show-secrets"],
            &["check"],
            &["normalize"],
        ] {
            let r = run(args, Some(broken.as_bytes())).input_error();
            assert!(!shown(&r), "{args:?} {broken}: {r:#?}");
        }
    }
}

#[test]
fn an_input_over_the_size_limit_is_refused_without_reading_it_all() {
    // 100 MB of text in one element: the tool reads 64 MiB and a byte, then stops.
    let mut xml = b"<response><result><status><code>S0105</code><text>".to_vec();
    xml.resize(100_000_000, b'x');
    xml.extend_from_slice(b"</text></status></result></response>");
    for cmd in ["decode", "normalize", "encode"] {
        let r = run(&[cmd], Some(&xml)).input_error();
        assert_eq!(
            r.stderr, "error: the input is larger than 67108864 bytes (limit max_document_size)\n",
            "{cmd}"
        );
    }
    // `check` streams a large response: the text itself is over its limit.
    let r = run(&["check"], Some(&xml)).input_error();
    assert!(
        r.stderr.starts_with("error: standard input: text longer than 8388608 bytes (limit max_text_len) in response/result/status/text at line 1"),
        "{}",
        r.stderr
    );
}

/// issue 11 item 7: a password or token outside its modelled place (`<auth><Password>`, a
/// `task/auth/password`, any case) is masked by `decode` and `normalize` unless asked for.
#[test]
fn secrets_outside_their_modelled_place_are_masked() {
    let xml = b"<request><auth><user>u</user><password>Pw-modelled</password><context>4</context>\
        <Password>Pw-stray</Password></auth><task><code>0105</code><auth><TOKEN>Tk-stray</TOKEN>\
        <password>Pw-task</password></auth><domain><name>a.de</name></domain></task></request>";
    let secrets = ["Pw-modelled", "Pw-stray", "Tk-stray", "Pw-task"];
    for command in ["decode", "normalize"] {
        let masked = run(&[command], Some(xml)).ok();
        for secret in secrets {
            assert!(
                !masked.stdout.contains(secret),
                "{command}: {secret} in {}",
                masked.stdout
            );
        }
        assert!(masked.stdout.contains("***"), "{}", masked.stdout);
        let shown = run(&[command, "--show-secrets"], Some(xml)).ok();
        for secret in secrets {
            assert!(
                shown.stdout.contains(secret),
                "{command}: {secret} not in {}",
                shown.stdout
            );
        }
    }
    // decode --show-secrets | encode --show-secrets reproduces the request, stray secrets too.
    let json = run(&["decode", "--show-secrets"], Some(xml)).ok().stdout;
    let xml_back = run(&["encode", "--show-secrets"], Some(json.as_bytes()))
        .ok()
        .stdout;
    for secret in secrets {
        assert!(xml_back.contains(secret), "{secret} not in {xml_back}");
    }
    let masked = run(&["encode"], Some(json.as_bytes())).ok().stdout;
    for secret in secrets {
        assert!(!masked.contains(secret), "{secret} in {masked}");
    }
}

/// issue 11 item 6: `encode` does not quote a numeric password or token in its error.
#[test]
fn encode_does_not_quote_a_numeric_secret() {
    for auth in [
        r#"{"user":"u","password":"p","context":"4","token":424242}"#,
        r#"{"user":"u","password":424242,"context":"4"}"#,
        r#"{"user":"u","password":4242.42,"context":"4"}"#,
    ] {
        let json = format!(r#"{{"request":{{"auth":{auth},"task":[{{"code":"0905"}}]}}}}"#);
        let r = run(&["encode"], Some(json.as_bytes())).input_error();
        assert!(!r.stderr.contains("4242"), "{}", r.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// What the CLI prints of the input (issue 11 items 16 and 17).
// ---------------------------------------------------------------------------------------------

/// A response whose stid holds CR LF and a forged summary, and whose ctid holds a C1 CSI
/// (U+009B) and DEL.
const FORGING: &str = "<response><result><status><code>S0105</code><type>success</type></status>\
                       </result><stid>s&#13;&#10;response: 0 results</stid><ctid>c\u{9b}2J\u{7f}</ctid></response>";

/// Whether `text` holds a control character other than the line feeds that end lines.
fn has_raw_controls(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n')
}

#[test]
fn check_cannot_be_made_to_print_a_second_summary_line() {
    let r = run(&["check", "-"], Some(FORGING.as_bytes())).ok();
    assert_eq!(r.stdout.lines().count(), 1, "{r:#?}");
    assert!(!has_raw_controls(&r.stdout), "{r:#?}");
    assert!(
        r.stdout
            .contains("stid s\\u{d}\\u{a}response: 0 results, ctid c\\u{9b}2J\\u{7f}"),
        "{r:#?}"
    );
}

#[test]
fn decode_writes_c1_controls_as_json_escapes_of_the_same_value() {
    let r = run(&["decode", "-"], Some(FORGING.as_bytes())).ok();
    assert!(!has_raw_controls(&r.stdout), "{r:#?}");
    assert!(
        r.stdout.contains("\\u009b") && r.stdout.contains("\\u007f"),
        "{r:#?}"
    );
    assert_eq!(r.json()["response"]["ctid"], "c\u{9b}2J\u{7f}");
}

#[test]
fn normalize_writes_c1_controls_as_references_to_the_same_text() {
    let r = run(&["normalize", "-"], Some(FORGING.as_bytes())).ok();
    assert!(!has_raw_controls(&r.stdout), "{r:#?}");
    assert!(r.stdout.contains("c&#x9B;2J&#x7F;"), "{r:#?}");
    // The same document: normalizing it again prints it again.
    let again = run(&["normalize", "-"], Some(r.stdout.as_bytes())).ok();
    assert_eq!(again.stdout, r.stdout);
}

#[test]
fn errors_and_warnings_escape_the_input_they_quote() {
    // An id holding a C1 control: the error quotes it escaped, on one line.
    let xml = "<response><result><data><message><id>7\u{9b}</id></message></data>\
               <status><code>S0905</code><type>success</type></status></result></response>";
    let r = run(&["check", "-"], Some(xml.as_bytes())).input_error();
    assert!(!has_raw_controls(&r.stderr), "{r:#?}");
    assert_eq!(r.stderr.lines().count(), 1, "{r:#?}");
}

/// A 400115 list answer of `n` certificate jobs, each with a `DEFFERED` job status.
fn deffered_list(n: usize) -> String {
    let mut xml = String::from("<response><result><data>");
    for i in 0..n {
        xml.push_str(&format!(
            "<certificate_job><job><id>{i}</id><status>DEFFERED</status></job></certificate_job>"
        ));
    }
    xml.push_str(
        "</data><status><code>S400115</code><type>success</type></status></result></response>",
    );
    xml
}

#[test]
fn warnings_show_the_first_few_of_each_kind_then_one_count() {
    for n in [2_000, 20_000] {
        // Small enough to read whole, and large enough to stream.
        let xml = deffered_list(n);
        for command in ["check", "decode"] {
            let r = run(&[command, "-"], Some(xml.as_bytes())).ok();
            let warnings = r.warnings();
            assert_eq!(warnings.len(), 4, "{command} of {n}: {warnings:?}");
            assert!(
                warnings[..3]
                    .iter()
                    .all(|w| w.contains("DEFFERED") && w.contains("line 1, column"))
            );
            assert_eq!(
                warnings[3],
                format!(
                    "warning: {} more misspelled value quirks not shown ({n} in all)",
                    n - 3
                )
            );
        }
    }
}

#[test]
fn quiet_silences_the_warnings_and_nothing_else() {
    let xml = deffered_list(10);
    let loud = run(&["check", "-"], Some(xml.as_bytes())).ok();
    let quiet = run(&["check", "--quiet", "-"], Some(xml.as_bytes())).ok();
    assert!(!loud.warnings().is_empty());
    assert_eq!(quiet.stderr, "");
    assert_eq!(quiet.stdout, loud.stdout);
    // `-q` before the command too; an error still prints.
    let r = run(&["-q", "check", "-"], Some(b"<response>")).input_error();
    assert!(r.stderr.starts_with("error: "));
}

/// Auth codes are secrets wherever the protocol carries them: a domain's `authinfo` (0105
/// and 0905 answers, job notifications) and the new code 0113001 answers with in
/// `status/object/value`. None prints without `--show-secrets`.
#[test]
fn auth_codes_print_only_with_show_secrets() {
    for (name, code) in [
        ("0113001_response.xml", "kiSV/CbJi9/KaCxp"),
        ("0105_response.xml", "J/w0Xpn66I87YVty"),
        ("0905_response.xml", "S0Lygv+ZkNbniICm"),
    ] {
        let path = file(name);
        assert!(
            common::read_str(name).contains(code),
            "{name} holds the code"
        );
        for cmd in ["decode", "normalize", "check"] {
            let r = run(&[cmd, &path], None).ok();
            assert!(
                !r.stdout.contains(code) && !r.stderr.contains(code),
                "{cmd} {name}: {r:#?}"
            );
        }
        let r = run(&["decode", "--show-secrets", &path], None).ok();
        assert!(r.stdout.contains(code), "decode --show-secrets {name}");
        let r = run(&["normalize", "--show-secrets", &path], None).ok();
        assert!(r.stdout.contains(code), "normalize --show-secrets {name}");
    }
}

/// JSON that serde_json would read with a silent choice is refused, with its position: a key
/// twice in any object (the response's `stid`, a request's), and a second top-level key.
#[test]
fn encode_refuses_duplicate_and_second_top_level_keys() {
    for (json, says) in [
        (
            r#"{"response":{"result":[{"status":{"code":"S0105"}}],"stid":"a","stid":"b"}}"#,
            "the key `stid` twice at line 1",
        ),
        (
            r#"{"request":{"auth":{"user":"u","password":"p","context":"4","user":"v"},"task":[{"code":"0905"}]}}"#,
            "the key `user` twice at line 1",
        ),
        (
            r#"{"response":{"result":[{"status":{"code":"S0105"}}]},"request":{}}"#,
            "a second top-level key `request` after `response`: a document has one at line 1",
        ),
        ("{}", "an empty object"),
    ] {
        let r = run(&["encode"], Some(json.as_bytes())).input_error();
        assert!(r.stderr.contains(says), "{json}: {}", r.stderr);
        // The password is never quoted.
        assert!(!r.stderr.contains("\"p\""), "{}", r.stderr);
    }
}

/// The list forms of the registry stream in `check` like the certificate job list: a 0304
/// contact list and a 0103104 cancelation list over 1 MiB count their entries by the element
/// the registry names, as the whole-document path does for the small ones.
#[test]
fn check_counts_every_list_form_by_its_registered_entries_small_and_streamed() {
    for (code, entry, body) in [
        (
            "0304",
            "handle",
            "<handle><id>{i}</id><fname>F</fname><lname>L</lname><address>A</address><pcode>1</pcode><city>C</city><country>DE</country></handle>",
        ),
        (
            "0103104",
            "cancelation",
            "<cancelation><domain>d{i}.com</domain><type>DELETE</type></cancelation>",
        ),
    ] {
        for n in [3, 30_000] {
            let mut xml = String::from("<response><result><data>");
            xml.push_str(&format!("<summary>{}</summary>", n + 1));
            for i in 0..n {
                xml.push_str(&body.replace("{i}", &i.to_string()));
            }
            xml.push_str(&format!(
                "</data><status><code>S{code}</code><type>success</type></status></result></response>"
            ));
            assert_eq!(n > 3, xml.len() > 1 << 20, "{code}: {n} entries stream");
            let r = run(&["check", "-"], Some(xml.as_bytes())).ok();
            assert_eq!(
                r.stdout,
                format!(
                    "response: 1 result, task {code}, status S{code} (success), {n} of {} {entry}s\n",
                    n + 1
                ),
                "{code}, {n} entries"
            );
        }
    }
}

/// A long prolog does not stop `check` from streaming (issue 11 item 10): after a comment
/// longer than the 1 MiB head, a large response still streams and gives the summary the
/// whole-document path gives.
#[test]
fn check_streams_a_response_after_a_comment_longer_than_its_head() {
    let list = generate::certificate_job_list(3000);
    let list = std::str::from_utf8(&list).expect("UTF-8");
    let body = list
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .unwrap_or(list);
    let xml = format!("<!--{}-->\n{body}", "c".repeat(1_100_000));
    let streamed = run(&["check"], Some(xml.as_bytes())).ok();
    assert_eq!(
        streamed.stdout,
        "response: 1 result, task 400115, status S400115 (success), 3000 certificate_jobs, stid 20200228-stid-3000\n"
    );
}

/// Everything the decoder takes reads back through the CLI's JSON (issue 11 item 11): unknown
/// elements and `<msg>` nested 250 deep (the decoder's depth limit is 256) survive
/// `decode | encode`; JSON deeper than any document can need is refused in one line.
#[test]
fn deep_documents_survive_decode_then_encode() {
    let deep = |open: &str, close: &str, n: usize| {
        format!(
            "<response><result>{}{}<status><code>S0905</code></status></result></response>",
            open.repeat(n),
            close.repeat(n)
        )
    };
    for xml in [
        deep("<x>", "</x>", 250),
        deep("<msg><code>EF1</code>", "</msg>", 120),
        deep("<msg><code>EF1</code>", "</msg>", 250),
    ] {
        let json = run(&["decode", "-"], Some(xml.as_bytes())).ok().stdout;
        let back = run(&["encode", "-"], Some(json.as_bytes())).ok().stdout;
        let again = run(&["decode", "-"], Some(back.as_bytes())).ok().stdout;
        assert_eq!(again, json);
    }
    let too_deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let r = run(&["encode", "-"], Some(too_deep.as_bytes())).input_error();
    assert!(r.stderr.contains("nested 5000 levels deep"), "{r:#?}");
}

/// issue 13 item 15: `check --fail-on-error` exits 3 on an E-status answer, small or
/// streamed; without it, and on a success, `check` exits 0.
#[test]
fn check_fail_on_error_exits_3_on_an_error_status() {
    let error = file("0201_error_response.xml");
    assert_eq!(run(&["check", &error], None).code, Some(0));
    let r = run(&["check", "--fail-on-error", &error], None);
    assert_eq!(r.code, Some(3), "{}", r.stderr);
    assert!(r.stdout.contains("status E0201 (error)"), "{}", r.stdout);
    let ok = run(
        &["check", "--fail-on-error", &file("0105_list_response.xml")],
        None,
    );
    assert_eq!(ok.code, Some(0));
    // Streamed (over 1 MiB): the same.
    let mut big = String::from("<response><result><data>");
    while big.len() < 1 << 21 {
        big.push_str("<domain><name>a.de</name></domain>");
    }
    big.push_str(
        "</data><status><code>E0105</code><type>error</type></status></result></response>",
    );
    let r = run(&["check", "--fail-on-error", "-"], Some(big.as_bytes()));
    assert_eq!(r.code, Some(3), "{}", r.stderr);
}

/// issue 13 item 16: `--max-size` raises (or lowers) the size of a document read whole.
#[test]
fn max_size_sets_the_largest_document_read_whole() {
    let xml = std::fs::read(common::path("0105_response.xml")).expect("fixture");
    let r = run(&["decode", "--max-size", "100"], Some(&xml)).input_error();
    assert_eq!(
        r.stderr,
        "error: the input is larger than 100 bytes (limit max_document_size)\n"
    );
    let mut big = b"<response><result><data>".to_vec();
    while big.len() < 65 << 20 {
        big.extend_from_slice(b"<domain><name>a.de</name></domain>");
    }
    big.extend_from_slice(b"</data><status><code>S0105</code></status></result></response>");
    run(&["normalize"], Some(&big)).input_error();
    let r = run(&["normalize", "--max-size", "200000000"], Some(&big)).ok();
    assert!(r.stdout.ends_with("</response>\n"));
}

/// issue 13 item 17: a decode error names the file; JSON given to `decode` is pointed to
/// `encode` and `notification`.
#[test]
fn decode_errors_name_the_input_and_hint_at_json() {
    let dir = std::env::temp_dir().join(format!("autodns-xml-cli-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("broken.xml");
    std::fs::write(&bad, "<request>\n</response>").expect("write");
    let path = bad.to_str().expect("UTF-8 path");
    let r = run(&["decode", path], None).input_error();
    assert!(
        r.stderr
            .starts_with(&format!("error: {path}: mismatched end tag")),
        "{}",
        r.stderr
    );
    let r = run(&["decode", "-"], Some(br#"{"request": {}}"#)).input_error();
    assert!(
        r.stderr.contains("this looks like JSON: `encode` reads"),
        "{}",
        r.stderr
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// issue 11 item 9: `check` gives the same summary and the same verdict below and above its
/// 1 MiB streaming threshold: entries of another list under a status count as none, as the
/// whole document types them; one that does not decode fails only if it is an entry of its
/// status's list; a large answer of a task without a list form is summarised by its data.
#[test]
fn check_says_the_same_below_and_above_the_streaming_threshold() {
    let doc = |entry: &str, n: usize, code: &str, extra: &str| {
        format!(
            "<response><result><data><summary>{n}</summary>{}{extra}</data>\
             <status><code>{code}</code><type>success</type></status></result><stid>x</stid></response>",
            entry.repeat(n)
        )
    };
    let job = "<certificate_job><job><id>1</id><status>RUNNING</status></job></certificate_job>";
    let bad_job = "<certificate_job><job><id>x1</id></job></certificate_job>";
    let bad_domain = "<domain><name>a.de</name><ownerc>zz</ownerc></domain>";
    for n in [3, 30_000] {
        for entry in [job, bad_job] {
            let xml = doc(entry, n, "S0105", "");
            let r = run(&["check", "-"], Some(xml.as_bytes())).ok();
            assert_eq!(
                r.stdout,
                format!(
                    "response: 1 result, task 0105, status S0105 (success), 0 of {n} domains, stid x\n"
                ),
                "{n} × {entry}"
            );
        }
        let xml = doc(bad_domain, n, "S0105", "");
        let r = run(&["check", "-"], Some(xml.as_bytes())).input_error();
        // The first domain's `ownerc`, after `<summary>{n}</summary>`.
        let column = 69 + n.to_string().len();
        assert_eq!(
            r.stderr,
            format!(
                "error: standard input: invalid value \"zz\" for <ownerc>: expected an unsigned integer \
                 in response/result/data/domain/ownerc at line 1, column {column}\n"
            ),
            "{n} invalid domains"
        );
    }
    let poll = std::fs::read_to_string(common::path("0905_response.xml")).expect("fixture");
    for pad in [1, 1_200_000] {
        let xml = poll.replace("</data>", &format!("<x>{}</x></data>", "y".repeat(pad)));
        let r = run(&["check", "-"], Some(xml.as_bytes())).ok();
        assert_eq!(
            r.stdout,
            "response: 1 result, task 0905, status S0905 (success), summary 1, message 1855680, stid 20181015-app1-3805\n",
            "{pad}"
        );
    }
}
