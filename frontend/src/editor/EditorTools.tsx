import { useI18n } from '../i18n/i18n';
import { useEditor, type TopologyEditor } from './topologyEditor';

/** The editing buttons of the topology toolbar: the cable tool, undo, redo, delete and the shortcut list. */
export function EditorTools({ editor }: { editor: TopologyEditor }) {
  const { t } = useI18n();
  const cable = useEditor(editor, (s) => s.cable);
  const busy = useEditor(editor, (s) => s.busy);
  const undo = useEditor(editor, (s) => s.undo);
  const redo = useEditor(editor, (s) => s.redo);
  const selection = useEditor(editor, (s) => s.selection);
  const what = (w: { key: Parameters<typeof t>[0]; params: Record<string, string> }) => t(w.key, w.params);
  return (
    <>
      <button
        type="button"
        class={cable ? 'tool small pressed' : 'tool small'}
        data-testid="editor-cable"
        aria-pressed={cable}
        title={t('editor.cable.hint')}
        onClick={() => editor.setCable(!cable)}
      >
        {t('editor.cable')}
      </button>
      <button
        type="button"
        class="tool small"
        data-testid="editor-undo"
        disabled={!undo || busy}
        aria-label={undo ? t('editor.undo.hint', { what: what(undo.what) }) : t('editor.undo')}
        title={undo ? t('editor.undo.hint', { what: what(undo.what) }) : t('editor.nothing')}
        onClick={() => void editor.undo()}
      >
        ↶ {t('editor.undo')}
      </button>
      <button
        type="button"
        class="tool small"
        data-testid="editor-redo"
        disabled={!redo || busy}
        aria-label={redo ? t('editor.redo.hint', { what: what(redo.what) }) : t('editor.redo')}
        title={redo ? t('editor.redo.hint', { what: what(redo.what) }) : t('editor.nothing')}
        onClick={() => void editor.redo()}
      >
        ↷ {t('editor.redo')}
      </button>
      <button
        type="button"
        class="tool small"
        data-testid="editor-delete"
        disabled={!selection || busy}
        title={t('help.delete')}
        onClick={() => void editor.deleteSelection()}
      >
        {t('editor.delete')}
      </button>
      <button
        type="button"
        class="tool small"
        data-testid="editor-help"
        aria-label={t('editor.help')}
        title={t('editor.help')}
        onClick={() => editor.setHelp(true)}
      >
        ?
      </button>
    </>
  );
}

/** The editor's status line: a change the server refused (and why), or that an undo started the lab again. */
export function EditorStatusLine({ editor }: { editor: TopologyEditor }) {
  const { t } = useI18n();
  const status = useEditor(editor, (s) => s.status);
  const busy = useEditor(editor, (s) => s.busy);
  const cable = useEditor(editor, (s) => s.cable);
  if (!status && !busy && !cable) return null;
  return (
    <div class={status?.kind === 'error' ? 'editor-status error' : 'editor-status'} data-testid="editor-status" role="status">
      <span data-testid="editor-status-text">
        {status?.kind === 'error'
          ? t('edit.failed', { reason: status.reason })
          : busy
            ? t('editor.busy')
            : t('editor.cable.active')}
      </span>
      {status && (
        <button type="button" class="tool small" data-testid="editor-status-dismiss" onClick={() => editor.dismissStatus()}>
          {t('notice.dismiss')}
        </button>
      )}
    </div>
  );
}
