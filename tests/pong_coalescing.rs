//! Automatic Pongs are a function of the byte stream and of what the
//! application wrote, never of how the transport cut the bytes: a Ping
//! burst fed whole, byte by byte or in random pieces, on either input path,
//! with or without draining at the same stream positions, queues the same
//! bytes. (A fuzz run once found the opposite; its reproducer is in
//! `fuzz/regressions/client_connection/`.)

use proptest::prelude::*;
use wsproto::handshake::Negotiated;
use wsproto::{ChaChaRng, Config, Connection, Role};
use wsproto_testkit::events::Ev;
use wsproto_testkit::read::{Path, Reader};

const MASK: [u8; 4] = [0x37, 0xfa, 0x21, 0x3d];

/// A Ping with `payload`, masked when it goes to a server.
fn ping(to: Role, payload: &[u8]) -> Vec<u8> {
    let mut frame = vec![0x89, payload.len() as u8];
    if to == Role::Server {
        frame[1] |= 0x80;
        frame.extend_from_slice(&MASK);
        frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ MASK[i % 4]));
    } else {
        frame.extend_from_slice(payload);
    }
    frame
}

/// `n` Pings, then (optionally) a control frame that claims 127 bytes, which
/// fails the connection, as in the fuzz finding.
fn burst(to: Role, n: u32, then_fail: bool) -> Vec<u8> {
    let mut stream: Vec<u8> = (0..n).flat_map(|i| ping(to, &i.to_be_bytes())).collect();
    if then_fail {
        stream.extend_from_slice(&[0x89, if to == Role::Server { 0xFF } else { 0x7F }]);
    }
    stream
}

fn connection(role: Role) -> Connection {
    match role {
        Role::Server => Connection::open_server(Config::default(), Negotiated::default()).unwrap(),
        Role::Client => {
            Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([5; 32])).unwrap()
        }
    }
}

/// When the application drains: never until the end, or after the events
/// whose index is in the plan, by the amount the plan gives (taken modulo
/// what is pending plus one). Events sit at fixed stream positions, so the
/// plan drains at the same points however the input is cut.
#[derive(Debug, Clone)]
struct Drains(Vec<(usize, usize)>);

impl Drains {
    fn amount_after(&self, event: usize, pending: usize) -> usize {
        self.0.iter().find(|(at, _)| *at == event).map_or(0, |(_, n)| n % (pending + 1))
    }
}

/// Everything the connection queued, in order (drained then pending), the
/// Pings it reported, and whether it failed. The test kit's read loop drives
/// either path and checks its invariants on the way.
fn run(role: Role, stream: &[u8], cuts: &[usize], path: Path, drains: &Drains) -> (Vec<u8>, usize, bool) {
    let mut conn = connection(role);
    let mut reader = Reader::new(path, &conn);
    let mut out = Vec::new();
    let (mut events, mut pings) = (0usize, 0usize);
    let mut at = 0;
    for &len in cuts {
        let piece = &stream[at..at + len];
        at += len;
        let pushed = reader.push(&mut conn, piece, |conn, ev| {
            pings += usize::from(matches!(ev, Ev::Ping(_)));
            let n = drains.amount_after(events, conn.pending().len());
            out.extend_from_slice(&conn.pending()[..n]);
            conn.sender().advance(n).unwrap();
            events += 1;
        });
        if pushed.is_err() {
            break;
        }
    }
    out.extend_from_slice(conn.pending());
    (out, pings, reader.failed().is_some())
}

/// Cuts of `len` bytes: sizes from `sizes`, cycled.
fn cuts(len: usize, sizes: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut left, mut i) = (len, 0);
    while left > 0 {
        let n = sizes[i % sizes.len()].clamp(1, left);
        out.push(n);
        left -= n;
        i += 1;
    }
    out
}

/// The Pong a connection in `role` sends for Ping number `i`, unmasked
/// (a client's Pongs are masked: compare payloads only).
fn pong_payloads(role: Role, output: &[u8]) -> Vec<u32> {
    let mut payloads = Vec::new();
    let mut at = 0;
    while at + 2 <= output.len() && output[at] == 0x8A {
        let masked = output[at + 1] & 0x80 != 0;
        assert_eq!(masked, role == Role::Client, "mask bit for our role");
        let len = usize::from(output[at + 1] & 0x7F);
        let start = at + 2 + if masked { 4 } else { 0 };
        let mut payload = output[start..start + len].to_vec();
        if masked {
            let key = &output[at + 2..at + 6];
            payload.iter_mut().enumerate().for_each(|(i, b)| *b ^= key[i % 4]);
        }
        payloads.push(u32::from_be_bytes(payload.try_into().unwrap()));
        at = start + len;
    }
    payloads
}

#[test]
fn an_undrained_burst_keeps_16_pongs_ending_with_the_latest_in_both_roles_and_every_split() {
    for role in [Role::Server, Role::Client] {
        let stream = burst(role, 40, false);
        let never = Drains(Vec::new());
        let (whole, pings, _) = run(role, &stream, &[stream.len()], Path::ZeroCopy, &never);
        assert_eq!(pings, 40);
        // RFC 6455 §5.5.3 allows answering only the most recent Ping; the
        // rule answers each of the first 15, then keeps the latest.
        let expect: Vec<u32> = (0..15).chain([39]).collect();
        assert_eq!(pong_payloads(role, &whole), expect, "{role:?}");
        for path in [Path::ZeroCopy, Path::Buffered] {
            for sizes in [&[1][..], &[2], &[3, 7], &[6], &[5, 1, 9, 2]] {
                let got = run(role, &stream, &cuts(stream.len(), sizes), path, &never).0;
                assert_eq!(got, whole, "{role:?} {path:?} cut {sizes:?}");
            }
        }
    }
}

#[test]
fn the_fuzz_finding_a_burst_then_a_failure_queues_the_same_pongs_and_close_in_every_split() {
    for role in [Role::Server, Role::Client] {
        let stream = burst(role, 19, true);
        let never = Drains(Vec::new());
        let (whole, _, failed) = run(role, &stream, &[stream.len()], Path::ZeroCopy, &never);
        assert!(failed, "the oversized control frame fails the connection");
        assert_eq!(pong_payloads(role, &whole).len(), 16, "{role:?}");
        for path in [Path::ZeroCopy, Path::Buffered] {
            let bytewise = run(role, &stream, &vec![1; stream.len()], path, &never).0;
            assert_eq!(bytewise, whole, "{role:?} {path:?} byte by byte");
        }
    }
}

#[test]
fn draining_after_every_ping_answers_every_ping() {
    for role in [Role::Server, Role::Client] {
        let stream = burst(role, 40, false);
        let always = Drains((0..40).map(|i| (i, usize::MAX - 1)).collect());
        for path in [Path::ZeroCopy, Path::Buffered] {
            let whole = run(role, &stream, &[stream.len()], path, &always).0;
            assert_eq!(pong_payloads(role, &whole), (0..40).collect::<Vec<_>>(), "{role:?} {path:?}");
            let bytewise = run(role, &stream, &vec![1; stream.len()], path, &always).0;
            assert_eq!(bytewise, whole, "{role:?} {path:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn pongs_depend_on_the_stream_and_the_drains_never_on_the_cuts(
        server in any::<bool>(),
        n in 0u32..60,
        then_fail in any::<bool>(),
        sizes in prop::collection::vec(1usize..40, 1..8),
        drains in prop::collection::vec((0usize..70, 0usize..200), 0..12),
        poll in any::<bool>(),
    ) {
        let role = if server { Role::Server } else { Role::Client };
        let stream = burst(role, n, then_fail);
        let drains = Drains(drains);
        let path = if poll { Path::Buffered } else { Path::ZeroCopy };
        let whole = run(role, &stream, &cuts(stream.len(), &[usize::MAX]), Path::ZeroCopy, &drains);
        let split = run(role, &stream, &cuts(stream.len(), &sizes), path, &drains);
        prop_assert_eq!(split, whole);
    }
}
