import { describe, expect, it } from 'vitest';
import { ago, applyToDashboard, applyToMe } from './classState';
import type { Dashboard, Me, StudentRow } from './types';

const row = (id: string, name: string, current: number | null): StudentRow => ({
  id,
  name,
  currentStep: current,
  lastActivity: null,
  online: false,
  steps: [{ step: 1, status: current === 1 ? 'pending' : 'passed', why: '', passedAt: null, attempts: 0 }],
  changedAt: 0,
});

const DASHBOARD: Dashboard = {
  id: 'c1',
  joinCode: 'K7P2QX',
  title: { en: 'Two hosts on a switch', ko: '스위치에 연결된 두 호스트' },
  lab: 'switch-basics',
  fileName: 'labs/switch-basics.yaml',
  steps: [{ step: 1, text: { en: 'Run arp -n', ko: 'arp -n 실행' }, checked: true }],
  locked: false,
  presenting: false,
  ended: false,
  endedAt: null,
  teacherInstance: 't1',
  students: [row('kim', 'Kim', 1), row('lee', 'Lee', 1)],
  summary: [{ step: 1, passed: 0, of: 2 }],
};

describe('the dashboard', () => {
  it('replaces the rows that changed in place and takes the new summary', () => {
    const next = applyToDashboard(DASHBOARD, {
      type: 'students',
      students: [row('lee', 'Lee', null)],
      summary: [{ step: 1, passed: 1, of: 2 }],
      sentAt: 1,
    });

    expect(next!.students.map((s) => [s.name, s.currentStep])).toEqual([
      ['Kim', 1],
      ['Lee', null],
    ]);
    expect(next!.summary).toEqual([{ step: 1, passed: 1, of: 2 }]);
  });

  it('adds the row of a student who just joined at the end', () => {
    const next = applyToDashboard(DASHBOARD, {
      type: 'students',
      students: [row('park', 'Park', 1)],
      summary: [{ step: 1, passed: 0, of: 3 }],
      sentAt: 1,
    });

    expect(next!.students.map((s) => s.name)).toEqual(['Kim', 'Lee', 'Park']);
  });

  it('takes the teacher’s switches, and loses the teacher’s lab when the class ends', () => {
    const next = applyToDashboard(DASHBOARD, { type: 'class', state: { locked: true, presenting: false, ended: true } });

    expect([next!.locked, next!.ended, next!.teacherInstance]).toEqual([true, true, null]);
  });

  it('is whole again after a reconnection', () => {
    expect(applyToDashboard(null, { type: 'dashboard', dashboard: DASHBOARD })).toBe(DASHBOARD);
  });
});

describe('a student’s view', () => {
  const me: Me = {
    classId: 'c1',
    joinCode: 'K7P2QX',
    member: 'kim',
    name: 'Kim',
    title: DASHBOARD.title,
    steps: DASHBOARD.steps,
    locked: false,
    presenting: false,
    ended: false,
    instance: 'i1',
    progress: [{ step: 1, status: 'passed', why: 'seen', passedAt: '2026-03-02T09:00:00Z', attempts: 2 }],
  };

  it('follows the teacher presenting', () => {
    expect(applyToMe(me, { type: 'class', state: { locked: false, presenting: true, ended: false } })!.presenting).toBe(true);
  });

  it('moves to the new lab of a reset, with every step pending again', () => {
    const next = applyToMe(me, { type: 'instance', instance: 'i2' })!;

    expect(next.instance).toBe('i2');
    expect(next.progress).toEqual([{ step: 1, status: 'pending', why: 'seen', passedAt: null, attempts: 0 }]);
  });

  it('has no lab once the class ended', () => {
    expect(applyToMe(me, { type: 'class', state: { locked: false, presenting: false, ended: true } })!.instance).toBeNull();
  });
});

describe('ago', () => {
  const now = Date.parse('2026-03-02T09:10:00Z');

  it('says seconds under a minute, minutes under an hour, then hours', () => {
    expect(ago('2026-03-02T09:09:48Z', now)).toEqual({ unit: 's', n: 12 });
    expect(ago('2026-03-02T09:05:00Z', now)).toEqual({ unit: 'm', n: 5 });
    expect(ago('2026-03-02T07:00:00Z', now)).toEqual({ unit: 'h', n: 2 });
    expect(ago(null, now)).toBeNull();
  });
});
