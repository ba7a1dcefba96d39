import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { LabSummary } from '../api/types';
import { useClassText } from './messages';
import { navigate } from '../router';
import { DEFAULT_SPEED } from '../timeline/clock';
import type { ClassroomApi } from './classroomApi';
import { rememberTeacher, safeStorage } from './memberships';

/**
 * `/classes/new`: the teacher picks a catalogue lab or a lab file, the class starts, and the teacher lands on its
 * dashboard (the token stays in this browser; the dashboard offers the teacher link to copy).
 */
export function NewClassPage({ api, classroom }: { api: ApiClient; classroom: ClassroomApi }) {
  const { t, pick, tc } = useClassText();
  const [labs, setLabs] = useState<LabSummary[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    api.listLabs(abort.signal).then(setLabs, (e: unknown) => {
      if (!abort.signal.aborted) setError(e instanceof Error ? e.message : String(e));
    });
    return () => abort.abort();
  }, [api]);

  const start = async (key: string, request: { lab: string } | { labFile: string; fileName: string }) => {
    setBusy(key);
    setError(null);
    try {
      const created = await classroom.createClass(request);
      rememberTeacher(safeStorage(), created.id, created.teacherToken);
      api.keepInstanceToken(created.teacherInstance, created.teacherToken); // the teacher token owns the teacher's lab
      try {
        await api.control(created.teacherInstance, { action: 'play', speed: DEFAULT_SPEED, skipIdle: true });
      } catch {
        // the teacher's lab still opens, paused
      }
      navigate({ name: 'teach', classId: created.id });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(null);
    }
  };

  return (
    <main class="home class-page" data-testid="class-new-page">
      <section class="hero">
        <h1>{tc('class.new.title')}</h1>
        <p>{tc('class.new.intro')}</p>
      </section>
      {error && (
        <p class="status error" role="alert" data-testid="class-new-error">
          {tc('class.new.error', { reason: error })}
        </p>
      )}
      <section class="start">
        <div class="start-actions">
          <button
            type="button"
            class="start-card"
            data-testid="class-new-file"
            disabled={busy !== null}
            onClick={() => file.current?.click()}
          >
            <span class="start-title">{busy === 'file' ? tc('class.new.starting') : tc('class.new.file')}</span>
            <span class="start-hint">{tc('class.new.file.hint')}</span>
          </button>
          <input
            ref={file}
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            class="sr-only"
            data-testid="class-new-file-input"
            onChange={async (e) => {
              const f = (e.currentTarget as HTMLInputElement).files?.[0];
              if (f) await start('file', { labFile: await f.text(), fileName: f.name });
            }}
          />
        </div>
      </section>
      <section class="catalogue">
        <div class="section-head">
          <h2>{tc('class.new.catalogue')}</h2>
        </div>
        {labs === null ? (
          <p class="status">{t('labs.loading')}</p>
        ) : (
          <ul class="lab-list" data-testid="class-new-labs">
            {labs.map((lab) => (
              <li key={lab.id} class="lab-card" data-testid={`class-new-lab-${lab.id}`}>
                <h3 class="lab-title">{pick(lab.title)}</h3>
                <p class="lab-summary">{pick(lab.summary)}</p>
                <div class="lab-meta">
                <button
                  type="button"
                  class="button"
                  data-testid={`class-new-start-${lab.id}`}
                  disabled={busy !== null}
                  aria-label={tc('class.new.start.aria', { title: pick(lab.title) })}
                  onClick={() => start(`lab:${lab.id}`, { lab: lab.id })}
                >
                  {busy === `lab:${lab.id}` ? tc('class.new.starting') : tc('class.new.start')}
                </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
