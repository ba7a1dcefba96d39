// Protocol messages for the Vitest suites, shaped as docs/protocol.md shows them (not part of the bundle).
import type { FrameMessage, RunState, Snapshot } from './api/protocol';
import type { PacketDetail } from './api/types';

export const PAUSED: RunState = { mode: 'PAUSED', speed: 1, skipIdle: false, time: 0, events: 0, pending: 0, replay: 0, behind: false };

/** The TCP lab's snapshot: pc1 and srv on sw1. */
export function tcpLabSnapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    instance: 'i1',
    run: PAUSED,
    nodes: [
      { id: 'pc1', kind: 'host', gateway: null, interfaces: [{ name: 'eth0', mac: '02:00:00:00:00:01', ip: '10.0.0.1/24', up: true, link: 'pc1:eth0-sw1:p1' }] },
      { id: 'srv', kind: 'server', gateway: null, interfaces: [{ name: 'eth0', mac: '02:00:00:00:00:02', ip: '10.0.0.2/24', up: true, link: 'srv:eth0-sw1:p2' }] },
      {
        id: 'sw1',
        kind: 'switch',
        gateway: null,
        interfaces: [
          { name: 'p1', mac: '02:00:00:00:00:03', ip: null, up: true, link: 'pc1:eth0-sw1:p1' },
          { name: 'p2', mac: '02:00:00:00:00:04', ip: null, up: true, link: 'srv:eth0-sw1:p2' },
        ],
      },
    ],
    links: [
      { name: 'pc1:eth0-sw1:p1', a: 'pc1:eth0', b: 'sw1:p1', bandwidth: 100_000_000, delay: 1_000_000, jitter: 0, loss: 0, mtu: 1500, queue: 100, up: true },
      { name: 'srv:eth0-sw1:p2', a: 'srv:eth0', b: 'sw1:p2', bandwidth: 100_000_000, delay: 1_000_000, jitter: 0, loss: 0, mtu: 1500, queue: 100, up: true },
    ],
    sockets: [],
    arp: [],
    mac: [],
    routes: [{ node: 'pc1', destination: '10.0.0.0/24', via: null, device: 'eth0', origin: 'CONNECTED' }],
    terminals: { pc1: '', srv: '', sw1: '' },
    packets: 0,
    ...over,
  };
}

/** pc1's ARP request onto its cable, as the TCP lab's first frame. */
export function arpRequest(over: Partial<FrameMessage> = {}): FrameMessage {
  return {
    type: 'frame',
    time: 0,
    node: 'pc1',
    number: 1,
    device: 'eth0',
    link: 'pc1:eth0-sw1:p1',
    toNode: 'sw1',
    toDevice: 'p1',
    leaves: 4800,
    arrives: 1_004_800,
    length: 60,
    protocol: 'ARP',
    summary: 'Who has 10.0.0.2? Tell 10.0.0.1',
    ...over,
  };
}

/** `GET /api/instances/{id}/packets/1` for that ARP request, as the server answers it. */
export const ARP_DETAIL: PacketDetail = {
  packet: {
    number: 1,
    time: 0,
    node: 'pc1',
    device: 'eth0',
    link: 'pc1:eth0-sw1:p1',
    protocol: 'ARP',
    source: '02:00:00:00:00:01',
    destination: 'Broadcast (ff:ff:ff:ff:ff:ff)',
    length: 60,
    summary: 'Who has 10.0.0.2? Tell 10.0.0.1',
  },
  layers: [
    {
      name: 'Ethernet II',
      offset: 0,
      length: 14,
      fields: [
        { key: 'eth.dst', label: 'Destination', value: 'Broadcast (ff:ff:ff:ff:ff:ff)', offset: 0, length: 6, bitMask: 0 },
        { key: 'eth.src', label: 'Source', value: '02:00:00:00:00:01', offset: 6, length: 6, bitMask: 0 },
        { key: 'eth.type', label: 'Type', value: 'ARP (0x0806)', offset: 12, length: 2, bitMask: 0 },
      ],
    },
    {
      name: 'Address Resolution Protocol (request)',
      offset: 14,
      length: 28,
      fields: [
        { key: 'arp.opcode', label: 'Opcode', value: 'request (1)', offset: 20, length: 2, bitMask: 0 },
        { key: 'arp.dst.proto_ipv4', label: 'Target IP address', value: '10.0.0.2', offset: 38, length: 4, bitMask: 0 },
      ],
    },
  ],
  problem: null,
  hex:
    'ffffffffffff020000000001' + '0806' + '00010800060400010200000000010a000001' + '000000000000' + '0a000002' + '00'.repeat(18),
};
