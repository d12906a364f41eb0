import type { Metadata } from 'next';
import { AddFeedForm, FeedControls, FeedSettingsForm } from '@/app/ui/admin/FeedForms';
import { formatMoment } from '@/app/ui/requests/dates';
import { can } from '@/lib/auth/can';
import { requirePage } from '@/lib/auth/session';
import { describeRun, listFeeds, type FeedRow } from '@/lib/feeds/admin';
import { getSetting } from '@/lib/settings';

export const metadata: Metadata = { title: 'Feeds' };

function status(feed: FeedRow): { tone: string; label: string } {
  if (!feed.active) return { tone: 'neutral', label: 'Paused' };
  if (feed.failing) return { tone: 'bad', label: feed.failures > 1 ? `Failing (${feed.failures} polls)` : 'Failing' };
  if (!feed.lastOutcome) return { tone: 'neutral', label: 'Not polled yet' };
  return { tone: 'ok', label: 'OK' };
}

export default async function FeedsPage() {
  const user = await requirePage('staff', '/admin/feeds');
  const feeds = listFeeds();
  const allowPrivate = getSetting('feedsAllowPrivateAddresses');
  const failing = feeds.filter((f) => f.failing).length;

  return (
    <section aria-labelledby="feeds-heading">
      <h1 id="feeds-heading">Feeds</h1>
      <p className="lead">
        The catalogue follows the publisher’s feeds: each is polled on its schedule and new or changed articles are
        imported with the importer’s rules. A feed that fails is tried again later, waiting longer after each failure.
      </p>
      {failing > 0 && (
        <p className="notice error" role="alert" data-testid="feeds-failing">
          {failing === 1 ? '1 feed is failing.' : `${failing} feeds are failing.`} Its articles are not being updated;
          see the error below.
        </p>
      )}

      <h2>Register a feed</h2>
      <AddFeedForm />

      <h2>Registered feeds</h2>
      {feeds.length === 0 ? (
        <div className="empty-state">
          <p>No feeds yet. Register the publisher’s RSS, Atom or JSON feed above.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Registered feeds and their latest polls</caption>
            <thead>
              <tr>
                <th scope="col">Feed</th>
                <th scope="col">Status</th>
                <th scope="col">Schedule</th>
                <th scope="col">Latest polls</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((feed) => {
                const s = status(feed);
                return (
                  <tr key={feed.id} data-testid="feed-row" className={feed.failing ? 'row-bad' : undefined}>
                    <th scope="row" className="break">
                      {feed.url}
                    </th>
                    <td>
                      <span className={`badge ${s.tone}`}>{s.label}</span>
                      {feed.failing && feed.lastError && <p className="field-error break">{feed.lastError}</p>}
                    </td>
                    <td>
                      Every {feed.intervalMinutes} min
                      <br />
                      {feed.lastPolledAt ? <>Last {formatMoment(feed.lastPolledAt)}</> : 'Never polled'}
                      {feed.active && (
                        <>
                          <br />
                          Next {formatMoment(feed.nextPollAt)}
                        </>
                      )}
                    </td>
                    <td>
                      {feed.runs.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <ul className="plain-list">
                          {feed.runs.map((run) => (
                            <li key={run.id}>
                              <span className={run.outcome === 'error' ? 'field-error' : undefined}>
                                {formatMoment(run.finishedAt)}: {describeRun(run)}
                              </span>
                              {run.skipped.length > 0 && (
                                <details>
                                  <summary>Skipped items</summary>
                                  <ul>
                                    {run.skipped.map((sk, i) => (
                                      <li key={i}>
                                        {sk.place}: {sk.reason}
                                      </li>
                                    ))}
                                  </ul>
                                </details>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <FeedControls id={feed.id} url={feed.url} active={feed.active} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {can(user, 'admin') && (
        <>
          <h2>Feed addresses</h2>
          <FeedSettingsForm allowPrivate={allowPrivate} />
        </>
      )}
      <p className="muted">
        The server polls due feeds every 30 seconds; <code>npm run feeds:sync</code> does the same once, for cron.
      </p>
    </section>
  );
}
