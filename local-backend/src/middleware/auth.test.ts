import assert from 'node:assert/strict';
import { test } from 'node:test';

import { keyMatches, presentedKey } from './auth.ts';

test( 'the key is read from x-api-key or a Bearer token', () => {
	assert.equal( presentedKey( { 'x-api-key': 'abc' } ), 'abc' );
	assert.equal( presentedKey( { authorization: 'Bearer abc' } ), 'abc' );
	assert.equal( presentedKey( { authorization: 'bearer  abc ' } ), 'abc' );
	assert.equal( presentedKey( { authorization: 'Basic abc' } ), undefined );
	assert.equal( presentedKey( {} ), undefined );
} );

test( 'keys compare exactly, whatever their lengths', () => {
	assert.equal( keyMatches( 'secret', 'secret' ), true );
	assert.equal( keyMatches( 'secreT', 'secret' ), false );
	assert.equal( keyMatches( 'secret-longer', 'secret' ), false );
	assert.equal( keyMatches( undefined, 'secret' ), false );
} );
