//! `Delivery::Frames`: each data frame handed out as it arrived (header and
//! unmasked payload, in pieces the size of the reads), so that a proxy can
//! keep the peer's fragmentation. The invariance of every split and both
//! read paths, and agreement with chunk delivery, are checked on the shared
//! tables by `core_chunking` and the property tests; this file checks what
//! only frame delivery promises.

mod core_common;

use core_common::*;
use wsproto::{CloseCode, Config, Connection, Delivery, Error, FrameError, Role};
use wsproto_testkit::events::{fold_frames, WholeFrame};

fn frames_config() -> Config {
    Config::new().delivery(Delivery::Frames)
}

fn whole(fin: bool, rsv: u8, opcode: u8, payload: &[u8]) -> WholeFrame {
    WholeFrame { fin, rsv, opcode, payload: payload.to_vec() }
}

/// A fragmented text with an empty fragment and a Ping in the middle, then
/// a binary in one frame and an empty text.
fn fragmented(role: Role) -> Vec<u8> {
    cat(&[
        &frame_to(role, 0x01, b"Hel"),
        &frame_to(role, 0x00, b""),
        &frame_to(role, 0x89, b"ping"),
        &frame_to(role, 0x00, "lo, wörld".as_bytes()),
        &frame_to(role, 0x80, b"!"),
        &frame_to(role, 0x82, &bytes_0_to(300)),
        &frame_to(role, 0x81, b""),
    ])
}

#[test]
fn every_frame_keeps_its_boundaries_header_and_payload_in_every_split() {
    let expect = vec![
        whole(false, 0, 1, b"Hel"),
        whole(false, 0, 0, b""),
        whole(false, 0, 0, "lo, wörld".as_bytes()),
        whole(true, 0, 0, b"!"),
        whole(true, 0, 2, &bytes_0_to(300)),
        whole(true, 0, 1, b""),
    ];
    for role in [Role::Server, Role::Client] {
        let input = fragmented(role);
        for (name, lens) in splits(input.len()) {
            for path in [Path::ZeroCopy, Path::Buffered] {
                let mut conn = connect(role, frames_config());
                let out = drive(&mut conn, pieces(&input, &lens), path);
                assert_eq!(out.result, Ok(()), "{role:?} {name} {path:?}");
                assert_eq!(fold_frames(&out.events), expect, "{role:?} {name} {path:?}");
                // The Ping is reported where it came, and answered.
                let pings: Vec<_> = out.events.iter().filter(|e| matches!(e, Ev::Ping(_))).collect();
                assert_eq!(pings, [&Ev::Ping(b"ping".to_vec())], "{role:?} {name} {path:?}");
                let pong = parse_frames(&out.output);
                assert_eq!((pong.len(), pong[0].opcode, &pong[0].payload[..]), (1, 0xA, &b"ping"[..]));
                // Folded into messages, the same as chunk delivery gives.
                assert_eq!(
                    fold_chunks(&out.events),
                    [Ev::Ping(b"ping".to_vec()), Ev::text("Hello, wörld!"), Ev::Binary(bytes_0_to(300)), Ev::text("")]
                );
            }
        }
    }
}

#[test]
fn a_piece_says_where_it_lies_in_its_frame_and_which_mask_the_frame_had() {
    for role in [Role::Server, Role::Client] {
        let input = frame_to(role, 0x82, &bytes_0_to(10));
        let mut conn = connect(role, frames_config());
        let out = drive(&mut conn, pieces(&input, &vec![1; input.len()]), Path::ZeroCopy);
        let got: Vec<(u64, usize, bool)> = out
            .events
            .iter()
            .map(|e| match e {
                Ev::Frame { fin, rsv, opcode, mask, len, data, offset, last } => {
                    assert_eq!((*fin, *rsv, *opcode, *len), (true, 0, 2, 10));
                    // RFC 6455 §5.3: clients mask, servers do not; the key is
                    // the one the frame carried, the data already unmasked.
                    assert_eq!(*mask, (role == Role::Server).then_some(MASK), "{role:?}");
                    (*offset, data.len(), *last)
                }
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        let expect: Vec<(u64, usize, bool)> = (0..10).map(|i| (i, 1, i == 9)).collect();
        assert_eq!(got, expect, "{role:?}: one piece per byte after the header");
    }
}

#[test]
fn a_frame_that_arrives_whole_is_one_event_borrowed_from_the_input() {
    let mut input = frame_to(Role::Client, 0x82, b"whole frame");
    let mut conn = connect(Role::Client, frames_config());
    let lies = input.as_ptr_range();
    let r = conn.read(&mut input).unwrap();
    let Some(wsproto::Event::Frame(f)) = r.event else { panic!("{:?}", r.event) };
    assert!(lies.contains(&f.data().as_ptr()), "the payload is lent from the input, not copied");
    assert!(f.first() && f.last() && f.header().fin);
    assert_eq!(f.data(), b"whole frame");
    assert_eq!(f.header().payload_len, 11);
}

#[test]
fn the_message_limit_does_not_apply_and_the_frame_limit_does() {
    let mut config = frames_config();
    config.max_message_size = 100;
    config.max_frame_size = 1000;
    let role = Role::Server;
    // Three frames of 400 bytes: a 1200-byte message passes.
    let input =
        cat(&[&frame_to(role, 0x02, &[1; 400]), &frame_to(role, 0x00, &[2; 400]), &frame_to(role, 0x80, &[3; 400])]);
    let mut conn = connect(role, config);
    let out = drive(&mut conn, [&input[..]], Path::ZeroCopy);
    assert_eq!(out.result, Ok(()));
    assert_eq!(fold_frames(&out.events).len(), 3);
    // A 1001-byte frame: 1009 at its header (RFC 6455 §7.4.1).
    let mut conn = connect(role, config);
    let out = drive(&mut conn, [&frame_to(role, 0x82, &[0; 1001])[..]], Path::ZeroCopy);
    assert_eq!(out.result, Err(Error::Frame(FrameError::FrameTooLarge { len: 1001, max: 1000 })));
    assert_eq!(parse_frames(&out.output).last().unwrap().close_code(), Some(CloseCode::MESSAGE_TOO_BIG.0));
}

#[test]
fn fragmentation_rules_and_utf8_still_hold_across_frames() {
    let role = Role::Server;
    // RFC 6455 §5.4: a continuation with no message open, and a new message
    // inside an open one, are 1002.
    for (input, error) in [
        (frame_to(role, 0x80, b"x"), Error::UnexpectedContinuation),
        (cat(&[&frame_to(role, 0x01, b"a"), &frame_to(role, 0x81, b"b")]), Error::ExpectedContinuation),
        // §8.1: F4 90 in one frame, then a byte that cannot follow: 1007,
        // fail-fast, before the message ends.
        (cat(&[&frame_to(role, 0x01, &[0xF4, 0x90]), &frame_to(role, 0x00, &[0x41])]), Error::InvalidUtf8),
    ] {
        let mut conn = connect(role, frames_config());
        let out = drive(&mut conn, [&input[..]], Path::ZeroCopy);
        assert_eq!(out.result, Err(error.clone()), "{error:?}");
        let code = parse_frames(&out.output).last().unwrap().close_code();
        assert_eq!(code, Some(error.close_code().0), "{error:?}");
    }
}

// ---------------------------------------------------------------------
// With permessage-deflate negotiated.

#[cfg(feature = "deflate")]
mod deflate {
    use super::*;
    use wsproto_testkit::deflate::{RefDeflater, RefInflater};

    fn open(role: Role) -> Connection {
        wsproto_testkit::conn::open(role, frames_config(), &["permessage-deflate"], [9; 32])
    }

    #[test]
    fn compressed_frames_are_handed_out_as_they_arrived_with_rsv1_on_the_first() {
        for role in [Role::Server, Role::Client] {
            let text = "{\"compressed\": true, \"repeat\": \"abcabcabcabc\"}".repeat(8);
            let mut d = RefDeflater::new(15, true);
            let parts = d.fragments(&[&text.as_bytes()[..100], &text.as_bytes()[100..]]);
            // RFC 7692 §6.1: RSV1 on the first frame of the message only.
            let input = cat(&[
                &frame_to(role, 0x41, &parts[0]),
                &frame_to(role, 0x80, &parts[1]),
                &frame_to(role, 0x82, b"plain"),
            ]);
            for (name, lens) in splits(input.len()).into_iter().take(6) {
                let mut conn = open(role);
                let out = drive(&mut conn, pieces(&input, &lens), Path::ZeroCopy);
                assert_eq!(out.result, Ok(()), "{role:?} {name}");
                assert_eq!(
                    fold_frames(&out.events),
                    [whole(false, 0b100, 1, &parts[0]), whole(true, 0, 0, &parts[1]), whole(true, 0, 2, b"plain")],
                    "{role:?} {name}"
                );
                let raw = [&parts[0][..], &parts[1][..]].concat();
                let events = fold_chunks(&out.events);
                assert_eq!(
                    events,
                    [Ev::Compressed(wsproto::MessageKind::Text, raw.clone()), Ev::Binary(b"plain".to_vec())]
                );
                // What was handed out inflates to what was sent.
                assert_eq!(RefInflater::new().message(&raw).unwrap(), text.as_bytes());
            }
        }
    }

    #[test]
    fn rsv1_on_a_continuation_is_still_a_protocol_error() {
        for role in [Role::Server, Role::Client] {
            let input = cat(&[&frame_to(role, 0x41, &[0x00]), &frame_to(role, 0xC0, &[0x00])]);
            let mut conn = open(role);
            let out = drive(&mut conn, [&input[..]], Path::ZeroCopy);
            assert_eq!(out.result, Err(Error::Frame(FrameError::ReservedBits(0b100))), "{role:?}");
            assert_eq!(parse_frames(&out.output).last().unwrap().close_code(), Some(1002));
        }
    }
}
