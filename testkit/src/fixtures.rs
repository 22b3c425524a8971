//! Committed fixture files, found relative to the repository (the kit's
//! own manifest directory is `testkit/`, one level below the root), so that
//! no test depends on a path outside the repository. A missing fixture
//! panics with its path: a test never passes having checked nothing.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The path of `rel` (relative to the repository root).
pub fn path(rel: &str) -> PathBuf {
    repo_root().join(rel)
}

/// The bytes of the fixture at `rel`; panics, naming the path, if it
/// cannot be read.
pub fn read_bytes(rel: &str) -> Vec<u8> {
    let path = path(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {} cannot be read: {e}", path.display()))
}

/// The text of the fixture at `rel`; panics, naming the path, if it cannot
/// be read or is not UTF-8.
pub fn read(rel: &str) -> String {
    let path = path(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {} cannot be read: {e}", path.display()))
}

/// The files directly in the fixture directory `rel` whose names end with
/// `suffix`, sorted by name; panics, naming the path, if the directory
/// cannot be read or holds none.
pub fn list(rel: &str, suffix: &str) -> Vec<PathBuf> {
    let dir = path(rel);
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("fixture directory {} cannot be read: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap_or_else(|e| panic!("fixture directory {}: {e}", dir.display())).path())
        .filter(|p| p.is_file() && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(suffix)))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "fixture directory {} holds no `*{suffix}` file", dir.display());
    files
}

/// Where the seed documents are: the handshake examples (every
/// `Sec-WebSocket-Key`/`Sec-WebSocket-Accept` pair in them is correct) and
/// the frame dissections the project started from.
pub const SEEDS: &str = "tests/fixtures/seeds";

/// The seed document `name` (a file in [`SEEDS`]).
pub fn seed(name: &str) -> String {
    read(&format!("{SEEDS}/{name}"))
}

/// Every seed document: its file name and its text, sorted by name.
pub fn seeds() -> Vec<(String, String)> {
    list(SEEDS, ".txt")
        .into_iter()
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).expect("a UTF-8 file name").to_string();
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("fixture {} cannot be read: {e}", p.display()));
            (name, text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_documents_are_committed() {
        let seeds = seeds();
        assert_eq!(seeds.len(), 5);
        assert!(seeds.iter().all(|(name, text)| name.ends_with(".txt") && text.contains("Sec-WebSocket-Key: ")));
        assert_eq!(seed(&seeds[0].0), seeds[0].1);
    }

    #[test]
    #[should_panic(expected = "tests/fixtures/no-such-file.txt")]
    fn a_missing_fixture_panics_with_its_path() {
        read("tests/fixtures/no-such-file.txt");
    }

    #[test]
    #[should_panic(expected = "tests/fixtures/no-such-dir")]
    fn a_missing_fixture_directory_panics_with_its_path() {
        list("tests/fixtures/no-such-dir", ".txt");
    }
}
