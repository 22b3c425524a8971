//! A counting global allocator: every call goes to [`System`] unchanged,
//! and per thread it counts the allocator calls (alloc, alloc_zeroed and
//! realloc), the bytes currently allocated and their peak. Counting per
//! thread keeps tests that run in parallel from seeing each other's
//! allocations. A `realloc` counts as one call and changes the current
//! bytes by the difference in size.
//!
//! A test binary or bench that measures memory installs it itself:
//!
//! ```text
//! #[global_allocator]
//! static ALLOCATOR: wsproto_testkit::alloc::Counting = wsproto_testkit::alloc::Counting::new();
//! ```
//!
//! [`Counting::new`] counts all the time; [`Counting::gated`] counts only
//! inside [`measure`], so that timed code outside it pays nothing for the
//! counters.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// This thread's counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Allocator calls so far (alloc, alloc_zeroed and realloc).
    pub calls: u64,
    /// Bytes currently allocated (relative to when counting began: it can
    /// be negative on a thread that frees what another one allocated).
    pub current: isize,
    /// The highest `current` since the last [`reset_peak`].
    pub peak: isize,
}

thread_local! {
    // Both const-initialized and without a destructor: touching them never
    // allocates, so the allocator can use them.
    static STATS: Cell<Stats> = const { Cell::new(Stats { calls: 0, current: 0, peak: 0 }) };
    static ENABLED: Cell<bool> = const { Cell::new(false) };
}

fn record(calls: u64, delta: isize) {
    // `try_with`: the thread-local may be gone while a thread exits.
    let _ = STATS.try_with(|s| {
        let mut v = s.get();
        v.calls += calls;
        v.current += delta;
        v.peak = v.peak.max(v.current);
        s.set(v);
    });
}

/// The counting allocator (see the module documentation).
#[derive(Debug)]
pub struct Counting {
    gated: bool,
}

impl Counting {
    /// Counts every allocation.
    pub const fn new() -> Counting {
        Counting { gated: false }
    }

    /// Counts only while a [`measure`] runs on the thread.
    pub const fn gated() -> Counting {
        Counting { gated: true }
    }

    fn counting(&self) -> bool {
        !self.gated || ENABLED.try_with(Cell::get).unwrap_or(false)
    }
}

impl Default for Counting {
    fn default() -> Counting {
        Counting::new()
    }
}

// SAFETY: every method forwards to `System` with the same arguments and
// returns what it returns; besides, it only updates thread-local counters,
// which never allocate (const-initialized, no destructor).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout, under the caller's
        // guarantees for `GlobalAlloc::alloc`.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && self.counting() {
            record(1, layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout, under the caller's
        // guarantees for `GlobalAlloc::alloc_zeroed`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() && self.counting() {
            record(1, layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator, that is by
        // `System`, with `layout` (the caller's guarantee).
        unsafe { System.dealloc(ptr, layout) };
        if self.counting() {
            record(0, -(layout.size() as isize));
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was allocated by `System` with `layout`, and
        // `new_size` meets `GlobalAlloc::realloc`'s rules (the caller's
        // guarantees).
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() && self.counting() {
            record(1, new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// This thread's counters now.
pub fn stats() -> Stats {
    STATS.with(Cell::get)
}

/// Starts a new peak at the current level; returns the counters as they
/// were then (with the new peak).
pub fn reset_peak() -> Stats {
    STATS.with(|s| {
        let mut v = s.get();
        v.peak = v.current;
        s.set(v);
        v
    })
}

/// What a measured closure did to this thread's heap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// Allocator calls (alloc, alloc_zeroed and realloc).
    pub calls: u64,
    /// Highest heap above the level at the start.
    pub peak: isize,
    /// Heap still held at the end, relative to the start.
    pub held: isize,
}

/// Runs `f` with counting on (for a [`Counting::gated`] allocator) and
/// returns its result and what it did to this thread's heap.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Usage) {
    let was = ENABLED.with(|e| e.replace(true));
    let start = reset_peak();
    let r = f();
    let end = stats();
    ENABLED.with(|e| e.set(was));
    (r, Usage { calls: end.calls - start.calls, peak: end.peak - start.current, held: end.current - start.current })
}
