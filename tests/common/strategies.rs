//! Proptest strategies for every model: the values the round-trip tests (`tests/roundtrip.rs`)
//! encode and decode, and the schema tests (`tests/schemas.rs`) validate.
//!
//! The generators exercise every field of every model (each `Option` both ways, each `Vec`
//! empty and not), every open enum as its known spellings and as `Other`, and `unknown`
//! children (raw trees with attributes, text and nested elements) on the structs; a task's
//! unknown children include the body elements of other tasks (`domain`, `message`, …), which
//! it must keep in place. Strings are arbitrary XML 1.0 text with the awkward cases made
//! likely: markup characters, `]]>`, quotes, CR, white space at the ends, non-BMP characters.
//!
//! What is normalised by design is kept out of the generated values: open-enum text is trimmed
//! on read (so `Other` values have no white space at their ends), and a raw element's
//! white-space-only text next to element siblings is indentation (see
//! `RawElement::drop_indentation`), as are empty and adjacent text nodes.
//!
//! Included with `#[path = "common/strategies.rs"] mod strategies;` by the test crates that
//! use it (not through `common/mod.rs`, so that the other test crates do not compile it).
#![allow(dead_code)]

use autodns_xml::certificate::{
    Authentication, AuthenticationMethod, Certificate, CertificateContact, CertificateJob,
    CertificateJobHistoryList, CertificateJobInfo, CertificateJobInfoData, CertificateJobList,
    CertificateJobListData, Product, SignatureHash, Software, TransparencyPrivacy,
};
use autodns_xml::codec::OpenEnum;
use autodns_xml::contact::{ContactCreate, ContactType, EmptyData, Handle, HandleList, Protection};
use autodns_xml::domain::{
    Domain, DomainCreate, DomainCreateData, DomainInfo, DomainInfoData, DomainJob, DomainList,
    NameServer, RddsOptIn, RegistrarStatus, RegistryStatus,
};
use autodns_xml::envelope::{Operator, Order, OrderMode, View, Where};
use autodns_xml::job::{Job, JobAction, JobRef, JobStatus, JobType};
use autodns_xml::poll::{
    EventNotification, EventType, JobNotification, Message, Payload, PollConfirm, PollConfirmData,
    PollInfo, PollInfoData, Transfer,
};
use autodns_xml::zone::{
    MainIp, NsAction, PurgeType, RecordType, ResourceRecord, SearchAndReplace, Soa, Zone,
    ZoneCreate, ZoneData, ZoneDefault, ZoneInfo, ZoneList, ZoneRef, ZoneStream,
};
use autodns_xml::{
    Auth, Msg, ObjectRef, RawElement, RawNode, Request, RequestTask, Response, Secret, Status,
    StatusCode, StatusKind, StatusType, TaskBody, TaskCode, TaskResult, Unknown, User,
};
use chrono::{NaiveDate, NaiveDateTime};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use std::fmt::Debug;

/// Whether this crate models task `code` (its bodies and data are typed): the registry says.
pub fn is_modelled(code: &str) -> bool {
    autodns_xml::registry::is_modelled(code)
}

/// A task code this crate models, from the registry.
pub fn modelled_code() -> BoxedStrategy<TaskCode> {
    let all: Vec<&'static str> = autodns_xml::registry::TASKS
        .iter()
        .map(|t| t.code)
        .collect();
    select(all).prop_map(code).boxed()
}

// ---------------------------------------------------------------------------------------------
// Leaves: text, enums, numbers, date-times.
// ---------------------------------------------------------------------------------------------

/// A character XML 1.0 allows, with the interesting ones made likely.
pub fn xml_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        4 => select(&[
            '<', '&', '>', ']', '[', '"', '\'', '\r', '\n', '\t', ' ', ';', '#', '=', '/', '?',
            '!', '-', '\u{85}', '\u{A0}', '\u{2028}', '\u{3000}', '\u{FEFF}', '\u{D7FF}',
            '\u{E000}', '\u{FFFD}', '\u{10000}', '\u{1F600}', '\u{1FFFE}', '\u{10FFFF}', 'ä',
            'ß', '日',
        ][..]),
        1 => proptest::char::range('\u{20}', '\u{D7FF}'),
        1 => proptest::char::range('\u{E000}', '\u{FFFD}'),
        1 => proptest::char::range('\u{10000}', '\u{10FFFF}'),
    ]
}

/// Arbitrary XML 1.0 text (possibly empty, possibly all white space), with markup-like
/// pieces that must come back as text.
pub fn text() -> BoxedStrategy<String> {
    vec(
        prop_oneof![
            10 => xml_char().prop_map(String::from),
            1 => select(&[
                "]]>", "]]]]>", "\r\n", "\r\r\n", "&amp;", "&#13;", "&#0;", "<![CDATA[x]]>",
                "<!-- c -->", "<?pi x?>", "</x>", "<x/>", "  ", "\u{1F600}\u{10FFFF}",
            ][..])
            .prop_map(str::to_owned),
        ],
        0..10,
    )
    .prop_map(|pieces| pieces.concat())
    .boxed()
}

/// Text that is not empty and not blank in the XML sense.
pub fn solid_text() -> BoxedStrategy<String> {
    (
        text(),
        xml_char().prop_filter("not XML white space", |c| !is_xml_space(*c)),
        text(),
    )
        .prop_map(|(a, c, b)| format!("{a}{c}{b}"))
        .boxed()
}

pub fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

pub fn ostr() -> BoxedStrategy<Option<String>> {
    option::of(text()).boxed()
}

/// An open enum: its known values, or `Other` holding something that is not a known spelling
/// (non-empty, no white space at its ends: open-enum text is trimmed on read).
/// Known values, and unknown spellings (arbitrary text and near misses of known ones) that
/// must come back as `Other`.
pub fn open_enum<E>() -> BoxedStrategy<E>
where
    E: OpenEnum + Clone + Debug + PartialEq,
{
    let known = E::KNOWN.to_vec();
    let near_misses: Vec<String> = known
        .iter()
        .flat_map(|k| {
            let s = k.as_str();
            [s.to_lowercase(), format!("{s}_X"), format!("{s} {s}")]
        })
        .collect();
    let candidate = prop_oneof![
        2 => text().prop_map(|s| s.trim().to_owned()),
        1 => select(near_misses),
    ];
    let unknown = candidate.prop_filter_map("a known spelling or empty", |s| {
        let e = E::from_wire(&s);
        (!s.is_empty() && e.is_other() && e.as_str() == s).then_some(e)
    });
    prop_oneof![2 => select(known), 1 => unknown].boxed()
}

/// A zone-less date-time with whole seconds, years 1000 to 9999.
pub fn datetime() -> BoxedStrategy<NaiveDateTime> {
    (
        1000i32..=9999,
        1u32..=12,
        1u32..=31,
        0u32..24,
        0u32..60,
        0u32..60,
    )
        .prop_filter_map("no such day", |(y, mo, d, h, mi, s)| {
            NaiveDate::from_ymd_opt(y, mo, d)?.and_hms_opt(h, mi, s)
        })
        .boxed()
}

pub fn odate() -> BoxedStrategy<Option<NaiveDateTime>> {
    option::of(datetime()).boxed()
}

/// A u64 with the edges made likely.
pub fn id() -> BoxedStrategy<u64> {
    prop_oneof![
        1 => Just(0u64),
        1 => Just(u64::MAX),
        1 => Just(u64::MAX - 1),
        6 => any::<u64>(),
    ]
    .boxed()
}

pub fn oid() -> BoxedStrategy<Option<u64>> {
    option::of(id()).boxed()
}

pub fn ou32() -> BoxedStrategy<Option<u32>> {
    option::of(prop_oneof![Just(0u32), Just(u32::MAX), any::<u32>()]).boxed()
}

pub fn obool() -> BoxedStrategy<Option<bool>> {
    option::of(any::<bool>()).boxed()
}

pub fn code(s: &str) -> TaskCode {
    TaskCode::new(s).expect("a valid task code")
}

/// A task code this crate does not model.
pub fn unmodelled_code() -> BoxedStrategy<TaskCode> {
    prop_oneof![
        select(
            &[
                "0105005",
                "0117001",
                "0106002",
                "0999",
                "400110",
                "000000000000"
            ][..]
        )
        .prop_map(str::to_owned),
        "[0-9]{1,12}",
    ]
    .prop_filter("a modelled code", |c| !is_modelled(c))
    .prop_map(|c| code(&c))
    .boxed()
}

pub fn codes(list: &'static [&'static str]) -> BoxedStrategy<TaskCode> {
    select(list).prop_map(code).boxed()
}

// ---------------------------------------------------------------------------------------------
// Raw trees.
// ---------------------------------------------------------------------------------------------

/// A name for an `unknown` child: never one a model reads (they all start with `x_`).
pub fn unknown_name() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "x_[a-z]{1,8}",
        1 => select(&["x_a-b.c", "x_ns:el", "x_größe", "x_日本", "x_1", "x_A_B", "x_\u{B7}"][..])
            .prop_map(str::to_owned),
    ]
    .boxed()
}

/// A name inside a raw tree: anything, including names models read elsewhere.
pub fn inner_name() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-z_][a-z0-9_.-]{0,8}",
        1 => select(&[
            "domain", "status", "code", "data", "msg", "result", "task", "context4", "context",
            "ns:el", "Größe", "日本", "_",
        ][..])
        .prop_map(str::to_owned),
    ]
    .boxed()
}

pub fn attributes() -> BoxedStrategy<Vec<(String, String)>> {
    let name = prop_oneof![
        3 => "[a-z][a-z0-9_.-]{0,6}",
        1 => select(&["xml:lang", "ns:attr", "_", "ä"][..]).prop_map(str::to_owned),
    ];
    vec((name, text()), 0..3)
        .prop_map(|mut attrs| {
            let mut seen = std::collections::HashSet::new();
            attrs.retain(|(name, _)| seen.insert(name.clone()));
            attrs
        })
        .boxed()
}

/// Brings a generated tree to the form decoding gives: adjacent text merged, empty text
/// dropped, white-space-only text dropped where the element also holds elements.
pub fn normalize(mut el: RawElement) -> RawElement {
    let mut children: Vec<RawNode> = Vec::new();
    for node in el.children {
        match node {
            RawNode::Element(child) => children.push(RawNode::Element(normalize(child))),
            RawNode::Text(t) if t.is_empty() => {}
            RawNode::Text(t) => match children.last_mut() {
                Some(RawNode::Text(last)) => last.push_str(&t),
                _ => children.push(RawNode::Text(t)),
            },
        }
    }
    if children.iter().any(|n| matches!(n, RawNode::Element(_))) {
        children.retain(|n| !matches!(n, RawNode::Text(t) if t.chars().all(is_xml_space)));
    }
    el.children = children;
    el
}

/// A raw tree: nested elements, attributes and text. The root's name is `name`.
pub fn raw_element(name: BoxedStrategy<String>) -> BoxedStrategy<RawElement> {
    let leaf =
        (inner_name(), attributes(), option::of(text())).prop_map(|(name, attributes, t)| {
            RawElement {
                name,
                attributes,
                children: t.into_iter().map(RawNode::Text).collect(),
            }
        });
    let tree = leaf.prop_recursive(3, 16, 4, |inner| {
        (
            inner_name(),
            attributes(),
            vec(
                prop_oneof![
                    inner.prop_map(RawNode::Element),
                    text().prop_map(RawNode::Text),
                    solid_text().prop_map(RawNode::Text),
                ],
                0..4,
            ),
        )
            .prop_map(|(name, attributes, children)| RawElement {
                name,
                attributes,
                children,
            })
    });
    (name, tree)
        .prop_map(|(name, mut el)| {
            el.name = name;
            normalize(el)
        })
        .boxed()
}

/// A raw tree whose root is called `name` (for fields written under a fixed element name).
pub fn raw_named(name: &'static str) -> BoxedStrategy<RawElement> {
    raw_element(Just(name.to_owned()).boxed())
}

/// `unknown` children: empty half of the time.
pub fn unknown() -> BoxedStrategy<Unknown> {
    unknown_vec().prop_map(Unknown::from).boxed()
}

pub fn unknown_vec() -> BoxedStrategy<Vec<RawElement>> {
    prop_oneof![
        1 => Just(Vec::new()),
        1 => vec(raw_element(unknown_name()), 1..3),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------------
// Models.
// ---------------------------------------------------------------------------------------------

pub fn user() -> BoxedStrategy<User> {
    (ostr(), ostr(), unknown())
        .prop_map(|(user, context, unknown)| User {
            user,
            context,
            unknown,
        })
        .boxed()
}

pub fn auth() -> BoxedStrategy<Auth> {
    (text(), text(), text(), option::of(text()), unknown())
        .prop_map(|(user, password, context, token, unknown)| Auth {
            user,
            password: Secret::new(password),
            context,
            token: token.map(Secret::new),
            unknown,
        })
        .boxed()
}

pub fn object_ref() -> BoxedStrategy<ObjectRef> {
    (ostr(), ostr(), unknown())
        .prop_map(|(kind, value, unknown)| ObjectRef {
            kind,
            value,
            unknown,
        })
        .boxed()
}

pub fn status_code(task: BoxedStrategy<TaskCode>) -> BoxedStrategy<StatusCode> {
    (
        select(&[StatusKind::Success, StatusKind::Error, StatusKind::Notify][..]),
        task,
    )
        .prop_map(|(kind, task)| StatusCode::new(kind, task))
        .boxed()
}

pub fn status(task: BoxedStrategy<TaskCode>) -> BoxedStrategy<Status> {
    (
        status_code(task),
        ostr(),
        option::of(open_enum::<StatusType>()),
        option::of(object_ref()),
        unknown(),
    )
        .prop_map(|(code, text, kind, object, unknown)| Status {
            code,
            text,
            kind,
            object,
            unknown,
        })
        .boxed()
}

/// A msg, with nested msgs.
pub fn msg() -> BoxedStrategy<Msg> {
    let fields = || {
        (
            ostr(),
            ostr(),
            option::of(open_enum::<StatusType>()),
            option::of(object_ref()),
            unknown(),
        )
    };
    let leaf = fields().prop_map(|(text, code, kind, object, unknown)| Msg {
        text,
        code,
        kind,
        object,
        msgs: Vec::new(),
        unknown,
    });
    leaf.prop_recursive(2, 6, 3, move |inner| {
        (fields(), vec(inner, 0..3)).prop_map(|((text, code, kind, object, unknown), msgs)| Msg {
            text,
            code,
            kind,
            object,
            msgs,
            unknown,
        })
    })
    .boxed()
}

pub fn job_ref() -> BoxedStrategy<JobRef> {
    (id(), unknown())
        .prop_map(|(id, unknown)| JobRef { id, unknown })
        .boxed()
}

pub fn job() -> BoxedStrategy<Job> {
    (
        (id(), option::of(user()), option::of(user()), ostr()),
        (
            option::of(open_enum::<JobStatus>()),
            ostr(),
            odate(),
            odate(),
        ),
        (
            option::of(open_enum::<JobType>()),
            ostr(),
            option::of(open_enum::<JobAction>()),
            odate(),
            unknown(),
        ),
    )
        .prop_map(
            |(
                (id, owner, updater, object),
                (status, sub_status, created, updated),
                (kind, sub_type, action, execution, unknown),
            )| Job {
                id,
                owner,
                updater,
                object,
                status,
                sub_status,
                created,
                updated,
                kind,
                sub_type,
                action,
                execution,
                unknown,
            },
        )
        .boxed()
}

pub fn name_server() -> BoxedStrategy<NameServer> {
    (
        text(),
        oid(),
        vec(text(), 0..3),
        vec(text(), 0..3),
        unknown(),
    )
        .prop_map(|(name, ttl, ip, ip6, unknown)| NameServer {
            name,
            ttl,
            ip,
            ip6,
            unknown,
        })
        .boxed()
}

pub fn domain() -> BoxedStrategy<Domain> {
    (
        (text(), odate(), odate(), oid(), oid(), oid(), oid(), ostr()),
        (
            option::of(open_enum::<RegistryStatus>()),
            vec(name_server(), 0..3),
            ou32(),
            option::of(open_enum::<JobStatus>()),
            obool(),
            obool(),
            ostr(),
            obool(),
        ),
        (
            obool(),
            obool(),
            obool(),
            obool(),
            option::of(open_enum::<RegistrarStatus>()),
        ),
        (
            option::of(open_enum::<RddsOptIn>()),
            option::of(user()),
            option::of(user()),
            odate(),
            odate(),
            unknown(),
        ),
    )
        .prop_map(
            |(
                (name, expire, payable, ownerc, adminc, techc, zonec, nic_member_label),
                (
                    registry_status,
                    nserver,
                    period,
                    status,
                    use_trustee,
                    use_privacy,
                    authinfo,
                    domainsafe,
                ),
                (certificate, autorenew, confirm_order, confirm_owner_consent, registrar_status),
                (rdds_opt_in, owner, updater, created, updated, unknown),
            )| Domain {
                name,
                expire,
                payable,
                ownerc,
                adminc,
                techc,
                zonec,
                nic_member_label,
                registry_status,
                nserver,
                period,
                status,
                use_trustee,
                use_privacy,
                authinfo: authinfo.map(Secret::new),
                domainsafe,
                certificate,
                autorenew,
                confirm_order,
                confirm_owner_consent,
                registrar_status,
                rdds_opt_in,
                owner,
                updater,
                created,
                updated,
                unknown,
            },
        )
        .boxed()
}

pub fn domain_create() -> BoxedStrategy<DomainCreate> {
    (
        (text(), id(), id(), id(), oid()),
        (
            vec(name_server(), 1..3),
            obool(),
            ou32(),
            obool(),
            ostr(),
            unknown(),
        ),
    )
        .prop_map(
            |(
                (name, ownerc, adminc, techc, zonec),
                (nserver, confirm_order, period, autorenew, authinfo, unknown),
            )| DomainCreate {
                name,
                ownerc,
                adminc,
                techc,
                zonec,
                nserver,
                confirm_order,
                period,
                autorenew,
                authinfo: authinfo.map(Secret::new),
                unknown,
            },
        )
        .boxed()
}

pub fn domain_info() -> BoxedStrategy<DomainInfo> {
    (text(), unknown())
        .prop_map(|(name, unknown)| DomainInfo { name, unknown })
        .boxed()
}

pub fn handle() -> BoxedStrategy<Handle> {
    (
        (
            oid(),
            ostr(),
            option::of(open_enum::<ContactType>()),
            text(),
            text(),
            ostr(),
            ostr(),
            vec(text(), 1..3),
        ),
        (
            text(),
            text(),
            text(),
            ostr(),
            ostr(),
            ostr(),
            ostr(),
            option::of(open_enum::<Protection>()),
        ),
        (vec(text(), 0..3), unknown()),
    )
        .prop_map(
            |(
                (id, alias, kind, fname, lname, title, organization, address),
                (pcode, city, country, state, phone, fax, email, protection),
                (remarks, unknown),
            )| Handle {
                id,
                alias,
                kind,
                fname,
                lname,
                title,
                organization,
                address,
                pcode,
                city,
                country,
                state,
                phone,
                fax,
                email,
                protection,
                remarks,
                unknown,
            },
        )
        .boxed()
}

pub fn poll_confirm() -> BoxedStrategy<PollConfirm> {
    (id(), unknown())
        .prop_map(|(id, unknown)| PollConfirm { id, unknown })
        .boxed()
}

/// The body of the certificate job tasks that name one job (`CertificateJobInfo` and its
/// siblings share the shape).
pub fn certificate_job_info() -> BoxedStrategy<CertificateJobInfo> {
    (job_ref(), unknown())
        .prop_map(|(job, unknown)| CertificateJobInfo { job, unknown })
        .boxed()
}

pub fn view() -> BoxedStrategy<View> {
    (oid(), oid(), obool(), unknown())
        .prop_map(|(offset, limit, children, unknown)| View {
            offset,
            limit,
            children,
            unknown,
        })
        .boxed()
}

/// A filter with nested `and` / `or` groups.
pub fn filter() -> BoxedStrategy<Where> {
    let fields = || {
        (
            ostr(),
            option::of(open_enum::<Operator>()),
            ostr(),
            unknown(),
        )
    };
    let leaf = fields().prop_map(|(key, operator, value, unknown)| Where {
        key,
        operator,
        value,
        and: Vec::new(),
        or: Vec::new(),
        unknown,
    });
    leaf.prop_recursive(2, 6, 2, move |inner| {
        (fields(), vec(inner.clone(), 0..3), vec(inner, 0..3)).prop_map(
            |((key, operator, value, unknown), and, or)| Where {
                key,
                operator,
                value,
                and,
                or,
                unknown,
            },
        )
    })
    .boxed()
}

pub fn order() -> BoxedStrategy<Order> {
    (text(), option::of(open_enum::<OrderMode>()), unknown())
        .prop_map(|(key, mode, unknown)| Order { key, mode, unknown })
        .boxed()
}

/// A task code and a body that fits it: the modelled bodies these strategies draw, the
/// body-less modelled forms, and unmodelled codes. (Every registered task's body is drawn by
/// the `arbitrary` generators of the structured fuzz target; these strategies cover the
/// models the schema tests validate.)
pub fn code_and_body() -> BoxedStrategy<(TaskCode, TaskBody)> {
    prop_oneof![
        handle().prop_map(|h| (code("0301"), TaskBody::ContactCreate(ContactCreate(h)))),
        domain_create().prop_map(|d| (code("0101"), TaskBody::DomainCreate(d))),
        domain_info().prop_map(|d| (code("0105"), TaskBody::DomainInfo(d))),
        prop_oneof![
            Just((code("0105"), TaskBody::DomainList(DomainList))),
            Just((code("0304"), TaskBody::HandleList(HandleList))),
            Just((code("0905"), TaskBody::PollInfo(PollInfo))),
            Just((
                code("400115"),
                TaskBody::CertificateJobList(CertificateJobList)
            )),
            Just((
                code("400135"),
                TaskBody::CertificateJobHistoryList(CertificateJobHistoryList)
            )),
        ],
        poll_confirm().prop_map(|m| (code("0906"), TaskBody::PollConfirm(m))),
        certificate_job_info().prop_map(|r| (code("400114"), TaskBody::CertificateJobInfo(r))),
        prop_oneof![
            zone().prop_map(|z| (code("0201"), TaskBody::ZoneCreate(ZoneCreate(z)))),
            zone_stream().prop_map(|s| (code("0202001"), TaskBody::ZoneStream(s))),
            zone_ref().prop_map(|r| (code("0205"), TaskBody::ZoneInfo(ZoneInfo(r)))),
            Just((code("0205"), TaskBody::ZoneList(ZoneList))),
        ],
        unmodelled_code().prop_map(|c| (c, TaskBody::None)),
    ]
    .boxed()
}

/// Whether `TaskBody::read` takes an element called `name` as the body of task `code`.
pub fn is_body_of(code: &str, name: &str) -> bool {
    autodns_xml::registry::task_info(code, Some(name)).is_some()
}

/// The unknown children of a task with `code`: besides `x_` names, the names of other tasks'
/// bodies, which this task keeps as unknown (in order).
pub fn task_unknown(code: TaskCode) -> BoxedStrategy<Vec<RawElement>> {
    let mut names: Vec<String> = autodns_xml::registry::TASKS
        .iter()
        .filter_map(|t| t.element)
        .filter(|n| !is_body_of(code.as_str(), n))
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    let name = if names.is_empty() {
        unknown_name()
    } else {
        prop_oneof![2 => unknown_name(), 1 => select(names)].boxed()
    };
    prop_oneof![
        1 => Just(Vec::new()),
        2 => vec(raw_element(name), 1..4),
    ]
    .boxed()
}

pub fn request_task() -> BoxedStrategy<RequestTask> {
    code_and_body()
        .prop_flat_map(|(code, body)| {
            (
                Just(code.clone()),
                Just(body),
                (ostr(), ostr(), option::of(view())),
                (vec(text(), 0..3), option::of(filter()), vec(order(), 0..3)),
                task_unknown(code),
            )
        })
        .prop_map(
            |(code, body, (ctid, reply_to, view), (key, r#where, order), unknown)| RequestTask {
                code,
                body,
                ctid,
                reply_to,
                view,
                key,
                r#where,
                order,
                unknown,
                quirks: Vec::new(),
            },
        )
        .boxed()
}

pub fn request() -> BoxedStrategy<Request> {
    (
        auth(),
        option::of(user()),
        ostr(),
        vec(request_task(), 1..=3),
        unknown(),
    )
        .prop_map(|(auth, owner, language, tasks, unknown)| {
            let mut request = Request::new(auth);
            request.owner = owner;
            request.language = language;
            request.tasks = tasks;
            request.unknown = unknown;
            request
        })
        .boxed()
}

pub fn empty_data() -> BoxedStrategy<EmptyData> {
    unknown().prop_map(|unknown| EmptyData { unknown }).boxed()
}

pub fn domain_create_data() -> BoxedStrategy<DomainCreateData> {
    let domain_job =
        (option::of(job()), unknown()).prop_map(|(job, unknown)| DomainJob { job, unknown });
    (option::of(domain_job), unknown())
        .prop_map(|(domain_job, unknown)| DomainCreateData {
            domain_job,
            unknown,
        })
        .boxed()
}

pub fn domain_info_data() -> BoxedStrategy<DomainInfoData> {
    (oid(), vec(domain(), 0..3), unknown())
        .prop_map(|(summary, domain, unknown)| DomainInfoData {
            summary,
            domain,
            unknown,
        })
        .boxed()
}

pub fn transfer() -> BoxedStrategy<Transfer> {
    (
        (ostr(), ostr(), ostr(), ostr(), odate(), odate(), odate()),
        (
            odate(),
            odate(),
            ostr(),
            option::of(user()),
            option::of(user()),
        ),
        (odate(), odate(), unknown()),
    )
        .prop_map(
            |(
                (domain, status, gaining_registrar, loosing_registrar, start, reminder, autoack),
                (autonack, end, nack_reason, owner, updater),
                (created, updated, unknown),
            )| Transfer {
                domain,
                status,
                gaining_registrar,
                loosing_registrar,
                start,
                reminder,
                autoack,
                autonack,
                end,
                nack_reason,
                owner,
                updater,
                created,
                updated,
                unknown,
            },
        )
        .boxed()
}

pub fn job_notification() -> BoxedStrategy<JobNotification> {
    (
        (
            option::of(transfer()),
            option::of(domain()),
            option::of(handle()),
            option::of(certificate()),
        ),
        (
            oid(),
            option::of(job()),
            option::of(status(
                prop_oneof![modelled_code(), unmodelled_code()].boxed(),
            )),
            ostr(),
            ostr(),
            unknown(),
        ),
    )
        .prop_map(
            |(
                (transfer, domain, handle, certificate),
                (job_id, job, status, stid, ctid, unknown),
            )| {
                JobNotification {
                    transfer,
                    domain,
                    handle,
                    certificate,
                    job_id,
                    job,
                    status,
                    stid,
                    ctid,
                    unknown,
                }
            },
        )
        .boxed()
}

pub fn event_notification() -> BoxedStrategy<EventNotification> {
    (
        (
            ostr(),
            odate(),
            option::of(domain()),
            option::of(transfer()),
        ),
        (
            open_enum::<EventType>(),
            option::of(status(unmodelled_code())),
            ostr(),
            unknown(),
        ),
    )
        .prop_map(
            |((reason, deactivation, domain, transfer), (kind, status, stid, unknown))| {
                EventNotification {
                    reason,
                    deactivation,
                    domain,
                    transfer,
                    kind,
                    status,
                    stid,
                    unknown,
                }
            },
        )
        .boxed()
}

/// Every payload kind; an unknown one is an element no message field is called.
pub fn payload() -> BoxedStrategy<Payload> {
    prop_oneof![
        job_notification().prop_map(Payload::Job),
        event_notification().prop_map(Payload::Notify),
        raw_named("tmchnotify").prop_map(Payload::TmchNotify),
        raw_element(unknown_name()).prop_map(Payload::Other),
    ]
    .boxed()
}

pub fn message() -> BoxedStrategy<Message> {
    (id(), option::of(user()), payload(), odate(), unknown())
        .prop_map(|(id, owner, payload, created, unknown)| Message {
            id,
            owner,
            payload,
            created,
            unknown,
        })
        .boxed()
}

pub fn poll_info_data() -> BoxedStrategy<PollInfoData> {
    (oid(), option::of(message()), unknown())
        .prop_map(|(summary, message, unknown)| PollInfoData {
            summary,
            message,
            unknown,
        })
        .boxed()
}

pub fn poll_confirm_data() -> BoxedStrategy<PollConfirmData> {
    (oid(), option::of(poll_confirm()), unknown())
        .prop_map(|(summary, message, unknown)| PollConfirmData {
            summary,
            message,
            unknown,
        })
        .boxed()
}

pub fn certificate_contact() -> BoxedStrategy<CertificateContact> {
    (
        (ostr(), ostr(), ostr(), ostr(), ostr(), ostr(), ostr()),
        (
            vec(text(), 0..3),
            ostr(),
            ostr(),
            ostr(),
            ostr(),
            oid(),
            unknown(),
        ),
    )
        .prop_map(
            |(
                (first, last, phone, fax, email, title, organization),
                (address, postal_code, city, country, state, id, unknown),
            )| CertificateContact {
                first,
                last,
                phone,
                fax,
                email,
                title,
                organization,
                address,
                postal_code,
                city,
                country,
                state,
                id,
                unknown,
            },
        )
        .boxed()
}

pub fn authentication() -> BoxedStrategy<Authentication> {
    (
        option::of(open_enum::<AuthenticationMethod>()),
        vec(text(), 0..3),
        unknown(),
    )
        .prop_map(|(method, approver_email, unknown)| Authentication {
            method,
            approver_email,
            unknown,
        })
        .boxed()
}

/// A CSR, written as CDATA: mostly text without CR (the CDATA path) with `]]>` made likely,
/// sometimes text with CR (written escaped instead, since a parser turns a raw CR into LF).
pub fn csr() -> BoxedStrategy<String> {
    let piece = select(&["]]>", "]]]]>", "]]", "]", "<![CDATA[", "\n", " ", "\t"][..]);
    prop_oneof![
        3 => (text(), piece.clone(), text(), piece.clone(), text())
            .prop_map(|(a, b, c, d, e)| format!("{a}{b}{c}{d}{e}").replace('\r', "")),
        1 => (text(), piece, text()).prop_map(|(a, b, c)| format!(
            "-----BEGIN CERTIFICATE REQUEST-----\r\n{a}{b}\r{c}\n-----END CERTIFICATE REQUEST-----"
        )),
        1 => text(),
    ]
    .boxed()
}

pub fn certificate() -> BoxedStrategy<Certificate> {
    (
        (
            ostr(),
            ostr(),
            option::of(certificate_contact()),
            option::of(certificate_contact()),
            ostr(),
            ostr(),
        ),
        (
            ou32(),
            option::of(open_enum::<Software>()),
            option::weighted(0.8, csr()),
            option::of(open_enum::<Product>()),
            option::of(open_enum::<SignatureHash>()),
            odate(),
        ),
        (
            option::of(raw_named("extension")),
            option::of(authentication()),
            option::of(open_enum::<TransparencyPrivacy>()),
            odate(),
            odate(),
            unknown(),
        ),
    )
        .prop_map(
            |(
                (partner_order_id, order_id, admin, technical, name, approver_email),
                (lifetime, software, csr, product, sha, expire),
                (
                    extension,
                    authentication,
                    certificate_transparency_privacy,
                    created,
                    updated,
                    unknown,
                ),
            )| Certificate {
                partner_order_id,
                order_id,
                admin,
                technical,
                name,
                approver_email,
                lifetime,
                software,
                csr,
                product,
                sha,
                expire,
                extension,
                authentication,
                certificate_transparency_privacy,
                created,
                updated,
                unknown,
            },
        )
        .boxed()
}

pub fn certificate_job() -> BoxedStrategy<CertificateJob> {
    (
        option::weighted(0.8, certificate()),
        option::of(job()),
        unknown(),
    )
        .prop_map(|(certificate, job, unknown)| CertificateJob {
            certificate: certificate.map(Box::new),
            job,
            unknown,
        })
        .boxed()
}

pub fn certificate_job_info_data() -> BoxedStrategy<CertificateJobInfoData> {
    (option::weighted(0.9, certificate_job()), unknown())
        .prop_map(|(certificate_job, unknown)| CertificateJobInfoData {
            certificate_job,
            unknown,
        })
        .boxed()
}

pub fn certificate_job_list_data() -> BoxedStrategy<CertificateJobListData> {
    (oid(), vec(certificate_job(), 0..3), unknown())
        .prop_map(
            |(summary, certificate_job, unknown)| CertificateJobListData {
                summary,
                certificate_job,
                unknown,
            },
        )
        .boxed()
}

/// Msgs and how many of them (the last ones) come after the status.
pub fn msgs() -> BoxedStrategy<(Vec<Msg>, usize)> {
    vec(msg(), 0..4)
        .prop_flat_map(|msgs| {
            let n = msgs.len();
            (Just(msgs), 0..=n)
        })
        .boxed()
}

pub fn task_result<D: Clone + Debug + 'static>(
    data: BoxedStrategy<D>,
    task: BoxedStrategy<TaskCode>,
) -> BoxedStrategy<TaskResult<D>> {
    (option::weighted(0.8, data), msgs(), status(task), unknown())
        .prop_map(
            |(data, (msgs, msgs_after_status), status, unknown)| TaskResult {
                data,
                msgs,
                status,
                msgs_after_status,
                unknown,
            },
        )
        .boxed()
}

/// A response with 1 to 3 results whose status codes answer one of `task`.
pub fn response<D: Clone + Debug + 'static>(
    data: BoxedStrategy<D>,
    task: BoxedStrategy<TaskCode>,
) -> BoxedStrategy<Response<D>> {
    (
        vec(task_result(data, task), 1..=3),
        ostr(),
        ostr(),
        unknown(),
    )
        .prop_map(|(results, stid, ctid, unknown)| {
            let mut response = Response::new(results[0].clone());
            response.results = results;
            response.stid = stid;
            response.ctid = ctid;
            response.unknown = unknown;
            response
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// Zones.
// ---------------------------------------------------------------------------------------------

pub fn resource_record() -> BoxedStrategy<ResourceRecord> {
    (
        text(),
        oid(),
        open_enum::<RecordType>(),
        ou32(),
        text(),
        unknown(),
    )
        .prop_map(|(name, ttl, kind, pref, value, unknown)| ResourceRecord {
            name,
            ttl,
            kind,
            pref,
            value,
            unknown,
        })
        .boxed()
}

pub fn soa() -> BoxedStrategy<Soa> {
    (
        (ou32(), oid(), oid(), oid(), oid()),
        (obool(), ostr(), oid(), unknown()),
    )
        .prop_map(
            |((level, ttl, refresh, retry, expire), (ignore, email, default_ttl, unknown))| Soa {
                level,
                ttl,
                refresh,
                retry,
                expire,
                ignore,
                email,
                default_ttl,
                unknown,
            },
        )
        .boxed()
}

pub fn main_ip() -> BoxedStrategy<MainIp> {
    (text(), oid(), unknown())
        .prop_map(|(value, ttl, unknown)| MainIp {
            value,
            ttl,
            unknown,
        })
        .boxed()
}

pub fn zone() -> BoxedStrategy<Zone> {
    (
        (
            text(),
            ostr(),
            ostr(),
            option::of(open_enum::<NsAction>()),
            ostr(),
            ostr(),
            obool(),
            obool(),
        ),
        (
            ostr(),
            option::of(soa()),
            vec(name_server(), 0..3),
            option::of(main_ip()),
            vec(resource_record(), 0..4),
            vec(text(), 0..2),
            obool(),
            obool(),
        ),
        (
            ostr(),
            ostr(),
            ostr(),
            ostr(),
            ostr(),
            ostr(),
            ostr(),
            ostr(),
        ),
        (
            ostr(),
            ostr(),
            ostr(),
            option::of(open_enum::<PurgeType>()),
            odate(),
            option::of(user()),
            option::of(user()),
            option::of(user()),
        ),
        (odate(), odate(), odate(), unknown()),
    )
        .prop_map(
            |(
                (name, idn, system_ns, ns_action, ns_group, nscheck, www_include, allow_transfer),
                (allow_transfer_from, soa, nserver, main, rr, free, dnssec, domainsafe),
                (comment, source, mainip, primary, secondary1, secondary2, secondary3, secondary4),
                (
                    secondary5,
                    secondary6,
                    secondary7,
                    purge_type,
                    purge_date,
                    owner,
                    updater,
                    updated_by,
                ),
                (created, changed, updated, unknown),
            )| Zone {
                name,
                idn,
                system_ns,
                ns_action,
                ns_group,
                nscheck,
                www_include,
                allow_transfer,
                allow_transfer_from,
                soa,
                nserver,
                main,
                rr,
                free,
                dnssec,
                domainsafe,
                comment,
                source,
                mainip,
                primary,
                secondary1,
                secondary2,
                secondary3,
                secondary4,
                secondary5,
                secondary6,
                secondary7,
                purge_type,
                purge_date,
                owner,
                updater,
                updated_by,
                created,
                changed,
                updated,
                unknown,
            },
        )
        .boxed()
}

pub fn zone_ref() -> BoxedStrategy<ZoneRef> {
    (text(), ostr(), unknown())
        .prop_map(|(name, system_ns, unknown)| ZoneRef {
            name,
            system_ns,
            unknown,
        })
        .boxed()
}

pub fn search_and_replace() -> BoxedStrategy<SearchAndReplace> {
    (
        text(),
        text(),
        option::of(open_enum::<RecordType>()),
        unknown(),
    )
        .prop_map(|(search, replace, kind, unknown)| SearchAndReplace {
            search,
            replace,
            kind,
            unknown,
        })
        .boxed()
}

pub fn zone_default() -> BoxedStrategy<ZoneDefault> {
    (
        vec(resource_record(), 0..3),
        vec(resource_record(), 0..3),
        option::of(main_ip()),
        option::of(soa()),
        vec(name_server(), 0..2),
        vec(search_and_replace(), 0..2),
        unknown(),
    )
        .prop_map(
            |(rr_add, rr_rem, main, soa, nserver, search_and_replace, unknown)| ZoneDefault {
                rr_add,
                rr_rem,
                main,
                soa,
                nserver,
                search_and_replace,
                unknown,
            },
        )
        .boxed()
}

pub fn zone_stream() -> BoxedStrategy<ZoneStream> {
    (zone_ref(), option::of(zone_default()))
        .prop_map(|(zone, default)| ZoneStream { zone, default })
        .boxed()
}

pub fn zone_data() -> BoxedStrategy<ZoneData> {
    (oid(), vec(zone(), 0..3), unknown())
        .prop_map(|(summary, zone, unknown)| ZoneData {
            summary,
            zone,
            unknown,
        })
        .boxed()
}
