import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ApiError } from './middleware/errors.ts';
import { ConcurrencyLimiter } from './concurrency-limiter.ts';

const never = new AbortController().signal;

test( 'runs up to the limit, queues up to the bound, refuses past it with a Retry-After', async () => {
	const limiter = new ConcurrencyLimiter( 2, 1 );
	const a = await limiter.acquire( never );
	const b = await limiter.acquire( never );
	let queuedGranted = false;
	const queued = limiter.acquire( never ).then( ( release ) => {
		queuedGranted = true;
		return release;
	} );
	assert.deepEqual( { running: limiter.stats().running, waiting: limiter.stats().waiting }, { running: 2, waiting: 1 } );
	await assert.rejects( limiter.acquire( never ), ( e: unknown ) => e instanceof ApiError && e.kind === 'rate_limit' && ( e.retryAfterSeconds ?? 0 ) >= 1 );
	assert.equal( limiter.stats().rejected, 1 );
	a();
	a(); // Releasing twice must not free two slots.
	const c = await queued;
	assert.ok( queuedGranted );
	assert.equal( limiter.stats().running, 2 );
	b();
	c();
	assert.equal( limiter.stats().running, 0 );
} );

test( 'a request that goes away while queued leaves the queue', async () => {
	const limiter = new ConcurrencyLimiter( 1, 5 );
	const release = await limiter.acquire( never );
	const controller = new AbortController();
	const waiting = limiter.acquire( controller.signal );
	assert.equal( limiter.stats().waiting, 1 );
	controller.abort();
	await assert.rejects( waiting );
	assert.equal( limiter.stats().waiting, 0 );
	release();
	assert.equal( limiter.stats().running, 0 );
} );
