/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import BudgetsTab from '.';
import type { BudgetsForm } from '../../settings-form';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

const budgets = (): BudgetsForm => ( {
	site_daily_usd: '5',
	site_monthly_usd: '',
	user_daily_usd: '',
	alert_percent: '80',
	at_cap: 'refuse',
	alert_email: false,
	prices: [ { model: 'gpt-4o', input: '2.5', output: '10' } ],
	retention_days: '0',
} );

describe( 'BudgetsTab', () => {
	it( 'shows the caps, the behaviour at the cap and the prices', () => {
		const onChange = jest.fn();
		render(
			<BudgetsTab
				budgets={ budgets() }
				ingest={ { secret_set: true, secret_hint: '…wxyz' } }
				fieldError={ null }
				onChange={ onChange }
			/>
		);
		const value = ( label: string ) =>
			( screen.getByLabelText( label ) as HTMLInputElement ).value;
		expect( value( 'Site daily cap (USD)' ) ).toBe( '5' );
		expect( value( 'At the cap' ) ).toBe( 'refuse' );
		expect( value( 'Model' ) ).toBe( 'gpt-4o' );
		expect( screen.getByText( 'A secret is set (…wxyz).' ) ).toBeTruthy();

		fireEvent.change( screen.getByLabelText( 'Site monthly cap (USD)' ), {
			target: { value: '100' },
		} );
		expect( onChange ).toHaveBeenLastCalledWith( {
			...budgets(),
			site_monthly_usd: '100',
		} );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add a price' } )
		);
		expect( onChange.mock.lastCall[ 0 ].prices ).toHaveLength( 2 );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Remove gpt-4o' } )
		);
		expect( onChange.mock.lastCall[ 0 ].prices ).toEqual( [] );
	} );

	it( 'marks the field a 400 names', () => {
		render(
			<BudgetsTab
				budgets={ budgets() }
				ingest={ undefined }
				fieldError={ {
					path: 'budgets.alert_percent',
					message: 'budgets[alert_percent] must be at most 100.',
				} }
				onChange={ jest.fn() }
			/>
		);
		const field = screen.getByLabelText( 'Alert at (% of a cap)' );
		expect( field.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect(
			screen.getByText( 'budgets[alert_percent] must be at most 100.' )
		).toBeTruthy();
	} );

	it( 'generates a new ingest secret and shows it once', async () => {
		mockedApiFetch.mockResolvedValue( {
			secret: 'aw_secret_123',
			note: '',
		} );
		render(
			<BudgetsTab
				budgets={ budgets() }
				ingest={ { secret_set: false, secret_hint: '' } }
				fieldError={ null }
				onChange={ jest.fn() }
			/>
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Generate a new secret' } )
		);
		expect( await screen.findByText( 'aw_secret_123' ) ).toBeTruthy();
		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/agentic-writer/v1/usage/ingest/secret',
			method: 'POST',
		} );
	} );
} );
