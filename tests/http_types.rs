//! Feature `http`: the handshake on `http::Request` / `http::Response`.

use http::{Method, Request, Response, StatusCode, Version};
use wsproto::handshake::{
    AcceptOptions, ClientOptions, ClientUpgrade, RequestError, ResponseError, UpgradeKind, WsUri,
};
use wsproto::{ChaChaRng, Config, Connection};

fn upgrade() -> http::request::Builder {
    Request::get("/ws")
        .header("Host", "example.com")
        .header("Upgrade", "websocket")
        .header("Connection", "keep-alive, Upgrade")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
        .header("Sec-WebSocket-Version", "13")
}

#[test]
fn server_accepts_an_http_request_and_opens_the_connection() {
    let request = upgrade().header("Sec-WebSocket-Protocol", "chat").body(()).unwrap();
    let offer = wsproto::http::validate_request(&request, None).unwrap();
    let config = Config::default();
    let (response, negotiated) = offer.accept_http(&AcceptOptions::new().protocol("chat"), &config).unwrap();
    assert_eq!(response.status(), StatusCode::SWITCHING_PROTOCOLS);
    assert_eq!(response.headers()["sec-websocket-accept"], "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    assert_eq!(response.headers()["upgrade"], "websocket");
    assert_eq!(response.headers()["sec-websocket-protocol"], "chat");
    let conn = Connection::open_server(config, negotiated).unwrap();
    assert_eq!(conn.negotiated().protocol.as_deref(), Some("chat"));
}

#[test]
fn server_faults_become_http_responses() {
    // A plain GET: 426 with Upgrade: websocket, as python-websockets.
    let plain = Request::get("/ws").header("Host", "example.com").body(()).unwrap();
    let e = wsproto::http::validate_request(&plain, None).unwrap_err();
    assert_eq!(e, RequestError::NotAnUpgrade);
    let r = e.http_response(plain.version());
    assert_eq!(r.status(), StatusCode::UPGRADE_REQUIRED);
    assert_eq!(r.headers()["upgrade"], "websocket");
    assert!(!r.body().is_empty());
    // A bad key: 400.
    let mut bad = upgrade().body(()).unwrap();
    bad.headers_mut().insert("sec-websocket-key", "short".parse().unwrap());
    let e = wsproto::http::validate_request(&bad, None).unwrap_err();
    assert_eq!(e.http_response(Version::HTTP_11).status(), StatusCode::BAD_REQUEST);
    // Another version: 426 with Sec-WebSocket-Version: 13 (RFC 6455 §4.4).
    let mut v8 = upgrade().body(()).unwrap();
    v8.headers_mut().insert("sec-websocket-version", "8".parse().unwrap());
    let r = wsproto::http::validate_request(&v8, None).unwrap_err().http_response(Version::HTTP_11);
    assert_eq!(r.status(), StatusCode::UPGRADE_REQUIRED);
    assert_eq!(r.headers()["sec-websocket-version"], "13");
    // HTTP/1.0 is too old (RFC 6455 §4.1).
    let mut old = upgrade().body(()).unwrap();
    *old.version_mut() = Version::HTTP_10;
    assert_eq!(wsproto::http::validate_request(&old, None), Err(RequestError::HttpVersion));
}

/// RFC 8441 on http types: :authority from the URI, :protocol passed in.
#[test]
fn extended_connect_on_http_types() {
    let mut request = Request::builder()
        .method(Method::CONNECT)
        .uri("https://example.com/ws")
        .version(Version::HTTP_2)
        .header("sec-websocket-version", "13")
        .body(())
        .unwrap();
    let offer = wsproto::http::validate_request(&request, Some("websocket")).unwrap();
    assert_eq!((offer.kind(), offer.host()), (UpgradeKind::ExtendedConnect, "example.com"));
    let (response, _) = offer.accept_http(&AcceptOptions::new(), &Config::default()).unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get("sec-websocket-accept").is_none());
    assert_eq!(wsproto::http::validate_request(&request, None), Err(RequestError::NotExtendedConnect));
    *request.method_mut() = Method::GET;
    let e = wsproto::http::validate_request(&request, None).unwrap_err();
    let r = e.http_response(Version::HTTP_2);
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.headers().get("upgrade").is_none());
}

#[test]
fn client_builds_and_checks_on_http_types() {
    let uri = WsUri::parse("ws://example.com:8080/chat").unwrap();
    let options = ClientOptions::new().protocol("chat");
    let config = Config::default();
    let mut rng = ChaChaRng::from_seed([1; 32]);
    let (client, request) = ClientUpgrade::http_request(&uri, &options, &config, Some(&mut rng)).unwrap();
    assert_eq!((request.method(), request.version()), (&Method::GET, Version::HTTP_11));
    assert_eq!(request.uri(), "/chat");
    assert_eq!(request.headers()["host"], "example.com:8080");
    // The server side of this crate accepts it, and the client its answer.
    let offer = wsproto::http::validate_request(&request, None).unwrap();
    let (response, server) = offer.accept_http(&AcceptOptions::new().protocol("chat"), &config).unwrap();
    assert_eq!(client.validate_http(&response), Ok(server));
    let refused = Response::builder().status(403).body(()).unwrap();
    assert_eq!(client.validate_http(&refused), Err(ResponseError::NotUpgraded { status: 403 }));

    let (client, request) = ClientUpgrade::http_request(&uri, &options, &config, None).unwrap();
    assert_eq!((request.method(), request.version()), (&Method::CONNECT, Version::HTTP_2));
    assert_eq!(request.uri(), "http://example.com:8080/chat");
    assert!(request.headers().get("sec-websocket-key").is_none());
    let offer = wsproto::http::validate_request(&request, Some("websocket")).unwrap();
    let (response, server) = offer.accept_http(&AcceptOptions::new().protocol("chat"), &config).unwrap();
    assert_eq!(client.validate_http(&response), Ok(server));
}
