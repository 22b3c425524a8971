//! Echo client: `cargo run -p wsproto-tokio --example echo_client -- ws://127.0.0.1:9001/ hello`
use wsproto_tokio::{wsproto::handshake::WsUri, wsproto::CloseCode, Message};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let uri = std::env::args().nth(1).unwrap_or_else(|| "ws://127.0.0.1:9001/".into());
    let parsed = WsUri::parse(&uri).map_err(std::io::Error::other)?;
    let stream = tokio::net::TcpStream::connect((parsed.host(), parsed.port())).await?;
    let mut ws = wsproto_tokio::connect(stream, &uri).await?;
    for text in std::env::args().skip(2) {
        ws.send(Message::text(text)).await?;
        match ws.recv().await.transpose()? {
            Some(Message::Text(echo)) => println!("{echo}"),
            other => println!("unexpected: {other:?}"),
        }
    }
    ws.close(CloseCode::NORMAL, "bye").await
}
