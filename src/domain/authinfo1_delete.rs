//! 0113002 AuthInfo1Delete: delete the domain's AuthInfo1. Request:
//! `<domain><name>example.com</name></domain>`; the answer has empty data.

super::authinfo::authinfo_task! {
    /// 0113002: delete the domain's AuthInfo1.
    AuthInfo1Delete = "0113002"
}
