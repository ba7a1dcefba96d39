import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShareMode } from '../api/types';
import { safeLocalStorage } from '../home/recentLabs';
import { useI18n } from '../i18n/i18n';
import { useLab } from '../lab/LabContext';
import { shareInstance, shareUrl } from './savedLabs';

type Making = { status: 'idle' } | { status: 'making' } | { status: 'made'; url: string; copied: boolean } | { status: 'failed'; reason: string };

/**
 * Share: saves the lab as it stands (POST /api/saved-labs with the instance) and makes a link of the chosen kind —
 * an editable copy (fork) or a read-only replay — and copies it to the clipboard.
 */
export function ShareButton() {
  const { t } = useI18n();
  const { api, instanceId } = useLab();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<ShareMode>('fork');
  const [making, setMaking] = useState<Making>({ status: 'idle' });
  const urlField = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    dialog.current?.querySelector<HTMLElement>('input, button')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const copy = async (url: string): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText(url);
      return true;
    } catch {
      // no clipboard (not allowed, or not a secure page): the link is selected for Ctrl+C instead
      urlField.current?.select();
      return false;
    }
  };

  const make = async () => {
    setMaking({ status: 'making' });
    try {
      const linkId = await shareInstance(api, safeLocalStorage(), instanceId, mode);
      const url = shareUrl(window.location.origin, linkId);
      setMaking({ status: 'made', url, copied: false });
      const copied = await copy(url);
      setMaking({ status: 'made', url, copied });
      if (!copied) urlField.current?.select();
    } catch (e) {
      setMaking({ status: 'failed', reason: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div class="share">
      <button
        type="button"
        class="tool"
        data-testid="lab-share"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setOpen((o) => !o);
          setMaking({ status: 'idle' });
        }}
      >
        {t('share.button')}
      </button>
      {open && (
        <div class="share-dialog" role="dialog" aria-labelledby="share-title" data-testid="share-dialog" ref={dialog}>
          <div class="dialog-head">
            <h2 id="share-title">{t('share.title')}</h2>
            <button type="button" class="tool small" data-testid="share-close" onClick={() => setOpen(false)}>
              {t('dialog.close')}
            </button>
          </div>
          <p class="note">{t('share.intro')}</p>
          <fieldset class="share-modes">
            {(['fork', 'readonly'] as const).map((m) => (
              <label key={m} class="share-mode">
                <input
                  type="radio"
                  name="share-mode"
                  value={m}
                  checked={mode === m}
                  data-testid={`share-mode-${m}`}
                  onChange={() => {
                    setMode(m);
                    setMaking({ status: 'idle' });
                  }}
                />
                <span>
                  <strong>{t(m === 'fork' ? 'share.fork' : 'share.readonly')}</strong>
                  <span class="note">{t(m === 'fork' ? 'share.fork.hint' : 'share.readonly.hint')}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            class="tool primary"
            data-testid="share-create"
            disabled={making.status === 'making'}
            onClick={() => void make()}
          >
            {t('share.create')}
          </button>
          {making.status === 'making' && (
            <p class="status" aria-busy="true">
              {t('share.creating')}
            </p>
          )}
          {making.status === 'failed' && (
            <p class="status error" role="alert" data-testid="share-error">
              {t('share.error', { reason: making.reason })}
            </p>
          )}
          {making.status === 'made' && (
            <div class="share-result">
              <label class="share-url">
                <span>{t('share.url')}</span>
                <input ref={urlField} readOnly value={making.url} data-testid="share-url" data-mode={mode} onFocus={(e) => e.currentTarget.select()} />
              </label>
              <button
                type="button"
                class="tool small"
                data-testid="share-copy"
                onClick={async () => setMaking({ ...making, copied: await copy(making.url) })}
              >
                {t('share.copy')}
              </button>
              <p class="status" role="status" data-testid={making.copied ? 'share-copied' : 'share-copy-failed'}>
                {making.copied ? t('share.copied') : t('share.copyFailed')}
              </p>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
