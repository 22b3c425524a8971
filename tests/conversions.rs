//! Small conveniences for drivers: errors into `std::io::Error`, close codes
//! as numbers, and configurations built in `const`.

#[cfg(feature = "std")]
use wsproto::handshake::Negotiated;
use wsproto::{CloseCode, Config, Delivery};
#[cfg(feature = "std")]
use wsproto::{Connection, Error, FrameError, UsageError};

/// The conversions exist with `std`; the all-features run checks them.
#[cfg(feature = "std")]
#[test]
fn a_peer_fault_becomes_invalid_data_and_misuse_invalid_input() {
    fn read_frames(conn: &mut Connection, input: &mut [u8]) -> std::io::Result<usize> {
        Ok(conn.read(input)?.consumed)
    }
    let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    // An unmasked frame to a server.
    let e = read_frames(&mut conn, &mut [0x81, 0x00]).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
    let inner = e.get_ref().and_then(|e| e.downcast_ref::<Error>());
    assert_eq!(inner, Some(&Error::Frame(FrameError::UnmaskedFrameFromClient)));

    fn send(conn: &mut Connection) -> std::io::Result<()> {
        conn.sender().send_ping(&[0; 126])?;
        Ok(())
    }
    let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
    let e = send(&mut conn).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
    assert_eq!(e.get_ref().and_then(|e| e.downcast_ref::<UsageError>()), Some(&UsageError::ControlPayloadTooLong));
}

#[test]
fn close_codes_convert_to_and_from_numbers() {
    assert_eq!(CloseCode::GOING_AWAY.as_u16(), 1001);
    assert_eq!(u16::from(CloseCode::MESSAGE_TOO_BIG), 1009);
    assert_eq!(CloseCode::from(4000), CloseCode(4000));
}

#[test]
fn a_config_is_built_in_const_with_every_setter() {
    const CONFIG: Config = Config::new()
        .max_frame_size(1 << 20)
        .max_message_size(2 << 20)
        .delivery(Delivery::Chunks)
        .auto_pong(false)
        .auto_close_reply(false)
        .accept_unmasked_frames(true);
    let mut expect = Config::default();
    expect.max_frame_size = 1 << 20;
    expect.max_message_size = 2 << 20;
    expect.delivery = Delivery::Chunks;
    expect.auto_pong = false;
    expect.auto_close_reply = false;
    expect.accept_unmasked_frames = true;
    assert_eq!(CONFIG, expect);
    assert_eq!(Config::new(), Config::default());
}
