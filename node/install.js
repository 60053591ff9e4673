'use strict';
// Installs the pinned Node packages (`npm ci`) unless node_modules already matches the lock file.
// Run by the Maven build (the parent pom, before any module) and by the streamlimit launcher,
// so that `./mvnw verify` and `./streamlimit run` stay the only commands a fresh clone needs.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const MIN_NODE_MAJOR = 20;
const major = Number(process.versions.node.split('.')[0]);
if (major < MIN_NODE_MAJOR) {
  console.error(`streamlimit needs Node.js ${MIN_NODE_MAJOR} or newer; this is ${process.version}`);
  process.exit(1);
}

const dir = __dirname;
const installed = path.join(dir, 'node_modules', '.package-lock.json');
const mtime = (file) => fs.statSync(path.join(dir, file)).mtimeMs;
const upToDate = fs.existsSync(installed)
  && fs.statSync(installed).mtimeMs >= Math.max(mtime('package.json'), mtime('package-lock.json'));
if (upToDate) {
  process.exit(0);
}

console.error(`Installing the Node packages pinned in ${path.join(dir, 'package-lock.json')} (npm ci)...`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
if (result.error) {
  console.error(`cannot run npm (it comes with Node.js ${MIN_NODE_MAJOR}+): ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status === null ? 1 : result.status);
