import { beforeEach, describe, expect, it } from 'vitest';
import {
  forgetMembership,
  membershipOf,
  rememberMembership,
  rememberTeacher,
  teacherLink,
  teacherToken,
  tokenFromHash,
} from './memberships';

beforeEach(() => localStorage.clear());

const KIM = { classId: 'c1', joinCode: 'K7P2QX', member: 'm1', name: 'Kim', token: 'tok-kim' };

describe('memberships', () => {
  it('finds a class joined before by its id or by its code typed in any case', () => {
    rememberMembership(localStorage, KIM);

    expect(membershipOf(localStorage, { classId: 'c1' })).toEqual(KIM);
    expect(membershipOf(localStorage, { joinCode: 'k7p-2qx' })).toEqual(KIM);
    expect(membershipOf(localStorage, { joinCode: 'ZZZZZZ' })).toBeNull();
  });

  it('keeps one membership per class, the newest', () => {
    rememberMembership(localStorage, KIM);
    rememberMembership(localStorage, { ...KIM, member: 'm2', name: 'Lee', token: 'tok-lee' });

    expect(membershipOf(localStorage, { classId: 'c1' })!.name).toBe('Lee');
  });

  it('forgets a class', () => {
    rememberMembership(localStorage, KIM);
    forgetMembership(localStorage, 'c1');

    expect(membershipOf(localStorage, { classId: 'c1' })).toBeNull();
  });

  it('reads nothing from a damaged store', () => {
    localStorage.setItem('packetlab.class.memberships', '{not json');

    expect(membershipOf(localStorage, { classId: 'c1' })).toBeNull();
  });
});

describe('the teacher link', () => {
  it('carries the token after #, which no request sends to the server', () => {
    const link = teacherLink('https://lab.example', 'c1', 'secret_T0ken-x');

    expect(link).toBe('https://lab.example/teach/c1#t=secret_T0ken-x');
    expect(tokenFromHash(new URL(link).hash)).toBe('secret_T0ken-x');
    expect(tokenFromHash('')).toBeNull();
  });

  it('is remembered per class', () => {
    rememberTeacher(localStorage, 'c1', 'tok');

    expect(teacherToken(localStorage, 'c1')).toBe('tok');
    expect(teacherToken(localStorage, 'c2')).toBeNull();
  });
});
