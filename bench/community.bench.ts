// Community bench (issue "Scale"): 1,000,000 posts and 3,000,000 comments in local PostgreSQL; listing, deep
// cursor pages, a post with 200 comments and search, measured through src/community/queries.ts with plans.
import { CompiledQuery, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow, type QueryId } from 'kysely';
import { findPost, listComments, listPosts, viewerFlags } from '../src/community/queries.js';
import { testSettings } from '../src/config.js';
import type { DB } from '../src/lib/db/types.js';
import { generateCommunity, type Generated } from './community-generate.js';
import { measure, ms, type Section } from './lib.js';

/** Records every query a real query function sends, so the bench can EXPLAIN exactly that SQL. */
class Capture implements KyselyPlugin {
  nodes: Array<{ node: RootOperationNode; queryId: QueryId }> = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.nodes.push({ node: args.node, queryId: args.queryId });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

interface Case {
  label: string;
  goal: number;
  run: (db: DB) => Promise<unknown>;
}

/** `--community-posts=10000 --community-comments=30000` for a quick smoke run; the default is the issue's size. */
export function sizeFromArgs(argv = process.argv): { posts: number; comments: number } {
  const num = (name: string, dflt: number) => {
    const a = argv.find((x) => x.startsWith(`--${name}=`));
    const n = a ? Number(a.split('=')[1]) : dflt;
    if (!Number.isInteger(n) || n < 1000) throw new Error(`--${name} must be an integer ≥ 1000`);
    return n;
  };
  const posts = num('community-posts', 1_000_000);
  return { posts, comments: num('community-comments', posts * 3) };
}

function cases(g: Pick<Generated, 'spaces' | 'busyPostId' | 'viewerId'>, deepCursor: string, deepOffset: number): Case[] {
  const big = g.spaces[0]!;
  const mid = g.spaces[Math.floor(g.spaces.length / 2)]!;
  const L = 20;
  const list: Case[] = [
    { label: `Space first page (largest space, ${big.posts.toLocaleString('en')} posts)`, goal: 20, run: (db) => listPosts(db, { spaceIds: [big.id], limit: L }) },
    { label: 'Space first page, signed in (blocks excluded)', goal: 20, run: (db) => listPosts(db, { spaceIds: [big.id], limit: L, viewerId: g.viewerId }) },
    { label: `Space first page (median space, ${mid.posts.toLocaleString('en')} posts)`, goal: 20, run: (db) => listPosts(db, { spaceIds: [mid.id], limit: L }) },
    { label: 'Space first page, topic filter', goal: 20, run: (db) => listPosts(db, { spaceIds: [big.id], topic: 'housing', limit: L }) },
    { label: `Deep page by cursor (after ${deepOffset.toLocaleString('en')} rows, largest space)`, goal: 20, run: (db) => listPosts(db, { spaceIds: [big.id], cursor: deepCursor, limit: L }) },
    { label: 'All spaces, newest first', goal: 20, run: (db) => listPosts(db, { limit: L }) },
    { label: 'Post with 200 comments: comments', goal: 20, run: (db) => listComments(db, g.busyPostId, null) },
    {
      label: 'Post with 200 comments: post + comments + flags, signed in',
      goal: 20,
      run: async (db) => {
        await findPost(db, g.busyPostId);
        await Promise.all([listComments(db, g.busyPostId, g.viewerId), viewerFlags(db, g.busyPostId, g.viewerId)]);
      },
    },
  ];
  const searches: Array<[string, string]> = [
    ['Korean', '외국인등록'],
    ['Korean, two syllables', '비자'],
    ['Korean, two syllables, rare', '수영'],
    ['Latin', 'health insurance'],
    ['Vietnamese with diacritics', 'bảo hiểm'],
    ['Thai', 'ประกันสุขภาพ'],
    ['Latin, common phrase', 'free korean'],
    ['no hits', '스쿠버다이빙'],
  ];
  for (const [what, text] of searches) {
    list.push({ label: `Search in a space, ${what} “${text}”`, goal: 100, run: (db) => listPosts(db, { spaceIds: [big.id], q: text, limit: L }) });
    list.push({ label: `Search all spaces, ${what} “${text}”`, goal: 100, run: (db) => listPosts(db, { q: text, limit: L }) });
  }
  return list;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each query the function sent, trimmed to the plan's shape and timings. */
async function plans(db: DB, c: Case): Promise<string> {
  const cap = new Capture();
  await c.run(db.withPlugin(cap));
  const out: string[] = [];
  for (const { node, queryId } of cap.nodes) {
    const compiled = db.getExecutor().compileQuery(node, queryId);
    const r = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]));
    const lines = r.rows.map((x) => x['QUERY PLAN']).filter((l) => !/^\s*(Planning:|Buffers: shared hit=\d+$)/.test(l) || /Buffers/.test(l));
    out.push(lines.length > 40 ? [...lines.slice(0, 38), '  …', ...lines.slice(-2)].join('\n') : lines.join('\n'));
  }
  return out.join('\n\n');
}

export async function communityBench(size = sizeFromArgs()): Promise<Section> {
  const title = `Community (${size.posts.toLocaleString('en')} posts, ${size.comments.toLocaleString('en')} comments, PostgreSQL)`;
  const url = testSettings().databaseUrl;
  if (!url) return { title, rows: [['skipped', 'set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)']] };
  console.log(`community: generating ${size.posts} posts and ${size.comments} comments…`);
  const t0 = performance.now();
  const g = await generateCommunity(url, { ...size, log: console.log });
  const genMs = performance.now() - t0;
  try {
    const r = await runCases(g);
    return {
      title,
      rows: [
        ['Data', `${g.posts.toLocaleString('en')} posts in ${g.spaces.length} spaces (largest ${g.spaces[0]!.posts.toLocaleString('en')}, smallest ${g.spaces.at(-1)!.posts.toLocaleString('en')}), ${g.comments.toLocaleString('en')} comments, 20,000 members; ${g.dataSize} with indexes`],
        ['Generation (server-side insert … select generate_series, index builds, vacuum analyze)', `${(genMs / 1000).toFixed(1)} s total: ${g.timings.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`],
        ...r.rows,
      ],
      notes: [
        'Each row calls the real functions of src/community/queries.ts (listPosts, findPost, listComments, viewerFlags) on a pg pool, 20 warm-up calls then 200 samples; the server is the local PostgreSQL 15 with its default settings (shared_buffers 128 MB, random_page_cost 4; the data sits in the OS page cache).',
        'Text is synthetic but multilingual: sentences in ko, vi, en, zh, ne, ru, th, uz, id, fil, mn (bench/community-corpus.ts), 1–60 sentences per post, 15% with Korean terms mixed in, half with a long-tail token (names); spaces and authors follow power laws. No post has images or events.',
        'Plans are `EXPLAIN (ANALYZE, BUFFERS)` of the exact SQL each function sent (captured with a Kysely plugin), trimmed.',
      ],
      extra: `### Community query plans\n\n${r.plans.join('\n\n')}`,
    };
  } finally {
    await g.drop();
  }
}

/** Measures every case on generated data; returns the table rows and the plans (markdown). */
export async function runCases(g: Pick<Generated, 'dbh' | 'spaces' | 'busyPostId' | 'viewerId'>, filter?: string): Promise<{ rows: Section['rows']; plans: string[] }> {
  const db = g.dbh.db;
  const big = g.spaces[0]!;
  // The cursor of the row N deep in the largest space, as the previous page would have handed it out.
  const deepOffset = Math.min(50_000, Math.floor(big.posts * 0.5));
  const row = await db.executeQuery<{ micros: string; id: number }>(
    CompiledQuery.raw(
      `select (extract(epoch from created_at) * 1000000)::bigint::text micros, id from community_posts where space_id = $1 and status = 'visible'
       order by created_at desc, id desc offset $2 limit 1`,
      [big.id, deepOffset - 1],
    ),
  );
  const deepCursor = Buffer.from(`${row.rows[0]!.micros}.${row.rows[0]!.id}`).toString('base64url');
  const rows: Section['rows'] = [];
  const planText: string[] = [];
  for (const c of cases(g, deepCursor, deepOffset)) {
    if (filter && !c.label.includes(filter)) continue;
    const r = await measure(() => c.run(db), 200, 20);
    const ok = r.p95 <= c.goal ? 'met' : 'MISSED';
    rows.push([c.label, `p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · p99 ${ms(r.p99)} (goal p95 ≤ ${c.goal} ms: ${ok})`]);
    console.log(`${c.label}: p50 ${ms(r.p50)} p95 ${ms(r.p95)} p99 ${ms(r.p99)} ${ok}`);
    planText.push(`#### ${c.label}\n\n\`\`\`text\n${await plans(db, c)}\n\`\`\``);
  }
  return { rows, plans: planText };
}
