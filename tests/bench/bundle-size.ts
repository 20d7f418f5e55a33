// What the editor sidebar costs to download: its built files, gzipped one by one (each is its own
// request), in kB of 1024 bytes.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUILD_DIR = join( import.meta.dirname, '../../plugin/build' );

/**
 * The entry's script and stylesheet (Bundle.php enqueues `<entry>.css`; the `-rtl` twin replaces
 * it for right-to-left sites, so it is not counted) plus every other build file the editor page
 * was seen loading (chunks split off the entry).
 */
export function sidebarFiles( entry: string, loadedUrls: readonly string[] ): string[] {
	const files = new Set( [ `${ entry }.js`, `${ entry }.css` ] );
	for ( const url of loadedUrls ) {
		const name = basename( new URL( url ).pathname );
		if ( /\.(js|css)$/.test( name ) && ! name.endsWith( '-rtl.css' ) ) {
			files.add( name );
		}
	}
	return [ ...files ].map( ( name ) => join( BUILD_DIR, name ) ).filter( ( file ) => existsSync( file ) );
}

/** Sum of each file's gzip size (zlib level 9), in kB of 1024 bytes. */
export function gzipKb( files: readonly string[] ): number {
	const bytes = files.reduce( ( sum, file ) => sum + gzipSync( readFileSync( file ), { level: 9 } ).length, 0 );
	return bytes / 1024;
}
