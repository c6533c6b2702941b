// OpenAPI paths for the community API (API-CONTRACTS.md "Community").
const json = (schema: object) => ({ 'application/json': { schema } });
const str = { type: 'string' };
const int = { type: 'integer' };
const post = {
  type: 'object',
  required: ['id', 'space', 'title', 'body', 'bodyHtml', 'url'],
  properties: {
    id: int, space: str, topic: str, title: str, body: str, bodyHtml: { type: 'string', description: 'Sanitized HTML of the markdown body' },
    language: { type: ['string', 'null'] }, author: { type: ['string', 'null'], description: 'null: deleted user' }, status: str,
    likeCount: int, commentCount: int, createdAt: str, editedAt: { type: ['string', 'null'] }, url: str,
  },
};
const comment = { type: 'object', properties: { id: int, parentId: { type: ['integer', 'null'] }, author: { type: ['string', 'null'] }, status: str, body: { type: ['string', 'null'] }, bodyHtml: { type: ['string', 'null'] }, language: { type: ['string', 'null'] }, createdAt: str, editedAt: { type: ['string', 'null'] } } };
const page = { type: 'object', properties: { posts: { type: 'array', items: post }, next: { type: ['string', 'null'], description: 'Cursor of the next page' } } };
const listParams = ['cursor', 'topic', 'q', 'limit', 'locale'].map((name) => ({ name, in: 'query', schema: str }));
const idParam = { name: 'id', in: 'path', required: true, schema: int };
const ok = (description: string, schema?: object) => ({ description, ...(schema ? { content: json(schema) } : {}) });
const err = { '400': ok('Invalid input'), '401': ok('Not signed in'), '403': ok('Forbidden (not the author, suspended, new-account rule)'), '404': ok('Not found'), '409': ok('Duplicate or conflict'), '429': ok('Rate limited (Retry-After)') };
const body = (schema: object) => ({ required: true, content: json(schema) });
const draft = { type: 'object', required: ['title', 'body'], properties: { title: str, body: str, topic: { enum: ['health', 'education', 'jobs', 'housing', 'events', 'questions', 'market'] }, confirmPersonalData: { type: 'boolean', description: 'Publish detected personal data as written (otherwise it is masked)' } } };
const report = { type: 'object', required: ['reason'], properties: { reason: { enum: ['spam', 'abuse', 'personal_data', 'scam', 'illegal', 'other'] }, note: str } };

export const communityOpenApi = {
  '/api/v1/spaces': { get: { summary: 'Community spaces (nationalities, then cities/counties), named in the locale', parameters: [{ name: 'locale', in: 'query', schema: str }], responses: { '200': ok('Spaces', { type: 'object', properties: { spaces: { type: 'array', items: { type: 'object', required: ['slug', 'kind', 'name'], properties: { slug: str, kind: { enum: ['nationality', 'region'] }, name: str, countryCode: { type: ['string', 'null'] }, regionCode: { type: ['string', 'null'] } } } } } }) } } },
  '/api/v1/spaces/{slug}/posts': {
    get: { summary: "A space's posts, newest first (keyset cursor); q searches within the space", parameters: [{ name: 'slug', in: 'path', required: true, schema: str }, ...listParams], responses: { '200': ok('Posts', page), '404': ok('No such space') } },
    post: { summary: 'Publish a post (signed-in member)', parameters: [{ name: 'slug', in: 'path', required: true, schema: str }], requestBody: body(draft), responses: { '201': ok('Created', { type: 'object', required: ['id', 'url'], properties: { id: int, url: str, masked: { type: 'boolean' } } }), ...err } },
  },
  '/api/v1/posts': { get: { summary: 'Posts across spaces (search with q, or one space with space=slug)', parameters: [...listParams, { name: 'space', in: 'query', schema: str }], responses: { '200': ok('Posts', page) } } },
  '/api/v1/posts/{id}': {
    get: { summary: 'A post with its comments', parameters: [idParam], responses: { '200': ok('Post', { type: 'object', properties: { post, comments: { type: 'array', items: comment } } }), '404': ok('Not found') } },
    patch: { summary: 'Edit a post (author only)', parameters: [idParam], requestBody: body({ ...draft, required: [] }), responses: { '200': ok('Edited'), ...err } },
    delete: { summary: 'Delete a post (author only)', parameters: [idParam], responses: { '204': ok('Deleted'), ...err } },
  },
  '/api/v1/posts/{id}/comments': {
    get: { summary: "A post's comments (one level of replies)", parameters: [idParam], responses: { '200': ok('Comments', { type: 'object', properties: { comments: { type: 'array', items: comment } } }) } },
    post: { summary: 'Comment or reply (parentId)', parameters: [idParam], requestBody: body({ type: 'object', required: ['body'], properties: { body: str, parentId: int, confirmPersonalData: { type: 'boolean' } } }), responses: { '201': ok('Created', { type: 'object', properties: { id: int } }), ...err } },
  },
  '/api/v1/comments/{id}': {
    patch: { summary: 'Edit a comment (author only)', parameters: [idParam], requestBody: body({ type: 'object', required: ['body'], properties: { body: str } }), responses: { '200': ok('Edited'), ...err } },
    delete: { summary: 'Delete a comment (author only)', parameters: [idParam], responses: { '204': ok('Deleted'), ...err } },
  },
  '/api/v1/posts/{id}/report': { post: { summary: 'Report a post', parameters: [idParam], requestBody: body(report), responses: { '201': ok('Reported'), ...err } } },
  '/api/v1/comments/{id}/report': { post: { summary: 'Report a comment', parameters: [idParam], requestBody: body(report), responses: { '201': ok('Reported'), ...err } } },
  '/api/v1/posts/{id}/appeal': { post: { summary: 'Appeal the hiding of ones own post (once)', parameters: [idParam], requestBody: body({ type: 'object', required: ['text'], properties: { text: str } }), responses: { '201': ok('Appealed'), ...err } } },
  '/api/v1/comments/{id}/appeal': { post: { summary: 'Appeal the hiding of ones own comment (once)', parameters: [idParam], requestBody: body({ type: 'object', required: ['text'], properties: { text: str } }), responses: { '201': ok('Appealed'), ...err } } },
  '/api/v1/posts/{id}/like': { put: { summary: 'Like', parameters: [idParam], responses: { '204': ok('Liked'), ...err } }, delete: { summary: 'Unlike', parameters: [idParam], responses: { '204': ok('Unliked'), ...err } } },
  '/api/v1/posts/{id}/bookmark': { put: { summary: 'Bookmark', parameters: [idParam], responses: { '204': ok('Bookmarked'), ...err } }, delete: { summary: 'Remove bookmark', parameters: [idParam], responses: { '204': ok('Removed'), ...err } } },
  '/api/v1/moderation/queue': { get: { summary: 'Open reports and appeals in the spaces the moderator moderates', responses: { '200': ok('Queue'), ...err } } },
  '/api/v1/moderation/actions': { post: { summary: 'Moderator action (audited with its reason)', requestBody: body({ type: 'object', required: ['action', 'targetType', 'targetId', 'reason'], properties: { action: { enum: ['hide', 'restore', 'delete', 'warn', 'suspend', 'ban'] }, targetType: { enum: ['post', 'comment'] }, targetId: int, reason: str, days: int } }), responses: { '200': ok('Done'), ...err } } },
  '/api/v1/blocks': { post: { summary: 'Block a member', requestBody: body({ type: 'object', required: ['username'], properties: { username: str } }), responses: { '201': ok('Blocked'), ...err } } },
  '/api/v1/blocks/{username}': { delete: { summary: 'Unblock a member', parameters: [{ name: 'username', in: 'path', required: true, schema: str }], responses: { '204': ok('Unblocked'), ...err } } },
  '/api/v1/community/profile': { put: { summary: "The member's nationality (ISO 3166 alpha-2) and city/county code, never shown publicly", requestBody: body({ type: 'object', properties: { nationality: str, region: str } }), responses: { '200': ok('Saved'), ...err } } },
};
