//! RFC 6455 §5.7 examples, byte for byte, in both directions: decoding the
//! bytes gives the right event, and our `Sender` produces exactly the bytes.
//! A client masks with 37 fa 21 3d, the key of the examples, through a
//! closure `RandomSource`.

mod core_common;

use core_common::*;
use wsproto::{Event, Message, MessageKind, Role};

/// §5.7: "A single-frame unmasked text message"
const HELLO_UNMASKED: &[u8] = &[0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f];
/// §5.7: "A single-frame masked text message"
const HELLO_MASKED: &[u8] = &[0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58];
/// §5.7: "A fragmented unmasked text message"
const HEL_LO: &[u8] = &[0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f];
/// §5.7: "Unmasked Ping request and masked Ping response" (the response
/// is a Pong).
const PING_UNMASKED: &[u8] = &[0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f];
const PONG_MASKED: &[u8] = &[0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58];
/// §5.7: "256 bytes binary message in a single unmasked frame"
const BIN_256_HEADER: &[u8] = &[0x82, 0x7E, 0x01, 0x00];
/// §5.7: "64KiB binary message in a single unmasked frame"
const BIN_64K_HEADER: &[u8] = &[0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00];

// ---- Decoding ----

#[test]
fn a_client_decodes_the_single_frame_unmasked_hello() {
    let mut conn = client();
    let mut buf = HELLO_UNMASKED.to_vec();
    let read = conn.read(&mut buf).unwrap();
    assert_eq!(read.consumed, 7);
    assert_eq!(read.event, Some(Event::Message(Message::Text("Hello"))));
    assert!(conn.sender().pending().is_empty());
}

#[test]
fn a_server_decodes_the_single_frame_masked_hello_unmasking_in_place() {
    let mut conn = server();
    let mut buf = HELLO_MASKED.to_vec();
    let read = conn.read(&mut buf).unwrap();
    assert_eq!(read.consumed, 11);
    let Some(Event::Message(Message::Text(text))) = read.event else { panic!("{:?}", read.event) };
    assert_eq!(text, "Hello");
    // Zero copy: the &str points into our buffer, where the payload was.
    assert_eq!(text.as_ptr(), buf[6..].as_ptr());
    assert_eq!(&buf[6..], b"Hello");
}

#[test]
fn a_client_decodes_the_fragmented_hel_lo() {
    let mut conn = client();
    let out = run(&mut conn, HEL_LO);
    assert_eq!(out.result, Ok(()));
    assert_eq!(out.events, vec![Ev::text("Hello")]);
}

#[test]
fn a_client_decodes_the_unmasked_ping_and_answers_with_the_masked_pong_of_the_rfc() {
    let mut conn = client();
    let out = run(&mut conn, PING_UNMASKED);
    assert_eq!(out.events, vec![Ev::Ping(b"Hello".to_vec())]);
    // The automatic Pong, masked with 37 fa 21 3d, is the RFC's own bytes.
    assert_eq!(out.output, PONG_MASKED);
}

#[test]
fn a_server_decodes_the_masked_pong_and_queues_nothing() {
    let mut conn = server();
    let out = run(&mut conn, PONG_MASKED);
    assert_eq!(out.events, vec![Ev::Pong(b"Hello".to_vec())]);
    assert!(out.output.is_empty());
}

#[test]
fn a_client_decodes_the_256_byte_binary_frame() {
    let data = bytes_0_to(256);
    let mut conn = client();
    let out = run(&mut conn, &cat(&[BIN_256_HEADER, &data]));
    assert_eq!(out.events, vec![Ev::Binary(data)]);
}

#[test]
fn a_client_decodes_the_64kib_binary_frame() {
    let data = bytes_0_to(65536);
    let mut conn = client();
    let mut buf = cat(&[BIN_64K_HEADER, &data]);
    let read = conn.read(&mut buf).unwrap();
    assert_eq!(read.consumed, 10 + 65536);
    assert_eq!(read.event, Some(Event::Message(Message::Binary(&data))));
}

#[test]
fn a_server_decodes_the_masked_forms_of_the_256_byte_and_64kib_frames() {
    for len in [256, 65536] {
        let data = bytes_0_to(len);
        let input = frame(0x82, &data, Some(MASK));
        let expected_header: &[u8] =
            if len == 256 { &[0x82, 0xFE, 0x01, 0x00] } else { &[0x82, 0xFF, 0, 0, 0, 0, 0, 1, 0, 0] };
        assert_eq!(&input[..expected_header.len()], expected_header);
        let mut conn = server();
        assert_eq!(run(&mut conn, &input).events, vec![Ev::Binary(data)]);
    }
}

// ---- Encoding ----

#[test]
fn a_server_sends_hello_as_the_rfc_bytes() {
    let mut conn = server();
    conn.sender().send_text("Hello").unwrap();
    assert_eq!(conn.sender().pending(), HELLO_UNMASKED);
}

#[test]
fn a_client_sends_hello_as_the_rfc_masked_bytes() {
    let mut conn = client();
    conn.sender().send_text("Hello").unwrap();
    assert_eq!(conn.sender().pending(), HELLO_MASKED);
}

#[test]
fn a_server_sends_hel_lo_fragments_as_the_rfc_bytes() {
    let mut conn = server();
    let tx = conn.sender();
    tx.begin_message(MessageKind::Text, b"Hel").unwrap();
    tx.finish_message(b"lo").unwrap();
    assert_eq!(tx.pending(), HEL_LO);
}

#[test]
fn a_server_sends_the_rfc_ping_and_a_client_the_rfc_pong() {
    let mut conn = server();
    conn.sender().send_ping(b"Hello").unwrap();
    assert_eq!(conn.sender().pending(), PING_UNMASKED);
    let mut conn = client();
    conn.sender().send_pong(b"Hello").unwrap();
    assert_eq!(conn.sender().pending(), PONG_MASKED);
}

#[test]
fn a_server_sends_the_256_byte_and_64kib_binary_frames_as_the_rfc_bytes() {
    for (header, len) in [(BIN_256_HEADER, 256), (BIN_64K_HEADER, 65536)] {
        let data = bytes_0_to(len);
        let mut conn = server();
        conn.sender().send_binary(&data).unwrap();
        assert_eq!(conn.sender().pending(), &cat(&[header, &data])[..], "{len}");
    }
}

#[test]
fn a_client_sends_the_256_byte_and_64kib_binary_frames_masked() {
    for len in [256, 65536] {
        let data = bytes_0_to(len);
        let mut conn = client();
        conn.sender().send_binary(&data).unwrap();
        assert_eq!(conn.sender().pending(), &frame(0x82, &data, Some(MASK))[..], "{len}");
    }
}

/// What one side sends, the other side decodes, for every example.
#[test]
fn every_example_round_trips_from_sender_to_peer() {
    for sender_role in [Role::Client, Role::Server] {
        let receiver_role = if sender_role == Role::Client { Role::Server } else { Role::Client };
        let mut tx_conn = connect(sender_role, Default::default());
        let tx = tx_conn.sender();
        tx.send_text("Hello").unwrap();
        tx.begin_message(MessageKind::Text, b"Hel").unwrap();
        tx.finish_message(b"lo").unwrap();
        tx.send_ping(b"Hello").unwrap();
        tx.send_pong(b"Hello").unwrap();
        tx.send_binary(&bytes_0_to(256)).unwrap();
        tx.send_binary(&bytes_0_to(65536)).unwrap();
        let bytes = tx.pending().to_vec();
        let mut rx_conn = connect(receiver_role, Default::default());
        let out = run(&mut rx_conn, &bytes);
        assert_eq!(out.result, Ok(()), "{sender_role:?}");
        assert_eq!(
            out.events,
            vec![
                Ev::text("Hello"),
                Ev::text("Hello"),
                Ev::Ping(b"Hello".to_vec()),
                Ev::Pong(b"Hello".to_vec()),
                Ev::Binary(bytes_0_to(256)),
                Ev::Binary(bytes_0_to(65536)),
            ]
        );
    }
}
