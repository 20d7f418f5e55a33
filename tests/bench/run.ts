// npm run bench: runs every `*.bench.ts` in tests/bench/ and local-backend/bench/ one after the other
// (each exports `run(): Promise<Record<string, number>>`), prints a table and writes
// tests/bench/results/latest.json. A benchmark that throws is reported and makes the exit status 1.
//   tsx tests/bench/run.ts [name-filter]
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join( import.meta.dirname, '../..' );
const dirs = [ join( root, 'tests/bench' ), join( root, 'local-backend/bench' ) ];
const filter = process.argv[ 2 ] ?? '';
const files = dirs
	.filter( ( d ) => existsSync( d ) )
	.flatMap( ( d ) => readdirSync( d ).filter( ( f ) => f.endsWith( '.bench.ts' ) ).map( ( f ) => join( d, f ) ) )
	.filter( ( f ) => f.includes( filter ) );

const metrics: Record< string, number > = {};
let failed = 0;
for ( const file of files ) {
	const name = file.slice( root.length + 1 );
	process.stderr.write( `bench: ${ name } …\n` );
	try {
		const mod = ( await import( pathToFileURL( file ).href ) ) as { run: () => Promise< Record< string, number > > };
		Object.assign( metrics, await mod.run() );
	} catch ( e ) {
		failed++;
		process.stderr.write( `bench: ${ name } failed: ${ e instanceof Error ? e.stack : String( e ) }\n` );
	}
}
const width = Math.max( 10, ...Object.keys( metrics ).map( ( k ) => k.length ) );
console.log( `${ 'metric'.padEnd( width ) }  value` );
for ( const [ k, v ] of Object.entries( metrics ) ) {
	console.log( `${ k.padEnd( width ) }  ${ v }` );
}
// A filtered run updates its own metrics and keeps the others from the last full run.
const out = join( root, 'tests/bench/results/latest.json' );
const previous = filter && existsSync( out ) ? ( JSON.parse( readFileSync( out, 'utf8' ) ) as Record< string, number > ) : {};
writeFileSync( out, JSON.stringify( { ...previous, ...metrics }, null, 2 ) + '\n' );
process.exit( failed ? 1 : 0 );
