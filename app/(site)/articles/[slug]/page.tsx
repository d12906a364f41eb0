import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticleView } from '@/app/ui/catalogue/ArticleView';
import { can } from '@/lib/auth/can';
import { currentUser } from '@/lib/auth/session';
import { sectionTdmValues } from '@/lib/ai-terms/article-headers';
import { getArticleDetail } from '@/lib/catalogue/queries';
import { isPubliclyVisible } from '@/lib/catalogue/rules';

// Signed-in viewers only: proxy.ts sends visitors to the cached copy in app/(visitor).
type Props = { params: Promise<{ slug: string }> };

/** The article if this viewer may see it: the public rule, or staff (who see everything). */
const viewable = cache(async (slug: string) => {
  const article = getArticleDetail(slug);
  if (!article) return null;
  if (isPubliclyVisible(article)) return { article, staffOnly: false };
  return can(await currentUser(), 'staff') ? { article, staffOnly: true } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await viewable((await params).slug);
  return found
    ? {
        title: found.article.title,
        description: found.article.standfirst,
        // TDMRep's values as <meta> tags (the visitors' cached copy also sends them as headers).
        other: sectionTdmValues(found.article.section),
      }
    : { title: 'Page not found' };
}

export default async function ArticlePage({ params }: Props) {
  const found = await viewable((await params).slug);
  if (!found) notFound();
  return (
    <ArticleView
      article={found.article}
      staffOnly={found.staffOnly}
      user={await currentUser()}
      nonce={(await headers()).get('x-nonce') ?? undefined}
    />
  );
}
