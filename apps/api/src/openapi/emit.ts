import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from './document.js';

/** Writes the OpenAPI document so that CI can fail when it changes without being committed. */
const out = process.argv[2] ?? 'openapi.json';
writeFileSync(out, `${JSON.stringify(buildOpenApiDocument('1'), null, 2)}\n`);
console.log(`wrote ${out}`);
