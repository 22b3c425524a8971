//! The echo server on tokio, one task per connection.
//!
//! ```text
//! cargo run --release --example tokio_echo -- 127.0.0.1:9001
//! ```
//!
//! Every text and binary message is echoed back unchanged; a plain
//! `GET /` gets a short `text/plain` answer. A connection that stays silent
//! for 5 minutes is closed (1000, "idle timeout"). Type `quit` and Enter on
//! standard input for a graceful shutdown: every open connection gets a
//! Close 1001 ("going away"), the server waits a bounded time for the
//! clients' replies, and exits 0.
//!
//! # Cancel safety comes for free
//!
//! All protocol state lives in the [`Connection`], a plain value that no
//! future owns. The task awaits only two things: `read` into a buffer, and
//! `write` of [`wsproto::Sender::pending`] followed by `advance(n)` with
//! the count that write returned. Both are cancel safe in tokio: a `read`
//! or `write` future that is dropped before it completes has moved no
//! bytes. So every await point can sit in a `tokio::select!` next to a
//! timeout or a shutdown signal, and losing the race loses nothing:
//!
//! - bytes that were read are handed to the connection (`conn.read`) before
//!   the next await, so none sit in a future that might be dropped;
//! - bytes not yet reported with `advance` are still queued in the
//!   connection, and the next `write` picks them up, partial writes
//!   included.
//!
//! Below, one `select!` races reading, writing, the idle timer and the
//! shutdown signal. Whichever wins, the others are dropped and the loop
//! goes round again. Do not use `write_all(pending)` there: it is not
//! cancel safe (a dropped `write_all` may have written part of the buffer
//! without saying how much).
//!
//! The shutdown signal is a `watch` channel. Here standard input drives it;
//! with tokio's `signal` feature, `tokio::signal::ctrl_c()` would send on
//! the same channel.

use std::io::{self, BufRead};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::{sleep_until, Instant};
use wsproto::handshake::{AcceptOptions, ServerConfig};
use wsproto::{CloseCode, Config, Connection, Event, State, TransportAction};

/// A connection with no traffic for this long is closed.
const IDLE_TIMEOUT: Duration = Duration::from_secs(300);
/// How long we wait for the client's Close reply (or for the client to read
/// what we queued) once we started the close handshake.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(5);
/// Stop reading while this much output is queued: a client that sends but
/// never reads cannot make us buffer without bound.
const MAX_PENDING: usize = 1 << 20;

#[tokio::main]
async fn main() -> io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:9001".to_owned());
    let listener = TcpListener::bind(&addr).await?;
    println!("tokio echo server on ws://{addr}/ (type `quit` for a graceful shutdown)");

    // The shutdown signal. The sender lives as long as `main`, so `wait_for`
    // only ever completes because `true` was sent.
    let (shutdown_tx, shutdown) = watch::channel(false);
    let shutdown_tx = Arc::new(shutdown_tx);
    let stdin_tx = Arc::clone(&shutdown_tx);
    std::thread::spawn(move || {
        for line in io::stdin().lock().lines() {
            match line {
                Ok(line) if line.trim() == "quit" => {
                    stdin_tx.send_replace(true);
                    return;
                }
                Ok(_) => {}
                Err(_) => return,
            }
        }
    });

    let mut tasks = JoinSet::new();
    let mut stop = shutdown.clone();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(accepted) => accepted,
                    Err(e) => {
                        // Out of file descriptors and the like: back off.
                        eprintln!("accept: {e}");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                let shutdown = shutdown.clone();
                tasks.spawn(async move {
                    if let Err(e) = serve(stream, shutdown).await {
                        eprintln!("{peer}: {e}");
                    }
                });
            }
            // Reap finished tasks so the set does not grow.
            Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
            _ = stop.wait_for(|&stop| stop) => break,
        }
    }
    drop(listener);
    let open = tasks.len();
    println!("shutting down: closing {open} connection(s)");
    // Each task bounds its own close handshake; this is a backstop.
    let all_done = async { while tasks.join_next().await.is_some() {} };
    if tokio::time::timeout(CLOSE_TIMEOUT + Duration::from_secs(1), all_done).await.is_err() {
        eprintln!("{} connection(s) did not close in time", tasks.len());
    }
    drop(shutdown_tx);
    println!("shutdown complete");
    Ok(())
}

/// What to do once the event that borrows the connection is handled.
enum Answer {
    Accept,
    Text,
    NotFound,
}

async fn serve(mut stream: TcpStream, mut shutdown: watch::Receiver<bool>) -> io::Result<()> {
    stream.set_nodelay(true)?;
    let (mut rd, mut wr) = stream.split();
    let mut conn = Connection::server(Config::default(), ServerConfig::new());
    let mut buf = vec![0u8; 16 * 1024];
    let (mut start, mut end) = (0, 0);
    let mut deadline = Instant::now() + IDLE_TIMEOUT;
    let mut closing = false;
    loop {
        // 1. Hand the connection everything read so far. No await in here:
        //    once read from the socket, bytes belong to the connection.
        if let Err(e) = handle_input(&mut conn, &mut buf, &mut start, end) {
            // The Close frame or HTTP error answer is queued; send it, but
            // only for a bounded time.
            let _ = tokio::time::timeout(CLOSE_TIMEOUT, flush(&mut wr, &mut conn)).await;
            return Err(e);
        }
        // 2. Close the transport when the protocol says so (everything
        //    pending has been written by then).
        if conn.transport_action() != TransportAction::Continue {
            return Ok(());
        }
        if start == end {
            (start, end) = (0, 0);
        } else if end == buf.len() {
            buf.copy_within(start..end, 0);
            (start, end) = (0, end - start);
        }
        let pending = conn.sender().pending_len();
        let can_read = pending < MAX_PENDING && end < buf.len();

        // 3. Wait for whichever comes first. Every branch is cancel safe:
        //    the losers are dropped having moved no bytes.
        tokio::select! {
            n = wr.write(conn.sender().pending()), if pending > 0 => {
                let n = n?;
                if n == 0 {
                    return Err(io::ErrorKind::WriteZero.into());
                }
                conn.sender().advance(n).map_err(io::Error::other)?;
            }
            n = rd.read(&mut buf[end..]), if can_read => {
                let n = n?;
                if n == 0 {
                    let _ = conn.read_eof();
                    return Ok(());
                }
                end += n;
                if !closing {
                    deadline = Instant::now() + IDLE_TIMEOUT;
                }
            }
            _ = sleep_until(deadline) => {
                if closing || conn.state() != State::Open {
                    // No Close reply in time, or a handshake that never
                    // finished: drop the transport.
                    return Ok(());
                }
                conn.sender().send_close(CloseCode::NORMAL, "idle timeout").map_err(io::Error::other)?;
                closing = true;
                deadline = Instant::now() + CLOSE_TIMEOUT;
            }
            _ = shutdown.wait_for(|&stop| stop), if !closing => {
                if conn.state() != State::Open {
                    return Ok(());
                }
                conn.sender().send_close(CloseCode::GOING_AWAY, "server shutting down").map_err(io::Error::other)?;
                closing = true;
                deadline = Instant::now() + CLOSE_TIMEOUT;
            }
        }
    }
}

/// Runs `conn.read` over `buf[start..end]` until it returns no event, acting
/// on each event. Never awaits.
fn handle_input(conn: &mut Connection, buf: &mut [u8], start: &mut usize, end: usize) -> io::Result<()> {
    loop {
        let read = conn.read(&mut buf[*start..end]).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        *start += read.consumed;
        let answer = match read.event {
            None => return Ok(()),
            Some(Event::UpgradeRequest(_)) => Answer::Accept,
            Some(Event::HttpRequest(req)) if req.method() == "GET" && req.path() == "/" => Answer::Text,
            Some(Event::HttpRequest(_)) => Answer::NotFound,
            // Echo without copying: the message borrows `buf` or the
            // connection, and the sender comes with it.
            Some(Event::Message(msg)) => {
                read.sender.send_message(msg).ok();
                continue;
            }
            // Pings are answered and Close replied to automatically.
            Some(_) => continue,
        };
        let result = match answer {
            Answer::Accept => conn.accept(&AcceptOptions::new()),
            Answer::Text => conn.respond(
                200,
                "OK",
                &[("Content-Type", "text/plain; charset=utf-8")],
                b"wsproto tokio echo server: connect a WebSocket client to this address\n",
            ),
            Answer::NotFound => conn.respond(404, "Not Found", &[], b"not found\n"),
        };
        result.map_err(io::Error::other)?;
    }
}

/// Writes everything queued (used only on the error path, under a timeout).
async fn flush(wr: &mut (impl AsyncWriteExt + Unpin), conn: &mut Connection) -> io::Result<()> {
    while conn.sender().pending_len() > 0 {
        let n = wr.write(conn.sender().pending()).await?;
        if n == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        conn.sender().advance(n).map_err(io::Error::other)?;
    }
    Ok(())
}
