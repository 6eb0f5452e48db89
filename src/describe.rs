//! What a response's data holds, in brief: the facts the CLI's `check` prints for each
//! result. Each data model says its own facts beside its model (a `Describe` impl); the
//! [`registry`](crate::registry) gathers them for [`AnyData`](crate::AnyData).

use crate::RawElement;
use crate::job::Job;

/// One fact about a response's data.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Fact<'a> {
    /// A job, under the element that carries it (`job`, `certificate_job`).
    Job {
        /// The element that carries the job.
        element: &'static str,
        /// The job.
        job: &'a Job,
    },
    /// List entries: how many came, and the server's total (`summary`) if it sent one.
    Entries {
        /// The entries' element name.
        element: &'static str,
        /// How many entries came.
        count: usize,
        /// The total the server counts (the list form's `summary`).
        total: Option<u64>,
    },
    /// The number of messages waiting in the poll queue.
    Waiting(u64),
    /// A poll message, by id.
    Message(u64),
    /// A zone, by name, and how many records (`rr`) it holds.
    Zone {
        /// The zone's origin.
        name: &'a str,
        /// The number of its `rr` records.
        records: usize,
    },
    /// Data this crate does not model: the names of its child elements.
    Elements(Vec<&'a str>),
}

/// The facts a data model holds (see [`Fact`]).
pub(crate) trait Describe {
    /// The facts, in the order they are best read.
    fn facts(&self) -> Vec<Fact<'_>>;
}

impl Describe for RawElement {
    fn facts(&self) -> Vec<Fact<'_>> {
        let names: Vec<&str> = self.elements().map(|e| e.name.as_str()).collect();
        if names.is_empty() {
            Vec::new()
        } else {
            vec![Fact::Elements(names)]
        }
    }
}
