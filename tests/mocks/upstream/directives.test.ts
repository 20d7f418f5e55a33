import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

import { type MockUpstream, parseDirective, startMockUpstream } from './index.ts';

describe( 'parseDirective', () => {
	it( 'reads keys, values and bare flags', () => {
		assert.deepEqual( parseDirective( 'status=429, retry_after=7' ), { status: 429, retryAfter: 7 } );
		assert.deepEqual( parseDirective( 'hang' ), { hang: true } );
		assert.deepEqual( parseDirective( 'ttft=10,chunks=3,delay=20,drop_after=1,stall_after=2' ), {
			ttftMs: 10,
			chunks: 3,
			delayMs: 20,
			dropAfter: 1,
			stallAfter: 2,
		} );
	} );

	it( 'refuses unknown keys and bad values so a typo fails loudly', () => {
		assert.throws( () => parseDirective( 'stauts=500' ), /unknown mock directive key "stauts"/ );
		assert.throws( () => parseDirective( 'status=200' ), /4xx or 5xx/ );
		assert.throws( () => parseDirective( 'delay=soon' ), /non-negative integer/ );
	} );
} );

describe( 'scripted failures', () => {
	let mock: MockUpstream;
	let anthropic: Anthropic;
	let openai: OpenAI;

	before( async () => {
		mock = await startMockUpstream();
		anthropic = new Anthropic( { apiKey: 'sk-ant-test', baseURL: mock.url, maxRetries: 0, timeout: 5_000 } );
		openai = new OpenAI( { apiKey: 'sk-test', baseURL: `${ mock.url }/v1`, maxRetries: 0, timeout: 5_000 } );
	} );
	after( () => mock.close() );
	beforeEach( () => mock.reset() );

	const ask = ( content: string, extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {} ) => ( {
		model: 'claude-mock',
		max_tokens: 512,
		messages: [ { role: 'user' as const, content } ],
		...extra,
	} );

	it( 'fails with the scripted status in either API’s shape, from message text or the x-mock header', async () => {
		const anthropicError = await anthropic.messages.create( ask( 'Hi [[mock:status=503]]' ) ).then(
			() => assert.fail( 'expected 503' ),
			( caught: unknown ) => caught
		);
		assert.ok( anthropicError instanceof Anthropic.APIError );
		assert.equal( anthropicError.status, 503 );

		const openaiError = await openai.chat.completions
			.create( { model: 'gpt-4o', messages: [ { role: 'user', content: 'Hi' } ] }, { headers: { 'x-mock': 'status=502' } } )
			.then( () => assert.fail( 'expected 502' ), ( caught: unknown ) => caught );
		assert.ok( openaiError instanceof OpenAI.APIError );
		assert.equal( openaiError.status, 502 );
		assert.equal( openaiError.type, 'server_error' );
	} );

	it( 'sets Retry-After on 429, 1 second unless retry_after says otherwise', async () => {
		for ( const [ marker, expected ] of [
			[ '[[mock:status=429]]', '1' ],
			[ '[[mock:status=429,retry_after=7]]', '7' ],
		] as const ) {
			const error = await anthropic.messages.create( ask( marker ) ).then(
				() => assert.fail( 'expected 429' ),
				( caught: unknown ) => caught
			);
			assert.ok( error instanceof Anthropic.RateLimitError );
			assert.equal( error.headers?.get( 'retry-after' ), expected );
			assert.equal( ( error.error as { error: { type: string } } ).error.type, 'rate_limit_error' );
		}
	} );

	it( 'hangs until the client gives up, then serves the next request normally', async () => {
		const started = Date.now();
		const error = await anthropic.messages
			.create( ask( '[[mock:hang]] anyone there?' ), { timeout: 300 } )
			.then( () => assert.fail( 'a hung request answered' ), ( caught: unknown ) => caught );
		assert.ok( error instanceof Anthropic.APIConnectionTimeoutError, String( error ) );
		assert.ok( Date.now() - started >= 290 );

		const stream = await openai.chat.completions.create(
			{ model: 'gpt-4o', messages: [ { role: 'user', content: 'hang [[mock:hang]]' } ], stream: true },
			{ timeout: 200 }
		).then( () => assert.fail( 'a hung stream answered' ), ( caught: unknown ) => caught );
		assert.ok( stream instanceof OpenAI.APIConnectionTimeoutError, String( stream ) );

		const next = await anthropic.messages.create( ask( 'still alive?' ) );
		assert.equal( next.stop_reason, 'end_turn' );
	} );

	it( 'waits ttft milliseconds before the first byte', async () => {
		const started = Date.now();
		const stream = anthropic.messages.stream( ask( '[[mock:ttft=300]] slow start' ) );
		let firstDeltaAfter = 0;
		stream.on( 'text', () => {
			firstDeltaAfter ||= Date.now() - started;
		} );
		await stream.finalMessage();
		assert.ok( firstDeltaAfter >= 290, `first delta after ${ firstDeltaAfter } ms` );
		assert.ok( firstDeltaAfter < 2_000, `first delta after ${ firstDeltaAfter } ms` );
	} );

	it( 'streams N chunks delay ms apart', async () => {
		const stream = await openai.chat.completions.create( {
			model: 'gpt-4o',
			messages: [ { role: 'user', content: 'slowly [[mock:chunks=4,delay=100]]' } ],
			stream: true,
		} );
		const arrivals: number[] = [];
		const pieces: string[] = [];
		for await ( const chunk of stream ) {
			const content = chunk.choices[ 0 ]?.delta.content;
			if ( content ) {
				arrivals.push( Date.now() );
				pieces.push( content );
			}
		}
		assert.equal( pieces.length, 4 );
		assert.doesNotMatch( pieces.join( '' ), /\[\[mock:/, 'the directive must not be echoed back' );
		const spread = arrivals.at( -1 )! - arrivals[ 0 ]!;
		assert.ok( spread >= 250 && spread < 2_000, `4 chunks 100 ms apart spread over ${ spread } ms` );
	} );

	it( 'drops the connection after N content deltas (Anthropic stream)', async () => {
		const stream = anthropic.messages.stream( ask( 'drop me [[mock:drop_after=2]]' ) );
		const deltas: string[] = [];
		stream.on( 'text', ( text ) => deltas.push( text ) );
		await assert.rejects( stream.finalMessage() );
		assert.equal( deltas.length, 2 );
	} );

	it( 'drops the connection after N content deltas (OpenAI stream)', async () => {
		const stream = await openai.chat.completions.create( {
			model: 'gpt-4o',
			messages: [ { role: 'user', content: 'drop me [[mock:drop_after=3]]' } ],
			stream: true,
		} );
		const deltas: string[] = [];
		await assert.rejects( async () => {
			for await ( const chunk of stream ) {
				const content = chunk.choices[ 0 ]?.delta.content;
				if ( content ) {
					deltas.push( content );
				}
			}
		} );
		assert.equal( deltas.length, 3 );
	} );

	it( 'closes the socket without an answer on a non-stream request with drop_after', async () => {
		const error = await anthropic.messages.create( ask( '[[mock:drop_after=0]]' ) ).then(
			() => assert.fail( 'a dropped request answered' ),
			( caught: unknown ) => caught
		);
		assert.ok( error instanceof Anthropic.APIConnectionError, String( error ) );
	} );

	it( 'stalls after N deltas, keeping the connection open', async () => {
		const controller = new AbortController();
		const stream = anthropic.messages.stream( ask( 'stall [[mock:stall_after=1]]' ), { signal: controller.signal } );
		const deltas: string[] = [];
		stream.on( 'text', ( text ) => deltas.push( text ) );
		const outcome = stream.finalMessage().then(
			() => 'finished',
			() => 'aborted'
		);
		const winner = await Promise.race( [ outcome, new Promise( ( resolve ) => setTimeout( resolve, 400, 'still open' ) ) ] );
		assert.equal( winner, 'still open' );
		assert.equal( deltas.length, 1 );
		controller.abort();
		assert.equal( await outcome, 'aborted' );
	} );

	it( 'answers 400 for an unknown directive key instead of ignoring it', async () => {
		const error = await anthropic.messages.create( ask( '[[mock:stauts=500]]' ) ).then(
			() => assert.fail( 'a misspelt directive was ignored' ),
			( caught: unknown ) => caught
		);
		assert.ok( error instanceof Anthropic.BadRequestError );
		assert.match( ( error.error as { error: { message: string } } ).error.message, /unknown mock directive key "stauts"/ );
	} );
} );
