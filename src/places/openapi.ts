// OpenAPI paths for the places API.
export const placesOpenApi = {
  '/api/v1/regions': {
    get: {
      summary: "Gyeonggi's 31 cities and counties, named in the requested locale",
      parameters: [{ name: 'locale', in: 'query', schema: { type: 'string' } }],
      responses: {
        '200': {
          description: 'Regions',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  regions: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['code', 'name', 'lat', 'lng'],
                      properties: {
                        code: { type: 'string' }, name: { type: 'string' }, nameKo: { type: 'string' }, nameEn: { type: 'string' },
                        lat: { type: 'number' }, lng: { type: 'number' }, foreignResidents: { type: ['integer', 'null'] },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
