// The "Print" button next to a new tracking code and PIN (hidden without JavaScript: browsers print anyway).
const button = document.getElementById('print-button') as HTMLButtonElement | null;
if (button) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
