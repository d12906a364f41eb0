import 'server-only';
import { revalidatePath } from 'next/cache';

/**
 * Drops every cached visitor page (catalogue lists, searches, article pages; see
 * lib/catalogue/visitor-paths.ts). Called by staff actions that change what visitors see: an
 * article's rights or visibility, a notice, the rate card (the price panel), settings (publisher
 * name, agencies). The root layout's path covers them all, group folders included; the rest of
 * the site renders per request, so nothing else is affected.
 */
export function revalidateVisitorPages(): void {
  revalidatePath('/', 'layout');
}
