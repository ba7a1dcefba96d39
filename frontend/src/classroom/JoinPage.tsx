import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { useClassText } from './messages';
import { navigate } from '../router';
import { DEFAULT_SPEED } from '../timeline/clock';
import type { ClassroomApi } from './classroomApi';
import { membershipOf, normalizeCode, rememberMembership, safeStorage } from './memberships';

/**
 * `/join` (or `/join/{code}`): a student types the class code and their name and gets their own lab, which starts
 * playing in slow motion as a lab opened from the home page does. A browser that is in the class already is offered
 * to continue as who it was, with the same lab.
 */
export function JoinPage({ api, classroom, code }: { api: ApiClient; classroom: ClassroomApi; code: string | null }) {
  const { tc } = useClassText();
  const [typedCode, setCode] = useState(code ?? '');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const known = typedCode.trim() ? membershipOf(safeStorage(), { joinCode: typedCode }) : null;

  const join = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const joined = await classroom.join(typedCode, name);
      rememberMembership(safeStorage(), {
        classId: joined.classId,
        joinCode: normalizeCode(typedCode),
        member: joined.member,
        name: joined.name,
        token: joined.studentToken,
      });
      api.keepInstanceToken(joined.instance, joined.studentToken); // the student token owns the student's lab
      try {
        await api.control(joined.instance, { action: 'play', speed: DEFAULT_SPEED, skipIdle: true });
      } catch {
        // the lab still opens, paused; its Play button works the same
      }
      navigate({ name: 'class', classId: joined.classId });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <main class="home class-page class-join" data-testid="join-page">
      <section class="hero">
        <h1>{tc('class.join.title')}</h1>
        <p>{tc('class.join.intro')}</p>
      </section>
      <form class="class-form" onSubmit={join}>
        <label>
          <span>{tc('class.join.code')}</span>
          <input
            data-testid="join-code"
            value={typedCode}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={12}
            onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          <span>{tc('class.join.name')}</span>
          <input
            data-testid="join-name"
            value={name}
            maxLength={40}
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="button" data-testid="join-submit" disabled={busy}>
          {busy ? tc('class.join.joining') : tc('class.join.submit')}
        </button>
        {known && (
          <p class="class-resume">
            <span>{tc('class.join.resume.hint')}</span>{' '}
            <button
              type="button"
              class="button quiet"
              data-testid="join-resume"
              onClick={() => navigate({ name: 'class', classId: known.classId })}
            >
              {tc('class.join.resume', { name: known.name })}
            </button>
          </p>
        )}
        {error && (
          <p class="status error" role="alert" data-testid="join-error">
            {tc('class.join.error', { reason: error })}
          </p>
        )}
      </form>
    </main>
  );
}
