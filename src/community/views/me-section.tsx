// My Ieum, community part: choose nationality and city (they pick "my spaces"), and bookmarked posts.
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Space } from '../spaces.js';

export function MeCommunitySection(props: { p: PageCtx; spaces: Space[]; profile: { nationality: string | null; region: string | null }; bookmarks: Array<{ id: number; title: string }>; saved: boolean }) {
  const { p, spaces, profile } = props;
  const { t } = p;
  return (
    <section class="card" id="community" aria-labelledby="cm-title">
      <h2 id="cm-title">{t('community.profile.title')}</h2>
      {props.saved ? <Notice kind="success">{t('community.profile.done')}</Notice> : null}
      <p class="note">{t('community.profile.hint')}</p>
      <form method="post" action={href(p, '/me/community')} class="stack">
        <CsrfField p={p} />
        <div class="field">
          <label class="field-label" for="cm-nat">{t('community.profile.nationality')}</label>
          <select id="cm-nat" name="nationality" class="input">
            <option value="">{t('community.profile.none')}</option>
            {spaces.filter((s) => s.kind === 'nationality').map((s) => <option value={s.countryCode ?? ''} selected={profile.nationality === s.countryCode}>{s.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="cm-reg">{t('community.profile.region')}</label>
          <select id="cm-reg" name="region" class="input">
            <option value="">{t('community.profile.none')}</option>
            {spaces.filter((s) => s.kind === 'region').map((s) => <option value={s.regionCode ?? ''} selected={profile.region === s.regionCode}>{s.name}</option>)}
          </select>
        </div>
        <button type="submit" class="btn btn-primary">{t('community.profile.save')}</button>
      </form>
      {props.bookmarks.length ? (
        <>
          <h3>{t('community.bookmarks')}</h3>
          <ul>{props.bookmarks.map((b) => <li><a href={href(p, `/community/posts/${b.id}`)} dir="auto">{b.title}</a></li>)}</ul>
        </>
      ) : null}
    </section>
  );
}
