'use server';

import { revalidatePath } from 'next/cache';
import { changeRole, createStaffAccount, setDisabled, type CreateStaffState } from '@/lib/admin/users';
import { currentUser } from '@/lib/auth/session';
import type { FormState } from '@/lib/validation/errors';

// Thin wrappers: lib/admin/users.ts authorizes (admin only), validates and keeps one admin.

function refreshed<S extends FormState>(state: S): S {
  if (state?.ok) revalidatePath('/admin/users');
  return state;
}

export async function createStaffAction(_prev: CreateStaffState, formData: FormData): Promise<CreateStaffState> {
  return refreshed(await createStaffAccount(await currentUser(), formData));
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return refreshed(await changeRole(await currentUser(), formData));
}

export async function setDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return refreshed(await setDisabled(await currentUser(), formData));
}
