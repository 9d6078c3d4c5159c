//! Interrupted runs leave no temporary files: every temporary output in flight is registered
//! here, and on SIGINT, SIGTERM or SIGHUP (Ctrl-C, `kill`, a closed terminal) the handler removes
//! them all and exits with 130. SIGKILL cannot be caught; see the README.

use std::collections::BTreeSet;
use std::fs::{File, Permissions};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The exit code after an interrupt (128 + SIGINT, as shells report Ctrl-C).
pub const INTERRUPTED: u8 = 130;

/// Temporary files created and not yet renamed into place or removed.
static IN_FLIGHT: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn in_flight() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    // A thread that panicked while holding the lock left the set consistent: every change is
    // one insert or remove.
    IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
}

/// Installs the handler that removes the temporary files in flight and exits with
/// [`INTERRUPTED`]. Without it (if the platform refuses) a signal ends the run as usual.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        // Holding the lock until exit: no new temporary file is created and none is renamed
        // into place half-way through the removal.
        let files = in_flight();
        for f in files.iter() {
            let _ = std::fs::remove_file(f);
        }
        eprintln!(
            "gongwen: interrupted; {} unfinished output{} removed",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        );
        std::process::exit(i32::from(INTERRUPTED));
    });
}

/// A temporary file registered for removal on an interrupt; removed when dropped unless
/// persisted.
pub struct TrackedTemp {
    // Declared first, so dropped first: the file is removed before it is unregistered, and an
    // interrupt in between only finds it already gone.
    tmp: tempfile::NamedTempFile,
    _registered: Registered,
}

/// Unregisters a temporary file when dropped.
struct Registered(PathBuf);

impl Drop for Registered {
    fn drop(&mut self) {
        in_flight().remove(&self.0);
    }
}

impl TrackedTemp {
    /// Creates `.gongwen-XXXXXX.tmp` in `dir`, with `permissions` (less the umask) where given.
    pub fn create_in(dir: &Path, permissions: Option<Permissions>) -> std::io::Result<Self> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(".gongwen-").suffix(".tmp");
        if let Some(p) = permissions {
            builder.permissions(p);
        }
        // Created and registered under the lock, so an interrupt cannot fall between the two.
        let mut files = in_flight();
        let tmp = builder.tempfile_in(dir)?;
        let path = tmp.path().to_path_buf();
        files.insert(path.clone());
        Ok(TrackedTemp {
            tmp,
            _registered: Registered(path),
        })
    }

    /// The temporary file's path (for the test pause only; messages name the output).
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// The open file.
    pub fn file(&self) -> &File {
        self.tmp.as_file()
    }

    /// The open file, for writing.
    pub fn file_mut(&mut self) -> &mut File {
        self.tmp.as_file_mut()
    }

    /// Renames the finished file to `target`; on failure the temporary file is removed. An
    /// interrupt during the rename finds either the finished output in place or the temporary
    /// file still there to remove.
    pub fn persist(self, target: &Path) -> std::io::Result<()> {
        let TrackedTemp { tmp, _registered } = self;
        // On failure the returned file is dropped here, before `_registered`: removed.
        tmp.persist(target).map(drop).map_err(|e| e.error)
    }
}

/// For the interrupt test only, in debug builds: with `GONGWEN_TEST_PAUSE_BEFORE_RENAME` set to
/// a path, a finished temporary file is announced by creating that path, and the writer waits
/// there until the process is signalled. Release builds do nothing.
pub fn test_pause_before_rename(tmp: &Path) {
    #[cfg(debug_assertions)]
    if let Some(marker) = std::env::var_os("GONGWEN_TEST_PAUSE_BEFORE_RENAME") {
        // Written beside and renamed, so the test never reads a marker created but not yet
        // filled (under load it did, and failed now and then).
        let mut part = marker.clone();
        part.push(".part");
        let _ = std::fs::write(&part, tmp.as_os_str().as_encoded_bytes());
        let _ = std::fs::rename(&part, &marker);
        loop {
            std::thread::park();
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = tmp;
}
