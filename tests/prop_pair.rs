//! A client and a server wired back to back, exchanging random operations:
//! messages (whole and fragmented, with Pings between fragments), Pings,
//! unsolicited Pongs, Close frames, memory releases, and deliveries of
//! random amounts of pending bytes in random pieces, through either read
//! path and either delivery mode. Some cases start from raw bytes with the
//! full opening handshake (`Connection::client` / `Connection::server` +
//! `accept`), with sends attempted before it completes.
//!
//! Invariants, checked after every operation or at the end:
//! - a send is accepted exactly when the connection is open and our Close
//!   is not queued; a refused send leaves the pending bytes and the state
//!   untouched;
//! - the state of each side follows from the Close frames sent and
//!   received;
//! - every message, Ping and unsolicited Pong sent is received intact and
//!   in order, followed by the sender's Close if it sent one;
//! - each side's automatic Pongs answer the other side's Pings in order,
//!   the most recent one always (RFC 6455 §5.5.3 allows dropping older
//!   unsent ones);
//! - both sides agree on the close codes and end Closed (or both Open);
//! - on the wire, nothing follows a side's Close frame, and only the client
//!   masks.

mod core_common;

use core_common::*;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use wsproto::handshake::Negotiated;
use wsproto::handshake::{AcceptOptions, ClientOptions, ServerConfig, WsUri};
use wsproto::{
    ChaChaRng, CloseCode, Config, Connection, Delivery, MessageKind, Role, Sender, State, TransportAction, UsageError,
};
use wsproto_testkit::cuts;
use wsproto_testkit::http::head_end;
use wsproto_testkit::pair::{self, End};
use wsproto_testkit::read::Reader;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("tests/proptest-regressions/prop_pair.txt"))),
        ..ProptestConfig::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Client,
    Server,
}

#[derive(Debug, Clone)]
enum Op {
    Text(Side, String),
    Binary(Side, Vec<u8>),
    /// Fragments, each but the first preceded by an optional Ping.
    Fragmented(Side, MessageKind, Vec<(Option<Vec<u8>>, Vec<u8>)>),
    Ping(Side, Vec<u8>),
    Pong(Side, Vec<u8>),
    Close(Side, u16, String),
    /// Move up to `max` pending bytes from `from` to its peer, fed in
    /// pieces of at most `piece` bytes.
    Deliver {
        from: Side,
        max: usize,
        piece: usize,
    },
    Release(Side),
}

impl Side {
    fn role(self) -> Role {
        match self {
            Side::Client => Role::Client,
            Side::Server => Role::Server,
        }
    }
}

fn side() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::Client), Just(Side::Server)]
}

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..max)
}

/// Any of the three delivery modes.
fn delivery() -> impl Strategy<Value = Delivery> {
    prop_oneof![Just(Delivery::Messages), Just(Delivery::Chunks), Just(Delivery::Frames)]
}

fn op() -> impl Strategy<Value = Op> {
    let text = prop::collection::vec(any::<char>(), 0..30).prop_map(|c| c.into_iter().collect::<String>());
    let binary = prop_oneof![8 => bytes(200), 1 => (126usize..3000).prop_map(|n| vec![0x5A; n])];
    let fragments = prop::collection::vec((prop::option::weighted(0.3, bytes(10)), bytes(40)), 1..5);
    let code = prop::sample::select(vec![1000u16, 1001, 1002, 1003, 1007, 1008, 1011, 1014, 3000, 4000, 4999]);
    prop_oneof![
        3 => (side(), text).prop_map(|(s, t)| Op::Text(s, t)),
        3 => (side(), binary).prop_map(|(s, b)| Op::Binary(s, b)),
        2 => (side(), any::<bool>(), fragments).prop_map(|(s, text, f)| {
            // Text fragments: ASCII, so that any cut is valid UTF-8 as a
            // whole; the receiver checks it.
            let kind = if text { MessageKind::Text } else { MessageKind::Binary };
            let f = if text {
                f.into_iter().map(|(p, d)| (p, d.iter().map(|b| b'a' + b % 26).collect())).collect()
            } else {
                f
            };
            Op::Fragmented(s, kind, f)
        }),
        2 => (side(), bytes(100)).prop_map(|(s, p)| Op::Ping(s, p)),
        1 => (side(), bytes(100)).prop_map(|(s, p)| Op::Pong(s, p)),
        1 => (side(), code, ".{0,12}").prop_map(|(s, c, r)| Op::Close(s, c, r)),
        6 => (side(), prop_oneof![1usize..40, 40usize..5000, Just(usize::MAX)], prop_oneof![Just(1usize), 1usize..16, 16usize..4096])
            .prop_map(|(from, max, piece)| Op::Deliver { from, max, piece }),
        1 => side().prop_map(Op::Release),
    ]
}

/// One end and everything the test knows about it.
struct Peer {
    conn: Connection,
    /// Its read loop, through `read` or `feed`/`poll`.
    reader: Reader,
    role: Role,
    auto_pong: bool,
    /// Sends are possible: a client got the 101, a server accepted.
    open: bool,
    /// The Close frame this side queued (explicit, or the automatic reply
    /// echoing the peer's code with no reason).
    close_sent: Option<(u16, String)>,
    /// Our Close was sent with `send_close`, not as the automatic reply.
    close_explicit: bool,
    close_received: bool,
    negotiated: Option<Option<String>>,
    /// Received events (chunks are folded at the end).
    events: Vec<Ev>,
    /// What the peer must receive from us, in order: data and Pings.
    sent: Vec<Ev>,
    /// Unsolicited Pongs we sent, in order.
    pongs_sent: Vec<Vec<u8>>,
    /// The peer's Pings that arrived while we could still answer them.
    answerable: Vec<Vec<u8>>,
    ping_counter: u16,
    /// Everything this side wrote to the transport.
    wire: Vec<u8>,
}

impl Peer {
    fn new(conn: Connection, role: Role, zero_copy: bool, auto_pong: bool, open: bool) -> Peer {
        let path = if zero_copy { Path::ZeroCopy } else { Path::Buffered };
        Peer {
            reader: Reader::new(path, &conn),
            conn,
            role,
            auto_pong,
            open,
            close_sent: None,
            close_explicit: false,
            close_received: false,
            negotiated: None,
            events: Vec::new(),
            sent: Vec::new(),
            pongs_sent: Vec::new(),
            answerable: Vec::new(),
            ping_counter: 0,
            wire: Vec::new(),
        }
    }

    /// The state the model predicts.
    fn expected_state(&self) -> State {
        if !self.open {
            return State::Connecting;
        }
        match (self.close_sent.is_some(), self.close_received) {
            (false, false) => State::Open,
            (true, true) => State::Closed,
            _ => State::Closing,
        }
    }

    /// Tries a send: it must succeed exactly when the model says it can,
    /// and a refusal must change nothing.
    fn try_send(&mut self, f: impl FnOnce(&mut Sender) -> Result<(), UsageError>) -> Result<bool, TestCaseError> {
        let can = self.open && self.close_sent.is_none();
        let before = self.conn.sender().pending().to_vec();
        let state = self.conn.state();
        let result = f(self.conn.sender());
        if can {
            prop_assert_eq!(result, Ok(()), "{:?}: a send refused while open", self.role);
            prop_assert!(self.conn.sender().pending_len() > before.len(), "an accepted send queued nothing");
        } else {
            let expect = if self.open { UsageError::AlreadyClosing } else { UsageError::NotOpen };
            prop_assert_eq!(result, Err(expect), "{:?}: a send accepted when it must not be", self.role);
            prop_assert_eq!(self.conn.sender().pending(), &before[..], "a refused send changed pending");
            prop_assert_eq!(self.conn.state(), state, "a refused send changed the state");
        }
        Ok(can)
    }

    /// A Ping payload that names its sender and is unique.
    fn tag_ping(&mut self, mut payload: Vec<u8>) -> Vec<u8> {
        self.ping_counter += 1;
        let mut p = vec![b'P', self.role as u8];
        p.extend_from_slice(&self.ping_counter.to_be_bytes());
        p.append(&mut payload);
        p.truncate(125);
        p
    }

    /// Handles an event (other than the handshake ones) the way the model
    /// expects the connection to have handled it.
    fn on_event(&mut self, ev: Ev) {
        match &ev {
            Ev::Ping(p) if self.auto_pong && self.close_sent.is_none() => self.answerable.push(p.clone()),
            Ev::Close(code, _) => {
                self.close_received = true;
                if self.close_sent.is_none() {
                    // Config::auto_close_reply echoes the code.
                    self.close_sent = Some((*code, String::new()));
                }
            }
            _ => {}
        }
        self.events.push(ev);
    }
}

impl End for Peer {
    type Error = TestCaseError;

    fn conn(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Reads everything in `piece`, handling each event; accepts an upgrade
    /// request on the spot.
    fn receive(&mut self, piece: &[u8]) -> Result<(), TestCaseError> {
        self.reader.stage(&mut self.conn, piece);
        loop {
            let ev = match self.reader.next(&mut self.conn) {
                Ok(Some(ev)) => ev,
                Ok(None) => return Ok(()),
                Err(e) => return Err(TestCaseError::fail(format!("{:?} failed on valid input: {e:?}", self.role))),
            };
            match ev {
                Ev::Upgrade(request) => {
                    prop_assert_eq!(self.role, Role::Server);
                    let mut options = AcceptOptions::new();
                    if let Some(p) = request.protocols().next() {
                        options = options.protocol(p);
                    }
                    prop_assert_eq!(self.conn.accept(&options), Ok(()));
                    self.open = true;
                }
                Ev::Complete(n) => {
                    prop_assert!(self.negotiated.is_none(), "HandshakeComplete twice");
                    self.negotiated = Some(n.protocol.clone());
                    self.open = true;
                }
                ev => self.on_event(ev),
            }
        }
    }

    /// What this side wrote to the transport.
    fn delivering(from: &mut Peer, _to: &mut Peer, bytes: &[u8]) {
        from.wire.extend_from_slice(bytes);
    }
}

struct Pair {
    ends: pair::Pair<Peer>,
}

impl Pair {
    fn sides(&mut self, side: Side) -> (&mut Peer, &mut Peer) {
        self.ends.ends(side.role())
    }

    fn check_states(&mut self) -> Result<(), TestCaseError> {
        for p in [&mut self.ends.client, &mut self.ends.server] {
            prop_assert_eq!(p.conn.state(), p.expected_state(), "{:?}", p.role);
            if p.conn.state() != State::Closed || p.conn.sender().pending_len() > 0 {
                prop_assert_eq!(p.conn.transport_action(), TransportAction::Continue, "{:?}", p.role);
            }
        }
        Ok(())
    }

    fn apply(&mut self, op: &Op) -> Result<(), TestCaseError> {
        match op.clone() {
            Op::Text(s, t) => {
                let (me, _) = self.sides(s);
                if me.try_send(|tx| tx.send_text(&t))? {
                    me.sent.push(Ev::Text(t));
                }
            }
            Op::Binary(s, b) => {
                let (me, _) = self.sides(s);
                if me.try_send(|tx| tx.send_binary(&b))? {
                    me.sent.push(Ev::Binary(b));
                }
            }
            Op::Fragmented(s, kind, fragments) => {
                let (me, _) = self.sides(s);
                if me.try_send(|tx| tx.begin_message(kind, &fragments[0].1))? {
                    let last = fragments.len() - 1;
                    let mut data = fragments[0].1.clone();
                    for (i, (ping, fragment)) in fragments.iter().enumerate().skip(1) {
                        if let Some(p) = ping {
                            let p = me.tag_ping(p.clone());
                            me.conn.sender().send_ping(&p).unwrap();
                            me.sent.push(Ev::Ping(p));
                        }
                        if i == last {
                            me.conn.sender().finish_message(fragment).unwrap();
                        } else {
                            me.conn.sender().continue_message(fragment).unwrap();
                        }
                        data.extend_from_slice(fragment);
                    }
                    if last == 0 {
                        me.conn.sender().finish_message(b"").unwrap();
                    }
                    me.sent.push(match kind {
                        MessageKind::Text => Ev::Text(String::from_utf8(data).unwrap()),
                        MessageKind::Binary => Ev::Binary(data),
                    });
                }
            }
            Op::Ping(s, p) => {
                let (me, _) = self.sides(s);
                let p = me.tag_ping(p);
                if me.try_send(|tx| tx.send_ping(&p))? {
                    me.sent.push(Ev::Ping(p));
                }
            }
            Op::Pong(s, mut p) => {
                let (me, _) = self.sides(s);
                p.insert(0, b'U');
                if me.try_send(|tx| tx.send_pong(&p))? {
                    me.pongs_sent.push(p);
                }
            }
            Op::Close(s, code, reason) => {
                let (me, _) = self.sides(s);
                if me.try_send(|tx| tx.send_close(CloseCode(code), &reason))? {
                    me.close_sent = Some((code, reason));
                    me.close_explicit = true;
                }
            }
            Op::Deliver { from, max, piece } => {
                self.ends.deliver(from.role(), max, &mut cuts::fixed(piece))?;
            }
            Op::Release(s) => {
                let (me, _) = self.sides(s);
                let pending = me.conn.sender().pending().to_vec();
                let mid = me.conn.is_mid_message();
                me.conn.release_memory();
                prop_assert_eq!(me.conn.sender().pending(), &pending[..], "release_memory changed pending");
                prop_assert_eq!(me.conn.is_mid_message(), mid);
            }
        }
        self.check_states()
    }

    /// Delivers everything both ways until neither side has anything
    /// pending.
    fn run_until_idle(&mut self, piece: usize) -> Result<(), TestCaseError> {
        self.ends.step_until_idle(&mut cuts::fixed(piece))?;
        self.check_states()
    }
}

/// The frames a side wrote, after its HTTP head if there was a handshake.
fn frames_on_wire(wire: &[u8], handshake: bool) -> Vec<WireFrame> {
    let start = if handshake { head_end(wire).unwrap_or(wire.len()) } else { 0 };
    parse_frames(&wire[start..])
}

/// What `to` must have received from `from`.
fn check_direction(from: &Peer, to: &Peer, handshake: bool) -> Result<(), TestCaseError> {
    let events = fold_chunks(&to.events);
    let mut data: Vec<Ev> = events.iter().filter(|e| !matches!(e, Ev::Pong(_))).cloned().collect();
    let close = match data.last() {
        Some(Ev::Close(..)) => data.pop(),
        _ => None,
    };
    prop_assert_eq!(&data, &from.sent, "{:?} → {:?}: data and Pings", from.role, to.role);
    prop_assert_eq!(
        close,
        from.close_sent.clone().map(|(c, r)| Ev::Close(c, r)),
        "{:?} → {:?}: Close",
        from.role,
        to.role
    );

    let pongs = events.iter().filter_map(|e| if let Ev::Pong(p) = e { Some(p.clone()) } else { None });
    let (unsolicited, answers): (Vec<_>, Vec<_>) = pongs.partition(|p| p.first() == Some(&b'U'));
    prop_assert_eq!(&unsolicited, &from.pongs_sent, "{:?} → {:?}: unsolicited Pongs", from.role, to.role);
    let mut next = 0;
    for a in &answers {
        let found = from.answerable[next..].iter().position(|p| p == a);
        prop_assert!(
            found.is_some(),
            "{:?} → {:?}: a Pong out of order or answering nothing: {:?}",
            from.role,
            to.role,
            a
        );
        next += found.unwrap() + 1;
    }
    prop_assert_eq!(
        answers.last(),
        from.answerable.last(),
        "{:?} → {:?}: the last Ping unanswered",
        from.role,
        to.role
    );

    // On the wire: only clients mask, and nothing follows the Close.
    let frames = frames_on_wire(&from.wire, handshake);
    for f in &frames {
        prop_assert_eq!(f.mask.is_some(), from.role == Role::Client, "{:?} masking", from.role);
    }
    let close_at = frames.iter().position(|f| f.opcode == 0x8);
    if let Some(i) = close_at {
        prop_assert_eq!(i, frames.len() - 1, "{:?} wrote frames after its Close", from.role);
        prop_assert_eq!(frames[i].close_code(), from.close_sent.as_ref().map(|c| c.0));
    }
    prop_assert_eq!(close_at.is_some(), from.close_sent.is_some());
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn run(
    ops: &[Op],
    handshake: bool,
    offer_protocol: bool,
    zero_copy: (bool, bool),
    delivery: (Delivery, Delivery),
    auto_pong: (bool, bool),
    final_piece: usize,
    eof: bool,
    seed: u8,
) -> Result<(), TestCaseError> {
    let cfg = |delivery: Delivery, auto_pong: bool| {
        let mut c = Config::default();
        c.delivery = delivery;
        c.auto_pong = auto_pong;
        c
    };
    let (client_cfg, server_cfg) = (cfg(delivery.0, auto_pong.0), cfg(delivery.1, auto_pong.1));
    let rng = ChaChaRng::from_seed([seed; 32]);
    let (client, server) = if handshake {
        let uri = WsUri::parse("ws://example.com/chat?x=1").unwrap();
        let options =
            if offer_protocol { ClientOptions::new().protocol("chat").protocol("v2") } else { ClientOptions::new() };
        let client = Connection::client(&uri, &options, client_cfg, rng).unwrap();
        (client, Connection::server(server_cfg, ServerConfig::new()))
    } else {
        (
            Connection::open_client(client_cfg, Negotiated::default(), rng).unwrap(),
            Connection::open_server(server_cfg, Negotiated::default()).unwrap(),
        )
    };
    let mut pair = Pair {
        ends: pair::Pair::new(
            Peer::new(client, Role::Client, zero_copy.0, auto_pong.0, !handshake),
            Peer::new(server, Role::Server, zero_copy.1, auto_pong.1, !handshake),
        ),
    };
    if !handshake {
        pair.ends.client.negotiated = Some(None);
        pair.ends.server.negotiated = Some(None);
    }
    pair.check_states()?;
    for op in ops {
        pair.apply(op)?;
    }
    pair.run_until_idle(final_piece)?;

    let (c, s) = (&pair.ends.client, &pair.ends.server);
    prop_assert!(c.open && s.open, "the handshake completed");
    let protocol = (handshake && offer_protocol).then(|| "chat".to_string());
    prop_assert_eq!(&c.negotiated, &Some(protocol.clone()));
    prop_assert_eq!(&s.negotiated, &Some(protocol.clone()));
    prop_assert_eq!(&c.conn.negotiated().protocol, &protocol);
    prop_assert_eq!(&s.conn.negotiated().protocol, &protocol);
    check_direction(c, s, handshake)?;
    check_direction(s, c, handshake)?;
    for p in [c, s] {
        prop_assert!(!p.conn.is_mid_message(), "{:?} is mid-message when idle", p.role);
    }

    let closing = c.close_sent.is_some() || s.close_sent.is_some();
    if closing {
        // The close handshake always completes, and both sides agree.
        prop_assert_eq!((c.conn.state(), s.conn.state()), (State::Closed, State::Closed));
        // Whoever closed alone got its code echoed back; when both closed at
        // once, each got the other's Close.
        let (cc, sc) = (c.close_sent.as_ref().unwrap().0, s.close_sent.as_ref().unwrap().0);
        if c.close_explicit != s.close_explicit {
            prop_assert_eq!(cc, sc, "the reply echoes the code");
        }
        prop_assert!(c.close_explicit || s.close_explicit);
        prop_assert_eq!(s.conn.transport_action(), TransportAction::Close, "the server closes TCP first");
        prop_assert_eq!(c.conn.transport_action(), TransportAction::WaitForPeerClose);
        let (c, s) = (&mut pair.ends.client, &mut pair.ends.server);
        prop_assert_eq!(c.conn.read_eof(), Ok(None), "EOF after the close handshake is clean");
        prop_assert_eq!(s.conn.read_eof(), Ok(None));
        prop_assert_eq!(c.conn.transport_action(), TransportAction::Close);
    } else {
        prop_assert_eq!((c.conn.state(), s.conn.state()), (State::Open, State::Open));
        if eof {
            for p in [&mut pair.ends.client, &mut pair.ends.server] {
                let ev = p.conn.read_eof().map(|e| e.map(|e| owned(&e)));
                prop_assert_eq!(ev, Ok(Some(Ev::Close(1006, String::new()))), "EOF before Close is abnormal");
                prop_assert_eq!(p.conn.state(), State::Closed);
                prop_assert_eq!(p.conn.transport_action(), TransportAction::Close);
            }
        }
    }
    // An idle connection can give its buffers back.
    for p in [&mut pair.ends.client, &mut pair.ends.server] {
        p.conn.release_memory();
        prop_assert_eq!(p.conn.heap_size(), 0, "{:?} holds heap when idle", p.role);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_client_and_a_server_agree_under_random_operations(
        ops in prop::collection::vec(op(), 0..40),
        handshake in prop::bool::weighted(0.3),
        offer_protocol in any::<bool>(),
        zero_copy in any::<(bool, bool)>(),
        delivery in (delivery(), delivery()),
        auto_pong in prop_oneof![4 => Just((true, true)), 1 => any::<(bool, bool)>()],
        final_piece in prop_oneof![Just(1usize), 1usize..64, Just(usize::MAX)],
        eof in any::<bool>(),
        seed in any::<u8>(),
    ) {
        run(&ops, handshake, offer_protocol, zero_copy, delivery, auto_pong, final_piece, eof, seed)?;
    }
}

/// After EOF before the close handshake (a Close event with 1006, state
/// Closed, "close the transport"), the connection must refuse to queue
/// anything more: the transport is gone, and a queued frame would turn
/// `transport_action` back to `Continue`.
#[test]
fn nothing_can_be_queued_after_an_abnormal_eof() {
    let make = |role: Role| match role {
        Role::Client => {
            Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([7; 32])).unwrap()
        }
        Role::Server => Connection::open_server(Config::default(), Negotiated::default()).unwrap(),
    };
    for role in [Role::Client, Role::Server] {
        type Send = fn(&mut Sender) -> Result<(), UsageError>;
        let sends: [(&str, Send); 5] = [
            ("send_text", |tx| tx.send_text("late")),
            ("send_binary", |tx| tx.send_binary(b"late")),
            ("begin_message", |tx| tx.begin_message(MessageKind::Binary, b"late")),
            ("send_ping", |tx| tx.send_ping(b"late")),
            ("send_close", |tx| tx.send_close(CloseCode::NORMAL, "late")),
        ];
        for (name, send) in sends {
            let mut conn = make(role);
            let ev = conn.read_eof().unwrap().map(|e| owned(&e));
            assert_eq!(ev, Some(Ev::Close(1006, String::new())));
            assert_eq!((conn.state(), conn.transport_action()), (State::Closed, TransportAction::Close));
            let result = send(conn.sender());
            assert!(result.is_err(), "{role:?}: {name} after EOF was accepted");
            assert_eq!(conn.sender().pending_len(), 0, "{role:?}: {name} after EOF queued bytes");
            assert_eq!(conn.transport_action(), TransportAction::Close, "{role:?}: {name} after EOF");
        }
    }
}
