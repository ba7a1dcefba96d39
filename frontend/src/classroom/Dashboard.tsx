import { useEffect, useState } from 'preact/hooks';
import { useClassText } from './messages';
import { checkWhy } from '../i18n/serverText';
import { ago, summaryOf } from './classState';
import type { Dashboard as DashboardData, StepStatus, StudentRow } from './types';

const MARK = { passed: '✓', failed: '✗', pending: '·' } as const;

/**
 * The students of a class, one row each: where they are (the first step with a check they have not passed), each
 * checked step's verdict as it happens, when they last typed, and the class-wide count per step at the foot.
 */
export function Dashboard(props: {
  dashboard: DashboardData;
  joinUrl: string;
  onSpectate: (student: StudentRow) => void;
  onReset: (student: StudentRow) => void;
}) {
  const { pick, tc } = useClassText();
  const d = props.dashboard;
  const checked = d.steps.filter((s) => s.checked);
  const now = useNow(5000);

  if (d.students.length === 0) {
    return (
      <p class="status class-empty" data-testid="class-students-empty">
        {tc('class.students.empty', { url: props.joinUrl, code: d.joinCode })}
      </p>
    );
  }

  return (
    <div class="class-table-wrap">
      <table class="class-table" data-testid="class-students">
        <thead>
          <tr>
            <th scope="col">{tc('class.col.name')}</th>
            <th scope="col">{tc('class.col.current')}</th>
            {checked.map((s) => (
              <th key={s.step} scope="col" title={pick(s.text)} data-testid={`class-step-head-${s.step}`}>
                {tc('class.col.step', { n: s.step })}
              </th>
            ))}
            <th scope="col">{tc('class.col.activity')}</th>
            <th scope="col">
              <span class="sr-only">{tc('class.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {d.students.map((s) => (
            <tr key={s.id} data-testid={`class-student-${s.id}`} data-name={s.name}>
              <th scope="row" class="class-student-name">
                <span
                  class={s.online ? 'class-dot online' : 'class-dot'}
                  title={tc(s.online ? 'class.online' : 'class.offline')}
                  data-testid={`class-student-online-${s.id}`}
                  data-online={s.online ? 'true' : 'false'}
                />
                <span data-testid={`class-student-name-${s.id}`}>{s.name}</span>
              </th>
              <td data-testid={`class-student-step-${s.id}`} data-step={s.currentStep ?? 'done'}>
                {s.currentStep === null ? tc('class.current.done') : tc('class.current.step', { n: s.currentStep })}
              </td>
              {checked.map((step) => (
                <Cell key={step.step} student={s} step={step.step} status={s.steps.find((x) => x.step === step.step)} />
              ))}
              <td data-testid={`class-student-activity-${s.id}`}>{activity(tc, s.lastActivity, now)}</td>
              <td class="class-actions">
                <button
                  type="button"
                  class="tool small"
                  data-testid={`class-spectate-${s.id}`}
                  aria-label={tc('class.spectate.aria', { name: s.name })}
                  disabled={d.ended}
                  onClick={() => props.onSpectate(s)}
                >
                  {tc('class.spectate')}
                </button>
                <button
                  type="button"
                  class="tool small"
                  data-testid={`class-reset-${s.id}`}
                  aria-label={tc('class.reset.aria', { name: s.name })}
                  disabled={d.ended}
                  onClick={() => props.onReset(s)}
                >
                  {tc('class.reset')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{tc('class.summary.label')}</th>
            <td />
            {checked.map((step) => {
              const sum = summaryOf(d, step.step);
              return (
                <td
                  key={step.step}
                  data-testid={`class-summary-${step.step}`}
                  data-passed={sum?.passed ?? 0}
                  data-of={sum?.of ?? 0}
                  aria-label={tc('class.summary.aria', { passed: sum?.passed ?? 0, of: sum?.of ?? 0, n: step.step })}
                >
                  {tc('class.summary', { passed: sum?.passed ?? 0, of: sum?.of ?? 0 })}
                </td>
              );
            })}
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Cell({ student, step, status }: { student: StudentRow; step: number; status: StepStatus | undefined }) {
  const { tc, lang } = useClassText();
  const state = status?.status ?? 'pending';
  return (
    <td
      class={`class-cell class-cell-${state}`}
      data-testid={`class-cell-${student.id}-${step}`}
      data-status={state}
      data-attempts={status?.attempts ?? 0}
      title={tc('class.cell.title', {
        status: tc(`class.status.${state}`),
        n: status?.attempts ?? 0,
        why: (status && checkWhy(lang, status)) ?? '',
      })}
    >
      <span aria-hidden="true">{MARK[state]}</span>
      <span class="sr-only">{tc(`class.status.${state}`)}</span>
    </td>
  );
}

function activity(tc: ReturnType<typeof useClassText>['tc'], iso: string | null, now: number): string {
  const a = ago(iso, now);
  return a ? tc(`class.activity.${a.unit}`, { n: a.n }) : tc('class.activity.never');
}

/** The time now, again every `ms`, so "12 s ago" moves on by itself. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
