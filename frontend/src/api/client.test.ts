import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './client';
import { instanceTokenStore } from './instanceTokens';
import { SWITCH_LAB } from '../test-support';

function respond(status: number, body: unknown, contentType = 'application/json') {
  const calls: string[] = [];
  const fetchImpl = async (input: string) => {
    calls.push(input);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
  };
  return { fetchImpl, calls };
}

describe('createApiClient', () => {
  it('listLabs gets /api/labs and returns the parsed catalogue', async () => {
    const { fetchImpl, calls } = respond(200, [SWITCH_LAB]);
    const labs = await createApiClient(fetchImpl).listLabs();
    expect(calls).toEqual(['/api/labs']);
    expect(labs).toEqual([SWITCH_LAB]);
  });

  it('prefixes the base URL', async () => {
    const { fetchImpl, calls } = respond(200, []);
    await createApiClient(fetchImpl, 'http://localhost:8080').listLabs();
    expect(calls).toEqual(['http://localhost:8080/api/labs']);
  });

  it('turns a problem detail into an ApiError carrying its detail', async () => {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No endpoint GET /api/labz.' };
    const { fetchImpl } = respond(404, problem, 'application/problem+json');
    const error = await createApiClient(fetchImpl).listLabs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).problem).toEqual(problem);
    expect((error as ApiError).message).toBe('No endpoint GET /api/labz.');
  });

  it('names the HTTP status when the error body is not JSON', async () => {
    const { fetchImpl } = respond(502, 'Bad gateway', 'text/plain');
    const error = (await createApiClient(fetchImpl).listLabs().catch((e: unknown) => e)) as ApiError;
    expect(error.problem).toBeNull();
    expect(error.message).toBe('HTTP 502');
  });
});

describe('createApiClient: edits and share links', () => {
  function recording(status: number, body: unknown) {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetchImpl = async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    };
    return { fetchImpl, calls };
  }

  it('changes a link with lab-file keys in a PATCH to its name', async () => {
    const { fetchImpl, calls } = recording(200, { name: 'pc1:eth0-sw1:p1' });
    await createApiClient(fetchImpl).editLink('i1', 'pc1:eth0-sw1:p1', { delay: '20ms' });
    expect(calls[0]!.url).toBe('/api/instances/i1/links/pc1%3Aeth0-sw1%3Ap1');
    expect(calls[0]!.init!.method).toBe('PATCH');
    expect(calls[0]!.init!.body).toBe('{"delay":"20ms"}');
  });

  it('removes a node with a DELETE and no body', async () => {
    const { fetchImpl, calls } = recording(204, null);
    await createApiClient(fetchImpl).removeNode('i1', 'pc2');
    expect(calls[0]!.init!.method).toBe('DELETE');
    expect(calls[0]!.init!.body).toBeUndefined();
  });

  it('carries the owner token as a bearer token, never in the address', async () => {
    const { fetchImpl, calls } = recording(201, { id: 'L1', mode: 'readonly' });
    await createApiClient(fetchImpl).createShareLink('S1', 'secret-token', 'readonly');
    expect(calls[0]!.url).toBe('/api/saved-labs/S1/share-links');
    expect((calls[0]!.init!.headers as Record<string, string>).Authorization).toBe('Bearer secret-token');
    expect(calls[0]!.init!.body).toBe('{"mode":"readonly"}');
  });
});

describe('createApiClient: instance tokens', () => {
  function recording(status: number, body: unknown) {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetchImpl = async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    };
    return { fetchImpl, calls };
  }
  const headers = (init: RequestInit | undefined) => init!.headers as Record<string, string>;

  it('keeps the owner token a created instance is answered with, and leaves it out of the snapshot', async () => {
    const tokens = instanceTokenStore(null);
    const { fetchImpl } = recording(201, { instance: 'i1', nodes: [], ownerToken: 'owner-1' });
    const snapshot = await createApiClient(fetchImpl, '', tokens).createInstance({ lab: 'switch-basics' });
    expect(tokens.get('i1')).toBe('owner-1');
    expect(snapshot).toEqual({ instance: 'i1', nodes: [] });
  });

  it('keeps the replay token of a read-only share link instance', async () => {
    const tokens = instanceTokenStore(null);
    const { fetchImpl } = recording(201, { instance: 'r1', replayToken: 'replay-1' });
    await createApiClient(fetchImpl, '', tokens).startSharedInstance('L1');
    expect(tokens.get('r1')).toBe('replay-1');
  });

  it("sends a run control with the instance's owner token as a bearer token", async () => {
    const tokens = instanceTokenStore(null);
    tokens.set('i1', 'owner-1');
    const { fetchImpl, calls } = recording(200, { mode: 'PLAYING' });
    await createApiClient(fetchImpl, '', tokens).control('i1', { action: 'play', speed: 1 });
    expect(calls[0]!.url).toBe('/api/instances/i1/run');
    expect(headers(calls[0]!.init).Authorization).toBe('Bearer owner-1');
  });

  it('sends a topology edit with the owner token of the instance it edits', async () => {
    const tokens = instanceTokenStore(null);
    tokens.set('i1', 'owner-1');
    tokens.set('i2', 'owner-2');
    const { fetchImpl, calls } = recording(204, null);
    await createApiClient(fetchImpl, '', tokens).removeNode('i2', 'pc1');
    expect(headers(calls[0]!.init).Authorization).toBe('Bearer owner-2');
  });

  it('sends no Authorization for an instance it holds no token for', async () => {
    const { fetchImpl, calls } = recording(200, { mode: 'PAUSED' });
    await createApiClient(fetchImpl, '', instanceTokenStore(null)).control('i9', { action: 'pause' });
    expect(headers(calls[0]!.init).Authorization).toBeUndefined();
  });

  it("saves an instance with its owner token, and updates a saved lab with the instance's token in the body", async () => {
    const tokens = instanceTokenStore(null);
    tokens.set('i1', 'owner-1');
    const { fetchImpl, calls } = recording(201, { id: 'S1', ownerToken: 'saved-1' });
    const api = createApiClient(fetchImpl, '', tokens);
    await api.saveLab('i1');
    await api.updateSavedLab('S1', 'saved-1', 'i1');
    expect(headers(calls[0]!.init).Authorization).toBe('Bearer owner-1');
    expect(calls[0]!.init!.body).toBe('{"instance":"i1"}');
    expect(headers(calls[1]!.init).Authorization).toBe('Bearer saved-1');
    expect(calls[1]!.init!.body).toBe('{"instance":"i1","instanceToken":"owner-1"}');
  });

  it('never puts a token in an address', async () => {
    const tokens = instanceTokenStore(null);
    tokens.set('i1', 'owner-1');
    const { fetchImpl, calls } = recording(200, { mode: 'PLAYING' });
    const api = createApiClient(fetchImpl, '', tokens);
    await api.control('i1', { action: 'play' });
    expect(calls[0]!.url).not.toContain('owner-1');
    expect(api.pcapUrl('i1')).not.toContain('owner-1');
  });
});
