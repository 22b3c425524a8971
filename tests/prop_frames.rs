//! Property tests of the frame layer: `FrameHeader::encode` and
//! `HeaderDecoder` round trip for every opcode, length class (7, 16 and
//! 64-bit), mask and RSV combination, decoded whole, with trailing bytes and
//! in random splits; the payload masks and unmasks back in random pieces;
//! and the decoder gives the same answer on arbitrary bytes however they
//! are split.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use wsproto::frame::{apply_mask, copy_masked, FrameHeader, HeaderDecoder, HeaderRules, MAX_HEADER_LEN};
use wsproto::FrameError;
use wsproto::{OpCode, Role};

const OPCODES: [OpCode; 6] =
    [OpCode::Continuation, OpCode::Text, OpCode::Binary, OpCode::Close, OpCode::Ping, OpCode::Pong];

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/proptest-regressions/prop_frames.txt",
        ))),
        ..ProptestConfig::default()
    }
}

/// A payload length in one of the three encodings; control frames only get
/// the 7-bit class (RFC 6455 §5.5). The 64-bit class goes up to the largest
/// length the RFC allows (top bit clear).
fn length(control: bool) -> BoxedStrategy<u64> {
    if control {
        (0u64..=125).boxed()
    } else {
        prop_oneof![
            0u64..=125,
            126u64..=65535,
            65536u64..=(u64::MAX >> 1),
            // The edges of each class.
            prop::sample::select(vec![0u64, 125, 126, 127, 65535, 65536, 65537, u64::MAX >> 1]),
        ]
        .boxed()
    }
}

/// A header that some receiver accepts: control frames have FIN set.
fn header() -> impl Strategy<Value = FrameHeader> {
    prop::sample::select(OPCODES.to_vec()).prop_flat_map(|opcode| {
        let fin = if opcode.is_control() { Just(true).boxed() } else { any::<bool>().boxed() };
        (fin, 0u8..8, any::<Option<[u8; 4]>>(), length(opcode.is_control()))
            .prop_map(move |(fin, rsv, mask, payload_len)| FrameHeader { fin, rsv, opcode, mask, payload_len })
    })
}

/// Rules under which `h` is valid: the receiver's role follows the mask,
/// and the allowed RSV bits include those set (plus random extra ones).
fn rules_for(h: &FrameHeader, extra_rsv: u8, limit_slack: u64) -> HeaderRules {
    let role = if h.mask.is_some() { Role::Server } else { Role::Client };
    HeaderRules {
        role,
        allowed_rsv: h.rsv | (extra_rsv & 0b111),
        accept_unmasked: false,
        max_payload: h.payload_len.saturating_add(limit_slack),
    }
}

/// Cut points for `len` bytes: piece lengths from `raw`, each at least 1.
fn split_lens(len: usize, raw: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut left = len;
    let mut i = 0;
    while left > 0 {
        let n = raw.get(i).map_or(left, |&r| 1 + r % left.max(1)).min(left);
        out.push(n);
        left -= n;
        i += 1;
    }
    out
}

/// Feeds `bytes` to a fresh decoder in pieces of the given lengths until a
/// header or an error comes out. Returns the total bytes used with the
/// header.
fn decode_split(bytes: &[u8], lens: &[usize], rules: &HeaderRules) -> Result<Option<(usize, FrameHeader)>, FrameError> {
    let mut dec = HeaderDecoder::new();
    let mut pos = 0;
    let mut total = 0;
    for &n in lens {
        let piece = &bytes[pos..pos + n];
        pos += n;
        let (used, header) = dec.decode(piece, rules)?;
        assert!(used <= piece.len(), "used more than given");
        total += used;
        if let Some(h) = header {
            assert!(!dec.is_mid_header(), "a complete header leaves nothing buffered");
            return Ok(Some((total, h)));
        }
        assert_eq!(used, piece.len(), "no header yet, but input left over");
        assert!(total == 0 || dec.is_mid_header() || total == bytes.len());
    }
    Ok(None)
}

/// An independent encoder of the header bytes, straight from RFC 6455 §5.2.
fn reference_header(h: &FrameHeader) -> Vec<u8> {
    let mut out = vec![(u8::from(h.fin) << 7) | (h.rsv << 4) | h.opcode.as_u8()];
    let m = if h.mask.is_some() { 0x80 } else { 0 };
    match h.payload_len {
        n @ 0..=125 => out.push(m | n as u8),
        n @ 126..=65535 => {
            out.push(m | 126);
            out.extend_from_slice(&(n as u16).to_be_bytes());
        }
        n => {
            out.push(m | 127);
            out.extend_from_slice(&n.to_be_bytes());
        }
    }
    if let Some(key) = h.mask {
        out.extend_from_slice(&key);
    }
    out
}

proptest! {
    #![proptest_config(config(1500))]

    /// Encode, then decode whole, with trailing bytes, byte by byte and in
    /// random pieces: the same header comes back, using exactly the
    /// encoded bytes, and the encoding is the minimal one of RFC 6455 §5.2.
    #[test]
    fn headers_round_trip_whole_and_in_any_split(
        h in header(),
        extra_rsv in 0u8..8,
        slack in prop_oneof![Just(0u64), 0u64..1000],
        trailing in prop::collection::vec(any::<u8>(), 0..20),
        raw_split in prop::collection::vec(any::<usize>(), 0..16),
    ) {
        let rules = rules_for(&h, extra_rsv, slack);
        let mut out = [0xAAu8; MAX_HEADER_LEN];
        let n = h.encode(&mut out);
        prop_assert_eq!(n, h.encoded_len());
        prop_assert_eq!(&out[..n], &reference_header(&h)[..]);

        let mut bytes = out[..n].to_vec();
        bytes.extend_from_slice(&trailing);

        // Whole, with whatever follows the header left untouched.
        let mut dec = HeaderDecoder::new();
        prop_assert_eq!(dec.decode(&bytes, &rules), Ok((n, Some(h))));
        prop_assert!(!dec.is_mid_header());

        // Byte by byte.
        let ones = vec![1; bytes.len()];
        prop_assert_eq!(decode_split(&bytes, &ones, &rules), Ok(Some((n, h))));

        // Random pieces.
        let lens = split_lens(bytes.len(), &raw_split);
        prop_assert_eq!(decode_split(&bytes, &lens, &rules), Ok(Some((n, h))));

        // One decoder reads header after header: it is reusable.
        let mut twice = out[..n].to_vec();
        twice.extend_from_slice(&out[..n]);
        let mut dec = HeaderDecoder::new();
        prop_assert_eq!(dec.decode(&twice, &rules), Ok((n, Some(h))));
        prop_assert_eq!(dec.decode(&twice[n..], &rules), Ok((n, Some(h))));
    }

    /// The same headers under rules that do not allow them fail with the
    /// matching error, whole and byte by byte.
    #[test]
    fn headers_outside_the_rules_are_refused_in_any_split(h in header(), raw_split in prop::collection::vec(any::<usize>(), 0..16)) {
        let mut out = [0u8; MAX_HEADER_LEN];
        let n = h.encode(&mut out);
        let bytes = &out[..n];
        let ok = rules_for(&h, 0, 0);
        let mut cases = Vec::new();
        if h.rsv != 0 {
            let rules = HeaderRules { allowed_rsv: 0, ..ok };
            cases.push((rules, FrameError::ReservedBits(h.rsv)));
        }
        let other_role = HeaderRules { role: if ok.role == Role::Server { Role::Client } else { Role::Server }, ..ok };
        if h.rsv == 0 {
            let e = if h.mask.is_some() { FrameError::MaskedFrameFromServer } else { FrameError::UnmaskedFrameFromClient };
            cases.push((other_role, e));
        }
        if h.payload_len > 0 {
            let rules = HeaderRules { max_payload: h.payload_len - 1, ..ok };
            cases.push((rules, FrameError::FrameTooLarge { len: h.payload_len, max: h.payload_len - 1 }));
        }
        for (rules, error) in cases {
            let mut dec = HeaderDecoder::new();
            prop_assert_eq!(dec.decode(bytes, &rules), Err(error));
            prop_assert_eq!(decode_split(bytes, &vec![1; n], &rules), Err(error));
            prop_assert_eq!(decode_split(bytes, &split_lens(n, &raw_split), &rules), Err(error));
        }
        // A server may be told to accept unmasked frames.
        if h.mask.is_none() {
            let lax = HeaderRules { role: Role::Server, accept_unmasked: true, ..ok };
            prop_assert_eq!(HeaderDecoder::new().decode(bytes, &lax), Ok((n, Some(h))));
        }
    }

}

proptest! {
    #![proptest_config(config(300))]

    /// A whole frame (header and a real payload of every length class up to
    /// 70 000 bytes) round trips: the payload is masked in one go and
    /// unmasked in random pieces at their offsets, as a receiver does.
    #[test]
    fn frames_with_payload_round_trip(
        opcode in prop::sample::select(OPCODES.to_vec()),
        fin in any::<bool>(),
        rsv in 0u8..8,
        mask in any::<Option<[u8; 4]>>(),
        len in prop_oneof![0usize..=125, 126usize..=1000, prop::sample::select(vec![65535usize, 65536, 70_000])],
        seed in any::<u8>(),
        raw_split in prop::collection::vec(any::<usize>(), 0..12),
    ) {
        let len = if opcode.is_control() { len % 126 } else { len };
        let fin = fin || opcode.is_control();
        let payload: Vec<u8> = (0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect();
        let h = FrameHeader { fin, rsv, opcode, mask, payload_len: len as u64 };
        let mut hdr = [0u8; MAX_HEADER_LEN];
        let n = h.encode(&mut hdr);
        let mut wire = hdr[..n].to_vec();
        let start = wire.len();
        wire.extend_from_slice(&payload);
        if let Some(key) = mask {
            apply_mask(&mut wire[start..], key, 0);
            // The fused copy gives the same bytes.
            let mut copy = vec![0u8; len];
            copy_masked(&mut copy, &payload, key, 0);
            prop_assert_eq!(&copy[..], &wire[start..]);
        }

        let rules = rules_for(&h, 0, 0);
        let lens = split_lens(wire.len(), &raw_split);
        let mut dec = HeaderDecoder::new();
        let mut got_header = None;
        let mut body = Vec::new();
        let mut pos = 0;
        for n in lens {
            let mut piece = wire[pos..pos + n].to_vec();
            pos += n;
            let mut off = 0;
            if got_header.is_none() {
                let (used, header) = dec.decode(&piece, &rules).unwrap();
                off = used;
                got_header = header;
            }
            if let Some(header) = got_header {
                let piece = &mut piece[off..];
                if let Some(key) = header.mask {
                    apply_mask(piece, key, body.len() % 4);
                }
                body.extend_from_slice(piece);
            }
        }
        prop_assert_eq!(got_header, Some(h));
        prop_assert_eq!(body, payload);
    }

}

proptest! {
    #![proptest_config(config(2000))]

    /// Any bytes at all, under any rules: the decoder gives the same result
    /// whole, byte by byte and in random pieces, and never uses more than
    /// a header's worth.
    #[test]
    fn the_decoder_agrees_with_itself_on_arbitrary_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..20),
        server in any::<bool>(),
        allowed_rsv in 0u8..8,
        accept_unmasked in any::<bool>(),
        max_payload in prop_oneof![Just(u64::MAX), any::<u64>(), 0u64..70_000],
        raw_split in prop::collection::vec(any::<usize>(), 0..16),
    ) {
        let rules = HeaderRules {
            role: if server { Role::Server } else { Role::Client },
            allowed_rsv,
            accept_unmasked,
            max_payload,
        };
        let whole = HeaderDecoder::new().decode(&bytes, &rules).map(|(used, h)| h.map(|h| (used, h)));
        if let Ok(Some((used, _))) = whole {
            prop_assert!(used <= MAX_HEADER_LEN);
        }
        let normalize = |r: Result<Option<(usize, FrameHeader)>, FrameError>| match r {
            // How early a too-long control frame is seen decides whether the
            // error holds the 7-bit marker or the extended length.
            Err(FrameError::ControlFrameTooLong(n)) if n > 125 => Err(FrameError::ControlFrameTooLong(126)),
            other => other,
        };
        let bytewise = decode_split(&bytes, &vec![1; bytes.len()], &rules);
        prop_assert_eq!(normalize(bytewise), normalize(whole));
        let split = decode_split(&bytes, &split_lens(bytes.len(), &raw_split), &rules);
        prop_assert_eq!(normalize(split), normalize(whole));
    }
}
