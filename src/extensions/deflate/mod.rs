//! permessage-deflate (RFC 7692): each data message is compressed with
//! DEFLATE (RFC 1951), its first frame marked with RSV1.
//!
//! Turn it on with [`Config::deflate`](crate::Config::deflate): a client
//! connection then offers it, and a server connection accepts the first
//! offer it can honour. Received messages arrive inflated; sent messages
//! are compressed (those shorter than [`DeflateConfig::min_size`] go out
//! plain, and [`Sender::send_uncompressed`](crate::Sender::send_uncompressed)
//! skips compression for one message).
//!
//! ```
//! use wsproto::extensions::deflate::DeflateConfig;
//! use wsproto::Config;
//! const CONFIG: Config = Config::DEFAULT.deflate(DeflateConfig::DEFAULT.server_no_context_takeover(true));
//! # let _ = CONFIG;
//! ```
//!
//! # The backend
//!
//! Compression and inflation are done by [zlib-rs](https://crates.io/crates/zlib-rs),
//! the pure-Rust port of zlib-ng that also backs `flate2`'s `zlib-rs`
//! feature. Nothing DEFLATE-related is written in this crate. zlib cannot
//! produce raw DEFLATE with an 8-bit window; when 8 is negotiated for our
//! compressor, it runs with a 9-bit window and the run-length strategy,
//! whose matches all have distance 1, so the stream truly fits a 256-byte
//! window (RFC 7692 §7.1.2). Inflation always uses the 32 KiB window,
//! which decodes every window size.
//!
//! # Memory
//!
//! zlib-rs's compressor holds about 165 KiB with the default 12-bit window
//! and memory level 5, and 380 KiB with zlib's defaults (15 and 8); its
//! decompressor holds about 47 KiB whatever the window (it always
//! allocates the 32 KiB one). Both are made on first use. Without context
//! takeover they hold nothing between messages that must be kept, and
//! [`Connection::release_memory`](crate::Connection::release_memory) frees
//! them; with it, they are the connection's memory for as long as it
//! lives.

pub(crate) mod codec;
mod negotiation;

pub use negotiation::DeflateParams;

/// The name of the extension in `Sec-WebSocket-Extensions`.
pub const EXTENSION_NAME: &str = "permessage-deflate";

/// How a connection negotiates and runs permessage-deflate.
///
/// The defaults follow python-websockets: 12-bit windows and memory level
/// 5 in both directions. They cut a compressor from about 380 KiB (zlib's
/// defaults, 15 and 8) to about 165 KiB, and ask the peer to use a small
/// window too, at a small cost in ratio for the JSON-sized messages
/// WebSocket applications mostly send (0.31 against 0.27 of the original
/// size on 300-byte JSON messages, measured with zlib-rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeflateConfig {
    /// The largest LZ77 window, as a power of two (8..=15), that the
    /// server compresses with. A server uses at most this; a client asks
    /// for it in its offer (`server_max_window_bits`) when it is below 15.
    /// Default: 12.
    pub server_max_window_bits: u8,
    /// The largest window (8..=15) the client compresses with. A client
    /// uses at most this and offers `client_max_window_bits`; a server asks
    /// for it when the client's offer allows. Default: 12.
    pub client_max_window_bits: u8,
    /// The server resets its compressor after each message
    /// (`server_no_context_takeover`): less memory between messages, a
    /// worse ratio for small ones. A client asks for it; a server applies
    /// it even unasked. Default: off.
    pub server_no_context_takeover: bool,
    /// The client resets its compressor after each message
    /// (`client_no_context_takeover`). A client announces it; a server
    /// requires it. Default: off.
    pub client_no_context_takeover: bool,
    /// The compression level, 0 (stored) to 9 (smallest). Default: 6,
    /// zlib's.
    pub level: u8,
    /// zlib's memory level, 1..=9: the size of the compressor's hash table
    /// and pending buffer. Default: 5.
    pub mem_level: u8,
    /// Messages shorter than this are sent uncompressed (RSV1 clear).
    /// Default: 0 (everything is compressed). Fragmented messages, whose
    /// length is unknown when they begin, are always compressed.
    pub min_size: u32,
}

impl DeflateConfig {
    /// The default configuration, usable in `const` context.
    pub const DEFAULT: DeflateConfig = DeflateConfig {
        server_max_window_bits: 12,
        client_max_window_bits: 12,
        server_no_context_takeover: false,
        client_no_context_takeover: false,
        level: 6,
        mem_level: 5,
        min_size: 0,
    };

    /// The default configuration ([`DeflateConfig::DEFAULT`]).
    pub const fn new() -> DeflateConfig {
        DeflateConfig::DEFAULT
    }

    /// Sets [`DeflateConfig::server_max_window_bits`].
    pub const fn server_max_window_bits(mut self, bits: u8) -> DeflateConfig {
        self.server_max_window_bits = bits;
        self
    }

    /// Sets [`DeflateConfig::client_max_window_bits`].
    pub const fn client_max_window_bits(mut self, bits: u8) -> DeflateConfig {
        self.client_max_window_bits = bits;
        self
    }

    /// Sets [`DeflateConfig::server_no_context_takeover`].
    pub const fn server_no_context_takeover(mut self, on: bool) -> DeflateConfig {
        self.server_no_context_takeover = on;
        self
    }

    /// Sets [`DeflateConfig::client_no_context_takeover`].
    pub const fn client_no_context_takeover(mut self, on: bool) -> DeflateConfig {
        self.client_no_context_takeover = on;
        self
    }

    /// Sets [`DeflateConfig::level`].
    pub const fn level(mut self, level: u8) -> DeflateConfig {
        self.level = level;
        self
    }

    /// Sets [`DeflateConfig::mem_level`].
    pub const fn mem_level(mut self, mem_level: u8) -> DeflateConfig {
        self.mem_level = mem_level;
        self
    }

    /// Sets [`DeflateConfig::min_size`].
    pub const fn min_size(mut self, min_size: u32) -> DeflateConfig {
        self.min_size = min_size;
        self
    }

    /// Whether every value is in its range (window bits 8..=15, level
    /// 0..=9, memory level 1..=9).
    pub const fn is_valid(&self) -> bool {
        matches!(self.server_max_window_bits, 8..=15)
            && matches!(self.client_max_window_bits, 8..=15)
            && self.level <= 9
            && matches!(self.mem_level, 1..=9)
    }
}

impl Default for DeflateConfig {
    fn default() -> Self {
        DeflateConfig::DEFAULT
    }
}
