//! The connection's state, as values: one for the receive half and one for
//! the send half (the send half is lent out on its own, inside every
//! [`Received`](super::Received)). Each changes only through the `move_to_*`
//! transitions below, and each transition checks that the move is legal.
//! Everything else asks; nothing keeps a flag of its own.
//!
//! ```text
//! receive: Connecting ──> Open ──> CloseReceived ──> Eof
//!              │            │            │
//!              └──> NotUpgraded          └─────> Failed (from any but Failed)
//! send:    NotOpen ──> Open ──> CloseSent ──> Done (from any)
//! ```
//!
//! The public [`State`] and [`TransportAction`] are each one `match` over
//! the pair.

use crate::frame::Role;
use crate::Error;

/// The phase of the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// The opening handshake is in progress.
    Connecting,
    /// Both directions carry data.
    Open,
    /// One Close frame has been sent or received, not both.
    Closing,
    /// Both Close frames were exchanged, the connection failed, the HTTP
    /// exchange ended without an upgrade, or the transport reached EOF.
    Closed,
}

/// What the IO layer should do with the transport now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransportAction {
    /// Keep reading, and keep writing what is pending.
    Continue,
    /// Close the transport now: everything pending has been written.
    /// Returned to a server after the close handshake (RFC 6455 §7.1.1:
    /// "the server ... SHOULD close the underlying TCP connection
    /// first"), and to both roles after a failure, EOF, or an HTTP exchange
    /// that ended without an upgrade.
    Close,
    /// A client after a clean close handshake: wait for the server to
    /// close the TCP connection, for a bounded time that the IO layer
    /// enforces (a few seconds is usual), then close it yourself.
    WaitForPeerClose,
}

/// The receive half's state.
#[derive(Debug)]
pub(super) struct RecvState {
    inner: Recv,
}

#[derive(Debug)]
enum Recv {
    /// The opening handshake is in progress; its data is in `Opening`.
    Connecting,
    /// The HTTP exchange ended without an upgrade (a non-101 answer, or a
    /// server's own response).
    NotUpgraded,
    /// Frames flow. `announce`: `HandshakeComplete` is still to be
    /// reported (a server that accepted).
    Open { announce: bool },
    /// The peer's Close frame arrived; nothing more is processed
    /// (RFC 6455 §5.5.1).
    CloseReceived,
    /// The transport reached EOF.
    Eof,
    /// The peer broke the protocol; the error is sticky.
    Failed(Error),
}

impl RecvState {
    /// A connection that starts with the opening handshake.
    pub(super) const fn connecting() -> RecvState {
        RecvState { inner: Recv::Connecting }
    }

    /// A connection whose handshake was done elsewhere.
    pub(super) const fn open() -> RecvState {
        RecvState { inner: Recv::Open { announce: false } }
    }

    /// The sticky error, if the connection failed.
    #[inline]
    pub(super) fn error(&self) -> Option<&Error> {
        match &self.inner {
            Recv::Failed(e) => Some(e),
            _ => None,
        }
    }

    #[inline]
    pub(super) fn is_connecting(&self) -> bool {
        matches!(self.inner, Recv::Connecting)
    }

    /// Frames are decoded (the handshake is over and neither a Close nor
    /// EOF nor a failure ended the receive half).
    #[inline]
    pub(super) fn takes_frames(&self) -> bool {
        matches!(self.inner, Recv::Open { .. })
    }

    /// Reports, once, that `HandshakeComplete` is still to be announced.
    #[inline]
    pub(super) fn take_announce(&mut self) -> bool {
        match &mut self.inner {
            Recv::Open { announce } => core::mem::take(announce),
            _ => false,
        }
    }

    /// Connecting → Open. `announce`: report `HandshakeComplete` at the
    /// next read (a server accepted; a client reports it at once).
    pub(super) fn move_to_open(&mut self, announce: bool) {
        debug_assert!(matches!(self.inner, Recv::Connecting), "open from {:?}", self.inner);
        if matches!(self.inner, Recv::Connecting) {
            self.inner = Recv::Open { announce };
        }
    }

    /// Connecting → NotUpgraded.
    pub(super) fn move_to_not_upgraded(&mut self) {
        debug_assert!(matches!(self.inner, Recv::Connecting), "not upgraded from {:?}", self.inner);
        if matches!(self.inner, Recv::Connecting) {
            self.inner = Recv::NotUpgraded;
        }
    }

    /// Open → CloseReceived.
    pub(super) fn move_to_close_received(&mut self) {
        debug_assert!(matches!(self.inner, Recv::Open { .. }), "close received in {:?}", self.inner);
        if matches!(self.inner, Recv::Open { .. }) {
            self.inner = Recv::CloseReceived;
        }
    }

    /// Open or CloseReceived → Eof. Returns whether the close handshake
    /// had been received first (a clean EOF), or `None` when the state
    /// takes no EOF (NotUpgraded, or Eof already; Connecting and Failed are
    /// handled by the caller).
    pub(super) fn move_to_eof(&mut self) -> Option<bool> {
        let clean = match self.inner {
            Recv::Open { .. } => false,
            Recv::CloseReceived => true,
            _ => return None,
        };
        self.inner = Recv::Eof;
        Some(clean)
    }

    /// Any state but Failed → Failed.
    pub(super) fn move_to_failed(&mut self, error: Error) {
        debug_assert!(!matches!(self.inner, Recv::Failed(_)), "failed twice");
        if !matches!(self.inner, Recv::Failed(_)) {
            self.inner = Recv::Failed(error);
        }
    }
}

/// The send half's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct SendState {
    inner: Send,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Send {
    /// The opening handshake has not completed: only handshake bytes go out.
    NotOpen,
    /// Frames may be sent.
    Open,
    /// Our Close frame is queued: nothing more may be sent (RFC 6455 §5.5.1).
    CloseSent,
    /// The connection failed or the transport is gone.
    Done,
}

/// Why nothing may be sent now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CannotSend {
    NotOpen,
    CloseSent,
    Done,
}

impl SendState {
    pub(super) const fn not_open() -> SendState {
        SendState { inner: Send::NotOpen }
    }

    pub(super) const fn open() -> SendState {
        SendState { inner: Send::Open }
    }

    /// Whether frames may be queued; if not, why.
    #[inline]
    pub(super) fn can_send(self) -> Result<(), CannotSend> {
        match self.inner {
            Send::Open => Ok(()),
            Send::NotOpen => Err(CannotSend::NotOpen),
            Send::CloseSent => Err(CannotSend::CloseSent),
            Send::Done => Err(CannotSend::Done),
        }
    }

    /// NotOpen → Open.
    pub(super) fn move_to_open(&mut self) {
        debug_assert_eq!(self.inner, Send::NotOpen, "open twice");
        if self.inner == Send::NotOpen {
            self.inner = Send::Open;
        }
    }

    /// Open → CloseSent.
    pub(super) fn move_to_close_sent(&mut self) {
        debug_assert_eq!(self.inner, Send::Open, "close sent from {:?}", self.inner);
        if self.inner == Send::Open {
            self.inner = Send::CloseSent;
        }
    }

    /// Any → Done.
    pub(super) fn move_to_done(&mut self) {
        self.inner = Send::Done;
    }
}

/// The public phase of a connection whose halves are in these states.
pub(super) fn state(recv: &RecvState, send: SendState) -> State {
    match (&recv.inner, send.inner) {
        (Recv::Connecting, _) => State::Connecting,
        (Recv::Open { .. }, Send::Open) => State::Open,
        (Recv::Open { .. }, Send::CloseSent) | (Recv::CloseReceived, Send::Open) => State::Closing,
        // Both Close frames, a failure, EOF, or no upgrade. (Open with a
        // send half that is not open cannot happen: both halves open
        // together, and the send half is Done only after a failure or EOF.)
        _ => State::Closed,
    }
}

/// What the IO layer should do with the transport.
pub(super) fn transport_action(recv: &RecvState, send: SendState, pending: usize, role: Role) -> TransportAction {
    match (&recv.inner, send.inner) {
        _ if pending > 0 => TransportAction::Continue,
        // The close handshake completed: RFC 6455 §7.1.1, the server
        // closes the TCP connection first.
        (Recv::CloseReceived, Send::CloseSent) if role == Role::Client => TransportAction::WaitForPeerClose,
        (Recv::CloseReceived, Send::CloseSent | Send::Done) | (Recv::NotUpgraded | Recv::Eof | Recv::Failed(_), _) => {
            TransportAction::Close
        }
        _ => TransportAction::Continue,
    }
}
