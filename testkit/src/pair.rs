//! A client and a server wired back to back in memory: what one has
//! pending is moved to the other (all of it or part of it, in pieces cut as
//! the caller says, as a socket would deliver them), until both are idle.
//!
//! [`Pair`] is the one driver. Its ends are any [`End`]: the ready-made
//! [`Endpoint`] records events and accepts upgrade requests; a test with a
//! model of its own implements [`End`] for its peer type and keeps its
//! checks there.

use crate::events::Ev;
use crate::read::{Path, Reader};
use wsproto::handshake::AcceptOptions;
use wsproto::{Connection, Error, Role};

/// After this many rounds of deliveries both ways a pair that still has
/// bytes pending never goes idle.
pub const MAX_ROUNDS: usize = 16;

/// One end of a [`Pair`].
pub trait End {
    /// What receiving can fail with.
    type Error;

    /// The connection.
    fn conn(&mut self) -> &mut Connection;

    /// Takes one piece of what the peer wrote.
    fn receive(&mut self, piece: &[u8]) -> Result<(), Self::Error>;

    /// Sees the bytes `from` is about to write to `to`, before they leave
    /// `from`'s pending output and before `to` receives them. Does nothing
    /// by default.
    fn delivering(from: &mut Self, to: &mut Self, bytes: &[u8]) {
        let _ = (from, to, bytes);
    }
}

/// A client (`client`) and a server (`server`) wired back to back.
#[derive(Debug)]
pub struct Pair<E = Endpoint> {
    /// The client end.
    pub client: E,
    /// The server end.
    pub server: E,
}

impl<E: End> Pair<E> {
    /// Wires `client` and `server` together.
    pub fn new(client: E, server: E) -> Pair<E> {
        Pair { client, server }
    }

    /// The end in `role`.
    pub fn end(&mut self, role: Role) -> &mut E {
        match role {
            Role::Client => &mut self.client,
            Role::Server => &mut self.server,
        }
    }

    /// The end in `role` and its peer.
    pub fn ends(&mut self, role: Role) -> (&mut E, &mut E) {
        match role {
            Role::Client => (&mut self.client, &mut self.server),
            Role::Server => (&mut self.server, &mut self.client),
        }
    }

    /// Whether neither end has anything pending.
    pub fn idle(&mut self) -> bool {
        self.client.conn().sender().pending_len() == 0 && self.server.conn().sender().pending_len() == 0
    }

    /// Moves up to `max` pending bytes from the end in `from` to its peer,
    /// cut into the pieces `cut` gives for their number; returns how many
    /// bytes moved. Stops at the first piece the peer fails to receive.
    pub fn deliver(
        &mut self,
        from: Role,
        max: usize,
        cut: &mut dyn FnMut(usize) -> Vec<usize>,
    ) -> Result<usize, E::Error> {
        let (sender, receiver) = self.ends(from);
        let n = max.min(sender.conn().sender().pending_len());
        if n == 0 {
            return Ok(0);
        }
        let bytes = sender.conn().sender().pending()[..n].to_vec();
        E::delivering(sender, receiver, &bytes);
        sender.conn().sender().advance(n).expect("advance within pending");
        let mut rest = &bytes[..];
        for len in cut(n) {
            let (piece, tail) = rest.split_at(len);
            rest = tail;
            receiver.receive(piece)?;
        }
        assert!(rest.is_empty(), "the cut covers the whole delivery");
        Ok(n)
    }

    /// Delivers everything both ways (client first), round after round,
    /// until neither end has anything pending.
    pub fn step_until_idle(&mut self, cut: &mut dyn FnMut(usize) -> Vec<usize>) -> Result<(), E::Error> {
        self.step_until_idle_checking(cut, |_| Ok(()))
    }

    /// [`Pair::step_until_idle`], calling `check` after every round.
    pub fn step_until_idle_checking(
        &mut self,
        cut: &mut dyn FnMut(usize) -> Vec<usize>,
        mut check: impl FnMut(&mut Self) -> Result<(), E::Error>,
    ) -> Result<(), E::Error> {
        for round in 0.. {
            if self.idle() {
                break;
            }
            assert!(round < MAX_ROUNDS, "the pair never goes idle");
            self.deliver(Role::Client, usize::MAX, cut)?;
            self.deliver(Role::Server, usize::MAX, cut)?;
            check(self)?;
        }
        Ok(())
    }
}

/// A connection with a driver around it: bytes go in through the chosen
/// path ([`Reader::carrying`]: bytes a read leaves while a server waits for
/// the application are put in front of the next piece), every event is
/// recorded, and a server accepts an upgrade request with `accept` when
/// that is set. What it writes to its peer in a [`Pair`] is kept in `wire`.
#[derive(Debug)]
pub struct Endpoint {
    /// The connection.
    pub conn: Connection,
    /// Its read loop.
    pub reader: Reader,
    /// How to answer an upgrade request on the spot, if at all.
    pub accept: Option<AcceptOptions>,
    /// The events so far.
    pub events: Vec<Ev>,
    /// Every byte delivered from this end to its peer in a [`Pair`].
    pub wire: Vec<u8>,
}

impl Endpoint {
    /// `conn`, read through `path`.
    pub fn new(conn: Connection, path: Path) -> Endpoint {
        let reader = Reader::carrying(path, &conn);
        Endpoint { conn, reader, accept: None, events: Vec::new(), wire: Vec::new() }
    }

    /// Accepts upgrade requests with `options` as they are reported.
    pub fn accepting(mut self, options: AcceptOptions) -> Endpoint {
        self.accept = Some(options);
        self
    }

    /// Feeds one piece and takes every event it makes ready.
    pub fn push(&mut self, piece: &[u8]) -> Result<(), Error> {
        let Endpoint { conn, reader, accept, events, .. } = self;
        reader.push(conn, piece, |conn, ev| {
            if let (Ev::Upgrade(_), Some(options)) = (&ev, &*accept) {
                conn.accept(options).expect("accept");
            }
            events.push(ev);
        })
    }

    /// Takes everything pending, as if the transport took it all.
    pub fn drain(&mut self) -> Vec<u8> {
        crate::conn::take_pending(&mut self.conn)
    }

    /// The events so far, leaving none.
    pub fn take_events(&mut self) -> Vec<Ev> {
        std::mem::take(&mut self.events)
    }
}

impl End for Endpoint {
    type Error = Error;

    fn conn(&mut self) -> &mut Connection {
        &mut self.conn
    }

    fn receive(&mut self, piece: &[u8]) -> Result<(), Error> {
        self.push(piece)
    }

    fn delivering(from: &mut Endpoint, _to: &mut Endpoint, bytes: &[u8]) {
        from.wire.extend_from_slice(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cuts;
    use wsproto::handshake::{ClientOptions, Negotiated, ServerConfig, WsUri};
    use wsproto::{ChaChaRng, CloseCode, Config, State, TransportAction};

    #[test]
    fn a_pair_goes_through_the_handshake_and_the_close_handshake_in_any_cut() {
        for path in [Path::ZeroCopy, Path::Buffered] {
            for piece in [1, 3, usize::MAX] {
                let uri = WsUri::parse("ws://example.com/chat").unwrap();
                let client =
                    Connection::client(&uri, &ClientOptions::new(), Config::default(), ChaChaRng::from_seed([1; 32]))
                        .unwrap();
                let server = Connection::server(Config::default(), ServerConfig::new());
                let mut pair =
                    Pair::new(Endpoint::new(client, path), Endpoint::new(server, path).accepting(AcceptOptions::new()));
                pair.step_until_idle(&mut cuts::fixed(piece)).unwrap();
                assert_eq!(pair.client.take_events(), [Ev::Complete(Negotiated::default())]);
                assert!(matches!(pair.server.take_events()[..], [Ev::Upgrade(_), Ev::Complete(_)]));
                pair.client.conn.sender().send_text("hi").unwrap();
                pair.client.conn.sender().send_close(CloseCode::NORMAL, "").unwrap();
                pair.step_until_idle(&mut cuts::fixed(piece)).unwrap();
                assert_eq!(pair.server.events, [Ev::text("hi"), Ev::close(1000, "")]);
                assert_eq!(pair.client.events, [Ev::close(1000, "")]);
                assert_eq!((pair.client.conn.state(), pair.server.conn.state()), (State::Closed, State::Closed));
                assert_eq!(pair.server.conn.transport_action(), TransportAction::Close);
                assert!(pair.client.wire.starts_with(b"GET /chat HTTP/1.1\r\n"));
                assert!(pair.server.wire.starts_with(b"HTTP/1.1 101 "));
            }
        }
    }

    #[test]
    fn a_partial_delivery_moves_at_most_what_was_asked() {
        let client =
            Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([2; 32])).unwrap();
        let server = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
        let mut pair = Pair::new(Endpoint::new(client, Path::ZeroCopy), Endpoint::new(server, Path::Buffered));
        pair.client.conn.sender().send_binary(&[5; 100]).unwrap();
        assert_eq!(pair.deliver(Role::Client, 10, &mut cuts::whole()), Ok(10));
        assert_eq!(pair.server.events, []);
        assert_eq!(pair.deliver(Role::Client, usize::MAX, &mut cuts::fixed(7)), Ok(96));
        assert_eq!(pair.server.events, [Ev::Binary(vec![5; 100])]);
        assert!(pair.idle());
        assert_eq!(pair.client.wire.len(), 106);
    }
}
