//! The frame header decoder (`frame::HeaderDecoder`) on a stream of frames:
//! `[rules, split, seed_lo, seed_hi]` then the bytes. Payloads are skipped
//! by length. Decoding the stream whole and in pieces must give the same
//! headers at the same offsets and the same error; every header decoded
//! obeys the rules and re-encodes to the exact bytes it came from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wsproto::frame::{FrameHeader, HeaderDecoder, HeaderRules, Role, MAX_HEADER_LEN};
use wsproto::FrameError;
use wsproto_fuzz::{cut, prefix};

/// Rules from one byte: bit 0 role, bits 1-3 allowed RSV, bit 4 accept
/// unmasked, bits 5-7 the payload limit.
fn rules(flags: u8) -> HeaderRules {
    let role = if flags & 1 != 0 { Role::Client } else { Role::Server };
    let max_payload = match flags >> 5 {
        0 => u64::MAX,
        1 => 0,
        2 => 125,
        3 => 126,
        4 => 0xFFFF,
        5 => 0x1_0000,
        6 => 1 << 20,
        _ => i64::MAX as u64,
    };
    HeaderRules { role, allowed_rsv: (flags >> 1) & 0b111, accept_unmasked: flags & 16 != 0, max_payload }
}

#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    /// Each header with the stream offset where it ended.
    headers: Vec<(FrameHeader, usize)>,
    error: Option<FrameError>,
    mid_header: bool,
}

/// Decodes a stream of frames given in pieces, skipping payloads.
fn decode(pieces: &[&[u8]], rules: &HeaderRules, stream: &[u8]) -> Outcome {
    let mut dec = HeaderDecoder::new();
    let mut headers = Vec::new();
    let mut skip = 0u64;
    let mut base = 0usize;
    let mut header_start = 0usize;
    for piece in pieces {
        let mut pos = 0usize;
        while pos < piece.len() {
            if skip > 0 {
                let n = skip.min((piece.len() - pos) as u64) as usize;
                skip -= n as u64;
                pos += n;
                continue;
            }
            if !dec.is_mid_header() {
                header_start = base + pos;
            }
            match dec.decode(&piece[pos..], rules) {
                Err(error) => return Outcome { headers, error: Some(error), mid_header: false },
                Ok((used, None)) => {
                    assert_eq!(used, piece.len() - pos, "need-more must use all of the input");
                    pos += used;
                    assert!(dec.is_mid_header() || used == 0);
                }
                Ok((used, Some(h))) => {
                    assert!(used <= piece.len() - pos);
                    pos += used;
                    let end = base + pos;
                    check(&h, rules, &stream[header_start..end]);
                    assert!(!dec.is_mid_header());
                    headers.push((h, end));
                    skip = h.payload_len;
                }
            }
        }
        base += piece.len();
    }
    Outcome { headers, error: None, mid_header: dec.is_mid_header() }
}

/// What every accepted header must satisfy (RFC 6455 §5.2, §5.5, §5.1).
fn check(h: &FrameHeader, rules: &HeaderRules, bytes: &[u8]) {
    assert_eq!(h.rsv & !rules.allowed_rsv, 0, "an RSV bit no extension owns");
    assert!(h.payload_len <= rules.max_payload, "over the payload limit");
    assert_eq!(h.payload_len >> 63, 0, "a length with the top bit set");
    if h.opcode.is_control() {
        assert!(h.fin && h.payload_len <= 125, "a bad control frame passed");
    }
    match rules.role {
        Role::Client => assert!(h.mask.is_none(), "a masked frame reached a client"),
        Role::Server => assert!(h.mask.is_some() || rules.accept_unmasked, "an unmasked frame reached a server"),
    }
    // Minimal lengths make the encoding unique: re-encoding gives the
    // very bytes the header was decoded from.
    let mut out = [0u8; MAX_HEADER_LEN];
    let n = h.encode(&mut out);
    assert_eq!(n, h.encoded_len());
    assert_eq!(&out[..n], bytes, "decode then encode is not the identity");
}

fuzz_target!(|data: &[u8]| {
    let (p, stream) = prefix(data);
    let rules = rules(p.flags);
    let whole = decode(&[stream], &rules, stream);
    let split = decode(&cut(stream, p.split, p.seed), &rules, stream);
    assert_eq!(whole, split, "whole and split decoding disagree");
    let bytewise = decode(&cut(stream, 1, 0), &rules, stream);
    assert_eq!(whole, bytewise, "whole and byte-by-byte decoding disagree");
});
