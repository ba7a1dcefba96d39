import type { PacketQuery } from '../api/types';

/** Why a filter could not be read: an unknown word, or a word that needs a value after it. */
export type FilterProblem = { kind: 'unknown'; word: string } | { kind: 'needs-value'; word: string };

export interface ParsedFilter {
  query: PacketQuery;
  problem: FilterProblem | null;
}

const PROTOCOLS = new Set(['eth', 'arp', 'ip', 'icmp', 'udp', 'tcp']);
/** Protocols the server's filter does not know by name, as the protocol and port they use. */
const BY_PORT: Record<string, { protocol: string; port: number }> = {
  dns: { protocol: 'udp', port: 53 },
  http: { protocol: 'tcp', port: 80 },
};
const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
const PORT = /^\d{1,5}$/;

/**
 * Reads the packet filter box: words such as `tcp`, `dns`, `10.0.0.2`, `8888`, `port 53`, `pc1`, `node pc1`,
 * `link pc1:eth0-sw1:p1`, combined with spaces (all must hold). A node or link name counts on its own when the lab
 * has it. The result is what `GET /api/instances/{id}/packets` takes.
 */
export function parseFilter(text: string, nodes: readonly string[], links: readonly string[]): ParsedFilter {
  const query: PacketQuery = {};
  const words = text.trim().split(/\s+/).filter((w) => w !== '' && w !== 'and' && w !== '&&');
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = word.toLowerCase();
    const keyed = lower === 'port' || lower === 'node' || lower === 'link' || lower === 'host' || lower === 'addr';
    if (keyed) {
      const value = words[++i];
      if (value === undefined) return { query, problem: { kind: 'needs-value', word } };
      if (lower === 'port') {
        if (!PORT.test(value) || Number(value) > 65535) return { query, problem: { kind: 'unknown', word: value } };
        query.port = Number(value);
      } else if (lower === 'node') query.node = value;
      else if (lower === 'link') query.link = value;
      else query.address = value;
      continue;
    }
    if (PROTOCOLS.has(lower)) query.protocol = lower;
    else if (lower in BY_PORT) {
      query.protocol = BY_PORT[lower]!.protocol;
      query.port = BY_PORT[lower]!.port;
    } else if (IPV4.test(word) || MAC.test(word)) query.address = lower;
    else if (PORT.test(word) && Number(word) <= 65535) query.port = Number(word);
    else if (nodes.includes(word)) query.node = word;
    else if (links.includes(word)) query.link = word;
    else return { query, problem: { kind: 'unknown', word } };
  }
  return { query, problem: null };
}

export function sameQuery(a: PacketQuery, b: PacketQuery): boolean {
  return a.node === b.node && a.link === b.link && a.protocol === b.protocol && a.address === b.address && a.port === b.port;
}
