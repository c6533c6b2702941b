// Build: bundles the server and CLI (esbuild), the client script, and the purged, minified KRDS+app CSS.
// Runs before `npm start`; writes everything to dist/. Plain JS so it needs no TypeScript loader.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { transform } from 'lightningcss';
import { PurgeCSS } from 'purgecss';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const pub = path.join(dist, 'public');
const krds = path.join(root, 'node_modules', 'krds-uiux', 'resources', 'css');

function walk(dir, exts) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return walk(p, exts);
    return exts.some((e) => p.endsWith(e)) ? [p] : [];
  });
}

const hashed = (name, body) => {
  const h = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const ext = path.extname(name);
  return `${path.basename(name, ext)}.${h}${ext}`;
};

function emit(manifest, logical, body) {
  const file = hashed(logical, body);
  writeFileSync(path.join(pub, file), body);
  // Precompressed once at maximum quality; the server picks the variant by Accept-Encoding.
  writeFileSync(path.join(pub, `${file}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(path.join(pub, `${file}.gz`), gzipSync(body, { level: 9 }));
  manifest[logical] = file;
}

async function buildServer() {
  await esbuild.build({
    entryPoints: { main: 'src/main.ts', cli: 'src/cli/main.ts' },
    absWorkingDir: root,
    outdir: dist,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    sourcemap: true,
    logLevel: 'warning',
  });
}

async function buildClientJs(manifest) {
  const entries = walk(path.join(root, 'assets', 'js'), ['.ts']).filter((f) => !f.endsWith('.test.ts'));
  for (const entry of entries) {
    const out = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'iife',
      target: ['es2020'],
      write: false,
      logLevel: 'warning',
    });
    emit(manifest, `${path.basename(entry, '.ts')}.js`, Buffer.from(out.outputFiles[0].contents));
  }
}

async function buildCss(manifest) {
  const strip = (css) => css.replace(/@charset[^;]*;/g, '').replace(/@import[^;]*;/g, '');
  const sources = [
    path.join(krds, 'token', 'krds_tokens.css'),
    path.join(krds, 'common', 'common.css'),
    path.join(krds, 'component', 'component.css'),
    path.join(root, 'assets', 'css', 'app.css'),
  ];
  const raw = sources.map((f) => strip(readFileSync(f, 'utf8'))).join('\n');
  const content = [...walk(path.join(root, 'src'), ['.tsx', '.ts']), ...walk(path.join(root, 'assets', 'js'), ['.ts'])]
    .filter((f) => !f.endsWith('.test.ts'))
    .map((f) => ({ raw: readFileSync(f, 'utf8'), extension: path.extname(f).slice(1) }));
  const [purged] = await new PurgeCSS().purge({
    content,
    css: [{ raw }],
    variables: true,
    keyframes: true,
    fontFace: true,
    safelist: { standard: [/^data-krds-mode/], greedy: [/high-contrast/] },
  });
  const { code } = transform({ filename: 'app.css', code: Buffer.from(purged.css), minify: true });
  emit(manifest, 'app.css', Buffer.from(code));
  // Leaflet's own stylesheet, loaded only by the places page (its classes are created by script).
  // The attribution link gets an underline and a darker blue: Leaflet's default fails WCAG link contrast.
  const leaflet = Buffer.concat([
    readFileSync(path.join(root, 'node_modules', 'leaflet', 'dist', 'leaflet.css')),
    Buffer.from('.leaflet-control-attribution a{color:#0b50d0;text-decoration:underline}'),
  ]);
  emit(manifest, 'leaflet.css', Buffer.from(transform({ filename: 'leaflet.css', code: leaflet, minify: true }).code));
}

async function main() {
  const started = Date.now();
  // No wiping of dist/: a running server keeps serving its assets while the CLI rebuilds (names are content hashes).
  mkdirSync(pub, { recursive: true });
  if (process.argv.includes('--server-only')) return buildServer();
  const manifest = {};
  await Promise.all([buildServer(), buildClientJs(manifest), buildCss(manifest)]);
  emit(manifest, 'favicon.svg', readFileSync(path.join(root, 'assets', 'favicon.svg')));
  writeFileSync(path.join(pub, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const sizes = Object.values(manifest).map((f) => `${f} ${statSync(path.join(pub, f)).size}B (br ${statSync(path.join(pub, `${f}.br`)).size}B)`);
  console.log(`build: ${sizes.join(', ')} in ${Date.now() - started} ms`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
