//! The XML scanner and the tolerant layer over it.
//!
//! The scanner reads the input (already checked to be UTF-8 that XML 1.0 allows, once, by
//! [`prepare`](super::prepare) or the stream) with `memchr`: text runs to the next `<` or
//! `&`, and an end tag is first compared straight against the open element's name. The
//! tolerant layer keeps the stack of open tags and matches each end tag against it. Only the server's known quirks are repaired (and recorded
//! as [`Quirk`]s); any other defect is a typed [`DecodeError`]. Empty elements come out as a
//! start followed by an end; comments, processing instructions and the XML declaration are
//! skipped (a declared encoding other than UTF-8 is refused, and so is a processing
//! instruction whose target is not a name or is `xml`); a DOCTYPE is refused. The
//! [`Limits`] on depth, text length and attributes are checked as each token is produced.
//!
//! Where XML 1.0 forbids it, the scanner refuses: `]]>` in character data, `--` inside a
//! comment (or a comment ending `--->`), an XML declaration anywhere but at the start of the
//! document, or one whose pseudo-attributes are out of order, whose version is not 1.x or
//! whose `standalone` is not `yes` or `no`.

use super::syntax::{
    Attrs, RawAttrs, is_blank, is_xml_name, name_class, normalize_line_ends, resolve_reference,
};
use crate::error::{DecodeError, DecodeErrorKind, Locator, Position};
use crate::limits::{Limit, Limits};
use crate::quirk::{Quirk, QuirkKind, Quirks};
use std::borrow::Cow;
use std::collections::VecDeque;

/// Start tags the server is known to close with another name: `(opened, closed_by)`, and
/// where: the parent elements it happens under, in a `<response>`. The 400114 answer's
/// `job/updater` is where the gateway sends `<context4>9</context>`; a user's `owner` has the
/// same shape. Anywhere else (a request's `auth`, a `status`) it is a mismatched end tag.
const REPAIRABLE_END_TAGS: &[(&str, &str, &[&str])] =
    &[("context4", "context", &["updater", "owner"])];

/// Whether `name` opens an element the server is known to close with another name (see
/// [`REPAIRABLE_END_TAGS`]): a check against constants, inlined where every start tag is read.
#[inline(always)]
fn repairable(name: &str) -> bool {
    for &(opened, _, _) in REPAIRABLE_END_TAGS {
        if opened == name {
            return true;
        }
    }
    false
}

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

/// What [`Tokenizer::child_step`] read.
pub(crate) enum Step<'i> {
    /// A child's start tag (no attributes), at this offset; an empty-element tag owes its end
    /// token, as after [`Token::Start`].
    Start(&'i str, usize),
    /// The open element's end tag: it is closed.
    End,
    /// Something else: nothing was read.
    Other,
}

/// A result whose error is boxed: tokens are returned by value many times per element, and
/// a [`DecodeError`] beside them would make every one of them large.
pub(crate) type Fallible<T> = Result<T, Box<DecodeError>>;

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
    /// The next byte to scan, and the end of the part scanned (offsets into `src`).
    at: usize,
    end: usize,
    /// Where the document starts (after a byte-order mark), if this tokenizer's input is its
    /// start: the only place an XML declaration may stand.
    doc_start: Option<usize>,
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
    pub(crate) quirks: Quirks,
    /// Quirks found are recorded (not while a span meant to be read again is skipped).
    pub(crate) recording: bool,
    locator: Locator,
    /// The input may go on past `src`'s end (a window of a stream): running out of it is not
    /// an error but a request for more (see [`needs_more`](Self::needs_more)).
    partial: bool,
    needs_more: bool,
    /// The caller ignores white space between elements (see [`next_skipping_blank`]):
    /// a run of it before a `<` is not handed out.
    ///
    /// [`next_skipping_blank`]: Self::next_skipping_blank
    skip_blank: bool,
    limits: Limits,
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
        let end = end.min(src.len());
        Tokenizer {
            src,
            at: start.min(end),
            end,
            doc_start: prefix.is_empty().then_some(start),
            prefix,
            stack: Vec::new(),
            lookahead: VecDeque::new(),
            pending_end: None,
            root_seen: false,
            root_closed: false,
            tail: Vec::new(),
            tail_matched: 0,
            tail_pos: 0,
            last_closed_child_of_root: None,
            quirks: Quirks::new(limits.max_quirks_per_kind),
            recording: true,
            locator: Locator::default(),
            partial: false,
            needs_more: false,
            skip_blank: false,
            limits,
        }
    }

    /// A tokenizer over a window of a stream (`src` starts at a token boundary), inside the
    /// elements `at.open`. Positions are offsets into `src`.
    pub(crate) fn resume(src: &'i str, at: Resume<'i>) -> Self {
        let mut tok = Tokenizer::new(src, 0, src.len(), Vec::new(), at.limits);
        tok.root_seen = !at.open.is_empty() || at.closed_tail.is_some();
        // Everything before the root is read in the stream's first step, from the start.
        if tok.root_seen {
            tok.doc_start = None;
        }
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

    /// [`error_at`](Self::error_at), boxed: the scanner's results stay small.
    fn fail(&self, kind: DecodeErrorKind, offset: usize) -> Box<DecodeError> {
        Box::new(self.error_at(kind, offset))
    }

    fn limit_fail(&self, limit: Limit, offset: usize) -> Box<DecodeError> {
        Box::new(self.limit_error(limit, offset))
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
            None => self.at,
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
        if !self.recording {
            return;
        }
        // Quirks come in document order: the locator moves forward only.
        let position = self.locator.locate(self.src.as_bytes(), offset);
        // At most `max_quirks_per_kind` of a kind are kept; the others are counted.
        self.quirks.push(Quirk::new(kind, position));
    }

    /// The text of a leaf element whose start tag was just read, and its end tag, in one
    /// step: `Some` when the text needs no reference resolved and the open element's end tag
    /// follows it, exactly as [`next`](Self::next) would read them (a `Text` token, then
    /// `End`); `None` (nothing read) for everything else.
    #[inline(always)]
    pub(crate) fn leaf_text(&mut self) -> Option<Cow<'i, str>> {
        if self.pending_end.is_some() || !self.lookahead.is_empty() {
            return None;
        }
        let top = *self.stack.last()?;
        let start = self.at;
        let hay = self.hay();
        let (len, seen) = scan_text(hay.get(start..)?);
        let stop = start + len;
        let name_start = stop + 2;
        let end = name_start + top.len();
        let closes = hay.get(stop..name_start) == Some(b"</")
            && hay.get(name_start..end) == Some(top.as_bytes())
            && hay.get(end) == Some(&b'>');
        // `]]>` in the text is an error `next` reports.
        if !closes || seen & GT != 0 || len > self.limits.max_text_len {
            return None;
        }
        let text = self.slice(start, stop);
        self.at = end + 1;
        self.close();
        Some(match seen & CR != 0 {
            true => normalize_line_ends(text),
            false => Cow::Borrowed(text),
        })
    }

    /// Between the children of the element open at `depth`: the next child's start tag, or
    /// the element's end tag, read straight from the bytes, the indentation before it
    /// skipped. This is what [`next_skipping_blank`](Self::next_skipping_blank) reads for
    /// them, without building a token: a start tag with an ASCII name and no attribute (a
    /// depth within the limit, a name no quirk repair looks into) or the open element's end
    /// tag written `</name>`. Anything else is [`Step::Other`], and nothing was read.
    #[inline(always)]
    pub(crate) fn child_step(&mut self, depth: usize) -> Step<'i> {
        if self.pending_end.is_some() || !self.lookahead.is_empty() || self.stack.len() != depth {
            return Step::Other;
        }
        let hay = self.hay();
        let mut i = self.at;
        if hay
            .get(i)
            .is_some_and(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        {
            // As `read_raw` skips it: a run within the text limit that a tag follows.
            let next = i + 1 + blank_len(hay.get(i + 1..).unwrap_or_default());
            if next - i > self.limits.max_text_len {
                return Step::Other;
            }
            i = next;
        }
        if hay.get(i) != Some(&b'<') {
            return Step::Other;
        }
        match hay.get(i + 1) {
            Some(b'/') => {
                let Some(&top) = self.stack.last() else {
                    return Step::Other;
                };
                let name_start = i + 2;
                let end = name_start + top.len();
                if hay.get(name_start..end) != Some(top.as_bytes()) || hay.get(end) != Some(&b'>') {
                    return Step::Other;
                }
                self.at = end + 1;
                self.close();
                Step::End
            }
            Some(&b) if name_class(b) & 1 != 0 => {
                let from = i + 1;
                let k = from + 1 + name_tail_len(hay.get(from + 1..).unwrap_or_default());
                let empty = match (hay.get(k), hay.get(k + 1)) {
                    (Some(b'>'), _) => false,
                    (Some(b'/'), Some(b'>')) => true,
                    _ => return Step::Other,
                };
                let name = self.slice(from, k);
                if self.root_closed
                    || self.prefix.len() + self.stack.len() >= self.limits.max_depth
                    || (!empty && repairable(name))
                {
                    return Step::Other;
                }
                self.root_seen = true;
                self.stack.push(name);
                if empty {
                    self.pending_end = Some(i);
                }
                self.at = k + if empty { 2 } else { 1 };
                Step::Start(name, i)
            }
            _ => Step::Other,
        }
    }

    /// The next token, for a caller that ignores white space between elements: a run of
    /// literal white space (not a reference) that a tag follows may be left out. A run longer
    /// than the text limit, or at the end of a window, is handed out as usual.
    pub(crate) fn next_skipping_blank(&mut self) -> Fallible<Token<'i>> {
        self.skip_blank = true;
        let token = self.next();
        self.skip_blank = false;
        token
    }

    /// The next token.
    pub(crate) fn next(&mut self) -> Fallible<Token<'i>> {
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
                        return Err(self.fail(DecodeErrorKind::MultipleRoots(name.to_owned()), pos));
                    }
                    self.root_seen = true;
                    if self.prefix.len() + self.stack.len() >= self.limits.max_depth {
                        return Err(self.limit_fail(Limit::Depth, pos));
                    }
                    // Only a name the server is known to close with another one is looked
                    // into further.
                    let name = if empty || !repairable(name) {
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
                            return Err(self.limit_fail(Limit::Attributes, pos));
                        }
                        if attrs.raw_len() > self.limits.max_text_len {
                            return Err(self.limit_fail(Limit::TextLength, pos));
                        }
                        if let Err(kind) = attrs.parse() {
                            return Err(self.fail(kind, pos));
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
                            self.fail(DecodeErrorKind::UnmatchedEndTag(name.to_owned()), pos)
                        );
                    };
                    if top != name {
                        let kind = DecodeErrorKind::MismatchedEndTag {
                            expected: top.to_owned(),
                            found: name.to_owned(),
                        };
                        return Err(self.fail(kind, pos));
                    }
                    self.close();
                    return Ok(Token::End);
                }
                Raw::Text { text, pos, cdata } => {
                    if self.stack.is_empty() {
                        // White space before or after the root is no element's text: no
                        // length limit applies. A reference is text even when it stands for
                        // white space.
                        let reference = self.src.as_bytes().get(pos) == Some(&b'&');
                        if cdata || reference || !is_blank(&text) {
                            return Err(self.fail(DecodeErrorKind::TextOutsideRoot, pos));
                        }
                        continue;
                    }
                    if text.len() > self.limits.max_text_len {
                        return Err(self.limit_fail(Limit::TextLength, pos));
                    }
                    return Ok(Token::Text { text, pos, cdata });
                }
                Raw::Eof { pos } => {
                    if let Some(&top) = self.stack.last() {
                        return Err(self.fail(DecodeErrorKind::UnexpectedEof(top.to_owned()), pos));
                    }
                    if !self.root_seen {
                        return Err(self.fail(DecodeErrorKind::NoRootElement, pos));
                    }
                    // Only a whole repetition of the tail is the known quirk.
                    if self.tail_matched > 0 && self.tail_matched < self.tail.len() {
                        let first = self.tail.first().copied().unwrap_or_default();
                        let kind = DecodeErrorKind::UnmatchedEndTag(first.to_owned());
                        return Err(self.fail(kind, self.tail_pos));
                    }
                    return Ok(Token::Eof);
                }
            }
        }
    }

    #[inline]
    fn close(&mut self) {
        if let Some(name) = self.stack.pop() {
            match self.stack.len() {
                0 => self.close_root(name),
                1 => self.last_closed_child_of_root = Some(name),
                _ => {}
            }
        }
    }

    /// The root element `name` closed.
    #[inline(never)]
    fn close_root(&mut self, name: &'i str) {
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
    fn repair_start(&mut self, name: &'i str, pos: usize) -> Fallible<&'i str> {
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
        // The text read ahead is the element's own: none of it is skipped.
        self.skip_blank = false;
        let mut ahead = VecDeque::new();
        // The text read ahead is bounded as the element's text would be (issue 11 item 4):
        // past `max_text_len` it is the error the element reader gives, where it gives it.
        let mut text_len = 0usize;
        let repaired = loop {
            let raw = self.read_raw()?;
            let done = match &raw {
                Raw::Text { text, pos, .. } => {
                    text_len = text_len.saturating_add(text.len());
                    if text_len > self.limits.max_text_len {
                        let max = self.limits.max_text_len;
                        let kind = DecodeErrorKind::LimitExceeded {
                            limit: Limit::TextLength,
                            max,
                        };
                        let path = self.path_with(self.stack.len(), Some(closed_by));
                        return Err(Box::new(DecodeError::new(kind, self.position(*pos), path)));
                    }
                    None
                }
                Raw::End { name: end, .. } if *end == closed_by => Some(true),
                _ => Some(false),
            };
            // Text pieces (a reference is one) join into the piece before, so that what is
            // held stays as large as the text, not as many tokens as it has references.
            match (ahead.back_mut(), raw) {
                (
                    Some(Raw::Text {
                        text: held,
                        cdata: false,
                        ..
                    }),
                    Raw::Text {
                        text, cdata: false, ..
                    },
                ) => held.to_mut().push_str(&text),
                (_, raw) => ahead.push_back(raw),
            }
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

    /// The bytes this tokenizer scans (up to `end`).
    #[inline]
    fn hay(&self) -> &'i [u8] {
        let src: &'i str = self.src;
        src.as_bytes().get(..self.end).unwrap_or_default()
    }

    /// `src[from..to]`, which the scanner only ever cuts at ASCII bytes.
    #[inline]
    fn slice(&self, from: usize, to: usize) -> &'i str {
        let src: &'i str = self.src;
        src.get(from..to).unwrap_or_default()
    }

    /// In a partial window, running out of input asks for more instead of failing.
    fn out_of_input(&mut self, at: usize) -> bool {
        let ran_out = self.partial && at >= self.end;
        self.needs_more |= ran_out;
        ran_out
    }

    /// The error for a construct starting at `start` that the input ends inside: in a
    /// partial window a request for more, else `what` is unclosed.
    fn unclosed(&mut self, start: usize, what: &str) -> Box<DecodeError> {
        if self.out_of_input(self.end) {
            return self.fail(DecodeErrorKind::UnexpectedEof(String::new()), start);
        }
        self.syntax(format!("{what} is not closed"), start)
    }

    fn syntax(&self, message: String, at: usize) -> Box<DecodeError> {
        self.fail(DecodeErrorKind::Syntax(message), at)
    }

    /// The next raw token: text, a reference, a start or end tag, CDATA or the end of the
    /// input. Comments, processing instructions and the XML declaration are checked and
    /// skipped.
    fn read_raw(&mut self) -> Fallible<Raw<'i>> {
        loop {
            let start = self.at;
            let hay = self.hay();
            let raw = match hay.get(start) {
                None => {
                    if self.out_of_input(start) {
                        let kind = DecodeErrorKind::UnexpectedEof(String::new());
                        return Err(self.fail(kind, start));
                    }
                    Raw::Eof { pos: start }
                }
                Some(b'<') => match hay.get(start + 1) {
                    Some(b'/') => self.end_tag(start)?,
                    Some(b'!') => match self.bang(start)? {
                        Some(raw) => raw,
                        None => continue,
                    },
                    Some(b'?') => {
                        self.processing_instruction(start)?;
                        continue;
                    }
                    Some(_) => self.start_tag(start)?,
                    None => return Err(self.unclosed(start, "a tag")),
                },
                Some(b'&') => self.reference(start)?,
                Some(b' ' | b'\t' | b'\r' | b'\n') if self.skip_blank => {
                    // Indentation between tags: skipped without building a token.
                    let i = start + 1 + blank_len(hay.get(start + 1..).unwrap_or_default());
                    if hay.get(i) == Some(&b'<') && i - start <= self.limits.max_text_len {
                        self.at = i;
                        continue;
                    }
                    self.text(start)?
                }
                Some(_) => self.text(start)?,
            };
            return Ok(raw);
        }
    }

    /// Character data up to the next `<` or `&`.
    #[inline(always)]
    fn text(&mut self, start: usize) -> Fallible<Raw<'i>> {
        let hay = self.hay();
        let rest = hay.get(start..).unwrap_or_default();
        // One pass, 8 bytes at a time, finds the end and notes a CR (line ends to normalize)
        // or a `>` (perhaps ending `]]>`).
        let (stop, seen) = scan_text(rest);
        let stop = start + stop;
        // The text may go on in the next window, unless it is already too long.
        let too_long = stop - start > self.limits.max_text_len;
        if !too_long && stop >= self.end && self.out_of_input(stop) {
            let kind = DecodeErrorKind::UnexpectedEof(String::new());
            return Err(self.fail(kind, start));
        }
        let text = self.slice(start, stop);
        if seen & GT != 0 {
            // `]]>` ends a CDATA section; XML 1.0 does not allow it in character data.
            let bytes = text.as_bytes();
            let mut from = 0;
            while let Some(i) = bytes.get(from..).and_then(|r| memchr::memchr(b'>', r)) {
                let gt = from + i;
                if gt >= 2 && bytes.get(gt - 2..gt) == Some(b"]]") {
                    let message = "`]]>` in character data".to_owned();
                    return Err(self.syntax(message, start + gt - 2));
                }
                from = gt + 1;
            }
        }
        self.at = stop;
        let text = match seen & CR != 0 {
            true => normalize_line_ends(text),
            false => Cow::Borrowed(text),
        };
        Ok(Raw::Text {
            text,
            pos: start,
            cdata: false,
        })
    }

    /// A reference, `&name;`: one of the five predefined entities or a character reference.
    fn reference(&mut self, start: usize) -> Fallible<Raw<'i>> {
        let hay = self.hay();
        let rest = hay.get(start + 1..).unwrap_or_default();
        match memchr::memchr3(b';', b'&', b'<', rest) {
            Some(i) if rest.get(i) == Some(&b';') => {
                let name = self.slice(start + 1, start + 1 + i);
                let text = resolve_reference(name).map_err(|k| self.fail(k, start))?;
                self.at = start + i + 2;
                Ok(Raw::Text {
                    text,
                    pos: start,
                    cdata: false,
                })
            }
            Some(_) => Err(self.syntax("a `&` that begins no reference".to_owned(), start)),
            None => Err(self.unclosed(start, "a reference")),
        }
    }

    /// An end tag, `</name>` (white space may follow the name).
    #[inline(always)]
    fn end_tag(&mut self, start: usize) -> Fallible<Raw<'i>> {
        let hay = self.hay();
        let name_start = start + 2;
        // The usual case: the name of the open element, compared without building a name.
        if let Some(&top) = self.stack.last() {
            let len = top.len();
            if hay.get(name_start..name_start + len) == Some(top.as_bytes())
                && hay.get(name_start + len) == Some(&b'>')
            {
                self.at = name_start + len + 1;
                return Ok(Raw::End {
                    name: top,
                    pos: start,
                });
            }
        }
        let rest = hay.get(name_start..).unwrap_or_default();
        let Some(len) = memchr::memchr(b'>', rest) else {
            return Err(self.unclosed(start, "an end tag"));
        };
        let name = self
            .slice(name_start, name_start + len)
            .trim_end_matches([' ', '\t', '\r', '\n']);
        if !is_xml_name(name) {
            return Err(self.bad_name(start));
        }
        self.at = name_start + len + 1;
        Ok(Raw::End { name, pos: start })
    }

    fn bad_name(&self, start: usize) -> Box<DecodeError> {
        self.syntax("a tag without a valid element name".to_owned(), start)
    }

    /// A start tag or an empty element, `<name attr="value" …>` or `<name …/>`. A `>` inside
    /// a quoted value does not end the tag.
    #[inline(always)]
    fn start_tag(&mut self, start: usize) -> Fallible<Raw<'i>> {
        let hay = self.hay();
        let from = start + 1;
        // The usual case: an ASCII name, checked as it is scanned, then `>` or `/>`.
        if hay.get(from).is_some_and(|&b| name_class(b) & 1 != 0) {
            let i = from + 1 + name_tail_len(hay.get(from + 1..).unwrap_or_default());
            let empty = match (hay.get(i), hay.get(i + 1)) {
                (Some(b'>'), _) => Some(false),
                (Some(b'/'), Some(b'>')) => Some(true),
                _ => None,
            };
            if let Some(empty) = empty {
                self.at = i + if empty { 2 } else { 1 };
                return Ok(Raw::Start {
                    name: self.slice(from, i),
                    pos: start,
                    attrs: Attrs::none(),
                    empty,
                });
            }
        }
        let mut i = from;
        let gt = loop {
            let rest = hay.get(i..).unwrap_or_default();
            let Some(k) = memchr::memchr3(b'>', b'"', b'\'', rest) else {
                return Err(self.unclosed(start, "a start tag"));
            };
            let p = i + k;
            match hay.get(p) {
                Some(&q @ (b'"' | b'\'')) => {
                    let after = hay.get(p + 1..).unwrap_or_default();
                    let Some(close) = memchr::memchr(q, after) else {
                        return Err(self.unclosed(start, "a start tag"));
                    };
                    i = p + 1 + close + 1;
                }
                _ => break p,
            }
        };
        let empty = gt > from && hay.get(gt - 1) == Some(&b'/');
        let content_end = if empty { gt - 1 } else { gt };
        let content = hay.get(from..content_end).unwrap_or_default();
        let name_len = content
            .iter()
            .position(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .unwrap_or(content.len());
        let name = self.slice(from, from + name_len);
        if !is_xml_name(name) {
            return Err(self.bad_name(start));
        }
        let attrs = Attrs::of(self.slice(from + name_len, content_end));
        self.at = gt + 1;
        Ok(Raw::Start {
            name,
            pos: start,
            attrs,
            empty,
        })
    }

    /// `<!`: a comment (skipped: `None`), a CDATA section, or a DOCTYPE (refused).
    fn bang(&mut self, start: usize) -> Fallible<Option<Raw<'i>>> {
        let hay = self.hay();
        let rest = hay.get(start..).unwrap_or_default();
        match starts(rest, b"<!--", false) {
            Some(true) => return self.comment(start).map(|()| None),
            None => return Err(self.unclosed(start, "a comment")),
            Some(false) => {}
        }
        match starts(rest, b"<![CDATA[", false) {
            Some(true) => return self.cdata(start).map(Some),
            None => return Err(self.unclosed(start, "a CDATA section")),
            Some(false) => {}
        }
        match starts(rest, b"<!DOCTYPE", true) {
            Some(true) => Err(self.fail(DecodeErrorKind::Doctype, start)),
            None => Err(self.unclosed(start, "a DOCTYPE")),
            Some(false) => Err(self.syntax(
                "a `<!` that begins no comment, CDATA section or DOCTYPE".to_owned(),
                start,
            )),
        }
    }

    /// A comment: `<!--`, text without `--`, `-->`.
    fn comment(&mut self, start: usize) -> Fallible<()> {
        let hay = self.hay();
        let mut i = start + 4;
        loop {
            let rest = hay.get(i..).unwrap_or_default();
            let Some(k) = memchr::memchr(b'-', rest) else {
                return Err(self.unclosed(start, "a comment"));
            };
            let dash = i + k;
            match (hay.get(dash + 1), hay.get(dash + 2)) {
                (Some(b'-'), Some(b'>')) => {
                    self.at = dash + 3;
                    return Ok(());
                }
                (Some(b'-'), Some(_)) => {
                    let message = "`--` inside a comment (or a comment ending `--->`)";
                    return Err(self.syntax(message.to_owned(), dash));
                }
                (None, _) | (Some(b'-'), None) => return Err(self.unclosed(start, "a comment")),
                (Some(_), _) => i = dash + 1,
            }
        }
    }

    /// A CDATA section: its text, line ends normalized.
    fn cdata(&mut self, start: usize) -> Fallible<Raw<'i>> {
        let hay = self.hay();
        let from = start + 9;
        let rest = hay.get(from..).unwrap_or_default();
        let Some(len) = memchr::memmem::find(rest, b"]]>") else {
            return Err(self.unclosed(start, "a CDATA section"));
        };
        self.at = from + len + 3;
        Ok(Raw::Text {
            text: normalize_line_ends(self.slice(from, from + len)),
            pos: start,
            cdata: true,
        })
    }

    /// A processing instruction, ignored wherever it stands, its content unread; only its
    /// target is checked (`<?>`, `<?1?>` and `<?XmL?>` are not well-formed). Target `xml`
    /// is the XML declaration.
    fn processing_instruction(&mut self, start: usize) -> Fallible<()> {
        let hay = self.hay();
        let from = start + 2;
        let mut i = from;
        let close = loop {
            let rest = hay.get(i..).unwrap_or_default();
            let Some(k) = memchr::memchr(b'?', rest) else {
                return Err(self.unclosed(start, "a processing instruction"));
            };
            let q = i + k;
            match hay.get(q + 1) {
                Some(b'>') => break q,
                Some(_) => i = q + 1,
                None => return Err(self.unclosed(start, "a processing instruction")),
            }
        };
        let content = self.slice(from, close);
        let target_len = content
            .bytes()
            .position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .unwrap_or(content.len());
        let target = content.get(..target_len).unwrap_or_default();
        if target == "xml" {
            self.declaration(start, content.get(target_len..).unwrap_or_default())?;
        } else if !is_xml_name(target) || target.eq_ignore_ascii_case("xml") {
            let message = "a processing instruction without a valid target".to_owned();
            return Err(self.syntax(message, start));
        }
        self.at = close + 2;
        Ok(())
    }

    /// The XML declaration at `start`, its pseudo-attributes `rest`: only at the start of the
    /// document; `version` (1.x), then optionally `encoding` (UTF-8 only), then optionally
    /// `standalone` (`yes` or `no`).
    fn declaration(&self, start: usize, rest: &str) -> Fallible<()> {
        if self.doc_start != Some(start) {
            let message = "an XML declaration after the start of the document".to_owned();
            return Err(self.syntax(message, start));
        }
        let fail = |message: String| self.syntax(format!("XML declaration: {message}"), start);
        const ORDER: [&str; 3] = ["version", "encoding", "standalone"];
        let mut seen = 0;
        let mut encoding = None;
        for pair in RawAttrs::new(rest) {
            let (key, value) = pair.map_err(fail)?;
            let Some(rank) = ORDER.iter().position(|k| *k == key).map(|r| r + 1) else {
                return Err(fail(format!("unknown pseudo-attribute {key:?}")));
            };
            if seen == 0 && rank != 1 {
                return Err(fail(format!("{key:?} before the version")));
            }
            if rank <= seen {
                return Err(fail(format!(
                    "{key:?} out of order (version, encoding, standalone, each once)"
                )));
            }
            seen = rank;
            match rank {
                1 => {
                    let minor = value.strip_prefix("1.").unwrap_or_default();
                    if minor.is_empty() || !minor.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(fail(format!("version {value:?} is not 1.x")));
                    }
                }
                2 => {
                    let b = value.as_bytes();
                    let enc_name = b.first().is_some_and(u8::is_ascii_alphabetic)
                        && b.iter()
                            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'));
                    if !enc_name {
                        return Err(fail(format!("{value:?} is not an encoding name")));
                    }
                    encoding = Some(value);
                }
                _ => {
                    if value != "yes" && value != "no" {
                        return Err(fail(format!("standalone {value:?} is neither yes nor no")));
                    }
                }
            }
        }
        if seen == 0 {
            return Err(fail("no version".to_owned()));
        }
        match encoding {
            Some(enc)
                if !enc.eq_ignore_ascii_case("utf-8") && !enc.eq_ignore_ascii_case("utf8") =>
            {
                let kind = DecodeErrorKind::UnsupportedEncoding(enc.to_owned());
                Err(self.fail(kind, start))
            }
            _ => Ok(()),
        }
    }
}

/// Where the text at the start of `rest` ends (the first `<` or `&`, or the end of `rest`),
/// and which of [`CR`] and [`GT`] it holds. Eight bytes at a time: a word without any of the
/// four bytes is skipped whole; the lowest flagged byte of a word is exact.
fn scan_text(rest: &[u8]) -> (usize, u8) {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let has = |x: u64, b: u8| {
        let y = x ^ (LO * u64::from(b));
        y.wrapping_sub(LO) & !y & HI
    };
    let mut seen = 0;
    let mut i = 0;
    loop {
        while let Some(word) = rest.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
            let x = u64::from_le_bytes(word);
            let flagged = has(x, b'<') | has(x, b'&') | has(x, b'\r') | has(x, b'>');
            if flagged != 0 {
                // The lowest flagged byte is a true match (a borrow only flags higher ones).
                i += (flagged.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        let Some(&b) = rest.get(i) else {
            return (rest.len(), seen);
        };
        match text_class(b) {
            STOP => return (i, seen),
            class => {
                seen |= class;
                i += 1;
            }
        }
    }
}

/// How many bytes at the start of `rest` may continue an ASCII name (an iterator: no
/// bounds check per byte).
#[inline(always)]
fn name_tail_len(rest: &[u8]) -> usize {
    rest.iter()
        .position(|&b| name_class(b) & 2 == 0)
        .unwrap_or(rest.len())
}

/// How many bytes of white space (space, tab, CR, LF) `rest` starts with: eight bytes at a
/// time (the last few bytes of the input one by one).
///
/// A byte is blank when it is not above 0x20: sound because the input was checked
/// before any tokenizer reads it ([`prepare`](super::prepare), the stream's window), and the
/// only bytes below 0x21 XML 1.0 allows are the four blanks.
#[inline]
fn blank_len(rest: &[u8]) -> usize {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Added to a byte's low seven bits, sets its high bit exactly when they are 0x21 or more.
    const ABOVE_SPACE: u64 = 0x5F5F_5F5F_5F5F_5F5F;
    let mut i = 0;
    while let Some(word) = rest.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let x = u64::from_le_bytes(word);
        // No carry crosses a byte: the lowest flagged byte is the first that is not blank.
        let other = (((x & LOW7) + ABOVE_SPACE) | x) & HI;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while rest
        .get(i)
        .is_some_and(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        i += 1;
    }
    i
}

/// The classes of bytes in character data (see [`Tokenizer::text`]).
const PLAIN: u8 = 0;
const CR: u8 = 1;
const GT: u8 = 2;
const STOP: u8 = 4;

#[inline]
fn text_class(b: u8) -> u8 {
    match b {
        b'<' | b'&' => STOP,
        b'\r' => CR,
        b'>' => GT,
        _ => PLAIN,
    }
}

/// Whether `rest` starts with `pattern` (ASCII case ignored if `fold`): `None` while `rest`
/// is too short to tell.
fn starts(rest: &[u8], pattern: &[u8], fold: bool) -> Option<bool> {
    let n = rest.len().min(pattern.len());
    let (head, pat) = (rest.get(..n)?, pattern.get(..n)?);
    let same = if fold {
        head.eq_ignore_ascii_case(pat)
    } else {
        head == pat
    };
    match (same, n == pattern.len()) {
        (false, _) => Some(false),
        (true, true) => Some(true),
        (true, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::blank_len;

    /// The word-at-a-time blank scan stops exactly where the first other byte stands, in a
    /// word or after it.
    #[test]
    fn blank_runs_end_at_the_first_other_byte() {
        for len in 0..20 {
            for stop in ["<", "!", "a", "\u{e9}", ""] {
                let blanks: String = " \t\r\n".chars().cycle().take(len).collect();
                let text = format!("{blanks}{stop}x \t");
                assert_eq!(blank_len(text.as_bytes()), len, "{text:?}");
            }
        }
    }
}
