// The OpenAPI 3.1 document served at /api/v1/openapi.json. Each feature contributes its own paths.
import { accountsOpenApi } from '../../accounts/openapi.js';
import { assistantOpenApi } from '../../assistant/openapi.js';
import { communityOpenApi } from '../../community/openapi.js';
import { casesOpenApi } from '../../cases/openapi.js';
import { placesOpenApi } from '../../places/openapi.js';
import { translationOpenApi } from '../../translation/openapi.js';
import { programsOpenApi } from '../../programs/openapi.js';
import { pushOpenApi } from '../../push/openapi.js';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
};

export function openApiDocument(baseUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ieum API',
      version: '1',
      description:
        'The JSON API of Ieum, the portal for foreign residents of Gyeonggi Province. Errors use the Error schema. ' +
        'Unsafe requests that carry the session cookie need a matching Origin header or an X-CSRF-Token.',
      license: { name: 'MIT' },
    },
    servers: [{ url: baseUrl }],
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ieum_sid' } },
      responses: {
        BadRequest: { description: 'Invalid input', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        Unauthorized: { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        TooMany: {
          description: 'Rate limited; see Retry-After',
          headers: { 'Retry-After': { schema: { type: 'integer' } } },
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
    paths: {
      '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: 'The process lives' } } } },
      '/readyz': {
        get: { summary: 'Readiness', responses: { '200': { description: 'Database answers' }, '503': { description: 'Database down' } } },
      },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': { description: 'text/plain exposition' } } } },
      '/api/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
      ...accountsOpenApi,
      ...placesOpenApi,
      ...assistantOpenApi,
      ...communityOpenApi,
      ...casesOpenApi,
      ...translationOpenApi,
      ...programsOpenApi,
      ...pushOpenApi,
    },
  };
}
