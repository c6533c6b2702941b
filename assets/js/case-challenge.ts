// The intake form's proof of work: finds a nonce so that SHA-256(challenge + ":" + nonce) starts with
// `difficulty` zero bits, then hides the arithmetic question (the no-JavaScript fallback). Runs in small
// slices so the page stays responsive; a submit before it is done waits for it.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const W = new Uint32Array(64);

/** SHA-256 of ASCII text; returns the first 32 bits of the digest (enough for up to 32 bits of difficulty). */
export function sha256First32(text: string): number {
  const n = text.length;
  const blocks = ((n + 8) >> 6) + 1;
  const m = new Uint32Array(blocks * 16);
  for (let i = 0; i < n; i++) m[i >> 2]! |= (text.charCodeAt(i) & 0xff) << (24 - (i % 4) * 8);
  m[n >> 2]! |= 0x80 << (24 - (n % 4) * 8);
  m[blocks * 16 - 1] = n * 8;
  let h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a, h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < 16; i++) W[i] = m[b * 16 + i]!;
    for (let i = 16; i < 64; i++) {
      const x = W[i - 15]!, y = W[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = h0, bb = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + bb) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  return h0 >>> 0;
}

const form = typeof document === 'undefined' ? null : (document.getElementById('case-form') as HTMLFormElement | null);
const challenge = form?.dataset.challenge;
const difficulty = Number(form?.dataset.difficulty ?? 0);

if (form && challenge && difficulty > 0 && difficulty <= 32) {
  const nonceInput = form.elements.namedItem('nonce') as HTMLInputElement | null;
  const arithField = document.getElementById('arith-field');
  const arithInput = form.elements.namedItem('arith_answer') as HTMLInputElement | null;
  const mask = difficulty >= 32 ? 0xffffffff : ~(0xffffffff >>> difficulty) >>> 0;
  let nonce = 0;
  let done = false;
  let submitWaiting = false;

  const finish = () => {
    done = true;
    if (nonceInput) nonceInput.value = String(nonce);
    // The question is no longer needed: hide it and stop requiring an answer.
    if (arithInput) arithInput.required = false;
    if (arithField) arithField.hidden = true;
    if (submitWaiting) form.requestSubmit();
  };
  const slice = () => {
    const until = performance.now() + 12;
    while (performance.now() < until) {
      for (let i = 0; i < 500; i++, nonce++) {
        if ((sha256First32(`${challenge}:${nonce}`) & mask) === 0) return finish();
      }
    }
    setTimeout(slice, 0);
  };
  form.addEventListener('submit', (e) => {
    if (done) return;
    // Not finished yet and no arithmetic answer typed: wait for the work, then submit.
    if (arithInput && arithInput.value.trim()) return;
    e.preventDefault();
    submitWaiting = true;
    const status = document.getElementById('case-form-status');
    if (status) status.textContent = '…';
  });
  slice();
}
