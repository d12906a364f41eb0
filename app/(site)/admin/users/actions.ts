'use server';

import { adminAction } from '@/lib/actions/builders';
import { fieldErrors } from '@/lib/errors';
import { changeRole, createStaffAccount, setDisabled } from '@/lib/users/accounts';
import { changeRoleSchema, createStaffFormSchema, setDisabledSchema } from '@/lib/validation/admin';

// lib/users/accounts.ts keeps the desk's one-admin rule; the builder makes these admin-only.

export const createStaffAction = adminAction(createStaffFormSchema, (input) => createStaffAccount(input), {
  revalidate: ['/admin/users'],
});

export const changeRoleAction = adminAction(changeRoleSchema, (input, user) => changeRole(input, user), {
  revalidate: ['/admin/users'],
  invalid: (e) => ({ errors: fieldErrors(e), message: 'Please choose a role.' }),
});

export const setDisabledAction = adminAction(setDisabledSchema, (input, user) => setDisabled(input, user), {
  revalidate: ['/admin/users'],
  invalid: () => ({ errors: {}, message: 'Unknown user.' }),
});
