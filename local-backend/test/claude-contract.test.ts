/**
 * The shared driver contract with the real pinned claude CLI against the mock Messages API, for
 * each reuse mechanism: processes reused (`clear`, the start-up check passes) and one process per
 * request (`none`, AW_BACKEND_REUSE=off): the same lockdown and isolation checks at the upstream
 * as every other engine.
 */

import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { ClaudeDriver } from '../src/drivers/claude.ts';
import { driverContract } from '../src/drivers/driver-contract.ts';
import { anthropicView } from './engine-upstream.ts';
import { CLAUDE_BIN, type MockUpstream, offlineCliEnv, removeHomes, startMockUpstream } from './helpers.ts';

let mock: MockUpstream;

before( async () => {
	mock = await startMockUpstream();
} );

after( async () => {
	await mock?.close();
	removeHomes();
} );

async function makeDriver( reuse: 'auto' | 'off' ): Promise<ClaudeDriver> {
	const driver = new ClaudeDriver( { bin: CLAUDE_BIN, poolSize: 1, timeoutMs: 60_000, stallMs: 30_000, env: offlineCliEnv( mock.url ), reuse } );
	await driver.start();
	assert.equal( driver.status().reuse?.mechanism, reuse === 'auto' ? 'clear' : 'none' );
	return driver;
}

driverContract( 'claude (real CLI 2.1.197, mock Messages API, reused processes)', () => makeDriver( 'auto' ), 'Hello [[mock:hang]]', anthropicView( () => mock ) );
driverContract( 'claude (real CLI 2.1.197, mock Messages API, one process per request)', () => makeDriver( 'off' ), 'Hello [[mock:hang]]', anthropicView( () => mock ) );
