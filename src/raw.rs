//! Raw element trees: unknown elements, and the data of tasks this crate does not model.

use crate::codec::is_secret_name;
use crate::codec::syntax::is_blank;
use crate::codec::{ElementReader, FromXml, ToXml, XmlWriter};
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
            RawNode::Text(_) => Node::Text(crate::Secret::MASK),
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
