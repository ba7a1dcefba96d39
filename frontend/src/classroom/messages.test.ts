import { describe, expect, it } from 'vitest';
import { classroomEn, classroomKo, classText } from './messages';

describe('classroom strings', () => {
  it('every one is in both languages, none empty', () => {
    expect(Object.keys(classroomKo).sort()).toEqual(Object.keys(classroomEn).sort());
    for (const text of [...Object.values(classroomEn), ...Object.values(classroomKo)]) expect(text).not.toBe('');
  });

  it('fills placeholders in the chosen language', () => {
    expect(classText('en', 'class.summary', { passed: 18, of: 24 })).toBe('18 of 24');
    expect(classText('ko', 'class.summary', { passed: 18, of: 24 })).toBe('24명 중 18명');
  });

  it('keeps the same placeholders in both languages', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(classroomEn) as (keyof typeof classroomEn)[]) {
      expect(names(classroomKo[key]), key).toEqual(names(classroomEn[key]));
    }
  });
});
