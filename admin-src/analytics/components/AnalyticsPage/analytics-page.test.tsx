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
import AnalyticsPage, { EMPTY_TEXT } from '.';
import {
	daily,
	emptySummary,
	events,
	hourly,
	summaryByProvider,
} from '../../usage-fixture';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

// uPlot draws on a canvas, which jsdom lacks: a stand-in records what it was given.
const charts: Array< { data: unknown; destroyed: boolean } > = [];
jest.mock( 'uplot', () => {
	class FakePlot {
		static tzDate = ( date: Date ) => date;
		static paths = { bars: () => () => null };
		record: { data: unknown; destroyed: boolean };
		constructor( _opts: unknown, data: unknown ) {
			this.record = { data, destroyed: false };
			charts.push( this.record );
		}
		setSize() {}
		destroy() {
			this.record.destroyed = true;
		}
	}
	return { __esModule: true, default: FakePlot };
} );
jest.mock( 'uplot/dist/uPlot.min.css', () => ( {} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

const providers = {
	providers: [
		{
			id: 'openrouter',
			label: 'OpenRouter',
			kind: 'cloud',
			configured: true,
			health: {
				ok: true,
				code: 'ok',
				message: 'Connected.',
				checked_at: '2026-12-03T10:00:00+00:00',
			},
			breaker: { state: 'closed', failures: 0, retry_at: null },
		},
		{
			id: 'local_backend',
			label: 'Local backend',
			kind: 'local',
			configured: true,
			health: {
				ok: false,
				code: 'connection_failed',
				message: 'Nothing answers on 127.0.0.1:8080.',
				checked_at: '2026-12-03T10:15:01+00:00',
			},
			breaker: {
				state: 'open',
				failures: 3,
				retry_at: Math.floor( Date.now() / 1000 ) + 60,
			},
		},
	],
	// GET providers always sends the provider types; this page does not read them.
	types: [],
	routing: {},
};

const budgets = {
	budgets: {
		site_daily_usd: 1,
		site_monthly_usd: 20,
		user_daily_usd: null,
		alert_percent: 80,
		at_cap: 'local_only',
	},
};

type Routes = Record< string, unknown | ( () => unknown ) >;

function serve( overrides: Routes = {} ) {
	const routes: Routes = {
		'usage/summary': summaryByProvider,
		'usage/timeseries?hour': hourly,
		'usage/timeseries?day': daily,
		'usage/events': events,
		providers,
		settings: budgets,
		status: {
			version: '0.1.0',
			schema_version: 1,
			db_engine: 'sqlite',
			php_version: '8.2',
		},
		...overrides,
	};
	mockedApiFetch.mockImplementation( async ( { path }: { path: string } ) => {
		const [ route = '', query = '' ] = path
			.replace( '/agentic-writer/v1/', '' )
			.split( '?' );
		const bucket = new URLSearchParams( query ).get( 'bucket' );
		const answer = routes[ bucket ? `${ route }?${ bucket }` : route ];
		if ( answer === undefined ) {
			throw {
				code: 'rest_no_route',
				message:
					'No route was found matching the URL and request method.',
			};
		}
		return typeof answer === 'function' ? answer() : answer;
	} );
}

const config = { timezone: 'Europe/Berlin', today: '2026-12-03' };

function panel( name: string ) {
	return screen.getByRole( 'region', { name } );
}

beforeEach( () => {
	charts.length = 0;
	window.history.replaceState(
		null,
		'',
		'/wp-admin/admin.php?page=agentic-writer-analytics'
	);
} );

describe( 'AnalyticsPage', () => {
	it( 'shows the KPIs, charts, tables, events, health and budgets of the range', async () => {
		serve();
		render( <AnalyticsPage config={ config } /> );

		const overview = panel( 'Overview' );
		await within( overview ).findByText( '≈ $0.04 (estimate)' );
		expect(
			within( overview ).getByText( '$0.31 of subscription credit' )
		).toBeTruthy();
		expect( within( overview ).getByText( '6.5%' ) ).toBeTruthy();

		const tokens = panel( 'Tokens per hour' );
		const chart = await within( tokens ).findByRole( 'img' );
		expect( chart.getAttribute( 'aria-label' ) ).toBe(
			'Bar chart of tokens per hour from 2026-11-27 to 2026-12-03: 8,300 tokens in all, at most 7,000 in one hour (2026-12-03 11:00).'
		);
		fireEvent.click(
			within( tokens ).getByRole( 'button', { name: 'Show as table' } )
		);
		const table = within( tokens ).getByRole( 'table' );
		// The empty 10:00 bucket is left out of the table, not of the chart.
		expect( within( table ).getAllByRole( 'row' ) ).toHaveLength( 3 );
		expect( within( table ).getByText( '2026-12-03 11:00' ) ).toBeTruthy();
		expect( charts.length ).toBeGreaterThanOrEqual( 2 );

		const byProvider = panel( 'By provider' );
		const rows = within( byProvider ).getAllByRole( 'row' );
		expect( rows[ 1 ]?.textContent ).toMatch( /^OpenRouter30/ );
		fireEvent.click(
			within( byProvider ).getByRole( 'button', { name: 'Provider' } )
		);
		expect(
			within( byProvider ).getAllByRole( 'row' )[ 1 ]?.textContent
		).toMatch( /^Anthropic/ );
		expect(
			within( byProvider )
				.getByRole( 'columnheader', { name: /Provider/ } )
				.getAttribute( 'aria-sort' )
		).toBe( 'ascending' );

		const recent = panel( 'Recent fallbacks and errors' );
		expect(
			within( recent ).getByText(
				'Local backend failed — Anthropic answered instead'
			)
		).toBeTruthy();
		expect(
			within( recent ).getByText( 'rate-limited (429)' )
		).toBeTruthy();

		const health = panel( 'Provider health' );
		await within( health ).findByText( 'Paused after repeated failures' );
		expect(
			within( health ).getByText( /Open: next retry at .* \(in \d+ s\)/ )
		).toBeTruthy();

		const budget = panel( 'Budgets' );
		await within( budget ).findByText( /of \$1\.00 \(88%\)/ );
		expect(
			within( budget ).getByText( /go to the local backend only/ )
		).toBeTruthy();
	} );

	it( 'says how to get data when the range is empty', async () => {
		serve( {
			'usage/summary': emptySummary,
			'usage/timeseries?hour': { ...hourly, points: [] },
			'usage/timeseries?day': { ...daily, points: [] },
			'usage/events': { events: [] },
		} );
		render( <AnalyticsPage config={ config } /> );
		await within( panel( 'Overview' ) ).findByText( EMPTY_TEXT );
		expect(
			within( panel( 'Tokens per hour' ) ).getByText( EMPTY_TEXT )
		).toBeTruthy();
		expect(
			within( panel( 'By user' ) ).getByText( EMPTY_TEXT )
		).toBeTruthy();
		expect(
			within( panel( 'Recent fallbacks and errors' ) ).getByText(
				/No fallbacks or errors in this range/
			)
		).toBeTruthy();
		expect( charts ).toHaveLength( 0 );
	} );

	it( 'shows a clear error when a route is missing, and the rest still works', async () => {
		serve( {
			'usage/events': undefined,
			settings: { provider_mode: 'cloud' },
		} );
		render( <AnalyticsPage config={ config } /> );
		await within( panel( 'Recent fallbacks and errors' ) ).findByText(
			'This site has no usage/events route: the usage API is missing. Update Agentic Writer to a version with the Usage API.'
		);
		await within( panel( 'Overview' ) ).findByText( '$0.84' );
		expect(
			within( panel( 'Budgets' ) ).getByText(
				/This site has no budgets yet/
			)
		).toBeTruthy();
	} );

	it( 'names the field when a body does not fit the contract', async () => {
		serve( { 'usage/summary': { ...summaryByProvider, totals: {} } } );
		render( <AnalyticsPage config={ config } /> );
		await within( panel( 'Overview' ) ).findByText(
			/Unexpected usage\/summary response from the server \(totals\.requests/
		);
	} );

	it( 'keeps the range in the URL and asks the server for it', async () => {
		serve();
		render( <AnalyticsPage config={ config } /> );
		await within( panel( 'Overview' ) ).findByText( '$0.84' );

		fireEvent.click( screen.getByRole( 'button', { name: 'Today' } ) );
		expect( window.location.search ).toBe(
			'?page=agentic-writer-analytics&range=today'
		);
		await waitFor( () =>
			expect( mockedApiFetch ).toHaveBeenCalledWith( {
				path: '/agentic-writer/v1/usage/summary?from=2026-12-03&to=2026-12-03&group_by=provider',
			} )
		);

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Custom range' } )
		);
		fireEvent.change( screen.getByLabelText( 'From' ), {
			target: { value: '2026-10-01' },
		} );
		fireEvent.change( screen.getByLabelText( 'To' ), {
			target: { value: '2026-10-31' },
		} );
		fireEvent.click( screen.getByRole( 'button', { name: 'Show range' } ) );
		expect( window.location.search ).toBe(
			'?page=agentic-writer-analytics&range=custom&from=2026-10-01&to=2026-10-31'
		);
		await waitFor( () =>
			expect( mockedApiFetch ).toHaveBeenCalledWith( {
				path: '/agentic-writer/v1/usage/timeseries?from=2026-10-01&to=2026-10-31&bucket=day',
			} )
		);
	} );

	it( 'refreshes provider health every 30 s without blanking it', async () => {
		jest.useFakeTimers();
		try {
			let calls = 0;
			let release: () => void = () => {};
			serve( {
				providers: () => {
					calls++;
					if ( calls === 1 ) {
						return providers;
					}
					// The second answer is held back: the first must stay on screen meanwhile.
					return new Promise( ( resolve ) => {
						release = () =>
							resolve( {
								...providers,
								providers: [
									{
										...providers.providers[ 1 ],
										breaker: {
											state: 'closed',
											failures: 0,
											retry_at: null,
										},
										health: {
											...providers.providers[ 1 ]!.health,
											ok: true,
										},
									},
								],
							} );
					} );
				},
			} );
			render( <AnalyticsPage config={ config } /> );
			const health = panel( 'Provider health' );
			await within( health ).findByText(
				'Paused after repeated failures'
			);

			await act( async () => {
				jest.advanceTimersByTime( 30_000 );
			} );
			expect( calls ).toBe( 2 );
			expect( within( health ).getByText( 'Refreshing…' ) ).toBeTruthy();
			expect(
				within( health ).getByText( 'Paused after repeated failures' )
			).toBeTruthy();

			await act( async () => release() );
			expect( within( health ).getByText( 'Working' ) ).toBeTruthy();
			expect(
				within( health ).queryByText( 'Paused after repeated failures' )
			).toBeNull();
		} finally {
			jest.useRealTimers();
		}
	} );
} );
