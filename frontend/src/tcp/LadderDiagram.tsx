import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { formatClock } from '../timeline/clock';
import type { ConnectionRows } from './connectionPackets';
import { layoutLadder } from './ladderLayout';
import { connectionSegments, type Endpoint } from './segments';
import type { LinkView } from '../api/protocol';

/** Segments drawn at most; the rest are counted. */
const ARROWS_MAX = 400;

/**
 * The connection as a ladder (sequence) diagram: one lane per endpoint, time running down, one arrow per segment
 * from when it left its sender to when it reached the receiver, labelled with its flags and relative numbers.
 * A click on an arrow opens the segment in the packet inspector.
 */
export function LadderDiagram({
  rows,
  a,
  b,
  links,
  onInspectPacket,
}: {
  rows: ConnectionRows;
  a: Endpoint;
  b: Endpoint;
  links: readonly LinkView[];
  onInspectPacket: (number: number) => void;
}) {
  const { t } = useI18n();
  const segments = useMemo(
    () => (rows.status === 'loaded' ? connectionSegments(rows.rows, a, b, links) : []),
    [rows, a.ip, a.port, b.ip, b.port, links],
  );
  const shown = segments.length > ARROWS_MAX ? segments.slice(0, ARROWS_MAX) : segments;
  const layout = useMemo(() => layoutLadder(shown), [shown]);

  if (rows.status === 'loading') {
    return (
      <p class="status" aria-busy="true" data-testid="tcp-ladder-loading">
        {t('tcp.ladder.loading')}
      </p>
    );
  }
  if (rows.status === 'failed') {
    return (
      <p class="status error" role="alert" data-testid="tcp-ladder-error">
        {t('tcp.ladder.error', { reason: rows.reason })}
      </p>
    );
  }
  if (segments.length === 0) {
    return (
      <p class="status" data-testid="tcp-ladder-empty">
        {t('tcp.ladder.empty')}
      </p>
    );
  }
  const nameA = a.node ? `${a.node} ${a.ip}:${a.port}` : `${a.ip}:${a.port}`;
  const nameB = b.node ? `${b.node} ${b.ip}:${b.port}` : `${b.ip}:${b.port}`;
  return (
    <div class="tcp-ladder" data-testid="tcp-ladder" data-segments={segments.length}>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        role="img"
        aria-label={t('tcp.ladder.aria', { a: nameA, b: nameB, n: segments.length })}
      >
        <defs>
          <marker id="ladder-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" fill="context-stroke" />
          </marker>
        </defs>
        <text x={layout.laneA} y={14} text-anchor="middle" class="lane-name" data-testid="tcp-ladder-lane-a">
          {nameA}
        </text>
        <text x={layout.laneB} y={14} text-anchor="middle" class="lane-name" data-testid="tcp-ladder-lane-b">
          {nameB}
        </text>
        <line x1={layout.laneA} y1={22} x2={layout.laneA} y2={layout.height - 8} class="lane" />
        <line x1={layout.laneB} y1={22} x2={layout.laneB} y2={layout.height - 8} class="lane" />
        {layout.breaks.map((br, i) => (
          <g key={`b${i}`} class="ladder-break">
            <line x1={layout.laneA - 16} y1={br.y} x2={layout.laneB + 16} y2={br.y} />
            <text x={(layout.laneA + layout.laneB) / 2} y={br.y - 3} text-anchor="middle">
              {t('tcp.ladder.later', { time: formatClock(br.ns) })}
            </text>
          </g>
        ))}
        {layout.ticks.map((tick) => (
          <text key={`t${tick.y}`} x={4} y={tick.y + 4} class="ladder-time">
            {formatClock(tick.time)}
          </text>
        ))}
        {layout.arrows.map((arrow, i) => {
          const mx = (arrow.x1 + arrow.x2) / 2;
          const my = (arrow.y1 + arrow.y2) / 2;
          const angle = (Math.atan2(arrow.y2 - arrow.y1, arrow.x2 - arrow.x1) * 180) / Math.PI;
          const upright = angle > 90 || angle < -90 ? angle + 180 : angle;
          return (
            <g
              key={arrow.number}
              class={`ladder-seg seg-${arrow.kind}${arrow.lost ? ' lost' : ''}`}
              data-testid={`ladder-seg-${i}`}
              data-number={arrow.number}
              data-label={arrow.label}
              data-dir={arrow.dir}
              role="button"
              tabIndex={0}
              aria-label={`${arrow.label}${arrow.lost ? ` (${t('tcp.ladder.lost')})` : ''}`}
              onClick={() => onInspectPacket(arrow.number)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onInspectPacket(arrow.number);
                }
              }}
            >
              <line x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} class="hit" />
              <line x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} marker-end={arrow.lost ? undefined : 'url(#ladder-arrow)'} />
              {arrow.lost && (
                <text x={arrow.x2} y={arrow.y2 + 4} text-anchor="middle" class="lost-mark">
                  ✕
                </text>
              )}
              <text x={mx} y={my - 4} text-anchor="middle" transform={`rotate(${upright.toFixed(1)} ${mx} ${my})`} class="seg-label">
                {arrow.label}
              </text>
            </g>
          );
        })}
      </svg>
      {(segments.length > ARROWS_MAX || (rows.status === 'loaded' && rows.truncated)) && (
        <p class="status">{t('tcp.ladder.more', { n: ARROWS_MAX })}</p>
      )}
    </div>
  );
}
