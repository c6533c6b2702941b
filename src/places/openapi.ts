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
  '/api/v1/places': {
    get: {
      summary: 'Places nearest first, from coordinates, a city/county code, or a place name in any locale',
      parameters: ['lat', 'lng', 'region', 'q', 'category', 'language', 'open', 'free', 'walkin', 'limit', 'locale'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
      responses: {
        '200': {
          description: 'Places',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  places: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'name', 'category', 'lat', 'lng', 'distanceM'],
                      properties: {
                        id: { type: 'string' }, name: { type: 'string' }, nameKo: { type: 'string' }, category: { type: 'string' },
                        lat: { type: 'number' }, lng: { type: 'number' }, distanceM: { type: ['integer', 'null'] },
                        coordinatePrecision: { enum: ['exact', 'street', 'city'] }, languages: { type: 'array', items: { type: 'string' } },
                        openNow: { enum: ['open', 'closed', 'unknown'] }, url: { type: 'string' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        '400': { description: 'Invalid input', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  },
  '/api/hsds/': { get: { summary: 'HSDS 3.0 API root', responses: { '200': { description: '{version: "3.0", ...}' } } } },
  '/api/hsds/services': {
    get: {
      summary: 'HSDS 3.0 services, paginated',
      parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }, { name: 'per_page', in: 'query', schema: { type: 'integer' } }],
      responses: { '200': { description: 'HSDS Page of services (total_items, total_pages, page_number, size, first_page, last_page, empty, contents)' } },
    },
  },
  '/api/hsds/services/{id}': { get: { summary: 'One HSDS 3.0 service, fully nested', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'Service' }, '404': { description: 'Not found' } } } },
  '/api/hsds/organizations': { get: { summary: 'HSDS 3.0 organizations, paginated', responses: { '200': { description: 'HSDS Page' } } } },
  '/api/hsds/organizations/{id}': { get: { summary: 'One organization', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'Organization' }, '404': { description: 'Not found' } } } },
  '/api/hsds/service_at_locations': {
    get: {
      summary: 'HSDS 3.0 service_at_locations, paginated; with lat/lng, nearest first (proximity)',
      parameters: ['page', 'per_page', 'lat', 'lng'].map((name) => ({ name, in: 'query', schema: { type: 'number' } })),
      responses: { '200': { description: 'HSDS Page' } },
    },
  },
};
