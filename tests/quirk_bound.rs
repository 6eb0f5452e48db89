//! Repaired quirks are bounded by `Limits::max_quirks_per_kind` (issue 11 item 5): past it,
//! the repairs of a kind are counted in `Quirk::repeats` of the last one listed, not stored.
//! Every place that joins lists of quirks (a result's `<data>` and a task's body, read
//! twice; a stream's windows; a request's tasks) keeps the bound, and the counts add up
//! exactly: `kept + sum of repeats == repairs made`, per kind.
//!
//! The inputs are generated here (see `testdata/hostile/README.md`): `n` `<msg a=''/>` after a
//! status (one ignored-attributes repair each), `n` results whose `<data>` holds a
//! `DEFFERED` job (a part read twice), `n` list entries with a `DEFFERED` job, and a request
//! of `n` tasks with an attribute on a body's value and one on the task's code.

use std::collections::BTreeMap;

use autodns_xml::certificate::CertificateJob;
use autodns_xml::{Document, Limits, ListReader, Quirk, QuirkKind, decode_request_with};

/// Per kind: (quirks listed, repairs counted).
fn per_kind(quirks: &[Quirk]) -> BTreeMap<&'static str, (u64, u64)> {
    let mut kinds = BTreeMap::new();
    for q in quirks {
        let name = match q.kind {
            QuirkKind::MismatchedEndTag { .. } => "mismatched",
            QuirkKind::MisspelledValue { .. } => "misspelled",
            QuirkKind::DuplicatedTail { .. } => "tail",
            QuirkKind::IgnoredAttributes { .. } => "attributes",
            _ => "other",
        };
        let (kept, total) = kinds.entry(name).or_insert((0, 0));
        *kept += 1;
        *total += 1 + q.repeats;
    }
    kinds
}

/// Asserts the shape every list of quirks has: in document order, and each kind's repeats
/// only on its last one listed.
fn assert_well_formed(quirks: &[Quirk]) {
    assert!(
        quirks.is_sorted_by_key(|q| q.position.offset),
        "not in document order"
    );
    for (i, q) in quirks.iter().enumerate() {
        if q.repeats > 0 {
            let later = quirks[i + 1..]
                .iter()
                .any(|p| std::mem::discriminant(&p.kind) == std::mem::discriminant(&q.kind));
            assert!(
                !later,
                "repeats on {q} but a later quirk of its kind is listed"
            );
        }
    }
}

/// `n` `<msg a=''/>` after a status: one ignored-attributes repair each.
fn msgs(n: usize) -> String {
    format!(
        "<response><result><data/><status><code>S0105</code><type>success</type></status>{}\
         </result></response>",
        "<msg a=''/>".repeat(n)
    )
}

/// `n` results, each whose `<data>` (read twice) holds a job with the server's `DEFFERED`,
/// and whose status carries an ignored attribute (read once, with the envelope).
fn deffered_results(n: usize) -> String {
    let result = "<result><data><certificate_job><job><id>1</id><status>DEFFERED</status></job>\
                  </certificate_job></data><status><code a=''>S400115</code></status></result>";
    format!("<response>{}</response>", result.repeat(n))
}

/// A 400115 list answer of `n` jobs, each with a `DEFFERED` status.
fn deffered_list(n: usize) -> String {
    let job = "<certificate_job><job><id>1</id><status>DEFFERED</status></job></certificate_job>";
    format!(
        "<response><result><data>{}</data><status><code>S400115</code>\
         <type>success</type></status></result></response>",
        job.repeat(n)
    )
}

/// A request of `n` 0105 tasks, each with an attribute on its `<code>` (read with the
/// envelope) and one on its body's `<name>` (the body, read twice).
fn request(n: usize) -> String {
    let task = "<task><code a=''>0102</code><domain><name a=''>example.com</name></domain></task>";
    format!(
        "<request><auth><user>u</user><password>p</password><context>4</context></auth>{}\
         </request>",
        task.repeat(n)
    )
}

#[test]
fn many_ignored_attributes_list_64_quirks_and_count_the_rest() {
    let n = 200_000;
    let doc = Document::decode(msgs(n).as_bytes()).expect("decodes");
    let quirks = doc.quirks();
    assert_eq!(quirks.len(), Limits::DEFAULT_MAX_QUIRKS_PER_KIND);
    assert_eq!(per_kind(quirks)["attributes"], (64, n as u64));
    assert_well_formed(quirks);
    // The first 64 are listed, at their own positions; the last one carries the count.
    let xml = msgs(n);
    let first: Vec<usize> = xml
        .match_indices("<msg")
        .take(64)
        .map(|(at, _)| at)
        .collect();
    let at: Vec<usize> = quirks.iter().map(|q| q.position.offset).collect();
    assert_eq!(at, first);
    assert_eq!(quirks[63].repeats, (n - 64) as u64);
    assert!(quirks[..63].iter().all(|q| q.repeats == 0));
}

#[test]
fn quirks_of_reread_data_and_of_the_envelope_count_exactly_per_kind() {
    for (n, max) in [
        (1, 64),
        (64, 64),
        (65, 64),
        (3_000, 64),
        (3_000, 1),
        (3_000, 0),
        (10, 3),
    ] {
        let limits = Limits::default().with_max_quirks_per_kind(max);
        let xml = deffered_results(n);
        let doc = Document::decode_with(xml.as_bytes(), &limits).expect("decodes");
        let quirks = doc.quirks();
        assert_well_formed(quirks);
        let kept = (n as u64).min(max.max(1) as u64);
        let kinds = per_kind(quirks);
        assert_eq!(kinds["misspelled"], (kept, n as u64), "{n} under {max}");
        assert_eq!(kinds["attributes"], (kept, n as u64), "{n} under {max}");
        assert_eq!(kinds.len(), 2);
    }
}

#[test]
fn a_list_reader_holds_at_most_the_bound_and_counts_every_quirk() {
    for (n, max) in [(5, 64), (3_000, 64), (3_000, 1), (3_000, 0), (100, 7)] {
        let xml = deffered_list(n);
        let limits = Limits::default().with_max_quirks_per_kind(max);
        let kept = (n as u64).min(max.max(1) as u64);
        // Left to pile up: the bound holds at every step, and the count is exact.
        let mut jobs = ListReader::<CertificateJob, _>::new(xml.as_bytes()).with_limits(limits);
        let mut entries = 0;
        while let Some(job) = jobs.next() {
            job.expect("an entry");
            entries += 1;
            assert!(jobs.quirks().len() as u64 <= kept);
        }
        assert_eq!(entries, n);
        let response = jobs.finish().expect("the envelope");
        assert_well_formed(&response.quirks);
        assert_eq!(per_kind(&response.quirks)["misspelled"], (kept, n as u64));
        // Taken as they come: every one is listed (one per entry), the count the same.
        let mut jobs = ListReader::<CertificateJob, _>::new(xml.as_bytes()).with_limits(limits);
        let mut taken = Vec::new();
        while let Some(job) = jobs.next() {
            job.expect("an entry");
            taken.extend(jobs.take_quirks());
        }
        taken.extend(jobs.finish().expect("the envelope").quirks);
        assert_eq!(per_kind(&taken)["misspelled"], (n as u64, n as u64));
        // As the whole-document decode gives them.
        let doc = Document::decode_with(xml.as_bytes(), &limits).expect("decodes");
        assert_eq!(per_kind(doc.quirks()), per_kind(&response.quirks));
    }
}

#[test]
fn a_requests_tasks_and_bodies_count_every_quirk() {
    for (n, max) in [(1, 64), (500, 64), (500, 1), (500, 0), (20, 4)] {
        let limits = Limits::default().with_max_quirks_per_kind(max);
        let xml = request(n);
        let req = decode_request_with(xml.as_bytes(), &limits).expect("decodes");
        assert_eq!(req.tasks.len(), n);
        assert_well_formed(&req.quirks);
        let kept = (2 * n as u64).min(max.max(1) as u64);
        assert_eq!(per_kind(&req.quirks)["attributes"], (kept, 2 * n as u64));
        // A bare task, its body read twice too.
        let task = "<task><code a=''>0102</code><domain><name a=''>example.com</name>\
                    <x a=''/></domain></task>";
        let doc = Document::decode_with(task.as_bytes(), &limits).expect("decodes");
        assert_well_formed(doc.quirks());
        let kept = 2u64.min(max.max(1) as u64);
        assert_eq!(per_kind(doc.quirks())["attributes"], (kept, 2));
    }
}

#[test]
fn a_quirk_with_repeats_says_how_many_more() {
    let limits = Limits::default().with_max_quirks_per_kind(2);
    let doc = Document::decode_with(msgs(5).as_bytes(), &limits).expect("decodes");
    let quirks = doc.quirks();
    assert_eq!(quirks.len(), 2);
    assert_eq!(
        quirks[0].to_string(),
        "attributes on <msg> ignored at line 1, column 81"
    );
    assert_eq!(
        quirks[1].to_string(),
        "attributes on <msg> ignored at line 1, column 92, and 3 more of this kind not listed"
    );
}
