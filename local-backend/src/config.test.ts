import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { ConfigError, loadConfig, parseFlags } from './config.ts';

const dir = mkdtempSync( join( tmpdir(), 'aw-lb-config-' ) );
after( () => rmSync( dir, { recursive: true, force: true } ) );
const keyFile = ( name: string ) => join( dir, name );

test( 'defaults follow DESIGN.md §4', () => {
	const c = loadConfig( { AW_BACKEND_API_KEY: 'k' } );
	assert.equal( c.host, '127.0.0.1' );
	assert.equal( c.port, 8080 );
	assert.equal( c.claudeBin, 'claude' );
	assert.equal( c.pool, 2 );
	assert.equal( c.concurrency, 4 );
	assert.equal( c.timeoutMs, 300000 );
} );

test( 'same-named flags override the environment', () => {
	const c = loadConfig( { AW_BACKEND_API_KEY: 'k', AW_BACKEND_PORT: '9000' }, [ '--port', '9100', '--AW_BACKEND_POOL=0', '--aw-backend-concurrency', '2' ] );
	assert.equal( c.port, 9100 );
	assert.equal( c.pool, 0 );
	assert.equal( c.concurrency, 2 );
	assert.throws( () => parseFlags( [ '--bogus', '1' ] ), /unknown option "--bogus"/ );
	assert.throws( () => parseFlags( [ '--port' ] ), /needs a value/ );
} );

test( 'every bad value is named in one message', () => {
	assert.throws(
		() => loadConfig( { AW_BACKEND_API_KEY: 'k', AW_BACKEND_PORT: 'eighty', AW_BACKEND_CONCURRENCY: '0', AW_BACKEND_HOST: 'my laptop' } ),
		( e: unknown ) =>
			e instanceof ConfigError &&
			/AW_BACKEND_PORT="eighty": AW_BACKEND_PORT must be a whole number/.test( e.message ) &&
			/AW_BACKEND_CONCURRENCY="0": AW_BACKEND_CONCURRENCY must be at least 1/.test( e.message ) &&
			/AW_BACKEND_HOST="my laptop"/.test( e.message )
	);
} );

test( 'all interfaces without a key is refused', () => {
	assert.throws( () => loadConfig( { AW_BACKEND_HOST: '0.0.0.0', AW_BACKEND_API_KEY: '' } ), /refusing to listen on 0\.0\.0\.0 without an API key/ );
	assert.equal( loadConfig( { AW_BACKEND_HOST: '0.0.0.0', AW_BACKEND_API_KEY: 'secret' } ).host, '0.0.0.0' );
	assert.equal( loadConfig( { AW_BACKEND_API_KEY: '' } ).apiKeySource, 'none' );
} );

test( 'a key is generated once into the key file with mode 600, then reused', () => {
	const file = keyFile( 'generated' );
	const first = loadConfig( { AW_BACKEND_KEY_FILE: file } );
	assert.equal( first.apiKeySource, 'generated' );
	assert.match( first.apiKey, /^awlb-[A-Za-z0-9_-]{32}$/ );
	assert.equal( statSync( file ).mode & 0o777, 0o600 );
	assert.equal( readFileSync( file, 'utf8' ).trim(), first.apiKey );
	const second = loadConfig( { AW_BACKEND_KEY_FILE: file } );
	assert.equal( second.apiKeySource, 'file' );
	assert.equal( second.apiKey, first.apiKey );
} );
