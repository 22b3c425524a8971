//! A whole server connection (`Connection::server`): the upgrade request,
//! then frames, from raw bytes: `[flags, split, seed_lo, seed_hi]` then the
//! bytes. Flags bits 0-4 pick the config (see `config_from_flags`), bit 5
//! drains the output in uneven amounts, bit 6 reports EOF at the end, bit 7
//! sets small handshake limits. An upgrade request is accepted, a plain
//! HTTP request answered with a 404.
//!
//! The same bytes are fed whole through `read`, in pieces through `read`,
//! and in pieces through `feed`/`poll`: the three runs must give the same
//! events, error, output and state. `drive` checks the invariants of each
//! run (consumed counts, no loops, bounded output, sticky errors).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wsproto::handshake::{Limits, ServerConfig};
use wsproto::Connection;
use wsproto_fuzz::{config_from_flags, cut, drive, prefix, Path};

fuzz_target!(|data: &[u8]| {
    let (p, stream) = prefix(data);
    let config = config_from_flags(p.flags);
    let make = || {
        let mut handshake = ServerConfig::new();
        if p.flags & 0x80 != 0 {
            handshake = handshake.limits(Limits { max_head_bytes: 300, max_headers: 8 });
        }
        Connection::server(config, handshake)
    };
    let drain = (p.flags & 0x20 != 0).then_some(p.seed);
    let eof = p.flags & 0x40 != 0;
    // A server's output: its HTTP answer (101, 4xx or the 404 page), a Pong
    // no longer than the Ping it answers, and one Close.
    let bound = |input: usize| input + 1024;
    let pieces = cut(stream, p.split, p.seed);
    let whole = drive(make(), &[stream], Path::ZeroCopy, drain, eof, bound);
    let split = drive(make(), &pieces, Path::ZeroCopy, drain, eof, bound);
    assert_eq!(whole, split, "whole and split reads disagree");
    let polled = drive(make(), &pieces, Path::Buffered, drain, eof, bound);
    assert_eq!(whole, polled, "read and feed/poll disagree");
});
