// When a member deletes their account, their cases are detached (no longer linked to the tombstone) but kept:
// the center may still be working on them, and the tracking code and PIN still open them.
import { registerAnonymizer, type Anonymizer } from '../accounts/delete-account.js';
import './tables.js';

export const detachCases: Anonymizer = async (trx, userId) => {
  await trx.updateTable('cases').set({ user_id: null }).where('user_id', '=', userId).execute();
  // A deleted staff account no longer holds cases: they return to the center's unassigned queue.
  await trx.updateTable('cases').set({ assignee_id: null }).where('assignee_id', '=', userId).execute();
};

let registered = false;
export function registerCaseAnonymizer() {
  if (registered) return;
  registered = true;
  registerAnonymizer(detachCases);
}
