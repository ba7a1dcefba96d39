import type { LabSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';

export function LabCard({ lab, busy, onOpen }: { lab: LabSummary; busy: boolean; onOpen: (lab: LabSummary) => void }) {
  const { t, pick } = useI18n();
  return (
    <li class="lab-card" data-testid={`lab-item-${lab.id}`} data-lab-id={lab.id}>
      <h3 class="lab-title" data-testid={`lab-title-${lab.id}`}>
        {pick(lab.title)}
      </h3>
      <p class="lab-summary" data-testid={`lab-summary-${lab.id}`}>
        {pick(lab.summary)}
      </p>
      <div class="lab-meta">
        <span class="pill" data-testid={`lab-nodes-${lab.id}`}>
          {t(lab.nodes === 1 ? 'labs.nodes.one' : 'labs.nodes.other', { n: lab.nodes })}
        </span>
        <code class="lab-id">{lab.id}</code>
        <button
          type="button"
          class="button"
          data-testid={`lab-open-${lab.id}`}
          aria-label={t('labs.open.aria', { title: pick(lab.title) })}
          disabled={busy}
          aria-busy={busy}
          onClick={() => onOpen(lab)}
        >
          {busy ? t('labs.opening') : t('labs.open')}
        </button>
      </div>
    </li>
  );
}
