import { apiErrorResponse, apiJson, authenticate } from '@/lib/api/auth';
import { apiNotices } from '@/lib/api/licenses';

// Authorized by the bearer token: the notices of its organisation only.
export async function GET(request: Request) {
  try {
    const caller = await authenticate(request);
    return apiJson(apiNotices(caller, new URL(request.url).searchParams));
  } catch (e) {
    return apiErrorResponse(e);
  }
}
