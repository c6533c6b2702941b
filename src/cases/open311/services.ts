// The Open311 services: one per case category, with a service definition (metadata) asking for the region,
// the preferred language and, optionally, the nationality.
import { BCP47, LOCALES, SELF_NAMES, type Locale } from '../../lib/i18n/locales.js';
import type { Translate } from '../../lib/i18n/messages.js';
import type { Region } from '../../places/queries.js';
import { CASE_CATEGORIES, NATIONALITIES, nationalityName, type CaseCategory } from '../categories.js';

/** Groups and keywords are data for partner systems' search, in Korean and English. */
const META: Record<CaseCategory, { group: string; keywords: string }> = {
  visa_residence: { group: 'residence', keywords: 'visa, stay, residence card, immigration, 비자, 체류, 외국인등록' },
  labor_wages: { group: 'work', keywords: 'wages, unpaid wages, contract, dismissal, 임금, 체불, 근로계약, 해고' },
  industrial_accident: { group: 'work', keywords: 'injury, workplace accident, compensation, 산재, 산업재해, 부상' },
  health: { group: 'life', keywords: 'hospital, health insurance, medical, 병원, 건강보험, 의료' },
  housing: { group: 'life', keywords: 'housing, deposit, dormitory, lease, 주거, 보증금, 기숙사, 전세' },
  family_violence: { group: 'family', keywords: 'family, domestic violence, divorce, 가정폭력, 가족, 이혼' },
  education: { group: 'family', keywords: 'school, Korean class, children, 교육, 학교, 한국어' },
  other: { group: 'other', keywords: 'other, 기타' },
};

export const isServiceCode = (s: string): s is CaseCategory => (CASE_CATEGORIES as readonly string[]).includes(s);

export function serviceList(t: Translate) {
  return CASE_CATEGORIES.map((code) => ({
    service_code: code,
    service_name: t(`cases.category.${code}`),
    description: t(`cases.category.${code}.hint`),
    metadata: true,
    type: 'realtime',
    keywords: META[code].keywords,
    group: META[code].group,
  }));
}

export function serviceDefinition(code: CaseCategory, t: Translate, locale: Locale, regions: Region[]) {
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'region',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: t('cases.open311.region.hint'),
        order: 1,
        description: t('cases.form.region'),
        values: regions.map((r) => ({ key: r.code, name: r.name })),
      },
      {
        variable: true,
        code: 'locale',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: null,
        order: 2,
        description: t('cases.form.locale'),
        values: LOCALES.map((l) => ({ key: l, name: SELF_NAMES[l] })),
      },
      {
        variable: true,
        code: 'nationality',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: null,
        order: 3,
        description: t('cases.form.nationality'),
        values: NATIONALITIES.map((n) => ({ key: n, name: n === 'other' ? t('cases.nationality.other') : nationalityName(BCP47[locale], n) })),
      },
    ],
  };
}
