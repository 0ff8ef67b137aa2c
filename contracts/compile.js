#!/usr/bin/env node
// Compiles every Solidity file under contracts/src with the pinned solc from
// package.json (standard-JSON input, optimizer, viaIR) and writes:
//   build/<Name>.abi.json, build/<Name>.bin   one pair per deployable contract
//   build/combined.json                        solc --combined-json style, read by abigen
// Output is deterministic: sources are named by their path relative to contracts/src,
// keys are sorted, and nothing machine-specific is recorded.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const root = __dirname;
const srcDir = path.join(root, 'src');
const buildDir = path.join(root, 'build');

function walk(dir) {
  let out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out = out.concat(walk(p));
    else if (e.name.endsWith('.sol')) out.push(p);
  }
  return out;
}

const sources = {};
for (const f of walk(srcDir)) {
  sources[path.relative(srcDir, f).split(path.sep).join('/')] = { content: fs.readFileSync(f, 'utf8') };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    // cancun runs on every chain this SDK targets (geth 1.17 dev chains, the
    // simulated backend, L2 testnets); nothing here needs a newer opcode.
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    viaIR: true,
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};

function findImports(p) {
  const f = path.join(srcDir, p);
  if (fs.existsSync(f)) return { contents: fs.readFileSync(f, 'utf8') };
  return { error: 'not found: ' + p };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
let failed = false;
for (const e of output.errors || []) {
  if (e.severity === 'error') failed = true;
  process.stderr.write(e.formattedMessage + '\n');
}
if (failed) process.exit(1);

fs.mkdirSync(buildDir, { recursive: true });
for (const f of fs.readdirSync(buildDir)) {
  if (f.endsWith('.abi.json') || f.endsWith('.bin') || f === 'combined.json') fs.unlinkSync(path.join(buildDir, f));
}

const combined = { contracts: {}, version: solc.version() };
const sizes = [];
for (const file of Object.keys(output.contracts).sort()) {
  for (const name of Object.keys(output.contracts[file]).sort()) {
    const c = output.contracts[file][name];
    const bin = c.evm.bytecode.object;
    // Interfaces have no code; libraries of internal functions have an empty
    // ABI and nothing to deploy or bind.
    if (!bin || c.abi.length === 0) continue;
    fs.writeFileSync(path.join(buildDir, name + '.abi.json'), JSON.stringify(c.abi, null, 2) + '\n');
    fs.writeFileSync(path.join(buildDir, name + '.bin'), bin + '\n');
    combined.contracts[file + ':' + name] = { abi: c.abi, bin: bin };
    const runtime = c.evm.deployedBytecode.object.length / 2;
    sizes.push(`${name}: ${runtime} bytes runtime`);
    if (runtime > 24576) {
      process.stderr.write(`error: ${name} runtime code is ${runtime} bytes, over the 24576-byte limit\n`);
      failed = true;
    }
  }
}
fs.writeFileSync(path.join(buildDir, 'combined.json'), JSON.stringify(combined, null, 1) + '\n');
process.stderr.write(sizes.join('\n') + '\n');
if (failed) process.exit(1);
