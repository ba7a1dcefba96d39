import { describe, expect, it } from 'vitest';
import { classifyFrame } from './protocolClass';

describe('classifyFrame', () => {
  it('takes ARP and ICMP as the server names them', () => {
    expect(classifyFrame('ARP', 'Who has 10.0.0.2? Tell 10.0.0.1')).toBe('ARP');
    expect(classifyFrame('ICMP', 'Echo (ping) request  id=0x0940, seq=1, ttl=64')).toBe('ICMP');
  });

  it('tells DNS by UDP port 53 either way', () => {
    expect(classifyFrame('UDP', '40000 → 53 Len=29')).toBe('DNS');
    expect(classifyFrame('UDP', '53 → 40000 Len=45')).toBe('DNS');
    expect(classifyFrame('UDP', '40000 → 9 Len=5')).toBe('UDP');
  });

  it('tells HTTP by a TCP segment carrying data to or from port 80, and leaves the handshake as TCP', () => {
    expect(classifyFrame('TCP', '38186 → 80 [PSH, ACK] Seq=1 Ack=1 Win=65535 Len=78')).toBe('HTTP');
    expect(classifyFrame('TCP', '38186 → 80 [SYN] Seq=0 Win=65535 Len=0 MSS=1460')).toBe('TCP');
    expect(classifyFrame('TCP', '38186 → 8888 [PSH, ACK] Seq=1 Ack=1 Win=65535 Len=6')).toBe('TCP');
  });

  it('takes DNS and HTTP from a server that names them, and anything else as other', () => {
    expect(classifyFrame('DNS', 'Standard query A www.example.lab')).toBe('DNS');
    expect(classifyFrame('HTTP', 'GET / HTTP/1.1')).toBe('HTTP');
    expect(classifyFrame('Ethernet', 'EtherType 0x86dd')).toBe('OTHER');
  });
});
