#!/usr/bin/env node
// Zips the plugin folder for wp-admin's upload form: one top folder `agentic-writer/`, built JS in,
// development files out. Refuses to write a zip over 2 MB (a stock PHP's upload_max_filesize).
//   node scripts/package-plugin.mjs <plugin dir> <out.zip>
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ZipArchive } from 'archiver';

const [ src, out ] = process.argv.slice( 2 );
const LIMIT = 2 * 1024 * 1024;
// Never shipped: tests, tool configs, source maps, editor and VCS litter.
const IGNORE = [ '**/*.test.*', '**/tests/**', '**/*.map', '**/.DS_Store', '**/.git*', '**/phpcs.xml*', '**/phpunit.xml*', '**/composer.*', '**/node_modules/**' ];

for ( const required of [ 'agentic-writer.php', 'readme.txt', 'uninstall.php', 'build/editor-sidebar.js', 'build/editor-sidebar.asset.php', 'build/agentic-writer-local-backend.zip' ] ) {
	if ( ! existsSync( `${ src }/${ required }` ) ) {
		console.error( `package: ${ src }/${ required } is missing — run npm run build first` );
		process.exit( 1 );
	}
}
mkdirSync( dirname( out ), { recursive: true } );
const archive = new ZipArchive( { zlib: { level: 9 } } );
const done = new Promise( ( resolve, reject ) => {
	const stream = createWriteStream( out );
	stream.on( 'close', resolve );
	archive.on( 'error', reject );
	archive.on( 'warning', reject );
	archive.pipe( stream );
} );
archive.glob( '**/*', { cwd: src, ignore: IGNORE, dot: false }, { prefix: 'agentic-writer' } );
await archive.finalize();
await done;
const size = statSync( out ).size;
if ( size > LIMIT ) {
	console.error( `package: ${ out } is ${ size } bytes, over the 2 MB upload limit of a stock PHP` );
	process.exit( 1 );
}
console.error( `package: wrote ${ out } (${ ( size / 1024 ).toFixed( 0 ) } KiB)` );
