// Stand-ins for Google Translation v2 and v3, DeepL, Papago (NCP gateway) and LibreTranslate: each checks
// the real request (path, auth, body fields) and answers in the real response and error shapes.
import { mangle, startServer, type RecordedRequest, type Reply, type StandIn } from './stand-in-server.js';

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const bad = (s: StandIn, problem: string, reply: Reply): Reply => {
  s.problems.push(problem);
  return reply;
};

// ---- Google Cloud Translation v2 ------------------------------------------------------------------------
const gErr = (code: number, status: string, message: string): Reply => ({ status: code, body: { error: { code, message, errors: [{ message, domain: 'global', reason: status.toLowerCase() }], status } } });

export function startGoogleV2(apiKey = 'g-key'): Promise<StandIn> {
  return startServer(
    (req, s) => {
      const base = '/language/translate/v2';
      if (req.method === 'GET' && req.path === `${base}/languages`) return { status: 200, body: { data: { languages: ['ko', 'en', 'vi', 'si', 'zh-CN', 'tl'].map((language) => ({ language })) } } };
      if (req.method !== 'POST') return gErr(404, 'NOT_FOUND', 'Not found');
      if (req.path === `${base}/detect`) {
        if (!isStrings(req.body.q)) return bad(s, 'detect: q must be an array of strings', gErr(400, 'INVALID_ARGUMENT', 'Required Text'));
        return { status: 200, body: { data: { detections: req.body.q.map(() => [{ language: 'ko', isReliable: false, confidence: 1 }]) } } };
      }
      if (req.path !== base) return gErr(404, 'NOT_FOUND', 'Not found');
      const { q, target, source, format } = req.body as { q: unknown; target: unknown; source?: unknown; format?: unknown };
      if (!isStrings(q)) return bad(s, 'translate: q must be an array of strings', gErr(400, 'INVALID_ARGUMENT', 'Required Text'));
      if (typeof target !== 'string') return bad(s, 'translate: target missing', gErr(400, 'INVALID_ARGUMENT', 'Missing required field target.'));
      if (format !== undefined && format !== 'text' && format !== 'html') return bad(s, 'translate: bad format', gErr(400, 'INVALID_ARGUMENT', 'Invalid Value'));
      if (source !== undefined && typeof source !== 'string') return bad(s, 'translate: bad source', gErr(400, 'INVALID_ARGUMENT', 'Invalid Value'));
      return { status: 200, body: { data: { translations: q.map((t) => ({ translatedText: mangle(s, t, target), ...(source ? {} : { detectedSourceLanguage: 'ko' }) })) } } };
    },
    {
      bad_key: gErr(403, 'PERMISSION_DENIED', 'The request is missing a valid API key.'),
      quota: gErr(429, 'RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Characters per minute'."),
      rate: gErr(429, 'RESOURCE_EXHAUSTED', 'Rate Limit Exceeded'),
      broken: gErr(503, 'UNAVAILABLE', 'The service is currently unavailable.'),
    },
    (req: RecordedRequest) => req.query.get('key') === apiKey,
  );
}

// ---- Google Cloud Translation v3 ------------------------------------------------------------------------
/** `token` may be a function: the token Google accepts right now (a test rotates it). */
export function startGoogleV3(token: string | (() => string) = 'ya29.token', project = 'ieum-test'): Promise<StandIn> {
  const parent = `/v3/projects/${project}/locations/`;
  return startServer(
    (req, s) => {
      if (!req.path.startsWith(parent)) return gErr(403, 'PERMISSION_DENIED', `Permission denied on resource project.`);
      const [location, verb] = req.path.slice(parent.length).split(/[:/]/);
      if (req.method === 'GET' && req.path.endsWith('/supportedLanguages')) {
        return { status: 200, body: { languages: ['ko', 'en', 'vi', 'si'].map((languageCode) => ({ languageCode, supportSource: true, supportTarget: true })) } };
      }
      if (req.method !== 'POST') return gErr(404, 'NOT_FOUND', 'Not found');
      if (verb === 'detectLanguage') {
        if (typeof req.body.content !== 'string') return bad(s, 'detectLanguage: content missing', gErr(400, 'INVALID_ARGUMENT', 'Empty content'));
        return { status: 200, body: { languages: [{ languageCode: 'ko', confidence: 1 }] } };
      }
      if (verb !== 'translateText') return gErr(404, 'NOT_FOUND', 'Not found');
      const b = req.body as { contents?: unknown; targetLanguageCode?: unknown; sourceLanguageCode?: unknown; mimeType?: unknown; glossaryConfig?: { glossary?: string } };
      if (!isStrings(b.contents)) return bad(s, 'translateText: contents must be an array of strings', gErr(400, 'INVALID_ARGUMENT', 'Empty contents'));
      if (typeof b.targetLanguageCode !== 'string') return bad(s, 'translateText: targetLanguageCode missing', gErr(400, 'INVALID_ARGUMENT', 'Target language is required.'));
      if (b.mimeType !== 'text/plain' && b.mimeType !== 'text/html') return bad(s, 'translateText: bad mimeType', gErr(400, 'INVALID_ARGUMENT', 'Unsupported mime type.'));
      if (b.glossaryConfig) {
        if (!b.sourceLanguageCode) return bad(s, 'glossary needs sourceLanguageCode', gErr(400, 'INVALID_ARGUMENT', 'Source language is required when a glossary is specified.'));
        if (!new RegExp(`^projects/${project}/locations/${location}/glossaries/[\\w-]+$`).test(b.glossaryConfig.glossary ?? '')) return bad(s, 'bad glossary name', gErr(400, 'INVALID_ARGUMENT', 'Invalid resource name.'));
      }
      const target = b.targetLanguageCode;
      const translations = b.contents.map((t) => ({ translatedText: mangle(s, t, target), ...(b.sourceLanguageCode ? {} : { detectedLanguageCode: 'ko' }) }));
      return {
        status: 200,
        body: { translations, ...(b.glossaryConfig ? { glossaryTranslations: b.contents.map((t) => ({ translatedText: `${mangle(s, t, target)} (glossary)`, glossaryConfig: b.glossaryConfig })) } : {}) },
      };
    },
    {
      bad_key: gErr(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token.'),
      quota: gErr(429, 'RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Number of requests'."),
      rate: gErr(429, 'RESOURCE_EXHAUSTED', 'Rate Limit Exceeded'),
      broken: gErr(500, 'INTERNAL', 'Internal error encountered.'),
    },
    (req) => req.headers.authorization === `Bearer ${typeof token === 'function' ? token() : token}`,
  );
}

// ---- DeepL -----------------------------------------------------------------------------------------------
export function startDeepL(apiKey = 'deepl-key:fx'): Promise<StandIn & { glossaries: Map<string, { source: string; target: string; entries: Array<[string, string]> }> }> {
  const glossaries = new Map<string, { source: string; target: string; entries: Array<[string, string]> }>();
  let next = 1;
  const started = startServer(
    (req, s) => {
      if (req.method === 'GET' && req.path === '/v2/languages') return { status: 200, body: ['KO', 'EN-US', 'VI', 'ZH-HANS'].map((language) => ({ language, name: language })) };
      if (req.method === 'POST' && req.path === '/v2/glossaries') {
        const b = req.body as { name?: unknown; source_lang?: unknown; target_lang?: unknown; entries?: unknown; entries_format?: unknown };
        if (typeof b.name !== 'string' || typeof b.source_lang !== 'string' || typeof b.target_lang !== 'string' || typeof b.entries !== 'string' || b.entries_format !== 'tsv') {
          return bad(s, 'glossaries: name, source_lang, target_lang, entries and entries_format=tsv are required', { status: 400, body: { message: 'Bad request' } });
        }
        const id = `gl-${next++}`;
        const entries = b.entries.split('\n').map((l) => l.split('\t') as [string, string]);
        glossaries.set(id, { source: b.source_lang, target: b.target_lang, entries });
        return { status: 201, body: { glossary_id: id, name: b.name, ready: true, source_lang: b.source_lang, target_lang: b.target_lang, creation_time: new Date().toISOString(), entry_count: entries.length } };
      }
      if (req.method === 'DELETE' && req.path.startsWith('/v2/glossaries/')) {
        return glossaries.delete(req.path.slice('/v2/glossaries/'.length)) ? { status: 204 } : { status: 404, body: { message: 'Not found' } };
      }
      if (req.method !== 'POST' || req.path !== '/v2/translate') return { status: 404, body: { message: 'Not found' } };
      const b = req.body as { text?: unknown; target_lang?: unknown; source_lang?: unknown; tag_handling?: unknown; glossary_id?: unknown };
      if (!isStrings(b.text)) return bad(s, 'translate: text must be an array of strings', { status: 400, body: { message: "Parameter 'text' not specified." } });
      if (typeof b.target_lang !== 'string') return bad(s, 'translate: target_lang missing', { status: 400, body: { message: "Value for 'target_lang' not supported." } });
      if (b.tag_handling !== undefined && b.tag_handling !== 'html' && b.tag_handling !== 'xml') return bad(s, 'translate: bad tag_handling', { status: 400, body: { message: "Invalid value for 'tag_handling'." } });
      let glossary: Array<[string, string]> = [];
      if (b.glossary_id !== undefined) {
        if (typeof b.source_lang !== 'string') return bad(s, 'glossary needs source_lang', { status: 400, body: { message: 'Use of a glossary requires the source_lang parameter to be set.' } });
        const g = glossaries.get(String(b.glossary_id));
        if (!g) return bad(s, 'unknown glossary', { status: 400, body: { message: 'Glossary not found.' } });
        glossary = g.entries;
      }
      const target = b.target_lang;
      return {
        status: 200,
        body: {
          translations: b.text.map((t) => ({ detected_source_language: typeof b.source_lang === 'string' ? b.source_lang : 'KO', text: mangle(s, glossary.reduce((acc, [from, to]) => acc.split(from).join(to), t), target) })),
        },
      };
    },
    {
      bad_key: { status: 403, body: { message: 'Forbidden' } },
      quota: { status: 456, body: { message: 'Quota Exceeded' } },
      rate: { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '1' } },
      broken: { status: 503, body: { message: 'Service unavailable' } },
    },
    (req) => req.headers.authorization === `DeepL-Auth-Key ${apiKey}`,
  );
  return started.then((s) => Object.assign(s, { glossaries }));
}

// ---- Papago (NAVER Cloud Platform API gateway) -------------------------------------------------------------
const gatewayErr = (status: number, errorCode: string, message: string): Reply => ({ status, body: { error: { errorCode, message } } });

export function startPapago(keyId = 'papago-id', key = 'papago-secret'): Promise<StandIn> {
  return startServer(
    (req, s) => {
      if (req.method === 'POST' && req.path === '/langs/v1/dect') {
        if (typeof req.body.query !== 'string') return bad(s, 'dect: query missing', { status: 400, body: { errorMessage: 'query is empty', errorCode: 'LD01' } });
        return { status: 200, body: { langCode: 'ko' } };
      }
      if (req.method !== 'POST' || req.path !== '/nmt/v1/translation') return gatewayErr(404, '300', 'Not Found Exception');
      const { source, target, text } = req.body as { source?: unknown; target?: unknown; text?: unknown };
      if (typeof source !== 'string' || typeof target !== 'string' || typeof text !== 'string') {
        return bad(s, 'translation: source, target and text are required strings', { status: 400, body: { errorMessage: 'Invalid parameters', errorCode: 'N2MT02' } });
      }
      if (source === target) return bad(s, 'source equals target', { status: 400, body: { errorMessage: 'source and target must be different', errorCode: 'N2MT04' } });
      return { status: 200, body: { message: { '@type': 'response', '@service': 'naverservice.nmt.proxy', '@version': '1.0.0', result: { srcLangType: source === 'auto' ? 'ko' : source, tarLangType: target, translatedText: mangle(s, text, target) } } } };
    },
    {
      bad_key: gatewayErr(401, '200', 'Authentication Failed'),
      quota: gatewayErr(429, '400', 'Quota Exceeded'),
      rate: gatewayErr(429, '420', 'Rate Limited'),
      broken: gatewayErr(503, '500', 'Endpoint Error'),
    },
    (req) => req.headers['x-ncp-apigw-api-key-id'] === keyId && req.headers['x-ncp-apigw-api-key'] === key,
  );
}

// ---- LibreTranslate --------------------------------------------------------------------------------------
export function startLibreTranslate(apiKey: string | null = null): Promise<StandIn> {
  return startServer(
    (req, s) => {
      if (req.method === 'GET' && req.path === '/languages') return { status: 200, body: ['ko', 'en', 'vi', 'zh'].map((code) => ({ code, name: code, targets: ['ko', 'en', 'vi', 'zh'] })) };
      if (req.method === 'POST' && req.path === '/detect') {
        if (typeof req.body.q !== 'string') return bad(s, 'detect: q missing', { status: 400, body: { error: "Invalid request: missing q parameter" } });
        return { status: 200, body: [{ confidence: 90, language: 'ko' }] };
      }
      if (req.method !== 'POST' || req.path !== '/translate') return { status: 404, body: { error: 'Not Found' } };
      const { q, source, target, format } = req.body as { q?: unknown; source?: unknown; target?: unknown; format?: unknown };
      if (!(typeof q === 'string' || isStrings(q))) return bad(s, 'translate: q missing', { status: 400, body: { error: 'Invalid request: missing q parameter' } });
      if (typeof source !== 'string') return bad(s, 'translate: source missing', { status: 400, body: { error: 'Invalid request: missing source parameter' } });
      if (typeof target !== 'string') return bad(s, 'translate: target missing', { status: 400, body: { error: 'Invalid request: missing target parameter' } });
      if (format !== undefined && format !== 'text' && format !== 'html') return bad(s, 'translate: bad format', { status: 400, body: { error: 'Invalid request: format' } });
      const texts = typeof q === 'string' ? [q] : q;
      const out = texts.map((t) => mangle(s, t, target));
      const detected = source === 'auto' ? { detectedLanguage: typeof q === 'string' ? { confidence: 90, language: 'ko' } : texts.map(() => ({ confidence: 90, language: 'ko' })) } : {};
      return { status: 200, body: { translatedText: typeof q === 'string' ? out[0] : out, ...detected } };
    },
    {
      bad_key: { status: 403, body: { error: 'Invalid API key' } },
      quota: { status: 429, body: { error: 'Too many request limits violation' } },
      rate: { status: 429, body: { error: 'Slowdown: Too many request limits violation' } },
      broken: { status: 500, body: { error: 'Cannot translate text: internal error' } },
    },
    (req) => apiKey === null || (req.method === 'GET' && req.path === '/languages') || req.body.api_key === apiKey,
  );
}
