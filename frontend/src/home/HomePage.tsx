import { useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { LabSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { MESSAGES } from '../i18n/messages';
import { parseLabInfo } from '../lab/labInfo';
import { LabCatalogue } from './LabCatalogue';
import { RecentLabs } from './RecentLabs';
import { forgetLab, loadRecent, safeLocalStorage } from './recentLabs';
import { useOpenLab } from './useOpenLab';

const UNTITLED = { en: MESSAGES.en['lab.untitled'], ko: MESSAGES.ko['lab.untitled'] };

export function HomePage({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const { busy, error, open } = useOpenLab(api);
  const [recent, setRecent] = useState(() => loadRecent(safeLocalStorage()));
  const fileInput = useRef<HTMLInputElement>(null);

  const forget = (id: string) => setRecent(forgetLab(safeLocalStorage(), id));

  const openCatalogueLab = (lab: LabSummary) => open(`lab:${lab.id}`, { lab: lab.id }, lab.title, lab.id);

  const openFile = async (file: File) => {
    const text = await file.text();
    const info = parseLabInfo(text);
    await open('file', { labFile: text }, info.title.en ? info.title : UNTITLED, null);
  };

  return (
    <main class="home" data-testid="home-page">
      <section class="hero">
        <h1 data-testid="home-headline">{t('home.headline')}</h1>
        <p>{t('home.intro')}</p>
      </section>

      {error && (
        <p class="status error" role="alert" data-testid="home-error">
          {t('home.error', { reason: error })}
        </p>
      )}

      <section class="start" aria-labelledby="start-heading">
        <div class="section-head">
          <h2 id="start-heading">{t('home.start.heading')}</h2>
        </div>
        <div class="start-actions">
          <button
            type="button"
            class="start-card"
            data-testid="home-new-empty"
            disabled={busy !== null}
            aria-busy={busy === 'new'}
            onClick={() => open('new', {}, UNTITLED, null)}
          >
            <span class="start-title">{busy === 'new' ? t('labs.opening') : t('home.new')}</span>
            <span class="start-hint">{t('home.new.hint')}</span>
          </button>
          <button
            type="button"
            class="start-card"
            data-testid="home-open-file"
            disabled={busy !== null}
            aria-busy={busy === 'file'}
            onClick={() => fileInput.current?.click()}
          >
            <span class="start-title">{busy === 'file' ? t('labs.opening') : t('home.file')}</span>
            <span class="start-hint">{t('home.file.hint')}</span>
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            class="file-input"
            data-testid="home-file-input"
            aria-label={t('home.file')}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) void openFile(file);
              input.value = '';
            }}
          />
        </div>
      </section>

      {/* a returning learner finds their labs first; a first visit meets the catalogue first */}
      {recent.length > 0 && <RecentLabs labs={recent} onForget={forget} />}
      <LabCatalogue api={api} busy={busy} onOpen={openCatalogueLab} />
      {recent.length === 0 && <RecentLabs labs={recent} onForget={forget} />}
    </main>
  );
}
