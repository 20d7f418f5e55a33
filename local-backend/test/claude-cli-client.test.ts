/**
 * The `claude` CLI itself as a client: pointed at the backend with ANTHROPIC_BASE_URL it
 * must work unchanged (it streams, sends its own system prompt, tools and beta query).
 * Also the CLI-side failures a person meets first: not logged in, CLI missing.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { execa } from 'execa';

import type { RunningBackend } from '../src/index.ts';
import { CLAUDE_BIN, cliChildren, KEY, type MockUpstream, offlineCliEnv, postJson, removeHomes, startMockUpstream, startTestBackend, waitFor } from './helpers.ts';

let mock: MockUpstream;
let backend: RunningBackend;

before( async () => {
	mock = await startMockUpstream();
	backend = await startTestBackend( mock.url, { pool: 1 } );
} );

after( async () => {
	await backend?.stop();
	await mock?.close();
	removeHomes();
} );

describe( 'the claude CLI as a client of the backend', () => {
	for ( const tools of [ 'no tools', 'default tools' ] ) {
		test( `claude -p with ${ tools } gets its answer through the backend`, async () => {
			const args = [ '-p', 'Hello backend', '--output-format', 'json', '--no-session-persistence', '--model', 'sonnet' ];
			if ( tools === 'no tools' ) {
				args.push( '--tools', '' );
			}
			const result = await execa( CLAUDE_BIN, args, {
				env: offlineCliEnv( backend.url, { ANTHROPIC_API_KEY: KEY, CLAUDE_CODE_MAX_RETRIES: '0' } ),
				extendEnv: false,
				reject: false,
				timeout: 60_000,
				stdin: 'ignore',
			} );
			assert.equal( result.exitCode, 0, `claude exited 0; stdout: ${ String( result.stdout ).slice( 0, 500 ) } stderr: ${ String( result.stderr ).slice( 0, 500 ) }` );
			const parsed = JSON.parse( String( result.stdout ) ) as { is_error: boolean; result: string; usage: { output_tokens: number } };
			assert.equal( parsed.is_error, false );
			assert.match( parsed.result, /Mock reply from claude-sonnet-5/ );
			assert.ok( parsed.usage.output_tokens > 0, 'usage reached the outer CLI' );
		} );
	}
} );

describe( 'CLI-side failures', () => {
	test( 'CLI not logged in → 401 with what to do', async () => {
		const env = offlineCliEnv( mock.url );
		delete env.ANTHROPIC_API_KEY;
		const lonely = await startTestBackend( mock.url, { pool: 0, env } );
		try {
			const ping = ( await ( await fetch( `${ lonely.url }/ping`, { headers: { 'x-api-key': KEY } } ) ).json() ) as { status: string; drivers: { logged_in: boolean }[] };
			assert.equal( ping.drivers[ 0 ]?.logged_in, false );
			assert.equal( ping.status, 'degraded' );
			const res = await postJson( `${ lonely.url }/v1/messages`, { model: 'sonnet', max_tokens: 10, messages: [ { role: 'user', content: 'hi' } ] } );
			assert.equal( res.status, 401 );
			const body = ( await res.json() ) as { error: { type: string; message: string } };
			assert.equal( body.error.type, 'authentication_error' );
			assert.match( body.error.message, /claude is not logged in on this machine: run `claude` once and \/login/ );
		} finally {
			await lonely.stop();
		}
	} );

	test( 'CLI missing → 503 naming AW_CLAUDE_BIN; /ping says so', async () => {
		const missing = await startTestBackend( mock.url, { pool: 0, bin: '/nonexistent/claude' } );
		try {
			const ping = ( await ( await fetch( `${ missing.url }/ping`, { headers: { 'x-api-key': KEY } } ) ).json() ) as { status: string; drivers: { version: string | null; ready: boolean; error: string }[] };
			assert.equal( ping.status, 'degraded' );
			assert.equal( ping.drivers[ 0 ]?.ready, false );
			assert.match( ping.drivers[ 0 ]?.error ?? '', /AW_CLAUDE_BIN/ );
			const res = await postJson( `${ missing.url }/v1/chat/completions`, { model: 'sonnet', messages: [ { role: 'user', content: 'hi' } ] } );
			assert.equal( res.status, 503 );
			const body = ( await res.json() ) as { error: { message: string } };
			assert.match( body.error.message, /could not be started from "\/nonexistent\/claude".*AW_CLAUDE_BIN/ );
		} finally {
			await missing.stop();
		}
	} );

	test( 'no CLI process outlives a stopped backend', async () => {
		const pooled = await startTestBackend( mock.url, { pool: 2 } );
		await waitFor( () => pooled.poolStats(), ( p ) => p.ready === 2, 15_000 );
		assert.ok( cliChildren().length >= 2, 'the pool processes are running' );
		await backend.stop();
		await pooled.stop();
		const left = await waitFor( () => cliChildren(), ( pids ) => pids.length === 0, 3000 );
		assert.deepEqual( left, [] );
	} );
} );
