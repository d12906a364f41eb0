import { can } from '@/lib/auth/can';
import { currentUser } from '@/lib/auth/session';
import { parseReceivableFilters, receivablesCsv } from '@/lib/invoices/receivables';

export const dynamic = 'force-dynamic';

/** GET /admin/invoices/export?state=&bucket=&q= → the receivables as CSV (staff only). */
export async function GET(req: Request): Promise<Response> {
  const user = await currentUser();
  // Same answer as any unknown admin URL: the admin area does not announce itself.
  if (!can(user, 'staff'))
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const filters = parseReceivableFilters(Object.fromEntries(new URL(req.url).searchParams));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(receivablesCsv(filters), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="invoices-${stamp}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
