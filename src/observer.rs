//! A passive observer: decodes both directions of a WebSocket connection
//! that it is not part of, and reports what it sees.
//!
//! A frame inspector reading a packet capture, a proxy that forwards bytes
//! and wants to know what they mean, or a monitor that counts messages and
//! flags misbehaving peers all sit *beside* a connection: they must not
//! answer pings, queue Close frames or fail anything. [`Observer`] is for
//! them. Feed it the bytes of each direction as they pass
//! ([`Observer::feed`]) and it reports [`Observation`]s:
//!
//! - the opening handshake: the request ([`RequestInfo`]), the response
//!   ([`ResponseInfo`]) with the `Sec-WebSocket-Accept` check, the
//!   negotiated subprotocol and extensions, each parsed and validated with
//!   the same code the connection uses ([`crate::handshake`]);
//! - every frame ([`FrameInfo`]): FIN, RSV bits, opcode, masking key,
//!   payload length and the length encoding used, and the unmasked payload;
//! - every message ([`MessageInfo`]): fragments joined and, where
//!   permessage-deflate was negotiated (feature `deflate`), inflated with
//!   the negotiated context takeover;
//! - close codes and reasons ([`CloseInfo`]);
//! - every protocol violation ([`Violation`]): the byte offset in its
//!   direction where it shows, and the close code the receiving endpoint
//!   would fail the connection with.
//!
//! A violation is reported, never returned as an error; the observer goes
//! on where it can. After a frame header it cannot decode (a reserved
//! opcode, a non-minimal length...) it cannot know where the next frame
//! starts, so it stops decoding that direction, as the receiving endpoint
//! would fail the connection there (RFC 6455 §7.1.7).
//!
//! Roles come only from what the observer sees: the bytes of the direction
//! that carries the upgrade request are the client's. The masking rule
//! (RFC 6455 §5.1) and the RSV bits owned by extensions are checked only
//! once the handshake has been seen; [`Observer::without_handshake`] starts
//! after it, with nothing assumed.
//!
//! Memory is bounded whatever the input: a handshake head is held up to
//! [`ObserverLimits::max_head`] bytes, and a frame or message up to
//! [`ObserverLimits::max_message`] bytes (inflated size included); past
//! that a [`Error::MessageTooLarge`] violation is reported and the
//! payload is skipped, not kept.
//!
//! ```
//! use wsproto::observer::{Direction, Observation, Observer};
//! let mut obs = Observer::without_handshake();
//! let mut out = Vec::new();
//! // RFC 6455 §5.7: a masked "Hello" from a client.
//! obs.feed(Direction::ClientToServer, &[0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58], &mut out);
//! let Observation::Frame(frame) = &out[0] else { panic!() };
//! assert_eq!(frame.payload, b"Hello");
//! let Observation::Message(message) = &out[1] else { panic!() };
//! assert_eq!(message.text(), Some("Hello"));
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use crate::frame::{
    check_mask, header_len, parse_close_body, CloseCode, FrameHeader, HeaderDecoder, HeaderRules, OpCode, Role, RSV1,
};
use crate::handshake::{
    accept_key, validate_head, validate_response, Header, HttpVersion, Negotiated, RequestError, RequestHead,
};
use crate::utf8::Utf8Validator;
use crate::Error;

/// Which way bytes flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// From the end that sent the upgrade request.
    ClientToServer,
    /// From the end that answered it.
    ServerToClient,
}

impl Direction {
    /// The role of the end that sends in this direction.
    pub const fn sender(self) -> Role {
        match self {
            Direction::ClientToServer => Role::Client,
            Direction::ServerToClient => Role::Server,
        }
    }

    const fn index(self) -> usize {
        match self {
            Direction::ClientToServer => 0,
            Direction::ServerToClient => 1,
        }
    }
}

/// How much an [`Observer`] holds at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObserverLimits {
    /// The largest handshake head (request or response) held while it is
    /// incomplete.
    pub max_head: usize,
    /// The most header fields in a handshake head.
    pub max_headers: usize,
    /// The largest frame payload and message (after inflation) kept.
    pub max_message: usize,
}

impl ObserverLimits {
    /// 8 KiB heads of at most 64 fields (as [`crate::handshake::Limits`]),
    /// and 16 MiB messages.
    pub const DEFAULT: ObserverLimits = ObserverLimits { max_head: 8 * 1024, max_headers: 64, max_message: 16 << 20 };
}

impl Default for ObserverLimits {
    fn default() -> Self {
        ObserverLimits::DEFAULT
    }
}

/// How the payload length of a frame was written (RFC 6455 §5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LengthEncoding {
    /// In the 7 bits of the second byte (0-125).
    Bits7,
    /// The marker 126 and a 16-bit length.
    Bits16,
    /// The marker 127 and a 64-bit length.
    Bits64,
}

impl LengthEncoding {
    /// The number of bits of the field that holds the length: 7, 16 or 64.
    pub const fn bits(self) -> u8 {
        match self {
            LengthEncoding::Bits7 => 7,
            LengthEncoding::Bits16 => 16,
            LengthEncoding::Bits64 => 64,
        }
    }
}

/// An upgrade request, as seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestInfo {
    /// The method (`GET`).
    pub method: String,
    /// The request target (`/chat?x=1`).
    pub target: String,
    /// The minor HTTP version (1 for HTTP/1.1).
    pub version: u8,
    /// Every header field, in order.
    pub headers: Vec<Header>,
    /// `Sec-WebSocket-Key`, if the request is a valid upgrade request.
    pub key: Option<String>,
    /// The subprotocols offered.
    pub protocols: Vec<String>,
    /// The extension offers.
    pub extensions: Vec<String>,
    /// Byte offset of the request in the client's direction.
    pub offset: u64,
}

/// A handshake response, as seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseInfo {
    /// The status code (101 when the upgrade was accepted).
    pub status: u16,
    /// The reason phrase.
    pub reason: String,
    /// Every header field, in order.
    pub headers: Vec<Header>,
    /// The `Sec-WebSocket-Accept` value the request's key asks for
    /// (RFC 6455 §4.2.2), when a key was seen.
    pub expected_accept: Option<String>,
    /// Whether the response carries exactly that accept value.
    pub accept_ok: bool,
    /// What was negotiated, when the response is a valid 101 for the
    /// request seen (RFC 6455 §4.1).
    pub negotiated: Option<Negotiated>,
    /// The permessage-deflate parameters in force, if it was negotiated
    /// (and the crate was built with the `deflate` feature, which parses
    /// them and inflates the messages).
    pub deflate: Option<DeflateSettings>,
    /// Byte offset of the response in the server's direction.
    pub offset: u64,
}

/// The permessage-deflate parameters a 101 response settled (RFC 7692 §7.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeflateSettings {
    /// The server resets its compressor after each message.
    pub server_no_context_takeover: bool,
    /// The client resets its compressor after each message.
    pub client_no_context_takeover: bool,
    /// The server's LZ77 window, as a power of two (15 when absent).
    pub server_max_window_bits: Option<u8>,
    /// The client's LZ77 window, as a power of two (15 when absent).
    pub client_max_window_bits: Option<u8>,
}

/// One frame, as seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameInfo {
    /// The direction it travelled.
    pub direction: Direction,
    /// Byte offset of its first header byte in that direction.
    pub offset: u64,
    /// The decoded header.
    pub header: FrameHeader,
    /// How the payload length was written.
    pub length_encoding: LengthEncoding,
    /// The header's length on the wire (2 to 14 bytes).
    pub header_len: usize,
    /// The unmasked payload, as sent (still compressed if RSV1 marks a
    /// compressed message). Empty when the payload was over
    /// [`ObserverLimits::max_message`] and skipped (see `skipped`).
    pub payload: Vec<u8>,
    /// The payload was too large to keep, and was skipped.
    pub skipped: bool,
}

/// One complete message, as seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageInfo {
    /// The direction it travelled.
    pub direction: Direction,
    /// Byte offset of its first frame.
    pub offset: u64,
    /// [`OpCode::Text`] or [`OpCode::Binary`].
    pub opcode: OpCode,
    /// How many frames carried it.
    pub frames: usize,
    /// It was compressed (RSV1 on its first frame, permessage-deflate).
    pub compressed: bool,
    /// Its size on the wire: the sum of its frames' payload lengths.
    pub wire_len: u64,
    /// The message data: fragments joined, inflated if it was compressed.
    pub data: Vec<u8>,
}

impl MessageInfo {
    /// The text of a text message whose data is valid UTF-8.
    pub fn text(&self) -> Option<&str> {
        match self.opcode {
            OpCode::Text => core::str::from_utf8(&self.data).ok(),
            _ => None,
        }
    }
}

/// A Close frame's body (RFC 6455 §5.5.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseInfo {
    /// The direction it travelled.
    pub direction: Direction,
    /// Byte offset of its frame.
    pub offset: u64,
    /// The status code; [`CloseCode::NO_STATUS`] (1005) for an empty body.
    pub code: CloseCode,
    /// The reason (lossy UTF-8).
    pub reason: String,
}

/// A protocol violation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The direction whose bytes broke the rule.
    pub direction: Direction,
    /// Byte offset in that direction of the frame (or head) at fault.
    pub offset: u64,
    /// What was broken.
    pub error: Error,
}

impl Violation {
    /// The close code the receiving endpoint would fail the connection with
    /// (RFC 6455 §7.4.1).
    pub fn close_code(&self) -> CloseCode {
        self.error.close_code()
    }
}

/// What an [`Observer`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Observation {
    /// The upgrade request was seen.
    Request(RequestInfo),
    /// The handshake response was seen.
    Response(ResponseInfo),
    /// A frame was seen (reported before the message it completes).
    Frame(FrameInfo),
    /// A data message was completed.
    Message(MessageInfo),
    /// A Close frame was seen.
    Close(CloseInfo),
    /// A rule was broken.
    Violation(Violation),
    /// The direction ended in the middle of a head or frame
    /// ([`Observer::finish`]): `pending` bytes of it were never completed.
    Truncated {
        /// The direction that ended.
        direction: Direction,
        /// Offset of the incomplete head or frame.
        offset: u64,
        /// Bytes of it that were seen.
        pending: u64,
    },
}

/// What one direction is expecting.
#[derive(Debug)]
enum Phase {
    /// An HTTP head (request or response), bytes held so far.
    Head(Vec<u8>),
    /// Frames.
    Frames,
    /// Nothing more is decoded (a fatal violation, or a non-101 answer).
    Stopped,
}

/// The message being assembled in one direction.
#[derive(Debug)]
struct Assembly {
    opcode: OpCode,
    offset: u64,
    frames: usize,
    compressed: bool,
    wire_len: u64,
    data: Vec<u8>,
    /// Past the limit: data is no longer kept.
    skipped: bool,
    utf8: Utf8Validator,
    utf8_failed: bool,
}

/// One direction's decoder.
#[derive(Debug)]
struct Half {
    direction: Direction,
    phase: Phase,
    /// Bytes of this direction taken so far.
    offset: u64,
    decoder: HeaderDecoder,
    /// The frame whose payload is being read: its header, header length,
    /// offset, and the payload so far.
    frame: Option<(FrameHeader, usize, u64)>,
    /// Payload bytes still to come for `frame`.
    remaining: u64,
    payload: Vec<u8>,
    payload_skipped: bool,
    /// Where the header being decoded started.
    header_start: u64,
    message: Option<Assembly>,
    /// The role is known (a handshake was seen): check the masking rule.
    checks_mask: bool,
    /// RSV bits owned by negotiated extensions, when known.
    allowed_rsv: Option<u8>,
    #[cfg(feature = "deflate")]
    inflater: Option<crate::extensions::deflate::codec::Inflater>,
    /// The sender of this direction resets its compressor after each
    /// message (its `*_no_context_takeover`).
    #[cfg(feature = "deflate")]
    inflate_reset: bool,
}

impl Half {
    fn new(direction: Direction, phase: Phase) -> Half {
        Half {
            direction,
            phase,
            offset: 0,
            decoder: HeaderDecoder::new(),
            frame: None,
            remaining: 0,
            payload: Vec::new(),
            payload_skipped: false,
            header_start: 0,
            message: None,
            checks_mask: false,
            allowed_rsv: None,
            #[cfg(feature = "deflate")]
            inflater: None,
            #[cfg(feature = "deflate")]
            inflate_reset: false,
        }
    }

    fn violation(&self, offset: u64, error: Error) -> Observation {
        Observation::Violation(Violation { direction: self.direction, offset, error })
    }
}

/// Decodes both directions of a WebSocket connection from the outside.
/// See the [module docs](self).
#[derive(Debug)]
pub struct Observer {
    limits: ObserverLimits,
    halves: [Half; 2],
    /// The valid request seen: key, subprotocols, extension offers.
    offer: Option<(String, Vec<String>, Vec<String>)>,
    /// The request was seen (valid or not); the response may follow.
    request_seen: bool,
}

impl Default for Observer {
    fn default() -> Self {
        Observer::new()
    }
}

impl Observer {
    /// An observer that expects to see the connection from its first byte:
    /// the upgrade request, then the response, then frames.
    pub fn new() -> Observer {
        Observer::with_limits(ObserverLimits::DEFAULT)
    }

    /// Like [`Observer::new`], with other limits.
    pub fn with_limits(limits: ObserverLimits) -> Observer {
        Observer {
            limits,
            halves: [
                Half::new(Direction::ClientToServer, Phase::Head(Vec::new())),
                Half::new(Direction::ServerToClient, Phase::Head(Vec::new())),
            ],
            offer: None,
            request_seen: false,
        }
    }

    /// An observer that starts after the handshake (frames from the first
    /// byte in both directions). Nothing was negotiated that it could see,
    /// so it checks neither the masking rule nor RSV bits, and does not
    /// inflate.
    pub fn without_handshake() -> Observer {
        let mut obs = Observer::new();
        for half in &mut obs.halves {
            half.phase = Phase::Frames;
        }
        obs.request_seen = true;
        obs
    }

    /// Bytes of `direction` taken so far.
    pub fn offset(&self, direction: Direction) -> u64 {
        self.halves[direction.index()].offset
    }

    /// Whether `direction` was stopped by a violation after which its
    /// frames cannot be found (or a refused upgrade).
    pub fn is_stopped(&self, direction: Direction) -> bool {
        matches!(self.halves[direction.index()].phase, Phase::Stopped)
    }

    /// Feeds the next bytes of `direction` and appends what they show to
    /// `out`. All of `input` is taken; incomplete heads and frames are held
    /// (within the limits) until the next call.
    pub fn feed(&mut self, direction: Direction, mut input: &[u8], out: &mut Vec<Observation>) {
        while !input.is_empty() {
            let half = &mut self.halves[direction.index()];
            let used = match half.phase {
                Phase::Stopped => {
                    half.offset += input.len() as u64;
                    return;
                }
                Phase::Head(_) => self.head(direction, input, out),
                Phase::Frames => {
                    let limits = self.limits;
                    frames(half, input, &limits, out)
                }
            };
            input = &input[used..];
        }
    }

    /// The direction ended (TCP FIN or the end of the capture). Reports
    /// a [`Observation::Truncated`] if a head or frame was incomplete, and
    /// a [`Error::HandshakeEof`] violation if the handshake never finished.
    pub fn finish(&mut self, direction: Direction, out: &mut Vec<Observation>) {
        let half = &mut self.halves[direction.index()];
        match &half.phase {
            Phase::Head(buf) if !buf.is_empty() => {
                let pending = buf.len() as u64;
                let offset = half.offset - pending;
                out.push(Observation::Truncated { direction, offset, pending });
            }
            Phase::Frames if half.frame.is_some() || half.decoder.is_mid_header() => {
                let offset = half.header_start;
                out.push(Observation::Truncated { direction, offset, pending: half.offset - offset });
            }
            _ => {}
        }
        half.phase = Phase::Stopped;
    }

    /// Takes bytes of a handshake head; returns how many.
    fn head(&mut self, direction: Direction, input: &[u8], out: &mut Vec<Observation>) -> usize {
        let limits = self.limits;
        let half = &mut self.halves[direction.index()];
        let Phase::Head(buf) = &mut half.phase else { return 0 };
        let start = half.offset - buf.len() as u64;
        // Up to the end of the head ("\r\n\r\n"), so that frames after it
        // are not held here.
        let before = buf.len();
        let mut taken = 0;
        let mut complete = false;
        for &b in input {
            buf.push(b);
            taken += 1;
            if buf.ends_with(b"\r\n\r\n") {
                complete = true;
                break;
            }
            if buf.len() > limits.max_head {
                break;
            }
        }
        half.offset += taken as u64;
        if !complete {
            if buf.len() > limits.max_head {
                half.phase = Phase::Stopped;
                let error = match direction {
                    Direction::ClientToServer => Error::Request(RequestError::HeadTooLarge { max: limits.max_head }),
                    Direction::ServerToClient => {
                        Error::Response(crate::handshake::ResponseError::HeadTooLarge { max: limits.max_head })
                    }
                };
                out.push(Observation::Violation(Violation { direction, offset: start, error }));
            }
            return taken;
        }
        debug_assert!(before + taken == buf.len());
        let head = core::mem::take(buf);
        match direction {
            Direction::ClientToServer => self.request(&head, start, out),
            Direction::ServerToClient => self.response(&head, start, out),
        }
        taken
    }

    fn request(&mut self, head: &[u8], offset: u64, out: &mut Vec<Observation>) {
        let max_headers = self.limits.max_headers;
        let parsed = parse_request(head, max_headers);
        let half = &mut self.halves[0];
        self.request_seen = true;
        let Some((method, target, version, headers)) = parsed else {
            half.phase = Phase::Stopped;
            out.push(half.violation(offset, Error::Request(RequestError::MalformedHttp("unparsable request head"))));
            return;
        };
        let fields = headers.iter().map(|h| (h.name.as_str(), h.value.as_slice()));
        let checked = validate_head(&RequestHead::new(&method, HttpVersion::Http11), fields);
        let mut info = RequestInfo {
            method,
            target,
            version,
            headers,
            key: None,
            protocols: Vec::new(),
            extensions: Vec::new(),
            offset,
        };
        match checked {
            Ok(offer) => {
                let key = String::from(offer.key());
                let protocols: Vec<String> = offer.protocols().map(String::from).collect();
                let extensions: Vec<String> = offer.extensions().map(String::from).collect();
                info.key = Some(key.clone());
                info.protocols = protocols.clone();
                info.extensions = extensions.clone();
                self.offer = Some((key, protocols, extensions));
                out.push(Observation::Request(info));
            }
            Err(e) => {
                out.push(Observation::Request(info));
                out.push(half.violation(offset, Error::Request(e)));
            }
        }
        // The client sends frames only after the 101; they are decoded
        // once the response is seen, and held until then.
        half.phase = Phase::Frames;
    }

    fn response(&mut self, head: &[u8], offset: u64, out: &mut Vec<Observation>) {
        let max_headers = self.limits.max_headers;
        let parsed = parse_response(head, max_headers);
        let [client, server] = &mut self.halves;
        let Some((status, reason, headers)) = parsed else {
            server.phase = Phase::Stopped;
            out.push(server.violation(
                offset,
                Error::Response(crate::handshake::ResponseError::MalformedHttp("unparsable response head")),
            ));
            return;
        };
        let expected = self.offer.as_ref().map(|(key, _, _)| accept_key(key));
        let accept_ok = expected.as_ref().is_some_and(|want| {
            let mut values = headers.iter().filter(|h| h.name.eq_ignore_ascii_case("Sec-WebSocket-Accept"));
            values.next().is_some_and(|h| h.value == want.as_str().as_bytes()) && values.next().is_none()
        });
        let mut info = ResponseInfo {
            status,
            reason,
            headers,
            expected_accept: expected.map(|a| String::from(a.as_str())),
            accept_ok,
            negotiated: None,
            deflate: None,
            offset,
        };
        if status != 101 {
            // The upgrade was refused: what follows is HTTP, not frames.
            out.push(Observation::Response(info));
            server.phase = Phase::Stopped;
            client.phase = Phase::Stopped;
            return;
        }
        server.phase = Phase::Frames;
        // RFC 6455 §5.1: now the roles are known.
        client.checks_mask = true;
        server.checks_mask = true;
        let fields = info.headers.iter().map(|h| (h.name.as_str(), h.value.as_slice()));
        let checked = match &self.offer {
            Some((key, protocols, extensions)) => validate_response(key, protocols, extensions, fields),
            None => {
                // No valid request was seen: nothing to check against.
                out.push(Observation::Response(info));
                return;
            }
        };
        match checked {
            Ok(negotiated) => {
                #[cfg(feature = "deflate")]
                {
                    use crate::extensions::deflate::codec::Inflater;
                    use crate::extensions::deflate::DeflateParams;
                    let params =
                        negotiated.extensions.iter().find_map(|e| DeflateParams::parse_response(e).ok().flatten());
                    if let Some(p) = &params {
                        // RFC 7692 §7.1.1: each side resets its compressor
                        // after each message when its no_context_takeover
                        // applies; the inflater of that direction follows.
                        client.inflater = Some(Inflater::new(p.client_no_context_takeover));
                        server.inflater = Some(Inflater::new(p.server_no_context_takeover));
                        client.inflate_reset = p.client_no_context_takeover;
                        server.inflate_reset = p.server_no_context_takeover;
                    }
                    info.deflate = params.map(|p| DeflateSettings {
                        server_no_context_takeover: p.server_no_context_takeover,
                        client_no_context_takeover: p.client_no_context_takeover,
                        server_max_window_bits: p.server_max_window_bits,
                        client_max_window_bits: p.client_max_window_bits,
                    });
                }
                let rsv = if negotiated
                    .extensions
                    .iter()
                    .any(|e| crate::handshake::extension_name(e).eq_ignore_ascii_case("permessage-deflate"))
                {
                    RSV1
                } else {
                    0
                };
                client.allowed_rsv = Some(rsv);
                server.allowed_rsv = Some(rsv);
                info.negotiated = Some(negotiated);
                out.push(Observation::Response(info));
            }
            Err(e) => {
                out.push(Observation::Response(info));
                out.push(server.violation(offset, Error::Response(e)));
            }
        }
    }
}

/// Decodes frames of one direction from `input`; returns the bytes taken.
fn frames(half: &mut Half, input: &[u8], limits: &ObserverLimits, out: &mut Vec<Observation>) -> usize {
    let Some((header, hlen, offset)) = half.frame else {
        // A header. Decode with the loosest rules, then check the masking
        // and RSV rules ourselves, since they depend on what was seen.
        let rules =
            HeaderRules { role: Role::Server, allowed_rsv: 0b111, accept_unmasked: true, max_payload: u64::MAX };
        if !half.decoder.is_mid_header() {
            half.header_start = half.offset;
        }
        let start = half.header_start;
        return match half.decoder.decode(input, &rules) {
            Err(e) => {
                // RFC 6455 §7.1.7: the receiver fails the connection; where
                // the next frame would start is unknown.
                out.push(half.violation(start, Error::Frame(e)));
                half.phase = Phase::Stopped;
                half.offset += input.len() as u64;
                input.len()
            }
            Ok((used, None)) => {
                half.offset += used as u64;
                used
            }
            Ok((used, Some(header))) => {
                half.offset += used as u64;
                let hlen = (half.offset - start) as usize;
                begin_frame(half, header, hlen, start, limits, out);
                used
            }
        };
    };
    let take = usize::try_from(half.remaining).unwrap_or(usize::MAX).min(input.len());
    if !half.payload_skipped {
        half.payload.extend_from_slice(&input[..take]);
    }
    half.offset += take as u64;
    half.remaining -= take as u64;
    if half.remaining == 0 {
        half.frame = None;
        end_frame(half, header, hlen, offset, limits, out);
    }
    take
}

/// A header was decoded: checks what the decoder left to us.
fn begin_frame(
    half: &mut Half,
    header: FrameHeader,
    hlen: usize,
    offset: u64,
    limits: &ObserverLimits,
    out: &mut Vec<Observation>,
) {
    if half.checks_mask {
        // RFC 6455 §5.1: clients mask every frame, servers none.
        let receiver = match half.direction.sender() {
            Role::Client => Role::Server,
            Role::Server => Role::Client,
        };
        if let Err(e) = check_mask(header.mask.is_some(), &HeaderRules::new(receiver)) {
            out.push(half.violation(offset, Error::Frame(e)));
        }
    }
    // RFC 6455 §5.2: RSV bits must be 0 unless an extension owns them;
    // RFC 7692 §6.1: RSV1 only on the first frame of a data message.
    if let Some(allowed) = half.allowed_rsv {
        let allowed = if header.opcode.is_control() || header.opcode == OpCode::Continuation { 0 } else { allowed };
        let extra = header.rsv & !allowed;
        if extra != 0 {
            out.push(half.violation(offset, Error::Frame(crate::FrameError::ReservedBits(extra))));
        }
    }
    half.payload.clear();
    half.payload_skipped = header.payload_len > limits.max_message as u64;
    if half.payload_skipped {
        out.push(half.violation(offset, Error::MessageTooLarge { max: limits.max_message }));
    } else {
        // Room for what has arrived, not for what was declared: a header
        // alone must not make the observer allocate.
        half.payload.reserve((header.payload_len as usize).min(64 << 10));
    }
    half.remaining = header.payload_len;
    half.frame = Some((header, hlen, offset));
    if header.payload_len == 0 {
        half.frame = None;
        end_frame(half, header, hlen, offset, limits, out);
    }
}

/// A frame's payload is complete: unmasks it, reports it, and moves the
/// message on.
fn end_frame(
    half: &mut Half,
    header: FrameHeader,
    hlen: usize,
    offset: u64,
    limits: &ObserverLimits,
    out: &mut Vec<Observation>,
) {
    let mut payload = core::mem::take(&mut half.payload);
    if let Some(key) = header.mask {
        crate::frame::apply_mask(&mut payload, key, 0);
    }
    let length_encoding = match header_len(encoded_second_byte(&header)) - if header.mask.is_some() { 4 } else { 0 } {
        2 => LengthEncoding::Bits7,
        4 => LengthEncoding::Bits16,
        _ => LengthEncoding::Bits64,
    };
    let skipped = half.payload_skipped;
    let info =
        FrameInfo { direction: half.direction, offset, header, length_encoding, header_len: hlen, payload, skipped };
    out.push(Observation::Frame(info));
    let Some(Observation::Frame(frame)) = out.last() else { return };
    let payload = frame.payload.clone();
    match header.opcode {
        OpCode::Close => close(half, &payload, offset, out),
        OpCode::Ping | OpCode::Pong => {}
        OpCode::Text | OpCode::Binary => {
            if half.message.is_some() {
                // RFC 6455 §5.4: only continuations inside a message. The
                // open message is dropped; this frame starts a new one.
                out.push(half.violation(offset, Error::ExpectedContinuation));
            }
            let compressed = header.rsv & RSV1 != 0 && half.allowed_rsv.is_some_and(|r| r & RSV1 != 0);
            half.message = Some(Assembly {
                opcode: header.opcode,
                offset,
                frames: 0,
                compressed,
                wire_len: 0,
                data: Vec::new(),
                skipped: false,
                utf8: Utf8Validator::new(),
                utf8_failed: false,
            });
            data_frame(half, &header, &payload, skipped, limits, out);
        }
        OpCode::Continuation => {
            if half.message.is_none() {
                out.push(half.violation(offset, Error::UnexpectedContinuation));
                return;
            }
            data_frame(half, &header, &payload, skipped, limits, out);
        }
    }
}

/// The second header byte as it was on the wire, from the decoded header
/// (the decoder accepts only the minimal length encoding).
fn encoded_second_byte(header: &FrameHeader) -> u8 {
    let mut bytes = [0; crate::frame::MAX_HEADER_LEN];
    header.encode(&mut bytes);
    bytes[1]
}

/// Adds a data frame's payload to the open message.
fn data_frame(
    half: &mut Half,
    header: &FrameHeader,
    payload: &[u8],
    skipped: bool,
    limits: &ObserverLimits,
    out: &mut Vec<Observation>,
) {
    let direction = half.direction;
    let Some(msg) = half.message.as_mut() else { return };
    msg.frames += 1;
    msg.wire_len += header.payload_len;
    if skipped {
        msg.skipped = true;
    }
    // Without an inflater (the crate built without `deflate`), a
    // compressed message is kept as it was sent, and not checked as text.
    #[cfg(feature = "deflate")]
    let raw = !msg.compressed;
    #[cfg(not(feature = "deflate"))]
    let raw = true;
    let check_text = !msg.compressed;
    if !msg.skipped && raw {
        if msg.data.len() + payload.len() > limits.max_message {
            msg.skipped = true;
            out.push(Observation::Violation(Violation {
                direction,
                offset: msg.offset,
                error: Error::MessageTooLarge { max: limits.max_message },
            }));
        } else {
            msg.data.extend_from_slice(payload);
            // RFC 6455 §8.1: fail fast on invalid UTF-8, inside fragments.
            if check_text && msg.opcode == OpCode::Text && !msg.utf8_failed && msg.utf8.feed(payload).is_err() {
                msg.utf8_failed = true;
                out.push(Observation::Violation(Violation {
                    direction,
                    offset: msg.offset,
                    error: Error::InvalidUtf8,
                }));
            }
        }
    }
    #[cfg(feature = "deflate")]
    if msg.compressed && !msg.skipped {
        if let Some(inflater) = half.inflater.as_mut() {
            use crate::extensions::deflate::codec::Output;
            let limit = limits.max_message;
            match inflater.inflate(payload, header.fin, Output::Whole { limit }) {
                Ok(_) => {}
                Err(error) => {
                    msg.skipped = true;
                    inflater.clear_output();
                    // The stream's state is unknown after a failed step: a
                    // fresh one for the next message.
                    *inflater = crate::extensions::deflate::codec::Inflater::new(half.inflate_reset);
                    out.push(Observation::Violation(Violation { direction, offset: msg.offset, error }));
                }
            }
        }
    }
    if !header.fin {
        return;
    }
    let Some(mut msg) = half.message.take() else { return };
    #[cfg(feature = "deflate")]
    if msg.compressed {
        if let Some(inflater) = half.inflater.as_mut() {
            if !msg.skipped {
                msg.data = inflater.output().to_vec();
                if msg.opcode == OpCode::Text && msg.utf8.feed(&msg.data).is_err() {
                    msg.utf8_failed = true;
                    out.push(Observation::Violation(Violation {
                        direction,
                        offset: msg.offset,
                        error: Error::InvalidUtf8,
                    }));
                }
            }
            inflater.clear_output();
        }
    }
    if !msg.compressed && msg.opcode == OpCode::Text && !msg.utf8_failed && !msg.skipped && msg.utf8.finish().is_err() {
        out.push(Observation::Violation(Violation { direction, offset: msg.offset, error: Error::InvalidUtf8 }));
    }
    if msg.skipped {
        msg.data.clear();
    }
    out.push(Observation::Message(MessageInfo {
        direction,
        offset: msg.offset,
        opcode: msg.opcode,
        frames: msg.frames,
        compressed: msg.compressed,
        wire_len: msg.wire_len,
        data: msg.data,
    }));
}

/// A Close frame: its code and reason, checked as RFC 6455 §5.5.1 and
/// §7.4 say.
fn close(half: &mut Half, payload: &[u8], offset: u64, out: &mut Vec<Observation>) {
    let direction = half.direction;
    // The connection's own check; on a violation the frame is still
    // reported, with what its bytes say.
    if let Err(e) = parse_close_body(payload) {
        out.push(half.violation(offset, e));
    }
    let (code, reason) = match payload {
        [hi, lo, reason @ ..] => (CloseCode(u16::from_be_bytes([*hi, *lo])), reason),
        _ => (CloseCode::NO_STATUS, &[][..]),
    };
    let reason = String::from_utf8_lossy(reason).into_owned();
    out.push(Observation::Close(CloseInfo { direction, offset, code, reason }));
}

/// A request head, parsed by httparse (as the connection's own parser does):
/// method, target, minor version and the fields (values trimmed).
fn parse_request(head: &[u8], max_headers: usize) -> Option<(String, String, u8, Vec<Header>)> {
    let mut slots = alloc::vec![httparse::EMPTY_HEADER; max_headers];
    let mut req = httparse::Request::new(&mut slots);
    match req.parse(head) {
        Ok(httparse::Status::Complete(_)) => {
            Some((String::from(req.method?), String::from(req.path?), req.version?, own_headers(req.headers)))
        }
        _ => None,
    }
}

/// A response head: status, reason and the fields.
fn parse_response(head: &[u8], max_headers: usize) -> Option<(u16, String, Vec<Header>)> {
    let mut slots = alloc::vec![httparse::EMPTY_HEADER; max_headers];
    let mut res = httparse::Response::new(&mut slots);
    match res.parse(head) {
        Ok(httparse::Status::Complete(_)) => {
            Some((res.code?, String::from(res.reason.unwrap_or_default()), own_headers(res.headers)))
        }
        _ => None,
    }
}

fn own_headers(headers: &[httparse::Header<'_>]) -> Vec<Header> {
    headers.iter().map(|h| Header { name: String::from(h.name), value: h.value.trim_ascii().to_vec() }).collect()
}
