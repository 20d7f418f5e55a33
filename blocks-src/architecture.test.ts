/**
 * External dependencies
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function sourceFiles( dir: string ): string[] {
	return readdirSync( dir ).flatMap( ( name ) => {
		const full = path.join( dir, name );
		if ( statSync( full ).isDirectory() ) {
			return sourceFiles( full );
		}
		return /\.tsx?$/.test( name ) ? [ full ] : [];
	} );
}

describe( 'architecture', () => {
	it( 'the editor sidebar uses nothing of admin-src but shared/', () => {
		const offenders = sourceFiles( __dirname ).filter( ( file ) =>
			/from '[./]*admin-src\/(?!shared\/)/.test(
				readFileSync( file, 'utf8' )
			)
		);
		expect( offenders ).toEqual( [] );
	} );

	it( 'the admin pages do not reach into the editor sidebar', () => {
		const adminSrc = path.resolve( __dirname, '../admin-src' );
		const offenders = sourceFiles( adminSrc ).filter( ( file ) =>
			/from '[./]*blocks-src\//.test( readFileSync( file, 'utf8' ) )
		);
		expect( offenders ).toEqual( [] );
	} );
} );
