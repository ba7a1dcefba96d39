// What this browser remembers of its classes, in localStorage: no accounts, so the token is the role. A teacher's
// token comes from the teacher link; a student's from joining, and it is how the same browser resumes its lab.

const TEACHER_PREFIX = 'packetlab.class.teacher.';
const STUDENTS = 'packetlab.class.memberships';

/** A class this browser joined as a student. */
export interface Membership {
  classId: string;
  joinCode: string;
  member: string;
  name: string;
  token: string;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function teacherToken(storage: Storage | null, classId: string): string | null {
  return storage?.getItem(TEACHER_PREFIX + classId) ?? null;
}

export function rememberTeacher(storage: Storage | null, classId: string, token: string): void {
  storage?.setItem(TEACHER_PREFIX + classId, token);
}

export function memberships(storage: Storage | null): Membership[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STUDENTS) ?? '[]');
    return Array.isArray(parsed) ? (parsed as Membership[]).filter((m) => m && typeof m.token === 'string') : [];
  } catch {
    return [];
  }
}

/** The membership of a class, by its id or its join code (as typed, in any case). */
export function membershipOf(storage: Storage | null, key: { classId?: string; joinCode?: string }): Membership | null {
  const code = key.joinCode ? normalizeCode(key.joinCode) : null;
  return (
    memberships(storage).find((m) => (key.classId && m.classId === key.classId) || (code && m.joinCode === code)) ??
    null
  );
}

/** Remembers a membership; one per class, the newest wins. */
export function rememberMembership(storage: Storage | null, m: Membership): void {
  const rest = memberships(storage).filter((x) => x.classId !== m.classId);
  storage?.setItem(STUDENTS, JSON.stringify([m, ...rest].slice(0, 20)));
}

export function forgetMembership(storage: Storage | null, classId: string): void {
  storage?.setItem(STUDENTS, JSON.stringify(memberships(storage).filter((x) => x.classId !== classId)));
}

/** A join code as the server stores it: upper case, without spaces or dashes. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * The teacher link's token (`/teach/{id}#t=TOKEN`), or null. The page takes it out of the address bar once read:
 * a teacher shows the dashboard on a projector, and the address bar must not give the class the teacher's role.
 */
export function tokenFromHash(hash: string): string | null {
  const match = /(?:^#|&)t=([A-Za-z0-9_-]+)/.exec(hash);
  return match ? match[1]! : null;
}

export function teacherLink(origin: string, classId: string, token: string): string {
  return `${origin}/teach/${encodeURIComponent(classId)}#t=${token}`;
}
