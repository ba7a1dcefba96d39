import { ApiError, type ApiClient } from '../api/client';
import type { PacketDetail, PacketPage, ProblemDetail } from '../api/types';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The REST client a read-only lab view of a class uses: the teacher watching a student (`view` is the student's id)
 * or a student watching the presented lab (`presented`). The lab file, packets and pcap come from
 * `/api/classes/{id}/labs/{view}/…` with the viewer's token, since the viewer does not know the lab's instance id;
 * everything that would change the lab is refused here as the server would refuse it.
 */
export function readOnlyApi(
  base: ApiClient,
  classId: string,
  view: string,
  token: string,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): ApiClient {
  const root = `/api/classes/${encodeURIComponent(classId)}/labs/${encodeURIComponent(view)}`;
  async function get(path: string, accept: string, signal?: AbortSignal): Promise<Response> {
    const response = await fetchImpl(root + path, { headers: { Accept: accept, Authorization: `Bearer ${token}` }, signal });
    if (!response.ok) throw new ApiError(response.status, await readProblem(response));
    return response;
  }
  return {
    ...base,
    labFile: async (_id, signal) => (await get('/lab-file', 'application/yaml', signal)).text(),
    control: () => Promise.reject(new ApiError(403, { status: 403, detail: 'This lab is shown read-only.' })),
    packets: async (_id, query, page, size, signal) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') params.set(key, String(value));
      }
      params.set('page', String(page));
      params.set('size', String(size));
      return (await (await get(`/packets?${params}`, 'application/json', signal)).json()) as PacketPage;
    },
    packet: async (_id, number, signal) =>
      (await (await get(`/packets/${number}`, 'application/json', signal)).json()) as PacketDetail,
    pcapUrl: (_id, node) =>
      `${root}/pcap?token=${encodeURIComponent(token)}` + (node ? `&node=${encodeURIComponent(node)}` : ''),
  };
}

async function readProblem(response: Response): Promise<ProblemDetail | null> {
  if (!(response.headers.get('Content-Type') ?? '').includes('json')) return null;
  try {
    return (await response.json()) as ProblemDetail;
  } catch {
    return null;
  }
}
