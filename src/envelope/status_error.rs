//! [`StatusError`]: an answer whose status is an error (`E…`), as a Rust error.

use super::{Msg, ObjectRef, Status, StatusCode, TaskResult};
use crate::error::excerpt_line;
use std::fmt;

/// A result whose status is an error (`E0101`, `E0201`, …): what
/// [`Response::error_for_status`](crate::Response::error_for_status) returns instead of the
/// response, like reqwest's `error_for_status`.
///
/// It carries the status (code, text, type, object), every message of the result (nested ones
/// in [`Msg::msgs`], walked by [`all_msgs`](Self::all_msgs) and
/// [`msg_codes`](Self::msg_codes)), which result it was and the response's transaction ids.
/// Its `Display` is one line, fit for a log: the code, the text, the object and every message
/// code with its text (texts are cut at 160 characters, control characters escaped). An answer
/// holds no password or token, so neither does the error.
///
/// ```
/// use autodns_xml::{Response, StatusError, decode_response};
/// use autodns_xml::contact::ContactCreate;
///
/// let answer = br#"<response><result><data/>
///   <msg><text>Duplicate entry.</text><code>EF02019</code><type>error</type>
///     <msg><code>EF00001</code><text>see above</text></msg></msg>
///   <status><code>E0301</code><text>Contact not created.</text><type>error</type>
///     <object><type>handle</type><value>JD1</value></object></status>
///   </result><stid>s-1</stid></response>"#;
/// let err: StatusError = decode_response::<ContactCreate>(answer)?
///     .error_for_status()
///     .unwrap_err();
/// assert_eq!(err.code().to_string(), "E0301");
/// assert_eq!(err.msg_codes().collect::<Vec<_>>(), ["EF02019", "EF00001"]);
/// assert_eq!(
///     err.to_string(),
///     "E0301 \"Contact not created.\" (handle JD1); messages: EF02019 \"Duplicate entry.\", \
///      EF00001 \"see above\"; stid s-1"
/// );
/// # Ok::<(), autodns_xml::DecodeError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct StatusError {
    /// The error status: code, text, type and object (boxed: the error stays small).
    pub status: Box<Status>,
    /// The result's messages as they came, nested ones inside their parents.
    pub msgs: Vec<Msg>,
    /// Which result of the response (0-based) holds the error.
    pub result: usize,
    /// The server transaction id.
    pub stid: Option<String>,
    /// The client transaction id the request carried.
    pub ctid: Option<String>,
}

impl StatusError {
    /// The error for result number `index` of a response, if its status is an error.
    pub(crate) fn of<D>(
        index: usize,
        result: &TaskResult<D>,
        stid: Option<&String>,
        ctid: Option<&String>,
    ) -> Option<Self> {
        result.status.code.is_error().then(|| StatusError {
            status: Box::new(result.status.clone()),
            msgs: result.msgs.clone(),
            result: index,
            stid: stid.cloned(),
            ctid: ctid.cloned(),
        })
    }

    /// The status code (`E0301`).
    pub fn code(&self) -> &StatusCode {
        &self.status.code
    }

    /// The status text (localised, sometimes truncated: match on codes).
    pub fn text(&self) -> Option<&str> {
        self.status.text.as_deref()
    }

    /// The object the status is about.
    pub fn object(&self) -> Option<&ObjectRef> {
        self.status.object.as_ref()
    }

    /// Every message, nested ones included, depth first in document order.
    pub fn all_msgs(&self) -> impl Iterator<Item = &Msg> {
        Msg::walk(&self.msgs)
    }

    /// The code of every message that has one (`EF02019`, …), nested ones included, depth
    /// first in document order.
    pub fn msg_codes(&self) -> impl Iterator<Item = &str> {
        self.all_msgs().filter_map(|m| m.code.as_deref())
    }
}

impl fmt::Display for StatusError {
    /// `E0301 "text" (handle JD1); messages: EF02019 "text", EF00001; stid s-1`: the parts
    /// the answer has, on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status.code)?;
        if let Some(text) = self.text() {
            write!(f, " \"{}\"", excerpt_line(text, TEXT_MAX))?;
        }
        if let Some(object) = self.object().and_then(describe) {
            write!(f, " ({object})")?;
        }
        let mut msgs = self.all_msgs().peekable();
        if msgs.peek().is_some() {
            f.write_str("; messages: ")?;
            for (i, msg) in msgs.enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                let code = msg.code.as_deref().map(|c| excerpt_line(c, TEXT_MAX));
                match (code, &msg.text) {
                    (Some(code), Some(text)) => {
                        write!(f, "{code} \"{}\"", excerpt_line(text, TEXT_MAX))?
                    }
                    (Some(code), None) => f.write_str(&code)?,
                    (None, Some(text)) => write!(f, "\"{}\"", excerpt_line(text, TEXT_MAX))?,
                    (None, None) => f.write_str("(no code)")?,
                }
            }
        }
        if let Some(stid) = &self.stid {
            write!(f, "; stid {}", excerpt_line(stid, TEXT_MAX))?;
        }
        Ok(())
    }
}

impl std::error::Error for StatusError {}

/// How much of a text the one-line `Display` quotes.
const TEXT_MAX: usize = 160;

/// `handle JD1`, `zone example.com`: an object reference for a log line.
fn describe(object: &ObjectRef) -> Option<String> {
    let parts: Vec<String> = [&object.kind, &object.value]
        .into_iter()
        .flatten()
        .map(|s| excerpt_line(s, TEXT_MAX))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}
