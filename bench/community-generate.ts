// Community bench data: a throwaway PostgreSQL schema, migrated, filled server-side (insert … select
// generate_series) with N multilingual posts and M comments, indexed exactly as the migrations define.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { seedCommunitySpaces } from '../src/community/spaces.js';
import { migrate } from '../src/lib/db/migrate.js';
import { openDatabase, type DbHandle } from '../src/lib/db/open.js';
import { seedRegions } from '../src/places/seed-regions.js';
import { HANGUL_SYLLABLES, KOREAN_TERMS, LANGUAGE_WEIGHTS, SENTENCES } from './community-corpus.js';

export interface Generated {
  dbh: DbHandle;
  schema: string;
  /** Step name → milliseconds. */
  timings: Array<[string, number]>;
  posts: number;
  comments: number;
  /** Spaces by post count, largest first. */
  spaces: Array<{ id: number; slug: string; posts: number }>;
  /** A visible post in the largest space with exactly 200 comments. */
  busyPostId: number;
  /** A member who blocked three frequent authors (exercises the blocks anti-join). */
  viewerId: number;
  dataSize: string;
  drop(): Promise<void>;
}

const USERS = 20_000;
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: string[]) => `array[${xs.map(q).join(',')}]::text[]`;

export async function generateCommunity(url: string, opts: { posts: number; comments: number; log?: (m: string) => void }): Promise<Generated> {
  const log = opts.log ?? (() => {});
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // pg_trgm lives in public (see src/lib/testing/test-db.ts): a copy inside the throwaway schema would vanish with it.
  await admin.query('create extension if not exists pg_trgm with schema public').catch(() => {});
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const dbh = await openDatabase({ databaseUrl: url, dataDir: '', poolMax: 4, searchPath: `${schema},public` });
  const drop = async () => {
    await dbh.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  };
  const timings: Array<[string, number]> = [];
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
  try {
    await migrate(dbh.db);
    await seedRegions(dbh.db);
    await seedCommunitySpaces(dbh.db);
    await c.connect();
    const step = async (name: string, text: string) => {
      const t = performance.now();
      await c.query(text);
      const d = performance.now() - t;
      timings.push([name, d]);
      log(`  ${name}: ${(d / 1000).toFixed(1)} s`);
    };
    // Bulk-load settings for this session only: no FK triggers (the generator keeps references valid),
    // memory for sorts and index builds, no waiting on WAL flushes.
    await c.query(`set session_replication_role = replica; set maintenance_work_mem = '1GB'; set work_mem = '256MB';
      set max_parallel_maintenance_workers = 2; set synchronous_commit = off`);

    const langs = Object.entries(LANGUAGE_WEIGHTS);
    const total = langs.reduce((s, [, w]) => s + w, 0);
    let acc = 0;
    const rows = langs.map(([code, w], i) => {
      const lo = acc / total;
      acc += w;
      return `(${i + 1}, ${q(code)}, ${arr(SENTENCES[code]!)}, ${SENTENCES[code]!.length}, ${lo}, ${i === langs.length - 1 ? 2 : acc / total})`;
    });
    await c.query(`create temp table bench_langs (i int primary key, code text, sents text[], n int, lo float8, hi float8);
      insert into bench_langs values ${rows.join(',')}`);

    // Secondary indexes are dropped for the load and rebuilt from their own definitions afterwards, so the
    // bench measures exactly the indexes the migrations create (a bulk build is also far faster).
    const idx = await c.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where schemaname = $1 and tablename in ('community_posts', 'community_comments', 'users')
       and indexname not in (select conname from pg_constraint where connamespace = $1::regnamespace)`,
      [schema],
    );
    for (const r of idx.rows) await c.query(`drop index ${schema}.${r.indexname}`);

    await step('users (20,000)', `insert into users (username, role, created_at, deleted_at)
      select 'bench-' || g, 'member', timestamptz '2024-01-01' + g * interval '1 hour', case when g % 100 = 0 then now() end
      from generate_series(1, ${USERS}) g`);
    const u0 = Number((await c.query('select min(id) m from users')).rows[0].m);

    // Spaces are skewed (power law over a shuffled order): the largest gets ~20% of all posts.
    const syl = q(HANGUL_SYLLABLES);
    const token = `case when random() < 0.5 then ' ' || case when random() < 0.5
        then substr(${syl}, 1 + floor(random() * ${HANGUL_SYLLABLES.length})::int, 1) || substr(${syl}, 1 + floor(random() * ${HANGUL_SYLLABLES.length})::int, 1) || substr(${syl}, 1 + floor(random() * ${HANGUL_SYLLABLES.length})::int, 1)
        else substr(md5(random()::text), 1, 7) end else '' end`;
    const pick = 'l.sents[1 + floor(random() * l.n)::int]';
    await step(`posts (${opts.posts.toLocaleString('en')})`, `
      insert into community_posts (space_id, author_id, topic, title, body, language, status, hidden_reason, content_hash, like_count, comment_count, created_at)
      select sp.ids[1 + floor(power(x.rs, 2.5) * sp.n)::int],
        ${u0} + floor(power(random(), 2) * ${USERS})::int,
        (array['health','education','jobs','housing','events','questions','market'])[1 + floor(random() * 7)::int],
        left(${pick}, 200),
        array_to_string(array(select ${pick} from generate_series(1, x.k)), ' ') || ${token}
          || case when random() < 0.15 then ' ' || (${arr(KOREAN_TERMS)})[1 + floor(random() * ${KOREAN_TERMS.length})::int] else '' end,
        l.code,
        case when x.rv < 0.02 then 'hidden' when x.rv < 0.03 then 'deleted' else 'visible' end,
        case when x.rv < 0.02 then 'spam' end,
        md5(x.g::text),
        floor(power(random(), 4) * 40)::int,
        floor(power(random(), 3) * 14)::int,
        timestamptz '2024-01-01' + x.g * interval '90 seconds' + random() * interval '80 seconds'
      from (select g, random() rs, random() rl, random() rv,
              case when random() < 0.03 then 20 + floor(random() * 40)::int else 1 + floor(power(random(), 2) * 10)::int end k
            from generate_series(1, ${opts.posts}) g) x
      join bench_langs l on x.rl >= l.lo and x.rl < l.hi
      cross join (select array_agg(id order by md5(slug)) ids, count(*)::int n from community_spaces) sp`);

    const spaces = (await c.query(`select s.id::int, s.slug, count(p.id)::int posts from community_spaces s left join community_posts p on p.space_id = s.id
      group by s.id order by posts desc, s.id`)).rows as Generated['spaces'];
    const busyPostId = Number((await c.query(`select id from community_posts where space_id = $1 and status = 'visible' order by created_at desc limit 1 offset 30`, [spaces[0]!.id])).rows[0].id);
    // Exact totals: the busy post gets 200 comments, the others are nudged by one until the sum is exact.
    await c.query('update community_posts set comment_count = 200 where id = $1', [busyPostId]);
    const sum = Number((await c.query('select sum(comment_count) s from community_posts')).rows[0].s);
    const diff = opts.comments - sum;
    if (diff > 0) {
      await c.query(`update community_posts set comment_count = comment_count + 1 where id in
        (select id from community_posts where id <> $1 order by md5(id::text) limit $2)`, [busyPostId, diff]);
    } else if (diff < 0) {
      await c.query(`update community_posts set comment_count = comment_count - 1 where id in
        (select id from community_posts where id <> $1 and comment_count > 0 order by md5(id::text) limit $2)`, [busyPostId, -diff]);
    }
    // Comments in time order, as a live site writes them: one post's comments are spread over the heap.
    await step(`comments (${opts.comments.toLocaleString('en')})`, `
      insert into community_comments (post_id, author_id, body, language, status, created_at)
      select post_id, author_id, body, language, status, created_at from (
        select p.id post_id, ${u0} + floor(power(random(), 2) * ${USERS})::int author_id,
          ${pick} || case when random() < 0.4 then ' ' || ${pick} else '' end body,
          p.language, case when random() < 0.02 then 'hidden' when random() < 0.01 then 'deleted' else 'visible' end status,
          p.created_at + gs.k * case when p.id = ${busyPostId} then interval '3 hours' else interval '7 minutes' end + random() * interval '5 minutes' created_at
        from community_posts p join bench_langs l on l.code = p.language cross join lateral generate_series(1, p.comment_count) as gs(k)
        where p.comment_count > 0) x
      order by created_at`);
    // One level of replies under the busy post's first comment.
    await c.query(`update community_comments set parent_id = (select min(id) from community_comments where post_id = $1)
      where post_id = $1 and id % 4 = 0 and id > (select min(id) from community_comments where post_id = $1)`, [busyPostId]);
    const viewerId = u0 + 7;
    await c.query(`insert into community_blocks (blocker_id, blocked_id) values ($1, $2), ($1, $3), ($1, $4)`, [viewerId, u0, u0 + 1, u0 + 2]);

    await c.query('set session_replication_role = origin');
    for (const r of idx.rows) await step(`index ${r.indexname}`, r.indexdef);
    await step('vacuum analyze', 'vacuum analyze users, community_posts, community_comments, community_blocks, community_spaces');
    const counts = (await c.query('select (select count(*) from community_posts)::int p, (select count(*) from community_comments)::int c')).rows[0];
    const size = (await c.query(`select pg_size_pretty(sum(pg_total_relation_size(c.oid))) s from pg_class c
      where c.relnamespace = $1::regnamespace and c.relkind = 'r'`, [schema])).rows[0].s as string;
    return { dbh, schema, timings, posts: counts.p, comments: counts.c, spaces, busyPostId, viewerId, dataSize: size, drop };
  } catch (err) {
    await drop().catch(() => {});
    throw err;
  } finally {
    await c.end().catch(() => {});
  }
}
