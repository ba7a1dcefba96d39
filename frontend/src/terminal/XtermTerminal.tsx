import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { useLab } from '../lab/LabContext';
import type { TerminalBuffer } from '../store/labState';
import { KeySender } from './keySender';
import { drawEditing } from './screenText';

const THEME = {
  background: '#0f1b2d',
  foreground: '#dce6f2',
  cursor: '#f5b841',
  selectionBackground: '#2d4b6b',
  black: '#0f1b2d',
  brightBlack: '#6b7a90',
};

/**
 * One node's terminal: xterm.js showing the node's screen as the server keeps it. Every key goes to the server as
 * `keys` (its line discipline edits the line, keeps the history and turns Ctrl-C and Ctrl-D into an interrupt and
 * an end of input), and what the terminal shows is the node's output and the server's `echo`es, written in order:
 * every tab and every viewer of the lab sees the same line being typed.
 */
export function XtermTerminal({ node, active }: { node: string; active: boolean }) {
  const { t } = useI18n();
  const { store, actions, readOnly } = useLab();
  const host = useRef<HTMLDivElement>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const termRef = useRef<Terminal | null>(null);

  useEffect(() => {
    const term = new Terminal({
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK KR", "NanumGothicCoding", monospace',
      fontSize: 13,
      lineHeight: 1.15,
      cursorBlink: true,
      scrollback: 5000,
      theme: THEME,
      allowProposedApi: false,
      disableStdin: readOnly,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current!);
    termRef.current = term;
    fitRef.current = fit;
    try {
      fit.fit();
    } catch {
      // not laid out yet (a hidden tab): fitted when it is shown
    }

    let epoch = -1;
    let written = 0;
    const show = (buffer: TerminalBuffer | undefined) => {
      const b = buffer ?? { text: '', total: 0, epoch: 0, editing: null, editingAt: 0 };
      if (b.epoch !== epoch || b.total < written || b.total - written > b.text.length) {
        term.reset();
        epoch = b.epoch;
        written = b.total;
        term.write(screenFrom(b, term.cols));
        return;
      }
      if (b.total > written) {
        term.write(b.text.slice(b.text.length - (b.total - written)));
        written = b.total;
      }
    };

    let last = store.getState().terminals[node];
    show(last);
    const unsubscribe = store.subscribe((s) => {
      const next = s.terminals[node];
      if (next !== last) {
        last = next;
        show(next);
      }
    });

    const keys = new KeySender({ send: (data) => actions.keys(node, data, term.cols) });
    let cols = term.cols;
    // the server draws the prompt once a terminal is open at the node, at this terminal's width
    if (!readOnly) actions.keys(node, '', cols);
    const input = term.onData((data) => {
      if (!readOnly) keys.type(data);
    });

    const resize = new ResizeObserver(() => {
      try {
        fit.fit();
      } catch {
        return; // hidden
      }
      if (term.cols !== cols && !readOnly) {
        cols = term.cols;
        keys.flush();
        actions.keys(node, '', cols);
      }
    });
    resize.observe(host.current!);

    return () => {
      resize.disconnect();
      keys.dispose();
      input.dispose();
      unsubscribe();
      term.dispose();
      termRef.current = null;
    };
  }, [node, store, actions, readOnly]);

  useEffect(() => {
    if (!active) return;
    try {
      fitRef.current?.fit();
    } catch {
      // not laid out
    }
    termRef.current?.focus();
  }, [active]);

  return (
    <div
      class="xterm-host"
      ref={host}
      role="region"
      aria-label={t('terminal.aria', { node })}
      data-testid={`terminal-screen-${node}`}
      onClick={() => termRef.current?.focus()}
    />
  );
}

/** Everything a terminal shows, from scratch: the snapshot's text, the line being typed then, what came after. */
export function screenFrom(b: TerminalBuffer, cols: number): string {
  if (!b.editing) return b.text;
  const before = b.text.slice(0, b.editingAt);
  return before + drawEditing(before, b.editing, cols) + b.text.slice(b.editingAt);
}
