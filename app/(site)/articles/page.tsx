import type { Metadata } from 'next';
import { CatalogueView, catalogueTitle } from '@/app/ui/catalogue/CatalogueView';
import { queryObject } from '@/lib/validation/catalogue';

// Signed-in viewers, and anyone whose parameters need explaining: proxy.ts sends other visitors
// to the cached copy in app/(visitor).
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: catalogueTitle(queryObject(await searchParams)) };
}

export default async function ArticlesPage({ searchParams }: Props) {
  return <CatalogueView raw={queryObject(await searchParams)} />;
}
