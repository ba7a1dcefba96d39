import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { rememberLab, safeLocalStorage } from '../home/recentLabs';
import { useI18n } from '../i18n/i18n';
import { parseLabInfo } from '../lab/labInfo';
import { navigate } from '../router';
import { DEFAULT_SPEED } from '../timeline/clock';

/**
 * A share link (`/share/{linkId}`): reads what it shares, starts a live instance of it at the shared point (the
 * holder's own: nothing done in it reaches the shared lab) and goes to it — read-only and paused at the shared point
 * for a read-only link, an ordinary lab playing in slow motion for a fork link.
 */
export function SharePage({ api, linkId }: { api: ApiClient; linkId: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const shared = await api.openShareLink(linkId);
      const snapshot = await api.startSharedInstance(linkId);
      if (!shared.readOnly) {
        // a copy to carry on with opens as any lab does: playing in slow motion (a read-only one waits at the shared point)
        try {
          await api.control(snapshot.instance, { action: 'play', speed: DEFAULT_SPEED, skipIdle: true });
        } catch {
          // it opens paused; Play works the same
        }
      }
      if (!live) return;
      const title = parseLabInfo(shared.labFile).title;
      rememberLab(safeLocalStorage(), { instanceId: snapshot.instance, title, lab: null, openedAt: Date.now() });
      navigate({ name: 'lab', instanceId: snapshot.instance, ...(shared.readOnly ? { readOnly: true } : {}) }, true);
    })().catch((e: unknown) => {
      if (live) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      live = false;
    };
  }, [api, linkId]);

  return (
    <main class="home share-page" data-testid="share-page">
      {error ? (
        <p class="status error" role="alert" data-testid="share-open-error">
          {t('share.openError', { reason: error })}
        </p>
      ) : (
        <p class="status" aria-busy="true" data-testid="share-opening">
          {t('share.opening')}
        </p>
      )}
    </main>
  );
}
