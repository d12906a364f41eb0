import { can } from '@/lib/auth/can';
import { currentUser } from '@/lib/auth/session';
import { requestsCsv } from '@/lib/requests/csv';
import { parseQueueFilters } from '@/lib/validation/admin-queue';

export const dynamic = 'force-dynamic';

/** GET /admin/requests/export?…queue filters… → CSV of every matching request (staff only). */
export async function GET(req: Request): Promise<Response> {
  const user = await currentUser();
  // Same answer as any unknown admin URL: the admin area does not announce itself.
  if (!can(user, 'staff'))
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const filters = parseQueueFilters(Object.fromEntries(new URL(req.url).searchParams));
  const rows = requestsCsv(filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        console.error('CSV export failed', e);
        controller.error(e);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="requests-${stamp}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
