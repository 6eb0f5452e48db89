//! Event notifications (`notify`): what registries, other registrars and the server's own
//! checks report outside any job of yours: outgoing transfers, automatic updates, owner
//! validation and the like.

use crate::codec::macros::{open_enum, xml_struct};
use crate::domain::Domain;
use crate::envelope::{Status, User};
use crate::job::DeferredSpelling;
use chrono::NaiveDateTime;

open_enum! {
    /// An event notification's `type`.
    ///
    /// Every event the InterNetX help pages name (see `testdata/notifications/README.md`). The
    /// AutoUpdate "deferred" events arrive as `autoupdate_deffered_success` /
    /// `autoupdate_deffered_error` (the JSON pages) or spelled `deferred` (the English XML
    /// pages, e.g. <https://help.internetx.com/display/APIXMLEN/Asynchronous+Notifications>):
    /// both read as
    /// [`AutoupdateDeferredSuccess`](Self::AutoupdateDeferredSuccess) /
    /// [`AutoupdateDeferredError`](Self::AutoupdateDeferredError), which remember the
    /// spelling so that re-encoding writes what was read. Any other value is kept in
    /// [`Other`](Self::Other).
    pub enum EventType {
    /// `transfer_start`: an outgoing transfer of the domain started.
    TransferStart = "transfer_start",
    /// `transfer_autoack`: an outgoing transfer was confirmed automatically (gTLDs).
    TransferAutoack = "transfer_autoack",
    /// `transfer_autonack`: an outgoing transfer was refused automatically.
    TransferAutonack = "transfer_autonack",
    /// `transfer_reminder`: a reminder of a running outgoing transfer.
    TransferReminder = "transfer_reminder",
    /// `transfer_autoack_success`: the transfer with AutoAck succeeded.
    TransferAutoackSuccess = "transfer_autoack_success",
    /// `transfer_autoack_failed`: the transfer with AutoAck failed.
    TransferAutoackFailed = "transfer_autoack_failed",
    /// `transfer_autonack_pending`: the transfer with AutoNack is still pending.
    TransferAutonackPending = "transfer_autonack_pending",
    /// `transfer_autonack_success`: the transfer with AutoNack succeeded.
    TransferAutonackSuccess = "transfer_autonack_success",
    /// `transfer_autonack_failed`: the transfer with AutoNack failed.
    TransferAutonackFailed = "transfer_autonack_failed",
    /// `domain_away`: the domain left the inventory (e.g. a transfer without the registrar).
    DomainAway = "domain_away",
    /// `domain_expire`: the domain's registration period ended.
    DomainExpire = "domain_expire",
    /// `domain_expire_warning`: the registration period is about to end.
    DomainExpireWarning = "domain_expire_warning",
    /// `domain_registrar_status_update`: the registrar status changed.
    DomainRegistrarStatusUpdate = "domain_registrar_status_update",
    /// `domain_deactivation_warning`: the domain will be deactivated soon. The OCVAL
    /// reminder's example carries this type (with `reason` `ocval`).
    DomainDeactivationWarning = "domain_deactivation_warning",
    /// `autoupdate_dns_error`: an automatic update after a failed connectivity check (.de).
    AutoupdateDnsError = "autoupdate_dns_error",
    /// `autoupdate_dns_success`: the connectivity check succeeded.
    AutoupdateDnsSuccess = "autoupdate_dns_success",
    /// `ocval_reminder`: verify the domain owner (5 days before the deadline).
    OcvalReminder = "ocval_reminder",
    /// `ocval_activation`: the owner was not verified; the domain's name servers were
    /// disconnected.
    OcvalActivation = "ocval_activation",
    /// `ocval_deactivation`: the owner was verified; the name servers are connected again.
    OcvalDeactivation = "ocval_deactivation",
    /// `authinfo_delete`: the AuthInfo deletion started.
    AuthinfoDelete = "authinfo_delete",
    /// `authinfo_deleted`: the AuthInfo was deleted.
    AuthinfoDeleted = "authinfo_deleted",
    /// `tmch_status_update`: a TMCH mark update started.
    TmchStatusUpdate = "tmch_status_update",
    /// `tmch_status_update_success`: the TMCH mark update succeeded.
    TmchStatusUpdateSuccess = "tmch_status_update_success",
    /// `tmch_status_update_failed`: the TMCH mark update failed.
    TmchStatusUpdateFailed = "tmch_status_update_failed",
    /// `tmch_claim_notice_reminder`: a trademark claim awaits confirmation.
    TmchClaimNoticeReminder = "tmch_claim_notice_reminder",
    /// `domain_prereg_sent`: a pre-registration was sent.
    DomainPreregSent = "domain_prereg_sent",
    /// `domain_prereg_accept`: a pre-registration was accepted.
    DomainPreregAccept = "domain_prereg_accept",
    /// `domain_prereg_decline`: a pre-registration was declined.
    DomainPreregDecline = "domain_prereg_decline",
    /// `domain_prereg_failed`: a pre-registration failed.
    DomainPreregFailed = "domain_prereg_failed",
    /// `contact_deleted`: a contact was deleted (zone purge).
    ContactDeleted = "contact_deleted",
    /// `autoupdate_deferred_success` / `autoupdate_deffered_success`: a deferred
    /// AutoUpdate succeeded.
    AutoupdateDeferredSuccess(DeferredSpelling::{
        Deferred = "autoupdate_deferred_success",
        Deffered = "autoupdate_deffered_success" misspells "autoupdate_deferred_success",
    }),
    /// `autoupdate_deferred_error` / `autoupdate_deffered_error`: a deferred AutoUpdate
    /// failed.
    AutoupdateDeferredError(DeferredSpelling::{
        Deferred = "autoupdate_deferred_error",
        Deffered = "autoupdate_deffered_error" misspells "autoupdate_deferred_error",
    }),
    }
}

impl EventType {
    /// Whether this is one of the deferred AutoUpdate events, whatever the spelling.
    pub fn is_deferred(&self) -> bool {
        matches!(
            self,
            EventType::AutoupdateDeferredSuccess(_) | EventType::AutoupdateDeferredError(_)
        )
    }
}

xml_struct! {
    /// A transfer, as an outgoing-transfer event reports it (and as a transfer job
    /// notification carries its status). The element names are the server's:
    /// `loosing_registrar` is spelled so on the wire.
    #[derive(Default)]
    pub struct Transfer {
        /// The domain being transferred.
        domain: Option<String> = opt "domain",
        /// The transfer's status (`start`, `ACK`, …; kept as sent).
        status: Option<String> = opt "status",
        /// The registrar the domain goes to.
        gaining_registrar: Option<String> = opt "gaining_registrar",
        /// The registrar the domain comes from (`loosing_registrar` on the wire, sic).
        loosing_registrar: Option<String> = opt "loosing_registrar",
        /// When the transfer started.
        start: Option<NaiveDateTime> = opt "start",
        /// When the reminder is (or was) sent.
        reminder: Option<NaiveDateTime> = opt "reminder",
        /// When the transfer is confirmed automatically.
        autoack: Option<NaiveDateTime> = opt "autoack",
        /// When the transfer is refused automatically.
        autonack: Option<NaiveDateTime> = opt "autonack",
        /// When the transfer ends.
        end: Option<NaiveDateTime> = opt "end",
        /// Why the transfer was refused (kept as sent).
        nack_reason: Option<String> = opt "nack_reason",
        /// Who owns the transfer object.
        owner: Option<User> = opt "owner",
        /// Who last changed it.
        updater: Option<User> = opt "updater",
        /// When it was created.
        created: Option<NaiveDateTime> = opt "created",
        /// When it was last updated.
        updated: Option<NaiveDateTime> = opt "updated",
    }
}

xml_struct! {
    /// An event notification: `<notify>` in a poll message.
    ///
    /// What it carries depends on the [`EventType`]: the domain for all of them, the
    /// [`Transfer`] for outgoing transfers, `reason`, `deactivation` and a `status` for the
    /// OCVAL deactivation warning. Children this crate does not model are kept in `unknown`.
    pub struct EventNotification {
        /// Why (`ocval` for the owner-validation warning).
        reason: Option<String> = opt "reason",
        /// When the domain will be deactivated.
        deactivation: Option<NaiveDateTime> = opt "deactivation",
        /// The domain the event is about (its name and whatever else the server sends).
        domain: Option<Domain> = opt "domain",
        /// The transfer, for transfer events.
        transfer: Option<Transfer> = opt "transfer",
        /// What happened.
        kind: EventType = req "type",
        /// A status the event carries (the OCVAL warning's `S0102006`).
        status: Option<Status> = opt "status",
        /// The server transaction the event belongs to (the JSON form's message `stid`).
        stid: Option<String> = opt "stid",
    }
}

impl EventNotification {
    /// An event of type `kind` and nothing else.
    pub fn new(kind: EventType) -> Self {
        EventNotification {
            reason: None,
            deactivation: None,
            domain: None,
            transfer: None,
            kind,
            status: None,
            stid: None,
            unknown: Default::default(),
        }
    }

    /// The name of the domain the event is about: the event's `domain/name`, else the
    /// transfer's `domain`.
    pub fn domain_name(&self) -> Option<&str> {
        self.domain
            .as_ref()
            .map(|d| d.name.as_str())
            .or_else(|| self.transfer.as_ref().and_then(|t| t.domain.as_deref()))
    }
}
