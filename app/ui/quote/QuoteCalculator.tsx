'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { OrgType } from '@/db/enums';
import type { AutoApprovalSettings } from '@/lib/requests/auto-approval';
import type { QuoteArticle, RateCard } from '@/lib/quote';
import { formatMoney } from '@/lib/quote';
import {
  DEFAULT_OPTIONS,
  licenseeFromParam,
  liveQuote,
  liveReview,
  optionsFromParams,
  republishHref,
  type LiveQuote,
  type OptionValues,
} from '@/lib/requests/options';
import { LICENSEE_LABELS } from '@/lib/requests/labels';
import { QuoteBreakdown } from './QuoteBreakdown';
import { QuoteOptionFields } from './QuoteOptionFields';

type Props = {
  articles: QuoteArticle[];
  rateCard: RateCard;
  /** The viewer's organisation type, or the default for visitors. */
  licenseeType: OrgType;
  /** Visitors (and staff) may price as any licensee type; a publisher is priced as their organisation. */
  chooseLicensee: boolean;
  /** Show the "Request to republish" link carrying the chosen options. */
  requestLink?: boolean;
  /** The desk's auto-approval rule, to say before submitting whether a request is licensed at once. */
  autoApproval: AutoApprovalSettings;
  /** The viewer's organisation is flagged (its requests are always reviewed). */
  flagged?: boolean;
};

export function readOptions(form: HTMLFormElement): OptionValues & { licenseeType?: string } {
  const fd = new FormData(form);
  const s = (k: string) => (typeof fd.get(k) === 'string' ? (fd.get(k) as string) : '');
  return {
    use: s('use'),
    audience: s('audience'),
    territory: s('territory'),
    duration: s('duration'),
    portion: s('portion'),
    translation: fd.get('translation') === 'on' ? 'on' : '',
    licenseeType: s('licenseeType') || undefined,
  };
}

/**
 * The live quote on an article page: the same pure quote() the server uses, on the current rate
 * card passed in by the server, so what is shown here is what a request will be charged.
 */
export function QuoteCalculator({
  articles,
  rateCard,
  licenseeType,
  chooseLicensee,
  requestLink = true,
  autoApproval,
  flagged = false,
}: Props) {
  const [initial, setInitial] = useState<OptionValues & { licenseeType?: string }>({
    ...DEFAULT_OPTIONS,
    licenseeType,
  });
  const [values, setValues] = useState(initial);
  // Options carried in the address (the publisher's link /r?url=…&use=print) pre-fill the form.
  // Read in the browser: the visitors' article page is one cached rendering for every query.
  useEffect(() => {
    const search = new URLSearchParams(window.location.search);
    if (
      !['use', 'audience', 'territory', 'duration', 'portion', 'translation', 'licenseeType'].some((k) => search.has(k))
    )
      return;
    const params = Object.fromEntries(search);
    const fromUrl = {
      ...optionsFromParams(params),
      licenseeType:
        chooseLicensee && search.has('licenseeType') ? licenseeFromParam(params.licenseeType) : licenseeType,
    };
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the query is only known after hydration (see above)
    setInitial(fromUrl);
    setValues(fromUrl);
  }, [chooseLicensee, licenseeType]);
  const type = (chooseLicensee && values.licenseeType ? values.licenseeType : licenseeType) as OrgType;
  const live = liveQuote(values, articles, rateCard, type);

  return (
    <div className="quote-calculator">
      <form
        key={JSON.stringify(initial)}
        aria-label="Quote calculator"
        onChange={(e) => setValues(readOptions(e.currentTarget))}
        onSubmit={(e) => e.preventDefault()}
      >
        <QuoteOptionFields
          defaults={initial}
          current={values}
          idPrefix="q"
          licenseeChoice={chooseLicensee ? licenseeType : null}
        />
      </form>
      {!chooseLicensee && (
        <p className="hint">Priced for your organisation: {LICENSEE_LABELS[licenseeType].toLowerCase()}.</p>
      )}
      <LiveTotal live={live} />
      {live.quote ? (
        <QuoteBreakdown
          quote={live.quote}
          idPrefix="calculator"
          review={liveReview(live, articles, autoApproval, flagged)}
        />
      ) : (
        <p className="notice info">{live.problem}</p>
      )}
      {requestLink && (
        <p>
          <Link
            className="button"
            href={republishHref(
              articles.map((a) => a.slug),
              values,
            )}
          >
            Request to republish
          </Link>
        </p>
      )}
    </div>
  );
}

/** Announces the new total to screen readers as options change (the table itself stays quiet). */
export function LiveTotal({ live }: { live: LiveQuote }) {
  return (
    <p className="sr-only" aria-live="polite">
      {live.quote ? `Quote: ${formatMoney(live.quote.total, live.quote.currency)}` : live.problem}
    </p>
  );
}
