import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadConfig, parseTiers } from '../config.ts';
import { EngineRouter } from './engine-router.ts';
import type { Driver, DriverEvent, GenerateRequest, ModelInfo } from './types.ts';

function fake( name: string, models: string[], installed = true ): Driver & { asked: string[] } {
	const asked: string[] = [];
	return {
		name,
		asked,
		models: (): ModelInfo[] => models.map( ( id ) => ( { id, display_name: id } ) ),
		resolveModel: ( m ) => ( models.includes( m ) ? m : undefined ),
		async *generate( request: GenerateRequest ): AsyncGenerator<DriverEvent> {
			asked.push( request.model );
			yield { type: 'text', text: `${ name }:${ request.model }` };
		},
		status: () => ( { name, path: null, version: installed ? '1.0.0' : null, ready: installed, logged_in: null, auth_method: null } ),
		poolStats: () => ( { size: 1, ready: 1, starting: 0, lent: 0, served_warm: 2, served_cold: 0, served_reused: 1, recycled: 0 } ),
		start: async () => {},
		close: async () => {},
	};
}

test( 'a tier picks its engine and model; other names go to the engine that accepts them', async () => {
	const claude = fake( 'claude', [ 'opus', 'sonnet' ] );
	const gemini = fake( 'gemini', [ 'gemini-2.5-flash' ] );
	const router = new EngineRouter( [ claude, gemini ], parseTiers( 'opus=claude:opus,fast=gemini:gemini-2.5-flash' ) );
	for await ( const _ of router.generate( { model: 'fast', system: '', prompt: 'x', signal: AbortSignal.timeout( 1000 ) } ) ) {
		// Drain.
	}
	assert.deepEqual( gemini.asked, [ 'gemini-2.5-flash' ] );
	assert.equal( router.route( 'sonnet' )?.driver, claude );
	assert.equal( router.resolveModel( 'nope' ), undefined );
	const ids = router.models().map( ( m ) => `${ m.id }@${ m.engine }` );
	assert.deepEqual( ids, [ 'opus@claude', 'fast@gemini', 'sonnet@claude', 'gemini-2.5-flash@gemini' ] );
	assert.equal( router.poolStats().served_reused, 2, 'pool figures add up over engines' );
} );

test( 'an engine whose CLI is not installed is not listed; its models still reach it (to answer 503 with how to install)', () => {
	const claude = fake( 'claude', [ 'opus' ], false );
	const router = new EngineRouter( [ claude, fake( 'codex', [ 'gpt-5' ] ) ], parseTiers( 'opus=claude:opus,smart=codex:gpt-5' ) );
	assert.equal( router.route( 'opus' )?.driver, claude );
	assert.equal( router.route( 'smart' )?.model, 'gpt-5' );
	assert.equal( router.resolveModel( 'nope' ), undefined );
	assert.deepEqual( router.models().map( ( m ) => m.id ), [ 'smart', 'gpt-5' ] );
} );

test( 'engines and tiers are validated at start, with a message per bad value', () => {
	const base = { AW_BACKEND_API_KEY: 'k', AW_BACKEND_KEY_FILE: '/tmp/aw-unused-key' };
	assert.deepEqual( loadConfig( base ).engines, [ 'claude', 'codex', 'gemini' ] );
	assert.deepEqual( loadConfig( { ...base, AW_BACKEND_TIERS: 'fast=gemini:gemini-2.5-flash' } ).tiers, { fast: { engine: 'gemini', model: 'gemini-2.5-flash' } } );
	assert.throws( () => loadConfig( { ...base, AW_BACKEND_ENGINES: 'claude,llama' } ), /AW_BACKEND_ENGINES.*claude, codex, gemini/ );
	assert.throws( () => loadConfig( { ...base, AW_BACKEND_TIERS: 'fast=gemini' } ), /AW_BACKEND_TIERS must look like/ );
	assert.throws( () => loadConfig( { ...base, AW_BACKEND_REUSE: 'always' } ), /AW_BACKEND_REUSE must be auto or off/ );
	assert.throws( () => loadConfig( { ...base, AW_BACKEND_REUSE_MAX_REQUESTS: '0' } ), /AW_BACKEND_REUSE_MAX_REQUESTS must be at least 1/ );
} );
