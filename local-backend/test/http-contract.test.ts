/**
 * The HTTP contract around generation: auth, body limit, validation, unknown models, /ping,
 * HEAD /, unknown routes — each error in the dialect of the API that was called.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { RunningBackend } from '../src/index.ts';
import { KEY, type MockUpstream, postJson, removeHomes, startMockUpstream, startTestBackend } from './helpers.ts';

let mock: MockUpstream;
let backend: RunningBackend;

before( async () => {
	mock = await startMockUpstream();
	backend = await startTestBackend( mock.url, { pool: 0, bodyLimit: '64kb' } );
} );

after( async () => {
	await backend?.stop();
	await mock?.close();
	removeHomes();
} );

const minimal = { model: 'sonnet', max_tokens: 10, messages: [ { role: 'user', content: 'hi' } ] };
const chat = { model: 'sonnet', messages: [ { role: 'user', content: 'hi' } ] };

async function anthropicError( res: Response, status: number, type: string ): Promise<string> {
	assert.equal( res.status, status );
	const body = ( await res.json() ) as { type: string; error: { type: string; message: string } };
	assert.equal( body.type, 'error' );
	assert.equal( body.error.type, type );
	assert.ok( body.error.message.length > 10 );
	return body.error.message;
}

async function openaiError( res: Response, status: number ): Promise<{ message: string; type: string; param: string | null; code: string | null }> {
	assert.equal( res.status, status );
	const body = ( await res.json() ) as { error: { message: string; type: string; param: string | null; code: string | null } };
	assert.ok( body.error && typeof body.error.message === 'string' && typeof body.error.type === 'string' );
	return body.error;
}

describe( 'authentication', () => {
	test( 'missing key → 401 in each API’s shape', async () => {
		const message = await anthropicError( await postJson( `${ backend.url }/v1/messages`, minimal, { 'x-api-key': '' } ), 401, 'authentication_error' );
		assert.match( message, /missing API key/ );
		const error = await openaiError( await postJson( `${ backend.url }/v1/chat/completions`, chat, { 'x-api-key': '' } ), 401 );
		assert.equal( error.code, 'invalid_api_key' );
	} );

	test( 'wrong key → 401, by x-api-key and by Bearer', async () => {
		await anthropicError( await postJson( `${ backend.url }/v1/messages`, minimal, { 'x-api-key': `${ KEY }x` } ), 401, 'authentication_error' );
		await openaiError( await postJson( `${ backend.url }/v1/chat/completions`, chat, { 'x-api-key': '', authorization: 'Bearer nope' } ), 401 );
		const models = await fetch( `${ backend.url }/v1/models`, { headers: { authorization: 'Bearer nope' } } );
		assert.equal( models.status, 401 );
	} );

	test( 'the right key by Bearer is accepted', async () => {
		const res = await fetch( `${ backend.url }/v1/models`, { headers: { authorization: `Bearer ${ KEY }` } } );
		assert.equal( res.status, 200 );
		const body = ( await res.json() ) as { object: string; data: { id: string }[] };
		assert.equal( body.object, 'list' );
		assert.ok( body.data.some( ( m ) => m.id === 'opus' ) );
	} );
} );

describe( 'request validation', () => {
	test( 'malformed JSON → 400', async () => {
		await anthropicError( await postJson( `${ backend.url }/v1/messages`, '{"model": "sonnet",' ), 400, 'invalid_request_error' );
		const error = await openaiError( await postJson( `${ backend.url }/v1/chat/completions`, '{not json' ), 400 );
		assert.equal( error.type, 'invalid_request_error' );
	} );

	test( 'oversized body → 413 in each API’s shape', async () => {
		const big = { ...minimal, messages: [ { role: 'user', content: 'x'.repeat( 70 * 1024 ) } ] };
		await anthropicError( await postJson( `${ backend.url }/v1/messages`, big ), 413, 'request_too_large' );
		const error = await openaiError( await postJson( `${ backend.url }/v1/chat/completions`, { ...chat, messages: big.messages } ), 413 );
		assert.equal( error.code, 'request_too_large' );
	} );

	test( 'a missing or wrong field → 400 naming the field', async () => {
		const noMax = await anthropicError( await postJson( `${ backend.url }/v1/messages`, { model: 'sonnet', messages: minimal.messages } ), 400, 'invalid_request_error' );
		assert.match( noMax, /^max_tokens: Field required/ );
		const badRole = await anthropicError(
			await postJson( `${ backend.url }/v1/messages`, { ...minimal, messages: [ { role: 'robot', content: 'x' } ] } ),
			400,
			'invalid_request_error'
		);
		assert.match( badRole, /^messages\.0\.role:/ );
		const error = await openaiError( await postJson( `${ backend.url }/v1/chat/completions`, { model: 'sonnet', messages: [] } ), 400 );
		assert.equal( error.param, 'messages' );
		const image = await anthropicError(
			await postJson( `${ backend.url }/v1/messages`, { ...minimal, messages: [ { role: 'user', content: [ { type: 'image', source: {} } ] } ] } ),
			400,
			'invalid_request_error'
		);
		assert.match( image, /messages\.0\.content\.0\.type: "image" blocks are not supported/ );
	} );

	test( 'unknown model → 400 listing the accepted ones', async () => {
		const message = await anthropicError( await postJson( `${ backend.url }/v1/messages`, { ...minimal, model: 'gpt-4o' } ), 400, 'invalid_request_error' );
		assert.match( message, /"gpt-4o" is not a model/ );
		assert.match( message, /opus, sonnet, haiku, claude-opus-4-8/ );
		const error = await openaiError( await postJson( `${ backend.url }/v1/chat/completions`, { ...chat, model: 'gpt-4o' } ), 400 );
		assert.equal( error.param, 'model' );
	} );
} );

describe( 'unauthenticated endpoints', () => {
	test( 'HEAD / answers 200 and /ping (with the key) reports drivers, pool and queue without secrets', async () => {
		const head = await fetch( `${ backend.url }/`, { method: 'HEAD' } );
		assert.equal( head.status, 200 );
		const res = await fetch( `${ backend.url }/ping`, { headers: { 'x-api-key': KEY } } );
		assert.equal( res.status, 200 );
		const text = await res.text();
		assert.ok( ! text.includes( KEY ), 'the backend key never appears, even to its holder' );
		assert.ok( ! text.includes( 'sk-ant-mock' ), 'the CLI’s key never appears' );
		const ping = JSON.parse( text ) as { status: string; version: string; drivers: { name: string; path: string; version: string; ready: boolean; logged_in: boolean }[]; pool: { size: number }; queue: { concurrency: number } };
		assert.equal( ping.status, 'ok' );
		assert.match( ping.version, /^\d+\.\d+\.\d+/ );
		assert.equal( ping.drivers[ 0 ]?.name, 'claude' );
		assert.equal( ping.drivers[ 0 ]?.version, '2.1.197' );
		assert.equal( ping.drivers[ 0 ]?.logged_in, true );
		assert.equal( ping.drivers[ 0 ]?.ready, true );
		assert.equal( ping.pool.size, 0 );
		assert.equal( ping.queue.concurrency, 4 );
	} );

	test( 'unknown route → 404 in a parseable shape', async () => {
		const res = await postJson( `${ backend.url }/v1/completions`, {} );
		assert.equal( res.status, 404 );
		const body = ( await res.json() ) as { type: string };
		assert.equal( body.type, 'error' );
	} );
} );
