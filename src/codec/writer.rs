//! [`XmlWriter`]: writes a document straight into a byte buffer, compact or indented.

use crate::codec::RawEvents;
use crate::codec::syntax::{is_xml_char, is_xml_name};
use crate::error::EncodeError;
use crate::limits::{Limit, Limits};
use std::fmt;
use std::io;

/// Output layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Everything on one line, no white space between elements.
    Compact,
    /// One element per line, indented by two spaces per level.
    #[default]
    Indented,
}

/// Writes elements into a `Vec<u8>` (and from there, optionally, into an [`io::Write`]),
/// escaping text, with no intermediate tree.
pub struct XmlWriter<'o> {
    out: &'o mut Vec<u8>,
    layout: Layout,
    depth: usize,
    /// A start tag has been written without its closing `>` yet (it may still become `/>`).
    open_tag: bool,
    /// Where `out` is drained to as it fills, if anywhere.
    sink: Option<&'o mut dyn io::Write>,
    /// The first error the sink returned; nothing more is written to it after one.
    failed: Option<io::Error>,
    /// What the decoder would accept: the writer refuses to write more.
    limits: Limits,
    /// Bytes already handed to the sink.
    drained: usize,
    /// Whether the document size is bounded (a whole document) or not (a stream to a sink).
    bounded: bool,
    /// Write `***` for the text of any element named `password`, `token` or `authinfo`.
    mask_secrets: bool,
    /// Where elements go as events instead of bytes, if anywhere (see [`XmlWriter::to_events`]).
    events: Option<&'o mut dyn RawEvents>,
}

/// What the writer, and every serializer of the crate, writes instead of a secret.
pub(crate) const MASK: &str = "***";

/// Whether an element of this name may hold a secret wherever it stands: `password`,
/// `token` or `authinfo` (a domain's auth code), in any case.
pub(crate) fn is_secret_name(name: &str) -> bool {
    ["password", "token", "authinfo"]
        .iter()
        .any(|secret| name.eq_ignore_ascii_case(secret))
}

impl fmt::Debug for XmlWriter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("XmlWriter")
            .field("buffered", &self.out.len())
            .field("layout", &self.layout)
            .field("depth", &self.depth)
            .field("sink", &self.sink.is_some())
            .finish()
    }
}

/// How much output [`XmlWriter::to_sink`] buffers before it writes to its sink.
const SINK_CHUNK: usize = 64 << 10;

impl<'o> XmlWriter<'o> {
    /// A writer appending to `out`.
    pub fn new(out: &'o mut Vec<u8>, layout: Layout) -> Self {
        XmlWriter {
            out,
            layout,
            depth: 0,
            open_tag: false,
            sink: None,
            failed: None,
            limits: Limits::default(),
            drained: 0,
            bounded: true,
            mask_secrets: false,
            events: None,
        }
    }

    /// A writer that hands each element to `events` (start with its attributes, text, end)
    /// instead of writing bytes: the text unescaped, no declaration and no indentation, and
    /// every check of [`new`](Self::new)'s writer made. It builds a model's element in memory
    /// as decoding its XML would (`out` is scratch space).
    #[cfg(any(feature = "json", all(test, feature = "arbitrary")))]
    pub(crate) fn to_events(out: &'o mut Vec<u8>, events: &'o mut dyn RawEvents) -> Self {
        XmlWriter {
            events: Some(events),
            ..XmlWriter::new(out, Layout::Compact)
        }
    }

    /// Enforces `limits` instead of the defaults: an element deeper than `max_depth`, a text
    /// longer than `max_text_len`, more than `max_attributes` attributes (or more than
    /// `max_text_len` bytes of them) and, for a whole document (not one written to a sink), more
    /// than `max_document_size` bytes are [`EncodeError::LimitExceeded`]. What the writer
    /// accepts, a decoder under the same limits reads back.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Writes `***` instead of the text of every element named `password`, `token` or
    /// `authinfo` (in any case), wherever it stands, and of an `authinfo` object's value: a
    /// copy for logs that keeps no secret.
    pub fn masking_secrets(mut self, mask: bool) -> Self {
        self.mask_secrets = mask;
        self
    }

    /// Whether this writer masks secrets (see [`masking_secrets`](Self::masking_secrets)).
    pub(crate) fn masks_secrets(&self) -> bool {
        self.mask_secrets
    }

    fn exceeds(&self, element: &str, limit: Limit) -> EncodeError {
        EncodeError::LimitExceeded {
            element: element.to_owned(),
            limit,
            max: self.limits.get(limit),
        }
    }

    /// `text`, or `***` if it is the text of a secret and secrets are masked.
    fn shown<'t>(&self, name: &str, text: &'t str) -> &'t str {
        if self.mask_secrets && !text.is_empty() && is_secret_name(name) {
            MASK
        } else {
            text
        }
    }

    /// Refuses a text longer than the decoder would read.
    fn check_text(&self, name: &str, len: usize) -> Result<(), EncodeError> {
        if len > self.limits.max_text_len {
            return Err(self.exceeds(name, Limit::TextLength));
        }
        Ok(())
    }

    /// Refuses a document larger than the decoder would read (whole documents only).
    pub(crate) fn check_size(&self, name: &str) -> Result<(), EncodeError> {
        if self.bounded && self.drained + self.out.len() > self.limits.max_document_size {
            return Err(self.exceeds(name, Limit::DocumentSize));
        }
        Ok(())
    }

    /// A writer that buffers in `buf` and writes to `sink` each time about 64 KiB are ready
    /// (at the end of an element), so that memory stays flat however large the document.
    /// Call [`finish`](Self::finish) after the last element.
    pub fn to_sink(buf: &'o mut Vec<u8>, sink: &'o mut dyn io::Write, layout: Layout) -> Self {
        let mut w = XmlWriter::new(buf, layout);
        w.sink = Some(sink);
        w.bounded = false;
        w
    }

    /// Writes what is buffered to the sink (if any) and returns the first error it gave.
    pub fn finish(mut self) -> io::Result<()> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        if let Some(sink) = self.sink.take() {
            sink.write_all(self.out)?;
            self.out.clear();
            sink.flush()?;
        }
        Ok(())
    }

    /// Hands the buffer to the sink once it is full, keeping its last byte (the indentation
    /// looks at it).
    fn drain_to_sink(&mut self) {
        if self.out.len() < SINK_CHUNK || self.failed.is_some() {
            return;
        }
        if let Some(sink) = &mut self.sink {
            let keep = self.out.len() - 1;
            match sink.write_all(self.out.get(..keep).unwrap_or_default()) {
                Ok(()) => {
                    self.out.drain(..keep);
                    self.drained += keep;
                }
                Err(e) => self.failed = Some(e),
            }
        }
    }

    /// Writes the XML declaration `<?xml version="1.0" encoding="UTF-8"?>`.
    pub fn declaration(&mut self) {
        if self.events.is_some() {
            return;
        }
        self.out
            .extend_from_slice(br#"<?xml version="1.0" encoding="UTF-8"?>"#);
        if self.layout == Layout::Indented {
            self.out.push(b'\n');
        }
    }

    fn finish_open_tag(&mut self) {
        if self.open_tag {
            self.out.push(b'>');
            self.open_tag = false;
        }
    }

    fn newline(&mut self) {
        if self.layout == Layout::Indented
            && !self.out.is_empty()
            && self.out.last() != Some(&b'\n')
        {
            self.out.push(b'\n');
        }
        if self.layout == Layout::Indented {
            // Two spaces a level, copied in runs of up to 32 levels.
            const SPACES: &[u8] =
                b"                                                                ";
            let mut left = self.depth.saturating_mul(2);
            while left > 0 {
                let run = left.min(SPACES.len());
                self.out
                    .extend_from_slice(SPACES.get(..run).unwrap_or_default());
                left -= run;
            }
        }
    }

    /// Opens element `name`; close it with [`end`](Self::end).
    pub fn start(&mut self, name: &str) -> Result<(), EncodeError> {
        // `start_with` without attributes: nothing to count, compare or escape.
        check_name(name)?;
        if self.depth >= self.limits.max_depth {
            return Err(self.exceeds(name, Limit::Depth));
        }
        if let Some(events) = self.events.as_deref_mut() {
            events.start(name, Vec::new());
            self.depth += 1;
            return Ok(());
        }
        self.check_size(name)?;
        self.finish_open_tag();
        self.newline();
        self.out.push(b'<');
        self.out.extend_from_slice(name.as_bytes());
        self.open_tag = true;
        self.depth += 1;
        Ok(())
    }

    fn start_with<K: AsRef<str>, V: AsRef<str>>(
        &mut self,
        name: &str,
        attributes: &[(K, V)],
    ) -> Result<(), EncodeError> {
        check_name(name)?;
        if self.depth >= self.limits.max_depth {
            return Err(self.exceeds(name, Limit::Depth));
        }
        if attributes.len() > self.limits.max_attributes {
            return Err(self.exceeds(name, Limit::Attributes));
        }
        self.check_size(name)?;
        // XML allows an attribute name once per element: refused before anything is written.
        for (i, (key, _)) in attributes.iter().enumerate() {
            let key = key.as_ref();
            if attributes
                .get(..i)
                .unwrap_or_default()
                .iter()
                .any(|(k, _)| k.as_ref() == key)
            {
                return Err(EncodeError::DuplicateAttribute {
                    element: name.to_owned(),
                    attribute: key.to_owned(),
                });
            }
        }
        let to_events = self.events.is_some();
        if !to_events {
            self.finish_open_tag();
            self.newline();
            self.out.push(b'<');
            self.out.extend_from_slice(name.as_bytes());
        }
        // Written to events too, into scratch space: checked and measured as here.
        let mark = self.out.len();
        for (key, value) in attributes {
            let key = key.as_ref();
            check_name(key)?;
            self.out.push(b' ');
            self.out.extend_from_slice(key.as_bytes());
            self.out.extend_from_slice(b"=\"");
            escape(self.out, name, value.as_ref(), true)?;
            self.out.push(b'"');
        }
        // The decoder bounds a start tag's attributes, as written, by the text length.
        self.check_text(name, self.out.len() - mark)
            .map_err(|_| self.exceeds(name, Limit::TextLength))?;
        if to_events {
            self.out.truncate(mark);
        }
        match self.events.as_deref_mut() {
            Some(events) => {
                let owned = attributes
                    .iter()
                    .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()));
                events.start(name, owned.collect());
            }
            None => self.open_tag = true,
        }
        self.depth += 1;
        Ok(())
    }

    /// A text of the element open last, as an event (an empty one is no text, as decoding
    /// `<a></a>` gives none).
    fn text_event(&mut self, element: &str, text: &str) -> Result<(), EncodeError> {
        check_chars(element, text)?;
        if let Some(events) = self.events.as_deref_mut()
            && !text.is_empty()
        {
            events.text(text);
        }
        Ok(())
    }

    /// Closes element `name` (written as `<name/>` if nothing was written inside).
    pub fn end(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        if let Some(events) = self.events.as_deref_mut() {
            events.end();
            return;
        }
        if self.open_tag {
            self.out.extend_from_slice(b"/>");
            self.open_tag = false;
            return;
        }
        self.newline();
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'>');
        self.drain_to_sink();
    }

    /// Writes `<name>text</name>` with `text` escaped (`<name/>` for an empty text).
    pub fn leaf(&mut self, name: &str, text: &str) -> Result<(), EncodeError> {
        let text = self.shown(name, text);
        self.check_text(name, text.len())?;
        self.start(name)?;
        if self.events.is_some() {
            self.text_event(name, text)?;
            self.end(name);
            return Ok(());
        }
        if !text.is_empty() {
            self.finish_open_tag();
            escape(self.out, name, text, false)?;
            self.inline_end(name);
        } else {
            self.end(name);
        }
        Ok(())
    }

    /// Writes `<name>` then `value`'s `Display` output (which must need no escaping:
    /// numbers, dates, enum spellings checked by the caller).
    pub fn leaf_display(
        &mut self,
        name: &str,
        value: impl std::fmt::Display,
    ) -> Result<(), EncodeError> {
        use std::io::Write;
        // Writing into a Vec cannot fail.
        self.leaf_with(name, |out| {
            let _ = write!(out, "{value}");
        })
    }

    /// Writes `<name>` then the bytes `write` appends (which must need no escaping), as
    /// [`leaf_display`](Self::leaf_display) does, without the formatting machinery.
    pub(crate) fn leaf_with(
        &mut self,
        name: &str,
        write: impl FnOnce(&mut Vec<u8>),
    ) -> Result<(), EncodeError> {
        if self.mask_secrets && is_secret_name(name) {
            return self.leaf(name, MASK);
        }
        if self.events.is_some() {
            // `out` is scratch space here: the bytes become the text.
            let mark = self.out.len();
            write(self.out);
            let text =
                String::from_utf8_lossy(self.out.get(mark..).unwrap_or_default()).into_owned();
            self.out.truncate(mark);
            return self.leaf(name, &text);
        }
        self.start(name)?;
        let mark = self.out.len();
        self.out.push(b'>');
        write(self.out);
        self.check_text(name, self.out.len() - mark - 1)?;
        if self.out.len() == mark + 1 {
            self.out.truncate(mark);
            self.end(name);
        } else {
            self.open_tag = false;
            self.inline_end(name);
        }
        Ok(())
    }

    /// Writes `<name><![CDATA[text]]></name>`, splitting any `]]>` in `text` across two
    /// sections. Text with a carriage return is written escaped instead, since a parser
    /// would turn a raw CR into a line feed.
    pub fn cdata_leaf(&mut self, name: &str, text: &str) -> Result<(), EncodeError> {
        let text = self.shown(name, text);
        if text.is_empty() || text.contains('\r') || self.events.is_some() {
            return self.leaf(name, text);
        }
        self.check_text(name, text.len())?;
        check_chars(name, text)?;
        self.start(name)?;
        self.finish_open_tag();
        self.out.extend_from_slice(b"<![CDATA[");
        self.out
            .extend_from_slice(text.replace("]]>", "]]]]><![CDATA[>").as_bytes());
        self.out.extend_from_slice(b"]]>");
        self.inline_end(name);
        Ok(())
    }

    fn inline_end(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'>');
    }
}

/// Writes content kept as it came (raw elements, unknown children) from events: start, text
/// and end of each element in document order. An element with a text child is written
/// compact inside, so that its text stays exact (which is why [`start`](Self::start) must be
/// told); all the text of an element that may hold a secret is one `***` when the writer
/// masks secrets.
pub(crate) struct RawWriter<'w, 'o, 'a> {
    w: &'w mut XmlWriter<'o>,
    open: Vec<RawFrame<'a>>,
}

/// An open raw element while writing: its name, the layout outside it, its text so far.
struct RawFrame<'a> {
    name: &'a str,
    layout: Layout,
    /// Bytes of text written in it so far (the decoder joins them).
    text: usize,
}

impl<'w, 'o, 'a> RawWriter<'w, 'o, 'a> {
    /// Raw content written into `w`, at its current depth.
    pub(crate) fn new(w: &'w mut XmlWriter<'o>) -> Self {
        RawWriter {
            w,
            open: Vec::new(),
        }
    }

    /// How many elements are open.
    pub(crate) fn depth(&self) -> usize {
        self.open.len()
    }

    /// Opens element `name` with its attributes; `has_text`: whether any of its children is
    /// a text.
    pub(crate) fn start<K: AsRef<str>, V: AsRef<str>>(
        &mut self,
        name: &'a str,
        attributes: &[(K, V)],
        has_text: bool,
    ) -> Result<(), EncodeError> {
        self.w.start_with(name, attributes)?;
        let layout = self.w.layout;
        if has_text {
            self.w.layout = Layout::Compact;
        }
        self.open.push(RawFrame {
            name,
            layout,
            text: 0,
        });
        Ok(())
    }

    /// A text child of the element open last (nothing outside any element).
    pub(crate) fn text(&mut self, text: &str) -> Result<(), EncodeError> {
        let Some(frame) = self.open.last_mut() else {
            return Ok(());
        };
        frame.text = frame.text.saturating_add(text.len());
        let (name, len) = (frame.name, frame.text);
        let text = if self.w.mask_secrets && is_secret_name(name) {
            // One mask for all the element's text.
            if len > text.len() { "" } else { MASK }
        } else {
            text
        };
        self.w.check_text(name, len)?;
        if self.w.events.is_some() {
            return self.w.text_event(name, text);
        }
        self.w.finish_open_tag();
        escape(self.w.out, name, text, false)
    }

    /// Closes the element open last.
    pub(crate) fn end(&mut self) {
        if let Some(frame) = self.open.pop() {
            self.w.end(frame.name);
            self.w.layout = frame.layout;
        }
    }
}

fn check_name(name: &str) -> Result<(), EncodeError> {
    // The same rule the decoder applies: XML 1.0's `Name`.
    if is_xml_name(name) {
        Ok(())
    } else {
        Err(EncodeError::InvalidName(name.to_owned()))
    }
}

fn check_chars(element: &str, text: &str) -> Result<(), EncodeError> {
    match text.chars().find(|c| !is_xml_char(*c)) {
        Some(c) => Err(EncodeError::InvalidChar {
            element: element.to_owned(),
            code: u32::from(c),
        }),
        None => Ok(()),
    }
}

/// Bytes [`escape`] must look at, bit 0 in text, bit 1 in attributes: `&`, `<`, `>`, CR,
/// the other control characters (refused but tab and LF), and `"`, tab and LF in attributes;
/// and 0xEF, the lead byte of U+FFFE and U+FFFF, the only characters of a `str` above ASCII
/// XML 1.0 refuses. Every other byte is copied as it is.
// Indices below 256 by construction.
#[allow(clippy::indexing_slicing)]
const ESCAPE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0usize;
    while b < 0x20 {
        table[b] = 3;
        b += 1;
    }
    table[b'\t' as usize] = 2;
    table[b'\n' as usize] = 2;
    table[b'"' as usize] = 2;
    table[b'&' as usize] = 3;
    table[b'<' as usize] = 3;
    table[b'>' as usize] = 3;
    table[0xEF] = 3;
    table
};

/// Escapes `text` into `out`: `&`, `<`, `>` always, `"` in attributes, and CR (and in
/// attributes tab and LF) as character references so they survive a parser's normalization.
/// Runs of bytes that need nothing are copied whole; a character XML 1.0 cannot represent is
/// refused.
fn escape(
    out: &mut Vec<u8>,
    element: &str,
    text: &str,
    attribute: bool,
) -> Result<(), EncodeError> {
    let bytes = text.as_bytes();
    let mask = if attribute { 2 } else { 1 };
    let needs = |b: &u8| ESCAPE_CLASS.get(usize::from(*b)).copied().unwrap_or(0) & mask != 0;
    // Copied up to `last`; looked at up to `at`.
    let (mut last, mut at) = (0, 0);
    while let Some(found) = bytes.get(at..).and_then(|rest| rest.iter().position(needs)) {
        let i = at + found;
        let b = bytes.get(i).copied().unwrap_or(0);
        let rep: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'\r' => b"&#13;",
            b'"' => b"&quot;",
            b'\t' => b"&#9;",
            b'\n' => b"&#10;",
            _ => {
                // A control character, or a character starting with 0xEF.
                let c = text.get(i..).and_then(|t| t.chars().next()).unwrap_or('\0');
                if !is_xml_char(c) {
                    return Err(EncodeError::InvalidChar {
                        element: element.to_owned(),
                        code: u32::from(c),
                    });
                }
                at = i + c.len_utf8();
                continue;
            }
        };
        out.extend_from_slice(bytes.get(last..i).unwrap_or_default());
        out.extend_from_slice(rep);
        last = i + 1;
        at = last;
    }
    out.extend_from_slice(bytes.get(last..).unwrap_or_default());
    Ok(())
}

/// The byte-by-byte escaping the writer did before [`escape`]'s fast scan: what it must
/// still write, and refuse, for every text.
#[cfg(test)]
fn escape_by_char(
    out: &mut Vec<u8>,
    element: &str,
    text: &str,
    attribute: bool,
) -> Result<(), EncodeError> {
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let rep: &[u8] = match c {
            '&' => b"&amp;",
            '<' => b"&lt;",
            '>' => b"&gt;",
            '\r' => b"&#13;",
            '"' if attribute => b"&quot;",
            '\t' if attribute => b"&#9;",
            '\n' if attribute => b"&#10;",
            c if !is_xml_char(c) => {
                return Err(EncodeError::InvalidChar {
                    element: element.to_owned(),
                    code: u32::from(c),
                });
            }
            _ => continue,
        };
        out.extend_from_slice(text.get(last..i).unwrap_or_default().as_bytes());
        out.extend_from_slice(rep);
        last = i + c.len_utf8();
    }
    out.extend_from_slice(text.get(last..).unwrap_or_default().as_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{escape, escape_by_char};
    use proptest::strategy::Strategy;

    fn same(text: &str) {
        for attribute in [false, true] {
            let (mut new, mut old) = (b"x".to_vec(), b"x".to_vec());
            let a = escape(&mut new, "e", text, attribute);
            let b = escape_by_char(&mut old, "e", text, attribute);
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{text:?}");
            assert_eq!(new, old, "{text:?} attribute {attribute}");
        }
    }

    /// The fast scan writes and refuses what the byte-by-byte escaping did.
    #[test]
    fn escaping_matches_the_char_by_char_path_at_the_edges() {
        for text in [
            "",
            "plain",
            "a&b<c>d\"e'f",
            "&&<<>>",
            "tab\there\nline\rcr",
            "\r\n",
            "nul\0",
            "bell\u{7}x",
            "del\u{7f}",
            "\u{80}\u{d7ff}\u{e000}\u{fffd}\u{10000}\u{10ffff}",
            "\u{fffe}",
            "a\u{ffff}b",
            "\u{ef}\u{f000}\u{fe00}\u{ffef}",
            "\u{fff0}&\u{fffe}",
            "\u{e9}t\u{e9}&<",
            "x<\u{1f}",
            "<\u{b}",
        ] {
            same(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn escaping_matches_the_char_by_char_path(
            text in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::char::range('\0', '\u{7f}'),
                    proptest::char::range('\u{ef00}', '\u{ffff}'),
                    proptest::char::any(),
                ],
                0..40,
            ).prop_map(|c| c.into_iter().collect::<String>())
        ) {
            same(&text);
        }
    }
}
