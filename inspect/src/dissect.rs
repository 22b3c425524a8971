//! From TCP streams to dissected WebSocket items: each connection whose
//! opener speaks first with an HTTP `GET` gets an [`Observer`], and what
//! it reports is grouped per frame and per handshake head.

use std::collections::HashMap;
use std::net::SocketAddr;

use wsproto::observer::{
    CloseInfo, Direction, FrameInfo, MessageInfo, Observation, Observer, RequestInfo, ResponseInfo, Violation,
};

use crate::capture::{read_packets, tcp_segment, CaptureError};
use crate::tcp::{Reassembler, Side, StreamEvent};

/// One thing the inspector prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A WebSocket connection was found.
    Connection {
        /// Its number.
        connection: u32,
        /// The client's address.
        client: SocketAddr,
        /// The server's address.
        server: SocketAddr,
    },
    /// The upgrade request, and what was wrong with it.
    Request {
        /// The connection.
        connection: u32,
        /// The request.
        info: RequestInfo,
        /// Its violations.
        violations: Vec<Violation>,
    },
    /// The handshake response, and what was wrong with it.
    Response {
        /// The connection.
        connection: u32,
        /// The response.
        info: ResponseInfo,
        /// Its violations.
        violations: Vec<Violation>,
    },
    /// A frame, with the message it completes, its close body, and the
    /// violations it shows.
    Frame {
        /// The connection.
        connection: u32,
        /// The frame.
        frame: FrameInfo,
        /// The message this frame completes.
        message: Option<MessageInfo>,
        /// The body of a Close frame.
        close: Option<CloseInfo>,
        /// What was wrong with it (or with the message it completes).
        violations: Vec<Violation>,
    },
    /// A violation that belongs to no frame (a header that cannot be decoded).
    Violation {
        /// The connection.
        connection: u32,
        /// The violation.
        violation: Violation,
    },
    /// A direction ended inside a head or frame.
    Truncated {
        /// The connection.
        connection: u32,
        /// The direction.
        direction: Direction,
        /// Where the incomplete head or frame starts.
        offset: u64,
        /// How many of its bytes were seen.
        pending: u64,
    },
    /// Bytes of a direction are missing: the dissection of that direction
    /// stops here (partial).
    Gap {
        /// The connection.
        connection: u32,
        /// The direction.
        direction: Direction,
        /// Offset of the first missing byte.
        offset: u64,
        /// Why.
        reason: &'static str,
    },
    /// The capture could not be read to its end: what comes before was
    /// dissected (partial).
    CaptureError(CaptureError),
}

/// A whole dissection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dissection {
    /// What was found, in order.
    pub items: Vec<Item>,
    /// Packets read.
    pub packets: u64,
    /// TCP connections that were not WebSocket (ignored).
    pub other_connections: u64,
}

impl Dissection {
    /// Whether part of the capture could not be dissected (a read error,
    /// missing bytes, or a truncated frame).
    pub fn is_partial(&self) -> bool {
        self.items.iter().any(|i| matches!(i, Item::CaptureError(_) | Item::Gap { .. } | Item::Truncated { .. }))
    }
}

/// What is known of one TCP connection.
enum Conn {
    /// No data yet.
    Undecided { opener: SocketAddr, acceptor: SocketAddr },
    /// A WebSocket connection; the side that sent the request.
    Ws { observer: Box<Observer>, client: Side, groups: Grouper },
    /// Something else.
    Other,
}

/// Groups one connection's observations into items.
#[derive(Default)]
struct Grouper {
    /// Per direction: the index in `items` of the last frame, and its offset.
    open: [Option<(usize, u64)>; 2],
    /// Violations that come before the frame they concern.
    pending: [Vec<Violation>; 2],
}

fn dir_index(d: Direction) -> usize {
    match d {
        Direction::ClientToServer => 0,
        Direction::ServerToClient => 1,
    }
}

impl Grouper {
    fn take(&mut self, connection: u32, obs: Vec<Observation>, items: &mut Vec<Item>) {
        for o in obs {
            match o {
                Observation::Request(info) => {
                    self.flush(connection, 0, items);
                    items.push(Item::Request { connection, info, violations: Vec::new() });
                    self.open[0] = Some((items.len() - 1, 0));
                }
                Observation::Response(info) => {
                    self.flush(connection, 1, items);
                    items.push(Item::Response { connection, info, violations: Vec::new() });
                    self.open[1] = Some((items.len() - 1, 0));
                }
                Observation::Frame(frame) => {
                    let d = dir_index(frame.direction);
                    let offset = frame.offset;
                    let (mine, others): (Vec<_>, Vec<_>) =
                        std::mem::take(&mut self.pending[d]).into_iter().partition(|v| v.offset == offset);
                    for violation in others {
                        items.push(Item::Violation { connection, violation });
                    }
                    items.push(Item::Frame { connection, frame, message: None, close: None, violations: mine });
                    self.open[d] = Some((items.len() - 1, offset));
                }
                Observation::Message(m) => {
                    if let Some(Item::Frame { message, .. }) = self.open_item(dir_index(m.direction), items) {
                        *message = Some(m);
                    }
                }
                Observation::Close(c) => {
                    if let Some(Item::Frame { close, .. }) = self.open_item(dir_index(c.direction), items) {
                        *close = Some(c);
                    }
                }
                Observation::Violation(v) => {
                    let d = dir_index(v.direction);
                    match self.open[d] {
                        Some((i, offset)) if v.offset <= offset => match &mut items[i] {
                            Item::Frame { violations, .. }
                            | Item::Request { violations, .. }
                            | Item::Response { violations, .. } => violations.push(v),
                            _ => items.push(Item::Violation { connection, violation: v }),
                        },
                        _ => self.pending[d].push(v),
                    }
                }
                Observation::Truncated { direction, offset, pending } => {
                    self.flush(connection, dir_index(direction), items);
                    items.push(Item::Truncated { connection, direction, offset, pending });
                }
                _ => {}
            }
        }
    }

    fn open_item<'a>(&self, d: usize, items: &'a mut [Item]) -> Option<&'a mut Item> {
        self.open[d].and_then(|(i, _)| items.get_mut(i))
    }

    fn flush(&mut self, connection: u32, d: usize, items: &mut Vec<Item>) {
        for violation in std::mem::take(&mut self.pending[d]) {
            items.push(Item::Violation { connection, violation });
        }
    }
}

/// Dissects a pcap or pcapng file held in memory.
pub fn dissect(file: &[u8]) -> Dissection {
    let mut tcp = Reassembler::default();
    let mut conns: HashMap<u32, Conn> = HashMap::new();
    let mut d = Dissection::default();
    let mut events = Vec::new();
    let result = read_packets(file, |linktype, data| {
        if let Some(seg) = tcp_segment(linktype, data) {
            tcp.segment(&seg, &mut events);
            handle(&mut events, &mut conns, &mut d);
        }
    });
    match result {
        Ok(n) => d.packets = n,
        Err(e) => {
            d.packets = e.packets_read;
            d.items.push(Item::CaptureError(e));
        }
    }
    tcp.finish(&mut events);
    handle(&mut events, &mut conns, &mut d);
    d
}

fn handle(events: &mut Vec<StreamEvent>, conns: &mut HashMap<u32, Conn>, d: &mut Dissection) {
    for e in events.drain(..) {
        match e {
            StreamEvent::Open { connection, opener, acceptor, .. } => {
                conns.insert(connection, Conn::Undecided { opener, acceptor });
            }
            StreamEvent::Data { connection, from, data, .. } => {
                let Some(conn) = conns.get_mut(&connection) else { continue };
                if let Conn::Undecided { opener, acceptor } = *conn {
                    // RFC 6455 §4.1: the client speaks first, with a GET.
                    if data.starts_with(b"GET ") {
                        let (client, server) =
                            if from == Side::Opener { (opener, acceptor) } else { (acceptor, opener) };
                        d.items.push(Item::Connection { connection, client, server });
                        *conn =
                            Conn::Ws { observer: Box::new(Observer::new()), client: from, groups: Grouper::default() };
                    } else {
                        d.other_connections += 1;
                        *conn = Conn::Other;
                    }
                }
                if let Conn::Ws { observer, client, groups } = conn {
                    let dir = if from == *client { Direction::ClientToServer } else { Direction::ServerToClient };
                    let mut out = Vec::new();
                    observer.feed(dir, &data, &mut out);
                    groups.take(connection, out, &mut d.items);
                }
            }
            StreamEvent::End { connection, from, .. } => {
                if let Some(Conn::Ws { observer, client, groups }) = conns.get_mut(&connection) {
                    let dir = if from == *client { Direction::ClientToServer } else { Direction::ServerToClient };
                    let mut out = Vec::new();
                    observer.finish(dir, &mut out);
                    groups.take(connection, out, &mut d.items);
                    groups.flush(connection, dir_index(dir), &mut d.items);
                }
            }
            StreamEvent::Gap { connection, from, offset, reason } => {
                if let Some(Conn::Ws { client, .. }) = conns.get(&connection) {
                    let direction = if from == *client { Direction::ClientToServer } else { Direction::ServerToClient };
                    d.items.push(Item::Gap { connection, direction, offset, reason });
                }
            }
        }
    }
}
