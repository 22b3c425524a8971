//! The opening handshake through the `Connection` API, in both roles: a
//! client and a server back to back, frames that share a read or a write with
//! the handshake, chunking invariance of both directions on both read paths,
//! server faults with their ready HTTP answers, plain HTTP requests and
//! answers, misuse, EOF, and the browser requests of the seed documents
//! (`tests/fixtures/seeds`).

mod core_common;

use wsproto::FrameError;

use core_common::{cat, close_payload, frame, parse_frames, pieces, splits, Path, XorShift, MASK};
use wsproto::handshake::{
    accept_key, AcceptOptions, ClientOptions, Limits, Negotiated, OptionsError, OriginPolicy, RequestError,
    ResponseError, ServerConfig, UpgradeRequest, WsUri,
};
use wsproto::{
    ChaChaRng, CloseCode, Config, Connection, Error, Event, MessageKind, State, TransportAction, UsageError,
};
use wsproto_testkit::alloc::{measure, Counting};
use wsproto_testkit::cuts;
use wsproto_testkit::events::{owned, Ev};
use wsproto_testkit::fixtures;
use wsproto_testkit::http::{crlf, head_end, head_header};
use wsproto_testkit::pair::{self, Endpoint};

// ------------------------------------------------------- allocation counting

/// Counts the bytes allocated and freed on each thread, so a test can check
/// how much memory a connection held at its peak while it was fed.
#[global_allocator]
static ALLOCATOR: Counting = Counting::new();

// ------------------------------------------------------------------- helpers

fn text(s: &str) -> Ev {
    Ev::text(s)
}

fn close(code: u16, reason: &str) -> Ev {
    Ev::close(code, reason)
}

fn negotiated(protocol: Option<&str>, extensions: &[&str]) -> Negotiated {
    Negotiated {
        protocol: protocol.map(str::to_string),
        extensions: extensions.iter().map(|e| e.to_string()).collect(),
    }
}

fn as_text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("HTTP head is UTF-8 here")
}

/// The length of an HTTP head, blank line included.
fn head_len(bytes: &[u8]) -> usize {
    head_end(bytes).expect("no end of head")
}

const URI: &str = "ws://example.com:9001/chat?room=1&x=2";

/// What the back-to-back client offers.
fn client_options() -> ClientOptions {
    ClientOptions::new()
        .origin("https://example.com")
        .protocol("v2.chat")
        .protocol("chat")
        .protocol("superchat")
        .header("Cookie", "sid=1")
        .header("User-Agent", "wsproto-test")
}

/// What the back-to-back server chooses.
fn accept_options() -> AcceptOptions {
    AcceptOptions::new().protocol("chat").header("Set-Cookie", "sid=2; HttpOnly")
}

fn expected_negotiated() -> Negotiated {
    negotiated(Some("chat"), &[])
}

fn new_client(seed: u8) -> Connection {
    let uri = WsUri::parse(URI).unwrap();
    Connection::client(&uri, &client_options(), Config::default(), ChaChaRng::from_seed([seed; 32])).unwrap()
}

fn plain_client(options: &ClientOptions, seed: u8) -> Connection {
    let uri = WsUri::parse("ws://example.com/chat").unwrap();
    Connection::client(&uri, options, Config::default(), ChaChaRng::from_seed([seed; 32])).unwrap()
}

fn new_server() -> Connection {
    Connection::server(Config::default(), ServerConfig::new())
}

/// A valid upgrade request (RFC 6455 §1.2), with `\n` line ends, no final
/// blank line.
const BASE_REQUEST: &str = "GET /chat HTTP/1.1
Host: server.example.com
Upgrade: websocket
Connection: Upgrade
Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==
Sec-WebSocket-Version: 13
Origin: http://example.com";

const BASE_ACCEPT: &str = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

/// `BASE_REQUEST` with `extra` header lines, as CRLF bytes with the final
/// blank line.
fn base_request(extra: &str) -> Vec<u8> {
    let mut s = BASE_REQUEST.to_string();
    if !extra.is_empty() {
        s.push('\n');
        s.push_str(extra);
    }
    s.push_str("\n\n");
    crlf(&s)
}

/// A valid upgrade request padded with an `X-Pad` header to exactly `len`
/// bytes.
fn padded_request(len: usize) -> Vec<u8> {
    let bare = base_request("X-Pad: ");
    assert!(len >= bare.len());
    let req = base_request(&format!("X-Pad: {}", "a".repeat(len - bare.len())));
    assert_eq!(req.len(), len);
    req
}

/// A valid upgrade request with exactly `n` header fields.
fn request_with_headers(n: usize) -> Vec<u8> {
    let base_fields = BASE_REQUEST.lines().count() - 1;
    let extra: Vec<String> = (0..n - base_fields).map(|i| format!("X-H{i}: v")).collect();
    base_request(&extra.join("\n"))
}

/// Everything observable after running an input through a fresh endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    events: Vec<Ev>,
    result: Result<(), Error>,
    output: Vec<u8>,
    state: State,
    action: TransportAction,
}

fn run(mut ep: Endpoint, input: &[u8], lens: &[usize]) -> Outcome {
    let mut result = Ok(());
    for piece in pieces(input, lens) {
        result = ep.push(piece);
        if result.is_err() {
            break;
        }
    }
    Outcome {
        events: ep.events,
        result,
        output: ep.conn.sender().pending().to_vec(),
        state: ep.conn.state(),
        action: ep.conn.transport_action(),
    }
}

/// Runs `input` through endpoints made by `make` in every split (whole, byte
/// by byte, fixed sizes and seeded random splits) on both read paths, checks
/// that every run agrees with the whole-input zero-copy run, and returns it.
fn all_splits(name: &str, make: &dyn Fn(Path) -> Endpoint, input: &[u8]) -> Outcome {
    let mut reference: Option<Outcome> = None;
    for (split, lens) in splits(input.len()) {
        for path in [Path::ZeroCopy, Path::Buffered] {
            let outcome = run(make(path), input, &lens);
            match &reference {
                None => reference = Some(outcome),
                Some(expect) => {
                    assert_eq!(&outcome, expect, "`{name}`: split `{split}` via {path:?} differs from whole input")
                }
            }
        }
    }
    reference.unwrap()
}

/// Every way to queue a frame fails with one of `expected` and queues
/// nothing.
fn assert_cannot_send(conn: &mut Connection, expected: &[UsageError], context: &str) {
    let before = conn.sender().pending().to_vec();
    let s = conn.sender();
    let results = [
        ("send_text", s.send_text("x")),
        ("send_binary", s.send_binary(b"x")),
        ("send_ping", s.send_ping(b"x")),
        ("send_pong", s.send_pong(b"x")),
        ("send_close", s.send_close(CloseCode::NORMAL, "")),
        ("begin_message", s.begin_message(MessageKind::Text, b"x")),
        ("finish_message", s.finish_message(b"x")),
    ];
    for (name, r) in results {
        let Err(e) = r else { panic!("{context}: {name} succeeded") };
        // No message is open either, so finish_message may say so instead.
        let also_ok = name == "finish_message" && e == UsageError::FragmentOutOfOrder;
        assert!(expected.contains(&e) || also_ok, "{context}: {name} gave {e:?}, want one of {expected:?}");
    }
    assert_eq!(conn.sender().pending(), &before[..], "{context}: something was queued");
}

// ------------------------------------------------------------- back to back

/// The handshake step by step, then messages both ways and the close
/// handshake, with one piece per transfer. `client_closes` picks who starts
/// the close handshake.
fn back_to_back(path: Path, client_closes: bool) {
    let mut client = Endpoint::new(new_client(1), path);
    let mut server = Endpoint::new(new_server(), path);
    assert_eq!(client.conn.state(), State::Connecting);
    assert_eq!(server.conn.state(), State::Connecting);

    // The client's GET is queued at construction.
    let get = client.drain();
    let head = as_text(&get);
    assert!(head.starts_with("GET /chat?room=1&x=2 HTTP/1.1\r\n"), "{head}");
    assert!(head.ends_with("\r\n\r\n"), "{head}");
    assert_eq!(head_header(&get, "Host").as_deref(), Some("example.com:9001"));
    assert_eq!(head_header(&get, "Sec-WebSocket-Protocol").as_deref(), Some("v2.chat, chat, superchat"));
    let key = head_header(&get, "Sec-WebSocket-Key").unwrap();
    assert_eq!(client.conn.state(), State::Connecting);

    // The server reports the upgrade request and waits.
    server.push(&get).unwrap();
    let events = server.take_events();
    let [Ev::Upgrade(req)] = &events[..] else { panic!("expected one UpgradeRequest, got {events:?}") };
    assert_eq!(req.request().unwrap().method(), "GET");
    assert_eq!(req.request().unwrap().path(), "/chat");
    assert_eq!(req.request().unwrap().query(), Some("room=1&x=2"));
    assert_eq!(req.request().unwrap().header_str("host"), Some("example.com:9001"));
    assert_eq!(req.request().unwrap().header_str("origin"), Some("https://example.com"));
    assert_eq!(req.host(), "example.com:9001");
    assert_eq!(req.origin(), Some("https://example.com"));
    assert_eq!(req.key(), key);
    assert_eq!(req.protocols().collect::<Vec<_>>(), ["v2.chat", "chat", "superchat"]);
    // A `Connection` offers no extension it could not apply (extension
    // offers are reported below, from raw requests).
    assert!(req.extensions().next().is_none());
    let names: Vec<&str> = req.request().unwrap().headers().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "Host",
            "Upgrade",
            "Connection",
            "Sec-WebSocket-Key",
            "Sec-WebSocket-Version",
            "Origin",
            "Sec-WebSocket-Protocol",
            "Cookie",
            "User-Agent"
        ]
    );
    assert_eq!(req.request().unwrap().header_str("cookie"), Some("sid=1"));
    assert_eq!(req.request().unwrap().header_str("USER-AGENT"), Some("wsproto-test"));
    assert_eq!(server.conn.state(), State::Connecting);
    assert_eq!(server.conn.negotiated(), &Negotiated::default());
    assert_eq!(server.conn.sender().pending_len(), 0);
    // Until the application answers, reads report nothing.
    server.push(&[]).unwrap();
    assert_eq!(server.take_events(), []);

    // Accept with one subprotocol and a cookie.
    server.conn.accept(&accept_options()).unwrap();
    assert_eq!(server.conn.state(), State::Open);
    assert_eq!(server.conn.negotiated(), &expected_negotiated());
    let response = server.drain();
    let expected_response = format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {}\r\n\
         Sec-WebSocket-Protocol: chat\r\nSet-Cookie: sid=2; HttpOnly\r\n\r\n",
        accept_key(&key)
    );
    assert_eq!(as_text(&response), expected_response);
    // The server's next read reports HandshakeComplete.
    server.push(&[]).unwrap();
    assert_eq!(server.take_events(), [Ev::Complete(expected_negotiated())]);

    // The client reports the same negotiation.
    client.push(&response).unwrap();
    assert_eq!(client.take_events(), [Ev::Complete(expected_negotiated())]);
    assert_eq!(client.conn.state(), State::Open);
    assert_eq!(client.conn.negotiated(), &expected_negotiated());

    // Messages, client to server.
    let c = client.conn.sender();
    c.send_text("hello").unwrap();
    c.send_binary(&[0, 1, 2, 255]).unwrap();
    c.begin_message(MessageKind::Text, b"frag").unwrap();
    c.send_ping(b"mid").unwrap();
    c.continue_message(b"men").unwrap();
    c.finish_message("ted \u{2713}".as_bytes()).unwrap();
    c.begin_message(MessageKind::Binary, &[9; 200]).unwrap();
    c.finish_message(&[]).unwrap();
    let bytes = client.drain();
    assert!(parse_frames(&bytes).iter().all(|f| f.mask.is_some()), "client frames are masked");
    server.push(&bytes).unwrap();
    assert_eq!(
        server.take_events(),
        [
            text("hello"),
            Ev::Binary(vec![0, 1, 2, 255]),
            Ev::Ping(b"mid".to_vec()),
            text("fragmented \u{2713}"),
            Ev::Binary(vec![9; 200]),
        ]
    );

    // Messages, server to client (the auto-pong goes first).
    let s = server.conn.sender();
    s.send_text("h\u{e9}llo").unwrap();
    s.send_binary(&[7; 300]).unwrap();
    s.begin_message(MessageKind::Binary, b"ab").unwrap();
    s.finish_message(b"cd").unwrap();
    s.send_ping(b"p").unwrap();
    let bytes = server.drain();
    assert!(parse_frames(&bytes).iter().all(|f| f.mask.is_none()), "server frames are not masked");
    client.push(&bytes).unwrap();
    assert_eq!(
        client.take_events(),
        [
            Ev::Pong(b"mid".to_vec()),
            text("h\u{e9}llo"),
            Ev::Binary(vec![7; 300]),
            Ev::Binary(b"abcd".to_vec()),
            Ev::Ping(b"p".to_vec()),
        ]
    );
    server.push(&client.drain()).unwrap();
    assert_eq!(server.take_events(), [Ev::Pong(b"p".to_vec())]);

    // The close handshake.
    let (closer, replier) = if client_closes { (&mut client, &mut server) } else { (&mut server, &mut client) };
    closer.conn.sender().send_close(CloseCode::NORMAL, "bye").unwrap();
    assert_eq!(closer.conn.state(), State::Closing);
    replier.push(&closer.drain()).unwrap();
    assert_eq!(replier.take_events(), [close(1000, "bye")]);
    assert_eq!(replier.conn.state(), State::Closed);
    assert_eq!(replier.conn.transport_action(), TransportAction::Continue, "the reply is still pending");
    closer.push(&replier.drain()).unwrap();
    assert_eq!(closer.take_events(), [close(1000, "")]);
    for (name, ep) in [("client", &mut client), ("server", &mut server)] {
        assert_eq!(ep.conn.state(), State::Closed, "{name}");
        assert_eq!(ep.conn.sender().pending_len(), 0, "{name}");
    }
    // RFC 6455 §7.1.1: the server closes TCP first.
    assert_eq!(server.conn.transport_action(), TransportAction::Close);
    assert_eq!(client.conn.transport_action(), TransportAction::WaitForPeerClose);
    assert_eq!(client.conn.read_eof(), Ok(None));
    assert_eq!(server.conn.read_eof(), Ok(None));
}

#[test]
fn back_to_back_client_closes() {
    back_to_back(Path::ZeroCopy, true);
    back_to_back(Path::Buffered, true);
}

#[test]
fn back_to_back_server_closes() {
    back_to_back(Path::ZeroCopy, false);
    back_to_back(Path::Buffered, false);
}

/// A client and a server that move bytes to each other in pieces chosen by
/// a seeded splitter, the server accepting automatically. Each end's `wire`
/// records what it sent.
struct Pair {
    ends: pair::Pair,
    cut: Box<dyn FnMut(usize) -> Vec<usize>>,
}

impl std::ops::Deref for Pair {
    type Target = pair::Pair;
    fn deref(&self) -> &pair::Pair {
        &self.ends
    }
}

impl std::ops::DerefMut for Pair {
    fn deref_mut(&mut self) -> &mut pair::Pair {
        &mut self.ends
    }
}

impl Pair {
    fn new(path: Path, seed: u64, max_piece: usize) -> Pair {
        let client = Endpoint::new(new_client(1), path);
        let server = Endpoint::new(new_server(), path).accepting(accept_options());
        Pair { ends: pair::Pair::new(client, server), cut: Box::new(cuts::random(XorShift::new(seed), max_piece)) }
    }

    /// Moves bytes both ways until both ends are quiet.
    fn settle(&mut self) {
        self.ends.step_until_idle(&mut self.cut).expect("peer fault in a back-to-back pair");
    }

    /// The scripted session: handshake, messages both ways, close.
    fn script(&mut self) {
        self.settle();
        let c = self.client.conn.sender();
        c.send_text("one").unwrap();
        c.send_binary(&[1; 130]).unwrap();
        c.begin_message(MessageKind::Text, "\u{3ba}\u{1f3}".as_bytes()).unwrap();
        c.finish_message("\u{3c3}\u{3bc}\u{3b5}".as_bytes()).unwrap();
        c.send_ping(b"are you there").unwrap();
        self.settle();
        let s = self.server.conn.sender();
        s.send_text("two").unwrap();
        s.send_binary(&[2; 70_000]).unwrap();
        s.begin_message(MessageKind::Text, b"th").unwrap();
        s.continue_message(b"r").unwrap();
        s.finish_message(b"ee").unwrap();
        self.settle();
        self.client.conn.sender().send_close(CloseCode::GOING_AWAY, "done").unwrap();
        self.settle();
    }
}

fn expected_at_server() -> Vec<Ev> {
    vec![
        Ev::Upgrade(Box::new(upgrade_request_of_client())),
        Ev::Complete(expected_negotiated()),
        text("one"),
        Ev::Binary(vec![1; 130]),
        text("\u{3ba}\u{1f3}\u{3c3}\u{3bc}\u{3b5}"),
        Ev::Ping(b"are you there".to_vec()),
        close(1001, "done"),
    ]
}

fn expected_at_client() -> Vec<Ev> {
    vec![
        Ev::Complete(expected_negotiated()),
        Ev::Pong(b"are you there".to_vec()),
        text("two"),
        Ev::Binary(vec![2; 70_000]),
        text("three"),
        close(1001, ""),
    ]
}

/// The upgrade request the back-to-back client sends, as the server parses
/// it whole.
fn upgrade_request_of_client() -> UpgradeRequest {
    let mut client = new_client(1);
    let get = client.sender().pending().to_vec();
    let mut server = new_server();
    let mut buf = get.clone();
    let read = server.read(&mut buf).unwrap();
    assert_eq!(read.consumed, get.len());
    match read.event {
        Some(Event::UpgradeRequest(r)) => r.clone(),
        other => panic!("expected an upgrade request, got {other:?}"),
    }
}

#[test]
fn back_to_back_any_split_same_events() {
    let mut reference: Option<(Vec<u8>, Vec<u8>)> = None;
    for path in [Path::ZeroCopy, Path::Buffered] {
        for (seed, max_piece) in [(1, usize::MAX), (2, 1), (3, 2), (4, 5), (5, 17), (6, 200), (7, 4096)] {
            let mut pair = Pair::new(path, seed, max_piece);
            pair.script();
            let ctx = format!("{path:?}, seed {seed}, pieces up to {max_piece}");
            assert_eq!(pair.server.events, expected_at_server(), "server events, {ctx}");
            assert_eq!(pair.client.events, expected_at_client(), "client events, {ctx}");
            assert_eq!(pair.server.conn.transport_action(), TransportAction::Close, "{ctx}");
            assert_eq!(pair.client.conn.transport_action(), TransportAction::WaitForPeerClose, "{ctx}");
            // The bytes on the wire do not depend on how they were cut.
            let transcripts = (pair.client.wire.clone(), pair.server.wire.clone());
            match &reference {
                None => reference = Some(transcripts),
                Some(r) => assert_eq!(&transcripts, r, "transcripts, {ctx}"),
            }
        }
    }
}

#[test]
fn replayed_transcripts_any_split_same_events() {
    let mut pair = Pair::new(Path::ZeroCopy, 1, usize::MAX);
    pair.script();
    let (c2s, s2c) = (pair.client.wire.clone(), pair.server.wire.clone());

    // The client's side of the conversation, fed to a fresh server.
    let server = |path| Endpoint::new(new_server(), path).accepting(accept_options());
    let outcome = all_splits("client to server", &server, &c2s);
    assert_eq!(outcome.result, Ok(()));
    assert_eq!(outcome.events, pair.server.events);
    assert_eq!(outcome.state, State::Closed);
    let out = &outcome.output;
    let head = head_len(out);
    assert!(out.starts_with(b"HTTP/1.1 101 Switching Protocols\r\n"));
    let frames = parse_frames(&out[head..]);
    let kinds: Vec<u8> = frames.iter().map(|f| f.opcode).collect();
    assert_eq!(kinds, [0xA, 0x8], "the auto-pong and the close reply");
    assert_eq!(frames[1].close_code(), Some(1001));

    // The server's side, fed to a fresh client with the same seed (so the
    // same key).
    let client = |path| Endpoint::new(new_client(1), path);
    let outcome = all_splits("server to client", &client, &s2c);
    assert_eq!(outcome.result, Ok(()));
    assert_eq!(outcome.events, pair.client.events);
}

// ------------------------------------------- frames sharing a read or write

#[test]
fn client_frames_in_the_same_read_as_the_request_survive_accept() {
    let get = new_client(1).sender().pending().to_vec();
    let frames =
        cat(&[&frame(0x81, b"early", Some(MASK)), &frame(0x89, b"p", Some(MASK)), &frame(0x82, &[5; 3], None)]);
    // The third frame is unmasked: a fault, but only after the first two.
    let input = cat(&[&get, &frames]);

    // Zero-copy: the request is consumed, the frames wait for accept.
    let mut server = new_server();
    let mut buf = input.clone();
    let read = server.read(&mut buf).unwrap();
    assert_eq!(read.consumed, get.len(), "the head ends at its blank line");
    assert!(matches!(read.event, Some(Event::UpgradeRequest(_))));
    let mut off = get.len();
    let read = server.read(&mut buf[off..]).unwrap();
    assert_eq!((read.consumed, read.event.is_none()), (0, true), "nothing is taken before the answer");
    server.accept(&AcceptOptions::new()).unwrap();
    let read = server.read(&mut buf[off..]).unwrap();
    assert_eq!(read.consumed, 0);
    assert_eq!(read.event.as_ref().map(owned), Some(Ev::Complete(Negotiated::default())));
    let read = server.read(&mut buf[off..]).unwrap();
    off += read.consumed;
    assert_eq!(read.event.as_ref().map(owned), Some(text("early")));
    let read = server.read(&mut buf[off..]).unwrap();
    assert_eq!(read.event.as_ref().map(owned), Some(Ev::Ping(b"p".to_vec())));
    off += read.consumed;
    assert_eq!(server.read(&mut buf[off..]).err(), Some(Error::Frame(FrameError::UnmaskedFrameFromClient)));
    let out = server.sender().pending().to_vec();
    let head = head_len(&out);
    assert!(out.starts_with(b"HTTP/1.1 101 "));
    let frames = parse_frames(&out[head..]);
    assert_eq!(frames.len(), 2, "{frames:?}");
    assert_eq!((frames[0].opcode, &frames[0].payload[..]), (0xA, &b"p"[..]));
    assert_eq!(frames[1].close_code(), Some(1002));

    // Both paths, fed at once: same events.
    for path in [Path::ZeroCopy, Path::Buffered] {
        let mut ep = Endpoint::new(new_server(), path).accepting(AcceptOptions::new());
        assert_eq!(ep.push(&input), Err(Error::Frame(FrameError::UnmaskedFrameFromClient)), "{path:?}");
        let events = ep.take_events();
        assert!(matches!(events[0], Ev::Upgrade(_)), "{path:?}");
        assert_eq!(events[1..], [Ev::Complete(Negotiated::default()), text("early"), Ev::Ping(b"p".to_vec())]);
        assert_eq!(ep.conn.sender().pending(), &out[..], "{path:?}");
    }
}

#[test]
fn client_frames_wait_while_the_application_decides() {
    // The buffered path: the frames are fed with the request, polled only
    // after accept, and more bytes may be fed meanwhile.
    let get = new_client(1).sender().pending().to_vec();
    let mut server = new_server();
    server.feed(&cat(&[&get, &frame(0x81, b"a", Some(MASK))]));
    let event = server.poll().unwrap().event.as_ref().map(owned);
    assert!(matches!(event, Some(Ev::Upgrade(_))), "{event:?}");
    for _ in 0..3 {
        let read = server.poll().unwrap();
        assert!(read.event.is_none());
    }
    server.feed(&frame(0x81, b"b", Some(MASK)));
    assert!(server.poll().unwrap().event.is_none());
    server.accept(&AcceptOptions::new()).unwrap();
    let mut events = Vec::new();
    while let Some(event) = server.poll().unwrap().event.as_ref().map(owned) {
        events.push(event);
    }
    assert_eq!(events, [Ev::Complete(Negotiated::default()), text("a"), text("b")]);
}

#[test]
fn server_frames_in_the_same_write_as_the_101_reach_the_client() {
    let mut client = new_client(2);
    let get = client.sender().pending().to_vec();
    client.sender().advance(get.len()).unwrap();
    let mut server = Endpoint::new(new_server(), Path::ZeroCopy).accepting(accept_options());
    server.push(&get).unwrap();
    // Frames queued right behind the 101, before anything is written.
    let s = server.conn.sender();
    s.send_text("welcome").unwrap();
    s.send_ping(b"hb").unwrap();
    s.send_binary(&[3; 126]).unwrap();
    s.send_close(CloseCode::NORMAL, "").unwrap();
    let written = server.drain();
    let head = head_len(&written);
    assert!(written.len() > head + 10, "frames follow the head");

    let expected = vec![
        Ev::Complete(expected_negotiated()),
        text("welcome"),
        Ev::Ping(b"hb".to_vec()),
        Ev::Binary(vec![3; 126]),
        close(1000, ""),
    ];
    // Zero-copy, by hand: HandshakeComplete consumes exactly the head.
    let mut buf = written.clone();
    let read = client.read(&mut buf).unwrap();
    assert_eq!(read.consumed, head);
    assert_eq!(read.event.as_ref().map(owned), Some(expected[0].clone()));
    for path in [Path::ZeroCopy, Path::Buffered] {
        let mut ep = Endpoint::new(new_client(2), path);
        ep.drain();
        ep.push(&written).unwrap();
        assert_eq!(ep.events, expected, "{path:?}");
        assert_eq!(ep.conn.state(), State::Closed, "{path:?}");
        let reply = parse_frames(ep.conn.sender().pending());
        let kinds: Vec<u8> = reply.iter().map(|f| f.opcode).collect();
        assert_eq!(kinds, [0xA, 0x8], "{path:?}: the auto-pong and the close reply");
    }
}

// ------------------------------------------------------------- server faults

/// A server fault: the request, the server settings, the error and its
/// status, and text the response must contain.
struct Fault {
    name: &'static str,
    input: Vec<u8>,
    config: ServerConfig,
    error: RequestError,
    status: u16,
    contains: &'static [&'static str],
}

fn fault(name: &'static str, input: Vec<u8>, error: RequestError, status: u16) -> Fault {
    Fault { name, input, config: ServerConfig::new(), error, status, contains: &[] }
}

impl Fault {
    fn config(mut self, config: ServerConfig) -> Fault {
        self.config = config;
        self
    }
    fn contains(mut self, contains: &'static [&'static str]) -> Fault {
        self.contains = contains;
        self
    }
}

fn same_request_error(a: &RequestError, b: &RequestError) -> bool {
    match (a, b) {
        // The detail of a malformed head depends on the HTTP parser.
        (RequestError::MalformedHttp(_), RequestError::MalformedHttp(_)) => true,
        _ => a == b,
    }
}

fn same_response_error(a: &ResponseError, b: &ResponseError) -> bool {
    match (a, b) {
        // The detail of a malformed head depends on the HTTP parser.
        (ResponseError::MalformedHttp(_), ResponseError::MalformedHttp(_)) => true,
        _ => a == b,
    }
}

fn server_faults() -> Vec<Fault> {
    use RequestError as E;
    let replace = |from: &str, to: &str| {
        let base = format!("{BASE_REQUEST}\n");
        assert!(base.contains(from), "{from:?}");
        crlf(&format!("{}\n", base.replace(from, to)))
    };
    let allow = || ServerConfig::new().origin_policy(OriginPolicy::allow_list(["https://good.example"]));
    vec![
        fault("not HTTP", crlf("HELLO THERE\n\n"), E::MalformedHttp(""), 400),
        fault("bad header line", base_request("no colon here"), E::MalformedHttp(""), 400),
        fault("key of 10 bytes", replace("dGhlIHNhbXBsZSBub25jZQ==", "dGhlIHNhbXBsZQ=="), E::InvalidKey, 400),
        fault("key without padding", replace("dGhlIHNhbXBsZSBub25jZQ==", "dGhlIHNhbXBsZSBub25jZQ"), E::InvalidKey, 400),
        fault("two keys", base_request("Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw=="), E::InvalidKey, 400),
        fault("no key", replace("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\n", ""), E::MissingKey, 400),
        fault("version 8", replace("Version: 13", "Version: 8"), E::UnsupportedVersion(Some(8)), 426)
            .contains(&["HTTP/1.1 426 Upgrade Required\r\n", "\r\nSec-WebSocket-Version: 13\r\n"]),
        fault("version 8 and 13", replace("Version: 13", "Version: 8, 13"), E::UnsupportedVersion(Some(8)), 426)
            .contains(&["\r\nSec-WebSocket-Version: 13\r\n"]),
        fault("no version", replace("Sec-WebSocket-Version: 13\n", ""), E::MissingVersion, 400)
            .contains(&["\r\nSec-WebSocket-Version: 13\r\n"]),
        fault("POST", replace("GET /chat", "POST /chat"), E::MethodNotGet, 400),
        fault("HTTP/1.0", replace("HTTP/1.1", "HTTP/1.0"), E::HttpVersion, 400),
        fault("no Host", replace("Host: server.example.com\n", ""), E::BadHost, 400),
        fault("two Hosts", base_request("Host: other.example"), E::BadHost, 400),
        fault("Upgrade: h2c", replace("Upgrade: websocket", "Upgrade: h2c"), E::UpgradeNotWebSocket, 400),
        fault(
            "Connection: keep-alive",
            replace("Connection: Upgrade", "Connection: keep-alive"),
            E::ConnectionNotUpgrade,
            400,
        ),
        fault(
            "repeated subprotocol",
            base_request("Sec-WebSocket-Protocol: chat, chat"),
            E::InvalidProtocolHeader,
            400,
        ),
        fault("bad extension list", base_request("Sec-WebSocket-Extensions: ;x"), E::InvalidExtensionHeader, 400),
        fault("origin not on the allow-list", base_request(""), E::OriginRejected, 403)
            .config(allow())
            .contains(&["HTTP/1.1 403 Forbidden\r\n"]),
        fault("origin required", replace("Origin: http://example.com\n", ""), E::MissingOrigin, 403)
            .config(ServerConfig::new().origin_policy(OriginPolicy::any().require_origin(true))),
        fault("head of 8193 bytes", padded_request(8193), E::HeadTooLarge { max: 8192 }, 431)
            .contains(&["HTTP/1.1 431 Request Header Fields Too Large\r\n"]),
        fault(
            "head without an end",
            crlf(&format!("GET / HTTP/1.1\nX: {}", "b".repeat(9000))),
            E::HeadTooLarge { max: 8192 },
            431,
        ),
        fault("65 header fields", request_with_headers(65), E::TooManyHeaders { max: 64 }, 431),
        fault("custom head limit", padded_request(300), E::HeadTooLarge { max: 256 }, 431)
            .config(ServerConfig::new().limits(Limits { max_head_bytes: 256, max_headers: 64 })),
        fault("custom header count", request_with_headers(9), E::TooManyHeaders { max: 8 }, 431)
            .config(ServerConfig::new().limits(Limits { max_head_bytes: 8192, max_headers: 8 })),
    ]
}

#[test]
fn server_faults_queue_their_http_answer() {
    for f in server_faults() {
        let name = f.name;
        let config = f.config.clone();
        let make = move |path| Endpoint::new(Connection::server(Config::default(), config.clone()), path);
        let outcome = all_splits(name, &make, &f.input);
        let Err(Error::Request(e)) = &outcome.result else { panic!("`{name}`: {:?}", outcome.result) };
        assert!(same_request_error(e, &f.error), "`{name}`: got {e:?}, want {:?}", f.error);
        assert_eq!(e.status(), f.status, "`{name}`");
        assert_eq!(outcome.events, [], "`{name}`");
        assert_eq!(outcome.state, State::Closed, "`{name}`");
        // The ready answer is exactly what is pending.
        assert_eq!(outcome.output, e.response(), "`{name}`");
        let response = as_text(&outcome.output);
        assert!(response.starts_with(&format!("HTTP/1.1 {} ", f.status)), "`{name}`: {response}");
        assert!(response.contains("\r\nConnection: close\r\n"), "`{name}`: {response}");
        let body = &outcome.output[head_len(&outcome.output)..];
        assert_eq!(head_header(&outcome.output, "Content-Length"), Some(body.len().to_string()), "`{name}`");
        for needle in f.contains {
            assert!(response.contains(needle), "`{name}`: {needle:?} not in {response}");
        }
        assert_eq!(outcome.action, TransportAction::Continue, "`{name}`: the answer is still to be written");

        // Sticky; the answer is written, then the transport closes.
        for path in [Path::ZeroCopy, Path::Buffered] {
            let mut ep = make(path);
            let err = ep.push(&f.input).unwrap_err();
            assert_eq!(Err(err.clone()), outcome.result, "`{name}` {path:?}");
            assert_eq!(ep.push(&base_request("")), Err(err.clone()), "`{name}` {path:?}: not sticky");
            assert_eq!(ep.push(&[]), Err(err.clone()), "`{name}` {path:?}: not sticky");
            assert_eq!(ep.conn.sender().pending(), &outcome.output[..], "`{name}` {path:?}: queued more");
            assert_cannot_send(&mut ep.conn, &[UsageError::NotOpen, UsageError::Failed], name);
            assert_eq!(ep.conn.accept(&AcceptOptions::new()), Err(UsageError::WrongState), "`{name}`");
            assert_eq!(ep.conn.respond(200, "OK", &[], b""), Err(UsageError::WrongState), "`{name}`");
            ep.drain();
            assert_eq!(ep.conn.state(), State::Closed, "`{name}`");
            assert_eq!(ep.conn.transport_action(), TransportAction::Close, "`{name}`");
            assert_eq!(ep.conn.read_eof(), Ok(None), "`{name}`: the failure was reported already");
            assert_eq!(ep.push(&[]), Err(err), "`{name}` {path:?}: not sticky after EOF");
        }
    }
}

#[test]
fn server_limits_are_inclusive() {
    // 8192 bytes and 64 header fields are accepted; one more is refused
    // (see the fault table).
    let cases = [("head of 8192 bytes", padded_request(8192)), ("64 header fields", request_with_headers(64))];
    for (name, input) in cases {
        let make = |path| Endpoint::new(new_server(), path).accepting(AcceptOptions::new());
        let outcome = all_splits(name, &make, &input);
        assert_eq!(outcome.result, Ok(()), "{name}");
        assert!(matches!(outcome.events[..], [Ev::Upgrade(_), Ev::Complete(_)]), "{name}: {:?}", outcome.events);
        assert_eq!(outcome.state, State::Open, "{name}");
    }
}

/// Feeds `source` in pieces through `path` until the connection fails, and
/// returns the error, how many bytes had been fed before the failing piece
/// and after it, and the peak heap growth on this thread meanwhile.
fn feed_until_error(conn: &mut Connection, source: &[u8], path: Path, seed: u64) -> (Error, usize, usize, isize) {
    let mut rng = XorShift::new(seed);
    let mut scratch = vec![0u8; 8192];
    let ((error, before, after), usage) = measure(|| {
        let mut fed = 0;
        while fed < source.len() {
            let n = rng.between1(4096).min(source.len() - fed);
            let piece = &source[fed..fed + n];
            let result = match path {
                Path::ZeroCopy => {
                    scratch[..n].copy_from_slice(piece);
                    conn.read(&mut scratch[..n]).map(|r| {
                        assert_eq!((r.consumed, r.event.is_none()), (n, true), "a partial head is taken whole");
                    })
                }
                Path::Buffered => {
                    conn.feed(piece);
                    conn.poll().map(|r| assert!(r.event.is_none()))
                }
            };
            if let Err(e) = result {
                return (e, fed, fed + n);
            }
            fed += n;
        }
        panic!("1 MiB of head bytes were taken without an error");
    });
    (error, before, after, usage.peak)
}

#[test]
fn oversized_head_fails_as_soon_as_the_limit_is_crossed() {
    let mut source = b"GET /chat HTTP/1.1\r\nHost: example.com\r\nX-Big: ".to_vec();
    source.resize(1 << 20, b'a');
    for path in [Path::ZeroCopy, Path::Buffered] {
        for seed in 1..=4 {
            let mut conn = new_server();
            let (error, before, after, peak) = feed_until_error(&mut conn, &source, path, seed);
            assert_eq!(error, Error::Request(RequestError::HeadTooLarge { max: 8192 }), "{path:?}");
            // Byte 8193 is the first one over the limit.
            assert!(before < 8193 && 8193 <= after, "{path:?} seed {seed}: failed in piece {before}..{after}");
            assert!(peak < 20 * 1024, "{path:?} seed {seed}: {peak} bytes held for an 8 KiB limit");
            assert!(conn.heap_size() < 16 * 1024, "{path:?}: heap_size {}", conn.heap_size());
            assert!(conn.sender().pending().starts_with(b"HTTP/1.1 431 "), "{path:?}");
            assert_eq!(conn.state(), State::Closed);
        }
    }
}

#[test]
fn too_many_headers_fail_as_soon_as_the_count_is_crossed() {
    let mut source = b"GET /chat HTTP/1.1\r\n".to_vec();
    while source.len() < 1 << 20 {
        source.extend_from_slice(b"X-A: b\r\n");
    }
    // The request line and 64 fields are allowed: the 65th field's line end
    // is the first byte over the count.
    let limit_byte = source.iter().enumerate().filter(|(_, &b)| b == b'\n').nth(65).unwrap().0 + 1;
    for path in [Path::ZeroCopy, Path::Buffered] {
        for seed in 1..=4 {
            let mut conn = new_server();
            let (error, before, after, peak) = feed_until_error(&mut conn, &source, path, seed);
            assert_eq!(error, Error::Request(RequestError::TooManyHeaders { max: 64 }), "{path:?}");
            assert!(before < limit_byte && limit_byte <= after, "{path:?} seed {seed}: failed in {before}..{after}");
            assert!(peak < 8 * 1024, "{path:?} seed {seed}: {peak} bytes held");
            assert!(conn.sender().pending().starts_with(b"HTTP/1.1 431 "), "{path:?}");
        }
    }
}

// ---------------------------------------------------------- plain HTTP

#[test]
fn plain_http_request_is_answered_and_closed() {
    let input = crlf("GET /index.html?lang=en HTTP/1.1\nHost: example.com\nAccept: text/html\nAccept: */*\n\n");
    let make = |path| Endpoint::new(new_server(), path);
    let outcome = all_splits("plain GET", &make, &input);
    assert_eq!(outcome.result, Ok(()));
    let [Ev::Http(req)] = &outcome.events[..] else { panic!("{:?}", outcome.events) };
    assert_eq!((req.method(), req.target(), req.version()), ("GET", "/index.html?lang=en", 1));
    assert_eq!(
        (req.path(), req.query(), req.header_str("Host")),
        ("/index.html", Some("lang=en"), Some("example.com"))
    );
    assert_eq!(req.headers_named("accept").collect::<Vec<_>>(), [&b"text/html"[..], b"*/*"]);
    assert_eq!(outcome.output, b"");
    assert_eq!(outcome.state, State::Connecting, "waiting for the answer");

    for path in [Path::ZeroCopy, Path::Buffered] {
        let mut ep = make(path);
        ep.push(&input).unwrap();
        // Not an upgrade: it cannot be accepted, and nothing can be sent.
        assert_eq!(ep.conn.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
        assert_cannot_send(&mut ep.conn, &[UsageError::NotOpen], "plain GET");
        // A bad answer changes nothing.
        let bad = [
            (ep.conn.respond(200, "OK", &[("X", "a\r\nSet-Cookie: evil")], b""), OptionsError::InvalidHeaderValue),
            (ep.conn.respond(200, "OK", &[("Content-Length", "1")], b""), OptionsError::ReservedHeader),
            (ep.conn.respond(101, "Switching Protocols", &[], b""), OptionsError::InvalidStatus(101)),
            (ep.conn.respond(200, "O\nK", &[], b""), OptionsError::InvalidHeaderValue),
        ];
        for (result, error) in bad {
            assert_eq!(result, Err(UsageError::Options(error)));
        }
        assert_eq!(ep.conn.sender().pending_len(), 0);
        assert_eq!(ep.conn.state(), State::Connecting);

        ep.conn.respond(200, "OK", &[("Content-Type", "text/html")], b"<html>").unwrap();
        assert_eq!(
            as_text(ep.conn.sender().pending()),
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\n<html>"
        );
        assert_eq!(ep.conn.state(), State::Closed);
        assert_eq!(ep.conn.transport_action(), TransportAction::Continue, "the page is still to be written");
        assert_eq!(ep.conn.respond(200, "OK", &[], b""), Err(UsageError::WrongState));
        assert_eq!(ep.conn.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
        ep.drain();
        assert_eq!(ep.conn.transport_action(), TransportAction::Close);
        // Further bytes are not read.
        ep.push(&base_request("")).unwrap();
        assert_eq!(ep.take_events(), [Ev::Http(req.clone())]);
        assert_eq!(ep.conn.sender().pending_len(), 0);
        assert_eq!(ep.conn.read_eof(), Ok(None));
        assert_eq!(ep.conn.state(), State::Closed);
    }
}

// ------------------------------------------------- answering upgrade requests

#[test]
fn respond_to_an_upgrade_request() {
    let mut client = plain_client(&ClientOptions::new().protocol("chat"), 4);
    let get = client.sender().pending().to_vec();
    client.sender().advance(get.len()).unwrap();
    let mut server = Endpoint::new(new_server(), Path::ZeroCopy);
    server.push(&get).unwrap();
    assert!(matches!(server.take_events()[..], [Ev::Upgrade(_)]));
    server.conn.respond(401, "Unauthorized", &[("WWW-Authenticate", "Basic realm=\"ws\"")], b"login first").unwrap();
    let answer = server.drain();
    assert_eq!(
        as_text(&answer),
        "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"ws\"\r\nContent-Length: 11\r\n\r\nlogin first"
    );
    assert_eq!(server.conn.state(), State::Closed);
    assert_eq!(server.conn.transport_action(), TransportAction::Close);
    assert_eq!(server.conn.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
    assert_cannot_send(&mut server.conn, &[UsageError::NotOpen], "after respond");

    // The client sees the answer as an HTTP response.
    let mut buf = answer.clone();
    let read = client.read(&mut buf).unwrap();
    assert_eq!(read.consumed, answer.len());
    let Some(Ev::Response(r)) = read.event.as_ref().map(owned) else { panic!("expected an HTTP response") };
    assert_eq!((r.status, r.reason.as_str(), r.version), (401, "Unauthorized", 1));
    assert_eq!(r.header("www-authenticate"), Some(&b"Basic realm=\"ws\""[..]));
    assert_eq!(r.body, b"login first");
    assert_eq!(client.state(), State::Closed);
    assert_eq!(client.transport_action(), TransportAction::Close);
}

#[test]
fn accept_with_a_bad_choice_changes_nothing() {
    // The request offers an extension; a `Connection` cannot build one that
    // does, so the header is added to its bytes.
    let get = plain_client(&ClientOptions::new().protocol("chat"), 5).sender().pending().to_vec();
    let get = as_text(&get).replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: x-foo; a=1\r\n\r\n").into_bytes();
    let mut server = Endpoint::new(new_server(), Path::Buffered);
    server.push(&get).unwrap();
    assert!(matches!(server.take_events()[..], [Ev::Upgrade(_)]));
    let bad: [(AcceptOptions, OptionsError); 7] = [
        (AcceptOptions::new().protocol("superchat"), OptionsError::ProtocolNotOffered),
        (AcceptOptions::new().protocol("CHAT"), OptionsError::ProtocolNotOffered),
        (AcceptOptions::new().extension("x-bar"), OptionsError::ExtensionNotOffered),
        // Offered, but the connection would have to apply it to every frame.
        (AcceptOptions::new().protocol("chat").extension("x-foo"), OptionsError::UnsupportedExtension),
        (AcceptOptions::new().protocol("chat").extension(";;"), OptionsError::InvalidExtension),
        (AcceptOptions::new().header("Sec-WebSocket-Accept", "x"), OptionsError::ReservedHeader),
        (AcceptOptions::new().header("X-Evil", "a\r\nSet-Cookie: b"), OptionsError::InvalidHeaderValue),
    ];
    for (options, error) in bad {
        assert_eq!(server.conn.accept(&options), Err(UsageError::Options(error.clone())), "{error:?}");
        assert_eq!(server.conn.sender().pending_len(), 0, "{error:?}: queued something");
        assert_eq!(server.conn.state(), State::Connecting, "{error:?}");
        assert_eq!(server.conn.negotiated(), &Negotiated::default(), "{error:?}");
        server.push(&[]).unwrap();
        assert_eq!(server.take_events(), [], "{error:?}");
    }
    // A proper accept still works, once.
    server.conn.accept(&AcceptOptions::new().protocol("chat")).unwrap();
    assert_eq!(server.conn.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
    assert_eq!(server.conn.respond(404, "Not Found", &[], b""), Err(UsageError::WrongState));
    let response = server.drain();
    assert_eq!(response.windows(12).filter(|w| w == b"HTTP/1.1 101").count(), 1);
    assert_eq!(head_header(&response, "Sec-WebSocket-Protocol").as_deref(), Some("chat"));
    assert_eq!(head_header(&response, "Sec-WebSocket-Extensions"), None);
    server.push(&[]).unwrap();
    assert_eq!(server.take_events(), [Ev::Complete(negotiated(Some("chat"), &[]))]);
}

#[test]
fn accept_and_respond_in_the_wrong_state() {
    // A server with no request yet.
    let mut server = new_server();
    assert_eq!(server.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
    assert_eq!(server.respond(200, "OK", &[], b""), Err(UsageError::WrongState));
    // Half a request.
    let mut half = base_request("");
    half.truncate(40);
    let read = server.read(&mut half).unwrap();
    assert_eq!((read.consumed, read.event.is_none()), (40, true));
    assert_eq!(server.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
    assert_eq!(server.state(), State::Connecting);
    assert_eq!(server.sender().pending_len(), 0);
    // A client, before and after its handshake.
    let mut client = new_client(3);
    assert_eq!(client.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
    assert_eq!(client.respond(200, "OK", &[], b""), Err(UsageError::WrongState));
    // Connections opened elsewhere.
    for mut conn in [Connection::open_server(Config::default(), Negotiated::default()).unwrap(), core_common::client()]
    {
        assert_eq!(conn.accept(&AcceptOptions::new()), Err(UsageError::WrongState));
        assert_eq!(conn.respond(200, "OK", &[], b""), Err(UsageError::WrongState));
        assert_eq!(conn.sender().pending_len(), 0);
    }
}

// ---------------------------------------------------------- client answers

#[test]
fn client_reports_non_101_answers() {
    /// (answer, status, reason, a header and its value, body)
    type Row = (&'static str, u16, &'static str, (&'static str, &'static str), &'static [u8]);
    let table: &[Row] = &[
        (
            "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\nContent-Length: 6\n\ndenied",
            401,
            "Unauthorized",
            ("WWW-Authenticate", "Bearer"),
            b"denied",
        ),
        (
            "HTTP/1.1 302 Found\nLocation: wss://other.example/chat\nContent-Length: 0\n\n",
            302,
            "Found",
            ("Location", "wss://other.example/chat"),
            b"",
        ),
        (
            "HTTP/1.1 503 Service Unavailable\nRetry-After: 10\n\nbusy",
            503,
            "Service Unavailable",
            ("retry-after", "10"),
            b"busy",
        ),
        ("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html>", 200, "OK", ("Content-Type", "text/html"), b"<html>"),
    ];
    for &(answer, status, reason, (name, value), body) in table {
        let answer = crlf(answer);
        for path in [Path::ZeroCopy, Path::Buffered] {
            let mut ep = Endpoint::new(plain_client(&ClientOptions::new(), 6), path);
            ep.drain();
            ep.push(&answer).unwrap();
            let events = ep.take_events();
            let [Ev::Response(r)] = &events[..] else { panic!("{status} {path:?}: {events:?}") };
            assert_eq!((r.status, r.reason.as_str(), r.version), (status, reason, 1), "{path:?}");
            assert_eq!(r.header(name), Some(value.as_bytes()), "{status} {path:?}");
            assert_eq!(r.body, body, "{status} {path:?}");
            assert_eq!(ep.conn.state(), State::Closed, "{status} {path:?}");
            assert_eq!(ep.conn.transport_action(), TransportAction::Close, "{status} {path:?}");
            assert_eq!(ep.conn.negotiated(), &Negotiated::default());
            assert_cannot_send(&mut ep.conn, &[UsageError::NotOpen], "after a non-101 answer");
            // Nothing more is read or reported.
            ep.push(b"more body").unwrap();
            assert_eq!(ep.take_events(), []);
            assert_eq!(ep.conn.sender().pending_len(), 0);
            assert_eq!(ep.conn.read_eof(), Ok(None));
        }
    }
}

#[test]
fn client_faults_on_a_bad_101() {
    use ResponseError as E;
    let options = ClientOptions::new().protocol("chat");
    let ok =
        "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: {accept}\n";
    let big = format!("{ok}X-Big: {}\n", "c".repeat(9000));
    let table: Vec<(&str, String, E)> = vec![
        ("wrong accept", ok.replace("{accept}", BASE_ACCEPT), E::AcceptMismatch),
        ("accept of another key", ok.replace("{accept}", "HSmrc0sMlYUkAGmm5OPpG2HaGWk="), E::AcceptMismatch),
        ("two accepts", format!("{ok}Sec-WebSocket-Accept: {{accept}}\n"), E::AcceptMismatch),
        ("no accept", ok.replace("Sec-WebSocket-Accept: {accept}\n", ""), E::MissingAccept),
        ("no Upgrade", ok.replace("Upgrade: websocket\n", ""), E::UpgradeNotWebSocket),
        ("Upgrade: h2c", ok.replace("Upgrade: websocket", "Upgrade: h2c"), E::UpgradeNotWebSocket),
        ("no Connection", ok.replace("Connection: Upgrade\n", ""), E::ConnectionNotUpgrade),
        ("subprotocol not offered", format!("{ok}Sec-WebSocket-Protocol: superchat\n"), E::ProtocolNotOffered),
        ("two subprotocols", format!("{ok}Sec-WebSocket-Protocol: chat, chat\n"), E::MultipleProtocols),
        ("empty subprotocol", format!("{ok}Sec-WebSocket-Protocol: \n"), E::InvalidProtocolHeader),
        ("extension not offered", format!("{ok}Sec-WebSocket-Extensions: x-bar\n"), E::ExtensionNotOffered),
        ("HTTP/1.0 101", ok.replace("HTTP/1.1", "HTTP/1.0"), E::HttpVersion),
        ("oversized head", big, E::HeadTooLarge { max: 8192 }),
        ("not HTTP", "SSH-2.0-OpenSSH_9.6\n".to_string(), E::MalformedHttp("")),
    ];
    for (name, answer, error) in table {
        let make = |path| {
            let mut ep = Endpoint::new(plain_client(&options, 7), path);
            ep.drain();
            ep
        };
        let key = head_header(plain_client(&options, 7).sender().pending(), "Sec-WebSocket-Key").unwrap();
        let mut answer = crlf(&format!("{}\n", answer.replace("{accept}", accept_key(&key).as_str())));
        // Frames right behind the bad head are never delivered.
        answer.extend_from_slice(&frame(0x81, b"hi", None));
        let outcome = all_splits(name, &make, &answer);
        let Err(Error::Response(e)) = &outcome.result else { panic!("`{name}`: {:?}", outcome.result) };
        assert!(same_response_error(e, &error), "`{name}`: got {e:?}, want {error:?}");
        assert_eq!(outcome.events, [], "`{name}`");
        assert_eq!(outcome.output, b"", "`{name}`: a client sends nothing after a bad answer");
        assert_eq!(outcome.state, State::Closed, "`{name}`");
        assert_eq!(outcome.action, TransportAction::Close, "`{name}`");

        for path in [Path::ZeroCopy, Path::Buffered] {
            let mut ep = make(path);
            let err = ep.push(&answer).unwrap_err();
            assert_eq!(ep.push(&frame(0x81, b"x", None)), Err(err.clone()), "`{name}` {path:?}: not sticky");
            assert_eq!(ep.push(&[]), Err(err.clone()), "`{name}` {path:?}: not sticky");
            assert_eq!(ep.conn.negotiated(), &Negotiated::default(), "`{name}`");
            let s = ep.conn.sender();
            assert!(s.send_text("x").is_err(), "`{name}`: send_text after a failed handshake");
            assert!(s.send_close(CloseCode::NORMAL, "").is_err(), "`{name}`");
            assert!(s.send_ping(b"").is_err(), "`{name}`");
            assert_eq!(s.pending_len(), 0, "`{name}`: something was queued after the failure");
            assert_eq!(ep.conn.read_eof(), Ok(None), "`{name}`");
            assert_eq!(ep.push(&[]), Err(err), "`{name}` {path:?}");
        }
    }
}

#[test]
fn client_accepts_valid_101_variants() {
    // Case and list forms RFC 6455 §4.1 allows, each in every split.
    let options = ClientOptions::new().protocol("chat").protocol("superchat");
    let table: &[(&str, &str, Negotiated)] = &[
        ("minimal", "Upgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: {accept}\n", Negotiated::default()),
        (
            "case and lists",
            "upgrade: WebSocket\nconnection: keep-alive, UPGRADE\nsec-websocket-accept:   {accept}  \n",
            Negotiated::default(),
        ),
        (
            "second protocol",
            "Upgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: {accept}\nSec-WebSocket-Protocol: superchat\n",
            negotiated(Some("superchat"), &[]),
        ),
    ];
    for (name, headers, expected) in table {
        let key = head_header(plain_client(&options, 8).sender().pending(), "Sec-WebSocket-Key").unwrap();
        let answer = crlf(&format!(
            "HTTP/1.1 101 Switching Protocols\n{}\n",
            headers.replace("{accept}", accept_key(&key).as_str())
        ));
        let input = cat(&[&answer, &frame(0x81, b"hi", None)]);
        let make = |path| {
            let mut ep = Endpoint::new(plain_client(&options, 8), path);
            ep.drain();
            ep
        };
        let outcome = all_splits(name, &make, &input);
        assert_eq!(outcome.result, Ok(()), "{name}");
        assert_eq!(outcome.events, [Ev::Complete(expected.clone()), text("hi")], "{name}");
        assert_eq!(outcome.state, State::Open, "{name}");
    }
}

#[test]
fn client_construction_refuses_bad_options() {
    let uri = WsUri::parse("ws://example.com/").unwrap();
    let table: [(ClientOptions, OptionsError); 5] = [
        (ClientOptions::new().header("Host", "evil.example"), OptionsError::ReservedHeader),
        (ClientOptions::new().header("Sec-WebSocket-Key", "x"), OptionsError::ReservedHeader),
        (ClientOptions::new().header("X-A", "1\r\nX-B: 2"), OptionsError::InvalidHeaderValue),
        (ClientOptions::new().protocol("a b"), OptionsError::InvalidProtocol),
        (ClientOptions::new().protocol("chat").protocol("chat"), OptionsError::InvalidProtocol),
    ];
    for (options, error) in table {
        let result = Connection::client(&uri, &options, Config::default(), ChaChaRng::from_seed([0; 32]));
        assert_eq!(result.err(), Some(error));
    }
    // Two clients with the same seed send the same key; different seeds,
    // different keys.
    let key = |seed| head_header(plain_client(&ClientOptions::new(), seed).sender().pending(), "Sec-WebSocket-Key");
    assert_eq!(key(1), key(1));
    assert_ne!(key(1), key(2));
}

// ------------------------------------------------------ sending too early

#[test]
fn sending_before_the_handshake_completes_is_not_open() {
    // A client right after construction: only its GET is queued.
    let mut client = new_client(9);
    assert_cannot_send(&mut client, &[UsageError::NotOpen], "new client");
    // With part of the 101 read.
    let mut part = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n".to_vec();
    let read = client.read(&mut part).unwrap();
    assert!(read.event.is_none());
    assert_cannot_send(&mut client, &[UsageError::NotOpen], "client mid-101");
    assert!(as_text(client.sender().pending()).starts_with("GET "));
    // A server before and after the request, before the answer.
    let mut server = new_server();
    assert_cannot_send(&mut server, &[UsageError::NotOpen], "new server");
    let mut get = base_request("");
    let read = server.read(&mut get).unwrap();
    assert!(matches!(read.event, Some(Event::UpgradeRequest(_))));
    assert_cannot_send(&mut server, &[UsageError::NotOpen], "server before accept");
    assert_eq!(server.sender().pending_len(), 0);
    // After accept the server may send at once (behind the 101).
    server.accept(&AcceptOptions::new()).unwrap();
    server.sender().send_text("now").unwrap();
    let out = server.sender().pending().to_vec();
    let head = head_len(&out);
    assert_eq!(head_header(&out, "Sec-WebSocket-Accept").as_deref(), Some(BASE_ACCEPT));
    let frames = parse_frames(&out[head..]);
    assert_eq!((frames.len(), frames[0].opcode, &frames[0].payload[..]), (1, 0x1, &b"now"[..]));
}

// ------------------------------------------------------------------- EOF

#[test]
fn eof_during_the_handshake_is_an_error() {
    let req = base_request("");
    let key = head_header(new_client(10).sender().pending(), "Sec-WebSocket-Key").unwrap();
    let response = crlf(&format!(
        "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: {}\n\n",
        accept_key(&key)
    ));
    // (name, make, bytes read before EOF)
    type Make = Box<dyn Fn() -> Connection>;
    let cases: Vec<(&str, Make, Vec<u8>)> = vec![
        ("server, nothing read", Box::new(new_server), vec![]),
        ("server, half a request", Box::new(new_server), req[..req.len() / 2].to_vec()),
        ("server, all but the last LF", Box::new(new_server), req[..req.len() - 1].to_vec()),
        ("client, nothing read", Box::new(|| new_client(10)), vec![]),
        ("client, half a 101", Box::new(|| new_client(10)), response[..response.len() / 2].to_vec()),
    ];
    for (name, make, before) in cases {
        for path in [Path::ZeroCopy, Path::Buffered] {
            let mut ep = Endpoint::new(make(), path);
            ep.drain();
            ep.push(&before).unwrap();
            assert_eq!(ep.take_events(), [], "{name}");
            let err = ep.conn.read_eof().unwrap_err();
            assert_eq!(err, Error::HandshakeEof, "{name}");
            assert_eq!(ep.conn.state(), State::Closed, "{name}");
            assert_eq!(ep.push(&[]), Err(err.clone()), "{name} {path:?}: not sticky");
            assert_eq!(ep.push(&req), Err(err.clone()), "{name} {path:?}: not sticky");
            assert_eq!(ep.conn.read_eof(), Ok(None), "{name}: reported twice");
            assert!(ep.conn.sender().send_text("x").is_err(), "{name}");
            assert_eq!(ep.conn.sender().pending_len(), 0, "{name}");
            assert_eq!(ep.conn.transport_action(), TransportAction::Close, "{name}");
        }
    }
}

#[test]
fn eof_while_the_application_decides_is_an_error() {
    // The request was read and reported, the application has not answered,
    // and the client goes away: still "during the opening handshake", which
    // `read_eof` documents as an error.
    for path in [Path::ZeroCopy, Path::Buffered] {
        let mut ep = Endpoint::new(new_server(), path);
        ep.push(&base_request("")).unwrap();
        assert!(matches!(ep.take_events()[..], [Ev::Upgrade(_)]));
        assert_eq!(ep.conn.read_eof(), Err(Error::HandshakeEof), "{path:?}");
        assert_eq!(ep.conn.state(), State::Closed, "{path:?}");
        // Sticky: every later read reports it again; EOF is not reported twice.
        assert_eq!(ep.push(&[]), Err(Error::HandshakeEof), "{path:?}: not sticky");
        assert_eq!(ep.push(&frame(0x81, b"hi", Some(MASK))), Err(Error::HandshakeEof), "{path:?}: not sticky");
        assert_eq!(ep.conn.read_eof(), Ok(None), "{path:?}: reported twice");
        assert_eq!(ep.conn.accept(&AcceptOptions::new()), Err(UsageError::WrongState), "{path:?}");
        assert_eq!(ep.conn.sender().pending_len(), 0, "{path:?}");
        assert_eq!(ep.conn.transport_action(), TransportAction::Close, "{path:?}");
    }
}

#[test]
fn eof_right_after_accept_ends_the_event_stream() {
    // EOF arrives between accept and the read that would report
    // HandshakeComplete. Whatever is reported, nothing may follow the Close
    // event: no HandshakeComplete after the connection said it closed.
    for path in [Path::ZeroCopy, Path::Buffered] {
        let mut ep = Endpoint::new(new_server(), path);
        ep.push(&base_request("")).unwrap();
        ep.take_events();
        ep.conn.accept(&AcceptOptions::new()).unwrap();
        let event = ep.conn.read_eof().unwrap().as_ref().map(owned);
        assert_eq!(event, Some(close(1006, "")), "{path:?}");
        assert_eq!(ep.conn.state(), State::Closed, "{path:?}");
        ep.push(&[]).unwrap();
        assert_eq!(ep.take_events(), [], "{path:?}: an event after the abnormal Close");
    }
}

#[test]
fn eof_after_open_is_an_abnormal_close() {
    for path in [Path::ZeroCopy, Path::Buffered] {
        for eof_at_client in [true, false] {
            let mut pair = Pair::new(path, 1, usize::MAX);
            pair.settle();
            pair.client.conn.sender().send_text("last").unwrap();
            pair.settle();
            let ep = if eof_at_client { &mut pair.client } else { &mut pair.server };
            assert_eq!(ep.conn.state(), State::Open);
            let event = ep.conn.read_eof().unwrap().as_ref().map(owned);
            assert_eq!(event, Some(close(1006, "")), "{path:?}");
            assert_eq!(ep.conn.state(), State::Closed);
            assert_eq!(ep.conn.sender().pending_len(), 0, "no Close is sent to a gone peer");
            assert_eq!(ep.conn.transport_action(), TransportAction::Close);
            assert_eq!(ep.conn.read_eof(), Ok(None), "reported once");
        }
    }
    // EOF in the Closing state (our Close sent, the peer's not received).
    let mut pair = Pair::new(Path::ZeroCopy, 1, usize::MAX);
    pair.settle();
    pair.client.conn.sender().send_close(CloseCode::NORMAL, "").unwrap();
    pair.client.drain();
    let event = pair.client.conn.read_eof().unwrap().as_ref().map(owned);
    assert_eq!(event, Some(close(1006, "")));
    assert_eq!(pair.client.conn.transport_action(), TransportAction::Close);
}

// ------------------------------------------------------------------ seeds

/// A browser request from a seed document: its file, the request as the seed
/// shows it (`\n` line ends), a Host line to add when the excerpt lost it,
/// the subprotocol to choose, and the accept value the seed gives.
struct Seed {
    file: &'static str,
    request: &'static str,
    add_host: Option<&'static str>,
    protocol: Option<&'static str>,
    accept: &'static str,
}

const SEEDS: &[Seed] = &[
    Seed {
        // Chrome 52; the excerpt in this file lost its Host line.
        file: "000_c972ff75f866ef50.txt",
        request: "GET / HTTP/1.1
Connection: Upgrade
Pragma: no-cache
Cache-Control: no-cache
Upgrade: websocket
Origin: file://
Sec-WebSocket-Version: 13
User-Agent: Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/52.0.2743.116 Safari/537.36
Accept-Encoding: gzip, deflate, sdch
Accept-Language: zh-CN,zh;q=0.8,en-US;q=0.6,en;q=0.4
Sec-WebSocket-Key: bKdPyn3u98cTfZJSh4TNeQ==
Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits ",
        add_host: Some("Host: 192.168.43.135:12345"),
        protocol: None,
        accept: "4EaeSCkuOGBy+rjOSJSMV+VMoC0=",
    },
    Seed {
        file: "001_41c06ba02767408c.txt",
        request: "GET /chat HTTP/1.1
Host: server.example.com
Upgrade: websocket
Connection: Upgrade
Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==
Sec-WebSocket-Protocol: chat, superchat
Sec-WebSocket-Version: 13
Origin: http://example.com",
        add_host: None,
        protocol: Some("chat"),
        accept: "HSmrc0sMlYUkAGmm5OPpG2HaGWk=",
    },
    Seed {
        file: "002_6cc5d91715ae5099.txt",
        request: "GET / HTTP/1.1
Host: 192.168.43.135:12345
Connection: Upgrade
Pragma: no-cache
Cache-Control: no-cache
Upgrade: websocket
Origin: file://
Sec-WebSocket-Version: 13
User-Agent: Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/52.0.2743.116 Safari/537.36
Accept-Encoding: gzip, deflate, sdch
Accept-Language: zh-CN,zh;q=0.8,en-US;q=0.6,en;q=0.4
Sec-WebSocket-Key: bKdPyn3u98cTfZJSh4TNeQ==
Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits ",
        add_host: None,
        protocol: None,
        accept: "4EaeSCkuOGBy+rjOSJSMV+VMoC0=",
    },
    Seed {
        // An absolute-form target.
        file: "003_55e37af0d4f04185.txt",
        request: "GET ws://example.com:8181/ HTTP/1.1
Host: localhost:8181
Connection: Upgrade
Pragma: no-cache
Cache-Control: no-cache
Upgrade: websocket
Sec-WebSocket-Version: 13
Sec-WebSocket-Key: q4xkcO32u266gldTuKaSOw==",
        add_host: None,
        protocol: None,
        accept: "fA9dggdnMPU79lJgAE3W4TRnyDM=",
    },
    Seed {
        // Chrome 49 asking for MQTT; the excerpt lost its Host line.
        file: "004_259cbadb0208b3ff.txt",
        request: "GET /mqtt HTTP/1.1
Connection: Upgrade
Pragma: no-cache
Cache-Control: no-cache
Upgrade: websocket
Sec-WebSocket-Version: 13
User-Agent: Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.110 Safari/537.36
Accept-Encoding: gzip, deflate, sdch
Accept-Language: en-US,en;q=0.8
Sec-WebSocket-Key: OfMWmQZlMFBWe/o7k1CzZg==
Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits
Sec-WebSocket-Protocol: mqttv3.1",
        add_host: Some("Host: broker.example"),
        protocol: Some("mqttv3.1"),
        accept: "PqfV+Vb3mDtpMlZ/bO+GBzyX4N8=",
    },
];

impl Seed {
    fn bytes(&self) -> Vec<u8> {
        let mut s = self.request.to_string();
        if let Some(host) = self.add_host {
            s.push('\n');
            s.push_str(host);
        }
        s.push_str("\n\n");
        crlf(&s)
    }
}

#[test]
fn seed_requests_are_copied_faithfully() {
    // Each line used here is a line of its seed document, and so is the
    // accept value (a missing document fails the test).
    let mut pairs = 0;
    for seed in SEEDS {
        let file = fixtures::seed(seed.file);
        let lines: Vec<&str> = file.lines().map(str::trim_end).collect();
        for line in seed.request.lines() {
            assert!(lines.contains(&line.trim_end()), "{}: {line:?} is not in the seed", seed.file);
        }
        assert!(file.contains(&format!("Sec-WebSocket-Accept: {}", seed.accept)), "{}", seed.file);
        pairs += 1;
    }
    // Every seed document holds one key/accept pair.
    assert_eq!(pairs, fixtures::seeds().len(), "a seed document without its request here");
    assert!(pairs >= 5, "checked {pairs} key/accept pairs");
}

#[test]
fn seed_requests_get_the_seed_accept() {
    for seed in SEEDS {
        let input = seed.bytes();
        let options = match seed.protocol {
            Some(p) => AcceptOptions::new().protocol(p),
            None => AcceptOptions::new(),
        };
        let make = |path| Endpoint::new(new_server(), path).accepting(options.clone());
        let outcome = all_splits(seed.file, &make, &input);
        assert_eq!(outcome.result, Ok(()), "{}", seed.file);
        let [Ev::Upgrade(req), Ev::Complete(n)] = &outcome.events[..] else {
            panic!("{}: {:?}", seed.file, outcome.events)
        };
        let key = head_header(&input, "Sec-WebSocket-Key").unwrap();
        assert_eq!(req.key(), key);
        assert_eq!(n, &negotiated(seed.protocol, &[]), "{}", seed.file);
        let response = as_text(&outcome.output);
        assert!(response.starts_with("HTTP/1.1 101 Switching Protocols\r\n"), "{}", seed.file);
        assert!(response.ends_with("\r\n\r\n"), "{}", seed.file);
        assert_eq!(head_header(&outcome.output, "Sec-WebSocket-Accept").as_deref(), Some(seed.accept), "{}", seed.file);
        assert_eq!(head_header(&outcome.output, "Sec-WebSocket-Protocol").as_deref(), seed.protocol, "{}", seed.file);
        assert_eq!(head_header(&outcome.output, "Sec-WebSocket-Extensions"), None, "{}: no deflate", seed.file);
        if seed.file.starts_with("000") || seed.file.starts_with("002") {
            assert_eq!(
                req.extensions().collect::<Vec<_>>(),
                ["permessage-deflate; client_max_window_bits"],
                "{}",
                seed.file
            );
            assert_eq!(req.origin(), Some("file://"));
        }
        if seed.file.starts_with("004") {
            assert_eq!(req.protocols().collect::<Vec<_>>(), ["mqttv3.1"]);
            assert_eq!(req.request().unwrap().path(), "/mqtt");
        }
        if seed.file.starts_with("001") {
            assert_eq!(req.protocols().collect::<Vec<_>>(), ["chat", "superchat"]);
            assert_eq!((req.request().unwrap().path(), req.host()), ("/chat", "server.example.com"));
        }
        if seed.file.starts_with("003") {
            assert_eq!(req.request().unwrap().target(), "ws://example.com:8181/");
            assert_eq!(req.host(), "localhost:8181");
        }
        assert_eq!(outcome.state, State::Open);
    }
    // As the excerpt shows it, without Host, the request is refused with 400
    // (RFC 6455 §4.1 step 2: the request MUST contain a Host header field).
    let mut bare = SEEDS[0].request.to_string();
    bare.push_str("\n\n");
    let mut conn = new_server();
    let mut buf = crlf(&bare);
    assert_eq!(conn.read(&mut buf).err(), Some(Error::Request(RequestError::BadHost)));
    assert!(conn.sender().pending().starts_with(b"HTTP/1.1 400 Bad Request\r\n"));
}

#[test]
fn client_reads_a_close_right_behind_the_101() {
    let mut client = new_client(11);
    let get = client.sender().pending().to_vec();
    client.sender().advance(get.len()).unwrap();
    let mut server = Endpoint::new(new_server(), Path::ZeroCopy).accepting(accept_options());
    server.push(&get).unwrap();
    let mut input = server.drain();
    input.extend_from_slice(&frame(0x88, &close_payload(4000, b"go away"), None));
    let mut ep = Endpoint::new(client, Path::Buffered);
    ep.push(&input).unwrap();
    assert_eq!(ep.events, [Ev::Complete(expected_negotiated()), close(4000, "go away")]);
    assert_eq!(ep.conn.state(), State::Closed);
    assert_eq!(ep.conn.transport_action(), TransportAction::Continue, "the close reply is pending");
    let reply = parse_frames(&ep.drain());
    assert_eq!((reply.len(), reply[0].close_code()), (1, Some(4000)));
    assert_eq!(ep.conn.transport_action(), TransportAction::WaitForPeerClose);
}

#[test]
fn a_connection_never_offers_an_extension_it_cannot_apply() {
    // An extension is never accepted and then ignored. The
    // connection implements none yet, so offering one is refused up front.
    let uri = WsUri::parse("ws://example.com/chat").unwrap();
    let options = ClientOptions::new().extension("permessage-deflate");
    let result = Connection::client(&uri, &options, Config::default(), ChaChaRng::from_seed([1; 32]));
    assert_eq!(result.err(), Some(OptionsError::UnsupportedExtension));
}
