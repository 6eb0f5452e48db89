//! The second oracle: roxmltree 0.21, a parser written apart from both quick-xml and ours,
//! which reads XML 1.0 with namespaces and checks characters and names itself.

use super::{Tree, Visit};

/// roxmltree's tree of `xml`, normalized as our raw tree is (adjacent texts joined, blank
/// text dropped where an element also holds elements, comments and processing instructions
/// dropped), or why it refused.
pub fn roxml_oracle(xml: &[u8]) -> Result<Tree, String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // One byte-order mark: the parser under test would skip a second one as well, where
    // XML 1.0 reads it as U+FEFF, character data before the root.
    if text.starts_with('\u{FEFF}') {
        return Err("text outside the root (a second byte-order mark)".into());
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        // Bounded, as the fuzz target's inputs are: a node per byte at most.
        nodes_limit: u32::try_from(text.len())
            .unwrap_or(u32::MAX)
            .saturating_add(8),
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|e| e.to_string())?;
    Ok(element(doc.root_element()))
}

/// The qualified name (`prefix:local`) as it was written: roxmltree resolves prefixes to
/// namespaces, so the prefix is read back from the source text of the tag.
fn qualified(node: roxmltree::Node<'_, '_>) -> String {
    let src = &node.document().input_text()[node.range()];
    let name_end = src[1..]
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .map_or(src.len(), |i| i + 1);
    src[1..name_end].to_owned()
}

fn element(root: roxmltree::Node<'_, '_>) -> Tree {
    Tree::build(
        root,
        open,
        |node| node.children(),
        |child| match child {
            c if c.is_element() => Visit::Element(c),
            c if c.is_text() => Visit::Text(c.text().unwrap_or("")),
            _ => Visit::Skip,
        },
        Tree::drop_indentation,
    )
}

fn open(node: roxmltree::Node<'_, '_>) -> Tree {
    let input = node.document().input_text();
    let mut tree = Tree::new(qualified(node));
    // roxmltree names an attribute by its local name and keeps namespace declarations
    // apart: the qualified name is read back from the source, and declarations are left
    // out of both trees (`Tree::of`).
    tree.attributes = node
        .attributes()
        .map(|a| (input[a.range_qname()].to_owned(), a.value().to_owned()))
        .collect();
    tree
}
