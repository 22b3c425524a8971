//! The connection API around the pipeline: answering a request inside the
//! match arm of its event, the read-only view of what is pending,
//! `is_mid_message` on both input paths, and connections opened on a
//! handshake done elsewhere.

use wsproto::handshake::{AcceptOptions, Negotiated, ServerConfig};
use wsproto::{ChaChaRng, Config, Connection, Event, Message, Received, Role, State, TransportAction, UsageError};

const UPGRADE: &[u8] = b"GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n\
Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\
Sec-WebSocket-Protocol: chat, superchat\r\n\r\n";

/// A masked text frame, as a client sends it.
fn masked_text(text: &str) -> Vec<u8> {
    let key = [1, 2, 3, 4];
    let mut frame = vec![0x81, 0x80 | text.len() as u8];
    frame.extend_from_slice(&key);
    frame.extend(text.bytes().enumerate().map(|(i, b)| b ^ key[i % 4]));
    frame
}

#[test]
fn a_server_accepts_inside_the_match_arm_with_a_subprotocol_taken_from_the_request() {
    let mut conn = Connection::server(Config::default(), ServerConfig::default());
    let mut input = UPGRADE.to_vec();
    input.extend_from_slice(&masked_text("hi"));
    let mut received = conn.read(&mut input).unwrap();
    let consumed = received.consumed;
    match received.event {
        Some(Event::UpgradeRequest(request)) => {
            let chosen = request.protocols().find(|p| *p == "superchat").unwrap();
            received.accept(&AcceptOptions::new().protocol(chosen)).unwrap();
            // A second answer is refused and changes nothing.
            assert_eq!(received.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
            assert_eq!(received.respond(404, "Not Found", &[], b""), Err(UsageError::WrongState));
        }
        other => panic!("expected the upgrade request, got {other:?}"),
    }
    assert_eq!(conn.state(), State::Open);
    let response = String::from_utf8(conn.pending().to_vec()).unwrap();
    assert!(response.starts_with("HTTP/1.1 101 Switching Protocols\r\n"), "{response}");
    assert!(response.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), "{response}");
    assert!(response.contains("Sec-WebSocket-Protocol: superchat\r\n"), "{response}");
    // The connection method agrees that the request is answered.
    assert_eq!(conn.accept(&AcceptOptions::new()), Err(UsageError::WrongState));

    let rest = &mut input[consumed..];
    let read = conn.read(rest).unwrap();
    let Some(Event::HandshakeComplete(n)) = read.event else { panic!("no HandshakeComplete") };
    assert_eq!(n.protocol.as_deref(), Some("superchat"));
    assert_eq!(conn.negotiated().protocol.as_deref(), Some("superchat"));
    let read = conn.read(rest).unwrap();
    assert_eq!(read.event, Some(Event::Message(Message::Text("hi"))));
}

#[test]
fn a_server_responds_inside_the_match_arm_to_upgrade_and_plain_requests() {
    let mut conn = Connection::server(Config::default(), ServerConfig::default());
    let mut input = UPGRADE.to_vec();
    let mut received = conn.read(&mut input).unwrap();
    assert!(matches!(received.event, Some(Event::UpgradeRequest(_))));
    received.respond(401, "Unauthorized", &[("WWW-Authenticate", "Bearer")], b"no").unwrap();
    assert_eq!(conn.state(), State::Closed);
    assert!(conn.pending().starts_with(b"HTTP/1.1 401 Unauthorized\r\n"));
    assert_eq!(conn.sender().send_text("x"), Err(UsageError::NotOpen));

    let mut conn = Connection::server(Config::default(), ServerConfig::default());
    let mut input = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n".to_vec();
    let mut received = conn.read(&mut input).unwrap();
    assert!(matches!(received.event, Some(Event::HttpRequest(_))));
    // A plain HTTP request cannot be upgraded.
    assert_eq!(received.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
    received.respond(200, "OK", &[("Content-Type", "text/html")], b"<p>page</p>").unwrap();
    assert_eq!(conn.state(), State::Closed);
    let n = conn.pending().len();
    conn.sender().advance(n).unwrap();
    assert_eq!(conn.transport_action(), TransportAction::Close);
}

#[test]
fn only_request_events_carry_an_answer() {
    let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    let mut input = masked_text("x");
    let mut received: Received<'_> = conn.read(&mut input).unwrap();
    assert!(matches!(received.event, Some(Event::Message(_))));
    assert_eq!(received.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
    assert_eq!(received.respond(200, "OK", &[], b""), Err(UsageError::WrongState));
}

#[test]
fn pending_and_transport_action_read_together_without_a_mutable_borrow() {
    let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    conn.sender().send_close(wsproto::CloseCode::NORMAL, "bye").unwrap();
    let conn_ref = &conn;
    assert!(!conn_ref.pending().is_empty() && conn_ref.transport_action() == TransportAction::Continue);
    assert_eq!(conn_ref.pending(), b"\x88\x05\x03\xe8bye");
}

#[test]
fn is_mid_message_while_a_frame_is_held_on_every_input_path() {
    let frame = masked_text("hello, world");
    for cut in 1..frame.len() {
        // The caller's buffer: a partial frame is taken into the connection.
        let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
        let mut head = frame[..cut].to_vec();
        let read = conn.read(&mut head).unwrap();
        assert_eq!((read.consumed, read.event), (cut, None));
        assert!(conn.is_mid_message(), "read path, cut at {cut}");

        // The connection's own buffer: the frame is held there until whole.
        let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
        conn.feed(&frame[..cut]);
        assert_eq!(conn.poll().unwrap().event, None);
        assert!(conn.is_mid_message(), "poll path, cut at {cut}");
        conn.feed(&frame[cut..]);
        assert_eq!(conn.poll().unwrap().event, Some(Event::Message(Message::Text("hello, world"))));
        assert!(!conn.is_mid_message(), "poll path, after the message");
    }
}

#[test]
fn connections_opened_elsewhere_carry_their_negotiation_and_refuse_extensions_they_cannot_run() {
    let conn = Connection::open_server(Config::default(), Negotiated::with_protocol("chat")).unwrap();
    assert_eq!(conn.negotiated().protocol.as_deref(), Some("chat"));
    assert_eq!((conn.role(), conn.state()), (Role::Server, State::Open));
    let client =
        Connection::open_client(Config::default(), Negotiated::with_protocol("chat"), ChaChaRng::from_seed([1; 32]))
            .unwrap();
    assert_eq!(client.negotiated().protocol.as_deref(), Some("chat"));

    // permessage-deflate runs only with the `deflate` feature; anything
    // else is refused in every build.
    let deflate = Negotiated { protocol: None, extensions: vec!["permessage-deflate".into()] };
    let runs_deflate = cfg!(feature = "deflate");
    assert_eq!(Connection::open_server(Config::default(), deflate.clone()).is_ok(), runs_deflate);
    assert_eq!(
        Connection::open_client(Config::default(), deflate, ChaChaRng::from_seed([1; 32])).is_ok(),
        runs_deflate
    );
    use wsproto::handshake::OptionsError::{InvalidExtension, UnsupportedExtension};
    let bad_params = if runs_deflate { InvalidExtension } else { UnsupportedExtension };
    for (refused, why) in [
        ("x-webkit-deflate-frame", UnsupportedExtension),
        // A response must give client_max_window_bits a value.
        ("permessage-deflate; client_max_window_bits", bad_params.clone()),
        ("permessage-deflate; bogus", bad_params),
    ] {
        let n = Negotiated { protocol: None, extensions: vec![refused.into()] };
        assert_eq!(Connection::open_server(Config::default(), n).err(), Some(UsageError::Options(why)), "{refused}");
    }
}
