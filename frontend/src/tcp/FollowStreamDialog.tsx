import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { useLab } from '../lab/LabContext';
import { useLabState } from '../store/useStore';
import { formatClock } from '../timeline/clock';
import { followStream, type FollowedStream } from './followStream';
import type { Endpoint } from './segments';

type Loading = { status: 'loading' } | { status: 'loaded'; stream: FollowedStream } | { status: 'failed'; reason: string };

/**
 * "Follow TCP stream": the bytes of one connection as its programs exchanged them, each side in its own colour
 * (and marked with an arrow, for those who cannot tell the colours apart), retransmissions counted once.
 */
export function FollowStreamDialog({ a, b, onClose }: { a: Endpoint; b: Endpoint; onClose: () => void }) {
  const { t } = useI18n();
  const { api, instanceId, store } = useLab();
  const links = useLabState(store, (s) => s.links);
  const [state, setState] = useState<Loading>({ status: 'loading' });
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    followStream(api, instanceId, a, b, links, abort.signal).then(
      (stream) => setState({ status: 'loaded', stream }),
      (e: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', reason: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => abort.abort();
    // the links only change the timing, not the bytes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, instanceId, a.ip, a.port, b.ip, b.port]);

  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const name = (e: Endpoint) => (e.node ? `${e.node} (${e.ip}:${e.port})` : `${e.ip}:${e.port}`);
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="dialog follow" role="dialog" aria-modal="true" aria-labelledby="follow-title" data-testid="follow-stream">
        <div class="dialog-head">
          <h2 id="follow-title">{t('follow.title')}</h2>
          <button type="button" class="tool small" ref={close} data-testid="follow-close" onClick={onClose}>
            {t('dialog.close')}
          </button>
        </div>
        <p class="follow-who">
          <span class="dir-ab">→ {t('follow.from', { who: name(a) })}</span>
          <span class="dir-ba">← {t('follow.from', { who: name(b) })}</span>
        </p>
        {state.status === 'loading' && (
          <p class="status" aria-busy="true">
            {t('follow.loading')}
          </p>
        )}
        {state.status === 'failed' && (
          <p class="status error" role="alert">
            {t('follow.error', { reason: state.reason })}
          </p>
        )}
        {state.status === 'loaded' && (
          <>
            <p class="follow-summary" data-testid="follow-stream-summary">
              {t('follow.summary', { ab: state.stream.ab, ba: state.stream.ba, a: a.node ?? a.ip, b: b.node ?? b.ip })}
            </p>
            {state.stream.chunks.length === 0 ? (
              <p class="status" data-testid="follow-stream-empty">
                {t('follow.empty')}
              </p>
            ) : (
              <div class="follow-text" data-testid="follow-stream-text">
                {state.stream.chunks.map((c, i) => (
                  <pre key={i} class={`chunk dir-${c.dir}`} data-testid={`follow-chunk-${i}`} data-dir={c.dir} title={formatClock(c.time)}>
                    <span class="chunk-mark" aria-hidden="true">
                      {c.dir === 'ab' ? '→ ' : '← '}
                    </span>
                    {c.text}
                  </pre>
                ))}
              </div>
            )}
            {state.stream.truncated && <p class="note">{t('follow.truncated')}</p>}
          </>
        )}
      </div>
    </div>
  );
}
