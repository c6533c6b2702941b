// OpenAPI paths for the accounts API.
const json = (schema: object) => ({ 'application/json': { schema } });
const user = { type: 'object', properties: { id: { type: 'integer' }, username: { type: 'string' }, role: { type: 'string' } } };
const err = (d: string) => ({ description: d, content: json({ $ref: '#/components/schemas/Error' }) });

export const accountsOpenApi = {
  '/api/v1/auth/signup': {
    post: {
      summary: 'Create a member account and sign in (sets the session cookie)',
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', pattern: '^[A-Za-z0-9._-]{3,32}$' },
            password: { type: 'string', minLength: 10 },
            email: { type: 'string', format: 'email' },
            locale: { type: 'string' },
          },
        }),
      },
      responses: { '201': { description: 'Created', content: json({ type: 'object', properties: { user } }) }, '400': err('Invalid input'), '409': err('Username or email taken'), '429': { $ref: '#/components/responses/TooMany' } },
    },
  },
  '/api/v1/auth/login': {
    post: {
      summary: 'Sign in with username (or email) and password; rotates the session',
      requestBody: { required: true, content: json({ type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } }) },
      responses: { '200': { description: 'Signed in', content: json({ type: 'object', properties: { user } }) }, '401': err('Wrong credentials'), '429': { $ref: '#/components/responses/TooMany' } },
    },
  },
  '/api/v1/auth/logout': { post: { summary: 'Sign out', responses: { '204': { description: 'Signed out' } } } },
  '/api/v1/auth/me': {
    get: { summary: 'The signed-in user', security: [{ session: [] }], responses: { '200': { description: 'User' }, '401': err('Not signed in') } },
  },
  '/api/v1/me/password': {
    post: {
      summary: 'Change password (signs out other sessions)',
      security: [{ session: [] }],
      requestBody: { required: true, content: json({ type: 'object', required: ['currentPassword', 'newPassword'], properties: { currentPassword: { type: 'string' }, newPassword: { type: 'string' } } }) },
      responses: { '204': { description: 'Changed' }, '400': err('Wrong current password or weak new one'), '401': err('Not signed in') },
    },
  },
  '/api/v1/me': {
    delete: {
      summary: 'Delete my account: personal data removed, content anonymized',
      security: [{ session: [] }],
      requestBody: { required: true, content: json({ type: 'object', required: ['password', 'confirm'], properties: { password: { type: 'string' }, confirm: { const: true } } }) },
      responses: { '204': { description: 'Deleted' }, '400': err('Wrong password or not confirmed'), '401': err('Not signed in') },
    },
  },
};
