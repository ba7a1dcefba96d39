import { ApiError } from '../api/client';
import type { ProblemDetail } from '../api/types';
import type { ClassCreated, ClassState, Dashboard, Joined, Me } from './types';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The classroom REST API (`/api/classes`). Each call about a class carries the teacher's or a student's token. */
export interface ClassroomApi {
  createClass(request: { lab: string } | { labFile: string; fileName: string }): Promise<ClassCreated>;
  join(code: string, name: string): Promise<Joined>;
  dashboard(classId: string, token: string, signal?: AbortSignal): Promise<Dashboard>;
  me(classId: string, token: string, signal?: AbortSignal): Promise<Me>;
  change(classId: string, token: string, change: Partial<Pick<ClassState, 'locked' | 'presenting'>>): Promise<ClassState>;
  end(classId: string, token: string): Promise<ClassState>;
  reset(classId: string, token: string, member: string): Promise<void>;
  /** The results as CSV text. */
  results(classId: string, token: string): Promise<string>;
}

export function createClassroomApi(fetchImpl: Fetch = (input, init) => fetch(input, init), baseUrl = ''): ClassroomApi {
  async function call(method: string, path: string, token: string | null, body?: unknown, signal?: AbortSignal) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetchImpl(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    if (!response.ok) throw new ApiError(response.status, await readProblem(response));
    return response;
  }
  const json = async <T>(r: Promise<Response>) => (await (await r).json()) as T;
  const cls = (id: string) => `/api/classes/${encodeURIComponent(id)}`;

  return {
    createClass: (request) => json<ClassCreated>(call('POST', '/api/classes', null, request)),
    join: (code, name) => json<Joined>(call('POST', '/api/classes/join', null, { code, name })),
    dashboard: (id, token, signal) => json<Dashboard>(call('GET', cls(id), token, undefined, signal)),
    me: (id, token, signal) => json<Me>(call('GET', `${cls(id)}/me`, token, undefined, signal)),
    change: (id, token, change) => json<ClassState>(call('PATCH', cls(id), token, change)),
    end: (id, token) => json<ClassState>(call('POST', `${cls(id)}/end`, token)),
    reset: async (id, token, member) => {
      await call('POST', `${cls(id)}/students/${encodeURIComponent(member)}/reset`, token);
    },
    results: async (id, token) => (await call('GET', `${cls(id)}/results.csv`, token)).text(),
  };
}

async function readProblem(response: Response): Promise<ProblemDetail | null> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await response.json()) as ProblemDetail;
  } catch {
    return null;
  }
}

/** The WebSocket URL of a class channel or a class's read-only lab, on the page's own host. */
export function classSocketUrl(
  classId: string,
  path: string,
  token: string,
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/classes/${encodeURIComponent(classId)}/${path}?token=${encodeURIComponent(token)}`;
}
