/**
 * The contract every CLI driver passes (run from each driver's own test file): models with
 * aliases, unknown models refused, a generation that starts, streams text and ends with
 * usage, and an abort that ends it promptly.
 */

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';

import type { Driver, DriverEvent } from './types.ts';

/** `hangPrompt`: a prompt the driver's test setup answers never (so only the abort can end it). */
export function driverContract( name: string, make: () => Promise<Driver>, hangPrompt: string ): void {
	describe( `${ name } driver contract`, () => {
		let driver: Driver | undefined;
		const get = async () => ( driver ??= await make() );
		after( async () => driver?.close() );

		test( 'lists models, resolves known ones and refuses unknown ones', async () => {
			const d = await get();
			assert.ok( d.models().length > 0 );
			const first = d.models()[ 0 ]!.id;
			assert.equal( d.resolveModel( first ), first );
			assert.equal( d.resolveModel( 'no-such-model-xyz' ), undefined );
		} );

		test( 'a generation: start, text, end with usage', async () => {
			const d = await get();
			const events: DriverEvent[] = [];
			for await ( const event of d.generate( { model: d.models()[ 0 ]!.id, system: 'Be brief.', prompt: 'Hello', signal: AbortSignal.timeout( 30_000 ) } ) ) {
				events.push( event );
			}
			assert.equal( events[ 0 ]?.type, 'start' );
			assert.ok( events.some( ( e ) => e.type === 'text' && e.text.length > 0 ) );
			const end = events[ events.length - 1 ];
			assert.ok( end?.type === 'end' );
			assert.ok( end.usage.output_tokens > 0 );
		} );

		test( 'status names the driver and never holds secrets', async () => {
			const d = await get();
			const status = d.status();
			assert.equal( status.name, d.name );
			assert.doesNotMatch( JSON.stringify( status ), /"(sk-|awlb-)/ );
		} );

		test( 'an aborted generation ends promptly', async () => {
			const d = await get();
			const controller = new AbortController();
			setTimeout( () => controller.abort(), 50 ).unref();
			const started = Date.now();
			await assert.rejects( async () => {
				for await ( const _ of d.generate( { model: d.models()[ 0 ]!.id, system: '', prompt: hangPrompt, signal: controller.signal } ) ) {
					// Drain until the abort ends it.
				}
			} );
			assert.ok( Date.now() - started < 3000 );
		} );
	} );
}
