//! The outgoing queue (partial writes, backpressure, fragments, client
//! masking) and echoing a received message without copying it first.

mod core_common;

use core_common::*;
use wsproto::handshake::Negotiated;
use wsproto::{ChaChaRng, Config, Connection, Event, Message, MessageKind, Role};

/// Queues the same mix of frames on a connection.
fn queue_mix(conn: &mut Connection) {
    let tx = conn.sender();
    tx.send_text("Hello").unwrap();
    tx.send_binary(&bytes_0_to(300)).unwrap();
    tx.send_ping(b"p").unwrap();
    tx.begin_message(MessageKind::Text, "€".as_bytes()).unwrap();
    tx.finish_message(b"!").unwrap();
}

/// Partial writes: draining with `advance(n)` in small, uneven steps
/// reproduces the whole stream, and `pending_len` counts down.
#[test]
fn partial_writes_in_small_steps_reproduce_the_same_byte_stream() {
    for role in [Role::Client, Role::Server] {
        let mut whole = connect(role, Config::default());
        queue_mix(&mut whole);
        let expected = whole.sender().pending().to_vec();

        let mut conn = connect(role, Config::default());
        queue_mix(&mut conn);
        assert_eq!(conn.sender().pending_len(), expected.len());
        let mut written = Vec::new();
        let mut rng = XorShift::new(7);
        let mut step = 0;
        while conn.sender().pending_len() > 0 {
            let before = conn.sender().pending_len();
            let n = rng.between1(5).min(before);
            written.extend_from_slice(&conn.sender().pending()[..n]);
            conn.sender().advance(n).unwrap();
            assert_eq!(conn.sender().pending_len(), before - n);
            step += 1;
            // More frames queued in the middle of draining go after the rest.
            if step == 20 {
                conn.sender().send_text("late").unwrap();
            }
        }
        let mut late = connect(role, Config::default());
        late.sender().send_text("late").unwrap();
        assert_eq!(written, cat(&[&expected, late.sender().pending()]), "{role:?}");
        // An empty queue: advance(0) is fine, advance(1) is misuse.
        conn.sender().advance(0).unwrap();
        assert!(conn.sender().advance(1).is_err());
    }
}

/// RFC 6455 §5.4: the first fragment carries the opcode with FIN=0, middle
/// ones opcode 0 and FIN=0, the last opcode 0 and FIN=1. Control frames may
/// go between them.
#[test]
fn fragments_have_the_right_opcodes_and_fin_bits() {
    for (role, kind, op) in [
        (Role::Server, MessageKind::Binary, 0x2),
        (Role::Client, MessageKind::Text, 0x1),
        (Role::Server, MessageKind::Text, 0x1),
    ] {
        let mut conn = connect(role, Config::default());
        let tx = conn.sender();
        tx.begin_message(kind, b"a").unwrap();
        tx.continue_message(b"b").unwrap();
        tx.send_ping(b"between").unwrap();
        tx.continue_message(b"").unwrap();
        tx.finish_message(b"").unwrap();
        let frames = parse_frames(tx.pending());
        let shape: Vec<(bool, u8, &[u8])> = frames.iter().map(|f| (f.fin, f.opcode, &f.payload[..])).collect();
        assert_eq!(
            shape,
            vec![
                (false, op, &b"a"[..]),
                (false, 0x0, &b"b"[..]),
                (true, 0x9, &b"between"[..]),
                (false, 0x0, &b""[..]),
                (true, 0x0, &b""[..]),
            ],
            "{role:?} {kind:?}"
        );
        assert!(frames.iter().all(|f| f.rsv == 0));
        assert!(frames.iter().all(|f| f.mask.is_some() == (role == Role::Client)));
    }
}

/// §5.3: "The masking key is a 32-bit value chosen at random by the
/// client" for every frame. With `ChaChaRng` every frame has its own key,
/// and a server decodes all of them.
#[test]
fn a_client_masks_every_frame_and_a_server_decodes_them() {
    let mut conn =
        Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([9; 32])).unwrap();
    queue_mix(&mut conn);
    conn.sender().send_pong(b"").unwrap();
    let bytes = conn.sender().pending().to_vec();
    let frames = parse_frames(&bytes);
    let keys: Vec<[u8; 4]> = frames.iter().map(|f| f.mask.expect("client frames are masked")).collect();
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            assert_ne!(a, b, "masking keys repeat: {keys:02x?}");
        }
    }
    // The payload on the wire is not the clear text.
    assert_ne!(&bytes[6..11], b"Hello");
    let mut server = server();
    let out = run(&mut server, &bytes);
    assert_eq!(out.result, Ok(()));
    assert_eq!(
        out.events,
        vec![Ev::text("Hello"), Ev::Binary(bytes_0_to(300)), Ev::Ping(b"p".to_vec()), Ev::text("€!"), Ev::Pong(vec![]),]
    );
    // Two clients with the same seed produce the same bytes: deterministic.
    let mut again =
        Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([9; 32])).unwrap();
    queue_mix(&mut again);
    again.sender().send_pong(b"").unwrap();
    assert_eq!(again.sender().pending(), &bytes[..]);
}

/// Echo without copying: a received message is sent back
/// through `read.sender` while the event still borrows the input (a single
/// frame, delivered in place) or the assembly buffer (a fragmented one).
#[test]
fn a_single_frame_message_is_echoed_from_the_input_buffer() {
    let mut conn = server();
    let mut buf = frame(0x81, b"Hello", Some(MASK));
    let payload_at = buf[6..].as_ptr();
    let read = conn.read(&mut buf).unwrap();
    let Some(Event::Message(msg)) = read.event else { panic!("{:?}", read.event) };
    // The message lies in our buffer: nothing was copied to receive it.
    assert_eq!(msg.as_bytes().as_ptr(), payload_at);
    read.sender.send_message(msg).unwrap();
    assert_eq!(read.sender.pending(), &[0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]);
}

#[test]
fn a_fragmented_message_is_echoed_from_the_assembly_buffer() {
    let mut conn = server();
    let mut buf =
        cat(&[&frame(0x02, &[1, 2], Some(MASK)), &frame(0x89, b"p", Some(MASK)), &frame(0x80, &[3], Some(MASK))]);
    let mut off = 0;
    loop {
        let read = conn.read(&mut buf[off..]).unwrap();
        off += read.consumed;
        match read.event {
            Some(Event::Ping(_)) => continue,
            Some(Event::Message(msg)) => {
                assert_eq!(msg, Message::Binary(&[1, 2, 3]));
                read.sender.send_message(msg).unwrap();
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    // The automatic Pong, then the echo.
    assert_eq!(conn.sender().pending(), &[0x8A, 0x01, b'p', 0x82, 0x03, 1, 2, 3]);
}

#[test]
fn messages_are_echoed_through_poll_and_by_a_client() {
    // Buffered path, text split across two feeds (assembled).
    let mut conn = server();
    let input = frame(0x81, "κόσμε".as_bytes(), Some(MASK));
    conn.feed(&input[..8]);
    assert!(conn.poll().unwrap().event.is_none());
    conn.feed(&input[8..]);
    let read = conn.poll().unwrap();
    let Some(Event::Message(msg)) = read.event else { panic!("{:?}", read.event) };
    read.sender.send_message(msg).unwrap();
    assert_eq!(conn.sender().pending(), &frame(0x81, "κόσμε".as_bytes(), None)[..]);

    // A client echoes a 64 KiB binary message, masked.
    let data = bytes_0_to(65536);
    let mut conn = client();
    let mut buf = frame(0x82, &data, None);
    let read = conn.read(&mut buf).unwrap();
    let Some(Event::Message(msg)) = read.event else { panic!() };
    read.sender.send_message(msg).unwrap();
    assert_eq!(conn.sender().pending(), &frame(0x82, &data, Some(MASK))[..]);
}

/// The queue's length is the backpressure signal: it grows with what is
/// queued, including automatic replies.
#[test]
fn pending_len_counts_queued_and_automatic_frames() {
    let mut conn = server();
    assert_eq!(conn.sender().pending_len(), 0);
    conn.sender().send_text("abc").unwrap();
    assert_eq!(conn.sender().pending_len(), 5);
    run(&mut conn, &frame(0x89, b"xy", Some(MASK))).result.unwrap();
    assert_eq!(conn.sender().pending_len(), 5 + 4, "the automatic Pong is queued too");
    conn.sender().send_binary(&[0; 126]).unwrap();
    assert_eq!(conn.sender().pending_len(), 9 + 4 + 126);
}
