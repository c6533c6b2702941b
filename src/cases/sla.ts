// SLA timers: when the first response is due and how the case stands against it.
export type SlaState = 'met' | 'met_late' | 'ok' | 'due_soon' | 'overdue' | 'not_needed';

export interface SlaView {
  state: SlaState;
  dueAt: Date;
  /** Minutes until due (negative when overdue); null once met or not needed. */
  minutesLeft: number | null;
}

/** "Due soon" is the last quarter of the window, or the last 12 hours, whichever is shorter. */
export function slaOf(
  c: { status: string; created_at: Date | string; first_response_due_at: Date | string; first_response_at: Date | string | null },
  now = new Date(),
): SlaView {
  const due = new Date(c.first_response_due_at);
  if (c.first_response_at) {
    return { state: new Date(c.first_response_at) > due ? 'met_late' : 'met', dueAt: due, minutesLeft: null };
  }
  if (c.status === 'closed') return { state: 'not_needed', dueAt: due, minutesLeft: null };
  const left = due.getTime() - now.getTime();
  const window = due.getTime() - new Date(c.created_at).getTime();
  const soon = Math.min(window / 4, 12 * 3_600_000);
  const minutesLeft = Math.round(left / 60_000);
  if (left < 0) return { state: 'overdue', dueAt: due, minutesLeft };
  return { state: left <= soon ? 'due_soon' : 'ok', dueAt: due, minutesLeft };
}
