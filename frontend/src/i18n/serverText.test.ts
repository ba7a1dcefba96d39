import { describe, expect, it } from 'vitest';
import serverCodes from './server-codes.json';
import { LANGUAGES, MESSAGES, type MessageKey } from './messages';
import { causeText, checkWhy, DROP_DETAILS, dropDetailText, SOCKET_CAUSES } from './serverText';

describe('every code the server can send has a text in every UI language', () => {
  it('each socket cause, with each of its parameters', () => {
    for (const [code, params] of Object.entries(serverCodes.socketCauses)) {
      for (const lang of LANGUAGES) {
        const text = (SOCKET_CAUSES[lang] as Record<string, string>)[code];
        expect(text, `${lang} ${code}`).toBeTruthy();
        for (const p of params) expect(text, `${lang} ${code} shows {${p}}`).toContain(`{${p}}`);
      }
    }
  });

  it('no socket cause text for a code the server does not send', () => {
    expect(Object.keys(SOCKET_CAUSES.en).sort()).toEqual(Object.keys(serverCodes.socketCauses).sort());
    expect(Object.keys(SOCKET_CAUSES.ko).sort()).toEqual(Object.keys(serverCodes.socketCauses).sort());
  });

  it('each drop detail, with each of its parameters', () => {
    expect(Object.keys(DROP_DETAILS.en).sort()).toEqual(Object.keys(serverCodes.dropDetails).sort());
    for (const [code, params] of Object.entries(serverCodes.dropDetails)) {
      for (const lang of LANGUAGES) {
        const text = (DROP_DETAILS[lang] as Record<string, string>)[code];
        expect(text, `${lang} ${code}`).toBeTruthy();
        for (const p of params) expect(text, `${lang} ${code} shows {${p}}`).toContain(`{${p}}`);
      }
    }
  });

  it('each drop reason', () => {
    for (const reason of serverCodes.dropReasons) {
      for (const lang of LANGUAGES) {
        expect(MESSAGES[lang][`drop.${reason}` as MessageKey], `${lang} drop.${reason}`).toBeTruthy();
      }
    }
  });
});

describe('causeText', () => {
  it('says a known cause in Korean with its parameters', () => {
    expect(causeText('ko', { cause: 'RST received in LAST_ACK', code: 'rst-received-in', params: { state: 'LAST_ACK' } }))
      .toBe('LAST_ACK에서 RST 받음');
    expect(causeText('ko', { cause: 'FIN received', code: 'fin-received', params: {} })).toBe('FIN 받음');
  });

  it('keeps the server’s English for an unknown code, for other, and for an older server without codes', () => {
    expect(causeText('ko', { cause: 'a new cause', code: 'brand-new', params: {} })).toBe('a new cause');
    expect(causeText('ko', { cause: 'odd', code: 'other', params: {} })).toBe('odd');
    expect(causeText('ko', { cause: 'FIN received' })).toBe('FIN received');
  });

  it('says it in English from the code as the server words it', () => {
    expect(causeText('en', { cause: 'no answer to 6 SYNs', code: 'syn-retries-exhausted', params: { count: '6' } }))
      .toBe('no answer to 6 SYNs');
  });
});

describe('dropDetailText', () => {
  it('says a known detail in Korean with its parameters', () => {
    expect(dropDetailText('ko', { detail: 'TTL 1 at r1', detailCode: 'ttl-expired-at', detailParams: { ttl: '1', node: 'r1' } }))
      .toBe('r1에서 TTL 1');
  });

  it('keeps the English of a parser’s own words, and has nothing for no detail', () => {
    expect(dropDetailText('ko', { detail: 'bad IHL 3', detailCode: 'other', detailParams: {} })).toBe('bad IHL 3');
    expect(dropDetailText('ko', { detail: 'lost on x' })).toBe('lost on x');
    expect(dropDetailText('ko', { detail: null })).toBeNull();
  });
});

describe('checkWhy', () => {
  const verdict = { why: 'not seen: a UDP datagram', whyKo: '보이지 않음: UDP 데이터그램' };

  it("gives the Korean explanation when the UI is in Korean", () => {
    expect(checkWhy('ko', verdict)).toBe('보이지 않음: UDP 데이터그램');
  });

  it('gives the English explanation when the UI is in English', () => {
    expect(checkWhy('en', verdict)).toBe('not seen: a UDP datagram');
  });

  it('falls back to the English when the server sent no Korean (an older server, a verdict stored before)', () => {
    expect(checkWhy('ko', { why: 'not seen: a UDP datagram' })).toBe('not seen: a UDP datagram');
    expect(checkWhy('ko', { why: 'not seen: a UDP datagram', whyKo: '' })).toBe('not seen: a UDP datagram');
  });
});
