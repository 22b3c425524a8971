//! Events as owned values, so that events from different runs (other
//! splits, other read paths, a model) can be stored and compared, and the
//! folding of `Delivery::Chunks` pieces back into whole messages.

use wsproto::handshake::{HttpResponse, Negotiated, Request, UpgradeRequest};
use wsproto::{Chunk, Event, Message, MessageKind};

/// An [`Event`] copied out of its borrow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ev {
    /// [`Event::HandshakeComplete`], with what was negotiated.
    Complete(Negotiated),
    /// [`Event::UpgradeRequest`].
    Upgrade(Box<UpgradeRequest>),
    /// [`Event::HttpRequest`].
    Http(Box<Request>),
    /// [`Event::HttpResponse`].
    Response(Box<HttpResponse>),
    /// A whole text message.
    Text(String),
    /// A whole binary message.
    Binary(Vec<u8>),
    /// A piece of a message ([`wsproto::Delivery::Chunks`]).
    Chunk {
        /// The kind of the message the piece belongs to.
        kind: MessageKind,
        /// The bytes of the piece.
        data: Vec<u8>,
        /// Whether this is the first piece of its message.
        first: bool,
        /// Whether this is the last piece of its message.
        last: bool,
    },
    /// A piece of a data frame ([`wsproto::Delivery::Frames`]), with the
    /// frame's header fields.
    Frame {
        /// FIN.
        fin: bool,
        /// The RSV bits (RSV1 is `0b100`).
        rsv: u8,
        /// The opcode's number (0 continuation, 1 text, 2 binary).
        opcode: u8,
        /// The masking key the frame arrived with.
        mask: Option<[u8; 4]>,
        /// The payload length the header declared.
        len: u64,
        /// The piece's bytes, unmasked.
        data: Vec<u8>,
        /// Where the piece starts in the frame's payload.
        offset: u64,
        /// The piece ends the frame.
        last: bool,
    },
    /// A whole message folded from frames whose first had RSV1 (handed out
    /// compressed, as they arrived): its kind and its raw payload.
    Compressed(MessageKind, Vec<u8>),
    /// A Ping and its payload.
    Ping(Vec<u8>),
    /// A Pong and its payload.
    Pong(Vec<u8>),
    /// A Close: the code (1005 when the frame had none, 1006 for EOF) and
    /// the reason.
    Close(u16, String),
    /// An event variant added to the crate after this kit (`Event` is
    /// non-exhaustive); no expected list contains it.
    Other,
}

impl Ev {
    /// A text message.
    pub fn text(s: &str) -> Ev {
        Ev::Text(s.to_string())
    }

    /// A Close with this code and reason.
    pub fn close(code: u16, reason: &str) -> Ev {
        Ev::Close(code, reason.to_string())
    }

    /// A whole message of `kind`; panics if a text message is not UTF-8.
    pub fn message(kind: MessageKind, data: Vec<u8>) -> Ev {
        match kind {
            MessageKind::Text => Ev::Text(String::from_utf8(data).expect("a whole text message must be UTF-8")),
            MessageKind::Binary => Ev::Binary(data),
        }
    }
}

/// Copies an event out of its borrow.
pub fn owned(event: &Event<'_>) -> Ev {
    match event {
        Event::HandshakeComplete(n) => Ev::Complete((*n).clone()),
        Event::UpgradeRequest(r) => Ev::Upgrade(Box::new((*r).clone())),
        Event::HttpRequest(r) => Ev::Http(Box::new((*r).clone())),
        Event::HttpResponse(r) => Ev::Response(Box::new((*r).clone())),
        Event::Message(Message::Text(t)) => Ev::Text(t.to_string()),
        Event::Message(Message::Binary(b)) => Ev::Binary(b.to_vec()),
        Event::Chunk(Chunk { kind, data, first, last }) => {
            Ev::Chunk { kind: *kind, data: data.to_vec(), first: *first, last: *last }
        }
        Event::Frame(f) => {
            let header = f.header();
            Ev::Frame {
                fin: header.fin,
                rsv: header.rsv,
                opcode: header.opcode.as_u8(),
                mask: header.mask,
                len: header.payload_len,
                data: f.data().to_vec(),
                offset: f.offset(),
                last: f.last(),
            }
        }
        Event::Ping(p) => Ev::Ping(p.to_vec()),
        Event::Pong(p) => Ev::Pong(p.to_vec()),
        Event::Close(c) => Ev::Close(c.code.0, c.reason.to_string()),
        _ => Ev::Other,
    }
}

/// Turns runs of chunks into whole messages, so that runs in different
/// delivery modes or splits can be compared, and checks the chunk flags on
/// the way: `first` on the first piece of a message only, one kind per
/// message, no whole message inside a chunked one, and whole text messages
/// in UTF-8. A message still open at the end (cut short by an error or EOF)
/// is dropped, since how much of it was delivered depends on the split.
/// Frame pieces ([`Ev::Frame`]) are folded the same way, checking that
/// the pieces of a frame are contiguous, keep its header and add up to its
/// length, and that continuations follow a first frame; a message whose
/// first frame had RSV1 becomes [`Ev::Compressed`].
/// Other events are kept as they are.
#[derive(Debug, Default)]
pub struct Normalizer {
    partial: Option<(MessageKind, Vec<u8>)>,
    /// Frame delivery: the message being folded (its kind, whether its
    /// first frame had RSV1, its bytes so far).
    frame_message: Option<(MessageKind, bool, Vec<u8>)>,
    /// Frame delivery: the frame in progress.
    frame: Option<FrameSoFar>,
    /// The events so far, chunks merged into messages.
    pub events: Vec<Ev>,
}

/// The frame a [`Normalizer`] is folding: what its first piece said.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FrameSoFar {
    fin: bool,
    rsv: u8,
    opcode: u8,
    len: u64,
    taken: u64,
}

/// A whole data frame folded from [`Ev::Frame`] pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WholeFrame {
    /// FIN.
    pub fin: bool,
    /// The RSV bits.
    pub rsv: u8,
    /// The opcode's number.
    pub opcode: u8,
    /// The payload, unmasked.
    pub payload: Vec<u8>,
}

/// Folds the frame pieces of `events` into whole frames (other events are
/// skipped), checking that the pieces of each are contiguous, keep its
/// header and add up to its declared length.
pub fn fold_frames(events: &[Ev]) -> Vec<WholeFrame> {
    let mut out: Vec<WholeFrame> = Vec::new();
    let mut open = false;
    for ev in events {
        let Ev::Frame { fin, rsv, opcode, len, data, offset, last, .. } = ev else { continue };
        if *offset == 0 {
            assert!(!open, "a frame began inside another: {ev:?}");
            out.push(WholeFrame { fin: *fin, rsv: *rsv, opcode: *opcode, payload: Vec::new() });
        } else {
            assert!(open, "a piece at offset {offset} with no frame open");
        }
        let frame = out.last_mut().expect("a frame is open");
        assert_eq!((frame.fin, frame.rsv, frame.opcode), (*fin, *rsv, *opcode), "the header changed inside a frame");
        assert_eq!(frame.payload.len() as u64, *offset, "pieces of a frame must be contiguous");
        frame.payload.extend_from_slice(data);
        assert_eq!(*last, frame.payload.len() as u64 == *len, "`last` must mark the frame's end: {ev:?}");
        open = !*last;
    }
    out
}

impl Normalizer {
    /// Takes the next event.
    pub fn push(&mut self, ev: Ev) {
        match ev {
            Ev::Chunk { kind, data, first, last } => {
                match &mut self.partial {
                    None => {
                        assert!(first, "a message's first chunk must say first: {:?}", self.events);
                        self.partial = Some((kind, data));
                    }
                    Some((k, buf)) => {
                        assert!(!first, "only the first chunk of a message says first");
                        assert_eq!(*k, kind, "the kind changed inside a message");
                        buf.extend_from_slice(&data);
                    }
                }
                if last {
                    let (kind, data) = self.partial.take().expect("a message is open");
                    self.events.push(Ev::message(kind, data));
                }
            }
            Ev::Frame { fin, rsv, opcode, len, data, offset, last, .. } => {
                assert!(self.partial.is_none(), "a frame inside a chunked message");
                match &mut self.frame {
                    None => {
                        assert_eq!(offset, 0, "a frame's first piece must be at offset 0");
                        self.frame = Some(FrameSoFar { fin, rsv, opcode, len, taken: 0 });
                    }
                    Some(f) => {
                        assert_eq!((f.fin, f.rsv, f.opcode, f.len), (fin, rsv, opcode, len), "the header changed");
                        assert_eq!(f.taken, offset, "pieces of a frame must be contiguous");
                    }
                }
                let frame = self.frame.as_mut().expect("a frame is open");
                frame.taken += data.len() as u64;
                assert_eq!(last, frame.taken == len, "`last` must mark the frame's end");
                match &mut self.frame_message {
                    None => {
                        assert!(
                            offset == 0 && matches!(opcode, 1 | 2),
                            "a message must open with a text or binary frame"
                        );
                        let kind = if opcode == 1 { MessageKind::Text } else { MessageKind::Binary };
                        self.frame_message = Some((kind, rsv & 0b100 != 0, data));
                    }
                    Some((_, _, buf)) => {
                        assert!(offset > 0 || opcode == 0, "a new message inside an open one");
                        buf.extend_from_slice(&data);
                    }
                }
                if last {
                    self.frame = None;
                    if fin {
                        let (kind, compressed, data) = self.frame_message.take().expect("a message is open");
                        self.events.push(if compressed { Ev::Compressed(kind, data) } else { Ev::message(kind, data) });
                    }
                }
            }
            ev @ (Ev::Text(_) | Ev::Binary(_)) => {
                assert!(self.partial.is_none(), "a whole message inside a chunked one");
                self.events.push(ev);
            }
            other => self.events.push(other),
        }
    }
}

/// Folds the chunks of `events` into whole messages (see [`Normalizer`]).
pub fn fold_chunks(events: &[Ev]) -> Vec<Ev> {
    let mut norm = Normalizer::default();
    for ev in events {
        norm.push(ev.clone());
    }
    norm.events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(kind: MessageKind, data: &[u8], first: bool, last: bool) -> Ev {
        Ev::Chunk { kind, data: data.to_vec(), first, last }
    }

    #[test]
    fn chunks_fold_into_messages_and_an_open_one_is_dropped() {
        let t = MessageKind::Text;
        let events = [
            chunk(t, "é".as_bytes(), true, false),
            Ev::Ping(b"p".to_vec()),
            chunk(t, b"!", false, true),
            chunk(MessageKind::Binary, &[1], true, true),
            Ev::close(1000, ""),
            chunk(MessageKind::Binary, &[2], true, false),
        ];
        assert_eq!(
            fold_chunks(&events),
            [Ev::Ping(b"p".to_vec()), Ev::text("é!"), Ev::Binary(vec![1]), Ev::close(1000, "")]
        );
    }

    #[test]
    #[should_panic(expected = "first chunk")]
    fn a_message_must_begin_with_first() {
        fold_chunks(&[chunk(MessageKind::Binary, &[1], false, true)]);
    }

    #[test]
    #[should_panic(expected = "UTF-8")]
    fn folded_text_must_be_utf8() {
        fold_chunks(&[chunk(MessageKind::Text, &[0xC0, 0xAF], true, true)]);
    }
}
