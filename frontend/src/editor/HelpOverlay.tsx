import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { SHORTCUTS, type ShortcutAction } from './shortcuts';

const KIND_OF: Partial<Record<ShortcutAction, string>> = {
  'add-host': 'host',
  'add-server': 'server',
  'add-switch': 'switch',
  'add-hub': 'hub',
  'add-router': 'router',
};

const TEXT_OF: Partial<Record<ShortcutAction, MessageKey>> = {
  cable: 'help.cable',
  delete: 'help.delete',
  undo: 'help.undo',
  redo: 'help.redo',
  escape: 'help.escape',
  layout: 'help.layout',
  fit: 'help.fit',
  play: 'help.play',
  step: 'help.step',
  'step-frame': 'help.stepFrame',
  help: 'help.help',
};

/** Every keyboard shortcut (and what the mouse does), opened with `?` or the help button, closed with Esc. */
export function HelpOverlay({ onClose, editing }: { onClose: () => void; editing: boolean }) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const rows = SHORTCUTS.filter((s) => editing || !s.editing);
  const text = (action: ShortcutAction) => {
    const kind = KIND_OF[action];
    if (kind) return t('help.add', { kind: t(`kind.${kind}` as MessageKey) });
    return t(TEXT_OF[action]!);
  };
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="dialog help" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-overlay">
        <div class="dialog-head">
          <h2 id="help-title">{t('help.title')}</h2>
          <button type="button" class="tool small" ref={close} data-testid="help-close" onClick={onClose}>
            {t('dialog.close')}
          </button>
        </div>
        <p class="note">{t('help.intro')}</p>
        <table class="help-table" data-testid="help-shortcuts">
          <thead>
            <tr>
              <th scope="col">{t('help.keys')}</th>
              <th scope="col">{t('help.does')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.action} data-testid={`help-${s.action}`}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' / '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{text(s.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('help.mouse')}</h3>
        <ul class="help-mouse">
          {editing && <li>{t('help.mouse.drag')}</li>}
          {editing && <li>{t('help.mouse.click')}</li>}
          <li>{t('help.mouse.dbl')}</li>
          <li>{t('help.mouse.frame')}</li>
        </ul>
      </div>
    </div>
  );
}
