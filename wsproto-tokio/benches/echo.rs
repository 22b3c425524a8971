//! Echo throughput over loopback TCP: wsproto-tokio against
//! tokio-tungstenite, in the same process, rounds interleaved.
//!
//! ```text
//! cargo bench -p wsproto-tokio --bench echo
//! ```
//!
//! Each round opens one connection per implementation (handshake not
//! timed) to an echo server of the same implementation in the same
//! runtime (tokio, 2 worker threads), then times a client that sends
//! binary messages and reads every echo back, checking each one:
//!
//! - `small`: 16-byte messages, pipelined in batches of 100 (`feed` × 100,
//!   `flush`, then 100 reads);
//! - `1mib`: 1 MiB messages, one at a time (`send`, then one read).
//!
//! Both servers run the same loop: wait for a message, take every message
//! that is already readable without waiting (`now_or_never`), `feed` each
//! back, then `flush`: the batching `StreamExt::forward` does, which is
//! the echo that tokio-tungstenite documents (its `echo-server` example),
//! without the split halves' lock. Both sides `set_nodelay(true)`;
//! tokio-tungstenite runs with its default `WebSocketConfig` and
//! `accept_async`/`client_async`, wsproto-tokio with its default `Options`.
//!
//! Environment: `WSPROTO_BENCH_ROUNDS` (default 7) timed rounds after one
//! untimed warm-up; the table shows each row's median.
//! `WSPROTO_BENCH_SCALE` (default 1.0) multiplies the message counts.
//! `WSPROTO_BENCH_ONLY=small` or `=1mib` runs one row, and
//! `WSPROTO_BENCH_IMPLS=ours` (or `tungstenite`) one implementation, for
//! profiling.

use std::io;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::{FutureExt, SinkExt, StreamExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_tungstenite::tungstenite;

const SMALL: usize = 16;
const SMALL_BATCH: usize = 100;
const MIB: usize = 1 << 20;

#[derive(Clone, Copy)]
enum Impl {
    Ours,
    Tungstenite,
}

impl Impl {
    fn name(self) -> &'static str {
        match self {
            Impl::Ours => "wsproto-tokio",
            Impl::Tungstenite => "tokio-tungstenite",
        }
    }
}

async fn listen() -> (TcpListener, String) {
    // An ephemeral port: nothing else can hold it.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    (listener, addr)
}

async fn ours_server(listener: TcpListener) -> io::Result<()> {
    let (stream, _) = listener.accept().await?;
    stream.set_nodelay(true)?;
    let mut ws = wsproto_tokio::accept(stream).await?;
    while let Some(msg) = ws.next().await {
        ws.feed(msg?).await?;
        while let Some(Some(msg)) = ws.next().now_or_never() {
            ws.feed(msg?).await?;
        }
        ws.flush().await?;
    }
    Ok(())
}

async fn tungstenite_server(listener: TcpListener) -> Result<(), tungstenite::Error> {
    let (stream, _) = listener.accept().await.unwrap();
    stream.set_nodelay(true).unwrap();
    let mut ws = tokio_tungstenite::accept_async(stream).await?;
    while let Some(msg) = ws.next().await {
        let msg = msg?;
        if msg.is_close() {
            break;
        }
        ws.feed(msg).await?;
        while let Some(Some(msg)) = ws.next().now_or_never() {
            let msg = msg?;
            if msg.is_close() {
                return Ok(());
            }
            ws.feed(msg).await?;
        }
        ws.flush().await?;
    }
    Ok(())
}

fn payload(len: usize, seed: usize) -> Bytes {
    (0..len).map(|i| (i.wrapping_mul(31) ^ seed) as u8).collect::<Vec<u8>>().into()
}

/// Sends `count` messages of `len` bytes in batches of `batch`, reads every
/// echo, and returns the time taken.
async fn ours_client(addr: &str, len: usize, count: usize, batch: usize) -> Duration {
    let stream = TcpStream::connect(addr).await.unwrap();
    stream.set_nodelay(true).unwrap();
    let mut ws = wsproto_tokio::connect(stream, &format!("ws://{addr}/")).await.unwrap();
    let data: Vec<Bytes> = (0..batch).map(|i| payload(len, i)).collect();
    let start = Instant::now();
    for _ in 0..count / batch {
        for d in &data {
            ws.feed(wsproto_tokio::Message::Binary(d.clone())).await.unwrap();
        }
        ws.flush().await.unwrap();
        for d in &data {
            match ws.next().await.unwrap().unwrap() {
                wsproto_tokio::Message::Binary(echo) => assert!(echo == d, "wrong echo"),
                other => panic!("unexpected {other:?}"),
            }
        }
    }
    let elapsed = start.elapsed();
    ws.close(wsproto::CloseCode::NORMAL, "").await.unwrap();
    elapsed
}

async fn tungstenite_client(addr: &str, len: usize, count: usize, batch: usize) -> Duration {
    let stream = TcpStream::connect(addr).await.unwrap();
    stream.set_nodelay(true).unwrap();
    let (mut ws, _) = tokio_tungstenite::client_async(format!("ws://{addr}/"), stream).await.unwrap();
    let data: Vec<Bytes> = (0..batch).map(|i| payload(len, i)).collect();
    let start = Instant::now();
    for _ in 0..count / batch {
        for d in &data {
            ws.feed(tungstenite::Message::Binary(d.clone())).await.unwrap();
        }
        ws.flush().await.unwrap();
        for d in &data {
            match ws.next().await.unwrap().unwrap() {
                tungstenite::Message::Binary(echo) => assert!(echo == d, "wrong echo"),
                other => panic!("unexpected {other:?}"),
            }
        }
    }
    let elapsed = start.elapsed();
    ws.close(None).await.unwrap();
    elapsed
}

async fn run(which: Impl, len: usize, count: usize, batch: usize) -> Duration {
    let (listener, addr) = listen().await;
    match which {
        Impl::Ours => {
            let server = tokio::spawn(ours_server(listener));
            let t = ours_client(&addr, len, count, batch).await;
            server.await.unwrap().unwrap();
            t
        }
        Impl::Tungstenite => {
            let server = tokio::spawn(tungstenite_server(listener));
            let t = tungstenite_client(&addr, len, count, batch).await;
            server.await.unwrap().unwrap();
            t
        }
    }
}

/// CPU time of the whole process so far (both ends and the runtime), in
/// seconds, from /proc/self/stat (clock ticks of 10 ms); NaN elsewhere. On a
/// shared machine it is steadier than wall time.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return f64::NAN };
    let fields: Vec<&str> = stat.rsplit_once(')').map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    // Fields 14 and 15 (utime, stime); `fields` starts at field 3.
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
    (ticks(11) + ticks(12)) / 100.0
}

/// The median; NaN for a row that was not run.
fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::var("WSPROTO_BENCH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(7);
    let scale: f64 = std::env::var("WSPROTO_BENCH_SCALE").ok().and_then(|v| v.parse().ok()).unwrap_or(1.0);
    let small_count = (((200_000.0 * scale) as usize) / SMALL_BATCH).max(1) * SMALL_BATCH;
    let big_count = ((300.0 * scale) as usize).max(1);
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let rows = [
        ("small (16 B, batches of 100)", SMALL, small_count, SMALL_BATCH),
        ("1mib (1 MiB, one at a time)", MIB, big_count, 1),
    ];
    println!("echo over loopback TCP, {rounds} rounds (median), {small_count} small and {big_count} 1 MiB messages per round");
    let only = std::env::var("WSPROTO_BENCH_ONLY").unwrap_or_default();
    let impls = std::env::var("WSPROTO_BENCH_IMPLS").unwrap_or_default();
    let run_impl = |which: Impl| {
        impls.is_empty() || matches!((which, impls.as_str()), (Impl::Ours, "ours") | (Impl::Tungstenite, "tungstenite"))
    };
    for (name, len, count, batch) in rows {
        if !only.is_empty() && !name.starts_with(only.as_str()) {
            continue;
        }
        let mut times = [Vec::new(), Vec::new()];
        let mut cpu = [Vec::new(), Vec::new()];
        for round in 0..=rounds {
            for (i, which) in [Impl::Ours, Impl::Tungstenite].into_iter().enumerate() {
                if !run_impl(which) {
                    times[i].push(f64::NAN);
                    cpu[i].push(f64::NAN);
                    continue;
                }
                let cpu_before = cpu_seconds();
                let t = rt.block_on(run(which, len, count, batch));
                if round > 0 {
                    times[i].push(t.as_secs_f64());
                    // Includes the untimed connection setup and close.
                    cpu[i].push(cpu_seconds() - cpu_before);
                }
            }
        }
        let bytes = (len * count) as f64;
        let medians: Vec<f64> = times.into_iter().map(median).collect();
        let cpu: Vec<f64> = cpu.into_iter().map(median).collect();
        println!("{name}:");
        for ((which, t), c) in [Impl::Ours, Impl::Tungstenite].into_iter().zip(&medians).zip(&cpu) {
            println!(
                "  {:<18} {:>9.3} ms  {:>10.0} msg/s  {:>8.1} MB/s echoed  {:>7.0} ms CPU",
                which.name(),
                t * 1e3,
                count as f64 / t,
                bytes / t / 1e6,
                c * 1e3
            );
        }
        println!(
            "  ratio (tokio-tungstenite / wsproto-tokio): {:.2}x wall time, {:.2}x CPU time",
            medians[1] / medians[0],
            cpu[1] / cpu[0]
        );
    }
}
