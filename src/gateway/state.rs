//! The gateway's state: contacts, domains, running jobs and the poll queue; saved to and
//! loaded from a JSON file when asked.

use crate::cancelation::Cancelation;
use crate::certificate::CertificateJob;
use crate::contact::Handle;
use crate::domain::Domain;
use crate::envelope::User;
use crate::poll::Message;
use crate::task::TaskCode;
use crate::zone::Zone;
use std::collections::{BTreeMap, VecDeque};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// A domain job accepted with an `N` status (0101, 0102, 0101003, 0104, 0104010) and not
/// yet completed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct PendingJob {
    pub(crate) id: u64,
    pub(crate) domain: Domain,
    pub(crate) ctid: Option<String>,
    pub(crate) owner: User,
    /// When it completes (milliseconds since the Unix epoch); `None`: on demand only.
    pub(crate) due_ms: Option<u64>,
    /// The code of the success status its job notification carries (`0101`, `0104001` for
    /// a transfer in), and that status's text.
    pub(crate) done: (TaskCode, String),
}

/// Everything the fake remembers.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct State {
    pub(crate) next_handle: u64,
    pub(crate) next_job: u64,
    pub(crate) next_message: u64,
    pub(crate) contacts: BTreeMap<u64, Handle>,
    pub(crate) domains: BTreeMap<String, Domain>,
    pub(crate) jobs: Vec<PendingJob>,
    pub(crate) queue: VecDeque<Message>,
    #[serde(default)]
    pub(crate) certificates: BTreeMap<u64, CertificateJob>,
    /// Zones by name.
    #[serde(default)]
    pub(crate) zones: BTreeMap<String, Zone>,
    /// Cancelations by domain name.
    #[serde(default)]
    pub(crate) cancelations: BTreeMap<String, Cancelation>,
}

impl Default for State {
    fn default() -> Self {
        State {
            next_handle: 100,
            next_job: 1_000_000,
            next_message: 1,
            contacts: BTreeMap::new(),
            domains: BTreeMap::new(),
            jobs: Vec::new(),
            queue: VecDeque::new(),
            certificates: BTreeMap::new(),
            zones: BTreeMap::new(),
            cancelations: BTreeMap::new(),
        }
    }
}

impl State {
    pub(crate) fn load(path: &Path) -> std::io::Result<State> {
        let text = std::fs::read(path)?;
        serde_json::from_slice(&text).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}: not a gateway state file: {e}", path.display()),
            )
        })
    }

    pub(crate) fn save(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(&crate::ExposeSecrets::new(self))
            .map_err(std::io::Error::other)?;
        // Write beside it, then rename: a reader never sees half a file.
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, path)
    }

    pub(crate) fn take_id(counter: &mut u64) -> u64 {
        let id = *counter;
        *counter = counter.saturating_add(1);
        id
    }
}

/// Milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Now, as the gateway writes times (no zone: UTC here).
pub(crate) fn now() -> chrono::NaiveDateTime {
    let secs = i64::try_from(now_ms() / 1000).unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}
