//! Structure-aware: a client and a server wired back to back, driven by an
//! `Arbitrary` sequence of operations (sends of every kind, partial
//! deliveries in uneven pieces, EOF). Both start Open
//! (`open_client`/`open_server`) or go through the whole opening handshake.
//!
//! A model runs beside them and is checked after every step:
//!
//! - every send succeeds or fails exactly as the model predicts (the
//!   `UsageError` variant included), and a refused send queues nothing;
//! - the bytes each side writes, parsed by an independent frame parser, are
//!   exactly the frames the model expects, correctly encoded and masked,
//!   with nothing after that side's Close;
//! - each side receives exactly the events a reference receiver derives
//!   from those frames (messages intact and in order, fragments assembled,
//!   Pings, Pongs including automatic ones, the Close with its code, or the
//!   limit error the receiver's config calls for), in order;
//! - `state()` is what the model says; at the end, after all bytes are
//!   delivered, every expected event was seen, each side's received close
//!   code is what the other sent, and `transport_action()` follows.
//!
//! A byte of the input turns permessage-deflate (RFC 7692) on for both
//! sides: off, the defaults, no context takeover either way, or both
//! windows at 8 to 15 bits. Then every data message goes out compressed
//! (`min_size` 0): RSV1 on its first frame only (§6.1), never on a
//! continuation or control frame, and each frame's payload, inflated by an
//! independent reference (`flate2` on `miniz_oxide`) with `00 00 ff ff`
//! after the last one (§7.2.2), is exactly the fragment that was sent;
//! with no context takeover for a sender its frames inflate from a fresh
//! state (§7.1.1). The receivers' references take the inflated payloads,
//! and `max_message_size` applies to the inflated size.
#![no_main]

use std::collections::VecDeque;
use std::convert::Infallible;
use wsproto::handshake::Negotiated;
use wsproto::FrameError;

use arbitrary::Arbitrary;
use flate2::{Decompress, FlushDecompress, Status};
use libfuzzer_sys::fuzz_target;
use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{AcceptOptions, ClientOptions, WsUri};
use wsproto::{
    ChaChaRng, CloseCode, Config, Connection, Delivery, Error, MessageKind, Role, State, TransportAction, UsageError,
};
use wsproto_fuzz::{close_code_sendable, owned, split_lens, Ev, Normalizer, Path, Reader, Wire, WireFrame, WireParser};
use wsproto_testkit::cuts;
use wsproto_testkit::pair::{self, End};
use wsproto_testkit::text::valid_utf8_prefix;

#[derive(Arbitrary, Debug, Clone, Copy)]
struct SideConfig {
    chunks: bool,
    /// `Delivery::Frames` (over `chunks`).
    frames: bool,
    no_auto_pong: bool,
    no_auto_close_reply: bool,
    small_limits: bool,
    /// Receive through `feed`/`poll` instead of `read`.
    poll: bool,
}

impl SideConfig {
    fn config(self) -> Config {
        let mut config = Config::default();
        if self.chunks {
            config.delivery = Delivery::Chunks;
        }
        if self.frames {
            config.delivery = Delivery::Frames;
        }
        config.auto_pong = !self.no_auto_pong;
        config.auto_close_reply = !self.no_auto_close_reply;
        if self.small_limits {
            config.max_frame_size = 200;
            config.max_message_size = 300;
        }
        config
    }

    /// [`SideConfig::config`] with permessage-deflate set to `deflate`.
    fn config_with(self, deflate: Option<DeflateConfig>) -> Config {
        let mut config = self.config();
        config.deflate = deflate;
        config
    }
}

#[derive(Arbitrary, Debug)]
enum Op {
    SendText { client: bool, text: String },
    SendBinary { client: bool, data: Vec<u8> },
    Begin { client: bool, text: bool, data: Vec<u8> },
    Continue { client: bool, data: Vec<u8> },
    Finish { client: bool, data: Vec<u8> },
    Ping { client: bool, data: Vec<u8> },
    Pong { client: bool, data: Vec<u8> },
    Close { client: bool, code: u16, reason: String },
    Deliver { from_client: bool, max_bytes: u16, split: u8 },
    Eof { to_client: bool },
    ReleaseMemory { client: bool },
}

#[derive(Arbitrary, Debug)]
struct Input {
    handshake: bool,
    client: SideConfig,
    server: SideConfig,
    /// permessage-deflate for both sides (see [`deflate_choice`]).
    deflate: u8,
    ops: Vec<Op>,
}

/// What the deflate byte picks: off (0 to 5), the defaults (6), no context
/// takeover for both (7), or both windows at `b % 16` bits (8 to 15).
fn deflate_choice(b: u8) -> Option<DeflateConfig> {
    match b % 16 {
        0..=5 => None,
        6 => Some(DeflateConfig::new()),
        7 => Some(DeflateConfig::new().server_no_context_takeover(true).client_no_context_takeover(true)),
        w => Some(DeflateConfig::new().server_max_window_bits(w).client_max_window_bits(w)),
    }
}

/// Inflates all of `input` with the reference (a sync flush: everything
/// it holds comes out).
fn inflate_all(d: &mut Decompress, input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() * 2 + 256);
    let start = d.total_in();
    loop {
        if out.capacity() - out.len() < 256 {
            out.reserve(out.capacity());
        }
        let (before_in, before_out) = (d.total_in(), out.len());
        let done = (d.total_in() - start) as usize;
        let status = d
            .decompress_vec(&input[done..], &mut out, FlushDecompress::Sync)
            .unwrap_or_else(|e| panic!("our peer's compressed payload does not inflate: {e}"));
        assert!(status != Status::StreamEnd, "our peer set BFINAL: the stream cannot go on");
        if (d.total_in() - start) as usize == input.len() && out.len() < out.capacity() {
            return out;
        }
        assert!(d.total_in() > before_in || out.len() > before_out, "the reference inflater is stuck");
    }
}

/// A frame the model expects a side to write. `reason: None` on a Close
/// the connection wrote by itself after a failure: only its code is known.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Expect {
    Frame { fin: bool, opcode: u8, payload: Vec<u8> },
    Close { code: Option<u16>, reason: Option<Vec<u8>> },
}

/// One side: the connection and everything the model knows about it.
struct Peer {
    conn: Connection,
    /// Its read loop, through `read` (bytes left while the server waits are
    /// carried) or `feed`/`poll`.
    reader: Reader,
    is_client: bool,
    config: Config,
    /// permessage-deflate is on; the reference inflater of what this side
    /// sends, and whether this side must start each message afresh (its
    /// no_context_takeover was negotiated).
    deflate: bool,
    out_inflater: Decompress,
    out_resets: bool,
    // What the model predicts about its state.
    open: bool,
    announced: bool,
    close_sent: bool,
    close_received: bool,
    send_failed: bool,
    rx_error: Option<Error>,
    eof: bool,
    /// An open fragmented message this side is sending: kind and bytes so far.
    sending: Option<(MessageKind, Vec<u8>)>,
    /// Frames this side queued that the peer has not parsed off the wire yet.
    queued: VecDeque<Expect>,
    /// This side's Close went over the wire.
    wire_close: bool,
    /// Automatic Pongs in a row at the end of the queue, none of whose bytes
    /// went out (past 16, the newest replaces the last: RFC 6455 §5.5.3
    /// lets an endpoint answer only the most recent Ping), and the size of
    /// the last one.
    pong_run: u8,
    last_pong_size: usize,
    // Receiving: the parser of the peer's bytes, the reference receiver,
    // and what the connection reported.
    wire_in: WireParser,
    ref_message: Option<(MessageKind, Vec<u8>)>,
    ref_done: bool,
    expected: Vec<Result<Ev, Error>>,
    seen: usize,
    norm: Normalizer,
}

impl Peer {
    fn new(
        conn: Connection,
        is_client: bool,
        side: SideConfig,
        open: bool,
        handshake: bool,
        deflate: Option<DeflateConfig>,
    ) -> Peer {
        let path = if side.poll { Path::Buffered } else { Path::ZeroCopy };
        // What a server answers to this config's own offer, as both sides
        // run it (the same config on both).
        let params = deflate.map(|d| d.accept_offer([d.offer().as_str()]).expect("a config accepts its own offer"));
        let out_resets =
            params.is_some_and(|p| if is_client { p.client_no_context_takeover } else { p.server_no_context_takeover });
        // A client reads a server's unmasked frames, and the reverse.
        // With permessage-deflate, RSV1 is allowed on the wire; where it
        // goes is checked on each frame.
        let wire_in = match deflate {
            None => WireParser::new(!is_client, handshake),
            Some(_) => WireParser::new(!is_client, handshake).allowing_rsv1(),
        };
        Peer {
            reader: Reader::carrying(path, &conn),
            conn,
            is_client,
            config: side.config_with(deflate),
            deflate: deflate.is_some(),
            out_inflater: Decompress::new(false),
            out_resets,
            open,
            announced: false,
            close_sent: false,
            close_received: false,
            send_failed: false,
            rx_error: None,
            eof: false,
            sending: None,
            queued: VecDeque::new(),
            wire_close: false,
            pong_run: 0,
            last_pong_size: 0,
            wire_in,
            ref_message: None,
            ref_done: false,
            expected: Vec::new(),
            seen: 0,
            norm: Normalizer::default(),
        }
    }

    fn expected_state(&self) -> State {
        if !self.open {
            return if self.rx_error.is_some() { State::Closed } else { State::Connecting };
        }
        if self.rx_error.is_some() || self.eof || (self.close_sent && self.close_received) {
            State::Closed
        } else if self.close_sent || self.close_received {
            State::Closing
        } else {
            State::Open
        }
    }

    fn can_send(&self) -> Result<(), UsageError> {
        if self.send_failed {
            Err(UsageError::Failed)
        } else if !self.open {
            Err(UsageError::NotOpen)
        } else if self.close_sent {
            Err(UsageError::AlreadyClosing)
        } else {
            Ok(())
        }
    }

    /// The reference receiver: a complete header arrived for this side.
    fn ref_header(&mut self, fin: bool, opcode: u8, len: u64) {
        let _ = fin;
        if self.ref_done {
            return;
        }
        if len > self.config.max_frame_size {
            self.expected.push(Err(Error::Frame(FrameError::FrameTooLarge { len, max: self.config.max_frame_size })));
            self.ref_done = true;
            return;
        }
        // RFC 7692: a compressed message's limit is on its inflated size,
        // checked in `ref_frame`.
        if opcode & 0x8 == 0 && self.config.delivery == Delivery::Messages && !self.deflate {
            let so_far = match (opcode, &self.ref_message) {
                (0, Some((_, data))) => data.len() as u64,
                _ => 0,
            };
            if so_far + len > self.config.max_message_size as u64 {
                self.expected.push(Err(Error::MessageTooLarge { max: self.config.max_message_size }));
                self.ref_done = true;
            }
        }
    }

    /// The reference receiver: a complete frame arrived for this side.
    fn ref_frame(&mut self, frame: &WireFrame, raw: &[u8]) {
        if self.ref_done {
            return;
        }
        // Frame delivery hands compressed messages out as they arrived.
        let raw_frames = self.deflate && self.config.delivery == Delivery::Frames;
        let payload = if raw_frames { raw } else { &frame.payload[..] };
        match frame.opcode {
            0 => {
                let (_, data) = self.ref_message.as_mut().expect("our peer sent a continuation with no message open");
                data.extend_from_slice(payload);
            }
            1 | 2 => {
                assert!(self.ref_message.is_none(), "our peer began a message inside another");
                let kind = if frame.opcode == 1 { MessageKind::Text } else { MessageKind::Binary };
                self.ref_message = Some((kind, payload.to_vec()));
            }
            9 => return self.expected.push(Ok(Ev::Ping(frame.payload.clone()))),
            10 => return self.expected.push(Ok(Ev::Pong(frame.payload.clone()))),
            8 => {
                let p = &frame.payload;
                let ev = if p.is_empty() {
                    Ev::Close(CloseCode::NO_STATUS.0, String::new())
                } else {
                    assert!(p.len() >= 2, "our peer sent a 1-byte Close payload");
                    let code = u16::from_be_bytes([p[0], p[1]]);
                    assert!(close_code_sendable(code), "our peer sent close code {code}");
                    let reason = core::str::from_utf8(&p[2..]).expect("our peer sent a non-UTF-8 close reason");
                    Ev::Close(code, reason.to_string())
                };
                self.expected.push(Ok(ev));
                self.ref_done = true;
                return;
            }
            op => panic!("opcode {op}"),
        }
        if self.deflate && self.config.delivery == Delivery::Messages {
            let (_, data) = self.ref_message.as_ref().unwrap();
            if data.len() > self.config.max_message_size {
                self.expected.push(Err(Error::MessageTooLarge { max: self.config.max_message_size }));
                self.ref_done = true;
                return;
            }
        }
        if frame.fin {
            let (kind, data) = self.ref_message.take().unwrap();
            if raw_frames {
                self.expected.push(Ok(Ev::Compressed(kind, data)));
                return;
            }
            if kind == MessageKind::Text {
                assert!(core::str::from_utf8(&data).is_ok(), "our peer sent a text message that is not UTF-8");
            }
            self.expected.push(Ok(Ev::message(kind, data)));
        }
    }

    fn check_seen(&mut self, got: Result<Ev, Error>) {
        let want = self.expected.get(self.seen);
        assert_eq!(want, Some(&got), "side (client: {}) received something the model does not expect", self.is_client);
        self.seen += 1;
    }

    /// Handles an event the connection reported (already copied out).
    fn on_event(&mut self, ev: Ev) {
        match ev {
            Ev::Upgrade(_) => {
                assert!(!self.is_client && !self.open, "an unexpected upgrade request");
                self.conn.accept(&AcceptOptions::new()).expect("accepting the request");
                self.open = true;
                self.pong_run = 0;
            }
            Ev::Complete(_) => {
                if self.is_client {
                    assert!(!self.open, "HandshakeComplete twice");
                    self.open = true;
                } else {
                    assert!(self.open && !self.announced, "HandshakeComplete before accept, or twice");
                }
                self.announced = true;
            }
            Ev::Http(_) | Ev::Response(_) | Ev::Other => panic!("unexpected {ev:?}"),
            ev => {
                let before = self.norm.events.len();
                self.norm.push(ev);
                let new: Vec<Ev> = self.norm.events.drain(before..).collect();
                for ev in new {
                    self.check_seen(Ok(ev.clone()));
                    match ev {
                        Ev::Ping(payload) => {
                            if self.config.auto_pong && self.open && !self.close_sent && !self.send_failed {
                                if self.pong_run >= 16 {
                                    let last = self.queued.pop_back();
                                    assert!(
                                        matches!(&last, Some(Expect::Frame { opcode: 10, .. })),
                                        "the replaced Pong"
                                    );
                                    self.pong_run -= 1;
                                }
                                self.last_pong_size = 2 + payload.len() + if self.is_client { 4 } else { 0 };
                                self.queued.push_back(Expect::Frame { fin: true, opcode: 10, payload });
                                self.pong_run += 1;
                            }
                        }
                        Ev::Close(code, _) => {
                            self.close_received = true;
                            if self.config.auto_close_reply && !self.close_sent {
                                let code = (code != CloseCode::NO_STATUS.0).then_some(code);
                                self.queued.push_back(Expect::Close { code, reason: Some(Vec::new()) });
                                self.close_sent = true;
                                self.pong_run = 0;
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    fn on_error(&mut self, e: Error) {
        self.check_seen(Err(e.clone()));
        if self.open && !self.close_sent && !self.send_failed {
            self.queued.push_back(Expect::Close { code: Some(e.close_code().0), reason: None });
            self.close_sent = true;
            self.pong_run = 0;
        }
        self.send_failed = true;
        self.rx_error = Some(e);
        assert_eq!(self.conn.state(), State::Closed);
    }

    /// Gives `piece` to the connection through its read path and handles
    /// every event; after a failure, the reader checks that every read
    /// fails the same way.
    fn receive(&mut self, piece: &[u8]) {
        self.reader.stage(&mut self.conn, piece);
        loop {
            match self.reader.next(&mut self.conn) {
                Ok(Some(ev)) => self.on_event(ev),
                Ok(None) => break,
                Err(e) => {
                    if self.rx_error.is_none() {
                        self.on_error(e);
                    }
                    break;
                }
            }
        }
    }

    /// Applies a send: compares the result with the prediction, and on
    /// success records the frame it queued.
    fn send(
        &mut self,
        predicted: Result<(), UsageError>,
        frame: Expect,
        call: impl FnOnce(&mut Connection) -> Result<(), UsageError>,
    ) {
        let before = self.conn.sender().pending_len();
        let got = call(&mut self.conn);
        assert_eq!(got, predicted, "send result (client: {})", self.is_client);
        if got.is_ok() {
            assert!(self.conn.sender().pending_len() > before, "a send queued nothing");
            self.queued.push_back(frame);
            self.pong_run = 0;
        } else {
            assert_eq!(self.conn.sender().pending_len(), before, "a refused send queued bytes");
        }
    }
}

impl Peer {
    /// A frame this side wrote with permessage-deflate on, its payload
    /// inflated. RFC 7692 §6.1: RSV1 on the first frame of every data
    /// message (all are compressed: `min_size` is 0), on no other frame.
    fn inflate_sent(&mut self, mut frame: WireFrame) -> WireFrame {
        match frame.opcode {
            1 | 2 => assert_eq!(frame.rsv, 4, "a message's first frame without RSV1: {frame:?}"),
            _ => assert_eq!(frame.rsv, 0, "RSV1 on a continuation or control frame: {frame:?}"),
        }
        if frame.opcode & 0x8 != 0 {
            return frame;
        }
        // RFC 7692 §7.1.1: with no context takeover, a message inflates
        // from a fresh state.
        if frame.opcode != 0 && self.out_resets {
            self.out_inflater.reset(false);
        }
        // §7.2.2: the receiver appends 00 00 ff ff to the whole message.
        let mut input = std::mem::take(&mut frame.payload);
        if frame.fin {
            input.extend_from_slice(&[0, 0, 0xff, 0xff]);
        }
        frame.payload = inflate_all(&mut self.out_inflater, &input);
        frame.rsv = 0;
        frame
    }
}

fn data_frame(opcode: u8, fin: bool, payload: &[u8]) -> Expect {
    Expect::Frame { fin, opcode, payload: payload.to_vec() }
}

impl End for Peer {
    type Error = Infallible;

    fn conn(&mut self) -> &mut Connection {
        &mut self.conn
    }

    fn receive(&mut self, piece: &[u8]) -> Result<(), Infallible> {
        Peer::receive(self, piece);
        Ok(())
    }

    /// What goes over the wire must be what the model expects, and the
    /// reference receiver learns what the other side should see.
    fn delivering(s: &mut Peer, r: &mut Peer, bytes: &[u8]) {
        if s.pong_run > 0 && bytes.len() > s.conn.sender().pending_len() - s.last_pong_size {
            // The last automatic Pong starts going out: it stays.
            s.pong_run = 0;
        }
        for item in r.wire_in.push(bytes) {
            match item {
                Wire::Header { fin, opcode, len } => r.ref_header(fin, opcode, len),
                Wire::Frame(frame) => {
                    assert!(!s.wire_close, "a frame after our Close: {frame:?}");
                    let raw = frame.payload.clone();
                    let frame = if s.deflate { s.inflate_sent(frame) } else { frame };
                    let want = s.queued.pop_front().expect("a frame the model did not expect");
                    match &want {
                        Expect::Frame { fin, opcode, payload } => {
                            assert_eq!(
                                (*fin, *opcode, payload),
                                (frame.fin, frame.opcode, &frame.payload),
                                "frame on the wire"
                            )
                        }
                        Expect::Close { code, reason } => {
                            assert_eq!(frame.opcode, 8, "expected a Close, got {frame:?}");
                            let p = &frame.payload;
                            let got_code = (p.len() >= 2).then(|| u16::from_be_bytes([p[0], p[1]]));
                            assert_eq!(got_code, *code, "close code on the wire");
                            if let Some(reason) = reason {
                                assert_eq!(&p[2.min(p.len())..], &reason[..], "close reason on the wire");
                            }
                        }
                    }
                    if frame.opcode == 8 {
                        s.wire_close = true;
                    }
                    r.ref_frame(&frame, &raw);
                }
            }
        }
    }
}

/// The two sides, wired back to back by the test kit's pair driver.
struct Pair {
    wired: pair::Pair<Peer>,
}

const CLIENT: Role = Role::Client;
const SERVER: Role = Role::Server;

impl Pair {
    fn new(input: &Input) -> Pair {
        let deflate = deflate_choice(input.deflate);
        let config = |side: SideConfig| side.config_with(deflate);
        let negotiated = || match deflate {
            None => Negotiated::default(),
            Some(d) => {
                let params = d.accept_offer([d.offer().as_str()]).expect("a config accepts its own offer");
                Negotiated { protocol: None, extensions: vec![params.to_string()] }
            }
        };
        let (client, server) = if input.handshake {
            let uri = WsUri::parse("ws://example.com/chat").unwrap();
            let client =
                Connection::client(&uri, &ClientOptions::new(), config(input.client), ChaChaRng::from_seed([5; 32]))
                    .unwrap();
            let server = Connection::server(config(input.server), Default::default());
            (client, server)
        } else {
            (
                Connection::open_client(config(input.client), negotiated(), ChaChaRng::from_seed([5; 32])).unwrap(),
                Connection::open_server(config(input.server), negotiated()).unwrap(),
            )
        };
        let open = !input.handshake;
        Pair {
            wired: pair::Pair::new(
                Peer::new(client, true, input.client, open, input.handshake, deflate),
                Peer::new(server, false, input.server, open, input.handshake, deflate),
            ),
        }
    }

    fn peers(&self) -> [&Peer; 2] {
        [&self.wired.client, &self.wired.server]
    }

    /// Moves up to `max` pending bytes from `from` to the other side, in
    /// pieces cut by the split byte `split` (0: one piece), seeded by the
    /// number of bytes moved.
    fn deliver(&mut self, from: Role, max: usize, split: u8) {
        let mut cut = |n: usize| split_lens(n, split, (n as u16) ^ u16::from(split) << 8);
        let Ok(_) = self.wired.deliver(from, max, &mut cut);
    }

    fn eof(&mut self, side: Role) {
        let p = self.wired.end(side);
        let got = p.conn.read_eof().map(|e| e.map(|e| owned(&e)));
        if p.rx_error.is_some() {
            assert_eq!(got, Ok(None), "EOF after a failure");
        } else if !p.open {
            // The handshake failed: nothing can be sent any more.
            match got {
                Err(Error::HandshakeEof) => {
                    p.rx_error = Some(Error::HandshakeEof);
                    p.reader.set_failed(Error::HandshakeEof);
                }
                other => panic!("EOF during the handshake gave {other:?}"),
            }
            p.send_failed = true;
        } else {
            if p.close_received || p.eof {
                assert_eq!(got, Ok(None), "EOF after the peer's Close or a first EOF");
            } else {
                assert_eq!(got, Ok(Some(Ev::Close(CloseCode::ABNORMAL.0, String::new()))), "EOF is 1006");
            }
            // The transport is gone: nothing more can be sent.
            p.send_failed = true;
        }
        p.eof = true;
        p.ref_done = true;
    }

    fn check_states(&self) {
        Pair::check_states_of(&self.wired);
    }

    fn check_states_of(wired: &pair::Pair<Peer>) {
        for p in [&wired.client, &wired.server] {
            assert_eq!(p.conn.state(), p.expected_state(), "state (client: {})", p.is_client);
            assert!(p.seen <= p.expected.len());
        }
    }

    fn apply(&mut self, op: &Op) {
        let side = |client: bool| if client { CLIENT } else { SERVER };
        let wired = &mut self.wired;
        match op {
            Op::SendText { client, text } => {
                let p = wired.end(side(*client));
                let predicted =
                    p.can_send().and(if p.sending.is_some() { Err(UsageError::FragmentOutOfOrder) } else { Ok(()) });
                p.send(predicted, data_frame(1, true, text.as_bytes()), |c| c.sender().send_text(text));
            }
            Op::SendBinary { client, data } => {
                let p = wired.end(side(*client));
                let predicted =
                    p.can_send().and(if p.sending.is_some() { Err(UsageError::FragmentOutOfOrder) } else { Ok(()) });
                p.send(predicted, data_frame(2, true, data), |c| c.sender().send_binary(data));
            }
            Op::Begin { client, text, data } => {
                let p = wired.end(side(*client));
                let kind = if *text { MessageKind::Text } else { MessageKind::Binary };
                let predicted = p.can_send().and_then(|_| {
                    if p.sending.is_some() {
                        Err(UsageError::FragmentOutOfOrder)
                    } else if *text && !valid_utf8_prefix(data) {
                        Err(UsageError::InvalidUtf8)
                    } else {
                        Ok(())
                    }
                });
                let ok = predicted.is_ok();
                p.send(predicted, data_frame(if *text { 1 } else { 2 }, false, data), |c| {
                    c.sender().begin_message(kind, data)
                });
                if ok {
                    p.sending = Some((kind, data.clone()));
                }
            }
            Op::Continue { client, data } | Op::Finish { client, data } => {
                let fin = matches!(op, Op::Finish { .. });
                let p = wired.end(side(*client));
                let predicted = p.can_send().and_then(|_| match &p.sending {
                    None => Err(UsageError::FragmentOutOfOrder),
                    Some((MessageKind::Text, so_far)) => {
                        let all = [&so_far[..], &data[..]].concat();
                        let ok = if fin { core::str::from_utf8(&all).is_ok() } else { valid_utf8_prefix(&all) };
                        if ok {
                            Ok(())
                        } else {
                            Err(UsageError::InvalidUtf8)
                        }
                    }
                    Some(_) => Ok(()),
                });
                let ok = predicted.is_ok();
                p.send(predicted, data_frame(0, fin, data), |c| {
                    if fin {
                        c.sender().finish_message(data)
                    } else {
                        c.sender().continue_message(data)
                    }
                });
                if ok {
                    if fin {
                        p.sending = None;
                    } else {
                        p.sending.as_mut().unwrap().1.extend_from_slice(data);
                    }
                }
            }
            Op::Ping { client, data } | Op::Pong { client, data } => {
                let ping = matches!(op, Op::Ping { .. });
                let p = wired.end(side(*client));
                let predicted =
                    p.can_send().and(if data.len() > 125 { Err(UsageError::ControlPayloadTooLong) } else { Ok(()) });
                let opcode = if ping { 9 } else { 10 };
                p.send(predicted, data_frame(opcode, true, data), |c| {
                    if ping {
                        c.sender().send_ping(data)
                    } else {
                        c.sender().send_pong(data)
                    }
                });
            }
            Op::Close { client, code, reason } => {
                // Half the codes come from the sendable ones, so that the
                // close handshake actually happens often.
                const CODES: [u16; 14] =
                    [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4999];
                let code = if *code < 0x8000 { CODES[usize::from(*code) % CODES.len()] } else { *code };
                let p = wired.end(side(*client));
                let predicted = p.can_send().and_then(|_| {
                    if !close_code_sendable(code) {
                        Err(UsageError::InvalidCloseCode(code))
                    } else if reason.len() > 123 {
                        Err(UsageError::ControlPayloadTooLong)
                    } else {
                        Ok(())
                    }
                });
                let ok = predicted.is_ok();
                let frame = Expect::Close { code: Some(code), reason: Some(reason.as_bytes().to_vec()) };
                p.send(predicted, frame, |c| c.sender().send_close(CloseCode(code), reason));
                if ok {
                    p.close_sent = true;
                }
            }
            Op::Deliver { from_client, max_bytes, split } => {
                self.deliver(side(*from_client), usize::from(*max_bytes), *split);
            }
            Op::Eof { to_client } => self.eof(side(*to_client)),
            Op::ReleaseMemory { client } => {
                let p = wired.end(side(*client));
                let before = p.conn.heap_size();
                p.conn.release_memory();
                assert!(p.conn.heap_size() <= before, "release_memory grew the heap");
            }
        }
        self.check_states();
    }

    /// Delivers everything both ways until neither side has anything to
    /// write, then checks that each side saw all it should have.
    fn settle(&mut self) {
        let Ok(()) = self.wired.step_until_idle_checking(&mut cuts::whole(), |wired| {
            Pair::check_states_of(wired);
            Ok(())
        });
        for p in self.peers() {
            assert!(p.queued.is_empty(), "frames the model expected never went out: {:?}", p.queued);
            assert_eq!(
                p.seen,
                p.expected.len(),
                "events never reported (client: {}): {:?}",
                p.is_client,
                &p.expected[p.seen..]
            );
        }
        let [c, s] = self.peers();
        if c.close_sent && c.close_received && s.close_sent && s.close_received {
            // The close handshake completed: both are Closed, and each
            // received the code the other sent (checked frame by frame
            // above); the server closes TCP first.
            assert_eq!(c.conn.state(), State::Closed);
            assert_eq!(s.conn.state(), State::Closed);
            assert_eq!(s.conn.transport_action(), TransportAction::Close);
            let clean = c.rx_error.is_none() && !c.eof;
            let want = if clean { TransportAction::WaitForPeerClose } else { TransportAction::Close };
            assert_eq!(c.conn.transport_action(), want);
        }
        for p in self.peers() {
            if p.conn.state() != State::Closed {
                assert_eq!(p.conn.transport_action(), TransportAction::Continue);
            }
        }
    }
}

fuzz_target!(|input: Input| {
    let mut pair = Pair::new(&input);
    pair.check_states();
    for op in &input.ops {
        pair.apply(op);
    }
    pair.settle();
});
