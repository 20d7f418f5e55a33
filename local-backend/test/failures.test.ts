/**
 * Upstream failures through the real CLI map to the right status and error type, and no CLI
 * child survives its request: 429, 500, a hung upstream, a stream stalled or dropped
 * mid-way, a client that goes away, 20 requests at once against a concurrency of 4.
 */

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import type { RunningBackend } from '../src/index.ts';
import { cliChildren, type MockUpstream, postJson, removeHomes, startMockUpstream, startTestBackend, waitFor } from './helpers.ts';

let mock: MockUpstream;
let backend: RunningBackend;

before( async () => {
	mock = await startMockUpstream();
	backend = await startTestBackend( mock.url, { pool: 0, stallMs: 1500, concurrency: 4, queue: 4, keepAliveMs: 200 } );
} );

afterEach( async () => {
	const left = await waitFor( () => cliChildren(), ( pids ) => pids.length === 0, 3000 );
	assert.deepEqual( left, [], 'every CLI child is gone after its request' );
} );

after( async () => {
	await backend?.stop();
	await mock?.close();
	removeHomes();
} );

const ask = ( content: string, extra: Record<string, unknown> = {} ) => ( { model: 'sonnet', max_tokens: 50, messages: [ { role: 'user', content } ], ...extra } );

async function errorOf( res: Response ): Promise<{ type: string; message: string }> {
	const body = ( await res.json() ) as { error: { type: string; message: string } };
	return body.error;
}

/** The SSE body as [event, data] pairs. */
async function events( res: Response ): Promise<[ string, Record<string, unknown> ][]> {
	const text = await res.text();
	return text
		.split( '\n\n' )
		.filter( ( block ) => block.includes( 'data: ' ) )
		.map( ( block ) => {
			const event = /^event: (.*)$/m.exec( block )?.[ 1 ] ?? '';
			const data = /^data: (.*)$/m.exec( block )?.[ 1 ] ?? '{}';
			return [ event, data === '[DONE]' ? {} : ( JSON.parse( data ) as Record<string, unknown> ) ];
		} );
}

describe( 'upstream failures', () => {
	test( 'upstream 429 → 429 rate_limit_error', async () => {
		const res = await postJson( `${ backend.url }/v1/messages`, ask( 'limit me [[mock:status=429,retry_after=2]]' ) );
		assert.equal( res.status, 429 );
		const error = await errorOf( res );
		assert.equal( error.type, 'rate_limit_error' );
		assert.match( error.message, /rate limiting/ );
	} );

	test( 'upstream 500 → 500 api_error, in OpenAI’s shape on chat completions', async () => {
		const res = await postJson( `${ backend.url }/v1/chat/completions`, { model: 'sonnet', messages: [ { role: 'user', content: 'fail [[mock:status=500]]' } ] } );
		assert.equal( res.status, 500 );
		const error = await errorOf( res );
		assert.equal( error.type, 'server_error' );
		assert.match( error.message, /500/ );
	} );

	test( 'upstream 529 → 529 overloaded_error', async () => {
		const res = await postJson( `${ backend.url }/v1/messages`, ask( 'busy [[mock:status=529]]' ) );
		assert.equal( res.status, 529 );
		assert.equal( ( await errorOf( res ) ).type, 'overloaded_error' );
	} );

	test( 'upstream hangs → 504 timeout_error after the stall limit, child killed', async () => {
		const started = Date.now();
		const res = await postJson( `${ backend.url }/v1/messages`, ask( 'wait [[mock:hang]]' ) );
		assert.equal( res.status, 504 );
		const error = await errorOf( res );
		assert.equal( error.type, 'timeout_error' );
		assert.match( error.message, /no output for 1500 ms/ );
		assert.ok( Date.now() - started < 10_000 );
	} );

	test( 'stream stalls mid-way → an error event after the text so far', async () => {
		const res = await postJson( `${ backend.url }/v1/messages`, ask( 'stall [[mock:stall_after=2]]', { stream: true } ) );
		assert.equal( res.status, 200 );
		const list = await events( res );
		assert.equal( list[ 0 ]?.[ 0 ], 'message_start' );
		assert.ok( list.some( ( [ e ] ) => e === 'content_block_delta' ) );
		const last = list[ list.length - 1 ];
		assert.equal( last?.[ 0 ], 'error' );
		assert.equal( ( last?.[ 1 ].error as { type: string } ).type, 'timeout_error' );
		assert.ok( ! list.some( ( [ e ] ) => e === 'message_stop' ), 'a failed stream does not pretend to end well' );
	} );

	test( 'stream dropped mid-way → an error event, no duplicated text', async () => {
		const res = await postJson( `${ backend.url }/v1/messages`, ask( 'drop [[mock:drop_after=2]]', { stream: true } ) );
		assert.equal( res.status, 200 );
		const list = await events( res );
		const text = list
			.filter( ( [ e ] ) => e === 'content_block_delta' )
			.map( ( [ , d ] ) => ( d.delta as { text: string } ).text )
			.join( '' );
		assert.equal( text.split( 'Mock reply' ).length - 1, 1, 'the text is never sent twice' );
		const last = list[ list.length - 1 ];
		assert.equal( last?.[ 0 ], 'error' );
		assert.equal( ( last?.[ 1 ].error as { type: string } ).type, 'api_error' );
	} );

	test( 'stream dropped once, the CLI’s retry succeeds → the answer arrives whole, nothing twice', async () => {
		mock.script( 'drop_after=2', { path: '/v1/messages', times: 1 } );
		const res = await postJson( `${ backend.url }/v1/messages`, ask( 'retry me', { stream: true } ) );
		const list = await events( res );
		const text = list
			.filter( ( [ e ] ) => e === 'content_block_delta' )
			.map( ( [ , d ] ) => ( d.delta as { text: string } ).text )
			.join( '' );
		const posts = mock.requests.filter( ( r ) => r.method === 'POST' ).slice( -2 );
		assert.equal( posts.length, 2 );
		assert.match( text, /^Mock reply from claude-sonnet-5\. You wrote: “retry me”\. .*tests can rely on it\.$/ );
		assert.equal( text.split( 'Mock reply' ).length - 1, 1, 'the text before the drop is not sent again' );
		assert.equal( list[ list.length - 1 ]?.[ 0 ], 'message_stop' );
	} );

	test( 'dropped upstream on a non-stream request → 502 api_error', async () => {
		const res = await postJson( `${ backend.url }/v1/messages`, ask( 'drop [[mock:drop_after=1]]' ) );
		assert.equal( res.status, 502 );
		assert.equal( ( await errorOf( res ) ).type, 'api_error' );
	} );
} );

describe( 'slow streams', () => {
	test( 'a pause between deltas is filled with ping events (Anthropic) and comments (OpenAI)', async () => {
		const res = await postJson( `${ backend.url }/v1/messages`, ask( 'slow [[mock:chunks=3,delay=700]]', { stream: true } ) );
		const list = await events( res );
		assert.ok( list.some( ( [ e ] ) => e === 'ping' ), 'ping events while waiting' );
		assert.equal( list[ list.length - 1 ]?.[ 0 ], 'message_stop' );
		const chat = await postJson( `${ backend.url }/v1/chat/completions`, { model: 'sonnet', stream: true, messages: [ { role: 'user', content: 'slow [[mock:chunks=3,delay=700]]' } ] } );
		const text = await chat.text();
		assert.match( text, /^: keep-alive$/m );
		assert.match( text, /data: \[DONE\]\n\n$/ );
	} );
} );

describe( 'client disconnect', () => {
	test( 'aborting a stream kills the child within 1 s', async () => {
		const controller = new AbortController();
		const res = await postJson( `${ backend.url }/v1/messages`, ask( 'slow [[mock:chunks=30,delay=300]]', { stream: true } ), {}, controller.signal );
		const reader = res.body!.getReader();
		let seen = '';
		while ( ! seen.includes( 'content_block_delta' ) ) {
			const { value, done } = await reader.read();
			assert.ok( ! done, 'the stream delivered a delta before ending' );
			seen += new TextDecoder().decode( value );
		}
		assert.equal( cliChildren().length, 1, 'one child while streaming' );
		const aborted = Date.now();
		controller.abort();
		const left = await waitFor( () => cliChildren(), ( pids ) => pids.length === 0, 1000, 10 );
		assert.deepEqual( left, [], `child gone ${ Date.now() - aborted } ms after the abort` );
	} );
} );

describe( 'concurrency', () => {
	test( '20 at once with concurrency 4 and queue 4: each served or a clean 429, no orphans', async () => {
		const results = await Promise.all(
			Array.from( { length: 20 }, ( _, i ) => postJson( `${ backend.url }/v1/messages`, ask( `request ${ i } [[mock:chunks=3,delay=100]]` ) ) )
		);
		let served = 0;
		let limited = 0;
		for ( const [ i, res ] of results.entries() ) {
			if ( res.status === 200 ) {
				const body = ( await res.json() ) as { content: { text: string }[] };
				assert.match( body.content[ 0 ]?.text ?? '', new RegExp( `You wrote: “request ${ i }”` ) );
				served++;
			} else {
				assert.equal( res.status, 429, `request ${ i }: 200 or 429` );
				assert.match( res.headers.get( 'retry-after' ) ?? '', /^\d+$/ );
				assert.equal( ( await errorOf( res ) ).type, 'rate_limit_error' );
				limited++;
			}
		}
		assert.ok( served >= 8, `at least concurrency + queue served, got ${ served }` );
		assert.equal( served + limited, 20 );
		const stats = backend.queueStats();
		assert.equal( stats.running, 0 );
		assert.equal( stats.waiting, 0 );
	} );
} );
