import { describe, expect, it } from 'vitest';
import type { PacketPage, PacketQuery, PacketRow } from '../api/types';
import { PacketFeed, PAGE_SIZE, type PacketFeedState } from './packetFeed';

function row(number: number): PacketRow {
  return { number, time: number * 1000, node: 'pc1', device: 'eth0', link: 'pc1:eth0-sw1:p1', protocol: 'ARP', source: 'a', destination: 'b', length: 60, summary: 's' };
}

/** A server holding packets 1..count, answering requests only when told to. */
function server(count: () => number) {
  const requests: { query: PacketQuery; page: number; size: number; answer: () => void }[] = [];
  const api = {
    packets: (_id: string, query: PacketQuery, page: number, size: number) =>
      new Promise<PacketPage>((resolve) => {
        requests.push({
          query, page, size,
          answer: () => {
            const all = Array.from({ length: count() }, (_, i) => row(i + 1));
            resolve({ total: all.length, page, size, first: 1, packets: all.slice(page * size, (page + 1) * size) });
          },
        });
      }),
  };
  return { api, requests };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PacketFeed', () => {
  it('loads from the start on the first snapshot, then only the page past what it has', async () => {
    let count = 3;
    const { api, requests } = server(() => count);
    const states: PacketFeedState[] = [];
    const feed = new PacketFeed(api, 'i1', (s) => states.push(s));
    feed.update(3, 1);
    requests.shift()!.answer();
    await settle();
    expect(feed.getState().rows.map((r) => r.number)).toEqual([1, 2, 3]);
    count = 5;
    feed.update(5, 1);
    expect(requests[0]!.page).toBe(0);
    requests.shift()!.answer();
    await settle();
    expect(feed.getState()).toMatchObject({ total: 5, loading: false, error: null });
    expect(feed.getState().rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('asks one request at a time, and once more for what arrived meanwhile', async () => {
    let count = 1;
    const { api, requests } = server(() => count);
    const feed = new PacketFeed(api, 'i1', () => {});
    feed.update(1, 1);
    count = 2;
    feed.update(2, 1);
    count = 3;
    feed.update(3, 1);
    expect(requests).toHaveLength(1);
    requests.shift()!.answer();
    await settle();
    expect(requests).toHaveLength(1);
    requests.shift()!.answer();
    await settle();
    expect(feed.getState().rows.map((r) => r.number)).toEqual([1, 2, 3]);
  });

  it('pages through a long capture', async () => {
    const count = PAGE_SIZE + 2;
    const { api, requests } = server(() => count);
    const feed = new PacketFeed(api, 'i1', () => {});
    feed.update(count, 1);
    requests.shift()!.answer();
    await settle();
    expect(requests.map((r) => r.page)).toEqual([1]);
    requests.shift()!.answer();
    await settle();
    expect(feed.getState().rows).toHaveLength(count);
  });

  it('starts again from the first page for a new filter or a new snapshot', async () => {
    const { api, requests } = server(() => 2);
    const feed = new PacketFeed(api, 'i1', () => {});
    feed.update(2, 1);
    requests.shift()!.answer();
    await settle();
    feed.setQuery({ protocol: 'tcp' });
    expect(feed.getState()).toMatchObject({ rows: [], loading: true });
    expect(requests.map((r) => [r.page, r.query])).toEqual([[0, { protocol: 'tcp' }]]);
    requests.shift()!.answer();
    await settle();
    feed.update(2, 2);
    expect(requests.map((r) => r.page)).toEqual([0]);
  });

  it('says why the list could not be loaded', async () => {
    const feed = new PacketFeed({ packets: () => Promise.reject(new Error('HTTP 503')) }, 'i1', () => {});
    feed.update(1, 1);
    await settle();
    expect(feed.getState()).toMatchObject({ loading: false, error: 'HTTP 503' });
  });
});
