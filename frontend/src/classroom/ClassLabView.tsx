import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { CheckMessage } from '../api/protocol';
import { useClassText } from './messages';
import { LabContext, type LabContextValue } from '../lab/LabContext';
import { LabPanel } from '../lab/LabPanel';
import type { LabConnection } from '../lab/labConnection';
import { Notices } from '../lab/Notices';
import { PacketInspector } from '../packets/PacketInspector';
import { useLabState } from '../store/useStore';
import { FollowStreamDialog } from '../tcp/FollowStreamDialog';
import { nodeWithAddress, type Endpoint } from '../tcp/segments';
import { TcpPanel } from '../tcp/TcpPanel';
import { TerminalDock } from '../terminal/TerminalDock';
import { TimelineControls } from '../timeline/TimelineControls';
import { TopologyView } from '../topology/TopologyView';
import type { StepStatus } from './types';

type PanelTab = 'steps' | 'packets' | 'tcp';

/**
 * Shows the class's verdicts on a lab's steps: the class judges a student's checks, and its verdicts go into the lab's
 * store as the lab protocol's `check` messages would, so the steps panel marks them.
 */
export function useVerdicts(connection: LabConnection, steps: StepStatus[]): void {
  useEffect(() => {
    const judged = steps.filter((s) => s.status !== 'pending');
    connection.store.receive(
      judged.map(
        (s): CheckMessage => ({
          type: 'check',
          step: s.step - 1,
          passed: s.status === 'passed',
          why: s.why,
          whyKo: s.whyKo,
        }),
      ),
    );
  }, [connection, steps]);
}
const TAB_LABELS = { steps: 'panel.steps', packets: 'panel.packets', tcp: 'panel.tcp' } as const;

/**
 * A lab inside a class page, drawn from the same parts as the lab view (topology, terminals, run controls, steps,
 * packets, TCP) on a connection the page owns: the student's own lab, whose step checks the class channel judges, or
 * a lab shown `readOnly` (the teacher watching a student, a student watching the presented lab). A read-only lab's
 * terminals show everything and take no keys (the lab context says so), and its run controls cannot be used either,
 * unlike a shared read-only lab's: the lab is someone else's, live. The server refuses a watcher's input anyway.
 */
export function ClassLabView(props: {
  connection: LabConnection;
  api: ApiClient;
  instanceId: string;
  readOnly: boolean;
  testId: string;
  /** Shown above the lab: whose lab this is, or what the class is doing. */
  banner?: ComponentChildren;
}) {
  const { connection, api, instanceId, readOnly } = props;
  useEffect(() => {
    connection.start();
    return () => connection.stop();
  }, [connection]);

  const context = useMemo<LabContextValue>(
    () => ({ instanceId, store: connection.store, actions: connection, api, readOnly }),
    [instanceId, connection, api, readOnly],
  );

  return (
    <LabContext.Provider value={context}>
      <ClassLabLayout readOnly={readOnly} testId={props.testId} banner={props.banner} connection={connection} />
    </LabContext.Provider>
  );
}

function ClassLabLayout(props: {
  readOnly: boolean;
  testId: string;
  banner?: ComponentChildren;
  connection: LabConnection;
}) {
  const { t, pick, tc } = useClassText();
  const store = props.connection.store;
  const loaded = useLabState(store, (s) => s.loaded);
  const status = useLabState(store, (s) => s.connection);
  const lab = useLabState(store, (s) => s.lab);
  const buffers = useLabState(store, (s) => s.terminals);
  const [terminals, setTerminals] = useState<string[]>([]);
  const [activeTerminal, setActiveTerminal] = useState<string | null>(null);
  const [tab, setTab] = useState<PanelTab>('steps');
  const [selectedPacket, setSelectedPacket] = useState<number | null>(null);
  const [selectedSocket, setSelectedSocket] = useState<string | null>(null);
  const [following, setFollowing] = useState<{ a: Endpoint; b: Endpoint } | null>(null);

  const openTerminal = useCallback((node: string) => {
    setTerminals((open) => (open.includes(node) ? open : [...open, node]));
    setActiveTerminal(node);
  }, []);
  const closeTerminal = useCallback((node: string) => {
    setTerminals((open) => {
      const next = open.filter((n) => n !== node);
      setActiveTerminal((active) => (active === node ? (next[next.length - 1] ?? null) : active));
      return next;
    });
  }, []);

  // a watcher sees every terminal the lab's owner has used: one that prints anything opens, the first one in front
  useEffect(() => {
    if (!props.readOnly) return;
    const used = Object.entries(buffers)
      .filter(([, b]) => b && b.total > 0)
      .map(([node]) => node);
    if (used.length === 0) return;
    setTerminals((open) => (used.every((n) => open.includes(n)) ? open : [...open, ...used.filter((n) => !open.includes(n))]));
    setActiveTerminal((active) => active ?? used[0]!);
  }, [buffers, props.readOnly]);

  const inspectPacket = useCallback((number: number) => {
    setSelectedPacket(number);
    setTab('packets');
  }, []);
  const followStream = useCallback((a: Endpoint, b: Endpoint) => setFollowing({ a, b }), []);
  const followFromPacket = useCallback(
    (source: { ip: string; port: number }, destination: { ip: string; port: number }) => {
      const nodes = store.getState().nodes;
      setFollowing({
        a: { ...source, node: nodeWithAddress(nodes, source.ip) },
        b: { ...destination, node: nodeWithAddress(nodes, destination.ip) },
      });
    },
    [store],
  );

  // a watched lab opens while the page around it is still settling; fit its topology once it has, as its owner sees it
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!loaded || !props.readOnly) return;
    const timer = setTimeout(() => frame.current?.querySelector<HTMLButtonElement>('[data-testid="topology-fit"]')?.click(), 300);
    return () => clearTimeout(timer);
  }, [loaded, props.readOnly]);

  const title = lab && lab.title.en ? pick(lab.title) : '';

  return (
    <div class="class-lab-frame" data-testid={props.testId} ref={frame}>
      {props.banner}
      <main
        class={props.readOnly ? 'lab class-lab class-readonly' : 'lab class-lab'}
        data-testid="lab-view"
        data-loaded={loaded ? 'true' : 'false'}
        data-readonly={props.readOnly ? 'true' : 'false'}
      >
        <div class="lab-bar">
          <div class="lab-heading">
            <h1 class="lab-name" data-testid="lab-title">
              {title || t('lab.untitled')}
            </h1>
            <span class={`conn conn-${status}`} data-testid="lab-connection" data-status={status} role="status">
              {t(`conn.${status}`)}
            </span>
          </div>
          {props.readOnly ? (
            <div class="class-lab-controls" inert title={tc('class.readOnly.controls')}>
              <TimelineControls />
            </div>
          ) : (
            <TimelineControls />
          )}
        </div>
        <Notices />
        {!loaded ? (
          <p class="status lab-loading" data-testid="lab-loading" aria-busy="true">
            {t('lab.connecting')}
          </p>
        ) : (
          <div class="lab-body">
            <div class="lab-main">
              <TopologyView onOpenTerminal={openTerminal} onInspectPacket={inspectPacket} editor={null} />
              <TerminalDock
                open={terminals}
                active={activeTerminal}
                onOpen={openTerminal}
                onSelect={setActiveTerminal}
                onClose={closeTerminal}
              />
            </div>
            <aside class="lab-side">
              <div class="tabs" role="tablist" aria-label={t('panel.label')}>
                {(['steps', 'packets', 'tcp'] as const).map((name) => (
                  <button
                    key={name}
                    type="button"
                    role="tab"
                    aria-selected={tab === name}
                    class={tab === name ? 'tab active' : 'tab'}
                    data-testid={`panel-tab-${name}`}
                    onClick={() => setTab(name)}
                  >
                    {t(TAB_LABELS[name])}
                  </button>
                ))}
              </div>
              <div class="tab-panel" role="tabpanel" hidden={tab !== 'steps'}>
                <LabPanel />
              </div>
              <div class="tab-panel" role="tabpanel" hidden={tab !== 'packets'}>
                <PacketInspector
                  visible={tab === 'packets'}
                  selected={selectedPacket}
                  onSelect={setSelectedPacket}
                  onFollowStream={followFromPacket}
                />
              </div>
              <div class="tab-panel" role="tabpanel" hidden={tab !== 'tcp'}>
                {tab === 'tcp' && (
                  <TcpPanel
                    selected={selectedSocket}
                    onSelect={setSelectedSocket}
                    onInspectPacket={inspectPacket}
                    onFollowStream={followStream}
                  />
                )}
              </div>
            </aside>
          </div>
        )}
        {following && <FollowStreamDialog a={following.a} b={following.b} onClose={() => setFollowing(null)} />}
      </main>
    </div>
  );
}
