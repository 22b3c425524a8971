//! The one test kit of `wsproto`, shared by the integration tests
//! (`tests/`), the benchmark (`benches/`) and the fuzz targets (`fuzz/`).
//!
//! Each helper exists here once, so that a check written for one harness is
//! the same check in the others:
//!
//! - [`events`]: events copied out of their borrow ([`events::Ev`]) and the
//!   chunk-to-message [`events::Normalizer`];
//! - [`alloc`]: the counting global allocator and its measurements;
//! - [`conn`]: connections opened past a handshake done elsewhere;
//! - [`frames`]: byte-level frame builders and an independent parser of
//!   what a connection writes;
//! - [`deflate`]: a permessage-deflate reference (zlib-rs driven directly,
//!   and a small decoder that checks a sender's window), and the wire read
//!   back as messages with their RSV bits;
//! - [`cuts`]: deterministic generators and the ways an input is cut into
//!   pieces;
//! - [`read`]: the one read loop over both input paths (`read` on the
//!   caller's buffer, `feed` + `poll`), and a driver built on it;
//! - [`pair`]: a client and a server wired back to back in memory;
//! - [`http`]: HTTP heads read as raw bytes;
//! - [`fixtures`]: committed fixture files, found relative to the
//!   repository;
//! - [`text`]: reference UTF-8 checks.
//!
//! Nothing here uses the crate's own frame encoder, masking or UTF-8 code:
//! the checks must not share the bugs of the code they check.

#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

pub mod alloc;
pub mod conn;
pub mod cuts;
pub mod deflate;
pub mod events;
pub mod fixtures;
pub mod frames;
pub mod http;
pub mod pair;
pub mod read;
pub mod text;
