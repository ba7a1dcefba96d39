import { useI18n } from '../i18n/i18n';
import { useLabState } from '../store/useStore';
import { useLab } from './LabContext';

/** What the server refused, when this page fell behind, and when the lab was slowed down: shown until dismissed. */
export function Notices() {
  const { t } = useI18n();
  const { store } = useLab();
  const notices = useLabState(store, (s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <ul class="notices" data-testid="lab-notices">
      {notices.map((n) => (
        <li
          key={n.id}
          class={`notice notice-${n.kind}`}
          role={n.kind === 'error' ? 'alert' : 'status'}
          data-testid={`notice-${n.id}`}
          data-kind={n.kind}
        >
          <span>
            {n.kind === 'overflow'
              ? t('notice.overflow', { n: n.count ?? 0 })
              : n.kind === 'protocol'
                ? t('notice.protocol')
                : n.kind === 'throttled'
                  ? t('notice.throttled', { detail: n.message })
                  : t('notice.error', { message: n.message })}
          </span>
          <button type="button" class="button quiet" data-testid={`notice-dismiss-${n.id}`} onClick={() => store.dismissNotice(n.id)}>
            {t('notice.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
