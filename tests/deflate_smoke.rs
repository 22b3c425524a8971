//! permessage-deflate between two connections that negotiate it.
#![cfg(all(feature = "deflate", feature = "os-rng"))]

use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{AcceptOptions, ClientOptions, ServerConfig, WsUri};
use wsproto::{ChaChaRng, Config, Connection, Message};
use wsproto_testkit::events::Ev;
use wsproto_testkit::pair::{Endpoint, Pair};
use wsproto_testkit::read::Path;

#[test]
fn a_client_and_a_server_negotiate_and_exchange_compressed_messages() {
    let config = Config::new().deflate(DeflateConfig::new());
    let uri = WsUri::parse("ws://localhost/").unwrap();
    let client = Connection::client(&uri, &ClientOptions::new(), config, ChaChaRng::from_seed([7; 32])).unwrap();
    let server = Connection::server(config, ServerConfig::new());
    let mut pair = Pair::new(
        Endpoint::new(client, Path::ZeroCopy),
        Endpoint::new(server, Path::Buffered).accepting(AcceptOptions::new()),
    );
    pair.step_until_idle(&mut |n| vec![n]).unwrap();
    let text = "{\"hello\": \"world\", \"n\": 1}".repeat(20);
    pair.client.conn.sender().send_text(&text).unwrap();
    pair.server.conn.sender().send_binary(&[7u8; 5000]).unwrap();
    pair.client.conn.sender().begin_message(wsproto::MessageKind::Text, b"ab").unwrap();
    pair.client.conn.sender().continue_message(b"cd").unwrap();
    pair.client.conn.sender().finish_message(b"").unwrap();
    pair.client.conn.sender().send_uncompressed(Message::Text("plain")).unwrap();
    pair.step_until_idle(&mut |n| (0..n).step_by(7).map(|i| (n - i).min(7)).collect()).unwrap();
    let server_events = pair.server.take_events();
    let client_events = pair.client.take_events();
    assert!(
        matches!(&client_events[0], Ev::Complete(n) if n.extensions == ["permessage-deflate; server_max_window_bits=12; client_max_window_bits=12"]),
        "{client_events:?}"
    );
    assert_eq!(server_events[2..], [Ev::Text(text), Ev::Text("abcd".into()), Ev::Text("plain".into())]);
    assert_eq!(client_events[1..], [Ev::Binary(vec![7u8; 5000])]);
    // The 101 response, then 5000 bytes compressed to a few dozen.
    assert!(pair.server.wire.len() < 300, "compressed: {}", pair.server.wire.len());
}
