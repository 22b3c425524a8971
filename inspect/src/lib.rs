//! The library behind `cargo run --example inspect`: a WebSocket frame
//! inspector for packet captures.
//!
//! - [`capture`] reads pcap and pcapng files and takes the TCP segment out
//!   of each packet;
//! - [`tcp`] puts each direction of each TCP connection back in order;
//! - [`mod@dissect`] finds the WebSocket upgrades and decodes both directions
//!   with wsproto's passive [`Observer`](wsproto::observer::Observer);
//! - [`output`] prints the result as a Wireshark-like tree or as JSON.
//!
//! A capture that is truncated or malformed is dissected as far as it can
//! be read, with the rest marked partial ([`dissect::Dissection::is_partial`]);
//! nothing in it can make the inspector panic.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod capture;
pub mod dissect;
pub mod output;
pub mod tcp;

pub use dissect::{dissect, Dissection, Item};
