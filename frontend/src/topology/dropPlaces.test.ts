import { describe, expect, it } from 'vitest';
import type { DropMark } from '../store/labState';
import { newestPerPlace } from './dropPlaces';

const drop = (id: number, node: string, link: DropMark['link'] = null): DropMark => ({
  id, time: id, node, device: 'eth0', number: id, reason: 'NOT_FOR_US', text: 'not for us', detail: null, link, protocol: 'ICMP', seenAt: 0,
});

describe('newestPerPlace', () => {
  it('keeps one mark per node or spot on a cable: the newest, with how many happened there', () => {
    const onCable = { name: 'pc1:eth0-sw1:p1', from: 'pc1', to: 'sw1', at: 0.5 };
    expect(newestPerPlace([drop(1, 'pc3'), drop(2, 'pc1', onCable), drop(3, 'pc3'), drop(4, 'pc3')])).toEqual([
      { drop: drop(4, 'pc3'), count: 3 },
      { drop: drop(2, 'pc1', onCable), count: 1 },
    ]);
  });
});
