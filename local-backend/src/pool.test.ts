import assert from 'node:assert/strict';
import { test } from 'node:test';

import { type Warm, WarmPool } from './pool.ts';

class FakeWarm implements Warm {
	ready = true;
	alive = true;
	killed = false;
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
