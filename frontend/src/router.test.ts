import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './router';

describe('routes', () => {
  it('reads the home page and a lab instance from the path', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/labs/9pYkLr0zQxW3m2fJ5d8sAg')).toEqual({ name: 'lab', instanceId: '9pYkLr0zQxW3m2fJ5d8sAg' });
    expect(parseRoute('/labs/a-b_c/')).toEqual({ name: 'lab', instanceId: 'a-b_c' });
    expect(parseRoute('/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });

  it('reads a share link, and a lab opened read-only from one', () => {
    expect(parseRoute('/share/Gf3k0S1dX8bq2mZrT4yWvA')).toEqual({ name: 'share', linkId: 'Gf3k0S1dX8bq2mZrT4yWvA' });
    expect(parseRoute('/labs/abc', '?view=readonly')).toEqual({ name: 'lab', instanceId: 'abc', readOnly: true });
    expect(parseRoute('/labs/abc', '?view=other')).toEqual({ name: 'lab', instanceId: 'abc' });
    expect(routePath({ name: 'lab', instanceId: 'abc', readOnly: true })).toBe('/labs/abc?view=readonly');
    expect(routePath({ name: 'share', linkId: 'L1' })).toBe('/share/L1');
  });

  it('writes each route back as its path', () => {
    expect(routePath({ name: 'lab', instanceId: 'abc' })).toBe('/labs/abc');
    expect(routePath({ name: 'home' })).toBe('/');
  });
});
