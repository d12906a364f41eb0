import { currentUser } from '@/lib/auth/session';
import { downloadLicense } from '@/lib/licenses/download';

// Every download authorizes itself here: the caller's organisation, the licence's validity,
// payment — all in lib/licenses/download.ts.
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const format = new URL(request.url).searchParams.get('format');
  try {
    const result = await downloadLicense(code, format, await currentUser());
    return new Response(result.body as BodyInit, { status: result.status, headers: result.headers });
  } catch (e) {
    console.error('[download] failed', e);
    return Response.json({ error: 'Something went wrong on our side.' }, { status: 500 });
  }
}
