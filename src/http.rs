//! The opening handshake on the `http` crate's types (feature
//! `http`), for hyper, axum, h2 and any server or client built on them.
//! Each function is a thin layer over the parts API of [`crate::handshake`]
//! ([`validate_head`], [`ClientUpgrade`]…).
//!
//! # Server (hyper, axum)
//!
//! ```
//! use wsproto::handshake::AcceptOptions;
//! use wsproto::{Config, Connection};
//! let request = http::Request::get("/ws")
//!     .header("Host", "example.com")
//!     .header("Upgrade", "websocket")
//!     .header("Connection", "Upgrade")
//!     .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
//!     .header("Sec-WebSocket-Version", "13")
//!     .body(())
//!     .unwrap();
//! let config = Config::default();
//! match wsproto::http::validate_request(&request, None) {
//!     Ok(offer) => {
//!         let (response, negotiated) = offer.accept_http(&AcceptOptions::new(), &config).unwrap();
//!         assert_eq!(response.status(), 101);
//!         // Send `response`; once the connection is upgraded:
//!         let conn = Connection::open_server(config, negotiated).unwrap();
//!     }
//!     // 400, 403 or 426, with its headers: send it as it is.
//!     Err(refused) => drop(refused.http_response(request.version())),
//! }
//! ```
//!
//! Over HTTP/2 (RFC 8441), pass the request's `:protocol`: with hyper,
//! `request.extensions().get::<hyper::ext::Protocol>().map(|p| p.as_str())`.
//!
//! # Client
//!
//! [`ClientUpgrade::http_request`] builds the `http::Request<()>`,
//! [`ClientUpgrade::validate_http`] checks the `http::Response<B>`.

use alloc::string::String;
use alloc::vec::Vec;

use ::http::header::{HeaderName, HeaderValue};
use ::http::{Method, Request, Response, StatusCode, Uri, Version};

use crate::handshake::{
    validate_head, AcceptOptions, ClientOptions, ClientUpgrade, HttpVersion, Negotiated, OptionsError, RequestError,
    RequestHead, RequestParts, ResponseError, ResponseParts, UpgradeRequest, WsUri,
};
use crate::{Config, RandomSource};

/// The handshake's view of an `http` version.
pub fn version(version: Version) -> HttpVersion {
    match version {
        Version::HTTP_09 | Version::HTTP_10 => HttpVersion::Http10,
        Version::HTTP_2 => HttpVersion::Http2,
        Version::HTTP_3 => HttpVersion::Http3,
        _ => HttpVersion::Http11,
    }
}

/// Validates a server's request: an HTTP/1.1 upgrade, or over HTTP/2 and
/// HTTP/3 an RFC 8441 extended CONNECT whose `:protocol` is `protocol`
/// (the `http` crate has no field for it; hyper puts it in the request's
/// extensions as `hyper::ext::Protocol`). See
/// [`validate_head`] for the checks; the
/// body is not looked at. The `:authority` of an HTTP/2 request is the
/// URI's authority.
pub fn validate_request<B>(request: &Request<B>, protocol: Option<&str>) -> Result<UpgradeRequest, RequestError> {
    let head = RequestHead::new(request.method().as_str(), version(request.version()))
        .protocol(protocol)
        .authority(request.uri().authority().map(|a| a.as_str()));
    validate_head(&head, request.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())))
}

/// Turns response parts into an `http::Response`. Header fields that are
/// not valid for the `http` crate are refused.
fn response<T>(parts: ResponseParts, body: T) -> Result<Response<T>, OptionsError> {
    let mut response = Response::new(body);
    *response.status_mut() =
        StatusCode::from_u16(parts.status).map_err(|_| OptionsError::InvalidStatus(parts.status))?;
    append(response.headers_mut(), parts.headers)?;
    Ok(response)
}

/// Appends header fields, refusing those not valid for the `http` crate.
fn append(map: &mut ::http::HeaderMap, headers: Vec<(String, String)>) -> Result<(), OptionsError> {
    for (name, value) in headers {
        let name = HeaderName::try_from(name).map_err(|_| OptionsError::InvalidHeaderName)?;
        let value = HeaderValue::try_from(value).map_err(|_| OptionsError::InvalidHeaderValue)?;
        map.append(name, value);
    }
    Ok(())
}

impl UpgradeRequest {
    /// [`UpgradeRequest::accept_parts`] as an `http::Response<()>`: the 101
    /// (or for an extended CONNECT the 200) to send, and what was
    /// negotiated, to open the connection with
    /// [`Connection::open_server`](crate::Connection::open_server).
    pub fn accept_http(
        &self,
        options: &AcceptOptions,
        config: &Config,
    ) -> Result<(Response<()>, Negotiated), OptionsError> {
        let (parts, negotiated) = self.accept_parts(options, config)?;
        Ok((response(parts, ())?, negotiated))
    }
}

impl RequestError {
    /// [`RequestError::response_parts`] as an `http::Response`: status,
    /// header fields (`Sec-WebSocket-Version: 13` for a version fault,
    /// `Upgrade: websocket` on a 426 over HTTP/1.1) and a one-line text
    /// body. `version` is the request's.
    pub fn http_response(&self, version: Version) -> Response<Vec<u8>> {
        let mut parts = self.response_parts(self::version(version));
        let body = core::mem::take(&mut parts.body);
        // Every field is a constant of ours, valid for `http`.
        response(parts, body).unwrap_or_else(|_| {
            let mut r = Response::new(Vec::new());
            *r.status_mut() = StatusCode::BAD_REQUEST;
            r
        })
    }
}

impl RequestParts {
    /// The request as an `http::Request<()>`: for an HTTP/1.1 upgrade a
    /// `GET` of the resource name with version HTTP/1.1; for an extended
    /// CONNECT a `CONNECT` of `scheme://authority/path` with version
    /// HTTP/2, to which the caller adds the `:protocol` its HTTP/2 library
    /// takes (h2: `request.extensions_mut().insert(h2::ext::Protocol::from("websocket"))`).
    pub fn into_http(self) -> Result<Request<()>, OptionsError> {
        let connect = self.protocol.is_some();
        let uri = if connect {
            let mut s = String::from(self.scheme);
            s.push_str("://");
            s.push_str(&self.authority);
            s.push_str(&self.path);
            Uri::try_from(s)
        } else {
            Uri::try_from(self.path)
        }
        .map_err(|_| OptionsError::InvalidUri(crate::handshake::UriError::BadResource))?;
        let mut request = Request::new(());
        *request.method_mut() = if connect { Method::CONNECT } else { Method::GET };
        *request.version_mut() = if connect { Version::HTTP_2 } else { Version::HTTP_11 };
        *request.uri_mut() = uri;
        append(request.headers_mut(), self.headers)?;
        Ok(request)
    }
}

impl ClientUpgrade {
    /// [`ClientUpgrade::new`] (an HTTP/1.1 upgrade, `rng` for the key) or,
    /// with `rng` `None`, [`ClientUpgrade::extended_connect`] (RFC 8441),
    /// as an `http::Request<()>`; see [`RequestParts::into_http`].
    pub fn http_request(
        uri: &WsUri,
        options: &ClientOptions,
        config: &Config,
        rng: Option<&mut dyn RandomSource>,
    ) -> Result<(ClientUpgrade, Request<()>), OptionsError> {
        let (upgrade, parts) = match rng {
            Some(rng) => ClientUpgrade::new(uri, options, config, rng)?,
            None => ClientUpgrade::extended_connect(uri, options, config)?,
        };
        Ok((upgrade, parts.into_http()?))
    }

    /// [`ClientUpgrade::validate_parts`] on an `http::Response<B>` (the body
    /// is not looked at).
    pub fn validate_http<B>(&self, response: &Response<B>) -> Result<Negotiated, ResponseError> {
        let headers = response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes()));
        self.validate_parts(response.status().as_u16(), headers)
    }
}
