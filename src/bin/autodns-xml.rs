//! `autodns-xml`: decode, encode, normalize and check InterNetX AutoDNS XML gateway documents.
//!
//! Exit codes: 0 on success, 1 when the input cannot be read, decoded or encoded, 2 on a usage
//! error. Only the result goes to stdout; warnings (repaired server quirks) and errors go to
//! stderr.

use autodns_xml::codec::{Layout, ToXml, XmlWriter};
use autodns_xml::describe::Fact;
use autodns_xml::stream::{AnyEntry, ListData, ListReader};
use autodns_xml::{
    AnyData, Document, ExposeSecrets, Limit, Limits, Notification, Quirk, RawElement, RawNode,
    Request, RequestTask, Response, Status, TaskResult,
};
use clap::{Args, Parser, Subcommand};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::io::{self, BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Decode, encode, normalize and check InterNetX AutoDNS XML gateway documents.
///
/// Every command reads one document (a <request>, a <response> or a bare <task>; for
/// `notification`, a notification body in XML or JSON) from FILE, or from standard input when
/// FILE is absent or `-`. Only the result is written to standard
/// output; each server quirk the decoder repaired (such as `<context4>9</context>` or the
/// status `DEFFERED`) is reported on standard error as a `warning:` line.
///
/// Exit status: 0 on success, 1 when the input cannot be read, decoded or encoded (standard
/// error says what and where, standard output stays empty), 2 on a usage error, 3 from
/// `check --fail-on-error` when a result's status is an error.
#[derive(Debug, Parser)]
#[command(name = "autodns-xml", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print no warnings (the repaired server quirks).
    #[arg(long, short, global = true)]
    quiet: bool,
    /// The largest document read whole, in bytes (default 67108864, 64 MiB). `check`
    /// streams a larger response whatever this says.
    #[arg(long, global = true, value_name = "BYTES")]
    max_size: Option<usize>,
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
    /// Passwords and tokens print as "***" unless --show-secrets is given: feed it the output
    /// of `decode --show-secrets` and pass --show-secrets to reproduce the real request.
    Encode {
        #[command(flatten)]
        input: Input,
        /// Write passwords and tokens as given instead of "***" (to reproduce a request from
        /// the output of `decode --show-secrets`).
        #[arg(long)]
        show_secrets: bool,
    },
    /// Decode, then encode again: print the canonical indented XML.
    ///
    /// Repaired quirks are reported as warnings; unmodelled content is kept. Normalizing the
    /// output again gives the same output. Passwords and tokens print as "***" unless
    /// --show-secrets is given.
    Normalize {
        #[command(flatten)]
        input: Input,
        /// Write passwords and tokens as read instead of "***".
        #[arg(long)]
        show_secrets: bool,
    },
    /// Decode without printing the model: print a one-line summary.
    ///
    /// The summary names the document kind, the task codes, the status codes and types,
    /// counts of list entries (with the server's total where it differs), message codes
    /// and the transaction ids. A response larger than 1 MiB is streamed entry by entry
    /// (certificate_job and domain entries typed, other data children kept raw), so memory
    /// stays flat however long the list.
    Check {
        #[command(flatten)]
        input: Input,
        /// Exit with status 3 when a result's status is an error (E…): for scripts that
        /// must stop on a failed task.
        #[arg(long)]
        fail_on_error: bool,
    },
    /// Decode a notification body and print its typed model as pretty JSON.
    ///
    /// Reads any form a notification arrives in: a 0905 poll answer or a bare <message> in
    /// XML, or the JSON form (a poll answer or a single message) that push and e-mail deliver.
    /// Prints {"response": …} or {"message": …} keyed by the XML element names whatever form
    /// came in (`loosing_registrar`, not `loosingRegistrar`), date-times as the wall time
    /// written, and "utc_offsets" with the offset the JSON form gave each date-time.
    Notification {
        #[command(flatten)]
        input: Input,
    },
    /// Run a local fake of the XML gateway on 127.0.0.1 for integration tests (needs the
    /// `gateway` feature too), printing its URL; stop it with Ctrl-C.
    ///
    /// It keeps contacts, domains, jobs and the poll queue in memory, or in FILE with
    /// --state (loaded at start if it exists, saved after every change). Jobs complete after
    /// --job-delay-ms and queue their notification.
    #[cfg(feature = "gateway")]
    Serve(Serve),
}

/// The options of `serve`.
#[cfg(feature = "gateway")]
#[derive(Debug, Args)]
struct Serve {
    /// The port on 127.0.0.1 (0: a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Keep the state in this JSON file (secrets included) instead of in memory.
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// The user accepted in `auth`.
    #[arg(long, default_value = "user")]
    user: String,
    /// The password accepted in `auth`.
    #[arg(long, default_value = "secret")]
    password: String,
    /// The context accepted in `auth`.
    #[arg(long, default_value = "4")]
    context: String,
    /// How long a job (0101) runs before its notification is queued, in milliseconds.
    #[arg(long, default_value_t = 2000, value_name = "MS")]
    job_delay_ms: u64,
    /// Answer with every documented quirk (context4, DEFFERED, the repeated tail, msg after
    /// status, one line).
    #[arg(long)]
    quirks: bool,
    /// Allow this many requests per second per client IP (the real gateway: about 3).
    #[arg(long, value_name = "N")]
    rate_limit: Option<u32>,
}

#[cfg(feature = "gateway")]
fn serve(args: Serve) -> Result<Outcome, String> {
    use autodns_xml::gateway::{Faults, Gateway};
    let mut faults = if args.quirks {
        Faults::all_quirks()
    } else {
        Faults::default()
    };
    faults.rate_limit = args.rate_limit;
    let mut builder = Gateway::builder()
        .port(args.port)
        .user(args.user)
        .password(args.password)
        .context(args.context)
        .job_delay(std::time::Duration::from_millis(args.job_delay_ms))
        .faults(faults);
    if let Some(path) = args.state {
        builder = builder.state_file(path);
    }
    let gateway = builder
        .start()
        .map_err(|e| format!("cannot start the gateway: {e}"))?;
    emit(&gateway.url(), true)?;
    loop {
        std::thread::park();
    }
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
    warnings::set_quiet(cli.quiet);
    let mut limits = Limits::default();
    if let Some(max) = cli.max_size {
        limits.max_document_size = max;
    }
    let outcome = run(cli.command, &limits);
    warnings::finish();
    match outcome {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::ErrorStatus) => ExitCode::from(3),
        Err(message) => {
            let _ = writeln!(io::stderr().lock(), "error: {}", printable::line(&message));
            ExitCode::FAILURE
        }
    }
}

/// How a command that read its input ended.
enum Outcome {
    Done,
    /// `check --fail-on-error` read a result whose status is an error.
    ErrorStatus,
}

/// Runs one command; `Err` holds the one-line message of an input error (exit status 1).
fn run(command: Command, limits: &Limits) -> Result<Outcome, String> {
    match command {
        Command::Decode {
            input,
            show_secrets,
        } => {
            let doc = input.decode(&input.read(limits)?, limits)?;
            // Serialized secrets are `***` unless exposed on purpose.
            if show_secrets {
                emit_json(&ExposeSecrets::new(&doc))?;
            } else {
                emit_json(&doc)?;
            }
            Ok(Outcome::Done)
        }
        Command::Encode {
            input,
            show_secrets,
        } => {
            let json = input.read(limits)?;
            let doc = from_json(&json).map_err(|e| input.named(e))?;
            // The input is not needed while the output is written.
            drop(json);
            let xml = to_xml(&doc, show_secrets, limits)?;
            emit(&printable::xml(&xml), false).map(|()| Outcome::Done)
        }
        Command::Normalize {
            input,
            show_secrets,
        } => {
            // The input is dropped once decoded, before the output is written.
            let doc = input.decode(&input.read(limits)?, limits)?;
            let xml = to_xml(&doc, show_secrets, limits)?;
            emit(&printable::xml(&xml), false).map(|()| Outcome::Done)
        }
        Command::Check {
            input,
            fail_on_error,
        } => {
            let mut reader = input.open()?;
            let mut head = Vec::new();
            let limit = u64::try_from(STREAM_ABOVE).unwrap_or(u64::MAX);
            (&mut reader)
                .take(limit + 1)
                .read_to_end(&mut head)
                .map_err(|e| input.read_error(&e))?;
            let max = limits.max_document_size;
            // A large input streams if its root is `<response>`. The prolog before the root
            // (comments, processing instructions) can be longer than the head: read on until
            // the root's name is known, up to the document size limit.
            let mut root = None;
            while head.len() > STREAM_ABOVE {
                root = root_is_response(&head);
                if root.is_some() || head.len() > max {
                    break;
                }
                let more = u64::try_from(head.len()).unwrap_or(u64::MAX);
                let before = head.len();
                (&mut reader)
                    .take(more)
                    .read_to_end(&mut head)
                    .map_err(|e| input.read_error(&e))?;
                if head.len() == before {
                    break;
                }
            }
            if root == Some(true) {
                let (line, failed) = check_stream(io::Cursor::new(head).chain(reader), limits)
                    .map_err(|e| input.named(e))?;
                emit(&printable::line(&line), true)?;
                return Ok(outcome(fail_on_error && failed));
            }
            // Anything else is read whole, up to the decoder's document size limit.
            let rest = u64::try_from(max.saturating_sub(head.len())).unwrap_or(u64::MAX);
            reader
                .take(rest.saturating_add(1))
                .read_to_end(&mut head)
                .map_err(|e| input.read_error(&e))?;
            if head.len() > max {
                return Err(too_large(max));
            }
            let doc = input.decode(&head, limits)?;
            emit(&printable::line(&summary(&doc)), true)?;
            Ok(outcome(fail_on_error && has_error_status(&doc)))
        }
        Command::Notification { input } => {
            let notification = Notification::decode(&input.read(limits)?)
                .map_err(|e| input.named(e.to_string()))?;
            warn(&notification.quirks);
            emit_json(&notification).map(|()| Outcome::Done)
        }
        #[cfg(feature = "gateway")]
        Command::Serve(args) => serve(args),
    }
}

fn outcome(error_status: bool) -> Outcome {
    if error_status {
        Outcome::ErrorStatus
    } else {
        Outcome::Done
    }
}

/// Whether a decoded response has a result whose status is an error.
fn has_error_status(doc: &Document) -> bool {
    match doc {
        Document::Response(r) => r.results.iter().any(|r| r.status.code.is_error()),
        _ => false,
    }
}

/// `check` streams a response larger than this (in bytes), entry by entry, instead of
/// holding it in memory.
const STREAM_ABOVE: usize = 1 << 20;

impl Input {
    /// What the input is called in an error: the file's path, or `standard input`.
    fn name(&self) -> String {
        match &self.file {
            Some(path) if path.as_os_str() != "-" => path.display().to_string(),
            _ => "standard input".to_owned(),
        }
    }

    /// An error message about the input's content, naming the input.
    fn named(&self, message: String) -> String {
        format!("{}: {message}", self.name())
    }

    /// Decodes any document and reports its repaired quirks on stderr; an error names the
    /// input, says `empty input` for an empty one, and points a JSON one to `encode` and
    /// `notification`.
    fn decode(&self, bytes: &[u8], limits: &Limits) -> Result<Document, String> {
        let content = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(bytes)
            .trim_ascii_start();
        if content.is_empty() {
            return Err(self.named("empty input: no XML document".to_owned()));
        }
        match Document::decode_with(bytes, limits) {
            Ok(doc) => {
                warn(doc.quirks());
                Ok(doc)
            }
            Err(e) if content.starts_with(b"{") || content.starts_with(b"[") => {
                Err(self.named(format!(
                    "{e}; this looks like JSON: `encode` reads the JSON `decode` prints, \
                 `notification` reads a JSON notification body"
                )))
            }
            Err(e) => Err(self.named(e.to_string())),
        }
    }

    /// Says on stderr that the tool waits for standard input, when that is a terminal and no
    /// FILE was given (it would otherwise wait silently).
    fn hint_if_terminal(&self) {
        use std::io::IsTerminal;
        let stdin = !matches!(&self.file, Some(path) if path.as_os_str() != "-");
        if stdin && io::stdin().is_terminal() {
            let _ = writeln!(
                io::stderr().lock(),
                "autodns-xml: reading the document from standard input (end it with Ctrl-D); give a FILE to read one"
            );
        }
    }

    /// The input as a buffered reader.
    fn open(&self) -> Result<Box<dyn BufRead>, String> {
        self.hint_if_terminal();
        Ok(match &self.file {
            Some(path) if path.as_os_str() != "-" => {
                let file = std::fs::File::open(path).map_err(|e| self.read_error(&e))?;
                Box::new(io::BufReader::with_capacity(1 << 16, file))
            }
            _ => Box::new(io::stdin().lock()),
        })
    }

    fn read_error(&self, e: &io::Error) -> String {
        match &self.file {
            Some(path) if path.as_os_str() != "-" => format!("cannot read {}: {e}", path.display()),
            _ => format!("cannot read standard input: {e}"),
        }
    }

    /// The whole input, from the file or from standard input. More than the decoder's
    /// document size limit is not read: memory stays bounded whatever the input's size.
    fn read(&self, limits: &Limits) -> Result<Vec<u8>, String> {
        self.hint_if_terminal();
        let max = limits.max_document_size;
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
            return Err(too_large(max));
        }
        Ok(bytes)
    }
}

fn too_large(max: usize) -> String {
    format!(
        "the input is larger than {max} bytes (limit {})",
        Limit::DocumentSize
    )
}

/// The document as indented XML, the text of every element named `password` or `token` (in
/// any case, wherever it stands) masked as `***` unless `show` (the CLI prints secrets only
/// when asked to).
fn to_xml(doc: &Document, show: bool, limits: &Limits) -> Result<String, String> {
    let mut out = Vec::new();
    let mut w = XmlWriter::new(&mut out, Layout::Indented)
        .with_limits(*limits)
        .masking_secrets(!show);
    w.declaration();
    match doc {
        Document::Request(r) => ToXml::to_xml(r, "request", &mut w),
        Document::Response(r) => ToXml::to_xml(r, "response", &mut w),
        Document::Task(t) => ToXml::to_xml(t, "task", &mut w),
        other => return Err(format!("cannot encode a <{}> document", other.root())),
    }
    .map_err(encode_error)?;
    out.push(b'\n');
    String::from_utf8(out).map_err(|e| format!("cannot encode: {e}"))
}

fn warn(quirks: &[Quirk]) {
    warnings::report(quirks);
}

/// The `warning:` lines (issue 11 item 17): the first [`warnings::SHOWN`] quirks of each
/// kind with their positions, then one count per kind at the end; none with `--quiet`. The
/// tool reports quirks as the decoder finds them (a streamed list: entry by entry), so only
/// the counts are kept.
mod warnings {
    use super::printable;
    use autodns_xml::{Quirk, QuirkKind};
    use std::io::Write;
    use std::sync::Mutex;

    /// How many quirks of one kind are printed in full.
    pub const SHOWN: u64 = 3;

    struct Warnings {
        quiet: bool,
        /// Per kind: its name and how many quirks of it were found.
        counts: Vec<(&'static str, u64)>,
    }

    static WARNINGS: Mutex<Warnings> = Mutex::new(Warnings {
        quiet: false,
        counts: Vec::new(),
    });

    fn with<R>(f: impl FnOnce(&mut Warnings) -> R) -> R {
        let mut w = WARNINGS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut w)
    }

    /// The name of a quirk's kind, as the final count says it.
    fn kind_name(kind: &QuirkKind) -> &'static str {
        match kind {
            QuirkKind::MismatchedEndTag { .. } => "mismatched end tag",
            QuirkKind::MisspelledValue { .. } => "misspelled value",
            QuirkKind::DuplicatedTail { .. } => "repeated end tags",
            QuirkKind::IgnoredAttributes { .. } => "ignored attributes",
            _ => "other repair",
        }
    }

    pub fn set_quiet(quiet: bool) {
        with(|w| w.quiet = quiet);
    }

    /// Counts `quirks` (each with the repeats the decoder counted but did not list) and
    /// prints those within the first [`SHOWN`] of their kind.
    pub fn report(quirks: &[Quirk]) {
        with(|w| {
            let mut err = std::io::stderr().lock();
            for quirk in quirks {
                let name = kind_name(&quirk.kind);
                let count = match w.counts.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, count)) => count,
                    None => {
                        w.counts.push((name, 0));
                        match w.counts.last_mut() {
                            Some((_, count)) => count,
                            None => continue,
                        }
                    }
                };
                let shown = *count < SHOWN;
                *count = count.saturating_add(1).saturating_add(quirk.repeats);
                if !w.quiet && shown {
                    let _ = writeln!(err, "warning: {}", printable::line(&quirk.to_string()));
                }
            }
        });
    }

    /// One line per kind with more quirks than were printed.
    pub fn finish() {
        with(|w| {
            if w.quiet {
                return;
            }
            let mut err = std::io::stderr().lock();
            for (name, count) in &w.counts {
                if *count > SHOWN {
                    let more = count - SHOWN;
                    let _ = writeln!(
                        err,
                        "warning: {more} more {name} quirks not shown ({count} in all)"
                    );
                }
            }
        });
    }
}

fn encode_error(e: autodns_xml::EncodeError) -> String {
    format!("cannot encode: {e}")
}

/// What the tool prints that came from the input, made harmless to a terminal and to a
/// reader of lines (issue 11 item 16): no value can end a line, move the cursor or start an
/// escape sequence, so no document can print a second, forged `response:` line.
mod printable {
    use std::borrow::Cow;
    use std::fmt::Write;

    /// Whether `c` is a control character: C0 (CR, LF, tab, ESC...), DEL or C1 (U+0080 to
    /// U+009F, U+009B being a terminal's CSI).
    fn is_control(c: char) -> bool {
        c.is_control()
    }

    /// `text` with every character `pick` picks replaced by what `write` writes for it.
    fn replaced(
        text: &str,
        pick: impl Fn(char) -> bool,
        write: impl Fn(&mut String, char),
    ) -> Cow<'_, str> {
        if !text.chars().any(&pick) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 16);
        for c in text.chars() {
            if pick(c) {
                write(&mut out, c);
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    }

    /// One line (a summary, a warning, an error): every control character, and the Unicode
    /// line and paragraph separators, written as `\u{…}`.
    pub fn line(text: &str) -> Cow<'_, str> {
        replaced(
            text,
            |c| is_control(c) || matches!(c, '\u{2028}' | '\u{2029}'),
            |out, c| {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            },
        )
    }

    /// Pretty JSON from serde_json, which escapes C0 itself, passed on with DEL and C1 (which
    /// can only stand inside strings) written as `\u00XX`, the same JSON value: piece by
    /// piece, a C1 character split between two writes included.
    pub struct JsonOut<W: std::io::Write> {
        inner: W,
        /// A lead byte 0xC2 at the end of the last write, whose next byte decides.
        pending: bool,
    }

    impl<W: std::io::Write> JsonOut<W> {
        pub fn new(inner: W) -> Self {
            JsonOut {
                inner,
                pending: false,
            }
        }

        #[cfg(test)]
        pub fn into_inner(self) -> W {
            self.inner
        }
    }

    impl<W: std::io::Write> std::io::Write for JsonOut<W> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let mut rest = buf;
            loop {
                if std::mem::take(&mut self.pending) {
                    match rest.split_first() {
                        Some((&b, after)) if (0x80..=0x9f).contains(&b) => {
                            write!(self.inner, "\\u{:04x}", u32::from(b))?;
                            rest = after;
                        }
                        Some(_) => self.inner.write_all(&[0xc2])?,
                        None => {
                            self.pending = true;
                            return Ok(buf.len());
                        }
                    }
                }
                let Some(i) = memchr::memchr2(0x7f, 0xc2, rest) else {
                    self.inner.write_all(rest)?;
                    return Ok(buf.len());
                };
                let (before, at) = rest.split_at(i);
                self.inner.write_all(before)?;
                if at.first() == Some(&0x7f) {
                    self.inner.write_all(b"\\u007f")?;
                } else {
                    self.pending = true;
                }
                rest = at.get(1..).unwrap_or_default();
            }
        }

        fn flush(&mut self) -> std::io::Result<()> {
            if std::mem::take(&mut self.pending) {
                self.inner.write_all(&[0xc2])?;
            }
            self.inner.flush()
        }
    }

    fn is_control_not_c0(c: char) -> bool {
        is_control(c) && c >= '\u{7f}'
    }

    /// An XML document from the writer, which refuses C0 controls other than tab, LF and
    /// CR and writes CR as a reference: DEL and C1 as character references, the same
    /// document. In a CDATA section (where a reference would be literal) the section is
    /// closed before the reference and opened again after it.
    pub fn xml(text: &str) -> Cow<'_, str> {
        if !text.chars().any(is_control_not_c0) {
            return Cow::Borrowed(text);
        }
        const OPEN: &str = "<![CDATA[";
        const CLOSE: &str = "]]>";
        let mut out = String::with_capacity(text.len() + 16);
        let mut in_cdata = false;
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if !in_cdata && rest.starts_with(OPEN) {
                in_cdata = true;
                out.push_str(OPEN);
                rest = rest.get(OPEN.len()..).unwrap_or_default();
                continue;
            }
            if in_cdata && rest.starts_with(CLOSE) {
                in_cdata = false;
                out.push_str(CLOSE);
                rest = rest.get(CLOSE.len()..).unwrap_or_default();
                continue;
            }
            if is_control_not_c0(c) {
                let reference = format!("&#x{:X};", u32::from(c));
                if in_cdata {
                    out.push_str(CLOSE);
                    out.push_str(&reference);
                    out.push_str(OPEN);
                } else {
                    out.push_str(&reference);
                }
            } else {
                out.push(c);
            }
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
        }
        Cow::Owned(out)
    }
}

/// Writes `value` to stdout as pretty JSON (see [`printable::JsonOut`]) and a final newline,
/// as it is serialized: the JSON text is never held whole, so a large model costs no second
/// copy of itself. Our models' serializers cannot fail, so only writing can; a closed pipe is
/// not an error.
fn emit_json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let stdout = io::stdout().lock();
    let mut out = printable::JsonOut::new(io::BufWriter::with_capacity(64 << 10, stdout));
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    stdout_result(written)
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
    stdout_result(written)
}

/// The outcome of writing to stdout: a closed pipe (the reader stopped early, as `head`
/// does) is not an error.
fn stdout_result(written: io::Result<()>) -> Result<(), String> {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write to standard output: {e}"))
        }
        _ => Ok(()),
    }
}

/// JSON checked for what serde_json lets through (issue 11 item 13): a key twice in one
/// object, and a second top-level key.
mod strict {
    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::collections::HashSet;
    use std::fmt;

    /// Any JSON value in which no object has a key twice.
    struct Value;

    impl<'de> Deserialize<'de> for Value {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(ValueVisitor)
        }
    }

    struct ValueVisitor;

    impl<'de> Visitor<'de> for ValueVisitor {
        type Value = Value;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Value, E> {
            Ok(Value)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Value, E> {
            Ok(Value)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Value, E> {
            Ok(Value)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Value, E> {
            Ok(Value)
        }
        fn visit_str<E>(self, _: &str) -> Result<Value, E> {
            Ok(Value)
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            while seq.next_element::<Value>()?.is_some() {}
            Ok(Value)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut seen = HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !seen.insert(key.clone()) {
                    return Err(de::Error::custom(format_args!("the key `{key}` twice")));
                }
                map.next_value::<Value>()?;
            }
            Ok(Value)
        }
    }

    /// A document: an object with one key.
    pub struct Root;

    impl<'de> Deserialize<'de> for Root {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_map(RootVisitor)
        }
    }

    struct RootVisitor;

    impl<'de> Visitor<'de> for RootVisitor {
        type Value = Root;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object with one key: request, response or task")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Root, A::Error> {
            let Some(first) = map.next_key::<String>()? else {
                return Err(de::Error::custom(
                    "an empty object: a document is {\"request\": …}, {\"response\": …} or {\"task\": …}",
                ));
            };
            map.next_value::<Value>()?;
            if let Some(second) = map.next_key::<String>()? {
                return Err(de::Error::custom(format_args!(
                    "a second top-level key `{second}` after `{first}`: a document has one"
                )));
            }
            Ok(Root)
        }
    }
}

/// The JSON form `decode` prints, by its single top-level key.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum JsonDocument<'a> {
    Request(Box<Request>),
    /// Read in two steps: each result's data is typed by its status code. Kept as its text
    /// meanwhile (a `serde_json::Value` of a large list cost 12 times its text).
    Response(#[serde(borrow)] &'a RawValue),
    Task(Box<RequestTask>),
}

/// The deepest JSON `encode` reads: what `decode` prints for the deepest document the decoder
/// takes (256 elements, each at most four JSON levels: an unknown child is an object in an
/// array in an object), with room for the envelope.
const MAX_JSON_DEPTH: usize = 4 * 256 + 16;

/// The nesting depth of JSON text: brackets and braces outside strings (the text need not be
/// valid: the parser judges that).
fn json_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0, false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// `T` from JSON text without serde_json's recursion limit of 128 (issue 11 item 11: a
/// document the decoder takes, 42 unknown elements deep, did not read back). Called by
/// [`from_json`] only, once the depth is bounded and on a stack large enough for it.
fn unlimited_json<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
    unlimited_json_with(bytes, |de| T::deserialize(de))
        .map_err(|e| format!("invalid JSON input: {e}"))
}

/// What `read` makes of JSON text, without serde_json's recursion limit (see
/// [`unlimited_json`]), the text wholly read.
fn unlimited_json_with<'a, T>(
    bytes: &'a [u8],
    read: impl FnOnce(
        &mut serde_json::Deserializer<serde_json::de::SliceRead<'a>>,
    ) -> serde_json::Result<T>,
) -> serde_json::Result<T> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    de.disable_recursion_limit();
    let value = read(&mut de)?;
    de.end()?;
    Ok(value)
}

/// A serde_json error in a part of the document read on its own, without the position
/// (which would count from the start of the part, not of the document).
fn unplaced(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&place) {
        Some(message) if e.line() > 0 => message.to_owned(),
        _ => text,
    }
}

fn from_json(bytes: &[u8]) -> Result<Document, String> {
    // The depth is bounded by `MAX_JSON_DEPTH` instead of serde_json's recursion limit.
    let depth = json_depth(bytes);
    if depth > MAX_JSON_DEPTH {
        return Err(format!(
            "invalid JSON input: nested {depth} levels deep, more than the {MAX_JSON_DEPTH} a document can need"
        ));
    }
    let read = || {
        // First the shape every JSON document must have (one top-level key, no key twice in
        // any object: serde_json would keep the last value), with serde_json's positions;
        // then the model.
        unlimited_json::<strict::Root>(bytes)?;
        Ok(match unlimited_json::<JsonDocument>(bytes)? {
            JsonDocument::Request(r) => Document::Request(*r),
            JsonDocument::Task(t) => Document::Task(*t),
            JsonDocument::Response(v) => Document::Response(response_from_json(v)?),
        })
    };
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn_scoped(scope, read)
            .map_err(|e| format!("cannot start the JSON reader: {e}"))?
            .join()
            .unwrap_or_else(|_| Err("the JSON reader failed".to_owned()))
    })
}

/// A `Response<AnyData>` from its JSON: the envelope first (data set aside), then each
/// result's data as the data of the task its status code names.
fn response_from_json(json: &RawValue) -> Result<Response<AnyData>, String> {
    // The envelope with each result's data as its text: no tree of the whole document.
    let envelope: Response<&RawValue> =
        unlimited_json_with(json.get().as_bytes(), |de| Deserialize::deserialize(de))
            .map_err(|e| format!("invalid JSON input: in response: {}", unplaced(&e)))?;
    let mut results: Vec<TaskResult<AnyData>> = Vec::with_capacity(envelope.results.len());
    for (i, mut result) in envelope.results.into_iter().enumerate() {
        let typed = match result.data.take() {
            None => None,
            Some(d) => {
                let code = result.status.code.task.as_str();
                let typed = unlimited_json_with(d.get().as_bytes(), |de| {
                    AnyData::deserialize_for(code, de)
                })
                .map_err(|e| {
                    format!(
                        "invalid JSON input: in response result {} (task {code}) data: {}",
                        i + 1,
                        unplaced(&e)
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

/// Whether the document's root element is `<response>` (after a BOM, white space, the XML
/// declaration, comments and processing instructions); `None` if `head` ends before the
/// root's name (a long comment, say), so that more must be read to know.
fn root_is_response(head: &[u8]) -> Option<bool> {
    let mut rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    loop {
        rest = rest.trim_ascii_start();
        let skip_to = |rest: &[u8], end: &[u8]| {
            rest.windows(end.len())
                .position(|w| w == end)
                .map(|i| i + end.len())
        };
        let next = if rest.starts_with(b"<!--") {
            skip_to(rest, b"-->")
        } else if rest.starts_with(b"<?") {
            skip_to(rest, b"?>")
        } else if rest.is_empty() || b"<!--".starts_with(rest) || rest == b"<" {
            // Not even the start of the next construct yet.
            return None;
        } else {
            return match rest.strip_prefix(b"<response") {
                Some([]) => None,
                Some([b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n', ..]) => Some(true),
                Some(_) => Some(false),
                None if b"<response".starts_with(rest) => None,
                None => Some(false),
            };
        };
        match next.and_then(|n| rest.get(n..)) {
            Some(after) => rest = after,
            None => return None,
        }
    }
}

/// `check` on a large response: the entries are decoded and counted one at a time.
/// Returns the summary line and whether a result's status is an error.
fn check_stream(input: impl BufRead, limits: &Limits) -> Result<(String, bool), String> {
    let mut entries = ListReader::<AnyEntry, _>::new(input).with_limits(*limits);
    // Warnings as they come: memory stays flat however many quirks a list holds.
    while let Some(entry) = entries.next() {
        warn(&entries.take_quirks());
        entry.map_err(|e| e.to_string())?;
    }
    let response = entries.finish().map_err(|e| e.to_string())?;
    warn(&response.quirks);
    let failed = response.results.iter().any(|r| r.status.code.is_error());
    // The data of modelled tasks without a list form, typed first: it may not decode.
    let kept: Vec<Option<Vec<String>>> = response
        .results
        .iter()
        .map(|result| {
            let code = result.status.code.task.as_str();
            let modelled = autodns_xml::registry::is_modelled(code);
            match (&result.data, autodns_xml::registry::list_entries(code)) {
                (Some(data), None) if modelled => kept_data_summary(data, result).map(Some),
                _ => Ok(None),
            }
        })
        .collect::<Result<_, _>>()?;
    let line = response_summary(&response, |result| {
        let index = response
            .results
            .iter()
            .position(|r| std::ptr::eq(r, result));
        if let Some(Some(summary)) = index.and_then(|i| kept.get(i)) {
            return summary.clone();
        }
        let code = result.status.code.task.as_str();
        let data = result.data.as_ref();
        match autodns_xml::registry::list_entries(code) {
            Some(name) => data.map(|d| entries_count(d, name)).unwrap_or_default(),
            None => data.map(|d| entries_count(d, "entry")).unwrap_or_default(),
        }
    });
    Ok((line, failed))
}

/// What the whole-document path says of a streamed result's data, for a modelled task
/// without a list form (a large 0905 answer, say): the data the stream kept beside its
/// entries (its summary and other children, bounded by `max_retained`) typed by the
/// result's status code, or the error that typing it gives.
fn kept_data_summary(
    data: &ListData,
    result: &TaskResult<ListData>,
) -> Result<Vec<String>, String> {
    let mut children = Vec::with_capacity(data.unknown.len() + 1);
    if let Some(n) = data.summary {
        let mut summary = RawElement {
            name: "summary".to_owned(),
            ..RawElement::default()
        };
        summary.children.push(RawNode::Text(n.to_string()));
        children.push(RawNode::Element(summary));
    }
    children.extend(data.unknown.iter().map(RawNode::Element));
    let raw = RawElement {
        name: "data".to_owned(),
        children,
        ..RawElement::default()
    };
    let one = Response::new(TaskResult::new(Some(raw), result.status.clone()));
    let xml = one.to_xml_with(Layout::Compact).map_err(encode_error)?;
    match Document::decode(xml.as_bytes()).map_err(|e| e.to_string())? {
        Document::Response(r) => Ok(r
            .results
            .first()
            .and_then(|r| r.data.as_ref())
            .map(data_summary)
            .unwrap_or_default()),
        _ => Ok(vec!["data".to_owned()]),
    }
}

fn entries_count(data: &ListData, name: &str) -> Vec<String> {
    let count = usize::try_from(data.entries).unwrap_or(usize::MAX);
    vec![entries(count, data.summary, name)]
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
        Document::Response(r) => response_summary(r, |result| {
            result.data.as_ref().map(data_summary).unwrap_or_default()
        }),
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

/// `response: N results, <each result>; …, stid S, ctid C`, with `data` saying what each
/// result's data holds.
fn response_summary<D>(r: &Response<D>, data: impl Fn(&TaskResult<D>) -> Vec<String>) -> String {
    let results: Vec<String> = r
        .results
        .iter()
        .map(|result| result_summary(result, data(result)))
        .collect();
    let mut parts = vec![plural(r.results.len(), "result"), results.join("; ")];
    if let Some(stid) = &r.stid {
        parts.push(format!("stid {stid}"));
    }
    if let Some(ctid) = &r.ctid {
        parts.push(format!("ctid {ctid}"));
    }
    format!("response: {}", parts.join(", "))
}

/// `task C, status S (type)`, then what the data holds (`data`) and the messages.
fn result_summary<D>(result: &TaskResult<D>, data: Vec<String>) -> String {
    let status = &result.status;
    let mut parts = vec![
        format!("task {}", status.code.task),
        format!("status {} ({})", status.code, status_type(status)),
    ];
    parts.extend(data);
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
    data.facts()
        .iter()
        .map(|fact| match fact {
            Fact::Job { element, job } => job_summary(element, job),
            Fact::Entries {
                element,
                count,
                total,
            } => entries(*count, *total, element),
            Fact::Waiting(n) => format!("summary {n}"),
            Fact::Message(id) => format!("message {id}"),
            Fact::Zone { name, records } => {
                format!("zone {name} ({})", plural(*records, "record"))
            }
            Fact::Elements(names) => format!("data <{}>", names.join("> <")),
            _ => "data".to_owned(),
        })
        .collect()
}

/// `job 123456 (RUNNING)`: the job's id and, if given, its status as sent.
fn job_summary(what: &str, job: &autodns_xml::job::Job) -> String {
    match &job.status {
        Some(status) => format!("{what} {} ({})", job.id, status.as_str()),
        None => format!("{what} {}", job.id),
    }
}

/// `3 domains`, or `3 of 57 domains` when the server's summary counts more than were returned.
fn entries(count: usize, summary: Option<u64>, name: &str) -> String {
    match summary {
        Some(total) if u64::try_from(count).ok() != Some(total) => {
            format!("{count} of {total} {}", plural_word(total, name))
        }
        _ => plural(count, name),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!(
        "{n} {}",
        plural_word(u64::try_from(n).unwrap_or(u64::MAX), word)
    )
}

/// `word`, or its plural for any count but one (`msg` / `msgs`, `certificate_job` /
/// `certificate_jobs`).
fn plural_word(n: u64, word: &str) -> String {
    match word.strip_suffix('y') {
        _ if n == 1 => word.to_owned(),
        Some(stem) => format!("{stem}ies"),
        None => format!("{word}s"),
    }
}

#[cfg(test)]
mod root_tests {
    use super::root_is_response;

    #[test]
    fn the_root_is_known_only_once_its_name_is_read() {
        assert_eq!(
            root_is_response(b"<?xml version='1.0'?>\n<response>"),
            Some(true)
        );
        assert_eq!(
            root_is_response(b"\xEF\xBB\xBF<!-- c --><response/>"),
            Some(true)
        );
        assert_eq!(root_is_response(b"<request>"), Some(false));
        assert_eq!(root_is_response(b"<responses>"), Some(false));
        // Cut before the root's name is known: more must be read (issue 11 item 10).
        for cut in [
            "",
            "  ",
            "<",
            "<!-",
            "<!-- a long comment",
            "<?xml ",
            "<resp",
            "<response",
        ] {
            assert_eq!(root_is_response(cut.as_bytes()), None, "{cut:?}");
        }
    }
}

#[cfg(test)]
mod json_out_tests {
    use super::printable::JsonOut;
    use std::io::Write;

    #[test]
    fn c1_and_del_are_escaped_even_when_split_between_writes() {
        let text = "\"a\u{85}é\u{9b}\u{7f}ÿ\u{a0}\"".as_bytes();
        for cut in 0..=text.len() {
            let mut out = JsonOut::new(Vec::new());
            out.write_all(&text[..cut]).unwrap();
            out.write_all(&text[cut..]).unwrap();
            out.flush().unwrap();
            let got = String::from_utf8(out_bytes(out)).unwrap();
            assert_eq!(got, "\"a\\u0085é\\u009b\\u007fÿ\u{a0}\"", "cut at {cut}");
        }
    }

    fn out_bytes(out: JsonOut<Vec<u8>>) -> Vec<u8> {
        out.into_inner()
    }
}

#[cfg(test)]
mod json_response_tests {
    use super::{Document, from_json};
    use autodns_xml::AnyData;

    fn error(json: &str) -> String {
        from_json(json.as_bytes()).err().unwrap_or_default()
    }

    /// A response's envelope and each result's data are read from their own text (no
    /// `serde_json::Value`): an error in them says where in the document, not at which
    /// column of the part it was found in, as when they were read from a `Value`.
    #[test]
    fn a_response_read_in_parts_reports_errors_without_the_parts_positions() {
        assert_eq!(
            error(
                r#"{"response": {"result": [{"data": {"summary": "many"}, "status": {"code": "S400115"}}]}}"#
            ),
            r#"invalid JSON input: in response result 1 (task 400115) data: invalid type: string "many", expected u64"#
        );
        assert_eq!(
            error(
                r#"{"response": {"result": [{"data": null, "status": {"code": "S0105"}}], "stid": 5}}"#
            ),
            "invalid JSON input: in response: invalid type: integer `5`, expected a string"
        );
        assert_eq!(
            error(r#"{"response": {"results": []}}"#),
            "invalid JSON input: in response: missing field `result`"
        );
        // Checked on the whole text first: that position is the document's.
        assert_eq!(
            error(r#"{"response": {"stid": "a", "stid": "b", "result": []}}"#),
            "invalid JSON input: the key `stid` twice at line 1 column 33"
        );
    }

    #[test]
    fn each_results_data_is_typed_by_its_own_status_code() {
        let json = r#"{"response": {"result": [
            {"data": {"domain": [{"name": "a.de"}]}, "status": {"code": "S0105"}},
            {"status": {"code": "S0101"}},
            {"data": {"name": "data", "children": [{"text": "x"}]}, "status": {"code": "S777777"}}
        ], "stid": "s"}}"#;
        let Ok(Document::Response(r)) = from_json(json.as_bytes()) else {
            panic!("{:?}", error(json));
        };
        let kinds: Vec<Option<bool>> = r
            .results
            .iter()
            .map(|r| r.data.as_ref().map(|d| matches!(d, AnyData::Raw(_))))
            .collect();
        assert_eq!(kinds, [Some(false), None, Some(true)]);
        assert_eq!(r.stid.as_deref(), Some("s"));
    }
}
