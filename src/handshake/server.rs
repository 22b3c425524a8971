//! The server side: reading and validating the client's opening handshake
//! (RFC 6455 §4.2.1) and writing the answer (§4.2.2).

use alloc::boxed::Box;
use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::accept::{accept_key, check_key, SecKey};
use super::http::{
    check_header, check_value, checked_extensions, complete, extension_name, find_byte, for_each_extension, is_token,
    list_elements, list_has_token, parse_extensions, parse_request, push_content_length, push_header, push_status_line,
    trim_ows, HeadReader, Headers,
};
use super::{Limits, Negotiated, OptionsError, RequestError, Status};
use crate::extensions::check_accepted;

/// A parsed HTTP request head.
///
/// It holds one copy of the head as received and reads the method, target
/// and header fields from it on demand: parsing a request allocates once.
#[derive(Clone, PartialEq, Eq)]
pub struct Request {
    /// The head from the method to the blank line included.
    head: Vec<u8>,
    method_len: usize,
    target_len: usize,
    version: u8,
    /// Where the first header line starts in `head`.
    fields_at: usize,
}

impl Request {
    /// Reads the parts of a head httparse accepted.
    fn from_parsed(head: &[u8], req: &httparse::Request<'_, '_>) -> Result<RequestLine, RequestError> {
        let method = req.method.unwrap_or_default();
        let target = req.path.unwrap_or_default();
        // httparse allows exactly one space between the parts of the
        // request line, and the head starts at the method.
        let target_at = method.len() + 1;
        if head.get(..method.len()) != Some(method.as_bytes())
            || head.get(target_at..target_at + target.len()) != Some(target.as_bytes())
        {
            return Err(RequestError::MalformedHttp("invalid request line"));
        }
        let fields_at = find_byte(head, target_at + target.len(), b'\n').map_or(head.len(), |lf| lf + 1);
        Ok(RequestLine {
            method_len: method.len(),
            target_len: target.len(),
            version: req.version.unwrap_or_default(),
            fields_at,
        })
    }

    fn new(head: Vec<u8>, line: RequestLine) -> Request {
        let RequestLine { method_len, target_len, version, fields_at } = line;
        Request { head, method_len, target_len, version, fields_at }
    }

    /// The method, such as `GET`.
    pub fn method(&self) -> &str {
        self.head.get(..self.method_len).and_then(|m| core::str::from_utf8(m).ok()).unwrap_or_default()
    }

    /// The request target exactly as sent (origin form `/path?query`, or
    /// absolute form `http://host/path`).
    pub fn target(&self) -> &str {
        let at = self.method_len + 1;
        self.head.get(at..at + self.target_len).and_then(|t| core::str::from_utf8(t).ok()).unwrap_or_default()
    }

    /// The HTTP minor version: 1 for HTTP/1.1, 0 for HTTP/1.0.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Every header field, in order, as (name, value) pairs. Names keep the
    /// case they had on the wire; values are bytes with surrounding
    /// whitespace removed (HTTP allows non-UTF-8 bytes in values).
    pub fn headers(&self) -> Headers<'_> {
        Headers::new(self.head.get(self.fields_at..).unwrap_or_default())
    }

    /// The head exactly as received, from the method to the blank line
    /// that ends it (without any blank lines sent before the request line).
    pub fn head(&self) -> &[u8] {
        &self.head
    }

    /// The resource name: path and query. For an absolute-form target
    /// (RFC 6455 §4.1: "or be an absolute http/https URI"), the part after
    /// the authority; `/` when empty.
    pub fn resource_name(&self) -> &str {
        let t = self.target();
        let strip = |prefix: &str| match t.get(..prefix.len()) {
            Some(head) if head.eq_ignore_ascii_case(prefix) => t.get(prefix.len()..),
            _ => None,
        };
        let Some(after) = strip("http://").or_else(|| strip("https://")) else { return t };
        match after.find(['/', '?']).and_then(|i| after.get(i..)) {
            Some(rest) => rest,
            None => "/",
        }
    }

    /// The path part of the resource name.
    pub fn path(&self) -> &str {
        let r = self.resource_name();
        r.split_once('?').map_or(r, |(p, _)| p)
    }

    /// The query (without `?`), if any.
    pub fn query(&self) -> Option<&str> {
        self.resource_name().split_once('?').map(|(_, q)| q)
    }

    /// The first header with this name (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&[u8]> {
        self.headers().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }

    /// The first header with this name, as text.
    pub fn header_str(&self, name: &str) -> Option<&str> {
        self.header(name).and_then(|v| core::str::from_utf8(v).ok())
    }

    /// Every header with this name, in order.
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.headers().filter(move |(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Fields<'a>(&'a Request);
        impl fmt::Debug for Fields<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let value = |v: &[u8]| String::from_utf8_lossy(v).into_owned();
                f.debug_list().entries(self.0.headers().map(|(n, v)| (n, value(v)))).finish()
            }
        }
        f.debug_struct("Request")
            .field("method", &self.method())
            .field("target", &self.target())
            .field("version", &self.version)
            .field("headers", &Fields(self))
            .finish()
    }
}

/// Where the parts of the request line are, read while the head is borrowed.
struct RequestLine {
    method_len: usize,
    target_len: usize,
    version: u8,
    fields_at: usize,
}

/// A valid WebSocket upgrade request: what it offers (RFC 6455 §4.2.2
/// step 4: "Establish the following information"), and how to answer it.
///
/// It is the one offer type of both server paths:
///
/// - the built-in parser reports it as
///   [`Event::UpgradeRequest`](crate::Event::UpgradeRequest); answer with
///   [`Connection::accept`](crate::Connection::accept) or
///   [`Connection::respond`](crate::Connection::respond). The offer is read
///   from the request's head, which was checked when it was parsed, and
///   nothing is copied out of it; [`request`](UpgradeRequest::request) is
///   the whole request.
/// - for another HTTP library, [`validate_head`](super::validate_head)
///   returns it from the request's parts; answer with
///   [`accept_parts`](UpgradeRequest::accept_parts) (or, with the `http`
///   feature, `accept_http`). The offer is copied out of the parts, and
///   there is no [`request`](UpgradeRequest::request): the library holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpgradeRequest {
    source: Source,
}

/// Where an offer's fields live.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// Read by the built-in parser: the fields are read from the head.
    Parsed { request: Request, key: SecKey },
    /// Validated from another library's parts: the fields copied out. Boxed
    /// so that a pending request keeps the connection small.
    Parts(Box<PartsOffer>),
}

/// The fields of an offer validated from parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartsOffer {
    pub(crate) key: String,
    pub(crate) host: String,
    pub(crate) origin: Option<String>,
    pub(crate) protocols: Vec<String>,
    pub(crate) extensions: Vec<String>,
    pub(crate) kind: super::parts::UpgradeKind,
}

impl UpgradeRequest {
    /// An offer validated from parts.
    pub(crate) fn from_parts(offer: PartsOffer) -> UpgradeRequest {
        UpgradeRequest { source: Source::Parts(Box::new(offer)) }
    }

    /// The whole request (method, target, every header field) as the
    /// built-in parser read it; `None` for an offer from
    /// [`validate_head`](super::validate_head), whose request the other
    /// HTTP library holds.
    pub fn request(&self) -> Option<&Request> {
        match &self.source {
            Source::Parsed { request, .. } => Some(request),
            Source::Parts(_) => None,
        }
    }

    /// Which handshake the request made: an HTTP/1.1 upgrade (always, from
    /// the built-in parser), or an RFC 8441 extended CONNECT.
    pub fn kind(&self) -> super::parts::UpgradeKind {
        match &self.source {
            Source::Parsed { .. } => super::parts::UpgradeKind::Http11,
            Source::Parts(p) => p.kind,
        }
    }

    /// The `Sec-WebSocket-Key`, trimmed and checked; empty for an extended
    /// CONNECT, which has none (RFC 8441 §5).
    pub fn key(&self) -> &str {
        match &self.source {
            Source::Parsed { key, .. } => key.as_str(),
            Source::Parts(p) => &p.key,
        }
    }

    /// The `Host` header field (exactly one, not empty), or for an extended
    /// CONNECT without one, the `:authority`.
    pub fn host(&self) -> &str {
        match &self.source {
            Source::Parsed { request, .. } => request.header_str("Host").unwrap_or_default(),
            Source::Parts(p) => &p.host,
        }
    }

    /// The `Origin` header field, if any (there is at most one). RFC 6455
    /// §4.2.1: "A connection attempt lacking this header field SHOULD NOT be
    /// interpreted as coming from a browser client." The built-in parser
    /// applies the [`OriginPolicy`] of the [`ServerConfig`]; with another
    /// HTTP library, apply it with [`OriginPolicy::check`].
    pub fn origin(&self) -> Option<&str> {
        match &self.source {
            Source::Parsed { request, .. } => request.header_str("Origin"),
            Source::Parts(p) => p.origin.as_deref(),
        }
    }

    /// The offered subprotocols, in the client's order of preference
    /// (across all `Sec-WebSocket-Protocol` header fields).
    pub fn protocols(&self) -> impl Iterator<Item = &str> + '_ {
        let (parsed, parts) = match &self.source {
            Source::Parsed { request, .. } => (
                Some(
                    request
                        .headers_named("Sec-WebSocket-Protocol")
                        .flat_map(list_elements)
                        .filter_map(|p| core::str::from_utf8(p).ok()),
                ),
                None,
            ),
            Source::Parts(p) => (None, Some(p.protocols.iter().map(String::as_str))),
        };
        parsed.into_iter().flatten().chain(parts.into_iter().flatten())
    }

    /// The offered extensions, one string each (name and parameters, such
    /// as `permessage-deflate; client_max_window_bits`), in the client's
    /// order of preference, across all `Sec-WebSocket-Extensions` header
    /// fields.
    pub fn extensions(&self) -> impl Iterator<Item = &str> + '_ {
        let (parsed, parts) = match &self.source {
            Source::Parsed { request, .. } => {
                (Some(request.headers_named("Sec-WebSocket-Extensions").flat_map(checked_extensions)), None)
            }
            Source::Parts(p) => (None, Some(p.extensions.iter().map(String::as_str))),
        };
        parsed.into_iter().flatten().chain(parts.into_iter().flatten())
    }

    /// The offer copied out, as [`validate_head`](super::validate_head)
    /// returns it (with no [`request`](UpgradeRequest::request)), to compare
    /// the two paths' checks. Only with the `test-util` feature.
    #[cfg(feature = "test-util")]
    pub fn offer(&self) -> UpgradeRequest {
        UpgradeRequest::from_parts(PartsOffer {
            key: String::from(self.key()),
            host: String::from(self.host()),
            origin: self.origin().map(String::from),
            protocols: self.protocols().map(String::from).collect(),
            extensions: self.extensions().map(String::from).collect(),
            kind: self.kind(),
        })
    }

    /// The 101 response bytes and what they negotiate, as
    /// [`Connection::accept`](crate::Connection::accept) writes them after
    /// the choices in `options` were checked against the offer, but without
    /// a connection's config: no deflate answer is added and extensions the
    /// crate does not run are not refused. Only with the `test-util`
    /// feature, for tests of the response writer.
    #[cfg(feature = "test-util")]
    pub fn accept(&self, options: &AcceptOptions) -> Result<(Vec<u8>, Negotiated), OptionsError> {
        if self.kind() != super::parts::UpgradeKind::Http11 {
            return Err(OptionsError::NotHttp11);
        }
        let mut response = Vec::new();
        let negotiated = self.accept_with(options, |_| Ok(()), |r| response.extend_from_slice(r))?;
        Ok((response, negotiated))
    }

    /// Checks the choices in `options` against the offer: RFC 6455 §4.2.2:
    /// the subprotocol "MUST be derived from the client's handshake,
    /// specifically by selecting one of the values from the
    /// |Sec-WebSocket-Protocol| field" ([`OptionsError::ProtocolNotOffered`]
    /// otherwise); for extensions, "Extensions not listed by the client MUST
    /// NOT be listed" ([`OptionsError::ExtensionNotOffered`]), and
    /// permessage-deflate parameters must answer an offer (RFC 7692 §7.1).
    pub(crate) fn negotiate(&self, options: &AcceptOptions) -> Result<Negotiated, OptionsError> {
        let negotiated = choose(
            options,
            |p| self.protocols().any(|o| o == p),
            |name| self.extensions().any(|o| extension_name(o).eq_ignore_ascii_case(name)),
        )?;
        check_accepted(&negotiated.extensions, self.extensions())?;
        Ok(negotiated)
    }
}

/// Checks the choices in `options` against an offer and returns what they
/// negotiate.
pub(crate) fn choose(
    options: &AcceptOptions,
    offered_protocol: impl Fn(&str) -> bool,
    offered_extension: impl Fn(&str) -> bool,
) -> Result<Negotiated, OptionsError> {
    if let Some(p) = &options.protocol {
        if !offered_protocol(p) {
            return Err(OptionsError::ProtocolNotOffered);
        }
    }
    let mut extensions = Vec::new();
    for e in &options.extensions {
        parse_extensions(e.as_bytes(), &mut extensions).map_err(|_| OptionsError::InvalidExtension)?;
    }
    if extensions.iter().any(|e| !offered_extension(extension_name(e))) {
        return Err(OptionsError::ExtensionNotOffered);
    }
    Ok(Negotiated { protocol: options.protocol.clone(), extensions })
}

/// A complete request head, as [`ServerHandshake::parse`] reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Incoming {
    /// A valid WebSocket upgrade request. Answer with a 101 (then frames
    /// follow) or [`reject_response`] (then close).
    WebSocket(UpgradeRequest),
    /// A plain HTTP request: it has no `Upgrade` header. Answer it as HTTP
    /// (any body that follows the head is the caller's to read).
    Http(Request),
}

/// The application's choices when accepting an upgrade (RFC 6455 §4.2.2).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AcceptOptions {
    protocol: Option<String>,
    extensions: Vec<String>,
    headers: Vec<(String, String)>,
}

impl AcceptOptions {
    /// No subprotocol, no extensions, no extra headers.
    pub fn new() -> Self {
        AcceptOptions::default()
    }

    /// Selects one of the offered subprotocols.
    ///
    /// When the client offered subprotocols and none is selected, the 101
    /// carries no `Sec-WebSocket-Protocol`. RFC 6455 §4.2.2 allows that (the
    /// null subprotocol), but browsers then fail the connection: a page
    /// that offered subprotocols treats an answer without one as a failed
    /// handshake. Select one of [`UpgradeRequest::protocols`], or refuse
    /// the request with a response.
    pub fn protocol(mut self, protocol: impl Into<String>) -> Self {
        self.protocol = Some(protocol.into());
        self
    }

    /// Accepts an extension, given as its response string (name and
    /// parameters). Repeat in the order the extensions apply.
    pub fn extension(mut self, extension: impl Into<String>) -> Self {
        self.extensions.push(extension.into());
        self
    }

    /// Whether extensions were chosen.
    #[cfg_attr(
        not(feature = "deflate"),
        allow(dead_code, reason = "only a deflate server chooses for the application")
    )]
    pub(crate) fn has_extensions(&self) -> bool {
        !self.extensions.is_empty()
    }

    /// The extra header fields.
    pub(crate) fn extra_headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// Adds a header to the 101 response, such as `Set-Cookie`.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// Which `Origin` values a server accepts: the defence against
/// Cross-Site WebSocket Hijacking (RFC 6455 §10.2: "servers that are not
/// intended to process input from any web page but only for certain sites
/// SHOULD verify the |Origin| field is an origin they expect").
///
/// Origins compare ASCII case-insensitively (RFC 6455 §4.2.2: "The origin is
/// serialized to ASCII and converted to lowercase"). A request with more
/// than one `Origin` header is refused.
///
/// **No `Origin` header** is allowed by default: browsers always send one
/// (§4.2.1: "This header field is sent by all browser clients"), so a
/// hijacking page cannot leave it out, and non-browser clients often do not
/// send it. Call [`OriginPolicy::require_origin`] to refuse such requests
/// too.
#[derive(Debug, Clone, Default)]
pub struct OriginPolicy {
    rule: OriginRule,
    require: bool,
}

#[derive(Debug, Clone, Default)]
enum OriginRule {
    #[default]
    Any,
    List(Vec<String>),
    Callback(fn(&str) -> bool),
}

impl OriginPolicy {
    /// Accepts every origin (the default).
    pub fn any() -> Self {
        OriginPolicy::default()
    }

    /// Accepts only these origins, such as `https://example.com`.
    pub fn allow_list<I, S>(origins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        OriginPolicy { rule: OriginRule::List(origins.into_iter().map(Into::into).collect()), require: false }
    }

    /// Accepts the origins for which `allow` returns true.
    pub fn callback(allow: fn(&str) -> bool) -> Self {
        OriginPolicy { rule: OriginRule::Callback(allow), require: false }
    }

    /// Whether a request without `Origin` is refused (default: accepted).
    pub fn require_origin(mut self, require: bool) -> Self {
        self.require = require;
        self
    }

    /// Checks an `Origin` value (`None` when the header is absent).
    /// Refusal is [`RequestError::OriginRejected`] or
    /// [`RequestError::MissingOrigin`], both answered with 403.
    pub fn check(&self, origin: Option<&str>) -> Result<(), RequestError> {
        let Some(origin) = origin else {
            return if self.require { Err(RequestError::MissingOrigin) } else { Ok(()) };
        };
        let ok = match &self.rule {
            OriginRule::Any => true,
            OriginRule::List(list) => list.iter().any(|o| o.eq_ignore_ascii_case(origin)),
            OriginRule::Callback(f) => f(origin),
        };
        if ok {
            Ok(())
        } else {
            Err(RequestError::OriginRejected)
        }
    }
}

/// Server settings for the built-in parser of
/// [`Connection::server`](crate::Connection::server).
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ServerConfig {
    /// Bounds on the request head.
    pub limits: Limits,
    /// Which origins are accepted.
    pub origin: OriginPolicy,
}

impl ServerConfig {
    /// Default limits, any origin.
    pub fn new() -> Self {
        ServerConfig::default()
    }

    /// Sets the limits.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets the origin policy.
    pub fn origin_policy(mut self, origin: OriginPolicy) -> Self {
        self.origin = origin;
        self
    }
}

/// Reads a client's request head incrementally and validates it.
///
/// Feed it the bytes read from the connection with [`parse`](Self::parse)
/// until it returns [`Status::Complete`]. It holds at most
/// `limits.max_head_bytes` bytes. After a complete head or an error it is
/// ready to read the next request (HTTP keep-alive for plain requests).
#[derive(Debug, Clone)]
pub struct ServerHandshake {
    reader: HeadReader,
    origin: OriginPolicy,
}

impl Default for ServerHandshake {
    fn default() -> Self {
        ServerHandshake::new(ServerConfig::default())
    }
}

/// What a parsed head is, read while it is borrowed: `None` for a plain
/// HTTP request, the key of an upgrade request.
type Checked = (RequestLine, Option<SecKey>);

impl ServerHandshake {
    /// A parser with these settings.
    pub fn new(config: ServerConfig) -> Self {
        ServerHandshake { reader: HeadReader::new(config.limits), origin: config.origin }
    }

    /// Bytes of an incomplete head held so far.
    #[cfg(feature = "test-util")]
    pub fn buffered(&self) -> usize {
        self.reader.buffered()
    }

    /// Feeds bytes. Returns [`Status::Partial`] when all of `input` was
    /// taken and more is needed, or [`Status::Complete`] with the request
    /// and the number of bytes of `input` taken; bytes after them (the first
    /// WebSocket frames, or a request body) were not looked at.
    ///
    /// A broken upgrade request, a head over the limits, or an origin the
    /// policy refuses is an error with a ready
    /// [`response`](RequestError::response).
    pub fn parse(&mut self, input: &[u8]) -> Result<Status<Incoming>, RequestError> {
        let limits = self.reader.limits();
        // The common case: the whole head arrives in one read, within the
        // limits. It is parsed where it is and copied once. Anything else
        // (a partial head, or one httparse refuses, which the reader then
        // sorts into "too large", "too many headers" or malformed) goes
        // through the reader.
        if let Some((start, window)) = self.reader.fresh_window(input) {
            if let Ok(Some((n, checked))) = parse_request(window, limits.max_headers, |_, req| self.check(window, req))
            {
                let head = window.get(..n).unwrap_or_default();
                let value = incoming(head.to_vec(), checked?);
                return Ok(Status::Complete { value, consumed: start + n });
            }
        }
        let Some(consumed) = self.reader.feed(input)? else { return Ok(Status::Partial) };
        let head = self.reader.take();
        let checked = complete(parse_request(&head, limits.max_headers, |_, req| self.check(&head, req)), limits)??;
        Ok(Status::Complete { value: incoming(head, checked), consumed })
    }

    /// Checks a parsed head: a plain request, or a valid upgrade request
    /// from an allowed origin.
    fn check(&self, head: &[u8], req: &httparse::Request<'_, '_>) -> Result<Checked, RequestError> {
        let line = Request::from_parsed(head, req)?;
        if !req.headers.iter().any(|h| h.name.eq_ignore_ascii_case("Upgrade")) {
            return Ok((line, None));
        }
        // RFC 6455 §4.2.1: "An HTTP/1.1 or higher GET request".
        if line.version < 1 {
            return Err(RequestError::HttpVersion);
        }
        let fields = req.headers.iter().map(|h| (h.name, trim_ows(h.value)));
        let offer = check_upgrade(req.method.unwrap_or_default(), fields, |_| {}, |_| {})?;
        self.origin.check(offer.origin)?;
        let key = SecKey::from_checked(offer.key).ok_or(RequestError::InvalidKey)?;
        Ok((line, Some(key)))
    }
}

fn incoming(head: Vec<u8>, (line, key): Checked) -> Incoming {
    let request = Request::new(head, line);
    match key {
        Some(key) => Incoming::WebSocket(UpgradeRequest { source: Source::Parsed { request, key } }),
        None => Incoming::Http(request),
    }
}

/// The fields of a valid upgrade request, borrowed from its headers.
pub(crate) struct Offer<'a> {
    pub(crate) key: &'a str,
    pub(crate) host: &'a str,
    pub(crate) origin: Option<&'a str>,
}

/// Subprotocols seen so far, to refuse repeats: the first few on the
/// stack, more in a set.
#[derive(Default)]
struct Distinct<'a> {
    first: [&'a str; 8],
    len: usize,
    more: BTreeSet<&'a str>,
}

impl<'a> Distinct<'a> {
    /// Adds `p`; false if it was there already.
    fn insert(&mut self, p: &'a str) -> bool {
        if self.first.iter().take(self.len).any(|q| *q == p) {
            return false;
        }
        match self.first.get_mut(self.len) {
            Some(slot) => {
                *slot = p;
                self.len += 1;
                true
            }
            None => self.more.insert(p),
        }
    }
}

/// The checks of an HTTP/1.1 upgrade request (RFC 6455 §4.2.1), handing
/// each offered subprotocol and extension to the callbacks.
fn check_upgrade<'a, I>(
    method: &str,
    headers: I,
    each_protocol: impl FnMut(&'a str),
    each_extension: impl FnMut(&'a str),
) -> Result<Offer<'a>, RequestError>
where
    I: IntoIterator<Item = (&'a str, &'a [u8])>,
{
    if method != "GET" {
        return Err(RequestError::MethodNotGet);
    }
    check_fields(Mode::Upgrade, headers, each_protocol, each_extension)
}

/// Which opening handshake a request makes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Mode<'a> {
    /// The HTTP/1.1 upgrade of RFC 6455 §4.
    Upgrade,
    /// An HTTP/2 (or HTTP/3) extended CONNECT (RFC 8441 §4, RFC 9220),
    /// with its `:authority`.
    Connect { authority: Option<&'a str> },
}

/// The header checks of an opening handshake in either `mode`, once the
/// method (and for `Connect`, `:protocol`) was checked: every RFC 6455
/// §4.2.1 rule for [`Mode::Upgrade`]; for [`Mode::Connect`] the ones RFC
/// 8441 §5 keeps ("The Sec-WebSocket-Key and Sec-WebSocket-Accept header
/// fields are not used", and HTTP/2 has no `Upgrade` or `Connection`,
/// RFC 9113 §8.2.2). The returned key is empty for `Connect`.
pub(crate) fn check_fields<'a, I>(
    mode: Mode<'a>,
    headers: I,
    mut each_protocol: impl FnMut(&'a str),
    mut each_extension: impl FnMut(&'a str),
) -> Result<Offer<'a>, RequestError>
where
    I: IntoIterator<Item = (&'a str, &'a [u8])>,
{
    let connect = matches!(mode, Mode::Connect { .. });
    let mut upgrade_seen = false;
    let mut host: Option<&[u8]> = None;
    let mut hosts = 0usize;
    let mut upgrade = false;
    let mut connection = false;
    let mut key: Option<&[u8]> = None;
    let mut keys = 0usize;
    let mut version_seen = false;
    let mut bad_version: Option<Option<u16>> = None;
    let mut origin: Option<&[u8]> = None;
    let mut origins = 0usize;
    let mut protocols = Distinct::default();
    for (name, value) in headers {
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        if is("Host") {
            hosts += 1;
            host = Some(value);
        } else if is("Upgrade") {
            upgrade_seen = true;
            upgrade |= list_has_token(value, "websocket");
        } else if is("Connection") {
            connection |= list_has_token(value, "Upgrade");
        } else if is("Sec-WebSocket-Key") {
            keys += 1;
            key = Some(value);
        } else if is("Sec-WebSocket-Version") {
            for v in list_elements(value) {
                version_seen = true;
                if v != b"13" && bad_version.is_none() {
                    let n = core::str::from_utf8(v).ok().and_then(|s| s.parse::<u16>().ok());
                    bad_version = Some(n);
                }
            }
        } else if is("Origin") {
            origins += 1;
            origin = Some(value);
        } else if is("Sec-WebSocket-Protocol") {
            let mut any = false;
            for p in list_elements(value) {
                let p = core::str::from_utf8(p).map_err(|_| RequestError::InvalidProtocolHeader)?;
                // RFC 6455 §4.1: elements "MUST be non-empty strings [...]
                // and MUST all be unique strings" (1#token).
                if !is_token(p.as_bytes()) || !protocols.insert(p) {
                    return Err(RequestError::InvalidProtocolHeader);
                }
                each_protocol(p);
                any = true;
            }
            if !any {
                return Err(RequestError::InvalidProtocolHeader);
            }
        } else if is("Sec-WebSocket-Extensions") {
            for_each_extension(value, &mut each_extension).map_err(|_| RequestError::InvalidExtensionHeader)?;
        }
    }
    // RFC 8441 §4: on an extended CONNECT, ":authority" takes the role of
    // Host (HTTP/2 servers such as hyper pass it as the URI's authority,
    // not as a Host field).
    let host = match (mode, host.map(core::str::from_utf8)) {
        (_, Some(Ok(h))) if hosts == 1 && !h.is_empty() => h,
        (Mode::Connect { authority: Some(a) }, None) if !a.is_empty() => a,
        _ => return Err(RequestError::BadHost),
    };
    if !connect {
        // A GET without any Upgrade field is a plain HTTP request on a
        // WebSocket resource: RFC 9110 §15.5.22 answers it with 426 and
        // "MUST send an Upgrade header field", as python-websockets does.
        if !upgrade_seen {
            return Err(RequestError::NotAnUpgrade);
        }
        if !upgrade {
            return Err(RequestError::UpgradeNotWebSocket);
        }
        if !connection {
            return Err(RequestError::ConnectionNotUpgrade);
        }
    }
    if let Some(v) = bad_version {
        return Err(RequestError::UnsupportedVersion(v));
    }
    if !version_seen {
        return Err(RequestError::MissingVersion);
    }
    let key = match (key, keys) {
        // RFC 8441 §5: "Implementations using this extended CONNECT to
        // bootstrap WebSockets do not do the processing of the
        // Sec-WebSocket-Key and Sec-WebSocket-Accept header fields": a
        // key, if sent, is ignored.
        _ if connect => "",
        (None, _) => return Err(RequestError::MissingKey),
        (Some(k), 1) => check_key(k)?,
        _ => return Err(RequestError::InvalidKey),
    };
    let origin = match (origin, origins) {
        (None, _) => None,
        (Some(o), 1) => Some(core::str::from_utf8(o).map_err(|_| RequestError::OriginRejected)?),
        _ => return Err(RequestError::OriginRejected),
    };
    Ok(Offer { key, host, origin })
}

/// The application's choices with the server's permessage-deflate answer
/// added: with deflate configured, the server answers the first offer it
/// can honour, unless the application chose extensions itself. The same
/// for [`Connection::accept`](crate::Connection::accept) and for a
/// handshake done by another HTTP library
/// ([`UpgradeRequest::accept_parts`](UpgradeRequest::accept_parts)).
pub(crate) fn server_choices<'o, 'a>(
    options: &'o AcceptOptions,
    offered: impl IntoIterator<Item = &'a str>,
    config: &crate::Config,
) -> Result<alloc::borrow::Cow<'o, AcceptOptions>, OptionsError> {
    use alloc::borrow::Cow;
    #[cfg(feature = "deflate")]
    if let Some(deflate) = config.deflate {
        if !options.has_extensions() {
            if !deflate.is_valid() {
                return Err(OptionsError::InvalidDeflateConfig);
            }
            if let Some(params) = deflate.accept_offer(offered) {
                return Ok(Cow::Owned(options.clone().extension(alloc::string::ToString::to_string(&params))));
            }
        }
        return Ok(Cow::Borrowed(options));
    }
    let _ = (offered, config);
    Ok(Cow::Borrowed(options))
}

/// Header fields a 101 (or an extended CONNECT's 200) gets from the handshake itself.
pub(crate) const ACCEPT_RESERVED: &[&str] = &[
    "Upgrade",
    "Connection",
    "Sec-WebSocket-Accept",
    "Sec-WebSocket-Protocol",
    "Sec-WebSocket-Extensions",
    "Content-Length",
    "Transfer-Encoding",
];

impl UpgradeRequest {
    /// Checks the choices in `options` against the offer and hands the 101
    /// response (RFC 6455 §4.2.2 step 5) to `emit` (a response that fits is
    /// built on the stack), once `allow` agreed to what is negotiated: the
    /// built-in path of [`Connection::accept`](crate::Connection::accept).
    /// The offer's errors come first, then the response's, then `allow`'s.
    pub(crate) fn accept_with(
        &self,
        options: &AcceptOptions,
        allow: impl FnOnce(&Negotiated) -> Result<(), OptionsError>,
        emit: impl FnOnce(&[u8]),
    ) -> Result<Negotiated, OptionsError> {
        let negotiated = self.negotiate(options)?;
        let (protocol, extensions) = (negotiated.protocol.as_deref(), &negotiated.extensions[..]);
        let len = check_101(protocol, extensions, &options.headers)?;
        allow(&negotiated)?;
        let mut stack = [0u8; 256];
        if let Some(buf) = stack.get_mut(..len) {
            let mut out = SliceOut { buf, at: 0 };
            put_101(&mut out, self.key(), protocol, extensions, &options.headers);
            emit(out.buf);
        } else {
            let mut out = Vec::with_capacity(len);
            put_101(&mut out, self.key(), protocol, extensions, &options.headers);
            emit(&out);
        }
        Ok(negotiated)
    }
}

/// The first lines of every 101 response, up to the accept value.
const SWITCHING: &[u8] =
    b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ";
const PROTOCOL: &[u8] = b"Sec-WebSocket-Protocol: ";
const EXTENSIONS: &[u8] = b"Sec-WebSocket-Extensions: ";

fn trim_extension<E: AsRef<str>>(e: &E) -> &str {
    e.as_ref().trim_matches([' ', '\t'])
}

/// Checks the parts of a 101 response and returns its length.
fn check_101<E, N, V>(protocol: Option<&str>, extensions: &[E], headers: &[(N, V)]) -> Result<usize, OptionsError>
where
    E: AsRef<str>,
    N: AsRef<str>,
    V: AsRef<str>,
{
    if protocol.is_some_and(|p| !is_token(p.as_bytes())) {
        return Err(OptionsError::InvalidProtocol);
    }
    for e in extensions {
        for_each_extension(e.as_ref().as_bytes(), |_| {}).map_err(|_| OptionsError::InvalidExtension)?;
    }
    for (name, value) in headers {
        check_header(name.as_ref(), value.as_ref(), ACCEPT_RESERVED)?;
    }
    let mut len = SWITCHING.len() + 28 + 2 + 2;
    if let Some(p) = protocol {
        len += PROTOCOL.len() + p.len() + 2;
    }
    if !extensions.is_empty() {
        len += EXTENSIONS.len() + extensions.iter().map(|e| trim_extension(e).len() + 2).sum::<usize>();
    }
    len += headers.iter().map(|(n, v)| n.as_ref().len() + v.as_ref().len() + 4).sum::<usize>();
    Ok(len)
}

/// Where a response is written.
trait Out {
    fn put(&mut self, bytes: &[u8]);
}

impl Out for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// A buffer of exactly the response's length.
struct SliceOut<'a> {
    buf: &'a mut [u8],
    at: usize,
}

impl Out for SliceOut<'_> {
    fn put(&mut self, bytes: &[u8]) {
        if let Some(dst) = self.buf.get_mut(self.at..self.at + bytes.len()) {
            dst.copy_from_slice(bytes);
        }
        self.at += bytes.len();
    }
}

/// Writes a 101 response whose parts [`check_101`] accepted.
fn put_101<E, N, V>(out: &mut impl Out, key: &str, protocol: Option<&str>, extensions: &[E], headers: &[(N, V)])
where
    E: AsRef<str>,
    N: AsRef<str>,
    V: AsRef<str>,
{
    out.put(SWITCHING);
    out.put(accept_key(key).as_str().as_bytes());
    out.put(b"\r\n");
    if let Some(p) = protocol {
        out.put(PROTOCOL);
        out.put(p.as_bytes());
        out.put(b"\r\n");
    }
    if !extensions.is_empty() {
        out.put(EXTENSIONS);
        for (i, e) in extensions.iter().enumerate() {
            if i > 0 {
                out.put(b", ");
            }
            out.put(trim_extension(e).as_bytes());
        }
        out.put(b"\r\n");
    }
    for (name, value) in headers {
        out.put(name.as_ref().as_bytes());
        out.put(b": ");
        out.put(value.as_ref().as_bytes());
        out.put(b"\r\n");
    }
    out.put(b"\r\n");
}

/// Writes a response that refuses the upgrade (or answers a plain HTTP
/// request): RFC 6455 §4.2.2 lets the server answer 401 with
/// `WWW-Authenticate`, redirect with 3xx, or send 404 when "the requested
/// service is not available".
///
/// `status` must be in `200..=599`. `Content-Length` is written from
/// `body`; the caller may add `Connection: close`.
pub fn reject_response(
    status: u16,
    reason: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Vec<u8>, OptionsError> {
    if !(200..=599).contains(&status) {
        return Err(OptionsError::InvalidStatus(status));
    }
    check_value(reason)?;
    for (name, value) in headers {
        check_header(name, value, &["Content-Length", "Transfer-Encoding"])?;
    }
    let mut out = Vec::with_capacity(96 + body.len());
    push_status_line(&mut out, status, reason);
    for (name, value) in headers {
        push_header(&mut out, name, value);
    }
    push_content_length(&mut out, body.len());
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn upgrade(extra: &str) -> UpgradeRequest {
        let head = alloc::format!(
            "GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n{extra}\r\n"
        );
        match ServerHandshake::default().parse(head.as_bytes()) {
            Ok(Status::Complete { value: Incoming::WebSocket(u), .. }) => u,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn accept_with_emits_the_101_for_what_it_negotiates() {
        let long = "v".repeat(300);
        let request =
            upgrade("Sec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Extensions: permessage-deflate, x-b\r\n");
        let head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
                    Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n";
        let mut accepted = vec![
            (AcceptOptions::new(), String::new()),
            (
                AcceptOptions::new().protocol("superchat").header("Set-Cookie", "a=b"),
                String::from("Sec-WebSocket-Protocol: superchat\r\nSet-Cookie: a=b\r\n"),
            ),
            // Over the 256 bytes built on the stack.
            (AcceptOptions::new().header("X-Long", long.as_str()), alloc::format!("X-Long: {long}\r\n")),
        ];
        if cfg!(feature = "deflate") {
            let fields = String::from("Sec-WebSocket-Extensions: permessage-deflate\r\n");
            accepted.push((AcceptOptions::new().extension(" permessage-deflate "), fields));
        }
        for (options, fields) in accepted {
            let mut emitted = Vec::new();
            let negotiated = request.accept_with(&options, |_| Ok(()), |r| emitted.extend_from_slice(r)).unwrap();
            assert_eq!(String::from_utf8(emitted).unwrap(), alloc::format!("{head}{fields}\r\n"));
            assert_eq!(negotiated.protocol, options.protocol);
        }
        let refused = [
            (AcceptOptions::new().protocol("nope"), OptionsError::ProtocolNotOffered),
            (AcceptOptions::new().extension("x-c"), OptionsError::ExtensionNotOffered),
            // Offered, but not run by the crate.
            (AcceptOptions::new().extension("x-b"), OptionsError::UnsupportedExtension),
            (AcceptOptions::new().header("Bad Name", "v"), OptionsError::InvalidHeaderName),
            (AcceptOptions::new().header("Upgrade", "h2c"), OptionsError::ReservedHeader),
        ];
        for (options, error) in refused {
            let got = request.accept_with(&options, |_| Ok(()), |_| panic!("emitted for {options:?}"));
            assert_eq!(got, Err(error));
        }
        // `allow` is asked after the other checks, before anything is
        // emitted.
        let refuse = |_: &Negotiated| Err(OptionsError::UnsupportedExtension);
        let options = AcceptOptions::new().header("Bad Name", "v");
        assert_eq!(request.accept_with(&options, refuse, |_| panic!()), Err(OptionsError::InvalidHeaderName));
        let options = AcceptOptions::new().protocol("chat");
        assert_eq!(request.accept_with(&options, refuse, |_| panic!()), Err(OptionsError::UnsupportedExtension));
    }
}
