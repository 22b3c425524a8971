//! A hyper 1.x HTTP/1.1 server: `/` is a page, `/ws` upgrades to a
//! WebSocket that echoes every message (permessage-deflate on).
//!
//! ```text
//! cargo run --example hyper_server --features http -- 9251
//! ```
//!
//! The port comes from the first argument or `WSPROTO_PORT` (default 9251).
//! wsproto validates the upgrade (a bad key gets 400, a plain GET 426 with
//! `Upgrade: websocket`, another version 426 with `Sec-WebSocket-Version:
//! 13`), builds the 101 as an `http::Response`, and runs the connection
//! over the stream hyper hands back, through the workspace's tokio adapter
//! (`wsproto-tokio`, which answers pings and completes the close
//! handshake). The lines between the `glue` marks are all the wsproto code
//! a hyper server needs.

use std::convert::Infallible;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::AcceptOptions;
use wsproto::{Config, Role};
use wsproto_tokio::{Message, Options};

const CONFIG: Config = Config::new().deflate(DeflateConfig::DEFAULT);

// glue: begin
async fn upgrade(mut req: Request<Incoming>) -> Response<Full<Bytes>> {
    let offer = match wsproto::http::validate_request(&req, None) {
        Ok(offer) => offer,
        Err(refused) => return refused.http_response(req.version()).map(Full::from),
    };
    // Browsers fail the connection if they offered subprotocols and none is chosen.
    let options = offer.protocols().next().map_or(AcceptOptions::new(), |p| AcceptOptions::new().protocol(p));
    let (response, negotiated) = match offer.accept_http(&options, &CONFIG) {
        Ok(accepted) => accepted,
        Err(e) => return Response::builder().status(500).body(Full::from(e.to_string())).expect("a valid response"),
    };
    let on_upgrade = hyper::upgrade::on(&mut req);
    tokio::spawn(async move {
        // The upgraded stream, driven by the workspace's tokio adapter.
        let io = TokioIo::new(on_upgrade.await?);
        let mut ws = Options::new().config(CONFIG).open(io, Role::Server, negotiated)?;
        while let Some(msg) = ws.recv().await {
            if let msg @ (Message::Text(_) | Message::Binary(_)) = msg? {
                ws.send(msg).await?;
            }
        }
        Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
    });
    response.map(|()| Full::default())
}
// glue: end

async fn route(req: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    Ok(match req.uri().path() {
        "/ws" => upgrade(req).await,
        "/" => Response::new(Full::from("wsproto on hyper: the WebSocket is at /ws\n")),
        _ => Response::builder().status(404).body(Full::from("not found\n")).expect("a valid response"),
    })
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::args().nth(1).or_else(|| std::env::var("WSPROTO_PORT").ok()).unwrap_or("9251".into());
    let listener = TcpListener::bind(("127.0.0.1", port.parse::<u16>().expect("a port number"))).await?;
    println!("hyper server on http://127.0.0.1:{port}/ (WebSocket at /ws)");
    loop {
        let (stream, _) = listener.accept().await?;
        tokio::spawn(async move {
            let conn = http1::Builder::new().serve_connection(TokioIo::new(stream), service_fn(route));
            if let Err(e) = conn.with_upgrades().await {
                eprintln!("connection: {e}");
            }
        });
    }
}
