//! Raw element trees: unknown elements, and the data of tasks this crate does not model.

use crate::codec::syntax::is_blank;
use crate::codec::{ElementReader, FromXml, ToXml, XmlWriter};
use crate::error::{DecodeError, EncodeError};

/// An element kept as it came: name, attributes and content, in document order.
///
/// Comments and processing instructions are not kept; white space between child elements
/// (indentation) is dropped, all other text is kept exactly.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct RawElement {
    /// The element name.
    pub name: String,
    /// Attributes as `(name, value)`, value unescaped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
    Text(String),
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
    pub fn decode(xml: &[u8]) -> Result<(RawElement, Vec<crate::Quirk>), DecodeError> {
        Self::decode_with(xml, &crate::Limits::default())
    }

    /// [`decode`](Self::decode) under your own [`Limits`](crate::Limits) instead of the
    /// defaults.
    pub fn decode_with(
        xml: &[u8],
        limits: &crate::Limits,
    ) -> Result<(RawElement, Vec<crate::Quirk>), DecodeError> {
        let (src, start) = crate::codec::prepare(xml, limits)?;
        crate::codec::read_document(src, start, limits, |el| el.into_raw())
    }

    pub(crate) fn push_text(&mut self, text: &str, _cdata: bool) {
        if let Some(RawNode::Text(last)) = self.children.last_mut() {
            last.push_str(text);
        } else {
            self.children.push(RawNode::Text(text.to_owned()));
        }
    }

    /// Drops white-space-only text where the element also holds elements (indentation).
    pub(crate) fn drop_indentation(&mut self) {
        if self
            .children
            .iter()
            .any(|n| matches!(n, RawNode::Element(_)))
        {
            self.children
                .retain(|n| !matches!(n, RawNode::Text(t) if is_blank(t)));
        }
    }
}

impl FromXml for RawElement {
    fn from_xml(el: ElementReader<'_, '_>) -> Result<Self, DecodeError> {
        el.into_raw()
    }
}

impl ToXml for RawElement {
    fn to_xml(&self, name: &str, w: &mut XmlWriter) -> Result<(), EncodeError> {
        w.raw_element(name, self)
    }
}
