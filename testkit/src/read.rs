//! The one read loop over both input paths of a [`Connection`]: `read` on
//! the caller's buffer (zero-copy) and `feed` + `poll` (buffered), with the
//! invariants that hold for any input, and [`drive`], which runs a whole
//! input through it.
//!
//! Checked on every read:
//!
//! - `consumed` never exceeds the input given;
//! - a read with no event has consumed all of its input ([`Leftover`]
//!   says when bytes may be left for later: while a server waits for the
//!   application to answer an upgrade request);
//! - no read loops: the events from one piece are bounded by its size;
//! - a failed connection is Closed, and every later read (and poll) fails
//!   with the same error.

use crate::events::{owned, Ev};
use wsproto::{Connection, Error, State};

/// Which way bytes go into a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// [`Connection::read`] on the caller's buffer.
    ZeroCopy,
    /// [`Connection::feed`] then [`Connection::poll`].
    Buffered,
}

/// What happens to bytes a zero-copy read leaves unconsumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leftover {
    /// There must be none: every read with no event consumes all of its
    /// input.
    Refused,
    /// They are kept and put in front of the next piece, as a real caller
    /// does while a server waits for the application; once the connection
    /// is open (it was built open, or it reported `HandshakeComplete`) a
    /// read with no event must consume all of its input.
    CarriedUntilOpen,
}

/// Feeds pieces into one connection through one path and copies out the
/// events (see the module documentation for what it checks).
///
/// Either [`Reader::push`] a piece with a handler for its events, or
/// [`Reader::stage`] it and pull the events with [`Reader::next`].
#[derive(Debug)]
pub struct Reader {
    path: Path,
    leftover: Leftover,
    open: bool,
    /// Zero-copy: the staged bytes, of which `off` are consumed.
    buf: Vec<u8>,
    off: usize,
    /// Events from the staged piece, and the most it may give.
    events: usize,
    budget: usize,
    failed: Option<Error>,
}

impl Reader {
    /// A reader that refuses leftovers ([`Leftover::Refused`]).
    pub fn new(path: Path, conn: &Connection) -> Reader {
        Reader::with(path, Leftover::Refused, conn)
    }

    /// A reader that carries leftovers until the connection is open
    /// ([`Leftover::CarriedUntilOpen`]).
    pub fn carrying(path: Path, conn: &Connection) -> Reader {
        Reader::with(path, Leftover::CarriedUntilOpen, conn)
    }

    /// A reader for `conn` (which tells whether it starts open).
    pub fn with(path: Path, leftover: Leftover, conn: &Connection) -> Reader {
        Reader {
            path,
            leftover,
            open: conn.state() != State::Connecting,
            buf: Vec::new(),
            off: 0,
            events: 0,
            budget: 8,
            failed: None,
        }
    }

    /// The path bytes take.
    pub fn path(&self) -> Path {
        self.path
    }

    /// The error the connection failed with, if it did.
    pub fn failed(&self) -> Option<&Error> {
        self.failed.as_ref()
    }

    /// Records that the connection failed with `error` outside this reader
    /// (from `read_eof`, say): from now on every read must fail with it.
    pub fn set_failed(&mut self, error: Error) {
        self.failed = Some(error);
        self.buf.clear();
        self.off = 0;
    }

    /// Gives the connection the next piece (zero-copy: after the bytes
    /// carried from the last one).
    pub fn stage(&mut self, conn: &mut Connection, piece: &[u8]) {
        self.buf.drain(..self.off);
        self.off = 0;
        self.events = 0;
        self.budget = self.buf.len() + piece.len() + 8;
        match self.path {
            Path::ZeroCopy => self.buf.extend_from_slice(piece),
            Path::Buffered => conn.feed(piece),
        }
    }

    /// Reads once: the next event of the staged input, copied out, or
    /// `None` when it has given all it has. A failure is returned, and
    /// every later call checks that the connection keeps failing with the
    /// same error and returns it again.
    pub fn next(&mut self, conn: &mut Connection) -> Result<Option<Ev>, Error> {
        if let Some(e) = &self.failed {
            let again = match self.path {
                Path::ZeroCopy => conn.read(&mut self.buf[self.off..]).err(),
                Path::Buffered => conn.poll().err(),
            };
            assert_eq!(again.as_ref(), Some(e), "the error must be sticky");
            self.buf.clear();
            self.off = 0;
            return Err(e.clone());
        }
        let result = match self.path {
            Path::ZeroCopy => {
                let rest = self.buf.len() - self.off;
                conn.read(&mut self.buf[self.off..]).map(|read| {
                    assert!(read.consumed <= rest, "consumed {} of {rest}", read.consumed);
                    self.off += read.consumed;
                    let event = read.event.as_ref().map(owned);
                    if event.is_none() && (self.leftover == Leftover::Refused || self.open) {
                        assert_eq!(read.consumed, rest, "a read with no event consumes all of its input");
                    }
                    event
                })
            }
            Path::Buffered => conn.poll().map(|read| read.event.as_ref().map(owned)),
        };
        match result {
            Ok(Some(ev)) => {
                self.events += 1;
                assert!(self.events <= self.budget, "too many events for the input: a read loops");
                if matches!(ev, Ev::Complete(_)) {
                    self.open = true;
                }
                Ok(Some(ev))
            }
            Ok(None) => Ok(None),
            Err(e) => {
                assert_eq!(conn.state(), State::Closed, "a failed connection is Closed");
                // The same error again, on the rest and on nothing.
                match self.path {
                    Path::ZeroCopy => {
                        let off = self.off;
                        assert_eq!(
                            conn.read(&mut self.buf[off..]).err().as_ref(),
                            Some(&e),
                            "the error must be sticky"
                        );
                        assert_eq!(conn.read(&mut []).err().as_ref(), Some(&e), "the error must be sticky");
                    }
                    Path::Buffered => {
                        assert_eq!(conn.poll().err().as_ref(), Some(&e), "the error must be sticky");
                    }
                }
                self.set_failed(e.clone());
                Err(e)
            }
        }
    }

    /// Stages `piece` and hands each event it makes ready, with the
    /// connection, to `on_event` (which may answer it: accept an upgrade
    /// request, write what is pending). Stops at an error and returns it.
    pub fn push(
        &mut self,
        conn: &mut Connection,
        piece: &[u8],
        mut on_event: impl FnMut(&mut Connection, Ev),
    ) -> Result<(), Error> {
        self.stage(conn, piece);
        while let Some(ev) = self.next(conn)? {
            on_event(conn, ev);
        }
        Ok(())
    }
}

/// Everything observable after running a stream through a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The events, as reported (chunks not folded).
    pub events: Vec<Ev>,
    /// The first error, or `Ok`.
    pub result: Result<(), Error>,
    /// What the connection queued (Pongs, Close replies, the failure
    /// Close), none of it written.
    pub output: Vec<u8>,
    /// The state at the end.
    pub state: State,
}

/// Feeds `pieces` one after the other through `path`, taking every event,
/// and stops at the first error. Leftovers are refused.
pub fn drive<'p>(conn: &mut Connection, pieces: impl IntoIterator<Item = &'p [u8]>, path: Path) -> Outcome {
    let mut reader = Reader::new(path, conn);
    let mut events = Vec::new();
    let mut result = Ok(());
    for piece in pieces {
        result = reader.push(conn, piece, |_, ev| events.push(ev));
        if result.is_err() {
            break;
        }
    }
    Outcome { events, result, output: conn.sender().pending().to_vec(), state: conn.state() }
}

/// Runs `input` whole through the zero-copy path.
pub fn run(conn: &mut Connection, input: &[u8]) -> Outcome {
    drive(conn, [input], Path::ZeroCopy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frames::{frame, MASK};
    use wsproto::handshake::Negotiated;
    use wsproto::{Config, FrameError};

    fn server() -> Connection {
        Connection::open_server(Config::default(), Negotiated::default()).unwrap()
    }

    #[test]
    fn both_paths_give_the_same_outcome_in_any_split() {
        let mut input = frame(0x01, b"Hel", Some(MASK));
        input.extend(frame(0x89, b"p", Some(MASK)));
        input.extend(frame(0x80, b"lo", Some(MASK)));
        let whole = run(&mut server(), &input);
        assert_eq!(whole.result, Ok(()));
        assert_eq!(whole.events, [Ev::Ping(b"p".to_vec()), Ev::text("Hello")]);
        assert_eq!(whole.output, [0x8A, 0x01, b'p'], "the automatic Pong");
        for (name, lens) in crate::cuts::splits(input.len()) {
            for path in [Path::ZeroCopy, Path::Buffered] {
                let got = drive(&mut server(), crate::cuts::pieces(&input, &lens), path);
                assert_eq!(got, whole, "{name} via {path:?}");
            }
        }
    }

    #[test]
    fn an_error_sticks() {
        for path in [Path::ZeroCopy, Path::Buffered] {
            let mut conn = server();
            let mut reader = Reader::new(path, &conn);
            let unmasked = frame(0x81, b"no", None);
            let error = Error::Frame(FrameError::UnmaskedFrameFromClient);
            assert_eq!(reader.push(&mut conn, &unmasked, |_, _| {}), Err(error.clone()));
            assert_eq!(reader.failed(), Some(&error));
            // Later pieces fail the same way (the reader checks it).
            assert_eq!(reader.push(&mut conn, &frame(0x81, b"ok", Some(MASK)), |_, _| {}), Err(error));
        }
    }
}
