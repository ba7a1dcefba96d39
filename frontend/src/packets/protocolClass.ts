// Which protocol a frame is shown as, everywhere in the UI (topology animation, legend, packet list): one colour
// and one short text label per class, so colour is never the only carrier.

export const PROTOCOL_CLASSES = ['ARP', 'ICMP', 'DNS', 'TCP', 'HTTP', 'UDP', 'OTHER'] as const;
export type ProtocolClass = (typeof PROTOCOL_CLASSES)[number];

/** Okabe–Ito colours: told apart by colour-blind readers too. */
export const PROTOCOL_COLORS: Record<ProtocolClass, string> = {
  ARP: '#e69f00',
  ICMP: '#009e73',
  DNS: '#cc79a7',
  TCP: '#0072b2',
  HTTP: '#d55e00',
  UDP: '#56b4e9',
  OTHER: '#7b869c',
};

/** The label drawn on a frame in flight and in the legend. */
export const PROTOCOL_LABELS: Record<ProtocolClass, string> = {
  ARP: 'ARP',
  ICMP: 'ICMP',
  DNS: 'DNS',
  TCP: 'TCP',
  HTTP: 'HTTP',
  UDP: 'UDP',
  OTHER: 'ETH',
};

const PORTS = /^(\d+) → (\d+)/;
const DNS_PORT = 53;
const HTTP_PORTS = new Set([80, 8080]);

/**
 * The class of a frame from the protocol the server recognised and its Info column. Protocol 1's dissector stops
 * at UDP and TCP, so DNS is told by port 53 and HTTP by a TCP segment carrying data to or from port 80 or 8080; a
 * server that names DNS or HTTP itself is taken at its word.
 */
export function classifyFrame(protocol: string, summary: string): ProtocolClass {
  const p = protocol.toUpperCase();
  if (p === 'ARP' || p === 'ICMP' || p === 'DNS' || p === 'HTTP') return p;
  const ports = PORTS.exec(summary);
  const src = ports ? Number(ports[1]) : -1;
  const dst = ports ? Number(ports[2]) : -1;
  if (p === 'UDP') return src === DNS_PORT || dst === DNS_PORT ? 'DNS' : 'UDP';
  if (p === 'TCP') {
    const len = /\bLen=(\d+)/.exec(summary);
    const carriesData = len !== null && Number(len[1]) > 0;
    return carriesData && (HTTP_PORTS.has(src) || HTTP_PORTS.has(dst)) ? 'HTTP' : 'TCP';
  }
  return 'OTHER';
}
