import { PIXEL_GIF, PIXEL_HEADERS, recordPixelHit } from '@/lib/licenses/pixel';

/** GET /api/pixel/LIC-XXXX-XXXX-XXXX.gif — always the GIF, whatever the code; recording never fails it. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await recordPixelHit(code, request.headers);
  return new Response(PIXEL_GIF as BodyInit, { status: 200, headers: PIXEL_HEADERS });
}
