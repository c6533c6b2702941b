// Builds the intake form's page props (shared by the GET page and the POST that re-renders it with errors),
// and the anti-abuse check of a submitted form.
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import type { PageCtx } from '../lib/views/page-context.js';
import { listRegions } from '../places/queries.js';
import { conversationQuestions, summaryText } from './assistant-summary.js';
import { checkArithmetic, checkProofOfWork, consumeChallenge, issueArithmetic, issueChallenge, type ChallengeProblem } from './challenge.js';
import type { NewCaseProps } from './views/new-case-page.js';

export async function newCaseProps(
  deps: Deps,
  p: PageCtx,
  opts: { values?: Record<string, string | undefined>; errors?: Record<string, string>; conversation?: string | undefined; consented?: boolean },
): Promise<NewCaseProps> {
  const { db } = deps.dbh;
  const { config } = deps;
  const values = { ...(opts.values ?? {}) };
  let assistant: NewCaseProps['assistant'] = null;
  if (opts.conversation) {
    // The conversation is read only after the explicit consent checkbox (or when the form already carries it).
    let found = false;
    if (opts.consented) {
      if (values.description === undefined) {
        const questions = await conversationQuestions(db, opts.conversation, p.user?.id ?? null);
        found = Boolean(questions?.length);
        if (found) values.description = summaryText(p.t('cases.assistant.heading'), questions!);
      } else {
        found = true;
      }
    }
    assistant = { conversation: opts.conversation, consented: Boolean(opts.consented), found };
  }
  const difficulty = config.CASE_CHALLENGE_DIFFICULTY;
  const antiAbuse = !p.user && difficulty > 0 ? { ...issueChallenge(config.SESSION_SECRET, difficulty), ...issueArithmetic(config.SESSION_SECRET) } : null;
  return { p, regions: await listRegions(db, p.locale), values, errors: opts.errors ?? {}, antiAbuse, assistant };
}

/**
 * Anonymous filing must carry a solved proof of work (header or form fields) or, from a browser without
 * JavaScript, the right answer to the arithmetic question. Members are accountable and skip it.
 * Returns null when accepted (and records the challenge as used), else the problem.
 */
export async function checkAntiAbuse(
  deps: Deps,
  c: Context<AppEnv>,
  form?: { challenge?: string | undefined; nonce?: string | undefined; arithToken?: string | undefined; arithAnswer?: string | undefined },
): Promise<ChallengeProblem | null> {
  const { config } = deps;
  if (c.get('user') || config.CASE_CHALLENGE_DIFFICULTY === 0) return null;
  const header = c.req.header('x-case-challenge') ?? (form?.challenge && form.nonce ? `${form.challenge}:${form.nonce}` : undefined);
  let r = checkProofOfWork(config.SESSION_SECRET, config.CASE_CHALLENGE_DIFFICULTY, header);
  if (!r.ok && !c.req.header('x-case-challenge') && form?.arithToken) r = checkArithmetic(config.SESSION_SECRET, form.arithToken, form.arithAnswer);
  if (!r.ok) return r.problem;
  return (await consumeChallenge(deps.dbh.db, r.key, r.expiresAt)) ? null : 'challenge_used';
}
