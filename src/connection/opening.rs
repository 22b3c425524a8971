//! The opening handshake inside a connection (the Connecting state): a
//! client waits for the server's 101; a server reads the request, reports
//! it, and waits for the application to accept or answer it.
//!
//! The handshake's data (a parser, or the request being answered) lives in
//! an [`Opening`] beside the state, so that an event can borrow the request
//! while the application answers it through [`Answer`].

use alloc::boxed::Box;

use super::event::{Event, Received};
use super::send::Sender;
use super::state::RecvState;
use super::{fail, NOTHING_NEGOTIATED};
use crate::handshake::{
    reject_response, AcceptOptions, ClientHandshake, HttpResponse, Incoming, Negotiated, OptionsError, Reply, Request,
    ServerHandshake, Status, UpgradeRequest,
};
use crate::{Error, UsageError};

/// The handshake's data, while the receive state is Connecting (and a
/// client's non-101 answer, which its event borrows, after it).
#[derive(Debug)]
pub(super) enum Opening {
    /// A client waits for the server's answer.
    Client(ClientHandshake),
    /// A server reads the request head.
    Server(ServerHandshake),
    /// A server waits for the application to accept or answer.
    UpgradeRequested(UpgradeRequest),
    /// A server waits for the application to answer a plain HTTP request.
    HttpRequested(Request),
    /// A client got a non-101 answer.
    HttpAnswered(HttpResponse),
}

/// Whether the connection can run what was negotiated: it implements no
/// extension yet, and never accepts one it would then ignore.
pub(super) fn check_supported(n: &Negotiated) -> Result<(), OptionsError> {
    if n.extensions.is_empty() {
        Ok(())
    } else {
        Err(OptionsError::UnsupportedExtension)
    }
}

/// Keeps a negotiation only when something was negotiated, so that a plain
/// connection holds no heap for it.
pub(super) fn keep_negotiated(n: Negotiated) -> Option<Box<Negotiated>> {
    (n != NOTHING_NEGOTIATED).then(|| Box::new(n))
}

/// One step of the opening handshake on `input`.
pub(super) fn step<'a>(
    opening: &'a mut Option<Box<Opening>>,
    recv: &'a mut RecvState,
    negotiated: &'a mut Option<Box<Negotiated>>,
    tx: &'a mut Sender,
    input: &[u8],
) -> Result<Received<'a>, Error> {
    fn idle(tx: &mut Sender, consumed: usize) -> Result<Received<'_>, Error> {
        Ok(Received { consumed, event: None, sender: tx, answer: None })
    }
    let Some(phase) = opening.as_deref_mut() else {
        return idle(tx, input.len());
    };
    let parsed = match phase {
        Opening::Client(hs) => hs.parse(input).map_err(Error::Response).map(|s| match s {
            Status::Partial => None,
            Status::Complete { value: Reply::Upgraded(n), consumed } => Some((Head::Upgraded(n), consumed)),
            Status::Complete { value: Reply::NotUpgraded(r), consumed } => Some((Head::Answered(r), consumed)),
        }),
        Opening::Server(hs) => hs.parse(input).map_err(Error::Request).map(|s| match s {
            Status::Partial => None,
            Status::Complete { value: Incoming::WebSocket(r), consumed } => Some((Head::Requested(r), consumed)),
            Status::Complete { value: Incoming::Http(r), consumed } => Some((Head::Http(r), consumed)),
        }),
        // Waiting for the application: the input (perhaps the client's
        // first frames) stays where it is until it answers.
        Opening::UpgradeRequested(_) | Opening::HttpRequested(_) => return idle(tx, 0),
        Opening::HttpAnswered(_) => return idle(tx, input.len()),
    };
    let (head, consumed) = match parsed {
        Ok(None) => return idle(tx, input.len()),
        Ok(Some(done)) => done,
        Err(error) => {
            // A server answers a broken request with the ready response
            // (400, 403, 426 or 431) and then closes.
            if let Error::Request(e) = &error {
                tx.queue_raw(&e.response());
            }
            *opening = None;
            return Err(fail(recv, tx, error));
        }
    };
    match head {
        Head::Upgraded(n) => {
            *opening = None;
            *negotiated = keep_negotiated(n);
            recv.move_to_open(false);
            tx.move_to_open();
            let n = negotiated.as_deref().unwrap_or(&NOTHING_NEGOTIATED);
            Ok(Received { consumed, event: Some(Event::HandshakeComplete(n)), sender: tx, answer: None })
        }
        Head::Answered(r) => {
            recv.move_to_not_upgraded();
            let Opening::HttpAnswered(r) = store(opening, Opening::HttpAnswered(r)) else {
                unreachable!("just inserted")
            };
            Ok(Received { consumed, event: Some(Event::HttpResponse(r)), sender: tx, answer: None })
        }
        Head::Requested(r) => {
            let Opening::UpgradeRequested(r) = store(opening, Opening::UpgradeRequested(r)) else {
                unreachable!("just inserted")
            };
            let answer = Some(Answer { request: Some(r), recv, negotiated });
            Ok(Received { consumed, event: Some(Event::UpgradeRequest(r)), sender: tx, answer })
        }
        Head::Http(r) => {
            let Opening::HttpRequested(r) = store(opening, Opening::HttpRequested(r)) else {
                unreachable!("just inserted")
            };
            let answer = Some(Answer { request: None, recv, negotiated });
            Ok(Received { consumed, event: Some(Event::HttpRequest(r)), sender: tx, answer })
        }
    }
}

/// Keeps `phase` as the handshake's data and lends it back.
fn store(opening: &mut Option<Box<Opening>>, phase: Opening) -> &Opening {
    opening.insert(Box::new(phase))
}

/// What a complete head led to.
enum Head {
    Upgraded(Negotiated),
    Answered(HttpResponse),
    Requested(UpgradeRequest),
    Http(Request),
}

/// What answering a reported request needs, lent out with its event.
#[derive(Debug)]
pub(crate) struct Answer<'a> {
    /// The upgrade request, or `None` for a plain HTTP request (which can
    /// only be answered with a response).
    request: Option<&'a UpgradeRequest>,
    recv: &'a mut RecvState,
    negotiated: &'a mut Option<Box<Negotiated>>,
}

impl Answer<'_> {
    pub(super) fn accept(&mut self, options: &AcceptOptions, tx: &mut Sender) -> Result<(), UsageError> {
        match self.request {
            Some(request) => accept(request, options, self.recv, self.negotiated, tx),
            None => Err(UsageError::WrongState),
        }
    }

    pub(super) fn respond(
        &mut self,
        status: u16,
        reason: &str,
        headers: &[(&str, &str)],
        body: &[u8],
        tx: &mut Sender,
    ) -> Result<(), UsageError> {
        respond(self.recv, tx, status, reason, headers, body)
    }
}

/// The request a server is waiting to answer, if any.
pub(super) fn pending_request<'a>(
    opening: &'a Option<Box<Opening>>,
    recv: &RecvState,
) -> Option<Option<&'a UpgradeRequest>> {
    match opening.as_deref() {
        _ if !recv.is_connecting() => None,
        Some(Opening::UpgradeRequested(r)) => Some(Some(r)),
        Some(Opening::HttpRequested(_)) => Some(None),
        _ => None,
    }
}

/// Accepts `request`: queues the 101 with the chosen subprotocol and extra
/// headers, and opens both halves; `HandshakeComplete` follows at the next
/// read.
pub(super) fn accept(
    request: &UpgradeRequest,
    options: &AcceptOptions,
    recv: &mut RecvState,
    negotiated: &mut Option<Box<Negotiated>>,
    tx: &mut Sender,
) -> Result<(), UsageError> {
    if !recv.is_connecting() {
        return Err(UsageError::WrongState);
    }
    let n = request
        .accept_with(options, check_supported, |response| tx.queue_raw(response))
        .map_err(UsageError::Options)?;
    *negotiated = keep_negotiated(n);
    recv.move_to_open(true);
    tx.move_to_open();
    Ok(())
}

/// Answers the reported request with an HTTP response; the exchange is then
/// over.
pub(super) fn respond(
    recv: &mut RecvState,
    tx: &mut Sender,
    status: u16,
    reason: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<(), UsageError> {
    if !recv.is_connecting() {
        return Err(UsageError::WrongState);
    }
    let response = reject_response(status, reason, headers, body).map_err(UsageError::Options)?;
    tx.queue_raw(&response);
    recv.move_to_not_upgraded();
    Ok(())
}
