//! An axum 0.8 app: `/` is a page, the route `/ws` upgrades to a WebSocket
//! that echoes every message (permessage-deflate on).
//!
//! ```text
//! cargo run --example axum_server --features http -- 9252
//! ```
//!
//! The port comes from the first argument or `WSPROTO_PORT` (default
//! 9252). axum's own `ws` feature runs tungstenite; here the handler takes
//! the raw request, wsproto validates it and builds the 101, and
//! `hyper::upgrade::on` (which `axum::serve` supports) hands over the
//! stream. A bad key gets 400, a plain GET 426 with `Upgrade: websocket`.

use axum::body::Body;
use axum::extract::Request;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::AcceptOptions;
use wsproto::{Config, Connection, Event, TransportAction};

const CONFIG: Config = Config::new().deflate(DeflateConfig::DEFAULT);

async fn ws(mut req: Request) -> Response {
    let offer = match wsproto::http::validate_request(&req, None) {
        Ok(offer) => offer,
        Err(refused) => return refused.http_response(req.version()).map(Body::from),
    };
    // Browsers fail the connection if they offered subprotocols and none is chosen.
    let options = offer.protocols().next().map_or(AcceptOptions::new(), |p| AcceptOptions::new().protocol(p));
    let (response, negotiated) = match offer.accept_http(&options, &CONFIG) {
        Ok(accepted) => accepted,
        Err(e) => return Response::builder().status(500).body(Body::from(e.to_string())).expect("a valid response"),
    };
    let on_upgrade = hyper::upgrade::on(&mut req);
    tokio::spawn(async move {
        let io = TokioIo::new(on_upgrade.await?);
        echo(io, Connection::open_server(CONFIG, negotiated)?).await
    });
    response.map(|()| Body::empty())
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

async fn echo(mut io: impl AsyncRead + AsyncWrite + Unpin, mut conn: Connection) -> Result<(), BoxError> {
    let mut buf = vec![0u8; 16 * 1024];
    while conn.transport_action() == TransportAction::Continue {
        let n = io.read(&mut buf).await?;
        if n == 0 {
            let _ = conn.read_eof();
            return Ok(());
        }
        conn.feed(&buf[..n]);
        let result = loop {
            match conn.poll() {
                Ok(r) => match r.event {
                    Some(Event::Message(m)) => r.sender.send_message(m)?,
                    Some(_) => {}
                    None => break Ok(()),
                },
                // Its Close frame is queued: send it, then report.
                Err(e) => break Err(e),
            }
        };
        io.write_all(conn.pending()).await?;
        let written = conn.pending().len();
        conn.sender().advance(written)?;
        result?;
    }
    Ok(())
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::args().nth(1).or_else(|| std::env::var("WSPROTO_PORT").ok()).unwrap_or("9252".into());
    let port: u16 = port.parse().expect("a port number");
    let app =
        Router::new().route("/", get(|| async { "wsproto on axum: the WebSocket is at /ws\n" })).route("/ws", get(ws));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("axum server on http://127.0.0.1:{port}/ (WebSocket at /ws)");
    axum::serve(listener, app).await
}
