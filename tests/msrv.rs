//! The declared `rust-version` is true (issue 13 item 10): no crate the library builds with
//! (every feature on, dev-dependencies aside) needs a newer Rust. The library's own use of
//! the standard library is held to it by clippy's `incompatible_msrv` lint, which `.ci/run`
//! denies. (No older toolchain can be installed on the CI machine, so the declared version is
//! not built there.)

use serde_json::Value;
use std::process::Command;

fn version(v: &str) -> Vec<u64> {
    v.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

#[test]
fn the_declared_rust_version_covers_every_dependency() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    // The host's dependency graph only: the packages of other platforms (wasi, windows) are
    // not downloaded by the build, and `--offline` would fail on them.
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let rustc_vv = Command::new(rustc)
        .arg("-vV")
        .output()
        .expect("rustc -vV runs");
    let host = String::from_utf8_lossy(&rustc_vv.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .expect("rustc names its host");
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--all-features",
            "--offline",
            "--filter-platform",
            &host,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let packages = meta["packages"].as_array().expect("packages");
    let package = |id: &str| {
        packages
            .iter()
            .find(|p| p["id"] == id)
            .expect("a package of the graph")
    };
    let nodes = meta["resolve"]["nodes"].as_array().expect("resolve nodes");
    let root = meta["resolve"]["root"].as_str().expect("a root package");
    let declared = package(root)["rust_version"]
        .as_str()
        .expect("rust-version is declared");

    // Every package reached from the root through normal and build dependencies.
    let (mut seen, mut todo) = (Vec::<String>::new(), vec![root.to_owned()]);
    while let Some(id) = todo.pop() {
        if seen.contains(&id) {
            continue;
        }
        let node = nodes
            .iter()
            .find(|n| n["id"] == id.as_str())
            .expect("a node");
        for dep in node["deps"].as_array().expect("deps") {
            let kinds = dep["dep_kinds"].as_array().expect("dep kinds");
            if kinds.iter().any(|k| k["kind"] != "dev") {
                todo.push(dep["pkg"].as_str().expect("pkg id").to_owned());
            }
        }
        seen.push(id);
    }
    let mut needs: Vec<(Vec<u64>, String)> = seen
        .iter()
        .filter_map(|id| {
            let p = package(id);
            let v = p["rust_version"].as_str()?;
            Some((
                version(v),
                format!("{} {} needs {v}", p["name"], p["version"]),
            ))
        })
        .collect();
    needs.sort();
    let newest = needs
        .last()
        .expect("some dependency declares a rust-version");
    assert!(
        version(declared) >= newest.0,
        "rust-version {declared} is too old: {}",
        newest.1
    );
}
