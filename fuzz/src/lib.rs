//! Helpers shared by the fuzz targets: the input prefix that picks the
//! configuration and the splits, and the checked driver of one connection
//! over some input. Owned events, the cuts, the read loop, the independent
//! frame parser and the client/server pair come from the test kit
//! (`wsproto-testkit`), which the tests and the benchmark use too.
//!
//! Nothing here uses the crate's own frame or UTF-8 code: the checks must
//! not share the bugs of the code they check.

use wsproto::{CloseCode, Config, Connection, Delivery, Error, State};
pub use wsproto_testkit::cuts::{cut, split_lens, XorShift32};
pub use wsproto_testkit::events::{owned, Ev, Normalizer};
pub use wsproto_testkit::frames::{Wire, WireFrame, WireParser};
pub use wsproto_testkit::read::{Path, Reader};

/// The first four bytes of an input for the byte-stream targets:
/// `[flags, split, seed_lo, seed_hi]`, then the data. Missing bytes are 0.
#[derive(Debug, Clone, Copy)]
pub struct Prefix {
    /// Target-specific switches.
    pub flags: u8,
    /// How the data is cut (see [`split_lens`]).
    pub split: u8,
    /// Seeds the cut sizes and the partial drains.
    pub seed: u16,
}

/// Splits a fuzz input into its [`Prefix`] and the data.
pub fn prefix(data: &[u8]) -> (Prefix, &[u8]) {
    let mut head = [0u8; 4];
    let n = data.len().min(4);
    head[..n].copy_from_slice(&data[..n]);
    let prefix = Prefix { flags: head[0], split: head[1], seed: u16::from_le_bytes([head[2], head[3]]) };
    (prefix, &data[n..])
}

/// The configuration a flags byte picks: bit 0 chunk delivery, bit 1
/// auto-pong off, bit 2 auto close-reply off, bit 3 small limits, bit 4
/// accept unmasked frames.
pub fn config_from_flags(flags: u8) -> Config {
    let mut config = Config::default();
    if flags & 1 != 0 {
        config.delivery = Delivery::Chunks;
    }
    config.auto_pong = flags & 2 == 0;
    config.auto_close_reply = flags & 4 == 0;
    if flags & 8 != 0 {
        config.max_frame_size = 200;
        config.max_message_size = 300;
    }
    config.accept_unmasked_frames = flags & 16 != 0;
    config
}

/// What one run of a connection over some input produced.
#[derive(Debug, PartialEq, Eq)]
pub struct Run {
    /// Events, chunks merged into messages (an HTTP response without the
    /// body bytes that came with its head: how many did depends on the
    /// cuts).
    pub events: Vec<Ev>,
    /// The error that ended the run, if one did.
    pub error: Option<Error>,
    /// Every byte the connection queued, in order.
    pub output: Vec<u8>,
    /// What `read_eof` returned at the end, if it was called.
    pub eof: Option<Result<Option<Ev>, Error>>,
    /// The state at the end.
    pub state: State,
}

/// Drives `conn` over `pieces` through `path` with the test kit's
/// [`Reader`] (bytes a read leaves while a server waits are carried to the
/// next piece), answering upgrade requests with `accept` and plain HTTP
/// requests with a 404, and checks the invariants that hold for any input:
///
/// - `consumed` never exceeds the input; once the handshake is done, a read
///   with no event has consumed all of its input;
/// - no read loops: events are bounded by the input size;
/// - everything the connection ever queued stays within `max_output` of the
///   input size;
/// - a failed connection is Closed, every later read (and poll) returns
///   that same error, and `read_eof` returns nothing.
///
/// With `drain_seed`, the output is drained after every event except a
/// Chunk, by a seeded partial amount: events sit at the same stream
/// positions however the input is cut (Chunk boundaries follow the cuts),
/// so every run drains at the same points and must queue the same bytes.
/// Without it, nothing is drained until the end. Draining after each
/// piece instead would tie the application's behaviour to the cuts, and
/// the coalescing of unwritten Pongs (`Config::auto_pong`) rightly depends
/// on what the application has written.
pub fn drive(
    mut conn: Connection,
    pieces: &[&[u8]],
    path: Path,
    drain_seed: Option<u16>,
    call_eof: bool,
    max_output: impl Fn(usize) -> usize,
) -> Run {
    let mut norm = Normalizer::default();
    let mut output = Vec::new();
    let mut reader = Reader::carrying(path, &conn);
    let mut handshake_done = false;
    let mut fed = 0usize;
    let mut drain_rng = drain_seed.map(XorShift32::new);

    for piece in pieces {
        fed += piece.len();
        // An error ends the run's events; the reader checks that it sticks.
        let _ = reader.push(&mut conn, piece, |conn, mut ev| {
            if let Ev::Response(response) = &mut ev {
                response.body.clear();
            }
            after_event(conn, &ev, &mut handshake_done);
            if !matches!(ev, Ev::Chunk { .. }) {
                drain(conn, &mut output, &mut drain_rng, false);
            }
            norm.push(ev);
        });
        let produced = output.len() + conn.sender().pending_len();
        assert!(
            produced <= max_output(fed),
            "{produced} bytes queued for {fed} bytes of input (bound {})",
            max_output(fed)
        );
    }
    let error = reader.failed().cloned();

    let eof = call_eof.then(|| {
        let result = conn.read_eof().map(|e| e.map(|e| owned(&e)));
        if error.is_some() {
            assert_eq!(result, Ok(None), "EOF after a failure has no event");
        }
        if let Ok(Some(ev)) = &result {
            assert_eq!(*ev, Ev::Close(CloseCode::ABNORMAL.0, String::new()), "EOF is an abnormal closure");
        }
        // A second EOF has nothing to add.
        assert!(matches!(conn.read_eof(), Ok(None) | Err(_)));
        assert_eq!(conn.state(), State::Closed, "after EOF the connection is Closed");
        result
    });
    drain(&mut conn, &mut output, &mut drain_rng, true);
    assert!(output.len() <= max_output(fed));
    Run { events: norm.events, error, output, eof, state: conn.state() }
}

/// Moves pending output to `output`: all of it, or a seeded part of it.
fn drain(conn: &mut Connection, output: &mut Vec<u8>, rng: &mut Option<XorShift32>, all: bool) {
    let pending = conn.sender().pending_len();
    let n = match rng {
        _ if all => pending,
        Some(rng) if pending > 0 => rng.between1(pending) - 1,
        _ => 0,
    };
    output.extend_from_slice(&conn.sender().pending()[..n]);
    conn.sender().advance(n).expect("advance within pending");
}

fn after_event(conn: &mut Connection, ev: &Ev, handshake_done: &mut bool) {
    match ev {
        Ev::Upgrade(_) => {
            assert_eq!(conn.state(), State::Connecting);
            conn.accept(&wsproto::handshake::AcceptOptions::new()).expect("accepting a reported upgrade request");
            assert_eq!(conn.state(), State::Open);
        }
        Ev::Http(_) => {
            conn.respond(404, "Not Found", &[], b"no page here\n").expect("answering a reported request");
            assert_eq!(conn.state(), State::Closed);
        }
        Ev::Response(_) => assert_eq!(conn.state(), State::Closed),
        Ev::Complete(_) => {
            assert!(!*handshake_done, "HandshakeComplete twice");
            *handshake_done = true;
        }
        _ => assert!(*handshake_done, "a frame event before HandshakeComplete"),
    }
}

/// RFC 6455 §7.4.1, §7.4.2 and the IANA registry, written out again here:
/// the codes that may appear in a Close frame.
pub fn close_code_sendable(code: u16) -> bool {
    matches!(code, 1000..=1003 | 1007..=1014 | 3000..=4999)
}
