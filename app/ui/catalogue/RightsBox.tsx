import { creditNamesAgency } from '@/lib/catalogue/agencies';
import type { ArticleDetail } from '@/lib/catalogue/queries';
import { rightsInWords } from './format';

type Props = { article: ArticleDetail; publisher: string; agencies: string[] };

/** What a licence covers: the text's rights in plain words, and each picture or embed with its credit. */
export function RightsBox({ article, publisher, agencies }: Props) {
  return (
    <section aria-labelledby="rights-heading" className="card rights-box" data-testid="rights-box">
      <h2 id="rights-heading">Rights</h2>
      <p>{rightsInWords(article.rightsStatus, publisher)}</p>
      {article.state === 'withdrawn' && (
        <p className="notice error">
          This article has been withdrawn{article.stateNote ? `: ${article.stateNote}` : '.'}
        </p>
      )}
      {article.state === 'corrected' && (
        <p className="notice warn">This article was corrected{article.stateNote ? `: ${article.stateNote}` : '.'}</p>
      )}
      <h3>Pictures and embeds</h3>
      {article.assets.length ? (
        <ul className="asset-rights">
          {article.assets.map((a) => {
            const agency = creditNamesAgency(a.credit, agencies);
            return (
              <li key={a.id} data-testid="asset-rights">
                <span>
                  {a.licensable ? (
                    <span className="badge ok">Included</span>
                  ) : (
                    <span className="badge bad">Not included</span>
                  )}{' '}
                  {a.kind === 'embed' ? 'Embed' : 'Photo'}: {a.caption || 'no caption'}
                </span>
                <span className="credit">Credit: {a.credit || 'not recorded'}</span>
                <span>
                  {a.licensable
                    ? 'Included in a licensed copy, with its credit.'
                    : `Not included in a licensed copy: ${agency ? `an agency picture (${a.rightsHolder || a.credit}), which only the agency can license` : `the rights belong to ${a.rightsHolder || 'someone else'}`}.`}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>No pictures or embeds: a licence covers the text.</p>
      )}
      {/* The one "Request to republish" button is the price panel's: it carries the options chosen there. */}
      {!article.licensable && (
        <p className="notice info" data-testid="not-licensable-reason">
          <strong>Not available for republishing.</strong> {article.notLicensableReason}
        </p>
      )}
    </section>
  );
}
