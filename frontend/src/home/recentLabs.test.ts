import { describe, expect, it } from 'vitest';
import { forgetLab, loadRecent, RECENT_KEEP, RECENT_KEY, rememberLab, touchLab, type RecentLab } from './recentLabs';

function memory(initial: string | null = null) {
  let value = initial;
  return { getItem: () => value, setItem: (_k: string, v: string) => void (value = v), read: () => value };
}

const lab = (n: number): RecentLab => ({ instanceId: `i${n}`, title: { en: `Lab ${n}`, ko: `실습 ${n}` }, lab: 'tcp-connection', openedAt: n });

describe('recent labs', () => {
  it('puts the lab opened last first, once', () => {
    const storage = memory();
    rememberLab(storage, lab(1));
    rememberLab(storage, lab(2));
    expect(rememberLab(storage, { ...lab(1), openedAt: 3 }).map((r) => r.instanceId)).toEqual(['i1', 'i2']);
    expect(loadRecent(storage).map((r) => r.instanceId)).toEqual(['i1', 'i2']);
  });

  it('keeps the newest few', () => {
    const storage = memory();
    for (let n = 1; n <= RECENT_KEEP + 2; n++) rememberLab(storage, lab(n));
    const kept = loadRecent(storage);
    expect(kept).toHaveLength(RECENT_KEEP);
    expect(kept[0]!.instanceId).toBe(`i${RECENT_KEEP + 2}`);
  });

  it('touching a known lab moves it first; an unknown one is not added', () => {
    const storage = memory();
    rememberLab(storage, lab(1));
    rememberLab(storage, lab(2));
    expect(touchLab(storage, 'i1', 10).map((r) => r.instanceId)).toEqual(['i1', 'i2']);
    expect(touchLab(storage, 'i9', 11).map((r) => r.instanceId)).toEqual(['i1', 'i2']);
  });

  it('forgets a lab', () => {
    const storage = memory();
    rememberLab(storage, lab(1));
    expect(forgetLab(storage, 'i1')).toEqual([]);
  });

  it('ignores what it cannot read', () => {
    expect(loadRecent(memory('not json'))).toEqual([]);
    expect(loadRecent(memory(JSON.stringify([{ instanceId: 3 }, lab(1)])))).toEqual([lab(1)]);
    expect(RECENT_KEY).toBe('packetlab.recent');
  });
});
