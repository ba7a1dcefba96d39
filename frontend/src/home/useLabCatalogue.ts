import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { LabSummary } from '../api/types';

export type CatalogueState =
  | { status: 'loading' }
  | { status: 'loaded'; labs: LabSummary[] }
  | { status: 'failed'; reason: string };

/** Loads `GET /api/labs` once, and again on `reload()`. */
export function useLabCatalogue(api: ApiClient): { state: CatalogueState; reload: () => void } {
  const [state, setState] = useState<CatalogueState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    api.listLabs(abort.signal).then(
      (labs) => setState({ status: 'loaded', labs }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
  }, [api, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
