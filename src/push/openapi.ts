// OpenAPI paths for Web Push: the VAPID public key and the member's push subscriptions.
const json = (schema: unknown) => ({ 'application/json': { schema } });
const err = { $ref: '#/components/schemas/Error' };

const subscription = {
  type: 'object',
  required: ['endpoint', 'keys'],
  properties: {
    endpoint: { type: 'string', description: 'https URL at a known push service' },
    expirationTime: { type: ['number', 'null'] },
    keys: { type: 'object', required: ['p256dh', 'auth'], properties: { p256dh: { type: 'string' }, auth: { type: 'string' } } },
  },
};

export const pushOpenApi = {
  '/api/v1/push/vapid-public-key': {
    get: { summary: "The server's VAPID public key (applicationServerKey)", responses: { '200': { description: 'OK', content: json({ type: 'object', properties: { publicKey: { type: 'string' } } }) } } },
  },
  '/api/v1/me/push-subscriptions': {
    post: {
      summary: 'Subscribe this browser to reminder notifications (PushSubscription.toJSON())',
      requestBody: { required: true, content: json(subscription) },
      responses: { '201': { description: 'Subscribed', content: json({ type: 'object', properties: { id: { type: 'integer' } } }) }, '400': { description: 'Invalid', content: json(err) }, '401': { description: 'Not signed in', content: json(err) } },
    },
    delete: {
      summary: 'Stop notifications on this browser',
      requestBody: { required: true, content: json({ type: 'object', required: ['endpoint'], properties: { endpoint: { type: 'string' } } }) },
      responses: { '204': { description: 'Removed' }, '401': { description: 'Not signed in', content: json(err) } },
    },
  },
};
