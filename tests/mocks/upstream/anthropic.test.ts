import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import Anthropic from '@anthropic-ai/sdk';

import { type MockUpstream, startMockUpstream } from './index.ts';

describe( 'Anthropic Messages API through @anthropic-ai/sdk', () => {
	let mock: MockUpstream;
	let client: Anthropic;

	before( async () => {
		mock = await startMockUpstream();
		client = new Anthropic( { apiKey: 'sk-ant-test-abcd', baseURL: mock.url, maxRetries: 0, timeout: 5_000 } );
	} );
	after( () => mock.close() );
	beforeEach( () => mock.reset() );

	it( 'answers messages.create with a message object and usage', async () => {
		const message = await client.messages.create( {
			model: 'claude-mock-sonnet',
			max_tokens: 1024,
			system: 'You are terse.',
			messages: [ { role: 'user', content: 'Hello mock' } ],
		} );
		assert.match( message.id, /^msg_/ );
		assert.equal( message.type, 'message' );
		assert.equal( message.role, 'assistant' );
		assert.equal( message.model, 'claude-mock-sonnet' );
		assert.equal( message.stop_reason, 'end_turn' );
		assert.equal( message.stop_sequence, null );
		const block = message.content[ 0 ];
		assert.ok( block?.type === 'text' );
		assert.match( block.text, /^Mock reply from claude-mock-sonnet\. You wrote: “Hello mock”\./ );
		assert.equal( message.usage.input_tokens, Math.ceil( ( 'You are terse.'.length + 'Hello mock'.length ) / 4 ) );
		assert.equal( message.usage.output_tokens, Math.ceil( Array.from( block.text ).length / 4 ) );
		assert.equal( message.usage.cache_creation_input_tokens, 0 );
		assert.equal( message.usage.cache_read_input_tokens, 0 );

		const recorded = mock.requests.at( -1 );
		assert.equal( recorded?.path, '/v1/messages' );
		// SDK 1.x sends the key as a bearer token; the log keeps only its last 4 characters.
		assert.equal( recorded?.headers.authorization ?? recorded?.headers[ 'x-api-key' ], '…abcd' );
		assert.deepEqual( ( recorded?.body as { messages: unknown } ).messages, [ { role: 'user', content: 'Hello mock' } ] );
	} );

	it( 'streams the real event sequence through messages.stream', async () => {
		const stream = client.messages.stream( {
			model: 'claude-mock-haiku',
			max_tokens: 1024,
			messages: [ { role: 'user', content: [ { type: 'text', text: 'Stream please' } ] } ],
		} );
		const events: string[] = [];
		const deltas: string[] = [];
		stream.on( 'streamEvent', ( event ) => events.push( event.type ) );
		stream.on( 'text', ( text ) => deltas.push( text ) );
		const final = await stream.finalMessage();
		assert.deepEqual( events, [
			'message_start',
			'content_block_start',
			'content_block_delta',
			'content_block_delta',
			'content_block_delta',
			'content_block_delta',
			'content_block_delta',
			'content_block_stop',
			'message_delta',
			'message_stop',
		] );
		assert.equal( deltas.length, 5 );
		const text = deltas.join( '' );
		assert.ok( final.content[ 0 ]?.type === 'text' && final.content[ 0 ].text === text );
		assert.equal( final.stop_reason, 'end_turn' );
		assert.equal( final.usage.output_tokens, Math.ceil( Array.from( text ).length / 4 ) );
		assert.equal( final.usage.input_tokens, Math.ceil( 'Stream please'.length / 4 ) );
	} );

	it( 'sends ping between content_block_start and the first delta on the wire', async () => {
		const response = await fetch( `${ mock.url }/v1/messages?beta=true`, {
			method: 'POST',
			headers: { 'x-api-key': 'k-1234', 'content-type': 'application/json' },
			body: JSON.stringify( { model: 'm', max_tokens: 50, stream: true, messages: [ { role: 'user', content: 'hi' } ] } ),
			signal: AbortSignal.timeout( 5_000 ),
		} );
		assert.equal( response.status, 200 );
		assert.match( response.headers.get( 'content-type' ) ?? '', /^text\/event-stream/ );
		const names = [ ...( await response.text() ).matchAll( /^event: (\w+)$/gm ) ].map( ( match ) => match[ 1 ] );
		assert.deepEqual( names.slice( 0, 4 ), [ 'message_start', 'content_block_start', 'ping', 'content_block_delta' ] );
		assert.deepEqual( names.slice( -3 ), [ 'content_block_stop', 'message_delta', 'message_stop' ] );
	} );

	it( 'honours max_tokens by truncating with stop_reason max_tokens, streamed or not', async () => {
		const params = { model: 'm', max_tokens: 3, messages: [ { role: 'user' as const, content: 'Tell me a long story' } ] };
		const message = await client.messages.create( params );
		assert.equal( message.stop_reason, 'max_tokens' );
		assert.equal( message.usage.output_tokens, 3 );
		assert.ok( message.content[ 0 ]?.type === 'text' && message.content[ 0 ].text === 'Mock reply f' );

		const streamed = await client.messages.stream( params ).finalMessage();
		assert.equal( streamed.stop_reason, 'max_tokens' );
		assert.equal( streamed.usage.output_tokens, 3 );
	} );

	it( 'replies with valid JSON when the prompt asks for JSON', async () => {
		const message = await client.messages.create( {
			model: 'm',
			max_tokens: 500,
			system: 'Answer in JSON only.',
			messages: [ { role: 'user', content: 'List three titles' } ],
		} );
		const block = message.content[ 0 ];
		assert.ok( block?.type === 'text' );
		assert.deepEqual( JSON.parse( block.text ), { mock: true, model: 'm', reply: 'Mock reply from m.', echo: 'List three titles' } );
	} );

	it( 'rejects a body without model, max_tokens or messages, naming the field', async () => {
		for ( const [ body, field ] of [
			[ { max_tokens: 5, messages: [ { role: 'user', content: 'x' } ] }, 'model' ],
			[ { model: 'm', messages: [ { role: 'user', content: 'x' } ] }, 'max_tokens' ],
			[ { model: 'm', max_tokens: 5 }, 'messages' ],
		] as const ) {
			const error = await client.messages.create( body as never ).then(
				() => assert.fail( `accepted a body without ${ field }` ),
				( caught: unknown ) => caught
			);
			assert.ok( error instanceof Anthropic.BadRequestError );
			assert.deepEqual( ( error.error as { error: unknown } ).error, {
				type: 'invalid_request_error',
				message: `${ field }: Field required`,
			} );
		}
	} );

	it( 'counts tokens', async () => {
		const counted = await client.messages.countTokens( {
			model: 'm',
			system: 'abcd',
			messages: [ { role: 'user', content: 'abcdefgh' } ],
		} );
		assert.deepEqual( counted, { input_tokens: 3 } );
	} );

	it( 'maps each status to the Anthropic error type', async () => {
		const expected: Record<number, string> = {
			400: 'invalid_request_error',
			401: 'authentication_error',
			403: 'permission_error',
			404: 'not_found_error',
			429: 'rate_limit_error',
			500: 'api_error',
			529: 'overloaded_error',
		};
		for ( const [ status, type ] of Object.entries( expected ) ) {
			const error = await client.messages
				.create( { model: 'm', max_tokens: 5, messages: [ { role: 'user', content: `[[mock:status=${ status }]] hi` } ] } )
				.then( () => assert.fail( `status ${ status } answered 200` ), ( caught: unknown ) => caught );
			assert.ok( error instanceof Anthropic.APIError );
			assert.equal( error.status, Number( status ) );
			assert.equal( ( error.error as { type: string; error: { type: string } } ).type, 'error' );
			assert.equal( ( error.error as { error: { type: string } } ).error.type, type );
		}
	} );
} );
