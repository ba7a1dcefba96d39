import { useCallback, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { CreateInstanceRequest, LocalizedText } from '../api/types';
import { navigate } from '../router';
import { DEFAULT_SPEED } from '../timeline/clock';
import { rememberLab, safeLocalStorage } from './recentLabs';

export interface OpenLab {
  /** Which button is starting a lab (`lab:<id>`, `new`, `file`), or null. */
  busy: string | null;
  error: string | null;
  open(key: string, request: CreateInstanceRequest, title: LocalizedText, lab: string | null): Promise<void>;
}

/**
 * Starts an instance, sets it playing in slow motion (so a command typed in a terminal is seen happening), remembers
 * it among the recent labs and goes to its page.
 */
export function useOpenLab(api: ApiClient): OpenLab {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = useCallback(
    async (key: string, request: CreateInstanceRequest, title: LocalizedText, lab: string | null) => {
      setBusy(key);
      setError(null);
      try {
        const snapshot = await api.createInstance(request);
        try {
          await api.control(snapshot.instance, { action: 'play', speed: DEFAULT_SPEED, skipIdle: true });
        } catch {
          // the lab still opens, paused; its Play button works the same
        }
        rememberLab(safeLocalStorage(), { instanceId: snapshot.instance, title, lab, openedAt: Date.now() });
        navigate({ name: 'lab', instanceId: snapshot.instance });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        setBusy(null);
      }
    },
    [api],
  );

  return { busy, error, open };
}
