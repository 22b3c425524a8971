//! Frames at the byte level, written and read without the crate's own
//! encoder, decoder or masking (RFC 6455 §5.2, §5.3), so that the checks do
//! not share the bugs of the code they check.
//!
//! Builders take the whole first byte (FIN, RSV, opcode; see
//! [`first_byte`]) and write the length in the minimal encoding, or in any
//! encoding with [`header`] and [`frame_with`] (non-minimal ones included,
//! for violation tests). [`parse_frames`] and [`WireParser`] read back what
//! a connection wrote.

use wsproto::Role;

/// The masking key of the RFC 6455 §5.7 examples.
pub const MASK: [u8; 4] = [0x37, 0xfa, 0x21, 0x3d];

/// XORs `data` with `key` (RFC 6455 §5.3), byte by byte, from the start of
/// a payload.
pub fn xor_mask(data: &mut [u8], key: [u8; 4]) {
    for (i, b) in data.iter_mut().enumerate() {
        *b ^= key[i % 4];
    }
}

/// The first byte of a frame: FIN, the three RSV bits (`rsv` is 0 to 7,
/// RSV1 the highest) and the opcode.
pub fn first_byte(fin: bool, rsv: u8, opcode: u8) -> u8 {
    assert!(rsv < 8 && opcode < 16, "rsv {rsv} or opcode {opcode} out of range");
    (u8::from(fin) << 7) | (rsv << 4) | opcode
}

/// How the payload length is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// The minimal encoding, as RFC 6455 §5.2 requires.
    Minimal,
    /// In the 7 bits of the second byte (at most 125).
    Bits7,
    /// Marker 126 and a 16-bit length (at most 65535), even when shorter
    /// would do.
    Bits16,
    /// Marker 127 and a 64-bit length, any value (the top bit too).
    Bits64,
}

/// A frame header: `first`, the mask bit and the length of `len` in
/// `encoding`, then the masking key if there is one.
pub fn header(first: u8, mask: Option<[u8; 4]>, len: u64, encoding: Length) -> Vec<u8> {
    let mut out = Vec::with_capacity(14);
    push_header(&mut out, first, mask, len, encoding);
    out
}

fn push_header(out: &mut Vec<u8>, first: u8, mask: Option<[u8; 4]>, len: u64, encoding: Length) {
    let bit = if mask.is_some() { 0x80 } else { 0 };
    let encoding = match encoding {
        Length::Minimal if len < 126 => Length::Bits7,
        Length::Minimal if len <= 0xFFFF => Length::Bits16,
        Length::Minimal => Length::Bits64,
        other => other,
    };
    out.push(first);
    match encoding {
        Length::Bits7 => {
            assert!(len < 126, "{len} does not fit in 7 bits");
            out.push(bit | len as u8);
        }
        Length::Bits16 => {
            let len = u16::try_from(len).expect("the length fits in 16 bits");
            out.push(bit | 126);
            out.extend_from_slice(&len.to_be_bytes());
        }
        _ => {
            out.push(bit | 127);
            out.extend_from_slice(&len.to_be_bytes());
        }
    }
    if let Some(key) = mask {
        out.extend_from_slice(&key);
    }
}

/// Appends one frame to `out`: `first`, the minimal length, and the payload
/// masked with `mask` if given.
pub fn push_frame(out: &mut Vec<u8>, first: u8, payload: &[u8], mask: Option<[u8; 4]>) {
    push_frame_with(out, first, payload, mask, Length::Minimal);
}

fn push_frame_with(out: &mut Vec<u8>, first: u8, payload: &[u8], mask: Option<[u8; 4]>, encoding: Length) {
    push_header(out, first, mask, payload.len() as u64, encoding);
    let start = out.len();
    out.extend_from_slice(payload);
    if let Some(key) = mask {
        xor_mask(&mut out[start..], key);
    }
}

/// One frame: `first` (FIN, RSV, opcode), the minimal length, and the
/// payload masked with `mask` if given.
pub fn frame(first: u8, payload: &[u8], mask: Option<[u8; 4]>) -> Vec<u8> {
    frame_with(first, payload, mask, Length::Minimal)
}

/// One frame with the length written in `encoding`.
pub fn frame_with(first: u8, payload: &[u8], mask: Option<[u8; 4]>, encoding: Length) -> Vec<u8> {
    let mut out = Vec::with_capacity(frame_len(payload.len(), mask.is_some()));
    push_frame_with(&mut out, first, payload, mask, encoding);
    out
}

/// The size of a frame with a `payload`-byte payload, minimal length.
pub fn frame_len(payload: usize, masked: bool) -> usize {
    let len_bytes = if payload < 126 {
        0
    } else if payload <= 0xFFFF {
        2
    } else {
        8
    };
    2 + len_bytes + if masked { 4 } else { 0 } + payload
}

/// A frame as a peer in `sender_role` sends it: clients mask with [`MASK`].
pub fn frame_from(sender_role: Role, first: u8, payload: &[u8]) -> Vec<u8> {
    frame(first, payload, (sender_role == Role::Client).then_some(MASK))
}

/// A frame addressed to a connection in `receiver_role` (masked with
/// [`MASK`] when the receiver is a server).
pub fn frame_to(receiver_role: Role, first: u8, payload: &[u8]) -> Vec<u8> {
    frame(first, payload, (receiver_role == Role::Server).then_some(MASK))
}

/// Concatenates frames.
pub fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

/// A Close payload: the code in network byte order, then the reason.
pub fn close_payload(code: u16, reason: &[u8]) -> Vec<u8> {
    let mut p = code.to_be_bytes().to_vec();
    p.extend_from_slice(reason);
    p
}

/// `n` bytes counting up from 0 modulo 251 (a prime, so that the pattern
/// does not line up with powers of two).
pub fn bytes_0_to(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i % 251) as u8).collect()
}

/// A frame parsed back from bytes a connection produced, payload unmasked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireFrame {
    /// The FIN bit.
    pub fin: bool,
    /// The RSV bits (0 to 7).
    pub rsv: u8,
    /// The opcode.
    pub opcode: u8,
    /// The masking key, if the frame was masked.
    pub mask: Option<[u8; 4]>,
    /// The payload, unmasked.
    pub payload: Vec<u8>,
}

impl WireFrame {
    /// The close code of a Close frame (`None` for an empty payload).
    pub fn close_code(&self) -> Option<u16> {
        assert_eq!(self.opcode, 0x8, "not a Close frame: {self:?}");
        (self.payload.len() >= 2).then(|| u16::from_be_bytes([self.payload[0], self.payload[1]]))
    }
}

/// A decoded header: FIN, RSV, opcode, payload length, masking key, and
/// where the payload starts.
struct Head {
    fin: bool,
    rsv: u8,
    opcode: u8,
    len: u64,
    mask: Option<[u8; 4]>,
    at: usize,
}

/// Decodes the header at the start of `buf`, or `None` if it is not all
/// there. Every length must use the minimal encoding and have the top bit
/// clear (RFC 6455 §5.2).
fn decode_head(buf: &[u8]) -> Option<Head> {
    if buf.len() < 2 {
        return None;
    }
    let (b0, b1) = (buf[0], buf[1]);
    let (len, mut at) = match b1 & 0x7F {
        126 => {
            let len = u64::from(u16::from_be_bytes([*buf.get(2)?, *buf.get(3)?]));
            assert!(len >= 126, "a non-minimal 16-bit length");
            (len, 4)
        }
        127 => {
            let be: [u8; 8] = buf.get(2..10)?.try_into().expect("8 bytes");
            let len = u64::from_be_bytes(be);
            assert!(len > 0xFFFF && len >> 63 == 0, "a bad 64-bit length");
            (len, 10)
        }
        n => (u64::from(n), 2),
    };
    let mask = if b1 & 0x80 != 0 {
        let key: [u8; 4] = buf.get(at..at + 4)?.try_into().expect("4 bytes");
        at += 4;
        Some(key)
    } else {
        None
    };
    Some(Head { fin: b0 & 0x80 != 0, rsv: (b0 >> 4) & 7, opcode: b0 & 0x0F, len, mask, at })
}

/// The frames of a complete byte stream, one at a time (payloads copied
/// and unmasked); panics on a truncated frame or a non-minimal length.
pub fn frames(mut bytes: &[u8]) -> impl Iterator<Item = WireFrame> + '_ {
    std::iter::from_fn(move || {
        if bytes.is_empty() {
            return None;
        }
        let head = decode_head(bytes).unwrap_or_else(|| panic!("truncated header: {bytes:02x?}"));
        let len = usize::try_from(head.len).expect("frame length fits in memory");
        let end = head.at + len;
        assert!(bytes.len() >= end, "truncated payload");
        let mut payload = bytes[head.at..end].to_vec();
        if let Some(key) = head.mask {
            xor_mask(&mut payload, key);
        }
        bytes = &bytes[end..];
        Some(WireFrame { fin: head.fin, rsv: head.rsv, opcode: head.opcode, mask: head.mask, payload })
    })
}

/// Parses a complete byte stream of frames (see [`frames`]).
pub fn parse_frames(bytes: &[u8]) -> Vec<WireFrame> {
    frames(bytes).collect()
}

/// What [`WireParser::push`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wire {
    /// A complete header: FIN, opcode and payload length.
    Header {
        /// The FIN bit.
        fin: bool,
        /// The opcode.
        opcode: u8,
        /// The payload length.
        len: u64,
    },
    /// A complete frame.
    Frame(WireFrame),
}

/// An incremental parser for the bytes one of our connections writes. It
/// is strict about what a correct sender must do (RFC 6455 §5): no RSV
/// bits, known opcodes, unfragmented control frames of at most 125 bytes,
/// minimal lengths, a mask on every client frame and on no server frame.
/// With `http_head`, it first skips an HTTP head (up to `\r\n\r\n`).
/// [`WireParser::allowing_rsv1`] lets RSV1 through (permessage-deflate
/// owns it; where it may go is the caller's to check on each frame).
#[derive(Debug)]
pub struct WireParser {
    buf: Vec<u8>,
    in_head: bool,
    masked: bool,
    header_reported: bool,
    rsv1_allowed: bool,
}

impl WireParser {
    /// A parser for a sender that masks (a client) or not, after an HTTP
    /// head or not.
    pub fn new(masked: bool, http_head: bool) -> WireParser {
        WireParser { buf: Vec::new(), in_head: http_head, masked, header_reported: false, rsv1_allowed: false }
    }

    /// The same parser, with RSV1 allowed (a sender that negotiated
    /// permessage-deflate, RFC 7692 §6); RSV2 and RSV3 still fail.
    pub fn allowing_rsv1(mut self) -> WireParser {
        self.rsv1_allowed = true;
        self
    }

    /// Whether the HTTP head has been skipped.
    pub fn past_head(&self) -> bool {
        !self.in_head
    }

    /// Takes the next bytes and returns the headers and frames they
    /// complete.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<Wire> {
        self.buf.extend_from_slice(bytes);
        let mut out = Vec::new();
        if self.in_head {
            match self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                Some(end) => {
                    self.buf.drain(..end + 4);
                    self.in_head = false;
                }
                None => return out,
            }
        }
        loop {
            if self.buf.len() < 2 {
                return out;
            }
            let (b0, b1) = (self.buf[0], self.buf[1]);
            let opcode = b0 & 0x0F;
            let allowed = if self.rsv1_allowed { 0x40 } else { 0 };
            assert_eq!(b0 & 0x70 & !allowed, 0, "we sent RSV bits no extension owns");
            assert!(matches!(opcode, 0 | 1 | 2 | 8 | 9 | 10), "we sent opcode {opcode:#x}");
            assert_eq!(b1 & 0x80 != 0, self.masked, "mask bit wrong for our role");
            let Some(head) = decode_head(&self.buf) else { return out };
            if opcode & 0x8 != 0 {
                assert!(head.fin, "we sent a fragmented control frame");
                assert!(head.len <= 125, "we sent a control frame of {} bytes", head.len);
            }
            if !self.header_reported {
                self.header_reported = true;
                out.push(Wire::Header { fin: head.fin, opcode, len: head.len });
            }
            let len = usize::try_from(head.len).expect("frame length fits in memory");
            if self.buf.len() < head.at + len {
                return out;
            }
            let mut payload = self.buf[head.at..head.at + len].to_vec();
            if let Some(key) = head.mask {
                xor_mask(&mut payload, key);
            }
            self.buf.drain(..head.at + len);
            self.header_reported = false;
            out.push(Wire::Frame(WireFrame { fin: head.fin, rsv: head.rsv, opcode, mask: head.mask, payload }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rsv1_passes_only_when_allowed() {
        let compressed = frame(0xC1, b"\x00", None);
        let got = WireParser::new(false, false).allowing_rsv1().push(&compressed);
        assert!(matches!(&got[..], [Wire::Header { .. }, Wire::Frame(f)] if f.rsv == 4), "{got:?}");
        let strict = std::panic::catch_unwind(|| WireParser::new(false, false).push(&compressed));
        assert!(strict.is_err(), "RSV1 with no extension must fail");
        let rsv2 =
            std::panic::catch_unwind(|| WireParser::new(false, false).allowing_rsv1().push(&frame(0xA1, b"", None)));
        assert!(rsv2.is_err(), "RSV2 is owned by no extension");
    }

    #[test]
    fn builders_give_the_rfc_6455_examples() {
        // RFC 6455 §5.7.
        assert_eq!(frame(0x81, b"Hello", None), [0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]);
        assert_eq!(
            frame(0x81, b"Hello", Some(MASK)),
            [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58]
        );
        assert_eq!(
            cat(&[&frame(0x01, b"Hel", None), &frame(0x80, b"lo", None)]),
            [0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f]
        );
        assert_eq!(frame(0x82, &[0; 256], None)[..4], [0x82, 0x7E, 0x01, 0x00]);
        assert_eq!(frame(0x82, &[0; 65536], None)[..10], [0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0]);
        assert_eq!(frame_from(Role::Client, 0x8A, b"Hello")[..2], [0x8A, 0x85]);
        assert_eq!(frame_to(Role::Client, 0x8A, b"Hello")[..2], [0x8A, 0x05]);
        assert_eq!(first_byte(true, 0b100, 0x1), 0xC1);
        for len in [0, 1, 125, 126, 65535, 65536, 70_000] {
            assert_eq!(frame(0x82, &vec![7; len], Some(MASK)).len(), frame_len(len, true), "{len}");
            assert_eq!(frame(0x82, &vec![7; len], None).len(), frame_len(len, false), "{len}");
        }
    }

    #[test]
    fn any_length_encoding_can_be_written() {
        assert_eq!(header(0x82, None, 0, Length::Bits16), [0x82, 0x7E, 0x00, 0x00]);
        assert_eq!(header(0x82, None, 125, Length::Bits16), [0x82, 0x7E, 0x00, 0x7D]);
        assert_eq!(header(0x82, None, 126, Length::Bits64), [0x82, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0x7E]);
        assert_eq!(
            header(0x82, Some(MASK), 65535, Length::Bits64),
            [0x82, 0xFF, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0x37, 0xfa, 0x21, 0x3d]
        );
        assert_eq!(
            header(0x82, None, u64::MAX, Length::Bits64),
            [0x82, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        );
        assert_eq!(header(0x89, None, 5, Length::Minimal), header(0x89, None, 5, Length::Bits7));
        let f = frame_with(0x81, b"ab", Some(MASK), Length::Bits64);
        assert_eq!(f.len(), 10 + 4 + 2);
        assert_eq!(f[1], 0xFF);
    }

    #[test]
    #[should_panic(expected = "does not fit in 7 bits")]
    fn a_7_bit_length_over_125_is_refused() {
        header(0x82, None, 126, Length::Bits7);
    }

    #[test]
    fn parsers_read_back_what_the_builders_write() {
        let key = [1, 2, 3, 4];
        let stream = cat(&[
            &frame(0x01, b"frag", Some(key)),
            &frame(0x89, b"ping", Some(key)),
            &frame(0x80, &bytes_0_to(300), Some(key)),
            &frame(0x88, &close_payload(1000, b"bye"), Some(key)),
        ]);
        let frames = parse_frames(&stream);
        assert_eq!(frames.len(), 4);
        assert_eq!((frames[0].fin, frames[0].opcode, &frames[0].payload[..]), (false, 1, &b"frag"[..]));
        assert_eq!(frames[2].payload, bytes_0_to(300));
        assert_eq!(frames[3].close_code(), Some(1000));
        assert!(frames.iter().all(|f| f.mask == Some(key) && f.rsv == 0));

        // Byte by byte after an HTTP head, the strict parser finds the same.
        let mut parser = WireParser::new(true, true);
        let mut found = Vec::new();
        for b in cat(&[b"HTTP/1.1 101 Switching Protocols\r\n\r\n", &stream]) {
            found.extend(parser.push(&[b]));
        }
        assert!(parser.past_head());
        let got: Vec<WireFrame> = found
            .into_iter()
            .filter_map(|w| match w {
                Wire::Frame(f) => Some(f),
                Wire::Header { .. } => None,
            })
            .collect();
        assert_eq!(got, frames);
    }

    #[test]
    #[should_panic(expected = "non-minimal 16-bit length")]
    fn parse_frames_refuses_a_non_minimal_length() {
        parse_frames(&header(0x82, None, 5, Length::Bits16));
    }

    #[test]
    #[should_panic(expected = "RSV bits")]
    fn the_wire_parser_refuses_rsv_bits() {
        WireParser::new(false, false).push(&frame(0xC1, b"x", None));
    }
}
