import { useI18n } from '../i18n/i18n';
import { PROTOCOL_CLASSES, PROTOCOL_COLORS, PROTOCOL_LABELS } from '../packets/protocolClass';

/** What the colours on the wires mean, each with its text label as drawn on the frames. */
export function Legend() {
  const { t } = useI18n();
  return (
    <div class="legend" data-testid="topology-legend" aria-label={t('legend.title')} role="group">
      <span class="legend-title">{t('legend.title')}</span>
      <ul>
        {PROTOCOL_CLASSES.map((c) => (
          <li key={c} data-testid={`legend-${c}`}>
            <span class="legend-pill" style={{ background: PROTOCOL_COLORS[c] }}>
              {PROTOCOL_LABELS[c]}
            </span>
            {c === 'OTHER' && <span class="legend-text">{t('legend.OTHER')}</span>}
          </li>
        ))}
        <li data-testid="legend-broadcast">
          <span class="legend-ring" aria-hidden="true" />
          <span class="legend-text">{t('legend.broadcast')}</span>
        </li>
        <li data-testid="legend-drop">
          <span class="legend-drop" aria-hidden="true">
            ✕
          </span>
          <span class="legend-text">{t('legend.drop')}</span>
        </li>
      </ul>
    </div>
  );
}
