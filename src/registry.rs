//! The one table of the tasks this crate models, and every dispatch generated from it.
//!
//! Each task is declared once, beside its model, with `task!` (its code, its
//! body and its data type), and listed once here. From this table come the request body by
//! code ([`AnyTask`]: decode, encode, JSON), the response data by code ([`AnyData`]: decode,
//! encode, JSON, the CLI's summary), the fuzz and property-test generators and the list of
//! modelled tasks ([`TASKS`]) the tests and the schemas use. Every match is exhaustive and
//! no task code or element name is written here: they come from the declarations.
//!
//! # Adding a task
//!
//! 1. Its file under its object's folder (`src/zone/info.rs`, say): the body model (an
//!    `xml_struct!`) and one `task!` line; the data model if it is new, with its
//!    `Describe` facts.
//! 2. One line below. Tasks sharing a code (an info and its list form) share a line,
//!    joined by `|`; the first names the [`AnyData`] variant.
//! 3. A request and a response fixture in `testdata/` named after the code, cited in
//!    `testdata/README.md` (a test fails for a task without them).
//! 4. The XSD parts of its body and data in `schemas/`.
//!
//! A list form names its entries' element and type in its `task!` line
//! (`entries "domain" of Domain`), which makes the type a
//! [`ListEntry`](crate::stream::ListEntry); it also takes a variant of
//! [`AnyEntry`](crate::stream::AnyEntry) (the exhaustive match there, and a test over every
//! registered list, say where). A body that spans two
//! children of `<task>` (0202001's `zone` and its sibling `default`, in either order)
//! implements `task::Body` by hand, naming the sibling in `PARTS` and reading it in
//! `read_part` (`src/zone/stream.rs`): the registry reads the sibling into the body once the
//! body is known.
//!
//! Mistakes are caught at compile time: two lines with one code, two tasks of one line with
//! different codes, different data types or one body element.

use crate::cancelation::{
    CancelationCreate, CancelationDelete, CancelationInfo, CancelationList, CancelationUpdate,
};
use crate::certificate::{
    CertificateJobCancel, CertificateJobHistoryInfo, CertificateJobHistoryList, CertificateJobInfo,
    CertificateJobList, ResendApproverEmail,
};
use crate::contact::{ContactCreate, HandleDelete, HandleInfo, HandleList, HandleUpdate};
use crate::domain::{
    AuthInfo1Create, AuthInfo1Delete, AuthInfo2Create, AuthInfoSend, DomainCreate, DomainInfo,
    DomainList, DomainOwnerchange, DomainRenew, DomainRestore, DomainTransfer, DomainUpdate,
    TransferOutList,
};
use crate::poll::{PollConfirm, PollInfo};
use crate::zone::{ZoneCreate, ZoneDelete, ZoneImport, ZoneInfo, ZoneList, ZoneStream, ZoneUpdate};

/// A modelled task, as the registry lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct TaskInfo {
    /// The model's name (`DomainInfo`): its [`AnyTask`] variant.
    pub name: &'static str,
    /// The task code.
    pub code: &'static str,
    /// The body element after `code`; `None` for a task without one (a list form).
    pub element: Option<&'static str>,
    /// For a list form: its entries' element under `<data>`.
    pub entries: Option<&'static str>,
    /// Children of `<task>` besides the body element that belong to the body (0202001's
    /// `default`); empty for most tasks.
    pub parts: &'static [&'static str],
}

/// The modelled task of `code` whose body element is `element` (`None`: no body element).
pub fn task_info(code: &str, element: Option<&str>) -> Option<&'static TaskInfo> {
    TASKS
        .iter()
        .find(|t| t.code == code && t.element == element)
}

/// The element of the entries of task `code`'s list form (`domain` for 0105), if it has one.
pub fn list_entries(code: &str) -> Option<&'static str> {
    TASKS
        .iter()
        .find(|t| t.code == code && t.entries.is_some())
        .and_then(|t| t.entries)
}

/// Whether task `code` is modelled.
pub fn is_modelled(code: &str) -> bool {
    TASKS.iter().any(|t| t.code == code)
}

/// Whether some modelled task reads a body element called `name`.
pub(crate) fn is_body_element(name: &str) -> bool {
    TASKS.iter().any(|t| t.element == Some(name))
}

/// The part called `name` that some modelled task's body owns besides its element
/// (0202001's `default`), if there is one.
pub(crate) fn body_part(name: &str) -> Option<&'static str> {
    TASKS
        .iter()
        .flat_map(|t| t.parts.iter().copied())
        .find(|p| *p == name)
}

/// Whether a body of task `code` owns the part `part`.
pub(crate) fn is_part_of(code: &str, part: &str) -> bool {
    TASKS
        .iter()
        .any(|t| t.code == code && t.parts.contains(&part))
}

/// The body element modelled task `code` cannot do without: `None` if the code is not
/// modelled or one of its forms has no body element.
pub(crate) fn required_element(code: &str) -> Option<&'static str> {
    let mut forms = TASKS.iter().filter(|t| t.code == code);
    let first = forms.next()?;
    if forms.any(|t| t.element.is_none()) {
        return None;
    }
    first.element
}

/// Whether `a` and `b` are equal (`==` in a `const` context).
const fn str_eq(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a, b) {
            ([], []) => return true,
            ([x, ra @ ..], [y, rb @ ..]) if *x == *y => (a, b) = (ra, rb),
            _ => return false,
        }
    }
}

/// Whether `a` equals `b` (`None` equals `None`).
const fn same(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => str_eq(a, b),
        _ => false,
    }
}

/// Whether no two of `items` are equal (`None` equals `None`).
const fn all_distinct(mut items: &[Option<&str>]) -> bool {
    while let [first, rest @ ..] = items {
        let mut others = rest;
        while let [other, more @ ..] = others {
            if same(*first, *other) {
                return false;
            }
            others = more;
        }
        items = rest;
    }
    true
}

/// The old name of [`AnyTask`] (as [`AnyData`] is any task's data, `AnyTask` is any task's
/// body): still accepted, to be removed in a later release.
#[deprecated(note = "renamed `AnyTask`, after `AnyData`")]
pub type TaskBody = AnyTask;

/// Writes the table's types and dispatch: see the module documentation.
macro_rules! registry {
    ($( $name:ident($ty:ty) $(| $form:ident($fty:ty))* ),* $(,)?) => {
        // Compile-time checks of the table.
        const _: () = assert!(
            all_distinct(&[$( Some(<$ty as $crate::task::Task>::CODE) ),*]),
            "two registry lines share a task code: join them with `|`"
        );
        $(
            const _: () = assert!(
                all_distinct(&[
                    <$ty as $crate::task::Body>::ELEMENT
                    $(, <$fty as $crate::task::Body>::ELEMENT)*
                ]),
                "two forms of one task code read the same body element"
            );
            $(
                const _: () = assert!(
                    str_eq(<$ty as $crate::task::Task>::CODE, <$fty as $crate::task::Task>::CODE),
                    "tasks joined by `|` must share their code"
                );
                // Joined tasks share their data type (this coercion compiles only then).
                const _: fn(<$fty as $crate::task::Task>::Data) -> <$ty as $crate::task::Task>::Data =
                    |d| d;
            )*
        )*

        /// Every modelled task: name, code and body element, in the registry's order.
        pub const TASKS: &[TaskInfo] = &[
            $(
                TaskInfo {
                    name: stringify!($name),
                    code: <$ty as $crate::task::Task>::CODE,
                    element: <$ty as $crate::task::Body>::ELEMENT,
                    entries: <$ty as $crate::task::Body>::ENTRIES,
                    parts: <$ty as $crate::task::Body>::PARTS,
                },
                $(
                    TaskInfo {
                        name: stringify!($form),
                        code: <$fty as $crate::task::Task>::CODE,
                        element: <$fty as $crate::task::Body>::ELEMENT,
                        entries: <$fty as $crate::task::Body>::ENTRIES,
                        parts: <$fty as $crate::task::Body>::PARTS,
                    },
                )*
            )*
        ];

        /// The body of a task: the modelled task it is (the element after `code`, if it
        /// has one), or [`None`](Self::None) for a task this crate does not model (its
        /// children are in [`RequestTask::unknown`](crate::RequestTask::unknown)).
        ///
        /// Every modelled task is a variant, also those without a body element (0905, the
        /// list forms): which one a decoded task is follows from its code and its body
        /// element, as [`TASKS`] lists them.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        #[allow(
            clippy::large_enum_variant,
            reason = "one value per task, never stored in bulk: boxing would only add an indirection"
        )]
        pub enum AnyTask {
            /// A task this crate does not model.
            None,
            $(
                #[doc = concat!("[`", stringify!($ty), "`].")]
                $name($ty),
                $(
                    #[doc = concat!("[`", stringify!($fty), "`].")]
                    $form($fty),
                )*
            )*
        }

        $(
            impl From<$ty> for AnyTask {
                fn from(task: $ty) -> Self {
                    AnyTask::$name(task)
                }
            }
            impl From<$ty> for $crate::RequestTask {
                fn from(task: $ty) -> Self {
                    $crate::RequestTask::new(
                        $crate::TaskCode::known(<$ty as $crate::task::Task>::CODE),
                        AnyTask::$name(task),
                    )
                }
            }
            $(
                impl From<$fty> for AnyTask {
                    fn from(task: $fty) -> Self {
                        AnyTask::$form(task)
                    }
                }
                impl From<$fty> for $crate::RequestTask {
                    fn from(task: $fty) -> Self {
                        $crate::RequestTask::new(
                            $crate::TaskCode::known(<$fty as $crate::task::Task>::CODE),
                            AnyTask::$form(task),
                        )
                    }
                }
            )*
        )*

        impl AnyTask {
            /// The modelled task's code; `None` for [`AnyTask::None`].
            pub fn code(&self) -> Option<&'static str> {
                match self {
                    AnyTask::None => None,
                    $(
                        AnyTask::$name(_) => Some(<$ty as $crate::task::Task>::CODE),
                        $( AnyTask::$form(_) => Some(<$fty as $crate::task::Task>::CODE), )*
                    )*
                }
            }

            /// The body element's name, if the task has one.
            pub fn element(&self) -> Option<&'static str> {
                match self {
                    AnyTask::None => None,
                    $(
                        AnyTask::$name(_) => <$ty as $crate::task::Body>::ELEMENT,
                        $( AnyTask::$form(_) => <$fty as $crate::task::Body>::ELEMENT, )*
                    )*
                }
            }

            /// Whether this body belongs to task `code`: a modelled task's body to its own
            /// code, [`AnyTask::None`] to a code this crate does not model.
            pub fn fits(&self, code: &str) -> bool {
                match self.code() {
                    Some(own) => own == code,
                    None => !is_modelled(code),
                }
            }

            /// Reads body element `el` of task `code`; `Ok(None)` if no modelled task of
            /// that code has such a body.
            pub(crate) fn read(
                code: &str,
                el: $crate::codec::ElementReader<'_, '_>,
            ) -> Result<Option<Self>, $crate::DecodeError> {
                let name = el.name();
                $(
                    if code == <$ty as $crate::task::Task>::CODE
                        && <$ty as $crate::task::Body>::ELEMENT == Some(name)
                    {
                        return <$ty as $crate::task::Body>::read_body(el)
                            .map(|b| Some(AnyTask::$name(b)));
                    }
                    $(
                        if code == <$fty as $crate::task::Task>::CODE
                            && <$fty as $crate::task::Body>::ELEMENT == Some(name)
                        {
                            return <$fty as $crate::task::Body>::read_body(el)
                                .map(|b| Some(AnyTask::$form(b)));
                        }
                    )*
                )*
                Ok(None)
            }

            /// Reads `el`, a child of `<task>` beside the body element, into the body if it
            /// is one of the body's parts (0202001's `default`): `Ok(false)`, with `el`
            /// unread, if it is not.
            pub(crate) fn read_part(
                &mut self,
                el: $crate::codec::ElementReader<'_, '_>,
            ) -> Result<bool, $crate::DecodeError> {
                let name = el.name();
                match self {
                    AnyTask::None => Ok(false),
                    $(
                        AnyTask::$name(b) => {
                            if <$ty as $crate::task::Body>::PARTS.contains(&name) {
                                $crate::task::Body::read_part(b, el).map(|()| true)
                            } else {
                                Ok(false)
                            }
                        }
                        $(
                            AnyTask::$form(b) => {
                                if <$fty as $crate::task::Body>::PARTS.contains(&name) {
                                    $crate::task::Body::read_part(b, el).map(|()| true)
                                } else {
                                    Ok(false)
                                }
                            }
                        )*
                    )*
                }
            }

            /// The body of a task `code` that has no body element: the modelled form
            /// without one, or [`AnyTask::None`] for a code this crate does not model;
            /// `Err` with the element a modelled task cannot do without.
            pub(crate) fn bodiless(code: &str) -> Result<Self, &'static str> {
                $(
                    if code == <$ty as $crate::task::Task>::CODE {
                        if let Some(b) = <$ty as $crate::task::Body>::bodiless() {
                            return Ok(AnyTask::$name(b));
                        }
                    }
                    $(
                        if code == <$fty as $crate::task::Task>::CODE {
                            if let Some(b) = <$fty as $crate::task::Body>::bodiless() {
                                return Ok(AnyTask::$form(b));
                            }
                        }
                    )*
                )*
                match required_element(code) {
                    Some(element) => Err(element),
                    None => Ok(AnyTask::None),
                }
            }

            /// Writes the body element (nothing for a task without one).
            pub(crate) fn write(
                &self,
                w: &mut $crate::codec::XmlWriter<'_>,
            ) -> Result<(), $crate::EncodeError> {
                match self {
                    AnyTask::None => Ok(()),
                    $(
                        AnyTask::$name(b) => $crate::task::Body::write_body(b, w),
                        $( AnyTask::$form(b) => $crate::task::Body::write_body(b, w), )*
                    )*
                }
            }

            /// Serializes the body as one map entry under its element's name (nothing for
            /// a task without one).
            pub(crate) fn serialize_entry<M: serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> Result<(), M::Error> {
                match self {
                    AnyTask::None => Ok(()),
                    $(
                        AnyTask::$name(b) => match <$ty as $crate::task::Body>::ELEMENT {
                            Some(key) => map.serialize_entry(key, b),
                            None => Ok(()),
                        },
                        $(
                            AnyTask::$form(b) => match <$fty as $crate::task::Body>::ELEMENT {
                                Some(key) => map.serialize_entry(key, b),
                                None => Ok(()),
                            },
                        )*
                    )*
                }
            }

            /// Deserializes `d` as the body element `key` of task `code`; `Ok(None)` if no
            /// modelled task of that code has such a body (`d` is then not read).
            pub(crate) fn deserialize_as<'de, D: serde::Deserializer<'de>>(
                code: &str,
                key: &str,
                d: D,
            ) -> Result<Option<Self>, D::Error> {
                use serde::Deserialize;
                $(
                    if code == <$ty as $crate::task::Task>::CODE
                        && <$ty as $crate::task::Body>::ELEMENT == Some(key)
                    {
                        return <$ty>::deserialize(d).map(|b| Some(AnyTask::$name(b)));
                    }
                    $(
                        if code == <$fty as $crate::task::Task>::CODE
                            && <$fty as $crate::task::Body>::ELEMENT == Some(key)
                        {
                            return <$fty>::deserialize(d).map(|b| Some(AnyTask::$form(b)));
                        }
                    )*
                )*
                let _ = d;
                Ok(None)
            }
        }

        /// The data of any response, typed by the task code in its status: one variant per
        /// modelled task code (named after its first task), [`Raw`](Self::Raw) for the
        /// others (kept as it came, re-encoded unchanged).
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        #[allow(
            clippy::large_enum_variant,
            reason = "one value per result, never stored in bulk: boxing would only add an indirection"
        )]
        pub enum AnyData {
            $(
                #[doc = concat!("The data of [`", stringify!($ty), "`]",
                    $(" and [`", stringify!($fty), "`]",)* ".")]
                $name(<$ty as $crate::task::Task>::Data),
            )*
            /// Any other task: the `data` element as it came.
            Raw($crate::RawElement),
        }

        impl AnyData {
            /// Reads `el` (a `data` element) as the data of task `code`.
            pub fn read(
                code: &str,
                el: $crate::codec::ElementReader<'_, '_>,
            ) -> Result<Self, $crate::DecodeError> {
                use $crate::codec::FromXml;
                $(
                    if code == <$ty as $crate::task::Task>::CODE {
                        return FromXml::from_xml(el).map(AnyData::$name);
                    }
                )*
                $crate::RawElement::from_xml(el).map(AnyData::Raw)
            }

            /// Deserializes data of task `code` from any serde format (the inverse of its
            /// `Serialize`, which writes the inner value).
            pub fn deserialize_for<'de, D: serde::Deserializer<'de>>(
                code: &str,
                d: D,
            ) -> Result<Self, D::Error> {
                use serde::Deserialize;
                $(
                    if code == <$ty as $crate::task::Task>::CODE {
                        return Deserialize::deserialize(d).map(AnyData::$name);
                    }
                )*
                $crate::RawElement::deserialize(d).map(AnyData::Raw)
            }

            /// What the data holds, in brief (what the CLI's `check` prints).
            pub fn facts(&self) -> Vec<$crate::describe::Fact<'_>> {
                use $crate::describe::Describe;
                match self {
                    $( AnyData::$name(d) => d.facts(), )*
                    AnyData::Raw(d) => d.facts(),
                }
            }
        }

        impl $crate::codec::ToXml for AnyData {
            fn to_xml(
                &self,
                name: &str,
                w: &mut $crate::codec::XmlWriter<'_>,
            ) -> Result<(), $crate::EncodeError> {
                match self {
                    $( AnyData::$name(d) => d.to_xml(name, w), )*
                    AnyData::Raw(d) => w.raw_element(name, d),
                }
            }
        }

        #[cfg(feature = "arbitrary")]
        impl AnyTask {
            /// A body of task `code`: one of its modelled forms, or [`AnyTask::None`] for a
            /// code this crate does not model.
            pub(crate) fn generate_for(
                code: &str,
                u: &mut ::arbitrary::Unstructured<'_>,
            ) -> ::arbitrary::Result<Self> {
                use $crate::codec::fuzz::Gen;
                let forms = TASKS.iter().filter(|t| t.code == code).count();
                let mut pick = if forms > 1 { u.choose_index(forms)? } else { 0 };
                $(
                    if code == <$ty as $crate::task::Task>::CODE {
                        if pick == 0 {
                            return Gen::generate(u).map(AnyTask::$name);
                        }
                        pick -= 1;
                    }
                    $(
                        if code == <$fty as $crate::task::Task>::CODE {
                            if pick == 0 {
                                return Gen::generate(u).map(AnyTask::$form);
                            }
                            pick -= 1;
                        }
                    )*
                )*
                let _ = pick;
                Ok(AnyTask::None)
            }

            /// A body of the modelled task `task` (one of [`TASKS`]), drawn from `u` as the
            /// structured fuzz target draws bodies (feature `arbitrary`): refused by the
            /// encoder or decoded back equal. [`AnyTask::None`] for a `task` not in the table.
            /// The property tests draw each registered task's bodies with it.
            pub fn arbitrary_of(
                task: &TaskInfo,
                u: &mut ::arbitrary::Unstructured<'_>,
            ) -> ::arbitrary::Result<Self> {
                use $crate::codec::fuzz::Gen;
                $(
                    if task.name == stringify!($name) {
                        return Gen::generate(u).map(AnyTask::$name);
                    }
                    $(
                        if task.name == stringify!($form) {
                            return Gen::generate(u).map(AnyTask::$form);
                        }
                    )*
                )*
                Ok(AnyTask::None)
            }
        }

        #[cfg(feature = "arbitrary")]
        impl AnyData {
            /// Data of task `code` as [`Document`](crate::Document) types it.
            pub(crate) fn generate_for(
                code: &str,
                u: &mut ::arbitrary::Unstructured<'_>,
            ) -> ::arbitrary::Result<Self> {
                use $crate::codec::fuzz::Gen;
                $(
                    if code == <$ty as $crate::task::Task>::CODE {
                        return Gen::generate(u).map(AnyData::$name);
                    }
                )*
                // `AnyData::Raw` is the whole `data` element: it takes the name.
                Gen::generate_named(u, "data").map(AnyData::Raw)
            }

            /// Data of task `code`, typed as [`Document`](crate::Document) types it by the
            /// status code (a [`Raw`](Self::Raw) `data` element for a code this crate does
            /// not model), drawn from `u` as the structured fuzz target draws it (feature
            /// `arbitrary`).
            pub fn arbitrary_for(
                code: &str,
                u: &mut ::arbitrary::Unstructured<'_>,
            ) -> ::arbitrary::Result<Self> {
                Self::generate_for(code, u)
            }
        }
    };
}
// The table: one line per task code (see the module documentation).
registry! {
    ContactCreate(ContactCreate),
    HandleUpdate(HandleUpdate),
    HandleDelete(HandleDelete),
    HandleInfo(HandleInfo) | HandleList(HandleList),
    DomainCreate(DomainCreate),
    DomainUpdate(DomainUpdate),
    DomainTransfer(DomainTransfer),
    DomainOwnerchange(DomainOwnerchange),
    DomainRenew(DomainRenew),
    DomainRestore(DomainRestore),
    DomainInfo(DomainInfo) | DomainList(DomainList),
    TransferOutList(TransferOutList),
    AuthInfo1Create(AuthInfo1Create),
    AuthInfo1Delete(AuthInfo1Delete),
    AuthInfo2Create(AuthInfo2Create),
    AuthInfoSend(AuthInfoSend),
    CancelationCreate(CancelationCreate),
    CancelationUpdate(CancelationUpdate),
    CancelationDelete(CancelationDelete),
    CancelationInfo(CancelationInfo) | CancelationList(CancelationList),
    PollInfo(PollInfo),
    PollConfirm(PollConfirm),
    CertificateJobCancel(CertificateJobCancel),
    CertificateJobInfo(CertificateJobInfo),
    CertificateJobList(CertificateJobList),
    ResendApproverEmail(ResendApproverEmail),
    CertificateJobHistoryInfo(CertificateJobHistoryInfo),
    CertificateJobHistoryList(CertificateJobHistoryList),
    ZoneCreate(ZoneCreate),
    ZoneUpdate(ZoneUpdate),
    ZoneStream(ZoneStream),
    ZoneDelete(ZoneDelete),
    ZoneImport(ZoneImport),
    ZoneInfo(ZoneInfo) | ZoneList(ZoneList),
}

/// The generators whose values the table decides (see `codec::fuzz`).
#[cfg(feature = "arbitrary")]
mod generate {
    use super::{AnyTask, TASKS};
    use crate::codec::fuzz::Gen;
    use crate::task::TaskCode;
    use arbitrary::{Result, Unstructured};

    /// A few codes this crate does not model (the modelled ones come from [`TASKS`]).
    const UNMODELLED: &[&str] = &["0105005", "0106002", "1"];

    #[cfg(test)]
    #[test]
    fn the_unmodelled_codes_drawn_are_no_registered_task() {
        for code in UNMODELLED {
            assert!(
                TASKS.iter().all(|t| t.code != *code),
                "{code} is registered now"
            );
        }
    }

    impl Gen for TaskCode {
        fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
            if u.arbitrary()? {
                // Any digits (a string that is not a code cannot be made a `TaskCode`).
                let len = u.int_in_range(1..=12)?;
                let digits: String = (0..len)
                    .map(|_| u.int_in_range(b'0'..=b'9').map(char::from))
                    .collect::<Result<_>>()?;
                if let Ok(code) = TaskCode::new(&digits) {
                    return Ok(code);
                }
            }
            let i = u.choose_index(TASKS.len() + UNMODELLED.len())?;
            let code = match TASKS.get(i) {
                Some(task) => task.code,
                None => UNMODELLED.get(i - TASKS.len()).copied().unwrap_or("0105"),
            };
            Ok(TaskCode::new(code).unwrap_or_else(|_| TaskCode::known("0105")))
        }
    }

    impl Gen for AnyTask {
        /// The body of any registered task, or none (the encoder refuses a misfit). See
        /// [`RequestTask`]'s `Gen`.
        fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
            match u.choose(TASKS) {
                Ok(task) if u.ratio(7, 8)? => AnyTask::generate_for(task.code, u),
                _ => Ok(AnyTask::None),
            }
        }
    }
    crate::codec::macros::arbitrary_via_gen!(TaskCode, AnyTask);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A response holds one `AnyData` per result, a request of many results as many: the
    /// variants stay small (the poll notifications are boxed; unboxed, every `AnyData` was
    /// 3,320 bytes), and a `Message` with them.
    #[test]
    fn any_data_and_a_poll_message_stay_small() {
        let data = std::mem::size_of::<AnyData>();
        let message = std::mem::size_of::<crate::poll::Message>();
        assert!(data <= 512, "AnyData is {data} bytes");
        assert!(message <= 256, "Message is {message} bytes");
    }

    #[test]
    fn every_code_has_at_most_one_form_without_a_body_element() {
        for t in TASKS {
            let bodiless = TASKS
                .iter()
                .filter(|o| o.code == t.code && o.element.is_none())
                .count();
            assert!(bodiless <= 1, "{}", t.code);
        }
    }

    #[test]
    fn required_element_is_none_exactly_where_a_form_has_no_body() {
        use crate::task::Task;
        assert_eq!(required_element(DomainCreate::CODE), Some("domain"));
        assert_eq!(required_element(DomainInfo::CODE), None);
        assert_eq!(required_element(PollInfo::CODE), None);
        assert_eq!(required_element(PollConfirm::CODE), Some("message"));
        assert_eq!(required_element("9999"), None);
    }
}
