'use client';

import { useActionState } from 'react';
import {
  addFeedAction,
  pollFeedAction,
  removeFeedAction,
  saveFeedSettingsAction,
  setFeedActiveAction,
} from '@/app/(site)/admin/feeds/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import type { FormState } from '@/lib/errors';

export function AddFeedForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(addFeedAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  const v = (k: string) => failed?.values?.[k];
  return (
    <form
      action={action}
      className="form narrow"
      noValidate
      key={failed ? JSON.stringify(failed.values) : state?.ok ? state.message : 'form'}
    >
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      <Field
        id="feed-url"
        name="url"
        label="Feed address"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://www.example.com/feed/"
        hint="RSS 2.0, Atom or the desk’s JSON format."
        defaultValue={v('url')}
        error={errors.url}
      />
      <Field
        id="feed-interval"
        name="intervalMinutes"
        label="Poll every (minutes)"
        type="number"
        min={1}
        max={1440}
        step={1}
        defaultValue={v('intervalMinutes') ?? '10'}
        error={errors.intervalMinutes}
      />
      <p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Registering and polling…' : 'Register feed'}
        </button>
      </p>
    </form>
  );
}

/** Poll now, pause or resume, remove: three small forms for one feed. */
export function FeedControls({ id, url, active }: { id: number; url: string; active: boolean }) {
  const [pollState, pollAction, pollPending] = useActionState<FormState, FormData>(pollFeedAction, null);
  const [activeState, activeAction, activePending] = useActionState<FormState, FormData>(setFeedActiveAction, null);
  const [removeState, removeAction, removePending] = useActionState<FormState, FormData>(removeFeedAction, null);
  const latest = [pollState, activeState, removeState].find(Boolean);
  return (
    <div className="actions-row">
      <form action={pollAction} className="inline-form">
        <input type="hidden" name="id" value={id} />
        <button type="submit" className="button small secondary" disabled={pollPending}>
          {pollPending ? 'Polling…' : 'Poll now'}
          <span className="sr-only"> {url}</span>
        </button>
      </form>
      <form action={activeAction} className="inline-form">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="active" value={active ? 'false' : 'true'} />
        <button type="submit" className="button small secondary" disabled={activePending}>
          {active ? 'Pause' : 'Resume'}
          <span className="sr-only"> {url}</span>
        </button>
      </form>
      <form
        action={removeAction}
        className="inline-form"
        onSubmit={(e) => {
          if (!window.confirm(`Remove the feed ${url}? Its articles stay in the catalogue.`)) e.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={id} />
        <button type="submit" className="button small danger" disabled={removePending}>
          Remove<span className="sr-only"> {url}</span>
        </button>
      </form>
      {latest && (
        <p role={latest.ok ? 'status' : 'alert'} className={latest.ok ? 'muted' : 'field-error'}>
          {latest.message}
        </p>
      )}
    </div>
  );
}

export function FeedSettingsForm({ allowPrivate }: { allowPrivate: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveFeedSettingsAction, null);
  return (
    <form action={action} className="form narrow">
      <FormMessage message={state?.message} ok={state?.ok} />
      <div className="checkbox">
        <input
          id="feeds-allow-private"
          type="checkbox"
          name="allowPrivate"
          defaultChecked={allowPrivate}
          aria-describedby="feeds-allow-private-hint"
        />
        <label htmlFor="feeds-allow-private">Allow feeds on private addresses</label>
      </div>
      <p id="feeds-allow-private-hint" className="hint">
        Loopback, private (10/8, 172.16/12, 192.168/16) and link-local addresses are refused by default, so a feed
        address cannot be used to read the desk’s own network. Allow them only for a feed served from your intranet.
      </p>
      <p>
        <button type="submit" className="button secondary" disabled={pending}>
          Save
        </button>
      </p>
    </form>
  );
}
