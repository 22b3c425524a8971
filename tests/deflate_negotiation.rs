//! permessage-deflate negotiation (RFC 7692 §5, §7.1) through `Connection`
//! in both roles, with requests and 101 responses written by hand, and
//! through the standalone handshake pieces (`UpgradeRequest::accept`,
//! `UpgradeOffer::accept`).
#![cfg(all(feature = "deflate", feature = "os-rng"))]

use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{
    accept_key, AcceptOptions, ClientOptions, OptionsError, ResponseError, ServerConfig, UpgradeRequest, WsUri,
};
use wsproto::{ChaChaRng, Config, Connection, Error, State};
use wsproto_testkit::events::Ev;
use wsproto_testkit::http::{crlf, head_end, head_header};
use wsproto_testkit::pair::Endpoint;
use wsproto_testkit::read::{drive, Path};

const KEY: &str = "dGhlIHNhbXBsZSBub25jZQ==";

/// An upgrade request with one `Sec-WebSocket-Extensions` header per
/// element of `headers`.
fn request(headers: &[&str]) -> Vec<u8> {
    let mut head = format!(
        "GET /chat HTTP/1.1\nHost: example.com\nUpgrade: websocket\nConnection: Upgrade\n\
         Sec-WebSocket-Key: {KEY}\nSec-WebSocket-Version: 13\n"
    );
    for h in headers {
        head.push_str(&format!("Sec-WebSocket-Extensions: {h}\n"));
    }
    head.push('\n');
    crlf(&head)
}

/// What a server connection with `config` answers to `request`, accepting
/// with no options of its own (it negotiates deflate itself): the 101's
/// `Sec-WebSocket-Extensions`, and the negotiated extensions.
fn server_answer(config: Config, request: &[u8]) -> (Option<String>, Vec<String>) {
    let server = Connection::server(config, ServerConfig::new());
    let mut end = Endpoint::new(server, Path::Buffered).accepting(AcceptOptions::new());
    end.push(request).unwrap();
    let events = end.take_events();
    let [Ev::Upgrade(_), Ev::Complete(n)] = &events[..] else { panic!("{events:?}") };
    let out = end.drain();
    assert!(out.starts_with(b"HTTP/1.1 101 "), "{}", String::from_utf8_lossy(&out));
    assert_eq!(head_end(&out), Some(out.len()), "only the 101 is written");
    (head_header(&out, "Sec-WebSocket-Extensions"), n.extensions.clone())
}

fn deflate_server() -> Config {
    Config::new().deflate(DeflateConfig::new())
}

#[test]
fn a_server_answers_the_offers_of_real_clients() {
    // (offer headers, the answer a server with the default config gives:
    // 12-bit windows, as python-websockets chose, to save memory).
    let cases: [(&[&str], &str); 9] = [
        // Chromium: client_max_window_bits without a value (§7.1.2.2):
        // the server may then limit the client's window.
        (
            &["permessage-deflate; client_max_window_bits"],
            "permessage-deflate; server_max_window_bits=12; client_max_window_bits=12",
        ),
        // Firefox: no parameters. The client did not offer
        // client_max_window_bits, so the answer must not carry it
        // (§7.1.2.2).
        (&["permessage-deflate"], "permessage-deflate; server_max_window_bits=12"),
        // python-websockets' client.
        (
            &["permessage-deflate; server_max_window_bits=12; client_max_window_bits=12"],
            "permessage-deflate; server_max_window_bits=12; client_max_window_bits=12",
        ),
        // Smaller windows asked: granted as asked (§7.1.2.1: "the same or
        // smaller value").
        (
            &["permessage-deflate; server_max_window_bits=10; client_max_window_bits=9"],
            "permessage-deflate; server_max_window_bits=10; client_max_window_bits=9",
        ),
        // An 8-bit window is answered 8, not 9 (issue 12: answering 9 to
        // an offer of 8 is wrong).
        (&["permessage-deflate; server_max_window_bits=8"], "permessage-deflate; server_max_window_bits=8"),
        // §7.1.1: both no_context_takeover hints are honoured.
        (
            &["permessage-deflate; server_no_context_takeover; client_no_context_takeover"],
            "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=12",
        ),
        // §5.1: several offers; the first is invalid (an unknown parameter,
        // then a value out of range), so the next one is answered.
        (
            &[
                "permessage-deflate; foo=1, permessage-deflate; server_max_window_bits=16",
                "permessage-deflate; server_max_window_bits=11",
            ],
            "permessage-deflate; server_max_window_bits=11",
        ),
        // Another extension first: declined, deflate answered.
        (&["x-webkit-deflate-frame, permessage-deflate"], "permessage-deflate; server_max_window_bits=12"),
        // A quoted value (§7.1: after unescaping it must match the ABNF).
        (&["permessage-deflate; server_max_window_bits=\"10\""], "permessage-deflate; server_max_window_bits=10"),
    ];
    for (offers, answer) in cases {
        let (header, negotiated) = server_answer(deflate_server(), &request(offers));
        assert_eq!(header.as_deref(), Some(answer), "{offers:?}");
        assert_eq!(negotiated, [answer], "{offers:?}");
    }
}

#[test]
fn a_server_declines_what_it_cannot_honour_or_was_not_asked_to_run() {
    let declined: [(Config, &[&str]); 5] = [
        // Without Config::deflate the server runs no extension.
        (Config::new(), &["permessage-deflate; client_max_window_bits"]),
        (Config::new(), &["permessage-deflate"]),
        // Every offer invalid: repeated, out of range, a leading zero, a
        // value on a flag (§7.1: declined).
        (
            deflate_server(),
            &["permessage-deflate; server_max_window_bits=10; server_max_window_bits=10, \
               permessage-deflate; client_max_window_bits=7, permessage-deflate; server_max_window_bits=08, \
               permessage-deflate; server_no_context_takeover=1"],
        ),
        // Only other extensions.
        (deflate_server(), &["x-foo"]),
        (deflate_server(), &[]),
    ];
    for (config, offers) in declined {
        let (header, negotiated) = server_answer(config, &request(offers));
        assert_eq!(header, None, "{offers:?}");
        assert!(negotiated.is_empty(), "{offers:?}");
    }
}

#[test]
fn a_server_with_its_own_limits_answers_within_them() {
    let config = Config::new().deflate(
        DeflateConfig::new()
            .server_max_window_bits(10)
            .client_max_window_bits(9)
            .server_no_context_takeover(true)
            .client_no_context_takeover(true),
    );
    let (header, _) = server_answer(config, &request(&["permessage-deflate; client_max_window_bits"]));
    assert_eq!(
        header.as_deref(),
        Some(
            "permessage-deflate; server_no_context_takeover; client_no_context_takeover; \
             server_max_window_bits=10; client_max_window_bits=9"
        )
    );
}

// ---------------------------------------------------------------------
// The client.

/// A client connection with `deflate`, and the request it wrote.
fn client(deflate: Option<DeflateConfig>) -> (Connection, Vec<u8>) {
    let uri = WsUri::parse("ws://example.com/chat").unwrap();
    let config = match deflate {
        Some(d) => Config::new().deflate(d),
        None => Config::new(),
    };
    let mut conn = Connection::client(&uri, &ClientOptions::new(), config, ChaChaRng::from_seed([9; 32])).unwrap();
    let out = conn.sender().pending().to_vec();
    let n = out.len();
    conn.sender().advance(n).unwrap();
    (conn, out)
}

/// A 101 answering `request`, with these `Sec-WebSocket-Extensions`
/// headers.
fn response(request: &[u8], extensions: &[&str]) -> Vec<u8> {
    let key = head_header(request, "Sec-WebSocket-Key").expect("a key");
    let mut head = format!(
        "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: {}\n",
        accept_key(&key).as_str()
    );
    for e in extensions {
        head.push_str(&format!("Sec-WebSocket-Extensions: {e}\n"));
    }
    head.push('\n');
    crlf(&head)
}

/// What a client with `deflate` makes of a 101 with `extensions`.
fn client_result(deflate: Option<DeflateConfig>, extensions: &[&str]) -> Result<Vec<String>, Error> {
    let (mut conn, request) = client(deflate);
    let out = drive(&mut conn, [&response(&request, extensions)[..]], Path::ZeroCopy);
    match out.result {
        Ok(()) => {
            let [Ev::Complete(n)] = &out.events[..] else { panic!("{:?}", out.events) };
            assert_eq!(out.state, State::Open);
            Ok(n.extensions.clone())
        }
        Err(e) => {
            // RFC 6455 §9.1 / §4.1: the client fails the connection.
            assert_eq!(out.state, State::Closed);
            assert!(out.output.is_empty(), "nothing is sent: {:?}", out.output);
            Err(e)
        }
    }
}

#[test]
fn a_client_offers_what_its_config_asks() {
    let cases = [
        (DeflateConfig::new(), "permessage-deflate; server_max_window_bits=12; client_max_window_bits=12"),
        (
            DeflateConfig::new().server_max_window_bits(15).client_max_window_bits(15),
            "permessage-deflate; client_max_window_bits",
        ),
        (
            DeflateConfig::new()
                .server_no_context_takeover(true)
                .client_no_context_takeover(true)
                .server_max_window_bits(8)
                .client_max_window_bits(15),
            "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=8; client_max_window_bits",
        ),
    ];
    for (config, offer) in cases {
        let (_, request) = client(Some(config));
        assert_eq!(head_header(&request, "Sec-WebSocket-Extensions").as_deref(), Some(offer));
        assert_eq!(config.offer(), offer);
    }
    let (_, request) = client(None);
    assert_eq!(head_header(&request, "Sec-WebSocket-Extensions"), None);
}

#[test]
fn a_client_accepts_responses_that_answer_its_offer() {
    let d = DeflateConfig::new();
    let ok: [(DeflateConfig, &str); 7] = [
        (d, "permessage-deflate; server_max_window_bits=12; client_max_window_bits=12"),
        (d, "permessage-deflate; server_max_window_bits=12"),
        (d, "permessage-deflate; server_max_window_bits=9; client_max_window_bits=8"),
        // §7.1.1: a server may add either no_context_takeover unasked.
        (d, "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=12"),
        (d, "PerMessage-Deflate; Server_Max_Window_Bits=\"10\""),
        // Nothing asked of the server: any window, or none stated.
        (d.server_max_window_bits(15), "permessage-deflate"),
        (d.server_max_window_bits(15), "permessage-deflate; server_max_window_bits=15; client_max_window_bits=10"),
    ];
    for (config, answer) in ok {
        assert_eq!(client_result(Some(config), &[answer]), Ok(vec![answer.to_string()]), "{answer}");
    }
    // A server that declines: the connection opens without it.
    assert_eq!(client_result(Some(d), &[]), Ok(vec![]));
}

#[test]
fn a_client_fails_the_connection_on_a_response_that_does_not_answer_its_offer() {
    use ResponseError::{ExtensionNotOffered, InvalidExtensionHeader, InvalidExtensionParams};
    let d = DeflateConfig::new();
    let nct = d.server_no_context_takeover(true);
    let cases: [(DeflateConfig, &[&str], ResponseError); 17] = [
        // §7.1.1.1: server_no_context_takeover asked and dropped.
        (nct, &["permessage-deflate; server_max_window_bits=12"], InvalidExtensionParams),
        // §7.1.2.1: server_max_window_bits larger than asked, or missing
        // when asked.
        (d, &["permessage-deflate; server_max_window_bits=13"], InvalidExtensionParams),
        (d, &["permessage-deflate; client_max_window_bits=12"], InvalidExtensionParams),
        (d, &["permessage-deflate"], InvalidExtensionParams),
        // §7.1.2.2: client_max_window_bits larger than the client allowed,
        // or without a value in a response.
        (d, &["permessage-deflate; server_max_window_bits=12; client_max_window_bits=13"], InvalidExtensionParams),
        (d, &["permessage-deflate; server_max_window_bits=12; client_max_window_bits"], InvalidExtensionParams),
        // §7.1: a repeated parameter.
        (d, &["permessage-deflate; server_max_window_bits=12; server_max_window_bits=12"], InvalidExtensionParams),
        (
            nct,
            &["permessage-deflate; server_no_context_takeover; server_no_context_takeover; server_max_window_bits=12"],
            InvalidExtensionParams,
        ),
        // §7.1.2: values out of range, or not 1*DIGIT without a leading 0.
        (d, &["permessage-deflate; server_max_window_bits=7"], InvalidExtensionParams),
        (d, &["permessage-deflate; server_max_window_bits=16"], InvalidExtensionParams),
        (d, &["permessage-deflate; server_max_window_bits=08"], InvalidExtensionParams),
        (d, &["permessage-deflate; server_max_window_bits=12; client_max_window_bits=16"], InvalidExtensionParams),
        // §7.1: an unknown parameter.
        (d, &["permessage-deflate; server_max_window_bits=12; foo"], InvalidExtensionParams),
        // permessage-deflate twice (in one header, or in two).
        (
            d,
            &["permessage-deflate; server_max_window_bits=12, permessage-deflate; server_max_window_bits=12"],
            InvalidExtensionParams,
        ),
        (
            d,
            &["permessage-deflate; server_max_window_bits=12", "permessage-deflate; server_max_window_bits=12"],
            InvalidExtensionParams,
        ),
        // RFC 6455 §9.1: an extension the client did not offer.
        (d, &["x-foo"], ExtensionNotOffered),
        // A header that is not an extension list.
        (d, &["permessage-deflate; =12"], InvalidExtensionHeader),
    ];
    for (config, answer, error) in cases {
        assert_eq!(client_result(Some(config), answer), Err(Error::Response(error)), "{answer:?}");
    }
    // A client that offered nothing gets permessage-deflate.
    assert_eq!(client_result(None, &["permessage-deflate"]), Err(Error::Response(ExtensionNotOffered)));
}

// ---------------------------------------------------------------------
// The standalone pieces.

fn upgrade_request(offers: &[&str]) -> UpgradeRequest {
    let server = Connection::server(Config::new(), ServerConfig::new());
    let mut end = Endpoint::new(server, Path::ZeroCopy);
    end.push(&request(offers)).unwrap();
    let events = end.take_events();
    let [Ev::Upgrade(r)] = &events[..] else { panic!("{events:?}") };
    (**r).clone()
}

#[test]
fn accept_refuses_an_extension_the_crate_cannot_run_and_params_that_do_not_answer() {
    let request = upgrade_request(&["x-foo", "permessage-deflate; server_max_window_bits=10"]);
    let offer = request.offer();
    let refused: [(&str, OptionsError); 6] = [
        // Offered, but the crate does not run it: a connection would have
        // to apply it to every frame.
        ("x-foo", OptionsError::UnsupportedExtension),
        // Parameters that do not answer the offer (RFC 7692 §7.1.2.1:
        // the same or a smaller window; §7.1.2.2: client_max_window_bits
        // only if offered).
        ("permessage-deflate; server_max_window_bits=11", OptionsError::UnsupportedExtension),
        ("permessage-deflate", OptionsError::UnsupportedExtension),
        (
            "permessage-deflate; server_max_window_bits=10; client_max_window_bits=10",
            OptionsError::UnsupportedExtension,
        ),
        // Not a valid response element.
        ("permessage-deflate; server_max_window_bits=10; bogus", OptionsError::InvalidExtension),
        // Not offered at all.
        ("x-bar", OptionsError::ExtensionNotOffered),
    ];
    for (answer, error) in refused {
        let options = AcceptOptions::new().extension(answer);
        assert_eq!(request.accept(&options).map(|_| ()), Err(error.clone()), "UpgradeRequest {answer}");
        assert_eq!(offer.accept(&options).map(|_| ()), Err(error), "UpgradeOffer {answer}");
    }
    for answer in ["permessage-deflate; server_max_window_bits=10", "permessage-deflate; server_max_window_bits=9"] {
        let options = AcceptOptions::new().extension(answer);
        let (bytes, negotiated) = request.accept(&options).unwrap();
        assert_eq!(head_header(&bytes, "Sec-WebSocket-Extensions").as_deref(), Some(answer));
        assert_eq!(negotiated.extensions, [answer]);
        assert_eq!(offer.accept(&options).unwrap(), (bytes, negotiated));
    }
}

#[test]
fn a_connection_accepting_with_its_own_extensions_is_checked_the_same_way() {
    for (answer, ok) in [
        ("permessage-deflate; server_max_window_bits=10", true),
        ("permessage-deflate; server_max_window_bits=12", false),
        ("x-foo", false),
    ] {
        let server = Connection::server(deflate_server(), ServerConfig::new());
        let mut end = Endpoint::new(server, Path::ZeroCopy);
        end.push(&request(&["x-foo, permessage-deflate; server_max_window_bits=10"])).unwrap();
        let result = end.conn.accept(&AcceptOptions::new().extension(answer));
        assert_eq!(result.is_ok(), ok, "{answer}: {result:?}");
    }
}
