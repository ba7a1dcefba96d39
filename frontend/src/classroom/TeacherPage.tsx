import { useCallback, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { useClassText } from './messages';
import { LabConnection } from '../lab/labConnection';
import { ClassLabView, useVerdicts } from './ClassLabView';
import { classSocketUrl, type ClassroomApi } from './classroomApi';
import { applyToDashboard } from './classState';
import { Dashboard } from './Dashboard';
import { rememberTeacher, safeStorage, teacherLink, teacherToken, tokenFromHash } from './memberships';
import { readOnlyApi } from './readOnlyApi';
import type { Dashboard as DashboardData, StudentRow } from './types';
import { useClassChannel } from './useClassChannel';

type Tab = { kind: 'dashboard' } | { kind: 'mylab' } | { kind: 'watch'; student: StudentRow };

/** The teacher link's token, taken out of the address bar (a projector shows it) and kept in this browser. */
function takeToken(classId: string): string | null {
  const fromLink = tokenFromHash(window.location.hash);
  if (fromLink) {
    rememberTeacher(safeStorage(), classId, fromLink);
    history.replaceState(history.state, '', window.location.pathname);
    return fromLink;
  }
  return teacherToken(safeStorage(), classId);
}

/**
 * `/teach/{classId}`: the teacher's page. The join code to show the class, the teacher's switches (lock, present,
 * end), the results to export, and three views: the dashboard (live over the class channel), the teacher's own lab
 * (the one "present" shows everyone) and a student's lab, watched read-only.
 */
export function TeacherPage({ api, classroom, classId }: { api: ApiClient; classroom: ClassroomApi; classId: string }) {
  const { t, pick, tc } = useClassText();
  const [token] = useState(() => takeToken(classId));
  const url = token ? classSocketUrl(classId, 'dashboard', token) : null;
  const { state: dashboard, status, detail } = useClassChannel<DashboardData | null>(url, null, applyToDashboard);
  const [tab, setTab] = useState<Tab>({ kind: 'dashboard' });
  const [error, setError] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [copied, setCopied] = useState(false);
  const joinUrl = `${window.location.origin}/join`;

  const act = useCallback(async (what: () => Promise<unknown>) => {
    setError(null);
    try {
      await what();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  if (!token) {
    return (
      <main class="home class-page" data-testid="class-teacher-page">
        <p class="status error" role="alert" data-testid="class-no-token">
          {tc('class.noToken')}
        </p>
      </main>
    );
  }
  if (status === 'refused') {
    return (
      <main class="home class-page" data-testid="class-teacher-page">
        <p class="status error" role="alert" data-testid="class-refused">
          {tc('class.refused', { reason: detail ?? '' })}
        </p>
      </main>
    );
  }
  if (!dashboard) {
    return (
      <p class="status lab-loading" data-testid="class-loading" aria-busy="true">
        {t('lab.connecting')}
      </p>
    );
  }

  const exportCsv = () =>
    act(async () => {
      const csv = await classroom.results(classId, token);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      link.download = `packetlab-class-${dashboard.joinCode}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    });

  const watching = tab.kind === 'watch' ? (dashboard.students.find((s) => s.id === tab.student.id) ?? tab.student) : null;

  return (
    <div class="class-shell" data-testid="class-teacher-page" data-connection={status}>
      <header class="class-bar">
        <div class="class-bar-title">
          <h1 data-testid="class-title">{dashboard.title.en ? pick(dashboard.title) : t('lab.untitled')}</h1>
          <span class={`conn conn-${status === 'open' ? 'open' : status}`} data-testid="class-connection" data-status={status}>
            {status === 'open' ? t('conn.open') : t(status === 'closed' ? 'conn.closed' : 'conn.reconnecting')}
          </span>
          {dashboard.locked && (
            <span class="pill" data-testid="class-locked-badge">
              {tc('class.locked')}
            </span>
          )}
          {dashboard.presenting && (
            <span class="pill class-live" data-testid="class-presenting-badge">
              {tc('class.presenting')}
            </span>
          )}
        </div>
        <div class="class-code" title={tc('class.code.hint', { url: joinUrl })}>
          <span class="class-code-label">{tc('class.code')}</span>
          <strong data-testid="class-join-code">{dashboard.joinCode}</strong>
        </div>
        <div class="class-actions-bar">
          <button
            type="button"
            class="tool"
            data-testid="class-copy-link"
            title={tc('class.copyLink.hint')}
            onClick={() =>
              act(async () => {
                await navigator.clipboard.writeText(teacherLink(window.location.origin, classId, token));
                setCopied(true);
                setTimeout(() => setCopied(false), 2000);
              })
            }
          >
            {copied ? tc('class.copied') : tc('class.copyLink')}
          </button>
          <button
            type="button"
            class="tool"
            data-testid="class-lock"
            aria-pressed={dashboard.locked}
            title={tc('class.lock.hint')}
            disabled={dashboard.ended}
            onClick={() => act(() => classroom.change(classId, token, { locked: !dashboard.locked }))}
          >
            {dashboard.locked ? tc('class.unlock') : tc('class.lock')}
          </button>
          <button
            type="button"
            class="tool"
            data-testid="class-present"
            aria-pressed={dashboard.presenting}
            disabled={dashboard.ended}
            onClick={() =>
              act(async () => {
                await classroom.change(classId, token, { presenting: !dashboard.presenting });
                if (!dashboard.presenting) setTab({ kind: 'mylab' });
              })
            }
          >
            {dashboard.presenting ? tc('class.present.stop') : tc('class.present')}
          </button>
          <button type="button" class="tool" data-testid="class-export" onClick={exportCsv}>
            {tc('class.export')}
          </button>
          {confirmEnd ? (
            <span class="class-confirm" role="alertdialog" aria-label={tc('class.end.confirm')}>
              <span>{tc('class.end.confirm')}</span>
              <button
                type="button"
                class="tool danger"
                data-testid="class-end-confirm"
                onClick={() =>
                  act(async () => {
                    setConfirmEnd(false);
                    setTab({ kind: 'dashboard' });
                    await classroom.end(classId, token);
                  })
                }
              >
                {tc('class.end.yes')}
              </button>
              <button type="button" class="tool" data-testid="class-end-cancel" onClick={() => setConfirmEnd(false)}>
                {tc('class.end.no')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              class="tool"
              data-testid="class-end"
              disabled={dashboard.ended}
              onClick={() => setConfirmEnd(true)}
            >
              {tc('class.end')}
            </button>
          )}
        </div>
      </header>
      {error && (
        <p class="status error class-error" role="alert" data-testid="class-error">
          {error}
        </p>
      )}
      {dashboard.ended && (
        <p class="status class-ended" data-testid="class-ended">
          {tc('class.ended')}
        </p>
      )}
      <div class="tabs class-tabs" role="tablist">
        <TabButton id="dashboard" active={tab.kind === 'dashboard'} onClick={() => setTab({ kind: 'dashboard' })}>
          {tc('class.tab.dashboard')}
        </TabButton>
        {dashboard.teacherInstance && (
          <TabButton id="mylab" active={tab.kind === 'mylab'} onClick={() => setTab({ kind: 'mylab' })}>
            {tc('class.tab.mylab')}
          </TabButton>
        )}
        {watching && (
          <span class="class-tab-watch">
            <TabButton id="watching" active onClick={() => {}}>
              {tc('class.tab.watching', { name: watching.name })}
            </TabButton>
            <button
              type="button"
              class="terminal-close"
              data-testid="class-spectate-close"
              aria-label={tc('class.spectate.close')}
              title={tc('class.spectate.close')}
              onClick={() => setTab({ kind: 'dashboard' })}
            >
              ×
            </button>
          </span>
        )}
      </div>
      <div class="class-body">
        {tab.kind === 'dashboard' && (
          <section class="class-dashboard" data-testid="class-dashboard">
            <div class="section-head">
              <h2>{tc('class.students.heading')}</h2>
              <span class="count" data-testid="class-student-count">
                {tc(dashboard.students.length === 1 ? 'class.students.count.one' : 'class.students.count.other', {
                  n: dashboard.students.length,
                })}
              </span>
            </div>
            <Dashboard
              dashboard={dashboard}
              joinUrl={joinUrl}
              onSpectate={(student) => setTab({ kind: 'watch', student })}
              onReset={(student) => act(() => classroom.reset(classId, token, student.id))}
            />
          </section>
        )}
        {tab.kind === 'mylab' && dashboard.teacherInstance && (
          <TeacherLab api={api} instanceId={dashboard.teacherInstance} token={token} />
        )}
        {watching && !dashboard.ended && (
          <WatchedLab api={api} classId={classId} token={token} student={watching} />
        )}
      </div>
    </div>
  );
}

function TabButton(props: { id: string; active: boolean; onClick: () => void; children: preact.ComponentChildren }) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={props.active}
      class={props.active ? 'tab active' : 'tab'}
      data-testid={`class-tab-${props.id}`}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** The teacher's own lab, in full: the one "present" shows the class. */
function TeacherLab({ api, instanceId, token }: { api: ApiClient; instanceId: string; token: string }) {
  const connection = useMemo(() => {
    api.keepInstanceToken(instanceId, token); // the teacher token owns the teacher's lab
    return new LabConnection(instanceId, api);
  }, [api, instanceId, token]);
  return <ClassLabView connection={connection} api={api} instanceId={instanceId} readOnly={false} testId="class-lab-mine" />;
}

/** A student's lab, watched read-only over the class's own socket (the teacher never holds its instance id). */
function WatchedLab(props: { api: ApiClient; classId: string; token: string; student: StudentRow }) {
  const { tc } = useClassText();
  const { api, classId, token, student } = props;
  const alias = `student-${student.id}`;
  const watchedApi = useMemo(() => readOnlyApi(api, classId, student.id, token), [api, classId, student.id, token]);
  const connection = useMemo(
    () => new LabConnection(alias, watchedApi, { url: classSocketUrl(classId, `labs/${student.id}`, token) }),
    [alias, watchedApi, classId, student.id, token],
  );
  useVerdicts(connection, student.steps);
  return (
    <ClassLabView
      key={student.id}
      connection={connection}
      api={watchedApi}
      instanceId={alias}
      readOnly
      testId="class-lab-watching"
      banner={
        <p class="class-banner" data-testid="class-watching-banner">
          {tc('class.readOnly.watching', { name: student.name })}
        </p>
      }
    />
  );
}
