/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { errorMessage, fetchPluginStatus } from './api-client';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

describe( 'fetchPluginStatus', () => {
	it( 'reads the status route and checks the body', async () => {
		mockedApiFetch.mockResolvedValueOnce( {
			version: '0.1.0',
			schema_version: 1,
			db_engine: 'mysql',
			php_version: '8.2.36',
		} );

		const status = await fetchPluginStatus();

		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/agentic-writer/v1/status',
		} );
		expect( status.db_engine ).toBe( 'mysql' );
	} );

	it( 'rejects a body of the wrong shape', async () => {
		mockedApiFetch.mockResolvedValueOnce( { version: 1 } );
		await expect( fetchPluginStatus() ).rejects.toThrow( /version/ );
	} );
} );

describe( 'errorMessage', () => {
	it( 'uses the message of a WordPress REST error', () => {
		expect(
			errorMessage( {
				code: 'agentic_writer_forbidden',
				message: 'Ask an administrator.',
			} )
		).toBe( 'Ask an administrator.' );
	} );

	it( 'uses an Error message or a string', () => {
		expect( errorMessage( new Error( 'Network down' ) ) ).toBe(
			'Network down'
		);
		expect( errorMessage( 'Timed out' ) ).toBe( 'Timed out' );
	} );

	it( 'falls back to advice when there is nothing to show', () => {
		expect( errorMessage( undefined ) ).toMatch( /reload the page/ );
		expect( errorMessage( { message: '' } ) ).toMatch( /reload the page/ );
	} );
} );
