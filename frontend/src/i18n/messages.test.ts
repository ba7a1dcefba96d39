import { describe, expect, it } from 'vitest';
import { initialLang } from './i18n';
import { LANGUAGES, MESSAGES, translate } from './messages';

describe('messages', () => {
  it('every language has every key, none of them empty', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const lang of LANGUAGES) {
      expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
      for (const key of keys) expect(MESSAGES[lang][key as keyof typeof MESSAGES.en]).not.toBe('');
    }
  });

  it('translate fills placeholders', () => {
    expect(translate('en', 'labs.nodes.other', { n: 3 })).toBe('3 nodes');
    expect(translate('ko', 'labs.nodes.other', { n: 3 })).toBe('노드 3개');
  });

  it('translate leaves an unknown placeholder visible rather than blank', () => {
    expect(translate('en', 'labs.error')).toBe('The lab catalogue could not be loaded: {reason}');
  });
});

describe('initialLang', () => {
  const storage = (value: string | null) => ({ getItem: () => value });

  it('uses the language chosen before', () => {
    expect(initialLang(storage('ko'), ['en-US'])).toBe('ko');
  });

  it('falls back to the browser language, Korean or else English', () => {
    expect(initialLang(storage(null), ['ko-KR', 'en'])).toBe('ko');
    expect(initialLang(storage(null), ['de-DE'])).toBe('en');
    expect(initialLang(storage('fr'), ['en-GB'])).toBe('en');
    expect(initialLang(null, [])).toBe('en');
  });
});
