//! `ws://` and `wss://` URIs (RFC 6455 §3).

use alloc::string::String;
use core::fmt::Write;

use super::error::UriError;

/// A parsed WebSocket URI (RFC 6455 §3):
///
/// ```text
/// ws-URI = "ws:" "//" host [ ":" port ] path [ "?" query ]
/// wss-URI = "wss:" "//" host [ ":" port ] path [ "?" query ]
/// ```
///
/// Userinfo (`user:pass@`) is refused: the grammar above has none, and
/// credentials in a URI end up in logs. Send an `Authorization` header
/// instead ([`ClientOptions::header`](super::ClientOptions::header)).
///
/// ```
/// use wsproto::handshake::WsUri;
/// let uri = WsUri::parse("WSS://[::1]:8443/chat?room=1").unwrap();
/// assert!(uri.is_secure());
/// assert_eq!((uri.host(), uri.port(), uri.resource_name()), ("::1", 8443, "/chat?room=1"));
/// assert_eq!(uri.host_header(), "[::1]:8443");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WsUri {
    secure: bool,
    host: String,
    ipv6: bool,
    port: u16,
    resource: String,
}

impl WsUri {
    /// Parses a `ws://` or `wss://` URI.
    pub fn parse(uri: &str) -> Result<WsUri, UriError> {
        let (scheme, rest) = uri.split_once("://").ok_or(UriError::BadScheme)?;
        // RFC 6455 §3: "if the scheme component matches "wss"
        // case-insensitively" the secure flag is set.
        let secure = if scheme.eq_ignore_ascii_case("wss") {
            true
        } else if scheme.eq_ignore_ascii_case("ws") {
            false
        } else {
            return Err(UriError::BadScheme);
        };
        // RFC 6455 §3: fragment identifiers "MUST NOT be used on these URIs".
        if rest.contains('#') {
            return Err(UriError::Fragment);
        }
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, resource) = rest.split_at(end);
        if authority.contains('@') {
            return Err(UriError::Userinfo);
        }
        let (host, ipv6, port) = if let Some(after) = authority.strip_prefix('[') {
            let (host, tail) = after.split_once(']').ok_or(UriError::BadHost)?;
            if host.is_empty() || !host.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.') {
                return Err(UriError::BadHost);
            }
            let port = match tail {
                "" => None,
                _ => Some(tail.strip_prefix(':').ok_or(UriError::BadHost)?),
            };
            (host, true, port)
        } else {
            let (host, port) = match authority.split_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (authority, None),
            };
            // RFC 3986 §3.2.2 reg-name: unreserved / pct-encoded / sub-delims.
            if host.bytes().any(|b| !(b.is_ascii_alphanumeric() || b"-._~%!$&'()*+,;=".contains(&b))) {
                return Err(UriError::BadHost);
            }
            (host, false, port)
        };
        if host.is_empty() {
            return Err(UriError::MissingHost);
        }
        // RFC 6455 §3: "the default for "ws" is port 80, while the default
        // for "wss" is port 443". An empty port (`host:`) means the default.
        let default = if secure { 443 } else { 80 };
        let port = match port {
            None | Some("") => default,
            Some(p) if p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => match p.parse::<u16>() {
                Ok(0) | Err(_) => return Err(UriError::BadPort),
                Ok(n) => n,
            },
            Some(_) => return Err(UriError::BadPort),
        };
        // Bytes that would break the request line must be percent-encoded.
        if resource.bytes().any(|b| b <= b' ' || b >= 0x7f) {
            return Err(UriError::BadResource);
        }
        // RFC 6455 §3: the resource name is "/" if the path component is
        // empty, the path, "?" if the query is non-empty, and the query.
        let mut name = String::new();
        if !resource.starts_with('/') {
            name.push('/');
        }
        let resource = resource.strip_suffix('?').unwrap_or(resource);
        name.push_str(resource);
        Ok(WsUri { secure, host: String::from(host), ipv6, port, resource: name })
    }

    /// Whether the scheme is `wss`: RFC 6455 §4.1 "If /secure/ is true, the
    /// client MUST perform a TLS handshake over the connection".
    pub fn is_secure(&self) -> bool {
        self.secure
    }

    /// The host, without brackets for an IPv6 literal (what a resolver or
    /// TLS server name wants).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port, with the scheme's default filled in.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The resource name: path and query, `/` when the path is empty.
    pub fn resource_name(&self) -> &str {
        &self.resource
    }

    /// `host:port` with brackets around an IPv6 literal, as a `CONNECT`
    /// request wants it.
    pub fn authority(&self) -> String {
        let mut out = self.bracketed_host();
        let _ = write!(out, ":{}", self.port);
        out
    }

    /// The `Host` header value. RFC 6455 §4.1: "/host/ plus optionally ":"
    /// followed by /port/ (when not using the default port)".
    pub fn host_header(&self) -> String {
        if self.port == if self.secure { 443 } else { 80 } {
            self.bracketed_host()
        } else {
            self.authority()
        }
    }

    fn bracketed_host(&self) -> String {
        let mut out = String::with_capacity(self.host.len() + 8);
        if self.ipv6 {
            out.push('[');
            out.push_str(&self.host);
            out.push(']');
        } else {
            out.push_str(&self.host);
        }
        out
    }
}

impl core::str::FromStr for WsUri {
    type Err = UriError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        WsUri::parse(s)
    }
}
