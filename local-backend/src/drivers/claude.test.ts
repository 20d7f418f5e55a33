import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { asPlainText, ClaudeDriver, childEnv, cliArgs, isLocalUpstream } from './claude.ts';
import { driverContract } from './driver-contract.ts';
import { DriverError } from './types.ts';

const STUB = join( dirname( fileURLToPath( import.meta.url ) ), '..', '..', 'test', 'fixtures', 'stub-claude.mjs' );

async function stubDriver( options: { stallMs?: number; timeoutMs?: number; poolSize?: number } = {} ): Promise<ClaudeDriver> {
	const driver = new ClaudeDriver( { bin: STUB, poolSize: options.poolSize ?? 1, timeoutMs: options.timeoutMs ?? 30_000, stallMs: options.stallMs ?? 30_000, env: { PATH: process.env.PATH } } );
	await driver.start();
	return driver;
}

driverContract( 'claude (stand-in CLI)', () => stubDriver(), 'Hello [[stub:hang]]' );

test( 'the CLI runs with tools off, no session persistence, stream-json both ways', () => {
	const args = cliArgs( 'opus' );
	assert.deepEqual( args.slice( args.indexOf( '--tools' ), args.indexOf( '--tools' ) + 2 ), [ '--tools', '' ] );
	assert.ok( args.includes( '--no-session-persistence' ) );
	assert.equal( args[ args.indexOf( '--input-format' ) + 1 ], 'stream-json' );
	assert.equal( args[ args.indexOf( '--model' ) + 1 ], 'opus' );
} );

test( 'the CLI is locked down: safe mode, no MCP, no settings files, no slash commands, never asks', () => {
	const args = cliArgs( 'sonnet' );
	const after = ( flag: string ) => args[ args.indexOf( flag ) + 1 ];
	assert.ok( args.includes( '--safe-mode' ) );
	assert.ok( ! args.includes( '--bare' ), 'not --bare: it would refuse a claude.ai login' );
	assert.ok( args.includes( '--strict-mcp-config' ) );
	assert.deepEqual( JSON.parse( after( '--mcp-config' )! ), { mcpServers: {} } );
	assert.equal( after( '--setting-sources' ), '' );
	assert.ok( args.includes( '--disable-slash-commands' ) );
	assert.equal( after( '--permission-mode' ), 'dontAsk' );
} );

test( '@file mentions are never expanded, even when the environment says otherwise', () => {
	assert.equal( childEnv( { CLAUDE_CODE_DISABLE_ATTACHMENTS: '0' }, 1000 ).CLAUDE_CODE_DISABLE_ATTACHMENTS, '1' );
} );

test( 'a prompt starting with / gets one leading space; any other goes as written', () => {
	assert.equal( asPlainText( '/context' ), ' /context' );
	assert.equal( asPlainText( '/awcmd do it\nnow' ), ' /awcmd do it\nnow' );
	for ( const same of [ 'Hello', ' /already spaced', '<conversation_history>\n/x', '', 'a/b' ] ) {
		assert.equal( asPlainText( same ), same );
	}
} );

test( 'children get bounded retries and no thinking unless the user chose otherwise', () => {
	const env = childEnv( { PATH: '/bin', CLAUDE_CODE_MAX_RETRIES: '3' }, 5000 );
	assert.equal( env.CLAUDE_CODE_MAX_RETRIES, '3' );
	assert.equal( env.MAX_THINKING_TOKENS, '0' );
	assert.equal( env.API_TIMEOUT_MS, '5000' );
	assert.equal( childEnv( {}, 1000 ).CLAUDE_CODE_MAX_RETRIES, '0' );
} );

test( 'cost kind: loopback and LAN upstreams are local', () => {
	assert.equal( isLocalUpstream( 'http://127.0.0.1:8090' ), true );
	assert.equal( isLocalUpstream( 'http://192.168.1.20:4000' ), true );
	assert.equal( isLocalUpstream( 'http://[::1]:80' ), true );
	assert.equal( isLocalUpstream( 'https://api.anthropic.com' ), false );
	assert.equal( isLocalUpstream( undefined ), false );
} );

test( 'a silent CLI is stopped at the stall limit with a timeout error', async () => {
	const driver = await stubDriver( { stallMs: 500, poolSize: 0 } );
	try {
		const started = Date.now();
		await assert.rejects(
			async () => {
				for await ( const _ of driver.generate( { model: 'sonnet', system: '', prompt: 'x [[stub:hang]]', signal: AbortSignal.timeout( 20_000 ) } ) ) {
					// Nothing comes.
				}
			},
			( e: unknown ) => e instanceof DriverError && e.kind === 'timeout'
		);
		// The stub acknowledges the request, then stays silent: the 500 ms stall limit applies.
		assert.ok( Date.now() - started >= 500 );
	} finally {
		await driver.close();
	}
} );

test( 'AW_BACKEND_TIMEOUT_MS ends a request and kills the child', async () => {
	const driver = await stubDriver( { timeoutMs: 1000, poolSize: 0 } );
	try {
		const started = Date.now();
		await assert.rejects(
			async () => {
				for await ( const _ of driver.generate( { model: 'sonnet', system: '', prompt: 'x [[stub:hang]]', signal: new AbortController().signal } ) ) {
					// Nothing comes.
				}
			},
			( e: unknown ) => e instanceof DriverError && e.kind === 'timeout' && /AW_BACKEND_TIMEOUT_MS/.test( e.message )
		);
		assert.ok( Date.now() - started < 5000 );
	} finally {
		await driver.close();
	}
} );
