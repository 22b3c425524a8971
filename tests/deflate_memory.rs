//! permessage-deflate memory, measured with the kit's counting global
//! allocator (per thread, so tests running in parallel do not see each
//! other): the bomb's peak, the idle footprint without context takeover
//! (none of it deflate's), and with context takeover (bounded by the
//! windows and the memory level).
//!
//! Run with `--nocapture` to see the figures.
#![cfg(all(feature = "deflate", feature = "os-rng"))]

use std::mem::size_of;
use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{AcceptOptions, ClientOptions, Negotiated, ServerConfig, WsUri};
use wsproto::{ChaChaRng, Config, Connection, Delivery, Error, Event, Role};
use wsproto_testkit::alloc::{measure, Counting};
use wsproto_testkit::cuts;
use wsproto_testkit::deflate::bomb;
use wsproto_testkit::events::Ev;
use wsproto_testkit::frames::frame_to;
use wsproto_testkit::pair::{Endpoint, Pair};
use wsproto_testkit::read::Path;

#[global_allocator]
static ALLOCATOR: Counting = Counting::new();

/// zlib-rs's inflate state besides its window, at most (its `State`, the
/// Huffman tables, allocator padding).
const INFLATE_STATE: usize = 16 << 10;
/// zlib-rs's inflate window: always 32 KiB, whatever the window bits
/// (plus its padding), so one inflater needs at most this and the state.
const INFLATE_WINDOW: usize = (32 << 10) + 64;

// ---------------------------------------------------------------------
// The bomb.

/// A connection in `role` running permessage-deflate.
fn open(role: Role, config: Config) -> Connection {
    wsproto_testkit::conn::open(role, config, &["permessage-deflate"], [3; 32])
}

/// Reads all of `input` (zero-copy) until the connection fails; returns
/// the error and the bytes handed out as messages or chunks.
fn read_until_error(conn: &mut Connection, input: &mut [u8]) -> (Error, usize) {
    let len = input.len();
    let mut at = 0;
    let mut delivered = 0;
    loop {
        match conn.read(&mut input[at..]) {
            Ok(r) => {
                let consumed = r.consumed;
                match r.event {
                    Some(Event::Chunk(c)) => delivered += c.data.len(),
                    Some(Event::Message(wsproto::Message::Binary(b))) => delivered += b.len(),
                    Some(other) => panic!("{other:?}"),
                    None => {}
                }
                at += consumed;
                assert!(at < len || consumed > 0, "the input ended without an error");
            }
            Err(e) => return (e, delivered),
        }
    }
}

#[test]
fn a_bomb_fails_with_1009_within_the_limit_plus_one_inflate_state() {
    const LIMIT: usize = 1 << 20;
    let bomb = bomb(64);
    println!("bomb: {} bytes inflating to 64 MiB", bomb.len());
    for role in [Role::Server, Role::Client] {
        let mut input = frame_to(role, 0xC2, &bomb);
        let mut conn = open(role, Config::new().max_message_size(LIMIT));
        let ((error, _), usage) = measure(|| read_until_error(&mut conn, &mut input));
        // RFC 6455 §7.4.1: 1009 for a message too big to process.
        assert_eq!(error, Error::MessageTooLarge { max: LIMIT }, "{role:?}");
        let peak = usage.peak as usize;
        println!(
            "bomb, {role:?}: peak live heap {peak} bytes = limit + {} bytes ({} allocator calls)",
            peak as isize - LIMIT as isize,
            usage.calls
        );
        // Issue 12 §3: the memory held stays within the limit plus one
        // inflate window (and its state).
        assert!(peak <= LIMIT + INFLATE_WINDOW + INFLATE_STATE, "{role:?}: peak {peak}");
    }
}

#[test]
fn a_bomb_in_chunks_streams_through_in_bounded_memory() {
    // Delivery::Chunks has no message limit: the 16 MiB flow through in
    // pieces, and the heap stays at one output buffer and one inflater.
    let bomb = bomb(16);
    let mut input = [frame_to(Role::Server, 0xC2, &bomb), frame_to(Role::Server, 0x88, &[0x03, 0xe8])].concat();
    let mut conn = open(Role::Server, Config::new().delivery(Delivery::Chunks));
    let (delivered, usage) = measure(|| {
        let mut at = 0;
        let mut delivered = 0;
        while at < input.len() {
            let r = conn.read(&mut input[at..]).unwrap();
            at += r.consumed;
            match r.event {
                Some(Event::Chunk(c)) => delivered += c.data.len(),
                Some(Event::Close(_)) => break,
                other => panic!("{other:?}"),
            }
        }
        delivered
    });
    assert_eq!(delivered, 16 << 20);
    println!("16 MiB bomb in chunks: peak live heap {} bytes", usage.peak);
    assert!((usage.peak as usize) < 256 << 10, "{}", usage.peak);
}

// ---------------------------------------------------------------------
// The idle footprint.

/// A negotiated pair (handshake through `Connection::client` /
/// `Connection::server`) after one message each way, both released.
fn idle_pair(client: Config, server: Config) -> (Connection, Connection, Negotiated) {
    let uri = WsUri::parse("ws://localhost/").unwrap();
    let c = Connection::client(&uri, &ClientOptions::new(), client, ChaChaRng::from_seed([1; 32])).unwrap();
    let s = Connection::server(server, ServerConfig::new());
    let mut pair =
        Pair::new(Endpoint::new(c, Path::ZeroCopy), Endpoint::new(s, Path::ZeroCopy).accepting(AcceptOptions::new()));
    pair.step_until_idle(&mut cuts::whole()).unwrap();
    let json = "{\"id\": 12345, \"name\": \"wsproto\", \"tags\": [\"a\", \"b\"], \"ok\": true}".repeat(5);
    pair.client.conn.sender().send_text(&json).unwrap();
    pair.server.conn.sender().send_text(&json).unwrap();
    pair.step_until_idle(&mut cuts::whole()).unwrap();
    let Some(Ev::Complete(negotiated)) = pair.client.events.first().cloned() else { panic!() };
    assert_eq!(pair.server.events.last(), Some(&Ev::Text(json.clone())));
    assert_eq!(pair.client.events.last(), Some(&Ev::Text(json)));
    let Pair { client, server } = pair;
    let (mut c, mut s) = (client.conn, server.conn);
    c.release_memory();
    s.release_memory();
    (c, s, negotiated)
}

/// The heap a connection holds: what dropping it gives back.
fn heap_of(conn: Connection) -> usize {
    let ((), usage) = measure(|| drop(conn));
    (-usage.held) as usize
}

/// A pair that negotiated nothing, for comparison.
fn plain() -> (usize, usize) {
    let (c, s, n) = idle_pair(Config::new(), Config::new());
    assert!(n.extensions.is_empty());
    (heap_of(c), heap_of(s))
}

/// The heap a connection spends on keeping what was negotiated: the boxed
/// [`Negotiated`], its vector's buffer and its strings (by capacity).
fn negotiated_heap(conn: &Connection) -> usize {
    let n = conn.negotiated();
    if n == &Negotiated::default() {
        return 0;
    }
    size_of::<Negotiated>()
        + n.extensions.capacity() * size_of::<String>()
        + n.extensions.iter().map(String::capacity).sum::<usize>()
        + n.protocol.as_ref().map_or(0, String::capacity)
}

/// A pair with no context takeover both ways, idle and released: the
/// heap of each end beyond what keeping the negotiated response costs,
/// and the same for a pair that negotiated nothing.
fn no_takeover_heaps() -> ((usize, usize), (usize, usize)) {
    let d = DeflateConfig::new().server_no_context_takeover(true).client_no_context_takeover(true);
    let config = Config::new().deflate(d);
    let (c, s, negotiated) = idle_pair(config, config);
    let [element] = &negotiated.extensions[..] else { panic!("{negotiated:?}") };
    assert!(element.contains("server_no_context_takeover") && element.contains("client_no_context_takeover"));
    let (kc, ks) = (negotiated_heap(&c), negotiated_heap(&s));
    let heaps = (heap_of(c) - kc, heap_of(s) - ks);
    let plain = plain();
    println!(
        "idle, no context takeover: client {} B, server {} B (besides {kc} B and {ks} B for the negotiated \
         response); without deflate: {} B, {} B",
        heaps.0, heaps.1, plain.0, plain.1
    );
    (heaps, plain)
}

#[test]
fn without_context_takeover_an_idle_connection_holds_no_zlib_stream() {
    let ((client, server), (plain_client, plain_server)) = no_takeover_heaps();
    // The zlib streams are freed by release_memory: one would be tens of
    // KiB (an inflater alone keeps a 32 KiB window).
    for (who, heap, plain) in [("client", client, plain_client), ("server", server, plain_server)] {
        assert!(heap <= plain + 1024, "{who}: {heap} vs {plain}");
    }
}

#[test]
fn without_context_takeover_an_idle_connection_holds_no_deflate_heap() {
    let ((client, server), (plain_client, plain_server)) = no_takeover_heaps();
    // Issue 12 §5: "With no context takeover, an idle connection after
    // release_memory() holds no deflate heap": beyond the negotiated
    // response, the same heap as a connection without deflate.
    assert_eq!(client, plain_client, "client");
    assert_eq!(server, plain_server, "server");
}

/// zlib's documented compressor memory (zconf.h): `(1 << (windowBits+2))
/// + (1 << (memLevel+9))`.
fn zlib_deflate_formula(window: u8, mem_level: u8) -> usize {
    (1 << (window + 2)) + (1 << (mem_level + 9))
}

/// zlib-rs's compressor memory (its `DeflateAllocOffsets`, deflate.rs):
/// the window twice, `prev` (2 bytes a position), a hash table of a fixed
/// 65536 two-byte heads whatever the memory level, and 7 bytes per
/// literal-buffer entry (`1 << (memLevel + 6)` entries), besides its state.
fn zlib_rs_deflate_formula(window: u8, mem_level: u8) -> usize {
    (2 << window) + (2 << window) + 65536 * 2 + 7 * (1 << (mem_level + 6))
}

#[test]
fn with_context_takeover_the_idle_heap_is_bounded_by_the_windows_and_the_memory_level() {
    let (plain_client, plain_server) = plain();
    let mut rows = Vec::new();
    for (name, window, mem_level) in [("15/15, memLevel 8", 15u8, 8u8), ("12/12, memLevel 5 (defaults)", 12, 5)] {
        let d = if name.ends_with("(defaults)") {
            // The defaults as they are, checked to be what the row says.
            let d = DeflateConfig::new();
            assert_eq!((d.server_max_window_bits, d.client_max_window_bits, d.mem_level), (window, window, mem_level));
            d
        } else {
            DeflateConfig::new().server_max_window_bits(window).client_max_window_bits(window).mem_level(mem_level)
        };
        let config = Config::new().deflate(d);
        let (c, s, negotiated) = idle_pair(config, config);
        assert_eq!(negotiated.extensions.len(), 1);
        let (client, server) = (heap_of(c), heap_of(s));
        rows.push((name, window, mem_level, client, server, client - plain_client, server - plain_server));
    }
    println!(
        "\n| windows (server/client), memLevel | client bytes | server bytes | beyond no deflate (client / server) \
         | zlib's formula + 32 KiB window | zlib-rs's layout + 32 KiB window |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for &(name, w, m, c, s, dc, ds) in &rows {
        let (zlib, zlib_rs) =
            (zlib_deflate_formula(w, m) + INFLATE_WINDOW, zlib_rs_deflate_formula(w, m) + INFLATE_WINDOW);
        println!("| {name} | {c} | {s} | {dc} / {ds} | {zlib} | {zlib_rs} |");
    }
    println!("| no deflate | {plain_client} | {plain_server} | 0 / 0 | | |\n");
    for &(name, w, m, _, _, dc, ds) in &rows {
        // One compressor and one inflater (zlib-rs always allocates the
        // 32 KiB window, plus its state), each with a few KiB of state and
        // the crate's own bookkeeping.
        let low = zlib_rs_deflate_formula(w, m) + (32 << 10);
        let high = zlib_rs_deflate_formula(w, m) + (8 << 10) + INFLATE_WINDOW + INFLATE_STATE;
        for (who, extra) in [("client", dc), ("server", ds)] {
            assert!((low..=high).contains(&extra), "{name} {who}: {extra} not in {low}..={high}");
        }
    }
}
