import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticleView } from '@/app/ui/catalogue/ArticleView';
import { sectionTdmValues } from '@/lib/ai-terms/article-headers';
import { getArticleDetail } from '@/lib/catalogue/queries';
import { isPubliclyVisible } from '@/lib/catalogue/rules';

// The visitor's article page, cached (see app/(visitor)/layout.tsx). Rendered on first visit,
// none at build time, then at most once a minute (Next needs the literal here).
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

const publicArticle = cache(async (slug: string) => {
  const article = getArticleDetail(slug);
  return article && isPubliclyVisible(article) ? article : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await publicArticle((await params).slug);
  return article
    ? {
        title: article.title,
        description: article.standfirst,
        alternates: { canonical: `/articles/${article.slug}` },
        // TDMRep's values as <meta> tags; the page cache sends them as headers too.
        other: sectionTdmValues(article.section),
      }
    : { title: 'Page not found' };
}

export default async function VisitorArticlePage({ params }: Props) {
  const article = await publicArticle((await params).slug);
  if (!article) notFound();
  return <ArticleView article={article} user={null} />;
}
