import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { hexRows, type ByteRange } from './hex';

/** The frame's bytes, 16 a row, in hex and ASCII; the selected field's bytes are highlighted in both. */
export function HexView({ bytes, selected }: { bytes: number[]; selected: ByteRange | null }) {
  const { t } = useI18n();
  const rows = useMemo(() => hexRows(bytes, selected), [bytes, selected]);
  return (
    <section class="hex" aria-label={t('hex.aria')} data-testid="packet-hex">
      <h4>{t('hex.heading')}</h4>
      <div class="hex-rows">
        {rows.map((row) => (
          <div class="hex-row" key={row.label}>
            <span class="hex-offset">{row.label}</span>
            <span class="hex-bytes">
              {row.cells.map((c) => (
                <span
                  key={c.offset}
                  class={c.selected ? 'hex-byte selected' : 'hex-byte'}
                  data-testid={`hex-byte-${c.offset}`}
                  data-selected={c.selected ? 'true' : 'false'}
                >
                  {c.hex}
                </span>
              ))}
            </span>
            <span class="hex-ascii">
              {row.cells.map((c) => (
                <span key={c.offset} class={c.selected ? 'hex-char selected' : 'hex-char'} data-testid={`hex-char-${c.offset}`}>
                  {c.ascii}
                </span>
              ))}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}
