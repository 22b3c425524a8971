//! Placeholder: the side-by-side benchmark lands with the benchmark issue.
fn main() {}
