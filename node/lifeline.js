'use strict';
// Preloaded into every Node service streamlimit starts (`node --require lifeline.js ...`): the
// service exits when its standard input closes, which happens when the JVM that started it
// stops for any reason, a kill -9 included. No orphaned servers hold ports or data directories.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
