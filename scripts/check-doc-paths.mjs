#!/usr/bin/env node
// Fails when the docs or a code comment cite a file of the repository that does not exist.
//
// Reads docs/**/*.md, README.md and apps/*/README.md, and the comments (// and /* */, JSDoc included)
// of every .ts, .tsx, .mjs, .cjs and .js file under apps/ and packages/. A cited path is a word with a slash
// whose first part is a folder or file this repository has at one of the usual bases: the root
// (`apps/api/src/main.ts`, `docs/SECURITY.md`), an app or package (`src/lib/api.ts`,
// `test/e2e/x.e2e-spec.ts`), its src/ (`features/debriefs/grid.ts`, `modules/files/sniff.ts`) or a
// context in src/modules or src/features (`files/sniff.ts`, `debriefs/grid.ts`).
// It exists when it is found from the citing file's folder, its app or package (and those folders), or,
// in the docs, any app or package. Markdown link targets are checked from the document's folder.
// A file name cited without a folder (`scoring.ts`, `PRODUCT.md`) must be the name of some file of
// the repository (except in an ADR, which may name what it renamed or removed).
// Skipped: URLs, routes, globs (`*`), placeholders (`<context>`, `:id`, `{a,b}`, `...`), and paths
// into generated folders (dist/, artifacts/, node_modules/, coverage/, .data/).
//
// Usage: node scripts/check-doc-paths.mjs (from anywhere; `pnpm docs:check` at the root).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = new Set(['node_modules', 'dist', 'artifacts', 'coverage', '.data', '.git', '.vite', 'backups']);
const CODE = /\.(ts|tsx|mts|mjs|cjs|js)$/;

const rel = (p) => relative(ROOT, p).split(sep).join('/');
const isDir = (p) => existsSync(p) && statSync(p).isDirectory();
const list = (dir) => (isDir(dir) ? readdirSync(dir) : []);

/** apps/* and packages/*: the bases a path written from inside one of them starts at. */
const WORKSPACES = ['apps', 'packages'].flatMap((group) =>
  list(join(ROOT, group))
    .map((name) => join(ROOT, group, name))
    .filter(isDir),
);

/** The folders inside a workspace that a path may be written from: src/ and its contexts. */
const INNER = ['src', 'src/modules', 'src/features'];

/** Every name a cited path may start with: what the root, a workspace or one of its inner folders holds. */
const FIRST_PARTS = new Set(
  [ROOT, ...WORKSPACES, ...WORKSPACES.flatMap((w) => INNER.map((i) => join(w, i)))]
    .flatMap(list)
    .filter((n) => !GENERATED.has(n)),
);

function walk(dir, keep, out = []) {
  for (const name of list(dir)) {
    if (GENERATED.has(name)) continue;
    const path = join(dir, name);
    if (isDir(path)) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

/** The workspace (apps/x or packages/x) a file belongs to, if any. */
const workspaceOf = (file) => WORKSPACES.find((w) => file.startsWith(w + sep));

/** The folders a path cited in `file` may be relative to, nearest first. */
function basesFor(file, isDoc) {
  const own = workspaceOf(file);
  const workspaces = own ? [own] : isDoc ? WORKSPACES : [];
  return [ROOT, dirname(file), ...workspaces.flatMap((w) => [w, ...INNER.map((i) => join(w, i))])];
}

/** A path worth checking, cleaned of trailing punctuation, or null. */
function candidate(raw) {
  let path = raw.replace(/[.,;:!?'")\]}`]+$/, '').replace(/#.*$/, '');
  path = path.replace(/\(x\)$/, 'x'); // `*.spec.ts(x)` style is a glob anyway; keep the file name whole
  if (!path.includes('/') || path.startsWith('/') || path.startsWith('//')) return null;
  if (/[*<>{}$]|\.\.\.|…|:[a-z]/i.test(path)) return null;
  const parts = path.split('/').filter((p) => p !== '.' && p !== '');
  if (parts.length < 2 && !path.endsWith('/')) return null;
  if (parts.some((p) => GENERATED.has(p))) return null;
  if (!FIRST_PARTS.has(parts[0]) && parts[0] !== '..') return null;
  return path;
}

const PATH_IN_TEXT = /(?<![\w@/.:-])\.{0,2}\/?[A-Za-z0-9_.@-][\w.@-]*(?:\/[\w.@()<>*{},$-]*)+/g;

function citedPaths(text) {
  const found = [];
  for (const m of text.matchAll(PATH_IN_TEXT)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (/[a-z]+:\/\/\S*$/i.test(before) || /(www\.|https?:)$/i.test(before)) continue;
    const path = candidate(m[0]);
    if (path) found.push({ path, index: m.index });
    if (path && process.env.DOCS_CHECK_VERBOSE) console.log(`checked: ${path}`);
  }
  return found;
}

/** Every file name in the repository (outside generated folders), for names cited without a folder. */
const FILE_NAMES = new Set(walk(ROOT, () => true).map((p) => p.split(sep).at(-1)));

const NAME_IN_TEXT = /(?<![\w/.@-])[\w-]+(?:\.[\w-]+)*\.(?:ts|tsx|mts|mjs|cjs|js|md|json|sql|css|sh|ya?ml)(?![\w/-])/g;

/** File names cited without a folder (`scoring.ts`, `PRODUCT.md`) that no file of the repository has. */
function missingNames(text) {
  const found = [];
  for (const m of text.matchAll(NAME_IN_TEXT)) {
    const name = m[0];
    if (/^[A-Z][A-Za-z0-9]*\.js$/.test(name)) continue; // a product's name: Node.js
    const names = name.endsWith('.js') ? [name, name.replace(/\.js$/, '.ts'), name.replace(/\.js$/, '.tsx')] : [name];
    if (!names.some((n) => FILE_NAMES.has(n))) found.push({ path: name, index: m.index });
  }
  return found;
}

const lineAt = (text, index) => text.slice(0, index).split('\n').length;

/** A module specifier may leave out its extension (`@/lib/api`, `app/NotFoundRoute`). */
const MODULE_ENDINGS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];

function exists(path, bases) {
  // An ESM import names the compiled `.js` of a `.ts` source.
  const paths = path.endsWith('.js') ? [path, path.replace(/\.js$/, '.ts'), path.replace(/\.js$/, '.tsx')] : [path];
  return bases.some((base) => paths.some((p) => MODULE_ENDINGS.some((ending) => existsSync(join(base, p + ending)))));
}

const problems = [];

// Docs: every cited path, and every relative Markdown link target.
const docs = [
  ...walk(join(ROOT, 'docs'), (p) => p.endsWith('.md')),
  join(ROOT, 'README.md'),
  ...WORKSPACES.map((w) => join(w, 'README.md')),
].filter((p) => existsSync(p));

for (const file of docs) {
  const text = readFileSync(file, 'utf8');
  const bases = basesFor(file, true);
  for (const { path, index } of citedPaths(text)) {
    if (!exists(path, bases)) problems.push(`${rel(file)}:${lineAt(text, index)} -> ${path}`);
  }
  // An ADR records a decision when it was taken, and may name a file that it renamed or removed.
  const names = rel(file).startsWith('docs/adr/') ? [] : missingNames(text);
  for (const { path, index } of names) {
    problems.push(`${rel(file)}:${lineAt(text, index)} -> ${path} (no file of that name)`);
  }
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1].replace(/#.*$/, '');
    if (!target || /^[a-z]+:/i.test(target) || target.startsWith('/')) continue;
    if (!existsSync(join(dirname(file), target))) {
      problems.push(`${rel(file)}:${lineAt(text, m.index)} -> ${target} (link)`);
    }
  }
}

// Code comments: collected with TypeScript's scanner, so strings, regexes and URLs in code are not read.
function comments(file, text) {
  const kind = file.endsWith('.tsx')
    ? ts.ScriptKind.TSX
    : /\.[mc]?js$/.test(file)
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Map();
  const add = (ranges) => {
    for (const r of ranges ?? []) seen.set(r.pos, r);
  };
  const visit = (node) => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    if (ts.isJsxExpression(node) && !node.expression) {
      // `{/* … */}`: the comment sits before the closing brace, which is no node of its own.
      add(ts.getLeadingCommentRanges(text, node.pos + 1));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  add(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return [...seen.values()];
}

const code = WORKSPACES.flatMap((w) =>
  walk(w, (p) => CODE.test(p) && !p.endsWith('.d.ts') && !p.endsWith('.generated.ts')),
);

for (const file of code) {
  const text = readFileSync(file, 'utf8');
  const bases = basesFor(file, false);
  for (const range of comments(file, text)) {
    const comment = text.slice(range.pos, range.end);
    for (const { path, index } of citedPaths(comment)) {
      if (!exists(path, bases)) problems.push(`${rel(file)}:${lineAt(text, range.pos + index)} -> ${path}`);
    }
    for (const { path, index } of missingNames(comment)) {
      problems.push(`${rel(file)}:${lineAt(text, range.pos + index)} -> ${path} (no file of that name)`);
    }
  }
}

if (problems.length > 0) {
  console.error(`${problems.length} cited path(s) do not exist:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`docs:check: every cited path exists (${docs.length} docs, ${code.length} code files).`);
