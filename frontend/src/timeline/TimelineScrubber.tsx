import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { isMessageKey } from '../i18n/messages';
import { useLab } from '../lab/LabContext';
import { simulatedTimeAt, type TimelineMark } from '../store/labState';
import { useLabState } from '../store/useStore';
import { bucketMarks, formatClock, parseTime } from './clock';

/** Keyboard seeks wait this long (wall-clock ms) for the next key, so holding an arrow rebuilds the lab once. */
const KEY_SEEK_DELAY = 350;

/**
 * The timeline under the run controls: from 0 to the latest moment this page saw, with a marker where a frame was
 * dropped or a step's check gave its verdict. A click (or the arrow keys, Home, End) goes back to that moment: the
 * server rebuilds the lab and replays it up to there, and what came later stays recorded and plays on as the
 * clock runs. "Go to" takes a time typed as 1.5s, 20ms or 300us.
 */
export function TimelineScrubber() {
  const { t } = useI18n();
  const { store, actions, watching } = useLab();
  const horizon = useLabState(store, (s) => s.horizon);
  const marks = useLabState(store, (s) => s.marks);
  const replay = useLabState(store, (s) => s.run?.replay ?? 0);
  // a lab only watched (no token for it here) cannot be run or sent back in time from this browser
  const connected = useLabState(store, (s) => s.connection === 'open') && !watching;
  const track = useRef<HTMLDivElement>(null);
  const fill = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const [goto, setGoto] = useState('');
  const [gotoProblem, setGotoProblem] = useState(false);
  const keyTimer = useRef(0);
  const groups = useMemo(() => bucketMarks(marks, horizon), [marks, horizon]);

  // the current moment, every animation frame
  useEffect(() => {
    let frame = 0;
    const draw = () => {
      const el = fill.current;
      const bar = track.current;
      if (el && bar) {
        const s = store.getState();
        const now = simulatedTimeAt(s, performance.now());
        const end = Math.max(s.horizon, now);
        const at = end > 0 ? Math.min(1, now / end) : 0;
        el.style.width = `${(at * 100).toFixed(2)}%`;
        bar.setAttribute('aria-valuenow', String(Math.floor(now)));
        bar.setAttribute('aria-valuetext', formatClock(now));
      }
      frame = requestAnimationFrame(draw);
    };
    draw();
    return () => cancelAnimationFrame(frame);
  }, [store]);

  useEffect(() => () => clearTimeout(keyTimer.current), []);

  const seek = (time: number) => {
    const target = Math.max(0, Math.round(time));
    setPending(null);
    actions.control({ action: 'seek', time: target });
  };

  const timeAt = (clientX: number) => {
    const r = track.current!.getBoundingClientRect();
    const f = r.width > 0 ? Math.min(1, Math.max(0, (clientX - r.left) / r.width)) : 0;
    return f * horizon;
  };

  const keySeek = (time: number) => {
    const target = Math.min(horizon, Math.max(0, time));
    setPending(target);
    clearTimeout(keyTimer.current);
    keyTimer.current = window.setTimeout(() => seek(target), KEY_SEEK_DELAY);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const now = pending ?? simulatedTimeAt(store.getState(), performance.now());
    const step = horizon / 100;
    const keys: Record<string, number> = {
      ArrowLeft: now - step,
      ArrowDown: now - step,
      ArrowRight: now + step,
      ArrowUp: now + step,
      PageDown: now - step * 10,
      PageUp: now + step * 10,
      Home: 0,
      End: horizon,
    };
    if (e.key in keys) {
      e.preventDefault();
      keySeek(keys[e.key]!);
    }
  };

  const disabled = !connected || horizon <= 0;
  const markText = (m: TimelineMark) => {
    if (m.kind === 'drop') {
      const key = `drop.${m.what}`;
      return t('timeline.marker.drop', { node: m.node ?? '', time: formatClock(m.time), reason: isMessageKey(key) ? t(key) : m.what });
    }
    return t(m.passed ? 'timeline.marker.check.passed' : 'timeline.marker.check.failed', { step: m.what, time: formatClock(m.time) });
  };

  return (
    <div class="scrubber" data-testid="timeline-scrubber">
      <div
        class={disabled ? 'scrub-track disabled' : 'scrub-track'}
        ref={track}
        role="slider"
        tabIndex={disabled ? -1 : 0}
        aria-label={t('timeline.scrub')}
        aria-valuemin={0}
        aria-valuemax={Math.floor(horizon)}
        aria-disabled={disabled}
        data-testid="timeline-scrub"
        data-horizon={Math.floor(horizon)}
        onPointerMove={(e) => !disabled && setHover(timeAt(e.clientX))}
        onPointerLeave={() => setHover(null)}
        onClick={(e) => {
          if (disabled || (e.target as HTMLElement).closest('.scrub-mark')) return;
          seek(timeAt(e.clientX));
        }}
        onKeyDown={onKeyDown}
      >
        <div class="scrub-fill" ref={fill} />
        {pending !== null && horizon > 0 && <div class="scrub-pending" style={{ left: `${(pending / horizon) * 100}%` }} />}
        {groups.map((g) => (
          <button
            key={`${g.kind}-${g.bucket}`}
            type="button"
            class={`scrub-mark mark-${g.kind}${g.kind === 'check' ? (g.first.passed ? ' passed' : ' failed') : ''}`}
            style={{ left: `${(g.at * 100).toFixed(2)}%` }}
            data-testid={`timeline-mark-${g.kind}-${g.bucket}`}
            data-time={g.first.time}
            data-count={g.count}
            tabIndex={-1}
            title={markText(g.first) + (g.count > 1 ? ` (×${g.count})` : '')}
            aria-label={markText(g.first)}
            onClick={() => !disabled && seek(g.first.time)}
          />
        ))}
        {hover !== null && (
          <span class="scrub-hover" style={{ left: `${(hover / Math.max(1, horizon)) * 100}%` }} aria-hidden="true">
            {formatClock(hover)}
          </span>
        )}
      </div>
      <span class="scrub-end" data-testid="timeline-horizon">
        {t('timeline.horizon', { time: formatClock(horizon) })}
      </span>
      <form
        class="goto"
        onSubmit={(e) => {
          e.preventDefault();
          const time = parseTime(goto);
          setGotoProblem(time === null);
          if (time !== null) seek(time);
        }}
      >
        <input
          type="text"
          value={goto}
          size={7}
          placeholder="1.5ms"
          aria-label={t('timeline.goto.label')}
          title={t('timeline.goto.label')}
          aria-invalid={gotoProblem}
          data-testid="timeline-goto"
          disabled={!connected}
          onInput={(e) => {
            setGoto(e.currentTarget.value);
            setGotoProblem(false);
          }}
        />
        <button type="submit" class="tool small" data-testid="timeline-goto-go" disabled={!connected}>
          {t('timeline.goto')}
        </button>
        {gotoProblem && (
          <span class="goto-problem" role="alert" data-testid="timeline-goto-problem">
            {t('timeline.goto.invalid')}
          </span>
        )}
      </form>
      {replay > 0 && (
        <p class="replay-note" role="status" data-testid="timeline-replay">
          {t('timeline.replay', { n: replay })}
        </p>
      )}
    </div>
  );
}
