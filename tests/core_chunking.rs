//! Chunking invariance: any input, fed in any split (byte by byte
//! included), yields the same events, for both read paths (zero-copy
//! `read`, buffered `feed`/`poll`) and both delivery modes, plus the
//! behaviour specific to `Delivery::Chunks` and control frames interleaved
//! with fragments.

mod core_common;

use core_common::*;
use wsproto::FrameError;
use wsproto::{Config, Delivery, Error, Event, MessageKind, Role};

/// Every valid stream gives its expected events, no error and the same
/// queued output whatever the split, path or delivery mode.
#[test]
fn valid_streams_give_the_same_events_in_every_split_path_and_delivery() {
    for case in valid_cases() {
        let report = all_splits(&case.name, case.role, case.config, &case.input);
        assert_eq!(report.messages.result, Ok(()), "`{}`", case.name);
        assert_eq!(report.messages.events, case.events, "`{}`: Messages", case.name);
        assert_eq!(report.chunks, report.messages, "`{}`: Chunks (folded) vs Messages", case.name);
    }
}

/// Every violation gives the same events before it, the same error and the
/// same queued Close whatever the split, path or delivery mode.
#[test]
fn violation_streams_give_the_same_error_in_every_split_path_and_delivery() {
    for case in violation_cases() {
        let (error, _) = case.error.clone().unwrap();
        let report = all_splits(&case.name, case.role, case.config, &case.input);
        let got = report.messages.result.clone().expect_err(&case.name);
        assert!(error_matches(&error, &got), "`{}`: expected {error:?}, got {got:?}", case.name);
        assert_eq!(report.messages.events, case.events, "`{}`", case.name);
        if case.rule == "message_too_large" {
            // Config::max_message_size does not apply to Delivery::Chunks.
            assert_eq!(report.chunks.result, Ok(()), "`{}`: Chunks", case.name);
        } else {
            assert_eq!(report.chunks, report.messages, "`{}`: Chunks (folded) vs Messages", case.name);
        }
    }
}

/// A long pseudo-random session of valid frames (all opcodes, fragments,
/// controls between fragments, all three length encodings) ending with a
/// Close, fed in every split.
#[test]
fn a_long_mixed_session_gives_the_same_events_in_every_split() {
    for role in [Role::Client, Role::Server] {
        let mut rng = XorShift::new(42);
        let mut input = Vec::new();
        let mut expect = Vec::new();
        for i in 0..30 {
            let len = match (i, rng.next() % 3) {
                (7, _) => 65_536 + rng.between1(10), // one 64-bit length
                (_, 0) => 0,
                (_, 1) => rng.between1(125),
                _ => 126 + rng.between1(300),
            };
            let data: Vec<u8> = (0..len).map(|j| b'a' + ((i + j) % 26) as u8).collect();
            let text = rng.next() % 2 == 0;
            let parts = 1 + (rng.next() % 3) as usize;
            let step = len / parts;
            for p in 0..parts {
                let (from, to) = (p * step, if p + 1 == parts { len } else { (p + 1) * step });
                let fin = if p + 1 == parts { 0x80 } else { 0 };
                let op = if p > 0 {
                    0
                } else if text {
                    1
                } else {
                    2
                };
                input.extend(frame_to(role, fin | op, &data[from..to]));
                if p + 1 < parts && rng.next() % 2 == 0 {
                    input.extend(frame_to(role, 0x89, &[i as u8; 3]));
                    expect.push(Ev::Ping(vec![i as u8; 3]));
                }
            }
            expect.push(if text { Ev::Text(String::from_utf8(data).unwrap()) } else { Ev::Binary(data) });
        }
        input.extend(frame_to(role, 0x88, &close_payload(1000, b"done")));
        expect.push(Ev::close(1000, "done"));
        let report = all_splits("mixed session", role, Config::default(), &input);
        assert_eq!(report.messages.result, Ok(()));
        assert_eq!(report.messages.events, expect);
        assert_eq!(report.chunks, report.messages);
    }
}

/// RFC 6455 §5.4: "Control frames MAY be injected in the middle of a
/// fragmented message." §5.5.2: "Upon receipt of a Ping frame, an endpoint
/// MUST send a Pong frame in response". The Ping is delivered, answered at
/// once by the automatic Pong, and the message still arrives whole.
#[test]
fn a_ping_between_fragments_is_delivered_and_answered_and_the_message_arrives_whole() {
    for role in [Role::Client, Role::Server] {
        for delivery in [Delivery::Messages, Delivery::Chunks, Delivery::Frames] {
            let mut config = Config::default();
            config.delivery = delivery;
            let mut conn = connect(role, config);
            let first = frame_to(role, 0x01, b"Hel");
            let ping = frame_to(role, 0x89, b"are you there");
            let last = frame_to(role, 0x80, b"lo");
            let mut out = drive(&mut conn, [&first[..], &ping[..]], Path::ZeroCopy);
            assert_eq!(out.events.last(), Some(&Ev::Ping(b"are you there".to_vec())), "{role:?} {delivery:?}");
            // The Pong is queued before the message is complete.
            let pong = parse_frames(&out.output);
            assert_eq!(pong.len(), 1);
            assert_eq!((pong[0].opcode, pong[0].fin, &pong[0].payload[..]), (0xA, true, &b"are you there"[..]));
            assert_eq!(pong[0].mask.is_some(), role == Role::Client, "clients mask their Pong");
            let rest = drive(&mut conn, [&last[..]], Path::ZeroCopy);
            out.events.extend(rest.events);
            if delivery != Delivery::Messages {
                out.events = fold_chunks(&out.events);
            }
            assert_eq!(
                out.events,
                vec![Ev::Ping(b"are you there".to_vec()), Ev::text("Hello")],
                "{role:?} {delivery:?}"
            );
        }
    }
}

/// Delivery::Chunks hands data out as it arrives: a 1000-byte frame read
/// in four pieces gives a chunk per read, with `first` on the first and
/// `last` on the last only.
#[test]
fn chunks_deliver_a_large_frame_as_its_bytes_arrive() {
    let mut config = Config::default();
    config.delivery = Delivery::Chunks;
    let payload = bytes_0_to(1000);
    for role in [Role::Client, Role::Server] {
        let mut conn = connect(role, config);
        let input = frame_to(role, 0x82, &payload);
        let header = input.len() - payload.len();
        let cuts = [0, header, header + 300, header + 301, header + 700, input.len()];
        let mut got = Vec::new();
        for w in cuts.windows(2) {
            let mut piece = input[w[0]..w[1]].to_vec();
            let len = piece.len();
            let read = conn.read(&mut piece).unwrap();
            assert_eq!(read.consumed, len);
            match read.event {
                None => assert_eq!(w[0], 0, "only the header-only read has no chunk"),
                Some(Event::Chunk(c)) => {
                    assert_eq!(c.kind, MessageKind::Binary);
                    got.push((c.data.to_vec(), c.first, c.last));
                }
                Some(other) => panic!("unexpected {other:?}"),
            }
        }
        let flags: Vec<(usize, bool, bool)> = got.iter().map(|(d, f, l)| (d.len(), *f, *l)).collect();
        assert_eq!(
            flags,
            vec![(300, true, false), (1, false, false), (399, false, false), (300, false, true)],
            "{role:?}"
        );
        assert_eq!(got.concat_data(), payload);
    }
}

trait ConcatData {
    fn concat_data(&self) -> Vec<u8>;
}

impl ConcatData for Vec<(Vec<u8>, bool, bool)> {
    fn concat_data(&self) -> Vec<u8> {
        self.iter().flat_map(|(d, _, _)| d.iter().copied()).collect()
    }
}

/// Chunks of a fragmented text message: `first` only on the first chunk of
/// the first fragment, `last` only on the end of the final fragment; an
/// empty final fragment still yields an (empty) last chunk.
#[test]
fn chunks_of_a_fragmented_message_carry_first_and_last_flags() {
    let mut config = Config::default();
    config.delivery = Delivery::Chunks;
    let mut conn = connect(Role::Client, config);
    let input = cat(&[
        &frame(0x01, b"ab", None),
        &frame(0x00, b"", None),
        &frame(0x00, "€".as_bytes(), None),
        &frame(0x80, b"", None),
    ]);
    let out = run(&mut conn, &input);
    assert_eq!(out.result, Ok(()));
    let t = MessageKind::Text;
    assert_eq!(
        out.events,
        vec![
            Ev::Chunk { kind: t, data: b"ab".to_vec(), first: true, last: false },
            Ev::Chunk { kind: t, data: "€".as_bytes().to_vec(), first: false, last: false },
            Ev::Chunk { kind: t, data: vec![], first: false, last: true },
        ]
    );
    // An empty single-frame message is one chunk that is both first and last.
    let out = run(&mut conn, &frame(0x82, b"", None));
    assert_eq!(out.events, vec![Ev::Chunk { kind: MessageKind::Binary, data: vec![], first: true, last: true }]);
}

/// Config docs: in Delivery::Chunks "`max_message_size` does not apply;
/// `max_frame_size` does."
#[test]
fn chunks_ignore_max_message_size_but_enforce_max_frame_size() {
    let mut config = Config::default();
    config.delivery = Delivery::Chunks;
    config.max_message_size = 10;
    config.max_frame_size = 50;
    let mut conn = connect(Role::Client, config);
    let mut input = Vec::new();
    input.extend(frame(0x02, &[1; 50], None));
    for _ in 0..4 {
        input.extend(frame(0x00, &[2; 50], None));
    }
    input.extend(frame(0x80, &[3; 50], None));
    let out = run(&mut conn, &input);
    assert_eq!(out.result, Ok(()));
    let folded = fold_chunks(&out.events);
    assert_eq!(
        folded,
        vec![Ev::Binary(cat(&[&[1; 50], &[2; 200], &[3; 50]]))],
        "a 300-byte message passes a 10-byte limit"
    );
    // A 51-byte frame is refused from its header.
    let out = run(&mut conn, &[0x82, 51]);
    assert_eq!(out.result, Err(Error::Frame(FrameError::FrameTooLarge { len: 51, max: 50 })));
    assert_eq!(parse_frames(&out.output).last().unwrap().close_code(), Some(1009));
}

/// The zero-copy path unmasks in place, in the caller's buffer, whatever
/// the split: after the reads the buffer holds the clear text.
#[test]
fn zero_copy_read_unmasks_in_place_across_splits() {
    let payload = bytes_0_to(1000);
    let input = frame(0x82, &payload, Some([0xA1, 0xB2, 0xC3, 0xD4]));
    let header = input.len() - payload.len();
    for (name, lens) in splits(input.len()) {
        let mut conn = server();
        let mut buf = input.clone();
        let mut pos = 0;
        for n in lens {
            let mut off = pos;
            loop {
                let read = conn.read(&mut buf[off..pos + n]).unwrap();
                off += read.consumed;
                if read.event.is_none() {
                    break;
                }
            }
            pos += n;
        }
        assert_eq!(&buf[header..], &payload[..], "split {name}");
    }
}

/// The buffered path when the caller feeds more bytes before polling
/// everything out (at most one poll per feed, the rest at the end): the
/// events are the same as with the whole input at once.
#[test]
fn feeding_before_everything_is_polled_gives_the_same_events() {
    for case in valid_cases().into_iter().chain(violation_cases()) {
        if case.input.len() > 4096 {
            continue; // Keep the byte-by-byte runs short.
        }
        let reference = run(&mut connect(case.role, case.config), &case.input);
        for (split_name, lens) in splits(case.input.len()) {
            let mut conn = connect(case.role, case.config);
            let mut events = Vec::new();
            let mut result = Ok(());
            'feed: for piece in pieces(&case.input, &lens) {
                conn.feed(piece);
                match conn.poll() {
                    Ok(read) => events.extend(read.event.map(|e| owned(&e))),
                    Err(e) => {
                        result = Err(e);
                        break 'feed;
                    }
                }
            }
            if result.is_ok() {
                loop {
                    match conn.poll() {
                        Ok(read) => match read.event {
                            Some(e) => events.push(owned(&e)),
                            None => break,
                        },
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
            }
            assert_eq!(events, reference.events, "`{}` split {split_name}", case.name);
            assert_eq!(result, reference.result, "`{}` split {split_name}", case.name);
            assert_eq!(conn.sender().pending(), &reference.output[..], "`{}` split {split_name}", case.name);
        }
    }
}
