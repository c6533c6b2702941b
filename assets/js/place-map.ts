// The results map (Leaflet), loaded only on a places page that has results. The list stays usable
// without it, and without map tiles.
import L from 'leaflet';

const el = document.getElementById('place-map');
if (el?.dataset.map) {
  const data = JSON.parse(el.dataset.map) as {
    origin: { lat: number; lng: number };
    tiles: string;
    places: Array<{ id: string; name: string; lat: number; lng: number }>;
  };
  el.hidden = false;
  const map = L.map(el, { scrollWheelZoom: false }).setView([data.origin.lat, data.origin.lng], 13);
  L.tileLayer(data.tiles, { maxZoom: 18, attribution: '© OpenStreetMap contributors' }).addTo(map);
  const bounds = L.latLngBounds([[data.origin.lat, data.origin.lng]]);
  const base = location.pathname.replace(/\/places\/?$/, '/places/');
  for (const p of data.places) {
    const a = document.createElement('a');
    a.href = base + p.id;
    a.textContent = p.name;
    L.circleMarker([p.lat, p.lng], { radius: 8, color: '#063a74', weight: 2, fillOpacity: 0.8 }).addTo(map).bindPopup(a);
    bounds.extend([p.lat, p.lng]);
  }
  if (data.places.length) map.fitBounds(bounds.pad(0.15));
}
