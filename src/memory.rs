//! How the process asks the kernel for memory.

/// Asks Linux to back this process's memory with ordinary 4 KiB pages, not transparent huge
/// pages (elsewhere, and when the kernel refuses, nothing changes).
///
/// mimalloc marks its arenas for huge pages. A huge page must be cleared in one piece when it
/// is first touched, and in a virtual machine whose free memory goes back to the host (free
/// page reporting, as on this project's 2-core test machine) that memory comes from the host
/// afresh: reopening a million events (about 1.2 GB of new memory) took 1.97 s with huge pages
/// and 0.72 s without, the mean of six alternating runs each (`examples/bench.rs`, reopen).
pub fn prefer_small_pages() {
    #[cfg(target_os = "linux")]
    if let Err(err) = rustix::thread::disable_transparent_huge_pages(true) {
        // Only a speed-up: say why it is missing and go on.
        eprintln!("note: transparent huge pages stay on ({err})");
    }
}
