// Staff routes for the glossary (/{locale}/staff/translations/glossary), mounted inside the translation staff
// sub-app, whose guard already lets only editors and admins in. After a change this node reloads the
// glossary at once; the others notice the revision within seconds.
import type { Context, Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { parseForm } from '../lib/http/input.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { addGlossaryTerm, deleteGlossaryTerm, listGlossary, saveGlossaryTerm } from './edit-glossary.js';
import { glossaryAdd, glossaryLocale, glossaryQuery, glossarySave, glossaryTerm, glossaryTermId } from './schema.js';
import type { TranslationService } from './service.js';
import { GlossaryPage, type GlossaryPageProps } from './views/glossary-page.js';

const DONE = ['saved', 'added', 'deleted'] as const;

export function glossaryRoutes(app: Hono<AppEnv>, deps: Deps, service: TranslationService, S: string): void {
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const G = `${S}/glossary`;

  const page = async (c: Context<AppEnv>, lang: GlossaryPageProps['lang'], extra: Partial<GlossaryPageProps> = {}, status: 200 | 400 = 200) => {
    const p = pageCtx(c, base);
    const rows = await listGlossary(db, lang);
    return render(c, GlossaryPage({ p, lang, rows, ...extra }), status);
  };
  const message = (c: Context<AppEnv>, code: string | undefined) => {
    const t = pageCtx(c, base).t;
    return code === 'not_korean' ? t('staff.glossary.error.ko') : t('staff.glossary.error.term');
  };
  const actorOf = (c: Context<AppEnv>) => {
    const u = c.get('user')!;
    return { id: u.id, role: u.role };
  };
  const changed = async (c: Context<AppEnv>, lang: string, done: (typeof DONE)[number]) => {
    await service.glossaryChanged();
    return c.redirect(`${href(pageCtx(c, base), '/staff/translations/glossary')}?lang=${lang}&done=${done}`, 303);
  };

  app.get(G, async (c) => {
    const { lang } = glossaryQuery.parse(c.req.query());
    const done = DONE.find((d) => d === c.req.query('done'));
    return page(c, lang, { done });
  });

  app.post(G, async (c) => {
    const form = await parseForm(c);
    const parsed = glossaryAdd.safeParse(form);
    const lang = glossaryLocale.safeParse(form.lang).data ?? 'en';
    const values = { ko: String(form.ko ?? ''), term: String(form.term ?? '') };
    const term = lang === 'ko' ? null : glossaryTerm.safeParse(values.term);
    const errors = {
      ko: parsed.success ? undefined : message(c, parsed.error.issues.find((i) => i.path[0] === 'ko')?.message),
      term: term && !term.success ? message(c, term.error.issues[0]?.message) : undefined,
    };
    if (!parsed.success || errors.ko || errors.term) return page(c, lang, { add: { ...values, errors } }, 400);
    await addGlossaryTerm(db, { ko: parsed.data.ko, locale: lang, term: term?.data ?? null }, actorOf(c), c.get('requestId'));
    return changed(c, lang, 'added');
  });

  app.post(`${G}/:termId/:lang`, async (c) => {
    const termId = glossaryTermId.safeParse(c.req.param('termId'));
    const lang = glossaryLocale.safeParse(c.req.param('lang'));
    if (!termId.success || !lang.success) return c.notFound();
    const form = await parseForm(c);
    const input = glossarySave.safeParse(form);
    if (!input.success) {
      return page(c, lang.data, { rowError: { termId: termId.data, value: String(form.term ?? ''), message: message(c, input.error.issues[0]?.message) } }, 400);
    }
    if ((await saveGlossaryTerm(db, { termId: termId.data, locale: lang.data, term: input.data.term }, actorOf(c), c.get('requestId'))) === 'not_found') return c.notFound();
    return changed(c, lang.data, 'saved');
  });

  app.post(`${G}/:termId/:lang/delete`, async (c) => {
    const termId = glossaryTermId.safeParse(c.req.param('termId'));
    const lang = glossaryLocale.safeParse(c.req.param('lang'));
    if (!termId.success || !lang.success) return c.notFound();
    if ((await deleteGlossaryTerm(db, { termId: termId.data, locale: lang.data }, actorOf(c), c.get('requestId'))) === 'not_found') return c.notFound();
    return changed(c, lang.data, 'deleted');
  });
}
