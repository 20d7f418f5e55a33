#!/usr/bin/env node
/**
 * `npm test` in this workspace: node's test runner (Node 20 has no glob of its own) over
 * src/**\/*.test.ts (units) and test/**\/*.test.ts (integration), one file at a time.
 * Extra arguments pass through, e.g. `-- --test-reporter=junit --test-reporter-destination=out.xml`.
 */

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath( new URL( '..', import.meta.url ) );

function find( dir ) {
	return readdirSync( dir, { withFileTypes: true } ).flatMap( ( entry ) => {
		const path = join( dir, entry.name );
		if ( entry.isDirectory() ) {
			return entry.name === 'node_modules' || entry.name === 'fixtures' ? [] : find( path );
		}
		return entry.name.endsWith( '.test.ts' ) ? [ relative( root, path ) ] : [];
	} );
}

const only = process.argv.slice( 2 ).filter( ( a ) => ! a.startsWith( '--' ) );
const flags = process.argv.slice( 2 ).filter( ( a ) => a.startsWith( '--' ) );
const files = only.length ? only : [ ...find( join( root, 'src' ) ), ...find( join( root, 'test' ) ) ].sort();
const result = spawnSync( process.execPath, [ '--import', 'tsx', '--test', '--test-concurrency=1', ...flags, ...files ], { cwd: root, stdio: 'inherit' } );
process.exit( result.status ?? 1 );
