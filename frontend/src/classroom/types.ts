// Shapes of the classroom API's JSON (backend/server dev.packetlab.server.classroom; docs/classroom.md).
import type { LocalizedText } from '../api/types';

/** One step of the class lab, numbered from 1. */
export interface StepInfo {
  step: number;
  text: LocalizedText;
  checked: boolean;
}

/** `passed`; `failed` once passed and no longer (a `not` check); `pending` before it ever passed. */
export type StepState = 'passed' | 'failed' | 'pending';

/** A student's standing on one step with a check. */
export interface StepStatus {
  step: number;
  status: StepState;
  why: string;
  /** `why` in Korean; empty for a verdict stored before the server explained in Korean too. */
  whyKo?: string;
  passedAt: string | null;
  /** Lines typed while this was the student's current step. */
  attempts: number;
}

/** One student on the dashboard. */
export interface StudentRow {
  id: string;
  name: string;
  /** The first step with a check not passed yet, from 1; null once all pass. */
  currentStep: number | null;
  lastActivity: string | null;
  online: boolean;
  steps: StepStatus[];
  /** When the row last changed on the server, ms since the epoch. */
  changedAt: number;
}

/** "18 of 24 passed step 3". */
export interface StepSummary {
  step: number;
  passed: number;
  of: number;
}

export interface ClassState {
  locked: boolean;
  presenting: boolean;
  ended: boolean;
}

/** What `POST /api/classes` answers; `teacherToken` is shown only this once. */
export interface ClassCreated {
  id: string;
  joinCode: string;
  teacherToken: string;
  teacherInstance: string;
  title: LocalizedText;
}

/** `GET /api/classes/{id}`, the teacher's dashboard. */
export interface Dashboard extends ClassState {
  id: string;
  joinCode: string;
  title: LocalizedText;
  lab: string | null;
  fileName: string;
  steps: StepInfo[];
  endedAt: string | null;
  teacherInstance: string | null;
  students: StudentRow[];
  summary: StepSummary[];
}

/** What `POST /api/classes/join` answers; `studentToken` is shown only this once. */
export interface Joined {
  classId: string;
  member: string;
  name: string;
  studentToken: string;
  instance: string;
}

/** `GET /api/classes/{id}/me`, a student's view of the class. */
export interface Me extends ClassState {
  classId: string;
  joinCode: string;
  member: string;
  name: string;
  title: LocalizedText;
  steps: StepInfo[];
  /** Their lab instance, null once the class ended. */
  instance: string | null;
  progress: StepStatus[];
}

/** What the class channels send (`/ws/classes/{id}/dashboard`, `/ws/classes/{id}/student`). */
export type ClassMessage =
  | { type: 'hello'; role: 'teacher' | 'student' }
  | { type: 'dashboard'; dashboard: Dashboard }
  | { type: 'students'; students: StudentRow[]; summary: StepSummary[]; sentAt: number }
  | { type: 'me'; me: Me }
  | { type: 'progress'; progress: StepStatus[] }
  | { type: 'class'; state: ClassState }
  | { type: 'instance'; instance: string }
  | { type: 'error'; message: string };
