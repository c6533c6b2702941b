// Maps logical asset names (app.css, app.js) to their content-hashed URLs from the build manifest.
import { existsSync, readFileSync } from 'node:fs';
import { projectPath } from './paths.js';

export const PUBLIC_DIR = projectPath('dist', 'public');
let manifest: Record<string, string> | null = null;

export function assetUrl(name: string): string {
  if (!manifest) {
    const file = projectPath('dist', 'public', 'manifest.json');
    manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  }
  return `/assets/${manifest[name] ?? name}`;
}

/** For tests that rebuild assets. */
export function resetAssetManifest() {
  manifest = null;
}
