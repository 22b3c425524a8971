//! The parts API (`wsproto::handshake::parts`): the handshake for servers
//! and clients on another HTTP library, HTTP/1.1 (RFC 6455 §4) and the
//! extended CONNECT of RFC 8441, down to a Connection opened with what it
//! negotiated.

use wsproto::handshake::{
    validate_head, AcceptOptions, ClientOptions, ClientUpgrade, HttpVersion, Negotiated, OptionsError, RequestError,
    RequestHead, ResponseError, UpgradeKind, WsUri,
};
use wsproto::{ChaChaRng, Config, Connection, Event, Message};

const KEY: &str = "dGhlIHNhbXBsZSBub25jZQ==";

fn h1(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static [u8])> {
    let mut h: Vec<(&str, &[u8])> = vec![
        ("Host", b"example.com"),
        ("Upgrade", b"websocket"),
        ("Connection", b"Upgrade"),
        ("Sec-WebSocket-Key", KEY.as_bytes()),
        ("Sec-WebSocket-Version", b"13"),
    ];
    h.extend(extra.iter().map(|(n, v)| (*n, v.as_bytes())));
    h
}

fn get() -> RequestHead<'static> {
    RequestHead::new("GET", HttpVersion::Http11)
}

fn connect() -> RequestHead<'static> {
    RequestHead::new("CONNECT", HttpVersion::Http2).protocol(Some("websocket")).authority(Some("example.com"))
}

/// RFC 6455 §1.3's example key and accept, through the parts path.
#[test]
fn http11_upgrade_is_validated_and_answered_with_101() {
    let offer = validate_head(&get(), h1(&[("Sec-WebSocket-Protocol", "chat, superchat")])).unwrap();
    assert_eq!(offer.kind(), UpgradeKind::Http11);
    assert_eq!(offer.protocols().collect::<Vec<_>>(), ["chat", "superchat"]);
    let config = Config::default();
    let options = AcceptOptions::new().protocol("chat").header("Set-Cookie", "a=b");
    let (response, negotiated) = offer.accept_parts(&options, &config).unwrap();
    assert_eq!(response.status, 101);
    let names: Vec<&str> = response.headers.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Upgrade", "Connection", "Sec-WebSocket-Accept", "Sec-WebSocket-Protocol", "Set-Cookie"]);
    assert_eq!(response.header("sec-websocket-accept"), Some("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    assert_eq!(negotiated, Negotiated::with_protocol("chat"));
    let conn = Connection::open_server(config, negotiated).unwrap();
    assert_eq!(conn.negotiated().protocol.as_deref(), Some("chat"));
}

/// permessage-deflate on where the feature is (it is off by default).
fn with_deflate() -> Config {
    #[cfg(feature = "deflate")]
    return Config::new().deflate(wsproto::extensions::deflate::DeflateConfig::default());
    #[cfg(not(feature = "deflate"))]
    Config::new()
}

/// The server's config decides permessage-deflate (RFC 7692 §5), as in
/// `Connection::accept`: the offer is answered and the connection runs it.
#[cfg(feature = "deflate")]
#[test]
fn deflate_is_answered_from_the_config() {
    let offer =
        validate_head(&get(), h1(&[("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")]))
            .unwrap();
    let config = with_deflate();
    let (response, negotiated) = offer.accept_parts(&AcceptOptions::new(), &config).unwrap();
    let answer = response.header("Sec-WebSocket-Extensions").expect("deflate answered");
    assert!(answer.starts_with("permessage-deflate"), "{answer}");
    assert_eq!(negotiated.extensions, [answer]);
    Connection::open_server(config, negotiated).unwrap();
    // An extension the connection cannot run is refused before a 101.
    let offer = validate_head(&get(), h1(&[("Sec-WebSocket-Extensions", "x-foo")])).unwrap();
    assert_eq!(
        offer.accept_parts(&AcceptOptions::new().extension("x-foo"), &config),
        Err(OptionsError::UnsupportedExtension)
    );
}

#[test]
fn http11_faults_have_their_answers() {
    // A plain GET on a WebSocket route: 426 with Upgrade (RFC 9110
    // §15.5.22), as python-websockets answers.
    let plain: Vec<(&str, &[u8])> = vec![("Host", b"example.com"), ("Accept", b"text/html")];
    let e = validate_head(&get(), plain).unwrap_err();
    assert_eq!(e, RequestError::NotAnUpgrade);
    let parts = e.response_parts(HttpVersion::Http11);
    assert_eq!(parts.status, 426);
    assert_eq!(parts.header("Upgrade"), Some("websocket"));
    assert!(e.response().starts_with(b"HTTP/1.1 426 Upgrade Required\r\nUpgrade: websocket\r\n"));
    // A bad key: 400.
    let mut bad = h1(&[]);
    bad[3].1 = b"AAAA";
    let e = validate_head(&get(), bad).unwrap_err();
    assert_eq!(e, RequestError::InvalidKey);
    assert_eq!(e.response_parts(HttpVersion::Http11).status, 400);
    // Another version: 426 with the version we speak (RFC 6455 §4.4).
    let mut v8 = h1(&[]);
    v8[4].1 = b"8";
    let e = validate_head(&get(), v8).unwrap_err();
    let parts = e.response_parts(HttpVersion::Http11);
    assert_eq!((parts.status, parts.header("Sec-WebSocket-Version")), (426, Some("13")));
    assert_eq!(parts.header("Upgrade"), Some("websocket"));
    // Over HTTP/2 the connection-specific Upgrade is left out (RFC 9113 §8.2.2).
    assert_eq!(e.response_parts(HttpVersion::Http2).header("Upgrade"), None);
    // RFC 6455 §4.1: GET, HTTP/1.1 or later.
    assert_eq!(validate_head(&RequestHead::new("POST", HttpVersion::Http11), h1(&[])), Err(RequestError::MethodNotGet));
    assert_eq!(validate_head(&RequestHead::new("GET", HttpVersion::Http10), h1(&[])), Err(RequestError::HttpVersion));
    // Upgrade present but naming another protocol stays a 400.
    let mut h2c = h1(&[]);
    h2c[1].1 = b"h2c";
    assert_eq!(validate_head(&get(), h2c), Err(RequestError::UpgradeNotWebSocket));
}

/// RFC 8441 §4-5: CONNECT with :protocol websocket, version 13, no key,
/// answered with 200 and no Sec-WebSocket-Accept.
#[test]
fn extended_connect_is_validated_and_answered_with_200() {
    let headers: Vec<(&str, &[u8])> =
        vec![("sec-websocket-version", b"13"), ("sec-websocket-protocol", b"chat"), ("origin", b"https://a.example")];
    let offer = validate_head(&connect(), headers.clone()).unwrap();
    assert_eq!(offer.kind(), UpgradeKind::ExtendedConnect);
    assert_eq!((offer.key(), offer.host()), ("", "example.com"));
    assert_eq!(offer.origin(), Some("https://a.example"));
    let config = Config::default();
    let (response, negotiated) = offer.accept_parts(&AcceptOptions::new().protocol("chat"), &config).unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(response.header("Sec-WebSocket-Accept"), None);
    assert_eq!(response.header("Upgrade"), None);
    assert_eq!(response.header("Sec-WebSocket-Protocol"), Some("chat"));
    assert_eq!(negotiated.protocol.as_deref(), Some("chat"));
    // The HTTP/1.1 101 writer refuses it.
    assert_eq!(offer.accept(&AcceptOptions::new()), Err(OptionsError::NotHttp11));

    use RequestError as E;
    let h2 = |method, protocol| RequestHead::new(method, HttpVersion::Http2).protocol(protocol).authority(Some("a"));
    assert_eq!(validate_head(&h2("GET", None), headers.clone()), Err(E::NotExtendedConnect));
    assert_eq!(validate_head(&h2("CONNECT", None), headers.clone()), Err(E::NotExtendedConnect));
    assert_eq!(validate_head(&h2("GET", Some("websocket")), headers.clone()), Err(E::NotExtendedConnect));
    assert_eq!(validate_head(&h2("CONNECT", Some("h3")), headers.clone()), Err(E::UpgradeNotWebSocket));
    assert!(validate_head(&h2("CONNECT", Some("WebSocket")), headers.clone()).is_ok());
    // Version 13 is still required (RFC 8441 §5 keeps Sec-WebSocket-Version).
    let v: Vec<(&str, &[u8])> = vec![("sec-websocket-version", b"8")];
    assert_eq!(validate_head(&connect(), v), Err(E::UnsupportedVersion(Some(8))));
    assert_eq!(validate_head(&connect(), Vec::<(&str, &[u8])>::new()), Err(E::MissingVersion));
    // No :authority and no Host.
    let no_authority = RequestHead::new("CONNECT", HttpVersion::Http2).protocol(Some("websocket"));
    assert_eq!(validate_head(&no_authority, headers.clone()), Err(E::BadHost));
    // A key, if sent, is ignored (RFC 8441 §5: "not used").
    let mut with_key = headers.clone();
    with_key.push(("sec-websocket-key", b"not base64"));
    assert!(validate_head(&connect(), with_key).is_ok());
    assert_eq!(E::NotExtendedConnect.response_parts(HttpVersion::Http2).status, 400);
}

/// Moves everything `from` has queued into `to` and returns the messages
/// `to` reports, as (is_text, bytes).
fn pump(from: &mut Connection, to: &mut Connection) -> Vec<(bool, Vec<u8>)> {
    let bytes = from.pending().to_vec();
    from.sender().advance(bytes.len()).unwrap();
    to.feed(&bytes);
    let mut got = Vec::new();
    loop {
        let received = to.poll().unwrap();
        match received.event {
            Some(Event::Message(Message::Text(t))) => got.push((true, t.as_bytes().to_vec())),
            Some(Event::Message(Message::Binary(b))) => got.push((false, b.to_vec())),
            Some(_) => {}
            None => return got,
        }
    }
}

/// Client parts -> server parts -> client check -> two open connections
/// that exchange messages, over both handshakes, with the default config
/// (permessage-deflate negotiated where the feature is on).
#[test]
fn parts_client_and_server_agree_and_open_connections() {
    let uri = WsUri::parse("wss://example.com:8443/chat?x=1").unwrap();
    let options = ClientOptions::new().protocol("chat").origin("https://example.com");
    for connect in [false, true] {
        let config = with_deflate();
        let mut rng = ChaChaRng::from_seed([3; 32]);
        let (client, request) = if connect {
            ClientUpgrade::extended_connect(&uri, &options, &config).unwrap()
        } else {
            ClientUpgrade::new(&uri, &options, &config, &mut rng).unwrap()
        };
        assert_eq!(request.path, "/chat?x=1");
        assert_eq!(request.authority, "example.com:8443");
        assert_eq!(request.scheme, "https");
        if connect {
            assert_eq!((request.method, request.protocol), ("CONNECT", Some("websocket")));
            assert!(client.key().is_none());
            assert!(request.headers.iter().all(|(n, _)| n != "Sec-WebSocket-Key" && n != "Upgrade" && n != "Host"));
        } else {
            assert_eq!((request.method, request.protocol), ("GET", None));
            assert_eq!(request.headers[0], ("Host".to_string(), "example.com:8443".to_string()));
        }
        let head = if connect {
            RequestHead::new(request.method, HttpVersion::Http2)
                .protocol(request.protocol)
                .authority(Some(&request.authority))
        } else {
            RequestHead::new(request.method, HttpVersion::Http11)
        };
        let offer = validate_head(&head, request.headers.iter().map(|(n, v)| (n.as_str(), v.as_bytes()))).unwrap();
        let (response, server_negotiated) =
            offer.accept_parts(&AcceptOptions::new().protocol("chat"), &config).unwrap();
        let headers = response.headers.iter().map(|(n, v)| (n.as_str(), v.as_bytes()));
        let client_negotiated = client.validate_parts(response.status, headers).unwrap();
        assert_eq!(client_negotiated, server_negotiated);
        #[cfg(feature = "deflate")]
        assert_eq!(client_negotiated.extensions.len(), 1, "{client_negotiated:?}");

        let mut server = Connection::open_server(config, server_negotiated).unwrap();
        let mut client_conn = Connection::open_client(config, client_negotiated, rng).unwrap();
        let long = "hello ".repeat(500);
        client_conn.sender().send_text(&long).unwrap();
        client_conn.sender().send_binary(&[1, 2, 3]).unwrap();
        assert_eq!(pump(&mut client_conn, &mut server), [(true, long.clone().into_bytes()), (false, vec![1, 2, 3])]);
        server.sender().send_text("back").unwrap();
        assert_eq!(pump(&mut server, &mut client_conn), [(true, b"back".to_vec())]);
    }
}

#[test]
fn client_checks_the_answer() {
    let uri = WsUri::parse("ws://example.com/").unwrap();
    let config = Config::default();
    let options = ClientOptions::new().protocol("chat");
    let mut rng = ChaChaRng::from_seed([9; 32]);
    let (h1, _) = ClientUpgrade::new(&uri, &options, &config, &mut rng).unwrap();
    let accept = wsproto::handshake::accept_key(h1.key().unwrap());
    let good: Vec<(&str, &[u8])> = vec![
        ("Upgrade", b"websocket"),
        ("Connection", b"Upgrade"),
        ("Sec-WebSocket-Accept", accept.as_str().as_bytes()),
    ];
    assert_eq!(h1.validate_parts(101, good.clone()), Ok(Negotiated::default()));
    assert_eq!(h1.validate_parts(200, good.clone()), Err(ResponseError::NotUpgraded { status: 200 }));
    assert_eq!(h1.validate_parts(101, good[..2].to_vec()), Err(ResponseError::MissingAccept));
    let mut wrong = good.clone();
    wrong.push(("Sec-WebSocket-Protocol", b"other"));
    assert_eq!(h1.validate_parts(101, wrong), Err(ResponseError::ProtocolNotOffered));

    let (h2, _) = ClientUpgrade::extended_connect(&uri, &options, &config).unwrap();
    let chat: Vec<(&str, &[u8])> = vec![("sec-websocket-protocol", b"chat")];
    assert_eq!(h2.validate_parts(200, chat.clone()), Ok(Negotiated::with_protocol("chat")));
    assert_eq!(h2.validate_parts(204, Vec::<(&str, &[u8])>::new()), Ok(Negotiated::default()));
    assert_eq!(h2.validate_parts(101, chat.clone()), Err(ResponseError::NotUpgraded { status: 101 }));
    assert_eq!(h2.validate_parts(403, chat), Err(ResponseError::NotUpgraded { status: 403 }));
    let x: Vec<(&str, &[u8])> = vec![("sec-websocket-extensions", b"x-foo")];
    assert_eq!(h2.validate_parts(200, x), Err(ResponseError::ExtensionNotOffered));
    // Extensions the connection cannot run are not offered.
    assert_eq!(
        ClientUpgrade::extended_connect(&uri, &ClientOptions::new().extension("x-foo"), &config),
        Err(OptionsError::UnsupportedExtension)
    );
}

/// A client connection can run on a borrowed source (`no_std`: a
/// generator handed out once as `&'static mut`), and masks with it.
#[test]
fn client_connection_takes_a_borrowed_static_source() {
    let rng: &'static mut ChaChaRng = Box::leak(Box::new(ChaChaRng::from_seed([4; 32])));
    let mut client = Connection::open_client(Config::new(), Negotiated::default(), wsproto::BorrowedRng(rng)).unwrap();
    let mut server = Connection::open_server(Config::new(), Negotiated::default()).unwrap();
    client.sender().send_text("masked").unwrap();
    // RFC 6455 §5.3: a client frame has MASK set.
    assert_eq!(client.pending()[1] & 0x80, 0x80);
    assert_eq!(pump(&mut client, &mut server), [(true, b"masked".to_vec())]);
}

mod prop {
    use proptest::prelude::*;
    use wsproto::handshake::{
        validate_head, HttpVersion, Incoming, RequestError, RequestHead, ServerHandshake, Status,
    };

    fn field() -> impl Strategy<Value = (String, Vec<u8>)> {
        let names = prop::sample::select(vec![
            "Host",
            "Upgrade",
            "Connection",
            "Sec-WebSocket-Key",
            "Sec-WebSocket-Version",
            "Sec-WebSocket-Protocol",
            "Sec-WebSocket-Extensions",
            "Origin",
            "X-Other",
        ]);
        let values = prop::sample::select(vec![
            &b"websocket"[..],
            b"Upgrade",
            b"dGhlIHNhbXBsZSBub25jZQ==",
            b"13",
            b"8",
            b"chat, chat",
            b"permessage-deflate; client_max_window_bits",
            b"example.com",
            b"",
            b"\xff\xfe",
            b"a;;b",
        ]);
        (names, prop::collection::vec(values, 1..3))
            .prop_map(|(n, v)| (n.to_string(), v.iter().flat_map(|x| x.iter().copied()).collect()))
    }

    proptest! {
        /// Hostile field lists never panic, every refusal has an answer,
        /// and over HTTP/1.1 the parts validator agrees with the built-in
        /// parser on the same fields (one set of checks).
        #[test]
        fn parts_validator_is_the_built_in_one(
            fields in prop::collection::vec(field(), 0..12),
            version in prop::sample::select(vec![HttpVersion::Http10, HttpVersion::Http11, HttpVersion::Http2]),
            method in prop::sample::select(vec!["GET", "CONNECT", "POST"]),
            protocol in prop::option::of(prop::sample::select(vec!["websocket", "h3"])),
        ) {
            let pairs = || fields.iter().map(|(n, v)| (n.as_str(), v.as_slice()));
            let head = RequestHead::new(method, version).protocol(protocol).authority(Some("example.com"));
            let got = validate_head(&head, pairs());
            if version == HttpVersion::Http11 && method == "GET" {
                // The same fields through the built-in parser.
                let mut raw = b"GET /chat HTTP/1.1\r\n".to_vec();
                for (n, v) in &fields {
                    raw.extend_from_slice(n.as_bytes());
                    raw.extend_from_slice(b": ");
                    raw.extend_from_slice(v);
                    raw.extend_from_slice(b"\r\n");
                }
                raw.extend_from_slice(b"\r\n");
                match ServerHandshake::default().parse(&raw) {
                    Ok(Status::Complete { value: Incoming::WebSocket(u), .. }) => {
                        prop_assert_eq!(&got, &Ok(u.offer()));
                    }
                    // No Upgrade field: a plain request there, a 426 here,
                    // unless a fault checked first answers 400 (a missing
                    // Host: RFC 9112 §3.2 "MUST respond with a 400"; a
                    // malformed subprotocol or extension list).
                    Ok(Status::Complete { value: Incoming::Http(_), .. }) => {
                        use RequestError as E;
                        let e = got.clone().unwrap_err();
                        prop_assert!(
                            matches!(e, E::NotAnUpgrade | E::BadHost | E::InvalidProtocolHeader | E::InvalidExtensionHeader),
                            "{:?}",
                            e
                        );
                    }
                    Ok(other) => prop_assert!(false, "{:?}", other),
                    Err(e) => prop_assert_eq!(&got, &Err(e)),
                }
            }
            if let Err(e) = got {
                let parts = e.response_parts(version);
                prop_assert!(matches!(parts.status, 400 | 403 | 426 | 431));
            }
        }
    }
}
