//! Opening handshake tests (RFC 6455 §4): seeds, each rule, chunking
//! invariance, limits, and client ↔ server round trips.

use wsproto::handshake::{
    accept_key, check_key, connect_request, reject_response, validate_head, validate_response, AcceptOptions,
    ClientHandshake, ClientOptions, HttpVersion, Incoming, Limits, Negotiated, OptionsError, OriginPolicy,
    ProxyConnect, Reply, RequestError, RequestHead, ResponseError, SecKey, ServerConfig, ServerHandshake, Status,
    UpgradeRequest, UriError, WsUri,
};
use wsproto::ChaChaRng;
use wsproto_testkit::fixtures;

/// An HTTP/1.1 request validated from its method and header fields, as a
/// server on another HTTP library does.
fn validate_request<'a>(
    method: &str,
    headers: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<UpgradeRequest, RequestError> {
    validate_head(&RequestHead::new(method, HttpVersion::Http11), headers)
}

// ---------------------------------------------------------------- accept key

#[test]
fn accept_key_vectors() {
    // RFC 6455 §1.3 and every pair in the seed documents
    // (`tests/fixtures/seeds`).
    let table = [
        ("dGhlIHNhbXBsZSBub25jZQ==", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
        ("bKdPyn3u98cTfZJSh4TNeQ==", "4EaeSCkuOGBy+rjOSJSMV+VMoC0="),
        ("x3JJHMbDL1EzLkh9GBhXDw==", "HSmrc0sMlYUkAGmm5OPpG2HaGWk="),
        ("q4xkcO32u266gldTuKaSOw==", "fA9dggdnMPU79lJgAE3W4TRnyDM="),
        ("OfMWmQZlMFBWe/o7k1CzZg==", "PqfV+Vb3mDtpMlZ/bO+GBzyX4N8="),
    ];
    for (key, accept) in table {
        assert_eq!(accept_key(key).as_str(), accept, "key {key}");
        assert_eq!(check_key(key.as_bytes()), Ok(key));
    }
    // Surrounding whitespace is ignored.
    assert_eq!(accept_key(" dGhlIHNhbXBsZSBub25jZQ== ").as_str(), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}

#[test]
fn seed_files_pairs() {
    // Read the seed documents (a missing one fails the test), pairing each
    // key with the accept that follows it.
    let seeds = fixtures::seeds();
    assert_eq!(seeds.len(), 5, "seed documents found");
    let mut pairs = 0;
    for (name, text) in &seeds {
        let mut key: Option<String> = None;
        let mut in_file = 0;
        for line in text.lines() {
            let line = line.trim().trim_start_matches('•').trim().trim_end_matches('`');
            if let Some(k) = line.strip_prefix("Sec-WebSocket-Key: ") {
                key = Some(k.trim().to_string());
            } else if let Some(a) = line.strip_prefix("Sec-WebSocket-Accept: ") {
                if let Some(k) = key.take() {
                    assert_eq!(accept_key(&k).as_str(), a.trim(), "{name}");
                    in_file += 1;
                }
            }
        }
        assert!(in_file >= 1, "{name}: no key/accept pair found");
        pairs += in_file;
    }
    // One pair in each of the five documents.
    assert!(pairs >= 5, "found {pairs} pairs");
}

#[test]
fn key_checks() {
    let table: &[(&str, bool)] = &[
        ("dGhlIHNhbXBsZSBub25jZQ==", true),
        ("AQIDBAUGBwgJCgsMDQ4PEC==", true), // RFC 6455 §4.1 example (non-zero trailing bits)
        ("dGhlIHNhbXBsZSBub25jZQ", false),  // no padding
        ("dGhlIHNhbXBsZSBub25jZQ=", false),
        ("dGhlIHNhbXBsZSBub25jZXg=", false), // 17 bytes
        ("c2hvcnQ=", false),                 // 5 bytes
        ("dGhlIHNhbXBsZSBub25jZQ==dGhl", false),
        ("!!!!!!!!!!!!!!!!!!!!!!==", false),
        ("", false),
    ];
    for (key, ok) in table {
        assert_eq!(check_key(key.as_bytes()).is_ok(), *ok, "key {key:?}");
    }
}

#[test]
fn generated_keys_are_fresh_and_valid() {
    let mut rng = ChaChaRng::from_seed([1; 32]);
    let a = SecKey::generate(&mut rng);
    let b = SecKey::generate(&mut rng);
    assert_ne!(a, b);
    assert!(check_key(a.as_str().as_bytes()).is_ok());
    assert_eq!(SecKey::from_nonce(*b"the sample nonce").as_str(), "dGhlIHNhbXBsZSBub25jZQ==");
}

// ----------------------------------------------------------------------- URI

#[test]
fn uri_table() {
    // (uri, secure, host, port, resource, host header)
    let ok: &[(&str, bool, &str, u16, &str, &str)] = &[
        ("ws://example.com", false, "example.com", 80, "/", "example.com"),
        ("ws://example.com/", false, "example.com", 80, "/", "example.com"),
        ("wss://example.com", true, "example.com", 443, "/", "example.com"),
        ("WsS://Example.com/chat", true, "Example.com", 443, "/chat", "Example.com"),
        ("ws://example.com:80/a", false, "example.com", 80, "/a", "example.com"),
        ("ws://example.com:443/a", false, "example.com", 443, "/a", "example.com:443"),
        ("wss://example.com:80/a", true, "example.com", 80, "/a", "example.com:80"),
        ("ws://example.com:9001/a/b?x=1&y=2", false, "example.com", 9001, "/a/b?x=1&y=2", "example.com:9001"),
        ("ws://example.com?x=1", false, "example.com", 80, "/?x=1", "example.com"),
        ("ws://example.com/?", false, "example.com", 80, "/", "example.com"),
        ("ws://example.com:/p", false, "example.com", 80, "/p", "example.com"),
        ("ws://[::1]/", false, "::1", 80, "/", "[::1]"),
        ("wss://[2001:db8::1]:8443/x", true, "2001:db8::1", 8443, "/x", "[2001:db8::1]:8443"),
        ("ws://127.0.0.1:8080", false, "127.0.0.1", 8080, "/", "127.0.0.1:8080"),
        ("ws://a/%23b", false, "a", 80, "/%23b", "a"),
    ];
    for &(uri, secure, host, port, resource, host_header) in ok {
        let u = WsUri::parse(uri).unwrap_or_else(|e| panic!("{uri}: {e}"));
        assert_eq!(
            (u.is_secure(), u.host(), u.port(), u.resource_name(), u.host_header().as_str()),
            (secure, host, port, resource, host_header),
            "{uri}"
        );
    }
    let bad: &[(&str, UriError)] = &[
        ("http://example.com", UriError::BadScheme),
        ("example.com", UriError::BadScheme),
        ("ws:example.com", UriError::BadScheme),
        ("ws://", UriError::MissingHost),
        ("ws:///path", UriError::MissingHost),
        ("ws://:80/", UriError::MissingHost),
        ("ws://example.com/#frag", UriError::Fragment),
        ("ws://example.com#", UriError::Fragment),
        ("ws://user:pw@example.com/", UriError::Userinfo),
        ("ws://example.com:0/", UriError::BadPort),
        ("ws://example.com:65536/", UriError::BadPort),
        ("ws://example.com:8x/", UriError::BadPort),
        ("ws://example.com:1:2/", UriError::BadPort),
        ("ws://[::1/", UriError::BadHost),
        ("ws://[::1]x/", UriError::BadHost),
        ("ws://[zz]/", UriError::BadHost),
        ("ws://exa mple.com/", UriError::BadHost),
        ("ws://example.com/a b", UriError::BadResource),
        ("ws://example.com/a\r\nX: y", UriError::BadResource),
        ("ws://example.com/é", UriError::BadResource),
    ];
    for &(uri, err) in bad {
        assert_eq!(WsUri::parse(uri), Err(err), "{uri}");
    }
}

// ----------------------------------------------------------- server: helpers

const KEY: &str = "dGhlIHNhbXBsZSBub25jZQ==";

fn request(lines: &[&str]) -> Vec<u8> {
    let mut out = String::new();
    for l in lines {
        out.push_str(l);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    out.into_bytes()
}

fn base_lines() -> Vec<&'static str> {
    vec![
        "GET /chat?room=1 HTTP/1.1",
        "Host: server.example.com",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version: 13",
    ]
}

/// Base request with line `i` replaced (or removed when `with` is None), plus `extra` lines.
fn variant(replace: &[(&str, Option<&'static str>)], extra: &[&'static str]) -> Vec<u8> {
    let mut lines = base_lines();
    for (prefix, with) in replace {
        let i = lines.iter().position(|l| l.starts_with(prefix)).expect("prefix");
        match with {
            Some(w) => lines[i] = w,
            None => {
                lines.remove(i);
            }
        }
    }
    lines.extend_from_slice(extra);
    request(&lines)
}

fn parse_whole(cfg: ServerConfig, input: &[u8]) -> Result<(Incoming, usize), RequestError> {
    match ServerHandshake::new(cfg).parse(input)? {
        Status::Complete { value, consumed } => Ok((value, consumed)),
        Status::Partial => panic!("partial"),
    }
}

fn parse_bytewise(cfg: ServerConfig, input: &[u8]) -> Result<(Incoming, usize), RequestError> {
    let mut hs = ServerHandshake::new(cfg);
    for (i, b) in input.iter().enumerate() {
        match hs.parse(std::slice::from_ref(b))? {
            Status::Partial => {}
            Status::Complete { value, consumed } => {
                assert_eq!(consumed, 1);
                return Ok((value, i + 1));
            }
        }
    }
    panic!("partial after {} bytes", input.len());
}

fn server_parse(input: &[u8]) -> Result<Incoming, RequestError> {
    server_parse_cfg(ServerConfig::new(), input)
}

/// Parses whole, byte by byte and in 7-byte chunks; all must agree.
fn server_parse_cfg(cfg: ServerConfig, input: &[u8]) -> Result<Incoming, RequestError> {
    let whole = parse_whole(cfg.clone(), input);
    let bytewise = parse_bytewise(cfg.clone(), input);
    assert_eq!(whole, bytewise, "byte-by-byte differs");
    let mut hs = ServerHandshake::new(cfg);
    let mut chunked = None;
    let mut offset = 0;
    for chunk in input.chunks(7) {
        match hs.parse(chunk) {
            Ok(Status::Partial) => offset += chunk.len(),
            Ok(Status::Complete { value, consumed }) => {
                chunked = Some(Ok((value, offset + consumed)));
                break;
            }
            Err(e) => {
                chunked = Some(Err(e));
                break;
            }
        }
    }
    assert_eq!(Some(whole.clone()), chunked, "chunked differs");
    whole.map(|(v, consumed)| {
        assert_eq!(consumed, input.len());
        v
    })
}

fn upgrade(input: &[u8]) -> wsproto::handshake::UpgradeRequest {
    match server_parse(input) {
        Ok(Incoming::WebSocket(u)) => u,
        other => panic!("expected upgrade, got {other:?}"),
    }
}

// ------------------------------------------------------------ server: rules

#[test]
fn server_accepts_valid_requests() {
    let table: Vec<(&str, Vec<u8>)> = vec![
        ("base", variant(&[], &[])),
        ("lower-case names", variant(&[("Upgrade", Some("upgrade: websocket")), ("Connection", Some("connection: Upgrade"))], &["host2: x"])),
        ("upper-case names", variant(&[("Host", Some("HOST: server.example.com")), ("Sec-WebSocket-Key", Some("SEC-WEBSOCKET-KEY: dGhlIHNhbXBsZSBub25jZQ=="))], &[])),
        ("token case", variant(&[("Upgrade", Some("Upgrade: WebSocket")), ("Connection", Some("Connection: upgrade"))], &[])),
        ("keep-alive, Upgrade", variant(&[("Connection", Some("Connection: keep-alive, Upgrade"))], &[])),
        ("Upgrade, keep-alive no space", variant(&[("Connection", Some("Connection: Upgrade,keep-alive"))], &[])),
        ("whitespace", variant(&[("Connection", Some("Connection:   keep-alive ,\t Upgrade  ")), ("Upgrade", Some("Upgrade:  websocket  "))], &[])),
        ("repeated Connection", variant(&[("Connection", Some("Connection: keep-alive"))], &["Connection: Upgrade"])),
        ("upgrade list", variant(&[("Upgrade", Some("Upgrade: h2c, websocket"))], &[])),
        ("key whitespace", variant(&[("Sec-WebSocket-Key", Some("Sec-WebSocket-Key:   dGhlIHNhbXBsZSBub25jZQ==  "))], &[])),
        ("absolute target", variant(&[("GET", Some("GET http://server.example.com/chat?room=1 HTTP/1.1"))], &[])),
        ("leading CRLF", { let mut v = b"\r\n".to_vec(); v.extend(variant(&[], &[])); v }),
        ("bare LF", b"GET /chat HTTP/1.1\nHost: h\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\nSec-WebSocket-Version: 13\n\n".to_vec()),
    ];
    for (name, input) in table {
        match server_parse(&input) {
            Ok(Incoming::WebSocket(u)) => {
                assert_eq!(u.key(), KEY, "{name}");
                assert_eq!(u.request().unwrap().path(), "/chat", "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn server_rejects_invalid_requests() {
    use RequestError as E;
    let table: Vec<(&str, Vec<u8>, RequestError, u16)> = vec![
        ("POST", variant(&[("GET", Some("POST /chat HTTP/1.1"))], &[]), E::MethodNotGet, 400),
        ("lower-case get", variant(&[("GET", Some("get /chat HTTP/1.1"))], &[]), E::MethodNotGet, 400),
        ("HTTP/1.0", variant(&[("GET", Some("GET /chat HTTP/1.0"))], &[]), E::HttpVersion, 400),
        ("no Host", variant(&[("Host", None)], &[]), E::BadHost, 400),
        ("empty Host", variant(&[("Host", Some("Host: "))], &[]), E::BadHost, 400),
        ("two Hosts", variant(&[], &["Host: other"]), E::BadHost, 400),
        ("Upgrade: h2c", variant(&[("Upgrade", Some("Upgrade: h2c"))], &[]), E::UpgradeNotWebSocket, 400),
        ("Upgrade: websockets", variant(&[("Upgrade", Some("Upgrade: websockets"))], &[]), E::UpgradeNotWebSocket, 400),
        ("no Connection", variant(&[("Connection", None)], &[]), E::ConnectionNotUpgrade, 400),
        (
            "Connection: keep-alive",
            variant(&[("Connection", Some("Connection: keep-alive"))], &[]),
            E::ConnectionNotUpgrade,
            400,
        ),
        (
            "Connection: Upgraded",
            variant(&[("Connection", Some("Connection: Upgraded"))], &[]),
            E::ConnectionNotUpgrade,
            400,
        ),
        ("no key", variant(&[("Sec-WebSocket-Key", None)], &[]), E::MissingKey, 400),
        ("short key", variant(&[("Sec-WebSocket-Key", Some("Sec-WebSocket-Key: c2hvcnQ="))], &[]), E::InvalidKey, 400),
        (
            "17-byte key",
            variant(&[("Sec-WebSocket-Key", Some("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZXg="))], &[]),
            E::InvalidKey,
            400,
        ),
        (
            "not base64",
            variant(&[("Sec-WebSocket-Key", Some("Sec-WebSocket-Key: ************************"))], &[]),
            E::InvalidKey,
            400,
        ),
        ("two keys", variant(&[], &["Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw=="]), E::InvalidKey, 400),
        ("no version", variant(&[("Sec-WebSocket-Version", None)], &[]), E::MissingVersion, 400),
        (
            "version 8",
            variant(&[("Sec-WebSocket-Version", Some("Sec-WebSocket-Version: 8"))], &[]),
            E::UnsupportedVersion(Some(8)),
            426,
        ),
        (
            "version 25",
            variant(&[("Sec-WebSocket-Version", Some("Sec-WebSocket-Version: 25"))], &[]),
            E::UnsupportedVersion(Some(25)),
            426,
        ),
        (
            "version x",
            variant(&[("Sec-WebSocket-Version", Some("Sec-WebSocket-Version: x"))], &[]),
            E::UnsupportedVersion(None),
            426,
        ),
        (
            "version 13, 8",
            variant(&[("Sec-WebSocket-Version", Some("Sec-WebSocket-Version: 13, 8"))], &[]),
            E::UnsupportedVersion(Some(8)),
            426,
        ),
        ("bad protocol", variant(&[], &["Sec-WebSocket-Protocol: chat, sup er"]), E::InvalidProtocolHeader, 400),
        ("dup protocol", variant(&[], &["Sec-WebSocket-Protocol: chat, chat"]), E::InvalidProtocolHeader, 400),
        ("empty protocol", variant(&[], &["Sec-WebSocket-Protocol: , "]), E::InvalidProtocolHeader, 400),
        (
            "bad extension",
            variant(&[], &["Sec-WebSocket-Extensions: permessage-deflate; =1"]),
            E::InvalidExtensionHeader,
            400,
        ),
        (
            "bad extension quote",
            variant(&[], &["Sec-WebSocket-Extensions: foo; a=\"b"]),
            E::InvalidExtensionHeader,
            400,
        ),
        (
            "malformed",
            b"GET /chat HTTP/1.1\r\nHost server\r\n\r\n".to_vec(),
            E::MalformedHttp("invalid header name"),
            400,
        ),
        (
            "garbage",
            b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n".to_vec(),
            E::MalformedHttp("invalid token"),
            400,
        ),
    ];
    for (name, input, err, status) in table {
        let got = server_parse(&input);
        assert_eq!(got, Err(err.clone()), "{name}");
        assert_eq!(err.status(), status, "{name}");
        let response = err.response();
        let text = String::from_utf8(response).unwrap();
        assert!(text.starts_with(&format!("HTTP/1.1 {status} ")), "{name}: {text}");
        assert!(text.contains("\r\nConnection: close\r\n"), "{name}");
        assert_eq!(text.contains("\r\nSec-WebSocket-Version: 13\r\n"), status == 426 || name == "no version", "{name}");
    }
}

#[test]
fn wrong_version_answer_is_426_with_header() {
    let err = server_parse(&variant(&[("Sec-WebSocket-Version", Some("Sec-WebSocket-Version: 8"))], &[])).unwrap_err();
    let text = String::from_utf8(err.response()).unwrap();
    assert!(text.starts_with("HTTP/1.1 426 Upgrade Required\r\n"), "{text}");
    assert!(text.contains("\r\nSec-WebSocket-Version: 13\r\n"));
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    assert!(head.contains(&format!("Content-Length: {}", body.len())));
}

#[test]
fn plain_http_is_reported() {
    let input = request(&["GET /index.html?x=1 HTTP/1.1", "Host: example.com", "Accept: text/html"]);
    match server_parse(&input) {
        Ok(Incoming::Http(r)) => {
            assert_eq!(
                (r.method(), r.path(), r.query(), r.header_str("Host")),
                ("GET", "/index.html", Some("x=1"), Some("example.com"))
            );
            assert_eq!(r.header_str("accept"), Some("text/html"));
        }
        other => panic!("{other:?}"),
    }
    // HTTP/1.0 and POST without Upgrade are plain requests too.
    let post = request(&["POST /form HTTP/1.0", "Content-Length: 3"]);
    let mut body = post.clone();
    body.extend_from_slice(b"a=1");
    match parse_whole(ServerConfig::new(), &body) {
        Ok((Incoming::Http(r), consumed)) => {
            assert_eq!((r.method(), r.version()), ("POST", 0));
            assert_eq!(consumed, post.len(), "the body is not consumed");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn request_is_exposed() {
    let input = variant(
        &[],
        &[
            "Origin: http://example.com",
            "Sec-WebSocket-Protocol: chat, superchat",
            "Sec-WebSocket-Protocol: v2.chat",
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, x-foo",
            "Sec-WebSocket-Extensions: x-bar; a=\"1\"; b",
            "Cookie: id=42",
        ],
    );
    let u = upgrade(&input);
    assert_eq!(u.origin(), Some("http://example.com"));
    assert_eq!(u.host(), "server.example.com");
    assert_eq!(u.protocols().collect::<Vec<_>>(), ["chat", "superchat", "v2.chat"]);
    assert_eq!(
        u.extensions().collect::<Vec<_>>(),
        ["permessage-deflate; client_max_window_bits", "x-foo", "x-bar; a=\"1\"; b"]
    );
    assert_eq!(u.request().unwrap().query(), Some("room=1"));
    assert_eq!(u.request().unwrap().header_str("cookie"), Some("id=42"));
    assert_eq!(u.request().unwrap().headers_named("sec-websocket-protocol").count(), 2);
    assert_eq!(u.request().unwrap().headers().count(), 11);
}

#[test]
fn seed_requests_parse() {
    // The browser requests from the seeds (Host added where the excerpt
    // left it out).
    let chrome = "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nPragma: no-cache\r\nCache-Control: no-cache\r\nUpgrade: websocket\r\nOrigin: file://\r\nSec-WebSocket-Version: 13\r\nUser-Agent: Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/52.0.2743.116 Safari/537.36\r\nAccept-Encoding: gzip, deflate, sdch\r\nAccept-Language: zh-CN,zh;q=0.8,en-US;q=0.6,en;q=0.4\r\nSec-WebSocket-Key: bKdPyn3u98cTfZJSh4TNeQ==\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits \r\n\r\n";
    let u = upgrade(chrome.as_bytes());
    let (response, negotiated) = u.accept(&AcceptOptions::new()).unwrap();
    let text = String::from_utf8(response).unwrap();
    assert!(text.contains("\r\nSec-WebSocket-Accept: 4EaeSCkuOGBy+rjOSJSMV+VMoC0=\r\n"));
    assert_eq!(negotiated, Negotiated::default());

    let wiki = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==\r\nSec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Version: 13\r\nOrigin: http://example.com\r\n\r\n";
    let u = upgrade(wiki.as_bytes());
    let (response, negotiated) = u.accept(&AcceptOptions::new().protocol("chat")).unwrap();
    assert_eq!(
        response,
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: HSmrc0sMlYUkAGmm5OPpG2HaGWk=\r\nSec-WebSocket-Protocol: chat\r\n\r\n"
    );
    assert_eq!(negotiated.protocol.as_deref(), Some("chat"));
}

#[test]
fn bytes_after_head_are_not_consumed() {
    let head = variant(&[], &[]);
    let mut input = head.clone();
    input.extend_from_slice(&[0x81, 0x85, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    let (_, consumed) = parse_whole(ServerConfig::new(), &input).unwrap();
    assert_eq!(consumed, head.len());
    // Split so the head ends inside the second piece.
    let mut hs = ServerHandshake::default();
    let (a, b) = input.split_at(head.len() - 3);
    assert_eq!(hs.parse(a), Ok(Status::Partial));
    match hs.parse(b) {
        Ok(Status::Complete { consumed, .. }) => assert_eq!(consumed, 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn origin_policy() {
    type OriginCase = (&'static str, ServerConfig, Vec<u8>, Result<(), RequestError>);
    fn only_example(origin: &str) -> bool {
        origin == "https://example.com"
    }
    let with = |o: &'static str| variant(&[], &[o]);
    let none = variant(&[], &[]);
    let list = || ServerConfig::new().origin_policy(OriginPolicy::allow_list(["https://example.com"]));
    let cb = || ServerConfig::new().origin_policy(OriginPolicy::callback(only_example));
    let strict =
        || ServerConfig::new().origin_policy(OriginPolicy::allow_list(["https://example.com"]).require_origin(true));
    let table: Vec<OriginCase> = vec![
        ("any", ServerConfig::new(), with("Origin: https://evil.example"), Ok(())),
        ("list ok", list(), with("Origin: https://example.com"), Ok(())),
        ("list case", list(), with("Origin: HTTPS://EXAMPLE.COM"), Ok(())),
        ("list evil", list(), with("Origin: https://evil.example"), Err(RequestError::OriginRejected)),
        ("list absent", list(), none.clone(), Ok(())),
        (
            "list two",
            list(),
            variant(&[], &["Origin: https://example.com", "Origin: https://evil.example"]),
            Err(RequestError::OriginRejected),
        ),
        ("callback ok", cb(), with("Origin: https://example.com"), Ok(())),
        ("callback evil", cb(), with("Origin: null"), Err(RequestError::OriginRejected)),
        ("required absent", strict(), none, Err(RequestError::MissingOrigin)),
        ("required ok", strict(), with("Origin: https://example.com"), Ok(())),
    ];
    for (name, cfg, input, expected) in table {
        let got = server_parse_cfg(cfg, &input).map(|_| ());
        assert_eq!(got, expected, "{name}");
        if let Err(e) = got {
            assert!(e.response().starts_with(b"HTTP/1.1 403 Forbidden\r\n"), "{name}");
        }
    }
}

// ------------------------------------------------------------------- limits

#[test]
fn oversized_head_is_refused_without_buffering() {
    let limits = Limits { max_head_bytes: 1024, max_headers: 64 };
    let mut hs = ServerHandshake::new(ServerConfig::new().limits(limits));
    let mut fed = 0;
    let line = b"X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    let mut result = hs.parse(b"GET / HTTP/1.1\r\n");
    fed += 16;
    while let Ok(Status::Partial) = result {
        assert!(hs.buffered() <= 1024);
        result = hs.parse(line);
        fed += line.len();
        assert!(fed < 4096, "never refused");
    }
    assert_eq!(result, Err(RequestError::HeadTooLarge { max: 1024 }));
    assert!(fed <= 1024 + line.len());
    assert_eq!(RequestError::HeadTooLarge { max: 1024 }.status(), 431);
    // A single endless line is refused too.
    let mut hs = ServerHandshake::new(ServerConfig::new().limits(limits));
    assert_eq!(hs.parse(&[b'A'; 2000]), Err(RequestError::HeadTooLarge { max: 1024 }));
    // Default limit: 8 KiB.
    let mut big = b"GET / HTTP/1.1\r\nCookie: ".to_vec();
    big.resize(9000, b'a');
    assert_eq!(ServerHandshake::default().parse(&big), Err(RequestError::HeadTooLarge { max: 8192 }));
    // Exactly at the limit is fine.
    let mut exact = variant(&[], &[]);
    let pad = 8192 - exact.len() - "X: \r\n".len();
    exact.truncate(exact.len() - 2);
    exact.extend_from_slice(format!("X: {}\r\n\r\n", "a".repeat(pad)).as_bytes());
    assert_eq!(exact.len(), 8192);
    assert!(matches!(server_parse(&exact), Ok(Incoming::WebSocket(_))));
}

#[test]
fn too_many_headers_refused() {
    let mut lines = base_lines();
    let filler: Vec<String> = (0..60).map(|i| format!("X-{i}: v")).collect();
    lines.extend(filler.iter().map(String::as_str));
    // 5 + 60 = 65 header fields > 64.
    let input = request(&lines);
    assert_eq!(server_parse(&input), Err(RequestError::TooManyHeaders { max: 64 }));
    // 64 is fine.
    lines.pop();
    assert!(matches!(server_parse(&request(&lines)), Ok(Incoming::WebSocket(_))));
    // Refused as soon as the count is crossed, before the head ends.
    let mut hs = ServerHandshake::new(ServerConfig::new().limits(Limits { max_head_bytes: 1 << 20, max_headers: 4 }));
    let mut input = b"GET / HTTP/1.1\r\n".to_vec();
    for _ in 0..5 {
        input.extend_from_slice(b"A: b\r\n");
    }
    assert_eq!(hs.parse(&input), Err(RequestError::TooManyHeaders { max: 4 }));
}

// ------------------------------------------------------------- server: answers

#[test]
fn accept_checks_choices() {
    let u = upgrade(&variant(
        &[],
        &[
            "Sec-WebSocket-Protocol: chat, superchat",
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
        ],
    ));
    assert_eq!(u.accept(&AcceptOptions::new().protocol("other")), Err(OptionsError::ProtocolNotOffered));
    assert_eq!(u.accept(&AcceptOptions::new().protocol("Chat")), Err(OptionsError::ProtocolNotOffered));
    assert_eq!(u.accept(&AcceptOptions::new().extension("x-foo")), Err(OptionsError::ExtensionNotOffered));
    assert_eq!(
        u.accept(&AcceptOptions::new().header("Set-Cookie", "a=1\r\nX: y")),
        Err(OptionsError::InvalidHeaderValue)
    );
    assert_eq!(u.accept(&AcceptOptions::new().header("Bad Name", "1")), Err(OptionsError::InvalidHeaderName));
    assert_eq!(u.accept(&AcceptOptions::new().header("sec-websocket-accept", "1")), Err(OptionsError::ReservedHeader));
    let options = AcceptOptions::new()
        .protocol("superchat")
        .extension("permessage-deflate; server_no_context_takeover")
        .header("Set-Cookie", "session=1");
    if !cfg!(feature = "deflate") {
        // An extension the crate cannot run is never accepted.
        assert_eq!(u.accept(&options), Err(OptionsError::UnsupportedExtension));
        return;
    }
    // Parameters out of range are refused (RFC 7692 §7.1.2.2: 8 to 15).
    let beyond = AcceptOptions::new().extension("permessage-deflate; client_max_window_bits=16");
    assert_eq!(u.accept(&beyond), Err(OptionsError::InvalidExtension));
    let (response, negotiated) = u.accept(&options).unwrap();
    assert_eq!(
        String::from_utf8(response).unwrap(),
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: superchat\r\nSec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\nSet-Cookie: session=1\r\n\r\n"
    );
    assert_eq!(negotiated.protocol.as_deref(), Some("superchat"));
    assert_eq!(negotiated.extensions, ["permessage-deflate; server_no_context_takeover"]);
}

#[test]
fn reject_responses() {
    let r = reject_response(401, "Unauthorized", &[("WWW-Authenticate", "Basic realm=\"ws\"")], b"no").unwrap();
    assert_eq!(r, b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"ws\"\r\nContent-Length: 2\r\n\r\nno");
    let r = reject_response(302, "Found", &[("Location", "/elsewhere")], b"").unwrap();
    assert!(r.ends_with(b"Location: /elsewhere\r\nContent-Length: 0\r\n\r\n"));
    assert_eq!(reject_response(101, "x", &[], b""), Err(OptionsError::InvalidStatus(101)));
    assert_eq!(reject_response(600, "x", &[], b""), Err(OptionsError::InvalidStatus(600)));
    assert_eq!(reject_response(404, "Not\r\nFound", &[], b""), Err(OptionsError::InvalidHeaderValue));
    assert_eq!(reject_response(404, "x", &[("Content-Length", "9")], b""), Err(OptionsError::ReservedHeader));
}

#[test]
fn standalone_validation_without_our_parser() {
    let headers: Vec<(&str, &[u8])> = vec![
        ("host", b"example.com"),
        ("upgrade", b"websocket"),
        ("connection", b"keep-alive, Upgrade"),
        ("sec-websocket-key", KEY.as_bytes()),
        ("sec-websocket-version", b"13"),
        ("origin", b"https://example.com"),
        ("sec-websocket-protocol", b"mqtt"),
    ];
    let offer = validate_request("GET", headers.iter().copied()).unwrap();
    assert_eq!(offer.protocols().collect::<Vec<_>>(), ["mqtt"]);
    assert!(offer.request().is_none());
    OriginPolicy::allow_list(["https://example.com"]).check(offer.origin()).unwrap();
    assert_eq!(validate_request("PUT", headers.iter().copied()), Err(RequestError::MethodNotGet));
    let (r, _) = offer.accept_parts(&AcceptOptions::new().protocol("mqtt"), &wsproto::Config::default()).unwrap();
    assert_eq!(r.header("Sec-WebSocket-Accept"), Some("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    assert_eq!(r.header("Sec-WebSocket-Protocol"), Some("mqtt"));
}

// ------------------------------------------------------------------- client

fn client(options: &ClientOptions) -> (ClientHandshake, Vec<u8>) {
    let uri = WsUri::parse("ws://server.example.com/chat").unwrap();
    ClientHandshake::with_key(&uri, options, SecKey::from_nonce(*b"the sample nonce")).unwrap()
}

fn response(extra: &[&str]) -> Vec<u8> {
    let mut lines = vec![
        "HTTP/1.1 101 Switching Protocols",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
    ];
    lines.extend_from_slice(extra);
    request(&lines)
}

/// Parses whole and byte by byte; both must agree.
fn client_parse(options: &ClientOptions, input: &[u8]) -> Result<(Reply, usize), ResponseError> {
    let whole = match client(options).0.parse(input) {
        Ok(Status::Complete { value, consumed }) => Ok((value, consumed)),
        Ok(Status::Partial) => panic!("partial"),
        Err(e) => Err(e),
    };
    let mut hs = client(options).0;
    let mut bytewise = None;
    for (i, b) in input.iter().enumerate() {
        match hs.parse(std::slice::from_ref(b)) {
            Ok(Status::Partial) => {}
            Ok(Status::Complete { value, consumed }) => {
                assert_eq!(consumed, 1);
                bytewise = Some(Ok((value, i + 1)));
                break;
            }
            Err(e) => {
                bytewise = Some(Err(e));
                break;
            }
        }
    }
    // A non-101 takes the rest of the input as body, so only compare the
    // outcome kind for those.
    match (&whole, &bytewise) {
        (Ok((Reply::NotUpgraded(a), _)), Some(Ok((Reply::NotUpgraded(b), _)))) => assert_eq!(a.status, b.status),
        _ => assert_eq!(Some(whole.clone()), bytewise, "byte-by-byte differs"),
    }
    whole
}

#[test]
fn client_request_bytes() {
    let options = ClientOptions::new()
        .origin("http://example.com")
        .protocol("chat")
        .protocol("superchat")
        .extension("permessage-deflate; client_max_window_bits")
        .header("Authorization", "Bearer abc");
    let (_, req) = client(&options);
    assert_eq!(
        String::from_utf8(req).unwrap(),
        "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://example.com\r\nSec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\nAuthorization: Bearer abc\r\n\r\n"
    );
    let uri = WsUri::parse("wss://[::1]:8443").unwrap();
    let mut rng = ChaChaRng::from_seed([9; 32]);
    let (hs, req) = ClientHandshake::new(&uri, &ClientOptions::new(), &mut rng).unwrap();
    let text = String::from_utf8(req).unwrap();
    assert!(text.starts_with("GET / HTTP/1.1\r\nHost: [::1]:8443\r\n"), "{text}");
    assert!(text.contains(&format!("Sec-WebSocket-Key: {}\r\n", hs.key().as_str())));
}

#[test]
fn client_request_rejects_injection() {
    let uri = WsUri::parse("ws://h/").unwrap();
    let key = SecKey::from_nonce([0; 16]);
    let table: Vec<(ClientOptions, OptionsError)> = vec![
        (ClientOptions::new().header("Cookie", "a=1\r\nX-Evil: 1"), OptionsError::InvalidHeaderValue),
        (ClientOptions::new().header("Cookie", "a=1\nb"), OptionsError::InvalidHeaderValue),
        (ClientOptions::new().header("X\r\nEvil", "1"), OptionsError::InvalidHeaderName),
        (ClientOptions::new().header("", "1"), OptionsError::InvalidHeaderName),
        (ClientOptions::new().header("Host", "evil"), OptionsError::ReservedHeader),
        (ClientOptions::new().header("sec-websocket-key", "x"), OptionsError::ReservedHeader),
        (ClientOptions::new().origin("http://a\r\nX: 1"), OptionsError::InvalidHeaderValue),
        (ClientOptions::new().protocol("a b"), OptionsError::InvalidProtocol),
        (ClientOptions::new().protocol("chat").protocol("chat"), OptionsError::InvalidProtocol),
        (ClientOptions::new().protocol(""), OptionsError::InvalidProtocol),
        (ClientOptions::new().extension("foo\r\nX: 1"), OptionsError::InvalidExtension),
    ];
    for (options, err) in table {
        assert_eq!(ClientHandshake::with_key(&uri, &options, key).map(|_| ()), Err(err.clone()), "{options:?}");
    }
}

#[test]
fn client_response_rules() {
    type ResponseCase<'a> = (&'static str, &'a ClientOptions, Vec<u8>, Result<Negotiated, ResponseError>);
    use ResponseError as E;
    let offered =
        ClientOptions::new().protocol("chat").protocol("superchat").extension("permessage-deflate").extension("x-foo");
    let none = ClientOptions::new();
    let ok_neg = |p: Option<&str>, e: &[&str]| Negotiated {
        protocol: p.map(String::from),
        extensions: e.iter().map(|s| s.to_string()).collect(),
    };
    let accept = "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    let base = |upgrade: &'static str, connection: &'static str, extra: &[&'static str]| {
        let mut lines = vec!["HTTP/1.1 101 Switching Protocols", upgrade, connection, accept];
        lines.extend_from_slice(extra);
        request(&lines)
    };
    let table: Vec<ResponseCase> = vec![
        ("plain", &none, response(&[]), Ok(ok_neg(None, &[]))),
        ("case", &none, base("upgrade: WEBSOCKET", "CONNECTION: upgrade", &[]), Ok(ok_neg(None, &[]))),
        ("conn list", &none, base("Upgrade: websocket", "Connection: keep-alive, Upgrade", &[]), Ok(ok_neg(None, &[]))),
        (
            "conn repeated",
            &none,
            base("Upgrade: websocket", "Connection: keep-alive", &["Connection: Upgrade"]),
            Ok(ok_neg(None, &[])),
        ),
        ("protocol", &offered, response(&["Sec-WebSocket-Protocol: superchat"]), Ok(ok_neg(Some("superchat"), &[]))),
        (
            "extensions",
            &offered,
            response(&["Sec-WebSocket-Extensions: x-foo, permessage-deflate; server_no_context_takeover"]),
            Ok(ok_neg(None, &["x-foo", "permessage-deflate; server_no_context_takeover"])),
        ),
        ("extension case", &offered, response(&["Sec-WebSocket-Extensions: X-Foo"]), Ok(ok_neg(None, &["X-Foo"]))),
        (
            "no upgrade",
            &none,
            request(&["HTTP/1.1 101 Switching Protocols", "Connection: Upgrade", accept]),
            Err(E::UpgradeNotWebSocket),
        ),
        ("upgrade other", &none, base("Upgrade: h2c", "Connection: Upgrade", &[]), Err(E::UpgradeNotWebSocket)),
        (
            "no connection",
            &none,
            request(&["HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", accept]),
            Err(E::ConnectionNotUpgrade),
        ),
        ("connection close", &none, base("Upgrade: websocket", "Connection: close", &[]), Err(E::ConnectionNotUpgrade)),
        (
            "no accept",
            &none,
            request(&["HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade"]),
            Err(E::MissingAccept),
        ),
        (
            "wrong accept",
            &none,
            request(&[
                "HTTP/1.1 101 Switching Protocols",
                "Upgrade: websocket",
                "Connection: Upgrade",
                "Sec-WebSocket-Accept: HSmrc0sMlYUkAGmm5OPpG2HaGWk=",
            ]),
            Err(E::AcceptMismatch),
        ),
        ("two accepts", &none, response(&[accept]), Err(E::AcceptMismatch)),
        ("protocol not offered", &none, response(&["Sec-WebSocket-Protocol: chat"]), Err(E::ProtocolNotOffered)),
        ("protocol other", &offered, response(&["Sec-WebSocket-Protocol: mqtt"]), Err(E::ProtocolNotOffered)),
        ("two protocols", &offered, response(&["Sec-WebSocket-Protocol: chat, superchat"]), Err(E::MultipleProtocols)),
        (
            "two protocol headers",
            &offered,
            response(&["Sec-WebSocket-Protocol: chat", "Sec-WebSocket-Protocol: chat"]),
            Err(E::MultipleProtocols),
        ),
        ("empty protocol", &offered, response(&["Sec-WebSocket-Protocol: "]), Err(E::InvalidProtocolHeader)),
        (
            "extension not offered",
            &none,
            response(&["Sec-WebSocket-Extensions: permessage-deflate"]),
            Err(E::ExtensionNotOffered),
        ),
        ("extension other", &offered, response(&["Sec-WebSocket-Extensions: x-bar"]), Err(E::ExtensionNotOffered)),
        ("bad extension", &offered, response(&["Sec-WebSocket-Extensions: x-foo;;"]), Err(E::InvalidExtensionHeader)),
        (
            "HTTP/1.0 101",
            &none,
            request(&["HTTP/1.0 101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade", accept]),
            Err(E::HttpVersion),
        ),
    ];
    for (name, options, input, expected) in table {
        let got = client_parse(options, &input).map(|(reply, consumed)| {
            assert_eq!(consumed, input.len(), "{name}");
            match reply {
                Reply::Upgraded(n) => n,
                other => panic!("{name}: {other:?}"),
            }
        });
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn client_non_101_is_handed_back() {
    let head = b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\nContent-Length: 10\r\n\r\n";
    let mut input = head.to_vec();
    input.extend_from_slice(b"deny");
    let (reply, consumed) = client_parse(&ClientOptions::new(), &input).unwrap();
    assert_eq!(consumed, input.len());
    match reply {
        Reply::NotUpgraded(r) => {
            assert_eq!((r.status, r.reason.as_str()), (401, "Unauthorized"));
            assert_eq!(r.header("www-authenticate"), Some(&b"Basic realm=\"x\""[..]));
            assert_eq!(r.body, b"deny");
        }
        other => panic!("{other:?}"),
    }
    for (input, status) in [
        (&b"HTTP/1.1 302 Found\r\nLocation: ws://other/\r\n\r\n"[..], 302),
        (b"HTTP/1.1 503 Service Unavailable\r\n\r\n", 503),
        (b"HTTP/1.0 200 OK\r\n\r\n", 200),
    ] {
        match client_parse(&ClientOptions::new(), input) {
            Ok((Reply::NotUpgraded(r), _)) => assert_eq!(r.status, status),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn client_frames_after_101_not_consumed() {
    let head = response(&[]);
    let mut input = head.clone();
    input.extend_from_slice(&[0x81, 0x02, b'h', b'i']);
    let (mut hs, _) = client(&ClientOptions::new());
    match hs.parse(&input) {
        Ok(Status::Complete { value: Reply::Upgraded(_), consumed }) => assert_eq!(consumed, head.len()),
        other => panic!("{other:?}"),
    }
    // An over-long response head is refused.
    let (mut hs, _) = client(&ClientOptions::new().limits(Limits { max_head_bytes: 64, max_headers: 8 }));
    assert_eq!(hs.parse(&input), Err(ResponseError::HeadTooLarge { max: 64 }));
}

#[test]
fn standalone_response_validation() {
    let headers: Vec<(&str, &[u8])> = vec![
        ("upgrade", b"websocket"),
        ("connection", b"upgrade"),
        ("sec-websocket-accept", b" s3pPLMBiTxaQ9kYGzzhZRbK+xOo= "),
        ("sec-websocket-protocol", b"chat"),
    ];
    let n = validate_response(KEY, &["chat"], &[] as &[&str], headers.iter().copied()).unwrap();
    assert_eq!(n.protocol.as_deref(), Some("chat"));
}

// ----------------------------------------------------------------- round trip

#[test]
fn client_and_server_agree() {
    let mut rng = ChaChaRng::from_seed([3; 32]);
    let uri = WsUri::parse("ws://localhost:9001/echo?x=1").unwrap();
    let options = ClientOptions::new()
        .origin("http://localhost")
        .protocol("v2.chat")
        .protocol("v1.chat")
        .extension("permessage-deflate; client_max_window_bits")
        .header("Cookie", "id=1");
    for split in [usize::MAX, 1, 3, 17] {
        let (mut client, request) = ClientHandshake::new(&uri, &options, &mut rng).unwrap();
        let mut server = ServerHandshake::new(
            ServerConfig::new().origin_policy(OriginPolicy::allow_list(["http://localhost"]).require_origin(true)),
        );
        let mut incoming = None;
        for chunk in request.chunks(split.min(request.len())) {
            if let Status::Complete { value, .. } = server.parse(chunk).unwrap() {
                incoming = Some(value);
            }
        }
        let Some(Incoming::WebSocket(up)) = incoming else { panic!("no upgrade") };
        assert_eq!(up.request().unwrap().resource_name(), "/echo?x=1");
        assert_eq!(up.host(), "localhost:9001");
        assert_eq!(up.protocols().collect::<Vec<_>>(), ["v2.chat", "v1.chat"]);
        let mut accept = AcceptOptions::new().protocol("v1.chat").header("Set-Cookie", "s=2");
        if cfg!(feature = "deflate") {
            accept = accept.extension("permessage-deflate");
        }
        let (response, server_neg) = up.accept(&accept).unwrap();
        let mut reply = None;
        for chunk in response.chunks(split.min(response.len())) {
            if let Status::Complete { value, .. } = client.parse(chunk).unwrap() {
                reply = Some(value);
            }
        }
        assert_eq!(reply, Some(Reply::Upgraded(server_neg.clone())));
        assert_eq!(server_neg.protocol.as_deref(), Some("v1.chat"));
    }
}

// -------------------------------------------------------------------- proxy

#[test]
fn proxy_connect() {
    let uri = WsUri::parse("wss://example.com/chat").unwrap();
    assert_eq!(
        connect_request(&uri, None).unwrap(),
        b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"
    );
    assert_eq!(
        connect_request(&WsUri::parse("ws://[::1]:8080").unwrap(), Some("Basic ZWRuYW1vZGU6bm9jYXBlcyE=")).unwrap(),
        b"CONNECT [::1]:8080 HTTP/1.1\r\nHost: [::1]:8080\r\nProxy-Authorization: Basic ZWRuYW1vZGU6bm9jYXBlcyE=\r\n\r\n"
    );
    assert_eq!(connect_request(&uri, Some("a\r\nb")), Err(OptionsError::InvalidHeaderValue));

    let ok = b"HTTP/1.1 200 Connection established\r\nProxy-Agent: x\r\n\r\n\x16\x03\x01";
    let mut p = ProxyConnect::default();
    assert_eq!(p.parse(ok), Ok(Status::Complete { value: 200, consumed: ok.len() - 3 }));
    let mut p = ProxyConnect::default();
    let mut result = Status::Partial;
    for (i, b) in ok.iter().enumerate() {
        result = p.parse(std::slice::from_ref(b)).unwrap();
        if result.is_complete() {
            assert_eq!(i + 1, ok.len() - 3);
            break;
        }
    }
    assert_eq!(result, Status::Complete { value: 200, consumed: 1 });
    let mut p = ProxyConnect::default();
    assert_eq!(
        p.parse(b"HTTP/1.1 407 Proxy Authentication Required\r\n\r\n"),
        Err(ResponseError::ProxyRefused { status: 407 })
    );
}

// ------------------------------------------------------------------- errors

#[test]
fn errors_are_small_and_display() {
    assert!(std::mem::size_of::<RequestError>() <= 24, "{}", std::mem::size_of::<RequestError>());
    assert!(std::mem::size_of::<ResponseError>() <= 24, "{}", std::mem::size_of::<ResponseError>());
    assert!(std::mem::size_of::<OptionsError>() <= 24, "{}", std::mem::size_of::<OptionsError>());
    assert!(RequestError::InvalidKey.to_string().contains("16 bytes"));
    #[cfg(feature = "std")]
    {
        let errors: [Box<dyn std::error::Error>; 3] = [
            Box::new(RequestError::InvalidKey),
            Box::new(ResponseError::AcceptMismatch),
            Box::new(OptionsError::InvalidUri(UriError::Fragment)),
        ];
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            text,
            [
                "Sec-WebSocket-Key is not the base64 encoding of 16 bytes",
                "Sec-WebSocket-Accept does not match the key",
                "invalid WebSocket URI: fragment not allowed in a WebSocket URI",
            ]
        );
    }
}

/// Every request fault of the old single error type, with the status it
/// was answered with and its text (the body of the answer), unchanged.
#[test]
fn request_errors_keep_their_status_and_text() {
    use RequestError as E;
    let table: [(RequestError, u16, &str); 17] = [
        (E::HeadTooLarge { max: 8192 }, 431, "HTTP head larger than 8192 bytes"),
        (E::TooManyHeaders { max: 64 }, 431, "more than 64 header fields"),
        (E::MalformedHttp("invalid token"), 400, "malformed HTTP: invalid token"),
        (E::MethodNotGet, 400, "method is not GET"),
        (E::HttpVersion, 400, "HTTP version is not 1.1 or later"),
        (E::BadHost, 400, "Host header missing, empty or repeated"),
        (E::UpgradeNotWebSocket, 400, "Upgrade header does not name websocket"),
        (E::ConnectionNotUpgrade, 400, "Connection header does not contain the Upgrade token"),
        (E::MissingKey, 400, "Sec-WebSocket-Key header missing"),
        (E::InvalidKey, 400, "Sec-WebSocket-Key is not the base64 encoding of 16 bytes"),
        (E::MissingVersion, 400, "Sec-WebSocket-Version header missing"),
        (E::UnsupportedVersion(Some(8)), 426, "unsupported Sec-WebSocket-Version 8 (only 13)"),
        (E::UnsupportedVersion(None), 426, "unsupported Sec-WebSocket-Version (only 13)"),
        (E::InvalidProtocolHeader, 400, "malformed Sec-WebSocket-Protocol header"),
        (E::InvalidExtensionHeader, 400, "malformed Sec-WebSocket-Extensions header"),
        (E::OriginRejected, 403, "origin not allowed"),
        (E::MissingOrigin, 403, "Origin header required"),
    ];
    for (error, status, text) in table {
        assert_eq!(error.status(), status, "{error:?}");
        assert_eq!(error.to_string(), text, "{error:?}");
        let response = String::from_utf8(error.response()).unwrap();
        assert!(response.starts_with(&format!("HTTP/1.1 {status} ")), "{response}");
        let version = matches!(error, E::MissingVersion | E::UnsupportedVersion(_));
        assert_eq!(response.contains("\r\nSec-WebSocket-Version: 13\r\n"), version, "{response}");
        assert!(response.ends_with(&format!("\r\nContent-Length: {}\r\n\r\n{text}\n", text.len() + 1)), "{response}");
    }
}

/// `RequestError::response` writes exactly the bytes the old error type
/// wrote (captured from it), except that a 426 now also carries
/// `Upgrade: websocket` (RFC 9110 §15.5.22: "The server MUST send an
/// Upgrade header field in a 426 response").
#[test]
fn request_error_responses_are_unchanged() {
    use RequestError as E;
    let table: [(RequestError, &str); 6] = [
        (
            E::MalformedHttp("invalid header name"),
            "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 36\r\n\r\nmalformed HTTP: invalid header name\n",
        ),
        (
            E::MissingKey,
            "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 33\r\n\r\nSec-WebSocket-Key header missing\n",
        ),
        (
            E::MissingVersion,
            "HTTP/1.1 400 Bad Request\r\nSec-WebSocket-Version: 13\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 37\r\n\r\nSec-WebSocket-Version header missing\n",
        ),
        (
            E::UnsupportedVersion(Some(8)),
            "HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\nUpgrade: websocket\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 46\r\n\r\nunsupported Sec-WebSocket-Version 8 (only 13)\n",
        ),
        (
            E::OriginRejected,
            "HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 19\r\n\r\norigin not allowed\n",
        ),
        (
            E::HeadTooLarge { max: 8192 },
            "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 33\r\n\r\nHTTP head larger than 8192 bytes\n",
        ),
    ];
    for (error, bytes) in &table {
        assert_eq!(String::from_utf8(error.response()).unwrap(), *bytes, "{error:?}");
    }
    // The same bytes come out of the parser for such a request.
    let err = server_parse(&variant(&[("Sec-WebSocket-Version", Some("Sec-WebSocket-Version: 8"))], &[])).unwrap_err();
    assert_eq!(err.response(), table[3].1.as_bytes());
}

/// Every response fault of the old single error type, with its text.
#[test]
fn response_errors_keep_their_text() {
    use ResponseError as E;
    let table: [(ResponseError, &str); 14] = [
        (E::HeadTooLarge { max: 8192 }, "HTTP head larger than 8192 bytes"),
        (E::TooManyHeaders { max: 64 }, "more than 64 header fields"),
        (E::MalformedHttp("invalid status"), "malformed HTTP: invalid status"),
        (E::HttpVersion, "HTTP version is not 1.1 or later"),
        (E::UpgradeNotWebSocket, "Upgrade header does not name websocket"),
        (E::ConnectionNotUpgrade, "Connection header does not contain the Upgrade token"),
        (E::MissingAccept, "Sec-WebSocket-Accept header missing"),
        (E::AcceptMismatch, "Sec-WebSocket-Accept does not match the key"),
        (E::ProtocolNotOffered, "subprotocol was not offered"),
        (E::MultipleProtocols, "more than one subprotocol selected"),
        (E::ExtensionNotOffered, "extension was not offered"),
        (E::InvalidProtocolHeader, "malformed Sec-WebSocket-Protocol header"),
        (E::InvalidExtensionHeader, "malformed Sec-WebSocket-Extensions header"),
        (E::ProxyRefused { status: 407 }, "proxy refused CONNECT with status 407"),
    ];
    for (error, text) in table {
        assert_eq!(error.to_string(), text, "{error:?}");
    }
    // Head faults of a response, from the parsers.
    let limits = Limits { max_head_bytes: 8192, max_headers: 2 };
    let (mut hs, _) = client(&ClientOptions::new().limits(limits));
    assert_eq!(hs.parse(&response(&["A: b"])), Err(E::TooManyHeaders { max: 2 }));
    let (mut hs, _) = client(&ClientOptions::new());
    assert_eq!(hs.parse(b"HTTP/1.1 1x1 Switching\r\n\r\n"), Err(E::MalformedHttp("invalid status")));
    let mut proxy = ProxyConnect::new(Limits { max_head_bytes: 16, max_headers: 8 });
    assert_eq!(proxy.parse(b"HTTP/1.1 200 Connection established\r\n\r\n"), Err(E::HeadTooLarge { max: 16 }));
}

/// Every local misuse of the old single error type, each from the call
/// that reports it.
#[test]
fn options_errors_come_from_the_builders() {
    use OptionsError as E;
    let uri = WsUri::parse("ws://example.com/chat").unwrap();
    let key = SecKey::from_nonce([0; 16]);
    let request = |uri: &str, options: &ClientOptions| -> Result<Vec<u8>, OptionsError> {
        let uri = WsUri::parse(uri)?;
        Ok(ClientHandshake::with_key(&uri, options, key)?.1)
    };
    let u = upgrade(&variant(&[], &["Sec-WebSocket-Protocol: chat", "Sec-WebSocket-Extensions: x-foo"]));
    let rng = ChaChaRng::from_seed([0; 32]);
    let extension = ClientOptions::new().extension("x-foo");
    let table: [(Result<(), OptionsError>, OptionsError, &str); 10] = [
        (
            request("ws://example.com/#top", &ClientOptions::new()).map(drop),
            E::InvalidUri(UriError::Fragment),
            "invalid WebSocket URI: fragment not allowed in a WebSocket URI",
        ),
        (
            request("ws://example.com/", &ClientOptions::new().header("X Y", "1")).map(drop),
            E::InvalidHeaderName,
            "header name is not a token",
        ),
        (
            connect_request(&uri, Some("a\nb")).map(drop),
            E::InvalidHeaderValue,
            "header value contains CR, LF or a control character",
        ),
        (
            reject_response(404, "Not Found", &[("Transfer-Encoding", "chunked")], b"").map(drop),
            E::ReservedHeader,
            "header is written by the handshake itself",
        ),
        (
            request("ws://example.com/", &ClientOptions::new().protocol("")).map(drop),
            E::InvalidProtocol,
            "subprotocol is not a token or is repeated",
        ),
        (
            u.accept(&AcceptOptions::new().extension("x-foo; =1")).map(drop),
            E::InvalidExtension,
            "extension does not follow the Sec-WebSocket-Extensions syntax",
        ),
        (reject_response(99, "x", &[], b"").map(drop), E::InvalidStatus(99), "status 99 cannot reject a handshake"),
        (
            u.accept(&AcceptOptions::new().protocol("mqtt")).map(drop),
            E::ProtocolNotOffered,
            "subprotocol was not offered",
        ),
        (
            u.offer().accept(&AcceptOptions::new().extension("x-bar")).map(drop),
            E::ExtensionNotOffered,
            "extension was not offered",
        ),
        (
            wsproto::Connection::client(&uri, &extension, wsproto::Config::default(), rng).map(drop),
            E::UnsupportedExtension,
            "extension not implemented by the connection",
        ),
    ];
    for (got, error, text) in table {
        assert_eq!(got, Err(error.clone()), "{error:?}");
        assert_eq!(error.to_string(), text, "{error:?}");
    }
    assert_eq!(u.accept(&AcceptOptions::new().extension("x-foo;;")).map(drop), Err(E::InvalidExtension));
    assert_eq!(request("ws://example.com/", &ClientOptions::new().extension("a=\"b")), Err(E::InvalidExtension));
}

#[test]
fn hostile_input_never_panics() {
    // A cheap deterministic fuzz: random bytes and mutated valid heads, fed
    // in random splits, to every parser.
    let mut rng = ChaChaRng::from_seed([5; 32]);
    let valid = variant(&[], &["Sec-WebSocket-Extensions: a; b=\"c\", d", "Sec-WebSocket-Protocol: x, y"]);
    let valid_response = response(&["Sec-WebSocket-Protocol: chat"]);
    for round in 0..3000 {
        let mut buf = [0u8; 8];
        wsproto::RandomSource::fill(&mut rng, &mut buf);
        let mut input = if round % 2 == 0 { valid.clone() } else { valid_response.clone() };
        for k in 0..(buf[0] % 6) as usize {
            let pos = (buf[1 + k % 6] as usize * 31 + round) % input.len();
            input[pos] = buf[2 + (k % 5)];
        }
        let split = 1 + buf[7] as usize % 13;
        let mut server = ServerHandshake::default();
        let (mut client, _) = client(&ClientOptions::new().protocol("chat"));
        let mut proxy = ProxyConnect::default();
        for chunk in input.chunks(split) {
            let _ = server.parse(chunk);
            let _ = client.parse(chunk);
            let _ = proxy.parse(chunk);
        }
        let _ = WsUri::parse(&String::from_utf8_lossy(&input[..input.len().min(40)]).replacen("GET ", "ws://", 1));
    }
}
