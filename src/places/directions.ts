// Directions links to the configured map service (no API key; the reader's own app opens).
export type DirectionsProvider = 'osm' | 'kakao' | 'naver';

export function directionsUrl(provider: DirectionsProvider, p: { name: string; lat: number; lng: number }): string {
  const name = encodeURIComponent(p.name);
  switch (provider) {
    case 'kakao':
      return `https://map.kakao.com/link/to/${name},${p.lat},${p.lng}`;
    case 'naver':
      return `https://map.naver.com/p/directions/-/${p.lng},${p.lat},${name},,PLACE_POI/-/transit`;
    default:
      return `https://www.openstreetmap.org/directions?to=${p.lat}%2C${p.lng}#map=16/${p.lat}/${p.lng}`;
  }
}
