//! Limits and policies of a connection.

/// How data messages reach the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Delivery {
    /// Whole messages ([`crate::Event::Message`]): a text message as
    /// `&str`, a binary one as `&[u8]`. A message that arrives in one frame
    /// is handed out from the input buffer without a copy; a fragmented one
    /// is assembled in a buffer the connection reuses, up to
    /// [`Config::max_message_size`].
    #[default]
    Messages,
    /// Data as it arrives ([`crate::Event::Chunk`]), never assembled: a
    /// 4 GiB message flows through in pieces the size of the reads. Text is
    /// still validated as UTF-8, fail-fast, but a chunk may end inside a
    /// character. [`Config::max_message_size`] does not apply;
    /// [`Config::max_frame_size`] does.
    Chunks,
    /// Each data frame as it is ([`crate::Event::Frame`]): its header (FIN,
    /// RSV bits, opcode, length, masking key) and its unmasked payload, in
    /// pieces the size of the reads, never assembled. A proxy that must keep
    /// the peer's fragmentation uses this. RFC 6455 §5.4 (continuations)
    /// is still enforced, and uncompressed text is validated as UTF-8,
    /// fail-fast, across the frames of its message. Control frames are
    /// handled by the policies and reported as in the other modes.
    ///
    /// Compressed frames (RSV1 set, with permessage-deflate negotiated)
    /// are handed out as they arrived, not inflated: the connection then
    /// cannot check their text, which falls to whoever inflates them (a
    /// proxy forwarding them to a peer that negotiated the same
    /// parameters need not). [`Config::max_message_size`] does not apply;
    /// [`Config::max_frame_size`] does.
    Frames,
}

/// The limits and policies of a connection.
///
/// The defaults suit a public server: a hostile peer can make a connection
/// hold at most `max_message_size` bytes of message data.
///
/// Build one with the `const` setters (usable in a `const` or `static`),
/// or change the fields of a default one:
///
/// ```
/// use wsproto::{Config, Delivery};
/// const SMALL: Config = Config::DEFAULT.max_message_size(64 << 10).auto_pong(false);
/// let mut config = Config::default();
/// config.max_message_size = 64 << 10;
/// config.auto_pong = false;
/// assert_eq!(SMALL, config);
/// assert_eq!(Config::new().delivery(Delivery::Chunks).delivery, Delivery::Chunks);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Config {
    /// The largest frame payload accepted, checked against the length in
    /// the header before any payload is read (close code 1009).
    /// Default: 16 MiB.
    pub max_frame_size: u64,
    /// The largest message assembled in [`Delivery::Messages`], checked as
    /// each frame header arrives, against the running total plus the
    /// declared length (close code 1009). Default: 16 MiB.
    pub max_message_size: usize,
    /// How data messages are delivered. Default: [`Delivery::Messages`].
    pub delivery: Delivery,
    /// Answer every Ping with a Pong carrying the same payload (RFC 6455
    /// §5.5.2), queued before the Ping event is returned. Default: on.
    /// When off, answer with [`crate::Sender::send_pong`].
    ///
    /// The rule for a burst: every Ping is answered while fewer than 16
    /// automatic Pongs wait unwritten at the end of the outgoing queue, and
    /// past that the newest Pong replaces the last one (RFC 6455 §5.5.3
    /// allows answering only the most recent Ping), so what is queued
    /// depends only on the bytes received and on how much the application
    /// has written, never on how the transport split the input.
    pub auto_pong: bool,
    /// Answer the peer's Close with a Close echoing its status code
    /// (RFC 6455 §5.5.1), queued before the Close event is returned.
    /// Default: on. When off, answer with [`crate::Sender::send_close`];
    /// the connection is Closing until you do.
    pub auto_close_reply: bool,
    /// A server accepts unmasked frames from the client. Default: off, as
    /// RFC 6455 §5.1 requires. Only for known non-compliant peers.
    pub accept_unmasked_frames: bool,
    /// permessage-deflate (RFC 7692): `Some` to offer it (a client) or
    /// accept an offer (a server), with these settings. Default: `None`
    /// (off), so that a connection holds no compression state unless asked.
    #[cfg(feature = "deflate")]
    pub deflate: Option<crate::extensions::deflate::DeflateConfig>,
}

impl Config {
    /// The default configuration, usable in `const` context.
    pub const DEFAULT: Config = Config {
        max_frame_size: 16 << 20,
        max_message_size: 16 << 20,
        delivery: Delivery::Messages,
        auto_pong: true,
        auto_close_reply: true,
        accept_unmasked_frames: false,
        #[cfg(feature = "deflate")]
        deflate: None,
    };
}

impl Config {
    /// The default configuration ([`Config::DEFAULT`]).
    pub const fn new() -> Config {
        Config::DEFAULT
    }

    /// Sets [`Config::max_frame_size`].
    pub const fn max_frame_size(mut self, max: u64) -> Config {
        self.max_frame_size = max;
        self
    }

    /// Sets [`Config::max_message_size`].
    pub const fn max_message_size(mut self, max: usize) -> Config {
        self.max_message_size = max;
        self
    }

    /// Sets [`Config::delivery`].
    pub const fn delivery(mut self, delivery: Delivery) -> Config {
        self.delivery = delivery;
        self
    }

    /// Sets [`Config::auto_pong`].
    pub const fn auto_pong(mut self, on: bool) -> Config {
        self.auto_pong = on;
        self
    }

    /// Sets [`Config::auto_close_reply`].
    pub const fn auto_close_reply(mut self, on: bool) -> Config {
        self.auto_close_reply = on;
        self
    }

    /// Sets [`Config::accept_unmasked_frames`].
    pub const fn accept_unmasked_frames(mut self, on: bool) -> Config {
        self.accept_unmasked_frames = on;
        self
    }

    /// Turns permessage-deflate on with `deflate` ([`Config::deflate`]).
    #[cfg(feature = "deflate")]
    pub const fn deflate(mut self, deflate: crate::extensions::deflate::DeflateConfig) -> Config {
        self.deflate = Some(deflate);
        self
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::DEFAULT
    }
}
