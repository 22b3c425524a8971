//! The passive observer on its own: chunking invariance, permessage-deflate
//! with and without context takeover (RFC 7692 §7.2.3.2's own bytes), and
//! one check per violation it reports, with its offset and close code.

use wsproto::frame::FrameError;
use wsproto::observer::{Direction, LengthEncoding, Observation, Observer, ObserverLimits};
use wsproto::{CloseCode, Error, OpCode};

const C2S: Direction = Direction::ClientToServer;
const S2C: Direction = Direction::ServerToClient;

/// RFC 6455 §1.3's key and accept value.
fn request(extensions: &str) -> Vec<u8> {
    format!(
        "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n{extensions}\r\n"
    )
    .into_bytes()
}

fn response(extensions: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n{extensions}\r\n"
    )
    .into_bytes()
}

fn masked(first: u8, key: [u8; 4], payload: &[u8]) -> Vec<u8> {
    assert!(payload.len() < 126);
    let mut f = vec![first, 0x80 | payload.len() as u8];
    f.extend_from_slice(&key);
    f.extend(payload.iter().enumerate().map(|(i, b)| b ^ key[i % 4]));
    f
}

fn plain(first: u8, payload: &[u8]) -> Vec<u8> {
    let mut f = vec![first, payload.len() as u8];
    f.extend_from_slice(payload);
    f
}

/// An observer that has seen a valid handshake with these extension lines.
fn opened(offer: &str, answer: &str) -> Observer {
    let mut obs = Observer::new();
    let mut out = Vec::new();
    obs.feed(C2S, &request(offer), &mut out);
    obs.feed(S2C, &response(answer), &mut out);
    assert!(!out.iter().any(|o| matches!(o, Observation::Violation(_))), "{out:?}");
    obs
}

fn feed(obs: &mut Observer, dir: Direction, bytes: &[u8]) -> Vec<Observation> {
    let mut out = Vec::new();
    obs.feed(dir, bytes, &mut out);
    out
}

fn violations(out: &[Observation]) -> Vec<(u64, Error, u16)> {
    out.iter()
        .filter_map(|o| match o {
            Observation::Violation(v) => Some((v.offset, v.error.clone(), v.close_code().as_u16())),
            _ => None,
        })
        .collect()
}

fn texts(out: &[Observation]) -> Vec<String> {
    out.iter()
        .filter_map(|o| match o {
            Observation::Message(m) => Some(m.text().unwrap_or("<binary>").to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_split_gives_the_same_observations() {
    let mut c2s = request("");
    let body: Vec<u8> = (0..300u32).map(|i| b'a' + (i % 26) as u8).collect();
    let mut big = vec![0x82, 0xFE, 0x01, 0x2C, 1, 2, 3, 4];
    big.extend(body.iter().enumerate().map(|(i, b)| b ^ [1, 2, 3, 4][i % 4]));
    c2s.extend(masked(0x01, [9, 8, 7, 6], b"Hel"));
    c2s.extend(masked(0x89, [1, 1, 1, 1], b"ping"));
    c2s.extend(masked(0x80, [5, 5, 5, 5], "lo €".as_bytes()));
    c2s.extend(big);
    c2s.extend(masked(0x88, [0, 0, 0, 1], &[0x03, 0xE8, b'b', b'y', b'e']));
    let s2c = response("");
    let run = |chunk: usize| {
        let mut obs = Observer::new();
        let mut out = Vec::new();
        // The request first (the observer sees it before the response).
        let (req, frames) = c2s.split_at(request("").len());
        for piece in req.chunks(chunk) {
            obs.feed(C2S, piece, &mut out);
        }
        for piece in s2c.chunks(chunk) {
            obs.feed(S2C, piece, &mut out);
        }
        for piece in frames.chunks(chunk) {
            obs.feed(C2S, piece, &mut out);
        }
        out
    };
    let whole = run(usize::MAX);
    assert_eq!(texts(&whole), ["Hello €", "<binary>"]);
    assert!(violations(&whole).is_empty(), "{whole:?}");
    let big = whole
        .iter()
        .find_map(|o| match o {
            Observation::Frame(f) if f.header.opcode == OpCode::Binary => Some(f),
            _ => None,
        })
        .unwrap();
    assert_eq!((big.length_encoding, big.header_len, big.payload.as_slice()), (LengthEncoding::Bits16, 8, &body[..]));
    let close = whole.iter().find_map(|o| match o {
        Observation::Close(c) => Some(c),
        _ => None,
    });
    assert_eq!(close.map(|c| (c.code, c.reason.as_str())), Some((CloseCode::NORMAL, "bye")));
    for chunk in [1, 2, 3, 7, 64] {
        assert_eq!(run(chunk), whole, "chunks of {chunk}");
    }
}

// RFC 7692 §7.2.3.2: "Hello" twice, the second compressed with the
// context of the first: `f2 48 cd c9 c9 07 00`, then `f2 00 11 00 00`.
#[cfg(feature = "deflate")]
const HELLO_1: [u8; 7] = [0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00];
#[cfg(feature = "deflate")]
const HELLO_2: [u8; 5] = [0xf2, 0x00, 0x11, 0x00, 0x00];

// permessage-deflate needs the `deflate` feature.
#[cfg(feature = "deflate")]
#[test]
fn compressed_messages_are_inflated_with_context_takeover() {
    let ext = "Sec-WebSocket-Extensions: permessage-deflate\r\n";
    let mut obs = opened(ext, ext);
    let mut bytes = plain(0xC1, &HELLO_1);
    bytes.extend(plain(0xC1, &HELLO_2));
    let out = feed(&mut obs, S2C, &bytes);
    assert_eq!(texts(&out), ["Hello", "Hello"]);
    assert!(violations(&out).is_empty(), "{out:?}");
    let Some(Observation::Message(m)) = out.iter().find(|o| matches!(o, Observation::Message(_))) else { panic!() };
    assert!(m.compressed);
    assert_eq!(m.wire_len, 7);
}

// permessage-deflate needs the `deflate` feature.
#[cfg(feature = "deflate")]
#[test]
fn without_context_takeover_the_second_message_does_not_inflate() {
    // The server said it resets its context after each message; a second
    // message that refers back to the first breaks that promise, and the
    // client's inflater (reset as negotiated) fails on it: 1007.
    let offer = "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n";
    let mut obs = opened(offer, offer);
    let first = plain(0xC1, &HELLO_1);
    let mut bytes = first.clone();
    bytes.extend(plain(0xC1, &HELLO_2));
    let base = obs.offset(S2C);
    let out = feed(&mut obs, S2C, &bytes);
    assert_eq!(texts(&out)[0], "Hello");
    let v = violations(&out);
    assert_eq!(v.len(), 1, "{out:?}");
    assert_eq!((v[0].0, v[0].2), (base + first.len() as u64, 1007));
}

// permessage-deflate needs the `deflate` feature.
#[cfg(feature = "deflate")]
#[test]
fn the_response_reports_the_negotiated_window_bits() {
    let offer = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n";
    let answer =
        "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=10; client_max_window_bits=9\r\n";
    let mut obs = Observer::new();
    let mut out = Vec::new();
    obs.feed(C2S, &request(offer), &mut out);
    obs.feed(S2C, &response(answer), &mut out);
    let Some(Observation::Response(r)) = out.iter().find(|o| matches!(o, Observation::Response(_))) else { panic!() };
    let d = r.deflate.expect("permessage-deflate");
    assert_eq!((d.server_max_window_bits, d.client_max_window_bits), (Some(10), Some(9)));
    assert!(r.accept_ok);
}

#[test]
fn a_wrong_accept_is_reported() {
    let mut obs = Observer::new();
    let mut out = Vec::new();
    obs.feed(C2S, &request(""), &mut out);
    let bad = String::from_utf8(response(""))
        .unwrap()
        .replace("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    obs.feed(S2C, bad.as_bytes(), &mut out);
    let Some(Observation::Response(r)) = out.iter().find(|o| matches!(o, Observation::Response(_))) else { panic!() };
    assert!(!r.accept_ok);
    assert_eq!(r.expected_accept.as_deref(), Some("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    assert!(matches!(
        violations(&out)[..],
        [(0, Error::Response(wsproto::handshake::ResponseError::AcceptMismatch), _)]
    ));
}

#[test]
fn each_violation_has_its_offset_and_close_code() {
    let mut obs = opened("", "");
    let mut bytes = Vec::new();
    let mut at = Vec::new();
    let mut push = |bytes: &mut Vec<u8>, frame: Vec<u8>| {
        at.push(bytes.len() as u64);
        bytes.extend(frame);
    };
    // RFC 6455 §5.1: a client frame without a mask.
    push(&mut bytes, plain(0x81, b"a"));
    // §5.2: RSV1 with no extension negotiated.
    push(&mut bytes, masked(0xC1, [1, 2, 3, 4], b"b"));
    // §5.4: a continuation with no message open.
    push(&mut bytes, masked(0x80, [1, 2, 3, 4], b"c"));
    // §8.1: invalid UTF-8 (fail fast, inside a fragment).
    push(&mut bytes, masked(0x01, [1, 2, 3, 4], &[b'o', 0xC0]));
    // §5.4: a new message while that one is open.
    push(&mut bytes, masked(0x82, [1, 2, 3, 4], b"d"));
    // §5.5.1: a Close body of one byte; §7.4.1: 1005 on the wire.
    push(&mut bytes, masked(0x88, [1, 2, 3, 4], &[3]));
    push(&mut bytes, masked(0x88, [1, 2, 3, 4], &[0x03, 0xED]));
    // §5.2: a reserved opcode: the direction cannot be followed further.
    push(&mut bytes, masked(0x83, [1, 2, 3, 4], b""));
    push(&mut bytes, masked(0x81, [1, 2, 3, 4], b"lost"));
    // Offsets count from the direction's first byte (the request's).
    let base = obs.offset(C2S);
    assert_eq!(base, request("").len() as u64);
    let at: Vec<u64> = at.iter().map(|a| a + base).collect();
    let out = feed(&mut obs, C2S, &bytes);
    let got: Vec<(u64, u16)> = violations(&out).iter().map(|(o, _, c)| (*o, *c)).collect();
    let errors: Vec<Error> = violations(&out).into_iter().map(|(_, e, _)| e).collect();
    assert_eq!(
        errors,
        [
            Error::Frame(FrameError::UnmaskedFrameFromClient),
            Error::Frame(FrameError::ReservedBits(0b100)),
            Error::UnexpectedContinuation,
            Error::InvalidUtf8,
            Error::ExpectedContinuation,
            Error::ClosePayloadTooShort,
            Error::InvalidCloseCode(1005),
            Error::Frame(FrameError::ReservedOpcode(3)),
        ]
    );
    assert_eq!(
        got,
        [
            (at[0], 1002),
            (at[1], 1002),
            (at[2], 1002),
            (at[3], 1007),
            (at[4], 1002),
            (at[5], 1002),
            (at[6], 1002),
            (at[7], 1002)
        ]
    );
    assert!(obs.is_stopped(C2S));
    assert_eq!(obs.offset(C2S), base + bytes.len() as u64);
    // The server's direction is unaffected; a masked server frame is §5.1 too.
    let out = feed(&mut obs, S2C, &masked(0x81, [1, 2, 3, 4], b"x"));
    assert_eq!(violations(&out)[0].1, Error::Frame(FrameError::MaskedFrameFromServer));
    assert_eq!(texts(&out), ["x"]);
}

#[test]
fn without_a_handshake_no_role_is_assumed() {
    let mut obs = Observer::without_handshake();
    let mut out = feed(&mut obs, C2S, &plain(0x81, b"unmasked"));
    out.extend(feed(&mut obs, S2C, &masked(0x81, [1, 2, 3, 4], b"masked")));
    assert!(violations(&out).is_empty(), "{out:?}");
    assert_eq!(texts(&out), ["unmasked", "masked"]);
}

#[test]
fn memory_is_bounded_against_huge_declared_lengths() {
    let limits = ObserverLimits { max_message: 1000, ..ObserverLimits::DEFAULT };
    let mut obs = Observer::with_limits(limits);
    let mut out = Vec::new();
    obs.feed(C2S, &request(""), &mut out);
    obs.feed(S2C, &response(""), &mut out);
    // A frame that declares 2^62 bytes: reported (1009), nothing reserved
    // for it (this would abort on allocation otherwise), its bytes skipped.
    let mut huge = vec![0x82, 0x7F];
    huge.extend_from_slice(&(1u64 << 62).to_be_bytes());
    let base = obs.offset(S2C);
    let out = feed(&mut obs, S2C, &huge);
    assert_eq!(violations(&out), [(base, Error::MessageTooLarge { max: 1000 }, 1009)]);
    let out = feed(&mut obs, S2C, &vec![0u8; 100_000]);
    assert!(out.is_empty());
    // Fragments that together pass the limit.
    let mut obs = Observer::with_limits(limits);
    let mut out = Vec::new();
    obs.feed(C2S, &request(""), &mut out);
    obs.feed(S2C, &response(""), &mut out);
    let mut bytes = Vec::new();
    bytes.extend(plain(0x02, &[7; 100]));
    for _ in 1..20 {
        bytes.extend(plain(0x00, &[7; 100]));
    }
    bytes.extend(plain(0x80, b""));
    let base = obs.offset(S2C);
    let out = feed(&mut obs, S2C, &bytes);
    // Reported at the message's first frame.
    assert_eq!(violations(&out), [(base, Error::MessageTooLarge { max: 1000 }, 1009)]);
    let Some(Observation::Message(m)) = out.iter().find(|o| matches!(o, Observation::Message(_))) else { panic!() };
    assert_eq!((m.frames, m.wire_len, m.data.len()), (21, 2000, 0));
}

#[test]
fn a_head_over_the_limit_stops_its_direction() {
    let limits = ObserverLimits { max_head: 64, ..ObserverLimits::DEFAULT };
    let mut obs = Observer::with_limits(limits);
    let out = feed(&mut obs, C2S, &request(""));
    assert!(matches!(
        violations(&out)[..],
        [(0, Error::Request(wsproto::handshake::RequestError::HeadTooLarge { max: 64 }), 1002)]
    ));
    assert!(obs.is_stopped(C2S));
}

#[test]
fn an_incomplete_frame_at_the_end_is_reported_truncated() {
    let mut obs = opened("", "");
    let base = obs.offset(S2C);
    let mut out = feed(&mut obs, S2C, &plain(0x81, b"whole"));
    out.extend(feed(&mut obs, S2C, &plain(0x81, b"cut short")[..6]));
    obs.finish(S2C, &mut out);
    assert_eq!(texts(&out), ["whole"]);
    assert_eq!(out.last(), Some(&Observation::Truncated { direction: S2C, offset: base + 7, pending: 6 }));
}
