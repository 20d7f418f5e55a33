/**
 * Both APIs through the official clients, against the real pinned `claude` CLI and the mock
 * upstream: stream and non-stream, real usage in streams, system prompt and history delivered.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

import type { RunningBackend } from '../src/index.ts';
import { cliChildren, KEY, type MockUpstream, removeHomes, startMockUpstream, startTestBackend, waitFor } from './helpers.ts';

let mock: MockUpstream;
let backend: RunningBackend;
let anthropic: Anthropic;
let openai: OpenAI;

before( async () => {
	mock = await startMockUpstream();
	backend = await startTestBackend( mock.url, { pool: 2 } );
	anthropic = new Anthropic( { apiKey: KEY, baseURL: backend.url, maxRetries: 0, timeout: 30_000 } );
	openai = new OpenAI( { apiKey: KEY, baseURL: `${ backend.url }/v1`, maxRetries: 0, timeout: 30_000 } );
} );

after( async () => {
	await backend?.stop();
	await mock?.close();
	removeHomes();
	// A process killed at stop may take a moment to be reaped on a busy machine, as in the other suites.
	const left = await waitFor( () => cliChildren(), ( pids ) => pids.length === 0, 3000 );
	assert.deepEqual( left, [], 'no CLI process outlives the backend' );
} );

function lastUpstreamBody(): Record<string, unknown> {
	const posts = mock.requests.filter( ( r ) => r.method === 'POST' && r.path.startsWith( '/v1/messages' ) );
	const last = posts[ posts.length - 1 ];
	assert.ok( last, 'the CLI called the upstream' );
	return last.body as Record<string, unknown>;
}

describe( 'Anthropic Messages API via @anthropic-ai/sdk', () => {
	test( 'non-stream: a message object with the CLI’s text, usage and cost', async () => {
		const message = await anthropic.messages.create( {
			model: 'sonnet',
			max_tokens: 200,
			system: 'You are the SYSTEM-PROMPT-MARKER.',
			messages: [ { role: 'user', content: 'Say hello' } ],
		} );
		assert.equal( message.type, 'message' );
		assert.equal( message.role, 'assistant' );
		assert.match( message.id, /^msg_/ );
		assert.equal( message.model, 'claude-sonnet-5' );
		assert.equal( message.stop_reason, 'end_turn' );
		const block = message.content[ 0 ];
		assert.ok( block && block.type === 'text' );
		assert.match( block.text, /Mock reply from claude-sonnet-5\. You wrote: “Say hello”/ );
		assert.ok( message.usage.input_tokens > 0 && message.usage.output_tokens > 0 );
		const usage = message.usage as unknown as { cost_usd: number; cost_kind: string };
		assert.equal( usage.cost_kind, 'local', 'a loopback upstream costs no money' );
		assert.ok( usage.cost_usd > 0, 'the CLI’s own cost figure is passed on' );
		const system = JSON.stringify( lastUpstreamBody().system );
		assert.match( system, /SYSTEM-PROMPT-MARKER/ );
		assert.doesNotMatch( system, /You are Claude Code/, 'the CLI default system prompt is replaced' );
		assert.deepEqual( ( lastUpstreamBody().tools as unknown[] ).length, 0, 'tools are disabled' );
	} );

	test( 'stream: the real event sequence, deltas as they come, usage in message_delta', async () => {
		const stream = anthropic.messages.stream( { model: 'haiku', max_tokens: 200, messages: [ { role: 'user', content: 'Stream please' } ] } );
		const types: string[] = [];
		let text = '';
		for await ( const event of stream ) {
			types.push( event.type );
			if ( event.type === 'content_block_delta' && event.delta.type === 'text_delta' ) {
				text += event.delta.text;
			}
		}
		const final = await stream.finalMessage();
		assert.equal( types[ 0 ], 'message_start' );
		assert.equal( types[ 1 ], 'content_block_start' );
		assert.ok( types.filter( ( t ) => t === 'content_block_delta' ).length >= 2, 'several deltas, not one lump' );
		assert.deepEqual( types.slice( -3 ), [ 'content_block_stop', 'message_delta', 'message_stop' ] );
		assert.match( text, /You wrote: “Stream please”/ );
		assert.equal( final.model, 'claude-haiku-4-5-20251001' );
		assert.equal( final.stop_reason, 'end_turn' );
		assert.ok( final.usage.output_tokens > 1, `real output tokens in the stream, got ${ final.usage.output_tokens }` );
		assert.ok( final.usage.input_tokens > 0 );
	} );

	test( 'multi-turn history reaches the upstream in the documented format', async () => {
		await anthropic.messages.create( {
			model: 'sonnet',
			max_tokens: 100,
			messages: [
				{ role: 'user', content: 'FIRST-QUESTION' },
				{ role: 'assistant', content: [ { type: 'text', text: 'FIRST-ANSWER' } ] },
				{ role: 'user', content: 'SECOND-QUESTION' },
			],
		} );
		const sent = JSON.stringify( lastUpstreamBody().messages );
		assert.match( sent, /<conversation_history>\\n<turn role=\\"user\\">\\nFIRST-QUESTION\\n<\/turn>\\n<turn role=\\"assistant\\">\\nFIRST-ANSWER\\n<\/turn>\\n<\/conversation_history>\\n\\nSECOND-QUESTION/ );
	} );

	test( 'models list through the SDK', async () => {
		const page = await anthropic.models.list();
		const ids = page.data.map( ( m ) => m.id );
		for ( const id of [ 'opus', 'sonnet', 'haiku', 'claude-sonnet-5' ] ) {
			assert.ok( ids.includes( id ), `${ id } listed` );
		}
		const one = await anthropic.models.retrieve( 'haiku' );
		assert.equal( one.id, 'haiku' );
		const openaiIds = ( await openai.models.list() ).data.map( ( m ) => m.id );
		assert.ok( openaiIds.includes( 'opus' ), 'the OpenAI SDK reads the same list' );
		await assert.rejects( anthropic.models.retrieve( 'gpt-4o' ), ( e: unknown ) => e instanceof Anthropic.NotFoundError );
	} );

	test( 'one process per request: a later request carries nothing of an earlier one', async () => {
		await anthropic.messages.create( { model: 'sonnet', max_tokens: 50, system: 'SYSTEM-OF-REQUEST-A', messages: [ { role: 'user', content: 'SECRET-OF-REQUEST-A' } ] } );
		await waitFor( () => backend.poolStats(), ( p ) => p.ready >= 1, 10_000 );
		const before = mock.requests.length;
		await anthropic.messages.create( { model: 'sonnet', max_tokens: 50, messages: [ { role: 'user', content: 'request B' } ] } );
		const later = JSON.stringify( mock.requests.slice( before ).filter( ( r ) => r.method === 'POST' ).map( ( r ) => r.body ) );
		assert.match( later, /request B/ );
		assert.doesNotMatch( later, /REQUEST-A/, 'neither the prompt nor the system prompt of A reaches B' );
	} );

	test( 'the pool serves requests warm', async () => {
		const pool = await waitFor( () => backend.poolStats(), ( p ) => p.ready >= 1, 10_000 );
		assert.ok( pool.ready >= 1, 'a pool process is ready' );
		const before = pool.served_warm;
		await anthropic.messages.create( { model: 'sonnet', max_tokens: 50, messages: [ { role: 'user', content: 'warm?' } ] } );
		assert.equal( backend.poolStats().served_warm, before + 1 );
	} );
} );

describe( 'OpenAI Chat Completions API via openai', () => {
	test( 'non-stream: a chat.completion with usage', async () => {
		const completion = await openai.chat.completions.create( {
			model: 'sonnet',
			messages: [
				{ role: 'system', content: 'OPENAI-SYSTEM-MARKER' },
				{ role: 'user', content: 'Hello from OpenAI' },
			],
		} );
		assert.equal( completion.object, 'chat.completion' );
		const choice = completion.choices[ 0 ];
		assert.ok( choice );
		assert.equal( choice.finish_reason, 'stop' );
		assert.equal( choice.message.role, 'assistant' );
		assert.match( choice.message.content ?? '', /You wrote: “Hello from OpenAI”/ );
		assert.ok( completion.usage && completion.usage.completion_tokens > 0 && completion.usage.prompt_tokens > 0 );
		assert.equal( completion.usage.total_tokens, completion.usage.prompt_tokens + completion.usage.completion_tokens );
		assert.match( JSON.stringify( lastUpstreamBody().system ), /OPENAI-SYSTEM-MARKER/ );
	} );

	test( 'stream with include_usage: chunks, a finish_reason, a usage chunk, [DONE]', async () => {
		const stream = await openai.chat.completions.create( {
			model: 'haiku',
			stream: true,
			stream_options: { include_usage: true },
			messages: [ { role: 'user', content: 'Stream OpenAI' } ],
		} );
		let text = '';
		let finish: string | null = null;
		let usage: OpenAI.CompletionUsage | null | undefined;
		let chunks = 0;
		for await ( const chunk of stream ) {
			chunks++;
			assert.equal( chunk.object, 'chat.completion.chunk' );
			text += chunk.choices[ 0 ]?.delta.content ?? '';
			finish = chunk.choices[ 0 ]?.finish_reason ?? finish;
			usage = chunk.usage ?? usage;
		}
		assert.ok( chunks >= 4 );
		assert.match( text, /You wrote: “Stream OpenAI”/ );
		assert.equal( finish, 'stop' );
		assert.ok( usage && usage.completion_tokens > 1, 'real usage in the stream' );
	} );
} );
