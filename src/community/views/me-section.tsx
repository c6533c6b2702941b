// My Ieum, community part: "my spaces" (computed from the nationality and city in About me — one profile
// form for the whole site, owned by the programs section) and bookmarked posts.
import { Notice } from '../../lib/views/forms.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Space } from '../spaces.js';

export function MeCommunitySection(props: { p: PageCtx; spaces: Space[]; profile: { nationality: string | null; region: string | null }; bookmarks: Array<{ id: number; title: string }>; saved: boolean }) {
  const { p, spaces, profile } = props;
  const { t } = p;
  const mine = spaces.filter((s) => (s.kind === 'nationality' && s.countryCode && s.countryCode === profile.nationality) || (s.kind === 'region' && s.regionCode && s.regionCode === profile.region));
  return (
    <section class="card" id="community" aria-labelledby="cm-title">
      <h2 id="cm-title">{t('community.my_spaces')}</h2>
      {props.saved ? <Notice kind="success">{t('community.profile.done')}</Notice> : null}
      {mine.length ? (
        <>
          <ul class="link-list">{mine.map((s) => <li><a href={href(p, `/community/${s.slug}`)}>{s.name}</a></li>)}</ul>
          <p class="note">{t('community.my_spaces.from_profile')}</p>
        </>
      ) : (
        <p>
          <a href="#my-details">{t('community.my_spaces.choose')}</a>
        </p>
      )}
      <p>
        <a href={href(p, '/community/blocks')}>{t('community.blocks.title')}</a>
      </p>
      {props.bookmarks.length ? (
        <>
          <h3>{t('community.bookmarks')}</h3>
          <ul>{props.bookmarks.map((b) => <li><a href={href(p, `/community/posts/${b.id}`)} dir="auto">{b.title}</a></li>)}</ul>
        </>
      ) : null}
    </section>
  );
}
