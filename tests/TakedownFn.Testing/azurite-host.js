// Runs Azurite as a child process and stops it as soon as the process that started us goes away:
// that process keeps our stdin open, so its exit (even a crash) closes stdin and ends Azurite.
// Nothing is ever left running after a test run.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const [repoRoot, ...azuriteArgs] = process.argv.slice(2);
const entry = path.join(repoRoot, 'node_modules', 'azurite', 'dist', 'src', 'azurite.js');
// AZURITE_CPU_PROF_DIR=dir writes a V8 CPU profile of Azurite there when it stops (where its time goes).
const profile = process.env.AZURITE_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.AZURITE_CPU_PROF_DIR}`] : [];
// Azurite 3.37.0 refuses service versions above 2026-06-06; the Queues and Blobs SDKs send
// 2026-10-06 by default, which production keeps, so the emulator skips its version check.
const versionCheck = azuriteArgs.includes('--skipApiVersionCheck') ? [] : ['--skipApiVersionCheck'];
const child = spawn(process.execPath, [...profile, entry, ...azuriteArgs, ...versionCheck], { stdio: ['ignore', 'inherit', 'inherit'] });

const stop = () => { if (child.exitCode === null) child.kill('SIGTERM'); };
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
