// Places tables (regions now; HSDS tables come with the places issue), merged into the Kysely Database.
export interface RegionsTable {
  code: string;
  name_ko: string;
  name_en: string;
  lat: number;
  lng: number;
  foreign_residents: number | null;
  updated_at: Date | undefined;
}
export interface RegionTranslationsTable {
  region_code: string;
  locale: string;
  name: string;
  status: 'machine' | 'reviewed' | 'outdated';
}
declare module '../lib/db/types.js' {
  interface Database {
    regions: RegionsTable;
    region_translations: RegionTranslationsTable;
  }
}

