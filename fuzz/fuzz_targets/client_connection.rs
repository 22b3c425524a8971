//! A whole client connection (`Connection::client`, seeded random source):
//! the server's answer, then frames, from raw bytes:
//! `[flags, split, seed_lo, seed_hi]` then the bytes. Flags bits 0-4 pick
//! the config (see `config_from_flags`), bit 5 drains the output in uneven
//! amounts, bit 6 reports EOF at the end, and bit 7 puts a correct 101 for
//! the client's key in front of the bytes, so that the fuzzer reaches the
//! frame layer without having to find the key.
//!
//! As for the server: whole `read`, split `read` and split `feed`/`poll`
//! must agree, and `drive` checks each run's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wsproto::handshake::{accept_key, ClientOptions, WsUri};
use wsproto::{ChaChaRng, Connection};
use wsproto_fuzz::{config_from_flags, cut, drive, prefix, Path};

fuzz_target!(|data: &[u8]| {
    let (p, rest) = prefix(data);
    let config = config_from_flags(p.flags);
    let uri = WsUri::parse("ws://server.example.com/chat").unwrap();
    let options = ClientOptions::new().protocol("chat");
    let make = || Connection::client(&uri, &options, config, ChaChaRng::from_seed([7; 32])).unwrap();

    let mut first = make();
    let request = first.sender().pending().to_vec();
    let mut stream = Vec::new();
    if p.flags & 0x80 != 0 {
        let text = core::str::from_utf8(&request).expect("our request is ASCII");
        let key = text
            .split("\r\n")
            .find_map(|line| line.strip_prefix("Sec-WebSocket-Key: "))
            .expect("the request carries its key");
        stream.extend_from_slice(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n");
        stream.extend_from_slice(b"Sec-WebSocket-Accept: ");
        stream.extend_from_slice(accept_key(key).as_str().as_bytes());
        stream.extend_from_slice(b"\r\n\r\n");
    }
    stream.extend_from_slice(rest);
    drop(first);

    let drain = (p.flags & 0x20 != 0).then_some(p.seed);
    let eof = p.flags & 0x40 != 0;
    // A client's output: its request, a masked Pong (4 bytes more than the
    // server's unmasked Ping of at least 2 bytes), and one Close.
    let bound = |input: usize| request.len() + 3 * input + 1024;
    let pieces = cut(&stream, p.split, p.seed);
    let whole = drive(make(), &[&stream], Path::ZeroCopy, drain, eof, bound);
    assert!(whole.output.starts_with(&request), "the request goes out first");
    let split = drive(make(), &pieces, Path::ZeroCopy, drain, eof, bound);
    assert_eq!(whole, split, "whole and split reads disagree");
    let polled = drive(make(), &pieces, Path::Buffered, drain, eof, bound);
    assert_eq!(whole, polled, "read and feed/poll disagree");
});
