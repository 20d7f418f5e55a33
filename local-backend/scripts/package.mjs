#!/usr/bin/env node
/**
 * The author's zip: `agentic-writer-local-backend/` holding the bundled server.js, the shell
 * scripts (mode 755), the docs and a package.json that pins server.js as CommonJS. Usage: node local-backend/scripts/package.mjs [out.zip]
 * (default: dist/agentic-writer-local-backend.zip at the repo root). Rebuilds server.js first.
 */

import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ZipArchive } from 'archiver';

const root = fileURLToPath( new URL( '..', import.meta.url ) );
const out = resolve( process.argv[ 2 ] ?? resolve( root, '..', 'dist', 'agentic-writer-local-backend.zip' ) );
const FOLDER = 'agentic-writer-local-backend';

execFileSync( process.execPath, [ resolve( root, 'scripts', 'bundle.mjs' ) ], { stdio: 'inherit' } );

const files = [
	{ from: 'dist/server.js', name: 'server.js', mode: 0o644 },
	{ from: 'package-files/start.sh', name: 'start.sh', mode: 0o755 },
	{ from: 'package-files/stop.sh', name: 'stop.sh', mode: 0o755 },
	{ from: 'package-files/test-connection.sh', name: 'test-connection.sh', mode: 0o755 },
	{ from: 'package-files/get-local-ip.sh', name: 'get-local-ip.sh', mode: 0o755 },
	{ from: 'README.md', name: 'README.md', mode: 0o644 },
	{ from: 'TROUBLESHOOTING.md', name: 'TROUBLESHOOTING.md', mode: 0o644 },
];

// server.js is CommonJS; this keeps it so even when the folder is unpacked inside an ESM project.
const manifest = {
	name: 'agentic-writer-local-backend',
	version: JSON.parse( readFileSync( resolve( root, 'package.json' ), 'utf8' ) ).version,
	private: true,
	description: 'The Claude Code CLI on this machine as an Anthropic- and OpenAI-compatible endpoint for Agentic Writer. Run ./start.sh',
	type: 'commonjs',
	engines: { node: '>=20' },
	scripts: { start: 'node server.js' },
};

mkdirSync( dirname( out ), { recursive: true } );
const output = createWriteStream( out );
const archive = new ZipArchive( { zlib: { level: 9 } } );
const done = new Promise( ( resolveDone, reject ) => {
	output.on( 'close', resolveDone );
	archive.on( 'error', reject );
	archive.on( 'warning', reject );
} );
archive.pipe( output );
// A fixed date keeps the zip the same for the same inputs.
const date = new Date( '2025-01-01T00:00:00Z' );
for ( const file of files ) {
	const path = resolve( root, file.from );
	statSync( path );
	archive.append( readFileSync( path ), { name: `${ FOLDER }/${ file.name }`, mode: file.mode, date } );
}
archive.append( `${ JSON.stringify( manifest, null, '\t' ) }\n`, { name: `${ FOLDER }/package.json`, mode: 0o644, date } );
await archive.finalize();
await done;
process.stdout.write( `local-backend: ${ out } (${ Math.round( statSync( out ).size / 1024 ) } KiB)\n` );
