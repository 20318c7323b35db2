// Preloaded into the language server by test/protocol/no-network.test.ts: any attempt to reach the network
// (DNS, TCP, HTTP(S), fetch) is reported on stderr as NETWORK-ATTEMPT and refused.
const net = require('net');
const dns = require('dns');
const http = require('http');
const https = require('https');

function refuse(what) {
  return function () {
    process.stderr.write(`NETWORK-ATTEMPT ${what}\n`);
    throw new Error(`network access refused in this test: ${what}`);
  };
}
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const opts = args[0];
  // A local pipe or socket path (LSP over IPC or a named pipe) is not the network.
  if (typeof opts === 'string' || (opts && typeof opts === 'object' && typeof opts.path === 'string')) return originalConnect.apply(this, args);
  return refuse('net.Socket.connect')();
};
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
globalThis.fetch = refuse('fetch');
