//! WebSocket over HTTP/2 (RFC 8441) in one process: hyper 1.x's HTTP/2
//! server with extended CONNECT enabled, and an h2 client sending
//! `CONNECT` with `:protocol` `websocket`, over a tokio duplex pipe. Both
//! ends speak WebSocket through wsproto over the HTTP/2 stream:
//! permessage-deflate negotiated, text, binary, a message larger than
//! HTTP/2's initial 64 KiB window (flow control both ways), and the close
//! handshake.

use std::convert::Infallible;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Empty;
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use wsproto::handshake::{AcceptOptions, ClientOptions, ClientUpgrade, UpgradeKind, WsUri};
use wsproto::{ChaChaRng, CloseCode, Config, Connection, Event, Message, TransportAction};

fn config() -> Config {
    #[cfg(feature = "deflate")]
    return Config::new().deflate(wsproto::extensions::deflate::DeflateConfig::default());
    #[cfg(not(feature = "deflate"))]
    Config::new()
}

/// The server's echo loop over the upgraded HTTP/2 stream.
async fn echo<S: AsyncRead + AsyncWrite + Unpin>(mut io: S, mut conn: Connection) -> std::io::Result<()> {
    let mut buf = vec![0u8; 16 * 1024];
    while conn.transport_action() == TransportAction::Continue {
        let n = io.read(&mut buf).await?;
        if n == 0 {
            let _ = conn.read_eof();
            break;
        }
        conn.feed(&buf[..n]);
        loop {
            let received = conn.poll().map_err(std::io::Error::other)?;
            match received.event {
                Some(Event::Message(m)) => received.sender.send_message(m).map_err(std::io::Error::other)?,
                Some(_) => {}
                None => break,
            }
        }
        io.write_all(conn.pending()).await?;
        io.flush().await?;
        let written = conn.pending().len();
        conn.sender().advance(written).map_err(std::io::Error::other)?;
    }
    Ok(())
}

/// hyper's service: an RFC 8441 extended CONNECT validated and answered by
/// wsproto, then an echo over the stream hyper hands back.
async fn serve(mut req: Request<Incoming>) -> Result<Response<Empty<Bytes>>, Infallible> {
    let protocol = req.extensions().get::<hyper::ext::Protocol>().map(|p| p.as_str().to_owned());
    let offer = match wsproto::http::validate_request(&req, protocol.as_deref()) {
        Ok(offer) => offer,
        Err(e) => return Ok(e.http_response(req.version()).map(|_| Empty::new())),
    };
    assert_eq!(offer.kind(), UpgradeKind::ExtendedConnect);
    let chat = offer.protocols().find(|p| *p == "chat").map(String::from).unwrap_or_default();
    let (response, negotiated) = offer.accept_http(&AcceptOptions::new().protocol(chat), &config()).unwrap();
    let upgrade = hyper::upgrade::on(&mut req);
    tokio::spawn(async move {
        let io = TokioIo::new(upgrade.await.expect("hyper hands over the CONNECT stream"));
        let conn = Connection::open_server(config(), negotiated).unwrap();
        echo(io, conn).await.expect("server echo");
    });
    Ok(response.map(|()| Empty::new()))
}

/// Reads from the HTTP/2 stream until `conn` reports an event that `want`
/// turns into a value.
async fn next<T>(recv: &mut h2::RecvStream, conn: &mut Connection, mut want: impl FnMut(Event<'_>) -> Option<T>) -> T {
    loop {
        loop {
            let received = conn.poll().expect("client connection");
            match received.event {
                Some(event) => {
                    if let Some(v) = want(event) {
                        return v;
                    }
                }
                None => break,
            }
        }
        let data = recv.data().await.expect("stream still open").expect("h2 data");
        recv.flow_control().release_capacity(data.len()).unwrap();
        conn.feed(&data);
    }
}

fn flush(send: &mut h2::SendStream<Bytes>, conn: &mut Connection) {
    let bytes = Bytes::copy_from_slice(conn.pending());
    conn.sender().advance(bytes.len()).unwrap();
    if !bytes.is_empty() {
        send.send_data(bytes, false).unwrap();
    }
}

#[tokio::test]
async fn websocket_over_http2_extended_connect() {
    tokio::time::timeout(Duration::from_secs(20), run()).await.expect("the exchange finished in time");
}

async fn run() {
    let (client_io, server_io) = tokio::io::duplex(64 * 1024);
    tokio::spawn(async move {
        hyper::server::conn::http2::Builder::new(TokioExecutor::new())
            .enable_connect_protocol()
            .serve_connection(TokioIo::new(server_io), hyper::service::service_fn(serve))
            .await
            .expect("hyper serves the connection");
    });

    let (send_request, h2_conn) = h2::client::handshake(client_io).await.expect("h2 handshake");
    tokio::spawn(async move { h2_conn.await.expect("h2 client connection") });
    let mut send_request = send_request.ready().await.unwrap();
    // RFC 8441 §3: the client may only use :protocol once the server's
    // SETTINGS_ENABLE_CONNECT_PROTOCOL arrived.
    for _ in 0..200 {
        if send_request.is_extended_connect_protocol_enabled() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(send_request.is_extended_connect_protocol_enabled(), "hyper announces extended CONNECT");

    let uri = WsUri::parse("ws://localhost/chat").unwrap();
    let options = ClientOptions::new().protocol("chat");
    let (client, mut request) = ClientUpgrade::http_request(&uri, &options, &config(), None).unwrap();
    request.extensions_mut().insert(h2::ext::Protocol::from_static("websocket"));
    let (response, mut send) = send_request.send_request(request, false).expect("CONNECT sent");
    let response = response.await.expect("CONNECT answered");
    assert_eq!(response.status(), 200);
    let negotiated = client.validate_http(&response).expect("a valid RFC 8441 answer");
    assert_eq!(negotiated.protocol.as_deref(), Some("chat"));
    #[cfg(feature = "deflate")]
    assert!(negotiated.extensions[0].starts_with("permessage-deflate"), "{negotiated:?}");
    let mut recv = response.into_body();
    let mut conn = Connection::open_client(config(), negotiated, ChaChaRng::from_seed([5; 32])).unwrap();

    let big: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
    conn.sender().send_text("hello over h2").unwrap();
    conn.sender().send_binary(&[0, 1, 2, 255]).unwrap();
    conn.sender().send_binary(&big).unwrap();
    flush(&mut send, &mut conn);
    let mut got = Vec::new();
    for _ in 0..3 {
        let m = next(&mut recv, &mut conn, |e| match e {
            Event::Message(Message::Text(t)) => Some((true, t.as_bytes().to_vec())),
            Event::Message(Message::Binary(b)) => Some((false, b.to_vec())),
            _ => None,
        })
        .await;
        got.push(m);
    }
    assert_eq!(got, [(true, b"hello over h2".to_vec()), (false, vec![0, 1, 2, 255]), (false, big)]);

    conn.sender().send_close(CloseCode::NORMAL, "done").unwrap();
    flush(&mut send, &mut conn);
    let code = next(&mut recv, &mut conn, |e| match e {
        Event::Close(c) => Some(c.code),
        _ => None,
    })
    .await;
    assert_eq!(code, CloseCode::NORMAL);
}
