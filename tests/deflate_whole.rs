//! The one-step path for whole compressed frames (message delivery): the
//! tail (RFC 7692 §7.2.2) is written over the 4 bytes after the frame for
//! one zlib call and those bytes are put back; the output buffer is reused
//! with the message limit applied exactly; and a stream that ends (BFINAL)
//! goes on as a new one.
#![cfg(all(feature = "deflate", feature = "os-rng"))]

use wsproto::{CloseCode, Config, Connection, Error, Event, Message, Role};
use wsproto_testkit::deflate::RefDeflater;
use wsproto_testkit::frames::frame_to;

/// A connection in `role` running permessage-deflate with context
/// takeover (`takeover`) or not.
fn open(role: Role, config: Config, takeover: bool) -> Connection {
    let offer = if takeover {
        "permessage-deflate"
    } else {
        "permessage-deflate; client_no_context_takeover; server_no_context_takeover"
    };
    wsproto_testkit::conn::open(role, config, &[offer], [5; 32])
}

/// Compressed text frames (RSV1, FIN) of `texts`, as the peer of a
/// `role` connection sends them, one after the other.
fn compressed_texts(role: Role, texts: &[String], takeover: bool) -> Vec<u8> {
    let mut deflater = RefDeflater::new(15, takeover);
    texts.iter().flat_map(|t| frame_to(role, 0xC1, &deflater.message(t.as_bytes()))).collect()
}

fn texts() -> Vec<String> {
    (0..6).map(|i| format!("{{\"id\": {i}, \"name\": \"item {i}\", \"tags\": [\"a\", \"b\"]}}").repeat(i + 1)).collect()
}

/// Reads `wire` in one buffer, message by message; after each message
/// the bytes past what was consumed must be the wire's own.
fn read_checking_the_rest(conn: &mut Connection, wire: &[u8]) -> Vec<String> {
    let mut buf = wire.to_vec();
    let mut at = 0;
    let mut got = Vec::new();
    while at < buf.len() {
        let r = conn.read(&mut buf[at..]).unwrap();
        let consumed = r.consumed;
        match r.event {
            Some(Event::Message(Message::Text(t))) => got.push(t.to_string()),
            Some(other) => panic!("unexpected {other:?}"),
            None => assert!(consumed > 0, "no progress"),
        }
        at += consumed;
        assert_eq!(buf[at..], wire[at..], "the bytes after a message were changed (at {at})");
    }
    got
}

#[test]
fn the_bytes_after_a_whole_compressed_frame_are_left_as_they_were() {
    for role in [Role::Server, Role::Client] {
        for takeover in [true, false] {
            let wire = compressed_texts(role, &texts(), takeover);
            let mut conn = open(role, Config::new(), takeover);
            assert_eq!(read_checking_the_rest(&mut conn, &wire), texts(), "{role:?} takeover={takeover}");
        }
    }
}

#[test]
fn a_frame_at_the_very_end_of_the_input_inflates_with_the_tail_fed_apart() {
    // The last frame of the buffer has no 4 bytes after it to lend.
    for role in [Role::Server, Role::Client] {
        let texts = texts();
        let wire = compressed_texts(role, &texts, true);
        let mut conn = open(role, Config::new(), true);
        let mut got = Vec::new();
        let mut rest = &wire[..];
        // Each frame alone in its own buffer, so none has bytes after it.
        let mut deflater_lens = Vec::new();
        let mut d = RefDeflater::new(15, true);
        for t in &texts {
            deflater_lens.push(frame_to(role, 0xC1, &d.message(t.as_bytes())).len());
        }
        for len in deflater_lens {
            let mut frame = rest[..len].to_vec();
            rest = &rest[len..];
            let r = conn.read(&mut frame).unwrap();
            assert_eq!(r.consumed, len);
            match r.event {
                Some(Event::Message(Message::Text(t))) => got.push(t.to_string()),
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(got, texts, "{role:?}");
    }
}

/// The error of a connection reading `wire` with `limit`, after the
/// messages it delivered.
fn read_with_limit(role: Role, wire: &[u8], limit: usize) -> (Vec<usize>, Option<Error>) {
    let mut conn = open(role, Config::new().max_message_size(limit), true);
    let mut buf = wire.to_vec();
    let mut at = 0;
    let mut sizes = Vec::new();
    while at < buf.len() {
        match conn.read(&mut buf[at..]) {
            Ok(r) => {
                at += r.consumed;
                match r.event {
                    Some(Event::Message(m)) => sizes.push(m.as_bytes().len()),
                    Some(other) => panic!("unexpected {other:?}"),
                    None => {}
                }
            }
            Err(e) => return (sizes, Some(e)),
        }
    }
    (sizes, None)
}

#[test]
fn the_limit_holds_exactly_on_the_first_message_and_once_the_buffer_is_reused() {
    const LIMIT: usize = 1000;
    for role in [Role::Server, Role::Client] {
        let at_limit = "x".repeat(LIMIT);
        let past_limit = "y".repeat(LIMIT + 1);
        // At the limit: delivered, first (no output buffer yet) and after
        // a small message (the buffer is reused, 4 KiB, larger than the
        // limit, so only the limit stops the output).
        let wire = compressed_texts(role, &["small".into(), at_limit.clone(), at_limit.clone()], true);
        assert_eq!(read_with_limit(role, &wire, LIMIT), (vec![5, LIMIT, LIMIT], None), "{role:?}");
        let wire = compressed_texts(role, std::slice::from_ref(&at_limit), true);
        assert_eq!(read_with_limit(role, &wire, LIMIT), (vec![LIMIT], None), "{role:?}");
        // One byte past it: 1009, first or later, with bytes after it or
        // none.
        for texts in [vec![past_limit.clone()], vec!["small".into(), past_limit.clone(), "after".into()]] {
            let wire = compressed_texts(role, &texts, true);
            let (sizes, error) = read_with_limit(role, &wire, LIMIT);
            assert_eq!(sizes.len(), texts.len() - 1 - usize::from(texts.len() == 3), "{role:?}");
            let error = error.expect("past the limit");
            assert!(matches!(error, Error::MessageTooLarge { max: LIMIT }), "{role:?} {error:?}");
            assert_eq!(error.close_code(), CloseCode::MESSAGE_TOO_BIG);
        }
    }
}

#[test]
fn a_stream_that_ends_inside_a_message_goes_on_as_a_new_one() {
    // RFC 7692 §7.2.3.4: "Hello" in a block with BFINAL set, then `00`;
    // here between two messages of a context-taking-over stream, all in
    // one buffer, so each takes the one-step path with bytes lent after it.
    for role in [Role::Server, Role::Client] {
        let bfinal = [0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00];
        let mut d = RefDeflater::new(15, true);
        let first = frame_to(role, 0xC1, &d.message(b"first message"));
        let wire =
            [first, frame_to(role, 0xC1, &bfinal), frame_to(role, 0xC1, &RefDeflater::new(15, true).message(b"after"))]
                .concat();
        let mut conn = open(role, Config::new(), true);
        assert_eq!(read_checking_the_rest(&mut conn, &wire), ["first message", "Hello", "after"], "{role:?}");
    }
}

#[test]
fn garbage_after_a_final_block_still_fails_with_1007() {
    for role in [Role::Server, Role::Client] {
        // A final block, then bytes that are no DEFLATE block (BTYPE 11).
        let bad = [0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x07, 0xff];
        let wire = [
            frame_to(role, 0xC1, &RefDeflater::new(15, true).message(b"ok")),
            frame_to(role, 0xC1, &bad),
            frame_to(role, 0x81, b"next"),
        ]
        .concat();
        let mut conn = open(role, Config::new(), true);
        let mut buf = wire.clone();
        let r = conn.read(&mut buf).unwrap();
        let at = r.consumed;
        assert!(matches!(r.event, Some(Event::Message(Message::Text("ok")))));
        let error = conn.read(&mut buf[at..]).unwrap_err();
        assert_eq!(error.close_code(), CloseCode::INVALID_PAYLOAD, "{role:?} {error:?}");
    }
}
