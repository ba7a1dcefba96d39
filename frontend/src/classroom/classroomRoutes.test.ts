import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../router';
import { isClassroomRoute, showsLab } from './LazyClassroom';

describe('classroom routes', () => {
  it('reads the classroom pages from the path', () => {
    expect(parseRoute('/classes/new')).toEqual({ name: 'class-new' });
    expect(parseRoute('/join')).toEqual({ name: 'join', code: null });
    expect(parseRoute('/join/K7P2QX')).toEqual({ name: 'join', code: 'K7P2QX' });
    expect(parseRoute('/teach/9pYkLr0zQxW3m2fJ5d8sAg')).toEqual({ name: 'teach', classId: '9pYkLr0zQxW3m2fJ5d8sAg' });
    expect(parseRoute('/class/9pYkLr0zQxW3m2fJ5d8sAg/')).toEqual({ name: 'class', classId: '9pYkLr0zQxW3m2fJ5d8sAg' });
  });

  it('writes each one back as its path', () => {
    for (const path of ['/classes/new', '/join', '/join/K7P2QX', '/teach/abc', '/class/abc']) {
      expect(routePath(parseRoute(path))).toBe(path);
    }
  });

  it('knows which pages hold a lab and take the whole window', () => {
    expect(isClassroomRoute(parseRoute('/join'))).toBe(true);
    expect(isClassroomRoute(parseRoute('/labs/abc'))).toBe(false);
    expect(showsLab(parseRoute('/teach/abc'))).toBe(true);
    expect(showsLab(parseRoute('/join'))).toBe(false);
  });
});
