/**
 * The author's zip, unpacked in a temp dir with nothing else beside it, driven through
 * start.sh, test-connection.sh and stop.sh with the real claude CLI against the mock upstream.
 */

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';

import { execa } from 'execa';

import { BACKEND_DIR, CLAUDE_BIN, type MockUpstream, offlineCliEnv, removeHomes, startMockUpstream } from './helpers.ts';

let mock: MockUpstream;
let work: string;
let folder: string;
let port: number;
const marker = randomUUID();

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>( ( r ) => server.listen( 0, '127.0.0.1', r ) );
	const { port: p } = server.address() as { port: number };
	await new Promise( ( r ) => server.close( r ) );
	return p;
}

/** Processes (ours or orphaned) that carry this test's marker in their environment. */
function markedProcesses(): number[] {
	return readdirSync( '/proc' )
		.filter( ( e ) => /^\d+$/.test( e ) && Number( e ) !== process.pid )
		.filter( ( e ) => {
			try {
				return readFileSync( `/proc/${ e }/environ`, 'utf8' ).includes( `AW_TEST_MARKER=${ marker }` ) && readFileSync( `/proc/${ e }/cmdline`, 'utf8' ) !== '';
			} catch {
				return false;
			}
		} )
		.map( Number );
}

function env( extra: NodeJS.ProcessEnv = {} ): NodeJS.ProcessEnv {
	return {
		...offlineCliEnv( mock.url ),
		PATH: `${ dirname( CLAUDE_BIN ) }:${ dirname( process.execPath ) }:/usr/bin:/bin`,
		AW_BACKEND_POOL: '1',
		AW_TEST_MARKER: marker,
		...extra,
	};
}

const run = ( script: string, args: string[] = [], extra: NodeJS.ProcessEnv = {} ) =>
	execa( join( folder, script ), args, { cwd: folder, env: env( extra ), extendEnv: false, reject: false, timeout: 90_000, stdin: 'ignore' } );

before( async () => {
	mock = await startMockUpstream();
	work = mkdtempSync( join( tmpdir(), 'aw-lb-zip-' ) );
	const zip = join( work, 'agentic-writer-local-backend.zip' );
	await execa( process.execPath, [ join( BACKEND_DIR, 'scripts', 'package.mjs' ), zip ], { timeout: 60_000 } );
	await execa( 'unzip', [ '-q', zip, '-d', join( work, 'unpacked' ) ], { timeout: 30_000 } );
	folder = join( work, 'unpacked', 'agentic-writer-local-backend' );
	port = await freePort();
} );

after( async () => {
	if ( folder && existsSync( join( folder, 'backend.pid' ) ) ) {
		await run( 'stop.sh' );
	}
	await mock?.close();
	rmSync( work, { recursive: true, force: true } );
	removeHomes();
} );

test( 'the zip holds one folder with the server, the scripts (executable), the docs and a CommonJS manifest', () => {
	assert.deepEqual( readdirSync( folder ).sort(), [ 'README.md', 'TROUBLESHOOTING.md', 'get-local-ip.sh', 'package.json', 'server.js', 'start.sh', 'stop.sh', 'test-connection.sh' ] );
	assert.equal( JSON.parse( readFileSync( join( folder, 'package.json' ), 'utf8' ) ).type, 'commonjs' );
	for ( const script of [ 'start.sh', 'stop.sh', 'test-connection.sh', 'get-local-ip.sh' ] ) {
		assert.equal( statSync( join( folder, script ) ).mode & 0o777, 0o755, `${ script } keeps mode 755` );
	}
} );

test( 'start.sh refuses with an actionable message when no engine CLI is installed', async () => {
	const result = await run( 'start.sh', [ '--port', String( port ) ], { PATH: `${ dirname( process.execPath ) }:/usr/bin:/bin` } );
	assert.equal( result.exitCode, 1 );
	assert.match( String( result.stderr ), /No engine CLI was found.*npm install -g @anthropic-ai\/claude-code.*@openai\/codex.*@google\/gemini-cli.*AW_CLAUDE_BIN/s );
	assert.ok( ! existsSync( join( folder, 'backend.pid' ) ) );
} );

test( 'start.sh → test-connection.sh → stop.sh', async () => {
	const started = await run( 'start.sh', [ '--lan', '--port', String( port ) ] );
	assert.equal( started.exitCode, 0, `start.sh: ${ started.stdout } ${ started.stderr }` );
	const out = String( started.stdout );
	const key = readFileSync( join( folder, '.api-key' ), 'utf8' ).trim();
	assert.match( key, /^awlb-/ );
	assert.equal( statSync( join( folder, '.api-key' ) ).mode & 0o777, 0o600 );
	assert.ok( out.includes( `API key:  ${ key }` ), 'prints the key to paste' );
	assert.ok( out.includes( `http://127.0.0.1:${ port }` ), 'prints the loopback URL' );
	assert.match( out, new RegExp( `Base URL: http://\\d+\\.\\d+\\.\\d+\\.\\d+:${ port }\\s+\\(from other machines` ), '--lan prints the LAN URL' );
	const pid = Number( readFileSync( join( folder, 'backend.pid' ), 'utf8' ) );
	assert.ok( pid > 0 );
	assert.match( readFileSync( join( folder, 'backend.log' ), 'utf8' ), /listening on/ );

	const again = await run( 'start.sh', [ '--port', String( port ) ] );
	assert.match( String( again.stdout ), /already running \(pid \d+\)/ );

	const check = await run( 'test-connection.sh', [ `http://127.0.0.1:${ port }` ] );
	assert.equal( check.exitCode, 0, String( check.stdout ) );
	assert.match( String( check.stdout ), /claude CLI 2\.1\.197/ );
	assert.match( String( check.stdout ), /Test message answered .* by claude-haiku/ );
	assert.match( String( check.stdout ), /Connected!/ );

	const wrongKey = await run( 'test-connection.sh', [ `http://127.0.0.1:${ port }`, 'not-the-key' ] );
	assert.equal( wrongKey.exitCode, 1 );
	assert.match( String( wrongKey.stdout ), /API key was refused/ );

	assert.ok( markedProcesses().length >= 2, 'the server and its pool are running' );
	const stopped = await run( 'stop.sh' );
	assert.equal( stopped.exitCode, 0 );
	assert.match( String( stopped.stdout ), /stopped/ );
	assert.ok( ! existsSync( join( folder, 'backend.pid' ) ) );
	const until = Date.now() + 5000;
	while ( markedProcesses().length > 0 && Date.now() < until ) {
		await new Promise( ( r ) => setTimeout( r, 100 ) );
	}
	assert.deepEqual( markedProcesses(), [], 'no server or claude process is left' );

	const refused = await run( 'test-connection.sh', [ `http://127.0.0.1:${ port }` ] );
	assert.equal( refused.exitCode, 1 );
	assert.match( String( refused.stdout ), /Connection refused .* \.\/start\.sh/ );
} );
