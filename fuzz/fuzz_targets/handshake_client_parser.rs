//! The client's response parser (`handshake::ClientHandshake::parse`), and
//! with flag bit 7 the proxy answer parser (`handshake::ProxyConnect`):
//! `[flags, split, seed_lo, seed_hi]` then the bytes. The client's key is
//! fixed to the RFC 6455 example (`dGhlIHNhbXBsZSBub25jZQ==`, accept
//! `s3pPLMBiTxaQ9kYGzzhZRbK+xOo=`), so the seed corpus can hold a valid
//! 101. Whole and in pieces, it must give the same reply, ending at the
//! same offset, or the same error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wsproto::handshake::{
    ClientHandshake, ClientOptions, Limits, ProxyConnect, Reply, ResponseError, SecKey, Status, WsUri,
};
use wsproto_fuzz::{cut, prefix};

/// Bit 0: small limits; bit 1: offer subprotocols `chat` and `superchat`;
/// bit 2: offer permessage-deflate.
/// The head limits the flags select.
fn options_limits(flags: u8) -> Limits {
    if flags & 1 != 0 {
        Limits { max_head_bytes: 300, max_headers: 8 }
    } else {
        Limits::default()
    }
}

fn options(flags: u8) -> ClientOptions {
    let mut options = ClientOptions::new().limits(options_limits(flags));
    if flags & 2 != 0 {
        options = options.protocol("chat").protocol("superchat");
    }
    if flags & 4 != 0 {
        options = options.extension("permessage-deflate; client_max_window_bits");
    }
    options
}

#[derive(Debug, PartialEq, Eq)]
enum Outcome<T> {
    /// The reply and the stream offset where the head ended.
    Done(T, usize),
    Failed(ResponseError),
    Incomplete,
}

fn parse_client(pieces: &[&[u8]], flags: u8) -> Outcome<Reply> {
    let uri = WsUri::parse("ws://server.example.com/chat").unwrap();
    let key = SecKey::from_nonce(*b"the sample nonce");
    let options = options(flags);
    let (mut hs, request) = ClientHandshake::with_key(&uri, &options, key).unwrap();
    assert!(request.ends_with(b"\r\n\r\n"));
    let max = options_limits(flags).max_head_bytes;
    let mut base = 0;
    for piece in pieces {
        match hs.parse(piece) {
            Ok(Status::Partial) => assert!(hs.buffered() <= max, "client holds {} > {max}", hs.buffered()),
            Ok(Status::Complete { value, consumed }) => {
                assert!(consumed <= piece.len());
                if let Reply::NotUpgraded(r) = &value {
                    assert_eq!(consumed, piece.len(), "a non-101 reply takes the rest as body");
                    assert!(piece.ends_with(&r.body));
                }
                return Outcome::Done(value, base + consumed);
            }
            Err(e) => return Outcome::Failed(e),
        }
        base += piece.len();
    }
    Outcome::Incomplete
}

fn parse_proxy(pieces: &[&[u8]], flags: u8) -> Outcome<u16> {
    let limits = options_limits(flags);
    let mut proxy = ProxyConnect::new(limits);
    let mut base = 0;
    for piece in pieces {
        match proxy.parse(piece) {
            Ok(Status::Partial) => {
                assert!(proxy.buffered() <= limits.max_head_bytes, "proxy holds {}", proxy.buffered())
            }
            Ok(Status::Complete { value, consumed }) => {
                assert!(consumed <= piece.len());
                assert!((200..300).contains(&value));
                return Outcome::Done(value, base + consumed);
            }
            Err(e) => return Outcome::Failed(e),
        }
        base += piece.len();
    }
    Outcome::Incomplete
}

/// A non-101 reply's body is whatever came with the last piece, so it
/// depends on the split: compare the rest and check the body separately.
fn without_body(outcome: Outcome<Reply>, stream: &[u8]) -> Outcome<Reply> {
    match outcome {
        Outcome::Done(Reply::NotUpgraded(mut r), end) => {
            let head_end = end - r.body.len();
            assert_eq!(&stream[head_end..end], &r.body[..]);
            r.body.clear();
            Outcome::Done(Reply::NotUpgraded(r), head_end)
        }
        other => other,
    }
}

fuzz_target!(|data: &[u8]| {
    let (p, stream) = prefix(data);
    let splits = [cut(stream, p.split, p.seed), cut(stream, 1, 0)];
    if p.flags & 0x80 != 0 {
        let whole = parse_proxy(&[stream], p.flags);
        for pieces in &splits {
            assert_eq!(whole, parse_proxy(pieces, p.flags), "whole and split disagree");
        }
    } else {
        let whole = parse_client(&[stream], p.flags);
        if let Outcome::Done(Reply::NotUpgraded(r), end) = &whole {
            assert_eq!(*end, stream.len());
            assert!(stream.ends_with(&r.body));
        }
        let whole = without_body(whole, stream);
        for pieces in &splits {
            let split = without_body(parse_client(pieces, p.flags), stream);
            assert_eq!(whole, split, "whole and split disagree");
        }
    }
});
