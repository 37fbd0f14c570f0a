// `npm run check:api`: regenerates the wire types from openapi.json into a temporary file and fails when
// the committed src/types/api.generated.ts differs (the document changed and `npm run gen:api` was not run).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const committed = path.join(root, 'src', 'types', 'api.generated.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'focusmate-api-'));
const fresh = path.join(dir, 'api.generated.ts');
try {
  const cli = path.join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
  execFileSync(process.execPath, [cli, path.join(root, 'openapi.json'), '--output', fresh], {
    stdio: 'pipe',
  });
  if (readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error(
      'src/types/api.generated.ts is not what openapi.json gives: run `npm run gen:api` and commit it.',
    );
    process.exitCode = 1;
  } else {
    console.log('src/types/api.generated.ts matches openapi.json.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
