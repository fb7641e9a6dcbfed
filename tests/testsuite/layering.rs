//! Tests: layering. The modules of `src/` import one way (style.md, the
//! project guide): the front ends and the parser never call the audit, the
//! model never calls the parser, text utilities stand below everything, and
//! the C ABI's plain types stand below its entry points.
//!
//! The check reads the source: every `crate::…` path outside comments and
//! `#[cfg(test)]` items (tests may compose layers as a user does) names the
//! top-level module it reaches; a path to a root item names the module the
//! item comes from (`crate::Report` is the model's, `crate::Error` the
//! error module's, `crate::parse_html` the facade's, written `lib`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::util::repo_path;

/// The modules `area` (a file or folder under `src/`, or `*` for the
/// top-level module of that name) may not reach, and why.
const FORBIDDEN: &[(&str, &[&str], &str)] = &[
    (
        "chars",
        &[
            "text", "model", "lines", "position", "error", "decode", "grid", "template", "parse",
            "audit", "render", "input", "lossless", "ffi", "lib",
        ],
        "character classes stand below everything",
    ),
    (
        "text",
        &[
            "model", "lines", "position", "error", "decode", "grid", "template", "parse", "audit",
            "render", "input", "lossless", "ffi", "lib",
        ],
        "text utilities stand below the model and every layer that uses them",
    ),
    (
        "model",
        &[
            "lines", "position", "error", "decode", "grid", "template", "parse", "audit", "render",
            "input", "lossless", "ffi", "lib",
        ],
        "the model never calls the parser, the audit or the facade, nor the layers between",
    ),
    (
        "lines",
        &[
            "position", "error", "decode", "grid", "template", "parse", "audit", "render", "input",
            "lossless", "ffi", "lib",
        ],
        "lines and spans stand below every reader",
    ),
    (
        "position",
        &[
            "error", "decode", "grid", "template", "parse", "audit", "render", "input", "lossless",
            "ffi", "lib",
        ],
        "positions stand below the error type",
    ),
    (
        "error",
        &[
            "decode", "grid", "template", "parse", "audit", "render", "input", "lossless", "ffi",
            "lib",
        ],
        "the error type stands below every reader",
    ),
    (
        "decode",
        &[
            "model", "grid", "template", "parse", "audit", "render", "input", "lossless", "ffi",
            "lib",
        ],
        "decoding bytes knows nothing of reports",
    ),
    (
        "grid",
        &[
            "decode", "template", "parse", "audit", "render", "input", "lossless", "ffi", "lib",
        ],
        "grid builders know cells and positions, not templates or front ends",
    ),
    (
        "template",
        &[
            "parse", "audit", "render", "input", "lossless", "ffi", "lib",
        ],
        "the template mapper knows grids and the model, not the parse wing above it",
    ),
    (
        "parse",
        &["audit", "render", "input", "lossless", "ffi", "lib"],
        "the parser returns the model and never calls the audit",
    ),
    (
        "audit",
        &["parse", "render", "input", "lossless", "ffi", "lib"],
        "the audit reads the model, it never parses",
    ),
    (
        "input",
        &["audit", "render", "lossless", "ffi", "lib"],
        "a front end never calls the audit: the facade composes them",
    ),
    (
        "render",
        &["audit", "input", "lossless", "ffi", "lib"],
        "the renderer writes the model",
    ),
    (
        "lossless",
        &["audit", "render", "ffi", "lib"],
        "the nothing-lost check reads the model against its source",
    ),
];

/// Files of a folder that must not reach their siblings (`super::NAME` or
/// `crate::…::NAME`), so that the folder runs one way.
const SIBLINGS: &[(&str, &[&str], &str)] = &[
    (
        "ffi/status.rs",
        &[
            "boundary",
            "format",
            "version",
            "status_message",
            "report",
            "buf",
            "error",
            "across",
        ],
        "ogi_status is a plain type at the bottom of the C ABI",
    ),
    (
        "ffi/format.rs",
        &[
            "boundary",
            "status",
            "version",
            "status_message",
            "report",
            "buf",
            "error",
            "across",
        ],
        "ogi_format is a plain type at the bottom of the C ABI",
    ),
    (
        "ffi/boundary.rs",
        &[
            "version",
            "status_message",
            "report",
            "buf",
            "error",
            "across",
        ],
        "the panic boundary stands below every entry point",
    ),
    (
        "grid/positions/header.rs",
        &["block"],
        "header cells refine the columns of a block; the block reads them",
    ),
];

/// The top-level modules of the crate: the folders and files of `src/`
/// (`lib.rs` is the facade, written `lib`).
fn modules(src: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(src)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            let name = name.strip_suffix(".rs").map_or(name.clone(), str::to_owned);
            (name != "lib" && name != "bin" && name != "main").then_some(name)
        })
        .collect();
    out.sort();
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of `text` without comments and without `#[cfg(test)]` items.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            // skip the item that follows: to its `;` or its closing brace
            let mut depth = 0i32;
            let mut opened = false;
            for l in lines.by_ref() {
                let l = strip_comment(l);
                depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
                opened |= l.contains('{');
                if (opened && depth <= 0) || (!opened && l.trim_end().ends_with(';')) {
                    break;
                }
            }
            continue;
        }
        out.push_str(strip_comment(line));
        out.push('\n');
    }
    out
}

fn strip_comment(line: &str) -> &str {
    line.split("//").next().unwrap_or("")
}

/// The module a root item of the crate comes from (`modules`: the crate's
/// top-level modules).
fn owner<'a>(name: &'a str, modules: &[String]) -> &'a str {
    match name {
        m if modules.iter().any(|x| x == m) => m,
        "Error" | "ErrorKind" => "error",
        "Position" => "position",
        "Parsed" | "FromTextError" => "lib",
        n if n.starts_with(|c: char| c.is_ascii_uppercase()) => "model",
        _ => "lib",
    }
}

/// The first segment of every path that starts with `prefix` (`crate::`,
/// `super::`) in `code`, grouped imports (`crate::{a, b::c}`) included.
/// `$crate::` (in a macro) counts as `crate::`; `foo_crate::` does not.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices(prefix) {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[i + prefix.len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                // the group's items at its top level, split at commas
                let mut level = 0;
                let mut start = 0;
                for (j, c) in group.char_indices() {
                    match c {
                        '{' => level += 1,
                        '}' if level == 0 => {
                            out.push(ident(&group[start..j]));
                            break;
                        }
                        '}' => level -= 1,
                        ',' if level == 0 => {
                            out.push(ident(&group[start..j]));
                            start = j + 1;
                        }
                        _ => {}
                    }
                }
            }
            None => out.push(ident(rest)),
        }
    }
    out.retain(|p| !p.is_empty() && p != "self");
    out
}

fn ident(s: &str) -> String {
    s.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// `src/a/b.rs` → `a`; `src/a.rs` → `a`.
fn area(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

#[test]
fn modules_import_one_way() {
    let src = repo_path("src");
    let modules = modules(&src);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "read the tree under {}", src.display());
    let mut broken = BTreeSet::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        // `tests.rs` modules are test code
        if rel.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let code = code(&std::fs::read_to_string(file).unwrap());
        let here = area(rel);
        let rel_str = rel.to_string_lossy().replace('\\', "/");
        for first in paths_after(&code, "crate::") {
            let to = owner(&first, &modules);
            if to == here {
                continue;
            }
            if let Some((_, _, why)) = FORBIDDEN
                .iter()
                .find(|(a, never, _)| *a == here && never.contains(&to))
            {
                broken.insert(format!(
                    "src/{rel_str} reaches {to} (crate::{first}): {why}"
                ));
            }
        }
        for (path, never, why) in SIBLINGS {
            if rel_str != *path {
                continue;
            }
            let folder = path[..path.rfind('/').unwrap()].replace('/', "::");
            let via_crate = paths_after(&code, &format!("crate::{folder}::"));
            for name in via_crate.into_iter().chain(paths_after(&code, "super::")) {
                if never.contains(&name.as_str()) {
                    broken.insert(format!("src/{path} reaches its sibling {name}: {why}"));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "imports that run against the layering:\n{}",
        broken.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_check_sees_what_it_should() {
    let text = "use crate::{model::Report, parse::{a, b}};\n\
                // crate::audit::audit(&r)\n\
                fn f() { crate::Error::x(); $crate::ffi::status::ogi_status::Ok; }\n\
                #[cfg(test)]\nmod tests {\n    fn g() { crate::render::render(); }\n}\n\
                fn h() { crate::parse_html(b\"\"); my_crate::x(); }\n\
                use super::{block::Column, Line};\n";
    let code = code(text);
    let firsts = paths_after(&code, "crate::");
    assert_eq!(firsts, ["model", "parse", "Error", "ffi", "parse_html"]);
    let modules = modules(&repo_path("src"));
    let owners: Vec<&str> = firsts.iter().map(|f| owner(f, &modules)).collect();
    assert_eq!(owners, ["model", "parse", "error", "ffi", "lib"]);
    assert_eq!(paths_after(&code, "crate::ffi::"), ["status"]);
    assert_eq!(paths_after(&code, "super::"), ["block", "Line"]);
}
