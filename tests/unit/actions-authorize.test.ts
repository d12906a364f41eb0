import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Every server action is a public POST endpoint: whoever calls it, it must check the session
 * itself (proxy.ts only redirects pages). Every module whose first statement is the 'use server'
 * directive — whatever its file name — may only export actions made by a builder of
 * lib/actions/builders.ts, which reads the session and refuses with can() before anything else.
 * The table says which level each export has; a new export without an entry, or a different
 * level, fails here. The builders' refusals themselves are tested in tests/unit/actions-builders.test.ts
 * and, through every admin action, in tests/integration/admin-roles.test.ts.
 */

type Level = 'public' | 'user' | 'publisher' | 'staff' | 'admin';

const EXPECTED: Record<string, Record<string, Level>> = {
  'app/(site)/register/actions.ts': { registerAction: 'public' },
  'app/(site)/verify-email/actions.ts': { resendVerificationAction: 'user', confirmEmailAction: 'public' },
  'app/(site)/forgot-password/actions.ts': { forgotPasswordAction: 'public' },
  'app/(site)/reset-password/actions.ts': { resetPasswordAction: 'public' },
  'app/(site)/change-email/actions.ts': { confirmEmailChangeAction: 'public' },
  'app/(site)/republish/actions.ts': { submitRequestAction: 'publisher', searchArticlesAction: 'public' },
  'app/(site)/catalogue-licence/actions.ts': { submitCatalogueRequestAction: 'publisher' },
  'app/(site)/account/requests/[ref]/actions.ts': { respondAction: 'user', messageAction: 'user' },
  'app/(site)/account/settings/actions.ts': {
    signOutSessionsAction: 'user',
    changeNameAction: 'user',
    changePasswordAction: 'user',
    changeEmailAction: 'user',
  },
  // lib/orgs/ lets only owners past this level (read again inside each transaction).
  'app/(site)/account/organisation/actions.ts': {
    inviteMemberAction: 'publisher',
    changeMemberRoleAction: 'publisher',
    removeMemberAction: 'publisher',
    revokeInvitationAction: 'publisher',
    leaveOrganizationAction: 'publisher',
    saveOrgProfileAction: 'publisher',
  },
  'app/(site)/staff-invitation/actions.ts': { acceptStaffInvitationAction: 'public' },
  'app/(site)/join/actions.ts': { acceptInvitationAction: 'user', registerFromInvitationAction: 'public' },
  'app/(site)/admin/articles/actions.ts': { updateArticleRightsAction: 'staff' },
  'app/(site)/admin/articles/notice-actions.ts': { articleNoticeAction: 'staff' },
  'app/(site)/admin/invoices/actions.ts': { recordPaymentAction: 'staff', creditNoteAction: 'staff' },
  'app/(site)/account/invoices/actions.ts': { payOnlineAction: 'publisher' },
  'app/(site)/admin/requests/[ref]/actions.ts': { decideAction: 'staff', staffMessageAction: 'staff' },
  'app/(site)/admin/rate-card/actions.ts': { saveRateCardAction: 'staff' },
  'app/(site)/admin/ai/actions.ts': { saveAiSettingsAction: 'staff' },
  'app/(site)/admin/outbox/actions.ts': { retryMailAction: 'staff', retryWebhookAction: 'staff' },
  // Publishers reach these; lib/api/tokens.ts assertOwner lets only the organisation's owners act.
  'app/(site)/account/api/actions.ts': {
    createTokenAction: 'publisher',
    revokeTokenAction: 'publisher',
    addEndpointAction: 'publisher',
    removeEndpointAction: 'publisher',
    retryDeliveryAction: 'publisher',
  },
  'app/(site)/admin/settings/actions.ts': { saveSettingsAction: 'admin' },
  'app/(site)/admin/users/actions.ts': {
    inviteStaffAction: 'admin',
    revokeStaffInvitationAction: 'admin',
    changeRoleAction: 'admin',
    setDisabledAction: 'admin',
  },
  'app/(site)/admin/feeds/actions.ts': {
    addFeedAction: 'staff',
    pollFeedAction: 'staff',
    setFeedActiveAction: 'staff',
    removeFeedAction: 'staff',
    saveFeedSettingsAction: 'admin',
  },
  'app/(site)/r/unlisted/actions.ts': { askAction: 'publisher' },
  'app/(site)/admin/requests/actions.ts': { attachAskAction: 'staff', dismissAskAction: 'staff' },
};

/** Why the public ones are public: nothing they do needs an account. */
const PUBLIC_BECAUSE: Record<string, string> = {
  registerAction:
    'creates a publisher account (limited per address, validated, same answer for a taken email: lib/auth/register.ts)',
  searchArticlesAction: 'searches the public catalogue only (licensable, visible articles)',
  confirmEmailAction: 'the mailed token is the proof (single use, 24 h, hashed): lib/auth/email-verification.ts',
  forgotPasswordAction:
    'for people who cannot sign in; same answer for any address, limited per client and per address: lib/auth/password-reset.ts',
  resetPasswordAction: 'the mailed token is the proof (single use, 1 h, hashed): lib/auth/password-reset.ts',
  confirmEmailChangeAction:
    'the token mailed to the new address is the proof (single use, 24 h, hashed): lib/auth/change-email.ts',
  acceptStaffInvitationAction:
    'needs a valid staff invitation link (7 days, single use, hashed); address and role come from it (lib/users/staff-invitations.ts)',
  registerFromInvitationAction:
    'needs a valid invitation link (7 days, single use, hashed); address, organisation and role come from it (lib/orgs/invitations.ts)',
};

const ROOT = path.resolve(__dirname, '..', '..');
const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/;

function sourceFiles(root: string, dir: string): string[] {
  if (!fs.existsSync(path.join(root, dir))) return [];
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(root, rel);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [rel] : [];
  });
}

const serverActionFiles = (root = ROOT) =>
  [...sourceFiles(root, 'app'), ...sourceFiles(root, 'lib')]
    .filter((f) => DIRECTIVE.test(fs.readFileSync(path.join(root, f), 'utf8')))
    .sort();

/** Each export of a file: its name and, if it is `export const name = <level>Action(…)`, the level. */
function exportsOf(file: string, root = ROOT): { name: string; level?: Level }[] {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  const out: { name: string; level?: Level }[] = [];
  for (const m of src.matchAll(/^export\s+(?:async\s+)?(?:const|let|var|function\*?|class)\s+(\w+)(.*)$/gm)) {
    const built = /^\s*=\s*(public|user|publisher|staff|admin)Action(?:\.call)?\(/.exec(m[2]!);
    out.push({ name: m[1]!, level: built?.[1] as Level | undefined });
  }
  for (const m of src.matchAll(/^export\s*(?:default|\{|\*)/gm)) out.push({ name: m[0] });
  return out;
}

describe('server actions, found by their directive', () => {
  const files = serverActionFiles();

  it('are exactly the files in the table (a new one needs an entry)', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    it(`${file}: every export is built by the builder of its level`, () => {
      const found = exportsOf(file);
      expect(Object.fromEntries(found.map((e) => [e.name, e.level ?? 'not built by a builder']))).toEqual(
        EXPECTED[file],
      );
    });
  }

  it('public actions say why they are public', () => {
    const publicOnes = Object.values(EXPECTED).flatMap((m) =>
      Object.entries(m)
        .filter(([, l]) => l === 'public')
        .map(([n]) => n),
    );
    expect(publicOnes.sort()).toEqual(Object.keys(PUBLIC_BECAUSE).sort());
  });

  it('the check itself catches an export made by hand', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'actions-probe-'));
    fs.mkdirSync(path.join(root, 'lib', 'x'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'lib', 'x', 'helpers.ts'),
      "// a comment first\n'use server';\nexport async function sneaky() {}\nexport const ok = staffAction(s, f);\n",
    );
    fs.writeFileSync(path.join(root, 'lib', 'x', 'plain.ts'), 'export async function notAnAction() {}\n');
    try {
      expect(serverActionFiles(root)).toEqual(['lib/x/helpers.ts']);
      expect(exportsOf('lib/x/helpers.ts', root)).toEqual([
        { name: 'sneaky', level: undefined },
        { name: 'ok', level: 'staff' },
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
