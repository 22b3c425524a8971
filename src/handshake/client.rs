//! The client side: building the opening handshake request (RFC 6455 §4.1)
//! and validating the server's answer.

use alloc::string::String;
use alloc::vec::Vec;

use super::accept::SecKey;
use super::http::{
    check_header, check_value, complete, extension_name, is_token, list_elements, list_has_token, own_headers,
    parse_extensions, parse_response, push_header, trim_ows, HeadReader,
};
use super::{accept_key, find_header, Header, Limits, Negotiated, OptionsError, ResponseError, Status, WsUri};
use crate::rng::RandomSource;

/// What a client asks for in its opening handshake, beyond the URI.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientOptions {
    origin: Option<String>,
    protocols: Vec<String>,
    extensions: Vec<String>,
    headers: Vec<(String, String)>,
    limits: Limits,
}

impl ClientOptions {
    /// No origin, subprotocols, extensions or extra headers; default limits
    /// on the response head.
    pub fn new() -> Self {
        ClientOptions::default()
    }

    /// Whether any extension is offered.
    /// Checks the options and returns the extension offers one by one.
    pub(crate) fn checked(&self) -> Result<Vec<String>, OptionsError> {
        if let Some(origin) = &self.origin {
            check_value(origin)?;
        }
        for (i, p) in self.protocols.iter().enumerate() {
            // RFC 6455 §4.1 step 10: "non-empty strings with characters in
            // the range U+0021 to U+007E not including separator characters
            // [...] and MUST all be unique strings".
            if !is_token(p.as_bytes()) || self.protocols.get(..i).is_some_and(|prev| prev.contains(p)) {
                return Err(OptionsError::InvalidProtocol);
            }
        }
        let mut extensions = Vec::new();
        for e in &self.extensions {
            parse_extensions(e.as_bytes(), &mut extensions).map_err(|_| OptionsError::InvalidExtension)?;
        }
        for (name, value) in &self.headers {
            check_header(name, value, REQUEST_RESERVED)?;
        }
        Ok(extensions)
    }

    /// The `Origin` to send.
    pub(crate) fn origin_value(&self) -> Option<&str> {
        self.origin.as_deref()
    }

    /// The subprotocols to offer.
    pub(crate) fn protocol_list(&self) -> &[String] {
        &self.protocols
    }

    /// The extra header fields.
    pub(crate) fn extra_headers(&self) -> &[(String, String)] {
        &self.headers
    }

    pub(crate) fn offers_extensions(&self) -> bool {
        !self.extensions.is_empty()
    }

    /// Sends `Origin` (RFC 6455 §4.1 step 8: "MUST include a header field
    /// with the name |Origin| [...] if the request is coming from a browser
    /// client").
    pub fn origin(mut self, origin: impl Into<String>) -> Self {
        self.origin = Some(origin.into());
        self
    }

    /// Offers a subprotocol. Call in order of preference (RFC 6455 §4.1
    /// step 10: "ordered by preference").
    pub fn protocol(mut self, protocol: impl Into<String>) -> Self {
        self.protocols.push(protocol.into());
        self
    }

    /// Offers an extension, as its raw offer string such as
    /// `permessage-deflate; client_max_window_bits`. Call in order of
    /// preference.
    pub fn extension(mut self, extension: impl Into<String>) -> Self {
        self.extensions.push(extension.into());
        self
    }

    /// Adds a header such as `Authorization` or `Cookie` (RFC 6455 §4.1
    /// step 12).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Bounds on the response head.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }
}

/// Headers the request builder writes itself.
const REQUEST_RESERVED: &[&str] = &[
    "Host",
    "Upgrade",
    "Connection",
    "Sec-WebSocket-Key",
    "Sec-WebSocket-Version",
    "Sec-WebSocket-Protocol",
    "Sec-WebSocket-Extensions",
    "Origin",
    "Content-Length",
    "Transfer-Encoding",
];

/// The server's answer, as [`ClientHandshake::parse`] reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reply {
    /// A valid 101: the connection is open. The bytes after the head are
    /// WebSocket frames.
    Upgraded(Negotiated),
    /// Any status other than 101 (RFC 6455 §4.1: "the client handles the
    /// response per HTTP \[RFC2616\] procedures. In particular, the client
    /// might perform authentication if it receives a 401 status code; the
    /// server might redirect the client using a 3xx status code"). The
    /// WebSocket connection did not open.
    NotUpgraded(HttpResponse),
}

/// An HTTP response that is not a WebSocket upgrade.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpResponse {
    /// The status code, such as 401 or 302.
    pub status: u16,
    /// The reason phrase.
    pub reason: String,
    /// The HTTP minor version.
    pub version: u8,
    /// Every header field, in order (`Location`, `WWW-Authenticate`…).
    pub headers: Vec<Header>,
    /// The body bytes that came in the same input as the end of the head.
    /// The rest of the body, if any, is still on the connection (see
    /// `Content-Length`).
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The first header with this name (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&[u8]> {
        find_header(&self.headers, name)
    }
}

/// A client's opening handshake: the key it sent, what it offered, and the
/// parser for the server's answer.
#[derive(Debug, Clone)]
pub struct ClientHandshake {
    key: SecKey,
    protocols: Vec<String>,
    extensions: Vec<String>,
    reader: HeadReader,
}

impl ClientHandshake {
    /// Builds the request for `uri` with a fresh `Sec-WebSocket-Key` from
    /// `rng`. Returns the handshake (to parse the answer with) and the
    /// request bytes to send.
    ///
    /// ```
    /// use wsproto::handshake::{ClientHandshake, ClientOptions, WsUri};
    /// let uri = WsUri::parse("ws://example.com/chat").unwrap();
    /// let mut rng = wsproto::ChaChaRng::from_seed([7; 32]);
    /// let (_hs, request) = ClientHandshake::new(&uri, &ClientOptions::new().protocol("chat"), &mut rng).unwrap();
    /// assert!(request.starts_with(b"GET /chat HTTP/1.1\r\nHost: example.com\r\n"));
    /// ```
    pub fn new(
        uri: &WsUri,
        options: &ClientOptions,
        rng: &mut (impl RandomSource + ?Sized),
    ) -> Result<(ClientHandshake, Vec<u8>), OptionsError> {
        ClientHandshake::with_key(uri, options, SecKey::generate(rng))
    }

    /// Like [`ClientHandshake::new`] with a given key (RFC 6455 §4.1: "The
    /// nonce MUST be selected randomly for each connection": use this only
    /// for tests).
    pub fn with_key(
        uri: &WsUri,
        options: &ClientOptions,
        key: SecKey,
    ) -> Result<(ClientHandshake, Vec<u8>), OptionsError> {
        let extensions = options.checked()?;

        let mut out = Vec::with_capacity(256);
        // RFC 6455 §4.1 step 2: "The method of the request MUST be GET, and
        // the HTTP version MUST be at least 1.1."
        out.extend_from_slice(b"GET ");
        out.extend_from_slice(uri.resource_name().as_bytes());
        out.extend_from_slice(b" HTTP/1.1\r\n");
        push_header(&mut out, "Host", &uri.host_header());
        push_header(&mut out, "Upgrade", "websocket");
        push_header(&mut out, "Connection", "Upgrade");
        push_header(&mut out, "Sec-WebSocket-Key", key.as_str());
        push_header(&mut out, "Sec-WebSocket-Version", "13");
        if let Some(origin) = &options.origin {
            push_header(&mut out, "Origin", origin);
        }
        if !options.protocols.is_empty() {
            push_header(&mut out, "Sec-WebSocket-Protocol", &options.protocols.join(", "));
        }
        if !extensions.is_empty() {
            push_header(&mut out, "Sec-WebSocket-Extensions", &extensions.join(", "));
        }
        for (name, value) in &options.headers {
            push_header(&mut out, name, value);
        }
        out.extend_from_slice(b"\r\n");

        let hs = ClientHandshake {
            key,
            protocols: options.protocols.clone(),
            extensions,
            reader: HeadReader::new(options.limits),
        };
        Ok((hs, out))
    }

    /// Bytes of an incomplete response head held so far (never more than
    /// `max_head_bytes`).
    #[cfg(feature = "test-util")]
    pub fn buffered(&self) -> usize {
        self.reader.buffered()
    }

    /// The `Sec-WebSocket-Key` sent.
    #[cfg(feature = "test-util")]
    pub fn key(&self) -> &SecKey {
        &self.key
    }

    /// Feeds bytes of the server's response. Returns [`Status::Partial`]
    /// when all of `input` was taken and more is needed, or
    /// [`Status::Complete`] with the [`Reply`] and the number of bytes of
    /// `input` taken.
    ///
    /// For [`Reply::Upgraded`], `consumed` ends at the blank line: the
    /// bytes after it are the first WebSocket frames. For
    /// [`Reply::NotUpgraded`], the rest of `input` is taken as the start of
    /// the body, so `consumed == input.len()`.
    ///
    /// A 101 that breaks RFC 6455 §4.1 is an error: "the client MUST _Fail
    /// the WebSocket Connection_".
    pub fn parse(&mut self, input: &[u8]) -> Result<Status<Reply>, ResponseError> {
        let limits = self.reader.limits();
        // A head that arrives whole in one read is parsed where it is; see
        // `ServerHandshake::parse`.
        if let Some((start, window)) = self.reader.fresh_window(input) {
            let parsed = parse_response(window, limits.max_headers, |n, res| self.read(res, input, start + n));
            if let Ok(Some((_, reply))) = parsed {
                return reply;
            }
        }
        let Some(consumed) = self.reader.feed(input)? else { return Ok(Status::Partial) };
        let head = self.reader.take();
        complete(parse_response(&head, limits.max_headers, |_, res| self.read(res, input, consumed)), limits)?
    }

    /// Reads a parsed response whose head ends after `consumed` bytes of
    /// `input`.
    fn read(
        &self,
        res: &httparse::Response<'_, '_>,
        input: &[u8],
        consumed: usize,
    ) -> Result<Status<Reply>, ResponseError> {
        let status = res.code.unwrap_or_default();
        let version = res.version.unwrap_or_default();
        if status != 101 {
            let response = HttpResponse {
                status,
                reason: String::from(res.reason.unwrap_or_default()),
                version,
                headers: own_headers(res.headers),
                body: input.get(consumed..).unwrap_or_default().to_vec(),
            };
            return Ok(Status::Complete { value: Reply::NotUpgraded(response), consumed: input.len() });
        }
        if version < 1 {
            return Err(ResponseError::HttpVersion);
        }
        let pairs = res.headers.iter().map(|h| (h.name, h.value));
        let negotiated = validate_response(self.key.as_str(), &self.protocols, &self.extensions, pairs)?;
        Ok(Status::Complete { value: Reply::Upgraded(negotiated), consumed })
    }
}

/// Validates the headers of a 101 response (parsed by any HTTP client)
/// against what the client sent: its `key`, the subprotocols it offered
/// and the extension offers it sent. Returns what was negotiated.
///
/// The RFC 6455 §4.1 checks: `Upgrade` is `websocket` (step 2);
/// `Connection` contains `Upgrade` (step 3), both ASCII case-insensitive,
/// across repeated headers and comma-separated lists; exactly one
/// `Sec-WebSocket-Accept` equal to [`accept_key`]`(key)` (step 4); each
/// extension in `Sec-WebSocket-Extensions` was offered (step 5); at most one
/// subprotocol, and an offered one (step 6). With the `deflate` feature, a
/// permessage-deflate response must also answer an offer (RFC 7692 §7.1,
/// [`ResponseError::InvalidExtensionParams`]).
pub fn validate_response<'a, I, P, E>(
    key: &str,
    offered_protocols: &[P],
    offered_extensions: &[E],
    headers: I,
) -> Result<Negotiated, ResponseError>
where
    I: IntoIterator<Item = (&'a str, &'a [u8])>,
    P: AsRef<str>,
    E: AsRef<str>,
{
    check_answer(Some(key), offered_protocols, offered_extensions, headers)
}

/// The checks of [`validate_response`], for a 101 (`key` is the one sent)
/// or, with no `key`, for the 2xx answer to an RFC 8441 extended CONNECT,
/// which has no `Upgrade`, `Connection` or `Sec-WebSocket-Accept` (RFC 8441
/// §5: those "are not used"; RFC 9113 §8.2.2).
pub(crate) fn check_answer<'a, I, P, E>(
    key: Option<&str>,
    offered_protocols: &[P],
    offered_extensions: &[E],
    headers: I,
) -> Result<Negotiated, ResponseError>
where
    I: IntoIterator<Item = (&'a str, &'a [u8])>,
    P: AsRef<str>,
    E: AsRef<str>,
{
    let expected = key.map(accept_key);
    let mut upgrade = false;
    let mut connection = false;
    let mut accepts = 0usize;
    let mut accept_ok = false;
    let mut protocol: Option<String> = None;
    let mut protocol_header = false;
    let mut protocols = 0usize;
    let mut extensions: Vec<String> = Vec::new();
    for (name, value) in headers {
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        if is("Upgrade") {
            upgrade |= list_has_token(value, "websocket");
        } else if is("Connection") {
            connection |= list_has_token(value, "Upgrade");
        } else if is("Sec-WebSocket-Accept") {
            accepts += 1;
            // "ignoring any leading and trailing whitespace"
            accept_ok = expected.as_ref().is_some_and(|e| trim_ows(value) == e.as_str().as_bytes());
        } else if is("Sec-WebSocket-Protocol") {
            protocol_header = true;
            for p in list_elements(value) {
                protocols += 1;
                let p = core::str::from_utf8(p).map_err(|_| ResponseError::InvalidProtocolHeader)?;
                if !is_token(p.as_bytes()) {
                    return Err(ResponseError::InvalidProtocolHeader);
                }
                protocol = Some(String::from(p));
            }
        } else if is("Sec-WebSocket-Extensions") {
            parse_extensions(value, &mut extensions).map_err(|_| ResponseError::InvalidExtensionHeader)?;
        }
    }
    if expected.is_some() {
        if !upgrade {
            return Err(ResponseError::UpgradeNotWebSocket);
        }
        if !connection {
            return Err(ResponseError::ConnectionNotUpgrade);
        }
        match accepts {
            0 => return Err(ResponseError::MissingAccept),
            1 if accept_ok => {}
            _ => return Err(ResponseError::AcceptMismatch),
        }
    }
    if protocols > 1 {
        return Err(ResponseError::MultipleProtocols);
    }
    if protocol_header && protocols == 0 {
        // RFC 6455 §4.2.2: "The empty string is not the same as the null
        // value for these purposes and is not a legal value for this field."
        return Err(ResponseError::InvalidProtocolHeader);
    }
    if let Some(p) = &protocol {
        if !offered_protocols.iter().any(|o| o.as_ref() == p) {
            return Err(ResponseError::ProtocolNotOffered);
        }
    }
    for e in &extensions {
        let name = extension_name(e);
        if !offered_extensions.iter().any(|o| extension_name(o.as_ref()).eq_ignore_ascii_case(name)) {
            return Err(ResponseError::ExtensionNotOffered);
        }
    }
    #[cfg(feature = "deflate")]
    check_deflate_response(&extensions, offered_extensions)?;
    Ok(Negotiated { protocol, extensions })
}

/// RFC 7692 §7.1: a permessage-deflate response with an unknown, repeated
/// or out-of-range parameter, one that does not answer any of the offers,
/// or permessage-deflate accepted twice, fails the connection.
#[cfg(feature = "deflate")]
fn check_deflate_response<E: AsRef<str>>(extensions: &[String], offered: &[E]) -> Result<(), ResponseError> {
    use crate::extensions::deflate::DeflateParams;
    let mut accepted = 0;
    for e in extensions {
        let params = DeflateParams::parse_response(e).map_err(|_| ResponseError::InvalidExtensionParams)?;
        if let Some(params) = params {
            accepted += 1;
            if accepted > 1 || !offered.iter().any(|o| params.answers_offer(o.as_ref())) {
                return Err(ResponseError::InvalidExtensionParams);
            }
        }
    }
    Ok(())
}
