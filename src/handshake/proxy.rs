//! Traversing an HTTP proxy with `CONNECT` (RFC 6455 §4.1 step 3, RFC 9110
//! §9.3.6).

use alloc::vec::Vec;

use super::http::{check_value, complete, parse_response, push_header, HeadReader};
use super::{Limits, OptionsError, ResponseError, Status, WsUri};

/// Builds the `CONNECT` request that asks a proxy for a tunnel to the
/// URI's host and port. RFC 6455 §4.1 step 3: "the client SHOULD connect to
/// that proxy and ask it to open a TCP connection to the host given by
/// /host/ and the port given by /port/", for example:
///
/// ```text
/// CONNECT example.com:80 HTTP/1.1
/// Host: example.com:80
/// Proxy-Authorization: Basic ZWRuYW1vZGU6bm9jYXBlcyE=
/// ```
///
/// `proxy_authorization` is the whole header value (such as `Basic …`).
/// After [`ProxyConnect::parse`] reports the tunnel open, run TLS if the URI
/// is `wss`, then the WebSocket handshake, over the same connection.
pub fn connect_request(uri: &WsUri, proxy_authorization: Option<&str>) -> Result<Vec<u8>, OptionsError> {
    if let Some(auth) = proxy_authorization {
        check_value(auth)?;
    }
    let authority = uri.authority();
    let mut out = Vec::with_capacity(64 + authority.len() * 2);
    out.extend_from_slice(b"CONNECT ");
    out.extend_from_slice(authority.as_bytes());
    out.extend_from_slice(b" HTTP/1.1\r\n");
    push_header(&mut out, "Host", &authority);
    if let Some(auth) = proxy_authorization {
        push_header(&mut out, "Proxy-Authorization", auth);
    }
    out.extend_from_slice(b"\r\n");
    Ok(out)
}

/// Reads a proxy's answer to [`connect_request`], incrementally.
#[derive(Debug, Clone)]
pub struct ProxyConnect {
    reader: HeadReader,
}

impl Default for ProxyConnect {
    fn default() -> Self {
        ProxyConnect::new(Limits::default())
    }
}

impl ProxyConnect {
    /// A parser that holds at most `limits` of the proxy's head.
    pub fn new(limits: Limits) -> Self {
        ProxyConnect { reader: HeadReader::new(limits) }
    }

    /// Bytes of an incomplete reply head held so far (never more than
    /// `max_head_bytes`).
    #[cfg(feature = "test-util")]
    pub fn buffered(&self) -> usize {
        self.reader.buffered()
    }

    /// Feeds bytes of the proxy's response. [`Status::Complete`] carries
    /// the 2xx status: the tunnel is open, and the bytes of `input` after
    /// `consumed` already come from the target server. Any other status is
    /// [`ResponseError::ProxyRefused`].
    pub fn parse(&mut self, input: &[u8]) -> Result<Status<u16>, ResponseError> {
        let limits = self.reader.limits();
        if let Some((start, window)) = self.reader.fresh_window(input) {
            if let Ok(Some((n, status))) = parse_response(window, limits.max_headers, |_, res| res.code) {
                return answer(status.unwrap_or_default(), start + n);
            }
        }
        let Some(consumed) = self.reader.feed(input)? else { return Ok(Status::Partial) };
        let head = self.reader.take();
        let status = complete(parse_response(&head, limits.max_headers, |_, res| res.code), limits)?;
        answer(status.unwrap_or_default(), consumed)
    }
}

fn answer(status: u16, consumed: usize) -> Result<Status<u16>, ResponseError> {
    // RFC 9110 §9.3.6: "Any 2xx (Successful) response indicates that the
    // sender (and all inbound proxies) will switch to tunnel mode".
    if (200..300).contains(&status) {
        Ok(Status::Complete { value: status, consumed })
    } else {
        Err(ResponseError::ProxyRefused { status })
    }
}
