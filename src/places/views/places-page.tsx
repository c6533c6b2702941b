// The places list: a plain GET form (city, type, language, open now, free, walk-in, name) and results
// nearest first. Fully usable without JavaScript or map tiles; the map is an enhancement.
import { BCP47 } from '../../lib/i18n/locales.js';
import { Icon } from '../../lib/views/icons.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { CATEGORIES } from '../categories.js';
import type { Region } from '../queries.js';
import type { PlaceSearch } from '../search-places.js';
import { formatDistance, languageName } from './format.js';

const LANGS = ['en', 'zh', 'vi', 'th', 'uz', 'ru', 'ne', 'id', 'tl', 'km', 'mn', 'my', 'si', 'bn', 'ur', 'ky', 'lo', 'ja'];

export interface PlacesForm {
  region?: string | undefined;
  q?: string | undefined;
  category?: string | undefined;
  language?: string | undefined;
  open?: boolean | undefined;
  free?: boolean | undefined;
  walkin?: boolean | undefined;
}

export function PlacesPage(props: { p: PageCtx; regions: Region[]; form: PlacesForm; result: PlaceSearch | null; names: Map<string, string>; tileUrl: string }) {
  const { p, form, result } = props;
  const { t } = p;
  const mapData = result?.origin
    ? JSON.stringify({
        origin: result.origin,
        tiles: props.tileUrl,
        places: result.hits.map((h) => ({ id: h.place.id, name: props.names.get(h.place.id) ?? h.place.name, lat: h.place.lat, lng: h.place.lng })),
      })
    : undefined;
  return (
    <Layout p={p} title={t('places.title')} description={t('places.lead')} scripts={mapData ? ['places.js', 'place-map.js'] : ['places.js']} styles={mapData ? ['leaflet.css'] : []}>
      <div class="container prose-wide">
        <h1>{t('places.title')}</h1>
        <p class="lead">{t('places.lead')}</p>
        <form method="get" action={href(p, '/places')} class="place-form" id="place-form">
          <div class="form-grid">
            <div class="field">
              <label class="field-label" for="pl-region">{t('places.region')}</label>
              <select id="pl-region" name="region" class="input">
                <option value="">{t('places.region.any')}</option>
                {props.regions.map((r) => (
                  <option value={r.code} selected={form.region === r.code}>{r.name}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label class="field-label" for="pl-q">{t('places.q')}</label>
              <input id="pl-q" name="q" class="input" value={form.q} maxlength={100} dir="auto" />
            </div>
            <div class="field">
              <label class="field-label" for="pl-cat">{t('places.category')}</label>
              <select id="pl-cat" name="category" class="input">
                <option value="">{t('places.category.any')}</option>
                {CATEGORIES.map((c) => (
                  <option value={c} selected={form.category === c}>{t(`places.category.${c}`)}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label class="field-label" for="pl-lang">{t('places.language')}</label>
              <select id="pl-lang" name="language" class="input">
                <option value="">{t('places.language.any')}</option>
                {LANGS.map((l) => (
                  <option value={l} selected={form.language === l}>{languageName(p.locale, l)}</option>
                ))}
              </select>
            </div>
          </div>
          <fieldset class="checks">
            <legend class="visually-hidden">{t('places.search')}</legend>
            <label class="check"><input type="checkbox" name="open" value="1" checked={form.open} /> {t('places.open_now')}</label>
            <label class="check"><input type="checkbox" name="free" value="1" checked={form.free} /> {t('places.free')}</label>
            <label class="check"><input type="checkbox" name="walkin" value="1" checked={form.walkin} /> {t('places.walk_in')}</label>
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">{t('places.search')}</button>
            <button type="button" class="btn btn-secondary" id="use-location" hidden>
              <Icon name="pin" /> {t('places.use_location')}
            </button>
          </div>
          <p class="note">{t('places.location_note')}</p>
        </form>

        {!result ? (
          <p class="notice notice-info">{t('places.choose')}</p>
        ) : (
          <section aria-labelledby="results-title" class="section">
            <h2 id="results-title" class="section-title" role="status">
              {result.origin?.label
                ? t('places.results_near', { count: result.hits.length, place: result.origin.label })
                : t('places.results', { count: result.hits.length })}
            </h2>
            {mapData ? <div class="place-map" id="place-map" data-map={mapData} aria-label={t('places.map')} hidden></div> : null}
            {result.hits.length === 0 ? <p>{t('places.none')}</p> : null}
            <ol class="place-list">
              {result.hits.map((h) => {
                const name = props.names.get(h.place.id) ?? h.place.name;
                return (
                  <li class="place-card">
                    <a href={href(p, `/places/${h.place.id}`)} class="place-link">
                      <span class="place-name">{name}</span>
                      {name !== h.place.name ? <span class="place-name-ko" lang="ko">{h.place.name}</span> : null}
                    </a>
                    <span class="place-meta">
                      <span class="badge">{t(`places.category.${h.place.category}`)}</span>
                      {h.distanceM !== null ? <span>{t('places.distance', { distance: formatDistance(p.locale, h.distanceM) })}</span> : null}
                      {h.open !== 'unknown' ? <span class={`badge badge-${h.open}`}>{t(h.open === 'open' ? 'places.open' : 'places.closed')}</span> : null}
                      {h.place.free ? <span class="badge">{t('places.free_badge')}</span> : null}
                      {h.place.precision === 'city' ? <span class="badge badge-muted">≈</span> : null}
                    </span>
                    {h.place.languages.length ? (
                      <span class="place-langs" lang={BCP47[p.locale]}>
                        {h.place.languages.slice(0, 6).map((l) => languageName(p.locale, l)).join(' · ')}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </section>
        )}
      </div>
    </Layout>
  );
}
