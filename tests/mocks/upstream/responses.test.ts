import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import OpenAI from 'openai';

import { type MockUpstream, startMockUpstream } from './index.ts';

describe( 'OpenAI Responses API through openai@6 (what codex exec calls)', () => {
	let mock: MockUpstream;
	let client: OpenAI;

	before( async () => {
		mock = await startMockUpstream();
		client = new OpenAI( { apiKey: 'sk-test-resp', baseURL: `${ mock.url }/v1`, maxRetries: 0, timeout: 5_000 } );
	} );
	after( () => mock.close() );
	beforeEach( () => mock.reset() );

	const input = [ { role: 'user' as const, content: 'Write about spring' } ];
	const inputTokens = Math.ceil( ( 'Be kind.'.length + 'Write about spring'.length ) / 4 );

	it( 'answers with a response object: output text and usage', async () => {
		const response = await client.responses.create( { model: 'gpt-5', instructions: 'Be kind.', input } );
		assert.equal( response.status, 'completed' );
		assert.match( response.output_text, /^Mock reply from gpt-5\. You wrote: “Write about spring”/ );
		assert.equal( response.usage?.input_tokens, inputTokens );
		assert.equal( response.usage?.output_tokens, Math.ceil( response.output_text.length / 4 ) );
		assert.equal( mock.requests[ 0 ]?.headers.authorization, '…resp' );
	} );

	it( 'streams the event sequence codex reads, deltas adding up to the text', async () => {
		const stream = await client.responses.create( { model: 'gpt-5', instructions: 'Be kind.', input, stream: true } );
		const types: string[] = [];
		let text = '';
		let completed: OpenAI.Responses.Response | undefined;
		for await ( const event of stream ) {
			types.push( event.type );
			if ( event.type === 'response.output_text.delta' ) {
				text += event.delta;
			}
			if ( event.type === 'response.completed' ) {
				completed = event.response;
			}
		}
		assert.deepEqual( types.filter( ( t ) => t !== 'response.output_text.delta' ), [
			'response.created',
			'response.in_progress',
			'response.output_item.added',
			'response.content_part.added',
			'response.output_text.done',
			'response.content_part.done',
			'response.output_item.done',
			'response.completed',
		] );
		assert.equal( types.filter( ( t ) => t === 'response.output_text.delta' ).length, 5 );
		assert.equal( text, completed?.output_text ?? ( completed?.output[ 0 ] as { content: { text: string }[] } ).content[ 0 ]!.text );
		assert.equal( completed?.usage?.input_tokens, inputTokens );
	} );

	it( 'fails on command in OpenAI’s error shape', async () => {
		mock.script( 'status=429', { path: '/v1/responses' } );
		await assert.rejects( client.responses.create( { model: 'gpt-5', input } ), ( error: InstanceType<typeof OpenAI.APIError> ) => {
			assert.equal( error.status, 429 );
			assert.equal( ( error.error as { type?: string } ).type, 'rate_limit_error' );
			return true;
		} );
	} );
} );
