/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import StatusSummary from '.';

describe( 'StatusSummary', () => {
	it( 'says it is loading', () => {
		render( <StatusSummary result={ { state: 'loading' } } /> );
		expect( screen.getByText( 'Loading plugin status…' ) ).toBeTruthy();
	} );

	it( 'shows the error message', () => {
		render(
			<StatusSummary
				result={ { state: 'error', message: 'Ask an administrator.' } }
			/>
		);
		expect(
			// The Notice also speaks its text into a hidden live region: look past it.
			screen.getByText(
				'Could not load the plugin status: Ask an administrator.',
				{ ignore: '.a11y-speak-region, script, style' }
			)
		).toBeTruthy();
	} );

	it( 'lists what the plugin runs on', () => {
		render(
			<StatusSummary
				result={ {
					state: 'ready',
					status: {
						version: '0.1.0',
						schema_version: 1,
						db_engine: 'sqlite',
						php_version: '8.2.36',
						wp_version: '6.8.3',
					},
				} }
			/>
		);
		const list = screen.getByLabelText( 'Plugin status' );
		expect( list.textContent ).toContain( 'SQLite' );
		expect( screen.getByText( '8.2.36' ) ).toBeTruthy();
		expect( screen.getByText( '6.8.3' ) ).toBeTruthy();
	} );

	it( 'says when the usage table is not installed', () => {
		render(
			<StatusSummary
				result={ {
					state: 'ready',
					status: {
						version: '0.1.0',
						schema_version: 0,
						db_engine: 'mysql',
						php_version: '8.2.36',
					},
				} }
			/>
		);
		expect( screen.getByText( 'not installed' ) ).toBeTruthy();
		expect( screen.queryByText( 'WordPress' ) ).toBeNull();
	} );
} );
