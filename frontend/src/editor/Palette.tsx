import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { iconFor } from '../topology/icons';
import { PALETTE_KINDS, type PaletteKind } from './newNode';
import type { TopologyEditor } from './topologyEditor';

/** A pointer that moved less than this (px) between press and release is a click, not a drag. */
const DRAG_THRESHOLD = 5;

/**
 * The node palette: drag a kind onto the network to place a node there, or click it (Enter) to add one in the
 * middle of the view. Dragging uses pointer events (not HTML drag and drop), so a mouse, a pen, a finger and a
 * WebDriver's pointer actions all work the same.
 *
 * @param dropAt the model position under a client point when it is over the canvas, else null
 */
export function Palette({
  editor,
  dropAt,
  disabled,
}: {
  editor: TopologyEditor;
  dropAt: (clientX: number, clientY: number) => { x: number; y: number } | null;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const [ghost, setGhost] = useState<{ kind: PaletteKind; x: number; y: number } | null>(null);
  const press = useRef<{ kind: PaletteKind; x: number; y: number; dragging: boolean; pointer: number } | null>(null);

  const kindName = (kind: PaletteKind) => t(`kind.${kind}` as MessageKey);

  return (
    <div class="palette" role="group" aria-label={t('editor.palette')} data-testid="editor-palette">
      {PALETTE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          class="palette-item"
          data-testid={`palette-${kind}`}
          title={t('editor.palette')}
          aria-label={t('editor.add', { kind: kindName(kind) })}
          disabled={disabled}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            press.current = { kind, x: e.clientX, y: e.clientY, dragging: false, pointer: e.pointerId };
            e.currentTarget.setPointerCapture(e.pointerId);
          }}
          onPointerMove={(e) => {
            const p = press.current;
            if (!p || p.pointer !== e.pointerId) return;
            if (!p.dragging && Math.hypot(e.clientX - p.x, e.clientY - p.y) < DRAG_THRESHOLD) return;
            p.dragging = true;
            setGhost({ kind, x: e.clientX, y: e.clientY });
          }}
          onPointerUp={(e) => {
            const p = press.current;
            press.current = null;
            setGhost(null);
            if (!p || p.pointer !== e.pointerId) return;
            if (!p.dragging) {
              void editor.addNode(kind);
              return;
            }
            const at = dropAt(e.clientX, e.clientY);
            if (at) void editor.addNode(kind, at);
          }}
          onPointerCancel={() => {
            press.current = null;
            setGhost(null);
          }}
          onKeyDown={(e) => {
            // a click from the keyboard has no pointer: Enter and Space add in the middle
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              void editor.addNode(kind);
            }
          }}
        >
          <img src={iconFor(kind)} alt="" width={22} height={22} draggable={false} />
          <span>{kindName(kind)}</span>
        </button>
      ))}
      {ghost && (
        <div class="palette-ghost" style={{ left: `${ghost.x - 22}px`, top: `${ghost.y - 22}px` }} aria-hidden="true">
          <img src={iconFor(ghost.kind)} alt="" width={44} height={44} />
        </div>
      )}
    </div>
  );
}
