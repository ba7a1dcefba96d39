import { describe, expect, it } from 'vitest';
import { instanceOfSocketUrl, instanceTokenStore, TOKENS_KEEP } from './instanceTokens';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('instanceTokenStore', () => {
  it('keeps a token by instance id in storage, where another page of this browser finds it', () => {
    const storage = memoryStorage();
    instanceTokenStore(storage).set('i1', 'tok-1');
    expect(instanceTokenStore(storage).get('i1')).toBe('tok-1');
    expect(instanceTokenStore(storage).get('i2')).toBeNull();
  });

  it('forgets a token', () => {
    const storage = memoryStorage();
    const tokens = instanceTokenStore(storage);
    tokens.set('i1', 'tok-1');
    tokens.forget('i1');
    expect(instanceTokenStore(storage).get('i1')).toBeNull();
  });

  it('keeps the newest tokens only, dropping the oldest first', () => {
    const storage = memoryStorage();
    const tokens = instanceTokenStore(storage);
    for (let i = 0; i <= TOKENS_KEEP; i++) tokens.set(`i${i}`, `tok-${i}`);
    const fresh = instanceTokenStore(storage);
    expect(fresh.get('i0')).toBeNull();
    expect(fresh.get('i1')).toBe('tok-1');
    expect(fresh.get(`i${TOKENS_KEEP}`)).toBe(`tok-${TOKENS_KEEP}`);
  });

  it('still knows a token for this page when storage refuses it', () => {
    const tokens = instanceTokenStore({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    tokens.set('i1', 'tok-1');
    expect(tokens.get('i1')).toBe('tok-1');
  });

  it('reads nothing from a storage entry that is not its list', () => {
    const storage = memoryStorage();
    storage.setItem('packetlab.instanceTokens', '{"i1": "tok-1"}');
    expect(instanceTokenStore(storage).get('i1')).toBeNull();
  });
});

describe('instanceOfSocketUrl', () => {
  it('reads the instance id of a lab socket, and nothing of a class socket', () => {
    expect(instanceOfSocketUrl('ws://host/ws/labs/9pYkLr0zQxW3m2fJ5d8sAg')).toBe('9pYkLr0zQxW3m2fJ5d8sAg');
    expect(instanceOfSocketUrl('wss://host/ws/classes/c1/labs/presented?token=t')).toBeNull();
  });
});
