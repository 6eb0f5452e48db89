//! The tolerant layer over quick-xml's raw `Reader`.
//!
//! quick-xml runs with end-name checks off; this layer keeps its own stack of open tags and
//! matches each end tag against it. Only the server's known quirks are repaired (and recorded
//! as [`Quirk`]s); any other defect is a typed [`DecodeError`]. Empty elements come out as a
//! start followed by an end; comments, processing instructions and the XML declaration are
//! skipped (a declared encoding other than UTF-8 is refused, and so is a processing
//! instruction whose target is not a name or is `xml`); a DOCTYPE is refused. The
//! [`Limits`] on depth, text length and attributes are checked as each token is produced.
//!
//! Nothing of quick-xml leaves this module.

use super::syntax::{Attrs, is_blank, is_xml_name, map_xml_error, resolve_reference};
use crate::error::{DecodeError, DecodeErrorKind, Locator, Position};
use crate::limits::{Limit, Limits};
use crate::quirk::{Quirk, QuirkKind};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::borrow::Cow;
use std::collections::VecDeque;

/// Start tags the server is known to close with another name: `(opened, closed_by)`, and
/// where: the parent elements it happens under, in a `<response>`. The 400114 answer's
/// `job/updater` is where the gateway sends `<context4>9</context>`; a user's `owner` has the
/// same shape. Anywhere else (a request's `auth`, a `status`) it is a mismatched end tag.
const REPAIRABLE_END_TAGS: &[(&str, &str, &[&str])] =
    &[("context4", "context", &["updater", "owner"])];

/// The end tags the server is known to repeat once after the root closed, in a `<response>`.
const REPEATED_TAIL: &[&str] = &["stid", "response"];

/// One token of the document, after the tolerant layer.
#[derive(Debug, Clone)]
pub(crate) enum Token<'i> {
    /// A start tag (an empty element yields `Start` then `End`).
    Start {
        name: &'i str,
        pos: usize,
        attrs: Attrs<'i>,
    },
    /// An end tag; the element is closed.
    End,
    /// Character data: text with references resolved and line ends normalized, or CDATA.
    Text {
        text: Cow<'i, str>,
        pos: usize,
        cdata: bool,
    },
    /// The end of the document (the root element closed and nothing but white space,
    /// comments or processing instructions followed).
    Eof,
}

/// Raw tokens, before the stack is applied.
#[derive(Debug, Clone)]
enum Raw<'i> {
    Start {
        name: &'i str,
        pos: usize,
        attrs: Attrs<'i>,
        empty: bool,
    },
    End {
        name: &'i str,
        pos: usize,
    },
    Text {
        text: Cow<'i, str>,
        pos: usize,
        cdata: bool,
    },
    Eof {
        pos: usize,
    },
}

pub(crate) struct Tokenizer<'i> {
    /// The whole document (positions are offsets into it).
    src: &'i str,
    /// Where `reader` started in `src`.
    base: usize,
    reader: Reader<&'i [u8]>,
    /// The path of the element this tokenizer's input sits in (for re-read spans).
    prefix: Vec<&'i str>,
    stack: Vec<&'i str>,
    lookahead: VecDeque<Raw<'i>>,
    /// An end token owed for an empty element.
    pending_end: Option<usize>,
    root_seen: bool,
    root_closed: bool,
    /// The end tags that closed the document: the root's last child and the root.
    tail: Vec<&'i str>,
    tail_matched: usize,
    /// Where the repeated tail began (its first end tag), while it is being matched.
    tail_pos: usize,
    last_closed_child_of_root: Option<&'i str>,
    pub(crate) quirks: Vec<Quirk>,
    locator: Locator,
    /// The input may go on past `src`'s end (a window of a stream): running out of it is not
    /// an error but a request for more (see [`needs_more`](Self::needs_more)).
    partial: bool,
    needs_more: bool,
    limits: Limits,
    /// The input starts with U+FEFF, not yet handed out (see `new`).
    leading_feff: bool,
}

/// Where a tokenizer over a window of a stream starts (see [`Tokenizer::resume`]).
pub(crate) struct Resume<'i> {
    /// The elements open around the window, outermost first.
    pub(crate) open: Vec<&'i str>,
    /// The last child of the root element that closed, if the root is open.
    pub(crate) last_child_of_root: Option<&'i str>,
    /// The root closed: only the end tags that closed it (last child, root) may repeat.
    pub(crate) closed_tail: Option<Vec<&'i str>>,
    /// More input may follow the window.
    pub(crate) partial: bool,
    /// The limits to enforce (a stream's windows take the stream's).
    pub(crate) limits: Limits,
}

impl<'i> Tokenizer<'i> {
    /// A tokenizer over `src[start..end]`; positions stay offsets into `src`.
    pub(crate) fn new(
        src: &'i str,
        start: usize,
        end: usize,
        prefix: Vec<&'i str>,
        limits: Limits,
    ) -> Self {
        let part = src.get(start..end).unwrap_or_default();
        let mut reader = Reader::from_str(part);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        // quick-xml drops a U+FEFF at the start of its input as a byte-order mark, without
        // counting it in its positions: ours start after it, and the character is handed out
        // as text first (a document's own mark is skipped before the tokenizer starts).
        let leading_feff = part.starts_with('\u{FEFF}');
        let feff_len = if leading_feff {
            '\u{FEFF}'.len_utf8()
        } else {
            0
        };
        Tokenizer {
            src,
            base: start + feff_len,
            reader,
            prefix,
            stack: Vec::new(),
            lookahead: VecDeque::new(),
            leading_feff,
            pending_end: None,
            root_seen: false,
            root_closed: false,
            tail: Vec::new(),
            tail_matched: 0,
            tail_pos: 0,
            last_closed_child_of_root: None,
            quirks: Vec::new(),
            locator: Locator::default(),
            partial: false,
            needs_more: false,
            limits,
        }
    }

    /// A tokenizer over a window of a stream (`src` starts at a token boundary), inside the
    /// elements `at.open`. Positions are offsets into `src`.
    pub(crate) fn resume(src: &'i str, at: Resume<'i>) -> Self {
        let mut tok = Tokenizer::new(src, 0, src.len(), Vec::new(), at.limits);
        tok.root_seen = !at.open.is_empty() || at.closed_tail.is_some();
        tok.stack = at.open;
        tok.last_closed_child_of_root = at.last_child_of_root;
        if let Some(tail) = at.closed_tail {
            tok.root_closed = true;
            tok.tail = tail;
        }
        tok.partial = at.partial;
        tok
    }

    /// Whether the last start tag was an empty element whose end token is still owed.
    pub(crate) fn owes_end(&self) -> bool {
        self.pending_end.is_some()
    }

    /// Whether the last error only means that the window ended: with more input, the same
    /// tokens can be read again from the window's start.
    pub(crate) fn needs_more(&self) -> bool {
        self.needs_more
    }

    /// The last child of the root element that closed (while the root is open).
    pub(crate) fn last_child_of_root(&self) -> Option<&'i str> {
        self.last_closed_child_of_root
    }

    /// The tail that may still repeat, once the root closed.
    pub(crate) fn closed_tail(&self) -> Option<Vec<&'i str>> {
        self.root_closed.then(|| {
            self.tail
                .get(self.tail_matched..)
                .unwrap_or_default()
                .to_vec()
        })
    }

    pub(crate) fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The error for `limit`, exceeded at `offset`.
    pub(crate) fn limit_error(&self, limit: Limit, offset: usize) -> DecodeError {
        let max = self.limits.get(limit);
        self.error_at(DecodeErrorKind::LimitExceeded { limit, max }, offset)
    }

    pub(crate) fn src(&self) -> &'i str {
        self.src
    }

    /// The offset just past the last token handed out.
    pub(crate) fn consumed(&self) -> usize {
        match self.lookahead.front() {
            Some(
                Raw::Start { pos, .. }
                | Raw::End { pos, .. }
                | Raw::Text { pos, .. }
                | Raw::Eof { pos },
            ) => *pos,
            None => self.base + usize::try_from(self.reader.buffer_position()).unwrap_or(0),
        }
    }

    /// The full path of the open elements (prefix included), for re-reading a span.
    pub(crate) fn open_path(&self) -> Vec<&'i str> {
        self.prefix
            .iter()
            .chain(self.stack.iter())
            .copied()
            .collect()
    }

    pub(crate) fn prefix_len(&self) -> usize {
        self.prefix.len()
    }

    /// The number of open elements.
    pub(crate) fn depth(&self) -> usize {
        self.stack.len()
    }

    /// The names of the open elements joined by `/`, then `extra` if given.
    pub(crate) fn path_with(&self, depth: usize, extra: Option<&str>) -> String {
        let mut path = String::new();
        for name in self.prefix.iter().chain(self.stack.iter().take(depth)) {
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str(name);
        }
        if let Some(extra) = extra {
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str(extra);
        }
        path
    }

    pub(crate) fn position(&self, offset: usize) -> Position {
        Position::locate(self.src.as_bytes(), offset)
    }

    pub(crate) fn error_at(&self, kind: DecodeErrorKind, offset: usize) -> DecodeError {
        DecodeError::new(
            kind,
            self.position(offset),
            self.path_with(self.stack.len(), None),
        )
    }

    /// The position of `offset`, found with the forward-moving locator quirks use (so that
    /// locating many elements in document order costs one pass).
    pub(crate) fn locate(&mut self, offset: usize) -> Position {
        self.locator.locate(self.src.as_bytes(), offset)
    }

    /// Quirks found from here on are located starting from `at`, not from byte 0.
    pub(crate) fn locate_from(&mut self, at: Position) {
        self.locator = Locator::starting_at(at);
    }

    pub(crate) fn quirk(&mut self, kind: QuirkKind, offset: usize) {
        // Quirks come in document order: the locator moves forward only.
        let position = self.locator.locate(self.src.as_bytes(), offset);
        self.quirks.push(Quirk { kind, position });
    }

    /// The next token.
    pub(crate) fn next(&mut self) -> Result<Token<'i>, DecodeError> {
        if self.pending_end.take().is_some() {
            self.close();
            return Ok(Token::End);
        }
        loop {
            let raw = match self.lookahead.pop_front() {
                Some(raw) => raw,
                None => self.read_raw()?,
            };
            match raw {
                Raw::Start {
                    name,
                    pos,
                    attrs,
                    empty,
                } => {
                    if self.root_closed {
                        return Err(
                            self.error_at(DecodeErrorKind::MultipleRoots(name.to_owned()), pos)
                        );
                    }
                    self.root_seen = true;
                    if self.prefix.len() + self.stack.len() >= self.limits.max_depth {
                        return Err(self.limit_error(Limit::Depth, pos));
                    }
                    let name = if empty {
                        name
                    } else {
                        self.repair_start(name, pos)?
                    };
                    self.stack.push(name);
                    if empty {
                        self.pending_end = Some(pos);
                    }
                    // Malformed attributes are not well-formed XML, even where the model
                    // ignores attributes.
                    if !attrs.is_empty() {
                        // Counted before they are parsed: checking names for duplicates
                        // takes time quadratic in their number.
                        if attrs.count_up_to(self.limits.max_attributes)
                            > self.limits.max_attributes
                        {
                            return Err(self.limit_error(Limit::Attributes, pos));
                        }
                        if attrs.raw_len() > self.limits.max_text_len {
                            return Err(self.limit_error(Limit::TextLength, pos));
                        }
                        if let Err(kind) = attrs.parse() {
                            return Err(self.error_at(kind, pos));
                        }
                    }
                    return Ok(Token::Start { name, pos, attrs });
                }
                Raw::End { name, pos } => {
                    let Some(&top) = self.stack.last() else {
                        if self.root_closed && self.accept_tail(name, pos) {
                            continue;
                        }
                        return Err(
                            self.error_at(DecodeErrorKind::UnmatchedEndTag(name.to_owned()), pos)
                        );
                    };
                    if top != name {
                        let kind = DecodeErrorKind::MismatchedEndTag {
                            expected: top.to_owned(),
                            found: name.to_owned(),
                        };
                        return Err(self.error_at(kind, pos));
                    }
                    self.close();
                    return Ok(Token::End);
                }
                Raw::Text { text, pos, cdata } => {
                    if text.len() > self.limits.max_text_len {
                        return Err(self.limit_error(Limit::TextLength, pos));
                    }
                    if self.stack.is_empty() {
                        // A reference is text even when it stands for white space.
                        let reference = self.src.as_bytes().get(pos) == Some(&b'&');
                        if cdata || reference || !is_blank(&text) {
                            return Err(self.error_at(DecodeErrorKind::TextOutsideRoot, pos));
                        }
                        continue;
                    }
                    return Ok(Token::Text { text, pos, cdata });
                }
                Raw::Eof { pos } => {
                    if let Some(&top) = self.stack.last() {
                        return Err(
                            self.error_at(DecodeErrorKind::UnexpectedEof(top.to_owned()), pos)
                        );
                    }
                    if !self.root_seen {
                        return Err(self.error_at(DecodeErrorKind::NoRootElement, pos));
                    }
                    // Only a whole repetition of the tail is the known quirk.
                    if self.tail_matched > 0 && self.tail_matched < self.tail.len() {
                        let first = self.tail.first().copied().unwrap_or_default();
                        let kind = DecodeErrorKind::UnmatchedEndTag(first.to_owned());
                        return Err(self.error_at(kind, self.tail_pos));
                    }
                    return Ok(Token::Eof);
                }
            }
        }
    }

    fn close(&mut self) {
        if let Some(name) = self.stack.pop() {
            match self.stack.len() {
                0 => {
                    self.root_closed = true;
                    let tail: Vec<&'i str> = self
                        .last_closed_child_of_root
                        .into_iter()
                        .chain([name])
                        .collect();
                    // Only the known repetition is accepted: `</stid></response>`.
                    if tail == REPEATED_TAIL {
                        self.tail = tail;
                    }
                }
                1 => self.last_closed_child_of_root = Some(name),
                _ => {}
            }
        }
    }

    /// After the root closed: accepts a repetition of the closing end tags, once, in order.
    fn accept_tail(&mut self, name: &str, pos: usize) -> bool {
        if self.tail.get(self.tail_matched) != Some(&name) {
            return false;
        }
        if self.tail_matched == 0 {
            self.tail_pos = pos;
        }
        self.tail_matched += 1;
        if self.tail_matched == self.tail.len() {
            let tags = self.tail.iter().map(|t| (*t).to_owned()).collect();
            // Reported where the repetition starts.
            self.quirk(QuirkKind::DuplicatedTail { tags }, self.tail_pos);
            // Only one repetition is a known quirk; a third copy is an error.
            self.tail.clear();
        }
        true
    }

    /// For a start tag the server is known to close with another name, looks ahead over the
    /// element's text; if the end tag is that other name, the element takes that name and a
    /// quirk is recorded.
    fn repair_start(&mut self, name: &'i str, pos: usize) -> Result<&'i str, DecodeError> {
        let Some(&(_, closed_by, parents)) = REPAIRABLE_END_TAGS
            .iter()
            .find(|(opened, _, _)| *opened == name)
        else {
            return Ok(name);
        };
        let mut open = self.prefix.iter().chain(self.stack.iter());
        let root = open.next().copied();
        let parent = self.stack.last().or(self.prefix.last()).copied();
        let known_place = root == Some("response") && parent.is_some_and(|p| parents.contains(&p));
        if !known_place {
            return Ok(name);
        }
        let mut ahead = VecDeque::new();
        let repaired = loop {
            let raw = self.read_raw()?;
            let done = match &raw {
                Raw::Text { .. } => None,
                Raw::End { name: end, .. } if *end == closed_by => Some(true),
                _ => Some(false),
            };
            ahead.push_back(raw);
            if let Some(repaired) = done {
                break repaired;
            }
        };
        if !repaired {
            self.lookahead.extend(ahead);
            return Ok(name);
        }
        self.lookahead.extend(ahead);
        let kind = QuirkKind::MismatchedEndTag {
            opened: name.to_owned(),
            closed_by: closed_by.to_owned(),
        };
        self.quirk(kind, pos);
        Ok(closed_by)
    }

    /// The tag name at `local_pos + skip`; an error unless it is an XML name (`<>`, `< a>`,
    /// `<1a>`, `</a b>` are not well-formed).
    fn name_at(&self, local_pos: usize, skip: usize, len: usize) -> Result<&'i str, DecodeError> {
        let start = self.base + local_pos + skip;
        match self.src.get(start..start + len) {
            Some(name) if is_xml_name(name) => Ok(name),
            _ => {
                let kind = DecodeErrorKind::Syntax("a tag without a valid element name".to_owned());
                Err(self.error_at(kind, self.base + local_pos))
            }
        }
    }

    /// In a partial window, running out of input asks for more instead of failing.
    fn out_of_input(&mut self, local: usize) -> bool {
        let ran_out = self.partial && local >= self.src.len().saturating_sub(self.base);
        self.needs_more |= ran_out;
        ran_out
    }

    /// The next raw token. A U+FEFF at the start of the input is text like any other: it
    /// joins the text that follows it, if any.
    fn read_raw(&mut self) -> Result<Raw<'i>, DecodeError> {
        if !std::mem::take(&mut self.leading_feff) {
            return self.read_raw_event();
        }
        let at = self.base.saturating_sub('\u{FEFF}'.len_utf8());
        let feff = Raw::Text {
            text: Cow::Borrowed("\u{FEFF}"),
            pos: at,
            cdata: false,
        };
        Ok(match self.read_raw_event()? {
            Raw::Text {
                text,
                pos,
                cdata: false,
            } if pos == self.base => Raw::Text {
                text: Cow::Owned(format!("\u{FEFF}{text}")),
                pos: at,
                cdata: false,
            },
            next => {
                self.lookahead.push_front(next);
                feff
            }
        })
    }

    fn read_raw_event(&mut self) -> Result<Raw<'i>, DecodeError> {
        loop {
            let local = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
            let pos = self.base.saturating_add(local);
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(e) => {
                    let at = usize::try_from(self.reader.error_position()).unwrap_or(local);
                    // Each syntax error quick-xml reports means the input ended inside a
                    // construct (a tag, a comment, a reference, …).
                    let ran_out = matches!(
                        e,
                        quick_xml::Error::Syntax(_)
                            | quick_xml::Error::IllFormed(
                                quick_xml::errors::IllFormedError::UnclosedReference
                            )
                    );
                    self.needs_more |= ran_out && self.partial;
                    let kind = if self.needs_more {
                        DecodeErrorKind::UnexpectedEof(String::new())
                    } else {
                        map_xml_error(&e)
                    };
                    return Err(self.error_at(kind, self.base.saturating_add(at)));
                }
            };
            return Ok(match event {
                Event::Start(s) => {
                    let name = self.name_at(local, 1, s.name().as_ref().len())?;
                    Raw::Start {
                        name,
                        pos,
                        attrs: Attrs::of(s),
                        empty: false,
                    }
                }
                Event::Empty(s) => {
                    let name = self.name_at(local, 1, s.name().as_ref().len())?;
                    Raw::Start {
                        name,
                        pos,
                        attrs: Attrs::of(s),
                        empty: true,
                    }
                }
                Event::End(e) => {
                    let len = e.name().as_ref().len();
                    // The usual case, the name of the open element, needs no more checking.
                    let start = pos + 2;
                    match (self.src.get(start..start + len), self.stack.last()) {
                        (Some(name), Some(&top)) if name == top => Raw::End { name, pos },
                        _ => Raw::End {
                            name: self.name_at(local, 2, len)?,
                            pos,
                        },
                    }
                }
                Event::Text(t) => {
                    let end = usize::try_from(self.reader.buffer_position()).unwrap_or(local);
                    // The text may go on in the next window, unless it is already too long.
                    let too_long = end.saturating_sub(local) > self.limits.max_text_len;
                    if !too_long && self.out_of_input(end) {
                        let kind = DecodeErrorKind::UnexpectedEof(String::new());
                        return Err(self.error_at(kind, pos));
                    }
                    // The input is valid UTF-8 already: the text is a slice of it, unless a
                    // line end must be normalized.
                    let text = match self.src.get(pos..self.base.saturating_add(end)) {
                        Some(text) if !text.contains('\r') => Cow::Borrowed(text),
                        _ => t.xml10_content(),
                    };
                    Raw::Text {
                        text,
                        pos,
                        cdata: false,
                    }
                }
                Event::CData(c) => Raw::Text {
                    text: c.xml10_content(),
                    pos,
                    cdata: true,
                },
                Event::GeneralRef(r) => Raw::Text {
                    text: resolve_reference(&r).map_err(|k| self.error_at(k, pos))?,
                    pos,
                    cdata: false,
                },
                Event::Decl(d) => {
                    if self.root_seen || !self.prefix.is_empty() {
                        let kind = DecodeErrorKind::Syntax(
                            "an XML declaration after the start of the document".to_owned(),
                        );
                        return Err(self.error_at(kind, pos));
                    }
                    match d.encoding() {
                        Some(Ok(enc))
                            if !enc.eq_ignore_ascii_case("utf-8")
                                && !enc.eq_ignore_ascii_case("utf8") =>
                        {
                            let kind = DecodeErrorKind::UnsupportedEncoding(enc.into_owned());
                            return Err(self.error_at(kind, pos));
                        }
                        Some(Err(e)) => {
                            let kind = DecodeErrorKind::Syntax(format!("XML declaration: {e}"));
                            return Err(self.error_at(kind, pos));
                        }
                        _ => {}
                    }
                    continue;
                }
                Event::DocType(_) => return Err(self.error_at(DecodeErrorKind::Doctype, pos)),
                // A processing instruction is ignored wherever it stands, its content unread;
                // only its target is checked (`<?>`, `<?1?>` and `<?XmL?>` are not
                // well-formed).
                Event::PI(pi) => {
                    let target = pi.target();
                    if !is_xml_name(target) || target.eq_ignore_ascii_case("xml") {
                        let kind = DecodeErrorKind::Syntax(
                            "a processing instruction without a valid target".to_owned(),
                        );
                        return Err(self.error_at(kind, pos));
                    }
                    continue;
                }
                Event::Comment(_) => continue,
                Event::Eof => {
                    if self.out_of_input(local) {
                        let kind = DecodeErrorKind::UnexpectedEof(String::new());
                        return Err(self.error_at(kind, pos));
                    }
                    Raw::Eof { pos }
                }
            });
        }
    }
}
