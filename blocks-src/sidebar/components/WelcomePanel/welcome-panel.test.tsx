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
import WelcomePanel from '.';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

describe( 'WelcomePanel', () => {
	it( 'says what is not built yet, points to Settings and shows the status from the server', async () => {
		mockedApiFetch.mockResolvedValue( {
			version: '0.1.0',
			schema_version: 1,
			db_engine: 'sqlite',
			php_version: '8.2.36',
		} );
		render( <WelcomePanel /> );

		expect(
			screen.getByRole( 'button', { name: 'Welcome' } )
		).toBeTruthy();
		expect(
			screen.getByText( /not built into this sidebar yet.*Settings/ )
		).toBeTruthy();
		expect( await screen.findByText( 'SQLite' ) ).toBeTruthy();
	} );

	it( 'shows the server error a user can act on', async () => {
		mockedApiFetch.mockRejectedValue( {
			code: 'agentic_writer_forbidden',
			message: 'Ask a site administrator to change your role.',
		} );
		render( <WelcomePanel /> );

		expect(
			await screen.findByText(
				'Could not load the plugin status: Ask a site administrator to change your role.',
				{ ignore: '.a11y-speak-region, script, style' }
			)
		).toBeTruthy();
	} );
} );
