//! 0113003 AuthInfo2Create: order an AuthInfo2 (for `.de`: the registry sends the code by
//! post to the domain's owner). Request: `<domain><name>example.de</name></domain>`; the
//! answer has empty data.

super::authinfo::authinfo_task! {
    /// 0113003: order an AuthInfo2.
    AuthInfo2Create = "0113003"
}
