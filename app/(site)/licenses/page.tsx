import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CodeLookupForm } from '@/app/ui/licenses/CodeLookupForm';
import { normalizeLicenseCode } from '@/lib/licenses/code';

export const metadata: Metadata = { title: 'Verify a licence' };

export default async function VerifyIndexPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const raw = (await searchParams).code;
  const typed = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100);
  let error: string | undefined;
  if (typed !== undefined) {
    const code = normalizeLicenseCode(typed);
    if (code) redirect(`/licenses/${code}`);
    error = typed.trim() ? 'That is not a licence code. Codes look like LIC-7QK4-M2XD-9PBA.' : 'Enter a licence code.';
  }
  return (
    <section>
      <h1>Verify a licence</h1>
      <p className="lead">
        Every article republished from our desk carries a licence code in its credit line. Enter it to see who holds the
        licence, for which use and whether it is still valid.
      </p>
      <CodeLookupForm value={typed} error={error} />
    </section>
  );
}
