//! HTTP/1.1 pieces shared by both roles: the bounded head reader, header
//! list and token helpers, and response writing.

use alloc::string::String;
use alloc::vec::Vec;
use core::mem::MaybeUninit;

use super::{Header, Limits, OptionsError};

/// What the head reader and the HTTP parser find wrong in a head, the same
/// for requests and responses. Each role maps it into its own error
/// ([`super::RequestError`], [`super::ResponseError`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadError {
    /// The head grew past `max_head_bytes`.
    TooLarge { max: usize },
    /// The head has more than `max_headers` fields.
    TooManyHeaders { max: usize },
    /// Not a valid HTTP/1.x head: what was wrong.
    Malformed(&'static str),
}

/// A `Sec-WebSocket-Extensions` value breaks the ABNF of RFC 6455 §9.1.
/// Each caller maps it: a request fault, a response fault, or a builder
/// given a bad extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InvalidExtensions;

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

/// Writes a complete error response; see [`super::RequestError::response`].
pub(crate) fn write_error_response(line: StatusLine, parts: &super::parts::ResponseParts) -> Vec<u8> {
    let mut out = Vec::with_capacity(160 + parts.body.len());
    push_status_line(&mut out, line.code, line.reason);
    let (before, after): (Vec<_>, Vec<_>) = parts.headers.iter().partition(|(n, _)| n != "Content-Type");
    for (name, value) in before {
        push_header(&mut out, name, value);
    }
    push_header(&mut out, "Connection", "close");
    for (name, value) in after {
        push_header(&mut out, name, value);
    }
    push_content_length(&mut out, parts.body.len());
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&parts.body);
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
pub(crate) fn check_header(name: &str, value: &str, reserved: &[&str]) -> Result<(), OptionsError> {
    if !is_token(name.as_bytes()) {
        return Err(OptionsError::InvalidHeaderName);
    }
    check_value(value)?;
    if reserved.iter().any(|r| r.eq_ignore_ascii_case(name)) {
        return Err(OptionsError::ReservedHeader);
    }
    Ok(())
}

/// A header value must not hold CR, LF, NUL or other control characters
/// (RFC 9110 §5.5: field-value is VCHAR, SP, HTAB and obs-text).
pub(crate) fn check_value(value: &str) -> Result<(), OptionsError> {
    if value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        return Err(OptionsError::InvalidHeaderValue);
    }
    Ok(())
}

/// RFC 9110 §5.6.2: `tchar`, as a table.
static TCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`' | b'|' | b'~'
            );
        i += 1;
    }
    table
};

/// RFC 9110 §5.6.2: `tchar`.
pub(crate) fn is_tchar(b: u8) -> bool {
    TCHAR[usize::from(b)]
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

/// The parts of `value` between `sep` bytes outside quoted strings
/// (backslash escapes inside quotes are honoured). `None` when a quoted
/// string is not terminated.
pub(crate) fn split_unquoted(value: &[u8], sep: u8) -> Option<SplitUnquoted<'_>> {
    if !value.contains(&b'"') {
        return Some(SplitUnquoted { rest: Some(value), sep, quoted: false });
    }
    let mut in_quotes = false;
    let mut escaped = false;
    for &b in value {
        if escaped {
            escaped = false;
        } else if in_quotes && b == b'\\' {
            escaped = true;
        } else if b == b'"' {
            in_quotes = !in_quotes;
        }
    }
    (!in_quotes).then_some(SplitUnquoted { rest: Some(value), sep, quoted: true })
}

/// The iterator [`split_unquoted`] returns (over a value whose quotes are
/// balanced).
#[derive(Debug, Clone)]
pub(crate) struct SplitUnquoted<'a> {
    rest: Option<&'a [u8]>,
    sep: u8,
    /// The value has a quote: look for `sep` outside quoted strings.
    quoted: bool,
}

impl<'a> Iterator for SplitUnquoted<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let rest = self.rest?;
        if !self.quoted {
            return match rest.iter().position(|&b| b == self.sep) {
                Some(i) => {
                    self.rest = rest.get(i + 1..);
                    rest.get(..i)
                }
                None => {
                    self.rest = None;
                    Some(rest)
                }
            };
        }
        let mut in_quotes = false;
        let mut escaped = false;
        for (i, &b) in rest.iter().enumerate() {
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
            } else if b == self.sep {
                self.rest = rest.get(i + 1..);
                return rest.get(..i);
            }
        }
        self.rest = None;
        Some(rest)
    }
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
    let mut parts = parts.map(trim_ows);
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
/// `extension-list = 1#extension`) and hands each extension, trimmed, to
/// `each`. Fails on any ABNF violation (after handing over the extensions
/// before the fault).
pub(crate) fn for_each_extension<'a>(value: &'a [u8], mut each: impl FnMut(&'a str)) -> Result<(), InvalidExtensions> {
    let parts = split_unquoted(value, b',').ok_or(InvalidExtensions)?;
    let mut any = false;
    for ext in parts.map(trim_ows).filter(|e| !e.is_empty()) {
        if !valid_extension(ext) {
            return Err(InvalidExtensions);
        }
        each(core::str::from_utf8(ext).map_err(|_| InvalidExtensions)?);
        any = true;
    }
    if any {
        Ok(())
    } else {
        Err(InvalidExtensions)
    }
}

/// Like [`for_each_extension`], appending each extension to `out`.
pub(crate) fn parse_extensions(value: &[u8], out: &mut Vec<String>) -> Result<(), InvalidExtensions> {
    for_each_extension(value, |e| out.push(String::from(e)))
}

/// The extensions of a `Sec-WebSocket-Extensions` value already checked by
/// [`for_each_extension`].
pub(crate) fn checked_extensions(value: &[u8]) -> impl Iterator<Item = &str> {
    split_unquoted(value, b',')
        .into_iter()
        .flatten()
        .map(trim_ows)
        .filter(|e| !e.is_empty())
        .filter_map(|e| core::str::from_utf8(e).ok())
}

/// The name (extension-token) of one extension string such as
/// `permessage-deflate; client_max_window_bits`.
pub fn extension_name(extension: &str) -> &str {
    let name = extension.split(';').next().unwrap_or_default();
    name.trim_matches([' ', '\t'])
}

/// The first `needle` in `hay` at or after `from`, eight bytes at a time.
pub(crate) fn find_byte(hay: &[u8], from: usize, needle: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO.wrapping_mul(u64::from(needle));
    let mut at = from;
    let rest = hay.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    for chunk in chunks.by_ref() {
        if let Ok(bytes) = <[u8; 8]>::try_from(chunk) {
            let x = u64::from_le_bytes(bytes) ^ pattern;
            // The lowest set bit marks the first zero byte: false positives
            // only occur above a true one.
            let found = x.wrapping_sub(LO) & !x & HI;
            if found != 0 {
                return Some(at + (found.trailing_zeros() / 8) as usize);
            }
        }
        at += 8;
    }
    chunks.remainder().iter().position(|&b| b == needle).map(|i| at + i)
}

/// Accumulates an HTTP head until its blank line, keeping at most
/// `limits.max_head_bytes` bytes and failing early once there are more
/// lines than `limits.max_headers` allows. It never takes a byte past the
/// end of the head.
///
/// Leading blank lines are skipped (RFC 9112 §2.2: a recipient "SHOULD
/// ignore at least one empty line (CRLF) received prior to the
/// request-line") but count towards the byte limit. The head ends at the
/// first LF that follows an LF, or an LF and a CR.
#[derive(Debug, Clone)]
pub(crate) struct HeadReader {
    buf: Vec<u8>,
    /// Bytes seen so far, including skipped leading blank lines.
    seen: usize,
    /// How the bytes held so far end. 0: inside a line; 1: just after LF;
    /// 2: after LF then CR.
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

    /// When nothing of a head has been seen yet: where the head would start
    /// in `input` (after leading blank lines), and the part of `input` the
    /// byte limit lets a head occupy. A head that parses completely within
    /// that window can be read in place, without buffering; anything else
    /// goes through [`HeadReader::feed`].
    pub(crate) fn fresh_window<'i>(&self, input: &'i [u8]) -> Option<(usize, &'i [u8])> {
        if self.seen != 0 || !self.buf.is_empty() {
            return None;
        }
        let start = input.iter().position(|&b| b != b'\r' && b != b'\n')?;
        let window = input.get(start..input.len().min(self.limits.max_head_bytes))?;
        Some((start, window))
    }

    /// Takes bytes of `input` up to the end of the head. Returns `Some(n)`
    /// when the head is complete after taking `n` bytes of `input` (the head
    /// is then in [`HeadReader::take`]), `None` when all of `input` was taken
    /// and the head is still incomplete. On error the reader is reset.
    pub(crate) fn feed(&mut self, input: &[u8]) -> Result<Option<usize>, HeadError> {
        let max = self.limits.max_head_bytes;
        let mut start = 0;
        if self.buf.is_empty() {
            // Skip blank lines before the request line; they count.
            start = input.iter().position(|&b| b != b'\r' && b != b'\n').unwrap_or(input.len());
            if self.seen + start > max {
                self.reset();
                return Err(HeadError::TooLarge { max });
            }
            self.seen += start;
        }
        let rest = input.get(start..).unwrap_or_default();
        let room = max - self.seen;
        let window = rest.get(..rest.len().min(room)).unwrap_or_default();
        let mut from = 0;
        while let Some(lf) = find_byte(window, from, b'\n') {
            // Does this LF follow an LF, or an LF and a CR?
            let last = match lf {
                0 => self.state != 0,
                1 => window.first() == Some(&b'\n') || (window.first() == Some(&b'\r') && self.state == 1),
                _ => matches!((window.get(lf - 2), window.get(lf - 1)), (_, Some(b'\n')) | (Some(b'\n'), Some(b'\r'))),
            };
            if last {
                self.buf.extend_from_slice(window.get(..=lf).unwrap_or_default());
                self.seen = 0;
                self.state = 0;
                self.lines = 0;
                return Ok(Some(start + lf + 1));
            }
            self.lines += 1;
            if self.lines > self.limits.max_headers.saturating_add(1) {
                self.reset();
                return Err(HeadError::TooManyHeaders { max: self.limits.max_headers });
            }
            from = lf + 1;
        }
        if rest.len() > room {
            self.reset();
            return Err(HeadError::TooLarge { max });
        }
        if rest.is_empty() {
            return Ok(None);
        }
        if self.buf.is_empty() {
            self.buf.reserve(max.min(512).max(rest.len()));
        }
        self.buf.extend_from_slice(rest);
        self.seen += rest.len();
        let n = rest.len();
        self.state = match (n.checked_sub(2).and_then(|i| rest.get(i)), rest.last()) {
            (_, Some(b'\n')) => 1,
            (Some(b'\n'), Some(b'\r')) => 2,
            (None, Some(b'\r')) if self.state == 1 => 2,
            _ => 0,
        };
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
    #[cfg(feature = "test-util")]
    pub(crate) fn buffered(&self) -> usize {
        self.buf.len()
    }
}

/// Header slots kept on the stack while parsing: more than any browser
/// sends. A head with more fields (up to the configured limit) is parsed
/// again with slots on the heap.
const STACK_HEADERS: usize = 32;

/// Parses a request head with at most `max_headers` fields and hands the
/// result, and the length of the head, to `read`. `Ok(None)` when the head is incomplete.
pub(crate) fn parse_request<'b, R>(
    head: &'b [u8],
    max_headers: usize,
    read: impl FnOnce(usize, &httparse::Request<'_, 'b>) -> R,
) -> Result<Option<(usize, R)>, httparse::Error> {
    let mut stack = [MaybeUninit::<httparse::Header<'b>>::uninit(); STACK_HEADERS];
    let mut req = httparse::Request::new(&mut []);
    let slots = stack.get_mut(..max_headers.min(STACK_HEADERS)).unwrap_or_default();
    match req.parse_with_uninit_headers(head, slots) {
        Ok(httparse::Status::Complete(n)) => return Ok(Some((n, read(n, &req)))),
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) if max_headers > STACK_HEADERS => {}
        Err(e) => return Err(e),
    }
    let mut heap = Vec::new();
    heap.resize(max_headers, MaybeUninit::<httparse::Header<'b>>::uninit());
    let mut req = httparse::Request::new(&mut []);
    match req.parse_with_uninit_headers(head, &mut heap)? {
        httparse::Status::Complete(n) => Ok(Some((n, read(n, &req)))),
        httparse::Status::Partial => Ok(None),
    }
}

/// Like [`parse_request`], for a response head.
pub(crate) fn parse_response<'b, R>(
    head: &'b [u8],
    max_headers: usize,
    read: impl FnOnce(usize, &httparse::Response<'_, 'b>) -> R,
) -> Result<Option<(usize, R)>, httparse::Error> {
    let config = httparse::ParserConfig::default();
    let mut stack = [MaybeUninit::<httparse::Header<'b>>::uninit(); STACK_HEADERS];
    let mut res = httparse::Response::new(&mut []);
    let slots = stack.get_mut(..max_headers.min(STACK_HEADERS)).unwrap_or_default();
    match config.parse_response_with_uninit_headers(&mut res, head, slots) {
        Ok(httparse::Status::Complete(n)) => return Ok(Some((n, read(n, &res)))),
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) if max_headers > STACK_HEADERS => {}
        Err(e) => return Err(e),
    }
    let mut heap = Vec::new();
    heap.resize(max_headers, MaybeUninit::<httparse::Header<'b>>::uninit());
    let mut res = httparse::Response::new(&mut []);
    match config.parse_response_with_uninit_headers(&mut res, head, &mut heap)? {
        httparse::Status::Complete(n) => Ok(Some((n, read(n, &res)))),
        httparse::Status::Partial => Ok(None),
    }
}

/// Parses a complete head (from [`HeadReader`]) that must parse completely.
pub(crate) fn complete<T>(parsed: Result<Option<(usize, T)>, httparse::Error>, limits: Limits) -> Result<T, HeadError> {
    match parsed {
        Ok(Some((_, value))) => Ok(value),
        Ok(None) => Err(HeadError::Malformed("incomplete head")),
        Err(e) => Err(map_httparse(e, limits)),
    }
}

pub(crate) fn map_httparse(e: httparse::Error, limits: Limits) -> HeadError {
    HeadError::Malformed(match e {
        httparse::Error::TooManyHeaders => return HeadError::TooManyHeaders { max: limits.max_headers },
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

/// The header fields of a head that httparse accepted, read straight from
/// its bytes: `name: value` lines up to the blank line. Names are tokens
/// and values hold no CR or LF (httparse checked both), so splitting at the
/// first colon and trimming the value gives what httparse gave.
#[derive(Debug, Clone)]
pub struct Headers<'a> {
    rest: &'a [u8],
}

impl<'a> Headers<'a> {
    pub(crate) fn new(lines: &'a [u8]) -> Self {
        Headers { rest: lines }
    }
}

impl<'a> Iterator for Headers<'a> {
    type Item = (&'a str, &'a [u8]);

    fn next(&mut self) -> Option<(&'a str, &'a [u8])> {
        let lf = find_byte(self.rest, 0, b'\n')?;
        let line = self.rest.get(..lf)?;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        self.rest = self.rest.get(lf + 1..).unwrap_or_default();
        let colon = line.iter().position(|&b| b == b':');
        let Some((name, value)) = colon.and_then(|c| Some((line.get(..c)?, line.get(c + 1..)?))) else {
            // The blank line that ends the head.
            self.rest = &[];
            return None;
        };
        Some((core::str::from_utf8(name).unwrap_or_default(), trim_ows(value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time reader `HeadReader` replaced, as the reference.
    struct Reference {
        buf: Vec<u8>,
        seen: usize,
        state: u8,
        lines: usize,
        limits: Limits,
    }

    impl Reference {
        fn feed(&mut self, input: &[u8]) -> Result<Option<usize>, HeadError> {
            for (i, &b) in input.iter().enumerate() {
                if self.seen >= self.limits.max_head_bytes {
                    *self = Reference { buf: Vec::new(), seen: 0, state: 0, lines: 0, limits: self.limits };
                    return Err(HeadError::TooLarge { max: self.limits.max_head_bytes });
                }
                self.seen += 1;
                if self.buf.is_empty() && (b == b'\r' || b == b'\n') {
                    continue;
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
                            *self = Reference { buf: Vec::new(), seen: 0, state: 0, lines: 0, limits: self.limits };
                            return Err(HeadError::TooManyHeaders { max: self.limits.max_headers });
                        }
                    }
                    b'\r' if self.state == 1 => self.state = 2,
                    _ => self.state = 0,
                }
            }
            Ok(None)
        }
    }

    /// Feeds `input` in pieces of `step` bytes to both readers, comparing
    /// every answer and the head held.
    fn compare(input: &[u8], step: usize, limits: Limits) {
        let mut new = HeadReader::new(limits);
        let mut old = Reference { buf: Vec::new(), seen: 0, state: 0, lines: 0, limits };
        let mut at = 0;
        while at < input.len() {
            let piece = &input[at..input.len().min(at + step)];
            let (a, b) = (new.feed(piece), old.feed(piece));
            assert_eq!(a, b, "{input:?} step {step} at {at} {limits:?}");
            match a {
                Ok(Some(n)) => {
                    assert_eq!(new.take(), core::mem::take(&mut old.buf), "{input:?} step {step}");
                    at += n;
                }
                Ok(None) => {
                    assert_eq!(new.buffered(), old.buf.len());
                    at += piece.len();
                }
                Err(_) => return,
            }
        }
    }

    #[test]
    fn head_reader_matches_the_byte_at_a_time_reader() {
        let inputs: &[&[u8]] = &[
            b"GET / HTTP/1.1\r\nHost: a\r\n\r\nframes",
            b"GET / HTTP/1.1\nHost: a\n\nGET / HTTP/1.1\n\n",
            b"\r\n\r\n\nGET / HTTP/1.1\r\nA: b\r\n\r\n",
            b"GET / HTTP/1.1\r\nA: b\r\r\nC: d\n\r\r\n\r\n",
            b"GET / HTTP/1.1\r\nA: b\n\r\nrest",
            b"X\r\n\r\r\n\n",
            b"\n\n\n\n\n\n",
            b"GET /abcdefghijklmnopqrstuvwxyz0123456789 HTTP/1.1\r\nHost: example.com\r\nX: 1\r\nY: 2\r\nZ: 3\r\n\r\n",
            b"A\nB\nC\nD\nE\nF\nG\nH\nI\nJ\n\n",
            b"a\rb\r\nc\n\rd\n\r\n",
        ];
        for input in inputs {
            for max_head_bytes in [0, 1, 2, 5, 9, 16, 17, 24, 40, 1000] {
                for max_headers in [0, 1, 2, 3, 64] {
                    for step in 1..=input.len() {
                        compare(input, step, Limits { max_head_bytes, max_headers });
                    }
                }
            }
        }
    }

    #[test]
    fn find_byte_finds_the_first() {
        let hay: Vec<u8> = (0..40u8).map(|i| if i % 7 == 3 { b'\n' } else { b'a' + i % 26 }).collect();
        for from in 0..=hay.len() + 1 {
            let expect = hay.get(from..).and_then(|h| h.iter().position(|&b| b == b'\n')).map(|i| i + from);
            assert_eq!(find_byte(&hay, from, b'\n'), expect, "from {from}");
        }
        let high = [0x80u8, 0xff, 0x0a, 0x8a, 0x0b, 0, 1, 2, 0x0a];
        assert_eq!(find_byte(&high, 0, b'\n'), Some(2));
        assert_eq!(find_byte(&high, 3, b'\n'), Some(8));
        assert_eq!(find_byte(&high, 0, 0x8a), Some(3));
    }
}
