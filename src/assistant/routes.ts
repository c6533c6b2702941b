// Assistant routes: POST /api/v1/chat (JSON or server-sent events), feedback, and the chat page.
import { Hono, type Context } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { badRequest } from '../lib/http/errors.js';
import { parseInput, readBody } from '../lib/http/input.js';
import { rateLimit } from '../lib/http/rate-limit.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { translator } from '../lib/i18n/messages.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { answerChat, type AnswerWriter } from './answer-chat.js';
import { EngineHolder } from './engine-holder.js';
import { GroundedWriter } from './llm/grounded-writer.js';
import { OpenAiChat } from './llm/openai-chat.js';
import { guidesRoutes } from './guides-routes.js';
import { setFeedback } from './queries.js';
import { chatInput, feedbackInput } from './schema.js';
import { chatStream } from './sse.js';
import { suggestedQuestions } from './suggestions.js';
import { AnswerCard } from './views/answer-card.js';
import { AssistantPage } from './views/assistant-page.js';

const CHAT_LIMIT = { name: 'chat', max: 30, windowSec: 60 };

export function assistantRoutes(deps: Deps, opts: { engines?: EngineHolder; writer?: AnswerWriter | null } = {}) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const engines = opts.engines ?? new EngineHolder(db, deps.logger);
  // "The index and model load at start": the first visitor should not wait for the build.
  if (deps.warmUp) engines.get().catch((err) => deps.logger.error({ err }, 'assistant index build failed'));
  const writer = opts.writer === undefined ? writerFromConfig(deps) : opts.writer;
  const limit = rateLimit(db, CHAT_LIMIT, { trustProxy: deps.config.TRUST_PROXY });
  const base = deps.config.BASE_URL;

  app.post('/api/v1/chat', limit, async (c) => {
    const input = await parseInput(c, chatInput);
    const userId = c.get('user')?.id ?? null;
    if ((c.req.header('accept') ?? '').includes('text/event-stream')) {
      return chatStream(c, async (send) => {
        const pending: Array<Promise<void>> = [];
        const r = await answerChat({ db, engines, writer }, { ...input, userId }, (text, reset) =>
          void pending.push(reset ? send('reset', {}) : send('delta', { text })),
        );
        await Promise.all(pending);
        // The same server-rendered card as the no-JS page, in the answer's language.
        const p = { ...pageCtx(c, base), locale: r.composed.locale, t: translator(r.composed.locale) };
        const html = String(await AnswerCard({ p, a: r.composed, logId: r.logId, conversationId: r.conversationId }));
        await send('done', { ...publicJson(r), html });
      });
    }
    const r = await answerChat({ db, engines, writer }, { ...input, userId });
    return c.json(publicJson(r));
  });

  app.post('/api/v1/chat/feedback', async (c) => {
    const input = await parseInput(c, feedbackInput);
    const ok = await setFeedback(db, input.logId, input.conversationId, input.value);
    if (!ok) throw badRequest('unknown_answer', 'No such answer in this conversation.');
    return c.body(null, 204);
  });

  const page = async (c: Context<AppEnv>, message: string | undefined, conversationId?: string) => {
    const p = pageCtx(c, base);
    const engine = await engines.get();
    const suggestions = suggestedQuestions(engine.knowledge, p.locale);
    if (!message) return render(c, AssistantPage({ p, suggestions }));
    const parsed = chatInput.safeParse({ message, locale: p.locale, conversationId: conversationId || undefined });
    if (!parsed.success) return render(c, AssistantPage({ p, suggestions, error: p.t('form.required') }), 400);
    const r = await answerChat({ db, engines, writer }, { ...parsed.data, userId: p.user?.id ?? null });
    const exchange = { question: parsed.data.message, composed: r.composed, logId: r.logId, conversationId: r.conversationId };
    return render(c, AssistantPage({ p, exchange, suggestions }));
  };

  app.get(`${LOCALE_ROUTE}/assistant`, limit, (c) => page(c, c.req.query('q')?.slice(0, 2000), c.req.query('c')));
  app.post(`${LOCALE_ROUTE}/assistant`, limit, async (c) => {
    const body = await readBody(c);
    return page(c, typeof body.message === 'string' ? body.message : '', typeof body.conversationId === 'string' ? body.conversationId : undefined);
  });
  app.post(`${LOCALE_ROUTE}/assistant/feedback`, async (c) => {
    const p = pageCtx(c, base);
    const parsed = feedbackInput.safeParse(await readBody(c));
    if (parsed.success) await setFeedback(db, parsed.data.logId, parsed.data.conversationId, parsed.data.value);
    return c.redirect(`${href(p, '/assistant')}?thanks=1`, 303);
  });
  app.route('/', guidesRoutes(deps, engines));
  return app;
}

/** Generative mode only when all three LLM variables are set; otherwise the built-in engine alone. */
function writerFromConfig(deps: Deps): AnswerWriter | null {
  const { LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS } = deps.config;
  if (!LLM_BASE_URL || !LLM_MODEL || !LLM_API_KEY) return null;
  const llm = new OpenAiChat({ baseUrl: LLM_BASE_URL, model: LLM_MODEL, apiKey: LLM_API_KEY, timeoutMs: LLM_TIMEOUT_MS });
  return new GroundedWriter(llm, (reason) => deps.logger.warn({ reason }, 'LLM answer discarded; engine answer used'));
}

function publicJson(r: Awaited<ReturnType<typeof answerChat>>) {
  return {
    answer: r.answer,
    locale: r.locale,
    kind: r.kind,
    sources: r.sources,
    conversationId: r.conversationId,
    logId: r.logId,
    articleId: r.articleId,
    engine: r.engine,
    options: r.composed.options.map((o) => ({ id: o.id, title: o.title })),
    nearby: r.composed.nearby,
  };
}

