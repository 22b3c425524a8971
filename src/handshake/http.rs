//! HTTP/1.1 pieces shared by both roles: the bounded head reader, header
//! list and token helpers, and response writing.

use alloc::string::String;
use alloc::vec::Vec;

use super::{HandshakeError, Header, Limits};

/// A status code with its reason phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StatusLine {
    pub(crate) code: u16,
    pub(crate) reason: &'static str,
}

impl StatusLine {
    pub(crate) const BAD_REQUEST: StatusLine = StatusLine { code: 400, reason: "Bad Request" };
    pub(crate) const FORBIDDEN: StatusLine = StatusLine { code: 403, reason: "Forbidden" };
    pub(crate) const UPGRADE_REQUIRED: StatusLine = StatusLine { code: 426, reason: "Upgrade Required" };
    pub(crate) const HEADERS_TOO_LARGE: StatusLine =
        StatusLine { code: 431, reason: "Request Header Fields Too Large" };
}

/// Writes a complete error response; see [`HandshakeError::response`].
pub(crate) fn write_error_response(line: StatusLine, version_header: bool, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(160 + body.len());
    push_status_line(&mut out, line.code, line.reason);
    if version_header {
        push_header(&mut out, "Sec-WebSocket-Version", "13");
    }
    push_header(&mut out, "Connection", "close");
    push_header(&mut out, "Content-Type", "text/plain; charset=utf-8");
    push_content_length(&mut out, body.len());
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

pub(crate) fn push_status_line(out: &mut Vec<u8>, code: u16, reason: &str) {
    out.extend_from_slice(b"HTTP/1.1 ");
    push_decimal(out, code as usize);
    out.push(b' ');
    out.extend_from_slice(reason.as_bytes());
    out.extend_from_slice(b"\r\n");
}

pub(crate) fn push_header(out: &mut Vec<u8>, name: &str, value: &str) {
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b": ");
    out.extend_from_slice(value.as_bytes());
    out.extend_from_slice(b"\r\n");
}

pub(crate) fn push_content_length(out: &mut Vec<u8>, len: usize) {
    out.extend_from_slice(b"Content-Length: ");
    push_decimal(out, len);
    out.extend_from_slice(b"\r\n");
}

pub(crate) fn push_decimal(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(i..).unwrap_or_default());
}

/// Checks a header that a caller asks a builder to write: the name must be
/// a token, the value free of control characters other than HTAB (so no CR
/// or LF: no header injection), and the name none of `reserved`
/// (compared ASCII case-insensitively).
pub(crate) fn check_header(name: &str, value: &str, reserved: &[&str]) -> Result<(), HandshakeError> {
    if !is_token(name.as_bytes()) {
        return Err(HandshakeError::InvalidHeaderName);
    }
    check_value(value)?;
    if reserved.iter().any(|r| r.eq_ignore_ascii_case(name)) {
        return Err(HandshakeError::ReservedHeader);
    }
    Ok(())
}

/// A header value must not hold CR, LF, NUL or other control characters
/// (RFC 9110 §5.5: field-value is VCHAR, SP, HTAB and obs-text).
pub(crate) fn check_value(value: &str) -> Result<(), HandshakeError> {
    if value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        return Err(HandshakeError::InvalidHeaderValue);
    }
    Ok(())
}

/// RFC 9110 §5.6.2: `tchar`.
pub(crate) fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// RFC 9110 §5.6.2: `token = 1*tchar`.
pub(crate) fn is_token(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(|&b| is_tchar(b))
}

/// Strips optional whitespace (SP and HTAB) from both ends.
pub(crate) fn trim_ows(mut s: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = s {
        s = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = s {
        s = rest;
    }
    s
}

/// The elements of a comma-separated list (RFC 9110 §5.6.1 `#rule`),
/// trimmed, with empty elements skipped as the rule allows.
pub(crate) fn list_elements(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    value.split(|&b| b == b',').map(trim_ows).filter(|e| !e.is_empty())
}

/// Whether a comma-separated header value holds `token` (ASCII
/// case-insensitive).
pub(crate) fn list_has_token(value: &[u8], token: &str) -> bool {
    list_elements(value).any(|e| e.eq_ignore_ascii_case(token.as_bytes()))
}

/// Splits `value` at `sep` bytes outside quoted strings. `None` when a
/// quoted string is not terminated.
fn split_unquoted(value: &[u8], sep: u8) -> Option<Vec<&[u8]>> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut in_quotes = false;
    let mut escaped = false;
    for (i, &b) in value.iter().enumerate() {
        if in_quotes {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_quotes = false;
            }
        } else if b == b'"' {
            in_quotes = true;
        } else if b == sep {
            parts.push(value.get(start..i)?);
            start = i + 1;
        }
    }
    if in_quotes {
        return None;
    }
    parts.push(value.get(start..)?);
    Some(parts)
}

/// Checks one extension against RFC 6455 §9.1:
///
/// ```text
/// extension = extension-token *( ";" extension-param )
/// extension-param = token [ "=" (token | quoted-string) ]
///     ;When using the quoted-string syntax variant, the value
///     ;after quoted-string unescaping MUST conform to the
///     ;'token' ABNF.
/// ```
fn valid_extension(ext: &[u8]) -> bool {
    let Some(parts) = split_unquoted(ext, b';') else { return false };
    let mut parts = parts.into_iter().map(trim_ows);
    if !parts.next().is_some_and(is_token) {
        return false;
    }
    parts.all(|param| {
        let Some(eq) = param.iter().position(|&b| b == b'=') else { return is_token(param) };
        let (name, value) =
            (trim_ows(param.get(..eq).unwrap_or_default()), trim_ows(param.get(eq + 1..).unwrap_or_default()));
        is_token(name) && (is_token(value) || unquoted_is_token(value))
    })
}

/// Whether `value` is a quoted-string whose unescaped content is a token.
fn unquoted_is_token(value: &[u8]) -> bool {
    let Some(inner) = value.strip_prefix(b"\"").and_then(|v| v.strip_suffix(b"\"")) else { return false };
    let mut escaped = false;
    let mut len = 0;
    for &b in inner {
        if escaped {
            escaped = false;
        } else if b == b'\\' {
            escaped = true;
            continue;
        } else if b == b'"' {
            return false;
        }
        if !is_tchar(b) {
            return false;
        }
        len += 1;
    }
    !escaped && len > 0
}

/// Parses one `Sec-WebSocket-Extensions` header value (RFC 6455 §9.1
/// `extension-list = 1#extension`) and appends each extension, trimmed, to
/// `out`. Fails on any ABNF violation.
pub(crate) fn parse_extensions(value: &[u8], out: &mut Vec<String>) -> Result<(), HandshakeError> {
    let parts = split_unquoted(value, b',').ok_or(HandshakeError::InvalidExtensionHeader)?;
    let mut any = false;
    for ext in parts.into_iter().map(trim_ows).filter(|e| !e.is_empty()) {
        if !valid_extension(ext) {
            return Err(HandshakeError::InvalidExtensionHeader);
        }
        let s = core::str::from_utf8(ext).map_err(|_| HandshakeError::InvalidExtensionHeader)?;
        out.push(String::from(s));
        any = true;
    }
    if any {
        Ok(())
    } else {
        Err(HandshakeError::InvalidExtensionHeader)
    }
}

/// The name (extension-token) of one extension string such as
/// `permessage-deflate; client_max_window_bits`.
pub fn extension_name(extension: &str) -> &str {
    let name = extension.split(';').next().unwrap_or_default();
    name.trim_matches([' ', '\t'])
}

/// Accumulates an HTTP head until its blank line, keeping at most
/// `limits.max_head_bytes` bytes and failing early once there are more
/// lines than `limits.max_headers` allows. It never takes a byte past the
/// end of the head.
#[derive(Debug, Clone)]
pub(crate) struct HeadReader {
    buf: Vec<u8>,
    /// Bytes seen so far, including skipped leading blank lines.
    seen: usize,
    /// 0: inside a line; 1: just after LF; 2: after LF then CR.
    state: u8,
    /// Line ends seen so far.
    lines: usize,
    limits: Limits,
}

impl HeadReader {
    pub(crate) fn new(limits: Limits) -> Self {
        HeadReader { buf: Vec::new(), seen: 0, state: 0, lines: 0, limits }
    }

    pub(crate) fn limits(&self) -> Limits {
        self.limits
    }

    /// Takes bytes of `input` up to the end of the head. Returns `Some(n)`
    /// when the head is complete after taking `n` bytes of `input` (the head
    /// is then in [`HeadReader::take`]), `None` when all of `input` was taken
    /// and the head is still incomplete. On error the reader is reset.
    pub(crate) fn feed(&mut self, input: &[u8]) -> Result<Option<usize>, HandshakeError> {
        for (i, &b) in input.iter().enumerate() {
            if self.seen >= self.limits.max_head_bytes {
                self.reset();
                return Err(HandshakeError::HeadTooLarge { max: self.limits.max_head_bytes });
            }
            self.seen += 1;
            // RFC 9112 §2.2: a recipient "SHOULD ignore at least one empty
            // line (CRLF) received prior to the request-line".
            if self.buf.is_empty() && (b == b'\r' || b == b'\n') {
                continue;
            }
            if self.buf.is_empty() {
                self.buf.reserve(self.limits.max_head_bytes.min(512));
            }
            self.buf.push(b);
            match b {
                b'\n' if self.state != 0 => {
                    self.state = 0;
                    self.lines = 0;
                    self.seen = 0;
                    return Ok(Some(i + 1));
                }
                b'\n' => {
                    self.state = 1;
                    self.lines += 1;
                    if self.lines > self.limits.max_headers.saturating_add(1) {
                        self.reset();
                        return Err(HandshakeError::TooManyHeaders { max: self.limits.max_headers });
                    }
                }
                b'\r' if self.state == 1 => self.state = 2,
                _ => self.state = 0,
            }
        }
        Ok(None)
    }

    /// Takes the completed head out, leaving the reader ready for the next.
    pub(crate) fn take(&mut self) -> Vec<u8> {
        let head = core::mem::take(&mut self.buf);
        self.reset();
        head
    }

    fn reset(&mut self) {
        self.buf = Vec::new();
        self.seen = 0;
        self.state = 0;
        self.lines = 0;
    }

    /// Bytes held so far.
    pub(crate) fn buffered(&self) -> usize {
        self.buf.len()
    }
}

pub(crate) fn map_httparse(e: httparse::Error, limits: Limits) -> HandshakeError {
    HandshakeError::MalformedHttp(match e {
        httparse::Error::TooManyHeaders => return HandshakeError::TooManyHeaders { max: limits.max_headers },
        httparse::Error::HeaderName => "invalid header name",
        httparse::Error::HeaderValue => "invalid header value",
        httparse::Error::NewLine => "invalid line ending",
        httparse::Error::Status => "invalid status",
        httparse::Error::Token => "invalid token",
        httparse::Error::Version => "invalid HTTP version",
    })
}

/// Copies httparse headers into owned [`Header`]s.
pub(crate) fn own_headers(headers: &[httparse::Header<'_>]) -> Vec<Header> {
    headers.iter().map(|h| Header { name: String::from(h.name), value: trim_ows(h.value).to_vec() }).collect()
}
