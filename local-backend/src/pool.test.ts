import assert from 'node:assert/strict';
import { test } from 'node:test';

import { type Warm, WarmPool } from './pool.ts';

class FakeWarm implements Warm {
	ready = true;
	alive = true;
	killed = false;
	boundTo: string | undefined;
	reusable = false;
	private end!: () => void;
	readonly exited = new Promise<void>( ( r ) => ( this.end = r ) );
	constructor( readonly key: string ) {}
	kill(): Promise<void> {
		this.killed = true;
		this.die();
		return this.exited;
	}
	die(): void {
		this.alive = false;
		this.end();
	}
}

function makePool( size: number ) {
	const spawned: FakeWarm[] = [];
	const pool = new WarmPool<FakeWarm>( size, ( key ) => {
		const w = new FakeWarm( key );
		spawned.push( w );
		return w;
	}, 'sonnet', 0 );
	pool.start();
	return { pool, spawned };
}

test( 'fills up front; a take hands a process out once and refills', () => {
	const { pool, spawned } = makePool( 2 );
	assert.equal( spawned.length, 2 );
	const taken = pool.take( 'sonnet' );
	assert.ok( taken );
	assert.equal( spawned.length, 3, 'refilled at once' );
	assert.notEqual( pool.take( 'sonnet' ), taken, 'never handed out twice' );
	assert.equal( pool.stats().served_warm, 2 );
} );

test( 'a miss makes room for the model now asked for', () => {
	const { pool, spawned } = makePool( 2 );
	assert.equal( pool.take( 'opus' ), undefined );
	assert.equal( pool.stats().served_cold, 1 );
	assert.ok( spawned[ 0 ]!.killed, 'an idle process of another model was replaced' );
	assert.equal( spawned[ spawned.length - 1 ]!.key, 'opus' );
	assert.ok( pool.take( 'opus' ) );
} );

test( 'a process dying before it is ready backs off instead of looping', async () => {
	const { pool, spawned } = makePool( 1 );
	spawned[ 0 ]!.ready = false;
	spawned[ 0 ]!.die();
	await new Promise( ( r ) => setTimeout( r, 20 ) );
	assert.equal( spawned.length, 1, 'no immediate respawn' );
	await new Promise( ( r ) => setTimeout( r, 600 ) );
	assert.equal( spawned.length, 2, 'respawned after the back-off' );
	await pool.close();
} );

test( 'close kills every idle process', async () => {
	const { pool, spawned } = makePool( 3 );
	await pool.close();
	assert.ok( spawned.every( ( w ) => w.killed ) );
	assert.equal( pool.take( 'sonnet' ), undefined );
} );

test( 'a refill waits for the request to end (or the delay) so it does not slow that request', async () => {
	const spawned: FakeWarm[] = [];
	const pool = new WarmPool<FakeWarm>( 1, ( key ) => {
		const w = new FakeWarm( key );
		spawned.push( w );
		return w;
	}, 'sonnet', 100 );
	pool.start();
	assert.ok( pool.take( 'sonnet' ) );
	assert.equal( spawned.length, 1, 'not refilled while the request starts' );
	pool.refillNow();
	assert.equal( spawned.length, 2, 'refilled once the request ended' );
	assert.ok( pool.take( 'sonnet' ) );
	await new Promise( ( r ) => setTimeout( r, 150 ) );
	assert.equal( spawned.length, 3, 'refilled after the delay even while the request runs' );
	await pool.close();
} );

function reusablePool( size: number ) {
	const spawned: FakeWarm[] = [];
	const pool = new WarmPool<FakeWarm>( size, ( key ) => {
		const w = new FakeWarm( key );
		w.reusable = true;
		spawned.push( w );
		return w;
	}, 'sonnet', 0 );
	pool.start();
	return { pool, spawned };
}

test( 'a reusable process comes back and serves only its own system prompt after that', () => {
	const { pool, spawned } = reusablePool( 1 );
	const first = pool.take( 'sonnet', 'system A' )!;
	assert.equal( spawned.length, 1, 'a lent process is not replaced: it comes back' );
	first.boundTo = 'system A';
	pool.giveBack( first );
	assert.equal( pool.take( 'sonnet', 'system B' ), undefined, 'another system prompt never gets it' );
	assert.equal( pool.stats().served_cold, 1 );
} );

test( 'the same system prompt gets the process back; reuse is counted', () => {
	const { pool } = reusablePool( 2 );
	const first = pool.take( 'sonnet', 'S' )!;
	first.boundTo = 'S';
	pool.giveBack( first );
	assert.equal( pool.take( 'sonnet', 'S' ), first, 'the bound process is preferred over a fresh one' );
	assert.equal( pool.stats().served_reused, 1 );
	const fresh = pool.take( 'sonnet', 'other' );
	assert.ok( fresh && fresh !== first && fresh.boundTo === undefined, 'a fresh process serves any system prompt' );
} );

test( 'live processes stay within the size: a process coming back over it evicts the one idle longest', () => {
	const { pool, spawned } = reusablePool( 2 );
	const cold = new FakeWarm( 'sonnet' );
	cold.reusable = true;
	cold.boundTo = 'S';
	pool.giveBack( cold );
	assert.equal( pool.stats().ready, 2 );
	assert.ok( spawned[ 0 ]!.killed, 'the oldest idle process went' );
	assert.ok( ! cold.killed );
} );

test( 'a discarded process is replaced; recycling is counted', () => {
	const { pool, spawned } = reusablePool( 1 );
	const taken = pool.take( 'sonnet', '' )!;
	pool.discard( taken, true );
	pool.refillNow();
	assert.equal( spawned.length, 2 );
	assert.equal( pool.stats().recycled, 1 );
	assert.equal( pool.stats().lent, 0 );
} );

test( 'with size 0 nothing is kept: a process coming back is ended', () => {
	const { pool } = reusablePool( 0 );
	const cold = new FakeWarm( 'sonnet' );
	cold.reusable = true;
	pool.giveBack( cold );
	assert.ok( cold.killed );
	assert.equal( pool.stats().ready, 0 );
} );
