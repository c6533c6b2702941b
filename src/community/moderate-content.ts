// Use cases: report content, the moderator queue, moderator actions (each audited with its reason),
// and the author's single appeal against a hidden post or comment.
import { sql } from 'kysely';
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { conflict, forbidden, notFound } from '../lib/http/errors.js';
import { canModerate, moderatedSpaces } from './access.js';
import { findComment } from './queries.js';
import type { ReportReason } from './tables.js';

export type TargetType = 'post' | 'comment';

async function target(db: DB, type: TargetType, id: number) {
  if (type === 'post') {
    const p = await db.selectFrom('community_posts').select(['id', 'space_id', 'author_id', 'status', 'appeal']).where('id', '=', id).executeTakeFirst();
    return p ? { id: p.id, spaceId: p.space_id, authorId: p.author_id, status: p.status, appeal: p.appeal, postId: p.id } : null;
  }
  const c = await findComment(db, id);
  return c ? { id: c.id, spaceId: c.space_id, authorId: c.author_id, status: c.status, appeal: c.appeal, postId: c.post_id } : null;
}

export async function reportContent(db: DB, user: SessionUser, type: TargetType, id: number, reason: ReportReason, note?: string) {
  const t = await target(db, type, id);
  if (!t || t.status === 'deleted') throw notFound();
  await db
    .insertInto('community_reports')
    .values({ target_type: type, target_id: id, space_id: t.spaceId, reporter_id: user.id, reason, note: note || null })
    .onConflict((oc) => oc.columns(['target_type', 'target_id', 'reporter_id']).doNothing())
    .execute();
  return { postId: t.postId };
}

export interface QueueItem {
  targetType: TargetType;
  targetId: number;
  postId: number;
  spaceSlug: string;
  reasons: string[];
  reports: number;
  status: string;
  excerpt: string;
  appeal: string | null;
}

/** Open reports and pending appeals in the spaces this moderator moderates, oldest first. */
export async function moderationQueue(db: DB, user: SessionUser): Promise<QueueItem[]> {
  const spaces = await moderatedSpaces(db, user);
  if (spaces !== 'all' && !spaces.length) throw forbidden();
  const spaceFilter = spaces === 'all' ? sql`true` : sql`s.id in (${sql.join(spaces)})`;
  const res = await sql<{ target_type: TargetType; target_id: number; post_id: number; slug: string; reasons: string[]; reports: number; status: string; excerpt: string; appeal: string | null }>`
    with open as (
      select target_type, target_id, space_id, array_agg(distinct reason) as reasons, count(*)::int as reports, min(created_at) as first_at
      from community_reports where resolved_at is null group by target_type, target_id, space_id
      union all
      select 'post', id, space_id, '{}'::text[], 0, appealed_at from community_posts where status = 'hidden' and appeal is not null and appealed_at is not null
        and not exists (select 1 from community_reports r where r.target_type = 'post' and r.target_id = community_posts.id and r.resolved_at is null)
    )
    select o.target_type, o.target_id, coalesce(p.id, c.post_id) as post_id, s.slug, o.reasons, o.reports,
           coalesce(p.status, c.status) as status, left(coalesce(p.title || ' — ' || p.body, c.body), 200) as excerpt, coalesce(p.appeal, c.appeal) as appeal
    from open o
    join community_spaces s on s.id = o.space_id
    left join community_posts p on o.target_type = 'post' and p.id = o.target_id
    left join community_comments c on o.target_type = 'comment' and c.id = o.target_id
    where ${spaceFilter} and coalesce(p.status, c.status) <> 'deleted'
    order by o.first_at
    limit 200`.execute(db);
  return res.rows.map((r) => ({ targetType: r.target_type, targetId: r.target_id, postId: r.post_id, spaceSlug: r.slug, reasons: r.reasons, reports: r.reports, status: r.status, excerpt: r.excerpt, appeal: r.appeal }));
}

export interface ModerationAction {
  action: 'hide' | 'restore' | 'delete' | 'warn' | 'suspend' | 'ban';
  targetType: TargetType;
  targetId: number;
  reason: string;
  days?: number | undefined;
}

export async function moderate(db: DB, mod: SessionUser, a: ModerationAction, requestId?: string) {
  const t = await target(db, a.targetType, a.targetId);
  if (!t) throw notFound();
  if (!(await canModerate(db, mod, t.spaceId))) throw forbidden('You do not moderate this space.');
  if (t.authorId === mod.id && a.action !== 'restore') throw forbidden('Moderators do not act on their own content.');
  await db.transaction().execute(async (trx) => {
    const table = a.targetType === 'post' ? 'community_posts' : 'community_comments';
    if (a.action === 'hide') {
      await trx.updateTable(table).set({ status: 'hidden', hidden_reason: a.reason }).where('id', '=', a.targetId).execute();
    } else if (a.action === 'restore') {
      await trx.updateTable(table).set({ status: 'visible', hidden_reason: null }).where('id', '=', a.targetId).execute();
    } else if (a.action === 'delete') {
      await trx.updateTable(table).set({ status: 'deleted', hidden_reason: a.reason, deleted_at: new Date() }).where('id', '=', a.targetId).execute();
    } else {
      const until = a.action === 'suspend' ? new Date(Date.now() + (a.days ?? 7) * 86400_000) : null;
      const set = a.action === 'warn' ? { warnings: sql<number>`community_members.warnings + 1` } : a.action === 'suspend' ? { suspended_until: until } : { banned_at: new Date() };
      await trx
        .insertInto('community_members')
        .values({ user_id: t.authorId, warnings: a.action === 'warn' ? 1 : 0, suspended_until: until, banned_at: a.action === 'ban' ? new Date() : null })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...set, updated_at: new Date() }))
        .execute();
    }
    await trx
      .updateTable('community_reports')
      .set({ resolved_at: new Date(), resolved_by: mod.id, resolution: a.action })
      .where('target_type', '=', a.targetType)
      .where('target_id', '=', a.targetId)
      .where('resolved_at', 'is', null)
      .execute();
    // The reason is the moderator's words about the content, not the member's personal data.
    await audit(trx, {
      actor: { id: mod.id, role: mod.role },
      action: `community.${a.action}`,
      entityType: a.targetType === 'post' ? 'community_post' : 'community_comment',
      entityId: a.targetId,
      details: { reason: a.reason, authorId: t.authorId, spaceId: t.spaceId, ...(a.days ? { days: a.days } : {}) },
      requestId: requestId ?? null,
    });
  });
  return { postId: t.postId };
}

/** The author may appeal a hidden post or comment once. */
export async function appealDecision(db: DB, user: SessionUser, type: TargetType, id: number, text: string) {
  const t = await target(db, type, id);
  if (!t || t.status === 'deleted') throw notFound();
  if (t.authorId !== user.id) throw forbidden();
  if (t.status !== 'hidden') throw conflict('not_hidden', 'Only hidden content can be appealed.');
  if (t.appeal) throw conflict('already_appealed', 'This decision was appealed already.');
  const table = type === 'post' ? 'community_posts' : 'community_comments';
  await db.updateTable(table).set({ appeal: text, appealed_at: new Date() }).where('id', '=', id).where('appeal', 'is', null).execute();
  return { postId: t.postId };
}
