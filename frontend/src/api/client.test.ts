import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './client';
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
