import { currentUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

/**
 * Who is signed in, for the one header that cannot ask on the server (the root not-found page,
 * see app/ui/shell/SessionStatus.tsx): only the viewer's own name, never cached.
 */
export async function GET() {
  const user = await currentUser();
  return Response.json(
    { user: user ? { name: user.name } : null },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
