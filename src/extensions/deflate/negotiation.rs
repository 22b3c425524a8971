//! Offers and responses (RFC 7692 §5, §7.1): parsing, choosing, checking.

use alloc::string::String;
use core::fmt;

use super::{DeflateConfig, EXTENSION_NAME};
use crate::handshake::OptionsError;

/// The parameters of an accepted permessage-deflate, as the server's
/// response states them (RFC 7692 §7.1). `None` window bits: the parameter
/// is absent, and that side may use windows up to 15 bits.
///
/// [`fmt::Display`] writes the response element, such as
/// `permessage-deflate; server_max_window_bits=12`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DeflateParams {
    /// The server resets its compressor after each message.
    pub server_no_context_takeover: bool,
    /// The client resets its compressor after each message.
    pub client_no_context_takeover: bool,
    /// The largest window (8..=15) the server compresses with.
    pub server_max_window_bits: Option<u8>,
    /// The largest window (8..=15) the client compresses with.
    pub client_max_window_bits: Option<u8>,
}

/// One element of a `Sec-WebSocket-Extensions` header, read as
/// permessage-deflate parameters. `client_max_window_bits` is
/// `Some(None)` when given without a value (allowed only in an offer).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Element {
    server_no_context_takeover: bool,
    client_no_context_takeover: bool,
    server_max_window_bits: Option<u8>,
    client_max_window_bits: Option<Option<u8>>,
}

/// Why an element is not a usable permessage-deflate element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotUsable {
    /// Another extension.
    OtherExtension,
    /// permessage-deflate with an unknown, repeated or out-of-range
    /// parameter (RFC 7692 §7.1: such an offer is declined, such a
    /// response fails the connection).
    Invalid,
}

/// Optional whitespace around parameters (RFC 7230 OWS).
const OWS: [char; 2] = [' ', '\t'];

/// A window-bits value: `1*DIGIT` without a leading zero, 8..=15 (RFC 7692
/// §7.1.2.1), possibly quoted (§7.1: "the value [...] MUST conform to the
/// ABNF below after unescaping").
fn window_bits(value: &str) -> Option<u8> {
    let value = match value.strip_prefix('"') {
        Some(quoted) => quoted.strip_suffix('"')?,
        None => value,
    };
    match value.as_bytes() {
        [b'8'] => Some(8),
        [b'9'] => Some(9),
        [b'1', d @ b'0'..=b'5'] => Some(10 + (d - b'0')),
        _ => None,
    }
}

fn parse(element: &str) -> Result<Element, NotUsable> {
    let mut parts = element.split(';');
    let name = parts.next().unwrap_or_default().trim_matches(OWS);
    if !name.eq_ignore_ascii_case(EXTENSION_NAME) {
        return Err(NotUsable::OtherExtension);
    }
    let mut e = Element::default();
    for param in parts {
        let param = param.trim_matches(OWS);
        let (key, value) = match param.split_once('=') {
            Some((k, v)) => (k.trim_matches(OWS), Some(v.trim_matches(OWS))),
            None => (param, None),
        };
        let flag = |set: &mut bool| {
            // RFC 7692 §7.1.1: these parameters have no value.
            if value.is_some() || core::mem::replace(set, true) {
                return Err(NotUsable::Invalid);
            }
            Ok(())
        };
        if key.eq_ignore_ascii_case("server_no_context_takeover") {
            flag(&mut e.server_no_context_takeover)?;
        } else if key.eq_ignore_ascii_case("client_no_context_takeover") {
            flag(&mut e.client_no_context_takeover)?;
        } else if key.eq_ignore_ascii_case("server_max_window_bits") {
            let bits = value.and_then(window_bits).ok_or(NotUsable::Invalid)?;
            if e.server_max_window_bits.replace(bits).is_some() {
                return Err(NotUsable::Invalid);
            }
        } else if key.eq_ignore_ascii_case("client_max_window_bits") {
            let bits = match value {
                None => None,
                Some(v) => Some(window_bits(v).ok_or(NotUsable::Invalid)?),
            };
            if e.client_max_window_bits.replace(bits).is_some() {
                return Err(NotUsable::Invalid);
            }
        } else {
            return Err(NotUsable::Invalid);
        }
    }
    Ok(e)
}

impl DeflateParams {
    /// Reads a server's response element. `Ok(None)`: another extension.
    /// A permessage-deflate element with an unknown, repeated or
    /// out-of-range parameter, or `client_max_window_bits` without a value
    /// (RFC 7692 §7.1.2.2: a response must give one), is
    /// [`OptionsError::InvalidExtension`].
    pub fn parse_response(element: &str) -> Result<Option<DeflateParams>, OptionsError> {
        match parse(element) {
            Err(NotUsable::OtherExtension) => Ok(None),
            Err(NotUsable::Invalid) | Ok(Element { client_max_window_bits: Some(None), .. }) => {
                Err(OptionsError::InvalidExtension)
            }
            Ok(e) => Ok(Some(DeflateParams {
                server_no_context_takeover: e.server_no_context_takeover,
                client_no_context_takeover: e.client_no_context_takeover,
                server_max_window_bits: e.server_max_window_bits,
                client_max_window_bits: e.client_max_window_bits.flatten(),
            })),
        }
    }

    /// Whether this response truly answers `offer` (RFC 7692 §7.1): what
    /// the offer asked of the server is granted, and nothing is asked of
    /// the client that the offer did not allow.
    pub fn answers_offer(&self, offer: &str) -> bool {
        let Ok(offer) = parse(offer) else { return false };
        answers(&offer, self)
    }

    /// The window our compressor may use, in `role`, capped by `config`.
    pub(crate) fn own_window(&self, server: bool, config: &DeflateConfig) -> u8 {
        let (stated, ours) = if server {
            (self.server_max_window_bits, config.server_max_window_bits)
        } else {
            (self.client_max_window_bits, config.client_max_window_bits)
        };
        stated.unwrap_or(15).min(ours).clamp(8, 15)
    }

    /// Whether our compressor resets after each message, in `role`.
    pub(crate) fn own_no_context_takeover(&self, server: bool, config: &DeflateConfig) -> bool {
        if server {
            self.server_no_context_takeover || config.server_no_context_takeover
        } else {
            self.client_no_context_takeover || config.client_no_context_takeover
        }
    }

    /// Whether the peer resets its compressor after each message, so that
    /// our decompressor may too, in `role`.
    pub(crate) fn peer_no_context_takeover(&self, server: bool) -> bool {
        if server {
            self.client_no_context_takeover
        } else {
            self.server_no_context_takeover
        }
    }
}

/// RFC 7692 §7.1.1 and §7.1.2, for a response `r` to `offer`.
fn answers(offer: &Element, r: &DeflateParams) -> bool {
    // §7.1.1.1: a server accepts server_no_context_takeover by including it.
    if offer.server_no_context_takeover && !r.server_no_context_takeover {
        return false;
    }
    // §7.1.2.1: "with the same or smaller value as the offer".
    let server_bits = match (offer.server_max_window_bits, r.server_max_window_bits) {
        (Some(asked), Some(granted)) => granted <= asked,
        (Some(_), None) => false,
        (None, _) => true,
    };
    // §7.1.2.2: only if the client offered client_max_window_bits, and
    // within the value it gave.
    let client_bits = match (offer.client_max_window_bits, r.client_max_window_bits) {
        (None, Some(_)) => false,
        (Some(Some(limit)), Some(asked)) => asked <= limit,
        _ => true,
    };
    server_bits && client_bits
}

impl DeflateConfig {
    /// The client's offer, such as `permessage-deflate;
    /// server_max_window_bits=12; client_max_window_bits=12`. It always
    /// carries `client_max_window_bits`, to say the client honours a
    /// window limit.
    pub fn offer(&self) -> String {
        let mut offer = String::from(EXTENSION_NAME);
        if self.server_no_context_takeover {
            offer.push_str("; server_no_context_takeover");
        }
        if self.client_no_context_takeover {
            offer.push_str("; client_no_context_takeover");
        }
        let server = self.server_max_window_bits.clamp(8, 15);
        if server < 15 {
            push_bits(&mut offer, "server_max_window_bits", server);
        }
        let client = self.client_max_window_bits.clamp(8, 15);
        if client < 15 {
            push_bits(&mut offer, "client_max_window_bits", client);
        } else {
            offer.push_str("; client_max_window_bits");
        }
        offer
    }

    /// A server's choice among `offers` (the client's extension elements,
    /// in its order of preference, as
    /// [`UpgradeRequest::extensions`](crate::handshake::UpgradeRequest::extensions)
    /// gives them): the response to the first valid permessage-deflate
    /// offer. Every valid offer can be honoured (an 8-bit window too, see
    /// the [module docs](crate::extensions::deflate)); an invalid one is declined (RFC 7692
    /// §7.1) and the next is tried.
    pub fn accept_offer<'a>(&self, offers: impl IntoIterator<Item = &'a str>) -> Option<DeflateParams> {
        offers.into_iter().find_map(|offer| parse(offer).ok()).map(|offer| self.answer(&offer))
    }

    fn answer(&self, offer: &Element) -> DeflateParams {
        let ours = self.server_max_window_bits.clamp(8, 15);
        let server = offer.server_max_window_bits.unwrap_or(15).min(ours);
        let client = offer.client_max_window_bits.map(|limit| {
            let bits = limit.unwrap_or(15).min(self.client_max_window_bits.clamp(8, 15));
            (limit.is_some() || bits < 15).then_some(bits)
        });
        DeflateParams {
            server_no_context_takeover: offer.server_no_context_takeover || self.server_no_context_takeover,
            // §7.1.1.2: in an offer it is the client's hint that it will
            // not use context takeover; confirming it costs the client
            // nothing and lets the server reset its decompressor.
            client_no_context_takeover: offer.client_no_context_takeover || self.client_no_context_takeover,
            server_max_window_bits: (offer.server_max_window_bits.is_some() || server < 15).then_some(server),
            client_max_window_bits: client.flatten(),
        }
    }
}

fn push_bits(out: &mut String, name: &str, bits: u8) {
    out.push_str("; ");
    out.push_str(name);
    out.push('=');
    if bits >= 10 {
        out.push('1');
    }
    out.push(char::from(b'0' + bits % 10));
}

impl fmt::Display for DeflateParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXTENSION_NAME)?;
        if self.server_no_context_takeover {
            f.write_str("; server_no_context_takeover")?;
        }
        if self.client_no_context_takeover {
            f.write_str("; client_no_context_takeover")?;
        }
        if let Some(bits) = self.server_max_window_bits {
            write!(f, "; server_max_window_bits={bits}")?;
        }
        if let Some(bits) = self.client_max_window_bits {
            write!(f, "; client_max_window_bits={bits}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn response(s: &str) -> DeflateParams {
        DeflateParams::parse_response(s).unwrap().unwrap()
    }

    #[test]
    fn window_bits_take_8_to_15_without_leading_zeros() {
        for (text, bits) in [("8", Some(8)), ("9", Some(9)), ("10", Some(10)), ("15", Some(15)), ("\"12\"", Some(12))] {
            assert_eq!(window_bits(text), bits, "{text}");
        }
        for text in ["7", "16", "08", "012", "", "1", "abc", "\"12", "12\"", "+9", "9 "] {
            assert_eq!(window_bits(text), None, "{text}");
        }
    }

    #[test]
    fn invalid_offers_are_declined_and_the_next_is_taken() {
        let config = DeflateConfig::DEFAULT;
        for bad in [
            "permessage-deflate; foo",
            "permessage-deflate; server_max_window_bits",
            "permessage-deflate; server_max_window_bits=16",
            "permessage-deflate; server_max_window_bits=7",
            "permessage-deflate; client_max_window_bits=0",
            "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
            "permessage-deflate; client_max_window_bits; client_max_window_bits=10",
            "permessage-deflate; server_no_context_takeover=1",
        ] {
            assert_eq!(config.accept_offer([bad]), None, "{bad}");
            let next = config.accept_offer([bad, "permessage-deflate"]).unwrap();
            assert_eq!(next.to_string(), "permessage-deflate; server_max_window_bits=12", "{bad}");
        }
        assert_eq!(config.accept_offer(["x-webkit-deflate-frame"]), None);
    }

    #[test]
    fn the_server_answers_what_the_offer_asks_within_its_config() {
        let config = DeflateConfig::DEFAULT;
        let answer = |offer: &str| config.accept_offer([offer]).unwrap().to_string();
        // Chromium's offer.
        assert_eq!(
            answer("permessage-deflate; client_max_window_bits"),
            "permessage-deflate; server_max_window_bits=12; client_max_window_bits=12"
        );
        assert_eq!(
            answer("permessage-deflate; server_max_window_bits=10"),
            "permessage-deflate; server_max_window_bits=10"
        );
        assert_eq!(
            answer("permessage-deflate; server_no_context_takeover; client_max_window_bits=9"),
            "permessage-deflate; server_no_context_takeover; server_max_window_bits=12; client_max_window_bits=9"
        );
        // An 8-bit window is honoured, not raised to 9.
        assert_eq!(
            answer("permessage-deflate; server_max_window_bits=8"),
            "permessage-deflate; server_max_window_bits=8"
        );
        let wide = DeflateConfig::DEFAULT.server_max_window_bits(15).client_max_window_bits(15);
        assert_eq!(wide.accept_offer(["permessage-deflate"]).unwrap().to_string(), "permessage-deflate");
        assert_eq!(
            wide.accept_offer(["permessage-deflate; server_max_window_bits=15"]).unwrap().to_string(),
            "permessage-deflate; server_max_window_bits=15"
        );
        // Every answer answers its offer.
        for offer in [
            "permessage-deflate",
            "permessage-deflate; client_max_window_bits",
            "permessage-deflate; client_no_context_takeover; server_max_window_bits=9",
            "permessage-deflate; server_no_context_takeover; client_max_window_bits=15",
        ] {
            for config in [DeflateConfig::DEFAULT, wide, wide.client_no_context_takeover(true)] {
                assert!(config.accept_offer([offer]).unwrap().answers_offer(offer), "{offer} {config:?}");
            }
        }
    }

    #[test]
    fn responses_are_checked_against_the_offer() {
        let offer = DeflateConfig::DEFAULT.server_no_context_takeover(true).offer();
        assert_eq!(
            offer,
            "permessage-deflate; server_no_context_takeover; server_max_window_bits=12; client_max_window_bits=12"
        );
        let ok = "permessage-deflate; server_no_context_takeover; server_max_window_bits=12";
        assert!(response(ok).answers_offer(&offer));
        assert!(response(
            "permessage-deflate; server_no_context_takeover; server_max_window_bits=9; client_max_window_bits=10"
        )
        .answers_offer(&offer));
        // The server dropped what was asked of it, or went past a limit.
        assert!(!response("permessage-deflate; server_max_window_bits=12").answers_offer(&offer));
        assert!(!response("permessage-deflate; server_no_context_takeover").answers_offer(&offer));
        assert!(!response("permessage-deflate; server_no_context_takeover; server_max_window_bits=13")
            .answers_offer(&offer));
        assert!(!response(
            "permessage-deflate; server_no_context_takeover; server_max_window_bits=12; client_max_window_bits=13"
        )
        .answers_offer(&offer));
        // client_max_window_bits only when offered.
        assert!(!response("permessage-deflate; client_max_window_bits=10").answers_offer("permessage-deflate"));
        // A response must give client_max_window_bits a value; other faults.
        for bad in [
            "permessage-deflate; client_max_window_bits",
            "permessage-deflate; server_max_window_bits=12; server_max_window_bits=12",
            "permessage-deflate; mystery",
            "permessage-deflate; server_max_window_bits=20",
        ] {
            assert_eq!(DeflateParams::parse_response(bad), Err(OptionsError::InvalidExtension), "{bad}");
        }
        assert_eq!(DeflateParams::parse_response("other; a=1"), Ok(None));
    }

    #[test]
    fn the_offer_follows_the_config() {
        assert_eq!(
            DeflateConfig::DEFAULT.offer(),
            "permessage-deflate; server_max_window_bits=12; client_max_window_bits=12"
        );
        let wide = DeflateConfig::DEFAULT.server_max_window_bits(15).client_max_window_bits(15);
        assert_eq!(wide.offer(), "permessage-deflate; client_max_window_bits");
        assert_eq!(
            wide.client_no_context_takeover(true).server_max_window_bits(8).offer(),
            "permessage-deflate; client_no_context_takeover; server_max_window_bits=8; client_max_window_bits"
        );
    }
}
