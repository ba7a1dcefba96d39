import type { ApiClient } from '../api/client';
import type { LabSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { LabCard } from './LabCard';
import { useLabCatalogue } from './useLabCatalogue';

export function LabCatalogue({
  api,
  busy,
  onOpen,
}: {
  api: ApiClient;
  busy: string | null;
  onOpen: (lab: LabSummary) => void;
}) {
  const { t } = useI18n();
  const { state, reload } = useLabCatalogue(api);

  return (
    <section class="catalogue" aria-labelledby="labs-heading">
      <div class="section-head">
        <h2 id="labs-heading">{t('labs.heading')}</h2>
        {state.status === 'loaded' && (
          <span class="count" data-testid="lab-count">
            {state.labs.length}
          </span>
        )}
      </div>
      {state.status === 'loading' && (
        <p class="status" data-testid="lab-list-loading" aria-busy="true">
          {t('labs.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <div class="status error" role="alert" data-testid="lab-list-error">
          <p>{t('labs.error', { reason: state.reason })}</p>
          <button type="button" class="button" data-testid="lab-list-retry" onClick={reload}>
            {t('labs.retry')}
          </button>
        </div>
      )}
      {state.status === 'loaded' && state.labs.length === 0 && (
        <p class="status" data-testid="lab-list-empty">
          {t('labs.empty')}
        </p>
      )}
      {state.status === 'loaded' && state.labs.length > 0 && (
        <ul class="lab-list" data-testid="lab-list">
          {state.labs.map((lab) => (
            <LabCard key={lab.id} lab={lab} busy={busy === `lab:${lab.id}`} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}
