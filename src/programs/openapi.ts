// OpenAPI paths for programs and the member's own details and reminders.
import { accountsOpenApi } from '../accounts/openapi.js';
const json = (schema: unknown) => ({ 'application/json': { schema } });
const err = { $ref: '#/components/schemas/Error' };
const str = { type: 'string' };
const strArr = { type: 'array', items: str };

const reason = {
  type: 'object',
  required: ['code', 'kind', 'values', 'text'],
  properties: { code: { enum: ['open_to_all', 'visa', 'region', 'nationality', 'age', 'family', 'employment'] }, kind: { enum: ['matched', 'check'] }, values: strArr, text: str },
};
const program = {
  type: 'object',
  required: ['id', 'title', 'sourceUrl', 'lastVerified', 'eligibility'],
  properties: {
    id: str, title: str, summary: str, locale: str, level: { enum: ['national', 'provincial', 'city-county', 'agency', 'ngo'] },
    translation: {
      type: 'object',
      properties: {
        locale: str, status: { enum: ['machine', 'reviewed', 'outdated'] }, fallback: { type: 'boolean' },
        // Present when the text is a machine translation (list and detail): from which language, where the original is.
        machine: { type: 'object', properties: { state: { enum: ['done', 'pending'] }, from: str, original: str, pollUrl: str } },
      },
    },
    provider: { type: 'object', properties: { name: str, nameKo: str, url: { type: ['string', 'null'] } } },
    categories: strArr,
    eligibility: {
      type: 'object',
      properties: { visas: strArr, nationalities: strArr, regions: strArr, ageMin: { type: ['integer', 'null'] }, ageMax: { type: ['integer', 'null'] }, family: strArr, employment: strArr, conditions: { type: ['string', 'null'] } },
    },
    application: { type: 'object', properties: { period: { oneOf: [{ const: 'rolling' }, { type: 'object', properties: { opens: { type: ['string', 'null'] }, closes: { type: ['string', 'null'] } } }] }, how: { type: ['string', 'null'] }, documents: strArr } },
    status: { enum: ['active', 'closed', 'expired'] },
    deadline: { type: 'string', format: 'date' },
    reasons: { type: 'array', items: reason },
    contacts: { type: 'array', items: { type: 'object', properties: { contactId: str, phone: str, url: str } } },
    sourceUrl: str, sources: { type: 'array' }, lastVerified: { type: 'string', format: 'date' }, url: str,
  },
};
const filters = ['locale', 'category', 'level', 'region', 'open', 'q', 'visa', 'nationality', 'age', 'family', 'employment', 'for', 'limit'].map((name) => ({ name, in: 'query', schema: str }));
const profile = {
  type: 'object',
  properties: { visa: { type: ['string', 'null'] }, region: { type: ['string', 'null'] }, nationality: { type: ['string', 'null'] }, locale: { type: ['string', 'null'] }, stayExpiresOn: { type: ['string', 'null'], format: 'date' }, showVisa: { type: 'boolean', description: 'Show the visa type next to my name on community posts (default false)' },
    movedOn: { type: ['string', 'null'], format: 'date', description: 'The day I moved or will move (within 60 days either way): the address report is due 15 days later (F-4: 14)' },
    enteredOn: { type: ['string', 'null'], format: 'date', description: 'The day I entered Korea (within the last 90 days); with noResidenceCard, registration is due 90 days later' },
    noResidenceCard: { type: 'boolean', description: 'I do not have a residence card yet' },
  },
};
const auth = { '401': { $ref: '#/components/responses/Unauthorized' } };
const savedQueryProps = Object.fromEntries(['category', 'level', 'region', 'open', 'q', 'visa', 'nationality', 'age', 'family', 'employment'].map((n) => [n, { type: ['string', 'number', 'boolean', 'array'] }]));
const savedFilter = {
  type: 'object',
  required: ['id', 'name', 'query', 'listUrl', 'feedUrl'],
  properties: {
    id: { type: 'integer' }, name: str, locale: str, createdAt: { type: 'string', format: 'date-time' },
    query: { type: 'object', properties: savedQueryProps, additionalProperties: false },
    listUrl: { type: 'string', description: 'The programs list with this filter' },
    feedUrl: { type: 'string', description: 'Personal iCalendar feed: deadlines.ics?filter=<token>. The token is unguessable and works without a session; deleting the filter turns it off' },
  },
};

export const programsOpenApi = {
  '/api/v1/programs': {
    get: {
      summary: 'Support programs, filtered; with visa/region/nationality/age/family/employment, only those the person may be eligible for, with reasons',
      parameters: filters,
      responses: { '200': { description: 'Programs', content: json({ type: 'object', required: ['programs'], properties: { locale: str, today: str, programs: { type: 'array', items: program } } }) }, '400': { description: 'Invalid input', content: json(err) } },
    },
  },
  '/api/v1/programs/deadlines.ics': {
    get: {
      summary: 'iCalendar (RFC 5545) feed of upcoming deadlines, for all programs, the same filters as the list, or a saved filter (filter=<token>, no session needed)',
      parameters: [...filters, { name: 'filter', in: 'query', schema: str, description: "A saved filter's feed token (see /api/v1/me/saved-filters feedUrl). When given, the other filters are ignored (locale may still be set). Unknown token: 404" }],
      responses: { '200': { description: 'A calendar', content: { 'text/calendar': { schema: str } } }, '400': { description: 'Invalid input', content: json(err) }, '404': { description: 'Unknown feed token', content: json(err) } },
    },
  },
  '/api/v1/programs/{id}': {
    get: {
      summary: 'One program',
      parameters: [{ name: 'id', in: 'path', required: true, schema: str }, { name: 'locale', in: 'query', schema: str }],
      responses: { '200': { description: 'Program', content: json({ type: 'object', properties: { program } }) }, '404': { description: 'Not found', content: json(err) } },
    },
  },
  // The accounts feature documents DELETE on the same path: keep it alongside our PATCH.
  '/api/v1/me': {
    ...accountsOpenApi['/api/v1/me'],
    patch: {
      summary: "The signed-in member's own details (all optional; null clears). The visa type is private and its changes are audit-logged.",
      security: [{ session: [] }],
      requestBody: { required: true, content: json({ type: 'object', additionalProperties: false, properties: profile.properties }) },
      responses: { '200': { description: 'Saved', content: json({ type: 'object', properties: { profile } }) }, '400': { $ref: '#/components/responses/BadRequest' }, ...auth },
    },
  },
  '/api/v1/me/reminders': {
    get: {
      summary: "The member's reminders (stay extension, address report, registration) and personal deadlines (overdue ones included)",
      security: [{ session: [] }],
      responses: {
        '200': {
          description: 'Reminders',
          content: json({
            type: 'object',
            required: ['reminders'],
            properties: {
              reminders: { type: 'array', items: { type: 'object', properties: { kind: str, dueOn: { type: 'string', format: 'date' }, expiresOn: { type: 'string', format: 'date' }, sentAt: { type: ['string', 'null'] }, channel: { type: ['string', 'null'] }, guideUrl: str, hikoreaUrl: str } } },
              deadlines: { type: 'array', items: { type: 'object', properties: { kind: { enum: ['address-report', 'registration'] }, from: { type: 'string', format: 'date' }, dueOn: { type: 'string', format: 'date' }, overdue: { type: 'boolean' }, guideUrl: str, hikoreaUrl: str } } },
            },
          }),
        },
        ...auth,
      },
    },
  },
  '/api/v1/me/saved-filters': {
    get: {
      summary: "The member's saved programs filters with their list and feed URLs",
      security: [{ session: [] }],
      responses: { '200': { description: 'Saved filters', content: json({ type: 'object', properties: { savedFilters: { type: 'array', items: savedFilter }, max: { type: 'integer' } } }) }, ...auth },
    },
    post: {
      summary: 'Save a programs filter under a name (at most 20 per member). The query uses the list parameters; a filter is personal data, erased with the account',
      security: [{ session: [] }],
      requestBody: { required: true, content: json({ type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1, maxLength: 80 }, query: { type: 'object', properties: savedQueryProps, additionalProperties: false }, locale: str } }) },
      responses: { '201': { description: 'Saved', content: json({ type: 'object', properties: { savedFilter } }) }, '400': { $ref: '#/components/responses/BadRequest' }, '409': { description: 'limit_reached: 20 saved filters', content: json(err) }, ...auth },
    },
  },
  '/api/v1/me/saved-filters/{id}': {
    delete: { summary: 'Delete a saved filter (its feed URL stops working)', security: [{ session: [] }], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '204': { description: 'Deleted' }, '404': { description: 'No such saved filter', content: json(err) }, ...auth } },
  },
  '/api/v1/me/programs': { get: { summary: 'Ids of the programs the member saved', security: [{ session: [] }], responses: { '200': { description: '{programIds: [...]}' }, ...auth } } },
  '/api/v1/me/programs/{id}': {
    put: { summary: 'Save a program to My Ieum', security: [{ session: [] }], parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '204': { description: 'Saved' }, '404': { description: 'No such program', content: json(err) }, ...auth } },
    delete: { summary: 'Remove a saved program', security: [{ session: [] }], parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '204': { description: 'Removed' }, ...auth } },
  },
};
