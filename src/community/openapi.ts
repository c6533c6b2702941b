// OpenAPI paths for the community API (API-CONTRACTS.md "Community").
const json = (schema: object) => ({ 'application/json': { schema } });
const str = { type: 'string' };
const int = { type: 'integer' };
/** A post image: re-encoded WebP without metadata, plus a thumbnail (src/community/images). */
const image = {
  type: 'object',
  required: ['id', 'url', 'width', 'height', 'bytes', 'thumbnail', 'alt'],
  properties: { id: { type: 'integer', description: 'Used by PATCH /api/v1/posts/{id} (removeImages, alts)' }, url: str, width: int, height: int, bytes: int, thumbnail: { type: 'object', properties: { url: str, width: int, height: int } }, alt: { type: 'string', description: 'Empty: no description given' } },
};
const post = {
  type: 'object',
  required: ['id', 'space', 'title', 'body', 'bodyHtml', 'url'],
  properties: {
    id: int, space: str, topic: str, title: str, body: str, bodyHtml: { type: 'string', description: 'Sanitized HTML of the markdown body' },
    language: { type: ['string', 'null'] }, author: { type: ['string', 'null'], description: 'null: deleted user' }, status: str,
    event: { type: ['object', 'null'], description: 'On GET /api/v1/posts/{id} only: startsAt, endsAt (UTC ISO 8601), timeZone Asia/Seoul, place, address, region' },
    likeCount: int, commentCount: int, createdAt: str, editedAt: { type: ['string', 'null'] }, url: str,
    images: { type: 'array', maxItems: 4, items: image },
  },
};
const comment = { type: 'object', properties: { id: int, parentId: { type: ['integer', 'null'] }, author: { type: ['string', 'null'] }, status: str, body: { type: ['string', 'null'] }, bodyHtml: { type: ['string', 'null'] }, language: { type: ['string', 'null'] }, createdAt: str, editedAt: { type: ['string', 'null'] } } };
const page = { type: 'object', properties: { posts: { type: 'array', items: post }, next: { type: ['string', 'null'], description: 'Cursor of the next page' } } };
const listParams = ['cursor', 'topic', 'q', 'limit', 'locale'].map((name) => ({ name, in: 'query', schema: str }));
const idParam = { name: 'id', in: 'path', required: true, schema: int };
const ok = (description: string, schema?: object) => ({ description, ...(schema ? { content: json(schema) } : {}) });
const err = { '400': ok('Invalid input'), '401': ok('Not signed in'), '403': ok('Forbidden (not the author, suspended, new-account rule)'), '404': ok('Not found'), '409': ok('Duplicate or conflict'), '429': ok('Rate limited (Retry-After)') };
const body = (schema: object) => ({ required: true, content: json(schema) });
/** Event fields of a post (required for topic events or with isEvent): Seoul wall-clock date and time. */
const eventProps = {
  isEvent: { type: 'boolean', description: 'Make a post of any topic an event' },
  eventDate: { type: 'string', format: 'date', description: 'Start date (YYYY-MM-DD, Asia/Seoul)' },
  eventTime: { type: 'string', description: 'Start time (HH:MM, Asia/Seoul)' },
  eventEndDate: { type: 'string', format: 'date', description: 'End date (defaults to the start date when eventEndTime is given)' },
  eventEndTime: { type: 'string', description: 'End time (HH:MM, Asia/Seoul)' },
  eventPlace: { type: 'string', maxLength: 200 },
  eventAddress: { type: 'string', maxLength: 300 },
  eventRegion: { type: 'string', description: 'City/county code (nationality spaces only; a city space uses its own)' },
};
const draft = { type: 'object', required: ['title', 'body'], properties: { title: str, body: str, topic: { enum: ['health', 'education', 'jobs', 'housing', 'events', 'questions', 'market'] }, confirmPersonalData: { type: 'boolean', description: 'Publish detected personal data as written (otherwise it is masked)' }, ...eventProps } };
/** PATCH body: any draft field, plus image changes by image id (ids from the post's images). */
const editDraft = {
  ...draft,
  required: [],
  properties: {
    ...draft.properties,
    removeImages: { type: 'array', items: int, description: "Ids of this post's images to remove (400 image_unknown for another post's image)" },
    alts: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 }, description: 'New description by image id, e.g. {"12": "Market street in Suwon"}; empty string removes it' },
  },
};
const event = {
  type: 'object',
  required: ['postId', 'title', 'startsAt', 'place', 'url', 'icsUrl'],
  properties: {
    postId: int, title: str, startsAt: { type: 'string', format: 'date-time' }, endsAt: { type: ['string', 'null'], format: 'date-time' }, timeZone: { const: 'Asia/Seoul' },
    place: str, address: { type: ['string', 'null'] }, region: { type: ['string', 'null'] }, regionName: { type: ['string', 'null'] }, space: str, url: str, icsUrl: str,
  },
};
const regionParam = { name: 'region', in: 'query', schema: { type: 'string', pattern: '^[0-9]{5}$' }, description: 'City/county code; omitted = all of Gyeonggi-do' };
const calendar = { 'text/calendar': { schema: { type: 'string', description: 'RFC 5545 iCalendar' } } };
const report = { type: 'object', required: ['reason'], properties: { reason: { enum: ['spam', 'abuse', 'personal_data', 'scam', 'illegal', 'other'] }, note: str } };

export const communityOpenApi = {
  '/api/v1/spaces': { get: { summary: 'Community spaces (nationalities, then cities/counties), named in the locale', parameters: [{ name: 'locale', in: 'query', schema: str }], responses: { '200': ok('Spaces', { type: 'object', properties: { spaces: { type: 'array', items: { type: 'object', required: ['slug', 'kind', 'name'], properties: { slug: str, kind: { enum: ['nationality', 'region'] }, name: str, countryCode: { type: ['string', 'null'] }, regionCode: { type: ['string', 'null'] } } } } } }) } } },
  '/api/v1/spaces/{slug}/posts': {
    get: { summary: "A space's posts, newest first (keyset cursor); q searches within the space", parameters: [{ name: 'slug', in: 'path', required: true, schema: str }, ...listParams], responses: { '200': ok('Posts', page), '404': ok('No such space') } },
    post: { summary: 'Publish a post (signed-in member)', parameters: [{ name: 'slug', in: 'path', required: true, schema: str }], requestBody: { required: true, content: { ...json(draft), 'multipart/form-data': { schema: { ...draft, properties: { ...draft.properties, images: { type: 'array', maxItems: 4, items: { type: 'string', format: 'binary' }, description: 'JPEG, PNG or WebP (by content), each at most IMAGE_MAX_BYTES' }, alt: { type: 'array', maxItems: 4, items: { type: 'string', maxLength: 500 }, description: 'Descriptions, in the order of images' } } } } } }, responses: { '413': ok('Image or body too large'), '503': ok('Images could not be stored (Retry-After)'), '201': ok('Created', { type: 'object', required: ['id', 'url'], properties: { id: int, url: str, masked: { type: 'boolean' } } }), ...err } },
  },
  '/api/v1/posts': { get: { summary: 'Posts across spaces (search with q, or one space with space=slug)', parameters: [...listParams, { name: 'space', in: 'query', schema: str }], responses: { '200': ok('Posts', page) } } },
  '/api/v1/posts/{id}': {
    get: { summary: 'A post with its comments', parameters: [idParam], responses: { '200': ok('Post', { type: 'object', properties: { post, comments: { type: 'array', items: comment } } }), '404': ok('Not found') } },
    patch: { summary: 'Edit a post and its images (author only; marks the post edited). Removed images leave storage unless another post uses the same picture. At most 4 images in total: more is 400 image_too_many and nothing changes.', parameters: [idParam], requestBody: { required: true, content: { ...json(editDraft), 'multipart/form-data': { schema: { ...editDraft, properties: { ...editDraft.properties, removeImages: { type: 'array', items: int, description: 'Image ids (repeated field)' }, alts: { type: 'string', description: 'In multipart: one field alts[<imageId>] per description' }, images: { type: 'array', maxItems: 4, items: { type: 'string', format: 'binary' }, description: 'New images, added after the ones that stay: JPEG, PNG or WebP (by content), each at most IMAGE_MAX_BYTES' }, alt: { type: 'array', maxItems: 4, items: { type: 'string', maxLength: 500 }, description: 'Descriptions of the new images, in their order' } } } } } }, responses: { '200': ok('Edited', { type: 'object', properties: { id: int, url: str, masked: { type: 'boolean' } } }), '413': ok('Image or body too large'), '503': ok('New images could not be stored (Retry-After); the text was saved, the images were left unchanged'), ...err } },
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
  '/api/v1/blocks': { get: { summary: 'Members I blocked', responses: { '200': ok('Blocked members', { type: 'object', properties: { blocked: { type: 'array', items: { type: 'object', properties: { username: str, since: str } } } } }), '401': ok('Not signed in') } }, post: { summary: 'Block a member', requestBody: body({ type: 'object', required: ['username'], properties: { username: str } }), responses: { '201': ok('Blocked'), ...err } } },
  '/api/v1/blocks/{username}': { delete: { summary: 'Unblock a member', parameters: [{ name: 'username', in: 'path', required: true, schema: str }], responses: { '204': ok('Unblocked'), ...err } } },
  '/api/v1/community/events': { get: { summary: 'Upcoming events (not over, visible, without blocked members), soonest first; keyset cursor', parameters: [regionParam, { name: 'cursor', in: 'query', schema: str }, { name: 'limit', in: 'query', schema: int }, { name: 'locale', in: 'query', schema: str }], responses: { '200': ok('Events', { type: 'object', properties: { region: { type: ['string', 'null'] }, events: { type: 'array', items: event }, next: { type: ['string', 'null'] } } }), '400': ok('Invalid region or limit'), '404': ok('No such city or county') } } },
  '/api/v1/community/events.ics': { get: { summary: 'Upcoming events as an iCalendar feed (subscribe in a calendar app)', parameters: [regionParam], responses: { '200': { description: 'Calendar', content: calendar }, '400': ok('Invalid region'), '404': ok('No such city or county') } } },
  '/api/v1/posts/{id}/event.ics': { get: { summary: "One post's event as iCalendar (add to calendar)", parameters: [idParam], responses: { '200': { description: 'Calendar', content: calendar }, '404': ok('No such visible event') } } },
  '/api/v1/moderation/moderators': { get: { summary: 'Global moderators and moderators per space (admins and global moderators)', responses: { '200': ok('Moderators', { type: 'object', properties: { global: { type: 'array', items: str }, spaces: { type: 'array', items: { type: 'object', properties: { space: str, moderators: { type: 'array', items: str } } } } } }), '401': ok('Not signed in'), '403': ok('Forbidden') } } },
  '/api/v1/spaces/{slug}/moderators': { post: { summary: 'Make a member (username or email) a moderator of the space (admin; audited with the reason). A member becomes role moderator.', parameters: [{ name: 'slug', in: 'path', required: true, schema: str }], requestBody: body({ type: 'object', required: ['user', 'reason'], properties: { user: str, reason: str } }), responses: { '201': ok('Added', { type: 'object', properties: { username: str, promoted: { type: 'boolean' } } }), ...err } } },
  '/api/v1/spaces/{slug}/moderators/{user}': { delete: { summary: 'Remove a space moderator (admin; audited). Losing the last space makes them a member again, never a global moderator.', parameters: [{ name: 'slug', in: 'path', required: true, schema: str }, { name: 'user', in: 'path', required: true, schema: str }], requestBody: body({ type: 'object', required: ['reason'], properties: { reason: str } }), responses: { '204': ok('Removed'), ...err } } },
  '/api/v1/community/profile': { put: { summary: "The member's nationality (ISO 3166 alpha-2) and city/county code, never shown publicly", requestBody: body({ type: 'object', properties: { nationality: str, region: str } }), responses: { '200': ok('Saved'), ...err } } },
};
