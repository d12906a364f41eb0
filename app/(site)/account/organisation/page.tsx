import type { Metadata } from 'next';
import Link from 'next/link';
import { ResendVerificationForm } from '@/app/ui/auth/ResendVerificationForm';
import { ActionButton } from '@/app/ui/organisation/ActionButton';
import { InviteMemberForm } from '@/app/ui/organisation/InviteMemberForm';
import { MemberRoleForm } from '@/app/ui/organisation/MemberRoleForm';
import { ORG_ROLE_LABELS } from '@/lib/orgs/labels';
import { OrgEventList } from '@/app/ui/organisation/OrgEventList';
import { OrgProfileForm } from '@/app/ui/organisation/OrgProfileForm';
import { formatDay } from '@/app/ui/requests/dates';
import { can } from '@/lib/auth/can';
import { requirePage } from '@/lib/auth/session';
import { listOrgEvents } from '@/lib/orgs/events';
import { CONFIRM_BEFORE_INVITING, listPendingInvitations } from '@/lib/orgs/invitations';
import { listMembers } from '@/lib/orgs/members';
import { getOrgProfile, PROFILE_FIELDS, PROFILE_LABELS } from '@/lib/orgs/profile';
import { countryName, countryOptions } from '@/lib/validation/countries';
import { leaveOrganizationAction, removeMemberAction, revokeInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Organisation' };

export default async function OrganisationPage() {
  const user = await requirePage('user', '/account/organisation');
  if (!can(user, 'publisher')) {
    return (
      <section>
        <h1>Organisation</h1>
        <p className="lead">
          {user.role === 'publisher'
            ? 'Your account is not part of an organisation. An owner of one can invite you: the invitation comes by mail.'
            : 'Staff accounts do not belong to a licensee organisation.'}
        </p>
      </section>
    );
  }
  const orgId = user.organizationId!;
  const owner = user.orgRole === 'owner';
  const profile = getOrgProfile(orgId)!;
  const members = listMembers(orgId);
  const pending = owner ? listPendingInvitations(orgId) : [];
  const events = listOrgEvents(orgId);

  return (
    <section aria-labelledby="org-heading">
      <h1 id="org-heading">{profile.name}</h1>
      <p className="lead">
        You are {owner ? 'an owner' : 'a member'} of this organisation. Everyone in it sees and makes its{' '}
        <Link href="/account/requests">requests</Link> and <Link href="/account/licenses">licences</Link>
        {owner ? '; owners also manage colleagues and the billing profile.' : '; owners manage colleagues.'}
      </p>

      <h2 id="members-heading">People</h2>
      <div className="table-wrap">
        <table aria-labelledby="members-heading">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              {owner && <th scope="col">Manage</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} data-testid={`member-${m.email}`}>
                <th scope="row">
                  {m.name}
                  {m.id === user.id && <span className="muted"> (you)</span>}
                  <br />
                  <span className="muted break">{m.email}</span>
                  <br />
                  <span className="muted">since {formatDay(m.createdAt)}</span>
                  {m.disabled && <span className="badge bad">Disabled</span>}
                </th>
                <td>{ORG_ROLE_LABELS[m.orgRole]}</td>
                {owner && (
                  <td>
                    <div className="actions-row">
                      <MemberRoleForm key={m.orgRole} userId={m.id} name={m.name} role={m.orgRole} />
                      {m.id !== user.id && (
                        <ActionButton
                          action={removeMemberAction}
                          fields={{ userId: m.id }}
                          label="Remove"
                          srLabel={m.name}
                          variant="danger"
                          confirm={`Remove ${m.name} from the organisation? They lose access at once.`}
                        />
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {owner && (
        <>
          <h2>Invite a colleague</h2>
          {user.emailVerifiedAt ? (
            <InviteMemberForm />
          ) : (
            <div className="notice warn" role="status" data-testid="unverified-notice">
              <p>{CONFIRM_BEFORE_INVITING}</p>
              <ResendVerificationForm />
            </div>
          )}
          <h3>Pending invitations</h3>
          {pending.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="plain-list" data-testid="pending-invitations">
              {pending.map((p) => (
                <li key={p.id}>
                  {p.email} as {ORG_ROLE_LABELS[p.role].toLowerCase()}, until {formatDay(p.expiresAt)}{' '}
                  <ActionButton
                    action={revokeInvitationAction}
                    fields={{ invitationId: p.id }}
                    label="Withdraw"
                    srLabel={`the invitation to ${p.email}`}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <h2>Billing profile</h2>
      {owner ? (
        <OrgProfileForm
          countries={countryOptions()}
          saved={{
            legalName: profile.legalName ?? '',
            billingLine1: profile.billingLine1 ?? '',
            billingLine2: profile.billingLine2 ?? '',
            billingCity: profile.billingCity ?? '',
            billingPostcode: profile.billingPostcode ?? '',
            billingCountry: profile.billingCountry ?? '',
            vatNumber: profile.vatNumber ?? '',
            billingEmail: profile.billingEmail ?? '',
            websites: profile.domains.join('\n'),
          }}
        />
      ) : (
        <dl className="facts">
          {PROFILE_FIELDS.map((f) => {
            const value =
              f === 'domains'
                ? profile.domains.join(', ')
                : f === 'billingCountry' && profile.billingCountry
                  ? countryName(profile.billingCountry)
                  : profile[f];
            return (
              <div key={f}>
                <dt>{PROFILE_LABELS[f]}</dt>
                <dd>{value || <span className="muted">—</span>}</dd>
              </div>
            );
          })}
        </dl>
      )}

      <h2>History</h2>
      <OrgEventList events={events} />

      <h2>Leave</h2>
      <p>
        Leaving ends your access to the organisation’s requests and licences. The last owner cannot leave, unless nobody
        else is in the organisation and it has made no requests.
      </p>
      <ActionButton
        action={leaveOrganizationAction}
        fields={{}}
        label="Leave the organisation"
        variant="danger"
        confirm="Leave the organisation? You lose access to its requests and licences at once."
      />
    </section>
  );
}
