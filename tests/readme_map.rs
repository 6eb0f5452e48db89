//! The README's map of `src/` names every file and folder under `src/`, and nothing that is
//! not there (issue 10: "the README's map of `src/` matches the tree").

use std::collections::BTreeSet;
use std::path::Path;

/// The map: from "A newcomer's map of `src/`" to the next heading.
fn map() -> String {
    let readme = include_str!("../README.md");
    let start = readme
        .find("A newcomer's map of `src/`")
        .expect("the README has a map of src/");
    let rest = &readme[start..];
    let end = rest.find("\n#").unwrap_or(rest.len());
    rest[..end].to_owned()
}

/// Every `code span` of the map.
fn spans(map: &str) -> BTreeSet<String> {
    map.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The names under `dir`, relative to `src/`: files as `a/b.rs`, folders as `a/`.
fn tree(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ can be listed")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let folder = format!("{prefix}{name}/");
            out.push(folder.clone());
            tree(&path, &folder, out);
        } else {
            out.push(format!("{prefix}{name}"));
        }
    }
}

#[test]
fn the_readme_map_names_every_file_and_folder_under_src() {
    let spans = spans(&map());
    let mut names = Vec::new();
    tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        "",
        &mut names,
    );
    // A file is named by its path, or by its own name inside its folder's item (the map
    // lists `domain/` and then `create.rs 0101`), or as `folder/file` for one deeper.
    let missing: Vec<&String> = names
        .iter()
        .filter(|path| {
            let trimmed = path.trim_end_matches('/');
            let own = trimmed.rsplit('/').next().unwrap();
            let own = if path.ends_with('/') {
                format!("{own}/")
            } else {
                own.to_owned()
            };
            let tail2 = trimmed.rsplitn(3, '/').take(2).collect::<Vec<_>>();
            let tail2 = if tail2.len() == 2 {
                let t = format!("{}/{}", tail2[1], tail2[0]);
                if path.ends_with('/') {
                    format!("{t}/")
                } else {
                    t
                }
            } else {
                String::new()
            };
            // A folder is also named by a path into it (`bin/autodns-xml.rs`).
            let into = path.ends_with('/') && spans.iter().any(|s| s.starts_with(path.as_str()));
            !spans.contains(*path) && !spans.contains(&own) && !spans.contains(&tail2) && !into
        })
        .collect();
    assert!(
        missing.is_empty(),
        "the README's map of src/ does not name {missing:?}"
    );
}

#[test]
fn every_file_the_readme_map_names_is_under_src() {
    let mut names = Vec::new();
    tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        "",
        &mut names,
    );
    let own_names: BTreeSet<String> = names
        .iter()
        .map(|p| {
            let trimmed = p.trim_end_matches('/');
            let own = trimmed.rsplit('/').next().unwrap();
            if p.ends_with('/') {
                format!("{own}/")
            } else {
                own.to_owned()
            }
        })
        .collect();
    let gone: Vec<String> = spans(&map())
        .into_iter()
        .filter(|s| s.ends_with(".rs") || (s.ends_with('/') && !s.contains(' ')))
        // The map's own heading.
        .filter(|s| s != "src/")
        .filter(|s| !names.contains(s) && !own_names.contains(s))
        .filter(|s| {
            // `json/` inside `notification/`, `bin/autodns-xml.rs`: a deeper path.
            !names.iter().any(|n| n.ends_with(&format!("/{s}")))
        })
        .collect();
    assert!(
        gone.is_empty(),
        "the README's map of src/ names {gone:?}, which src/ does not hold"
    );
}
