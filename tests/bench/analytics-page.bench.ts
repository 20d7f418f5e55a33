// What the Analytics page costs to download: its own built files (admin-analytics.js and
// admin-analytics.css, uPlot and its stylesheet included), each gzipped (zlib level 9), kB of
// 1024 bytes. WordPress's own scripts (wp-components, wp-element…) are shared with every admin
// page and not counted. Budget (issue 10): ≤ 60.
//   analytics_page_gzip_kb
// Reads plugin/build/ as `npm run build` left it; builds first when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { BUILD_DIR, gzipKb } from './bundle-size.ts';
import { round } from './stats.ts';

const ENTRY = 'admin-analytics';

export async function run(): Promise< Record< string, number > > {
	const files = [ `${ ENTRY }.js`, `${ ENTRY }.css` ].map( ( name ) => join( BUILD_DIR, name ) );
	if ( ! files.every( ( file ) => existsSync( file ) ) ) {
		execFileSync( 'npx', [ 'wp-scripts', 'build' ], { cwd: join( BUILD_DIR, '../..' ), stdio: 'inherit' } );
	}
	// The chart library's share, for whoever reads the log (its ESM build, as webpack takes it).
	const uplot = join( import.meta.dirname, '../../node_modules/uplot/dist/uPlot.iife.min.js' );
	const uplotKb = existsSync( uplot ) ? gzipSync( readFileSync( uplot ), { level: 9 } ).length / 1024 : NaN;
	const kb = gzipKb( files );
	process.stderr.write(
		`bench: analytics page: ${ files.map( ( f ) => `${ f.slice( f.lastIndexOf( '/' ) + 1 ) } ${ round( gzipKb( [ f ] ) ) } kB` ).join( ' + ' ) }; ` +
			`uPlot alone (min, gzip) ≈ ${ round( uplotKb ) } kB\n`
	);
	return { analytics_page_gzip_kb: round( kb ) };
}
