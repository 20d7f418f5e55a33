import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, beforeEach, describe, it } from 'node:test';

import { type MockUpstream, startMockUpstream } from './index.ts';

const anthropicBody = { model: 'claude-mock', max_tokens: 100, messages: [ { role: 'user', content: 'hello' } ] };
const openaiBody = { model: 'gpt-4o', messages: [ { role: 'user', content: 'hello' } ] };

async function call(
	base: string,
	path: string,
	init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}
): Promise<{ status: number; headers: Headers; json: unknown }> {
	const response = await fetch( `${ base }${ path }`, {
		method: init.method ?? ( init.body === undefined ? 'GET' : 'POST' ),
		headers: { 'content-type': 'application/json', ...init.headers },
		body: init.body === undefined ? undefined : JSON.stringify( init.body ),
		signal: AbortSignal.timeout( 5_000 ),
	} );
	const text = await response.text();
	return { status: response.status, headers: response.headers, json: text === '' ? null : ( JSON.parse( text ) as unknown ) };
}

describe( 'control API', () => {
	let mock: MockUpstream;
	before( async () => {
		mock = await startMockUpstream();
	} );
	after( () => mock.close() );
	beforeEach( () => mock.reset() );

	const key = { 'x-api-key': 'sk-secret-9876' };

	it( 'queues a directive for the next matching requests only', async () => {
		const queued = await call( mock.url, '/__mock/script', { body: { path: '/v1/messages', times: 2, directive: 'status=503' } } );
		assert.equal( queued.status, 200 );

		assert.equal( ( await call( mock.url, '/v1/chat/completions', { headers: key, body: openaiBody } ) ).status, 200 );
		assert.equal( ( await call( mock.url, '/v1/messages?beta=true', { headers: key, body: anthropicBody } ) ).status, 503 );
		const second = await call( mock.url, '/v1/messages', { headers: key, body: anthropicBody } );
		assert.equal( second.status, 503 );
		assert.deepEqual( ( second.json as { error: { type: string } } ).error.type, 'api_error' );
		assert.equal( ( await call( mock.url, '/v1/messages', { headers: key, body: anthropicBody } ) ).status, 200 );
	} );

	it( 'applies a script without path to any request, including under /api/v1', async () => {
		await call( mock.url, '/__mock/script', { body: { directive: 'status=429,retry_after=4' } } );
		const limited = await call( mock.url, '/api/v1/chat/completions', {
			headers: { authorization: 'Bearer sk-or' },
			body: { ...openaiBody, model: 'openai/gpt-4o' },
		} );
		assert.equal( limited.status, 429 );
		assert.equal( limited.headers.get( 'retry-after' ), '4' );
		assert.equal( ( limited.json as { error: { type: string } } ).error.type, 'rate_limit_error' );
	} );

	it( 'scripts from index.ts work the same way', async () => {
		mock.script( 'status=500', { path: '/v1/chat/completions' } );
		assert.equal( ( await call( mock.url, '/v1/chat/completions', { headers: key, body: openaiBody } ) ).status, 500 );
		assert.equal( ( await call( mock.url, '/v1/chat/completions', { headers: key, body: openaiBody } ) ).status, 200 );
	} );

	it( 'refuses a bad script', async () => {
		assert.equal( ( await call( mock.url, '/__mock/script', { body: { directive: 'stauts=1' } } ) ).status, 400 );
		assert.equal( ( await call( mock.url, '/__mock/script', { body: { times: 1 } } ) ).status, 400 );
		assert.equal( ( await call( mock.url, '/__mock/script', { body: { directive: 'hang', times: 0 } } ) ).status, 400 );
	} );

	it( 'logs requests, most recent last, with bodies and masked keys', async () => {
		await call( mock.url, '/v1/messages', { headers: key, body: anthropicBody } );
		await call( mock.url, '/api/v1/chat/completions', {
			headers: { authorization: 'Bearer sk-or-5555' },
			body: { ...openaiBody, model: 'openai/gpt-4o' },
		} );
		const log = ( await call( mock.url, '/__mock/requests' ) ).json as Array<{
			method: string;
			path: string;
			headers: Record<string, string>;
			body: unknown;
			at: string;
		}>;
		assert.deepEqual(
			log.map( ( entry ) => `${ entry.method } ${ entry.path }` ),
			[ 'POST /v1/messages', 'POST /api/v1/chat/completions' ]
		);
		assert.equal( log[ 0 ]?.headers[ 'x-api-key' ], '…9876' );
		assert.equal( log[ 1 ]?.headers.authorization, '…5555' );
		assert.deepEqual( log[ 0 ]?.body, anthropicBody );
		assert.ok( ! Number.isNaN( Date.parse( log[ 0 ]?.at ?? '' ) ) );
		assert.equal( mock.requests.length, 2 );
	} );

	it( 'reset clears the queue and the log', async () => {
		await call( mock.url, '/__mock/script', { body: { directive: 'status=500', times: 5 } } );
		await call( mock.url, '/v1/messages', { headers: key, body: anthropicBody } );
		assert.equal( ( await call( mock.url, '/__mock/reset', { body: {} } ) ).status, 200 );
		assert.deepEqual( ( await call( mock.url, '/__mock/requests' ) ).json, [] );
		assert.equal( ( await call( mock.url, '/v1/messages', { headers: key, body: anthropicBody } ) ).status, 200 );
	} );
} );

describe( 'auth', () => {
	let open: MockUpstream;
	let locked: MockUpstream;
	before( async () => {
		open = await startMockUpstream();
		locked = await startMockUpstream( { apiKey: 'sk-the-right-one' } );
	} );
	after( () => Promise.all( [ open.close(), locked.close() ] ) );

	it( 'answers HEAD / and GET / without a key', async () => {
		assert.equal( ( await call( open.url, '/', { method: 'HEAD' } ) ).status, 200 );
		assert.equal( ( await call( open.url, '/' ) ).status, 200 );
		assert.equal( ( await call( open.url, '/api/v1/models' ) ).status, 200 );
	} );

	it( 'refuses a missing key with 401 in each API’s shape', async () => {
		const anthropic = await call( open.url, '/v1/messages', { body: anthropicBody } );
		assert.equal( anthropic.status, 401 );
		assert.deepEqual( ( anthropic.json as { type: string; error: { type: string } } ).error.type, 'authentication_error' );
		const openai = await call( open.url, '/v1/chat/completions', { body: openaiBody } );
		assert.equal( openai.status, 401 );
		assert.equal( ( openai.json as { error: { code: string } } ).error.code, 'invalid_api_key' );
	} );

	it( 'refuses keys starting with "invalid", by either header, without consuming a script', async () => {
		open.script( 'status=500' );
		assert.equal( ( await call( open.url, '/v1/messages', { headers: { 'x-api-key': 'invalid-key' }, body: anthropicBody } ) ).status, 401 );
		assert.equal(
			( await call( open.url, '/v1/chat/completions', { headers: { authorization: 'Bearer invalid' }, body: openaiBody } ) ).status,
			401
		);
		assert.equal( ( await call( open.url, '/v1/models', { headers: { authorization: 'Bearer invalid-1' } } ) ).status, 401 );
		assert.equal( ( await call( open.url, '/v1/messages', { headers: { 'x-api-key': 'good' }, body: anthropicBody } ) ).status, 500 );
	} );

	it( 'checks a key at OpenRouter’s /api/v1/key', async () => {
		assert.equal( ( await call( open.url, '/api/v1/key' ) ).status, 401 );
		const ok = await call( open.url, '/api/v1/key', { headers: { authorization: 'Bearer sk-or-1' } } );
		assert.equal( ok.status, 200 );
		assert.equal( ( ok.json as { data: { label: string } } ).data.label, 'mock key' );
	} );

	it( 'with apiKey set, accepts only that key', async () => {
		assert.equal( ( await call( locked.url, '/v1/messages', { headers: { 'x-api-key': 'sk-other' }, body: anthropicBody } ) ).status, 401 );
		assert.equal(
			( await call( locked.url, '/v1/messages', { headers: { 'x-api-key': 'sk-the-right-one' }, body: anthropicBody } ) ).status,
			200
		);
		assert.equal(
			( await call( locked.url, '/api/v1/chat/completions', {
				headers: { authorization: 'Bearer sk-the-right-one' },
				body: { ...openaiBody, model: 'openai/gpt-4o' },
			} ) ).status,
			200
		);
	} );
} );

describe( 'cli.ts', () => {
	it( 'prints its URL, serves, and exits cleanly on SIGTERM', async () => {
		const cli = fileURLToPath( new URL( './cli.ts', import.meta.url ) );
		const child = spawn( process.execPath, [ '--import', 'tsx', cli, '--port', '0', '--api-key', 'sk-cli' ], {
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		const killer = setTimeout( () => child.kill( 'SIGKILL' ), 15_000 );
		try {
			let stdout = '';
			const line = await new Promise<string>( ( resolve, reject ) => {
				child.stdout.on( 'data', ( data: Buffer ) => {
					stdout += data.toString();
					if ( stdout.includes( '\n' ) ) {
						resolve( stdout.split( '\n' )[ 0 ]! );
					}
				} );
				child.once( 'exit', ( code ) => reject( new Error( `cli exited early with ${ code }` ) ) );
			} );
			const match = /^mock upstream listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec( line );
			assert.ok( match, line );
			const url = match[ 1 ]!;
			assert.equal( ( await call( url, '/v1/messages', { headers: { 'x-api-key': 'sk-cli' }, body: anthropicBody } ) ).status, 200 );
			assert.equal( ( await call( url, '/v1/messages', { headers: { 'x-api-key': 'sk-nope' }, body: anthropicBody } ) ).status, 401 );
			const exited = once( child, 'exit' );
			child.kill( 'SIGTERM' );
			const [ code ] = await exited;
			assert.equal( code, 0 );
		} finally {
			clearTimeout( killer );
			if ( child.exitCode === null && child.signalCode === null ) {
				child.kill( 'SIGKILL' );
			}
		}
	} );
} );
