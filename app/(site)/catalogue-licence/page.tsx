import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { USES } from '@/db/enums';
import { ResendVerificationForm } from '@/app/ui/auth/ResendVerificationForm';
import { CatalogueLicenceForm } from '@/app/ui/catalogue-licences/CatalogueLicenceForm';
import { can } from '@/lib/auth/can';
import { UNVERIFIED_MESSAGE } from '@/lib/auth/email-verification';
import { currentUser } from '@/lib/auth/session';
import { catalogueQuoteQuerySchema } from '@/lib/catalogue-licences/form';
import { quoteCatalogue } from '@/lib/catalogue-licences/live';
import { listSections } from '@/lib/catalogue/queries';
import { licenseTerms } from '@/lib/licenses/terms';
import { getOrganization } from '@/lib/requests/queries';
import { getSettings } from '@/lib/settings';

export const metadata: Metadata = { title: 'Licence a catalogue' };
export const dynamic = 'force-dynamic';

/**
 * The catalogue-licence form (docs/DESIGN.md § AI and catalogue licences): anyone may build a
 * selection and see its live count and price; a publisher submits it as a request.
 */
export default async function CatalogueLicencePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // /license.xml and the TDM policy link here with the use a machine asked about (?use=ai-train).
  const asked = (await searchParams).use;
  const use = typeof asked === 'string' && (USES as readonly string[]).includes(asked) ? asked : 'ai-input';
  const user = await currentUser();
  const org = user && can(user, 'publisher') && user.organizationId ? getOrganization(user.organizationId) : undefined;
  const viewer = org ? 'publisher' : !user ? 'visitor' : can(user, 'staff') ? 'staff' : 'no-organisation';
  const today = new Date().toISOString().slice(0, 10);
  const initialValues: Record<string, string> = {
    use,
    territory: 'worldwide',
    duration: '1y',
    licenseeType: 'ai_developer',
    publicationName: org?.name ?? '',
    publicationUrl: org?.domains[0] ? `https://${org.domains[0]}` : '',
    startDate: today,
  };
  // The price of the form as it opens, so it reads without JavaScript too.
  const initial = catalogueQuoteQuerySchema.parse({
    options: {
      selection: {},
      use: initialValues.use,
      territory: initialValues.territory,
      duration: initialValues.duration,
    },
  });
  const price = quoteCatalogue(initial.options, initial.licenseeType, org?.id ?? null);

  return (
    <section>
      <h1>Licence a catalogue</h1>
      <p className="lead">
        For AI developers and aggregators: licence whole sections of our journalism — to train on, to answer from, to
        index or to publish. Choose the articles by section, tag and date; the count and the price update as you go. The
        desk agrees every catalogue licence.
      </p>
      {user && !user.emailVerifiedAt && viewer === 'publisher' && (
        <div className="notice warn" role="status" data-testid="unverified-notice">
          <p>{UNVERIFIED_MESSAGE}</p>
          <ResendVerificationForm />
        </div>
      )}
      <CatalogueLicenceForm
        sections={listSections()}
        initialValues={initialValues}
        initialPrice={price}
        viewer={viewer}
        organizationName={org?.name}
        idempotencyKey={randomUUID()}
        terms={licenseTerms(getSettings().takedownHours)}
        today={today}
      />
    </section>
  );
}
