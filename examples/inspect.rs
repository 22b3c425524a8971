//! A WebSocket frame inspector for packet captures.
//!
//! ```text
//! cargo run --release --example inspect -- [--json] FILE
//! ```
//!
//! Reads a pcap or pcapng file (as tcpdump and Wireshark write them),
//! reassembles its TCP streams, finds each WebSocket upgrade and dissects
//! both directions: the handshake, every frame, every message (inflated
//! where permessage-deflate compressed it), close codes and protocol
//! violations. Plain output reads like Wireshark's tree; `--json` prints
//! one object per line (the schema is in the README).
//!
//! Exit status: 0 for a complete dissection, 1 when the file cannot be
//! read, 3 when the dissection is partial (a truncated or malformed
//! capture, or bytes missing from a stream).

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut json = false;
    let mut file = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => file = None,
        }
    }
    let Some(file) = file else {
        eprintln!("usage: inspect [--json] FILE (a pcap or pcapng capture)");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("inspect: {file}: {e}");
            return ExitCode::from(1);
        }
    };
    let dissection = wsproto_inspect::dissect(&bytes);
    let out = if json {
        wsproto_inspect::output::json_lines(&dissection)
    } else {
        wsproto_inspect::output::plain(&dissection)
    };
    print!("{out}");
    if dissection.is_partial() {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}
