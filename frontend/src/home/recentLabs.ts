import { pageInstanceTokens } from '../api/instanceTokens';
import type { LocalizedText } from '../api/types';

/** A lab instance this browser opened, to come back to from the home page. */
export interface RecentLab {
  instanceId: string;
  title: LocalizedText;
  /** The catalogue lab it was started from, or null (a file, or an empty lab). */
  lab: string | null;
  /** Wall-clock ms when it was last opened. */
  openedAt: number;
}

export const RECENT_KEY = 'packetlab.recent';
export const RECENT_KEEP = 8;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function isRecent(value: unknown): value is RecentLab {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const title = v.title as Record<string, unknown> | null;
  return (
    typeof v.instanceId === 'string' &&
    typeof v.openedAt === 'number' &&
    !!title &&
    typeof title.en === 'string' &&
    typeof title.ko === 'string'
  );
}

/** The recent labs, newest first; anything unreadable in storage is ignored. */
export function loadRecent(storage: Storage | null): RecentLab[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRecent).sort((a, b) => b.openedAt - a.openedAt) : [];
  } catch {
    return [];
  }
}

function save(storage: Storage | null, labs: RecentLab[]): RecentLab[] {
  try {
    storage?.setItem(RECENT_KEY, JSON.stringify(labs));
  } catch {
    // storage full or disabled: the list lasts for this page only
  }
  return labs;
}

/** Puts `lab` first (once), keeping the newest RECENT_KEEP. */
export function rememberLab(storage: Storage | null, lab: RecentLab): RecentLab[] {
  const rest = loadRecent(storage).filter((r) => r.instanceId !== lab.instanceId);
  return save(storage, [lab, ...rest].slice(0, RECENT_KEEP));
}

/** Marks a known instance as opened now (visiting it by its address), without changing its title. */
export function touchLab(storage: Storage | null, instanceId: string, now: number): RecentLab[] {
  const labs = loadRecent(storage);
  const found = labs.find((r) => r.instanceId === instanceId);
  if (!found) return labs;
  return rememberLab(storage, { ...found, openedAt: now });
}

/** Forgets a lab, and the token this browser kept to change it. */
export function forgetLab(storage: Storage | null, instanceId: string): RecentLab[] {
  pageInstanceTokens().forget(instanceId);
  return save(storage, loadRecent(storage).filter((r) => r.instanceId !== instanceId));
}

export function safeLocalStorage(): globalThis.Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
