// Translation bench: the translation-memory hit path (p95 goal 2 ms), and what machine translation adds to a
// guide page render with a cold memory (stand-in provider with 300 ms latency) and a warm one, against the
// same page without a provider. Also a provider slower than the render budget: the page still answers.
import { bumpKbRevision } from '../src/assistant/kb/seed-kb.js';
import type { DB } from '../src/lib/db/types.js';
import { makeTestDeps, TestClient } from '../src/lib/testing/test-app.js';
import { testDatabases } from '../src/lib/testing/test-db.js';
import { createApp } from '../src/server.js';
import { registerTranslationService, translationServiceFor } from '../src/translation/runtime.js';
import { startGoogleV2 } from '../src/translation/testing/stand-in-providers.js';
import { translateText } from '../src/translation/translate-text.js';
import { measure, ms, percentile, type Section } from './lib.js';

const ARTICLES = 30;
const id = (i: number) => `bench-tr-${i}`;

/** Articles with Korean and English only, so every other locale needs a machine translation. */
async function insertArticles(db: DB) {
  for (let i = 0; i < ARTICLES; i++) {
    await db.insertInto('kb_articles').values({ id: id(i), topic: 'labor', rank: 900 + i, visas: ['E-9'], regions: [], keywords: [], contacts: ['1350'], sources: JSON.stringify([{ publisher: 'MOEL', title: 'Bench', url: 'https://www.moel.go.kr' }]), reviewed: '2026-11-26', related: [] }).execute();
    const texts = {
      ko: { title: `퇴직금 안내 ${i}`, answer: `1년 이상 일했다면 퇴직금을 받을 수 있습니다 (${i}). E-9 근로자는 1350에 문의하세요.`, steps: [`근로계약서를 확인합니다 ${i}.`, '고용노동부 1350에 전화합니다.'], bring: ['외국인등록증'] },
      en: { title: `Severance pay ${i}`, answer: `You get severance pay after 1 year (${i}). Call 1350.`, steps: ['Check your contract.', 'Call 1350.'], bring: ['Residence card'] },
    };
    for (const [locale, t] of Object.entries(texts)) {
      await db.insertInto('kb_article_translations').values({ article_id: id(i), locale, status: 'reviewed', title: t.title, answer: t.answer, steps: JSON.stringify(t.steps), bring: JSON.stringify(t.bring), questions: JSON.stringify([t.title]) }).execute();
    }
  }
  await bumpKbRevision(db);
}

async function timed(c: TestClient, path: string): Promise<number> {
  const t = performance.now();
  const res = await c.request(path);
  await res.text();
  return performance.now() - t;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${ms(percentile(s, 50))} · p95 ${ms(percentile(s, 95))}`;
};

export async function translationBench(): Promise<Section> {
  const dbh = await testDatabases()[0]!.open();
  await insertArticles(dbh.db);
  const provider = await startGoogleV2('g-key');
  provider.latencyMs = 300;
  const env = { TRANSLATION_PROVIDER: 'google', GOOGLE_TRANSLATE_API_KEY: 'g-key', GOOGLE_TRANSLATE_BASE_URL: provider.url, TRANSLATION_RENDER_BUDGET_MS: '1500' };

  // Without a provider: the same page in English with its note (the baseline).
  const plainApp = createApp(makeTestDeps(dbh, {}));
  const plainService = translationServiceFor(dbh.db)!;
  const translatingApp = createApp(makeTestDeps(dbh, { env }));
  const service = translationServiceFor(dbh.db)!;
  const plain = new TestClient(plainApp);
  const translating = new TestClient(translatingApp);

  registerTranslationService(dbh.db, plainService);
  await timed(plain, `/si/guides/${id(0)}`); // builds the assistant index
  const baseline: number[] = [];
  for (let r = 0; r < 3; r++) for (let i = 0; i < ARTICLES; i++) baseline.push(await timed(plain, `/si/guides/${id(i)}`));

  registerTranslationService(dbh.db, service);
  await timed(translating, `/en/guides/${id(0)}`); // builds this app's index
  const cold: number[] = [];
  for (let i = 0; i < ARTICLES; i++) cold.push(await timed(translating, `/si/guides/${id(i)}`));
  const warm: number[] = [];
  for (let r = 0; r < 3; r++) for (let i = 0; i < ARTICLES; i++) warm.push(await timed(translating, `/si/guides/${id(i)}`));

  // Program pages (no Sinhala text): the first view translates from Korean and stores the result as
  // 'machine'; later views look the memory up once (editors' corrections show) and render.
  const programIds = (await dbh.db.selectFrom('program_translations').select('program_id').where('locale', '=', 'ko').orderBy('program_id').limit(10).execute()).map((r) => r.program_id);
  const programPlain: number[] = [];
  registerTranslationService(dbh.db, plainService);
  for (let r = 0; r < 3; r++) for (const pid of programIds) programPlain.push(await timed(plain, `/si/programs/${pid}`));
  registerTranslationService(dbh.db, service);
  const programCold: number[] = [];
  for (const pid of programIds) programCold.push(await timed(translating, `/si/programs/${pid}`));
  const programWarm: number[] = [];
  for (let r = 0; r < 3; r++) for (const pid of programIds) programWarm.push(await timed(translating, `/si/programs/${pid}`));

  // The memory hit path alone: one text already translated.
  await translateText(dbh.db, { text: '퇴직금은 1년 이상 일하면 받습니다. 1350에 문의하세요.', target: 'vi', format: 'text', purpose: 'content' });
  const calls = provider.requests.length;
  const hit = await measure(() => translateText(dbh.db, { text: '퇴직금은 1년 이상 일하면 받습니다. 1350에 문의하세요.', target: 'vi', format: 'text', purpose: 'content' }), 2000, 200);
  const hitCalls = provider.requests.length - calls;

  // A provider slower than the render budget: the page answers at the budget with the original.
  provider.latencyMs = 3000;
  const slow: number[] = [];
  for (let i = 0; i < 5; i++) slow.push(await timed(translating, `/bn/guides/${id(i)}`));

  await provider.close();
  await dbh.close();
  return {
    title: 'Translation',
    rows: [
      ['Translation memory hit (translateText, 2,000 calls, PGlite)', `p50 ${ms(hit.p50)} · p95 ${ms(hit.p95)} · p99 ${ms(hit.p99)} (goal p95 ≤ 2 ms); provider calls during the run: ${hitCalls}`],
      [`Guide page, no provider (English with a note), ${ARTICLES * 3} renders`, stats(baseline)],
      [`Guide page, cold memory (stand-in provider, 300 ms latency), ${ARTICLES} pages`, stats(cold)],
      [`Guide page, warm memory, ${ARTICLES * 3} renders`, stats(warm)],
      ['Guide page, provider slower than the render budget (3 s vs 1.5 s), 5 pages', stats(slow)],
      [`Program page, no provider (English with a note), ${programIds.length * 3} renders`, stats(programPlain)],
      [`Program page, cold memory (stand-in provider, 300 ms latency), ${programIds.length} pages`, stats(programCold)],
      [`Program page, warm memory (stored as machine), ${programIds.length * 3} renders`, stats(programWarm)],
    ],
    notes: [
      'One provider call per page: every field of an article goes in one batch. A warm render adds one indexed lookup (all fields at once) to the page.',
      'Past TRANSLATION_RENDER_BUDGET_MS the page shows the original and the translation finishes in the background (assets/js/translate.js fills it in).',
    ],
  };
}
