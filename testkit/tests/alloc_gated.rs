//! The gated counting allocator counts only inside `measure`.

use wsproto_testkit::alloc::{measure, stats, Counting};

#[global_allocator]
static ALLOCATOR: Counting = Counting::gated();

#[test]
fn a_gated_allocator_counts_only_inside_measure() {
    let before = stats();
    let outside = vec![0u8; 64];
    assert_eq!(stats(), before, "counted outside measure");
    let (inside, usage) = measure(|| vec![0u8; 64]);
    assert_eq!((usage.calls, usage.held), (1, 64));
    drop((outside, inside));
}
