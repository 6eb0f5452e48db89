//! [`ElementReader`]: the cursor a model's [`FromXml`](super::FromXml) implementation reads
//! one element with.

use super::syntax::{Attrs, is_blank};
use super::tokenizer::{Step, Token, Tokenizer};
use crate::error::{DecodeError, DecodeErrorKind, excerpt};
use crate::limits::{Limit, Limits};
use crate::quirk::QuirkKind;
use std::borrow::Cow;

/// What [`ElementReader::read_raw`] hands out: an element tree as it is read, in document
/// order.
pub(crate) trait RawEvents {
    /// An element starts (its start tag, or an empty-element tag).
    fn start(&mut self, name: &str, attributes: Vec<(String, String)>);
    /// Text inside the element open last.
    fn text(&mut self, text: &str);
    /// The element open last ends.
    fn end(&mut self);
}

/// One element of the document whose start tag has just been read.
///
/// Read its content exactly one way: [`next_child`](Self::next_child) in a loop (an element
/// that holds elements), [`text`](Self::text) (a value), or [`into_raw`](Self::into_raw)
/// (keep it as it came). Content left unread is skipped when the parent reads on.
pub struct ElementReader<'d, 'i> {
    tok: &'d mut Tokenizer<'i>,
    name: &'i str,
    pos: usize,
    attrs: Attrs<'i>,
    /// The stack depth with this element open.
    depth: usize,
    done: bool,
}

impl<'d, 'i> ElementReader<'d, 'i> {
    #[inline]
    pub(crate) fn new(
        tok: &'d mut Tokenizer<'i>,
        name: &'i str,
        pos: usize,
        attrs: Attrs<'i>,
    ) -> Self {
        let depth = tok.depth();
        ElementReader {
            tok,
            name,
            pos,
            attrs,
            depth,
            done: false,
        }
    }

    /// The element's name (after any quirk repair).
    pub fn name(&self) -> &'i str {
        self.name
    }

    /// The element path, e.g. `response/result/data/certificate_job/job/id`.
    pub fn path(&self) -> String {
        self.tok
            .path_with(self.depth.saturating_sub(1), Some(self.name))
    }

    /// Reads up to and returns the next child element, or `None` once this element's end tag
    /// has been read. White space between children is skipped; other text is an error.
    // Inlined into each model's reader, and the reader built in one place from the parts
    // either path found: the result is then never copied through memory (a returned reader,
    // stored field by field and loaded in wider words, stalled on store forwarding).
    #[inline(always)]
    pub fn next_child(&mut self) -> Result<Option<ElementReader<'_, 'i>>, DecodeError> {
        if self.done {
            return Ok(None);
        }
        // The usual cases, read without a token.
        let (name, pos, attrs) = match self.tok.child_step(self.depth) {
            Step::Start(name, pos) => (name, pos, Attrs::none()),
            Step::End => {
                self.done = true;
                return Ok(None);
            }
            Step::Other => match self.next_child_slow()? {
                Some(start) => start,
                None => return Ok(None),
            },
        };
        Ok(Some(ElementReader::new(self.tok, name, pos, attrs)))
    }

    /// [`next_child`](Self::next_child) for everything but the usual start and end tags:
    /// through the tokenizer's tokens. Returns the child's name, position and attributes.
    #[inline(never)]
    fn next_child_slow(&mut self) -> Result<Option<(&'i str, usize, Attrs<'i>)>, DecodeError> {
        loop {
            // Blank text is skipped here: the scanner need not hand it out.
            match self.tok.next_skipping_blank().map_err(|e| *e)? {
                Token::Start { name, pos, attrs } => {
                    if self.tok.depth() == self.depth + 1 {
                        return Ok(Some((name, pos, attrs)));
                    }
                }
                Token::End => {
                    if self.tok.depth() < self.depth {
                        self.done = true;
                        return Ok(None);
                    }
                }
                Token::Text { text, pos, cdata } => {
                    if self.tok.depth() == self.depth && (cdata || !is_blank(&text)) {
                        let kind = DecodeErrorKind::UnexpectedText(excerpt(text.trim()));
                        return Err(self.tok.error_at(kind, pos));
                    }
                }
                Token::Eof => {
                    return Err(self.eof());
                }
            }
        }
    }

    /// Reads the element's character content (text, references and CDATA, joined) up to its
    /// end tag. A child element is an error.
    // Inlined into each model's reader: its result is then never copied through memory
    // (a call's returned reader, loaded in other widths than it was stored, stalled).
    #[inline(always)]
    pub fn text(mut self) -> Result<Cow<'i, str>, DecodeError> {
        self.read_text()
    }

    /// Like [`text`](Self::text), but leaves the reader usable afterwards (to record a quirk
    /// about the value, say).
    // Inlined into each model's reader: its result is then never copied through memory
    // (a call's returned reader, loaded in other widths than it was stored, stalled).
    #[inline(always)]
    pub fn read_text(&mut self) -> Result<Cow<'i, str>, DecodeError> {
        self.note_attributes();
        if self.done {
            return Ok(Cow::Borrowed(""));
        }
        // The usual case, `<name>text</name>`, read in one step.
        if let Some(text) = self.tok.leaf_text() {
            self.done = true;
            return Ok(text);
        }
        self.read_text_slow()
    }

    /// [`read_text`](Self::read_text) through the tokenizer's tokens: references, CDATA,
    /// comments, an empty element, an end tag after white space.
    #[inline(never)]
    fn read_text_slow(&mut self) -> Result<Cow<'i, str>, DecodeError> {
        let mut acc: Option<Cow<'i, str>> = None;
        loop {
            match self.tok.next().map_err(|e| *e)? {
                Token::Text { text, pos, .. } => match &mut acc {
                    None => acc = Some(text),
                    Some(a) => {
                        // Each piece is within the limit; the pieces joined must be too.
                        if a.len() + text.len() > self.tok.limits().max_text_len {
                            return Err(self.tok.limit_error(Limit::TextLength, pos));
                        }
                        a.to_mut().push_str(&text);
                    }
                },
                Token::End => {
                    self.done = true;
                    return Ok(acc.unwrap_or(Cow::Borrowed("")));
                }
                Token::Start { name, pos, .. } => {
                    let kind = DecodeErrorKind::UnexpectedElement {
                        found: name.to_owned(),
                        expected: "a text value",
                    };
                    return Err(self.tok.error_at(kind, pos));
                }
                Token::Eof => {
                    return Err(self.eof());
                }
            }
        }
    }

    /// Reads the text and parses it with `parse` (given the text trimmed of white space);
    /// `None` from `parse` is an [`InvalidValue`](DecodeErrorKind::InvalidValue) error that
    /// quotes the text and says what was `expected`.
    #[inline(always)]
    pub fn parse_with<T>(
        mut self,
        expected: &'static str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, DecodeError> {
        let text = self.read_text()?;
        match parse(super::syntax::trim_xml(&text)) {
            Some(v) => Ok(v),
            // The path is built only now: after the end tag the parent's part of the stack
            // is still in place.
            None => Err(self.invalid_value(&text, expected)),
        }
    }

    /// The error for a value `text` that is not `expected` (out of the inlined readers).
    #[cold]
    #[inline(never)]
    fn invalid_value(&self, text: &str, expected: &'static str) -> DecodeError {
        self.error(DecodeErrorKind::InvalidValue {
            field: self.name.to_owned(),
            value: excerpt(text),
            expected,
        })
    }

    /// Reads the whole element, with everything in it, as [`RawEvents`] for `sink`: what
    /// [`into_raw`](Self::into_raw) builds (it is built on this), without building it. Adjacent text pieces come
    /// joined, and white-space-only text where an element also holds elements (indentation)
    /// is dropped, as there; only the text of the element being read is held meanwhile.
    pub(crate) fn read_raw(self, sink: &mut impl RawEvents) -> Result<(), DecodeError> {
        sink.start(self.name, self.attributes()?);
        if self.done {
            sink.end();
            return Ok(());
        }
        // Per open element, whether it holds an element; the text read since the last tag.
        let mut holds_elements = vec![false];
        // `None` until a text piece (even an empty CDATA section) is read: that is a text.
        let mut run: Option<String> = None;
        let flush =
            |run: &mut Option<String>, holds: bool, sink: &mut dyn RawEvents| match run.take() {
                Some(text) if !(holds && is_blank(&text)) => sink.text(&text),
                _ => {}
            };
        loop {
            match self.tok.next().map_err(|e| *e)? {
                Token::Start { name, pos, attrs } => {
                    let attributes = attrs.parse().map_err(|k| self.tok.error_at(k, pos))?;
                    if let Some(holds) = holds_elements.last_mut() {
                        *holds = true;
                    }
                    flush(&mut run, true, sink);
                    holds_elements.push(false);
                    sink.start(name, attributes);
                }
                Token::Text { text, pos, .. } => {
                    let joined = run.get_or_insert_with(String::new);
                    joined.push_str(&text);
                    // Adjacent pieces join into one text: that must stay within the limit.
                    if joined.len() > self.tok.limits().max_text_len {
                        return Err(self.tok.limit_error(Limit::TextLength, pos));
                    }
                }
                Token::End => {
                    let Some(holds) = holds_elements.pop() else {
                        break;
                    };
                    flush(&mut run, holds, sink);
                    sink.end();
                    if holds_elements.is_empty() {
                        return Ok(());
                    }
                }
                Token::Eof => break,
            }
        }
        Err(self.eof())
    }

    /// The element's attributes, unescaped.
    pub fn attributes(&self) -> Result<Vec<(String, String)>, DecodeError> {
        self.attrs
            .parse()
            .map_err(|k| self.tok.error_at(k, self.pos))
    }

    /// Records a quirk at this element's position.
    pub fn quirk(&mut self, kind: QuirkKind) {
        self.tok.quirk(kind, self.pos);
    }

    /// Records that a value was read through a known misspelling.
    pub fn misspelled(&mut self, sent: &str, means: &'static str) {
        let kind = QuirkKind::MisspelledValue {
            element: self.name.to_owned(),
            sent: sent.to_owned(),
            means,
        };
        self.quirk(kind);
    }

    /// A model reads this element as a value or a fixed structure: attributes on it are
    /// ignored, and that is recorded as a quirk.
    pub fn note_attributes(&mut self) {
        if !self.attrs.is_empty() {
            self.attrs = Attrs::none();
            let element = self.name.to_owned();
            self.quirk(QuirkKind::IgnoredAttributes { element });
        }
    }

    /// The input ended inside this element. (The tokenizer reports an unclosed element
    /// itself; this is what the reader says should an end of input reach it anyway.)
    fn eof(&self) -> DecodeError {
        let kind = DecodeErrorKind::UnexpectedEof(self.name.to_owned());
        self.tok.error_at(kind, self.tok.src().len())
    }

    /// An error at this element.
    pub fn error(&self, kind: DecodeErrorKind) -> DecodeError {
        DecodeError::new(kind, self.tok.position(self.pos), self.path())
    }

    /// The tokenizer's depth with this element open.
    pub(crate) fn depth(&self) -> usize {
        self.depth
    }

    /// Where this element's start tag begins (for an error about it once it has been read).
    pub(crate) fn start(&self) -> usize {
        self.pos
    }

    /// An error at a child called `name` that started at `pos` and has been read.
    pub(crate) fn error_at_child(
        &self,
        pos: usize,
        name: &str,
        kind: DecodeErrorKind,
    ) -> DecodeError {
        let path = format!("{}/{name}", self.path());
        DecodeError::new(kind, self.tok.position(pos), path)
    }

    /// The error for a required child that is missing (call after the children were read).
    pub fn missing(&self, child: &'static str) -> DecodeError {
        self.error(DecodeErrorKind::MissingElement(child))
    }

    /// The error for a child that occurs more than once.
    pub fn duplicate(&self) -> DecodeError {
        self.error(DecodeErrorKind::DuplicateElement(self.name.to_owned()))
    }

    /// The error for a child that is not allowed here.
    pub fn unexpected(&self, expected: &'static str) -> DecodeError {
        self.error(DecodeErrorKind::UnexpectedElement {
            found: self.name.to_owned(),
            expected,
        })
    }

    pub(crate) fn src(&self) -> &'i str {
        self.tok.src()
    }

    /// The limits this document is read under.
    pub(crate) fn limits(&self) -> &Limits {
        self.tok.limits()
    }

    /// The path of this element (included), for re-reading a span of its content.
    pub(crate) fn open_path(&self) -> Vec<&'i str> {
        let mut path = self.tok.open_path();
        path.truncate(self.tok.prefix_len() + self.depth);
        path
    }

    /// Adds `quirks` (found re-reading parts of this element) to the document's, under the
    /// same bound per kind.
    pub(crate) fn append_quirks(&mut self, quirks: crate::quirk::Quirks) {
        self.tok.quirks.extend(quirks.into_vec());
    }

    /// The error for a root element other than `expected`.
    pub(crate) fn unexpected_root(&self, expected: &'static str) -> DecodeError {
        self.error(DecodeErrorKind::UnexpectedRoot {
            found: self.name.to_owned(),
            expected,
        })
    }

    /// Reads to this element's end tag, whatever is inside.
    fn skip_rest(&mut self) -> Result<(), DecodeError> {
        while !self.done {
            match self.tok.next().map_err(|e| *e)? {
                Token::End if self.tok.depth() < self.depth => self.done = true,
                Token::Eof => return Err(self.eof()),
                _ => {}
            }
        }
        Ok(())
    }

    /// Skips the rest of this element and returns the byte range it spans in the input
    /// (from its start tag to just after its end tag). Quirks inside are not recorded: the
    /// span is meant to be decoded again.
    pub(crate) fn skip_span(mut self) -> Result<super::Span, DecodeError> {
        // Located now, in document order, so that re-reading the span locates its quirks
        // from here rather than from byte 0.
        let at = self.tok.locate(self.pos);
        let recording = std::mem::replace(&mut self.tok.recording, false);
        // Text is skipped too, whatever it is: the span's reader judges it (a raw element
        // keeps it).
        let skipped = self.skip_rest();
        self.tok.recording = recording;
        skipped?;
        Ok(super::Span {
            start: self.pos,
            end: self.tok.consumed(),
            at,
        })
    }
}
