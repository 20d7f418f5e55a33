/**
 * Internal dependencies
 */
import { readAdminConfig } from './admin-config';

describe( 'readAdminConfig', () => {
	it( 'reads the config the PHP page prints', () => {
		const config = {
			version: '0.1.0',
			localBackendDownload: {
				url: 'http://127.0.0.1:8881/wp-json/agentic-writer/v1/local-backend/download?_wpnonce=abc',
				available: true,
			},
		};
		expect( readAdminConfig( config ) ).toEqual( config );
	} );

	it( 'returns null when the page did not print one', () => {
		expect( readAdminConfig( undefined ) ).toBeNull();
		expect(
			readAdminConfig( { version: '0.1.0', localBackendDownload: {} } )
		).toBeNull();
	} );
} );
