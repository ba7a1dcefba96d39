// Runs `npm ci` unless node_modules was installed from exactly this package-lock.json.
// The Maven build calls this before every build, so a fresh clone installs and an
// unchanged tree does not pay for a reinstall. The stamp is written only after a
// successful install, so an interrupted install is redone.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.packetlab-lock-sha256');
const lockHash = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .update(process.version)
  .digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockHash) {
  console.log('node_modules is up to date with package-lock.json; skipping npm ci');
} else {
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, lockHash + '\n');
}
