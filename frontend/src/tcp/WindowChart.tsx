import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { TcpSample } from '../store/labState';
import { formatClock } from '../timeline/clock';
import { chartData, SERIES, SSTHRESH_INFINITE, type SeriesName } from './chartData';

const SERIES_KEYS: Record<SeriesName, MessageKey> = {
  cwnd: 'tcp.chart.cwnd',
  ssthresh: 'tcp.chart.ssthresh',
  sndWnd: 'tcp.chart.sndWnd',
  inFlight: 'tcp.chart.inFlight',
};

/** Dash patterns, so that a line is told apart without its colour. */
const DASH: Record<SeriesName, string | undefined> = { cwnd: undefined, ssthresh: '6 4', sndWnd: '2 3', inFlight: undefined };

function bytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n % 1_000_000 ? 1 : 0)} MB`;
  if (n >= 1000) return `${(n / 1000).toFixed(n % 1000 ? 1 : 0)} kB`;
  return `${n} B`;
}

/**
 * cwnd, ssthresh, the window the peer advertised and the bytes in flight of one connection over simulated time (SVG
 * step lines from the `tcp` messages this page received), with the latest values as text beside it.
 */
export function WindowChart({ samples, now }: { samples: readonly TcpSample[]; now: number }) {
  const { t } = useI18n();
  const data = useMemo(() => chartData(samples, now), [samples, now]);
  const latest = samples[samples.length - 1];
  if (!latest) {
    return (
      <p class="status" data-testid="tcp-chart-empty">
        {t('tcp.chart.empty')}
      </p>
    );
  }
  return (
    <div class="tcp-chart" data-testid="tcp-chart" data-samples={samples.length}>
      <svg viewBox="0 0 460 220" role="img" aria-label={t('tcp.chart.aria', { n: samples.length })}>
        {data.yTicks.map((tick) => (
          <g key={tick.value} class="grid">
            <line x1={56} y1={tick.y} x2={448} y2={tick.y} />
            <text x={50} y={tick.y + 4} text-anchor="end">
              {bytes(tick.value)}
            </text>
          </g>
        ))}
        {data.xTicks.map((tick, i) => (
          <text key={i} x={tick.x} y={212} text-anchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'} class="axis">
            {formatClock(tick.time)}
          </text>
        ))}
        {SERIES.map((name) => (
          <path
            key={name}
            d={data.paths[name]}
            class={`series series-${name}`}
            stroke-dasharray={DASH[name]}
            data-testid={`tcp-chart-${name}`}
            fill="none"
          />
        ))}
      </svg>
      <dl class="tcp-vars" data-testid="tcp-vars">
        {SERIES.map((name) => (
          <div key={name} class={`var var-${name}`}>
            <dt>
              <span class={`swatch series-${name}`} aria-hidden="true" />
              {t(SERIES_KEYS[name])}
            </dt>
            <dd data-testid={`tcp-var-${name}`}>
              {name === 'ssthresh' && latest.ssthresh >= SSTHRESH_INFINITE ? t('tcp.chart.infinite') : bytes(latest[name])}
            </dd>
          </div>
        ))}
      </dl>
      {data.ssthreshInfinite && <p class="note">{t('tcp.chart.ssthreshNote')}</p>}
    </div>
  );
}
