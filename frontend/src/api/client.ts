import { pageInstanceTokens, type InstanceTokenStore } from './instanceTokens';
import type { ControlMessage, LinkView, NodeView, RunState, Snapshot, SocketHistoryResponse } from './protocol';
import type {
  CreateInstanceRequest,
  InstanceTokens,
  LabSummary,
  PacketDetail,
  PacketPage,
  PacketQuery,
  ProblemDetail,
  SavedLabCreated,
  SharedLab,
  ShareLink,
  ShareMode,
} from './types';

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

/**
 * The typed client for PacketLab's REST API. The only module that calls `fetch`. It keeps the token the server gives
 * for each instance this browser creates or opens, and sends it (`Authorization: Bearer`) on every call that changes
 * that instance; the lab's WebSocket reads the same store.
 */
export interface ApiClient {
  listLabs(signal?: AbortSignal): Promise<LabSummary[]>;
  /** Starts an instance and keeps its owner token; resolves to its first snapshot. */
  createInstance(request: CreateInstanceRequest): Promise<Snapshot>;
  /** The instance as a lab file (YAML), with its title, steps and node positions. */
  labFile(instanceId: string, signal?: AbortSignal): Promise<string>;
  /** A run control over REST (the lab view sends them over the WebSocket; this is for before it is open). */
  control(instanceId: string, control: Omit<ControlMessage, 'type'>): Promise<RunState>;
  packets(instanceId: string, query: PacketQuery, page: number, size: number, signal?: AbortSignal): Promise<PacketPage>;
  packet(instanceId: string, number: number, signal?: AbortSignal): Promise<PacketDetail>;
  /** Where the browser downloads a pcap of every frame, or of what one node sent and received. */
  pcapUrl(instanceId: string, node?: string): string;
  /** Every node's sockets since the instance started: state changes with their causes, TCP variables. */
  socketHistory(instanceId: string, signal?: AbortSignal): Promise<SocketHistoryResponse>;

  // topology edits, written with lab-file keys (docs/protocol.md); a 400 names the place in the lab file
  addNode(instanceId: string, node: Record<string, unknown>): Promise<NodeView>;
  editNode(instanceId: string, node: string, set: Record<string, unknown>): Promise<NodeView>;
  removeNode(instanceId: string, node: string): Promise<void>;
  addLink(instanceId: string, link: Record<string, unknown>): Promise<LinkView>;
  editLink(instanceId: string, link: string, set: Record<string, unknown>): Promise<LinkView>;
  removeLink(instanceId: string, link: string): Promise<void>;

  // saved labs and share links (docs/persistence.md)
  /** Saves a live instance as it stands; the owner token is answered this once. */
  saveLab(instanceId: string): Promise<SavedLabCreated>;
  /** Replaces a saved lab with the live instance as it now stands. */
  updateSavedLab(savedLabId: string, ownerToken: string, instanceId: string): Promise<void>;
  createShareLink(savedLabId: string, ownerToken: string, mode: ShareMode): Promise<ShareLink>;
  openShareLink(linkId: string): Promise<SharedLab>;
  /** A live instance of a share link's lab at the shared point, its token kept; resolves to its first snapshot. */
  startSharedInstance(linkId: string): Promise<Snapshot>;
  /** The token this browser holds for an instance (owner or replay), or null: it may only watch it. */
  instanceToken(instanceId: string): string | null;
  /** Keeps a token given for an instance some other way (a class's student or teacher token owns their lab). */
  keepInstanceToken(instanceId: string, token: string): void;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function createApiClient(
  fetchImpl: Fetch = (input, init) => fetch(input, init),
  baseUrl = '',
  tokens: InstanceTokenStore = pageInstanceTokens(),
): ApiClient {
  async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
    const response = await fetchImpl(baseUrl + path, { headers: { Accept: 'application/json' }, signal });
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response));
    }
    return (await response.json()) as T;
  }

  async function send<T>(
    method: string,
    path: string,
    body: unknown,
    parse: (r: Response) => Promise<T>,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetchImpl(baseUrl + path, {
      method,
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response));
    }
    return parse(response);
  }

  const instance = (id: string) => `/api/instances/${encodeURIComponent(id)}`;
  const json = <T>(r: Response) => r.json() as Promise<T>;
  const none = async () => undefined;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  /** The Authorization header that changes instance `id`, if this browser holds its token. */
  const owner = (id: string): Record<string, string> => {
    const token = tokens.get(id);
    return token ? bearer(token) : {};
  };
  /** Keeps the token a created or opened instance was answered with; the snapshot is what callers use. */
  const created = async (r: Response): Promise<Snapshot> => {
    const body = (await r.json()) as Snapshot & InstanceTokens;
    const token = body.ownerToken ?? body.replayToken;
    if (token) tokens.set(body.instance, token);
    delete body.ownerToken;
    delete body.replayToken;
    return body;
  };
  const saved = (id: string) => `/api/saved-labs/${encodeURIComponent(id)}`;
  const share = (id: string) => `/api/share/${encodeURIComponent(id)}`;

  return {
    listLabs: (signal) => getJson<LabSummary[]>('/api/labs', signal),
    socketHistory: (id, signal) => getJson<SocketHistoryResponse>(instance(id) + '/sockets/history', signal),
    createInstance: (request) => send('POST', '/api/instances', request, created),
    labFile: async (id, signal) => {
      const response = await fetchImpl(baseUrl + instance(id) + '/lab-file', {
        headers: { Accept: 'application/yaml' },
        signal,
      });
      if (!response.ok) throw new ApiError(response.status, await readProblem(response));
      return response.text();
    },
    control: (id, control) =>
      send(
        'POST',
        instance(id) + '/run',
        { ...control, action: control.action.toUpperCase().replace(/-/g, '_') },
        (r) => r.json() as Promise<RunState>,
        owner(id),
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
    addNode: (id, node) => send('POST', `${instance(id)}/nodes`, node, json<NodeView>, owner(id)),
    editNode: (id, node, set) =>
      send('PATCH', `${instance(id)}/nodes/${encodeURIComponent(node)}`, set, json<NodeView>, owner(id)),
    removeNode: (id, node) => send('DELETE', `${instance(id)}/nodes/${encodeURIComponent(node)}`, undefined, none, owner(id)),
    addLink: (id, link) => send('POST', `${instance(id)}/links`, link, json<LinkView>, owner(id)),
    editLink: (id, link, set) =>
      send('PATCH', `${instance(id)}/links/${encodeURIComponent(link)}`, set, json<LinkView>, owner(id)),
    removeLink: (id, link) => send('DELETE', `${instance(id)}/links/${encodeURIComponent(link)}`, undefined, none, owner(id)),
    // saving an instance takes its owner token; an update's header carries the saved lab's, so the instance's goes in the body
    saveLab: (id) => send('POST', '/api/saved-labs', { instance: id }, json<SavedLabCreated>, owner(id)),
    updateSavedLab: (savedId, token, id) =>
      send('PUT', saved(savedId), { instance: id, instanceToken: tokens.get(id) ?? undefined }, none, bearer(token)),
    createShareLink: (savedId, token, mode) => send('POST', `${saved(savedId)}/share-links`, { mode }, json<ShareLink>, bearer(token)),
    openShareLink: (linkId) => getJson<SharedLab>(share(linkId)),
    startSharedInstance: (linkId) => send('POST', `${share(linkId)}/instances`, undefined, created),
    instanceToken: (id) => tokens.get(id),
    keepInstanceToken: (id, token) => tokens.set(id, token),
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
