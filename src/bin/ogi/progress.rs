//! The progress bar of long runs (`parse`, `audit`, `export`).

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// A progress bar over `files` files on standard error, shown only when
/// standard error is a terminal, `quiet` is off and there is more than one
/// file; hidden otherwise (all its methods then do nothing). Print messages
/// through [`ProgressBar::suspend`] while it is shown.
pub(crate) fn bar(files: usize, quiet: bool) -> ProgressBar {
    if quiet || files < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files, eta {eta}",
    ) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
