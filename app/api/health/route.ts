import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    getDb().get(sql`select 1`);
    return Response.json({ ok: true });
  } catch (e) {
    console.error('health: database unreachable', e);
    return Response.json({ ok: false, error: 'database unreachable' }, { status: 503 });
  }
}
