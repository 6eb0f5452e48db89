//! The task registry's table drives the tests: every registered task has its request and
//! response fixtures in `testdata/`, each decodes as that task, and the JSON form of every
//! fixture request reads back whatever the order of its keys.

mod common;

use autodns_xml::registry::{TASKS, TaskInfo, is_modelled};
use autodns_xml::{AnyData, Document, RequestTask};
use serde_json::{Map, Value};

/// The fixture of `task` in direction `dir` (`request`, `response`): `<code>_<dir>.xml`, or
/// `<code>_list_<dir>.xml` for the body-less form of a code that also has a body.
fn fixture(task: &TaskInfo, dir: &str) -> String {
    let listed = task.element.is_none()
        && TASKS
            .iter()
            .any(|t| t.code == task.code && t.element.is_some());
    if listed {
        format!("{}_list_{dir}.xml", task.code)
    } else {
        format!("{}_{dir}.xml", task.code)
    }
}

fn decode(name: &str) -> Document {
    let bytes = std::fs::read(common::path(name))
        .unwrap_or_else(|e| panic!("testdata/{name}: {e} (every registered task has fixtures)"));
    Document::decode(&bytes).unwrap_or_else(|e| panic!("testdata/{name}: {e}"))
}

/// The request fixture of `task`: its name and the request.
fn request_fixture(task: &TaskInfo) -> (String, autodns_xml::Request) {
    let name = fixture(task, "request");
    let Document::Request(request) = decode(&name) else {
        panic!("testdata/{name}: not a request");
    };
    (name, request)
}

#[test]
fn every_registered_task_has_a_request_fixture_that_decodes_as_it() {
    for task in TASKS {
        let (name, request) = request_fixture(task);
        let first = &request.tasks[0];
        assert_eq!(first.code, task.code, "testdata/{name}");
        assert_eq!(
            (first.body.code(), first.body.element()),
            (Some(task.code), task.element),
            "testdata/{name}: the body of {}",
            task.name
        );
    }
}

#[test]
fn every_registered_task_has_a_response_fixture_with_typed_data() {
    for task in TASKS {
        let name = fixture(task, "response");
        let Document::Response(response) = decode(&name) else {
            panic!("testdata/{name}: not a response");
        };
        let result = response.result().expect("a result");
        assert_eq!(result.status.code.task, task.code, "testdata/{name}");
        // Some answers carry no data at all (0103103 on its help page).
        if let Some(AnyData::Raw(raw)) = &result.data {
            panic!("testdata/{name}: data left raw: {raw:?}");
        }
    }
}

#[test]
fn every_fixture_of_a_modelled_code_is_typed() {
    for name in common::names() {
        let code = name.split('_').next().expect("a code");
        if !is_modelled(code) || name.contains("error") {
            continue;
        }
        match decode(&name) {
            Document::Request(request) => {
                for task in &request.tasks {
                    assert!(task.body.fits(task.code.as_str()), "testdata/{name}");
                    assert!(
                        task.body.code().is_some(),
                        "testdata/{name}: an untyped body"
                    );
                }
            }
            Document::Task(task) => assert!(task.body.code().is_some(), "testdata/{name}"),
            Document::Response(response) => {
                for result in &response.results {
                    assert!(
                        !matches!(result.data, Some(AnyData::Raw(_))),
                        "testdata/{name}: data left raw"
                    );
                }
            }
            _ => {}
        }
    }
}

/// `value` with every object's keys in the given order (serde_json keeps insertion order
/// only with its `preserve_order` feature: a rebuilt map makes the order explicit).
fn reorder(value: &Value, reverse: bool) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            if reverse {
                keys.reverse();
            }
            let mut out = Map::new();
            for k in keys {
                out.insert(k.clone(), reorder(&map[k], reverse));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| reorder(v, reverse)).collect()),
        other => other.clone(),
    }
}

#[test]
fn a_task_reads_back_from_json_whatever_its_key_order() {
    for task in TASKS {
        let (name, request) = request_fixture(task);
        for original in &request.tasks {
            let json = serde_json::to_string(original).expect("serialize");
            // As written (`code` first), and re-read through a generic value with the keys
            // sorted both ways: `cancelation` and `certificate_job` sort before `code`.
            let value: Value = serde_json::from_str(&json).expect("a JSON value");
            for text in [
                json.clone(),
                reorder(&value, false).to_string(),
                reorder(&value, true).to_string(),
            ] {
                let back: RequestTask = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("testdata/{name}: {e}\n{text}"));
                // The password-free parts compare equal (secrets are masked in JSON).
                assert_eq!(back.code, original.code, "testdata/{name}");
                assert_eq!(
                    (back.body.code(), back.body.element()),
                    (original.body.code(), original.body.element()),
                    "testdata/{name}: {text}"
                );
            }
        }
    }
}

#[test]
fn a_json_body_before_its_code_is_held_back_and_checked() {
    let early = r#"{"certificate_job":{"job":{"id":7}},"code":"400114"}"#;
    let task: RequestTask = serde_json::from_str(early).expect("a body before its code");
    assert_eq!(task.body.code(), Some("400114"));
    assert_eq!(task.body.element(), Some("certificate_job"));

    let misfit = r#"{"certificate_job":{"job":{"id":7}},"code":"0105"}"#;
    let err = serde_json::from_str::<RequestTask>(misfit).expect_err("0105 has no such body");
    assert!(
        err.to_string()
            .contains("task 0105 takes no `certificate_job` body"),
        "{err}"
    );

    let two = r#"{"cancelation":{"domain":"a.com"},"domain":{"name":"a.com"},"code":"0103101"}"#;
    let err = serde_json::from_str::<RequestTask>(two).expect_err("two bodies");
    assert!(err.to_string().contains("a second body"), "{err}");

    let unknown = r#"{"nonsense":1,"code":"0105"}"#;
    let err = serde_json::from_str::<RequestTask>(unknown).expect_err("an unknown key");
    assert!(
        err.to_string().contains("unknown field `nonsense`"),
        "{err}"
    );

    let bad = r#"{"certificate_job":{"job":{"id":"seven"}},"code":"400114"}"#;
    assert!(
        serde_json::from_str::<RequestTask>(bad).is_err(),
        "a held-back body is still typed"
    );
}

/// The old name of `AnyTask` still builds and matches its variants, so code written against
/// it compiles (with a deprecation warning) after the rename.
#[test]
#[allow(deprecated)]
fn the_old_name_task_body_still_names_any_task() {
    use autodns_xml::domain::DomainInfo;
    use autodns_xml::{AnyTask, TaskBody};
    let body: TaskBody = TaskBody::DomainInfo(DomainInfo::new("example.com"));
    let task = RequestTask::new(autodns_xml::TaskCode::new("0105").expect("a code"), body);
    assert!(matches!(task.body, AnyTask::DomainInfo(_)));
    assert!(matches!(
        autodns_xml::envelope::TaskBody::None,
        TaskBody::None
    ));
}
