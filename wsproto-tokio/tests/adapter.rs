//! The adapter over in-memory transports (`tokio::io::duplex`): echo,
//! control frames, both close handshakes, the timeouts, backpressure, cancel
//! safety, handshake refusals and permessage-deflate.

use std::io;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::io::{duplex, AsyncReadExt, AsyncWriteExt, DuplexStream};
use tokio::time::Instant;
#[cfg(feature = "deflate")]
use wsproto::extensions::deflate::DeflateConfig;
use wsproto::frame::Role;
use wsproto::handshake::{AcceptOptions, ClientOptions, Negotiated};
use wsproto::{CloseCode, State};
use wsproto_tokio::{CloseFrame, Message, Options, Rejected, Rejection, WebSocket};

const REQUEST: &str = "GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
                       Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

/// A client and a server, handshaken over one duplex pipe.
async fn pair(client: Options, server: Options) -> (WebSocket<DuplexStream>, WebSocket<DuplexStream>) {
    let (a, b) = duplex(64 << 10);
    let (c, s) = tokio::join!(client.connect(a, "ws://example.com/chat"), server.accept(b));
    (c.expect("client handshake"), s.expect("server handshake"))
}

/// Reads what the server answered until it closes the transport.
async fn read_to_end(mut io: DuplexStream) -> String {
    let mut answer = Vec::new();
    io.read_to_end(&mut answer).await.unwrap();
    String::from_utf8(answer).unwrap()
}

fn kind_and_source<E: std::error::Error + 'static>(e: &io::Error) -> (io::ErrorKind, Option<&E>) {
    (e.kind(), e.get_ref().and_then(|inner| inner.downcast_ref::<E>()))
}

#[tokio::test]
async fn echo_text_and_binary() {
    let (mut client, mut server) = pair(Options::new(), Options::new()).await;
    let echo = tokio::spawn(async move {
        while let Some(msg) = server.next().await {
            let msg = msg.unwrap();
            if msg.is_data() {
                server.send(msg).await.unwrap();
            }
        }
        server.state()
    });
    let big = vec![7u8; 300_000];
    client.send(Message::text("hello")).await.unwrap();
    client.send(Message::binary(vec![1u8, 2, 3])).await.unwrap();
    client.send(Message::binary(big.clone())).await.unwrap();
    client.send("ünïcödé").await.unwrap();
    assert_eq!(client.next().await.unwrap().unwrap(), Message::text("hello"));
    assert_eq!(client.next().await.unwrap().unwrap(), Message::binary(vec![1u8, 2, 3]));
    assert_eq!(client.next().await.unwrap().unwrap(), Message::binary(big));
    assert_eq!(client.recv().await.unwrap().unwrap(), Message::text("ünïcödé"));
    client.close(CloseCode::NORMAL, "done").await.unwrap();
    assert_eq!(echo.await.unwrap(), State::Closed);
}

#[tokio::test]
async fn sink_feed_and_flush_batch_messages() {
    let (mut client, server) = pair(Options::new(), Options::new()).await;
    // The server echoes through `forward` on its own split halves.
    let echo = tokio::spawn(async move {
        let (tx, rx) = server.split();
        rx.filter(|m| std::future::ready(m.as_ref().map_or(true, Message::is_data))).forward(tx).await
    });
    for i in 0..100 {
        client.feed(Message::text(format!("m{i}"))).await.unwrap();
    }
    SinkExt::flush(&mut client).await.unwrap();
    for i in 0..100 {
        assert_eq!(client.next().await.unwrap().unwrap(), Message::text(format!("m{i}")));
    }
    client.close(CloseCode::NORMAL, "").await.unwrap();
    echo.await.unwrap().unwrap();
}

#[tokio::test]
async fn ping_is_answered_with_the_same_payload() {
    let (mut client, mut server) = pair(Options::new(), Options::new()).await;
    client.send(Message::Ping("are you there".into())).await.unwrap();
    // RFC 6455 §5.5.3: the Pong carries the Ping's application data. The
    // server queues it while it reads, before it yields the Ping.
    let seen = server.next().await.unwrap().unwrap();
    assert_eq!(seen, Message::Ping("are you there".into()));
    assert_eq!(client.next().await.unwrap().unwrap(), Message::Pong("are you there".into()));
    // An unsolicited Pong is delivered as it is (§5.5.3: no reply).
    server.send(Message::Pong("beat".into())).await.unwrap();
    assert_eq!(client.next().await.unwrap().unwrap(), Message::Pong("beat".into()));
}

#[tokio::test]
async fn client_starts_the_close_handshake() {
    let (mut client, mut server) = pair(Options::new(), Options::new()).await;
    let server_side = tokio::spawn(async move {
        let mut seen = Vec::new();
        while let Some(msg) = server.next().await {
            seen.push(msg.unwrap());
        }
        (seen, server.state())
    });
    client.close(CloseCode::GOING_AWAY, "leaving").await.unwrap();
    assert_eq!(client.state(), State::Closed);
    // The stream has ended for good.
    assert!(client.next().await.is_none());
    let (seen, state) = server_side.await.unwrap();
    assert_eq!(seen, vec![Message::Close(Some(CloseFrame::new(CloseCode::GOING_AWAY, "leaving")))]);
    assert_eq!(state, State::Closed);
}

#[tokio::test]
async fn server_starts_the_close_handshake() {
    let (mut client, mut server) = pair(Options::new(), Options::new()).await;
    let client_side = tokio::spawn(async move {
        let mut seen = Vec::new();
        while let Some(msg) = client.next().await {
            seen.push(msg.unwrap());
        }
        (seen, client.state())
    });
    server.send(Message::text("last words")).await.unwrap();
    server.close(CloseCode::NORMAL, "bye").await.unwrap();
    let (seen, state) = client_side.await.unwrap();
    assert_eq!(
        seen,
        vec![Message::text("last words"), Message::Close(Some(CloseFrame::new(CloseCode::NORMAL, "bye")))]
    );
    assert_eq!(state, State::Closed);
    // Sending after the close is misuse, not a panic.
    let e = server.send(Message::text("late")).await.unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
}

#[tokio::test(start_paused = true)]
async fn close_times_out_against_a_peer_that_never_answers() {
    let (ours, _silent_peer) = duplex(64 << 10);
    let options = Options::new().close_timeout(Duration::from_secs(3));
    let mut ws = options.open(ours, Role::Server, Negotiated::default()).unwrap();
    let start = Instant::now();
    let e = ws.close(CloseCode::NORMAL, "").await.unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::TimedOut, "{e}");
    let waited = start.elapsed();
    assert!(waited >= Duration::from_secs(3) && waited < Duration::from_millis(3100), "{waited:?}");
    assert!(ws.next().await.is_none());
}

#[tokio::test(start_paused = true)]
async fn client_waits_a_bounded_time_for_the_server_to_close_tcp() {
    // RFC 6455 §7.1.1: the server closes TCP first; a client that got the
    // Close reply waits for it, but not forever.
    let (ours, mut peer) = duplex(64 << 10);
    let options = Options::new().close_timeout(Duration::from_secs(2));
    let mut ws = options.open(ours, Role::Client, Negotiated::default()).unwrap();
    let answer = tokio::spawn(async move {
        let mut frame = [0u8; 6 + 2];
        peer.read_exact(&mut frame).await.unwrap();
        // The server's reply: Close 1000, unmasked; then it keeps TCP open.
        peer.write_all(&[0x88, 0x02, 0x03, 0xe8]).await.unwrap();
        tokio::time::sleep(Duration::from_secs(60)).await;
        drop(peer);
    });
    let start = Instant::now();
    let e = ws.close(CloseCode::NORMAL, "").await.unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::TimedOut);
    assert!(start.elapsed() < Duration::from_millis(2100));
    answer.abort();
}

#[tokio::test(start_paused = true)]
async fn handshake_times_out_against_a_slow_loris() {
    let (ours, mut client) = duplex(64 << 10);
    let loris = tokio::spawn(async move {
        for byte in REQUEST.bytes() {
            if client.write_all(&[byte]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    let start = Instant::now();
    let options = Options::new().handshake_timeout(Duration::from_secs(10));
    let e = options.accept(ours).await.unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::TimedOut, "{e}");
    let waited = start.elapsed();
    // The request is about 150 bytes, so it was far from complete.
    assert!(waited >= Duration::from_secs(10) && waited < Duration::from_secs(11), "{waited:?}");
    loris.await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn send_waits_when_the_peer_never_reads() {
    // The pipe holds 16 KiB; the queue bound is 64 KiB.
    let (ours, _never_reads) = duplex(16 << 10);
    let options = Options::new().max_pending(64 << 10);
    let mut ws = options.open(ours, Role::Server, Negotiated::default()).unwrap();
    let msg = Message::binary(vec![0u8; 4096]);
    let mut sent = 0;
    let blocked = loop {
        match tokio::time::timeout(Duration::from_secs(1), ws.feed(msg.clone())).await {
            Ok(result) => result.unwrap(),
            Err(_) => break true,
        }
        sent += 1;
        if sent > 1000 {
            break false;
        }
    };
    assert!(blocked, "feed never waited: {sent} messages queued");
    // Queued: at most the bound plus one message (and its header).
    assert!(ws.pending_len() <= (64 << 10) + 4096 + 14, "{}", ws.pending_len());
    // `send` (which also flushes) waits as well, instead of failing or
    // growing the queue.
    assert!(tokio::time::timeout(Duration::from_secs(5), ws.send(msg.clone())).await.is_err());
    assert!(ws.pending_len() <= (64 << 10) + 2 * (4096 + 14), "{}", ws.pending_len());
}

#[tokio::test(start_paused = true)]
async fn a_ping_flood_from_a_peer_that_never_reads_stays_bounded() {
    // A peer that sends pings but never reads: the pongs cannot be
    // written once the pipe is full. The core keeps one pending Pong (the
    // latest, RFC 6455 §5.5.3 allows answering only the most recent) and
    // the stream stops reading once the queue passes its bound, so memory
    // stays bounded whichever applies.
    let (ours, peer) = duplex(8 << 10);
    let (_peer_rd, mut peer_wr) = tokio::io::split(peer);
    let options = Options::new().max_pending(16 << 10);
    let mut ws = options.open(ours, Role::Server, Negotiated::default()).unwrap();
    const PINGS: usize = 5000;
    let flood = tokio::spawn(async move {
        // Masked Pings of 125 bytes (mask 0): 655 KB in all.
        let mut frame = vec![0x89, 0x80 | 125, 0, 0, 0, 0];
        frame.extend_from_slice(&[b'p'; 125]);
        for _ in 0..PINGS {
            peer_wr.write_all(&frame).await.unwrap();
        }
        tokio::time::sleep(Duration::from_secs(3600)).await;
    });
    let mut pings = 0;
    let mut max_heap = 0;
    while let Ok(Some(msg)) = tokio::time::timeout(Duration::from_secs(2), ws.next()).await {
        assert!(matches!(msg.unwrap(), Message::Ping(_)));
        pings += 1;
        max_heap = max_heap.max(ws.connection().heap_size());
        assert!(ws.pending_len() <= (16 << 10) + 127, "{} bytes queued", ws.pending_len());
    }
    assert_eq!(pings, PINGS);
    assert!(max_heap < 256 << 10, "the connection held {max_heap} bytes");
    flood.abort();
}

#[tokio::test(start_paused = true)]
async fn dropping_a_next_future_mid_message_loses_nothing() {
    let (ours, mut peer) = duplex(64 << 10);
    let mut ws = WebSocket::from_upgraded(ours, Role::Server, Negotiated::default()).unwrap();
    let messages: Vec<Vec<u8>> = (0..20u8).map(|i| (0..(i * 5 + 1)).map(|j| i ^ j).collect()).collect();
    let to_send = messages.clone();
    tokio::spawn(async move {
        for payload in to_send {
            // A masked binary frame (mask 0), one byte every 10 ms.
            let mut frame = vec![0x82, 0x80 | payload.len() as u8, 0, 0, 0, 0];
            frame.extend_from_slice(&payload);
            for byte in frame {
                peer.write_all(&[byte]).await.unwrap();
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
        // Keep the pipe open until the test is done.
        tokio::time::sleep(Duration::from_secs(3600)).await;
    });
    let mut received = Vec::new();
    let mut cancelled = 0;
    while received.len() < messages.len() {
        // Each `next()` future gets 3 ms: most are dropped mid-frame.
        match tokio::time::timeout(Duration::from_millis(3), ws.next()).await {
            Ok(msg) => match msg.unwrap().unwrap() {
                Message::Binary(data) => received.push(data.to_vec()),
                other => panic!("unexpected {other:?}"),
            },
            Err(_) => cancelled += 1,
        }
    }
    assert_eq!(received, messages);
    assert!(cancelled > 100, "only {cancelled} next() futures were dropped");
}

#[tokio::test]
async fn a_bad_key_gets_400() {
    let (ours, mut client) = duplex(64 << 10);
    let bad = REQUEST.replace("dGhlIHNhbXBsZSBub25jZQ==", "c2hvcnQ=");
    client.write_all(bad.as_bytes()).await.unwrap();
    let e = wsproto_tokio::accept(ours).await.unwrap_err();
    let (kind, source) = kind_and_source::<wsproto::Error>(&e);
    assert_eq!(kind, io::ErrorKind::InvalidData);
    assert!(matches!(source, Some(wsproto::Error::Request(wsproto::handshake::RequestError::InvalidKey))), "{e:?}");
    // RFC 6455 §4.2.1/§4.2.2: a request that is not a valid handshake gets
    // 400 Bad Request.
    let answer = read_to_end(client).await;
    assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");
}

#[tokio::test]
async fn a_wrong_version_gets_426_with_the_supported_version() {
    let (ours, mut client) = duplex(64 << 10);
    let request = REQUEST.replace("Version: 13", "Version: 8");
    client.write_all(request.as_bytes()).await.unwrap();
    let e = wsproto_tokio::accept(ours).await.unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidData);
    // RFC 6455 §4.4: answer with the versions supported.
    let answer = read_to_end(client).await.to_ascii_lowercase();
    assert!(answer.starts_with("http/1.1 426 "), "{answer}");
    assert!(answer.contains("sec-websocket-version: 13\r\n"), "{answer}");
}

#[tokio::test]
async fn a_plain_get_gets_426_with_upgrade_websocket() {
    let (ours, mut client) = duplex(64 << 10);
    client.write_all(b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n").await.unwrap();
    let e = wsproto_tokio::accept(ours).await.unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidData);
    let answer = read_to_end(client).await.to_ascii_lowercase();
    assert!(answer.starts_with("http/1.1 426 "), "{answer}");
    assert!(answer.contains("upgrade: websocket\r\n"), "{answer}");
}

#[tokio::test]
async fn accept_with_chooses_a_subprotocol_or_refuses() {
    let client = Options::new().client_options(ClientOptions::new().protocol("chat").protocol("superchat"));
    let (a, b) = duplex(64 << 10);
    let server = Options::new().accept_with(b, |request| {
        assert_eq!(request.request().map(|r| r.path()), Some("/chat"));
        assert!(request.protocols().any(|p| p == "superchat"));
        Ok(AcceptOptions::new().protocol("superchat"))
    });
    let (c, s) = tokio::join!(client.clone().connect(a, "ws://example.com/chat"), server);
    assert_eq!(c.unwrap().negotiated().protocol.as_deref(), Some("superchat"));
    assert_eq!(s.unwrap().negotiated().protocol.as_deref(), Some("superchat"));

    let (a, b) = duplex(64 << 10);
    let server = Options::new().accept_with(b, |_| Err(Rejection::new(403, "Forbidden")));
    let (c, s) = tokio::join!(client.connect(a, "ws://example.com/chat"), server);
    assert_eq!(s.unwrap_err().kind(), io::ErrorKind::ConnectionRefused);
    let e = c.unwrap_err();
    let (kind, rejected) = kind_and_source::<Rejected>(&e);
    assert_eq!(kind, io::ErrorKind::ConnectionRefused);
    assert_eq!(rejected.map(|r| r.0.status), Some(403), "{e:?}");
}

#[cfg(feature = "deflate")]
#[tokio::test]
async fn permessage_deflate_is_negotiated_when_both_enable_it() {
    let deflate = Options::new().config(wsproto::Config::new().deflate(DeflateConfig::new()));
    let (mut client, mut server) = pair(deflate.clone(), deflate).await;
    // RFC 7692 §5: both ends agree on the extension in the handshake.
    for negotiated in [client.negotiated(), server.negotiated()] {
        assert_eq!(negotiated.extensions.len(), 1, "{negotiated:?}");
        assert!(negotiated.extensions[0].starts_with("permessage-deflate"), "{negotiated:?}");
    }
    let text = "compress me ".repeat(10_000);
    client.send(Message::text(text.clone())).await.unwrap();
    assert_eq!(server.next().await.unwrap().unwrap(), Message::text(text.clone()));
    server.send(Message::text(text.clone())).await.unwrap();
    assert_eq!(client.next().await.unwrap().unwrap(), Message::text(text));

    // Only one side enabling it: nothing is negotiated.
    let (client, server) =
        pair(Options::new().config(wsproto::Config::new().deflate(DeflateConfig::new())), Options::new()).await;
    assert!(client.negotiated().extensions.is_empty());
    assert!(server.negotiated().extensions.is_empty());
}

#[tokio::test]
async fn a_protocol_error_sends_its_close_code_and_is_invalid_data() {
    let (ours, mut peer) = duplex(64 << 10);
    let mut ws = WebSocket::from_upgraded(ours, Role::Server, Negotiated::default()).unwrap();
    // An unmasked frame from a client: RFC 6455 §5.1, close with 1002.
    peer.write_all(&[0x81, 0x02, b'h', b'i']).await.unwrap();
    let e = ws.next().await.unwrap().unwrap_err();
    let (kind, source) = kind_and_source::<wsproto::Error>(&e);
    assert_eq!(kind, io::ErrorKind::InvalidData);
    assert!(source.is_some(), "{e:?}");
    assert!(ws.next().await.is_none());
    let mut close = [0u8; 4];
    peer.read_exact(&mut close).await.unwrap();
    assert_eq!(close[0], 0x88);
    assert_eq!(u16::from_be_bytes([close[2], close[3]]), 1002);
}

#[tokio::test]
async fn eof_without_a_close_handshake_is_unexpected_eof() {
    let (mut client, server) = pair(Options::new(), Options::new()).await;
    drop(server);
    let e = client.next().await.unwrap().unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof, "{e}");
    assert!(client.next().await.is_none());
}

/// A masked client frame (mask 0x01020304) with `opcode` and `payload`.
fn client_frame(opcode: u8, fin: bool, payload: &[u8]) -> Vec<u8> {
    let mut frame = vec![(fin as u8) << 7 | opcode];
    match payload.len() {
        n if n < 126 => frame.push(0x80 | n as u8),
        n if n < 65536 => {
            frame.push(0x80 | 126);
            frame.extend_from_slice(&(n as u16).to_be_bytes());
        }
        n => {
            frame.push(0x80 | 127);
            frame.extend_from_slice(&(n as u64).to_be_bytes());
        }
    }
    let key = [1u8, 2, 3, 4];
    frame.extend_from_slice(&key);
    frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ key[i % 4]));
    frame
}

#[tokio::test]
async fn large_messages_in_pieces_between_control_frames_arrive_intact() {
    let (ours, mut peer) = duplex(1 << 20);
    let mut ws = WebSocket::from_upgraded(ours, Role::Server, Negotiated::default()).unwrap();
    let first: Vec<u8> = (0..100_000u32).map(|i| (i % 253) as u8).collect();
    let second: Vec<u8> = (0..70_000u32).map(|i| (i % 241) as u8 ^ 0x55).collect();
    let mut wire = client_frame(0x2, true, &first);
    wire.extend(client_frame(0x9, true, b"ping"));
    // A fragmented message: its pieces go through the core's assembly.
    wire.extend(client_frame(0x2, false, &second[..30_000]));
    wire.extend(client_frame(0x9, true, b"mid"));
    wire.extend(client_frame(0x0, true, &second[30_000..]));
    wire.extend(client_frame(0x2, true, &second));
    wire.extend(client_frame(0x1, true, "done ✓".as_bytes()));
    let writer = tokio::spawn(async move {
        for piece in wire.chunks(999) {
            peer.write_all(piece).await.unwrap();
            tokio::task::yield_now().await;
        }
        peer
    });
    let mut got = Vec::new();
    for _ in 0..6 {
        got.push(ws.next().await.unwrap().unwrap());
    }
    assert_eq!(got[0], Message::binary(first.clone()));
    assert_eq!(got[1], Message::Ping("ping".into()));
    assert_eq!(got[2], Message::Ping("mid".into()));
    assert_eq!(got[3], Message::binary(second.clone()));
    assert_eq!(got[4], Message::binary(second));
    assert_eq!(got[5], Message::text("done ✓"));
    // The first message, split off the read buffer, is still intact after
    // everything read since.
    assert_eq!(got[0].as_bytes(), &first[..]);
    // Both pongs were written back.
    let mut peer = writer.await.unwrap();
    let mut pongs = [0u8; 2 + 4 + 2 + 3];
    peer.read_exact(&mut pongs).await.unwrap();
    assert_eq!(&pongs[..], b"\x8a\x04ping\x8a\x03mid");
}

#[tokio::test(start_paused = true)]
async fn a_dropped_send_leaves_no_half_frame() {
    // A pipe of 1 KiB that nobody reads yet, and 3000-byte messages: each
    // `send` is dropped after 10 ms, while waiting for room or mid-write.
    let (ours, mut peer) = duplex(1024);
    let mut ws = Options::new().max_pending(8 << 10).open(ours, Role::Server, Negotiated::default()).unwrap();
    let mut completed = Vec::new();
    for i in 0..30u8 {
        if tokio::time::timeout(Duration::from_millis(10), ws.send(Message::binary(vec![i; 3000]))).await.is_ok() {
            completed.push(i);
        }
    }
    let reader = tokio::spawn(async move {
        let mut wire = Vec::new();
        peer.read_to_end(&mut wire).await.unwrap();
        wire
    });
    // Whatever was queued goes out now; then the transport is closed.
    ws.flush().await.unwrap();
    drop(ws);
    let wire = reader.await.unwrap();
    // Parse server frames (RFC 6455 §5.2: unmasked, 16-bit length): all
    // whole, in order, each one message that was sent.
    let mut received = Vec::new();
    let mut rest = &wire[..];
    while !rest.is_empty() {
        assert!(
            rest.len() >= 4 && rest[0] == 0x82 && rest[1] == 126,
            "not a frame start: {:?}",
            &rest[..4.min(rest.len())]
        );
        let len = u16::from_be_bytes([rest[2], rest[3]]) as usize;
        assert!(rest.len() >= 4 + len, "half a frame at the end: {} of {len} bytes", rest.len() - 4);
        let payload = &rest[4..4 + len];
        assert_eq!(len, 3000);
        assert!(payload.iter().all(|&b| b == payload[0]));
        received.push(payload[0]);
        rest = &rest[4 + len..];
    }
    assert!(received.windows(2).all(|w| w[0] < w[1]), "{received:?}");
    // Every send that completed was delivered; some were dropped while
    // waiting for room, so not all 30 were.
    assert!(completed.iter().all(|i| received.contains(i)), "completed {completed:?}, received {received:?}");
    assert!(received.len() < 30, "{received:?}");
    assert!(!received.is_empty());
}

/// A transport that hands out `input`, then fails every read with a TCP
/// reset (as a peer that closes its socket with unread data causes), and
/// takes every write.
struct ResetAfter {
    input: Vec<u8>,
}

impl tokio::io::AsyncRead for ResetAfter {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<io::Result<()>> {
        if self.input.is_empty() {
            return std::task::Poll::Ready(Err(io::ErrorKind::ConnectionReset.into()));
        }
        let n = self.input.len().min(buf.remaining());
        buf.put_slice(&self.input[..n]);
        self.input.drain(..n);
        std::task::Poll::Ready(Ok(()))
    }
}

impl tokio::io::AsyncWrite for ResetAfter {
    fn poll_write(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        data: &[u8],
    ) -> std::task::Poll<io::Result<usize>> {
        std::task::Poll::Ready(Ok(data.len()))
    }
    fn poll_flush(self: std::pin::Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
}

#[tokio::test]
async fn a_reset_after_the_close_handshake_ends_the_stream() {
    // The server's text "5" and its Close 1000 (unmasked, to a client).
    let input = [&[0x81, 0x01, b'5'][..], &[0x88, 0x02, 0x03, 0xe8]].concat();
    let io = ResetAfter { input };
    let mut ws = WebSocket::from_upgraded(io, Role::Client, Negotiated::default()).unwrap();
    assert_eq!(ws.next().await.unwrap().unwrap(), Message::text("5"));
    let close = ws.next().await.unwrap().unwrap();
    assert_eq!(close, Message::Close(Some(CloseFrame::new(CloseCode::NORMAL, ""))));
    // Our reply is written; the reset that follows is the end of TCP.
    assert!(ws.next().await.is_none());
    assert_eq!(ws.state(), State::Closed);
}

#[tokio::test]
async fn a_reset_before_the_close_handshake_is_an_error() {
    let io = ResetAfter { input: vec![0x81, 0x01, b'5'] };
    let mut ws = WebSocket::from_upgraded(io, Role::Client, Negotiated::default()).unwrap();
    assert_eq!(ws.next().await.unwrap().unwrap(), Message::text("5"));
    let e = ws.next().await.unwrap().unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::ConnectionReset, "{e}");
    assert!(ws.next().await.is_none());
}
