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
}

export const LabContext = createContext<LabContextValue | null>(null);

export function useLab(): LabContextValue {
  const value = useContext(LabContext);
  if (!value) throw new Error('useLab() outside a lab view');
  return value;
}
