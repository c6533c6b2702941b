// OpenAPI paths for the assistant.
const json = (schema: object) => ({ 'application/json': { schema } });
const err = (d: string) => ({ description: d, content: json({ $ref: '#/components/schemas/Error' }) });

export const assistantOpenApi = {
  '/api/v1/chat': {
    post: {
      summary: 'Ask the assistant. With Accept: text/event-stream the answer streams as server-sent events (meta/delta/reset/done).',
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['message'],
          properties: {
            message: { type: 'string', minLength: 1, maxLength: 2000 },
            locale: { type: 'string', description: 'One of the 20 locales; detected from the message when absent' },
            conversationId: { type: 'string' },
          },
        }),
      },
      responses: {
        '200': {
          description: 'The answer, in the asker\'s language',
          content: {
            ...json({
              type: 'object',
              required: ['answer', 'locale', 'kind', 'sources', 'conversationId'],
              properties: {
                answer: { type: 'string' },
                locale: { type: 'string' },
                kind: { enum: ['answer', 'clarify', 'decline', 'emergency', 'handoff'] },
                sources: { type: 'array', items: { type: 'object', properties: { title: { type: 'string' }, url: { type: 'string', format: 'uri' } } } },
                conversationId: { type: 'string' },
                logId: { type: 'integer' },
                articleId: { type: ['string', 'null'] },
                engine: { enum: ['builtin', 'llm'] },
                options: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } } },
                nearby: { type: ['object', 'null'], properties: { region: { type: 'string' }, category: { type: 'string' } } },
              },
            }),
            'text/event-stream': { schema: { type: 'string' } },
          },
        },
        '400': err('Invalid input'),
        '429': { $ref: '#/components/responses/TooMany' },
      },
    },
  },
  '/api/v1/chat/feedback': {
    post: {
      summary: 'Thumbs up (1) or down (-1) for one answer of a conversation',
      requestBody: { required: true, content: json({ type: 'object', required: ['logId', 'conversationId', 'value'], properties: { logId: { type: 'integer' }, conversationId: { type: 'string' }, value: { enum: [1, -1] } } }) },
      responses: { '204': { description: 'Recorded' }, '400': err('Unknown answer or bad input') },
    },
  },
};
