import { apiErrorResponse, apiJson, authenticate } from '@/lib/api/auth';
import { listApiLicenses } from '@/lib/api/licenses';

// Authorized by the bearer token: its organisation's licences only (lib/api/).
export async function GET(request: Request) {
  try {
    const caller = await authenticate(request);
    return apiJson(await listApiLicenses(caller, new URL(request.url).searchParams));
  } catch (e) {
    return apiErrorResponse(e);
  }
}
