import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const PACKAGES = ['core', 'server', 'web'];

interface Manifest {
  name: string;
  exports?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifest = (pkg: string): Manifest =>
  JSON.parse(readFileSync(join(ROOT, 'packages', pkg, 'package.json'), 'utf8')) as Manifest;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

/**
 * Imports a source file makes only when it runs from the TypeScript sources (tests, benches), never
 * from the built dist: the fit worker is loaded through tsx there and as dist/fit-worker.js in a build.
 */
const SOURCE_ONLY = new Set(['/packages/server/src/workers/run-fit.ts: tsx']);

/** Package names a file imports (bare specifiers only; node: builtins left out). */
function importedPackages(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    // A specifier has no white space, which keeps "… came from' }" in a message text from matching.
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s*'([^'.\s][^'\s]*)'/gm),
    ...text.matchAll(/^\s*import\s*'([^'.\s][^'\s]*)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^'.\s][^'\s]*)'\s*\)/g),
  ].map((m) => m[1] ?? '');
  return specs
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] ?? s)));
}

describe('package boundaries', () => {
  it('every export pattern points at files that exist', () => {
    for (const pkg of PACKAGES) {
      for (const [key, target] of Object.entries(manifest(pkg).exports ?? {})) {
        if (target.includes('*')) {
          const dir = join(ROOT, 'packages', pkg, target.slice(0, target.indexOf('*')));
          expect(existsSync(dir), `${pkg} ${key} → ${target}`).toBe(true);
        } else expect(existsSync(join(ROOT, 'packages', pkg, target)), `${pkg} ${key} → ${target}`).toBe(true);
      }
    }
  });

  it('every package a source file imports is declared by that package (runtime deps for src)', () => {
    const missing: string[] = [];
    for (const pkg of PACKAGES) {
      const m = manifest(pkg);
      const runtime = new Set([m.name, ...Object.keys(m.dependencies ?? {})]);
      const dev = new Set([...runtime, ...Object.keys(m.devDependencies ?? {})]);
      const src = join(ROOT, 'packages', pkg, 'src');
      for (const file of sourceFiles(src))
        for (const p of importedPackages(file))
          if (!runtime.has(p) && !SOURCE_ONLY.has(`${file.slice(ROOT.length)}: ${p}`))
            missing.push(`${file.slice(ROOT.length)}: ${p}`);
      const test = join(ROOT, 'packages', pkg, 'test');
      if (existsSync(test))
        for (const file of sourceFiles(test))
          for (const p of importedPackages(file))
            if (!dev.has(p) && !['vitest', 'fast-check'].includes(p)) missing.push(`${file.slice(ROOT.length)}: ${p}`);
    }
    expect(missing).toEqual([]);
  });

  it('no runtime dependency is left unused by its package source', () => {
    const unused: string[] = [];
    for (const pkg of ['core', 'server']) {
      const m = manifest(pkg);
      const used = new Set(
        sourceFiles(join(ROOT, 'packages', pkg, 'src'))
          .concat(
            existsSync(join(ROOT, 'packages', pkg, 'build.mjs')) ? [join(ROOT, 'packages', pkg, 'build.mjs')] : [],
          )
          .flatMap(importedPackages),
      );
      for (const dep of Object.keys(m.dependencies ?? {})) if (!used.has(dep)) unused.push(`${pkg}: ${dep}`);
    }
    expect(unused).toEqual([]);
  });
});
