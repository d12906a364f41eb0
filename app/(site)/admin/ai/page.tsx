import type { Metadata } from 'next';
import Link from 'next/link';
import { AiTermsForm } from '@/app/ui/ai-terms/AiTermsForm';
import { currentRobotsTxt, currentTdmrep } from '@/lib/ai-terms';
import { requirePage } from '@/lib/auth/session';
import { listSections } from '@/lib/catalogue/queries';
import { aiPolicyOf, getSettings } from '@/lib/settings';

export const metadata: Metadata = { title: 'AI terms' };

/** Staff choose each section's AI policy and see what the machine-readable files say now. */
export default async function AiTermsPage() {
  await requirePage('staff', '/admin/ai');
  const { ai } = getSettings();
  const sections = listSections().map((section) => ({ section, policy: aiPolicyOf(ai, section) }));
  return (
    <section aria-labelledby="ai-heading">
      <h1 id="ai-heading">AI terms</h1>
      <p>
        What the desk tells AI crawlers and developers, built from these choices and the{' '}
        <Link href="/admin/rate-card">rate card</Link> on every request.
      </p>
      <AiTermsForm initial={{ sections, defaultPolicy: ai.defaultPolicy, crawlerRules: ai.crawlerRules }} />
      <h2>What the files say now</h2>
      <p>
        <a href="/license.xml">/license.xml</a> (RSL 1.0: what is licensed, at which price) ·{' '}
        <a href="/policies/tdm.json">/policies/tdm.json</a> (TDMRep policy: how to obtain a licence)
      </p>
      <h3>robots.txt</h3>
      <pre data-testid="robots-txt">{currentRobotsTxt()}</pre>
      <h3>/.well-known/tdmrep.json</h3>
      <pre data-testid="tdmrep-json">{JSON.stringify(currentTdmrep(), null, 2)}</pre>
    </section>
  );
}
