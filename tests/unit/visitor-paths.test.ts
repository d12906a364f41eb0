import { describe, expect, it } from 'vitest';
import { catalogueParams, visitorPath } from '@/lib/catalogue/visitor-paths';

const path = (url: string) => {
  const u = new URL(url, 'http://desk.test');
  return visitorPath(u.pathname, u.searchParams);
};

describe('visitor cache paths', () => {
  it('sends an article page to its cached copy', () => {
    expect(path('/articles/harbour-dredging-plan')).toBe('/visitor/articles/harbour-dredging-plan');
    expect(path('/articles/caf%C3%A9-opens')).toBe('/visitor/articles/caf%C3%A9-opens');
  });

  it('gives equal catalogue queries one key: defaults dropped, fixed order, unknown parameters ignored', () => {
    const key = path('/articles?page=2&q=%20harbour%20&utm_source=x&section=Politics');
    expect(key).toBe(path('/articles?section=Politics&q=harbour&page=2'));
    expect(path('/articles?page=1')).toBe(path('/articles'));
    expect(path('/articles')).toBe('/visitor/catalogue/all');
  });

  it('reads the query back from the key, in a segment with nothing to percent-decode', () => {
    const key = path('/articles?q=fish%20%26%20chips%2Fpeas%20caf%C3%A9&tag=Ports&licensable=1')!;
    const segment = key.split('/').pop()!;
    expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(catalogueParams(segment)).toEqual({ q: 'fish & chips/peas café', tag: 'ports', licensable: '1' });
    expect(catalogueParams('all')).toEqual({});
  });

  it('leaves invalid parameters and other pages to the per-request render', () => {
    expect(path('/articles?page=0')).toBeNull();
    expect(path('/articles?from=2026-02-31')).toBeNull();
    expect(path('/articles/a/b')).toBeNull();
    expect(path('/account/requests')).toBeNull();
    expect(path('/')).toBeNull();
  });
});
