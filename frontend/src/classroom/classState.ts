import type { ClassMessage, Dashboard, Me, StepStatus, StudentRow } from './types';

/**
 * The teacher's dashboard after a message: the whole of it (`dashboard`), changed rows (`students`, a new student's
 * row added in the order rows come) with the class-wide summary, or the teacher's switches (`class`).
 */
export function applyToDashboard(d: Dashboard | null, m: ClassMessage): Dashboard | null {
  switch (m.type) {
    case 'dashboard':
      return m.dashboard;
    case 'students': {
      if (!d) return d;
      const byId = new Map(m.students.map((s) => [s.id, s]));
      const students: StudentRow[] = d.students.map((s) => byId.get(s.id) ?? s);
      for (const s of m.students) if (!d.students.some((x) => x.id === s.id)) students.push(s);
      return { ...d, students, summary: m.summary };
    }
    case 'class':
      return d && { ...d, ...m.state, teacherInstance: m.state.ended ? null : d.teacherInstance };
    default:
      return d;
  }
}

/** A student's view after a message: the whole of it (`me`), their verdicts, the class's switches or a new lab. */
export function applyToMe(me: Me | null, m: ClassMessage): Me | null {
  switch (m.type) {
    case 'me':
      return m.me;
    case 'progress':
      return me && { ...me, progress: m.progress };
    case 'class':
      return me && { ...me, ...m.state, instance: m.state.ended ? null : me.instance };
    case 'instance':
      return me && { ...me, instance: m.instance, progress: me.progress.map(pending) };
    default:
      return me;
  }
}

function pending(s: StepStatus): StepStatus {
  return { ...s, status: 'pending', passedAt: null, attempts: 0 };
}

/** "18 of 24": the summary of one step, or null for a step without a check. */
export function summaryOf(d: Dashboard, step: number): { passed: number; of: number } | null {
  return d.summary.find((s) => s.step === step) ?? null;
}

/** How long ago `iso` was, rounded for a glance: seconds under a minute, then minutes, then hours. */
export function ago(iso: string | null, now: number): { unit: 's' | 'm' | 'h'; n: number } | null {
  if (!iso) return null;
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return { unit: 's', n: seconds };
  if (seconds < 3600) return { unit: 'm', n: Math.floor(seconds / 60) };
  return { unit: 'h', n: Math.floor(seconds / 3600) };
}
