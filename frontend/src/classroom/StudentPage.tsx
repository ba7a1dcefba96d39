import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { useClassText } from './messages';
import { checkWhy } from '../i18n/serverText';
import { LabConnection } from '../lab/labConnection';
import { navigate } from '../router';
import { DEFAULT_SPEED } from '../timeline/clock';
import { ClassLabView, useVerdicts } from './ClassLabView';
import { classSocketUrl, type ClassroomApi } from './classroomApi';
import { applyToMe } from './classState';
import { forgetMembership, membershipOf, safeStorage, type Membership } from './memberships';
import { readOnlyApi } from './readOnlyApi';
import type { Me, StepStatus } from './types';
import { useClassChannel } from './useClassChannel';

/**
 * `/class/{classId}`: a student's page. Their own lab, with each step's check judged live by the class (the verdicts
 * come over the class channel and show in the lab's steps), their progress at a glance, and, while the teacher
 * presents, the teacher's lab in a read-only tab that opens by itself and that they can leave for their own.
 */
export function StudentPage({ api, classId }: { api: ApiClient; classroom: ClassroomApi; classId: string }) {
  const { t, tc } = useClassText();
  const [membership] = useState<Membership | null>(() => membershipOf(safeStorage(), { classId }));
  const url = membership ? classSocketUrl(classId, 'student', membership.token) : null;
  const { state: me, status, detail } = useClassChannel<Me | null>(url, null, applyToMe);
  const [view, setView] = useState<'own' | 'presented'>('own');
  const presenting = me?.presenting ?? false;
  const instance = me?.instance ?? null;
  const shown = useRef<string | null>(null);

  // a lab given by a reset starts paused: set it playing as joining does
  useEffect(() => {
    if (shown.current && instance && instance !== shown.current) {
      if (membership) api.keepInstanceToken(instance, membership.token);
      api.control(instance, { action: 'play', speed: DEFAULT_SPEED, skipIdle: true }).catch(() => {});
    }
    if (instance) shown.current = instance;
  }, [api, instance, membership]);

  // the teacher's screen comes up when they start presenting, and goes when they stop
  useEffect(() => {
    setView(presenting ? 'presented' : 'own');
  }, [presenting]);

  if (!membership) {
    return (
      <main class="home class-page" data-testid="class-student-page">
        <p class="status error" data-testid="class-no-membership">
          {tc('class.noMembership')}
        </p>
        <a class="button" href="/join" data-testid="class-join-link" onClick={(e) => go(e, null)}>
          {tc('class.nav.join')}
        </a>
      </main>
    );
  }
  if (status === 'refused') {
    return (
      <main class="home class-page" data-testid="class-student-page">
        <p class="status error" role="alert" data-testid="class-refused">
          {tc('class.refused', { reason: detail ?? '' })}
        </p>
        <a class="button" href="/join" data-testid="class-join-link" onClick={(e) => leave(e, classId)}>
          {tc('class.nav.join')}
        </a>
      </main>
    );
  }
  if (!me) {
    return (
      <p class="status lab-loading" data-testid="class-loading" aria-busy="true">
        {t('lab.connecting')}
      </p>
    );
  }

  return (
    <div class="class-shell" data-testid="class-student-page" data-connection={status}>
      <StudentBar me={me} />
      {me.ended && (
        <p class="status class-ended" data-testid="class-ended">
          {tc('class.ended')}
        </p>
      )}
      {!me.ended && (
        <div class="tabs class-tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={view === 'own'}
            class={view === 'own' ? 'tab active' : 'tab'}
            data-testid="class-tab-own"
            onClick={() => setView('own')}
          >
            {tc('class.tab.mylab')}
          </button>
          {presenting && (
            <button
              type="button"
              role="tab"
              aria-selected={view === 'presented'}
              class={view === 'presented' ? 'tab active class-live' : 'tab class-live'}
              data-testid="class-tab-presented"
              onClick={() => setView('presented')}
            >
              {tc('class.tab.presented')}
            </button>
          )}
          {me.instance && (
            <a class="nav-link class-open-full" href={`/labs/${me.instance}`} target="_blank" rel="noopener" data-testid="class-open-full">
              {tc('class.openFull')}
            </a>
          )}
        </div>
      )}
      <div class="class-body">
        {!me.ended && view === 'own' && me.instance && (
          <OwnLab key={me.instance} api={api} instanceId={me.instance} token={membership.token} progress={me.progress} />
        )}
        {!me.ended && view === 'presented' && presenting && (
          <PresentedLab api={api} classId={classId} token={membership.token} onBack={() => setView('own')} />
        )}
      </div>
    </div>
  );
}

function StudentBar({ me }: { me: Me }) {
  const { pick, tc, lang } = useClassText();
  return (
    <header class="class-bar">
      <div class="class-bar-title">
        <h1 data-testid="class-title">{tc('class.me.heading', { name: me.name, title: pick(me.title) })}</h1>
      </div>
      <ol class="class-progress" aria-label={tc('class.progress.label')} data-testid="class-progress">
        {me.progress.map((s) => (
          <li
            key={s.step}
            class={`class-progress-step class-cell-${s.status}`}
            data-testid={`class-progress-step-${s.step}`}
            data-status={s.status}
            title={checkWhy(lang, s)}
          >
            {tc('class.progress.step', { n: s.step, status: tc(`class.status.${s.status}`) })}
          </li>
        ))}
      </ol>
      <a class="nav-link" href="/join" data-testid="class-leave" onClick={(e) => leave(e, me.classId)}>
        {tc('class.me.leave', { name: me.name })}
      </a>
    </header>
  );
}

/**
 * The student's own lab. The class judges its checks; their verdicts go into the lab's own steps panel as the lab
 * protocol's `check` messages would.
 */
function OwnLab(props: { api: ApiClient; instanceId: string; token: string; progress: StepStatus[] }) {
  const { api, instanceId, progress } = props;
  const connection = useMemo(() => {
    api.keepInstanceToken(instanceId, props.token); // the student token owns the student's lab: it types and runs it
    return new LabConnection(instanceId, api);
  }, [api, instanceId, props.token]);
  useVerdicts(connection, progress);
  return <ClassLabView connection={connection} api={api} instanceId={instanceId} readOnly={false} testId="class-lab-own" />;
}

/** The lab the teacher presents, read-only, over the class's socket (a student never holds its instance id). */
function PresentedLab(props: { api: ApiClient; classId: string; token: string; onBack: () => void }) {
  const { tc } = useClassText();
  const { api, classId, token } = props;
  const presentedApi = useMemo(() => readOnlyApi(api, classId, 'presented', token), [api, classId, token]);
  const connection = useMemo(
    () => new LabConnection('presented', presentedApi, { url: classSocketUrl(classId, 'labs/presented', token) }),
    [presentedApi, classId, token],
  );
  return (
    <ClassLabView
      connection={connection}
      api={presentedApi}
      instanceId="presented"
      readOnly
      testId="class-lab-presented"
      banner={
        <p class="class-banner" data-testid="class-presented-banner">
          <span>{tc('class.readOnly.presented')}</span>{' '}
          <button type="button" class="tool small" data-testid="class-presented-back" onClick={props.onBack}>
            {tc('class.presented.back')}
          </button>
        </p>
      }
    />
  );
}

function go(e: Event, code: string | null) {
  e.preventDefault();
  navigate({ name: 'join', code });
}

/** Forgets this browser's place in the class, so someone else can join from it. */
function leave(e: Event, classId: string) {
  e.preventDefault();
  forgetMembership(safeStorage(), classId);
  navigate({ name: 'join', code: null });
}
