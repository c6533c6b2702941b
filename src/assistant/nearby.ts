// Which kind of place helps with an article, so an answer can link to those places in the asker's city.
import type { Category } from '../places/categories.js';
import type { KArticle } from './engine/knowledge.js';

const BY_ARTICLE: Record<string, Category> = {
  'hospital-interpreter': 'hospital',
  'emergency-119': 'hospital',
  'infectious-disease-1339': 'public-health-center',
  'public-health-center': 'public-health-center',
  'multicultural-family-centers': 'family-center',
  'danuri-helpline': 'family-center',
  'korean-classes': 'korean-class',
  kiip: 'korean-class',
  'school-enrollment': 'school',
  'legal-aid': 'legal-aid',
  'domestic-violence': 'shelter',
  'foreign-worker-support-centers': 'migrant-support',
  'gyeonggi-human-rights-center': 'migrant-support',
  'unpaid-wages': 'labor-office',
  'e9-workplace-change': 'labor-office',
  'embassies-consulates': 'embassy',
};

export function nearbyCategory(a: KArticle): Category | null {
  if (BY_ARTICLE[a.id]) return BY_ARTICLE[a.id]!;
  if (a.topic === 'residence') return 'immigration-office';
  if (a.topic === 'labor') return 'labor-office';
  return null;
}
