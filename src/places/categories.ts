// Place categories: Ieum's taxonomy (HSDS taxonomy_terms with taxonomy "ieum"). Names are UI strings
// (places.category.<code>) so they follow the reader's locale.
export const CATEGORIES = [
  'migrant-support',
  'family-center',
  'immigration-office',
  'labor-office',
  'hospital',
  'public-health-center',
  'korean-class',
  'school',
  'legal-aid',
  'shelter',
  'embassy',
  'bank',
  'community',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_DESCRIPTIONS: Record<Category, string> = {
  'migrant-support': "Foreign workers' support centers and foreign residents' welfare centers",
  'family-center': 'Family centers (multicultural family support)',
  'immigration-office': 'Immigration offices and their branches',
  'labor-office': 'Regional labor offices and employment (job) centers',
  hospital: 'Hospitals and clinics, with the languages spoken and international clinics',
  'public-health-center': 'Public health centers (보건소) of each city and county',
  'korean-class': 'Korean language classes and KIIP (social integration program) institutions',
  school: 'Schools and education offices',
  'legal-aid': 'Free legal aid and counselling',
  shelter: 'Shelters and protection facilities',
  embassy: 'Embassies and consulates (mostly in Seoul)',
  bank: 'Banks and remittance services that serve foreigners',
  community: 'Places of worship and community associations',
};

export const isCategory = (v: unknown): v is Category => typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);
