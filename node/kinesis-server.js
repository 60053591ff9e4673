'use strict';
// kinesis-local (npm, MIT: a Node.js build of kinesis-mock), the local Kinesis Data Streams, on
// loopback: `node kinesis-server.js`. kinesis-local listens on every interface, on the ports of
// KINESIS_MOCK_PLAIN_PORT (HTTP) and KINESIS_MOCK_TLS_PORT (HTTPS), and says nothing when it is
// ready; this wrapper binds its listeners to 127.0.0.1 (port 0 in those variables takes a free
// port), finds which of the two speaks plain HTTP, and prints that port once it answers.
const http = require('http');
const net = require('net');
const path = require('path');

const LISTENERS = 2; // kinesis-local's HTTPS and HTTP servers, in no fixed order
const ports = [];
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackListen(...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0] };
  const callback = args.find((a) => typeof a === 'function');
  this.once('listening', () => {
    ports.push(this.address().port);
    if (ports.length === LISTENERS) {
      ports.forEach(announceIfPlain);
    }
  });
  return listen.call(this, { ...options, host: '127.0.0.1' }, callback);
};

// The HTTPS listener drops a plain request; the HTTP one answers its health check.
function announceIfPlain(port) {
  const request = http.get({ host: '127.0.0.1', port, path: '/healthcheck', timeout: 10000 }, (response) => {
    response.resume();
    console.log(`kinesis-local listening on 127.0.0.1 port ${port}`);
  });
  request.on('timeout', () => request.destroy());
  request.on('error', () => {});
}

process.on('uncaughtException', (e) => {
  console.error(e.code === 'EADDRINUSE' ? `port ${e.port} is in use` : `kinesis-local failed: ${e.message}`);
  process.exit(1);
});

const packageDir = path.dirname(require.resolve('kinesis-local/package.json'));
process.env.KINESIS_MOCK_CERT_PATH = process.env.KINESIS_MOCK_CERT_PATH || path.join(packageDir, 'server.json');
process.env.KINESIS_MOCK_PLAIN_PORT = process.env.KINESIS_MOCK_PLAIN_PORT || '0';
process.env.KINESIS_MOCK_TLS_PORT = process.env.KINESIS_MOCK_TLS_PORT || '0';
require(path.join(packageDir, 'main.js'));
