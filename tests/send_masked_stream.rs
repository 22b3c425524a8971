//! `Sender::send_borrowed` on a client: the payload is masked (RFC 6455
//! §5.3) into a small staging segment of the queue as it is written, never
//! as a whole masked copy. Whatever the write pattern and wherever the
//! driver drops the send, the wire is exactly what the copying
//! `send_message` produces with the same random source (so each frame gets
//! its own fresh key, in the same order), and a server parses it back in
//! every split.

use wsproto::{Config, Connection, Message, Role, UsageError};
use wsproto_testkit::alloc::{measure, Counting};
use wsproto_testkit::conn::{self, take_pending};
use wsproto_testkit::cuts::{fixed_lens, pieces, random_lens, splits, XorShift};
use wsproto_testkit::events::Ev;
use wsproto_testkit::frames::{bytes_0_to, frame, parse_frames};
use wsproto_testkit::read::{drive, Path};

#[global_allocator]
static ALLOCATOR: Counting = Counting::gated();

/// How many bytes a write takes, given how many are available.
type Step = Box<dyn FnMut(usize) -> usize>;

/// The staging segment: 16 KiB of payload at a time.
const SEGMENT: usize = 16 << 10;

/// Header-shape boundaries (RFC 6455 §5.2), key-phase edges (lengths that
/// are not multiples of 4) and segment edges.
const LENGTHS: [usize; 15] = [
    0,
    1,
    3,
    5,
    125,
    126,
    65535,
    65536,
    65537,
    SEGMENT - 1,
    SEGMENT,
    SEGMENT + 1,
    3 * SEGMENT + 2,
    100_003,
    (1 << 20) + 3,
];

fn config() -> Config {
    Config::new().max_frame_size(4 << 20).max_message_size(4 << 20)
}

fn client(extensions: &[&str]) -> Connection {
    conn::open(Role::Client, config(), extensions, [11; 32])
}

fn server(extensions: &[&str]) -> Connection {
    conn::open(Role::Server, config(), extensions, [0; 32])
}

/// Streams a borrowed send: each step writes `step(available)` bytes of
/// the staged part, for at most `max_steps` steps, checking that a
/// client's payload is never handed out unmasked and that the staging
/// stays one segment; then drops it and writes what is still pending.
fn streamed_wire(
    conn: &mut Connection,
    message: Message<'_>,
    step: &mut dyn FnMut(usize) -> usize,
    max_steps: usize,
) -> Vec<u8> {
    let before = conn.sender().pending_len();
    let mut wire = Vec::new();
    {
        let mut send = conn.sender().send_borrowed(message).unwrap();
        let mut steps = 0;
        while send.remaining() > 0 && steps < max_steps {
            let [staged, raw] = send.parts();
            // RFC 6455 §5.1: "a client MUST mask all frames that it sends
            // to the server": nothing is lent out as it lies.
            assert!(raw.is_empty(), "a client's payload handed out unmasked");
            assert!(!staged.is_empty(), "nothing to write while {} remain", send.remaining());
            assert!(staged.len() <= before + 14 + SEGMENT, "staged {} bytes", staged.len());
            let n = step(staged.len()).clamp(1, staged.len());
            wire.extend_from_slice(&staged[..n]);
            send.advance(n).unwrap();
            steps += 1;
        }
    }
    wire.extend(take_pending(conn));
    wire
}

/// The copying send's bytes on a twin client (same seed, same keys).
fn copying_wire(message: Message<'_>) -> Vec<u8> {
    let mut twin = client(&[]);
    twin.sender().send_message(message).unwrap();
    take_pending(&mut twin)
}

fn check_parses(extensions: &[&str], wire: &[u8], expect: &[Ev]) {
    let cuts: Vec<(String, Vec<usize>)> = if wire.len() <= 1000 {
        splits(wire.len())
    } else {
        vec![
            ("whole".to_string(), vec![wire.len()]),
            ("random up to 7000".to_string(), random_lens(wire.len(), 7000, &mut XorShift::new(wire.len() as u64))),
            ("fixed 4099".to_string(), fixed_lens(wire.len(), 4099)),
        ]
    };
    for (name, lens) in cuts {
        for path in [Path::ZeroCopy, Path::Buffered] {
            let got = drive(&mut server(extensions), pieces(wire, &lens), path);
            assert_eq!(got.result, Ok(()), "{name} {path:?}");
            assert_eq!(got.events, expect, "{name} {path:?}");
        }
    }
}

fn text_of(len: usize) -> String {
    let mut s = String::with_capacity(len);
    for c in "aé€😀".chars().cycle() {
        if s.len() + c.len_utf8() > len {
            break;
        }
        s.push(c);
    }
    while s.len() < len {
        s.push('x');
    }
    s
}

#[test]
fn the_masked_stream_equals_the_copying_send_at_every_length_and_write_pattern() {
    for len in LENGTHS {
        let data = bytes_0_to(len);
        let text = text_of(len);
        for message in [Message::Binary(&data), Message::Text(&text)] {
            let expect = copying_wire(message);
            let mut patterns: Vec<(&str, Step)> = vec![
                ("all at once", Box::new(|n| n)),
                // Odd sizes leave the write at every key phase (1, 2, 3)
                // inside a segment.
                ("4097 at a time", Box::new(|_| 4097)),
                ("random", {
                    let mut rng = XorShift::new(len as u64 + 7);
                    Box::new(move |n| rng.between1(n.clamp(1, 20_000)))
                }),
            ];
            if len <= 300 {
                patterns.push(("byte by byte", Box::new(|_| 1)));
                patterns.push(("3 at a time", Box::new(|_| 3)));
            }
            for (name, step) in &mut patterns {
                // Dropped before writing, after the header, mid-segment, or
                // at the end: the rest is masked into the queue.
                for max_steps in [0, 1, 2, 3, 7, usize::MAX] {
                    let mut conn = client(&[]);
                    let wire = streamed_wire(&mut conn, message, step.as_mut(), max_steps);
                    assert!(wire == expect, "len {len} {name}, dropped after {max_steps} steps: wire differs");
                }
            }
            let mut conn = client(&[]);
            let wire = streamed_wire(&mut conn, message, &mut |n| n, usize::MAX);
            let ev = match message {
                Message::Text(t) => Ev::text(t),
                Message::Binary(b) => Ev::Binary(b.to_vec()),
            };
            check_parses(&[], &wire, &[ev]);
        }
    }
}

/// RFC 6455 §5.3: "the client MUST pick a fresh masking key from the set
/// of allowed 32-bit values" for each frame. A run of streamed sends mixed
/// with copying ones draws the keys in the same order as copying sends
/// alone, and no two frames share one.
#[test]
fn each_frame_gets_a_fresh_key_in_the_same_order_as_the_copying_send() {
    let data = bytes_0_to(40_000);
    let run = |streamed: bool| -> Vec<u8> {
        let mut conn = client(&[]);
        let mut wire = Vec::new();
        for i in 0..6 {
            if streamed && i % 2 == 0 {
                wire.extend(streamed_wire(&mut conn, Message::Binary(&data[..i * 5000]), &mut |n| n, usize::MAX));
            } else {
                conn.sender().send_binary(&data[..i * 5000]).unwrap();
            }
            conn.sender().send_ping(&[i as u8]).unwrap();
            wire.extend(take_pending(&mut conn));
        }
        wire
    };
    let wire = run(true);
    assert_eq!(wire, run(false));
    let keys: Vec<[u8; 4]> = parse_frames(&wire).iter().map(|f| f.mask.expect("masked")).collect();
    for (i, a) in keys.iter().enumerate() {
        assert!(keys[i + 1..].iter().all(|b| b != a), "key {a:?} used twice");
    }
}

/// The staging stays one segment: streaming 1 MiB holds about 16 KiB of
/// queue, where the copying send holds the whole masked frame.
#[test]
fn streaming_holds_one_segment_not_the_whole_masked_frame() {
    let data = bytes_0_to(1 << 20);
    let mut conn = client(&[]);
    let mut peak = 0;
    {
        let mut send = conn.sender().send_borrowed(Message::Binary(&data)).unwrap();
        while send.remaining() > 0 {
            let [staged, _] = send.parts();
            assert!(!staged.is_empty(), "nothing staged while {} remain", send.remaining());
            peak = peak.max(staged.len());
            let n = staged.len();
            send.advance(n).unwrap();
        }
    }
    assert_eq!(peak, 14 + SEGMENT, "the header and the first segment");
    assert!(conn.heap_size() <= 2 * (14 + SEGMENT), "queue holds {} bytes", conn.heap_size());

    let mut copying = client(&[]);
    copying.sender().send_binary(&data).unwrap();
    assert!(copying.heap_size() >= 1 << 20, "the copying send queues the whole frame");
}

/// A Pong queued before (the automatic answer to a server's Ping, half
/// written or not) goes out first, ahead of the header; frames queued
/// after a dropped stream follow its rest.
#[test]
fn bytes_queued_before_go_first_and_frames_after_follow_the_rest() {
    let data = bytes_0_to(50_001);
    let run = |streamed: bool| -> Vec<u8> {
        let mut conn = client(&[]);
        let mut wire = Vec::new();
        let got = drive(&mut conn, [&frame(0x89, b"ping", None)[..]], Path::ZeroCopy);
        assert_eq!(got.events, [Ev::Ping(b"ping".to_vec())]);
        wire.extend_from_slice(&conn.sender().pending()[..3]);
        conn.sender().advance(3).unwrap();
        if streamed {
            let mut send = conn.sender().send_borrowed(Message::Binary(&data)).unwrap();
            let [staged, _] = send.parts();
            // The rest of the Pong (2 + 4 + 4 bytes masked, 3 written),
            // then our header.
            assert_eq!(staged[7..11], [0x82, 0xFE, 0xC3, 0x51], "the header follows the Pong");
            // Past the Pong and the header, into the first segment at key
            // phase 1, then dropped.
            let n = 7 + 8 + 1 + SEGMENT + 4095;
            let mut left = n;
            while left > 0 {
                let [staged, _] = send.parts();
                assert!(!staged.is_empty());
                let k = left.min(staged.len());
                wire.extend_from_slice(&staged[..k]);
                send.advance(k).unwrap();
                left -= k;
            }
        } else {
            conn.sender().send_binary(&data).unwrap();
        }
        let got = drive(&mut conn, [&frame(0x89, b"again", None)[..]], Path::ZeroCopy);
        assert_eq!(got.result, Ok(()));
        conn.sender().send_text("after").unwrap();
        wire.extend(take_pending(&mut conn));
        wire
    };
    let wire = run(true);
    assert_eq!(wire, run(false));
    let frames = parse_frames(&wire);
    let opcodes: Vec<u8> = frames.iter().map(|f| f.opcode).collect();
    assert_eq!(opcodes, [0xA, 0x2, 0xA, 0x1]);
    assert_eq!(frames[1].payload, data);
}

#[test]
fn usage_errors_leave_the_stream_as_it_was() {
    let data = bytes_0_to(SEGMENT * 2);
    let mut conn = client(&[]);
    let mut send = conn.sender().send_borrowed(Message::Binary(&data)).unwrap();
    let staged = send.parts()[0].len();
    // A 16-bit length and the key: 8 bytes of header.
    assert_eq!((staged, send.remaining()), (8 + SEGMENT, 8 + data.len()));
    // Only the staged part may be reported as written, never bytes not
    // yet masked.
    assert_eq!(send.advance(staged + 1), Err(UsageError::AdvancedPastPending));
    assert_eq!(send.parts()[0].len(), staged);
    send.advance(staged).unwrap();
    assert_eq!(send.parts()[0].len(), SEGMENT, "the next segment, staged");
    assert_eq!(send.remaining(), SEGMENT);
    drop(send);
    conn.sender().send_close(wsproto::CloseCode::NORMAL, "").unwrap();
    assert_eq!(conn.sender().send_borrowed(Message::Binary(&data)).err(), Some(UsageError::AlreadyClosing));
    let mut conn = client(&[]);
    conn.sender().begin_message(wsproto::MessageKind::Text, b"a").unwrap();
    assert_eq!(conn.sender().send_borrowed(Message::Text("b")).err(), Some(UsageError::FragmentOutOfOrder));
}

/// With permessage-deflate on, a streamed message goes uncompressed, RSV1
/// clear, masked, exactly as `send_uncompressed` sends it.
#[cfg(feature = "deflate")]
#[test]
fn with_deflate_the_stream_goes_uncompressed() {
    let ext = "permessage-deflate";
    let text = "deflate would shrink this ".repeat(3000);
    let mut twin = client(&[ext]);
    twin.sender().send_uncompressed(Message::Text(&text)).unwrap();
    let expect = take_pending(&mut twin);
    let mut conn = client(&[ext]);
    let wire = streamed_wire(&mut conn, Message::Text(&text), &mut |_| 5000, usize::MAX);
    assert_eq!(wire, expect);
    assert_eq!(parse_frames(&wire)[0].rsv, 0);
    check_parses(&[ext], &wire, &[Ev::text(&text)]);
}

#[cfg(feature = "std")]
#[test]
fn write_to_streams_segment_by_segment() {
    /// Takes at most 5000 bytes per call and records each call's size.
    struct Socket(Vec<u8>, Vec<usize>);
    impl std::io::Write for Socket {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = buf.len().min(5000);
            self.0.extend_from_slice(&buf[..n]);
            self.1.push(n);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let data = bytes_0_to(100_003);
    let mut conn = client(&[]);
    let mut socket = Socket(Vec::new(), Vec::new());
    let n = conn.sender().send_borrowed(Message::Binary(&data)).unwrap().write_to(&mut socket).unwrap();
    assert_eq!(n, 14 + data.len());
    assert_eq!(socket.0, copying_wire(Message::Binary(&data)));
    assert!(socket.1.iter().all(|&n| n > 0 && n <= 5000));
    assert_eq!(conn.sender().pending_len(), 0);
}

/// Once warm, streaming a masked 1 MiB message makes no allocation: every
/// segment reuses the queue's bytes in place.
#[test]
fn a_warm_client_makes_no_allocation_per_message() {
    let data = bytes_0_to(1 << 20);
    let mut conn = client(&[]);
    let mut sink = vec![0u8; 20 << 10];
    let mut send_one = |conn: &mut Connection| {
        let mut send = conn.sender().send_borrowed(Message::Binary(&data)).unwrap();
        while send.remaining() > 0 {
            let [staged, _] = send.parts();
            assert!(!staged.is_empty(), "nothing staged while {} remain", send.remaining());
            sink[..staged.len()].copy_from_slice(staged);
            let n = staged.len();
            send.advance(n).unwrap();
        }
    };
    send_one(&mut conn);
    let ((), usage) = measure(|| {
        for _ in 0..5 {
            send_one(&mut conn);
        }
    });
    assert_eq!(usage.calls, 0, "{usage:?}");
}
