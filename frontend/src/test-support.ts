// Shared fixtures for the Vitest suites (not part of the bundle: only tests import it).
import type { ApiClient } from './api/client';
import type { LabSummary } from './api/types';

export const SWITCH_LAB: LabSummary = {
  id: 'switch-basics',
  title: { en: 'Two hosts on a switch', ko: '스위치에 연결된 두 호스트' },
  summary: { en: 'Ping across a learning switch.', ko: '학습 스위치를 사이에 두고 ping을 보냅니다.' },
  nodes: 3,
};

export const HUB_LAB: LabSummary = {
  id: 'hub-basics',
  title: { en: 'Two hosts on a hub', ko: '허브에 연결된 두 호스트' },
  summary: { en: 'Ping across a hub.', ko: '허브를 사이에 두고 ping을 보냅니다.' },
  nodes: 4,
};

/** An ApiClient whose listLabs answers from `result` (a list, or an Error to reject with). */
export function fakeApi(result: LabSummary[] | Error): ApiClient & { calls: number } {
  const api = {
    calls: 0,
    listLabs: () => {
      api.calls++;
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
  };
  return api;
}
