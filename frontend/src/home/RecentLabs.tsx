import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import type { RecentLab } from './recentLabs';

/** The labs this browser opened before, newest first, to resume or forget. */
export function RecentLabs({ labs, onForget }: { labs: RecentLab[]; onForget: (instanceId: string) => void }) {
  const { t, pick, lang } = useI18n();
  const when = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="recent" aria-labelledby="recent-heading" data-testid="recent-labs">
      <div class="section-head">
        <h2 id="recent-heading">{t('recent.heading')}</h2>
      </div>
      {labs.length === 0 ? (
        <p class="status" data-testid="recent-empty">
          {t('recent.empty')}
        </p>
      ) : (
        <ul class="recent-list" data-testid="recent-list">
          {labs.map((lab) => (
            <li key={lab.instanceId} class="recent-item" data-testid={`recent-item-${lab.instanceId}`}>
              <div class="recent-text">
                <span class="recent-title" data-testid={`recent-title-${lab.instanceId}`}>
                  {pick(lab.title)}
                </span>
                <span class="recent-when">{t('recent.opened', { when: when.format(lab.openedAt) })}</span>
              </div>
              <div class="recent-actions">
                <a
                  class="button"
                  href={`/labs/${lab.instanceId}`}
                  data-testid={`recent-open-${lab.instanceId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ name: 'lab', instanceId: lab.instanceId });
                  }}
                >
                  {t('recent.resume')}
                </a>
                <button
                  type="button"
                  class="button quiet"
                  data-testid={`recent-forget-${lab.instanceId}`}
                  aria-label={t('recent.forget.aria', { title: pick(lab.title) })}
                  onClick={() => onForget(lab.instanceId)}
                >
                  {t('recent.forget')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
