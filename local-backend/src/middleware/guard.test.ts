import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isLoopback, parseByteSize } from '../config.ts';
import { hostnameOf } from './guard.ts';

test( 'Host headers reduce to a host name', () => {
	assert.equal( hostnameOf( '127.0.0.1:8080' ), '127.0.0.1' );
	assert.equal( hostnameOf( '[::1]:8080' ), '::1' );
	assert.equal( hostnameOf( 'LocalHost.:80' ), 'localhost' );
	assert.equal( hostnameOf( 'evil.example' ), 'evil.example' );
	assert.equal( hostnameOf( '127.1' ), '127.0.0.1' );
	assert.equal( hostnameOf( 'a b' ), undefined );
} );

test( 'loopback names: 127/8, ::1, localhost — not 0.0.0.0 or look-alikes', () => {
	for ( const name of [ '127.0.0.1', '127.3.2.1', '::1', 'localhost' ] ) {
		assert.equal( isLoopback( name ), true, name );
	}
	for ( const name of [ '0.0.0.0', '192.168.1.5', 'localhost.evil.example', '127.0.0.1.evil.example', '::' ] ) {
		assert.equal( isLoopback( name ), false, name );
	}
} );

test( 'body limits in bytes, 1024-based', () => {
	assert.equal( parseByteSize( '10mb' ), 10 * 1024 * 1024 );
	assert.equal( parseByteSize( '64KB' ), 64 * 1024 );
	assert.equal( parseByteSize( '512' ), 512 );
	assert.equal( parseByteSize( '512b' ), 512 );
	assert.throws( () => parseByteSize( '1gb' ) );
} );
