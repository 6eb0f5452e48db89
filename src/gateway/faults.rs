//! Fault injection: the documented answer quirks, slow answers, dropped connections and a
//! per-client rate limit, each switched on its own.

use std::time::Duration;

/// What the fake answers past the rate limit. The real gateway's answer is not documented
/// anywhere we could find (only the limit, "about 3 requests per second per IP"), so choose.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RateLimitAnswer {
    /// HTTP 200, `text/xml`, one result with status `E00000` and a msg `EF00000`, both texts
    /// saying that the local gateway rate-limited the request. The fake's own answer.
    #[default]
    Status,
    /// An HTTP status with an empty body (429, say).
    Http(u16),
    /// This body, as HTTP 200 `text/xml`.
    Body(String),
}

/// The faults in force; all off by default. Set them with
/// [`GatewayBuilder::faults`](super::GatewayBuilder::faults) or
/// [`Gateway::set_faults`](super::Gateway::set_faults).
///
/// ```
/// use autodns_xml::gateway::Faults;
/// use std::time::Duration;
///
/// let faults = Faults { deffered: true, repeated_tail: true, ..Faults::default() }
///     .with_rate_limit(3)
///     .with_delay(Duration::from_millis(50));
/// assert_eq!(faults.rate_limit, Some(3));
/// ```
///
/// Build it with `..Faults::default()` after the fields you set (fields may be added).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Faults {
    /// Writes `<context4>…</context>` for the `context` of every `updater` (the 400114
    /// answer's quirk; the fake sends it wherever an updater is written).
    pub context4: bool,
    /// Spells `DEFERRED` as `DEFFERED`, and a job status `RUNNING` as `DEFFERED` (so that a
    /// client sees the misspelling in an N0101 answer).
    pub deffered: bool,
    /// Appends a second `</stid></response>` after the root element.
    pub repeated_tail: bool,
    /// Puts every msg after the status (the real gateway puts them before).
    pub msg_after_status: bool,
    /// Answers on one line (the real gateway does, at times) instead of indented.
    pub compact: bool,
    /// Waits this long before answering.
    pub delay: Option<Duration>,
    /// Ends every n-th exchange (1: every one) without an answer, before the request is
    /// run: nothing runs and nothing is recorded. The connection is closed without an
    /// answer, so the client gets an I/O error.
    pub drop_every: Option<u32>,
    /// Runs every n-th request (1: every one) and then closes the connection without its
    /// answer: the state changed, the client got an I/O error. What a client's retry must
    /// survive (a second 0101 for the same domain, say).
    pub lose_answer_every: Option<u32>,
    /// Allows this many requests per second per client IP; the rest get
    /// [`rate_limit_answer`](Self::rate_limit_answer).
    pub rate_limit: Option<u32>,
    /// What a rate-limited request gets.
    pub rate_limit_answer: RateLimitAnswer,
}

impl Faults {
    /// Every answer quirk on (`context4`, `deffered`, `repeated_tail`, `msg_after_status`,
    /// `compact`): what a tolerant client must read.
    pub fn all_quirks() -> Self {
        Faults {
            context4: true,
            deffered: true,
            repeated_tail: true,
            msg_after_status: true,
            compact: true,
            ..Faults::default()
        }
    }

    /// The same faults with a rate limit of `per_second` requests per client IP.
    pub fn with_rate_limit(mut self, per_second: u32) -> Self {
        self.rate_limit = Some(per_second);
        self
    }

    /// The same faults with every answer delayed by `delay`.
    pub fn with_delay(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    /// The same faults with every n-th connection dropped.
    pub fn with_drop_every(mut self, n: u32) -> Self {
        self.drop_every = Some(n.max(1));
        self
    }

    /// The same faults with the answer to every n-th request lost after it ran.
    pub fn with_lose_answer_every(mut self, n: u32) -> Self {
        self.lose_answer_every = Some(n.max(1));
        self
    }

    /// Applies the text quirks to an encoded answer.
    pub(crate) fn apply(&self, mut xml: String) -> String {
        if self.context4 {
            xml = context4(&xml);
        }
        if self.deffered {
            xml = xml
                .replace(">DEFERRED<", ">DEFFERED<")
                .replace(">RUNNING<", ">DEFFERED<");
        }
        if self.repeated_tail {
            let end = xml.trim_end().len();
            xml.truncate(end);
            xml.push_str("</stid></response>");
        }
        xml
    }
}

/// `<updater>…<context>X</context>` becomes `<updater>…<context4>X</context>`.
fn context4(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() + 16);
    let mut rest = xml;
    while let Some(at) = rest.find("<updater>") {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let end = tail.find("</updater>").unwrap_or(tail.len());
        let (updater, after) = tail.split_at(end);
        out.push_str(&updater.replacen("<context>", "<context4>", 1));
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context4_touches_only_updaters() {
        let xml = "<owner><context>4</context></owner><updater><user>u</user><context>9</context></updater>";
        assert_eq!(
            context4(xml),
            "<owner><context>4</context></owner><updater><user>u</user><context4>9</context></updater>"
        );
    }

    #[test]
    fn the_tail_is_repeated_once() {
        let f = Faults {
            repeated_tail: true,
            ..Faults::default()
        };
        assert_eq!(
            f.apply("<response><stid>1</stid></response>\n".into()),
            "<response><stid>1</stid></response></stid></response>"
        );
    }
}
