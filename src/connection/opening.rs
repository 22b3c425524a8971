//! The opening handshake inside a connection (the Connecting state): a
//! client waits for the server's 101; a server reads the request, reports
//! it, and waits for the application to accept or answer it.
//!
//! The handshake's data (a parser, or the request being answered) lives in
//! an [`Opening`] beside the state, so that an event can borrow the request
//! while the application answers it through [`Answer`].

use alloc::boxed::Box;

use super::event::{Event, Received};
use super::recv::Receiver;
use super::send::Sender;
use super::state::RecvState;
use super::{fail, NOTHING_NEGOTIATED};
use crate::config::Config;
use crate::extensions::{check_accepted, Running};
use crate::frame::{HeaderRules, Role};
use crate::handshake::{
    reject_response, AcceptOptions, ClientHandshake, HttpResponse, Incoming, Negotiated, OptionsError, Reply, Request,
    ResponseError, ServerHandshake, Status, UpgradeRequest,
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

/// What running the negotiated extensions needs: the connection's parts
/// that frames pass through.
#[derive(Debug)]
pub(super) struct Stages<'a> {
    pub(super) config: &'a Config,
    pub(super) rules: &'a mut HeaderRules,
    #[cfg_attr(not(feature = "deflate"), allow(dead_code, reason = "only an extension's stage is set up"))]
    pub(super) rx: &'a mut Receiver,
}

/// The extensions to run, checked: what [`start_extensions`] sets up.
#[derive(Debug)]
pub(super) struct Plan {
    running: Running,
    /// permessage-deflate: whether our decompressor resets after each
    /// message, and our compressor's settings.
    #[cfg(feature = "deflate")]
    deflate: Option<(bool, crate::extensions::deflate::codec::CompressorSettings)>,
}

/// Checks that the connection can run the extensions `negotiated` settled
/// (the server's response elements): anything it does not implement is
/// refused, since it never accepts an extension it would then ignore.
pub(super) fn plan_extensions(negotiated: &Negotiated, config: &Config, role: Role) -> Result<Plan, OptionsError> {
    let running = Running::from_negotiated(&negotiated.extensions)?;
    #[cfg(feature = "deflate")]
    let deflate = match running.deflate {
        None => None,
        Some(params) => {
            let config = config.deflate.unwrap_or_default();
            if !config.is_valid() {
                return Err(OptionsError::InvalidDeflateConfig);
            }
            let server = role == Role::Server;
            let settings = crate::extensions::deflate::codec::CompressorSettings {
                window_bits: params.own_window(server, &config),
                level: config.level,
                mem_level: config.mem_level,
                reset_each: params.own_no_context_takeover(server, &config),
                min_size: config.min_size,
            };
            Some((params.peer_no_context_takeover(server), settings))
        }
    };
    let _ = (config, role);
    Ok(Plan {
        running,
        #[cfg(feature = "deflate")]
        deflate,
    })
}

/// Runs the extensions `negotiated` settled: permessage-deflate's
/// decompressor in the payload stage, its compressor in the send half,
/// and RSV1 allowed on frames.
pub(super) fn start_extensions(
    negotiated: &Negotiated,
    stages: &mut Stages<'_>,
    tx: &mut Sender,
) -> Result<(), OptionsError> {
    let plan = plan_extensions(negotiated, stages.config, stages.rules.role)?;
    #[cfg(feature = "deflate")]
    if let Some((reset_each, settings)) = plan.deflate {
        stages.rx.payload_mut().enable_inflate(reset_each);
        tx.enable_deflate(settings);
    }
    stages.rules.allowed_rsv = plan.running.rsv_bits();
    let _ = tx;
    Ok(())
}

/// A client's permessage-deflate offer, from its config.
pub(super) fn client_offer(config: &Config) -> Option<alloc::string::String> {
    #[cfg(feature = "deflate")]
    if let Some(deflate) = &config.deflate {
        return Some(deflate.offer());
    }
    let _ = config;
    None
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
    mut stages: Stages<'a>,
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
            // RFC 7692 §7.1: the accepted parameters must answer the offer.
            let offer = client_offer(stages.config);
            let checked = check_accepted(&n.extensions, offer.as_deref().into_iter())
                .and_then(|_| start_extensions(&n, &mut stages, tx));
            if checked.is_err() {
                return Err(fail(recv, tx, Error::Response(ResponseError::InvalidExtensionParams)));
            }
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
            let answer = Some(Answer { request: Some(r), recv, negotiated, stages });
            Ok(Received { consumed, event: Some(Event::UpgradeRequest(r)), sender: tx, answer })
        }
        Head::Http(r) => {
            let Opening::HttpRequested(r) = store(opening, Opening::HttpRequested(r)) else {
                unreachable!("just inserted")
            };
            let answer = Some(Answer { request: None, recv, negotiated, stages });
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
    stages: Stages<'a>,
}

impl Answer<'_> {
    pub(super) fn accept(&mut self, options: &AcceptOptions, tx: &mut Sender) -> Result<(), UsageError> {
        match self.request {
            Some(request) => accept(request, options, self.recv, self.negotiated, &mut self.stages, tx),
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
    stages: &mut Stages<'_>,
    tx: &mut Sender,
) -> Result<(), UsageError> {
    if !recv.is_connecting() {
        return Err(UsageError::WrongState);
    }
    let options =
        crate::handshake::server_choices(options, request.extensions(), stages.config).map_err(UsageError::Options)?;
    let options = &*options;
    // Checked before anything is queued: a refused extension leaves the
    // request unanswered.
    let (config, role) = (stages.config, stages.rules.role);
    let n = request
        .accept_with(options, |n| plan_extensions(n, config, role).map(drop), |response| tx.queue_raw(response))
        .map_err(UsageError::Options)?;
    start_extensions(&n, stages, tx).map_err(UsageError::Options)?;
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
