//! The frame inspector (`wsproto-inspect`) on hostile captures. The first
//! byte chooses how the rest is used:
//! - odd: the rest is the capture file itself (pcap, pcapng or garbage);
//! - even: the rest is WebSocket traffic after a valid upgrade with
//!   permessage-deflate, cut into TCP segments of a well-formed pcap, each
//!   direction and offset chosen by the input, so the reassembler sees
//!   reordering, overlaps and gaps and the observer sees arbitrary frames.
//!
//! Neither may panic, hang or allocate without bound, and both outputs
//! must be produced, the JSON one object per item.
#![no_main]

use libfuzzer_sys::fuzz_target;

const REQUEST: &[u8] = b"GET / HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\
Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n";
const RESPONSE: &[u8] = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n";

/// An Ethernet + IPv4 + TCP packet (checksums left 0: nothing checks them).
fn packet(from_client: bool, seq: u32, flags: u8, payload: &[u8]) -> Vec<u8> {
    let (src, dst, sport, dport) = if from_client {
        ([10, 0, 0, 1], [10, 0, 0, 2], 40000u16, 9271u16)
    } else {
        ([10, 0, 0, 2], [10, 0, 0, 1], 9271, 40000)
    };
    let mut p = vec![2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00];
    let total = (20 + 20 + payload.len()) as u16;
    p.extend_from_slice(&[0x45, 0, (total >> 8) as u8, total as u8, 0, 0, 0x40, 0, 64, 6, 0, 0]);
    p.extend_from_slice(&src);
    p.extend_from_slice(&dst);
    p.extend_from_slice(&sport.to_be_bytes());
    p.extend_from_slice(&dport.to_be_bytes());
    p.extend_from_slice(&seq.to_be_bytes());
    p.extend_from_slice(&[0, 0, 0, 0, 0x50, flags, 0xff, 0xff, 0, 0, 0, 0]);
    p.extend_from_slice(payload);
    p
}

/// A pcap file (microseconds, Ethernet) of these packets.
fn pcap(packets: &[Vec<u8>]) -> Vec<u8> {
    let mut f = vec![0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0];
    for p in packets {
        f.extend_from_slice(&[0; 8]);
        f.extend_from_slice(&(p.len() as u32).to_le_bytes());
        f.extend_from_slice(&(p.len() as u32).to_le_bytes());
        f.extend_from_slice(p);
    }
    f
}

const SYN: u8 = 0x02;
const ACK: u8 = 0x10;

/// The traffic: a control byte per segment (bit 7: direction; bits 0-5:
/// length; bit 6: resend the previous segment of that direction first),
/// then the segment's bytes. Segments of one direction are contiguous in
/// its stream, but the resends and the interleaving move them around.
fn traffic(data: &[u8]) -> Vec<u8> {
    let isn = [1000u32, 5000u32];
    let mut pkts = vec![packet(true, isn[0], SYN, b""), packet(false, isn[1], SYN | ACK, b"")];
    pkts.push(packet(true, isn[0] + 1, ACK, REQUEST));
    pkts.push(packet(false, isn[1] + 1, ACK, RESPONSE));
    let mut next = [isn[0] + 1 + REQUEST.len() as u32, isn[1] + 1 + RESPONSE.len() as u32];
    let mut last: [Option<(u32, Vec<u8>)>; 2] = [None, None];
    let mut rest = data;
    while let Some((&ctl, tail)) = rest.split_first() {
        let d = usize::from(ctl >> 7);
        let n = usize::from(ctl & 0x3f).min(tail.len());
        let (seg, tail) = tail.split_at(n);
        rest = tail;
        let mut fresh = Some(packet(d == 0, next[d], ACK, seg));
        if ctl & 0x40 != 0 {
            // Out of order: this segment goes out before the previous one
            // of its direction is sent again.
            if let Some((seq, prev)) = last[d].take() {
                pkts.push(fresh.take().unwrap());
                pkts.push(packet(d == 0, seq, ACK, &prev));
            }
        }
        if let Some(p) = fresh {
            pkts.push(p);
        }
        last[d] = Some((next[d], seg.to_vec()));
        next[d] = next[d].wrapping_add(n as u32);
    }
    pcap(&pkts)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let file = if mode & 1 == 1 { rest.to_vec() } else { traffic(rest) };
    let d = wsproto_inspect::dissect(&file);
    let _ = wsproto_inspect::output::plain(&d);
    let json = wsproto_inspect::output::json_lines(&d);
    assert_eq!(json.lines().count(), d.items.len(), "one JSON object per item");
});
