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

const notFaked = (name: string) => () => Promise.reject(new Error(`fakeApi: ${name} is not faked in this test`));

/**
 * An ApiClient whose listLabs answers from `result` (a list, or an Error to reject with); every other call rejects
 * unless `overrides` gives it.
 */
export function fakeApi(result: LabSummary[] | Error, overrides: Partial<ApiClient> = {}): ApiClient & { calls: number } {
  const api = {
    calls: 0,
    listLabs: () => {
      api.calls++;
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
    createInstance: notFaked('createInstance'),
    labFile: notFaked('labFile'),
    control: notFaked('control'),
    packets: notFaked('packets'),
    packet: notFaked('packet'),
    pcapUrl: (id: string) => `/api/instances/${id}/pcap`,
    socketHistory: notFaked('socketHistory'),
    addNode: notFaked('addNode'),
    editNode: notFaked('editNode'),
    removeNode: notFaked('removeNode'),
    addLink: notFaked('addLink'),
    editLink: notFaked('editLink'),
    removeLink: notFaked('removeLink'),
    saveLab: notFaked('saveLab'),
    updateSavedLab: notFaked('updateSavedLab'),
    createShareLink: notFaked('createShareLink'),
    openShareLink: notFaked('openShareLink'),
    startSharedInstance: notFaked('startSharedInstance'),
    instanceToken: () => null,
    keepInstanceToken: () => {},
    ...overrides,
  };
  return api;
}
