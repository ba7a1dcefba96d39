import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { LabStore } from '../store/labStore';
import type { LabActions } from './labConnection';

/** What every view of an open lab reads from (the store) and asks through (the actions, the REST client). */
export interface LabContextValue {
  instanceId: string;
  store: LabStore;
  actions: LabActions;
  api: ApiClient;
  /** A shared lab opened read-only: it can be replayed and looked at, not typed into or edited. */
  readOnly: boolean;
  /**
   * Opened by its address in a browser that holds no token for it (another browser started it): it is only watched,
   * so it is read-only too, and says why.
   */
  watching?: boolean;
}

export const LabContext = createContext<LabContextValue | null>(null);

export function useLab(): LabContextValue {
  const value = useContext(LabContext);
  if (!value) throw new Error('useLab() outside a lab view');
  return value;
}
