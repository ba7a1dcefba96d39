import { describe, expect, it } from 'vitest';
import { parseFilter } from './filter';

const nodes = ['pc1', 'srv', 'sw1'];
const links = ['pc1:eth0-sw1:p1'];

describe('parseFilter', () => {
  it('is empty for an empty box', () => {
    expect(parseFilter('  ', nodes, links)).toEqual({ query: {}, problem: null });
  });

  it('reads protocols, addresses, ports, nodes and links, all of which must hold', () => {
    expect(parseFilter('tcp 10.0.0.2 8888 pc1', nodes, links)).toEqual({
      query: { protocol: 'tcp', address: '10.0.0.2', port: 8888, node: 'pc1' },
      problem: null,
    });
    expect(parseFilter('ARP and 02:00:00:00:00:0A link pc1:eth0-sw1:p1', nodes, links).query).toEqual({
      protocol: 'arp',
      address: '02:00:00:00:00:0a',
      link: 'pc1:eth0-sw1:p1',
    });
    expect(parseFilter('port 53 node srv', nodes, links).query).toEqual({ port: 53, node: 'srv' });
  });

  it('takes dns and http as the protocol and port they use', () => {
    expect(parseFilter('dns', nodes, links).query).toEqual({ protocol: 'udp', port: 53 });
    expect(parseFilter('http', nodes, links).query).toEqual({ protocol: 'tcp', port: 80 });
  });

  it('names the word it cannot read', () => {
    expect(parseFilter('tcp pc9', nodes, links).problem).toEqual({ kind: 'unknown', word: 'pc9' });
    expect(parseFilter('port 70000', nodes, links).problem).toEqual({ kind: 'unknown', word: '70000' });
    expect(parseFilter('tcp port', nodes, links).problem).toEqual({ kind: 'needs-value', word: 'port' });
  });
});
