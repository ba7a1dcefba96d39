import { describe, expect, it } from 'vitest';
import { isTyping, shortcutFor } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('keyboard shortcuts', () => {
  it('reads undo and redo with Ctrl or Cmd', () => {
    expect(shortcutFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(key('y', { metaKey: true }))).toBe('redo');
    expect(shortcutFor(key('c', { ctrlKey: true }))).toBeNull();
  });

  it('reads single keys for the palette, the tools and the run controls', () => {
    expect(['h', 'S', 'w', 'u', 'r', 'c', 'l', 'f', 'n', ' ', '.', '?', 'Delete', 'Escape'].map((k) => shortcutFor(key(k)))).toEqual([
      'add-host', 'add-server', 'add-switch', 'add-hub', 'add-router', 'cable', 'layout', 'fit', 'step-frame', 'play', 'step', 'help', 'delete', 'escape',
    ]);
    expect(shortcutFor(key('q'))).toBeNull();
    expect(shortcutFor(key('h', { altKey: true }))).toBeNull();
  });

  it('leaves keys typed into fields and terminals alone', () => {
    const input = document.createElement('input');
    const terminal = document.createElement('div');
    terminal.className = 'xterm';
    const inside = document.createElement('textarea');
    terminal.appendChild(inside);
    expect([isTyping(input), isTyping(inside), isTyping(document.createElement('button')), isTyping(null)]).toEqual([true, true, false, false]);
  });
});
