import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { useLab } from '../lab/LabContext';
import { simulatedTimeAt } from '../store/labState';
import { useLabState } from '../store/useStore';
import { DEFAULT_SPEED, describeSpeed, formatClock, nearestSpeed, SPEEDS } from './clock';

/** Play/pause, step, next frame, run until idle, speed, skip idle, and the simulated clock. */
export function TimelineControls() {
  const { t } = useI18n();
  const { store, actions, watching } = useLab();
  const run = useLabState(store, (s) => s.run);
  // a lab only watched (no token for it here) cannot be run or sent back in time from this browser
  const connected = useLabState(store, (s) => s.connection === 'open') && !watching;

  const playing = run?.mode === 'PLAYING' || run?.mode === 'RUNNING';
  // Protocol 1's PAUSE takes no speed: while paused, a new speed or skip-idle choice waits here for Play.
  const [speed, setSpeed] = useState(DEFAULT_SPEED);
  const [skipIdle, setSkipIdle] = useState(true);
  const serverSpeed = run ? nearestSpeed(run.speed) : null;
  const serverSkipIdle = run?.skipIdle;
  useEffect(() => {
    if (serverSpeed !== null) setSpeed(serverSpeed);
  }, [serverSpeed]);
  useEffect(() => {
    if (serverSkipIdle !== undefined) setSkipIdle(serverSkipIdle);
  }, [serverSkipIdle]);

  const speedLabel = (s: number) => {
    const d = describeSpeed(s);
    return d.kind === 'real' ? t('speed.real') : t(d.kind === 'slower' ? 'speed.slower' : 'speed.faster', { n: d.factor.toLocaleString() });
  };

  return (
    <div class="timeline" role="toolbar" aria-label={t('timeline.label')} data-testid="timeline">
      <button
        type="button"
        class="tool primary"
        data-testid="timeline-play"
        aria-pressed={playing}
        disabled={!connected}
        onClick={() =>
          playing ? actions.control({ action: 'pause' }) : actions.control({ action: 'play', speed, skipIdle })
        }
      >
        <span aria-hidden="true" class="tool-icon">
          {playing ? '❚❚' : '▶'}
        </span>
        <span data-testid="timeline-play-label">{playing ? t('timeline.pause') : t('timeline.play')}</span>
      </button>
      <button
        type="button"
        class="tool"
        data-testid="timeline-step"
        title={t('timeline.step.hint')}
        disabled={!connected}
        onClick={() => actions.control({ action: 'step' })}
      >
        {t('timeline.step')}
      </button>
      <button
        type="button"
        class="tool"
        data-testid="timeline-step-frame"
        title={t('timeline.stepFrame.hint')}
        disabled={!connected}
        onClick={() => actions.control({ action: 'step-frame' })}
      >
        {t('timeline.stepFrame')}
      </button>
      <button
        type="button"
        class="tool"
        data-testid="timeline-run-until-idle"
        title={t('timeline.runUntilIdle.hint')}
        disabled={!connected}
        onClick={() => actions.control({ action: 'run-until-idle' })}
      >
        {t('timeline.runUntilIdle')}
      </button>
      <label class="tool-field">
        <span>{t('timeline.speed')}</span>
        <select
          data-testid="timeline-speed"
          value={String(speed)}
          disabled={!connected}
          onChange={(e) => {
            const next = Number(e.currentTarget.value);
            setSpeed(next);
            if (playing) actions.control({ action: 'play', speed: next, skipIdle });
          }}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)} data-testid={`timeline-speed-${s}`}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label class="tool-field toggle" title={t('timeline.skipIdle.hint')}>
        <input
          type="checkbox"
          data-testid="timeline-skip-idle"
          checked={skipIdle}
          disabled={!connected}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setSkipIdle(next);
            if (playing) actions.control({ action: 'play', speed, skipIdle: next });
          }}
        />
        <span>{t('timeline.skipIdle')}</span>
      </label>
      <SimulatedClock />
    </div>
  );
}

/** The simulated time, advanced every animation frame while playing (the server ticks ~30 times a second). */
function SimulatedClock() {
  const { t } = useI18n();
  const { store } = useLab();
  const run = useLabState(store, (s) => s.run);
  const timeRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    let frame = 0;
    const draw = () => {
      const el = timeRef.current;
      if (el) {
        const ns = Math.floor(simulatedTimeAt(store.getState(), performance.now()));
        el.textContent = formatClock(ns);
        el.dataset.ns = String(ns);
      }
      frame = requestAnimationFrame(draw);
    };
    draw();
    return () => cancelAnimationFrame(frame);
  }, [store]);

  return (
    <div class="clock" data-testid="timeline-clock">
      <span class="clock-label">{t('timeline.time')}</span>
      <span class="clock-time" ref={timeRef} data-testid="timeline-time" aria-live="off" />
      <span class={`mode mode-${run?.mode ?? 'PAUSED'}`} data-testid="timeline-mode" data-mode={run?.mode ?? ''}>
        {t(`mode.${run?.mode ?? 'PAUSED'}`)}
      </span>
      {run?.mode === 'PAUSED' && (
        <span class="events" data-testid="timeline-events" data-events={run.events}>
          {t('timeline.events', { n: run.events.toLocaleString() })}
        </span>
      )}
      {run?.behind && (
        <span class="behind" role="status" data-testid="timeline-behind">
          {t('timeline.behind')}
        </span>
      )}
    </div>
  );
}
