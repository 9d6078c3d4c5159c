//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Path of a file in the workspace.
pub fn path(rel: &str) -> PathBuf {
    root().join(rel)
}

/// The bundled seed notice.
pub fn seed_path() -> PathBuf {
    path("seeds/cq-2021-19.txt")
}

/// The shared corpus of gov.cn pages (`../shared/corpus/govcn`), when it is present.
pub fn govcn_dir() -> Option<PathBuf> {
    let d = root().parent()?.join("shared/corpus/govcn");
    d.is_dir().then_some(d)
}
