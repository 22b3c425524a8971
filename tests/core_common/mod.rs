//! Shared helpers for the `core_*` integration tests: connections in either
//! role with a fixed mask, the run of one stream through every split, both
//! read paths and both delivery modes, and the tables of valid and invalid
//! input streams that every split must agree on. Frame builders, the
//! independent frame parser, owned events, the read drivers and the splits
//! come from the test kit.

#![allow(dead_code)]
#![allow(unused_imports)]

use wsproto::handshake::Negotiated;
use wsproto::FrameError;
use wsproto::{Config, Connection, Delivery, Error, RandomSource, Role};
pub use wsproto_testkit::cuts::{pieces, splits, XorShift};
pub use wsproto_testkit::events::{fold_chunks, owned, Ev};
pub use wsproto_testkit::frames::{
    bytes_0_to, cat, close_payload, frame, frame_from, frame_to, header, parse_frames, xor_mask, Length, WireFrame,
    MASK,
};
pub use wsproto_testkit::read::{drive, run, Outcome, Path};

/// A random source that always yields `key` (repeated), so a client's output
/// is deterministic.
pub fn fixed_mask(key: [u8; 4]) -> impl RandomSource + 'static {
    move |out: &mut [u8]| {
        for (i, b) in out.iter_mut().enumerate() {
            *b = key[i % 4];
        }
    }
}

/// A connection in `role`; a client masks with [`MASK`].
pub fn connect(role: Role, config: Config) -> Connection {
    match role {
        Role::Server => Connection::open_server(config, Negotiated::default()).unwrap(),
        Role::Client => Connection::open_client(config, Negotiated::default(), fixed_mask(MASK)).unwrap(),
    }
}

pub fn server() -> Connection {
    connect(Role::Server, Config::default())
}

pub fn client() -> Connection {
    connect(Role::Client, Config::default())
}

/// The result of [`all_splits`]: the outcome of the whole-input run in each
/// delivery mode (chunk events folded into messages).
pub struct SplitReport {
    pub messages: Outcome,
    pub chunks: Outcome,
}

/// All three delivery modes, in the order [`all_splits`] runs them.
pub const DELIVERIES: [Delivery; 3] = [Delivery::Messages, Delivery::Chunks, Delivery::Frames];

/// Runs `input` through a fresh connection (built by `make`, whose delivery
/// is overridden) for every split, both read paths and all delivery modes,
/// and asserts that all runs of a delivery mode agree: same events (chunks
/// and frames folded), same error, same queued output, same state. Frame
/// delivery, folded, must agree with chunk delivery exactly (neither
/// assembles, so neither applies the message limit).
pub fn all_splits(name: &str, role: Role, config: Config, input: &[u8]) -> SplitReport {
    let mut results = Vec::new();
    for delivery in DELIVERIES {
        let mut config = config;
        config.delivery = delivery;
        let mut reference: Option<Outcome> = None;
        for (split_name, lens) in splits(input.len()) {
            for path in [Path::ZeroCopy, Path::Buffered] {
                let mut conn = connect(role, config);
                let mut outcome = drive(&mut conn, pieces(input, &lens), path);
                if delivery != Delivery::Messages {
                    outcome.events = fold_chunks(&outcome.events);
                }
                match &reference {
                    None => reference = Some(outcome),
                    Some(expect) => assert_eq!(
                        &outcome, expect,
                        "case `{name}` ({role:?}, {delivery:?}): split `{split_name}` via {path:?} differs from whole"
                    ),
                }
            }
        }
        results.push(reference.unwrap());
    }
    let frames = results.pop().unwrap();
    let chunks = results.pop().unwrap();
    let messages = results.pop().unwrap();
    assert_eq!(frames, chunks, "case `{name}` ({role:?}): frame delivery (folded) differs from chunk delivery");
    SplitReport { messages, chunks }
}

/// Whether `actual` is the error `expected` describes. A control frame that
/// is too long is matched by kind only: whether it holds the 7-bit marker or
/// the extended length depends on how early it is reported.
pub fn error_matches(expected: &Error, actual: &Error) -> bool {
    match (expected, actual) {
        (Error::Frame(FrameError::ControlFrameTooLong(_)), Error::Frame(FrameError::ControlFrameTooLong(n))) => {
            *n > 125
        }
        _ => expected == actual,
    }
}

/// One input stream and what it must produce.
#[derive(Debug, Clone)]
pub struct Case {
    /// The rule it exercises (one test per rule in `core_violations`).
    pub rule: &'static str,
    pub name: String,
    pub role: Role,
    pub config: Config,
    pub input: Vec<u8>,
    /// Events before the end (or before the error).
    pub events: Vec<Ev>,
    /// The error and the close code it maps to, or `None` for a valid stream.
    pub error: Option<(Error, u16)>,
}

fn case(rule: &'static str, name: impl Into<String>, role: Role, input: Vec<u8>, events: Vec<Ev>) -> Case {
    Case { rule, name: name.into(), role, config: Config::default(), input, events, error: None }
}

fn bad(rule: &'static str, name: impl Into<String>, role: Role, input: Vec<u8>, error: Error, code: u16) -> Case {
    Case { rule, name: name.into(), role, config: Config::default(), input, events: vec![], error: Some((error, code)) }
}

impl Case {
    fn before(mut self, events: Vec<Ev>) -> Case {
        self.events = events;
        self
    }
    fn config(mut self, f: impl FnOnce(&mut Config)) -> Case {
        f(&mut self.config);
        self
    }
}

/// "κόσμε", the valid start of the Autobahn 6.4.x payloads.
pub const KOSME: &[u8] = "κόσμε".as_bytes();

/// Valid streams: the RFC 6455 §5.7 examples and more.
pub fn valid_cases() -> Vec<Case> {
    use Role::{Client, Server};
    let hello_unmasked = vec![0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f];
    let hello_masked = vec![0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58];
    let b256 = bytes_0_to(256);
    let b64k = bytes_0_to(65536);
    let mut v = vec![
        // RFC 6455 §5.7 examples.
        case("rfc", "5.7 single-frame unmasked text", Client, hello_unmasked, vec![Ev::text("Hello")]),
        case("rfc", "5.7 single-frame masked text", Server, hello_masked, vec![Ev::text("Hello")]),
        case(
            "rfc",
            "5.7 fragmented unmasked text",
            Client,
            vec![0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f],
            vec![Ev::text("Hello")],
        ),
        case(
            "rfc",
            "5.7 unmasked ping",
            Client,
            vec![0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f],
            vec![Ev::Ping(b"Hello".to_vec())],
        ),
        case(
            "rfc",
            "5.7 masked pong",
            Server,
            vec![0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58],
            vec![Ev::Pong(b"Hello".to_vec())],
        ),
        case(
            "rfc",
            "5.7 256-byte binary",
            Client,
            cat(&[&[0x82, 0x7E, 0x01, 0x00], &b256]),
            vec![Ev::Binary(b256.clone())],
        ),
        case(
            "rfc",
            "5.7 64KiB binary",
            Client,
            cat(&[&[0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00], &b64k]),
            vec![Ev::Binary(b64k.clone())],
        ),
        case(
            "valid",
            "masked 64KiB binary to a server",
            Server,
            frame(0x82, &b64k, Some([1, 2, 3, 4])),
            vec![Ev::Binary(b64k)],
        ),
        case(
            "valid",
            "masked 256-byte binary to a server",
            Server,
            frame(0x82, &b256, Some(MASK)),
            vec![Ev::Binary(b256)],
        ),
    ];
    for role in [Client, Server] {
        let f = |first, payload: &[u8]| frame_to(role, first, payload);
        let r = format!("{role:?}");
        v.extend([
            case(
                "valid",
                format!("{r}: empty text and binary"),
                role,
                cat(&[&f(0x81, b""), &f(0x82, b"")]),
                vec![Ev::text(""), Ev::Binary(vec![])],
            ),
            case(
                "valid",
                format!("{r}: several messages in one stream"),
                role,
                cat(&[&f(0x81, b"one"), &f(0x82, &[2, 2]), &f(0x81, "€𝄞".as_bytes())]),
                vec![Ev::text("one"), Ev::Binary(vec![2, 2]), Ev::text("€𝄞")],
            ),
            case(
                "valid",
                format!("{r}: text fragments split inside characters"),
                role,
                cat(&[
                    &f(0x01, &"€𝄞".as_bytes()[..1]),
                    &f(0x00, &"€𝄞".as_bytes()[1..5]),
                    &f(0x80, &"€𝄞".as_bytes()[5..]),
                ]),
                vec![Ev::text("€𝄞")],
            ),
            case(
                "valid",
                format!("{r}: ping and pong between fragments"),
                role,
                cat(&[&f(0x01, b"Hel"), &f(0x89, b"ping"), &f(0x00, b""), &f(0x8A, b"pong"), &f(0x80, b"lo")]),
                vec![Ev::Ping(b"ping".to_vec()), Ev::Pong(b"pong".to_vec()), Ev::text("Hello")],
            ),
            case(
                "valid",
                format!("{r}: empty first and last fragments"),
                role,
                cat(&[&f(0x02, b""), &f(0x00, &[1, 2, 3]), &f(0x80, b"")]),
                vec![Ev::Binary(vec![1, 2, 3])],
            ),
            case(
                "valid",
                format!("{r}: 125-byte ping (the limit)"),
                role,
                f(0x89, &[7; 125]),
                vec![Ev::Ping(vec![7; 125])],
            ),
            case("valid", format!("{r}: empty ping"), role, f(0x89, b""), vec![Ev::Ping(vec![])]),
            case(
                "valid",
                format!("{r}: 126-byte text (16-bit length)"),
                role,
                f(0x81, &[b'a'; 126]),
                vec![Ev::Text("a".repeat(126))],
            ),
            case(
                "valid",
                format!("{r}: 65535-byte binary (largest 16-bit length)"),
                role,
                f(0x82, &[9; 65535]),
                vec![Ev::Binary(vec![9; 65535])],
            ),
            case(
                "valid",
                format!("{r}: close 1000 with reason"),
                role,
                f(0x88, &close_payload(1000, b"bye")),
                vec![Ev::close(1000, "bye")],
            ),
            case("valid", format!("{r}: close without status"), role, f(0x88, b""), vec![Ev::close(1005, "")]),
            case(
                "valid",
                format!("{r}: bytes after the peer's close are ignored"),
                role,
                cat(&[&f(0x88, &close_payload(1001, b"")), &f(0x81, b"late"), &[0xFF, 0xFF]]),
                vec![Ev::close(1001, "")],
            ),
            case(
                "valid",
                format!("{r}: message exactly at max_message_size across fragments"),
                role,
                cat(&[&f(0x02, &[1; 6]), &f(0x80, &[2; 4])]),
                vec![Ev::Binary(cat(&[&[1; 6], &[2; 4]]))],
            )
            .config(|c| c.max_message_size = 10),
            // The Ping's payload is scratch space in the assembly buffer while
            // it arrives in pieces; it must not count toward the message.
            case(
                "valid",
                format!("{r}: ping inside a message exactly at max_message_size"),
                role,
                cat(&[&f(0x02, &[1; 6]), &f(0x89, b"pingy"), &f(0x80, &[2; 4])]),
                vec![Ev::Ping(b"pingy".to_vec()), Ev::Binary(cat(&[&[1; 6], &[2; 4]]))],
            )
            .config(|c| c.max_message_size = 10),
            // §5.4: control frames may be injected between fragments, Close too;
            // after it nothing more is processed (§5.5.1).
            case(
                "valid",
                format!("{r}: close inside a fragmented message"),
                role,
                cat(&[&f(0x01, b"unfinished"), &f(0x88, &close_payload(1001, b"away")), &f(0x80, b"!")]),
                vec![Ev::close(1001, "away")],
            ),
            case(
                "valid",
                format!("{r}: frame exactly at max_frame_size"),
                role,
                f(0x82, &[3; 100]),
                vec![Ev::Binary(vec![3; 100])],
            )
            .config(|c| c.max_frame_size = 100),
        ]);
    }
    for code in [1000u16, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999] {
        v.push(case(
            "valid_close_code",
            format!("close code {code}"),
            Server,
            frame_to(Server, 0x88, &close_payload(code, b"x")),
            vec![Ev::close(code, "x")],
        ));
    }
    v.push(
        case(
            "unmasked_to_server",
            "accepted with accept_unmasked_frames",
            Server,
            frame(0x81, b"Hello", None),
            vec![Ev::text("Hello")],
        )
        .config(|c| c.accept_unmasked_frames = true),
    );
    v
}

/// Streams that break a rule, each with the error and close code it must
/// produce.
pub fn violation_cases() -> Vec<Case> {
    use Role::{Client, Server};
    let mut v = Vec::new();

    // RFC 6455 §5.2: "%x3-7 are reserved for further non-control frames",
    // "%xB-F are reserved for further control frames"; "If an unknown opcode
    // is received, the receiving endpoint MUST _Fail the WebSocket
    // Connection_."
    for op in (0x3u8..=0x7).chain(0xB..=0xF) {
        v.push(bad(
            "reserved_opcode",
            format!("opcode {op:#x} to a client"),
            Client,
            vec![0x80 | op, 0x00],
            Error::Frame(FrameError::ReservedOpcode(op)),
            1002,
        ));
        v.push(bad(
            "reserved_opcode",
            format!("opcode {op:#x} FIN=0 to a client"),
            Client,
            vec![op, 0x00],
            Error::Frame(FrameError::ReservedOpcode(op)),
            1002,
        ));
        v.push(bad(
            "reserved_opcode",
            format!("opcode {op:#x} to a server"),
            Server,
            frame(0x80 | op, b"abc", Some(MASK)),
            Error::Frame(FrameError::ReservedOpcode(op)),
            1002,
        ));
    }
    v.push(
        bad(
            "reserved_opcode",
            "after a valid message",
            Client,
            cat(&[&frame(0x81, b"ok", None), &[0x85, 0x00]]),
            Error::Frame(FrameError::ReservedOpcode(5)),
            1002,
        )
        .before(vec![Ev::text("ok")]),
    );

    // §5.2: "RSV1, RSV2, RSV3: 1 bit each. MUST be 0 unless an extension is
    // negotiated that defines meanings for non-zero values."
    for (first, bits) in [(0xC1u8, 0b100u8), (0xA1, 0b010), (0x91, 0b001), (0xF1, 0b111), (0xC9, 0b100), (0xB2, 0b011)]
    {
        for role in [Client, Server] {
            v.push(bad(
                "reserved_bits",
                format!("first byte {first:#04x} to {role:?}"),
                role,
                frame_to(role, first, b"a"),
                Error::Frame(FrameError::ReservedBits(bits)),
                1002,
            ));
        }
    }
    v.push(bad(
        "reserved_bits",
        "RSV1 on a continuation",
        Client,
        cat(&[&frame(0x01, b"a", None), &frame(0xC0, b"b", None)]),
        Error::Frame(FrameError::ReservedBits(0b100)),
        1002,
    ));

    // §5.2: "in all cases, the minimal number of bytes MUST be used to encode
    // the length".
    for (name, len, encoding) in [
        ("16-bit length 0", 0u64, Length::Bits16),
        ("16-bit length 125", 125, Length::Bits16),
        ("64-bit length 0", 0, Length::Bits64),
        ("64-bit length 125", 125, Length::Bits64),
        ("64-bit length 126", 126, Length::Bits64),
        ("64-bit length 65535", 65535, Length::Bits64),
    ] {
        v.push(bad(
            "non_minimal_length",
            format!("{name} to a client"),
            Client,
            header(0x82, None, len, encoding),
            Error::Frame(FrameError::NonMinimalLength),
            1002,
        ));
        v.push(bad(
            "non_minimal_length",
            format!("{name} to a server"),
            Server,
            header(0x82, Some(MASK), len, encoding),
            Error::Frame(FrameError::NonMinimalLength),
            1002,
        ));
    }

    // §5.2: "If 127, the following 8 bytes interpreted as a 64-bit unsigned
    // integer (the most significant bit MUST be 0)".
    for (name, len) in [("2^63", 1u64 << 63), ("2^64-1", u64::MAX), ("2^63+65536", (1u64 << 63) + 65536)] {
        v.push(bad(
            "length_top_bit",
            format!("{name} to a client"),
            Client,
            header(0x82, None, len, Length::Bits64),
            Error::Frame(FrameError::LengthTopBitSet),
            1002,
        ));
        v.push(bad(
            "length_top_bit",
            format!("{name} to a server"),
            Server,
            header(0x82, Some(MASK), len, Length::Bits64),
            Error::Frame(FrameError::LengthTopBitSet),
            1002,
        ));
    }

    // §5.5: "Control frames themselves MUST NOT be fragmented."
    for (name, first) in [("close", 0x08u8), ("ping", 0x09), ("pong", 0x0A)] {
        for role in [Client, Server] {
            v.push(bad(
                "fragmented_control",
                format!("{name} FIN=0 to {role:?}"),
                role,
                frame_to(role, first, b""),
                Error::Frame(FrameError::FragmentedControlFrame),
                1002,
            ));
        }
    }
    v.push(bad(
        "fragmented_control",
        "ping FIN=0 inside a fragmented message",
        Client,
        cat(&[&frame(0x01, b"a", None), &frame(0x09, b"p", None)]),
        Error::Frame(FrameError::FragmentedControlFrame),
        1002,
    ));

    // §5.5: "All control frames MUST have a payload length of 125 bytes or
    // less". Reported from the 126/127 marker, before the payload arrives.
    for (name, first) in [("close", 0x88u8), ("ping", 0x89), ("pong", 0x8A)] {
        for role in [Client, Server] {
            let f = frame_to(role, first, &[0; 126]);
            let header_only = f[..f.len() - 126].to_vec();
            v.push(bad(
                "control_too_long",
                format!("{name} 126 bytes to {role:?}"),
                role,
                header_only,
                Error::Frame(FrameError::ControlFrameTooLong(126)),
                1002,
            ));
            let f = frame_to(role, first, &[0; 65536]);
            let header_only = f[..f.len() - 65536].to_vec();
            v.push(bad(
                "control_too_long",
                format!("{name} 64-bit length to {role:?}"),
                role,
                header_only,
                Error::Frame(FrameError::ControlFrameTooLong(65536)),
                1002,
            ));
        }
    }

    // §5.1: "A client MUST close a connection if it detects a masked frame."
    for (name, first) in [("text", 0x81u8), ("ping", 0x89), ("close", 0x88), ("continuation", 0x00)] {
        v.push(bad(
            "masked_to_client",
            name,
            Client,
            frame(first, b"Hello", Some(MASK)),
            Error::Frame(FrameError::MaskedFrameFromServer),
            1002,
        ));
    }
    // §5.1: "The server MUST close the connection upon receiving a frame that
    // is not masked."
    for (name, first) in [("text", 0x81u8), ("binary", 0x82), ("ping", 0x89), ("close", 0x88)] {
        v.push(bad(
            "unmasked_to_server",
            name,
            Server,
            frame(first, b"Hello", None),
            Error::Frame(FrameError::UnmaskedFrameFromClient),
            1002,
        ));
    }
    v.push(
        bad(
            "unmasked_to_server",
            "unmasked after a masked one",
            Server,
            cat(&[&frame(0x81, b"ok", Some(MASK)), &frame(0x81, b"no", None)]),
            Error::Frame(FrameError::UnmaskedFrameFromClient),
            1002,
        )
        .before(vec![Ev::text("ok")]),
    );

    // §5.4: a fragmented message is "a single frame with the FIN bit clear
    // and an opcode other than 0, followed by zero or more frames with the
    // FIN bit clear and the opcode set to 0, and terminated by a single frame
    // with the FIN bit set and an opcode of 0."
    for role in [Client, Server] {
        let f = |first, p: &[u8]| frame_to(role, first, p);
        v.extend([
            bad(
                "unexpected_continuation",
                format!("final continuation first to {role:?}"),
                role,
                f(0x80, b"a"),
                Error::UnexpectedContinuation,
                1002,
            ),
            bad(
                "unexpected_continuation",
                format!("non-final continuation first to {role:?}"),
                role,
                f(0x00, b""),
                Error::UnexpectedContinuation,
                1002,
            ),
            bad(
                "unexpected_continuation",
                format!("continuation after a complete message to {role:?}"),
                role,
                cat(&[&f(0x01, b"a"), &f(0x80, b"b"), &f(0x80, b"c")]),
                Error::UnexpectedContinuation,
                1002,
            )
            .before(vec![Ev::text("ab")]),
            bad(
                "expected_continuation",
                format!("text inside text to {role:?}"),
                role,
                cat(&[&f(0x01, b"a"), &f(0x81, b"b")]),
                Error::ExpectedContinuation,
                1002,
            ),
            bad(
                "expected_continuation",
                format!("binary inside binary to {role:?}"),
                role,
                cat(&[&f(0x02, &[1]), &f(0x02, &[2])]),
                Error::ExpectedContinuation,
                1002,
            ),
            bad(
                "expected_continuation",
                format!("binary inside text, after a ping, to {role:?}"),
                role,
                cat(&[&f(0x01, b"a"), &f(0x89, b"p"), &f(0x82, &[2])]),
                Error::ExpectedContinuation,
                1002,
            )
            .before(vec![Ev::Ping(b"p".to_vec())]),
        ]);
    }

    // §8.1: "When an endpoint is to interpret a byte stream as UTF-8 but finds
    // that the byte stream is not, in fact, a valid UTF-8 stream, that
    // endpoint MUST _Fail the WebSocket Connection_." (§7.4.1: 1007.)
    let mut six_four_one = cat(&[&frame(0x01, KOSME, None), &frame(0x00, &[0xF4, 0x90, 0x80, 0x80], None)]);
    six_four_one.extend(frame(0x80, b"edited", None));
    let whole_6_4_3 = cat(&[KOSME, &[0xF4, 0x90, 0x80, 0x80], b"edited"]);
    let header_6_4_3 = frame(0x81, &whole_6_4_3, None);
    for role in [Client, Server] {
        let f = |first, p: &[u8]| frame_to(role, first, p);
        v.extend([
            bad(
                "invalid_utf8",
                format!("overlong C0 AF to {role:?}"),
                role,
                f(0x81, &[0xC0, 0xAF]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("FF to {role:?}"),
                role,
                f(0x81, &[b'a', 0xFF, b'b']),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("surrogate ED A0 80 to {role:?}"),
                role,
                f(0x81, &[0xED, 0xA0, 0x80]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("above U+10FFFF to {role:?}"),
                role,
                f(0x81, &[0xF4, 0x90, 0x80, 0x80]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("truncated character at end of frame to {role:?}"),
                role,
                f(0x81, &[b'a', 0xE2, 0x82]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("truncated character at end of fragmented message to {role:?}"),
                role,
                cat(&[&f(0x01, &[0xE2, 0x82]), &f(0x00, b""), &f(0x80, b"")]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("F4 | 90 across a fragment boundary to {role:?}"),
                role,
                cat(&[&f(0x01, &[b'a', 0xF4]), &f(0x80, &[0x90, 0x80, 0x80])]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("invalid in the first fragment, before the rest arrives, to {role:?}"),
                role,
                f(0x01, &[0xC0, 0xAF]),
                Error::InvalidUtf8,
                1007,
            ),
            bad(
                "invalid_utf8",
                format!("valid message then invalid one to {role:?}"),
                role,
                cat(&[&f(0x81, "é".as_bytes()), &f(0x81, &[0xE9])]),
                Error::InvalidUtf8,
                1007,
            )
            .before(vec![Ev::text("é")]),
        ]);
    }
    // Autobahn 6.4.1/6.4.2: the invalid sequence arrives in the second of
    // three fragments; the third one never needs to arrive.
    v.push(bad(
        "invalid_utf8",
        "Autobahn 6.4.1 (three fragments)",
        Client,
        six_four_one.clone(),
        Error::InvalidUtf8,
        1007,
    ));
    v.push(bad(
        "invalid_utf8",
        "Autobahn 6.4.2 (fragments, third never sent)",
        Client,
        cat(&[&frame(0x01, KOSME, None), &frame(0x00, &[0xF4, 0x90, 0x80, 0x80], None)]),
        Error::InvalidUtf8,
        1007,
    ));
    // Autobahn 6.4.3/6.4.4: one frame declaring 21 bytes, of which only the
    // valid prefix and F4 90 arrive: fail fast, without the rest.
    let prefix_len = header_6_4_3.len() - whole_6_4_3.len() + KOSME.len() + 2;
    v.push(bad(
        "invalid_utf8",
        "Autobahn 6.4.3/6.4.4 (frame cut after F4 90)",
        Client,
        header_6_4_3[..prefix_len].to_vec(),
        Error::InvalidUtf8,
        1007,
    ));
    let masked_6_4_3 = frame(0x81, &whole_6_4_3, Some(MASK));
    let prefix_len = masked_6_4_3.len() - whole_6_4_3.len() + KOSME.len() + 2;
    v.push(bad(
        "invalid_utf8",
        "Autobahn 6.4.3/6.4.4 masked to a server (frame cut after F4 90)",
        Server,
        masked_6_4_3[..prefix_len].to_vec(),
        Error::InvalidUtf8,
        1007,
    ));

    // §5.5.1: the Close body's reason "MUST be UTF-8-encoded" (§8.1 → 1007).
    for role in [Client, Server] {
        v.push(bad(
            "invalid_utf8_close_reason",
            format!("C0 AF in reason to {role:?}"),
            role,
            frame_to(role, 0x88, &close_payload(1000, &[0xC0, 0xAF])),
            Error::InvalidUtf8,
            1007,
        ));
        v.push(bad(
            "invalid_utf8_close_reason",
            format!("truncated character in reason to {role:?}"),
            role,
            frame_to(role, 0x88, &close_payload(1000, &[b'o', b'k', 0xE2, 0x82])),
            Error::InvalidUtf8,
            1007,
        ));
    }

    // §7.4.1/§7.4.2: 0-999 are not used, 1004 is reserved, 1005/1006/1015
    // "MUST NOT be set as a status code in a Close control frame", 1016-2999
    // are reserved for future protocol revisions, and there is nothing above
    // 4999. Received on the wire, all of them are a protocol error.
    for code in [0u16, 1, 500, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 6000, 65535] {
        for role in [Client, Server] {
            v.push(bad(
                "invalid_close_code",
                format!("close code {code} to {role:?}"),
                role,
                frame_to(role, 0x88, &close_payload(code, b"")),
                Error::InvalidCloseCode(code),
                1002,
            ));
        }
    }

    // §5.5.1: "If there is a body, the first two bytes of the body MUST be a
    // 2-byte unsigned integer". One byte cannot be.
    for role in [Client, Server] {
        v.push(bad(
            "close_payload_too_short",
            format!("1-byte close to {role:?}"),
            role,
            frame_to(role, 0x88, &[0x03]),
            Error::ClosePayloadTooShort,
            1002,
        ));
    }

    // §7.4.1 1009: "a message that is too big for it to process". The frame
    // limit is checked on the declared length: only the header is sent.
    for role in [Client, Server] {
        for (name, first, len) in
            [("101-byte binary", 0x82u8, 101usize), ("70000-byte text", 0x81, 70000), ("non-final 101", 0x02, 101)]
        {
            let f = frame_to(role, first, &vec![0; len]);
            v.push(
                bad(
                    "frame_too_large",
                    format!("{name} header to {role:?}"),
                    role,
                    f[..f.len() - len].to_vec(),
                    Error::Frame(FrameError::FrameTooLarge { len: len as u64, max: 100 }),
                    1009,
                )
                .config(|c| c.max_frame_size = 100),
            );
        }
        v.push(
            bad(
                "frame_too_large",
                format!("continuation over the limit to {role:?}"),
                role,
                cat(&[
                    &frame_to(role, 0x02, &[1; 100]),
                    &frame_to(role, 0x80, &[0; 101])[..4 + if role == Server { 4 } else { 0 }],
                ]),
                Error::Frame(FrameError::FrameTooLarge { len: 101, max: 100 }),
                1009,
            )
            .config(|c| c.max_frame_size = 100),
        );
        // The message limit is checked at the header of the fragment that
        // would take the message past it.
        let hdr = |first: u8, len: usize| {
            let f = frame_to(role, first, &vec![0; len]);
            f[..f.len() - len].to_vec()
        };
        v.push(
            bad(
                "message_too_large",
                format!("second fragment header to {role:?}"),
                role,
                cat(&[&frame_to(role, 0x02, &[1; 6]), &hdr(0x80, 5)]),
                Error::MessageTooLarge { max: 10 },
                1009,
            )
            .config(|c| c.max_message_size = 10),
        );
        v.push(
            bad(
                "message_too_large",
                format!("third fragment after a ping to {role:?}"),
                role,
                cat(&[
                    &frame_to(role, 0x01, b"abcd"),
                    &frame_to(role, 0x00, b"efgh"),
                    &frame_to(role, 0x89, b"p"),
                    &hdr(0x80, 3),
                ]),
                Error::MessageTooLarge { max: 10 },
                1009,
            )
            .config(|c| c.max_message_size = 10)
            .before(vec![Ev::Ping(b"p".to_vec())]),
        );
        v.push(
            bad(
                "message_too_large",
                format!("single frame header to {role:?}"),
                role,
                hdr(0x82, 11),
                Error::MessageTooLarge { max: 10 },
                1009,
            )
            .config(|c| c.max_message_size = 10),
        );
    }
    v
}
