// OpenAPI paths for the translation API.
const json = (schema: object) => ({ 'application/json': { schema } });
const error = { $ref: '#/components/schemas/Error' };

export const translationOpenApi = {
  '/api/v1/translate': {
    post: {
      summary: 'Machine-translate a text (from the translation memory when it was translated before)',
      description:
        'Always 200 within 3 s for valid input: when no provider is configured, or it fails or is slow, the original text comes back with translated: false ' +
        '(a slow translation still finishes in the background, so asking again later may find it). Rate-limited per address.',
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['text', 'target'],
          properties: { text: { type: 'string', minLength: 1, maxLength: 5000 }, target: { type: 'string', description: 'One of the 20 locales (zh-CN, tl are accepted)' }, source: { type: 'string' } },
        }),
      },
      responses: {
        '200': {
          description: 'The translation, or the original with translated: false',
          content: json({
            type: 'object',
            required: ['text', 'source', 'target', 'translated'],
            properties: {
              text: { type: 'string' },
              source: { type: 'string', description: "Source language; 'und' when it could not be told" },
              target: { type: 'string' },
              translated: { type: 'boolean' },
              provider: { type: 'string', description: 'google, deepl, papago, libretranslate, openai, or human (an editor corrected it)' },
              cached: { type: 'boolean', description: 'Served from the translation memory' },
            },
          }),
        },
        '400': { description: 'Invalid input', content: json(error) },
        '429': { $ref: '#/components/responses/TooMany' },
      },
    },
  },
  '/api/v1/translate/results': {
    get: {
      summary: 'Translations that were still being made when a page was rendered, by memory key',
      parameters: [{ name: 'keys', in: 'query', required: true, schema: { type: 'string' }, description: 'Up to 100 comma-separated keys (from a page\'s data-translation-pending URL)' }],
      responses: {
        '200': {
          description: 'ready is true when every key has its translation',
          content: json({
            type: 'object',
            required: ['ready', 'results'],
            properties: {
              ready: { type: 'boolean' },
              results: { type: 'array', items: { type: 'object', required: ['key', 'ready'], properties: { key: { type: 'string' }, ready: { type: 'boolean' }, text: { type: 'string' }, provider: { type: 'string' } } } },
            },
          }),
        },
        '400': { description: 'Invalid input', content: json(error) },
      },
    },
  },
};
