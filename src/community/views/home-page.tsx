// The community home: my spaces (from the member's nationality and city), every space, search across spaces.
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { PostRow } from '../queries.js';
import type { Space } from '../spaces.js';
import { PostSummary } from './parts.js';

function SpaceList({ p, spaces }: { p: PageCtx; spaces: Space[] }) {
  return (
    <ul class="space-list">
      {spaces.map((s) => (
        <li>
          <a href={href(p, `/community/${s.slug}`)}>{s.name}</a>
        </li>
      ))}
    </ul>
  );
}

export function CommunityHomePage(props: { p: PageCtx; spaces: Space[]; mine: Space[]; q?: string | undefined; results?: PostRow[] | null; next?: string | null }) {
  const { p, spaces } = props;
  const { t } = p;
  return (
    <Layout p={p} title={t('community.title')}>
      <div class="container">
        <h1>{t('community.title')}</h1>
        <p class="lead">{t('community.lead')}</p>
        <form method="get" action={href(p, '/community')} class="search-form" role="search">
          <label class="field-label" for="cq">{t('community.search.label')}</label>
          <input id="cq" name="q" type="search" class="input" value={props.q ?? ''} maxlength={100} />
          <button type="submit" class="btn btn-primary">{t('community.search.submit')}</button>
        </form>
        {props.results ? (
          <section aria-labelledby="res-title">
            <h2 id="res-title">{t('community.search.results')}</h2>
            {props.results.length ? <ul class="post-list">{props.results.map((post) => <PostSummary p={p} post={post} />)}</ul> : <p>{t('community.empty')}</p>}
            {props.next ? <a href={`${href(p, '/community')}?q=${encodeURIComponent(props.q ?? '')}&cursor=${props.next}`}>{t('community.more')}</a> : null}
          </section>
        ) : null}
        <ul class="link-list">
          <li><a href={href(p, '/community/events')}>{t('community.events.title')}</a></li>
          {p.user ? <li><a href={href(p, '/community/blocks')}>{t('community.blocks.title')}</a></li> : null}
        </ul>
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t('community.my_spaces')}</h2>
          {props.mine.length ? <SpaceList p={p} spaces={props.mine} /> : <p>{p.user ? <a href={`${href(p, '/me')}#community`}>{t('community.my_spaces.choose')}</a> : t('community.my_spaces.login')}</p>}
        </section>
        <section aria-labelledby="nat-title">
          <h2 id="nat-title">{t('community.nationality_spaces')}</h2>
          <SpaceList p={p} spaces={spaces.filter((s) => s.kind === 'nationality')} />
        </section>
        <section aria-labelledby="reg-title">
          <h2 id="reg-title">{t('community.region_spaces')}</h2>
          <SpaceList p={p} spaces={spaces.filter((s) => s.kind === 'region')} />
        </section>
        {p.user && (p.user.role === 'moderator' || p.user.role === 'admin') ? <p><a href={href(p, '/community/moderation')}>{t('community.mod.title')}</a></p> : null}
      </div>
    </Layout>
  );
}
