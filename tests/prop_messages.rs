//! Property tests of message assembly and chunking invariance:
//!
//! - random messages cut into random fragments, with Pings and Pongs
//!   interleaved anywhere (between fragments too), sent through a peer's
//!   `Sender` or as raw frames, arrive intact and in order, with every
//!   control frame, in both delivery modes and both read paths, whatever
//!   the split of the byte stream;
//! - any byte stream built from random frame sequences (valid, or with one
//!   corrupted byte) gives the same events, error, queued output and state
//!   whole, byte by byte and in random splits, through `read` and through
//!   `feed`/`poll`.

mod core_common;

use core_common::*;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;
use wsproto::handshake::Negotiated;
use wsproto::FrameError;
use wsproto::{ChaChaRng, Config, Connection, Delivery, Error, MessageKind, Role};
use wsproto_testkit::cuts::random_lens;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/proptest-regressions/prop_messages.txt",
        ))),
        ..ProptestConfig::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Control {
    Ping(Vec<u8>),
    Pong(Vec<u8>),
}

impl Control {
    fn event(&self) -> Ev {
        match self {
            Control::Ping(p) => Ev::Ping(p.clone()),
            Control::Pong(p) => Ev::Pong(p.clone()),
        }
    }
    fn first_byte(&self) -> u8 {
        match self {
            Control::Ping(_) => 0x89,
            Control::Pong(_) => 0x8A,
        }
    }
    fn payload(&self) -> &[u8] {
        match self {
            Control::Ping(p) | Control::Pong(p) => p,
        }
    }
}

/// A data message cut into fragments, with control frames after some of
/// them (`controls[i]` follow fragment `i`; those after the last fragment
/// sit between this message and the next).
#[derive(Debug, Clone)]
struct Msg {
    kind: MessageKind,
    fragments: Vec<Vec<u8>>,
    controls: Vec<Vec<Control>>,
}

impl Msg {
    fn data(&self) -> Vec<u8> {
        self.fragments.concat()
    }
    fn event(&self) -> Ev {
        match self.kind {
            MessageKind::Text => Ev::Text(String::from_utf8(self.data()).unwrap()),
            MessageKind::Binary => Ev::Binary(self.data()),
        }
    }
}

fn control() -> impl Strategy<Value = Control> {
    let payload =
        prop_oneof![4 => prop::collection::vec(any::<u8>(), 0..8), 1 => prop::collection::vec(any::<u8>(), 0..=125)];
    prop_oneof![3 => payload.clone().prop_map(Control::Ping), 1 => payload.prop_map(Control::Pong)]
}

/// Message bytes: mostly small, some with 16-bit lengths, a rare one with a
/// 64-bit length. Text is any Unicode, so fragments split characters.
fn message_data() -> impl Strategy<Value = (MessageKind, Vec<u8>)> {
    let len = prop_oneof![20 => 0usize..40, 4 => 126usize..700, 1 => 65_536usize..66_000];
    let binary = len.clone().prop_flat_map(|n| prop::collection::vec(any::<u8>(), n..=n));
    let text = prop_oneof![
        8 => prop::collection::vec(any::<char>(), 0..30).prop_map(|c| c.into_iter().collect::<String>()),
        1 => len.prop_map(|n| "aé€😀".chars().cycle().take(n / 2).collect::<String>()),
    ];
    prop_oneof![binary.prop_map(|b| (MessageKind::Binary, b)), text.prop_map(|t| (MessageKind::Text, t.into_bytes())),]
}

fn message() -> impl Strategy<Value = Msg> {
    (
        message_data(),
        prop::collection::vec(any::<Index>(), 0..5),
        prop::collection::vec((any::<Index>(), control()), 0..4),
    )
        .prop_map(|((kind, data), cuts, controls)| {
            let mut cuts: Vec<usize> = cuts.iter().map(|i| i.index(data.len() + 1)).collect();
            cuts.sort_unstable();
            let mut fragments = Vec::new();
            let mut from = 0;
            for c in cuts {
                fragments.push(data[from..c].to_vec());
                from = c;
            }
            fragments.push(data[from..].to_vec());
            let mut per_gap = vec![Vec::new(); fragments.len()];
            for (at, c) in controls {
                per_gap[at.index(fragments.len())].push(c);
            }
            Msg { kind, fragments, controls: per_gap }
        })
}

/// The events a receiver must report for `msgs`, in order: control frames
/// where they are on the wire, each message when its last fragment arrives.
fn expected_events(msgs: &[Msg]) -> Vec<Ev> {
    let mut out = Vec::new();
    for m in msgs {
        let last = m.fragments.len() - 1;
        for (i, controls) in m.controls.iter().enumerate() {
            if i == last {
                out.push(m.event());
            }
            out.extend(controls.iter().map(Control::event));
        }
    }
    out
}

/// A frame: first byte and payload, unmasked.
type RawFrame = (u8, Vec<u8>);

fn raw_frames(msgs: &[Msg]) -> Vec<RawFrame> {
    let mut out = Vec::new();
    for m in msgs {
        let last = m.fragments.len() - 1;
        for (i, (fragment, controls)) in m.fragments.iter().zip(&m.controls).enumerate() {
            let opcode = match (i, m.kind) {
                (0, MessageKind::Text) => 0x1,
                (0, MessageKind::Binary) => 0x2,
                _ => 0x0,
            };
            let fin = if i == last { 0x80 } else { 0 };
            out.push((fin | opcode, fragment.clone()));
            out.extend(controls.iter().map(|c| (c.first_byte(), c.payload().to_vec())));
        }
    }
    out
}

/// Encodes frames for a receiver in `role`: masked with keys from `seed`
/// when it is a server.
fn encode(frames: &[RawFrame], role: Role, seed: u64) -> Vec<u8> {
    let mut rng = XorShift::new(seed);
    let mut out = Vec::new();
    for (first, payload) in frames {
        let mask = (role == Role::Server).then(|| (rng.next() as u32).to_be_bytes());
        out.extend(frame(*first, payload, mask));
    }
    out
}

/// The same messages sent through the `Sender` of a peer of the other role
/// (which masks when it is a client): begin/continue/finish for fragmented
/// messages, send_text/send_binary for single ones, send_ping/send_pong.
fn via_sender(msgs: &[Msg], receiver: Role, seed: u8, begin_single: bool) -> Vec<u8> {
    let mut peer = match receiver {
        Role::Server => {
            Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([seed; 32])).unwrap()
        }
        Role::Client => Connection::open_server(Config::default(), Negotiated::default()).unwrap(),
    };
    let tx = peer.sender();
    for m in msgs {
        let n = m.fragments.len();
        let send_control = |tx: &mut wsproto::Sender, c: &Control| match c {
            Control::Ping(p) => tx.send_ping(p).unwrap(),
            Control::Pong(p) => tx.send_pong(p).unwrap(),
        };
        if n == 1 && !begin_single {
            match m.kind {
                MessageKind::Text => tx.send_text(std::str::from_utf8(&m.fragments[0]).unwrap()).unwrap(),
                MessageKind::Binary => tx.send_binary(&m.fragments[0]).unwrap(),
            }
        } else if n == 1 {
            // A one-fragment message through the fragment API: begin with
            // the data, finish with nothing.
            tx.begin_message(m.kind, &m.fragments[0]).unwrap();
            tx.finish_message(b"").unwrap();
        } else {
            for (i, fragment) in m.fragments.iter().enumerate() {
                match i {
                    0 => tx.begin_message(m.kind, fragment).unwrap(),
                    i if i + 1 == n => tx.finish_message(fragment).unwrap(),
                    _ => tx.continue_message(fragment).unwrap(),
                }
                if i + 1 < n {
                    m.controls[i].iter().for_each(|c| send_control(tx, c));
                }
            }
        }
        m.controls[n - 1].iter().for_each(|c| send_control(tx, c));
    }
    let out = tx.pending().to_vec();
    for f in parse_frames(&out) {
        assert_eq!(f.mask.is_some(), receiver == Role::Server, "only clients mask");
    }
    out
}

/// The frames of a stream as (FIN, opcode, unmasked payload), with a
/// non-final first fragment followed by an empty final continuation merged
/// into one final frame, which is the same message on the wire.
fn normalized_frames(bytes: &[u8]) -> Vec<(bool, u8, Vec<u8>)> {
    let mut out: Vec<(bool, u8, Vec<u8>)> = Vec::new();
    for f in parse_frames(bytes) {
        if let Some(prev) = out.last_mut() {
            if f.opcode == 0 && f.fin && f.payload.is_empty() && !prev.0 && prev.1 != 0 {
                prev.0 = true;
                continue;
            }
        }
        out.push((f.fin, f.opcode, f.payload));
    }
    out
}

/// Piece lengths from a seed: pieces of 1..=max bytes (at least 1..=16 on
/// long streams, to keep debug builds fast).
fn random_split(len: usize, seed: u64, max: usize) -> Vec<usize> {
    let max = if len > 4096 { max.max(16) } else { max };
    random_lens(len, max, &mut XorShift::new(seed))
}

fn split_max() -> impl Strategy<Value = usize> {
    prop_oneof![Just(1usize), 1usize..8, 8usize..200, Just(usize::MAX)]
}

/// Runs `input` through a fresh connection in `role` with `delivery`,
/// split by `lens`, through `path`; chunks folded into messages.
fn outcome(role: Role, delivery: Delivery, input: &[u8], lens: &[usize], path: Path) -> Outcome {
    let mut config = Config::default();
    config.delivery = delivery;
    let mut conn = connect(role, config);
    let mut out = drive(&mut conn, pieces(input, lens), path);
    if delivery != Delivery::Messages {
        out.events = fold_chunks(&out.events);
    }
    // How early a too-long control frame is seen decides whether the error
    // holds the 7-bit marker or the extended length.
    if let Err(Error::Frame(FrameError::ControlFrameTooLong(n))) = out.result {
        if n > 125 {
            out.result = Err(Error::Frame(FrameError::ControlFrameTooLong(126)));
        }
    }
    out
}

/// The Pongs a receiver queued answer its Pings: their payloads are a
/// subsequence of the Pings' in order, and the most recent Ping is answered
/// (RFC 6455 §5.5.3 allows answering only the most recent one); after a
/// peer's Close, the reply to it.
fn check_pongs(output: &[u8], events: &[Ev]) -> Result<(), TestCaseError> {
    let pings: Vec<&Vec<u8>> = events.iter().filter_map(|e| if let Ev::Ping(p) = e { Some(p) } else { None }).collect();
    let mut pongs = parse_frames(output);
    if let Some(Ev::Close(code, _)) = events.last() {
        // The automatic reply to the peer's Close comes last, echoing its
        // code (RFC 6455 §5.5.1).
        let reply = pongs.pop();
        prop_assert!(reply.is_some(), "no Close reply queued");
        let reply = reply.unwrap();
        prop_assert_eq!(reply.opcode, 0x8);
        prop_assert_eq!(reply.close_code(), (*code != 1005).then_some(*code));
    }
    let mut next = 0;
    for pong in &pongs {
        prop_assert_eq!(pong.opcode, 0xA, "only Pongs are queued: {:?}", pongs);
        let found = pings[next..].iter().position(|p| **p == pong.payload);
        prop_assert!(found.is_some(), "a Pong that answers no Ping (in order): {:?}", pong);
        next += found.unwrap() + 1;
    }
    if let Some(last) = pings.last() {
        prop_assert_eq!(pongs.last().map(|p| &p.payload), Some(*last), "the last Ping is answered");
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(192))]

    /// Random messages in random fragments with control frames anywhere,
    /// sent as raw frames and through a peer's Sender, reach a receiver of
    /// either role intact and in order, in both delivery modes and both read
    /// paths, in a random split of the stream.
    #[test]
    fn fragmented_messages_with_interleaved_controls_arrive_intact(
        msgs in prop::collection::vec(message(), 1..6),
        server in any::<bool>(),
        seed in any::<u64>(),
        max in split_max(),
        begin_single in any::<bool>(),
    ) {
        let role = if server { Role::Server } else { Role::Client };
        let expect = expected_events(&msgs);
        let raw = encode(&raw_frames(&msgs), role, seed);
        let sent = via_sender(&msgs, role, seed as u8, begin_single);
        // Same frames, except for the masking keys.
        prop_assert_eq!(normalized_frames(&sent), normalized_frames(&raw));
        for input in [&raw, &sent] {
            let lens = random_split(input.len(), seed, max);
            for delivery in [Delivery::Messages, Delivery::Chunks, Delivery::Frames] {
                for path in [Path::ZeroCopy, Path::Buffered] {
                    let got = outcome(role, delivery, input, &lens, path);
                    prop_assert_eq!(&got.result, &Ok(()), "{:?} {:?} {:?}", role, delivery, path);
                    prop_assert_eq!(&got.events, &expect, "{:?} {:?} {:?}", role, delivery, path);
                    check_pongs(&got.output, &got.events)?;
                }
            }
        }
    }

    /// Chunking invariance on streams built from random frame sequences:
    /// valid, ended by a Close (and bytes after it), or with one byte
    /// corrupted. Whole, byte by byte (short streams) and random splits,
    /// through `read` and `feed`/`poll`, agree on everything observable.
    #[test]
    fn any_split_of_a_frame_stream_gives_the_same_outcome(
        msgs in prop::collection::vec(message(), 0..6),
        server in any::<bool>(),
        seed in any::<u64>(),
        max in split_max(),
        close in prop::option::of((prop::sample::select(vec![1000u16, 1001, 1003, 1011, 3000, 4999]), ".{0,10}")),
        tail in prop::collection::vec(any::<u8>(), 0..10),
        corrupt in prop::option::of((any::<Index>(), 1u8..=255)),
    ) {
        let role = if server { Role::Server } else { Role::Client };
        let mut frames = raw_frames(&msgs);
        let mut expect = expected_events(&msgs);
        if let Some((code, reason)) = &close {
            frames.push((0x88, close_payload(*code, reason.as_bytes())));
            expect.push(Ev::close(*code, reason));
        }
        let mut input = encode(&frames, role, seed);
        if close.is_some() {
            // RFC 6455 §5.5.1: nothing after the Close is processed.
            input.extend_from_slice(&tail);
        }
        if let Some((at, xor)) = corrupt {
            if !input.is_empty() {
                let at = at.index(input.len());
                input[at] ^= xor;
            }
        }
        for delivery in [Delivery::Messages, Delivery::Chunks, Delivery::Frames] {
            let whole = outcome(role, delivery, &input, &[input.len()], Path::ZeroCopy);
            if corrupt.is_none() {
                prop_assert_eq!(&whole.result, &Ok(()));
                prop_assert_eq!(&whole.events, &expect, "{:?}", delivery);
                check_pongs(&whole.output, &whole.events)?;
            }
            let mut splits = vec![("random", random_split(input.len(), seed, max))];
            if input.len() <= 2048 {
                splits.push(("byte by byte", vec![1; input.len()]));
            }
            for (name, lens) in &splits {
                for path in [Path::ZeroCopy, Path::Buffered] {
                    let got = outcome(role, delivery, &input, lens, path);
                    prop_assert_eq!(&got, &whole, "{:?} {:?} {} via {:?}", role, delivery, name, path);
                }
            }
        }
    }
}
