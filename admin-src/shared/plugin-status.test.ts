/**
 * Internal dependencies
 */
import { describeDbEngine, parsePluginStatus } from './plugin-status';

const valid = {
	version: '0.1.0',
	schema_version: 1,
	db_engine: 'sqlite',
	php_version: '8.2.36',
	wp_version: '6.8.3',
};

describe( 'parsePluginStatus', () => {
	it( 'accepts the body the status route returns', () => {
		expect( parsePluginStatus( valid ) ).toEqual( valid );
	} );

	it( 'accepts a body without the optional WordPress version', () => {
		const { wp_version: _omitted, ...withoutWp } = valid;
		expect( parsePluginStatus( withoutWp ).wp_version ).toBeUndefined();
	} );

	it( 'names the field that is wrong', () => {
		expect( () =>
			parsePluginStatus( { ...valid, db_engine: 'oracle' } )
		).toThrow( /db_engine/ );
		expect( () =>
			parsePluginStatus( { ...valid, schema_version: '1' } )
		).toThrow( /schema_version/ );
	} );

	it( 'rejects something that is not an object', () => {
		expect( () => parsePluginStatus( '<html>' ) ).toThrow(
			/Unexpected status response/
		);
	} );
} );

describe( 'describeDbEngine', () => {
	it( 'gives each engine a human name', () => {
		expect( describeDbEngine( 'sqlite' ) ).toBe( 'SQLite' );
		expect( describeDbEngine( 'mysql' ) ).toBe( 'MySQL / MariaDB' );
	} );
} );
