#![doc = include_str!("../README.md")]
#![no_std]
// One module, `unchecked`, may use `unsafe`; `--cfg wsproto_safe` builds
// the crate without it.
#![cfg_attr(not(wsproto_safe), deny(unsafe_code))]
#![cfg_attr(wsproto_safe, forbid(unsafe_code))]
#![deny(clippy::undocumented_unsafe_blocks)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod config;
pub mod connection;
mod error;
pub mod extensions;
pub mod frame;
pub mod handshake;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http;
pub mod observer;
pub mod rng;
mod unchecked;
pub mod utf8;

pub use config::{Config, Delivery};
pub use connection::{
    BorrowedSend, Chunk, CloseFrame, Connection, DataFrame, Event, Message, MessageKind, Received, Sender, State,
    TransportAction,
};
pub use error::{Error, UsageError};
pub use frame::{CloseCode, FrameError, OpCode, Role};
pub use rng::{BorrowedRng, ChaChaRng, RandomSource};
