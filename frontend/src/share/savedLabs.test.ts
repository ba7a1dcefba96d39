import { describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '../api/client';
import { rememberSaved, savedRefOf, shareInstance, shareUrl } from './savedLabs';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

function api(update: () => Promise<void> = async () => undefined) {
  const calls: string[] = [];
  const client: Pick<ApiClient, 'saveLab' | 'updateSavedLab' | 'createShareLink'> = {
    saveLab: async (id) => {
      calls.push(`save ${id}`);
      return { id: 'S1', ownerToken: 'T1' };
    },
    updateSavedLab: async (saved, token, id) => {
      calls.push(`update ${saved} ${token} ${id}`);
      return update();
    },
    createShareLink: async (saved, token, mode) => {
      calls.push(`link ${saved} ${token} ${mode}`);
      return { id: 'L1', savedLabId: saved, mode, at: null, createdAt: '' };
    },
  };
  return { client, calls };
}

describe('sharing a lab', () => {
  it('saves the instance the first time and keeps its owner token', async () => {
    const storage = memoryStorage();
    const { client, calls } = api();
    expect(await shareInstance(client, storage, 'i1', 'fork')).toBe('L1');
    expect(calls).toEqual(['save i1', 'link S1 T1 fork']);
    expect(savedRefOf(storage, 'i1')).toEqual({ id: 'S1', ownerToken: 'T1' });
  });

  it('updates the saved lab to where the instance is now before sharing it again', async () => {
    const storage = memoryStorage();
    rememberSaved(storage, 'i1', { id: 'S0', ownerToken: 'T0' });
    const { client, calls } = api();
    await shareInstance(client, storage, 'i1', 'readonly');
    expect(calls).toEqual(['update S0 T0 i1', 'link S0 T0 readonly']);
  });

  it('saves anew when the saved lab is gone', async () => {
    const storage = memoryStorage();
    rememberSaved(storage, 'i1', { id: 'S0', ownerToken: 'T0' });
    const { client, calls } = api(() => Promise.reject(new ApiError(404, null)));
    await shareInstance(client, storage, 'i1', 'fork');
    expect(calls).toEqual(['update S0 T0 i1', 'save i1', 'link S1 T1 fork']);
  });

  it('writes the link for people', () => {
    expect(shareUrl('http://localhost:8080', 'L1')).toBe('http://localhost:8080/share/L1');
  });
});
