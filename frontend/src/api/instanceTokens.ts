// The tokens this browser was given for the live instances it created or opened (docs/protocol.md, "Owner tokens"):
// an instance's owner token (or a read-only replay's replay token) is answered once, when it is created, and every
// request that changes the instance must carry it. Kept in localStorage by instance id, so a reload, a second tab or
// the home page's recent labs still change the lab. The server keeps only their hashes.

const TOKENS_KEY = 'packetlab.instanceTokens';
/** Tokens kept at most; the oldest go first (their instances are long gone from the recent labs). */
export const TOKENS_KEEP = 100;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** Where the tokens live: the browser's localStorage, or an object in memory (tests, storage turned off). */
export interface InstanceTokenStore {
  get(instanceId: string): string | null;
  set(instanceId: string, token: string): void;
  forget(instanceId: string): void;
}

function load(storage: Storage | null): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(TOKENS_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string')
      : [];
  } catch {
    return [];
  }
}

function save(storage: Storage | null, entries: [string, string][]): void {
  try {
    storage?.setItem(TOKENS_KEY, JSON.stringify(entries.slice(-TOKENS_KEEP)));
  } catch {
    // storage full or off: the token lasts as long as this page's memory copy
  }
}

/** Tokens kept in `storage` (localStorage by default), with a copy in memory should storage refuse them. */
export function instanceTokenStore(storage: Storage | null = browserStorage()): InstanceTokenStore {
  const memory = new Map<string, string>();
  return {
    get: (id) => memory.get(id) ?? load(storage).find(([key]) => key === id)?.[1] ?? null,
    set: (id, token) => {
      memory.set(id, token);
      save(storage, [...load(storage).filter(([key]) => key !== id), [id, token]]);
    },
    forget: (id) => {
      memory.delete(id);
      save(storage, load(storage).filter(([key]) => key !== id));
    },
  };
}

let shared: InstanceTokenStore | null = null;

/** This page's one store of the browser's tokens, which the REST client and the lab sockets share. */
export function pageInstanceTokens(): InstanceTokenStore {
  shared ??= instanceTokenStore();
  return shared;
}

function browserStorage(): globalThis.Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The instance id of a `/ws/labs/{id}` socket URL, or null for another socket (a class's read-only views). */
export function instanceOfSocketUrl(url: string): string | null {
  const match = /\/ws\/labs\/([^/?#]+)/.exec(url);
  return match ? decodeURIComponent(match[1]!) : null;
}
