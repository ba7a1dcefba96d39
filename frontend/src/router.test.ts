import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './router';

describe('routes', () => {
  it('reads the home page and a lab instance from the path', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/labs/9pYkLr0zQxW3m2fJ5d8sAg')).toEqual({ name: 'lab', instanceId: '9pYkLr0zQxW3m2fJ5d8sAg' });
    expect(parseRoute('/labs/a-b_c/')).toEqual({ name: 'lab', instanceId: 'a-b_c' });
    expect(parseRoute('/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });

  it('writes each route back as its path', () => {
    expect(routePath({ name: 'lab', instanceId: 'abc' })).toBe('/labs/abc');
    expect(routePath({ name: 'home' })).toBe('/');
  });
});
