//! 0113005 AuthInfoSend: have the server send the domain's auth code to its owner by
//! e-mail. Request: `<domain><name>example.com</name></domain>`; the answer has empty data.

super::authinfo::authinfo_task! {
    /// 0113005: send the auth code to the domain's owner.
    AuthInfoSend = "0113005"
}
