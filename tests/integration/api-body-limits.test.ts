import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/quote/route';
import { freshDb } from '../helpers/db';

beforeAll(() => {
  freshDb();
});

/** `mb` megabytes of spaces, chunked (no Content-Length), counting what the handler pulls. */
function flood(mb: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (state.pulled >= mb * 16) return c.close();
        state.pulled += 1;
        c.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe('POST /api/quote reads at most 16 KB', () => {
  it('answers 413 to a 20 MB chunked body after reading only the first chunk', async () => {
    const { stream, state } = flood(20);
    const res = await POST(
      new Request('http://test/api/quote', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/too large/i) });
    expect(state.pulled).toBeLessThanOrEqual(2);
  });

  it('answers 413 to a declared 20 MB Content-Length', async () => {
    const req = new Request('http://test/api/quote', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(20 * 1024 * 1024) },
      body: 'x'.repeat(20 * 1024 * 1024),
    });
    const res = await POST(req);
    expect(res.status).toBe(413);
  });
});
