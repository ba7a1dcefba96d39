import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import type { Lang } from '../i18n/messages';
import { LabStore } from '../store/labStore';
import { fakeApi } from '../test-support';
import { tcpLabSnapshot } from '../test-fixtures';
import type { LabActions } from './labConnection';
import { LabContext } from './LabContext';
import { parseLabInfo } from './labInfo';
import { LabPanel } from './LabPanel';

afterEach(cleanup);

const LAB = parseLabInfo(`id: tcp-connection
title: {en: "A TCP connection", ko: "TCP 연결 하나"}
summary: {en: "Open a connection with nc.", ko: "nc로 연결을 엽니다."}
nodes: []
steps:
  - text: {en: "On srv run \`nc -l 8888 &\`", ko: "srv에서 \`nc -l 8888 &\`을 실행하세요"}
    check: {socket-state: {node: srv, port: 8888, state: LISTEN}}
  - text: {en: "Look around", ko: "둘러보세요"}
`);

const noActions: LabActions = { control() {}, line() {}, keys() {}, interrupt() {}, eof() {}, requestSnapshot() {}, loadSocketHistory() {} };

function show(lang: Lang) {
  const store = new LabStore('i1', () => 0);
  store.receive([{ type: 'snapshot', reason: 'connected', snapshot: tcpLabSnapshot() }]);
  store.setLabInfo(LAB);
  render(
    <I18nProvider initial={lang}>
      <LabContext.Provider value={{ instanceId: 'i1', store, actions: noActions, api: fakeApi([]), readOnly: false }}>
        <LabPanel />
      </LabContext.Provider>
    </I18nProvider>,
  );
  return store;
}

describe('lab panel', () => {
  it("shows the lab's steps in the chosen language, with code as code", () => {
    show('ko');
    expect(screen.getByTestId('lab-summary').textContent).toBe('nc로 연결을 엽니다.');
    expect(screen.getByTestId('step-text-1').innerHTML).toBe('srv에서 <code>nc -l 8888 &amp;</code>을 실행하세요');
    expect(screen.getByTestId('step-text-2').textContent).toBe('둘러보세요');
  });

  it('gives a badge only to steps with a check, pending until a check message says otherwise', async () => {
    const store = show('en');
    expect(screen.getByTestId('step-check-1').getAttribute('data-status')).toBe('pending');
    expect(screen.queryByTestId('step-check-2')).toBeNull();
    expect(screen.getByTestId('steps-progress').textContent).toBe('0 of 1 checks passed');

    store.receive([{ type: 'check', time: 7, step: 0, passed: true, why: 'srv listens on 8888' }]);

    await screen.findByText('1 of 1 checks passed');
    expect(screen.getByTestId('step-check-1').getAttribute('data-status')).toBe('passed');
    expect(screen.getByTestId('step-check-1').textContent).toBe('Done');
    expect(screen.getByTestId('step-check-1').getAttribute('title')).toBe('srv listens on 8888');
  });

  const LISTENING = {
    type: 'check',
    time: 7,
    step: 0,
    passed: true,
    why: "srv's TCP socket 0.0.0.0:8888 went from CLOSED to LISTEN (listen() called) at 0.000007 s",
    whyKo: '[0.000007초] srv의 TCP 소켓 0.0.0.0:8888이 CLOSED에서 LISTEN으로 바뀜 (listen() 호출)',
  } as const;

  it("explains a step's verdict in Korean when the UI is in Korean", async () => {
    const store = show('ko');
    store.receive([LISTENING]);
    await screen.findByText('확인 1개 중 1개 통과');
    expect(screen.getByTestId('step-check-1').getAttribute('title')).toBe(LISTENING.whyKo);
  });

  it("explains a step's verdict in English when the UI is in English", async () => {
    const store = show('en');
    store.receive([LISTENING]);
    await screen.findByText('1 of 1 checks passed');
    expect(screen.getByTestId('step-check-1').getAttribute('title')).toBe(LISTENING.why);
  });
});
