import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PacketDetail as Detail } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useLab } from '../lab/LabContext';
import { useLabState } from '../store/useStore';
import { parseFilter } from './filter';
import { PacketDetailView } from './PacketDetailView';
import { PacketList } from './PacketList';
import { PacketFeed, type PacketFeedState } from './packetFeed';

type DetailState = { status: 'none' } | { status: 'loading'; number: number } | { status: 'loaded'; detail: Detail } | { status: 'failed'; number: number; reason: string };

/** The packet list with its filter, one packet's layers and bytes, and the pcap download. */
export function PacketInspector({
  visible,
  selected,
  onSelect,
  onFollowStream,
}: {
  visible: boolean;
  /** The packet taken apart (the lab view holds it: a click on a frame in flight selects one too). */
  selected: number | null;
  onSelect: (number: number | null) => void;
  onFollowStream?: (source: { ip: string; port: number }, destination: { ip: string; port: number }) => void;
}) {
  const { t } = useI18n();
  const { store, api, instanceId } = useLab();
  const packetCount = useLabState(store, (s) => s.packetCount);
  const snapshotSeq = useLabState(store, (s) => s.snapshotSeq);
  const nodes = useLabState(store, (s) => s.nodes);
  const links = useLabState(store, (s) => s.links);
  const [filterText, setFilterText] = useState('');
  const [feedState, setFeedState] = useState<PacketFeedState>({ rows: [], total: 0, loading: true, error: null });
  const setSelected = onSelect;
  const [detail, setDetail] = useState<DetailState>({ status: 'none' });

  const feed = useMemo(() => new PacketFeed(api, instanceId, setFeedState), [api, instanceId]);
  useEffect(() => () => feed.stop(), [feed]);

  const parsed = useMemo(
    () => parseFilter(filterText, nodes.map((n) => n.id), links.map((l) => l.name)),
    [filterText, nodes, links],
  );
  useEffect(() => {
    if (!parsed.problem) feed.setQuery(parsed.query);
  }, [feed, parsed]);
  // the list is kept up to date even while hidden, so it is ready when its tab is chosen
  useEffect(() => feed.update(packetCount, snapshotSeq), [feed, packetCount, snapshotSeq]);

  // a new snapshot may have renumbered what was selected (the instance went back in time)
  const seqAtSelection = useRef(snapshotSeq);
  useEffect(() => {
    if (seqAtSelection.current !== snapshotSeq && selected !== null && selected > packetCount) {
      setSelected(null);
      setDetail({ status: 'none' });
    }
  }, [snapshotSeq, packetCount, selected]);

  useEffect(() => {
    if (selected === null) return;
    seqAtSelection.current = snapshotSeq;
    const abort = new AbortController();
    setDetail({ status: 'loading', number: selected });
    api.packet(instanceId, selected, abort.signal).then(
      (d) => setDetail({ status: 'loaded', detail: d }),
      (e: unknown) => {
        if (!abort.signal.aborted) setDetail({ status: 'failed', number: selected, reason: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => abort.abort();
  }, [api, instanceId, selected]);

  const problem = parsed.problem
    ? parsed.problem.kind === 'unknown'
      ? t('packets.filter.unknown', { word: parsed.problem.word })
      : t('packets.filter.needsValue', { word: parsed.problem.word })
    : null;

  return (
    <section class="inspector" data-testid="packet-inspector">
      <div class="inspector-bar">
        <label class="filter">
          <span>{t('packets.filter')}</span>
          <input
            type="search"
            data-testid="packet-filter"
            placeholder={t('packets.filter.placeholder')}
            value={filterText}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'packet-filter-problem' : undefined}
            onInput={(e) => setFilterText(e.currentTarget.value)}
            spellcheck={false}
            autocomplete="off"
          />
        </label>
        <span class="count" data-testid="packet-count" data-count={feedState.total}>
          {t('packets.count', { n: feedState.total.toLocaleString() })}
        </span>
        <a
          class="button quiet"
          data-testid="packet-pcap"
          href={api.pcapUrl(instanceId, parsed.problem ? undefined : parsed.query.node)}
          download
          title={!parsed.problem && parsed.query.node ? t('packets.pcap.node', { node: parsed.query.node }) : t('packets.pcap.hint')}
        >
          {t('packets.pcap')}
        </a>
      </div>
      {problem && (
        <p class="filter-problem" id="packet-filter-problem" role="alert" data-testid="packet-filter-problem">
          {problem}
        </p>
      )}
      {feedState.error && (
        <p class="status error" role="alert" data-testid="packet-list-error">
          {t('packets.error', { reason: feedState.error })}
        </p>
      )}
      <PacketList
        rows={feedState.rows}
        selected={selected}
        onSelect={setSelected}
        visible={visible}
        empty={
          feedState.loading && feedState.rows.length === 0
            ? t('packets.loading')
            : filterText.trim() && !problem
              ? t('packets.empty.filtered')
              : t('packets.empty')
        }
      />
      <div class="packet-detail" data-testid="packet-detail" data-state={detail.status}>
        {detail.status === 'none' && <p class="status">{t('detail.none')}</p>}
        {detail.status === 'loading' && (
          <p class="status" aria-busy="true">
            {t('detail.loading')}
          </p>
        )}
        {detail.status === 'failed' && (
          <p class="status error" role="alert" data-testid="packet-detail-error">
            {t('detail.error', { reason: detail.reason })}
          </p>
        )}
        {detail.status === 'loaded' && <PacketDetailView detail={detail.detail} onFollowStream={onFollowStream} />}
      </div>
    </section>
  );
}
