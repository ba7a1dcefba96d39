import type { ApiClient } from '../api/client';
import { ApiError } from '../api/client';
import type { ShareMode } from '../api/types';

const SAVED_KEY = 'packetlab.saved';

/** A lab this browser saved: the saved lab's id and the owner token the server gave for it (only once). */
export interface SavedRef {
  id: string;
  ownerToken: string;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function load(storage: Storage | null): Record<string, SavedRef> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(SAVED_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, SavedRef>) : {};
  } catch {
    return {};
  }
}

/** The saved lab this browser made of an instance, if any (kept in `localStorage`, owner token included). */
export function savedRefOf(storage: Storage | null, instanceId: string): SavedRef | null {
  const ref = load(storage)[instanceId];
  return ref && typeof ref.id === 'string' && typeof ref.ownerToken === 'string' ? ref : null;
}

export function rememberSaved(storage: Storage | null, instanceId: string, ref: SavedRef): void {
  try {
    storage?.setItem(SAVED_KEY, JSON.stringify({ ...load(storage), [instanceId]: ref }));
  } catch {
    // storage full or off: the next share saves the lab anew
  }
}

/** The address of a share link, for people: `https://host/share/{linkId}`. */
export function shareUrl(origin: string, linkId: string): string {
  return `${origin}/share/${linkId}`;
}

/**
 * Saves the instance as it stands and makes a share link of it. The first time the lab is saved anew; after that
 * the saved lab is updated to where the instance now is (a link shares a copy frozen at this point, so older links
 * keep showing what they showed). If the saved lab is gone or its token refused, it is saved anew.
 */
export async function shareInstance(
  api: Pick<ApiClient, 'saveLab' | 'updateSavedLab' | 'createShareLink'>,
  storage: Storage | null,
  instanceId: string,
  mode: ShareMode,
): Promise<string> {
  let ref = savedRefOf(storage, instanceId);
  if (ref) {
    try {
      await api.updateSavedLab(ref.id, ref.ownerToken, instanceId);
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 404)) throw e;
      ref = null;
    }
  }
  if (!ref) {
    ref = await api.saveLab(instanceId);
    rememberSaved(storage, instanceId, ref);
  }
  const link = await api.createShareLink(ref.id, ref.ownerToken, mode);
  return link.id;
}
