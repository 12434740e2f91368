//! Where things are: the workspace, cargo's target directory, the sysroot.

use std::path::{Path, PathBuf};

/// The workspace root (the parent of xtask/).
pub fn workspace() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().expect("xtask lives inside the workspace").to_path_buf()
}

/// cargo's target directory: `$CARGO_TARGET_DIR` (relative to the current
/// directory, as cargo resolves it) or `<workspace>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                std::env::current_dir().map(|c| c.join(&dir)).unwrap_or(dir)
            }
        }
        _ => workspace().join("target"),
    }
}

/// The installed tree: `<target dir>/sysroot`.
pub fn sysroot() -> PathBuf {
    target_dir().join("sysroot")
}

/// Where cargo puts release artifacts of the host target.
pub fn release_dir() -> PathBuf {
    target_dir().join("release")
}
