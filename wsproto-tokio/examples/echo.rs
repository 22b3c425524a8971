//! Echo server: `cargo run -p wsproto-tokio --example echo -- 127.0.0.1:9001`
use tokio::net::{TcpListener, TcpStream};
use wsproto_tokio::wsproto::{extensions::deflate::DeflateConfig, Config};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:9001".into());
    let listener = TcpListener::bind(&addr).await?;
    println!("echo server on ws://{addr}/");
    loop {
        let (stream, peer) = listener.accept().await?;
        tokio::spawn(async move { echo(stream).await.unwrap_or_else(|e| eprintln!("{peer}: {e}")) });
    }
}

async fn echo(stream: TcpStream) -> std::io::Result<()> {
    let config = Config::new().deflate(DeflateConfig::new());
    let mut ws = wsproto_tokio::Options::new().config(config).accept(stream).await?;
    while let Some(msg) = ws.recv().await.transpose()? {
        if msg.is_data() {
            ws.send(msg).await?;
        }
    }
    Ok(())
}
