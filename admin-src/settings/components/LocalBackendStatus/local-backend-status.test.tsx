/**
 * External dependencies
 */
import {
	act,
	fireEvent,
	render,
	screen,
	waitFor,
	within,
} from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import LocalBackendStatus from '.';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

const running = {
	configured: true,
	base_url: 'http://192.168.1.20:8080',
	reachable: true,
	ok: true,
	message: 'The local backend answers.',
	latency_ms: 12.4,
	status: 'ok',
	version: '0.1.0',
	drivers: [
		{
			name: 'claude',
			version: '2.1.197',
			ready: true,
			logged_in: true,
			login_method: 'subscription',
		},
		{
			name: 'codex',
			version: null,
			ready: false,
			logged_in: null,
			login_method: null,
		},
	],
	pool: { size: 2, ready: 1, starting: 1, served_warm: 5, served_cold: 2 },
	queue: { running: 0, waiting: 0 },
};

const down = {
	...running,
	reachable: false,
	ok: false,
	message:
		'No local backend answers at http://192.168.1.20:8080: start it with ./start.sh.',
	latency_ms: null,
	status: null,
	version: null,
	drivers: [],
	pool: null,
	queue: null,
};

const panel = () =>
	screen.getByRole( 'region', { name: 'Local backend status' } );

describe( 'LocalBackendStatus', () => {
	it( 'shows version, each CLI with its login and the pool', async () => {
		mockedApiFetch.mockResolvedValue( running );
		render( <LocalBackendStatus refreshMs={ 0 } /> );

		expect( await screen.findByText( 'Running' ) ).toBeTruthy();
		expect( mockedApiFetch ).toHaveBeenCalledWith( {
			path: '/agentic-writer/v1/local-backend/status',
		} );
		expect( screen.getByText( 'yes, in 12 ms' ) ).toBeTruthy();
		expect(
			screen.getByText(
				'1 of 2 ready, 1 starting; 5 served warm, 2 cold'
			)
		).toBeTruthy();
		const table = screen.getByRole( 'table', { name: 'CLI drivers' } );
		const claude = within( table ).getByRole( 'row', { name: /claude/ } );
		expect( within( claude ).getByText( '2.1.197' ) ).toBeTruthy();
		expect(
			within( claude ).getByText( 'yes (subscription)' )
		).toBeTruthy();
		const codex = within( table ).getByRole( 'row', { name: /codex/ } );
		expect( within( codex ).getAllByText( 'unknown' ) ).toHaveLength( 2 );
		expect( within( codex ).getByText( 'no' ) ).toBeTruthy();
	} );

	it( 'says plainly when nothing answers, and checks again on request without blanking', async () => {
		let answer: unknown = down;
		let release: () => void = () => {};
		mockedApiFetch.mockImplementation(
			() =>
				new Promise( ( resolve ) => {
					release = () => resolve( answer );
					if ( answer === down ) {
						release();
					}
				} )
		);
		render( <LocalBackendStatus refreshMs={ 0 } /> );

		expect( await screen.findByText( 'Not reachable' ) ).toBeTruthy();
		expect(
			within( panel() ).getByText( /start it with \.\/start\.sh/ )
		).toBeTruthy();

		answer = running;
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Check again' } )
		);
		// While the next answer is read, the last one stays.
		expect( screen.getByText( 'Not reachable' ) ).toBeTruthy();
		expect(
			screen
				.getByRole( 'button', { name: 'Check again' } )
				.getAttribute( 'aria-disabled' )
		).toBe( 'true' );
		release();
		expect( await screen.findByText( 'Running' ) ).toBeTruthy();
		expect( screen.queryByText( 'Not reachable' ) ).toBeNull();
	} );

	it( 'checks again on its own while shown', async () => {
		jest.useFakeTimers();
		mockedApiFetch.mockResolvedValue( running );
		const { unmount } = render( <LocalBackendStatus refreshMs={ 1000 } /> );
		await waitFor( () =>
			expect( mockedApiFetch ).toHaveBeenCalledTimes( 1 )
		);
		act( () => jest.advanceTimersByTime( 1000 ) );
		await waitFor( () =>
			expect( mockedApiFetch ).toHaveBeenCalledTimes( 2 )
		);
		unmount();
		act( () => jest.advanceTimersByTime( 5000 ) );
		expect( mockedApiFetch ).toHaveBeenCalledTimes( 2 );
		jest.useRealTimers();
	} );

	it( 'reports a site that cannot answer the question', async () => {
		mockedApiFetch.mockRejectedValue( {
			code: 'rest_no_route',
			message: 'No route was found matching the URL and request method.',
		} );
		render( <LocalBackendStatus refreshMs={ 0 } /> );
		await screen.findByRole( 'region', { name: 'Local backend status' } );
		expect(
			await within( panel() ).findByText(
				'Could not check the local backend: No route was found matching the URL and request method.'
			)
		).toBeTruthy();
	} );
} );
