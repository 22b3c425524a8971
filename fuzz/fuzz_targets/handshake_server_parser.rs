//! The server's request parser (`handshake::ServerHandshake::parse`) on a
//! stream of request heads (keep-alive): `[flags, split, seed_lo, seed_hi]`
//! then the bytes. Whole and in pieces, it must return the same requests
//! ending at the same offsets and the same error; it never holds more than
//! `max_head_bytes`; every error carries a ready 4xx HTTP response; and the 101 built for a valid request satisfies the client's
//! own check of a 101.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wsproto::handshake::{
    validate_response, AcceptOptions, Incoming, Limits, OriginPolicy, RequestError, ServerConfig, ServerHandshake,
    Status,
};
use wsproto_fuzz::{cut, prefix};

/// Bit 0: small limits; bit 1: an origin allow-list; bit 2: require
/// `Origin`.
fn config(flags: u8) -> ServerConfig {
    let mut config = ServerConfig::new();
    if flags & 1 != 0 {
        config = config.limits(Limits { max_head_bytes: 300, max_headers: 8 });
    }
    let mut origin =
        if flags & 2 != 0 { OriginPolicy::allow_list(["http://example.com"]) } else { OriginPolicy::any() };
    if flags & 4 != 0 {
        origin = origin.require_origin(true);
    }
    config.origin_policy(origin)
}

type Outcome = Vec<Result<(Incoming, usize), RequestError>>;

fn parse(pieces: &[&[u8]], config: &ServerConfig) -> Outcome {
    let limits = config.limits;
    let mut hs = ServerHandshake::new(config.clone());
    let mut out = Vec::new();
    let mut base = 0;
    for piece in pieces {
        let mut pos = 0;
        // An empty piece is still a valid call.
        loop {
            let result = hs.parse(&piece[pos..]);
            assert!(hs.buffered() <= limits.max_head_bytes, "holds {} bytes", hs.buffered());
            match result {
                Ok(Status::Partial) => break,
                Ok(Status::Complete { value, consumed }) => {
                    assert!(consumed >= 1 && consumed <= piece.len() - pos);
                    assert_eq!(hs.buffered(), 0, "a complete head is handed out, not kept");
                    pos += consumed;
                    out.push(Ok((value, base + pos)));
                    if pos == piece.len() {
                        break;
                    }
                }
                Err(e) => {
                    out.push(Err(e));
                    return out;
                }
            }
        }
        base += piece.len();
    }
    out
}

/// The header fields of a response we generated (CRLF lines, `name: value`).
fn response_headers(response: &[u8]) -> Vec<(&str, &[u8])> {
    let text = core::str::from_utf8(response).expect("our response is ASCII");
    let head = text.split("\r\n\r\n").next().unwrap();
    head.split("\r\n")
        .skip(1)
        .map(|line| {
            let (name, value) = line.split_once(':').expect("a header line");
            (name, value.trim().as_bytes())
        })
        .collect()
}

fn check(outcome: &Outcome) {
    for result in outcome {
        match result {
            Ok((Incoming::WebSocket(req), _)) => {
                let offer = req.offer();
                assert_eq!(offer.key(), req.key(), "the copied offer is the parsed one");
                let protocols: Vec<&str> = offer.protocols().collect();
                let extensions: Vec<&str> = offer.extensions().collect();
                let mut options = AcceptOptions::new();
                if let Some(p) = protocols.first() {
                    options = options.protocol(*p);
                }
                let (response, negotiated) = req.accept(&options).expect("accepting an offered protocol");
                assert!(response.starts_with(b"HTTP/1.1 101 "));
                assert!(response.ends_with(b"\r\n\r\n"));
                let checked =
                    validate_response(offer.key(), &protocols, &extensions, response_headers(&response))
                        .expect("the client accepts our 101");
                assert_eq!(checked, negotiated, "both sides agree on what was negotiated");
            }
            Ok(_) => {}
            Err(e) => {
                let response = e.response();
                assert!(response.starts_with(b"HTTP/1.1 4"), "a server answer is a 4xx");
                assert!(response.windows(4).any(|w| w == b"\r\n\r\n"));
                assert!((400..500).contains(&e.status()));
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (p, stream) = prefix(data);
    let config = config(p.flags);
    let whole = parse(&[stream], &config);
    check(&whole);
    let split = parse(&cut(stream, p.split, p.seed), &config);
    assert_eq!(whole, split, "whole and split parsing disagree");
    let bytewise = parse(&cut(stream, 1, 0), &config);
    assert_eq!(whole, bytewise, "whole and byte-by-byte parsing disagree");
});
