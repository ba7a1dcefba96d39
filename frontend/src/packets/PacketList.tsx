import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PacketRow } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatSeconds } from '../timeline/clock';
import { classifyFrame, PROTOCOL_COLORS } from './protocolClass';

/** Height of one row in px: rows are drawn only where the list is scrolled to, so thousands stay fast. */
export const ROW_HEIGHT = 24;
const OVERSCAN = 8;

/** The rows to draw for a scroll position: a window over the list with a few extra above and below. */
export function visibleWindow(scrollTop: number, height: number, count: number): { start: number; end: number } {
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  return { start, end };
}

export function PacketList(props: {
  rows: PacketRow[];
  selected: number | null;
  onSelect: (n: number) => void;
  visible: boolean;
  empty: string;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 400 });
  const following = useRef(true);

  // follow the newest packets while the list is scrolled to its end
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !props.visible) return;
    if (following.current) el.scrollTop = el.scrollHeight;
    setScroll({ top: el.scrollTop, height: el.clientHeight });
  }, [props.rows, props.visible]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setScroll({ top: el.scrollTop, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const { start, end } = visibleWindow(scroll.top, scroll.height, props.rows.length);
  const index = props.selected === null ? -1 : props.rows.findIndex((r) => r.number === props.selected);

  const onKey = (e: KeyboardEvent) => {
    if (props.rows.length === 0) return;
    let next = index;
    if (e.key === 'ArrowDown') next = Math.min(props.rows.length - 1, index + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, index < 0 ? props.rows.length - 1 : index - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = props.rows.length - 1;
    else return;
    e.preventDefault();
    props.onSelect(props.rows[next]!.number);
    const el = scroller.current;
    if (el) {
      const top = next * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    }
  };

  return (
    <div class="packet-list" role="grid" aria-rowcount={props.rows.length + 1} data-testid="packet-list">
      <div
        class="packet-scroll"
        ref={scroller}
        tabIndex={0}
        onKeyDown={onKey}
        data-testid="packet-rows"
        onScroll={(e) => {
          const el = e.currentTarget;
          following.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
          setScroll({ top: el.scrollTop, height: el.clientHeight });
        }}
      >
        <div class="packet-row packet-head" role="row">
          <span role="columnheader" class="c-no">{t('packets.col.number')}</span>
          <span role="columnheader" class="c-time">{t('packets.col.time')}</span>
          <span role="columnheader" class="c-src">{t('packets.col.source')}</span>
          <span role="columnheader" class="c-dst">{t('packets.col.destination')}</span>
          <span role="columnheader" class="c-proto">{t('packets.col.protocol')}</span>
          <span role="columnheader" class="c-len">{t('packets.col.length')}</span>
          <span role="columnheader" class="c-info">{t('packets.col.info')}</span>
        </div>
        {props.rows.length === 0 ? (
          <p class="status packet-empty" data-testid="packet-list-empty">
            {props.empty}
          </p>
        ) : (
          <div style={{ height: `${props.rows.length * ROW_HEIGHT}px`, position: 'relative' }}>
            {props.rows.slice(start, end).map((row, i) => {
              const cls = classifyFrame(row.protocol, row.summary);
              const selected = row.number === props.selected;
              return (
                <div
                  key={row.number}
                  role="row"
                  aria-rowindex={start + i + 2}
                  aria-selected={selected}
                  class={selected ? 'packet-row selected' : 'packet-row'}
                  data-testid={`packet-row-${row.number}`}
                  data-time={row.time}
                  data-protocol={row.protocol}
                  style={{ top: `${(start + i) * ROW_HEIGHT}px` }}
                  onClick={() => props.onSelect(row.number)}
                >
                  <span role="gridcell" class="c-no">{row.number}</span>
                  <span role="gridcell" class="c-time">{formatSeconds(row.time)}</span>
                  <span role="gridcell" class="c-src" title={row.source}>{row.source}</span>
                  <span role="gridcell" class="c-dst" title={row.destination}>{row.destination}</span>
                  <span role="gridcell" class="c-proto">
                    <span class="proto-chip" style={{ background: PROTOCOL_COLORS[cls] }}>
                      {cls === 'DNS' || cls === 'HTTP' ? cls : row.protocol}
                    </span>
                  </span>
                  <span role="gridcell" class="c-len">{row.length}</span>
                  <span role="gridcell" class="c-info" title={row.summary}>{row.summary}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
