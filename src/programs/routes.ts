// Programs routes: the list/detail/deadlines API and pages, the iCalendar feed, saving programs, and the
// member's own details, reminders and personal deadlines (PATCH /api/v1/me, GET /api/v1/me/reminders, the My Ieum
// form); saved filters are in saved-filter-routes.ts.
import { Hono } from 'hono';
import { registerAnonymizer } from '../accounts/delete-account.js';
import { requireUser } from '../accounts/access.js';
import { registerMeSection, renderMeSections } from '../accounts/me-sections.js';
import { MePage } from '../accounts/views/me-page.js';
import { readNationalities } from '../community/spaces.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { HttpError, notFound, validationError, zodFields } from '../lib/http/errors.js';
import { parseInput, parseQuery, readBody } from '../lib/http/input.js';
import { BCP47, isLocale, LOCALE_ROUTE, type Locale } from '../lib/i18n/locales.js';
import { translator } from '../lib/i18n/messages.js';
import { href, pageCtx, type PageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { listRegions } from '../places/queries.js';
import { isValidDate, seoulToday } from './dates.js';
import { enteredOnProblem, GUIDE_OF, deadlineKindOf, movedOnProblem, personalDeadlines } from './personal-deadlines.js';
import { renderProgramsList } from './programs-list-page.js';
import { eraseSavedFilters } from './save-filter.js';
import { savedFilterRoutes } from './saved-filter-routes.js';
import { findFilterByToken, listSavedFilters } from './saved-filters.js';
import { MeDeadlinesSection } from './views/me-deadlines.js';
import { MeSavedFiltersSection } from './views/me-saved-filters.js';
import { deadlinesCalendar } from './deadlines-feed.js';
import { findPrograms } from './find-programs.js';
import { upcomingDeadlines } from './list-programs.js';
import { deadlineOf, effectiveStatus } from './model.js';
import { parseOffsets } from './reminders.js';
import { isSaved, saveProgram } from './save-program.js';
import { listReminders } from './schedule-reminders.js';
import { feedTokenSchema, nationalitySchema, nonEmpty, patchMeInput, profileForm, programsQuery, regionSchema, visaSchema, type PatchMeInput, type ProfileFormValues } from './schema.js';
import { programJson } from './serialize.js';
import { clearStayDetails, eraseProfile, getProfile, stayDateProblem, updateProfile } from './update-profile.js';
import { MeProgramsSection, type AboutFormState } from './views/me-section.js';
import { DeadlinesPage } from './views/deadlines-page.js';
import { ProgramPage } from './views/program-page.js';
import { machineJson, machineTranslatedProgram, withMachineLabel, withRememberedTitles } from '../translation/localize-program.js';
import { loadProgram, loadPrograms, savedProgramIds } from './queries.js';

let registered = false;

/** A refused "About me" form, handed from the POST handler to the section it re-renders (keyed by request). */
const refusedForms = new WeakMap<PageCtx, AboutFormState>();

/** The nationalities of the community spaces, named in the reader's language, alphabetically. */
function nationalityOptions(locale: Locale): Array<{ code: string; name: string }> {
  const names = new Intl.DisplayNames([BCP47[locale], 'en'], { type: 'region' });
  return readNationalities()
    .map((n) => ({ code: n.code, name: locale === 'ko' ? n.ko : locale === 'en' ? n.en : (names.of(n.code) ?? n.en) }))
    .sort((a, b) => a.name.localeCompare(b.name, BCP47[locale]));
}

/** Validates the form field by field, so every problem is shown beside its field with the input kept. */
function checkAboutForm(p: PageCtx, v: ProfileFormValues): { input: PatchMeInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const blank = (x: string) => x.trim() === '';
  const input: PatchMeInput = { showVisa: v.showVisa };
  const visa = visaSchema.safeParse(v.visa);
  if (blank(v.visa)) input.visa = null;
  else if (visa.success) input.visa = visa.data;
  else errors.visa = p.t('me.about.error.visa');
  const nat = nationalitySchema.safeParse(v.nationality);
  if (blank(v.nationality)) input.nationality = null;
  else if (nat.success) input.nationality = nat.data;
  else errors.nationality = p.t('me.about.error.choose');
  const reg = regionSchema.safeParse(v.region);
  if (blank(v.region)) input.region = null;
  else if (reg.success) input.region = reg.data;
  else errors.region = p.t('me.about.error.choose');
  const stay = v.stayExpiresOn.trim();
  if (!stay) input.stayExpiresOn = null;
  else if (!isValidDate(stay)) errors.stayExpiresOn = p.t('me.about.error.date');
  else if (stayDateProblem(stay)) errors.stayExpiresOn = p.t('me.about.error.stay_range');
  else input.stayExpiresOn = stay;
  // Personal deadlines: the move (±60 days) and, only without a residence card yet, the entry (last 90 days).
  const today = seoulToday();
  const moved = v.movedOn.trim();
  if (!moved) input.movedOn = null;
  else if (!isValidDate(moved)) errors.movedOn = p.t('me.about.error.date');
  else if (movedOnProblem(moved, today)) errors.movedOn = p.t('me.about.error.moved_range');
  else input.movedOn = moved;
  const entered = v.enteredOn.trim();
  input.noResidenceCard = v.noResidenceCard;
  if (!entered) input.enteredOn = null;
  else if (!isValidDate(entered)) errors.enteredOn = p.t('me.about.error.date');
  else if (enteredOnProblem(entered, today)) errors.enteredOn = p.t('me.about.error.entered_range');
  else if (!v.noResidenceCard) errors.noResidenceCard = p.t('me.about.error.no_card');
  else input.enteredOn = entered;
  return { input, errors };
}

export function programsRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const offsets = parseOffsets(deps.config.REMINDER_OFFSETS);

  if (!registered) {
    registered = true;
    registerAnonymizer(eraseProfile);
    registerAnonymizer(eraseSavedFilters);
    // My Ieum: "About me", reminders and saved programs, first on the page (db comes from the caller: tests open many).
    registerMeSection(async (sdb, p, query) => {
      const user = p.user!;
      const [profile, allReminders, regions, saved, filters] = await Promise.all([
        getProfile(sdb, user.id),
        listReminders(sdb, user.id),
        listRegions(sdb, p.locale),
        savedProgramIds(sdb, user.id),
        listSavedFilters(sdb, user.id, deps.config.SESSION_SECRET),
      ]);
      const reminders = allReminders.filter((r) => !deadlineKindOf(r.kind));
      const deadlines = personalDeadlines({ movedOn: profile.movedOn, enteredOn: profile.enteredOn, awaitingCard: profile.noResidenceCard, visa: profile.visa });
      const programs = await loadPrograms(sdb, p.locale, saved);
      const form = refusedForms.get(p) ?? {
        values: {
          visa: profile.visa ?? '',
          region: profile.region ?? '',
          nationality: profile.nationality ?? '',
          stayExpiresOn: profile.stayExpiresOn ?? '',
          showVisa: profile.showVisa,
          movedOn: profile.movedOn ?? '',
          enteredOn: profile.enteredOn ?? '',
          noResidenceCard: profile.noResidenceCard,
        },
        errors: {},
      };
      const notice = query.done === 'profile' ? 'saved' : query.done === 'stay-deleted' ? 'stay-deleted' : null;
      const filterNotice = query.done === 'filter-saved' ? 'saved' : query.done === 'filter-deleted' ? 'deleted' : null;
      return MeProgramsSection({
        p,
        form,
        stayExpiresOn: profile.stayExpiresOn,
        reminders,
        regions,
        nationalities: nationalityOptions(p.locale),
        saved: programs,
        notice,
        deadlines: MeDeadlinesSection({ p, deadlines, reminders: allReminders, today: seoulToday() }),
        filters: MeSavedFiltersSection({ p, filters, baseUrl: base, notice: filterNotice }),
      });
    }, 10);
  }

  // ---- JSON API ----
  app.get('/api/v1/programs', async (c) => {
    const q = parseQuery(c, programsQuery);
    const locale = q.locale ?? c.get('locale');
    const found = await findPrograms(db, locale, q, c.get('user'));
    const t = c.get('t');
    if (!q.locale) c.header('Vary', 'Accept-Language, Cookie');
    // As on the HTML list: English titles the translation memory already has in this locale (never a provider call).
    const listed = await withRememberedTitles(db, found.listed, locale);
    return c.json({ locale, today: found.today, programs: listed.map((l) => withMachineLabel(programJson(l, locale === c.get('locale') ? t : tFor(locale), base, locale), l.program, base)) });
  });

  app.get('/api/v1/programs/deadlines.ics', async (c) => {
    // ?filter=<token>: a member's saved filter, for calendar apps that cannot log in. The token alone decides;
    // an unknown or malformed one is the same 404 (nothing to enumerate). The query string is never logged.
    const token = c.req.query('filter');
    let q;
    let locale: string;
    if (token !== undefined) {
      const saved = feedTokenSchema.safeParse(token).success ? await findFilterByToken(db, token, deps.config.SESSION_SECRET) : null;
      if (!saved) throw notFound('No such feed.');
      const l = c.req.query('locale');
      locale = l && isLocale(l) ? l : saved.locale;
      q = saved.query;
      c.header('Cache-Control', 'private, no-cache');
    } else {
      q = parseQuery(c, programsQuery);
      locale = q.locale ?? c.get('locale');
    }
    const found = await findPrograms(db, locale, q, token !== undefined ? null : c.get('user'));
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'inline; filename="ieum-deadlines.ics"');
    return c.body(deadlinesCalendar(found.listed, tFor(locale), base, locale));
  });

  app.get('/api/v1/programs/:id', async (c) => {
    const q = parseQuery(c, programsQuery.pick({ locale: true }));
    const locale = q.locale ?? c.get('locale');
    const found = await loadProgram(db, c.req.param('id'), locale);
    if (!found) throw notFound('No such program.');
    // No curated text in this locale: machine-translated from Korean within the render budget (labelled).
    const { program, machine } = await machineTranslatedProgram(db, found, locale, deps.config.TRANSLATION_RENDER_BUDGET_MS);
    const today = seoulToday();
    const json = programJson({ program, status: effectiveStatus(program, today), deadline: deadlineOf(program, today), reasons: null }, tFor(locale), base, locale);
    return c.json({ program: machine ? { ...json, translation: { ...json.translation, machine: machineJson(machine, base) } } : json });
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
    const profile = await getProfile(db, user.id);
    const today = seoulToday();
    const guideOf = (kind: string) => {
      const dk = deadlineKindOf(kind);
      return `${base}/${locale}/guides/${dk ? GUIDE_OF[dk] : 'stay-extension'}`;
    };
    return c.json({
      reminders: reminders.map((r) => ({ ...r, guideUrl: guideOf(r.kind), hikoreaUrl: 'https://www.hikorea.go.kr' })),
      // The personal deadlines themselves (also the overdue ones: they stay until the member clears the date).
      deadlines: personalDeadlines({ movedOn: profile.movedOn, enteredOn: profile.enteredOn, awaitingCard: profile.noResidenceCard, visa: profile.visa }).map((d) => ({
        kind: d.kind,
        from: d.from,
        dueOn: d.dueOn,
        overdue: d.dueOn < today,
        guideUrl: `${base}/${locale}/guides/${d.guide}`,
        hikoreaUrl: 'https://www.hikorea.go.kr',
      })),
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
    const parsed = programsQuery.safeParse(nonEmpty(c.req.queries()));
    const q = parsed.success ? parsed.data : {};
    const errors = parsed.success ? {} : zodFields(parsed.error);
    return renderProgramsList(c, deps, p, q, errors, parsed.success ? 200 : 400);
  });

  app.get(`${LOCALE_ROUTE}/programs/deadlines`, async (c) => {
    const p = pageCtx(c, base);
    const parsed = programsQuery.safeParse(nonEmpty(c.req.queries()));
    if (!parsed.success) throw validationError(parsed.error);
    const found = await findPrograms(db, p.locale, parsed.data, p.user);
    const search = new URL(c.req.url).searchParams;
    search.set('locale', p.locale);
    return render(c, DeadlinesPage({ p, items: upcomingDeadlines(found.listed), icsUrl: `/api/v1/programs/deadlines.ics?${search.toString()}` }));
  });

  app.get(`${LOCALE_ROUTE}/programs/:id`, async (c) => {
    const p = pageCtx(c, base);
    const found = await loadProgram(db, c.req.param('id'), p.locale);
    if (!found) throw notFound(p.t('error.404.body'));
    const { program, machine } = await machineTranslatedProgram(db, found, p.locale, deps.config.TRANSLATION_RENDER_BUDGET_MS);
    const [regions, saved] = await Promise.all([listRegions(db, p.locale), p.user ? isSaved(db, p.user.id, program.id) : false]);
    const today = seoulToday();
    return render(c, ProgramPage({ p, program, machine, status: effectiveStatus(program, today), deadline: deadlineOf(program, today), regions, saved, justSaved: c.req.query('saved') }));
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
    const f = formParsed.data;
    const values: ProfileFormValues = {
      visa: f.visa ?? '',
      region: f.region ?? '',
      nationality: f.nationality ?? '',
      stayExpiresOn: f.stayExpiresOn ?? '',
      showVisa: f.showVisa === 'yes',
      movedOn: f.movedOn ?? '',
      enteredOn: f.enteredOn ?? '',
      noResidenceCard: f.noResidenceCard === 'yes',
    };
    let { input, errors } = checkAboutForm(p, values);
    if (!Object.keys(errors).length) {
      try {
        await updateProfile(db, user, input, offsets, c.get('requestId'));
      } catch (err) {
        // The use case's own checks (e.g. an unknown city code) become inline errors too.
        if (!(err instanceof HttpError) || err.status !== 400 || !err.fields) throw err;
        const msg: Record<string, string> = { stayExpiresOn: 'me.about.error.stay_range', movedOn: 'me.about.error.moved_range', enteredOn: 'me.about.error.entered_range' };
        errors = Object.fromEntries(Object.keys(err.fields).map((k) => [k, p.t(msg[k] ?? 'me.about.error.choose')]));
      }
    }
    if (Object.keys(errors).length) {
      // Re-render My Ieum with the member's input kept and each problem beside its field.
      refusedForms.set(p, { values, errors });
      const sections = await renderMeSections(db, p, {});
      return render(c, MePage({ p, sections }), 400);
    }
    return c.redirect(`${href(p, '/me')}?done=profile#my-details`, 303);
  });

  app.post(`${LOCALE_ROUTE}/me/profile/delete-stay`, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    await clearStayDetails(db, user, c.get('requestId'));
    return c.redirect(`${href(p, '/me')}?done=stay-deleted#my-details`, 303);
  });

  app.route('/', savedFilterRoutes(deps));
  return app;
}

const tFor = (locale: string) => translator(isLocale(locale) ? locale : 'en');
