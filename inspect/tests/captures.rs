//! The inspector on whole captures: a real one recorded with tcpdump (the
//! CI capture step's session, committed), the same packets written as
//! pcapng, captures built packet by packet in memory (out of order,
//! retransmitted, two connections, IPv6), and truncated or malformed files.

use std::borrow::Cow;
use std::time::Duration;

use etherparse::PacketBuilder;
use pcap_file::pcap::{PcapHeader, PcapPacket, PcapReader, PcapWriter};
use pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketBlock;
use pcap_file::pcapng::blocks::interface_description::InterfaceDescriptionBlock;
use pcap_file::pcapng::PcapNgWriter;
use pcap_file::DataLink;
use wsproto::observer::Direction;
use wsproto::{CloseCode, OpCode};
use wsproto_inspect::{dissect, output, Dissection, Item};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/echo_session.pcap");

fn fixture() -> Vec<u8> {
    std::fs::read(FIXTURE).expect("the committed capture tests/fixtures/echo_session.pcap")
}

/// (direction, text or hex) of every message.
fn messages(d: &Dissection) -> Vec<(Direction, String)> {
    d.items
        .iter()
        .filter_map(|i| match i {
            Item::Frame { frame, message: Some(m), .. } => Some((
                frame.direction,
                m.text().map(str::to_owned).unwrap_or_else(|| m.data.iter().map(|b| format!("{b:02x}")).collect()),
            )),
            _ => None,
        })
        .collect()
}

fn closes(d: &Dissection) -> Vec<(Direction, CloseCode, String)> {
    d.items
        .iter()
        .filter_map(|i| match i {
            Item::Frame { close: Some(c), .. } => Some((c.direction, c.code, c.reason.clone())),
            _ => None,
        })
        .collect()
}

fn violations(d: &Dissection) -> usize {
    d.items
        .iter()
        .map(|i| match i {
            Item::Frame { violations, .. } | Item::Request { violations, .. } | Item::Response { violations, .. } => {
                violations.len()
            }
            Item::Violation { .. } => 1,
            _ => 0,
        })
        .sum()
}

#[test]
fn the_tcpdump_capture_is_dissected_whole() {
    let d = dissect(&fixture());
    assert!(!d.is_partial(), "{}", output::plain(&d));
    assert_eq!(violations(&d), 0);
    let long: String = (0..30).map(|i| format!("line {i:03}, ")).collect();
    let want = ["hello from the capture", "000102feff", "fragmented message", long.as_str()];
    for dir in [Direction::ClientToServer, Direction::ServerToClient] {
        let got: Vec<String> = messages(&d).into_iter().filter(|(d, _)| *d == dir).map(|(_, m)| m).collect();
        assert_eq!(got, want, "{dir:?}");
    }
    assert_eq!(
        closes(&d),
        [
            (Direction::ClientToServer, CloseCode::NORMAL, "bye".to_owned()),
            (Direction::ServerToClient, CloseCode::NORMAL, String::new())
        ]
    );
    let Some(Item::Response { info, .. }) = d.items.iter().find(|i| matches!(i, Item::Response { .. })) else {
        panic!("no response")
    };
    assert!(info.accept_ok);
    let deflate = info.deflate.expect("permessage-deflate negotiated");
    assert_eq!((deflate.server_max_window_bits, deflate.client_max_window_bits), (Some(12), Some(12)));
    // The JSON has one object per item, each a valid JSON line.
    let json = output::json_lines(&d);
    assert_eq!(json.lines().count(), d.items.len());
    for line in json.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["type"].is_string());
    }
}

/// The packets of a pcap file: (timestamp, data).
fn packets(pcap: &[u8]) -> Vec<(Duration, Vec<u8>)> {
    let mut r = PcapReader::new(pcap).unwrap();
    let mut out = Vec::new();
    while let Some(p) = r.next_packet() {
        let p = p.unwrap();
        out.push((p.timestamp, p.data.into_owned()));
    }
    out
}

fn write_pcap(packets: &[(Duration, Vec<u8>)], datalink: DataLink) -> Vec<u8> {
    let header = PcapHeader { datalink, ..PcapHeader::default() };
    let mut w = PcapWriter::with_header(Vec::new(), header).unwrap();
    for (ts, data) in packets {
        w.write_packet(&PcapPacket::new(*ts, data.len() as u32, data)).unwrap();
    }
    w.into_writer()
}

fn write_pcapng(packets: &[(Duration, Vec<u8>)]) -> Vec<u8> {
    let mut w = PcapNgWriter::new(Vec::new()).unwrap();
    w.write_pcapng_block(InterfaceDescriptionBlock::new(DataLink::ETHERNET, 0)).unwrap();
    for (ts, data) in packets {
        let block = EnhancedPacketBlock {
            interface_id: 0,
            timestamp: *ts,
            original_len: data.len() as u32,
            data: Cow::Borrowed(data),
            options: vec![],
        };
        w.write_pcapng_block(block).unwrap();
    }
    w.into_inner()
}

#[test]
fn pcapng_gives_the_same_dissection_as_pcap() {
    let pcap = fixture();
    let ng = write_pcapng(&packets(&pcap));
    assert_eq!(&ng[..4], &[0x0a, 0x0d, 0x0d, 0x0a]);
    let (a, b) = (dissect(&pcap), dissect(&ng));
    assert_eq!(a, b);
    assert_eq!(messages(&b).len(), 8);
}

/// A client/server pair of TCP endpoints that builds Ethernet packets.
struct Flow {
    client: ([u8; 4], u16),
    server: ([u8; 4], u16),
    seq: [u32; 2],
}

impl Flow {
    fn packet(&self, from_client: bool, seq: u32, flags: &str, payload: &[u8]) -> Vec<u8> {
        let ((src, sport), (dst, dport)) =
            if from_client { (self.client, self.server) } else { (self.server, self.client) };
        let mut b = PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2])
            .ipv4(src, dst, 64)
            .tcp(sport, dport, seq, 65535);
        if flags.contains('S') {
            b = b.syn();
        }
        if flags.contains('A') {
            b = b.ack(1);
        }
        if flags.contains('F') {
            b = b.fin();
        }
        let mut out = Vec::with_capacity(b.size(payload.len()));
        b.write(&mut out, payload).unwrap();
        out
    }

    /// A data segment at `offset` of the stream of one side.
    fn data(&self, from_client: bool, offset: u32, payload: &[u8]) -> Vec<u8> {
        let isn = self.seq[usize::from(!from_client)];
        self.packet(from_client, isn.wrapping_add(1).wrapping_add(offset), "A", payload)
    }

    fn syn(&self, from_client: bool) -> Vec<u8> {
        let isn = self.seq[usize::from(!from_client)];
        self.packet(from_client, isn, if from_client { "S" } else { "SA" }, b"")
    }
}

const KEY: &str = "dGhlIHNhbXBsZSBub25jZQ==";
const REQUEST: &str = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: chat, superchat\r\n\r\n";
// RFC 6455 §1.3: the accept value for that key.
const RESPONSE: &str = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: chat\r\n\r\n";

/// A masked client frame (RFC 6455 §5.7 style).
fn client_frame(first: u8, key: [u8; 4], payload: &[u8]) -> Vec<u8> {
    assert!(payload.len() < 126);
    let mut f = vec![first, 0x80 | payload.len() as u8];
    f.extend_from_slice(&key);
    f.extend(payload.iter().enumerate().map(|(i, b)| b ^ key[i % 4]));
    f
}

fn server_frame(first: u8, payload: &[u8]) -> Vec<u8> {
    let mut f = vec![first, payload.len() as u8];
    f.extend_from_slice(payload);
    f
}

#[test]
fn a_built_capture_with_reordering_retransmission_and_two_connections() {
    let _ = KEY;
    let a = Flow { client: ([10, 0, 0, 1], 40000), server: ([10, 0, 0, 2], 5555), seq: [1000, 9000] };
    let b = Flow { client: ([10, 0, 0, 3], 40001), server: ([10, 0, 0, 2], 8080), seq: [u32::MAX - 10, 77] };
    let hello = client_frame(0x81, [0x37, 0xfa, 0x21, 0x3d], b"Hello");
    // "Hel" + "lo" in two fragments (RFC 6455 §5.7), from the server.
    let frag1 = server_frame(0x01, b"Hel");
    let frag2 = server_frame(0x80, b"lo");
    let close = client_frame(0x88, [1, 2, 3, 4], &[0x03, 0xe8, b'o', b'k']);
    let req = REQUEST.as_bytes();
    let res = RESPONSE.as_bytes();
    let c_len = req.len() as u32;
    let s_len = res.len() as u32;
    let mut pkts = vec![
        a.syn(true),
        a.syn(false),
        b.syn(true),
        // The request in two segments, the second first.
        a.data(true, 10, &req[10..]),
        a.data(true, 0, &req[..10]),
        a.data(false, 0, res),
        // Connection b, interleaved: the same handshake.
        b.data(true, 0, req),
        b.syn(false),
        b.data(false, 0, res),
        // a: the client's frame, retransmitted, and overlapping the close.
        a.data(true, c_len, &hello),
        a.data(true, c_len, &hello),
        a.data(false, s_len + frag1.len() as u32, &frag2),
        a.data(false, s_len, &frag1),
        b.data(true, c_len, &close),
    ];
    let mut both = hello.clone();
    both.extend_from_slice(&close);
    pkts.push(a.data(true, c_len + 3, &both[3..]));
    let pcap = write_pcap(&pkts.into_iter().map(|p| (Duration::ZERO, p)).collect::<Vec<_>>(), DataLink::ETHERNET);
    let d = dissect(&pcap);
    let text = output::plain(&d);
    assert_eq!(violations(&d), 0, "{text}");
    let conns: Vec<_> = d.items.iter().filter(|i| matches!(i, Item::Connection { .. })).collect();
    assert_eq!(conns.len(), 2, "{text}");
    let of = |c: u32| -> Vec<String> {
        d.items
            .iter()
            .filter_map(|i| match i {
                Item::Frame { connection, frame, message, close, .. } if *connection == c => Some(format!(
                    "{:?} {:?} {}",
                    frame.direction,
                    frame.header.opcode,
                    message
                        .as_ref()
                        .and_then(|m| m.text().map(str::to_owned))
                        .or(close.as_ref().map(|c| format!("close {} {}", c.code.as_u16(), c.reason)))
                        .unwrap_or_default()
                )),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        of(1),
        [
            "ClientToServer Text Hello",
            "ServerToClient Text ",
            "ServerToClient Continuation Hello",
            "ClientToServer Close close 1000 ok"
        ],
        "{text}"
    );
    assert_eq!(of(2), ["ClientToServer Close close 1000 ok"], "{text}");
    let Some(Item::Response { info, .. }) = d.items.iter().find(|i| matches!(i, Item::Response { .. })) else {
        panic!()
    };
    assert!(info.accept_ok);
    assert_eq!(info.negotiated.as_ref().unwrap().protocol.as_deref(), Some("chat"));
    let frame = d.items.iter().find_map(|i| match i {
        Item::Frame { frame, .. } => Some(frame),
        _ => None,
    });
    let frame = frame.unwrap();
    assert_eq!(frame.header.mask, Some([0x37, 0xfa, 0x21, 0x3d]));
    assert_eq!(frame.header.opcode, OpCode::Text);
}

#[test]
fn violations_carry_their_offset_and_close_code() {
    let a = Flow { client: ([10, 0, 0, 1], 40000), server: ([10, 0, 0, 2], 1), seq: [5, 6] };
    let req = REQUEST.as_bytes();
    let res = RESPONSE.as_bytes();
    // An unmasked client frame (RFC 6455 §5.1: 1002), then invalid UTF-8
    // (RFC 6455 §8.1: 1007).
    let mut bad = server_frame(0x81, b"x");
    bad.extend(client_frame(0x81, [9, 9, 9, 9], &[0xC0, 0x80]));
    let pkts =
        [a.syn(true), a.syn(false), a.data(true, 0, req), a.data(false, 0, res), a.data(true, req.len() as u32, &bad)];
    let pcap = write_pcap(&pkts.into_iter().map(|p| (Duration::ZERO, p)).collect::<Vec<_>>(), DataLink::ETHERNET);
    let d = dissect(&pcap);
    let found: Vec<(u64, u16)> = d
        .items
        .iter()
        .flat_map(|i| match i {
            Item::Frame { violations, .. } => violations.clone(),
            _ => vec![],
        })
        .map(|v| (v.offset, v.close_code().as_u16()))
        .collect();
    let off = req.len() as u64;
    assert_eq!(found, [(off, 1002), (off + 3, 1007)], "{}", output::plain(&d));
}

#[test]
fn raw_ip_and_ipv6_link_types_are_read() {
    // The fixture's packets without their Ethernet header, as DLT_RAW.
    let raw: Vec<_> = packets(&fixture()).into_iter().map(|(t, p)| (t, p[14..].to_vec())).collect();
    let d = dissect(&write_pcap(&raw, DataLink::RAW));
    assert_eq!(messages(&d).len(), 8);
    // IPv6: a request and a response over ::1.
    let req = REQUEST.as_bytes();
    let mk = |from_client: bool, seq: u32, flags: &str, payload: &[u8]| {
        let (s, d) = if from_client { (40000, 80) } else { (80, 40000) };
        let mut l = [0u8; 16];
        l[15] = 1;
        let mut b = PacketBuilder::ipv6(l, l, 64).tcp(s, d, seq, 1000);
        if flags.contains('S') {
            b = b.syn();
        }
        let mut out = Vec::new();
        b.write(&mut out, payload).unwrap();
        (Duration::ZERO, out)
    };
    let pkts =
        [mk(true, 0, "S", b""), mk(true, 1, "", req), mk(false, 0, "S", b""), mk(false, 1, "", RESPONSE.as_bytes())];
    let d = dissect(&write_pcap(&pkts, DataLink::IPV6));
    assert!(
        d.items.iter().any(|i| matches!(i, Item::Response { info, .. } if info.accept_ok)),
        "{}",
        output::plain(&d)
    );
}

#[test]
fn a_truncated_capture_is_marked_partial_and_never_panics() {
    let pcap = fixture();
    let whole = dissect(&pcap);
    for cut in (0..pcap.len()).step_by(5) {
        let d = dissect(&pcap[..cut]);
        // Whatever is shown is a prefix of the whole dissection's items
        // (before the marks of what is missing).
        let _ = output::plain(&d);
        let _ = output::json_lines(&d);
        assert!(d.items.len() <= whole.items.len() + 4, "cut at {cut}");
    }
    // Cut inside the last packet: the capture error is reported, and the
    // dissection is partial.
    let d = dissect(&pcap[..pcap.len() - 3]);
    assert!(d.is_partial());
    assert!(d.items.iter().any(|i| matches!(i, Item::CaptureError(_))), "{}", output::plain(&d));
    assert!(output::plain(&d).contains("PARTIAL"));
    // Cut in the middle: frames are missing, and what was dissected is there.
    let d = dissect(&pcap[..pcap.len() / 2]);
    assert!(d.is_partial());
    assert!(d.items.iter().any(|i| matches!(i, Item::Request { .. })));
}

#[test]
fn a_missing_segment_marks_the_rest_of_its_direction_partial() {
    let mut pkts = packets(&fixture());
    // The packet of the client's first frame (FIN, RSV1, Text: 0xC1, to
    // port 9271). Without it, everything after it in that direction is
    // held as out of order, and never delivered.
    let first_frame = pkts.iter().position(|(_, p)| {
        wsproto_inspect::capture::tcp_segment(DataLink::ETHERNET, p)
            .is_some_and(|s| s.dst.port() == 9271 && s.payload.first() == Some(&0xC1))
    });
    pkts.remove(first_frame.expect("the client's first frame"));
    let d = dissect(&write_pcap(&pkts, DataLink::ETHERNET));
    assert!(d.is_partial(), "{}", output::plain(&d));
    assert!(d.items.iter().any(|i| matches!(i, Item::Gap { .. })), "{}", output::plain(&d));
}

#[test]
fn not_a_capture_is_a_clear_error() {
    for bytes in [&b""[..], b"hello world, not a capture", &[0xd4, 0xc3, 0xb2, 0xa1, 2, 0]] {
        let d = dissect(bytes);
        let Some(Item::CaptureError(e)) = d.items.first() else { panic!("{d:?}") };
        assert_eq!(e.packets_read, 0);
        assert!(!e.message.is_empty());
        assert!(d.is_partial());
    }
}
