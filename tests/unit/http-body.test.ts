import { describe, expect, it } from 'vitest';
import { readBodyText, readJson, refuseCrossSite } from '@/lib/http';

const KB = 1024;

/** A body stream of `chunks` chunks of `size` bytes, counting how many were pulled. */
function counted(chunks: number, size: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= chunks) return controller.close();
        state.pulled += 1;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  ); // pulled only when read
  return { stream, state };
}

const post = (body: BodyInit | ReadableStream | null, headers: Record<string, string> = {}) =>
  new Request('http://desk.test/api/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readBodyText: one body reader that never holds more than its limit', () => {
  it('refuses a declared Content-Length above the limit without reading a byte', async () => {
    const { stream, state } = counted(1000, KB);
    const res = await readBodyText(post(stream, { 'content-length': String(20 * 1024 * KB) }), 16 * KB);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.response.status).toBe(413);
      expect(await res.response.json()).toEqual({ error: expect.stringMatching(/too large/) });
    }
    expect(state.pulled).toBe(0);
  });

  it('stops a chunked body (no Content-Length) at the limit and cancels the upload', async () => {
    // 150 MB on offer; the reader must give up after ~16 KB.
    const { stream, state } = counted(150 * 1024, KB);
    const res = await readBodyText(post(stream), 16 * KB);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(20);
    expect(state.cancelled).toBe(true);
  });

  it('stops a body that lies about its length (says 10 bytes, sends megabytes)', async () => {
    const { stream, state } = counted(10 * 1024, KB);
    const req = post(stream);
    // Request forbids setting content-length on a stream body; a lying header reaches handlers as is.
    Object.defineProperty(req, 'headers', { value: new Headers({ 'content-length': '10' }) });
    const res = await readBodyText(req, 16 * KB);
    expect(res.ok).toBe(false);
    expect(state.pulled).toBeLessThanOrEqual(20);
  });

  it('refuses a malformed Content-Length, reads a body within the limit', async () => {
    expect((await readBodyText(post('{}', {}), 16 * KB)).ok).toBe(true);
    const bad = post('x');
    Object.defineProperty(bad, 'headers', { value: new Headers({ 'content-length': '1e9' }) });
    expect((await readBodyText(bad, 16 * KB)).ok).toBe(false);
    const exact = await readBodyText(post('é'.repeat(8 * KB)), 16 * KB); // 16 KB of UTF-8
    expect(exact).toEqual({ ok: true, body: 'é'.repeat(8 * KB) });
    expect((await readBodyText(post('é'.repeat(8 * KB) + 'x'), 16 * KB)).ok).toBe(false);
  });

  it('readJson: 400 for text that is not JSON, the value otherwise', async () => {
    const bad = await readJson(post('{"a":'), KB);
    expect(bad.ok || bad.response.status).toBe(400);
    expect(await readJson(post('{"a":1}'), KB)).toEqual({ ok: true, body: { a: 1 } });
  });
});

describe('refuseCrossSite', () => {
  const req = (headers: Record<string, string>) =>
    new Request('http://desk.test/api/requests', { method: 'POST', headers });
  it('wants JSON (415) and, when an Origin is sent, our own (403)', () => {
    expect(refuseCrossSite(req({ 'content-type': 'text/plain' }))?.status).toBe(415);
    expect(refuseCrossSite(req({ 'content-type': 'application/x-www-form-urlencoded' }))?.status).toBe(415);
    expect(refuseCrossSite(req({}))?.status).toBe(415);
    expect(refuseCrossSite(req({ 'content-type': 'application/json', origin: 'https://evil.example' }))?.status).toBe(
      403,
    );
    expect(refuseCrossSite(req({ 'content-type': 'application/json', origin: 'null' }))?.status).toBe(403);
    expect(
      refuseCrossSite(req({ 'content-type': 'application/json', origin: 'http://desk.test.evil.example' }))?.status,
    ).toBe(403);
    expect(
      refuseCrossSite(req({ 'content-type': 'application/json; charset=utf-8', origin: 'http://desk.test' })),
    ).toBeNull();
    expect(refuseCrossSite(req({ 'content-type': 'application/json' }))).toBeNull();
  });
});
