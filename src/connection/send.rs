//! The send half: frames are encoded (and, for a client, masked) straight
//! into one outgoing queue that the IO layer drains. A large message can
//! skip the copy into the queue: [`Sender::send_borrowed`] queues only its
//! header and lends out the caller's payload for a vectored write (a
//! server), or masks it into the queue one segment at a time as the
//! transport takes it (a client).

use alloc::boxed::Box;
use alloc::vec::Vec;

use super::state::{CannotSend, SendState};
use super::{Message, MessageKind};
use crate::frame::{
    apply_mask, copy_masked, CloseCode, FrameHeader, OpCode, Role, MAX_CONTROL_PAYLOAD, MAX_HEADER_LEN,
};
use crate::rng::RandomSource;
use crate::utf8::Utf8Validator;
use crate::{Error, UsageError};

/// The send half of a [`crate::Connection`]: every way to queue a frame,
/// and the outgoing queue itself.
///
/// Get it with [`crate::Connection::sender`], or from a [`crate::Received`]
/// while its event still borrows the connection (which is how a received
/// message is echoed without copying it first).
///
/// The IO layer writes [`Sender::pending`] to the transport and reports
/// how much the transport took with [`Sender::advance`]. Partial writes
/// are fine. [`Sender::pending_len`] is the backpressure signal: stop
/// producing when it grows past what you are willing to buffer.
///
/// Every send copies its payload into the queue, except
/// [`Sender::send_borrowed`], the send for large messages, which writes it
/// from the caller's buffer.
pub struct Sender {
    role: Role,
    rng: Option<Box<dyn RandomSource>>,
    out: Vec<u8>,
    written: usize,
    state: SendState,
    /// A message begun with [`Sender::begin_message`] is still open.
    fragmented: Option<MessageKind>,
    fragment_utf8: Utf8Validator,
    /// Where the last automatic Pong starts in `out`, while it is the last
    /// frame queued and not one byte of it has been written.
    unsent_auto_pong: Option<usize>,
    /// How many automatic Pongs stand, unwritten, at the end of the queue.
    auto_pong_run: u8,
    /// permessage-deflate's settings, when it was negotiated.
    #[cfg(feature = "deflate")]
    deflate: Option<crate::extensions::deflate::codec::CompressorSettings>,
    /// Its compressor, made on the first compressed message and dropped
    /// between messages by `release_memory` when no context is taken over.
    #[cfg(feature = "deflate")]
    compressor: Option<Box<crate::extensions::deflate::codec::Compressor>>,
}

/// Unwritten automatic Pongs kept in a row before the newest replaces the
/// last: enough to answer every Ping of a burst (Autobahn 2.10 sends ten at
/// once), few enough that a flood holds at most about 2 KiB.
const MAX_UNSENT_AUTO_PONGS: u8 = 16;

impl core::fmt::Debug for Sender {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Sender")
            .field("role", &self.role)
            .field("pending_len", &self.pending_len())
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

impl Sender {
    pub(super) fn new(role: Role, rng: Option<Box<dyn RandomSource>>, state: SendState) -> Sender {
        Sender {
            role,
            rng,
            out: Vec::new(),
            written: 0,
            state,
            fragmented: None,
            fragment_utf8: Utf8Validator::new(),
            unsent_auto_pong: None,
            auto_pong_run: 0,
            #[cfg(feature = "deflate")]
            deflate: None,
            #[cfg(feature = "deflate")]
            compressor: None,
        }
    }

    /// Runs permessage-deflate's compressor on the data messages sent
    /// from now on.
    #[cfg(feature = "deflate")]
    pub(super) fn enable_deflate(&mut self, settings: crate::extensions::deflate::codec::CompressorSettings) {
        self.deflate = Some(settings);
    }

    /// The bytes waiting to be written to the transport.
    pub fn pending(&self) -> &[u8] {
        &self.out[self.written..]
    }

    /// How many bytes are waiting to be written.
    pub fn pending_len(&self) -> usize {
        self.out.len() - self.written
    }

    /// Reports that the first `n` bytes of [`Sender::pending`] were written.
    /// Once everything is written the queue's buffer is reused, so a steady
    /// stream of messages makes no allocation.
    pub fn advance(&mut self, n: usize) -> Result<(), UsageError> {
        if n > self.pending_len() {
            return Err(UsageError::AdvancedPastPending);
        }
        self.written += n;
        if self.unsent_auto_pong.is_some_and(|start| start < self.written) {
            self.unsent_auto_pong = None;
            self.auto_pong_run = 0;
        }
        if self.written == self.out.len() {
            self.out.clear();
            self.written = 0;
        }
        Ok(())
    }

    /// Writes the pending bytes to `writer` until all are written or the
    /// writer would block, and reports what it took ([`Sender::advance`]).
    /// Returns how many bytes were written; `pending_len() == 0` afterwards
    /// means everything went out. An interrupted write is retried; a write
    /// of zero bytes is `WriteZero`. This is the whole output half of a
    /// blocking or non-blocking `std::io` driver.
    ///
    /// ```
    /// # use wsproto::{Config, Connection, handshake::Negotiated};
    /// let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    /// conn.sender().send_text("hi").unwrap();
    /// let mut socket = Vec::new(); // any std::io::Write: a TcpStream, a TLS stream
    /// assert_eq!(conn.sender().write_to(&mut socket).unwrap(), 4);
    /// assert_eq!(socket, b"\x81\x02hi");
    /// ```
    #[cfg(feature = "std")]
    pub fn write_to<W: std::io::Write + ?Sized>(&mut self, writer: &mut W) -> std::io::Result<usize> {
        write_until_blocked(self, writer, Sender::pending_len, |this, w| w.write(this.pending()), Sender::advance)
    }

    /// Queues a whole text message.
    pub fn send_text(&mut self, text: &str) -> Result<(), UsageError> {
        self.send_data(OpCode::Text, text.as_bytes())
    }

    /// Queues a whole binary message.
    pub fn send_binary(&mut self, data: &[u8]) -> Result<(), UsageError> {
        self.send_data(OpCode::Binary, data)
    }

    /// Queues a whole message of either kind, such as one just received.
    pub fn send_message(&mut self, message: Message<'_>) -> Result<(), UsageError> {
        match message {
            Message::Text(text) => self.send_text(text),
            Message::Binary(data) => self.send_binary(data),
        }
    }

    /// Queues a whole message uncompressed, even when permessage-deflate
    /// is on (RFC 7692 §6: a message may be sent with RSV1 clear), for
    /// data that would not compress, such as media already compressed.
    /// Without the extension it is [`Sender::send_message`].
    pub fn send_uncompressed(&mut self, message: Message<'_>) -> Result<(), UsageError> {
        let (opcode, data) = match message {
            Message::Text(text) => (OpCode::Text, text.as_bytes()),
            Message::Binary(data) => (OpCode::Binary, data),
        };
        self.check_can_send()?;
        if self.fragmented.is_some() {
            return Err(UsageError::FragmentOutOfOrder);
        }
        self.push_frame(opcode, true, 0, data);
        Ok(())
    }

    fn send_data(&mut self, opcode: OpCode, data: &[u8]) -> Result<(), UsageError> {
        self.check_can_send()?;
        if self.fragmented.is_some() {
            return Err(UsageError::FragmentOutOfOrder);
        }
        #[cfg(feature = "deflate")]
        if self.deflate.is_some_and(|d| data.len() >= d.min_size as usize) {
            return self.push_compressed(opcode, true, data);
        }
        self.push_frame(opcode, true, 0, data);
        Ok(())
    }

    /// Queues a frame whose payload is `data` compressed (RFC 7692 §7.2.1),
    /// RSV1 set when it opens a message. The payload is compressed straight
    /// into the queue after room for the header its worst case would need;
    /// the header is then written in front of it (moved up when the real
    /// length needs a shorter one).
    #[cfg(feature = "deflate")]
    fn push_compressed(&mut self, opcode: OpCode, fin: bool, data: &[u8]) -> Result<(), UsageError> {
        self.unsent_auto_pong = None;
        self.auto_pong_run = 0;
        let mask = self.next_mask();
        let rsv = if opcode == OpCode::Continuation { 0 } else { crate::frame::RSV1 };
        let mut bytes = [0u8; MAX_HEADER_LEN];
        let worst = data.len() as u64 + data.len() as u64 / 16 + 64;
        let room = FrameHeader { fin, rsv, opcode, mask, payload_len: worst }.encode(&mut bytes);
        let Some(settings) = self.deflate else { return Err(UsageError::Failed) };
        let compressor = self
            .compressor
            .get_or_insert_with(|| Box::new(crate::extensions::deflate::codec::Compressor::new(settings)));
        let start = self.out.len();
        self.out.resize(start + room, 0);
        if compressor.compress(data, fin, &mut self.out).is_err() {
            // zlib refused its own state: nothing of the frame is queued.
            self.out.truncate(start);
            return Err(UsageError::Failed);
        }
        let payload_len = self.out.len() - start - room;
        let header = FrameHeader { fin, rsv, opcode, mask, payload_len: payload_len as u64 };
        let header_len = header.encode(&mut bytes);
        if header_len < room {
            self.out.copy_within(start + room.., start + header_len);
            self.out.truncate(start + header_len + payload_len);
        }
        self.out[start..start + header_len].copy_from_slice(&bytes[..header_len]);
        if let Some(key) = mask {
            apply_mask(&mut self.out[start + header_len..], key, 0);
        }
        Ok(())
    }

    /// Starts sending a whole message whose payload stays in the caller's
    /// buffer: only the frame header is queued, and the payload is handed
    /// out from `message` itself as the transport takes it. This is the
    /// send for large messages: a server's payload is written straight from
    /// the caller's buffer (one vectored write of the queue and the
    /// payload, no copy), and a client's is masked segment by segment into
    /// a small staging area in the queue as it is written, never as a whole
    /// masked copy.
    ///
    /// The returned [`BorrowedSend`] lends out the bytes to write next
    /// ([`BorrowedSend::parts`]) and takes how many the transport wrote
    /// ([`BorrowedSend::advance`]); with `std`, [`BorrowedSend::write_to`]
    /// does both. While it lives it holds the sender, so nothing can be
    /// queued into the middle of the frame. Dropping it before everything
    /// is written queues what is left (a client's rest masked), so the
    /// bytes on the wire are those [`Sender::send_message`] would produce,
    /// and the driver carries on with [`Sender::pending`] as usual: a
    /// writer that would block costs one copy of the rest, never a broken
    /// frame.
    ///
    /// The same rules hold as for every send. It fails with
    /// [`UsageError::NotOpen`] before the handshake, with
    /// [`UsageError::AlreadyClosing`] once our Close is queued (RFC 6455
    /// §5.5.1: "the endpoint MUST NOT send any more data frames after
    /// sending a Close frame"), and with [`UsageError::FragmentOutOfOrder`]
    /// while a message begun with [`Sender::begin_message`] is open (RFC
    /// 6455 §5.4: "The fragments of one message MUST NOT be interleaved
    /// between the fragments of another message"). Bytes queued before it
    /// (an automatic Pong, say) go out first.
    ///
    /// With permessage-deflate on, the message is sent uncompressed, RSV1
    /// clear, as [`Sender::send_uncompressed`] does: compressing needs an
    /// output buffer, which is the copy this send exists to avoid, and RFC
    /// 7692 lets any message go uncompressed (only a message whose first
    /// frame has RSV1 set is inflated, §6). Use [`Sender::send_message`]
    /// when compression matters more than the copy.
    ///
    /// ```
    /// # use wsproto::{Config, Connection, Message, handshake::Negotiated};
    /// let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    /// let payload = vec![7u8; 300];
    /// let mut send = conn.sender().send_borrowed(Message::Binary(&payload)).unwrap();
    /// // The driver writes both parts with one vectored write.
    /// let [queued, rest] = send.parts();
    /// assert_eq!((queued, rest), (&[0x82, 126, 1, 44][..], &payload[..]));
    /// let n = queued.len() + rest.len(); // what the transport took
    /// send.advance(n).unwrap();
    /// assert_eq!(send.remaining(), 0);
    /// drop(send);
    /// assert_eq!(conn.sender().pending_len(), 0);
    /// ```
    pub fn send_borrowed<'p>(&mut self, message: Message<'p>) -> Result<BorrowedSend<'_, 'p>, UsageError> {
        let (opcode, payload) = match message {
            Message::Text(text) => (OpCode::Text, text.as_bytes()),
            Message::Binary(data) => (OpCode::Binary, data),
        };
        self.check_can_send()?;
        if self.fragmented.is_some() {
            return Err(UsageError::FragmentOutOfOrder);
        }
        // What was queued before stays before: an unwritten automatic Pong
        // is no longer the last frame, so it may not be replaced.
        self.unsent_auto_pong = None;
        self.auto_pong_run = 0;
        let mask = self.next_mask();
        let header = FrameHeader { fin: true, rsv: 0, opcode, mask, payload_len: payload.len() as u64 };
        let mut bytes = [0u8; MAX_HEADER_LEN];
        let header_len = header.encode(&mut bytes);
        let mut send = BorrowedSend { sender: self, payload, pos: 0, mask };
        send.sender.out.extend_from_slice(&bytes[..header_len]);
        if mask.is_some() {
            send.stage();
        }
        Ok(send)
    }

    /// Begins a fragmented message with its first fragment. Text fragments
    /// may split a character; the text as a whole is checked to be UTF-8.
    pub fn begin_message(&mut self, kind: MessageKind, fragment: &[u8]) -> Result<(), UsageError> {
        self.check_can_send()?;
        if self.fragmented.is_some() {
            return Err(UsageError::FragmentOutOfOrder);
        }
        let mut utf8 = Utf8Validator::new();
        if kind == MessageKind::Text {
            utf8.feed(fragment).map_err(|_| UsageError::InvalidUtf8)?;
        }
        let opcode = match kind {
            MessageKind::Text => OpCode::Text,
            MessageKind::Binary => OpCode::Binary,
        };
        #[cfg(feature = "deflate")]
        {
            // A streamed message's length is unknown: it is compressed
            // whenever the extension runs, each fragment sync-flushed so
            // that it inflates as it arrives.
            if self.deflate.is_some() {
                self.push_compressed(opcode, false, fragment)?;
                self.fragment_utf8 = utf8;
                self.fragmented = Some(kind);
                return Ok(());
            }
        }
        self.fragment_utf8 = utf8;
        self.fragmented = Some(kind);
        self.push_frame(opcode, false, 0, fragment);
        Ok(())
    }

    /// Queues a middle fragment of the message begun with
    /// [`Sender::begin_message`].
    pub fn continue_message(&mut self, fragment: &[u8]) -> Result<(), UsageError> {
        self.fragment(fragment, false)
    }

    /// Queues the final fragment of the message begun with
    /// [`Sender::begin_message`] (it may be empty).
    pub fn finish_message(&mut self, fragment: &[u8]) -> Result<(), UsageError> {
        self.fragment(fragment, true)
    }

    fn fragment(&mut self, fragment: &[u8], fin: bool) -> Result<(), UsageError> {
        self.check_can_send()?;
        let kind = self.fragmented.ok_or(UsageError::FragmentOutOfOrder)?;
        if kind == MessageKind::Text {
            let mut utf8 = self.fragment_utf8;
            utf8.feed(fragment).map_err(|_| UsageError::InvalidUtf8)?;
            if fin {
                utf8.finish().map_err(|_| UsageError::InvalidUtf8)?;
            }
            self.fragment_utf8 = utf8;
        }
        #[cfg(feature = "deflate")]
        if self.deflate.is_some() {
            self.push_compressed(OpCode::Continuation, fin, fragment)?;
            if fin {
                self.fragmented = None;
            }
            return Ok(());
        }
        if fin {
            self.fragmented = None;
        }
        self.push_frame(OpCode::Continuation, fin, 0, fragment);
        Ok(())
    }

    /// Queues a Ping (payload at most 125 bytes).
    pub fn send_ping(&mut self, payload: &[u8]) -> Result<(), UsageError> {
        self.send_control(OpCode::Ping, payload)
    }

    /// Queues a Pong (payload at most 125 bytes). With
    /// [`crate::Config::auto_pong`] on, Pings are answered for you; an
    /// unsolicited Pong serves as a heartbeat (RFC 6455 §5.5.3).
    pub fn send_pong(&mut self, payload: &[u8]) -> Result<(), UsageError> {
        self.send_control(OpCode::Pong, payload)
    }

    fn send_control(&mut self, opcode: OpCode, payload: &[u8]) -> Result<(), UsageError> {
        self.check_can_send()?;
        if payload.len() > MAX_CONTROL_PAYLOAD {
            return Err(UsageError::ControlPayloadTooLong);
        }
        self.push_frame(opcode, true, 0, payload);
        Ok(())
    }

    /// Starts (or answers) the close handshake with `code` and a `reason`
    /// of at most 123 bytes. After this no data, Ping or Pong may be sent
    /// (RFC 6455 §5.5.1). Once the peer's Close has also arrived, the
    /// connection is Closed; see [`crate::Connection::transport_action`].
    pub fn send_close(&mut self, code: CloseCode, reason: &str) -> Result<(), UsageError> {
        self.check_can_send()?;
        if !code.is_sendable() {
            return Err(UsageError::InvalidCloseCode(code.0));
        }
        if reason.len() > MAX_CONTROL_PAYLOAD - 2 {
            return Err(UsageError::ControlPayloadTooLong);
        }
        self.queue_close(Some(code), reason);
        Ok(())
    }

    fn check_can_send(&self) -> Result<(), UsageError> {
        self.state.can_send().map_err(|why| match why {
            CannotSend::NotOpen => UsageError::NotOpen,
            CannotSend::CloseSent => UsageError::AlreadyClosing,
            CannotSend::Done => UsageError::Failed,
        })
    }

    /// The opening handshake completed: frames may be sent.
    pub(super) fn move_to_open(&mut self) {
        self.state.move_to_open();
    }

    /// The transport is gone (EOF): nothing more may be sent.
    pub(super) fn move_to_done(&mut self) {
        self.state.move_to_done();
    }

    /// The send half's state.
    pub(super) fn state(&self) -> SendState {
        self.state
    }

    /// Queues our Close frame (code `None` = empty payload). Callers have
    /// checked the code and length.
    fn queue_close(&mut self, code: Option<CloseCode>, reason: &str) {
        let mut payload = [0u8; MAX_CONTROL_PAYLOAD];
        let len = match code {
            Some(code) => {
                payload[..2].copy_from_slice(&code.0.to_be_bytes());
                payload[2..2 + reason.len()].copy_from_slice(reason.as_bytes());
                2 + reason.len()
            }
            None => 0,
        };
        self.push_frame(OpCode::Close, true, 0, &payload[..len]);
        self.state.move_to_close_sent();
    }

    /// Answers the peer's Close (RFC 6455 §5.5.1: "If an endpoint receives
    /// a Close frame and did not previously send a Close frame, the
    /// endpoint MUST send a Close frame in response"), echoing its code,
    /// unless ours is already queued.
    pub(super) fn reply_close(&mut self, code: Option<CloseCode>) {
        if self.state.can_send().is_ok() {
            self.queue_close(code, "");
        }
    }

    /// Answers a Ping, unless our Close is already queued.
    ///
    /// RFC 6455 §5.5.3: "If an endpoint receives a Ping frame and has not
    /// yet sent Pong frame(s) in response to previous Ping frame(s), the
    /// endpoint MAY elect to send a Pong frame for only the most recently
    /// processed Ping frame." Every Ping is answered while fewer than
    /// [`MAX_UNSENT_AUTO_PONGS`] automatic Pongs wait unwritten at the end
    /// of the queue; past that, the newest replaces the last, so a Ping
    /// flood that the application does not drain cannot grow the queue.
    pub(super) fn auto_pong(&mut self, payload: &[u8]) {
        if self.state.can_send().is_ok() {
            let mut run = self.auto_pong_run;
            if run >= MAX_UNSENT_AUTO_PONGS {
                if let Some(start) = self.unsent_auto_pong {
                    self.out.truncate(start);
                    run -= 1;
                }
            }
            let start = self.out.len();
            self.push_frame(OpCode::Pong, true, 0, payload);
            self.unsent_auto_pong = Some(start);
            self.auto_pong_run = run + 1;
        }
    }

    /// Fails the connection: queues a Close with the error's code (RFC 6455
    /// §7.1.7) unless ours was already sent, and refuses all further sends.
    pub(super) fn fail(&mut self, error: &Error) {
        if self.state.can_send().is_ok() {
            self.queue_close(Some(error.close_code()), error.close_reason());
        }
        self.state.move_to_done();
    }

    /// Appends raw bytes (a handshake request or response) to the queue.
    pub(super) fn queue_raw(&mut self, bytes: &[u8]) {
        self.unsent_auto_pong = None;
        self.auto_pong_run = 0;
        self.out.extend_from_slice(bytes);
    }

    /// Queues a frame: the header from the one encoder
    /// ([`FrameHeader::encode`], which takes the RSV bits), then the
    /// payload; a client masks it with a fresh key.
    ///
    /// The header is copied with one fixed-size store of
    /// [`MAX_HEADER_LEN`] bytes and the queue cut back to its real length,
    /// which is cheaper than a variable-length copy per frame. A masked
    /// payload is copied and masked in 16 KiB segments, so the masking pass
    /// runs on bytes still in cache.
    #[inline]
    fn push_frame(&mut self, opcode: OpCode, fin: bool, rsv: u8, payload: &[u8]) {
        self.unsent_auto_pong = None;
        self.auto_pong_run = 0;
        let mask = self.next_mask();
        let header = FrameHeader { fin, rsv, opcode, mask, payload_len: payload.len() as u64 };
        let mut bytes = [0u8; MAX_HEADER_LEN];
        let header_len = header.encode(&mut bytes);
        self.out.reserve(MAX_HEADER_LEN + payload.len());
        let start = self.out.len();
        self.out.extend_from_slice(&bytes);
        self.out.truncate(start + header_len);
        match mask {
            None => self.out.extend_from_slice(payload),
            Some(key) => {
                // 16 KiB is a multiple of 4: every segment starts at key
                // phase 0.
                for segment in payload.chunks(16 << 10) {
                    let start = self.out.len();
                    self.out.extend_from_slice(segment);
                    apply_mask(&mut self.out[start..], key, 0);
                }
            }
        }
    }

    /// A fresh masking key for a client's frame (RFC 6455 §5.3), none for
    /// a server's.
    #[inline]
    fn next_mask(&mut self) -> Option<[u8; 4]> {
        match (self.role, &mut self.rng) {
            (Role::Client, Some(rng)) => {
                let mut key = [0u8; 4];
                rng.fill(&mut key);
                Some(key)
            }
            // A client is always built with a source; without one it would
            // have to send unmasked frames, which servers must reject.
            (Role::Client, None) => Some([0; 4]),
            (Role::Server, _) => None,
        }
    }

    /// Frees the queue's buffer when nothing is pending, and the
    /// compressor's state when no context is taken over.
    pub(super) fn release_memory(&mut self) {
        if self.pending_len() == 0 {
            self.out = Vec::new();
            self.written = 0;
        }
        #[cfg(feature = "deflate")]
        if self.deflate.is_some_and(|d| d.reset_each) && !self.compressor.as_ref().is_some_and(|c| c.is_mid_message()) {
            // Nothing carries over to the next message.
            self.compressor = None;
        }
    }

    /// Heap bytes held by the queue.
    pub(super) fn heap_size(&self) -> usize {
        self.out.capacity()
    }
}

/// How much of a client's payload is masked into the queue at a time by
/// [`Sender::send_borrowed`]: small enough to stay in the first-level or
/// second-level cache between masking and the transport's copy, large
/// enough that a write per segment is cheap. A multiple of 4, so every
/// segment after the first starts at a key phase the offset gives.
const MASK_SEGMENT: usize = 16 << 10;

/// A whole message being sent from the caller's buffer, from
/// [`Sender::send_borrowed`]. Write [`BorrowedSend::parts`] in order (a
/// vectored write takes both at once), report what the transport took
/// with [`BorrowedSend::advance`], and repeat until
/// [`BorrowedSend::remaining`] is 0.
///
/// The first part is the sender's queue: bytes queued earlier, the frame
/// header, and for a client the current masked segment of the payload
/// (RFC 6455 §5.3: "Octet i of the transformed data ("transformed-octet-i")
/// is the XOR of octet i of the original data ("original-octet-i") with
/// octet at index i modulo 4 of the masking key"). The second part is the
/// rest of a server's payload, borrowed from the caller unchanged; a
/// client's is always empty (RFC 6455 §5.1: "a client MUST mask all frames
/// that it sends to the server", so its payload never goes out as it
/// lies).
///
/// Nothing else can be queued while this lives, because it holds the
/// sender: a control frame may come between frames but never inside one
/// (RFC 6455 §5.4: "Control frames (see Section 5.5) MAY be injected in
/// the middle of a fragmented message", which is between its frames).
/// Dropping it queues whatever is not written yet, so no byte of the frame
/// is lost and the next frame follows it.
#[must_use = "dropping it at once copies the whole payload into the queue"]
pub struct BorrowedSend<'s, 'p> {
    sender: &'s mut Sender,
    /// The caller's payload, unmasked.
    payload: &'p [u8],
    /// How much of `payload` is written (a server) or staged (a client).
    pos: usize,
    /// A client's masking key.
    mask: Option<[u8; 4]>,
}

impl core::fmt::Debug for BorrowedSend<'_, '_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("BorrowedSend")
            .field("payload_len", &self.payload.len())
            .field("remaining", &self.remaining())
            .finish_non_exhaustive()
    }
}

impl<'p> BorrowedSend<'_, 'p> {
    /// The bytes to write next, in order: the sender's queue (bytes
    /// queued before, the frame header, a client's masked segment), then
    /// the unwritten rest of a server's payload. Either may be empty.
    pub fn parts(&self) -> [&[u8]; 2] {
        let queued = self.sender.pending();
        match self.mask {
            Some(_) => [queued, &[]],
            None => [queued, &self.payload[self.pos..]],
        }
    }

    /// How many bytes are left to write: the queue and the payload not
    /// yet written (for a client, not yet staged).
    pub fn remaining(&self) -> usize {
        self.sender.pending_len() + (self.payload.len() - self.pos)
    }

    /// Reports that the first `n` bytes of [`BorrowedSend::parts`] (taken
    /// as one run) were written. A client's next segment is masked into
    /// the queue once the current one is written. More than
    /// [`BorrowedSend::parts`] holds is [`UsageError::AdvancedPastPending`],
    /// and nothing is advanced.
    pub fn advance(&mut self, n: usize) -> Result<(), UsageError> {
        let queued = self.sender.pending_len();
        let [_, rest] = self.parts();
        if n > queued + rest.len() {
            return Err(UsageError::AdvancedPastPending);
        }
        let from_queue = n.min(queued);
        let sender = &mut *self.sender;
        sender.written += from_queue;
        self.pos += n - from_queue;
        if sender.written == sender.out.len() {
            if self.mask.is_some() && self.pos < self.payload.len() {
                self.stage();
            } else {
                sender.out.clear();
                sender.written = 0;
            }
        }
        Ok(())
    }

    /// Masks a client's next segment into the queue, which has been
    /// written up to its end or holds only the header and what came
    /// before. The queue's bytes are reused in place when it is all
    /// written, so no segment zero-fills or grows it once it has held one.
    fn stage(&mut self) {
        let Some(key) = self.mask else { return };
        let sender = &mut *self.sender;
        let segment = &self.payload[self.pos..(self.pos + MASK_SEGMENT).min(self.payload.len())];
        let start = if sender.written == sender.out.len() {
            sender.written = 0;
            0
        } else {
            sender.out.len()
        };
        let end = start + segment.len();
        if sender.out.len() >= end {
            sender.out.truncate(end);
        } else {
            sender.out.resize(end, 0);
        }
        // `pos` is the segment's offset in the payload: the key phase.
        copy_masked(&mut sender.out[start..end], segment, key, self.pos);
        self.pos += segment.len();
    }

    /// Writes [`BorrowedSend::parts`] to `writer` with vectored writes
    /// until everything is written or the writer would block, and reports
    /// what it took. Returns how many bytes were written; `remaining() ==
    /// 0` afterwards means the whole frame went out. An interrupted write
    /// is retried; a write of zero bytes is `WriteZero`. Drop the
    /// [`BorrowedSend`] after a write that would block (what is left is
    /// queued; write it with [`Sender::write_to`] when the transport is
    /// ready) or keep it and call this again.
    ///
    /// ```
    /// # use wsproto::{Config, Connection, Message, handshake::Negotiated};
    /// let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    /// let mut socket = Vec::new(); // any std::io::Write
    /// let n = conn.sender().send_borrowed(Message::Text("hi")).unwrap().write_to(&mut socket).unwrap();
    /// assert_eq!((n, &socket[..]), (4, &b"\x81\x02hi"[..]));
    /// ```
    #[cfg(feature = "std")]
    pub fn write_to<W: std::io::Write + ?Sized>(&mut self, writer: &mut W) -> std::io::Result<usize> {
        use std::io::IoSlice;
        let write_once = |this: &Self, writer: &mut W| {
            let [queued, rest] = this.parts();
            match (queued.is_empty(), rest.is_empty()) {
                (_, true) => writer.write(queued),
                (true, false) => writer.write(rest),
                (false, false) => writer.write_vectored(&[IoSlice::new(queued), IoSlice::new(rest)]),
            }
        };
        write_until_blocked(self, writer, BorrowedSend::remaining, write_once, BorrowedSend::advance)
    }
}

/// The write loop of [`Sender::write_to`] and [`BorrowedSend::write_to`]:
/// `write_once` until `remaining` is 0 or the writer would block, telling
/// `advance` what each write took. An interrupted write is retried, a write
/// of zero bytes is `WriteZero`, and a writer that claims more than it was
/// given is reported (`InvalidData`), not trusted.
#[cfg(feature = "std")]
fn write_until_blocked<T: ?Sized, W: std::io::Write + ?Sized>(
    out: &mut T,
    writer: &mut W,
    remaining: impl Fn(&T) -> usize,
    write_once: impl Fn(&T, &mut W) -> std::io::Result<usize>,
    advance: impl Fn(&mut T, usize) -> Result<(), UsageError>,
) -> std::io::Result<usize> {
    use std::io::ErrorKind;
    let mut total = 0;
    while remaining(out) > 0 {
        match write_once(out, writer) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => {
                advance(out, n).map_err(|e| std::io::Error::new(ErrorKind::InvalidData, e))?;
                total += n;
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if e.kind() == ErrorKind::WouldBlock => break,
            Err(e) => return Err(e),
        }
    }
    Ok(total)
}

impl Drop for BorrowedSend<'_, '_> {
    /// Queues what is not written yet: a server's rest as it is, a
    /// client's masked at its key phase.
    fn drop(&mut self) {
        let rest = &self.payload[self.pos..];
        if rest.is_empty() {
            return;
        }
        let out = &mut self.sender.out;
        let start = out.len();
        match self.mask {
            None => out.extend_from_slice(rest),
            Some(key) => {
                out.resize(start + rest.len(), 0);
                copy_masked(&mut out[start..], rest, key, self.pos);
            }
        }
        self.pos = self.payload.len();
    }
}
