// Tracking codes and PINs: random, easy to read aloud or write down, and the PIN stored only as argon2id.
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Crockford's base32 without I, L, O, U: nothing to confuse when a code is read over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** IE-XXXX-XXXX: 40 random bits. Not a secret on its own (it may be printed); the PIN is the secret. */
export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `IE-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Accepts what people type: lower case, spaces, O for 0, I/L for 1, missing dashes. */
export function normalizeTrackingCode(input: string): string | null {
  const raw = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/^IE/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(raw)) return null;
  return `IE-${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** 8 digits: with the per-code attempt limit, guessing one takes decades. */
export function newPin(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

export const normalizePin = (input: string) => input.replace(/[\s-]/g, '');

// Lighter than account passwords (the PIN is rate-limited per code and per address) but still memory-hard,
// so a copied table cannot be brute-forced over the 10^8 PINs in seconds.
const OPTIONS = { memoryCost: 12_288, timeCost: 2, parallelism: 1 };
let dummy: Promise<string> | null = null;

export const hashPin = (pin: string) => hash(pin, OPTIONS);

/** Same time whether or not the case exists, so a wrong code and a wrong PIN cannot be told apart. */
export async function verifyPin(stored: string | null | undefined, pin: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash('00000000', OPTIONS);
    await verify(await dummy, pin).catch(() => false);
    return false;
  }
  if (!/^\d{8}$/.test(pin)) {
    await verify(stored, '00000000').catch(() => false);
    return false;
  }
  try {
    return await verify(stored, pin);
  } catch {
    return false;
  }
}

export const formatPin = (pin: string) => `${pin.slice(0, 4)} ${pin.slice(4)}`;
