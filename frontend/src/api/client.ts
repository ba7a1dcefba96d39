import type { LabSummary, ProblemDetail } from './types';

/** An /api call that did not succeed; carries the server's problem detail when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetail | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** The typed client for PacketLab's REST API. The only module that calls `fetch`. */
export interface ApiClient {
  listLabs(signal?: AbortSignal): Promise<LabSummary[]>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function createApiClient(fetchImpl: Fetch = (input, init) => fetch(input, init), baseUrl = ''): ApiClient {
  async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
    const response = await fetchImpl(baseUrl + path, { headers: { Accept: 'application/json' }, signal });
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response));
    }
    return (await response.json()) as T;
  }

  return {
    listLabs: (signal) => getJson<LabSummary[]>('/api/labs', signal),
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
