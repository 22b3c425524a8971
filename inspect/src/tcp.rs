//! A small TCP stream reassembler: it puts the payload of each direction
//! of each connection back in sequence order, across out-of-order
//! segments, retransmissions and overlaps, with a bound on what it holds.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;

/// How much a [`Reassembler`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TcpLimits {
    /// Out-of-order bytes held per direction, waiting for a gap to fill.
    pub max_pending: usize,
    /// How far ahead of the next expected byte a segment may start to be
    /// kept (a segment further ahead is taken for a gap that will never
    /// fill, or garbage).
    pub max_window: u32,
    /// Connections tracked at once.
    pub max_connections: usize,
}

impl TcpLimits {
    /// 4 MiB pending per direction, a 16 MiB window, 4096 connections.
    pub const DEFAULT: TcpLimits = TcpLimits { max_pending: 4 << 20, max_window: 16 << 20, max_connections: 4096 };
}

/// One of the two ends of a connection: the one that sent the first SYN
/// (or, with no SYN seen, the first segment), and the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The end that opened the connection.
    Opener,
    /// The other end.
    Acceptor,
}

/// What the reassembler hands out, in order for each direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamEvent {
    /// A new connection (its first segment).
    Open {
        /// Its number, from 1, in order of appearance.
        connection: u32,
        /// The opener's address.
        opener: SocketAddr,
        /// The acceptor's address.
        acceptor: SocketAddr,
        /// A SYN was seen, so the sides and the start of both streams are known.
        syn_seen: bool,
    },
    /// The next in-order bytes of one direction.
    Data {
        /// The connection.
        connection: u32,
        /// The side that sent them.
        from: Side,
        /// Their offset in that direction's stream.
        offset: u64,
        /// The bytes.
        data: Vec<u8>,
    },
    /// The direction ended (FIN or RST, once every byte before it arrived).
    End {
        /// The connection.
        connection: u32,
        /// The side that ended.
        from: Side,
        /// RST rather than FIN.
        reset: bool,
    },
    /// Bytes are missing from a direction and never arrived, or had to be
    /// dropped to stay within the limits: nothing after `offset` is handed
    /// out for that direction.
    Gap {
        /// The connection.
        connection: u32,
        /// The side whose stream has the hole.
        from: Side,
        /// Where the hole starts.
        offset: u64,
        /// Why.
        reason: &'static str,
    },
}

/// A TCP segment, as parsed from a packet.
#[derive(Debug, Clone, Copy)]
pub struct Segment<'a> {
    /// Source address and port.
    pub src: SocketAddr,
    /// Destination address and port.
    pub dst: SocketAddr,
    /// The sequence number.
    pub seq: u32,
    /// SYN flag.
    pub syn: bool,
    /// ACK flag.
    pub ack: bool,
    /// FIN flag.
    pub fin: bool,
    /// RST flag.
    pub rst: bool,
    /// The payload.
    pub payload: &'a [u8],
}

/// One direction of a connection.
#[derive(Debug, Default)]
struct Dir {
    /// The sequence number of the next byte to hand out, once known.
    next_seq: Option<u32>,
    /// Bytes handed out so far.
    delivered: u64,
    /// Segments ahead of `next_seq`, by their distance from it at the time
    /// they arrived, stored by absolute stream offset.
    pending: BTreeMap<u64, Vec<u8>>,
    pending_bytes: usize,
    /// The absolute offset at which a FIN (or RST) was seen.
    end_at: Option<(u64, bool)>,
    /// Ended, or stopped by a gap: nothing more is handed out.
    done: bool,
}

#[derive(Debug)]
struct Conn {
    id: u32,
    opener: SocketAddr,
    dirs: [Dir; 2],
}

/// Reassembles the TCP streams of a capture. Feed it segments in capture
/// order with [`Reassembler::segment`], then call [`Reassembler::finish`].
#[derive(Debug)]
pub struct Reassembler {
    limits: TcpLimits,
    conns: HashMap<(SocketAddr, SocketAddr), Conn>,
    next_id: u32,
    /// Connections refused because of `max_connections`.
    pub dropped_connections: u64,
}

impl Default for Reassembler {
    fn default() -> Self {
        Reassembler::new(TcpLimits::DEFAULT)
    }
}

/// The key of a connection: its two addresses in a fixed order.
fn key(a: SocketAddr, b: SocketAddr) -> (SocketAddr, SocketAddr) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

impl Reassembler {
    /// A reassembler with these limits.
    pub fn new(limits: TcpLimits) -> Reassembler {
        Reassembler { limits, conns: HashMap::new(), next_id: 1, dropped_connections: 0 }
    }

    /// Takes one segment and appends what it makes available to `out`.
    pub fn segment(&mut self, seg: &Segment<'_>, out: &mut Vec<StreamEvent>) {
        let k = key(seg.src, seg.dst);
        if !self.conns.contains_key(&k) {
            if seg.rst || (seg.payload.is_empty() && !seg.syn) {
                // A bare ACK or RST of a connection we never saw start.
                return;
            }
            if self.conns.len() >= self.limits.max_connections {
                self.dropped_connections += 1;
                return;
            }
            // A SYN+ACK is the acceptor's answer: the opener is the other end.
            let opener = if seg.syn && seg.ack { seg.dst } else { seg.src };
            let id = self.next_id;
            self.next_id += 1;
            let acceptor = if opener == seg.src { seg.dst } else { seg.src };
            out.push(StreamEvent::Open { connection: id, opener, acceptor, syn_seen: seg.syn });
            self.conns.insert(k, Conn { id, opener, dirs: [Dir::default(), Dir::default()] });
        }
        let Some(conn) = self.conns.get_mut(&k) else { return };
        let from = if seg.src == conn.opener { Side::Opener } else { Side::Acceptor };
        let dir = &mut conn.dirs[from as usize];
        if dir.done {
            return;
        }
        let mut seq = seg.seq;
        if seg.syn {
            // The SYN takes one sequence number; data (rare) follows it.
            seq = seq.wrapping_add(1);
        }
        if dir.next_seq.is_none() {
            // From the SYN or, with none seen, from the first segment.
            dir.next_seq = Some(seq);
        }
        self.take(k, from, seq, seg, out);
    }

    fn take(
        &mut self,
        k: (SocketAddr, SocketAddr),
        from: Side,
        seq: u32,
        seg: &Segment<'_>,
        out: &mut Vec<StreamEvent>,
    ) {
        let limits = self.limits;
        let Some(conn) = self.conns.get_mut(&k) else { return };
        let id = conn.id;
        let dir = &mut conn.dirs[from as usize];
        let Some(next) = dir.next_seq else { return };
        // The segment's start relative to the next expected byte, within
        // ±2^31 (RFC 9293 §3.4: sequence numbers compare modulo 2^32).
        let rel = seq.wrapping_sub(next) as i32 as i64;
        let start = dir.delivered as i64 + rel;
        if start < 0 {
            // Starts before the stream did: not of this stream.
            return;
        }
        let start = start as u64;
        let end = start + seg.payload.len() as u64;
        if (seg.fin || seg.rst) && dir.end_at.is_none() {
            dir.end_at = Some((end, seg.rst));
        }
        if end > dir.delivered && !seg.payload.is_empty() {
            if rel > i64::from(limits.max_window) {
                dir.done = true;
                out.push(StreamEvent::Gap {
                    connection: id,
                    from,
                    offset: dir.delivered,
                    reason: "a segment beyond the window",
                });
                return;
            }
            if start <= dir.delivered {
                // In order, or overlapping what was handed out
                // (a retransmission that carries new bytes too).
                let skip = (dir.delivered - start) as usize;
                let data = seg.payload[skip..].to_vec();
                deliver(dir, id, from, data, out);
            } else {
                // Ahead: keep it, unless it is held already (a
                // retransmission of an out-of-order segment) or too much is held.
                let held = dir.pending.get(&start).map_or(0, Vec::len);
                if held < seg.payload.len() {
                    if dir.pending_bytes - held + seg.payload.len() > limits.max_pending {
                        dir.done = true;
                        out.push(StreamEvent::Gap {
                            connection: id,
                            from,
                            offset: dir.delivered,
                            reason: "too many out-of-order bytes held",
                        });
                        return;
                    }
                    dir.pending_bytes = dir.pending_bytes - held + seg.payload.len();
                    dir.pending.insert(start, seg.payload.to_vec());
                }
            }
        }
        // Whatever is pending and now in order.
        while let Some(entry) = dir.pending.first_entry() {
            let start = *entry.key();
            if start > dir.delivered {
                break;
            }
            let data = entry.remove();
            dir.pending_bytes -= data.len();
            let end = start + data.len() as u64;
            if end > dir.delivered {
                let skip = (dir.delivered - start) as usize;
                deliver(dir, id, from, data[skip..].to_vec(), out);
            }
        }
        if let Some((at, reset)) = dir.end_at {
            if dir.delivered >= at && !dir.done {
                dir.done = true;
                out.push(StreamEvent::End { connection: id, from, reset });
            }
        }
    }

    /// The capture ended: reports the directions whose bytes never all
    /// arrived (a [`StreamEvent::Gap`]) and ends every open direction.
    pub fn finish(&mut self, out: &mut Vec<StreamEvent>) {
        let mut conns: Vec<&mut Conn> = self.conns.values_mut().collect();
        conns.sort_by_key(|c| c.id);
        for conn in conns {
            for (i, dir) in conn.dirs.iter_mut().enumerate() {
                let from = if i == 0 { Side::Opener } else { Side::Acceptor };
                if dir.done {
                    continue;
                }
                dir.done = true;
                let hole = !dir.pending.is_empty() || dir.end_at.is_some_and(|(at, _)| at > dir.delivered);
                if hole {
                    out.push(StreamEvent::Gap {
                        connection: conn.id,
                        from,
                        offset: dir.delivered,
                        reason: "bytes missing from the capture",
                    });
                }
                out.push(StreamEvent::End { connection: conn.id, from, reset: false });
            }
        }
    }
}

fn deliver(dir: &mut Dir, connection: u32, from: Side, data: Vec<u8>, out: &mut Vec<StreamEvent>) {
    if data.is_empty() {
        return;
    }
    let offset = dir.delivered;
    dir.delivered += data.len() as u64;
    dir.next_seq = dir.next_seq.map(|s| s.wrapping_add(data.len() as u32));
    out.push(StreamEvent::Data { connection, from, offset, data });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(port: u16) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], port))
    }

    fn seg(src: u16, dst: u16, seq: u32, flags: &str, payload: &'static [u8]) -> Segment<'static> {
        Segment {
            src: addr(src),
            dst: addr(dst),
            seq,
            syn: flags.contains('S'),
            ack: flags.contains('A'),
            fin: flags.contains('F'),
            rst: flags.contains('R'),
            payload,
        }
    }

    /// Feeds the segments and returns each direction's bytes, joined, per
    /// connection and side, and the other events.
    /// Each direction's bytes, by connection and side.
    type Streams = HashMap<(u32, Side), Vec<u8>>;

    fn run(segs: &[Segment<'static>]) -> (Streams, Vec<StreamEvent>) {
        let mut r = Reassembler::default();
        let mut out = Vec::new();
        for s in segs {
            r.segment(s, &mut out);
        }
        r.finish(&mut out);
        let mut streams = Streams::new();
        let mut others = Vec::new();
        for e in out {
            match e {
                StreamEvent::Data { connection, from, offset, data } => {
                    let s = streams.entry((connection, from)).or_default();
                    assert_eq!(offset, s.len() as u64, "offsets are contiguous");
                    s.extend_from_slice(&data);
                }
                other => others.push(other),
            }
        }
        (streams, others)
    }

    #[test]
    fn out_of_order_segments_are_put_back_in_order() {
        let (s, ev) = run(&[
            seg(5000, 80, 100, "S", b""),
            seg(80, 5000, 900, "SA", b""),
            seg(5000, 80, 107, "A", b"world"),
            seg(5000, 80, 101, "A", b"hello "),
            seg(5000, 80, 112, "AF", b"!"),
        ]);
        assert_eq!(s[&(1, Side::Opener)], b"hello world!");
        assert!(ev.contains(&StreamEvent::End { connection: 1, from: Side::Opener, reset: false }));
        assert!(!ev.iter().any(|e| matches!(e, StreamEvent::Gap { .. })), "{ev:?}");
    }

    #[test]
    fn retransmissions_are_dropped_and_overlaps_trimmed() {
        let (s, _) = run(&[
            seg(5000, 80, 100, "S", b""),
            seg(5000, 80, 101, "A", b"abcd"),
            seg(5000, 80, 101, "A", b"abcd"),  // exact retransmission
            seg(5000, 80, 103, "A", b"cdefg"), // overlaps 2 bytes
            seg(5000, 80, 110, "A", b"jk"),    // ahead
            seg(5000, 80, 110, "A", b"jk"),    // retransmitted while held
            seg(5000, 80, 107, "A", b"ghij"),  // fills the gap, overlapping both sides
        ]);
        assert_eq!(s[&(1, Side::Opener)], b"abcdefghijk");
    }

    #[test]
    fn two_connections_on_any_ports_stay_apart() {
        let (s, ev) = run(&[
            seg(40000, 9271, 1, "S", b""),
            seg(40001, 1234, 7, "S", b""),
            seg(1234, 40001, 50, "SA", b""),
            seg(40001, 1234, 8, "A", b"second"),
            seg(40000, 9271, 2, "A", b"first"),
            seg(1234, 40001, 51, "A", b"reply"),
        ]);
        assert_eq!(s[&(1, Side::Opener)], b"first");
        assert_eq!(s[&(2, Side::Opener)], b"second");
        assert_eq!(s[&(2, Side::Acceptor)], b"reply");
        assert!(ev.contains(&StreamEvent::Open {
            connection: 2,
            opener: addr(40001),
            acceptor: addr(1234),
            syn_seen: true
        }));
    }

    #[test]
    fn sequence_numbers_wrap() {
        let (s, _) = run(&[
            seg(5000, 80, u32::MAX - 2, "S", b""),
            seg(5000, 80, 1, "A", b"def"),
            seg(5000, 80, u32::MAX - 1, "A", b"abc"),
        ]);
        assert_eq!(s[&(1, Side::Opener)], b"abcdef");
    }

    #[test]
    fn a_hole_that_never_fills_is_reported() {
        let (s, ev) =
            run(&[seg(5000, 80, 100, "S", b""), seg(5000, 80, 101, "A", b"ab"), seg(5000, 80, 110, "A", b"zz")]);
        assert_eq!(s[&(1, Side::Opener)], b"ab");
        assert!(ev.contains(&StreamEvent::Gap {
            connection: 1,
            from: Side::Opener,
            offset: 2,
            reason: "bytes missing from the capture"
        }));
    }

    #[test]
    fn held_bytes_are_bounded() {
        let mut r = Reassembler::new(TcpLimits { max_pending: 10, ..TcpLimits::DEFAULT });
        let mut out = Vec::new();
        r.segment(&seg(5000, 80, 100, "S", b""), &mut out);
        r.segment(&seg(5000, 80, 200, "A", b"0123456789"), &mut out);
        r.segment(&seg(5000, 80, 300, "A", b"x"), &mut out);
        assert!(out.iter().any(|e| matches!(e, StreamEvent::Gap { reason: "too many out-of-order bytes held", .. })));
        // Nothing more is taken for that direction.
        r.segment(&seg(5000, 80, 101, "A", b"a"), &mut out);
        assert!(!out.iter().any(|e| matches!(e, StreamEvent::Data { .. })));
    }

    #[test]
    fn without_a_syn_the_stream_starts_at_the_first_segment() {
        let (s, ev) = run(&[seg(5000, 80, 777, "A", b"mid"), seg(5000, 80, 780, "A", b"stream")]);
        assert_eq!(s[&(1, Side::Opener)], b"midstream");
        assert!(ev.iter().any(|e| matches!(e, StreamEvent::Open { syn_seen: false, .. })));
    }
}
