import { useMemo, useState } from 'preact/hooks';
import type { DissectedField, PacketDetail } from '../api/types';
import { fieldText } from '../i18n/fieldInfo';
import { useI18n } from '../i18n/i18n';
import { formatSeconds } from '../timeline/clock';
import { bitPattern, fieldIds, parseHex, type ByteRange } from './hex';
import { HexView } from './HexView';

/**
 * One packet taken apart: its layers as a tree (Ethernet → IP → TCP…), each field with its value and, in the
 * chosen language, its name and meaning; selecting a field or a layer highlights its bytes in the hex view.
 */
export function PacketDetailView({
  detail,
  onFollowStream,
}: {
  detail: PacketDetail;
  /** "Follow TCP stream" for a TCP segment: its source and destination address and port. */
  onFollowStream?: (source: { ip: string; port: number }, destination: { ip: string; port: number }) => void;
}) {
  const { t, lang } = useI18n();
  const bytes = useMemo(() => parseHex(detail.hex), [detail.hex]);
  const ids = useMemo(() => fieldIds(detail.layers), [detail.layers]);
  const [selected, setSelected] = useState<{ id: string; range: ByteRange; field: DissectedField | null } | null>(null);
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const p = detail.packet;

  const toggle = (i: number) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });

  const selectedText = selected?.field ? fieldText(selected.field.key, lang) : null;
  const stream = useMemo(() => tcpEnds(detail), [detail]);

  return (
    <div class="detail" data-testid={`packet-detail-${p.number}`}>
      <div class="detail-head">
        <h3 data-testid="packet-detail-title">{t('detail.heading', { n: p.number })}</h3>
        <span class="detail-where">
          {t('detail.where', { node: p.node, device: p.device, link: p.link, time: formatSeconds(p.time) })}
        </span>
        {stream && onFollowStream && (
          <button type="button" class="tool small" data-testid="packet-follow" onClick={() => onFollowStream(stream[0], stream[1])}>
            {t('follow.button')}
          </button>
        )}
      </div>
      <ul class="layers" role="tree" aria-label={t('detail.layers')} data-testid="packet-layers">
        {detail.layers.map((layer, li) => {
          const open = !collapsed.has(li);
          const layerId = `layer-${li}`;
          return (
            <li key={li} role="treeitem" aria-expanded={open} class="layer" data-testid={`packet-layer-${li}`}>
              <div class={selected?.id === layerId ? 'layer-head selected' : 'layer-head'}>
                <button type="button" class="twisty" aria-label={layer.name} data-testid={`packet-layer-toggle-${li}`} onClick={() => toggle(li)}>
                  {open ? '▾' : '▸'}
                </button>
                <button
                  type="button"
                  class="layer-name"
                  data-testid={`packet-layer-name-${li}`}
                  onClick={() => setSelected({ id: layerId, range: { offset: layer.offset, length: layer.length }, field: null })}
                >
                  {layer.name}
                </button>
              </div>
              {open && (
                <ul role="group" class="fields">
                  {layer.fields.map((field, fi) => {
                    const id = ids[li]![fi]!;
                    const text = fieldText(field.key, lang);
                    const isSelected = selected?.id === id;
                    return (
                      <li
                        key={id}
                        role="treeitem"
                        aria-selected={isSelected}
                        class={isSelected ? 'field selected' : 'field'}
                        data-testid={`packet-field-${id}`}
                        data-offset={field.offset}
                        data-length={field.length}
                        tabIndex={0}
                        title={text?.meaning ?? field.key}
                        onClick={() => setSelected({ id, range: field, field })}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            e.preventDefault();
                            setSelected({ id, range: field, field });
                          }
                        }}
                      >
                        <span class="field-label">{text?.label ?? field.label}</span>
                        <span class="field-value" data-testid={`packet-field-value-${id}`}>
                          {field.value}
                        </span>
                        <code class="field-key">{field.key}</code>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {detail.problem && (
        <p class="status error" data-testid="packet-problem">
          {t('detail.problem', { problem: detail.problem })}
        </p>
      )}
      {selected?.field && (
        <div class="field-explain" data-testid="packet-field-meaning" aria-live="polite">
          <strong>{selectedText?.label ?? selected.field.label}</strong>
          <span class="field-range">
            {t('detail.bytes', { from: selected.field.offset, to: selected.field.offset + selected.field.length - 1 })}
            {selected.field.bitMask ? ` · ${t('detail.bits', { pattern: bitPattern(bytes, selected.field) ?? '' })}` : ''}
          </span>
          {selectedText && <p>{selectedText.meaning}</p>}
        </div>
      )}
      <HexView bytes={bytes} selected={selected?.range ?? null} />
    </div>
  );
}

/** A TCP segment's source and destination address and port, from its dissected fields; null for anything else. */
function tcpEnds(detail: PacketDetail): [{ ip: string; port: number }, { ip: string; port: number }] | null {
  const value = (key: string) => {
    for (const layer of detail.layers) for (const f of layer.fields) if (f.key === key) return f.value;
    return null;
  };
  const src = value('ip.src');
  const dst = value('ip.dst');
  const sport = Number(value('tcp.srcport'));
  const dport = Number(value('tcp.dstport'));
  if (!src || !dst || !sport || !dport) return null;
  return [
    { ip: src, port: sport },
    { ip: dst, port: dport },
  ];
}
