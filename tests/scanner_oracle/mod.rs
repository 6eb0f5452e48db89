//! The differential oracles of `tests/scanner_diff.rs` and `fuzz/fuzz_targets/scanner_diff.rs`:
//! quick-xml 0.42 with end-name and comment checks on, under a thin layer that enforces one
//! root element and no text outside it; roxmltree 0.21 (`roxml.rs`); and the lists of
//! documented divergences from each.
#![allow(dead_code)]

mod roxml;

pub use roxml::roxml_oracle;

use autodns_xml::{DecodeError, DecodeErrorKind, Limits, QuirkKind, RawElement, RawNode};
use quick_xml::Reader;
use quick_xml::events::Event;

/// The independent parser's tree of `xml`, normalized as our raw tree is (adjacent texts
/// joined, blank text dropped where an element also holds elements), or why it refused.
pub fn oracle(xml: &[u8]) -> Result<RawElement, String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // One byte-order mark: the parser under test would skip a second one as well, where
    // XML 1.0 reads it as U+FEFF, character data before the root.
    if text.starts_with('\u{FEFF}') {
        return Err("text outside the root (a second byte-order mark)".into());
    }
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.check_comments = true;
    config.expand_empty_elements = true;
    config.trim_text(false);
    let mut stack: Vec<RawElement> = Vec::new();
    let mut root: Option<RawElement> = None;
    let err = |e: quick_xml::Error| e.to_string();
    loop {
        let event = reader.read_event().map_err(err)?;
        let text: Option<String> = match event {
            Event::Start(s) => {
                if root.is_some() {
                    return Err("a second root".into());
                }
                let name = s.name().as_ref().to_owned();
                let mut el = RawElement::new(name);
                for attr in s.attributes().with_checks(true) {
                    let attr = attr.map_err(|e| e.to_string())?;
                    let key: &str = attr.key.as_ref();
                    let key = key.to_owned();
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(err)?;
                    el.attributes.push((key, value.into_owned()));
                }
                stack.push(el);
                None
            }
            Event::End(_) => {
                let mut done = stack.pop().ok_or("an unmatched end tag")?;
                drop_indentation(&mut done);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(RawNode::Element(done)),
                    None => root = Some(done),
                }
                None
            }
            Event::Empty(_) => return Err("expand_empty_elements is on".into()),
            Event::Text(t) => Some(t.xml10_content().into_owned()),
            Event::CData(c) => {
                if stack.is_empty() {
                    return Err("CDATA outside the root".into());
                }
                Some(c.xml10_content().into_owned())
            }
            Event::GeneralRef(r) => {
                if stack.is_empty() {
                    return Err("a reference outside the root".into());
                }
                match r.resolve_char_ref().map_err(err)? {
                    Some(c) => Some(c.to_string()),
                    None => Some(
                        quick_xml::escape::resolve_xml_entity(&r)
                            .ok_or("an unknown entity")?
                            .to_owned(),
                    ),
                }
            }
            Event::DocType(_) => return Err("a DOCTYPE".into()),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => None,
            Event::Eof => break,
        };
        if let Some(text) = text {
            match stack.last_mut() {
                Some(top) => push_text(top, &text),
                None if text.bytes().all(|b| b" \t\r\n".contains(&b)) => {}
                None => return Err("text outside the root".into()),
            }
        }
    }
    if !stack.is_empty() {
        return Err("the input ends inside an element".into());
    }
    root.ok_or_else(|| "no root element".into())
}

fn push_text(el: &mut RawElement, text: &str) {
    if let Some(RawNode::Text(last)) = el.children.last_mut() {
        last.push_str(text);
    } else {
        el.children.push(RawNode::Text(text.to_owned()));
    }
}

fn drop_indentation(el: &mut RawElement) {
    if el.children.iter().any(|n| matches!(n, RawNode::Element(_))) {
        el.children.retain(
            |n| !matches!(n, RawNode::Text(t) if t.bytes().all(|b| b" \t\r\n".contains(&b))),
        );
    }
}

/// Whether our refusal of a document quick-xml accepts is one of the documented checks
/// XML 1.0 asks for and quick-xml does not make:
/// - a character XML 1.0 does not allow (§2.2), written out or as a character reference
///   (quick-xml only refuses `&#0;`);
/// - a name that is not an XML `Name` (§2.3): of an element, an attribute or a processing
///   instruction's target (or a target `xml` in another case, §2.6); an attribute without
///   a name (`<a =k="x">`, which quick-xml reads);
/// - `]]>` in character data (§2.4); `<` in an attribute value (§3.1, quick-xml reads it);
///   attributes not separated by white space (§3.1);
/// - an XML declaration anywhere but at the start, with its pseudo-attributes out of order,
///   a version other than 1.x, a `standalone` other than yes or no (§2.8), or an encoding
///   other than UTF-8 (ours: the only one supported);
/// - the decoder's [`Limits`].
pub fn stricter_than_quick_xml(e: &DecodeError) -> bool {
    match e.kind() {
        DecodeErrorKind::Syntax(m) => {
            m.starts_with("character U+")
                || m == "a tag without a valid element name"
                || m == "a processing instruction without a valid target"
                || m == "`]]>` in character data"
                || m == "an XML declaration after the start of the document"
                || m.starts_with("XML declaration: ")
        }
        DecodeErrorKind::Attribute(m) => {
            m.starts_with("`<` in the value")
                || m.ends_with("is not a valid attribute name")
                || m == "an attribute without a name"
                || m == "attributes not separated by white space"
                || m.contains("invalid character reference")
        }
        DecodeErrorKind::InvalidCharRef(_)
        | DecodeErrorKind::UnsupportedEncoding(_)
        | DecodeErrorKind::LimitExceeded { .. } => true,
        _ => false,
    }
}

/// Whether `xml` holds a server quirk we repair (and quick-xml, rightly, refuses).
pub fn repaired(quirks: &[autodns_xml::Quirk]) -> bool {
    quirks.iter().any(|q| {
        matches!(
            q.kind,
            QuirkKind::MismatchedEndTag { .. } | QuirkKind::DuplicatedTail { .. }
        )
    })
}

/// Compares our scanner with both oracles on `xml`; `Err` says how they part.
pub fn compare(xml: &[u8]) -> Result<(), String> {
    let ours = RawElement::decode_with(xml, &Limits::default());
    compare_with_quick_xml(&ours, xml)?;
    compare_with_roxmltree(&ours, xml)
}

type Ours = Result<(RawElement, Vec<autodns_xml::Quirk>), DecodeError>;

fn compare_with_quick_xml(ours: &Ours, xml: &[u8]) -> Result<(), String> {
    match (ours, oracle(xml)) {
        (Ok((a, _)), Ok(b)) if *a == b => Ok(()),
        (Ok((a, _)), Ok(b)) => Err(format!("both accept, trees differ:\n{a:?}\n{b:?}")),
        (Err(_), Err(_)) => Ok(()),
        (Ok((_, quirks)), Err(_)) if repaired(quirks) => Ok(()),
        (Ok(_), Err(theirs)) => Err(format!("we accept, quick-xml refuses: {theirs}")),
        (Err(ours), Ok(_)) if stricter_than_quick_xml(ours) => Ok(()),
        (Err(ours), Ok(_)) => Err(format!("we refuse ({ours:?}), quick-xml accepts")),
    }
}

fn compare_with_roxmltree(ours: &Ours, xml: &[u8]) -> Result<(), String> {
    match (ours, roxml_oracle(xml)) {
        (Ok((a, _)), Ok(b)) if Tree::of(a) == b => Ok(()),
        (Ok((a, _)), Ok(b)) if cr_before_a_reference(xml, &Tree::of(a), &b) => Ok(()),
        (Ok((a, _)), Ok(b)) => Err(format!(
            "both accept, trees differ from roxmltree's:\n{:?}\n{b:?}",
            Tree::of(a)
        )),
        (Err(_), Err(_)) => Ok(()),
        (Ok((_, quirks)), Err(_)) if repaired(quirks) => Ok(()),
        (Ok(_), Err(theirs)) if namespaces_refused(&theirs, xml) => Ok(()),
        (Ok(_), Err(theirs)) => Err(format!("we accept, roxmltree refuses: {theirs}")),
        (Err(ours), Ok(_)) if stricter_than_roxmltree(ours, xml) => Ok(()),
        (Err(ours), Ok(_)) => Err(format!("we refuse ({ours:?}), roxmltree accepts")),
    }
}

/// Whether roxmltree refused for XML Namespaces 1.0, which it reads and we do not: a
/// prefix not declared, `xmlns` or `xml` misused, two attributes of one expanded name, or a
/// name with a colon that is no `QName` (`x:`, `a:b:c`). XML 1.0 itself allows those names.
pub fn namespaces_refused(why: &str, xml: &[u8]) -> bool {
    if why.contains("namespace") || why.contains("prefix") {
        return true;
    }
    // "invalid name token at L:C": the name there holds a colon.
    let Some(at) = why.strip_prefix("invalid name token at ") else {
        return false;
    };
    let Some((line, column)) = at.split_once(':') else {
        return false;
    };
    let (Ok(line), Ok(column)) = (line.parse::<usize>(), column.parse::<usize>()) else {
        return false;
    };
    let Ok(text) = std::str::from_utf8(xml) else {
        return false;
    };
    // Positions count from after the BOM, which the oracle strips.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let Some(line) = text.split('\n').nth(line.saturating_sub(1)) else {
        return false;
    };
    let name: String = line
        .chars()
        .skip(column.saturating_sub(1))
        .take_while(|c| !c.is_whitespace() && !"=>/'\"".contains(*c))
        .collect();
    name.contains(':')
}

/// Whether our refusal of a document roxmltree accepts is one it does not make: a
/// processing instruction's target that is no XML `Name` (§2.6); an XML declaration whose
/// version is not `1.x` or whose encoding is no encoding name (§2.8, §4.3.3), or that stands
/// after the start (where roxmltree refuses only `<?xml` and a space, and reads `<?xml\r`
/// as a processing instruction whose target, `xml`, §2.6 reserves); an encoding
/// other than UTF-8 (ours: the only one supported); the decoder's [`Limits`]; a character
/// reference to no Unicode scalar value (a surrogate, or past U+10FFFF); an end tag whose
/// name differs from its start tag's only by a leading colon. A reference inside a
/// password or token is masked in the error (`***`), so it is read from `xml` at the
/// error's offset.
pub fn stricter_than_roxmltree(e: &DecodeError, xml: &[u8]) -> bool {
    match e.kind() {
        DecodeErrorKind::InvalidCharRef(r) => {
            beyond_unicode_reference(r)
                || reference_at(xml, e.position().offset).is_some_and(beyond_unicode_reference)
        }
        DecodeErrorKind::Attribute(m) => m
            .split_once("invalid character reference `")
            .and_then(|(_, rest)| rest.split_once('`'))
            .is_some_and(|(r, _)| beyond_unicode_reference(r)),
        DecodeErrorKind::Syntax(m) => {
            m == "a processing instruction without a valid target"
                || m.starts_with("XML declaration: ")
                || m == "an XML declaration after the start of the document"
        }
        DecodeErrorKind::UnsupportedEncoding(_) | DecodeErrorKind::LimitExceeded { .. } => true,
        // roxmltree reads `:code` as the empty prefix and `code`, and matches an end tag by
        // prefix and local name, so `<code></:code>` passes; XML 1.0 wants the same name.
        DecodeErrorKind::MismatchedEndTag { expected, found } => {
            expected.strip_prefix(':').unwrap_or(expected)
                == found.strip_prefix(':').unwrap_or(found)
        }
        _ => false,
    }
}

/// The reference (`#x…`, `name`) whose `&` stands at `offset` in `xml`.
fn reference_at(xml: &[u8], offset: usize) -> Option<&str> {
    let rest = xml.get(offset..)?.strip_prefix(b"&")?;
    let end = rest.iter().position(|&b| b == b';')?;
    std::str::from_utf8(&rest[..end]).ok()
}

/// Whether `reference` (`#x…` or `#…`) names a surrogate or a code point past U+10FFFF
/// that fits in 32 bits: roxmltree 0.21 reads it as U+FFFD, where XML 1.0 (§4.1, Legal
/// Character) refuses it, as we do.
fn beyond_unicode_reference(reference: &str) -> bool {
    let Some(digits) = reference.strip_prefix('#') else {
        return false;
    };
    let n = match digits.strip_prefix('x') {
        Some(hex) => u32::from_str_radix(hex, 16),
        None => digits.parse::<u32>(),
    };
    n.is_ok_and(|n| char::from_u32(n).is_none())
}

/// roxmltree 0.21 leaves a carriage return beside a reference as it is (`\r&amp;` reads
/// `\r&`, `&amp;\r` reads `&\r`), where XML 1.0 (§2.11) makes every line end a line feed,
/// as we do: the trees then differ in those characters only.
pub fn cr_before_a_reference(xml: &[u8], ours: &Tree, theirs: &Tree) -> bool {
    fn lf(t: &Tree) -> Tree {
        let mut t = t.clone();
        let mut stack = vec![&mut t];
        while let Some(el) = stack.pop() {
            for child in &mut el.children {
                match child {
                    TreeNode::Text(s) => *s = s.replace('\r', "\n"),
                    TreeNode::Element(e) => stack.push(e),
                }
            }
        }
        t
    }
    xml.windows(2).any(|w| w == b"\r&" || w == b";\r") && lf(ours) == lf(theirs)
}

/// A tree neither parser under test builds: the oracles' common ground, so that an oracle
/// does not lean on the builders of the type it checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<TreeNode>,
}

/// What [`Tree::build`] sees of a child node.
pub enum Visit<'a, N> {
    Element(N),
    Text(&'a str),
    /// Neither (a comment, a processing instruction).
    Skip,
}

/// A child of a [`Tree`].
#[derive(Debug, Clone, PartialEq)]
pub enum TreeNode {
    Element(Tree),
    Text(String),
}

impl Tree {
    pub fn new(name: String) -> Self {
        Tree {
            name,
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Appends text, joined to a text just before it.
    pub fn push_text(&mut self, text: &str) {
        if let Some(TreeNode::Text(last)) = self.children.last_mut() {
            last.push_str(text);
        } else {
            self.children.push(TreeNode::Text(text.to_owned()));
        }
    }

    /// Drops blank texts beside elements (indentation).
    pub fn drop_indentation(&mut self) {
        if self
            .children
            .iter()
            .any(|n| matches!(n, TreeNode::Element(_)))
        {
            self.children.retain(
                |n| !matches!(n, TreeNode::Text(t) if t.bytes().all(|b| b" \t\r\n".contains(&b))),
            );
        }
    }

    /// The tree of `root`, built with an explicit stack (a document may nest as deep as the
    /// limits let it): `open` makes an element's `Tree` without its children, `children`
    /// lists a node's children, `visit` says what each is, and `tidy` finishes an element
    /// once its children are in.
    pub fn build<'a, N: Copy, I: Iterator>(
        root: N,
        open: impl Fn(N) -> Tree,
        children: impl Fn(N) -> I,
        visit: impl Fn(I::Item) -> Visit<'a, N>,
        tidy: impl Fn(&mut Tree),
    ) -> Tree {
        let mut stack = vec![(open(root), children(root))];
        loop {
            let next = stack
                .last_mut()
                .expect("the root stays until the end")
                .1
                .next();
            match next.map(&visit) {
                Some(Visit::Element(child)) => stack.push((open(child), children(child))),
                Some(Visit::Text(text)) => {
                    stack.last_mut().expect("an open element").0.push_text(text)
                }
                Some(Visit::Skip) => {}
                None => {
                    let (mut done, _) = stack.pop().expect("an open element");
                    tidy(&mut done);
                    match stack.last_mut() {
                        Some((parent, _)) => parent.children.push(TreeNode::Element(done)),
                        None => return done,
                    }
                }
            }
        }
    }

    /// Our raw tree as a `Tree`, namespace declarations (`xmlns`, `xmlns:p`) left out, as
    /// roxmltree keeps them apart from the attributes.
    pub fn of(el: &RawElement) -> Tree {
        fn open(el: &RawElement) -> Tree {
            let mut t = Tree::new(el.name.clone());
            t.attributes = el
                .attributes
                .iter()
                .filter(|(k, _)| k != "xmlns" && !k.starts_with("xmlns:"))
                .cloned()
                .collect();
            t
        }
        Tree::build(
            el,
            open,
            |el| el.children.iter(),
            |node| match node {
                RawNode::Element(child) => Visit::Element(child),
                RawNode::Text(text) => Visit::Text(text),
            },
            |_| {},
        )
    }
}
