//! Connections opened past a handshake done elsewhere, and the few moves
//! every test makes on one.

use wsproto::handshake::Negotiated;
use wsproto::{ChaChaRng, Config, Connection, Role};

/// A connection in `role` with `config`, running `extensions` (each an
/// extension element as a handshake would have negotiated it, such as
/// `"permessage-deflate"`). A client draws its masking keys from a ChaCha
/// source seeded with `seed`, so two clients built alike mask alike.
pub fn open(role: Role, config: Config, extensions: &[&str], seed: [u8; 32]) -> Connection {
    let negotiated = Negotiated { protocol: None, extensions: extensions.iter().map(|e| e.to_string()).collect() };
    match role {
        Role::Server => Connection::open_server(config, negotiated).expect("open_server"),
        Role::Client => Connection::open_client(config, negotiated, ChaChaRng::from_seed(seed)).expect("open_client"),
    }
}

/// The other role.
pub fn peer_of(role: Role) -> Role {
    match role {
        Role::Client => Role::Server,
        Role::Server => Role::Client,
    }
}

/// Takes everything `conn` has pending, as if the transport took it all.
pub fn take_pending(conn: &mut Connection) -> Vec<u8> {
    let out = conn.sender().pending().to_vec();
    conn.sender().advance(out.len()).expect("advance within pending");
    out
}
