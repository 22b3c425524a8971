//! One test per RFC 6455 violation. Each case (the tables live in
//! `core_common::violation_cases`) must:
//!
//! - fail with its own `Error` variant, mapping to the close code RFC 6455
//!   §7.4.1 asks for;
//! - queue a Close frame carrying that code (§7.1.7: "_Fail the WebSocket
//!   Connection_ ... the endpoint MAY send a Close frame");
//! - be sticky: every later read returns the same error;
//! - refuse every later send with `UsageError::Failed`, leaving the queue as
//!   it was;
//! - leave the connection Closed, with `transport_action()` = Close once the
//!   queue is drained.

mod core_common;

use core_common::*;
use wsproto::FrameError;
use wsproto::{CloseCode, Config, Delivery, Error, MessageKind, Role, State, TransportAction, UsageError};

fn check_case(case: &Case) {
    let (expected, code) = case.error.clone().expect("a violation case");
    let name = &case.name;
    let mut conn = connect(case.role, case.config);
    let outcome = run(&mut conn, &case.input);
    assert_eq!(outcome.events, case.events, "`{name}`: events before the error");
    let err = outcome.result.clone().expect_err(&format!("`{name}` must fail"));
    assert!(error_matches(&expected, &err), "`{name}`: expected {expected:?}, got {err:?}");
    assert_eq!(err.close_code(), CloseCode(code), "`{name}`: close code of {err:?}");

    // The matching Close frame is queued, masked by a client (§5.1, §5.3).
    let frames = parse_frames(conn.sender().pending());
    let close = frames.last().unwrap_or_else(|| panic!("`{name}`: nothing queued"));
    assert_eq!(close.opcode, 0x8, "`{name}`: last queued frame is not a Close: {frames:?}");
    assert!(close.fin, "`{name}`");
    assert_eq!(close.mask.is_some(), case.role == Role::Client, "`{name}`: masking of our Close");
    assert_eq!(close.close_code(), Some(code), "`{name}`: code in our Close frame");
    assert!(close.payload.len() <= 125 && std::str::from_utf8(&close.payload[2..]).is_ok(), "`{name}`: reason");
    assert_eq!(frames.iter().filter(|f| f.opcode == 0x8).count(), 1, "`{name}`: exactly one Close queued");

    // Sticky: any later read, on either path, reports the same error.
    let pending = conn.sender().pending().to_vec();
    assert_eq!(conn.read(&mut []).map(|r| r.consumed).unwrap_err(), err, "`{name}`: sticky on empty read");
    assert_eq!(conn.read(&mut [0x81, 0x00]).map(|r| r.consumed).unwrap_err(), err, "`{name}`: sticky on more bytes");
    conn.feed(&[0x81, 0x80, 1, 2, 3, 4]);
    assert_eq!(conn.poll().map(|r| r.consumed).unwrap_err(), err, "`{name}`: sticky on poll");
    assert_eq!(conn.state(), State::Closed, "`{name}`: a failed connection is Closed");

    // Sending afterwards is local misuse and changes nothing.
    let tx = conn.sender();
    assert_eq!(tx.send_text("x"), Err(UsageError::Failed), "`{name}`");
    assert_eq!(tx.send_binary(b"x"), Err(UsageError::Failed), "`{name}`");
    assert_eq!(tx.send_ping(b"x"), Err(UsageError::Failed), "`{name}`");
    assert_eq!(tx.send_pong(b"x"), Err(UsageError::Failed), "`{name}`");
    assert_eq!(tx.begin_message(MessageKind::Binary, b"x"), Err(UsageError::Failed), "`{name}`");
    assert_eq!(tx.send_close(CloseCode::NORMAL, ""), Err(UsageError::Failed), "`{name}`");
    assert_eq!(tx.pending(), &pending[..], "`{name}`: pending bytes changed by a refused send");

    // The transport is closed once our Close is written (§7.1.7).
    assert_eq!(conn.transport_action(), TransportAction::Continue, "`{name}`: pending not yet written");
    let n = conn.sender().pending_len();
    conn.sender().advance(n).unwrap();
    assert_eq!(conn.transport_action(), TransportAction::Close, "`{name}`");
    assert_eq!(conn.read_eof(), Ok(None), "`{name}`: EOF after a failure is no event");
    assert_eq!(conn.read(&mut []).map(|r| r.consumed).unwrap_err(), err, "`{name}`: still sticky after EOF");
}

fn check_rule(rule: &str) {
    let cases: Vec<Case> = violation_cases().into_iter().filter(|c| c.rule == rule).collect();
    assert!(!cases.is_empty(), "no cases for {rule}");
    for case in &cases {
        check_case(case);
    }
}

#[test]
fn reserved_opcodes_0x3_to_0x7_and_0xb_to_0xf_are_1002() {
    check_rule("reserved_opcode");
}

#[test]
fn rsv_bits_without_an_extension_are_1002() {
    check_rule("reserved_bits");
}

#[test]
fn non_minimal_16_and_64_bit_lengths_are_1002() {
    check_rule("non_minimal_length");
}

#[test]
fn a_64_bit_length_with_the_top_bit_set_is_1002() {
    check_rule("length_top_bit");
}

#[test]
fn a_control_frame_with_fin_0_is_1002() {
    check_rule("fragmented_control");
}

#[test]
fn a_control_payload_over_125_bytes_is_1002() {
    check_rule("control_too_long");
}

#[test]
fn a_masked_frame_received_by_a_client_is_1002() {
    check_rule("masked_to_client");
}

#[test]
fn an_unmasked_frame_received_by_a_server_is_1002() {
    check_rule("unmasked_to_server");
}

#[test]
fn an_unmasked_frame_is_accepted_by_a_server_with_accept_unmasked_frames() {
    let mut config = Config::default();
    config.accept_unmasked_frames = true;
    let mut conn = connect(Role::Server, config);
    let input = cat(&[&frame(0x81, b"Hello", None), &frame(0x82, &[1, 2], Some(MASK)), &frame(0x89, b"p", None)]);
    let outcome = run(&mut conn, &input);
    assert_eq!(outcome.result, Ok(()));
    assert_eq!(outcome.events, vec![Ev::text("Hello"), Ev::Binary(vec![1, 2]), Ev::Ping(b"p".to_vec())]);
    // The server's own frames stay unmasked (§5.1).
    assert_eq!(outcome.output, frame(0x8A, b"p", None));
    // The option does not make a client accept masked frames.
    let mut config = Config::default();
    config.accept_unmasked_frames = true;
    let mut conn = connect(Role::Client, config);
    assert_eq!(
        run(&mut conn, &frame(0x81, b"x", Some(MASK))).result,
        Err(Error::Frame(FrameError::MaskedFrameFromServer))
    );
}

#[test]
fn a_continuation_with_no_message_open_is_1002() {
    check_rule("unexpected_continuation");
}

#[test]
fn a_new_data_frame_inside_a_fragmented_message_is_1002() {
    check_rule("expected_continuation");
}

#[test]
fn invalid_utf8_in_text_is_1007() {
    check_rule("invalid_utf8");
}

#[test]
fn invalid_utf8_in_a_close_reason_is_1007() {
    check_rule("invalid_utf8_close_reason");
}

#[test]
fn close_codes_not_allowed_on_the_wire_are_1002() {
    check_rule("invalid_close_code");
}

#[test]
fn a_one_byte_close_payload_is_1002() {
    check_rule("close_payload_too_short");
}

#[test]
fn a_frame_over_max_frame_size_is_1009_right_after_its_header() {
    check_rule("frame_too_large");
}

#[test]
fn a_message_over_max_message_size_is_1009_at_the_fragment_header_that_exceeds_it() {
    check_rule("message_too_large");
}

/// Feeds `input` byte by byte and returns the index of the byte at which the
/// read failed, or `None`.
fn failing_byte(role: Role, config: Config, input: &[u8]) -> Option<(usize, Error)> {
    let mut conn = connect(role, config);
    for (i, b) in input.iter().enumerate() {
        let mut buf = [*b];
        let mut off = 0;
        loop {
            match conn.read(&mut buf[off..]) {
                Ok(read) => {
                    off += read.consumed;
                    if read.event.is_none() {
                        break;
                    }
                }
                Err(e) => return Some((i, e)),
            }
        }
    }
    None
}

/// A violation is reported as soon as the byte that shows it arrives, not
/// when the frame or message ends. Each line: receiver, input, the error,
/// and the index of the byte that must trigger it.
#[test]
fn violations_are_reported_at_the_first_impossible_byte() {
    use Role::{Client, Server};
    let mut utf8_20 = vec![0x81, 20];
    utf8_20.extend_from_slice(KOSME);
    utf8_20.extend_from_slice(&[0xF4, 0x90]);
    let mut utf8_20_masked = vec![0x81, 0x80 | 20];
    utf8_20_masked.extend_from_slice(&MASK);
    let mut payload = KOSME.to_vec();
    payload.extend_from_slice(&[0xF4, 0x90]);
    xor_mask(&mut payload, MASK);
    utf8_20_masked.extend_from_slice(&payload);
    let table: Vec<(&str, Role, Vec<u8>, Error, usize)> = vec![
        ("reserved opcode", Client, vec![0x83], Error::Frame(FrameError::ReservedOpcode(3)), 0),
        ("RSV1", Client, vec![0xC1], Error::Frame(FrameError::ReservedBits(0b100)), 0),
        ("control FIN=0", Client, vec![0x09], Error::Frame(FrameError::FragmentedControlFrame), 0),
        ("masked to client", Client, vec![0x81, 0x85], Error::Frame(FrameError::MaskedFrameFromServer), 1),
        ("unmasked to server", Server, vec![0x81, 0x05], Error::Frame(FrameError::UnmaskedFrameFromClient), 1),
        ("control 126 marker", Client, vec![0x89, 0x7E], Error::Frame(FrameError::ControlFrameTooLong(126)), 1),
        ("non-minimal 16-bit", Client, vec![0x82, 0x7E, 0x00, 0x7D], Error::Frame(FrameError::NonMinimalLength), 3),
        ("top bit", Client, vec![0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 0], Error::Frame(FrameError::LengthTopBitSet), 9),
        (
            "frame too large",
            Client,
            vec![0x82, 0x7E, 0x00, 200],
            Error::Frame(FrameError::FrameTooLarge { len: 200, max: 100 }),
            3,
        ),
        (
            "frame too large, 7-bit",
            Client,
            vec![0x82, 101],
            Error::Frame(FrameError::FrameTooLarge { len: 101, max: 100 }),
            1,
        ),
        (
            "frame too large, masked",
            Server,
            vec![0x82, 0xFE, 0x00, 200, 1, 2, 3, 4],
            Error::Frame(FrameError::FrameTooLarge { len: 200, max: 100 }),
            7,
        ),
        ("message too large", Client, vec![0x02, 6, 1, 1, 1, 1, 1, 1, 0x80, 5], Error::MessageTooLarge { max: 10 }, 9),
        ("continuation", Client, vec![0x80, 0x00], Error::UnexpectedContinuation, 1),
        ("new text in message", Client, vec![0x01, 0x00, 0x81, 0x00], Error::ExpectedContinuation, 3),
        // Autobahn 6.4.3/6.4.4: a frame declaring 20 bytes; after "κόσμε",
        // F4 90 can never be valid UTF-8 (above U+10FFFF).
        ("UTF-8 in a 20-byte frame", Client, utf8_20.clone(), Error::InvalidUtf8, utf8_20.len() - 1),
        (
            "UTF-8 in a 20-byte masked frame",
            Server,
            utf8_20_masked.clone(),
            Error::InvalidUtf8,
            utf8_20_masked.len() - 1,
        ),
        ("UTF-8 across fragments", Client, vec![0x01, 0x01, 0xF4, 0x00, 0x03, 0x90], Error::InvalidUtf8, 5),
        ("surrogate", Client, vec![0x81, 0x03, 0xED, 0xA0], Error::InvalidUtf8, 3),
    ];
    for delivery in [Delivery::Messages, Delivery::Chunks, Delivery::Frames] {
        for (name, role, input, error, at) in &table {
            let mut config = Config::default();
            config.delivery = delivery;
            match error {
                Error::Frame(FrameError::FrameTooLarge { .. }) => config.max_frame_size = 100,
                Error::MessageTooLarge { .. } => config.max_message_size = 10,
                _ => {}
            }
            if delivery != Delivery::Messages && matches!(error, Error::MessageTooLarge { .. }) {
                continue; // The message limit does not apply to chunks or frames.
            }
            let got = failing_byte(*role, config, input);
            let (index, err) = got.unwrap_or_else(|| panic!("{name} ({delivery:?}): no error"));
            assert!(error_matches(error, &err), "{name} ({delivery:?}): expected {error:?}, got {err:?}");
            assert_eq!(index, *at, "{name} ({delivery:?}): error at byte {index}, expected at byte {at}");
        }
    }
}

/// Autobahn 6.4.3 in the shape of the brief: the header declares 20 bytes
/// and one read brings only a prefix that already contains F4 90. The error
/// comes from that read, with 7 bytes of the frame still missing.
#[test]
fn invalid_utf8_fails_fast_before_the_frame_is_complete() {
    for delivery in [Delivery::Messages, Delivery::Chunks, Delivery::Frames] {
        let mut config = Config::default();
        config.delivery = delivery;
        let mut conn = connect(Role::Client, config);
        let mut input = vec![0x81, 20];
        input.extend_from_slice(KOSME);
        let len = input.len();
        let r = conn.read(&mut input).unwrap();
        assert_eq!(r.consumed, len, "{delivery:?}");
        if delivery == Delivery::Messages {
            assert!(r.event.is_none(), "{delivery:?}: no event while the frame is incomplete");
        }
        let mut rest = [0xF4, 0x90];
        assert_eq!(conn.read(&mut rest).map(|r| r.consumed).unwrap_err(), Error::InvalidUtf8, "{delivery:?}");
        let close = parse_frames(conn.sender().pending());
        assert_eq!(close.last().unwrap().close_code(), Some(1007));
    }
}
