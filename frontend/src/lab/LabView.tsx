import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { touchLab, safeLocalStorage } from '../home/recentLabs';
import { useI18n } from '../i18n/i18n';
import { PacketInspector } from '../packets/PacketInspector';
import { useLabState } from '../store/useStore';
import { TerminalDock } from '../terminal/TerminalDock';
import { TimelineControls } from '../timeline/TimelineControls';
import { TimelineScrubber } from '../timeline/TimelineScrubber';
import { TopologyView } from '../topology/TopologyView';
import { navigate } from '../router';
import { LabConnection } from './labConnection';
import { LabContext, useLab, type LabContextValue } from './LabContext';
import { LabPanel } from './LabPanel';
import { Notices } from './Notices';
import { HelpOverlay } from '../editor/HelpOverlay';
import { PropertiesPanel } from '../editor/PropertiesPanel';
import { useShortcuts, type ShortcutAction } from '../editor/shortcuts';
import { editorFor, NO_EDITOR, useEditor, type TopologyEditor } from '../editor/topologyEditor';
import type { PaletteKind } from '../editor/newNode';
import { FollowStreamDialog } from '../tcp/FollowStreamDialog';
import { nodeWithAddress, type Endpoint } from '../tcp/segments';
import { TcpPanel } from '../tcp/TcpPanel';
import { ShareButton } from '../share/ShareButton';

type PanelTab = 'steps' | 'packets' | 'tcp';


const TAB_LABELS = { steps: 'panel.steps', packets: 'panel.packets', tcp: 'panel.tcp' } as const;

/**
 * One live lab instance: topology (with its editor) and frames in flight, run controls and the timeline, terminals,
 * the lab's steps, packets and the TCP views. `readOnly` (a shared lab opened to watch) leaves out editing and
 * typing: only the run controls and the timeline change anything.
 */
export function LabView({ api, instanceId, readOnly: shared = false }: { api: ApiClient; instanceId: string; readOnly?: boolean }) {
  const connection = useMemo(() => new LabConnection(instanceId, api), [api, instanceId]);
  // the server takes typing, run controls and edits only with the lab's token, which the browser that started or
  // opened it keeps: an address copied into another browser only watches
  const watching = useMemo(() => !shared && api.instanceToken(instanceId) === null, [api, instanceId, shared]);
  const readOnly = shared || watching;
  useEffect(() => {
    connection.start();
    touchLab(safeLocalStorage(), instanceId, Date.now());
    return () => connection.stop();
  }, [connection, instanceId]);

  const context = useMemo<LabContextValue>(
    () => ({ instanceId, store: connection.store, actions: connection, api, readOnly, watching }),
    [instanceId, connection, api, readOnly, watching],
  );
  const editor = useMemo(
    () => (readOnly ? null : editorFor(api, instanceId, connection.store)),
    [api, instanceId, connection, readOnly],
  );

  return (
    <LabContext.Provider value={context}>
      <LabLayout editor={editor} />
    </LabContext.Provider>
  );
}

function LabLayout({ editor }: { editor: TopologyEditor | null }) {
  const { t, pick } = useI18n();
  const { store, actions, readOnly, watching } = useLab();
  const loaded = useLabState(store, (s) => s.loaded);
  const connection = useLabState(store, (s) => s.connection);
  const lab = useLabState(store, (s) => s.lab);
  const [terminals, setTerminals] = useState<string[]>([]);
  const [activeTerminal, setActiveTerminal] = useState<string | null>(null);
  const [tab, setTab] = useState<PanelTab>('steps');
  const [selectedPacket, setSelectedPacket] = useState<number | null>(null);
  const [selectedSocket, setSelectedSocket] = useState<string | null>(null);
  const [following, setFollowing] = useState<{ a: Endpoint; b: Endpoint } | null>(null);

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
  const closeFollow = useCallback(() => setFollowing(null), []);

  // the shortcut list opens from the editor's button or with ?; a read-only lab has no editor, only the key
  const [helpHere, setHelpHere] = useState(false);
  const editorHelp = useEditor(editor ?? NO_EDITOR, (e) => e.help) && editor !== null;
  const help = helpHere || editorHelp;
  const closeHelp = useCallback(() => {
    setHelpHere(false);
    editor?.setHelp(false);
  }, [editor]);

  useShortcuts((action: ShortcutAction) => {
    if (following) return false;
    if (action === 'help') {
      if (help) closeHelp();
      else setHelpHere(true);
      return true;
    }
    if (action === 'escape') {
      if (help) closeHelp();
      else if (editor?.getState().cable) editor.setCable(false);
      else editor?.select(null);
      return true;
    }
    if (help) return false;
    const run = store.getState().run;
    const connected = store.getState().connection === 'open';
    switch (action) {
      case 'play':
        if (!connected || !run) return false;
        if (run.mode === 'PAUSED') actions.control({ action: 'play', speed: run.speed, skipIdle: run.skipIdle });
        else actions.control({ action: 'pause' });
        return true;
      case 'step':
        if (connected) actions.control({ action: 'step' });
        return connected;
      case 'step-frame':
        if (connected) actions.control({ action: 'step-frame' });
        return connected;
    }
    if (!editor) return false;
    switch (action) {
      case 'add-host':
      case 'add-server':
      case 'add-switch':
      case 'add-hub':
      case 'add-router':
        void editor.addNode(action.slice(4) as PaletteKind);
        return true;
      case 'cable':
        editor.setCable(!editor.getState().cable);
        return true;
      case 'delete':
        if (!editor.getState().selection) return false;
        void editor.deleteSelection();
        return true;
      case 'undo':
        void editor.undo();
        return true;
      case 'redo':
        void editor.redo();
        return true;
      case 'layout':
        editor.layout();
        return true;
      case 'fit':
        editor.fit();
        return true;
    }
    return false;
  });

  const inspectPacket = useCallback((number: number) => {
    setSelectedPacket(number);
    setTab('packets');
  }, []);

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

  const title = lab && lab.title.en ? pick(lab.title) : '';

  useEffect(() => {
    document.title = title ? `${title} · PacketLab` : 'PacketLab';
    return () => {
      document.title = 'PacketLab';
    };
  }, [title]);

  if (connection === 'gone') {
    return (
      <main class="lab-gone" data-testid="lab-gone">
        <p role="alert">{t('lab.gone')}</p>
        <a
          class="button"
          href="/"
          data-testid="lab-gone-home"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'home' });
          }}
        >
          {t('notFound.back')}
        </a>
      </main>
    );
  }

  return (
    <main class="lab" data-testid="lab-view" data-loaded={loaded ? 'true' : 'false'}>
      <div class="lab-bar">
        <div class="lab-heading">
          <h1 class="lab-name" data-testid="lab-title">
            {title || t('lab.untitled')}
          </h1>
          <ConnectionBadge />
          {readOnly && (
            <span class="pill readonly-badge" data-testid="lab-readonly-badge">
              {t(watching ? 'lab.watching.badge' : 'lab.readonly.badge')}
            </span>
          )}
          {!readOnly && <ShareButton />}
        </div>
        <TimelineControls />
        <TimelineScrubber />
      </div>
      {readOnly && (
        <p class="readonly-note" role="note" data-testid="lab-readonly" data-watching={watching ? 'true' : 'false'}>
          {t(watching ? 'lab.watching' : 'lab.readonly')}
        </p>
      )}
      <Notices />
      {!loaded ? (
        <p class="status lab-loading" data-testid="lab-loading" aria-busy="true">
          {t('lab.connecting')}
        </p>
      ) : (
        <div class="lab-body">
          <div class="lab-main">
            <TopologyView onOpenTerminal={openTerminal} onInspectPacket={inspectPacket} editor={editor} />
            <TerminalDock
              open={terminals}
              active={activeTerminal}
              onOpen={openTerminal}
              onSelect={setActiveTerminal}
              onClose={closeTerminal}
            />
          </div>
          <aside class="lab-side">
            {editor && <PropertiesPanel editor={editor} onOpenTerminal={openTerminal} />}
            <div class="tabs" role="tablist" aria-label={t('panel.label')}>
              {(['steps', 'packets', 'tcp'] as const).map((name) => (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  id={`panel-tab-${name}`}
                  aria-selected={tab === name}
                  aria-controls={`panel-${name}`}
                  class={tab === name ? 'tab active' : 'tab'}
                  data-testid={`panel-tab-${name}`}
                  onClick={() => setTab(name)}
                >
                  {t(TAB_LABELS[name])}
                </button>
              ))}
            </div>
            <div
              class="tab-panel"
              role="tabpanel"
              id="panel-steps"
              aria-labelledby="panel-tab-steps"
              hidden={tab !== 'steps'}
            >
              <LabPanel />
            </div>
            <div
              class="tab-panel"
              role="tabpanel"
              id="panel-packets"
              aria-labelledby="panel-tab-packets"
              hidden={tab !== 'packets'}
            >
              <PacketInspector
                visible={tab === 'packets'}
                selected={selectedPacket}
                onSelect={setSelectedPacket}
                onFollowStream={followFromPacket}
              />
            </div>
            <div class="tab-panel" role="tabpanel" id="panel-tcp" aria-labelledby="panel-tab-tcp" hidden={tab !== 'tcp'}>
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
      {following && <FollowStreamDialog a={following.a} b={following.b} onClose={closeFollow} />}
      {help && <HelpOverlay onClose={closeHelp} editing={!readOnly} />}
    </main>
  );
}

function ConnectionBadge() {
  const { t } = useI18n();
  const { store } = useLab();
  const status = useLabState(store, (s) => s.connection);
  return (
    <span class={`conn conn-${status}`} data-testid="lab-connection" data-status={status} role="status">
      {t(`conn.${status}`)}
    </span>
  );
}
