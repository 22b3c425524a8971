//! The close handshake (RFC 6455 §5.5.1, §7), the auto-pong and auto
//! close-reply policies, EOF, and local misuse.

mod core_common;

use core_common::*;
use wsproto::{CloseCode, Config, Connection, MessageKind, Role, State, TransportAction, UsageError};
use wsproto_testkit::conn::{peer_of, take_pending as drain};

/// RFC 6455 §7.1.1: "the server ... SHOULD close the underlying TCP
/// connection first"; the client waits for it.
fn closing_action(role: Role) -> TransportAction {
    match role {
        Role::Server => TransportAction::Close,
        Role::Client => TransportAction::WaitForPeerClose,
    }
}

#[test]
fn auto_pong_and_auto_close_reply_are_on_by_default() {
    let config = Config::default();
    assert!(config.auto_pong);
    assert!(config.auto_close_reply);
    assert!(!config.accept_unmasked_frames);
}

/// §5.5.1: "If an endpoint receives a Close frame and did not previously
/// send a Close frame, the endpoint MUST send a Close frame in response.
/// (When sending a Close frame in response, the endpoint typically echos
/// the status code it received.)"
#[test]
fn a_peer_close_is_answered_automatically_and_the_transport_closed_by_the_server() {
    for role in [Role::Client, Role::Server] {
        let mut conn = connect(role, Config::default());
        let out = run(&mut conn, &frame_to(role, 0x88, &close_payload(1000, b"bye")));
        assert_eq!(out.events, vec![Ev::close(1000, "bye")]);
        let reply = parse_frames(&out.output);
        assert_eq!(reply.len(), 1, "{role:?}");
        assert_eq!(reply[0].close_code(), Some(1000), "{role:?}: the code is echoed");
        assert_eq!(reply[0].mask.is_some(), role == Role::Client);
        assert_eq!(conn.state(), State::Closed, "{role:?}: both Close frames exchanged");
        // Only once pending() is drained.
        assert_eq!(conn.transport_action(), TransportAction::Continue, "{role:?}");
        conn.sender().advance(1).unwrap();
        assert_eq!(conn.transport_action(), TransportAction::Continue, "{role:?}: partly written");
        drain(&mut conn);
        assert_eq!(conn.transport_action(), closing_action(role), "{role:?}");
        // After the close handshake, EOF is clean: no event.
        assert_eq!(conn.read_eof(), Ok(None));
    }
}

/// §7.4.1/§7.4.2: every code that may appear on the wire is accepted and
/// echoed (table in `core_common::valid_cases`).
#[test]
fn valid_close_codes_are_accepted_and_echoed() {
    for case in valid_cases().into_iter().filter(|c| c.rule == "valid_close_code") {
        let mut conn = connect(case.role, case.config);
        let out = run(&mut conn, &case.input);
        assert_eq!(out.result, Ok(()), "{}", case.name);
        assert_eq!(out.events, case.events, "{}", case.name);
        let Ev::Close(code, _) = case.events[0] else { unreachable!() };
        assert_eq!(parse_frames(&out.output)[0].close_code(), Some(code), "{}: echoed", case.name);
    }
}

/// §7.1.5: a Close frame without a status code is reported as 1005; the
/// reply then carries no code either (1005 may not be sent, §7.4.1).
#[test]
fn an_empty_close_is_1005_and_answered_with_an_empty_close() {
    let mut conn = server();
    let out = run(&mut conn, &frame_to(Role::Server, 0x88, b""));
    assert_eq!(out.events, vec![Ev::close(1005, "")]);
    assert_eq!(out.output, vec![0x88, 0x00]);
}

#[test]
fn with_auto_close_reply_off_nothing_is_queued_and_the_state_stays_closing_until_send_close() {
    for role in [Role::Client, Role::Server] {
        let mut config = Config::default();
        config.auto_close_reply = false;
        let mut conn = connect(role, config);
        let out = run(&mut conn, &frame_to(role, 0x88, &close_payload(1001, b"going")));
        assert_eq!(out.events, vec![Ev::close(1001, "going")]);
        assert!(out.output.is_empty(), "{role:?}: nothing queued");
        assert_eq!(conn.state(), State::Closing);
        assert_eq!(conn.transport_action(), TransportAction::Continue);
        conn.sender().send_close(CloseCode::GOING_AWAY, "me too").unwrap();
        assert_eq!(conn.state(), State::Closed);
        let frames = parse_frames(&drain(&mut conn));
        assert_eq!(frames[0].close_code(), Some(1001));
        assert_eq!(&frames[0].payload[2..], b"me too");
        assert_eq!(conn.transport_action(), closing_action(role));
    }
}

#[test]
fn with_auto_pong_off_a_ping_is_delivered_but_not_answered() {
    let mut config = Config::default();
    config.auto_pong = false;
    let mut conn = connect(Role::Server, config);
    let out = run(&mut conn, &frame_to(Role::Server, 0x89, b"hi"));
    assert_eq!(out.events, vec![Ev::Ping(b"hi".to_vec())]);
    assert!(out.output.is_empty());
    // Answered by hand, with the payload the event carried.
    conn.sender().send_pong(b"hi").unwrap();
    assert_eq!(conn.sender().pending(), &[0x8A, 0x02, b'h', b'i']);
    // With the default on, the Pong is queued before the event is returned.
    let mut conn = server();
    let mut buf = frame_to(Role::Server, 0x89, b"hi");
    let read = conn.read(&mut buf).unwrap();
    assert_eq!(read.sender.pending(), &[0x8A, 0x02, b'h', b'i']);
}

/// §5.5.1: "After sending a Close frame, the endpoint MUST NOT send any
/// more data frames." It may still receive them until the peer's Close.
#[test]
fn after_our_close_nothing_more_is_sent_but_data_is_still_received() {
    for role in [Role::Client, Role::Server] {
        let mut conn = connect(role, Config::default());
        conn.sender().send_close(CloseCode::NORMAL, "done").unwrap();
        assert_eq!(conn.state(), State::Closing);
        let pending = conn.sender().pending().to_vec();
        let tx = conn.sender();
        assert_eq!(tx.send_text("more"), Err(UsageError::AlreadyClosing));
        assert_eq!(tx.send_binary(b"more"), Err(UsageError::AlreadyClosing));
        assert_eq!(tx.send_ping(b""), Err(UsageError::AlreadyClosing));
        assert_eq!(tx.send_pong(b""), Err(UsageError::AlreadyClosing));
        assert_eq!(tx.begin_message(MessageKind::Text, b"a"), Err(UsageError::AlreadyClosing));
        assert_eq!(tx.send_close(CloseCode::NORMAL, ""), Err(UsageError::AlreadyClosing));
        assert_eq!(tx.pending(), &pending[..], "{role:?}: nothing queued");
        assert_eq!(conn.state(), State::Closing);

        // Data and a Ping from the peer still arrive; the Ping is not
        // answered any more (no Pong after our Close).
        let input = cat(&[&frame_to(role, 0x81, b"late"), &frame_to(role, 0x89, b"p")]);
        let out = run(&mut conn, &input);
        assert_eq!(out.events, vec![Ev::text("late"), Ev::Ping(b"p".to_vec())]);
        assert_eq!(out.output, pending, "{role:?}: no Pong after our Close");

        // The peer's Close completes the handshake; no second Close.
        let out = run(&mut conn, &frame_to(role, 0x88, &close_payload(1000, b"")));
        assert_eq!(out.events, vec![Ev::close(1000, "")]);
        assert_eq!(out.output, pending, "{role:?}: no second Close");
        assert_eq!(conn.state(), State::Closed);
        assert_eq!(conn.transport_action(), TransportAction::Continue);
        drain(&mut conn);
        assert_eq!(conn.transport_action(), closing_action(role));
        // Bytes after the peer's Close are ignored (§5.5.1).
        assert_eq!(run(&mut conn, &frame_to(role, 0x81, b"x")).events, vec![]);
    }
}

/// §7.1.5: "If _The WebSocket Connection is Closed_ and no Close control
/// frame was received by the endpoint ... _The WebSocket Connection Close
/// Code_ is considered to be 1006."
#[test]
fn eof_before_the_close_handshake_is_a_1006_close() {
    for role in [Role::Client, Role::Server] {
        type Setup = fn(&mut Connection, Role);
        let setups: [(&str, Setup); 4] = [
            ("idle", |_, _| {}),
            ("mid-message", |c, r| assert_eq!(run(c, &frame_to(r, 0x01, b"half")).result, Ok(()))),
            ("mid-frame", |c, r| assert_eq!(run(c, &frame_to(r, 0x81, b"half")[..3]).result, Ok(()))),
            ("after our Close", |c, _| c.sender().send_close(CloseCode::NORMAL, "").unwrap()),
        ];
        for (name, setup) in setups {
            let mut conn = connect(role, Config::default());
            setup(&mut conn, role);
            let event = conn.read_eof().unwrap().map(|e| owned(&e));
            assert_eq!(event, Some(Ev::close(1006, "")), "{role:?} {name}");
            assert_eq!(conn.state(), State::Closed, "{role:?} {name}");
            drain(&mut conn);
            assert_eq!(conn.transport_action(), TransportAction::Close, "{role:?} {name}");
            assert_eq!(conn.read_eof(), Ok(None), "{role:?} {name}: reported once");
        }
    }
}

/// Local misuse is a `UsageError`: nothing is queued and the state does
/// not change. Each line: what, the call, the error.
#[test]
fn local_misuse_is_a_usage_error_and_changes_nothing() {
    for role in [Role::Client, Role::Server] {
        for (name, call, expected) in misuse_table() {
            check_misuse(role, false, name, call, expected);
        }
        for (name, call, expected) in misuse_with_fragment_open_table() {
            check_misuse(role, true, name, call, expected);
        }
    }
}

type Call = fn(&mut Connection) -> Result<(), UsageError>;

fn misuse_table() -> Vec<(&'static str, Call, UsageError)> {
    vec![
        // §5.5: "All control frames MUST have a payload length of 125 bytes
        // or less".
        ("pong of 126 bytes", |c| c.sender().send_pong(&[0; 126]), UsageError::ControlPayloadTooLong),
        ("ping of 126 bytes", |c| c.sender().send_ping(&[0; 126]), UsageError::ControlPayloadTooLong),
        (
            "close reason of 124 bytes",
            |c| c.sender().send_close(CloseCode::NORMAL, &"r".repeat(124)),
            UsageError::ControlPayloadTooLong,
        ),
        // §7.4.1: 1005, 1006, 1015 "MUST NOT be set as a status code in a
        // Close control frame by an endpoint".
        ("close code 1005", |c| c.sender().send_close(CloseCode::NO_STATUS, ""), UsageError::InvalidCloseCode(1005)),
        ("close code 1006", |c| c.sender().send_close(CloseCode::ABNORMAL, ""), UsageError::InvalidCloseCode(1006)),
        (
            "close code 1015",
            |c| c.sender().send_close(CloseCode::TLS_HANDSHAKE, ""),
            UsageError::InvalidCloseCode(1015),
        ),
        ("close code 999", |c| c.sender().send_close(CloseCode(999), ""), UsageError::InvalidCloseCode(999)),
        ("close code 1004", |c| c.sender().send_close(CloseCode(1004), ""), UsageError::InvalidCloseCode(1004)),
        ("close code 2999", |c| c.sender().send_close(CloseCode(2999), ""), UsageError::InvalidCloseCode(2999)),
        ("close code 5000", |c| c.sender().send_close(CloseCode(5000), ""), UsageError::InvalidCloseCode(5000)),
        (
            "advance past pending",
            |c| {
                let n = c.sender().pending_len();
                c.sender().advance(n + 1)
            },
            UsageError::AdvancedPastPending,
        ),
        ("continue without begin", |c| c.sender().continue_message(b"x"), UsageError::FragmentOutOfOrder),
        ("finish without begin", |c| c.sender().finish_message(b"x"), UsageError::FragmentOutOfOrder),
        (
            "invalid UTF-8 text fragment",
            |c| c.sender().begin_message(MessageKind::Text, &[0xC0]),
            UsageError::InvalidUtf8,
        ),
    ]
}

/// Misuse while one of our fragmented messages is open.
fn misuse_with_fragment_open_table() -> Vec<(&'static str, Call, UsageError)> {
    vec![
        ("send_text inside a fragmented message", |c| c.sender().send_text("x"), UsageError::FragmentOutOfOrder),
        (
            "begin inside a fragmented message",
            |c| c.sender().begin_message(MessageKind::Binary, b""),
            UsageError::FragmentOutOfOrder,
        ),
        ("text fragment ending mid-character", |c| c.sender().finish_message(&[0xE2, 0x82]), UsageError::InvalidUtf8),
        ("invalid UTF-8 in a middle fragment", |c| c.sender().continue_message(&[0xFF]), UsageError::InvalidUtf8),
    ]
}

fn check_misuse(role: Role, with_fragment_open: bool, name: &str, call: Call, expected: UsageError) {
    let mut conn = connect(role, Config::default());
    conn.sender().send_text("queued").unwrap();
    if with_fragment_open {
        conn.sender().begin_message(MessageKind::Text, b"open").unwrap();
    }
    let pending = conn.sender().pending().to_vec();
    let state = conn.state();
    assert_eq!(call(&mut conn), Err(expected), "{role:?}: {name}");
    assert_eq!(conn.sender().pending(), &pending[..], "{role:?}: {name} changed the queue");
    assert_eq!(conn.state(), state, "{role:?}: {name} changed the state");
    // The connection still works.
    if with_fragment_open {
        conn.sender().finish_message(b"!").unwrap();
    }
    conn.sender().send_close(CloseCode::NORMAL, "").unwrap();
    let mut peer = connect(peer_of(role), Config::default());
    let out = run(&mut peer, conn.sender().pending());
    assert_eq!(out.result, Ok(()), "{role:?}: {name}");
    let mut expect = vec![Ev::text("queued")];
    if with_fragment_open {
        expect.push(Ev::text("open!"));
    }
    expect.push(Ev::close(1000, ""));
    assert_eq!(out.events, expect, "{role:?}: {name}");
}

/// The boundaries that are allowed: a 125-byte Pong, a 123-byte reason,
/// codes 1000 and 4999.
#[test]
fn the_largest_allowed_control_payloads_are_accepted() {
    let mut conn = server();
    conn.sender().send_pong(&[1; 125]).unwrap();
    conn.sender().send_ping(&[2; 125]).unwrap();
    conn.sender().send_close(CloseCode(4999), &"r".repeat(123)).unwrap();
    let frames = parse_frames(conn.sender().pending());
    assert_eq!(frames.len(), 3);
    assert_eq!(frames[2].payload.len(), 125);
    assert_eq!(frames[2].close_code(), Some(4999));
}

#[test]
fn the_state_goes_open_closing_closed() {
    let mut conn = server();
    assert_eq!(conn.state(), State::Open);
    assert_eq!(conn.transport_action(), TransportAction::Continue);
    conn.sender().send_close(CloseCode::NORMAL, "").unwrap();
    assert_eq!(conn.state(), State::Closing);
    drain(&mut conn);
    assert_eq!(conn.transport_action(), TransportAction::Continue, "waiting for the peer's Close");
    run(&mut conn, &frame_to(Role::Server, 0x88, &close_payload(1000, b""))).result.unwrap();
    assert_eq!(conn.state(), State::Closed);
    assert_eq!(conn.transport_action(), TransportAction::Close);
}
