'use strict';
// dynalite, the local DynamoDB, on loopback: `node dynalite-server.js PORT [DATA_DIR]`.
// PORT 0 takes a free port (dynalite's own CLI turns 0 into 4567); the port is printed once
// the server accepts connections. Without DATA_DIR the tables live in memory; with it, in
// LevelDB there, kept across restarts. createTableMs 0: a new table is ACTIVE at once, as the
// tests and the local stack expect (dynalite's default keeps it CREATING for 500 ms).
const dynalite = require('dynalite');

const [portArg = '0', dataDir] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`port must be 0 to 65535, was ${portArg}`);
  process.exit(2);
}

const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
if (dataDir) {
  options.path = dataDir;
}
const server = dynalite(options);
server.on('error', (e) => {
  console.error(e.code === 'EADDRINUSE' ? `port ${port} is in use` : `dynalite failed: ${e.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`dynalite listening on 127.0.0.1 port ${server.address().port}`);
});
