//! 0113001 AuthInfo1Create: have the server create the domain's AuthInfo1 (the transfer
//! code). Request: `<domain><name>example.com</name></domain>`. Answer: empty data and
//! `S0113001` whose object is `<type>authinfo</type><value>` the code `</value>`: read it
//! with [`auth_code`](super::auth_code). An existing code is answered `E0113001` with
//! `EF011316`. With a `PREACK` cancelation pending the server makes the code itself.

super::authinfo::authinfo_task! {
    /// 0113001: create the domain's AuthInfo1.
    AuthInfo1Create = "0113001"
}
