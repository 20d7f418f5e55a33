/**
 * What a web page (or anyone who is not the key holder) can get from a running backend:
 * `/ping` says only that it is alive without the key; requests a browser could send — a
 * non-JSON body, a foreign Origin, a Host that is not this machine (DNS rebinding) — are
 * refused even by a backend without a key; slow headers and bodies time out; a body over the
 * limit is refused before it is read whole. Fast: the stand-in CLI, except where a real
 * stream must outlive the request timeout.
 */

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { connect } from 'node:net';

import { loadConfig } from '../src/config.ts';
import { type RunningBackend, startBackend } from '../src/index.ts';
import { KEY, type MockUpstream, offlineCliEnv, postJson, removeHomes, STUB_CLI, startMockUpstream, startTestBackend } from './helpers.ts';

let mock: MockUpstream;
let keyed: RunningBackend;
let open: RunningBackend;

async function startOpen( overrides: Record<string, string> = {} ): Promise<RunningBackend> {
	const config = loadConfig( {
		AW_BACKEND_PORT: '0',
		AW_BACKEND_API_KEY: '',
		AW_CLAUDE_BIN: STUB_CLI,
		AW_BACKEND_POOL: '0',
		AW_BACKEND_BODY_LIMIT: '64kb',
		...overrides,
	} );
	return startBackend( config, { PATH: process.env.PATH } );
}

before( async () => {
	mock = await startMockUpstream();
	keyed = await startTestBackend( mock.url, { pool: 0, bin: STUB_CLI, bodyLimit: '64kb', env: { PATH: process.env.PATH } } );
	open = await startOpen();
} );

after( async () => {
	await keyed?.stop();
	await open?.stop();
	await mock?.close();
	removeHomes();
} );

interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** node:http, so Host and Origin can be anything (fetch would not let a test set Host). */
function raw( base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {} ): Promise<RawResponse> {
	const url = new URL( base );
	return new Promise( ( resolve, reject ) => {
		const req = request( { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers ?? {}, timeout: 10_000 }, ( res ) => {
			let body = '';
			res.setEncoding( 'utf8' );
			res.on( 'data', ( c: string ) => ( body += c ) );
			res.on( 'end', () => resolve( { status: res.statusCode ?? 0, headers: res.headers, body } ) );
		} );
		req.on( 'timeout', () => req.destroy( new Error( 'no answer in 10 s' ) ) );
		req.on( 'error', reject );
		req.end( options.body );
	} );
}

const hello = JSON.stringify( { model: 'sonnet', max_tokens: 10, messages: [ { role: 'user', content: 'hi' } ] } );
const json = { 'content-type': 'application/json' };

describe( '/ping', () => {
	test( 'without the key: alive and its version, nothing else', async () => {
		for ( const headers of [ {}, { 'x-api-key': 'wrong' }, { authorization: 'Bearer wrong' } ] as Record<string, string>[] ) {
			const res = await fetch( `${ keyed.url }/ping`, { headers } );
			assert.equal( res.status, 200 );
			const body = ( await res.json() ) as Record<string, unknown>;
			assert.deepEqual( Object.keys( body ).sort(), [ 'status', 'version' ] );
			assert.equal( body.status, 'ok' );
			assert.match( String( body.version ), /^\d+\.\d+\.\d+/ );
		}
	} );

	test( 'with the key (x-api-key or Bearer): drivers, pool and queue', async () => {
		for ( const headers of [ { 'x-api-key': KEY }, { authorization: `Bearer ${ KEY }` } ] as Record<string, string>[] ) {
			const body = ( await ( await fetch( `${ keyed.url }/ping`, { headers } ) ).json() ) as { drivers: { name: string; path: string; auth_method: string }[]; pool: unknown; queue: unknown };
			assert.equal( body.drivers[ 0 ]?.name, 'claude' );
			assert.equal( body.drivers[ 0 ]?.path, STUB_CLI );
			assert.equal( body.drivers[ 0 ]?.auth_method, 'api_key' );
			assert.ok( body.pool && body.queue );
		}
	} );

	test( 'a backend without a key (loopback only) shows the details to its own machine', async () => {
		const body = ( await ( await fetch( `${ open.url }/ping` ) ).json() ) as { drivers?: { name: string }[] };
		assert.deepEqual( body.drivers?.map( ( d ) => d.name ), [ 'claude', 'codex', 'gemini' ], 'every engine looked for' );
	} );
} );

describe( 'requests a web page could send', () => {
	for ( const [ name, backend, headers ] of [
		[ 'with a key', () => keyed, { 'x-api-key': KEY } ],
		[ 'without a key', () => open, {} ],
	] as const ) {
		test( `${ name }: a POST that is not application/json → 415`, async () => {
			for ( const type of [ 'text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined ] ) {
				for ( const path of [ '/v1/messages', '/v1/chat/completions' ] ) {
					const res = await raw( backend().url, path, { method: 'POST', headers: { ...headers, ...( type ? { 'content-type': type } : {} ) }, body: hello } );
					assert.equal( res.status, 415, `${ path } ${ type ?? '(no content type)' }: ${ res.body }` );
					assert.match( res.body, /application\/json/ );
				}
			}
			const latin1 = await raw( backend().url, '/v1/messages', { method: 'POST', headers: { ...headers, 'content-type': 'application/json; charset=latin1' }, body: hello } );
			assert.equal( latin1.status, 415 );
			const gzip = await raw( backend().url, '/v1/messages', { method: 'POST', headers: { ...headers, ...json, 'content-encoding': 'gzip' }, body: hello } );
			assert.equal( gzip.status, 415 );
		} );

		test( `${ name }: JSON with its charset or a +json type is fine`, async () => {
			for ( const type of [ 'application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"', 'application/vnd.api+json' ] ) {
				const res = await raw( backend().url, '/v1/messages', { method: 'POST', headers: { ...headers, 'content-type': type }, body: hello } );
				assert.equal( res.status, 200, `${ type }: ${ res.body }` );
			}
		} );

		test( `${ name }: a foreign Origin → 403 on every route; no Origin or its own is fine`, async () => {
			const port = new URL( backend().url ).port;
			for ( const origin of [ 'http://evil.example', `http://evil.example:${ port }`, 'null', `http://localhost:${ Number( port ) + 1 }`, `https://127.0.0.1:${ port }` ] ) {
				for ( const [ method, path ] of [ [ 'POST', '/v1/messages' ], [ 'GET', '/ping' ], [ 'GET', '/v1/models' ], [ 'HEAD', '/' ] ] as const ) {
					const res = await raw( backend().url, path, { method, headers: { ...headers, ...json, origin }, body: method === 'POST' ? hello : undefined } );
					assert.equal( res.status, 403, `${ method } ${ path } from ${ origin }` );
				}
			}
			const own = await raw( backend().url, '/v1/messages', { method: 'POST', headers: { ...headers, ...json, origin: `http://127.0.0.1:${ port }` }, body: hello } );
			assert.equal( own.status, 200 );
			const none = await raw( backend().url, '/v1/messages', { method: 'POST', headers: { ...headers, ...json }, body: hello } );
			assert.equal( none.status, 200 );
		} );

		test( `${ name }: a cross-site fetch without Origin (Sec-Fetch-Site) → 403`, async () => {
			const res = await raw( backend().url, '/ping', { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } } );
			assert.equal( res.status, 403 );
			const same = await raw( backend().url, '/ping', { headers: { 'sec-fetch-site': 'none' } } );
			assert.equal( same.status, 200 );
		} );

		test( `${ name }: a Host that is not this machine (DNS rebinding) → 403`, async () => {
			const port = new URL( backend().url ).port;
			for ( const host of [ `evil.example:${ port }`, 'evil.example', `0.0.0.0:${ port }`, `192.168.1.5:${ port }`, `localhost.evil.example:${ port }`, `127.0.0.1.evil.example:${ port }` ] ) {
				for ( const [ method, path ] of [ [ 'POST', '/v1/messages' ], [ 'GET', '/ping' ], [ 'HEAD', '/' ] ] as const ) {
					const res = await raw( backend().url, path, { method, headers: { ...headers, ...json, host }, body: method === 'POST' ? hello : undefined } );
					assert.equal( res.status, 403, `${ method } ${ path } with Host ${ host }` );
				}
			}
			for ( const host of [ `127.0.0.1:${ port }`, `localhost:${ port }`, 'localhost', `LOCALHOST.:${ port }`, `127.0.0.2:${ port }`, `[::1]:${ port }` ] ) {
				const res = await raw( backend().url, '/v1/messages', { method: 'POST', headers: { ...headers, ...json, host }, body: hello } );
				assert.equal( res.status, 200, `Host ${ host }` );
			}
		} );
	}

	test( 'errors come in the API’s own shape', async () => {
		const anthropic = await raw( keyed.url, '/v1/messages', { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'text/plain' }, body: hello } );
		assert.deepEqual( Object.keys( ( JSON.parse( anthropic.body ) as { error: object } ).error ).sort(), [ 'message', 'type' ] );
		const openai = await raw( keyed.url, '/v1/chat/completions', { method: 'POST', headers: { 'x-api-key': KEY, ...json, origin: 'http://evil.example' }, body: hello } );
		assert.equal( ( JSON.parse( openai.body ) as { error: { code: string } } ).error.code, 'forbidden' );
	} );

	test( 'a LAN backend accepts any Host (its addresses are not known), but only with the key', async () => {
		const lan = await startTestBackend( mock.url, { pool: 0, bin: STUB_CLI, env: { PATH: process.env.PATH }, host: '0.0.0.0' } );
		try {
			const port = new URL( lan.url ).port;
			const withKey = await raw( lan.url, '/v1/messages', { method: 'POST', headers: { 'x-api-key': KEY, ...json, host: `my-laptop.local:${ port }` }, body: hello } );
			assert.equal( withKey.status, 200 );
			const withoutKey = await raw( lan.url, '/v1/messages', { method: 'POST', headers: { ...json, host: `my-laptop.local:${ port }` }, body: hello } );
			assert.equal( withoutKey.status, 401 );
			const foreign = await raw( lan.url, '/v1/messages', { method: 'POST', headers: { 'x-api-key': KEY, ...json, origin: 'http://evil.example' }, body: hello } );
			assert.equal( foreign.status, 403 );
			assert.throws( () => loadConfig( { AW_BACKEND_HOST: '0.0.0.0', AW_BACKEND_API_KEY: '' } ), /without an API key/ );
		} finally {
			await lan.stop();
		}
	} );
} );

describe( 'body limit', () => {
	test( 'a declared Content-Length over the limit → 413 at once, without waiting for the body', async () => {
		const started = Date.now();
		const res = await new Promise<{ status: number; body: string; connection: string | undefined }>( ( resolve, reject ) => {
			const url = new URL( keyed.url );
			const req = request( { host: url.hostname, port: url.port, path: '/v1/messages', method: 'POST', headers: { 'x-api-key': KEY, ...json, 'content-length': String( 10 * 1024 ** 3 ) } }, ( r ) => {
				let body = '';
				r.on( 'data', ( c: Buffer ) => ( body += c ) );
				r.on( 'end', () => resolve( { status: r.statusCode ?? 0, body, connection: r.headers.connection } ) );
			} );
			req.on( 'error', reject );
			req.write( '{"model":' ); // Then nothing more: 10 GB were promised.
			setTimeout( () => req.destroy( new Error( 'no answer in 5 s' ) ), 5000 ).unref();
		} );
		assert.equal( res.status, 413 );
		assert.match( res.body, /larger than the 65536 byte limit/ );
		assert.equal( res.connection, 'close' );
		assert.ok( Date.now() - started < 3000 );
	} );

	test( 'a chunked body that grows past the limit → 413 while it is still being sent', async () => {
		const url = new URL( keyed.url );
		const limit = 100 * 1024 * 1024;
		let written = 0;
		const status = await new Promise<number>( ( resolve, reject ) => {
			let answered = false;
			const req = request( { host: url.hostname, port: url.port, path: '/v1/chat/completions', method: 'POST', headers: { 'x-api-key': KEY, ...json, 'transfer-encoding': 'chunked' } }, ( r ) => {
				answered = true;
				r.resume();
				resolve( r.statusCode ?? 0 );
			} );
			req.on( 'error', ( e ) => ( answered ? undefined : reject( e ) ) );
			const chunk = Buffer.alloc( 64 * 1024, 0x20 );
			const pump = () => {
				while ( ! answered && written < limit ) {
					written += chunk.length;
					if ( ! req.write( chunk ) ) {
						req.once( 'drain', pump );
						return;
					}
				}
				if ( ! answered ) {
					req.end();
				}
			};
			req.write( '{"model":"sonnet","messages":[],"pad":"' );
			pump();
		} );
		assert.equal( status, 413 );
		assert.ok( written < limit / 4, `answered after ${ written } of ${ limit } bytes were sent` );
	} );

	test( 'a body within the limit is read and parsed as before', async () => {
		const res = await postJson( `${ keyed.url }/v1/messages`, { model: 'sonnet', max_tokens: 10, messages: [ { role: 'user', content: 'x'.repeat( 60 * 1024 ) } ] } );
		assert.equal( res.status, 200 );
		const bad = await postJson( `${ keyed.url }/v1/messages`, '[1,2' );
		assert.equal( bad.status, 400 );
		const scalar = await postJson( `${ keyed.url }/v1/messages`, '"just a string"' );
		assert.equal( scalar.status, 400 );
		const empty = await raw( keyed.url, '/v1/messages', { method: 'POST', headers: { 'x-api-key': KEY, ...json, 'content-length': '0' } } );
		assert.equal( empty.status, 400 );
		assert.match( empty.body, /model: Field required/ );
	} );
} );

describe( 'slow clients', () => {
	let slow: RunningBackend;

	before( async () => {
		slow = await startTestBackend( mock.url, { pool: 0, env: offlineCliEnv( mock.url ), headersTimeoutMs: 800, requestTimeoutMs: 1500 } );
	} );

	after( async () => {
		await slow?.stop();
	} );

	/** Sends `text` and waits for the server to answer or hang up. */
	function trickle( text: string ): Promise<{ answer: string; ms: number }> {
		const url = new URL( slow.url );
		const started = Date.now();
		return new Promise( ( resolve ) => {
			const socket = connect( Number( url.port ), url.hostname, () => socket.write( text ) );
			let answer = '';
			socket.on( 'data', ( c ) => ( answer += c ) );
			socket.on( 'error', () => {} );
			socket.on( 'close', () => resolve( { answer, ms: Date.now() - started } ) );
			setTimeout( () => socket.destroy(), 10_000 ).unref();
		} );
	}

	test( 'headers that never finish: 408 and closed at the header timeout', async () => {
		const { answer, ms } = await trickle( 'POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ' );
		assert.match( answer, /^HTTP\/1\.1 408/ );
		assert.ok( ms < 4000, `closed after ${ ms } ms` );
	} );

	test( 'a body that never finishes: 408 and closed at the request timeout', async () => {
		const { answer, ms } = await trickle( `POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${ KEY }\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"model":` );
		assert.match( answer, /^HTTP\/1\.1 408/ );
		assert.ok( ms >= 1400 && ms < 5000, `closed after ${ ms } ms` );
	} );

	test( 'a generation that streams for longer than the request timeout is not cut', async () => {
		const res = await postJson( `${ slow.url }/v1/messages`, { model: 'sonnet', max_tokens: 50, stream: true, messages: [ { role: 'user', content: 'slow [[mock:chunks=4,delay=800]]' } ] } );
		assert.equal( res.status, 200 );
		const text = await res.text();
		assert.match( text, /event: message_stop/ );
	} );

	test( 'the defaults bound headers and bodies', () => {
		assert.equal( keyed.server.headersTimeout, 15_000 );
		assert.equal( keyed.server.requestTimeout, 60_000 );
	} );
} );
