import type { ControlMessage, RunState, Snapshot } from './protocol';
import type { CreateInstanceRequest, LabSummary, PacketDetail, PacketPage, PacketQuery, ProblemDetail } from './types';

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
  /** Starts an instance; resolves to its first snapshot. */
  createInstance(request: CreateInstanceRequest): Promise<Snapshot>;
  /** The instance as a lab file (YAML), with its title, steps and node positions. */
  labFile(instanceId: string, signal?: AbortSignal): Promise<string>;
  /** A run control over REST (the lab view sends them over the WebSocket; this is for before it is open). */
  control(instanceId: string, control: Omit<ControlMessage, 'type'>): Promise<RunState>;
  packets(instanceId: string, query: PacketQuery, page: number, size: number, signal?: AbortSignal): Promise<PacketPage>;
  packet(instanceId: string, number: number, signal?: AbortSignal): Promise<PacketDetail>;
  /** Where the browser downloads a pcap of every frame, or of what one node sent and received. */
  pcapUrl(instanceId: string, node?: string): string;
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

  async function send<T>(method: string, path: string, body: unknown, parse: (r: Response) => Promise<T>): Promise<T> {
    const response = await fetchImpl(baseUrl + path, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response));
    }
    return parse(response);
  }

  const instance = (id: string) => `/api/instances/${encodeURIComponent(id)}`;

  return {
    listLabs: (signal) => getJson<LabSummary[]>('/api/labs', signal),
    createInstance: (request) => send('POST', '/api/instances', request, (r) => r.json() as Promise<Snapshot>),
    labFile: async (id, signal) => {
      const response = await fetchImpl(baseUrl + instance(id) + '/lab-file', {
        headers: { Accept: 'application/yaml' },
        signal,
      });
      if (!response.ok) throw new ApiError(response.status, await readProblem(response));
      return response.text();
    },
    control: (id, control) =>
      send('POST', instance(id) + '/run', { ...control, action: control.action.toUpperCase().replace(/-/g, '_') }, (r) =>
        r.json() as Promise<RunState>,
      ),
    packets: (id, query, page, size, signal) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') params.set(key, String(value));
      }
      params.set('page', String(page));
      params.set('size', String(size));
      return getJson<PacketPage>(`${instance(id)}/packets?${params}`, signal);
    },
    packet: (id, number, signal) => getJson<PacketDetail>(`${instance(id)}/packets/${number}`, signal),
    pcapUrl: (id, node) => baseUrl + instance(id) + '/pcap' + (node ? `?node=${encodeURIComponent(node)}` : ''),
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
