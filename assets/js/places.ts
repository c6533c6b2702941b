// Places enhancement: "use my location", asked only on click, sent only as a search, never stored.
// The list works without this script.
const form = document.getElementById('place-form') as HTMLFormElement | null;
const locate = document.getElementById('use-location') as HTMLButtonElement | null;
if (form && locate && 'geolocation' in navigator) {
  locate.hidden = false;
  locate.addEventListener('click', () => {
    locate.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const params = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
        params.delete('region');
        params.delete('q');
        // ~100 m is enough to find the nearest office, and says less about where someone lives.
        params.set('lat', pos.coords.latitude.toFixed(3));
        params.set('lng', pos.coords.longitude.toFixed(3));
        location.href = `${form.action}?${params}`;
      },
      () => (locate.disabled = false),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  });
}
