import type { Metadata } from 'next';
import { CatalogueView, catalogueTitle } from '@/app/ui/catalogue/CatalogueView';
import { catalogueParams } from '@/lib/catalogue/visitor-paths';

// The visitor's catalogue list or search, one cache entry per canonical query (see
// lib/catalogue/visitor-paths.ts and app/(visitor)/layout.tsx); at most once a minute.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ query: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: catalogueTitle(catalogueParams((await params).query)) };
}

export default async function VisitorCataloguePage({ params }: Props) {
  return <CatalogueView raw={catalogueParams((await params).query)} />;
}
