// OpenAPI paths for cases: filing and reading (migrant), staff work, statistics, records, and Open311.
import { CASE_CATEGORIES, CASE_STATUSES } from './categories.js';

const json = (schema: object) => ({ 'application/json': { schema } });
const err = (description: string) => ({ description, content: json({ $ref: '#/components/schemas/Error' }) });
const str = { type: 'string' };
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: str });
const pinHeader = { name: 'X-Case-Pin', in: 'header', required: false, schema: str, description: 'The PIN given at filing (not needed by the signed-in owner).' };
const statusEnum = { enum: [...CASE_STATUSES] };

const message = { type: 'object', properties: { id: { type: 'integer' }, body: str, original: str, translated: { type: 'boolean' }, createdAt: str } };
const migrantCase = {
  type: 'object',
  required: ['id', 'trackingCode', 'status', 'replies'],
  properties: {
    id: str, trackingCode: str, status: statusEnum, category: { enum: [...CASE_CATEGORIES] }, region: str, locale: str, description: str,
    center: { type: ['object', 'null'] }, createdAt: str, updatedAt: str, firstResponseDueAt: str,
    replies: { type: 'array', items: message, description: 'Replies of the center, translated into the case language when possible; `original` keeps the text as written.' },
    messages: { type: 'array', items: message }, history: { type: 'array' }, notifications: { type: 'array' }, attachments: { type: 'array' },
  },
};
const sla = { type: 'object', properties: { state: { enum: ['met', 'met_late', 'ok', 'due_soon', 'overdue', 'not_needed'] }, dueAt: str, minutesLeft: { type: ['integer', 'null'] } } };
const staffOnly = { '401': err('Not signed in'), '403': err('Not center staff or admin') };

export const casesOpenApi = {
  '/api/v1/cases/challenge': {
    get: {
      summary: 'Anti-abuse challenge for anonymous filing (proof of work)',
      description: 'Find an integer nonce such that SHA-256(challenge + ":" + nonce), as hex, starts with `difficulty` zero bits; send `X-Case-Challenge: {challenge}:{nonce}` with POST /api/v1/cases. HMAC-signed, valid one hour, usable once. 404 when no challenge is used.',
      responses: { '200': { description: 'A challenge', content: json({ type: 'object', required: ['challenge', 'difficulty'], properties: { challenge: str, difficulty: { type: 'integer' }, expiresAt: str } }) }, '404': err('No challenge is used') },
    },
  },
  '/api/v1/cases': {
    post: {
      summary: 'File a case (no account needed)',
      parameters: [{ name: 'X-Case-Challenge', in: 'header', required: false, schema: str, description: 'Required for anonymous filing when a challenge is used.' }],
      requestBody: {
        required: true,
        content: {
          ...json({
            type: 'object',
            required: ['category', 'region', 'locale', 'description'],
            properties: {
              category: { enum: [...CASE_CATEGORIES] }, region: { type: 'string', pattern: '^41\\d{3}$' }, locale: str, description: { type: 'string', minLength: 10, maxLength: 5000 },
              nationality: str,
              contact: { oneOf: [str, { type: 'object', properties: { method: { enum: ['ieum', 'email', 'phone'] }, email: str, phone: str } }] },
            },
          }),
          'multipart/form-data': { schema: { type: 'object', description: 'The same fields (contact as an email or phone string) plus up to 3 `attachments` (JPEG, PNG, WebP or PDF, 5 MB each; type checked by content).' } },
        },
      },
      responses: {
        '201': { description: 'Filed; the PIN is shown only now', content: json({ type: 'object', required: ['id', 'trackingCode', 'pin'], properties: { id: str, trackingCode: str, pin: str, status: statusEnum, firstResponseDueAt: str, url: str } }) },
        '400': err('Invalid input or challenge'),
        '409': err('The same inquiry was sent today'),
        '413': err('Too large'),
        '429': { $ref: '#/components/responses/TooMany' },
      },
    },
  },
  '/api/v1/cases/{trackingCode}': {
    get: { summary: 'A case, for its requester (PIN or signed-in owner)', parameters: [pathParam('trackingCode'), pinHeader], responses: { '200': { description: 'The case', content: json(migrantCase) }, '404': err('No such case, or a wrong PIN'), '429': { $ref: '#/components/responses/TooMany' } } },
    delete: { summary: 'Erase the case (content, files, contact; anonymous counts remain)', parameters: [pathParam('trackingCode'), pinHeader], responses: { '204': { description: 'Erased' }, '404': err('No such case, or a wrong PIN') } },
  },
  '/api/v1/cases/{trackingCode}/messages': {
    post: { summary: 'A follow-up message from the requester', parameters: [pathParam('trackingCode'), pinHeader], requestBody: { content: json({ type: 'object', required: ['body'], properties: { body: str } }) }, responses: { '201': { description: 'Sent' }, '404': err('Not found'), '409': err('Case closed') } },
  },
  '/api/v1/cases/{trackingCode}/export': {
    get: { summary: 'Everything about the case as JSON (data download)', parameters: [pathParam('trackingCode'), pinHeader], responses: { '200': { description: 'JSON file' }, '404': err('Not found') } },
  },
  '/api/v1/cases/{trackingCode}/attachments/{attachmentId}': {
    get: { summary: 'One of the case files', parameters: [pathParam('trackingCode'), pathParam('attachmentId'), pinHeader], responses: { '200': { description: 'The file' }, '404': err('Not found') } },
  },
  '/api/v1/me/cases': {
    get: { summary: "The signed-in member's cases", security: [{ session: [] }], responses: { '200': { description: 'Cases', content: json({ type: 'object', properties: { cases: { type: 'array' } } }) }, '401': err('Not signed in') } },
  },
  '/api/v1/staff/cases': {
    get: {
      summary: "The staff member's queue: their centers' cases only, most urgent first",
      security: [{ session: [] }],
      parameters: ['status', 'category', 'region', 'center', 'overdue', 'assignee', 'q'].map((name) => ({ name, in: 'query', schema: str })),
      responses: { '200': { description: 'Queue', content: json({ type: 'object', properties: { cases: { type: 'array', items: { type: 'object', properties: { id: str, trackingCode: str, status: statusEnum, category: str, region: str, sla } } } } }) }, ...staffOnly },
    },
  },
  '/api/v1/staff/cases/{id}': {
    get: { summary: 'One case with messages (and Korean translations), notes, history', security: [{ session: [] }], parameters: [pathParam('id')], responses: { '200': { description: 'The case' }, ...staffOnly, '404': err("Not found, or another center's case") } },
  },
  '/api/v1/staff/cases/{id}/replies': {
    post: {
      summary: 'Reply to the requester (machine-translated into their language); status defaults to answered',
      security: [{ session: [] }],
      parameters: [pathParam('id')],
      requestBody: { required: true, content: json({ type: 'object', required: ['body'], properties: { body: str, status: statusEnum } }) },
      responses: { '201': { description: 'Sent', content: json({ type: 'object', properties: { id: { type: 'integer' }, status: statusEnum } }) }, ...staffOnly, '404': err('Not found'), '409': err('Status change not allowed') },
    },
  },
  '/api/v1/staff/cases/{id}/notes': { post: { summary: 'Internal note (never shown to the requester)', security: [{ session: [] }], parameters: [pathParam('id')], requestBody: { content: json({ type: 'object', required: ['body'], properties: { body: str } }) }, responses: { '201': { description: 'Saved' }, ...staffOnly } } },
  '/api/v1/staff/cases/{id}/status': { post: { summary: 'Change status (received → in_progress → answered → closed; reopen)', security: [{ session: [] }], parameters: [pathParam('id')], requestBody: { content: json({ type: 'object', required: ['status'], properties: { status: statusEnum } }) }, responses: { '200': { description: 'Changed' }, ...staffOnly, '409': err('Not allowed from the current status') } } },
  '/api/v1/staff/cases/{id}/assign': { post: { summary: 'Assign to a staff member of the center (null: unassign)', security: [{ session: [] }], parameters: [pathParam('id')], requestBody: { content: json({ type: 'object', properties: { assigneeId: { type: ['integer', 'null'] } } }) }, responses: { '204': { description: 'Saved' }, ...staffOnly } } },
  '/api/v1/staff/cases/{id}/transfer': { post: { summary: 'Transfer to another center, with a reason', security: [{ session: [] }], parameters: [pathParam('id')], requestBody: { content: json({ type: 'object', required: ['centerId', 'reason'], properties: { centerId: { type: 'integer' }, reason: str } }) }, responses: { '200': { description: 'Transferred' }, ...staffOnly } } },
  '/api/v1/staff/cases/{id}/attachments/{attachmentId}': { get: { summary: 'A case file', security: [{ session: [] }], parameters: [pathParam('id'), pathParam('attachmentId')], responses: { '200': { description: 'The file' }, ...staffOnly, '404': err('Not found') } } },
  '/api/v1/staff/case-stats': {
    get: { summary: 'Anonymized statistics (counts below 5 suppressed)', security: [{ session: [] }], parameters: ['from', 'to', 'center'].map((name) => ({ name, in: 'query', schema: str })), responses: { '200': { description: 'Counts and medians by category, region, nationality, language, month, channel' }, ...staffOnly } },
  },
  '/api/v1/staff/counseling-records': {
    get: { summary: "Latest walk-in and phone counseling records of the staff member's centers", security: [{ session: [] }], responses: { '200': { description: 'Records' }, ...staffOnly } },
    post: { summary: 'Log walk-in or phone counseling (no migrant account)', security: [{ session: [] }], requestBody: { content: json({ type: 'object', required: ['centerId', 'channel', 'category', 'outcome'], properties: { centerId: { type: 'integer' }, channel: { enum: ['walk_in', 'phone'] }, category: str, nationality: str, visaType: str, language: str, region: str, outcome: { enum: ['resolved', 'information', 'referred', 'follow_up'] }, summary: str, occurredOn: str } }) }, responses: { '201': { description: 'Saved' }, ...staffOnly } },
  },
  '/api/open311/v2/services.{format}': { get: { summary: 'Open311 GeoReport v2: service list (json or xml)', parameters: [pathParam('format')], responses: { '200': { description: '[{service_code, service_name, description, metadata, type, keywords, group}]' } } } },
  '/api/open311/v2/services/{service_code}.{format}': { get: { summary: 'Open311: service definition (attributes: region, locale, nationality)', parameters: [pathParam('service_code'), pathParam('format')], responses: { '200': { description: 'Service definition' }, '404': { description: '[{code, description}]' } } } },
  '/api/open311/v2/requests.{format}': {
    get: { summary: 'Open311: public service requests (status, service, region, dates; never description or contact)', parameters: [pathParam('format'), ...['service_request_id', 'service_code', 'start_date', 'end_date', 'status'].map((name) => ({ name, in: 'query', schema: str }))], responses: { '200': { description: '[{service_request_id, status, status_notes, service_name, service_code, requested_datetime, updated_datetime, address, lat, long, …}]' }, '400': { description: '[{code, description}]' } } },
    post: { summary: 'Open311: a partner files a request (api_key)', parameters: [pathParam('format')], requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['api_key', 'service_code', 'description'], properties: { api_key: str, service_code: str, description: str, email: str, phone: str, lat: { type: 'number' }, long: { type: 'number' }, address_string: str, address_id: str, 'attribute[region]': str, 'attribute[locale]': str, 'attribute[nationality]': str } } } } }, responses: { '201': { description: '[{service_request_id, service_notice, account_id, ieum_tracking_code, ieum_pin}]' }, '400': { description: '[{code, description}]' }, '403': { description: 'Missing or invalid api_key' }, '404': { description: 'Unknown service_code' } } },
  },
  '/api/open311/v2/requests/{service_request_id}.{format}': { get: { summary: 'Open311: one public service request', parameters: [pathParam('service_request_id'), pathParam('format')], responses: { '200': { description: '[{…}]' }, '404': { description: '[{code, description}]' } } } },
  '/api/open311/discovery.{format}': { get: { summary: 'Open311 service discovery', parameters: [pathParam('format')], responses: { '200': { description: 'Discovery document' } } } },
};
