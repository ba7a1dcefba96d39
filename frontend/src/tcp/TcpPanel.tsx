import { useEffect, useMemo, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { useLab } from '../lab/LabContext';
import type { SocketHistory } from '../store/labState';
import { useLabState } from '../store/useStore';
import { useConnectionRows } from './connectionPackets';
import { LadderDiagram } from './LadderDiagram';
import { nodeWithAddress, parseAddress, type Endpoint } from './segments';
import { socketRows } from './socketRows';
import { TcpStateDiagram } from './TcpStateDiagram';
import { WindowChart } from './WindowChart';

type DetailView = 'state' | 'ladder' | 'chart';

/**
 * The TCP views: a netstat-like table of every node's sockets, kept live, and for the socket picked in it its
 * state on RFC 9293's diagram, its connection as a ladder diagram, and its window chart.
 */
export function TcpPanel({
  selected,
  onSelect,
  onInspectPacket,
  onFollowStream,
}: {
  selected: string | null;
  onSelect: (key: string | null) => void;
  onInspectPacket: (number: number) => void;
  onFollowStream: (a: Endpoint, b: Endpoint) => void;
}) {
  const { t } = useI18n();
  const { store, actions } = useLab();
  const snapshotSeq = useLabState(store, (s) => s.snapshotSeq);
  // what happened before this page heard of it: read when the view opens, and again after each snapshot (a
  // reconnect, going back in time, an edit)
  useEffect(() => {
    if (snapshotSeq > 0) actions.loadSocketHistory();
  }, [snapshotSeq, actions]);
  const sockets = useLabState(store, (s) => s.sockets);
  const history = useLabState(store, (s) => s.socketHistory);
  const nodes = useLabState(store, (s) => s.nodes);
  const [node, setNode] = useState<string | null>(null);
  const [showClosed, setShowClosed] = useState(true);
  const rows = useMemo(() => socketRows(sockets, history, node, showClosed), [sockets, history, node, showClosed]);
  const chosen = selected ? (history.find((h) => h.key === selected) ?? null) : null;
  const ipNodes = nodes.filter((n) => n.interfaces.some((i) => i.ip));

  return (
    <section class="tcp-panel" data-testid="tcp-panel" aria-label={t('tcp.heading')}>
      <div class="tcp-bar">
        <label class="tool-field">
          <span>{t('tcp.node')}</span>
          <select data-testid="tcp-node" value={node ?? ''} onChange={(e) => setNode(e.currentTarget.value || null)}>
            <option value="">{t('tcp.node.all')}</option>
            {ipNodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.id}
              </option>
            ))}
          </select>
        </label>
        <label class="tool-field toggle">
          <input type="checkbox" data-testid="tcp-show-closed" checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />
          <span>{t('tcp.showClosed')}</span>
        </label>
      </div>
      <div class="socket-table-wrap">
        <table class="socket-table" data-testid="tcp-sockets" aria-label={t('tcp.table')}>
          <thead>
            <tr>
              <th scope="col">{t('tcp.col.node')}</th>
              <th scope="col">{t('tcp.col.proto')}</th>
              <th scope="col" class="num">Recv-Q</th>
              <th scope="col" class="num">Send-Q</th>
              <th scope="col">{t('tcp.col.local')}</th>
              <th scope="col">{t('tcp.col.foreign')}</th>
              <th scope="col">{t('tcp.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const id = `${r.node}-${r.socket}`;
              return (
                <tr
                  key={r.key}
                  class={`${r.closed ? 'closed' : ''}${r.key === selected ? ' selected' : ''}`}
                  data-testid={`tcp-socket-${id}`}
                  data-state={r.state}
                  aria-selected={r.key === selected}
                  tabIndex={0}
                  onClick={() => onSelect(r.key)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onSelect(r.key);
                    }
                  }}
                >
                  <td>{r.node}</td>
                  <td>{r.protocol}</td>
                  <td class="num">{r.recvQ}</td>
                  <td class="num">{r.sendQ}</td>
                  <td>{r.local}</td>
                  <td>{r.remote}</td>
                  <td data-testid={`tcp-socket-state-${id}`}>{r.state}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p class="status" data-testid="tcp-sockets-empty">
            {t('tcp.none')}
          </p>
        )}
      </div>
      {chosen ? (
        <SocketDetail history={chosen} onInspectPacket={onInspectPacket} onFollowStream={onFollowStream} />
      ) : (
        <p class="status tcp-pick" data-testid="tcp-pick">
          {selected ? t('tcp.gone') : t('tcp.pick')}
        </p>
      )}
    </section>
  );
}

function SocketDetail({
  history,
  onInspectPacket,
  onFollowStream,
}: {
  history: SocketHistory;
  onInspectPacket: (number: number) => void;
  onFollowStream: (a: Endpoint, b: Endpoint) => void;
}) {
  const { t } = useI18n();
  const { store, api, instanceId } = useLab();
  const nodes = useLabState(store, (s) => s.nodes);
  const links = useLabState(store, (s) => s.links);
  const [view, setView] = useState<DetailView>('state');
  const local = parseAddress(history.local);
  const remote = parseAddress(history.remote);
  const a: Endpoint | null = local ? { ...local, node: history.node } : null;
  const b: Endpoint | null = remote ? { ...remote, node: nodeWithAddress(nodes, remote.ip) } : null;
  const connected = history.protocol === 'tcp' && a !== null && b !== null;
  const isTcp = history.protocol === 'tcp';

  return (
    <div class="socket-detail" data-testid="tcp-detail" data-socket={history.key}>
      <h3 class="socket-title" data-testid="tcp-selected">
        {history.node} {history.local || '—'} ⇄ {history.remote || '—'} <span class="socket-state">{history.state}</span>
      </h3>
      <div class="tabs sub" role="tablist" aria-label={t('tcp.views')}>
        {(['state', 'ladder', 'chart'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            class={view === v ? 'tab active' : 'tab'}
            data-testid={`tcp-view-${v}`}
            disabled={!isTcp}
            onClick={() => setView(v)}
          >
            {t(`tcp.view.${v}`)}
          </button>
        ))}
        <button
          type="button"
          class="tool small follow-button"
          data-testid="tcp-follow"
          disabled={!connected}
          onClick={() => a && b && onFollowStream(a, b)}
        >
          {t('follow.button')}
        </button>
      </div>
      {history.cut && (
        <p class="status" data-testid="tcp-history-cut">
          {t('tcp.history.cut', { transitions: history.cut.transitions, samples: history.cut.samples })}
        </p>
      )}
      {!isTcp ? (
        <p class="status">{t('tcp.udp', { state: history.state })}</p>
      ) : view === 'state' ? (
        <TcpStateDiagram state={history.state} transitions={history.transitions} />
      ) : view === 'ladder' ? (
        connected ? (
          <ConnectionLadder a={a!} b={b!} links={links} api={api} instanceId={instanceId} onInspectPacket={onInspectPacket} />
        ) : (
          <p class="status" data-testid="tcp-ladder-none">
            {t('tcp.ladder.none')}
          </p>
        )
      ) : (
        <ChartView history={history} />
      )}
    </div>
  );
}

function ConnectionLadder(props: {
  a: Endpoint;
  b: Endpoint;
  links: Parameters<typeof LadderDiagram>[0]['links'];
  api: ReturnType<typeof useLab>['api'];
  instanceId: string;
  onInspectPacket: (number: number) => void;
}) {
  const { store } = useLab();
  const rows = useConnectionRows(props.api, store, props.instanceId, props.a, props.b);
  return <LadderDiagram rows={rows} a={props.a} b={props.b} links={props.links} onInspectPacket={props.onInspectPacket} />;
}

function ChartView({ history }: { history: SocketHistory }) {
  const { store } = useLab();
  const now = useLabState(store, (s) => s.latestTime);
  return <WindowChart samples={history.samples} now={history.state === 'CLOSED' ? (history.samples[history.samples.length - 1]?.time ?? now) : now} />;
}
