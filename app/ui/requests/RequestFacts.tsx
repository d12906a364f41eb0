import { SelectionFacts } from '@/app/ui/catalogue-licences/SelectionSummary';
import type { CatalogueSelection } from '@/db/schema';
import type { RequestView } from '@/lib/requests/queries';
import { DURATION_LABELS, LICENSEE_LABELS, PORTION_LABELS, TERRITORY_LABELS, USE_LABELS } from '@/lib/requests/labels';
import { formatDay } from './dates';

/** What was asked for, as stored. */
export function RequestFacts({ view }: { view: RequestView }) {
  const r = view.request;
  if (r.selection) return <CatalogueFacts view={view} selection={r.selection} />;
  return (
    <dl className="facts">
      <dt>Publication</dt>
      <dd>{r.publicationName}</dd>
      <dt>Address</dt>
      <dd>
        {/* Shown as text, not a link: it is what the requester typed. */}
        <span className="break">{r.publicationUrl}</span>
      </dd>
      <dt>Use</dt>
      <dd>{USE_LABELS[r.use]}</dd>
      <dt>Audience</dt>
      <dd>{r.audience.toLocaleString('en-GB')} a month</dd>
      <TerritoryAndDuration view={view} />
      <dt>Portion</dt>
      <dd>{PORTION_LABELS[r.portion]}</dd>
      <dt>Translation</dt>
      <dd>{r.translation ? `Yes, into ${r.translationLanguage}` : 'No'}</dd>
      <WhoAndWhen view={view} />
    </dl>
  );
}

/** A catalogue licence request: the selection in words and its count instead of audience, portion and translation. */
function CatalogueFacts({ view, selection }: { view: RequestView; selection: CatalogueSelection }) {
  const r = view.request;
  return (
    <>
      <p>
        <strong>Catalogue licence</strong> — a selection of the catalogue, text only.
      </p>
      <SelectionFacts selection={selection} count={view.articleCount} />
      <dl className="facts">
        <dt>Product or service</dt>
        <dd>{r.publicationName}</dd>
        {r.publicationUrl && (
          <>
            <dt>Address</dt>
            <dd>
              <span className="break">{r.publicationUrl}</span>
            </dd>
          </>
        )}
        <dt>Use</dt>
        <dd>{USE_LABELS[r.use]}</dd>
        <TerritoryAndDuration view={view} />
        <WhoAndWhen view={view} />
      </dl>
    </>
  );
}

/** Where and for how long: the same for both kinds of request. */
function TerritoryAndDuration({ view }: { view: RequestView }) {
  const r = view.request;
  return (
    <>
      <dt>Territory</dt>
      <dd>
        {TERRITORY_LABELS[r.territory]}
        {r.territoryDetail && `: ${r.territoryDetail}`}
      </dd>
      <dt>Duration</dt>
      <dd>
        {DURATION_LABELS[r.duration]} from {formatDay(r.startDate)}
      </dd>
    </>
  );
}

/** Who asked and when, and their notes: the same for both kinds of request. */
function WhoAndWhen({ view }: { view: RequestView }) {
  const r = view.request;
  return (
    <>
      <dt>Licensee</dt>
      <dd>
        {view.organization.name} ({LICENSEE_LABELS[view.organization.type].toLowerCase()})
      </dd>
      <dt>Requested by</dt>
      <dd>{view.requester.name}</dd>
      <dt>Submitted</dt>
      <dd>{formatDay(r.createdAt)}</dd>
      {r.notes && (
        <>
          <dt>Notes</dt>
          <dd className="pre">{r.notes}</dd>
        </>
      )}
    </>
  );
}
