// Registers the "My inquiries" section of My Ieum (src/accounts/me-sections.ts) once.
import { registerMeSection, type MeSection } from '../accounts/me-sections.js';
import { myCases } from './my-cases.js';
import { MyCasesSection } from './views/my-cases.js';

const myCasesSection: MeSection = async (db, p) => (p.user ? MyCasesSection({ p, data: await myCases(db, p.user.id) }) : null);

export function registerCasesMeSection() {
  registerMeSection(myCasesSection);
}
