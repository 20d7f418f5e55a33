import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { after, before, beforeEach, describe, it } from 'node:test';

import OpenAI from 'openai';

import { costUsd, type MockUpstream, startMockUpstream } from './index.ts';

/** Width, height and the first pixel of a PNG, after checking its signature and that it inflates. */
function inspectPng( base64: string ): { width: number; height: number; pixel: number[] } {
	const png = Buffer.from( base64, 'base64' );
	assert.deepEqual( [ ...png.subarray( 0, 8 ) ], [ 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a ] );
	assert.equal( png.subarray( 12, 16 ).toString( 'ascii' ), 'IHDR' );
	const width = png.readUInt32BE( 16 );
	const height = png.readUInt32BE( 20 );
	const idatAt = png.indexOf( 'IDAT' );
	const raw = inflateSync( png.subarray( idatAt + 4, idatAt + 4 + png.readUInt32BE( idatAt - 4 ) ) );
	assert.equal( raw.length, height * ( 1 + width * 3 ) );
	return { width, height, pixel: [ ...raw.subarray( 1, 4 ) ] };
}

describe( 'OpenAI Chat Completions through openai@6', () => {
	let mock: MockUpstream;
	let client: OpenAI;
	let openRouter: OpenAI;

	before( async () => {
		mock = await startMockUpstream();
		client = new OpenAI( { apiKey: 'sk-test-wxyz', baseURL: `${ mock.url }/v1`, maxRetries: 0, timeout: 5_000 } );
		openRouter = new OpenAI( { apiKey: 'sk-or-test', baseURL: `${ mock.url }/api/v1`, maxRetries: 0, timeout: 5_000 } );
	} );
	after( () => mock.close() );
	beforeEach( () => mock.reset() );

	const messages = [
		{ role: 'system' as const, content: 'Be kind.' },
		{ role: 'user' as const, content: 'Write about spring' },
	];
	const promptTokens = Math.ceil( ( 'Be kind.'.length + 'Write about spring'.length ) / 4 );

	it( 'answers a non-stream completion', async () => {
		const completion = await client.chat.completions.create( { model: 'gpt-4o', messages } );
		assert.match( completion.id, /^chatcmpl-/ );
		assert.equal( completion.object, 'chat.completion' );
		assert.equal( typeof completion.created, 'number' );
		assert.equal( completion.model, 'gpt-4o' );
		const choice = completion.choices[ 0 ];
		assert.equal( choice?.message.role, 'assistant' );
		assert.equal( choice?.finish_reason, 'stop' );
		const text = choice?.message.content ?? '';
		assert.match( text, /^Mock reply from gpt-4o\. You wrote: “Write about spring”\./ );
		const completionTokens = Math.ceil( Array.from( text ).length / 4 );
		assert.deepEqual( completion.usage, {
			prompt_tokens: promptTokens,
			completion_tokens: completionTokens,
			total_tokens: promptTokens + completionTokens,
		} );
		assert.equal( mock.requests.at( -1 )?.headers.authorization, '…wxyz' );
	} );

	it( 'streams chunks, then [DONE], with no usage unless asked', async () => {
		const stream = await client.chat.completions.create( { model: 'gpt-4o', messages, stream: true } );
		const chunks = [];
		for await ( const chunk of stream ) {
			chunks.push( chunk );
		}
		assert.equal( chunks[ 0 ]?.choices[ 0 ]?.delta.role, 'assistant' );
		assert.ok( chunks.every( ( chunk ) => chunk.object === 'chat.completion.chunk' && ! chunk.usage ) );
		const content = chunks.map( ( chunk ) => chunk.choices[ 0 ]?.delta.content ?? '' );
		assert.equal( content.filter( ( piece ) => piece !== '' ).length, 5 );
		assert.match( content.join( '' ), /^Mock reply from gpt-4o\./ );
		assert.equal( chunks.at( -1 )?.choices[ 0 ]?.finish_reason, 'stop' );
	} );

	it( 'ends the stream with a usage chunk with empty choices when include_usage is set', async () => {
		const stream = await client.chat.completions.create( {
			model: 'gpt-4o',
			messages,
			stream: true,
			stream_options: { include_usage: true },
		} );
		const chunks = [];
		for await ( const chunk of stream ) {
			chunks.push( chunk );
		}
		const last = chunks.at( -1 );
		assert.deepEqual( last?.choices, [] );
		const text = chunks.map( ( chunk ) => chunk.choices[ 0 ]?.delta.content ?? '' ).join( '' );
		const completionTokens = Math.ceil( Array.from( text ).length / 4 );
		assert.deepEqual( last?.usage, {
			prompt_tokens: promptTokens,
			completion_tokens: completionTokens,
			total_tokens: promptTokens + completionTokens,
		} );
		assert.equal( chunks.at( -2 )?.choices[ 0 ]?.finish_reason, 'stop' );
	} );

	it( 'reports finish_reason length when max_tokens cuts the reply', async () => {
		const completion = await client.chat.completions.create( { model: 'gpt-4o', messages, max_tokens: 2 } );
		assert.equal( completion.choices[ 0 ]?.finish_reason, 'length' );
		assert.equal( completion.choices[ 0 ]?.message.content, 'Mock rep' );
		assert.equal( completion.usage?.completion_tokens, 2 );
	} );

	it( 'lists the catalogue through models.list()', async () => {
		const ids = [];
		for await ( const model of client.models.list() ) {
			assert.equal( model.object, 'model' );
			assert.equal( typeof model.owned_by, 'string' );
			ids.push( model.id );
		}
		for ( const id of [
			'openai/gpt-4o',
			'openai/gpt-4o-mini',
			'anthropic/claude-sonnet-4.5',
			'anthropic/claude-haiku-4.5',
			'google/gemini-2.5-flash-image',
			'meta-llama/llama-3.1-8b-instruct',
		] ) {
			assert.ok( ids.includes( id ), `catalogue lacks ${ id }` );
		}
	} );

	it( 'serves an OpenRouter catalogue with pricing and modalities at /api/v1/models', async () => {
		const response = await fetch( `${ mock.url }/api/v1/models`, { signal: AbortSignal.timeout( 5_000 ) } );
		const { data } = ( await response.json() ) as {
			data: Array<{ id: string; context_length: number; pricing: Record<string, string>; architecture: { output_modalities: string[] } }>;
		};
		const gpt4o = data.find( ( entry ) => entry.id === 'openai/gpt-4o' );
		assert.equal( gpt4o?.pricing.prompt, '0.0000025' );
		assert.equal( gpt4o?.pricing.completion, '0.00001' );
		assert.equal( gpt4o?.context_length, 128_000 );
		const image = data.find( ( entry ) => entry.id === 'google/gemini-2.5-flash-image' );
		assert.ok( image?.architecture.output_modalities.includes( 'image' ) );
	} );

	it( 'adds usage.cost from catalogue pricing under /api/v1, streamed or not', async () => {
		const completion = await openRouter.chat.completions.create( { model: 'openai/gpt-4o', messages } );
		const usage = completion.usage as OpenAI.CompletionUsage & { cost: number };
		assert.equal( usage.cost, costUsd( 'openai/gpt-4o', usage.prompt_tokens, usage.completion_tokens ) );
		assert.ok( Math.abs( usage.cost - ( usage.prompt_tokens * 0.0000025 + usage.completion_tokens * 0.00001 ) ) < 1e-12 );
		assert.ok( usage.cost > 0 );

		// OpenRouter ends every stream with usage, include_usage or not.
		const stream = await openRouter.chat.completions.create( { model: 'openai/gpt-4o-mini', messages, stream: true } );
		let streamed: ( OpenAI.CompletionUsage & { cost: number } ) | undefined;
		for await ( const chunk of stream ) {
			streamed = ( chunk.usage as typeof streamed ) ?? streamed;
		}
		assert.ok( streamed );
		assert.equal( streamed.cost, costUsd( 'openai/gpt-4o-mini', streamed.prompt_tokens, streamed.completion_tokens ) );
	} );

	it( 'refuses a model OpenRouter does not list (so name normalisation is testable)', async () => {
		const error = await openRouter.chat.completions.create( { model: 'gpt-4o', messages } ).then(
			() => assert.fail( 'accepted a bare model name under /api/v1' ),
			( caught: unknown ) => caught
		);
		assert.ok( error instanceof OpenAI.BadRequestError );
		assert.equal( error.param, 'model' );
		assert.match( error.message, /gpt-4o is not a valid model ID/ );
	} );

	it( 'returns a valid PNG in message.images when modalities asks for an image', async () => {
		const completion = await openRouter.chat.completions.create( {
			model: 'google/gemini-2.5-flash-image',
			messages: [ { role: 'user', content: 'A lighthouse at dusk' } ],
			modalities: [ 'image', 'text' ],
		} as OpenAI.ChatCompletionCreateParamsNonStreaming );
		const message = completion.choices[ 0 ]?.message as OpenAI.ChatCompletionMessage & {
			images?: Array<{ type: string; image_url: { url: string } }>;
		};
		assert.equal( message.images?.length, 1 );
		assert.equal( message.images?.[ 0 ]?.type, 'image_url' );
		const url = message.images?.[ 0 ]?.image_url.url ?? '';
		assert.match( url, /^data:image\/png;base64,/ );
		const png = inspectPng( url.slice( url.indexOf( ',' ) + 1 ) );
		assert.deepEqual( [ png.width, png.height ], [ 64, 64 ] );
	} );

	it( 'streams the image as an images delta before the finish chunk', async () => {
		const stream = await openRouter.chat.completions.create( {
			model: 'google/gemini-2.5-flash-image',
			messages: [ { role: 'user', content: 'A lighthouse' } ],
			modalities: [ 'image', 'text' ],
			stream: true,
		} as OpenAI.ChatCompletionCreateParamsStreaming );
		const urls: string[] = [];
		for await ( const chunk of stream ) {
			const delta = chunk.choices[ 0 ]?.delta as { images?: Array<{ image_url: { url: string } }> } | undefined;
			urls.push( ...( delta?.images ?? [] ).map( ( image ) => image.image_url.url ) );
		}
		assert.equal( urls.length, 1 );
		assert.match( urls[ 0 ] ?? '', /^data:image\/png;base64,iVBORw0KGgo/ );
	} );

	it( 'retrieves one model, and lists models in Anthropic’s shape for the Anthropic SDK', async () => {
		const model = await client.models.retrieve( 'openai/gpt-4o' );
		assert.equal( model.id, 'openai/gpt-4o' );
		assert.equal( model.owned_by, 'openai' );

		const { default: Anthropic } = await import( '@anthropic-ai/sdk' );
		const anthropic = new Anthropic( { apiKey: 'sk-ant-test', baseURL: mock.url, maxRetries: 0, timeout: 5_000 } );
		const ids = [];
		for await ( const entry of anthropic.models.list() ) {
			assert.equal( entry.type, 'model' );
			ids.push( entry.id );
		}
		assert.ok( ids.some( ( id ) => id.startsWith( 'claude-sonnet' ) ) );
	} );

	it( 'generates images at /v1/images/generations as b64_json', async () => {
		const result = await client.images.generate( { model: 'gpt-image-1', prompt: 'A red kite', n: 2 } );
		assert.equal( result.data?.length, 2 );
		const png = inspectPng( result.data?.[ 0 ]?.b64_json ?? '' );
		assert.equal( png.width, 64 );
	} );

	it( 'answers errors in the OpenAI shape', async () => {
		const response = await fetch( `${ mock.url }/v1/chat/completions`, {
			method: 'POST',
			headers: { authorization: 'Bearer k-1', 'content-type': 'application/json', 'x-mock': 'status=503' },
			body: JSON.stringify( { model: 'gpt-4o', messages } ),
			signal: AbortSignal.timeout( 5_000 ),
		} );
		assert.equal( response.status, 503 );
		const body = ( await response.json() ) as { error: Record<string, unknown> };
		assert.deepEqual( Object.keys( body.error ).sort(), [ 'code', 'message', 'param', 'type' ] );
		assert.equal( body.error.type, 'server_error' );

		const invalid = await fetch( `${ mock.url }/v1/chat/completions`, {
			method: 'POST',
			headers: { authorization: 'Bearer k-1', 'content-type': 'application/json' },
			body: '{not json',
			signal: AbortSignal.timeout( 5_000 ),
		} );
		assert.equal( invalid.status, 400 );
		assert.equal( ( ( await invalid.json() ) as { error: { type: string } } ).error.type, 'invalid_request_error' );
	} );
} );
