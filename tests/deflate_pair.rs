//! permessage-deflate (RFC 7692) end to end: a client and a server that
//! negotiate it through the real handshake exchange messages in every
//! parameter combination, delivery mode, read path and input split; what
//! they write is read back with the kit's own frame parser and inflated
//! with the independent reference (`wsproto_testkit::deflate`). Then
//! frames compressed by the reference are received by a connection in
//! both roles, and the receive errors of the extension.
#![cfg(all(feature = "deflate", feature = "os-rng"))]

use proptest::prelude::*;
use proptest::sample::Index;
use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{AcceptOptions, ClientOptions, ServerConfig, WsUri};
use wsproto::{ChaChaRng, CloseCode, Config, Connection, Delivery, Error, FrameError, Message, MessageKind, Role};
use wsproto_testkit::cuts::{self, XorShift};
use wsproto_testkit::deflate::{after_head, wire_messages, RefDeflater, RefInflater, WindowChecker};
use wsproto_testkit::events::{Ev, Normalizer};
use wsproto_testkit::frames::{first_byte, frame_to, parse_frames};
use wsproto_testkit::pair::{Endpoint, Pair};
use wsproto_testkit::read::{drive, Path};

// ---------------------------------------------------------------------
// Data and operations.

/// What one end sends.
#[derive(Debug, Clone)]
enum Op {
    /// `send_text` / `send_binary`.
    Whole(MessageKind, Vec<u8>),
    /// `begin_message`, `continue_message`..., `finish_message`, with a
    /// Ping sent after the first fragment if given.
    Fragmented(MessageKind, Vec<Vec<u8>>, Option<Vec<u8>>),
    /// `send_uncompressed`.
    Plain(MessageKind, Vec<u8>),
    /// `send_ping`.
    Ping(Vec<u8>),
}

/// Characters of one to four bytes in UTF-8.
const ALPHABET: [char; 8] = ['a', ' ', 'é', 'ß', '€', '日', '本', '🎉'];

/// `n` bytes that compress well: runs from a small alphabet.
fn compressible(n: usize, seed: u64) -> Vec<u8> {
    let mut rng = XorShift::new(seed);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let b = b"{\"id\": 17, \"name\": \"wsproto\", \"ok\": true}"[rng.between1(40) - 1];
        let run = rng.between1(12);
        out.extend(std::iter::repeat_n(b, run));
    }
    out.truncate(n);
    out
}

/// `n` bytes that do not compress.
fn random_bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut rng = XorShift::new(seed);
    (0..n).map(|_| rng.next() as u8).collect()
}

/// Text of about `n` bytes, compressible, with characters of every length.
fn text_of(n: usize, seed: u64) -> String {
    let mut rng = XorShift::new(seed);
    let mut out = String::with_capacity(n + 4);
    while out.len() < n {
        let c = ALPHABET[rng.between1(ALPHABET.len()) - 1];
        for _ in 0..rng.between1(6) {
            out.push(c);
        }
    }
    out
}

fn binary() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => Just(Vec::new()),
        8 => proptest::collection::vec(any::<u8>(), 0..200),
        4 => (1usize..4000, any::<u64>()).prop_map(|(n, s)| compressible(n, s)),
        1 => (1usize..=300 << 10, any::<u64>()).prop_map(|(n, s)| compressible(n, s)),
        1 => (1usize..=64 << 10, any::<u64>()).prop_map(|(n, s)| random_bytes(n, s)),
    ]
}

fn text() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => Just(String::new()),
        8 => "\\PC{0,60}",
        4 => (1usize..4000, any::<u64>()).prop_map(|(n, s)| text_of(n, s)),
        1 => (1usize..=300 << 10, any::<u64>()).prop_map(|(n, s)| text_of(n, s)),
    ]
    .prop_map(String::into_bytes)
}

fn message() -> impl Strategy<Value = (MessageKind, Vec<u8>)> {
    prop_oneof![text().prop_map(|t| (MessageKind::Text, t)), binary().prop_map(|b| (MessageKind::Binary, b))]
}

/// `data` cut at the given points (text may be cut inside a character).
fn split_at(data: &[u8], cuts: &[Index]) -> Vec<Vec<u8>> {
    split_at_points(data, cuts.iter().map(|i| i.index(data.len() + 1)).collect())
}

/// `data` cut at `points` (offsets, in any order).
fn split_at_points(data: &[u8], mut points: Vec<usize>) -> Vec<Vec<u8>> {
    points.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for p in points {
        out.push(data[at..p].to_vec());
        at = p;
    }
    out.push(data[at..].to_vec());
    out
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => message().prop_map(|(k, d)| Op::Whole(k, d)),
        3 => (message(), proptest::collection::vec(any::<Index>(), 0..4), proptest::option::of(
            proptest::collection::vec(any::<u8>(), 0..8)
        ))
            .prop_map(|((k, d), cuts, ping)| Op::Fragmented(k, split_at(&d, &cuts), ping)),
        2 => message().prop_map(|(k, d)| Op::Plain(k, d)),
        1 => proptest::collection::vec(any::<u8>(), 0..8).prop_map(Op::Ping),
    ]
}

fn deflate_config() -> impl Strategy<Value = DeflateConfig> {
    (
        any::<bool>(),
        any::<bool>(),
        8u8..=15,
        8u8..=15,
        1u8..=9,
        0u8..=9,
        prop_oneof![Just(0usize), Just(1), 0usize..300],
    )
        .prop_map(|(snct, cnct, sbits, cbits, mem, level, min)| {
            DeflateConfig::new()
                .server_no_context_takeover(snct)
                .client_no_context_takeover(cnct)
                .server_max_window_bits(sbits)
                .client_max_window_bits(cbits)
                .mem_level(mem)
                .level(level)
                .min_size(min as u32)
        })
}

/// One end's settings.
#[derive(Debug, Clone)]
struct Side {
    deflate: DeflateConfig,
    delivery: Delivery,
    path: Path,
    ops: Vec<Op>,
}

fn side() -> impl Strategy<Value = Side> {
    (
        deflate_config(),
        prop_oneof![Just(Delivery::Messages), Just(Delivery::Chunks)],
        prop_oneof![Just(Path::ZeroCopy), Just(Path::Buffered)],
        proptest::collection::vec(op(), 0..5),
    )
        .prop_map(|(deflate, delivery, path, ops)| Side { deflate, delivery, path, ops })
}

// ---------------------------------------------------------------------
// The response, read independently of the crate.

/// The parameters of a permessage-deflate response element (RFC 7692
/// §7.1), read here rather than by the crate.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Response {
    server_nct: bool,
    client_nct: bool,
    server_bits: Option<u8>,
    client_bits: Option<u8>,
}

fn read_response(element: &str) -> Response {
    let mut parts = element.split(';').map(str::trim);
    assert_eq!(parts.next(), Some("permessage-deflate"), "{element}");
    let mut r = Response::default();
    for p in parts {
        let (k, v) = p.split_once('=').map_or((p, None), |(k, v)| (k.trim(), Some(v.trim())));
        let bits = || -> u8 {
            let b: u8 = v.expect("a value").parse().expect("a number");
            assert!((8..=15).contains(&b), "{element}");
            b
        };
        match k {
            "server_no_context_takeover" => r.server_nct = true,
            "client_no_context_takeover" => r.client_nct = true,
            "server_max_window_bits" => r.server_bits = Some(bits()),
            "client_max_window_bits" => r.client_bits = Some(bits()),
            other => panic!("unknown parameter {other} in {element}"),
        }
    }
    r
}

// ---------------------------------------------------------------------
// The round trip.

fn expected_events(ops: &[Op]) -> Vec<Ev> {
    let mut out = Vec::new();
    for op in ops {
        match op {
            Op::Whole(k, d) | Op::Plain(k, d) => out.push(Ev::message(*k, d.clone())),
            Op::Fragmented(k, parts, ping) => {
                if let Some(p) = ping {
                    out.push(Ev::Ping(p.clone()));
                }
                out.push(Ev::message(*k, parts.concat()));
            }
            Op::Ping(p) => out.push(Ev::Ping(p.clone())),
        }
    }
    out
}

fn send(conn: &mut Connection, ops: &[Op]) {
    let tx = conn.sender();
    for op in ops {
        match op {
            Op::Whole(MessageKind::Text, d) => tx.send_text(std::str::from_utf8(d).unwrap()).unwrap(),
            Op::Whole(MessageKind::Binary, d) => tx.send_binary(d).unwrap(),
            Op::Plain(MessageKind::Text, d) => {
                tx.send_uncompressed(Message::Text(std::str::from_utf8(d).unwrap())).unwrap()
            }
            Op::Plain(MessageKind::Binary, d) => tx.send_uncompressed(Message::Binary(d)).unwrap(),
            Op::Fragmented(k, parts, ping) => {
                tx.begin_message(*k, &parts[0]).unwrap();
                if let Some(p) = ping {
                    tx.send_ping(p).unwrap();
                }
                let last = parts.len() - 1;
                for (i, part) in parts.iter().enumerate().skip(1) {
                    if i == last {
                        tx.finish_message(part).unwrap();
                    } else {
                        tx.continue_message(part).unwrap();
                    }
                }
                if last == 0 {
                    tx.finish_message(b"").unwrap();
                }
            }
            Op::Ping(p) => tx.send_ping(p).unwrap(),
        }
    }
}

/// The data messages one end's ops put on the wire: kind, data, number
/// of frames, compressed or not.
fn expected_wire(ops: &[Op], min_size: usize) -> Vec<(u8, Vec<u8>, usize, bool)> {
    let opcode = |k: &MessageKind| if *k == MessageKind::Text { 1 } else { 2 };
    ops.iter()
        .filter_map(|op| match op {
            Op::Whole(k, d) => Some((opcode(k), d.clone(), 1, d.len() >= min_size)),
            Op::Plain(k, d) => Some((opcode(k), d.clone(), 1, false)),
            // A streamed message's length is unknown at its start: it is
            // always compressed; an empty last fragment is still a frame.
            Op::Fragmented(k, parts, _) => Some((opcode(k), parts.concat(), parts.len().max(2), true)),
            Op::Ping(_) => None,
        })
        .collect()
}

/// Checks what one end wrote (RFC 7692 §6, §7.2.1): RSV1 on the first
/// frame of each compressed message only, never on a control frame; each
/// compressed payload inflates with the reference zlib, and decodes with
/// the kit's window checker with every back-reference within `window`
/// (§7.1.2), with fresh state per message when the sender resets (no
/// context takeover, §7.1.1).
fn check_wire(wire: &[u8], ops: &[Op], min_size: usize, window: u8, reset: bool, who: &str) {
    let (messages, control) = wire_messages(after_head(wire));
    let expected = expected_wire(ops, min_size);
    assert_eq!(messages.len(), expected.len(), "{who}: data messages on the wire");
    assert!(control.iter().all(|f| f.rsv == 0), "{who}: RSV on a control frame: {control:?}");
    let mut inflater = RefInflater::new();
    let mut checker = WindowChecker::new(window);
    for (i, (m, (opcode, data, frames, compressed))) in messages.iter().zip(&expected).enumerate() {
        assert_eq!(m.opcode, *opcode, "{who} message {i}");
        assert_eq!(m.rsv.len(), *frames, "{who} message {i}: frames");
        assert_eq!(m.compressed(), *compressed, "{who} message {i}: RSV1 of the first frame");
        assert!(m.rsv.iter().all(|r| r & 0b011 == 0), "{who} message {i}: RSV2/RSV3");
        // §6.1: RSV1 only on the first frame of a message.
        assert!(m.rsv[1..].iter().all(|r| *r == 0), "{who} message {i}: RSV1 on a continuation");
        if !compressed {
            assert_eq!(&m.payload(), data, "{who} message {i}: uncompressed payload");
            continue;
        }
        if reset {
            inflater = RefInflater::new();
            checker = WindowChecker::new(window);
        }
        let inflated = inflater
            .message(&m.payload())
            .unwrap_or_else(|e| panic!("{who} message {i} does not inflate ({window}-bit window): {e}"));
        assert!(inflated == *data, "{who} message {i}: inflates to other bytes ({} vs {})", inflated.len(), data.len());
        let decoded = checker.message(&m.payload()).unwrap_or_else(|e| panic!("{who} message {i}: {e}"));
        assert!(decoded == *data, "{who} message {i}: the window checker decodes other bytes");
        // §7.2.1: an empty message compressed alone is the byte 00 (the
        // empty stored block, whose LEN and NLEN are the removed tail).
        if data.is_empty() && *frames == 1 {
            assert_eq!(m.payload(), [0x00], "{who} message {i}: an empty message");
        }
    }
}

fn receiver_events(events: Vec<Ev>, own_pings: &[Vec<u8>]) -> Vec<Ev> {
    let mut norm = Normalizer::default();
    for ev in events {
        match ev {
            // Auto-pongs may be coalesced; each answers one of ours.
            Ev::Pong(p) => assert!(own_pings.contains(&p), "a Pong for no Ping: {p:?}"),
            ev => norm.push(ev),
        }
    }
    norm.events
}

fn pings(ops: &[Op]) -> Vec<Vec<u8>> {
    ops.iter()
        .filter_map(|op| match op {
            Op::Ping(p) | Op::Fragmented(_, _, Some(p)) => Some(p.clone()),
            _ => None,
        })
        .collect()
}

fn round_trip(client: &Side, server: &Side, seed: u64, max_piece: usize) {
    let uri = WsUri::parse("ws://localhost/").unwrap();
    let cconf = Config::new().delivery(client.delivery).deflate(client.deflate);
    let sconf = Config::new().delivery(server.delivery).deflate(server.deflate);
    let c = Connection::client(&uri, &ClientOptions::new(), cconf, ChaChaRng::from_seed([seed as u8; 32])).unwrap();
    let s = Connection::server(sconf, ServerConfig::new());
    let mut pair =
        Pair::new(Endpoint::new(c, client.path), Endpoint::new(s, server.path).accepting(AcceptOptions::new()));
    let mut cut = cuts::random(XorShift::new(seed), max_piece);
    pair.step_until_idle(&mut cut).unwrap();
    let cev = pair.client.take_events();
    let sev = pair.server.take_events();
    let [Ev::Complete(negotiated)] = &cev[..] else { panic!("client: {cev:?}") };
    assert!(matches!(&sev[..], [Ev::Upgrade(_), Ev::Complete(n)] if n == negotiated), "server: {sev:?}");
    // Every offer our client makes is valid, and a server honours it.
    let [element] = &negotiated.extensions[..] else { panic!("{negotiated:?}") };
    let r = read_response(element);
    // RFC 7692 §7.1.1.1, §7.1.2.1: what the client asked of the server is
    // granted.
    if client.deflate.server_no_context_takeover {
        assert!(r.server_nct, "{element}");
    }
    if client.deflate.server_max_window_bits < 15 {
        assert!(r.server_bits.is_some_and(|b| b <= client.deflate.server_max_window_bits), "{element}");
    }
    // §7.1.2.2: the client's window is within what it offered.
    assert!(r.client_bits.is_none_or(|b| b <= client.deflate.client_max_window_bits), "{element}");

    send(&mut pair.client.conn, &client.ops);
    send(&mut pair.server.conn, &server.ops);
    pair.step_until_idle(&mut cut).unwrap();

    let got_by_server = receiver_events(pair.server.take_events(), &pings(&server.ops));
    let got_by_client = receiver_events(pair.client.take_events(), &pings(&client.ops));
    assert!(got_by_server == expected_events(&client.ops), "the server received other events");
    assert!(got_by_client == expected_events(&server.ops), "the client received other events");

    // Each sender keeps to the window negotiated for it, and to its own
    // config's smaller one.
    let server_window = r.server_bits.unwrap_or(15).min(server.deflate.server_max_window_bits);
    let client_window = r.client_bits.unwrap_or(15).min(client.deflate.client_max_window_bits);
    check_wire(&pair.client.wire, &client.ops, client.deflate.min_size as usize, client_window, r.client_nct, "client");
    check_wire(&pair.server.wire, &server.ops, server.deflate.min_size as usize, server_window, r.server_nct, "server");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// RFC 7692 §6, §7: every parameter combination, both delivery modes
    /// and read paths, any input split.
    #[test]
    fn messages_round_trip_compressed_in_every_combination(
        client in side(),
        server in side(),
        seed in any::<u64>(),
        max_piece in prop_oneof![Just(3usize), Just(17), Just(256), Just(4096), Just(usize::MAX)],
    ) {
        round_trip(&client, &server, seed, max_piece);
    }
}

#[test]
fn large_messages_round_trip_in_both_modes_and_paths() {
    let big_text = String::from_utf8(text_of(300 << 10, 1).into_bytes()).unwrap().into_bytes();
    let ops = vec![
        Op::Whole(MessageKind::Binary, compressible(300 << 10, 2)),
        Op::Whole(MessageKind::Binary, random_bytes(300 << 10, 3)),
        Op::Whole(MessageKind::Text, big_text.clone()),
        Op::Fragmented(MessageKind::Text, split_at_points(&big_text, vec![90_001, 200_003]), None),
        Op::Whole(MessageKind::Binary, Vec::new()),
    ];
    for (delivery, path) in [(Delivery::Messages, Path::ZeroCopy), (Delivery::Chunks, Path::Buffered)] {
        let side = Side { deflate: DeflateConfig::new(), delivery, path, ops: ops.clone() };
        round_trip(&side, &side, 5, 1 << 20);
    }
}

// ---------------------------------------------------------------------
// Frames compressed by the reference, received by a connection.

/// A connection in `role` that runs permessage-deflate with the response
/// `element`.
fn open(role: Role, element: &str, delivery: Delivery) -> Connection {
    let config = Config::new().delivery(delivery).max_message_size(1 << 20);
    wsproto_testkit::conn::open(role, config, &[element], [3; 32])
}

const MODES: [Delivery; 2] = [Delivery::Messages, Delivery::Chunks];
const ROLES: [Role; 2] = [Role::Client, Role::Server];

/// Runs `input` through a new connection in every split and both paths,
/// and returns the folded events (the same in all of them).
fn receive(role: Role, element: &str, delivery: Delivery, input: &[u8]) -> Result<Vec<Ev>, Error> {
    let mut first: Option<Result<Vec<Ev>, Error>> = None;
    for (name, lens) in cuts::splits(input.len()).into_iter().take(if input.len() > 4096 { 3 } else { 12 }) {
        for path in [Path::ZeroCopy, Path::Buffered] {
            let mut conn = open(role, element, delivery);
            let out = drive(&mut conn, cuts::pieces(input, &lens), path);
            let got = out.result.map(|()| wsproto_testkit::events::fold_chunks(&out.events));
            match &first {
                None => first = Some(got),
                Some(f) => assert_eq!(&got, f, "{role:?} {delivery:?} {name} {path:?}"),
            }
        }
    }
    first.unwrap()
}

#[test]
fn frames_compressed_by_the_reference_are_received_in_both_roles_and_modes() {
    use MessageKind::{Binary, Text};
    let messages: Vec<(MessageKind, Vec<u8>)> = vec![
        (Text, b"Hello".to_vec()),
        (Binary, Vec::new()),
        (Binary, compressible(5000, 9)),
        (Binary, random_bytes(700, 4)),
        (Text, "日本語のテキスト é 🎉".repeat(40).into_bytes()),
        (Binary, compressible(40_000, 10)),
        (Text, b"Hello".to_vec()),
        (Text, Vec::new()),
    ];
    for role in ROLES {
        // The peer's parameters as the response states them.
        let peer = if role == Role::Client { "server" } else { "client" };
        for bits in 9..=15u8 {
            for takeover in [true, false] {
                let mut element = format!("permessage-deflate; {peer}_max_window_bits={bits}");
                if !takeover {
                    element.push_str(&format!("; {peer}_no_context_takeover"));
                }
                let mut z = RefDeflater::new(bits, takeover);
                let mut input = Vec::new();
                let mut expected = Vec::new();
                for (i, (kind, m)) in messages.iter().enumerate() {
                    let op = if *kind == Text { 0x1 } else { 0x2 };
                    if i % 3 == 2 {
                        // Fragmented: RSV1 on the first frame only.
                        let parts = z.fragments(&[&m[..m.len() / 2], &m[m.len() / 2..]]);
                        input.extend(frame_to(role, first_byte(false, 0b100, op), &parts[0]));
                        input.extend(frame_to(role, first_byte(true, 0, 0), &parts[1]));
                    } else {
                        input.extend(frame_to(role, first_byte(true, 0b100, op), &z.message(m)));
                    }
                    expected.push(Ev::message(*kind, m.clone()));
                }
                for delivery in MODES {
                    assert_eq!(
                        receive(role, &element, delivery, &input),
                        Ok(expected.clone()),
                        "{role:?} {bits} takeover {takeover} {delivery:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_rfc_7692_examples_are_received() {
    for role in ROLES {
        for delivery in MODES {
            let recv = |input: &[u8]| receive(role, "permessage-deflate", delivery, input);
            // §7.2.3.1: a message compressed in one frame.
            let hello = [0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00];
            assert_eq!(recv(&frame_to(role, 0xC1, &hello)), Ok(vec![Ev::text("Hello")]));
            // §7.2.3.2: a second message that uses the window of the first.
            let again = [0xf2, 0x00, 0x11, 0x00, 0x00];
            let input = [frame_to(role, 0xC1, &hello), frame_to(role, 0xC1, &again)].concat();
            assert_eq!(recv(&input), Ok(vec![Ev::text("Hello"), Ev::text("Hello")]));
            // §7.2.3.3: a stored (uncompressed) DEFLATE block.
            let stored = [0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00];
            assert_eq!(recv(&frame_to(role, 0xC1, &stored)), Ok(vec![Ev::text("Hello")]));
            // §7.2.3.1: the compressed "Hello" fragmented over two frames,
            // RSV1 on the first only.
            let input = [frame_to(role, 0x41, &hello[..3]), frame_to(role, 0x80, &hello[3..])].concat();
            assert_eq!(recv(&input), Ok(vec![Ev::text("Hello")]));
            // §7.2.3.5: two DEFLATE blocks in one message.
            let blocks = [0xf2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xff, 0xff, 0xca, 0xc9, 0xc9, 0x07, 0x00];
            assert_eq!(recv(&frame_to(role, 0xC1, &blocks)), Ok(vec![Ev::text("Hello")]));
            // §7.2.1: an empty message is the byte 00; and a
            // message without RSV1 is not inflated (§6).
            let input = [frame_to(role, 0xC2, &[0x00]), frame_to(role, 0x81, b"plain")].concat();
            assert_eq!(recv(&input), Ok(vec![Ev::Binary(Vec::new()), Ev::text("plain")]));
        }
    }
}

#[test]
fn the_rfc_7692_bfinal_example_is_received() {
    // §7.2.3.4: "Hello" in a DEFLATE block with BFINAL set, then one octet
    // 0x00 (a non-final stored block's header bits) which "is necessary to
    // allow the payload to be decompressed in the same manner as messages
    // compressed using DEFLATE blocks with BFINAL unset". The next message
    // starts a new stream.
    let bfinal = [0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00];
    let hello = [0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00];
    for role in ROLES {
        for delivery in MODES {
            let recv = |input: &[u8]| receive(role, "permessage-deflate", delivery, input);
            assert_eq!(recv(&frame_to(role, 0xC1, &bfinal)), Ok(vec![Ev::text("Hello")]), "{role:?} {delivery:?}");
            let input = [frame_to(role, 0xC1, &bfinal), frame_to(role, 0xC1, &hello)].concat();
            assert_eq!(recv(&input), Ok(vec![Ev::text("Hello"), Ev::text("Hello")]), "{role:?} {delivery:?}");
        }
    }
}

#[test]
fn a_bfinal_block_that_ends_the_payload_is_received() {
    // The same block without the extra octet: the stream ends exactly at
    // the end of the payload (the appended tail is then not needed).
    let bfinal = [0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00];
    for role in ROLES {
        for delivery in MODES {
            let input = [frame_to(role, 0xC1, &bfinal), frame_to(role, 0xC1, &bfinal)].concat();
            let got = receive(role, "permessage-deflate", delivery, &input);
            assert_eq!(got, Ok(vec![Ev::text("Hello"), Ev::text("Hello")]), "{role:?} {delivery:?}");
        }
    }
}

// ---------------------------------------------------------------------
// Receive errors.

/// Feeds `input` whole to a new connection and returns the error and
/// the Close frame's code it queued.
fn fails(role: Role, delivery: Delivery, input: &[u8]) -> (Error, Vec<Ev>, Option<u16>) {
    let mut conn = open(role, "permessage-deflate", delivery);
    let out = drive(&mut conn, [input], Path::ZeroCopy);
    let error = out.result.expect_err("the input must fail");
    let frames = parse_frames(&out.output);
    let close = frames.iter().find(|f| f.opcode == 0x8).and_then(|f| f.close_code());
    (error, out.events, close)
}

#[test]
fn rsv1_on_a_continuation_or_a_control_frame_is_a_protocol_error() {
    let hello = RefDeflater::new(15, false).message(b"Hello");
    for role in ROLES {
        for delivery in MODES {
            // RFC 7692 §6.1: RSV1 on a continuation frame.
            let input = [frame_to(role, 0x41, &hello), frame_to(role, 0xC0, &hello)].concat();
            let (e, _, close) = fails(role, delivery, &input);
            assert_eq!(e, Error::Frame(FrameError::ReservedBits(0b100)), "{role:?} {delivery:?}");
            assert_eq!(close, Some(1002));
            // RFC 7692 §6: the extension owns RSV1 of data messages only;
            // on a control frame it is a protocol error (RFC 6455 §5.2).
            for op in [0x8, 0x9, 0xA] {
                let (e, _, close) = fails(role, delivery, &frame_to(role, first_byte(true, 0b100, op), b""));
                assert_eq!(e, Error::Frame(FrameError::ReservedBits(0b100)), "{role:?} {delivery:?} {op}");
                assert_eq!(close, Some(1002), "{op}");
            }
        }
    }
}

#[test]
fn a_payload_that_does_not_inflate_fails_with_1007_and_a_close() {
    // A reserved block type (BTYPE 11, RFC 1951 §3.2.3), a stored block
    // whose NLEN is wrong, and a stream that ends (BFINAL) and goes on with
    // bytes that are no DEFLATE stream (what follows a final block is
    // inflated as a new stream, RFC 7692 §7.2.3.4).
    let bad: [&[u8]; 3] = [&[0xff, 0xff, 0xff], &[0x00, 0x05, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5], &[0x03, 0x00, 0xff]];
    for role in ROLES {
        for delivery in MODES {
            for payload in bad {
                let (e, _, close) = fails(role, delivery, &frame_to(role, 0xC2, payload));
                assert!(
                    matches!(e, Error::Extension { code: CloseCode::INVALID_PAYLOAD, .. }),
                    "{role:?} {delivery:?} {payload:02x?}: {e:?}"
                );
                assert_eq!(e.close_code(), CloseCode::INVALID_PAYLOAD);
                assert_eq!(close, Some(1007), "{payload:02x?}");
            }
        }
    }
}

#[test]
fn inflated_text_that_is_not_utf8_fails_fast_in_both_modes() {
    // The first fragment inflates to invalid UTF-8; the rest of the message
    // has not arrived: the error must come before it (RFC 6455 §8.1).
    let mut z = RefDeflater::new(15, true);
    let parts = z.fragments(&[b"ok \xff\xfe bad", b"never seen"]);
    for role in ROLES {
        for delivery in MODES {
            let input = frame_to(role, 0x41, &parts[0]);
            let (e, events, close) = fails(role, delivery, &input);
            assert_eq!(e, Error::InvalidUtf8, "{role:?} {delivery:?}");
            assert_eq!(close, Some(1007));
            // Chunks: at most the valid prefix was handed out.
            for ev in &events {
                let Ev::Chunk { data, .. } = ev else { panic!("{ev:?}") };
                assert!(b"ok ".starts_with(data), "{data:?}");
            }
        }
    }
}

#[test]
fn invalid_utf8_early_in_one_large_frame_fails_before_the_frame_is_all_there() {
    // One compressed frame whose inflated text goes bad in its first
    // bytes; only the first half of the frame is delivered. Fail-fast
    // (RFC 6455 §8.1, issue 12 §3): the error must not wait for the rest.
    let mut text = b"ok \xc0\xaf ".to_vec();
    text.extend(random_bytes(60_000, 8).iter().map(|b| b'a' + b % 26));
    let payload = RefDeflater::new(15, false).message(&text);
    assert!(payload.len() > 20_000, "{}", payload.len());
    for role in ROLES {
        for delivery in MODES {
            let frame = frame_to(role, 0xC1, &payload);
            let (e, _, close) = fails(role, delivery, &frame[..frame.len() / 2]);
            assert_eq!(e, Error::InvalidUtf8, "{role:?} {delivery:?}");
            assert_eq!(close, Some(1007));
        }
    }
}

#[test]
fn a_bomb_fails_with_1009_once_the_limit_is_reached() {
    // A few KiB that inflate to 64 MiB.
    let bomb = wsproto_testkit::deflate::bomb(64);
    assert!(bomb.len() < 128 << 10, "{}", bomb.len());
    for role in ROLES {
        let frame = frame_to(role, 0xC2, &bomb);
        let (e, _, close) = fails(role, Delivery::Messages, &frame);
        assert_eq!(e, Error::MessageTooLarge { max: 1 << 20 }, "{role:?}");
        assert_eq!(close, Some(1009));
        // The limit is applied while inflating: the first 8 KiB of the
        // frame (about 8 MiB inflated) are enough to fail.
        let (e, _, close) = fails(role, Delivery::Messages, &frame[..8 << 10]);
        assert_eq!(e, Error::MessageTooLarge { max: 1 << 20 }, "{role:?}, part of the frame");
        assert_eq!(close, Some(1009));
    }
}
