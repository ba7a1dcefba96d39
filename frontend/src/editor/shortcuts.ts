import { useEffect, useRef } from 'preact/hooks';

/** What a key does in the lab view; the help overlay lists the same table. */
export type ShortcutAction =
  | 'help'
  | 'add-host'
  | 'add-server'
  | 'add-switch'
  | 'add-hub'
  | 'add-router'
  | 'cable'
  | 'delete'
  | 'undo'
  | 'redo'
  | 'escape'
  | 'layout'
  | 'fit'
  | 'play'
  | 'step'
  | 'step-frame';

/** The keys, as the help overlay writes them, and what they do. Editing keys come first. */
export const SHORTCUTS: { keys: string[]; action: ShortcutAction; editing: boolean }[] = [
  { keys: ['H'], action: 'add-host', editing: true },
  { keys: ['S'], action: 'add-server', editing: true },
  { keys: ['W'], action: 'add-switch', editing: true },
  { keys: ['U'], action: 'add-hub', editing: true },
  { keys: ['R'], action: 'add-router', editing: true },
  { keys: ['C'], action: 'cable', editing: true },
  { keys: ['Delete', 'Backspace'], action: 'delete', editing: true },
  { keys: ['Ctrl+Z'], action: 'undo', editing: true },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], action: 'redo', editing: true },
  { keys: ['L'], action: 'layout', editing: false },
  { keys: ['F'], action: 'fit', editing: false },
  { keys: ['Space'], action: 'play', editing: false },
  { keys: ['.'], action: 'step', editing: false },
  { keys: ['N'], action: 'step-frame', editing: false },
  { keys: ['Esc'], action: 'escape', editing: false },
  { keys: ['?'], action: 'help', editing: false },
];

/** Whether a key press is typing (in a text field, a select, a terminal) rather than a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"], .xterm')) return true;
  return false;
}

/** The shortcut a key press means, or null. */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key;
  if (mod && !e.altKey) {
    if (key.toLowerCase() === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key.toLowerCase() === 'y') return 'redo';
    return null;
  }
  if (e.altKey) return null;
  switch (key) {
    case '?':
      return 'help';
    case 'Escape':
      return 'escape';
    case 'Delete':
    case 'Backspace':
      return 'delete';
    case ' ':
      return 'play';
    case '.':
      return 'step';
  }
  if (key.length !== 1) return null;
  const letters: Record<string, ShortcutAction> = {
    h: 'add-host',
    s: 'add-server',
    w: 'add-switch',
    u: 'add-hub',
    r: 'add-router',
    c: 'cable',
    l: 'layout',
    f: 'fit',
    n: 'step-frame',
  };
  return letters[key.toLowerCase()] ?? null;
}

/**
 * Runs `handle` for each shortcut pressed anywhere in the page, except while typing; `handle` returns whether it did
 * something (then the key's default, such as scrolling for Space, is prevented).
 */
export function useShortcuts(handle: (action: ShortcutAction) => boolean): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      // a focused button takes Space and Enter itself
      if ((e.key === ' ' || e.key === 'Enter') && e.target instanceof HTMLButtonElement) return;
      const action = shortcutFor(e);
      if (action && latest.current(action)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
