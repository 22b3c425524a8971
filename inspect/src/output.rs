//! The two outputs: a tree that reads like Wireshark's, and one JSON
//! object per line.

use std::fmt::Write as _;

use serde_json::{json, Value};
use wsproto::observer::{Direction, FrameInfo, MessageInfo, Violation};
use wsproto::OpCode;

use crate::dissect::{Dissection, Item};

/// Payload bytes shown as hex (plain output and `payload_hex`) at most.
pub const HEX_CAP: usize = 64;
/// Characters of text shown in the plain output at most per frame payload.
pub const TEXT_CAP: usize = 200;

fn dir_name(d: Direction) -> &'static str {
    match d {
        Direction::ClientToServer => "client->server",
        Direction::ServerToClient => "server->client",
    }
}

/// Wireshark's name for an opcode.
pub fn opcode_name(op: OpCode) -> &'static str {
    match op {
        OpCode::Continuation => "Continuation",
        OpCode::Text => "Text",
        OpCode::Binary => "Binary",
        OpCode::Close => "Connection Close",
        OpCode::Ping => "Ping",
        OpCode::Pong => "Pong",
    }
}

fn hex(bytes: &[u8], cap: usize) -> String {
    let mut s = String::new();
    for b in bytes.iter().take(cap) {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// A value's low `bits` bits in Wireshark's bit-field notation for one
/// byte: `.000 0001` for an opcode of 1 in the low nibble, with dots for
/// the bits outside the field and a space between nibbles.
fn bit_field(byte: u8, mask: u8) -> String {
    let mut s = String::new();
    for i in (0..8).rev() {
        if i == 3 {
            s.push(' ');
        }
        s.push(if mask & (1 << i) == 0 {
            '.'
        } else if byte & (1 << i) != 0 {
            '1'
        } else {
            '0'
        });
    }
    s
}

/// The lines of the plain dissection of one frame (without the message
/// summary), Wireshark's field names and bit notation.
pub fn frame_lines(f: &FrameInfo) -> Vec<String> {
    let h = &f.header;
    let b0 = (u8::from(h.fin) << 7) | (h.rsv << 4) | h.opcode.as_u8();
    let len7 = match f.length_encoding.bits() {
        7 => h.payload_len as u8,
        16 => 126,
        _ => 127,
    };
    let b1 = (u8::from(h.mask.is_some()) << 7) | len7;
    let yes = |b: bool| if b { "True" } else { "False" };
    let mut lines = vec![
        format!("{} = Fin: {}", bit_field(b0, 0x80), yes(h.fin)),
        format!("{} = Reserved: {:#x}", bit_field(b0, 0x70), h.rsv),
        format!("{} = Opcode: {} ({})", bit_field(b0, 0x0F), opcode_name(h.opcode), h.opcode.as_u8()),
        format!("{} = Mask: {}", bit_field(b1, 0x80), yes(h.mask.is_some())),
        format!("{} = Payload length: {}", bit_field(b1, 0x7F), len7),
    ];
    if f.length_encoding.bits() != 7 {
        lines.push(format!("Extended Payload length ({} bits): {}", f.length_encoding.bits(), h.payload_len));
    }
    if let Some(key) = h.mask {
        lines.push(format!("Masking-Key: {}", hex(&key, 4)));
    }
    lines
}

fn payload_line(f: &FrameInfo) -> String {
    if f.skipped {
        return format!("Payload: [{} bytes, over the limit, skipped]", f.header.payload_len);
    }
    let compressed = f.header.rsv & 0b100 != 0;
    match (f.header.opcode, std::str::from_utf8(&f.payload)) {
        (OpCode::Text | OpCode::Continuation | OpCode::Ping | OpCode::Pong, Ok(text)) if !compressed => {
            let shown: String = text.chars().take(TEXT_CAP).collect();
            let more = if shown.len() < text.len() { "..." } else { "" };
            format!("Payload: {shown:?}{more}")
        }
        _ => {
            let more = if f.payload.len() > HEX_CAP { "..." } else { "" };
            format!("Payload: {}{more} ({} bytes)", hex(&f.payload, HEX_CAP), f.payload.len())
        }
    }
}

fn message_line(m: &MessageInfo) -> String {
    let what = if m.opcode == OpCode::Text { "text" } else { "binary" };
    let how = if m.compressed { format!(", compressed, {} bytes on the wire", m.wire_len) } else { String::new() };
    let body = match m.text() {
        Some(text) => {
            let shown: String = text.chars().take(TEXT_CAP).collect();
            let more = if shown.len() < text.len() { "..." } else { "" };
            format!("{shown:?}{more}")
        }
        None => hex(&m.data, HEX_CAP),
    };
    format!("[Message: {what}, {} frame(s), {} bytes{how}: {body}]", m.frames, m.data.len())
}

fn violation_line(v: &Violation) -> String {
    format!("[Violation at byte {}: {} (close code {})]", v.offset, v.error, v.close_code().as_u16())
}

/// The plain, Wireshark-like dissection.
pub fn plain(d: &Dissection) -> String {
    let mut s = String::new();
    for item in &d.items {
        match item {
            Item::Connection { connection, client, server } => {
                let _ = writeln!(s, "Connection {connection}: client {client}, server {server}");
            }
            Item::Request { connection, info, violations } => {
                let _ = writeln!(
                    s,
                    "[{connection}] {} @{}: Hypertext Transfer Protocol",
                    dir_name(Direction::ClientToServer),
                    info.offset
                );
                let _ = writeln!(s, "    {} {} HTTP/1.{}", info.method, info.target, info.version);
                for h in &info.headers {
                    let _ = writeln!(s, "    {}: {}", h.name, String::from_utf8_lossy(&h.value));
                }
                for v in violations {
                    let _ = writeln!(s, "    {}", violation_line(v));
                }
            }
            Item::Response { connection, info, violations } => {
                let _ = writeln!(
                    s,
                    "[{connection}] {} @{}: Hypertext Transfer Protocol",
                    dir_name(Direction::ServerToClient),
                    info.offset
                );
                let _ = writeln!(s, "    HTTP/1.1 {} {}", info.status, info.reason);
                for h in &info.headers {
                    let _ = writeln!(s, "    {}: {}", h.name, String::from_utf8_lossy(&h.value));
                }
                if let Some(expected) = &info.expected_accept {
                    let verdict = if info.accept_ok { "correct" } else { "WRONG" };
                    let _ = writeln!(s, "    [Sec-WebSocket-Accept {verdict}: expected {expected}]");
                }
                if let Some(n) = &info.negotiated {
                    let _ = writeln!(s, "    [Subprotocol: {}]", n.protocol.as_deref().unwrap_or("none"));
                    let ext = if n.extensions.is_empty() { "none".to_owned() } else { n.extensions.join(", ") };
                    let _ = writeln!(s, "    [Extensions: {ext}]");
                }
                for v in violations {
                    let _ = writeln!(s, "    {}", violation_line(v));
                }
            }
            Item::Frame { connection, frame, message, close, violations } => {
                let _ = writeln!(s, "[{connection}] {} @{}: WebSocket", dir_name(frame.direction), frame.offset);
                for line in frame_lines(frame) {
                    let _ = writeln!(s, "    {line}");
                }
                if let Some(c) = close {
                    let name = c.code.name().map(|n| format!(" ({n})")).unwrap_or_default();
                    let _ = writeln!(s, "    Close: {}{name}, reason {:?}", c.code.as_u16(), c.reason);
                } else {
                    let _ = writeln!(s, "    {}", payload_line(frame));
                }
                if let Some(m) = message {
                    let _ = writeln!(s, "    {}", message_line(m));
                }
                for v in violations {
                    let _ = writeln!(s, "    {}", violation_line(v));
                }
            }
            Item::Violation { connection, violation } => {
                let _ = writeln!(s, "[{connection}] {}: {}", dir_name(violation.direction), violation_line(violation));
            }
            Item::Truncated { connection, direction, offset, pending } => {
                let _ = writeln!(
                    s,
                    "[{connection}] {} @{offset}: [Truncated: the stream ends {pending} bytes into a head or frame]",
                    dir_name(*direction)
                );
            }
            Item::Gap { connection, direction, offset, reason } => {
                let _ = writeln!(
                    s,
                    "[{connection}] {} @{offset}: [Partial: {reason}; the rest of this direction is not dissected]",
                    dir_name(*direction)
                );
            }
            Item::CaptureError(e) => {
                let _ = writeln!(s, "[Partial: the capture cannot be read further: {e}]");
            }
        }
    }
    let _ = writeln!(
        s,
        "{} packets, {} WebSocket connection(s), {} other TCP connection(s){}",
        d.packets,
        d.items.iter().filter(|i| matches!(i, Item::Connection { .. })).count(),
        d.other_connections,
        if d.is_partial() { ", PARTIAL dissection" } else { "" }
    );
    s
}

fn violations_json(vs: &[Violation]) -> Value {
    Value::Array(
        vs.iter()
            .map(|v| json!({"offset": v.offset, "error": v.error.to_string(), "close_code": v.close_code().as_u16()}))
            .collect(),
    )
}

fn headers_json(headers: &[wsproto::handshake::Header]) -> Value {
    Value::Array(headers.iter().map(|h| json!([h.name, String::from_utf8_lossy(&h.value)])).collect())
}

fn dir_json(d: Direction) -> &'static str {
    match d {
        Direction::ClientToServer => "client",
        Direction::ServerToClient => "server",
    }
}

/// The JSON objects, one per item (see the README for the schema).
pub fn json_items(d: &Dissection) -> Vec<Value> {
    let mut out = Vec::new();
    for item in &d.items {
        out.push(match item {
            Item::Connection { connection, client, server } => {
                json!({"type": "connection", "connection": connection, "client": client.to_string(), "server": server.to_string()})
            }
            Item::Request { connection, info, violations } => json!({
                "type": "request", "connection": connection, "direction": "client", "offset": info.offset,
                "method": info.method, "target": info.target, "http_version": format!("1.{}", info.version),
                "headers": headers_json(&info.headers), "key": info.key, "protocols": info.protocols,
                "extensions": info.extensions, "violations": violations_json(violations),
            }),
            Item::Response { connection, info, violations } => {
                let deflate = info.deflate.map(|p| json!({
                    "server_no_context_takeover": p.server_no_context_takeover,
                    "client_no_context_takeover": p.client_no_context_takeover,
                    "server_max_window_bits": p.server_max_window_bits,
                    "client_max_window_bits": p.client_max_window_bits,
                }));
                json!({
                    "type": "response", "connection": connection, "direction": "server", "offset": info.offset,
                    "status": info.status, "reason": info.reason, "headers": headers_json(&info.headers),
                    "accept_expected": info.expected_accept, "accept_ok": info.accept_ok,
                    "upgraded": info.negotiated.is_some(),
                    "protocol": info.negotiated.as_ref().and_then(|n| n.protocol.clone()),
                    "extensions": info.negotiated.as_ref().map(|n| n.extensions.clone()).unwrap_or_default(),
                    "deflate": deflate, "violations": violations_json(violations),
                })
            }
            Item::Frame { connection, frame, message, close, violations } => {
                let h = &frame.header;
                let message = message.as_ref().map(|m| json!({
                    "opcode": if m.opcode == OpCode::Text { "text" } else { "binary" },
                    "frames": m.frames, "compressed": m.compressed, "wire_length": m.wire_len,
                    "length": m.data.len(), "text": m.text(),
                    "hex": if m.opcode == OpCode::Text { None } else { Some(hex(&m.data, HEX_CAP)) },
                }));
                json!({
                    "type": "frame", "connection": connection, "direction": dir_json(frame.direction),
                    "offset": frame.offset, "fin": h.fin, "rsv1": h.rsv & 0b100 != 0, "rsv2": h.rsv & 0b010 != 0,
                    "rsv3": h.rsv & 0b001 != 0, "opcode": opcode_name(h.opcode).to_lowercase().replace("connection ", ""),
                    "opcode_value": h.opcode.as_u8(), "masked": h.mask.is_some(),
                    "masking_key": h.mask.map(|k| hex(&k, 4)), "payload_length": h.payload_len,
                    "length_encoding": frame.length_encoding.bits(), "header_length": frame.header_len,
                    "payload_hex": hex(&frame.payload, HEX_CAP), "payload_skipped": frame.skipped,
                    "message": message,
                    "close_code": close.as_ref().map(|c| c.code.as_u16()),
                    "close_reason": close.as_ref().map(|c| c.reason.clone()),
                    "violations": violations_json(violations),
                })
            }
            Item::Violation { connection, violation } => json!({
                "type": "violation", "connection": connection, "direction": dir_json(violation.direction),
                "offset": violation.offset, "error": violation.error.to_string(),
                "close_code": violation.close_code().as_u16(),
            }),
            Item::Truncated { connection, direction, offset, pending } => json!({
                "type": "truncated", "connection": connection, "direction": dir_json(*direction),
                "offset": offset, "pending": pending,
            }),
            Item::Gap { connection, direction, offset, reason } => json!({
                "type": "gap", "connection": connection, "direction": dir_json(*direction),
                "offset": offset, "reason": reason,
            }),
            Item::CaptureError(e) => json!({
                "type": "capture_error", "packets_read": e.packets_read, "error": e.message,
            }),
        });
    }
    out
}

/// The JSON output: one object per line.
pub fn json_lines(d: &Dissection) -> String {
    let mut s = String::new();
    for v in json_items(d) {
        let _ = writeln!(s, "{v}");
    }
    s
}
