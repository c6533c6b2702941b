// Small pieces shared by the program pages: status and deadline badges, the "why it matches" list, and the
// note shown when a program has no text in the reader's language yet.
import { formatDate } from '../../lib/i18n/format.js';
import type { PageCtx } from '../../lib/views/page-context.js';
import type { Reason } from '../eligibility.js';
import type { EffectiveStatus, Program } from '../model.js';
import { reasonText } from '../serialize.js';

export function StatusBadges({ p, status, deadline, program }: { p: PageCtx; status: EffectiveStatus; deadline: string | null; program: Program }) {
  const { t } = p;
  return (
    <span class="place-meta">
      <span class="badge">{t(`programs.level.${program.level}`)}</span>
      <span class={status === 'active' ? 'badge badge-open' : 'badge badge-closed'}>{t(`programs.status.${status}`)}</span>
      {program.rolling ? <span class="badge badge-muted">{t('programs.rolling')}</span> : null}
      {deadline ? <span class="badge">{t('programs.deadline', { date: formatDate(p.locale, deadline) })}</span> : null}
    </span>
  );
}

export function Reasons({ p, reasons }: { p: PageCtx; reasons: Reason[] }) {
  return (
    <div class="note">
      <strong>{p.t('programs.why')}</strong>
      <ul class="link-list">
        {reasons.map((r) => (
          <li>
            {r.kind === 'matched' ? '✓ ' : '? '}
            {reasonText(p.t, r)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FallbackNote({ p, program }: { p: PageCtx; program: Program }) {
  if (program.fallback) return <p class="note machine-label">{p.t('programs.fallback_note')}</p>;
  if (program.text.status === 'machine' || program.text.status === 'outdated') return <p class="note machine-label">{p.t('assistant.machine')}</p>;
  return null;
}
