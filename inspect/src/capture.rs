//! Reading pcap and pcapng files (with `pcap-file`) and taking the TCP
//! segment out of each packet (with `etherparse`).

use std::fmt;
use std::net::SocketAddr;

use etherparse::{NetSlice, SlicedPacket, TransportSlice};
use pcap_file::pcap::PcapParser;
use pcap_file::pcapng::{Block, PcapNgParser};
use pcap_file::DataLink;

use crate::tcp::Segment;

/// A capture that could not be read to its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureError {
    /// Packets read before the error (0: the file is not a capture at all).
    pub packets_read: u64,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for CaptureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (after {} packets)", self.message, self.packets_read)
    }
}

impl std::error::Error for CaptureError {}

/// Calls `each` with the link type and the captured bytes of every packet
/// of a pcap or pcapng file, in file order. Returns the number of packets,
/// or the error that stopped the reading (the packets before it were
/// handed out).
pub fn read_packets(file: &[u8], mut each: impl FnMut(DataLink, &[u8])) -> Result<u64, CaptureError> {
    // The slice parsers: the file is already in memory, so nothing is
    // buffered or copied again.
    let mut count = 0u64;
    let fail = |count: u64, e: &dyn fmt::Display| CaptureError { packets_read: count, message: e.to_string() };
    match file.get(..4) {
        Some([0x0a, 0x0d, 0x0d, 0x0a]) => {
            let (mut rest, mut parser) = PcapNgParser::new(file).map_err(|e| fail(0, &e))?;
            // The link type of each interface of the current section.
            let mut interfaces: Vec<DataLink> = Vec::new();
            while !rest.is_empty() {
                let (next, block) = parser.next_block(rest).map_err(|e| fail(count, &e))?;
                rest = next;
                let (interface, data) = match &block {
                    Block::SectionHeader(_) => {
                        interfaces.clear();
                        continue;
                    }
                    Block::InterfaceDescription(i) => {
                        interfaces.push(i.linktype);
                        continue;
                    }
                    Block::EnhancedPacket(p) => (p.interface_id, p.data.as_ref()),
                    Block::SimplePacket(p) => (0, p.data.as_ref()),
                    Block::Packet(p) => (u32::from(p.interface_id), p.data.as_ref()),
                    _ => continue,
                };
                let linktype = interfaces.get(interface as usize).copied().ok_or_else(|| {
                    fail(count, &format_args!("packet on interface {interface}, which was never described"))
                })?;
                count += 1;
                each(linktype, data);
            }
        }
        Some(
            [0xa1, 0xb2, 0xc3, 0xd4] | [0xd4, 0xc3, 0xb2, 0xa1] | [0xa1, 0xb2, 0x3c, 0x4d] | [0x4d, 0x3c, 0xb2, 0xa1],
        ) => {
            let (mut rest, parser) = PcapParser::new(file).map_err(|e| fail(0, &e))?;
            let linktype = parser.header().datalink;
            while !rest.is_empty() {
                let (next, packet) = parser.next_packet(rest).map_err(|e| fail(count, &e))?;
                rest = next;
                count += 1;
                each(linktype, &packet.data);
            }
        }
        _ => return Err(fail(0, &"not a pcap or pcapng file (unknown magic number)")),
    }
    Ok(count)
}

/// The TCP segment in a packet of this link type, or `None` for a packet
/// that is not TCP over IPv4/IPv6, an IP fragment, or too short for its
/// headers.
pub fn tcp_segment(linktype: DataLink, data: &[u8]) -> Option<Segment<'_>> {
    let sliced = match linktype {
        DataLink::ETHERNET => SlicedPacket::from_ethernet(data),
        DataLink::LINUX_SLL => SlicedPacket::from_linux_sll(data),
        DataLink::RAW | DataLink::IPV4 | DataLink::IPV6 => SlicedPacket::from_ip(data),
        // BSD loopback: a 4-byte address family, then IP.
        DataLink::NULL | DataLink::LOOP => SlicedPacket::from_ip(data.get(4..)?),
        // Linux cooked v2: a 20-byte header, then the network layer.
        DataLink::LINUX_SLL2 => SlicedPacket::from_ip(data.get(20..)?),
        _ => return None,
    }
    .ok()?;
    if sliced.is_ip_payload_fragmented() {
        return None;
    }
    let (src, dst) = match sliced.net.as_ref()? {
        NetSlice::Ipv4(ip) => (ip.header().source_addr().into(), ip.header().destination_addr().into()),
        NetSlice::Ipv6(ip) => (ip.header().source_addr().into(), ip.header().destination_addr().into()),
        _ => return None,
    };
    let TransportSlice::Tcp(tcp) = sliced.transport? else { return None };
    Some(Segment {
        src: SocketAddr::new(src, tcp.source_port()),
        dst: SocketAddr::new(dst, tcp.destination_port()),
        seq: tcp.sequence_number(),
        syn: tcp.syn(),
        ack: tcp.ack(),
        fin: tcp.fin(),
        rst: tcp.rst(),
        payload: tcp.payload(),
    })
}
