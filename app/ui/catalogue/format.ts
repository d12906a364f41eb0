import type { RightsStatus } from '@/db/enums';

// Fixed locale and time zone: server and browser render the same text.
const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const number = new Intl.NumberFormat('en-GB');

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : day.format(d);
}

export const formatCount = (n: number) => number.format(n);

export const RIGHTS_LABELS: Record<RightsStatus, string> = {
  owned: 'Owned',
  contributor: 'Contributor',
  syndicated_in: 'Syndicated in',
};

/** The rights status in plain words, for the rights box. */
export function rightsInWords(status: RightsStatus, publisher: string): string {
  switch (status) {
    case 'owned':
      return `${publisher} owns the rights to this text and can license it to you.`;
    case 'contributor':
      return `A contributor wrote this text. ${publisher} can license it, and the desk reviews every request for it before approving.`;
    case 'syndicated_in':
      return `Another publisher syndicated this text to ${publisher}, so we cannot license it to you.`;
  }
}
