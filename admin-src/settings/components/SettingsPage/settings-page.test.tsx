/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import SettingsPage from '.';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

const config = ( available: boolean ) => ( {
	version: '0.1.0',
	localBackendDownload: {
		url: '/wp-json/agentic-writer/v1/local-backend/download?_wpnonce=abc',
		available,
	},
} );

describe( 'SettingsPage', () => {
	beforeEach( () => {
		mockedApiFetch.mockResolvedValue( {
			version: '0.1.0',
			schema_version: 1,
			db_engine: 'mysql',
			php_version: '8.2.36',
		} );
	} );

	it( 'shows its heading and the status from the server', async () => {
		render( <SettingsPage config={ config( true ) } /> );

		expect(
			screen.getByRole( 'heading', {
				level: 1,
				name: 'Agentic Writer settings',
			} )
		).toBeTruthy();
		expect( await screen.findByText( 'MySQL / MariaDB' ) ).toBeTruthy();
	} );

	it( 'links the download with its REST nonce', async () => {
		render( <SettingsPage config={ config( true ) } /> );

		const link = screen.getByRole( 'link', {
			name: 'Download the local backend',
		} );
		expect( link.getAttribute( 'href' ) ).toBe(
			'/wp-json/agentic-writer/v1/local-backend/download?_wpnonce=abc'
		);
		await screen.findByText( 'MySQL / MariaDB' );
	} );

	it( 'explains what to do when the package is missing', async () => {
		render( <SettingsPage config={ config( false ) } /> );

		expect(
			screen.queryByRole( 'link', { name: 'Download the local backend' } )
		).toBeNull();
		expect( screen.getByText( /run "npm run build"/ ) ).toBeTruthy();
		await screen.findByText( 'MySQL / MariaDB' );
	} );
} );
