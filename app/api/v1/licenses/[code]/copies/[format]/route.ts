import { apiErrorResponse, authenticate } from '@/lib/api/auth';
import { apiCopy } from '@/lib/api/licenses';

// Authorized by the bearer token; the copy's own checks (validity, payment) are in lib/licenses/download.ts.
export async function GET(request: Request, { params }: { params: Promise<{ code: string; format: string }> }) {
  try {
    const caller = await authenticate(request);
    const { code, format } = await params;
    const result = await apiCopy(caller, code, format);
    return new Response(result.body as BodyInit, { status: result.status, headers: result.headers });
  } catch (e) {
    return apiErrorResponse(e);
  }
}
