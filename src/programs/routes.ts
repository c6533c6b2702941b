// Programs routes: the list/detail/deadlines API and pages, the iCalendar feed, saving programs, and the
// member's own details and reminders (PATCH /api/v1/me, GET /api/v1/me/reminders, the My Ieum form).
import { Hono } from 'hono';
import { registerAnonymizer } from '../accounts/delete-account.js';
import { requireUser } from '../accounts/access.js';
import { registerMeSection } from '../accounts/me-sections.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { notFound, validationError, zodFields } from '../lib/http/errors.js';
import { parseInput, parseQuery, readBody } from '../lib/http/input.js';
import { isLocale, LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { translator } from '../lib/i18n/messages.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { listRegions } from '../places/queries.js';
import { seoulToday } from './dates.js';
import { deadlinesCalendar } from './deadlines-feed.js';
import { findPrograms } from './find-programs.js';
import { upcomingDeadlines } from './list-programs.js';
import { deadlineOf, effectiveStatus } from './model.js';
import { parseOffsets } from './reminders.js';
import { isSaved, saveProgram } from './save-program.js';
import { listReminders } from './schedule-reminders.js';
import { nonEmpty, patchMeInput, profileForm, programsQuery } from './schema.js';
import { programJson } from './serialize.js';
import { eraseProfile, getProfile, updateProfile } from './update-profile.js';
import { MeProgramsSection } from './views/me-section.js';
import { DeadlinesPage } from './views/deadlines-page.js';
import { ProgramPage } from './views/program-page.js';
import { ProgramsPage } from './views/programs-page.js';
import { loadProgram, loadPrograms, savedProgramIds } from './queries.js';

let registered = false;

export function programsRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const offsets = parseOffsets(deps.config.REMINDER_OFFSETS);

  if (!registered) {
    registered = true;
    registerAnonymizer(eraseProfile);
    // My Ieum: the member's details, reminders and saved programs (db comes from the caller: tests open many).
    registerMeSection(async (sdb, p, query) => {
      const user = p.user!;
      const [profile, reminders, regions, saved] = await Promise.all([getProfile(sdb, user.id), listReminders(sdb, user.id), listRegions(sdb, p.locale), savedProgramIds(sdb, user.id)]);
      const programs = await loadPrograms(sdb, p.locale, saved);
      return MeProgramsSection({ p, profile, reminders, regions, saved: programs, notice: query.done === 'profile' });
    });
  }

  // ---- JSON API ----
  app.get('/api/v1/programs', async (c) => {
    const q = parseQuery(c, programsQuery);
    const locale = q.locale ?? c.get('locale');
    const found = await findPrograms(db, locale, q, c.get('user'));
    const t = c.get('t');
    if (!q.locale) c.header('Vary', 'Accept-Language, Cookie');
    return c.json({ locale, today: found.today, programs: found.listed.map((l) => programJson(l, locale === c.get('locale') ? t : tFor(locale), base, locale)) });
  });

  app.get('/api/v1/programs/deadlines.ics', async (c) => {
    const q = parseQuery(c, programsQuery);
    const locale = q.locale ?? c.get('locale');
    const found = await findPrograms(db, locale, q, c.get('user'));
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'inline; filename="ieum-deadlines.ics"');
    return c.body(deadlinesCalendar(found.listed, tFor(locale), base, locale));
  });

  app.get('/api/v1/programs/:id', async (c) => {
    const q = parseQuery(c, programsQuery.pick({ locale: true }));
    const locale = q.locale ?? c.get('locale');
    const program = await loadProgram(db, c.req.param('id'), locale);
    if (!program) throw notFound('No such program.');
    const today = seoulToday();
    return c.json({ program: programJson({ program, status: effectiveStatus(program, today), deadline: deadlineOf(program, today), reasons: null }, tFor(locale), base, locale) });
  });

  app.patch('/api/v1/me', async (c) => {
    const user = requireUser(c);
    const input = await parseInput(c, patchMeInput);
    const profile = await updateProfile(db, user, input, offsets, c.get('requestId'));
    return c.json({ profile });
  });

  app.get('/api/v1/me/reminders', async (c) => {
    const user = requireUser(c);
    const reminders = await listReminders(db, user.id);
    const locale = c.get('locale');
    return c.json({
      reminders: reminders.map((r) => ({ ...r, guideUrl: `${base}/${locale}/guides/stay-extension`, hikoreaUrl: 'https://www.hikorea.go.kr' })),
    });
  });

  app.get('/api/v1/me/programs', async (c) => {
    const user = requireUser(c);
    return c.json({ programIds: await savedProgramIds(db, user.id) });
  });
  app.put('/api/v1/me/programs/:id', async (c) => {
    const user = requireUser(c);
    await saveProgram(db, user.id, c.req.param('id'), true);
    return c.body(null, 204);
  });
  app.delete('/api/v1/me/programs/:id', async (c) => {
    const user = requireUser(c);
    await saveProgram(db, user.id, c.req.param('id'), false);
    return c.body(null, 204);
  });

  // ---- Pages ----
  app.get(`${LOCALE_ROUTE}/programs`, async (c) => {
    const p = pageCtx(c, base);
    const parsed = programsQuery.safeParse(nonEmpty(c.req.query()));
    const q = parsed.success ? parsed.data : {};
    const [found, regions] = await Promise.all([findPrograms(db, p.locale, q, p.user), listRegions(db, p.locale)]);
    const errors = parsed.success ? {} : zodFields(parsed.error);
    return render(c, ProgramsPage({ p, regions, q, found, errors, query: new URL(c.req.url).search }), parsed.success ? 200 : 400);
  });

  app.get(`${LOCALE_ROUTE}/programs/deadlines`, async (c) => {
    const p = pageCtx(c, base);
    const parsed = programsQuery.safeParse(nonEmpty(c.req.query()));
    if (!parsed.success) throw validationError(parsed.error);
    const found = await findPrograms(db, p.locale, parsed.data, p.user);
    const search = new URL(c.req.url).searchParams;
    search.set('locale', p.locale);
    return render(c, DeadlinesPage({ p, items: upcomingDeadlines(found.listed), icsUrl: `/api/v1/programs/deadlines.ics?${search.toString()}` }));
  });

  app.get(`${LOCALE_ROUTE}/programs/:id`, async (c) => {
    const p = pageCtx(c, base);
    const program = await loadProgram(db, c.req.param('id'), p.locale);
    if (!program) throw notFound(p.t('error.404.body'));
    const [regions, saved] = await Promise.all([listRegions(db, p.locale), p.user ? isSaved(db, p.user.id, program.id) : false]);
    const today = seoulToday();
    return render(c, ProgramPage({ p, program, status: effectiveStatus(program, today), deadline: deadlineOf(program, today), regions, saved, justSaved: c.req.query('saved') }));
  });

  app.post(`${LOCALE_ROUTE}/programs/:id/save`, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    const body = await readBody(c);
    const save = body.action !== 'remove';
    await saveProgram(db, user.id, c.req.param('id'), save);
    return c.redirect(`${href(p, `/programs/${c.req.param('id')}`)}?saved=${save ? '1' : '0'}`, 303);
  });

  app.post(`${LOCALE_ROUTE}/me/profile`, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    const formParsed = profileForm.safeParse(await readBody(c));
    if (!formParsed.success) throw validationError(formParsed.error);
    const form = formParsed.data;
    // Empty form fields clear the value; the same validation as the API.
    const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);
    const parsed = patchMeInput.safeParse({ visa: blank(form.visa), region: blank(form.region), nationality: blank(form.nationality), stayExpiresOn: blank(form.stayExpiresOn) });
    if (!parsed.success) throw validationError(parsed.error);
    await updateProfile(db, user, parsed.data, offsets, c.get('requestId'));
    return c.redirect(`${href(p, '/me')}?done=profile#my-details`, 303);
  });

  return app;
}

const tFor = (locale: string) => translator(isLocale(locale) ? locale : 'en');
