//! The counting allocator, installed the way test binaries install it.

use wsproto_testkit::alloc::{measure, reset_peak, stats, Counting};

#[global_allocator]
static ALLOCATOR: Counting = Counting::new();

#[test]
fn measure_counts_calls_peak_and_what_is_held() {
    let (v, usage) = measure(|| {
        let big = vec![1u8; 4096];
        drop(big);
        let mut kept: Vec<u8> = Vec::with_capacity(100);
        kept.reserve(1000);
        kept
    });
    assert_eq!(usage.calls, 3, "alloc, alloc and realloc: {usage:?}");
    assert!(usage.peak >= 4096, "{usage:?}");
    assert_eq!(usage.held, v.capacity() as isize, "{usage:?}");
    let capacity = v.capacity() as isize;
    let (_, usage) = measure(|| drop(v));
    assert_eq!((usage.calls, usage.held), (0, -capacity));
}

#[test]
fn counting_is_always_on_without_the_gate() {
    let before = stats();
    let v = vec![0u8; 64];
    assert_eq!(stats().calls, before.calls + 1);
    drop(v);
    let start = reset_peak();
    assert_eq!(start.peak, start.current);
}
