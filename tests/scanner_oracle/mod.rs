//! The differential oracle of `tests/scanner_diff.rs` and `fuzz/fuzz_targets/scanner_diff.rs`:
//! quick-xml 0.42 with end-name and comment checks on, under a thin layer that enforces one
//! root element and no text outside it, and the list of documented divergences.
#![allow(dead_code)]

use autodns_xml::{DecodeError, DecodeErrorKind, Limits, QuirkKind, RawElement, RawNode};
use quick_xml::Reader;
use quick_xml::events::Event;

/// The independent parser's tree of `xml`, normalized as our raw tree is (adjacent texts
/// joined, blank text dropped where an element also holds elements), or why it refused.
pub fn oracle(xml: &[u8]) -> Result<RawElement, String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
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

/// Compares the two parsers on `xml`; `Err` says how they part.
pub fn compare(xml: &[u8]) -> Result<(), String> {
    let ours = RawElement::decode_with(xml, &Limits::default());
    let theirs = oracle(xml);
    match (ours, theirs) {
        (Ok((a, _)), Ok(b)) if a == b => Ok(()),
        (Ok((a, _)), Ok(b)) => Err(format!("both accept, trees differ:\n{a:?}\n{b:?}")),
        (Err(_), Err(_)) => Ok(()),
        (Ok((_, quirks)), Err(_)) if repaired(&quirks) => Ok(()),
        (Ok(_), Err(theirs)) => Err(format!("we accept, quick-xml refuses: {theirs}")),
        (Err(ours), Ok(_)) if stricter_than_quick_xml(&ours) => Ok(()),
        (Err(ours), Ok(_)) => Err(format!("we refuse ({ours:?}), quick-xml accepts")),
    }
}
