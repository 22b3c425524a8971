//! The Wireshark dissections printed in the seed documents
//! (`tests/fixtures/seeds/`, copied from `shared/seeds`), as fixtures: each
//! frame is rebuilt from the fields the dissection prints, checked to be
//! as long as the TCP segment it says carried it, decoded by the passive
//! observer, and compared field by field with the dissection; the
//! inspector's tree must print the same lines. The handshakes printed
//! beside them go through the observer too.

use std::path::Path;

use wsproto::observer::{Direction, FrameInfo, LengthEncoding, Observation, Observer};
use wsproto::OpCode;

/// One frame as a seed dissects it.
#[derive(Debug)]
struct Dissected {
    direction: Direction,
    tcp_len: usize,
    fin: bool,
    rsv: u8,
    opcode: u8,
    mask: bool,
    len: u64,
    key: Option<[u8; 4]>,
    text: String,
    /// The WebSocket field lines, as printed (trimmed).
    lines: Vec<String>,
}

fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("missing fixture {}: {e}", path.display()))
}

/// The value after `= NAME: ` on a field line.
fn field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    line.split_once(&format!("= {name}: ")).map(|(_, v)| v)
}

fn parse_frames(text: &str) -> Vec<Dissected> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with("Frame ") {
            continue;
        }
        // "An example from server to client:" comes just before.
        let before = lines[..i].iter().rev().find(|l| l.starts_with("An example from")).expect("a direction line");
        let direction =
            if before.contains("server to client") { Direction::ServerToClient } else { Direction::ClientToServer };
        let mut d = Dissected {
            direction,
            tcp_len: 0,
            fin: false,
            rsv: 0,
            opcode: 0,
            mask: false,
            len: 0,
            key: None,
            text: String::new(),
            lines: Vec::new(),
        };
        for (j, l) in lines[i + 1..].iter().enumerate() {
            if l.trim().is_empty() || l.starts_with("Frame ") {
                break;
            }
            if let Some(len) = l.rsplit_once("Len: ") {
                d.tcp_len = len.1.trim().parse().unwrap();
            }
            if let Some(v) = field(l, "Fin") {
                d.fin = v == "True";
            } else if let Some(v) = field(l, "Reserved") {
                d.rsv = u8::from_str_radix(v.trim_start_matches("0x"), 16).unwrap();
            } else if let Some(v) = field(l, "Opcode") {
                d.opcode = v.rsplit_once('(').unwrap().1.trim_end_matches(')').parse().unwrap();
            } else if let Some(v) = field(l, "Mask") {
                d.mask = v == "True";
            } else if let Some(v) = field(l, "Payload length") {
                d.len = v.trim().parse().unwrap();
            } else if let Some(v) = l.trim().strip_prefix("Masking-Key: ") {
                let b: Vec<u8> = (0..4).map(|k| u8::from_str_radix(&v[2 * k..2 * k + 2], 16).unwrap()).collect();
                d.key = Some([b[0], b[1], b[2], b[3]]);
            } else if l.starts_with("Line-based text data") {
                // The payload, on the next line, with the seed's trailing space.
                d.text = lines[i + 1 + j + 1].trim().to_owned();
                continue;
            } else {
                continue;
            }
            d.lines.push(l.trim().to_owned());
        }
        if let Some(l) = d.lines.iter().position(|l| l.starts_with("Masking-Key")) {
            d.lines.truncate(l + 1);
        }
        out.push(d);
    }
    out
}

/// The frame's bytes, from the dissected fields (RFC 6455 §5.2).
fn encode(d: &Dissected) -> Vec<u8> {
    assert!(d.len < 126, "the seeds only have 7-bit lengths");
    let mut bytes = vec![(u8::from(d.fin) << 7) | (d.rsv << 4) | d.opcode, (u8::from(d.mask) << 7) | d.len as u8];
    let payload = d.text.as_bytes();
    match d.key {
        Some(key) => {
            bytes.extend_from_slice(&key);
            bytes.extend(payload.iter().enumerate().map(|(i, b)| b ^ key[i % 4]));
        }
        None => bytes.extend_from_slice(payload),
    }
    bytes
}

/// The head that begins with the line `first` (each line ending in CRLF,
/// then a blank line).
fn head(text: &str, first: &str) -> Vec<u8> {
    let start = text.find(first).unwrap_or_else(|| panic!("no {first:?}"));
    let block = text[start..].split("\n\n").next().unwrap();
    let mut out = String::new();
    for line in block.lines() {
        out.push_str(line.trim_end());
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    out.into_bytes()
}

/// Checks the frames of a seed; those at the indexes in `redacted` print a
/// payload shorter than their length (the seed left out an IP address), so
/// they cannot be rebuilt: that much is checked of them, and no more.
fn check_frames(name: &str, observer: &mut Observer, expect_frames: usize, redacted: &[usize]) {
    let text = seed(name);
    let frames = parse_frames(&text);
    assert_eq!(frames.len(), expect_frames, "{name}: frames dissected");
    for (i, d) in frames.iter().enumerate() {
        if redacted.contains(&i) {
            assert!((d.text.len() as u64) < d.len, "{name}: frame {i} is not redacted: {d:?}");
            continue;
        }
        let bytes = encode(d);
        // The TCP segment carried exactly this frame.
        assert_eq!(bytes.len(), d.tcp_len, "{name}: {d:?}");
        assert_eq!(d.text.len() as u64, d.len, "{name}: the payload text has the dissected length");
        let mut out = Vec::new();
        let offset = observer.offset(d.direction);
        observer.feed(d.direction, &bytes, &mut out);
        let violations: Vec<_> = out.iter().filter(|o| matches!(o, Observation::Violation(_))).collect();
        assert!(violations.is_empty(), "{name}: {violations:?}");
        let [Observation::Frame(f), Observation::Message(m)] = &out[..] else { panic!("{name}: {out:?}") };
        compare(name, d, f, offset);
        assert_eq!(m.text(), Some(d.text.as_str()), "{name}: the message");
        assert_eq!(m.frames, 1);
        // The inspector prints the seed's lines.
        let printed = wsproto_inspect::output::frame_lines(f);
        assert_eq!(printed, d.lines, "{name}");
    }
}

fn compare(name: &str, d: &Dissected, f: &FrameInfo, offset: u64) {
    let h = &f.header;
    assert_eq!(f.direction, d.direction, "{name}");
    assert_eq!(f.offset, offset, "{name}");
    assert_eq!(h.fin, d.fin, "{name}: FIN");
    assert_eq!(h.rsv, d.rsv, "{name}: RSV");
    assert_eq!(h.opcode, OpCode::from_u8(d.opcode).unwrap(), "{name}: opcode");
    assert_eq!(h.mask.is_some(), d.mask, "{name}: MASK");
    assert_eq!(h.mask, d.key, "{name}: masking key");
    assert_eq!(h.payload_len, d.len, "{name}: payload length");
    assert_eq!(f.length_encoding, LengthEncoding::Bits7, "{name}");
    assert_eq!(f.header_len, 2 + if d.mask { 4 } else { 0 }, "{name}");
    assert_eq!(f.payload, d.text.as_bytes(), "{name}: unmasked payload");
}

#[test]
fn seed_002_handshake_and_frames() {
    let text = seed("002_6cc5d91715ae5099.txt");
    let mut obs = Observer::new();
    let mut out = Vec::new();
    obs.feed(Direction::ClientToServer, &head(&text, "GET / HTTP/1.1"), &mut out);
    obs.feed(Direction::ServerToClient, &head(&text, "HTTP/1.1 101"), &mut out);
    let [Observation::Request(req), Observation::Response(res)] = &out[..] else { panic!("{out:?}") };
    assert_eq!((req.method.as_str(), req.target.as_str(), req.version), ("GET", "/", 1));
    assert_eq!(req.key.as_deref(), Some("bKdPyn3u98cTfZJSh4TNeQ=="));
    assert_eq!(req.extensions, ["permessage-deflate; client_max_window_bits"]);
    // RFC 6455 §4.2.2: the accept value is base64(SHA-1(key + GUID)); the
    // seed prints the server's, which must match.
    assert_eq!(res.status, 101);
    assert_eq!(res.expected_accept.as_deref(), Some("4EaeSCkuOGBy+rjOSJSMV+VMoC0="));
    assert!(res.accept_ok);
    let negotiated = res.negotiated.as_ref().expect("a valid 101");
    assert_eq!(negotiated.protocol, None);
    assert!(negotiated.extensions.is_empty(), "the server declined permessage-deflate");
    assert_eq!(res.deflate, None);
    check_frames("002_6cc5d91715ae5099.txt", &mut obs, 2, &[]);
}

#[test]
fn seed_000_frames_and_its_request_without_host() {
    let text = seed("000_c972ff75f866ef50.txt");
    let mut obs = Observer::new();
    let mut out = Vec::new();
    obs.feed(Direction::ClientToServer, &head(&text, "GET / HTTP/1.1"), &mut out);
    // This seed's request has no Host header: RFC 6455 §4.1 requires one
    // ("The request MUST contain a |Host| header field"), so a server
    // answers 400 and the observer reports it, at the request's offset.
    let [Observation::Request(req), Observation::Violation(v)] = &out[..] else { panic!("{out:?}") };
    assert_eq!(req.key, None);
    assert_eq!((v.direction, v.offset), (Direction::ClientToServer, 0));
    assert!(matches!(v.error, wsproto::Error::Request(wsproto::handshake::RequestError::BadHost)), "{v:?}");
    // The frames, seen without a valid handshake: no role assumed. The
    // server's "Welcome, 192.168.43.1 !" lost its address in this seed
    // (seed 002 has it whole).
    let mut obs = Observer::without_handshake();
    check_frames("000_c972ff75f866ef50.txt", &mut obs, 2, &[0]);
}
