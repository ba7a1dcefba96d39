import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test-support';
import { readOnlyApi } from './readOnlyApi';

function recording(body: unknown, status = 200, type = 'application/json') {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchImpl = (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': type } }),
    );
  };
  return { calls, fetchImpl };
}

describe('a read-only lab’s REST client', () => {
  it('reads the lab file of the watched lab from the class with the viewer’s token', async () => {
    const r = recording('id: switch-basics\n', 200, 'application/yaml');
    const api = readOnlyApi(fakeApi([]), 'c1', 'm7', 'tok', r.fetchImpl);

    expect(await api.labFile('student-m7')).toBe('id: switch-basics\n');
    expect(r.calls[0]!.url).toBe('/api/classes/c1/labs/m7/lab-file');
    expect((r.calls[0]!.init!.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('asks for packets with the query, page and size', async () => {
    const r = recording({ total: 0, page: 0, size: 50, first: 1, packets: [] });
    const api = readOnlyApi(fakeApi([]), 'c1', 'presented', 'tok', r.fetchImpl);

    await api.packets('presented', { protocol: 'arp', node: 'pc1' }, 2, 50);

    expect(r.calls[0]!.url).toBe('/api/classes/c1/labs/presented/packets?protocol=arp&node=pc1&page=2&size=50');
  });

  it('downloads a pcap with the token in the address, since a link sends no header', () => {
    const api = readOnlyApi(fakeApi([]), 'c1', 'm7', 'tok', recording({}).fetchImpl);

    expect(api.pcapUrl('student-m7', 'pc1')).toBe('/api/classes/c1/labs/m7/pcap?token=tok&node=pc1');
  });

  it('refuses a run control, as the server would', async () => {
    const api = readOnlyApi(fakeApi([]), 'c1', 'm7', 'tok', recording({}).fetchImpl);

    await expect(api.control('student-m7', { action: 'play' })).rejects.toThrow('This lab is shown read-only.');
  });

  it('says what the server refused', async () => {
    const r = recording({ status: 403, detail: 'The teacher is not presenting a lab now.' }, 403, 'application/problem+json');
    const api = readOnlyApi(fakeApi([]), 'c1', 'presented', 'tok', r.fetchImpl);

    await expect(api.labFile('presented')).rejects.toThrow('The teacher is not presenting a lab now.');
  });
});
