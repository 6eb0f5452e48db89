//! `autodns-xml`: decode, encode, normalize and check InterNetX AutoDNS XML gateway documents.
//!
//! Exit codes: 0 on success, 1 when the input cannot be read, decoded or encoded, 2 on a usage
//! error. Only the result goes to stdout; warnings (repaired server quirks) and errors go to
//! stderr.

use autodns_xml::codec::Layout;
use autodns_xml::contact::EmptyData;
use autodns_xml::{
    AnyData, Document, Limit, Limits, Quirk, Request, RequestTask, Response, Status, TaskResult,
};
use clap::{Args, Parser, Subcommand};
use serde::Deserialize;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Decode, encode, normalize and check InterNetX AutoDNS XML gateway documents.
///
/// Every command reads one document (a <request>, a <response> or a bare <task>) from FILE,
/// or from standard input when FILE is absent or `-`. Only the result is written to standard
/// output; each server quirk the decoder repaired (such as `<context4>9</context>` or the
/// status `DEFFERED`) is reported on standard error as a `warning:` line.
///
/// Exit status: 0 on success, 1 when the input cannot be read, decoded or encoded (standard
/// error says what and where, standard output stays empty), 2 on a usage error.
#[derive(Debug, Parser)]
#[command(name = "autodns-xml", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Decode an XML document and print its typed model as pretty JSON.
    ///
    /// The JSON is `{"request": …}`, `{"response": …}` or `{"task": …}`; keys are the wire
    /// element names, ids and counts are numbers, flags are booleans, date-times are
    /// `YYYY-MM-DD HH:MM:SS` strings, and unmodelled elements are kept under `_unknown`.
    /// Passwords and 2FA tokens print as "***" unless --show-secrets is given.
    Decode {
        #[command(flatten)]
        input: Input,
        /// Print passwords and tokens as they are instead of "***" (the output can then be
        /// fed back to `encode` to reproduce the request).
        #[arg(long)]
        show_secrets: bool,
    },
    /// Read the JSON that `decode` prints and print the XML document (indented).
    ///
    /// Secrets are taken as given: feed it the output of `decode --show-secrets` to keep the
    /// real password.
    Encode {
        #[command(flatten)]
        input: Input,
    },
    /// Decode, then encode again: print the canonical indented XML.
    ///
    /// Repaired quirks are reported as warnings; unmodelled content is kept. Normalizing the
    /// output again gives the same output.
    Normalize {
        #[command(flatten)]
        input: Input,
    },
    /// Decode without printing the model: print a one-line summary.
    ///
    /// The summary names the document kind, the task codes, the status codes and types,
    /// counts of list entries (with the server's total where it differs), message codes
    /// and the transaction ids.
    Check {
        #[command(flatten)]
        input: Input,
    },
}

#[derive(Debug, Args)]
struct Input {
    /// The input file; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0, usage errors to stderr with 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = writeln!(io::stderr().lock(), "error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one command; `Err` holds the one-line message of an input error (exit status 1).
fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Decode {
            input,
            show_secrets,
        } => {
            let doc = decode(&input.read()?)?;
            let doc = match doc {
                Document::Request(r) if !show_secrets => Document::Request(r.redacted()),
                other => other,
            };
            let json = serde_json::to_string_pretty(&doc)
                .map_err(|e| format!("cannot write the model as JSON: {e}"))?;
            emit(&json, true)
        }
        Command::Encode { input } => {
            let doc = from_json(&input.read()?)?;
            let xml = doc.to_xml_with(Layout::Indented).map_err(encode_error)?;
            emit(&xml, false)
        }
        Command::Normalize { input } => {
            let doc = decode(&input.read()?)?;
            let xml = doc.to_xml_with(Layout::Indented).map_err(encode_error)?;
            emit(&xml, false)
        }
        Command::Check { input } => {
            let doc = decode(&input.read()?)?;
            emit(&summary(&doc), true)
        }
    }
}

impl Input {
    /// The whole input, from the file or from standard input. More than the decoder's
    /// document size limit is not read: memory stays bounded whatever the input's size.
    fn read(&self) -> Result<Vec<u8>, String> {
        let max = Limits::default().max_document_size;
        let cap = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
        let mut bytes = Vec::new();
        match &self.file {
            Some(path) if path.as_os_str() != "-" => {
                std::fs::File::open(path)
                    .and_then(|f| f.take(cap).read_to_end(&mut bytes))
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            }
            _ => {
                io::stdin()
                    .lock()
                    .take(cap)
                    .read_to_end(&mut bytes)
                    .map_err(|e| format!("cannot read standard input: {e}"))?;
            }
        }
        if bytes.len() > max {
            return Err(format!(
                "the input is larger than {max} bytes (limit {})",
                Limit::DocumentSize
            ));
        }
        Ok(bytes)
    }
}

/// Decodes any document and reports its repaired quirks on stderr.
fn decode(bytes: &[u8]) -> Result<Document, String> {
    let (doc, quirks) = Document::decode(bytes).map_err(|e| e.to_string())?;
    warn(&quirks);
    Ok(doc)
}

fn warn(quirks: &[Quirk]) {
    let mut err = io::stderr().lock();
    for quirk in quirks {
        let _ = writeln!(err, "warning: {quirk}");
    }
}

fn encode_error(e: autodns_xml::EncodeError) -> String {
    format!("cannot encode: {e}")
}

/// Writes the result to stdout (with a final newline if `newline`). A closed pipe (the reader
/// stopped early, as `head` does) is not an error.
fn emit(text: &str, newline: bool) -> Result<(), String> {
    let mut out = io::stdout().lock();
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| {
            if newline {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write to standard output: {e}"))
        }
        _ => Ok(()),
    }
}

/// The JSON form `decode` prints, by its single top-level key.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum JsonDocument {
    Request(Box<Request>),
    /// Read in two steps: each result's data is typed by its status code.
    Response(serde_json::Value),
    Task(Box<RequestTask>),
}

fn from_json(bytes: &[u8]) -> Result<Document, String> {
    let doc: JsonDocument =
        serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON input: {e}"))?;
    Ok(match doc {
        JsonDocument::Request(r) => Document::Request(*r),
        JsonDocument::Task(t) => Document::Task(*t),
        JsonDocument::Response(v) => Document::Response(response_from_json(v)?),
    })
}

/// A `Response<AnyData>` from its JSON: the envelope first (data set aside), then each
/// result's data as the data of the task its status code names.
fn response_from_json(mut value: serde_json::Value) -> Result<Response<AnyData>, String> {
    let data: Vec<Option<serde_json::Value>> = match value
        .get_mut("result")
        .and_then(serde_json::Value::as_array_mut)
    {
        Some(results) => results
            .iter_mut()
            .map(|r| r.as_object_mut().and_then(|o| o.remove("data")))
            .collect(),
        None => Vec::new(),
    };
    let envelope: Response<EmptyData> = serde_json::from_value(value)
        .map_err(|e| format!("invalid JSON input: in response: {e}"))?;
    let mut results: Vec<TaskResult<AnyData>> = Vec::with_capacity(envelope.results.len());
    let mut data = data.into_iter();
    for (i, result) in envelope.results.into_iter().enumerate() {
        let typed = match data.next().flatten() {
            None | Some(serde_json::Value::Null) => None,
            Some(d) => {
                let code = result.status.code.task.as_str();
                let typed = AnyData::deserialize_for(code, d).map_err(|e| {
                    format!(
                        "invalid JSON input: in response result {} (task {code}) data: {e}",
                        i + 1
                    )
                })?;
                Some(typed)
            }
        };
        results.push(result.with_data(typed));
    }
    Ok(Response {
        results,
        stid: envelope.stid,
        ctid: envelope.ctid,
        unknown: envelope.unknown,
        quirks: Vec::new(),
    })
}

/// The one-line summary `check` prints.
fn summary(doc: &Document) -> String {
    match doc {
        Document::Request(r) => {
            let codes: Vec<&str> = r.tasks.iter().map(|t| t.code.as_str()).collect();
            let mut parts = vec![
                format!("{} ({})", plural(r.tasks.len(), "task"), codes.join(", ")),
                format!("auth user {}", r.auth.user),
            ];
            if let Some(user) = r.owner.as_ref().and_then(|o| o.user.as_ref()) {
                parts.push(format!("owner {user}"));
            }
            if let Some(language) = &r.language {
                parts.push(format!("language {language}"));
            }
            format!("request: {}", parts.join(", "))
        }
        Document::Response(r) => {
            let mut parts = vec![plural(r.results.len(), "result")];
            let results: Vec<String> = r.results.iter().map(result_summary).collect();
            parts.push(results.join("; "));
            if let Some(stid) = &r.stid {
                parts.push(format!("stid {stid}"));
            }
            if let Some(ctid) = &r.ctid {
                parts.push(format!("ctid {ctid}"));
            }
            format!("response: {}", parts.join(", "))
        }
        Document::Task(t) => {
            let mut line = format!("task: {}", t.code);
            if let Some(ctid) = &t.ctid {
                line.push_str(&format!(", ctid {ctid}"));
            }
            line
        }
        other => format!("{}: decoded", other.root()),
    }
}

/// `task C, status S (type)`, then what the data holds and the messages.
fn result_summary(result: &TaskResult<AnyData>) -> String {
    let status = &result.status;
    let mut parts = vec![
        format!("task {}", status.code.task),
        format!("status {} ({})", status.code, status_type(status)),
    ];
    if let Some(data) = &result.data {
        parts.extend(data_summary(data));
    }
    if !result.msgs.is_empty() {
        let codes: Vec<&str> = result
            .msgs
            .iter()
            .filter_map(|m| m.code.as_deref())
            .collect();
        let mut msgs = plural(result.msgs.len(), "msg");
        if !codes.is_empty() {
            msgs.push_str(&format!(" ({})", codes.join(", ")));
        }
        parts.push(msgs);
    }
    parts.join(", ")
}

/// The status's `type`, or what its code's letter says when the type is absent.
fn status_type(status: &Status) -> String {
    match &status.kind {
        Some(kind) => kind.to_string(),
        None if status.code.is_success() => "success".to_owned(),
        None if status.code.is_error() => "error".to_owned(),
        None => "notify".to_owned(),
    }
}

fn data_summary(data: &AnyData) -> Vec<String> {
    match data {
        AnyData::Empty(_) => Vec::new(),
        AnyData::DomainCreate(d) => d
            .domain_job
            .as_ref()
            .and_then(|j| j.job.as_ref())
            .map(|job| vec![job_summary("job", job)])
            .unwrap_or_default(),
        AnyData::DomainInfo(d) => vec![entries(d.domain.len(), d.summary, "domain")],
        AnyData::PollInfo(d) => {
            let mut parts = Vec::new();
            if let Some(summary) = d.summary {
                parts.push(format!("summary {summary}"));
            }
            if let Some(message) = &d.message {
                parts.push(format!("message {}", message.id));
            }
            parts
        }
        AnyData::PollConfirm(d) => d
            .message
            .as_ref()
            .map(|m| vec![format!("message {}", m.id)])
            .unwrap_or_default(),
        AnyData::CertificateJobInfo(d) => d
            .certificate_job
            .as_ref()
            .and_then(|c| c.job.as_ref())
            .map(|job| vec![job_summary("certificate_job", job)])
            .unwrap_or_default(),
        AnyData::CertificateJobList(d) => {
            vec![entries(
                d.certificate_job.len(),
                d.summary,
                "certificate_job",
            )]
        }
        AnyData::Raw(raw) => {
            let names: Vec<&str> = raw.elements().map(|e| e.name.as_str()).collect();
            if names.is_empty() {
                Vec::new()
            } else {
                vec![format!("data <{}>", names.join("> <"))]
            }
        }
        _ => vec!["data".to_owned()],
    }
}

/// `job 123456 (RUNNING)`: the job's id and, if given, its status as sent.
fn job_summary(what: &str, job: &autodns_xml::job::Job) -> String {
    match &job.status {
        Some(status) => format!("{what} {} ({})", job.id, status.as_str()),
        None => format!("{what} {}", job.id),
    }
}

/// `3 domain`, or `3 of 57 domain` when the server's summary counts more than were returned.
fn entries(count: usize, summary: Option<u64>, name: &str) -> String {
    match summary {
        Some(total) if u64::try_from(count).ok() != Some(total) => {
            format!("{count} of {total} {name}")
        }
        _ => format!("{count} {name}"),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
