import { useI18n } from '../i18n/i18n';
import { causeText } from '../i18n/serverText';
import type { SocketTransition } from '../store/labState';
import { formatClock } from '../timeline/clock';
import {
  DIAGRAM_SIZE,
  STATE_BOX,
  STATE_POSITIONS,
  TCP_STATES,
  TCP_TRANSITIONS,
  transitionId,
  transitionPath,
} from './tcpStates';

/**
 * RFC 9293's state diagram with one socket on it: its current state filled, the arrow it last took drawn bold,
 * and that change written out with its cause, in the UI's language (from the server's cause code).
 */
export function TcpStateDiagram({ state, transitions }: { state: string; transitions: readonly SocketTransition[] }) {
  const { t, lang } = useI18n();
  const last = transitions[transitions.length - 1] ?? null;
  const lastId = last ? transitionId(last.from, last.to) : null;
  return (
    <div class="tcp-state" data-testid="tcp-state-diagram" data-state={state}>
      <p class="tcp-last" data-testid="tcp-last-transition" aria-live="polite">
        {last
          ? t('tcp.last', { from: last.from, to: last.to, time: formatClock(last.time), cause: causeText(lang, last) })
          : t('tcp.last.none', { state })}
      </p>
      <svg
        class="tcp-state-svg"
        viewBox={`0 0 ${DIAGRAM_SIZE.width} ${DIAGRAM_SIZE.height}`}
        role="img"
        aria-label={t('tcp.diagram.aria', { state })}
      >
        <defs>
          <marker id="tcp-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" class="tcp-arrowhead" />
          </marker>
          <marker id="tcp-arrow-last" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" class="tcp-arrowhead last" />
          </marker>
        </defs>
        {TCP_TRANSITIONS.map((tr) => {
          const id = transitionId(tr.from, tr.to);
          const isLast = id === lastId;
          const { d, labelAt, anchor } = transitionPath(tr);
          return (
            <g key={id} class={isLast ? 'tcp-edge last' : 'tcp-edge'} data-testid={`tcp-edge-${id}`} data-last={isLast ? 'true' : 'false'}>
              <path d={d} fill="none" marker-end={isLast ? 'url(#tcp-arrow-last)' : 'url(#tcp-arrow)'} />
              <text x={labelAt.x} y={labelAt.y} text-anchor={anchor} dominant-baseline="middle">
                {tr.label}
              </text>
            </g>
          );
        })}
        {TCP_STATES.map((name) => {
          const p = STATE_POSITIONS[name];
          const current = name === state;
          return (
            <g
              key={name}
              class={current ? 'tcp-node current' : 'tcp-node'}
              data-testid={`tcp-state-${name}`}
              data-current={current ? 'true' : 'false'}
              aria-current={current ? 'step' : undefined}
            >
              <rect
                x={p.x - STATE_BOX.width / 2}
                y={p.y - STATE_BOX.height / 2}
                width={STATE_BOX.width}
                height={STATE_BOX.height}
                rx="8"
              />
              <text x={p.x} y={p.y} text-anchor="middle" dominant-baseline="central">
                {name}
              </text>
            </g>
          );
        })}
      </svg>
      {transitions.length > 0 && (
        <ol class="tcp-transitions" data-testid="tcp-transitions" aria-label={t('tcp.transitions')}>
          {transitions.map((x, i) => (
            <li key={i} data-testid={`tcp-transition-${i}`}>
              <span class="c-time">{formatClock(x.time)}</span> {x.from} → <strong>{x.to}</strong> <span class="cause">{causeText(lang, x)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
