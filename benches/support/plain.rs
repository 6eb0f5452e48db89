//! Plain serde structs equivalent to the typed 400115 response, for the serde-based baselines
//! (quick-xml's serde mode and serde-xml-rs). They keep what the typed model keeps, as plain
//! strings and numbers: no enums, no date parsing, no unknown elements, no quirk reports.

#![allow(dead_code)]

use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename = "response")]
pub struct Response {
    pub result: Result,
    pub stid: String,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Result {
    pub data: Data,
    pub status: Status,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Data {
    pub summary: u64,
    #[serde(default)]
    pub certificate_job: Vec<CertificateJob>,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct CertificateJob {
    pub job: Job,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Job {
    pub id: u64,
    pub owner: User,
    pub updater: User,
    pub object: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_status: Option<String>,
    pub created: String,
    pub updated: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub sub_type: String,
    pub action: String,
    pub execution: String,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct User {
    pub user: String,
    pub context: u32,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Status {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
}
