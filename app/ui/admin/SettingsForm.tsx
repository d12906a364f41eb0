'use client';

import { useActionState } from 'react';
import { saveSettingsAction } from '@/app/(site)/admin/settings/actions';
import { Field, FormMessage } from '@/app/ui/forms/Field';
import { USES } from '@/db/enums';
import { USE_LABELS } from '@/lib/requests/labels';
import type { FormState } from '@/lib/errors';

export type SettingsValues = {
  autoApprovalEnabled: boolean;
  autoApprovalFeeLimit: string;
  autoApprovalUses: string[];
  deskEmail: string;
  publisherName: string;
  publisherUrl: string;
  paymentRequiredAbove: string;
  agencies: string;
  pixelSampleDays: string;
  takedownHours: string;
  publisherDomains: string;
  sellerLegalName: string;
  sellerAddress: string;
  sellerCountry: string;
  sellerVatNumber: string;
  bankDetails: string;
  paymentTermsDays: string;
  vatRateMilli: string;
};

const INVOICE_FIELDS = [
  'sellerLegalName',
  'sellerAddress',
  'sellerCountry',
  'sellerVatNumber',
  'bankDetails',
  'paymentTermsDays',
  'vatRateMilli',
] as const;

export function SettingsForm({ initial }: { initial: SettingsValues }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveSettingsAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.errors ?? {};
  // After an error, what was sent (checkboxes: present = ticked; uses: comma-joined by the handler).
  const v: SettingsValues = failed?.values
    ? {
        autoApprovalEnabled: failed.values.autoApprovalEnabled === 'on',
        autoApprovalFeeLimit: failed.values.autoApprovalFeeLimit ?? '',
        autoApprovalUses: (failed.values.autoApprovalUses ?? '').split(',').filter(Boolean),
        deskEmail: failed.values.deskEmail ?? '',
        publisherName: failed.values.publisherName ?? '',
        publisherUrl: failed.values.publisherUrl ?? '',
        paymentRequiredAbove: failed.values.paymentRequiredAbove ?? '',
        agencies: failed.values.agencies ?? '',
        pixelSampleDays: failed.values.pixelSampleDays ?? '',
        takedownHours: failed.values.takedownHours ?? '',
        publisherDomains: failed.values.publisherDomains ?? '',
        ...(Object.fromEntries(INVOICE_FIELDS.map((k) => [k, failed.values?.[k] ?? ''])) as Record<
          (typeof INVOICE_FIELDS)[number],
          string
        >),
      }
    : initial;
  return (
    <form action={action} className="form" noValidate key={failed ? JSON.stringify(failed.values) : 'form'}>
      <FormMessage message={failed ? failed.message : state?.ok ? state.message : null} ok={state?.ok} />
      <fieldset>
        <legend>Auto-approval</legend>
        <p className="hint">
          A request is approved and licensed at once when the rule is on and: the fee is at most the limit, the use is
          allowed, there is no translation, it is not perpetual, every article is owned by us, and the licensee is not
          flagged. The audit trail names the rule.
        </p>
        <div className="checkbox">
          <input
            id="s-autoApprovalEnabled"
            type="checkbox"
            name="autoApprovalEnabled"
            defaultChecked={v.autoApprovalEnabled}
          />
          <label htmlFor="s-autoApprovalEnabled">Approve qualifying requests automatically</label>
        </div>
        <Field
          id="s-autoApprovalFeeLimit"
          name="autoApprovalFeeLimit"
          label="Fee limit (£)"
          inputMode="decimal"
          defaultValue={v.autoApprovalFeeLimit}
          error={errors.autoApprovalFeeLimit}
        />
        <fieldset>
          <legend>Allowed uses</legend>
          {USES.map((u) => (
            <div className="checkbox" key={u}>
              <input
                id={`s-use-${u}`}
                type="checkbox"
                name="autoApprovalUses"
                value={u}
                defaultChecked={v.autoApprovalUses.includes(u)}
              />
              <label htmlFor={`s-use-${u}`}>{USE_LABELS[u]}</label>
            </div>
          ))}
          {errors.autoApprovalUses && <p className="field-error">{errors.autoApprovalUses}</p>}
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>Payment</legend>
        <Field
          id="s-paymentRequiredAbove"
          name="paymentRequiredAbove"
          label="Downloads wait for payment above (£)"
          hint="Leave empty to never hold downloads for payment."
          inputMode="decimal"
          defaultValue={v.paymentRequiredAbove}
          error={errors.paymentRequiredAbove}
        />
      </fieldset>
      <fieldset>
        <legend>Invoices</legend>
        <p className="hint">
          Printed on every new invoice as the seller. An invoice keeps the details it was issued with.
        </p>
        <Field
          id="s-sellerLegalName"
          name="sellerLegalName"
          label="Legal name"
          defaultValue={v.sellerLegalName}
          error={errors.sellerLegalName}
        />
        <Field id="s-sellerAddress" name="sellerAddress" label="Address, one line each" error={errors.sellerAddress}>
          <textarea id="s-sellerAddress" name="sellerAddress" rows={4} defaultValue={v.sellerAddress} />
        </Field>
        <Field
          id="s-sellerCountry"
          name="sellerCountry"
          label="Country code"
          hint="Two letters (GB, IE, FR …): decides the VAT area."
          defaultValue={v.sellerCountry}
          error={errors.sellerCountry}
        />
        <Field
          id="s-sellerVatNumber"
          name="sellerVatNumber"
          label="VAT number"
          defaultValue={v.sellerVatNumber}
          error={errors.sellerVatNumber}
        />
        <Field
          id="s-vatRateMilli"
          name="vatRateMilli"
          label="VAT rate (%)"
          inputMode="decimal"
          defaultValue={v.vatRateMilli}
          error={errors.vatRateMilli}
        />
        <Field
          id="s-paymentTermsDays"
          name="paymentTermsDays"
          label="Payment terms (days)"
          inputMode="numeric"
          defaultValue={v.paymentTermsDays}
          error={errors.paymentTermsDays}
        />
        <Field id="s-bankDetails" name="bankDetails" label="Bank details, one line each" error={errors.bankDetails}>
          <textarea id="s-bankDetails" name="bankDetails" rows={4} defaultValue={v.bankDetails} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>The desk</legend>
        <Field
          id="s-publisherName"
          name="publisherName"
          label="Publisher name"
          defaultValue={v.publisherName}
          error={errors.publisherName}
        />
        <Field
          id="s-publisherUrl"
          name="publisherUrl"
          label="Publisher website"
          type="url"
          defaultValue={v.publisherUrl}
          error={errors.publisherUrl}
        />
        <Field
          id="s-publisherDomains"
          name="publisherDomains"
          label="Other domains of the publisher's articles, one per line"
          hint="The website's own host always counts. A link to an article on these that the desk does not know yet offers “ask for it anyway”; any other address is “not one of our articles”."
          error={errors.publisherDomains}
        >
          <textarea
            id="s-publisherDomains"
            name="publisherDomains"
            rows={3}
            defaultValue={v.publisherDomains}
            aria-describedby="s-publisherDomains-hint"
          />
        </Field>
        <Field
          id="s-deskEmail"
          name="deskEmail"
          label="Desk email"
          type="email"
          hint="Where new requests and publisher messages are sent."
          defaultValue={v.deskEmail}
          error={errors.deskEmail}
        />
      </fieldset>
      <fieldset>
        <legend>Agencies</legend>
        <Field
          id="s-agencies"
          name="agencies"
          label="Agency names, one per line"
          hint="Pictures credited to these (whole words, any case) are left out of licensed copies when assets are added."
          error={errors.agencies}
        >
          <textarea
            id="s-agencies"
            name="agencies"
            rows={10}
            defaultValue={v.agencies}
            aria-describedby="s-agencies-hint"
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>Usage pixel</legend>
        <Field
          id="s-pixelSampleDays"
          name="pixelSampleDays"
          label="Keep raw pixel hits for (days)"
          hint="A sample of raw hits (the first 20 per licence a day) is kept this long for checking; the daily read counts are kept for good."
          inputMode="numeric"
          defaultValue={v.pixelSampleDays}
          error={errors.pixelSampleDays}
        />
      </fieldset>
      <fieldset>
        <legend>Kill notices</legend>
        <Field
          id="s-takedownHours"
          name="takedownHours"
          label="Hours to take a copy down after a withdrawal"
          hint="Part of the terms of every licence issued from now on; shown with each withdrawal notice and in the signed verification."
          inputMode="numeric"
          defaultValue={v.takedownHours}
          error={errors.takedownHours}
        />
      </fieldset>
      <p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </button>
      </p>
    </form>
  );
}
