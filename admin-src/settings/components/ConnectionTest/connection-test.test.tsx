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
import ConnectionTest, { healthLabel } from '.';
import type { ProviderStatus } from '../../../shared/provider-settings';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

const status = ( over: Partial< ProviderStatus > ): ProviderStatus => ( {
	id: 'openrouter',
	label: 'OpenRouter',
	kind: 'cloud',
	configured: true,
	health: null,
	breaker: { state: 'closed', failures: 0, retry_at: null },
	...over,
} );

describe( 'healthLabel', () => {
	it( 'puts an open breaker before the last health', () => {
		expect(
			healthLabel(
				status( {
					breaker: { state: 'open', failures: 3, retry_at: 1 },
					health: {
						ok: true,
						code: 'ok',
						message: '',
						checked_at: '',
					},
				} )
			)
		).toBe( 'Paused after 3 failures (circuit open)' );
		expect( healthLabel( status( { configured: false } ) ) ).toBe(
			'Not configured'
		);
		expect( healthLabel( status( {} ) ) ).toBe( 'Not checked yet' );
	} );
} );

describe( 'ConnectionTest', () => {
	it( 'shows the actionable message the test returns', async () => {
		mockedApiFetch.mockResolvedValueOnce( {
			provider: 'openrouter',
			ok: false,
			code: 'auth',
			message: 'OpenRouter rejected the API key (401).',
			latency_ms: 12,
		} );
		const onTested = jest.fn();
		render(
			<ConnectionTest
				providerId="openrouter"
				status={ status( {} ) }
				dirty={ false }
				onTested={ onTested }
			/>
		);

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Test connection' } )
		);

		expect(
			await screen.findByText( 'OpenRouter rejected the API key (401).', {
				ignore: '.a11y-speak-region, script, style',
			} )
		).toBeTruthy();
		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/agentic-writer/v1/providers/openrouter/test',
			method: 'POST',
		} );
		expect( onTested ).toHaveBeenCalled();
	} );
} );
