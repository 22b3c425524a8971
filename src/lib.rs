#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod config;
pub mod connection;
mod error;
pub mod frame;
pub mod handshake;
pub mod rng;
pub mod utf8;

pub use config::{Config, Delivery};
pub use connection::{
    Chunk, CloseFrame, Connection, Event, Message, MessageKind, Read, Sender, State, TransportAction,
};
pub use error::{Error, UsageError};
pub use frame::{CloseCode, OpCode, Role};
pub use rng::{ChaChaRng, RandomSource};
