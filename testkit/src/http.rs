//! HTTP heads as raw bytes, read without the crate's parser.

/// Where the head at the start of `bytes` ends: the index just past its
/// blank line (`\r\n\r\n`), or `None` if it is not all there.
pub fn head_end(bytes: &[u8]) -> Option<usize> {
    bytes.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4)
}

/// The value of a header field in a raw head (first match, name
/// case-insensitive, value trimmed); bytes after the head are ignored.
/// Panics if the head is not UTF-8.
pub fn head_header(bytes: &[u8], name: &str) -> Option<String> {
    let end = head_end(bytes).map_or(bytes.len(), |i| i - 2);
    let head = std::str::from_utf8(&bytes[..end]).expect("HTTP head is UTF-8 here");
    head.split("\r\n").find_map(|line| {
        let (n, v) = line.split_once(':')?;
        n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
    })
}

/// A head written with `\n` line ends, as CRLF bytes.
pub fn crlf(s: &str) -> Vec<u8> {
    s.replace("\r\n", "\n").replace('\n', "\r\n").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_read_as_bytes() {
        let head = crlf("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nsec-websocket-accept:  abc \n\n");
        let mut bytes = head.clone();
        bytes.extend_from_slice(b"\x81\x00X-After: no");
        assert_eq!(head_end(&bytes), Some(head.len()));
        assert_eq!(head_header(&bytes, "Sec-WebSocket-Accept").as_deref(), Some("abc"));
        assert_eq!(head_header(&bytes, "X-After"), None);
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n"), None);
    }
}
