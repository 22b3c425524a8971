//! Extensions (RFC 6455 §9): what a connection can run beyond the base
//! protocol.
//!
//! The one implemented is permessage-deflate (RFC 7692), with the cargo
//! feature `deflate`: see [`deflate`]. The negotiation pieces live here;
//! the connection's receive pipeline inflates in its payload stage and the
//! send half compresses as it frames.
//!
//! A connection never accepts an extension it would then ignore: any other
//! extension in a negotiation is refused with
//! [`OptionsError::UnsupportedExtension`].

#[cfg(feature = "deflate")]
pub mod deflate;

use alloc::string::String;

use crate::handshake::OptionsError;

/// The extensions a connection runs, read from the negotiated strings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Running {
    /// permessage-deflate, with the parameters of the server's response.
    #[cfg(feature = "deflate")]
    pub(crate) deflate: Option<deflate::DeflateParams>,
}

impl Running {
    /// Reads what a handshake settled (`negotiated`: the server's response
    /// elements). Each must be one the connection implements, given at
    /// most once, with valid parameters.
    pub(crate) fn from_negotiated(negotiated: &[String]) -> Result<Running, OptionsError> {
        #[cfg(feature = "deflate")]
        {
            let mut running = Running::default();
            for element in negotiated {
                let params = deflate::DeflateParams::parse_response(element)?;
                match params {
                    Some(params) if running.deflate.is_none() => running.deflate = Some(params),
                    // Another extension, or permessage-deflate twice.
                    _ => return Err(OptionsError::UnsupportedExtension),
                }
            }
            Ok(running)
        }
        #[cfg(not(feature = "deflate"))]
        match negotiated {
            [] => Ok(Running::default()),
            _ => Err(OptionsError::UnsupportedExtension),
        }
    }

    /// Whether an extension that owns RSV1 runs.
    pub(crate) fn rsv_bits(&self) -> u8 {
        #[cfg(feature = "deflate")]
        if self.deflate.is_some() {
            return crate::frame::RSV1;
        }
        0
    }
}

/// Checks the extensions a server accepts (`accepted`, its response
/// elements) against the client's `offers`: each must be one the crate
/// implements, with parameters that truly answer one of the offers
/// (RFC 7692 §7.1). Used by every way of accepting an upgrade.
pub(crate) fn check_accepted<'a>(
    accepted: &[String],
    offers: impl Iterator<Item = &'a str>,
) -> Result<Running, OptionsError> {
    let running = Running::from_negotiated(accepted)?;
    #[allow(unused_mut, reason = "searched only with the deflate feature")]
    let mut offers = offers;
    #[cfg(feature = "deflate")]
    if let Some(response) = &running.deflate {
        if !offers.any(|offer| response.answers_offer(offer)) {
            return Err(OptionsError::UnsupportedExtension);
        }
    }
    let _ = &mut offers;
    Ok(running)
}
