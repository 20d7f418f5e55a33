/**
 * The contract every CLI driver passes (run from each driver's own test file): models with
 * aliases, unknown models refused, a generation that starts, streams text and ends with
 * usage, and an abort that ends it promptly. Given the mock upstream the driver's CLI calls,
 * also the lockdown and the isolation between requests, proven where it matters, at that
 * upstream: no tool beyond `allowedTools`, a `/command` or `@file` in the text reaches the
 * model as text, and request B sends nothing of request A (prompt, prior assistant turn,
 * system prompt) whatever the engine does between requests.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

import { flattenConversation } from '../conversation.ts';
import type { Driver, DriverEvent } from './types.ts';

/** What the driver's CLI sent to its mock upstream. */
export interface UpstreamView {
	reset(): void;
	/** Generation requests since the last reset (bodies and headers as the mock recorded them). */
	generations(): { body: unknown; headers: Record<string, string> }[];
	/** Tool names offered to the model in a generation request body. */
	tools( body: unknown ): string[];
	/** The text of the last user turn in a generation request body. */
	lastUserText( body: unknown ): string;
	/** Tools the engine cannot be made to drop (each with why it is harmless in the README). */
	allowedTools: string[];
}

async function drain( driver: Driver, model: string, system: string, prompt: string ): Promise<string> {
	let text = '';
	for await ( const event of driver.generate( { model, system, prompt, signal: AbortSignal.timeout( 60_000 ) } ) ) {
		if ( event.type === 'text' ) {
			text += event.text;
		}
	}
	return text;
}

/** `hangPrompt`: a prompt the driver's test setup answers never (so only the abort can end it). */
export function driverContract( name: string, make: () => Promise<Driver>, hangPrompt: string, upstream?: UpstreamView ): void {
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

		if ( ! upstream ) {
			return;
		}
		const view: UpstreamView = upstream;
		const secretDir = mkdtempSync( join( tmpdir(), 'aw-contract-' ) );
		const secretFile = join( secretDir, 'secret.txt' );
		writeFileSync( secretFile, 'AWC-SECRET-FILE-CONTENT-77d\n' );
		after( () => rmSync( secretDir, { recursive: true, force: true } ) );

		test( 'lockdown at the upstream: no tools, a /command and an @file are text', async () => {
			const d = await get();
			const model = d.models()[ 0 ]!.id;
			for ( const prompt of [ '/help', '/clear', `@${ secretFile } what is in it` ] ) {
				view.reset();
				await drain( d, model, '', prompt );
				const sent = view.generations();
				assert.equal( sent.length, 1, `${ prompt }: one generation upstream` );
				assert.equal( view.lastUserText( sent[ 0 ]!.body ).trim(), prompt, `${ prompt } reached the model as written` );
				const extra = view.tools( sent[ 0 ]!.body ).filter( ( t ) => ! view.allowedTools.includes( t ) );
				assert.deepEqual( extra, [], 'no tool offered to the model' );
				assert.ok( ! JSON.stringify( sent[ 0 ]!.body ).includes( 'AWC-SECRET-FILE-CONTENT' ), 'no file read' );
			}
		} );

		test( 'isolation at the upstream: request B sends nothing of request A', async () => {
			const d = await get();
			const model = d.models()[ 0 ]!.id;
			const mark = { system: 'AWC-SYSTEM-A-5e1', assistant: 'AWC-ASSISTANT-A-5e1', prompt: 'AWC-PROMPT-A-5e1' };
			view.reset();
			const promptA = flattenConversation( [
				{ role: 'user', text: 'Name a colour.' },
				{ role: 'assistant', text: `Blue ${ mark.assistant }` },
				{ role: 'user', text: `Another ${ mark.prompt }` },
			] );
			await drain( d, model, `Be brief. ${ mark.system }`, promptA );
			const a = JSON.stringify( view.generations() );
			assert.ok( Object.values( mark ).every( ( m ) => a.includes( m ) ), 'A went upstream with its markers' );
			for ( const system of [ `Be brief. ${ mark.system }`, 'Be brief.' ] ) {
				view.reset();
				await drain( d, model, system, 'Request B.' );
				const b = view.generations();
				assert.equal( b.length, 1 );
				const sent = JSON.stringify( b );
				for ( const [ where, marker ] of Object.entries( mark ) ) {
					// B with A's system text carries that text as its own; nothing else of A.
					if ( where === 'system' && system.includes( marker ) ) {
						continue;
					}
					assert.ok( ! sent.includes( marker ), `B (system "${ system }") carries no ${ where } marker of A` );
				}
			}
		} );
	} );
}
