import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ControlMessage } from '../api/protocol';
import type { CreateInstanceRequest } from '../api/types';
import { App } from '../app';
import { fakeApi, SWITCH_LAB } from '../test-support';
import { tcpLabSnapshot } from '../test-fixtures';

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
});
afterEach(cleanup);

function api(fail?: Error) {
  const created: CreateInstanceRequest[] = [];
  const controls: Omit<ControlMessage, 'type'>[] = [];
  const a = fakeApi([SWITCH_LAB], {
    createInstance: (request) => {
      created.push(request);
      return fail ? Promise.reject(fail) : Promise.resolve(tcpLabSnapshot({ instance: 'new1' }));
    },
    control: (_id, control) => {
      controls.push(control);
      return Promise.resolve(tcpLabSnapshot().run);
    },
  });
  return { a, created, controls };
}

describe('opening a lab from the home page', () => {
  it('starts the catalogue lab playing in slow motion, remembers it and goes to its page', async () => {
    const { a, created, controls } = api();
    render(<App api={a} lang="en" />);
    fireEvent.click(await screen.findByTestId('lab-open-switch-basics'));
    await waitFor(() => expect(location.pathname).toBe('/labs/new1'));
    expect(created).toEqual([{ lab: 'switch-basics' }]);
    expect(controls).toEqual([{ action: 'play', speed: 0.002, skipIdle: true }]);
    expect(JSON.parse(localStorage.getItem('packetlab.recent')!)).toEqual([
      { instanceId: 'new1', title: SWITCH_LAB.title, lab: 'switch-basics', openedAt: expect.any(Number) },
    ]);
  });

  it('starts an empty lab', async () => {
    const { a, created } = api();
    render(<App api={a} lang="en" />);
    fireEvent.click(screen.getByTestId('home-new-empty'));
    await waitFor(() => expect(location.pathname).toBe('/labs/new1'));
    expect(created).toEqual([{}]);
  });

  it('says why a lab could not be started', async () => {
    const { a } = api(new Error('lab.yaml: nodes[0].ip: not an address'));
    render(<App api={a} lang="en" />);
    fireEvent.click(screen.getByTestId('home-new-empty'));
    expect((await screen.findByTestId('home-error')).textContent).toBe(
      'The lab could not be started: lab.yaml: nodes[0].ip: not an address',
    );
    expect(location.pathname).toBe('/');
  });

  it('lists the recent labs and forgets one', async () => {
    localStorage.setItem(
      'packetlab.recent',
      JSON.stringify([{ instanceId: 'old1', title: { en: 'Two hosts on a switch', ko: '스위치에 연결된 두 호스트' }, lab: 'switch-basics', openedAt: 1 }]),
    );
    render(<App api={api().a} lang="ko" />);
    expect(screen.getByTestId('recent-title-old1').textContent).toBe('스위치에 연결된 두 호스트');
    fireEvent.click(screen.getByTestId('recent-forget-old1'));
    expect(screen.getByTestId('recent-empty').textContent).toBe('열었던 실습이 여기에 표시되어 다시 이어서 할 수 있습니다.');
  });
});
