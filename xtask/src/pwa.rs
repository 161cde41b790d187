//! The PWA step of the post-build: Content-Security-Policy and the service worker's precache
//! list. (Placeholder until the PWA work lands.)

use std::path::Path;

/// Runs the PWA step on the finished site folder.
#[allow(clippy::unnecessary_wraps)]
pub fn run(_dir: &Path) -> Result<(), String> {
    Ok(())
}
