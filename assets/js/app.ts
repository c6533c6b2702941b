// Progressive enhancements for every page. The site works fully without this script.

function closeOnOutside(details: HTMLDetailsElement) {
  document.addEventListener('click', (e) => {
    if (details.open && !details.contains(e.target as Node)) details.open = false;
  });
  details.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && details.open) {
      details.open = false;
      details.querySelector('summary')?.focus();
    }
  });
}

function init() {
  document.querySelectorAll<HTMLDetailsElement>('details.lang-switcher').forEach(closeOnOutside);
  // Move focus to an error summary so screen-reader users hear what to fix.
  document.getElementById('error-summary')?.focus();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
