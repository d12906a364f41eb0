import Link from 'next/link';
import { ArticleCard } from '@/app/ui/catalogue/ArticleCard';
import '@/app/ui/catalogue/catalogue.css';
import { recentLicensable } from '@/lib/catalogue/queries';
import { getSetting } from '@/lib/settings';

export default async function HomePage() {
  const [publisher, recent] = await Promise.all([getSetting('publisherName'), recentLicensable(6)]);
  return (
    <>
      <section className="hero">
        <h1>Republish journalism from {publisher}</h1>
        <p className="lead">
          Find a story, see its price at once, and request a licence. Approved licences come with a ready-to-paste copy,
          a credit line and a certificate anyone can verify.
        </p>
        <form action="/articles" role="search" className="search-box">
          <label htmlFor="home-q" className="sr-only">
            Search articles
          </label>
          <input id="home-q" type="search" name="q" placeholder="Search articles" />
          <button type="submit" className="button">
            Search
          </button>
        </form>
      </section>
      {recent.length > 0 && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recently published, ready to license</h2>
          <ul className="article-list">
            {recent.map((a) => (
              <li key={a.id}>
                <ArticleCard article={a} headingLevel={3} />
              </li>
            ))}
          </ul>
          <p>
            <Link href="/articles?licensable=1">All licensable articles</Link>
          </p>
        </section>
      )}
      <section aria-labelledby="ai-heading">
        <h2 id="ai-heading">For AI developers and aggregators</h2>
        <p>
          Licence whole sections to train on, to answer from or to index — or every new article of a section. Build a
          selection and see its price: <Link href="/catalogue-licence">licence a catalogue</Link>.
        </p>
      </section>
      <section>
        <h2>How it works</h2>
        <ol>
          <li>
            Browse or search the <Link href="/articles">catalogue</Link> and price your use with the calculator.
          </li>
          <li>Submit a request; small uses are approved instantly, others are reviewed by the desk.</li>
          <li>Download your licensed copy — HTML, text or PDF certificate — and publish with the credit line.</li>
        </ol>
      </section>
      <section id="pricing" aria-labelledby="pricing-heading">
        <h2 id="pricing-heading">How pricing works</h2>
        <p>
          Every article has a base fee for its use (web, print, newsletter…). The fee then grows or shrinks with who you
          are (a commercial outlet, a charity, a school…), your audience, where and for how long it will appear, how
          much of the article you use and whether you translate it. Several articles in one request earn a volume
          discount.
        </p>
        <p>
          Each article page has a calculator that shows the price of your use as you choose, and the request form shows
          the total before you submit. Small uses are licensed at once; the rest are reviewed by the desk, and the form
          tells you which before you send it.
        </p>
      </section>
    </>
  );
}
