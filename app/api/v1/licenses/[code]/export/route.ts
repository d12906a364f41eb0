import { apiErrorResponse, authenticate } from '@/lib/api/auth';
import { clientAddress } from '@/lib/auth/client-address';
import { exportCatalogue } from '@/lib/catalogue-licences/export';

export const dynamic = 'force-dynamic';

// Authorized by the bearer token; which licence, its state and the page are checked in lib/catalogue-licences/export.ts.
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const caller = await authenticate(request);
    const { code } = await params;
    const address = clientAddress(request.headers);
    const result = await exportCatalogue(caller, code, new URL(request.url).searchParams, address);
    return new Response(result.body, { status: 200, headers: result.headers });
  } catch (e) {
    return apiErrorResponse(e);
  }
}
