//! A client and a server wired back to back in memory: the pending bytes of
//! one are moved into the other (in uneven pieces, as a socket would), until
//! both are idle.

mod core_common;

use core_common::*;
use proptest::prelude::*;
use wsproto::handshake::Negotiated;
use wsproto::{ChaChaRng, CloseCode, Config, Connection, MessageKind, State, TransportAction};
use wsproto_testkit::cuts;
use wsproto_testkit::pair::{Endpoint, Pair};

/// A client and a server opened directly (no handshake), both reading
/// through `read` on their own buffer.
fn new_pair() -> Pair {
    let client =
        Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([3; 32])).unwrap();
    let server = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    Pair::new(Endpoint::new(client, Path::ZeroCopy), Endpoint::new(server, Path::ZeroCopy))
}

/// Moves bytes both ways, at most `piece` bytes at a time (1 = byte by
/// byte), until neither side has anything pending.
fn step_until_idle(pair: &mut Pair, piece: usize) {
    pair.step_until_idle(&mut cuts::fixed(piece)).expect("peers always agree");
}

#[test]
fn a_client_and_a_server_exchange_messages_pings_and_a_full_close_handshake() {
    for piece in [1, 3, 1000, usize::MAX] {
        let mut pair = new_pair();
        let c = pair.client.conn.sender();
        c.send_text("hello server").unwrap();
        c.send_binary(&bytes_0_to(70_000)).unwrap();
        c.begin_message(MessageKind::Text, "κό".as_bytes()).unwrap();
        c.send_ping(b"c-ping").unwrap();
        c.continue_message(&"σμε".as_bytes()[..1]).unwrap();
        c.finish_message(&"σμε".as_bytes()[1..]).unwrap();
        let s = pair.server.conn.sender();
        s.send_text("hello client").unwrap();
        s.send_ping(b"s-ping").unwrap();
        s.begin_message(MessageKind::Binary, &[1]).unwrap();
        s.finish_message(&[2]).unwrap();
        step_until_idle(&mut pair, piece);
        assert_eq!(
            pair.server.events,
            vec![
                Ev::text("hello server"),
                Ev::Binary(bytes_0_to(70_000)),
                Ev::Ping(b"c-ping".to_vec()),
                Ev::text("κόσμε"),
                Ev::Pong(b"s-ping".to_vec()),
            ],
            "piece {piece}"
        );
        assert_eq!(
            pair.client.events,
            vec![
                Ev::text("hello client"),
                Ev::Ping(b"s-ping".to_vec()),
                Ev::Binary(vec![1, 2]),
                Ev::Pong(b"c-ping".to_vec())
            ],
            "piece {piece}"
        );
        assert_eq!((pair.client.conn.state(), pair.server.conn.state()), (State::Open, State::Open));

        // The client starts the close handshake; the server answers it
        // automatically. RFC 6455 §7.1.1: the server closes TCP first.
        pair.client.conn.sender().send_close(CloseCode::NORMAL, "bye").unwrap();
        assert_eq!(pair.client.conn.state(), State::Closing);
        step_until_idle(&mut pair, piece);
        assert_eq!(pair.server.events.last(), Some(&Ev::close(1000, "bye")));
        assert_eq!(pair.client.events.last(), Some(&Ev::close(1000, "")));
        assert_eq!((pair.client.conn.state(), pair.server.conn.state()), (State::Closed, State::Closed));
        assert_eq!(pair.server.conn.transport_action(), TransportAction::Close);
        assert_eq!(pair.client.conn.transport_action(), TransportAction::WaitForPeerClose);
        assert_eq!(pair.client.conn.read_eof(), Ok(None), "EOF after the handshake is clean");
    }
}

#[test]
fn a_server_initiated_close_handshake_completes() {
    let mut pair = new_pair();
    pair.server.conn.sender().send_close(CloseCode(4000), "shutdown").unwrap();
    pair.client.conn.sender().send_text("in flight").unwrap();
    step_until_idle(&mut pair, 2);
    assert_eq!(pair.server.events, vec![Ev::text("in flight"), Ev::close(4000, "")]);
    assert_eq!(pair.client.events, vec![Ev::close(4000, "shutdown")]);
    assert_eq!((pair.client.conn.state(), pair.server.conn.state()), (State::Closed, State::Closed));
    assert_eq!(pair.server.conn.transport_action(), TransportAction::Close);
    assert_eq!(pair.client.conn.transport_action(), TransportAction::WaitForPeerClose);
}

#[derive(Debug, Clone)]
enum Op {
    Text(String),
    Binary(Vec<u8>),
    Fragmented(Vec<Vec<u8>>),
    Ping(Vec<u8>),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        ".{0,40}".prop_map(Op::Text),
        proptest::collection::vec(any::<u8>(), 0..300).prop_map(Op::Binary),
        proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..50), 1..5).prop_map(Op::Fragmented),
        proptest::collection::vec(any::<u8>(), 0..=125).prop_map(Op::Ping),
    ]
}

/// Sends `ops` from `conn` and returns what the peer must see.
fn send_ops(conn: &mut Connection, ops: &[Op]) -> Vec<Ev> {
    let tx = conn.sender();
    let mut expect = Vec::new();
    for op in ops {
        match op {
            Op::Text(t) => {
                tx.send_text(t).unwrap();
                expect.push(Ev::Text(t.clone()));
            }
            Op::Binary(b) => {
                tx.send_binary(b).unwrap();
                expect.push(Ev::Binary(b.clone()));
            }
            Op::Fragmented(parts) => {
                tx.begin_message(MessageKind::Binary, &parts[0]).unwrap();
                for p in &parts[1..] {
                    tx.continue_message(p).unwrap();
                }
                tx.finish_message(b"").unwrap();
                expect.push(Ev::Binary(parts.concat()));
            }
            Op::Ping(p) => {
                tx.send_ping(p).unwrap();
                expect.push(Ev::Ping(p.clone()));
            }
        }
    }
    expect
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A client and a server wired back to back, exchanging random
    /// operations, always agree on what was sent.
    #[test]
    fn back_to_back_peers_always_agree(
        from_client in proptest::collection::vec(op(), 0..12),
        from_server in proptest::collection::vec(op(), 0..12),
        piece in 1usize..64,
    ) {
        let mut pair = new_pair();
        let expect_server = send_ops(&mut pair.client.conn, &from_client);
        let expect_client = send_ops(&mut pair.server.conn, &from_server);
        step_until_idle(&mut pair, piece);
        // Each side also sees the Pongs answering its own Pings.
        let pongs = |ops: &[Op]| -> Vec<Ev> {
            ops.iter().filter_map(|o| if let Op::Ping(p) = o { Some(Ev::Pong(p.clone())) } else { None }).collect()
        };
        let data = |evs: &[Ev]| -> Vec<Ev> { evs.iter().filter(|e| !matches!(e, Ev::Pong(_))).cloned().collect() };
        let got_pongs = |evs: &[Ev]| -> Vec<Ev> { evs.iter().filter(|e| matches!(e, Ev::Pong(_))).cloned().collect() };
        prop_assert_eq!(data(&pair.server.events), expect_server);
        prop_assert_eq!(data(&pair.client.events), expect_client);
        // RFC 6455 §5.5.3: a peer may answer only the most recent of the
        // Pings it has not answered yet, so the Pongs are an in-order
        // subsequence of the Pings that ends with the last one.
        for (got, sent) in [(got_pongs(&pair.client.events), pongs(&from_client)), (got_pongs(&pair.server.events), pongs(&from_server))] {
            let mut rest = sent.iter();
            prop_assert!(got.iter().all(|p| rest.any(|s| s == p)), "pongs {:?} not a subsequence of {:?}", got, sent);
            prop_assert_eq!(got.last(), sent.last());
        }
        pair.client.conn.sender().send_close(CloseCode::NORMAL, "").unwrap();
        step_until_idle(&mut pair, piece);
        prop_assert_eq!((pair.client.conn.state(), pair.server.conn.state()), (State::Closed, State::Closed));
    }
}
