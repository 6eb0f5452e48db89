//! Raw element trees: unknown elements, and the data of tasks this crate does not model.

use crate::codec::is_secret_name;
use crate::codec::{ElementReader, FromXml, ToXml, XmlWriter};
use crate::codec::{MASK, RawEvents, RawWriter};
use crate::error::{DecodeError, EncodeError};
use crate::redact::{Unquoted, secrets_exposed};

/// An element kept as it came: name, attributes and content, in document order.
///
/// Comments and processing instructions are not kept; white space between child elements
/// (indentation) is dropped, all other text is kept exactly.
///
/// An element named `password` or `token` (in any case) may hold a secret wherever it stands:
/// its text serializes as `***` unless inside [`ExposeSecrets`](crate::ExposeSecrets), and
/// deserialization errors never quote a value.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize)]
pub struct RawElement {
    /// The element name.
    #[serde(deserialize_with = "crate::redact::unquoted_string")]
    pub name: String,
    /// Attributes as `(name, value)`, value unescaped.
    #[serde(default, deserialize_with = "unquoted_pairs")]
    pub attributes: Vec<(String, String)>,
    /// The content.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<RawNode>,
}

/// One piece of a [`RawElement`]'s content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawNode {
    /// A child element.
    Element(RawElement),
    /// Character data (from text, references or CDATA).
    Text(#[serde(deserialize_with = "crate::redact::unquoted_string")] String),
}

fn unquoted_pairs<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<(String, String)>, D::Error> {
    let pairs = <Vec<(Unquoted, Unquoted)> as serde::Deserialize>::deserialize(d)?;
    Ok(pairs.into_iter().map(|(k, v)| (k.0, v.0)).collect())
}

impl serde::Serialize for RawElement {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let fields =
            1 + usize::from(!self.attributes.is_empty()) + usize::from(!self.children.is_empty());
        let mut st = s.serialize_struct("RawElement", fields)?;
        st.serialize_field("name", &self.name)?;
        if !self.attributes.is_empty() {
            st.serialize_field("attributes", &self.attributes)?;
        }
        if !self.children.is_empty() {
            if is_secret_name(&self.name) && !secrets_exposed() {
                st.serialize_field("children", &MaskedChildren(&self.children))?;
            } else {
                st.serialize_field("children", &self.children)?;
            }
        }
        st.end()
    }
}

/// The children of an element that may hold a secret: each text as `***`.
struct MaskedChildren<'a>(&'a [RawNode]);

impl serde::Serialize for MaskedChildren<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// A node as [`RawNode`] serializes it.
        #[derive(serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        enum Node<'a> {
            Element(&'a RawElement),
            Text(&'static str),
        }
        s.collect_seq(self.0.iter().map(|node| match node {
            RawNode::Element(e) => Node::Element(e),
            RawNode::Text(_) => Node::Text(MASK),
        }))
    }
}

impl RawElement {
    /// An element with no attributes and no content.
    pub fn new(name: impl Into<String>) -> Self {
        RawElement {
            name: name.into(),
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// An element holding only `text`.
    pub fn with_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        let mut el = RawElement::new(name);
        el.children.push(RawNode::Text(text.into()));
        el
    }

    /// Adds a child element (builder style).
    pub fn child(mut self, child: RawElement) -> Self {
        self.children.push(RawNode::Element(child));
        self
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &RawElement> {
        self.children.iter().filter_map(|n| match n {
            RawNode::Element(e) => Some(e),
            RawNode::Text(_) => None,
        })
    }

    /// The first child element called `name`.
    pub fn get(&self, name: &str) -> Option<&RawElement> {
        self.elements().find(|e| e.name == name)
    }

    /// The element's text content (all text children joined, child elements left out).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for node in &self.children {
            if let RawNode::Text(t) = node {
                out.push_str(t);
            }
        }
        out
    }

    /// Reads any well-formed document (with the same tolerance and quirk repairs as the
    /// typed decoders) as a tree.
    ///
    /// ```
    /// use autodns_xml::RawElement;
    ///
    /// let (tree, quirks) = RawElement::decode(b"<zone><name>example.com</name><soa/></zone>")?;
    /// assert_eq!(tree.name, "zone");
    /// let names: Vec<&str> = tree.elements().map(|e| e.name.as_str()).collect();
    /// assert_eq!(names, ["name", "soa"]);
    /// assert_eq!(tree.get("name").map(|n| n.text()).as_deref(), Some("example.com"));
    /// assert!(quirks.is_empty());
    /// # Ok::<(), autodns_xml::DecodeError>(())
    /// ```
    pub fn decode(xml: &[u8]) -> Result<(RawElement, Vec<crate::Quirk>), DecodeError> {
        Self::decode_with(xml, &crate::Limits::default())
    }

    /// [`decode`](Self::decode) under your own [`Limits`](crate::Limits) instead of the
    /// defaults.
    ///
    /// ```
    /// use autodns_xml::{ErrorCategory, Limits, RawElement};
    ///
    /// let xml = b"<zone><name>example.com</name></zone>";
    /// let short = Limits::default().with_max_text_len(8);
    /// let err = RawElement::decode_with(xml, &short).unwrap_err();
    /// assert_eq!(err.category(), ErrorCategory::LimitExceeded);
    /// assert_eq!(err.path(), "zone/name");
    /// ```
    pub fn decode_with(
        xml: &[u8],
        limits: &crate::Limits,
    ) -> Result<(RawElement, Vec<crate::Quirk>), DecodeError> {
        let (src, start) = crate::codec::prepare(xml, limits)?;
        let (raw, quirks) = crate::codec::read_document(src, start, limits, |el| el.into_raw())?;
        Ok((raw, quirks.into_vec()))
    }
}

impl ElementReader<'_, '_> {
    /// Reads the whole element, with everything in it, as a [`RawElement`].
    pub fn into_raw(self) -> Result<RawElement, DecodeError> {
        let mut tree = Tree::default();
        self.read_raw(&mut tree)?;
        Ok(tree.done.unwrap_or_default())
    }
}

/// A [`RawElement`] built from [`RawEvents`].
#[derive(Default)]
struct Tree {
    open: Vec<RawElement>,
    done: Option<RawElement>,
}

impl RawEvents for Tree {
    fn start(&mut self, name: &str, attributes: Vec<(String, String)>) {
        self.open.push(RawElement {
            name: name.to_owned(),
            attributes,
            children: Vec::new(),
        });
    }

    fn text(&mut self, text: &str) {
        if let Some(top) = self.open.last_mut() {
            // Texts side by side are one, as the decoder joins them (it never sends two).
            match top.children.last_mut() {
                Some(RawNode::Text(last)) => last.push_str(text),
                _ => top.children.push(RawNode::Text(text.to_owned())),
            }
        }
    }

    fn end(&mut self) {
        let Some(done) = self.open.pop() else { return };
        match self.open.last_mut() {
            Some(parent) => parent.children.push(RawNode::Element(done)),
            None => self.done = Some(done),
        }
    }
}

impl FromXml for RawElement {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.into_raw()
    }
}

impl RawElement {
    /// `value`'s element `name` as a raw element, built from the writer's events: what
    /// decoding its compact XML would give, without the text between. Refused as the encoder
    /// refuses it.
    #[cfg(any(feature = "json", all(test, feature = "arbitrary")))]
    pub(crate) fn of<T: ToXml + ?Sized>(value: &T, name: &str) -> Result<Self, EncodeError> {
        let mut tree = Tree::default();
        let mut scratch = Vec::new();
        let mut w = XmlWriter::to_events(&mut scratch, &mut tree);
        value.to_xml(name, &mut w)?;
        tree.done.ok_or(EncodeError::Missing("an element"))
    }
}

/// A step of [`RawElement::walk`].
enum Step<'a> {
    /// An element opens.
    Start(&'a RawElement),
    /// A text child of the element open last.
    Text(&'a str),
    /// The element open last closes.
    End,
}

impl RawElement {
    /// Whether any of its children is a text.
    fn has_text(&self) -> bool {
        self.children.iter().any(|n| matches!(n, RawNode::Text(_)))
    }

    /// Hands the element and everything in it to `visit` in document order, until `visit`
    /// fails. An explicit stack keeps deep trees off the call stack.
    fn walk<'a, E>(&'a self, mut visit: impl FnMut(Step<'a>) -> Result<(), E>) -> Result<(), E> {
        visit(Step::Start(self))?;
        let mut stack = vec![self.children.iter()];
        while let Some(children) = stack.last_mut() {
            match children.next() {
                Some(RawNode::Element(child)) => {
                    visit(Step::Start(child))?;
                    stack.push(child.children.iter());
                }
                Some(RawNode::Text(text)) => visit(Step::Text(text))?,
                None => {
                    stack.pop();
                    visit(Step::End)?;
                }
            }
        }
        Ok(())
    }
}

impl XmlWriter<'_> {
    /// Writes a raw element under `name` (normally its own name), content as it came.
    /// An element holding text is written compact inside, so its text stays exact.
    pub fn raw_element(&mut self, name: &str, el: &RawElement) -> Result<(), EncodeError> {
        let mut raw = RawWriter::new(self);
        el.walk(|step| match step {
            // The element itself under `name`, its descendants under their own.
            Step::Start(e) if raw.depth() == 0 => raw.start(name, &e.attributes, e.has_text()),
            Step::Start(e) => raw.start(&e.name, &e.attributes, e.has_text()),
            Step::Text(text) => raw.text(text),
            Step::End => {
                raw.end();
                Ok(())
            }
        })
    }
}

impl ToXml for RawElement {
    fn to_xml(&self, name: &str, w: &mut XmlWriter) -> Result<(), EncodeError> {
        w.raw_element(name, self)
    }
}

/// The child elements a model does not know, kept compact: each element tree is held as a
/// few bytes of a shared buffer (its names, attributes and texts, with a tag byte apiece)
/// instead of one allocation per element and name. An unknown `<a/>` costs 5 bytes (one more than its text).
///
/// It behaves like a `Vec<RawElement>` that hands out copies: [`push`](Self::push) one,
/// [`iter`](Self::iter) over them in document order (each element rebuilt on access),
/// [`len`](Self::len). It serializes as a sequence of [`RawElement`]s, as the `Vec` did, and
/// [`write_xml`](Self::write_xml) writes it as XML; both read the bytes, rebuilding nothing.
///
/// ```
/// use autodns_xml::{RawElement, Unknown};
///
/// let mut unknown = Unknown::new();
/// unknown.push(RawElement::with_text("note", "kept"));
/// unknown.push(RawElement::new("flag"));
/// assert_eq!(unknown.len(), 2);
/// let names: Vec<String> = unknown.iter().map(|e| e.name).collect();
/// assert_eq!(names, ["note", "flag"]);
/// assert_eq!(unknown.get(0).map(|e| e.text()).as_deref(), Some("kept"));
/// ```
///
/// An empty one, what nearly every model holds, is a null pointer: 8 bytes inline, no heap.
#[derive(Clone, Default)]
pub struct Unknown(Option<Box<Elements>>);

/// What a non-empty [`Unknown`] holds on the heap.
#[derive(Clone, Default)]
struct Elements {
    /// The elements, each as `START name attributes (TEXT text | child)* END`, where START
    /// is [`START_MIXED`] for an element with a text child and [`START`] for one without.
    bytes: Vec<u8>,
    len: usize,
}

impl PartialEq for Unknown {
    /// The same elements, however each came to be held (an `Unknown` emptied by
    /// [`retain`](Unknown::retain) equals a new one).
    fn eq(&self, other: &Unknown) -> bool {
        self.len() == other.len() && self.bytes() == other.bytes()
    }
}
impl Eq for Unknown {}

/// An element starts; none of its children is a text.
const START: u8 = 1;
/// A text child.
const TEXT: u8 = 2;
/// The element open last ends.
const END: u8 = 3;
/// An element starts; at least one of its children is a text (the writer needs to know
/// before it writes the first child: such an element is written compact inside).
const START_MIXED: u8 = 4;

/// Whether `b` is the tag byte an element starts with.
fn is_start(b: u8) -> bool {
    b == START || b == START_MIXED
}

impl Unknown {
    /// No elements.
    pub fn new() -> Self {
        Unknown::default()
    }

    /// How many elements it holds.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |e| e.len)
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The heap bytes it holds its elements in.
    pub fn encoded_len(&self) -> usize {
        self.bytes().len()
    }

    /// The elements' bytes (none when empty).
    fn bytes(&self) -> &[u8] {
        self.0.as_ref().map_or(&[], |e| &e.bytes)
    }

    /// The heap part, made on the first element.
    fn elements(&mut self) -> &mut Elements {
        self.0.get_or_insert_with(Box::default)
    }

    /// Appends an element.
    pub fn push(&mut self, el: RawElement) {
        self.push_ref(&el);
    }

    /// Moves the elements of `other` after these.
    pub(crate) fn append(&mut self, other: Unknown) {
        match (&mut self.0, other.0) {
            (_, None) => {}
            (None, theirs) => self.0 = theirs,
            (Some(ours), Some(mut theirs)) => {
                ours.bytes.append(&mut theirs.bytes);
                ours.len += theirs.len;
            }
        }
    }

    /// Reads `el`, everything in it, straight into the compact form: no tree is built, so
    /// an element with a million children costs its bytes here and no more.
    pub(crate) fn read(&mut self, el: ElementReader<'_, '_>) -> Result<(), DecodeError> {
        let elements = self.elements();
        let mark = elements.bytes.len();
        let mut builder = Builder {
            elements,
            open: Vec::new(),
        };
        if let Err(e) = el.read_raw(&mut builder) {
            // Nothing of an element read in part stays.
            builder.elements.bytes.truncate(mark);
            return Err(e);
        }
        builder.elements.len += 1;
        Ok(())
    }

    /// Appends a copy of `el`.
    pub fn push_ref(&mut self, el: &RawElement) {
        let elements = self.elements();
        let Ok(()) = el.walk(|step| {
            match step {
                Step::Start(e) => elements.start_tag(&e.name, &e.attributes, e.has_text()),
                Step::Text(text) => elements.put_text(text),
                Step::End => elements.bytes.push(END),
            }
            Ok::<(), std::convert::Infallible>(())
        });
        elements.len += 1;
    }

    /// Writes the elements into `w` in document order, straight from the bytes: no element
    /// tree is rebuilt, so this costs no memory beyond the output, however large an element.
    /// The XML is the same as [`XmlWriter::raw_element`] writes for each element.
    ///
    /// ```
    /// use autodns_xml::codec::XmlWriter;
    /// use autodns_xml::{Layout, RawElement, Unknown};
    ///
    /// let mut unknown = Unknown::new();
    /// unknown.push(RawElement::new("note").child(RawElement::with_text("by", "me")));
    /// let mut out = Vec::new();
    /// unknown.write_xml(&mut XmlWriter::new(&mut out, Layout::Compact))?;
    /// assert_eq!(out, b"<note><by>me</by></note>");
    /// # Ok::<(), autodns_xml::EncodeError>(())
    /// ```
    pub fn write_xml(&self, w: &mut XmlWriter<'_>) -> Result<(), EncodeError> {
        let mut it = self.iter();
        let corrupt = || EncodeError::Missing("a well-formed unknown element");
        let mut raw = RawWriter::new(w);
        let mut attributes: Vec<(&str, &str)> = Vec::new();
        for _ in 0..self.len() {
            loop {
                match it.byte() {
                    Some(b) if is_start(b) => {
                        let name = it.str().ok_or_else(corrupt)?;
                        attributes.clear();
                        for _ in 0..it.len().ok_or_else(corrupt)? {
                            let pair = (it.str(), it.str());
                            let (Some(k), Some(v)) = pair else {
                                return Err(corrupt());
                            };
                            attributes.push((k, v));
                        }
                        raw.start(name, &attributes, b == START_MIXED)?;
                    }
                    Some(TEXT) => raw.text(it.str().ok_or_else(corrupt)?)?,
                    Some(END) => raw.end(),
                    _ => return Err(corrupt()),
                }
                if raw.depth() == 0 {
                    break;
                }
            }
        }
        Ok(())
    }

    /// The elements in document order, each rebuilt.
    pub fn iter(&self) -> UnknownIter<'_> {
        UnknownIter {
            bytes: self.bytes(),
            at: 0,
            left: self.len(),
        }
    }

    /// The `i`-th element (counting from 0), rebuilt: this walks the elements before it.
    pub fn get(&self, i: usize) -> Option<RawElement> {
        self.iter().nth(i)
    }

    /// Keeps only the elements `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&RawElement) -> bool) {
        let mut kept = Unknown::new();
        for el in self.iter() {
            if keep(&el) {
                kept.push(el);
            }
        }
        *self = kept;
    }

    /// The elements as a `Vec`.
    pub fn to_vec(&self) -> Vec<RawElement> {
        self.iter().collect()
    }
}

impl Elements {
    fn start_tag(&mut self, name: &str, attributes: &[(String, String)], has_text: bool) {
        self.bytes.push(if has_text { START_MIXED } else { START });
        self.put(name);
        self.put_len(attributes.len());
        for (name, value) in attributes {
            self.put(name);
            self.put(value);
        }
    }

    fn put_len(&mut self, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }

    fn put(&mut self, text: &str) {
        self.put_len(text.len());
        self.bytes.extend_from_slice(text.as_bytes());
    }

    fn put_text(&mut self, text: &str) {
        self.bytes.push(TEXT);
        self.put(text);
    }
}

/// The elements of an [`Unknown`], each rebuilt as a [`RawElement`].
pub struct UnknownIter<'a> {
    bytes: &'a [u8],
    at: usize,
    left: usize,
}

impl<'a> UnknownIter<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn len(&mut self) -> Option<usize> {
        let mut n = 0usize;
        let mut shift = 0u32;
        loop {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
            shift += 7;
        }
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        let end = self.at.checked_add(n)?;
        let text = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(text)
    }

    fn text(&mut self) -> Option<String> {
        self.str().map(str::to_owned)
    }

    /// The element whose START byte has just been read.
    fn open(&mut self) -> Option<RawElement> {
        let name = self.text()?;
        let count = self.len()?;
        let mut attributes = Vec::new();
        for _ in 0..count {
            attributes.push((self.text()?, self.text()?));
        }
        Some(RawElement {
            name,
            attributes,
            children: Vec::new(),
        })
    }

    /// The next whole element; `None` at the end (or, which `Unknown` never writes, at bytes
    /// that are no element).
    fn element(&mut self) -> Option<RawElement> {
        if !is_start(self.byte()?) {
            return None;
        }
        let mut stack = vec![self.open()?];
        loop {
            match self.byte()? {
                START | START_MIXED => {
                    let el = self.open()?;
                    stack.push(el);
                }
                TEXT => {
                    let text = self.text()?;
                    stack.last_mut()?.children.push(RawNode::Text(text));
                }
                END => {
                    let done = stack.pop()?;
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(RawNode::Element(done)),
                        None => return Some(done),
                    }
                }
                _ => return None,
            }
        }
    }
}

impl Iterator for UnknownIter<'_> {
    type Item = RawElement;

    fn next(&mut self) -> Option<RawElement> {
        if self.left == 0 {
            return None;
        }
        let el = self.element();
        self.left = if el.is_some() { self.left - 1 } else { 0 };
        el
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left))
    }
}

/// Reads an element into an [`Unknown`]: each element's START byte is written as [`START`]
/// and becomes [`START_MIXED`] when a text child arrives.
struct Builder<'u> {
    elements: &'u mut Elements,
    /// Where the START byte of each open element is.
    open: Vec<usize>,
}

impl RawEvents for Builder<'_> {
    fn start(&mut self, name: &str, attributes: Vec<(String, String)>) {
        self.open.push(self.elements.bytes.len());
        self.elements.start_tag(name, &attributes, false);
    }

    fn text(&mut self, text: &str) {
        if let Some(b) = self
            .open
            .last()
            .and_then(|&at| self.elements.bytes.get_mut(at))
        {
            *b = START_MIXED;
        }
        self.elements.put_text(text);
    }

    fn end(&mut self) {
        self.open.pop();
        self.elements.bytes.push(END);
    }
}

impl<'a> IntoIterator for &'a Unknown {
    type Item = RawElement;
    type IntoIter = UnknownIter<'a>;

    fn into_iter(self) -> UnknownIter<'a> {
        self.iter()
    }
}

impl From<Vec<RawElement>> for Unknown {
    fn from(elements: Vec<RawElement>) -> Self {
        elements.into_iter().collect()
    }
}

impl FromIterator<RawElement> for Unknown {
    fn from_iter<I: IntoIterator<Item = RawElement>>(iter: I) -> Self {
        let mut unknown = Unknown::new();
        unknown.extend(iter);
        unknown
    }
}

impl Extend<RawElement> for Unknown {
    fn extend<I: IntoIterator<Item = RawElement>>(&mut self, iter: I) {
        for el in iter {
            self.push(el);
        }
    }
}

impl std::fmt::Debug for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl serde::Serialize for Unknown {
    /// As the `Vec<RawElement>` it stands for, straight from the bytes: no element is rebuilt.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let cursor = Cursor {
            bytes: self.bytes(),
            at: std::cell::Cell::new(0),
        };
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for _ in 0..self.len() {
            if !cursor.byte().is_some_and(is_start) {
                return Err(serde::ser::Error::custom("corrupt unknown element"));
            }
            seq.serialize_element(&ElementView(&cursor))?;
        }
        seq.end()
    }
}

/// A place in an [`Unknown`]'s bytes, shared by the views serializing what lies there in
/// order: each view moves it past what it wrote.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: std::cell::Cell<usize>,
}

impl<'a> Cursor<'a> {
    fn iter(&self) -> UnknownIter<'a> {
        UnknownIter {
            bytes: self.bytes,
            at: self.at.get(),
            left: 1,
        }
    }

    fn byte(&self) -> Option<u8> {
        let mut it = self.iter();
        let b = it.byte()?;
        self.at.set(it.at);
        Some(b)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at.get()).copied()
    }

    fn len(&self) -> Option<usize> {
        let mut it = self.iter();
        let n = it.len()?;
        self.at.set(it.at);
        Some(n)
    }

    fn text(&self) -> Option<&'a str> {
        let mut it = self.iter();
        let text = it.str()?;
        self.at.set(it.at);
        Some(text)
    }
}

fn corrupt<E: serde::ser::Error>() -> E {
    E::custom("corrupt unknown element")
}

/// The element whose START byte the cursor has just passed, serialized as a [`RawElement`].
struct ElementView<'c, 'a>(&'c Cursor<'a>);

impl serde::Serialize for ElementView<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let c = self.0;
        let name = c.text().ok_or_else(corrupt::<S::Error>)?;
        let count = c.len().ok_or_else(corrupt::<S::Error>)?;
        let mut attributes = Vec::new();
        for _ in 0..count {
            let pair = (c.text(), c.text());
            let (Some(k), Some(v)) = pair else {
                return Err(corrupt());
            };
            attributes.push((k, v));
        }
        let has_children = c.peek() != Some(END);
        let fields = 1 + usize::from(!attributes.is_empty()) + usize::from(has_children);
        let mut st = s.serialize_struct("RawElement", fields)?;
        st.serialize_field("name", name)?;
        if !attributes.is_empty() {
            st.serialize_field("attributes", &attributes)?;
        }
        if has_children {
            let mask = is_secret_name(name) && !secrets_exposed();
            st.serialize_field("children", &ChildrenView { cursor: c, mask })?;
        } else {
            c.byte();
        }
        st.end()
    }
}

/// The children of the element being serialized, as [`RawNode`]s, up to and past its END.
struct ChildrenView<'c, 'a> {
    cursor: &'c Cursor<'a>,
    mask: bool,
}

impl serde::Serialize for ChildrenView<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let c = self.cursor;
        let mut seq = s.serialize_seq(None)?;
        loop {
            match c.byte() {
                Some(END) => break,
                Some(TEXT) => {
                    let text = c.text().ok_or_else(corrupt::<S::Error>)?;
                    let text = if self.mask { MASK } else { text };
                    seq.serialize_element(&NodeView::Text(text))?;
                }
                Some(START | START_MIXED) => seq.serialize_element(&NodeView::Element(c))?,
                _ => return Err(corrupt()),
            }
        }
        seq.end()
    }
}

/// One child, as [`RawNode`] serializes it.
enum NodeView<'c, 'a> {
    Element(&'c Cursor<'a>),
    Text(&'a str),
}

impl serde::Serialize for NodeView<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            NodeView::Element(c) => {
                s.serialize_newtype_variant("RawNode", 0, "element", &ElementView(c))
            }
            NodeView::Text(t) => s.serialize_newtype_variant("RawNode", 1, "text", t),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Unknown {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Elements;
        impl<'de> serde::de::Visitor<'de> for Elements {
            type Value = Unknown;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence of raw elements")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Unknown, A::Error> {
                let mut unknown = Unknown::new();
                while let Some(el) = seq.next_element::<RawElement>()? {
                    unknown.push(el);
                }
                Ok(unknown)
            }
        }
        d.deserialize_seq(Elements)
    }
}

/// The elements of an [`Unknown`] taken by value, each rebuilt as a [`RawElement`].
pub struct UnknownIntoIter {
    unknown: Unknown,
    at: usize,
    left: usize,
}

impl Iterator for UnknownIntoIter {
    type Item = RawElement;

    fn next(&mut self) -> Option<RawElement> {
        let mut it = UnknownIter {
            bytes: self.unknown.bytes(),
            at: self.at,
            left: self.left,
        };
        let el = it.next();
        (self.at, self.left) = (it.at, it.left);
        el
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left))
    }
}

impl IntoIterator for Unknown {
    type Item = RawElement;
    type IntoIter = UnknownIntoIter;

    fn into_iter(self) -> UnknownIntoIter {
        let left = self.len();
        UnknownIntoIter {
            unknown: self,
            at: 0,
            left,
        }
    }
}

impl PartialEq<[RawElement]> for Unknown {
    fn eq(&self, other: &[RawElement]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == *b)
    }
}

impl PartialEq<Vec<RawElement>> for Unknown {
    fn eq(&self, other: &Vec<RawElement>) -> bool {
        *self == other[..]
    }
}

/// The generator of raw elements (feature `arbitrary`, for the structured fuzz target), in
/// the form decoding gives (see `crate::codec::fuzz`).
#[cfg(feature = "arbitrary")]
pub(crate) mod generate {
    use super::{RawElement, RawNode, Unknown};
    use crate::codec::fuzz::{Gen, MAX_ITEMS, items, text};
    use crate::codec::macros::arbitrary_via_gen;
    use crate::codec::syntax::is_blank;
    use arbitrary::{Result, Unstructured};

    /// The deepest raw element tree drawn.
    const MAX_RAW_DEPTH: usize = 8;

    /// A name: mostly short ASCII (so that names the models know come up), now and then
    /// anything (which the encoder refuses unless it is an XML name). Rarely: a document holds
    /// many raw elements, and one bad name refuses all of it.
    fn name(u: &mut Unstructured<'_>) -> Result<String> {
        if u.ratio(1, 256)? {
            return text(u);
        }
        const FIRST: &[u8] = b"abcdeimnorstuxyz_:";
        const CHARS: &[u8] = b"abcdeimnorstuxyz_-.:019";
        let mut name = String::from(char::from(*u.choose(FIRST)?));
        for _ in 0..u.int_in_range(0..=7)? {
            name.push(char::from(*u.choose(CHARS)?));
        }
        Ok(name)
    }

    /// Unknown children of an element whose modelled children are called `known`.
    pub(crate) fn unknown(u: &mut Unstructured<'_>, known: &[&str]) -> Result<Unknown> {
        items(u, |u| {
            let mut el = raw_element(u, MAX_RAW_DEPTH)?;
            if known.contains(&el.name.as_str()) {
                el.name.push_str("_x");
            }
            Ok(el)
        })
        .map(Unknown::from)
    }

    /// A raw element in the form decoding gives (see the module documentation).
    fn raw_element(u: &mut Unstructured<'_>, depth: usize) -> Result<RawElement> {
        let name = name(u)?;
        let attributes = items(u, |u| Ok((self::name(u)?, text(u)?)))?;
        let mut children: Vec<RawNode> = Vec::new();
        while children.len() < MAX_ITEMS && u.arbitrary::<bool>()? {
            if depth > 1 && u.arbitrary()? {
                children.push(RawNode::Element(raw_element(u, depth - 1)?));
                continue;
            }
            let text = text(u)?;
            match children.last_mut() {
                _ if text.is_empty() => {}
                Some(RawNode::Text(last)) => last.push_str(&text),
                _ => children.push(RawNode::Text(text)),
            }
        }
        if children.iter().any(|c| matches!(c, RawNode::Element(_))) {
            children.retain(|c| !matches!(c, RawNode::Text(t) if is_blank(t)));
            // Dropping a text may have brought two texts together.
            let mut merged: Vec<RawNode> = Vec::with_capacity(children.len());
            for child in children {
                match (merged.last_mut(), child) {
                    (Some(RawNode::Text(last)), RawNode::Text(t)) => last.push_str(&t),
                    (_, child) => merged.push(child),
                }
            }
            children = merged;
        }
        Ok(RawElement {
            name,
            attributes,
            children,
        })
    }

    impl Gen for RawElement {
        fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
            raw_element(u, MAX_RAW_DEPTH)
        }
        fn generate_named(u: &mut Unstructured<'_>, name: &str) -> Result<Self> {
            let mut el = raw_element(u, MAX_RAW_DEPTH)?;
            name.clone_into(&mut el.name);
            Ok(el)
        }
    }

    arbitrary_via_gen!(RawElement);
}

#[cfg(all(test, feature = "arbitrary"))]
mod tests {
    use super::RawElement;
    use crate::codec::fuzz::Gen;
    use crate::codec::{Layout, ToXml, write_document};
    use arbitrary::Unstructured;

    /// `RawElement::of` gives what decoding the compact XML gives, or refuses what the encoder
    /// refuses, for `n` values of `T` drawn from pseudo-random bytes.
    fn events_match_the_text_trip<T: Gen + ToXml + std::fmt::Debug>(name: &str, n: u32) {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut bytes = vec![0u8; 4096];
        let mut written = 0;
        for _ in 0..n {
            for b in bytes.iter_mut() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                *b = seed.to_le_bytes()[0];
            }
            let Ok(value) = T::generate(&mut Unstructured::new(&bytes)) else {
                continue;
            };
            let trip = write_document(&value, name, Layout::Compact)
                .map(|xml| RawElement::decode(xml.as_bytes()).map(|(raw, _)| raw));
            match (RawElement::of(&value, name), trip) {
                (Ok(events), Ok(Ok(decoded))) => {
                    written += 1;
                    assert_eq!(events, decoded, "{value:?}");
                }
                (Err(_), Err(_)) => {}
                (events, trip) => panic!("{value:?}: events {events:?}, text trip {trip:?}"),
            }
        }
        assert!(written * 2 > n, "only {written} of {n} {name}s encode");
    }

    #[test]
    fn a_model_built_from_events_equals_its_decoded_xml() {
        events_match_the_text_trip::<crate::certificate::Certificate>("certificate", 3000);
        events_match_the_text_trip::<crate::contact::Handle>("handle", 3000);
        events_match_the_text_trip::<crate::domain::Domain>("domain", 3000);
        events_match_the_text_trip::<crate::zone::Zone>("zone", 3000);
        events_match_the_text_trip::<crate::poll::Message>("message", 3000);
    }
}
