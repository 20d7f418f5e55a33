import assert from 'node:assert/strict';
import { test } from 'node:test';

import { errorFromResult, StreamJsonTranslator } from './claude-stream.ts';
import { DriverError, type DriverEvent } from './types.ts';

const line = ( o: unknown ) => JSON.stringify( o );
const ev = ( event: unknown ) => line( { type: 'stream_event', event } );
const start = ( id: string ) => ev( { type: 'message_start', message: { id, model: 'claude-sonnet-5', usage: { input_tokens: 7, output_tokens: 1 } } } );
const delta = ( text: string ) => ev( { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } } );
const result = ( extra: Record<string, unknown> = {} ) =>
	line( { type: 'result', subtype: 'success', is_error: false, stop_reason: 'end_turn', total_cost_usd: 0.01, usage: { input_tokens: 7, output_tokens: 5, cache_read_input_tokens: 2 }, ...extra } );

function run( lines: string[], kind: 'subscription' | 'local' = 'subscription' ): DriverEvent[] {
	const t = new StreamJsonTranslator( () => kind );
	return lines.flatMap( ( l ) => t.feed( l ) );
}

test( 'deltas pass through as they come; usage and cost come from the result line', () => {
	const events = run( [ line( { type: 'system', subtype: 'init', apiKeySource: 'none' } ), start( 'msg_1' ), delta( 'Hel' ), delta( 'lo' ), ev( { type: 'message_delta', delta: { stop_reason: 'max_tokens' }, usage: { output_tokens: 5 } } ), line( { type: 'assistant', message: { id: 'msg_1', model: 'claude-sonnet-5', content: [ { type: 'text', text: 'Hello' } ] } } ), result( { stop_reason: 'max_tokens' } ) ] );
	assert.deepEqual( events.map( ( e ) => e.type ), [ 'start', 'text', 'text', 'end' ] );
	assert.deepEqual( events.filter( ( e ) => e.type === 'text' ).map( ( e ) => ( e as { text: string } ).text ), [ 'Hel', 'lo' ] );
	const end = events[ 3 ] as Extract<DriverEvent, { type: 'end' }>;
	assert.equal( end.stopReason, 'max_tokens' );
	assert.equal( end.costUsd, 0.01 );
	assert.equal( end.costKind, 'subscription' );
	assert.deepEqual( end.usage, { input_tokens: 7, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 2 } );
} );

test( 'thinking deltas and non-JSON lines are not answer text', () => {
	const events = run( [ 'warning: something', start( 'msg_1' ), ev( { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } } ), delta( 'A' ), result() ] );
	assert.deepEqual( events.filter( ( e ) => e.type === 'text' ).map( ( e ) => ( e as { text: string } ).text ), [ 'A' ] );
} );

test( 'the synthetic error message is never output; the failure is typed', () => {
	const t = new StreamJsonTranslator( () => 'subscription' );
	assert.deepEqual( t.feed( line( { type: 'assistant', message: { id: 'x', model: '<synthetic>', content: [ { type: 'text', text: 'Not logged in · Please run /login' } ] } } ) ), [] );
	assert.throws(
		() => t.feed( result( { is_error: true, result: 'Not logged in · Please run /login', api_error_status: null } ) ),
		( e: unknown ) => e instanceof DriverError && e.kind === 'authentication' && /run `claude` once and \/login/.test( e.message )
	);
} );

test( 'a dropped stream retried by the CLI sends only the text not yet sent', () => {
	const events = run( [ start( 'msg_1' ), delta( 'One ' ), delta( 'two ' ), line( { type: 'assistant', message: { id: 'msg_2', model: 'claude-sonnet-5', content: [ { type: 'text', text: 'One two three.' } ], stop_reason: 'end_turn' } } ), result() ] );
	const text = events.filter( ( e ) => e.type === 'text' ).map( ( e ) => ( e as { text: string } ).text );
	assert.deepEqual( text, [ 'One ', 'two ', 'three.' ] );
	assert.equal( events.filter( ( e ) => e.type === 'start' ).length, 1 );
} );

test( 'a retry that diverges from what was sent fails instead of garbling', () => {
	const t = new StreamJsonTranslator( () => 'subscription' );
	t.feed( start( 'msg_1' ) );
	t.feed( delta( 'One two' ) );
	t.feed( start( 'msg_2' ) );
	assert.throws( () => t.feed( delta( 'Another' ) ), ( e: unknown ) => e instanceof DriverError && e.kind === 'upstream' );
} );

test( 'CLI failures map to kinds', () => {
	assert.equal( errorFromResult( 'API Error: Request rejected (429) · slow down', 429 ).kind, 'rate_limit' );
	assert.equal( errorFromResult( 'API Error: 529 overloaded', 529 ).kind, 'overloaded' );
	assert.equal( errorFromResult( 'Request timed out', null ).kind, 'timeout' );
	assert.equal( errorFromResult( 'API Error: Unable to connect to API (ECONNRESET)', null ).kind, 'upstream' );
	assert.equal( errorFromResult( 'API Error: 400 prompt is too long', 400 ).kind, 'invalid_request' );
	assert.equal( errorFromResult( 'API Error: 500 boom', 500 ).kind, 'api' );
	const limit = errorFromResult( `Claude AI usage limit reached|${ Math.floor( Date.now() / 1000 ) + 3600 }`, null );
	assert.equal( limit.kind, 'rate_limit' );
	assert.ok( limit.retryAfterSeconds && limit.retryAfterSeconds > 3500 && limit.retryAfterSeconds <= 3600 );
} );
