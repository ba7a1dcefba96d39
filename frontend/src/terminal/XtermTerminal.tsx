import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { useLab } from '../lab/LabContext';
import type { TerminalBuffer } from '../store/labState';
import { LineEditor } from './lineEditor';
import { TerminalScreen } from './terminalScreen';

const THEME = {
  background: '#0f1b2d',
  foreground: '#dce6f2',
  cursor: '#f5b841',
  selectionBackground: '#2d4b6b',
  black: '#0f1b2d',
  brightBlack: '#6b7a90',
};

/**
 * One node's terminal: xterm.js showing what the node printed, with the line being typed edited here and sent
 * whole over the WebSocket on Enter (Ctrl-C and Ctrl-D as `interrupt` and `eof`).
 */
export function XtermTerminal({ node, active }: { node: string; active: boolean }) {
  const { t } = useI18n();
  const { store, actions, readOnly } = useLab();
  const host = useRef<HTMLDivElement>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const termRef = useRef<Terminal | null>(null);

  useEffect(() => {
    const term = new Terminal({
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK KR", monospace',
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

    const editor = new LineEditor();
    const screen = new TerminalScreen((data) => term.write(data), () => term.cols);
    let epoch = -1;
    let written = 0;

    const show = (buffer: TerminalBuffer | undefined) => {
      const b = buffer ?? { text: '', total: 0, epoch: 0 };
      if (b.epoch !== epoch || b.total < written || b.total - written > b.text.length) {
        term.reset();
        screen.reset();
        epoch = b.epoch;
        written = b.total;
        if (b.text) screen.output(b.text, editor);
        else screen.redraw(editor);
        return;
      }
      if (b.total > written) {
        screen.output(b.text.slice(b.text.length - (b.total - written)), editor);
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

    const input = term.onData((data) => {
      if (readOnly) return;
      for (const event of editor.input(data)) {
        if (event.type === 'submit') actions.line(node, event.line);
        else if (event.type === 'interrupt') actions.interrupt(node);
        else if (event.type === 'eof') actions.eof(node);
        else if (event.type === 'clear-screen') term.clear();
      }
      screen.redraw(editor);
    });

    const resize = new ResizeObserver(() => {
      try {
        fit.fit();
        screen.redraw(editor);
      } catch {
        // hidden
      }
    });
    resize.observe(host.current!);

    return () => {
      resize.disconnect();
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
