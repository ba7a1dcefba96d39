import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { useLab } from '../lab/LabContext';
import { useLabState } from '../store/useStore';
import { XtermTerminal } from './XtermTerminal';

/** Terminal tabs, one per node opened (by double-clicking it or from the menu here). */
export function TerminalDock(props: {
  open: string[];
  active: string | null;
  onOpen: (node: string) => void;
  onSelect: (node: string) => void;
  onClose: (node: string) => void;
}) {
  const { t } = useI18n();
  const { store, actions, readOnly } = useLab();
  const nodes = useLabState(store, (s) => s.nodes);
  const [menu, setMenu] = useState(false);

  return (
    <section class="terminals" data-testid="terminals" aria-label={t('terminal.heading')}>
      <div class="terminal-tabs" role="tablist" aria-label={t('terminal.heading')}>
        {props.open.map((node) => (
          <div key={node} class={node === props.active ? 'terminal-tab active' : 'terminal-tab'}>
            <button
              type="button"
              role="tab"
              aria-selected={node === props.active}
              data-testid={`terminal-tab-${node}`}
              onClick={() => props.onSelect(node)}
            >
              {node}
            </button>
            <button
              type="button"
              class="terminal-close"
              data-testid={`terminal-close-${node}`}
              aria-label={t('terminal.close', { node })}
              title={t('terminal.close', { node })}
              onClick={() => props.onClose(node)}
            >
              ×
            </button>
          </div>
        ))}
        <div class="terminal-menu">
          <button
            type="button"
            class="tool small"
            data-testid="terminal-open"
            aria-haspopup="menu"
            aria-expanded={menu}
            onClick={() => setMenu((m) => !m)}
          >
            + {t('terminal.open')}
          </button>
          {menu && (
            <ul class="menu" role="menu" data-testid="terminal-menu">
              {nodes.map((n) => (
                <li key={n.id} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    data-testid={`terminal-open-${n.id}`}
                    onClick={() => {
                      setMenu(false);
                      props.onOpen(n.id);
                    }}
                  >
                    {t('terminal.open.on', { node: n.id })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {props.active && !readOnly && (
          <button
            type="button"
            class="tool small terminal-interrupt"
            data-testid="terminal-interrupt"
            title={t('terminal.interrupt.hint', { node: props.active })}
            onClick={() => props.active && actions.keys(props.active, '\x03')}
          >
            {t('terminal.interrupt')}
          </button>
        )}
      </div>
      {props.open.length === 0 ? (
        <p class="terminal-none status" data-testid="terminal-none">
          {t('terminal.none')}
        </p>
      ) : (
        <>
          <p class="terminal-hint">{t('terminal.hint')}</p>
          {props.open.map((node) => (
            <div
              key={node}
              class="terminal-panel"
              role="tabpanel"
              data-testid={`terminal-${node}`}
              hidden={node !== props.active}
            >
              <XtermTerminal node={node} active={node === props.active} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
