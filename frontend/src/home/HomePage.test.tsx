import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../app';
import { fakeApi, HUB_LAB, SWITCH_LAB } from '../test-support';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('home page', () => {
  it('shows the header and one row per lab with its title, summary and node count', async () => {
    render(<App api={fakeApi([HUB_LAB, SWITCH_LAB])} lang="en" />);

    expect(screen.getByTestId('app-name').textContent).toBe('PacketLab');
    const list = await screen.findByTestId('lab-list');
    expect(Array.from(list.children).map((row) => row.getAttribute('data-testid'))).toEqual([
      'lab-item-hub-basics',
      'lab-item-switch-basics',
    ]);
    expect(screen.getByTestId('lab-title-switch-basics').textContent).toBe('Two hosts on a switch');
    expect(screen.getByTestId('lab-summary-switch-basics').textContent).toBe('Ping across a learning switch.');
    expect(screen.getByTestId('lab-nodes-hub-basics').textContent).toBe('4 nodes');
    expect(screen.getByTestId('lab-count').textContent).toBe('2');
  });

  it('switches every string and lab text to Korean, and remembers the choice', async () => {
    render(<App api={fakeApi([SWITCH_LAB])} lang="en" />);
    await screen.findByTestId('lab-list');

    fireEvent.click(screen.getByTestId('lang-ko'));

    expect(screen.getByTestId('lab-title-switch-basics').textContent).toBe('스위치에 연결된 두 호스트');
    expect(screen.getByTestId('lab-nodes-switch-basics').textContent).toBe('노드 3개');
    expect(screen.getByTestId('home-headline').textContent).toBe('네트워크가 보내는 모든 패킷을 눈으로 확인하세요');
    expect(screen.getByTestId('lang-ko').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('false');
    expect(document.documentElement.lang).toBe('ko');
    expect(localStorage.getItem('packetlab.lang')).toBe('ko');
  });

  it('says when there are no labs', async () => {
    render(<App api={fakeApi([])} lang="en" />);
    expect((await screen.findByTestId('lab-list-empty')).textContent).toBe('No labs are installed on this server.');
  });

  it('shows the error and loads again on retry', async () => {
    const api = fakeApi(new Error('HTTP 503'));
    render(<App api={api} lang="en" />);

    const error = await screen.findByTestId('lab-list-error');
    expect(error.textContent).toContain('The lab catalogue could not be loaded: HTTP 503');

    fireEvent.click(screen.getByTestId('lab-list-retry'));
    await waitFor(() => expect(api.calls).toBe(2));
  });
});
