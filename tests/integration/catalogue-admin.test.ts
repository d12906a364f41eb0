import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { assets } from '@/db/schema';
import { getArticleForAdmin, updateArticleRights } from '@/lib/catalogue/admin';
import { getArticleDetail, listArticles } from '@/lib/catalogue/queries';
import { articleRightsFromForm, articleRightsSchema } from '@/lib/validation/catalogue';
import { freshDb } from '../helpers/db';
import { makeArticle } from '../helpers/factories';
import { params } from '../helpers/catalogue';
import { formFields } from '@/lib/actions/form-data';

const pics = [
  {
    url: 'https://x.example/own.jpg',
    caption: 'Own',
    credit: 'Photo: Staff / The Harbour Ledger',
    rightsHolder: 'The Harbour Ledger',
  },
  { url: 'https://x.example/wire.jpg', caption: 'Wire', credit: 'Photo: Reuters/Jo Lin', rightsHolder: 'Reuters' },
];

describe('staff rights edits', () => {
  it('change rights, premium and visibility, and override only the asset flags that changed', async () => {
    const db = freshDb();
    const { id } = makeArticle(db, { slug: 'edit-me', title: 'Edit me', assets: pics });
    const before = (await getArticleForAdmin(id, db))!;
    const [own, wire] = before.assets;
    expect([own!.licensable, wire!.licensable]).toEqual([true, false]);

    await updateArticleRights(
      {
        id,
        rightsStatus: 'syndicated_in',
        premiumMilli: 1250,
        hidden: true,
        assets: [
          { id: own!.id, licensable: true },
          { id: wire!.id, licensable: true },
        ],
      },
      db,
    );
    const after = (await getArticleForAdmin(id, db))!;
    expect(after).toMatchObject({
      rightsStatus: 'syndicated_in',
      premiumMilli: 1250,
      hidden: true,
      publiclyVisible: false,
    });
    expect(after.assets.map((a) => [a.licensable, a.licensableOverridden])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect((await listArticles(params(), { db })).total).toBe(0);
    expect((await getArticleDetail('edit-me', db))!.notLicensableReason).toBe('This article is not available.');
  });

  it('ignore assets of other articles and refuse an unknown article', async () => {
    const db = freshDb();
    const a = makeArticle(db, { assets: pics });
    const b = makeArticle(db);
    const foreign = db.select().from(assets).where(eq(assets.articleId, a.id)).all()[1]!;
    await updateArticleRights(
      {
        id: b.id,
        rightsStatus: 'owned',
        premiumMilli: 1000,
        hidden: false,
        assets: [{ id: foreign.id, licensable: true }],
      },
      db,
    );
    expect(db.select().from(assets).where(eq(assets.id, foreign.id)).get()!.licensable).toBe(false);
    expect(() =>
      updateArticleRights({ id: 9999, rightsStatus: 'owned', premiumMilli: 1000, hidden: false, assets: [] }, db),
    ).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('read the edit form, where unticked boxes send nothing', () => {
    const form = new FormData();
    form.set('id', '7');
    form.set('rightsStatus', 'contributor');
    form.set('premium', '1.5');
    form.set('assetIds', '3,4');
    form.set('asset-4', 'on');
    expect(articleRightsSchema.parse(articleRightsFromForm(formFields(form)))).toEqual({
      id: 7,
      rightsStatus: 'contributor',
      premium: 1500,
      hidden: false,
      assets: [
        { id: 3, licensable: false },
        { id: 4, licensable: true },
      ],
    });
    form.set('rightsStatus', 'stolen');
    form.set('premium', 'lots');
    const bad = articleRightsSchema.safeParse(articleRightsFromForm(formFields(form)));
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(['premium', 'rightsStatus']);
  });
});
