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
import SettingsPage from '.';
import { forgetModelLists } from '../../model-lists';
import { providersFixture, settingsFixture } from '../../settings-fixture';

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

type Request = { path: string; method?: string; data?: unknown };

function serve( post: ( request: Request ) => unknown ) {
	mockedApiFetch.mockImplementation( async ( request: Request ) => {
		if ( request.method === 'POST' ) {
			return post( request );
		}
		if ( request.path.endsWith( '/settings' ) ) {
			return settingsFixture();
		}
		if ( request.path.endsWith( '/providers' ) ) {
			return providersFixture();
		}
		if ( request.path.endsWith( '/local-backend/status' ) ) {
			return {
				configured: true,
				base_url: 'http://127.0.0.1:8080',
				reachable: false,
				ok: false,
				message: 'No local backend answers at http://127.0.0.1:8080.',
				latency_ms: null,
				status: null,
				version: null,
				drivers: [],
				pool: null,
				queue: null,
			};
		}
		return {
			version: '0.1.0',
			schema_version: 1,
			db_engine: 'mysql',
			php_version: '8.2.36',
		};
	} );
}

const openTab = ( tab: string ) =>
	window.history.replaceState(
		null,
		'',
		`/wp-admin/admin.php?page=agentic-writer${ tab ? `&tab=${ tab }` : '' }`
	);

const page = ( available = true ) =>
	render(
		<SettingsPage
			config={ config( available ) }
			localStatusRefreshMs={ 0 }
		/>
	);

const openRouter = () => screen.getByRole( 'region', { name: 'OpenRouter' } );
const save = () =>
	fireEvent.click( screen.getByRole( 'button', { name: 'Save settings' } ) );
// wp.a11y repeats notices in a live region that outlives each test.
const savedNotice = () =>
	screen.findByText( 'Settings saved.', {
		ignore: '.a11y-speak-region, script, style',
	} );
const posted = () =>
	mockedApiFetch.mock.calls.find(
		( [ request ] ) => request.method === 'POST'
	)?.[ 0 ];

describe( 'SettingsPage', () => {
	beforeEach( () => {
		forgetModelLists();
		serve( () => settingsFixture() );
		openTab( '' );
	} );

	it( 'opens on the first tab, says so in the URL, and keeps the other parameters', async () => {
		page();
		expect(
			screen.getByRole( 'heading', {
				level: 1,
				name: 'Agentic Writer settings',
			} )
		).toBeTruthy();
		const tab = screen.getByRole( 'tab', { name: 'Mode and routing' } );
		expect( tab.getAttribute( 'aria-selected' ) ).toBe( 'true' );
		await screen.findByRole( 'radiogroup', { name: 'Provider mode' } );
		expect( window.location.search ).toBe(
			'?page=agentic-writer&tab=routing'
		);
		// Mode examples come from the provider types.
		expect(
			screen.getByLabelText(
				'Local: only providers on your machines (Local backend, Echo).'
			)
		).toBeTruthy();
	} );

	it( 'opens the tab the URL names; an unknown one falls back to the first', async () => {
		openTab( 'status' );
		const { unmount } = page();
		expect( await screen.findByText( 'MySQL / MariaDB' ) ).toBeTruthy();
		expect(
			screen
				.getByRole( 'tab', { name: 'Status' } )
				.getAttribute( 'aria-selected' )
		).toBe( 'true' );
		unmount();

		openTab( 'nothing' );
		const second = page();
		await screen.findByRole( 'radiogroup', { name: 'Provider mode' } );
		expect( window.location.search ).toBe(
			'?page=agentic-writer&tab=routing'
		);
		second.unmount();

		// The fixture has no budgets (an older plugin): the tab says so.
		openTab( 'budgets' );
		page();
		expect(
			await screen.findByText(
				/This version of the plugin has no budgets/
			)
		).toBeTruthy();
	} );

	it( 'renders every described type on Providers, the local backend on its own tab', async () => {
		openTab( 'providers' );
		page();
		await screen.findByRole( 'region', { name: 'OpenRouter' } );
		expect(
			within( openRouter() ).getByText( 'Key saved (…abcd)' )
		).toBeTruthy();
		expect(
			within( openRouter() ).getByText( 'Status: Not checked yet' )
		).toBeTruthy();
		expect(
			within( openRouter() ).getByText(
				'One key, hundreds of models; also draws images.'
			)
		).toBeTruthy();
		expect(
			screen.getByRole( 'region', { name: 'Anthropic' } )
		).toBeTruthy();
		expect(
			screen.getByRole( 'region', {
				name: 'LM Studio (openai_compatible:lmstudio)',
			} )
		).toBeTruthy();
		const echo = screen.getByRole( 'region', { name: 'Echo' } );
		expect(
			within( echo ).getByText( /this provider needs no settings/ )
		).toBeTruthy();
		const acme = screen.getByRole( 'region', { name: 'Acme AI' } );
		expect(
			within( acme ).getByRole( 'textbox', { name: 'Region' } )
		).toBeTruthy();
		expect(
			screen.getByRole( 'region', {
				name: 'Timeouts and circuit breaker',
			} )
		).toBeTruthy();
		expect(
			screen.queryByRole( 'region', { name: 'Local backend' } )
		).toBeNull();
		expect( window.location.search ).toBe(
			'?page=agentic-writer&tab=providers'
		);
	} );

	it( 'keeps edits across tabs and saves them from any tab', async () => {
		openTab( 'providers' );
		page();
		const acme = await screen.findByRole( 'region', { name: 'Acme AI' } );
		fireEvent.change(
			within( acme ).getByRole( 'textbox', { name: 'Region' } ),
			{ target: { value: 'ap' } }
		);
		fireEvent.change( within( acme ).getByLabelText( 'API key' ), {
			target: { value: 'acme-key' },
		} );
		fireEvent.change(
			screen.getByRole( 'spinbutton', {
				name: 'Read timeout (seconds)',
			} ),
			{ target: { value: '300' } }
		);
		expect( screen.getByText( 'Unsaved changes' ) ).toBeTruthy();

		fireEvent.click( screen.getByRole( 'tab', { name: 'Status' } ) );
		expect( window.location.search ).toBe(
			'?page=agentic-writer&tab=status'
		);
		fireEvent.click( screen.getByRole( 'tab', { name: 'Providers' } ) );
		const back = screen.getByRole( 'region', { name: 'Acme AI' } );
		expect(
			(
				within( back ).getByRole( 'textbox', {
					name: 'Region',
				} ) as HTMLInputElement
			 ).value
		).toBe( 'ap' );
		expect(
			( within( back ).getByLabelText( 'API key' ) as HTMLInputElement )
				.value
		).toBe( 'acme-key' );

		fireEvent.click( screen.getByRole( 'tab', { name: 'Status' } ) );
		save();
		expect( await savedNotice() ).toBeTruthy();
		expect( posted().data ).toEqual( {
			providers: { acme: { region: 'ap', api_key: 'acme-key' } },
			timeouts: { read_seconds: 300 },
		} );
	} );

	it( 'links the download with its REST nonce and explains both setups', async () => {
		openTab( 'local-backend' );
		page();

		const local = await screen.findByRole( 'region', {
			name: 'Set up the local backend',
		} );
		const link = within( local ).getByRole( 'link', {
			name: 'Download the local backend',
		} );
		expect( link.getAttribute( 'href' ) ).toBe(
			'/wp-json/agentic-writer/v1/local-backend/download?_wpnonce=abc'
		);
		expect( within( local ).getByText( './start.sh --lan' ) ).toBeTruthy();
		expect( within( local ).getByText( './get-local-ip.sh' ) ).toBeTruthy();
		expect(
			within( local ).getByText( 'http://<that computer’s IP>:8080' )
		).toBeTruthy();
		expect(
			await screen.findByRole( 'region', { name: 'Local backend' } )
		).toBeTruthy();
		expect(
			await screen.findByText( /No local backend answers/ )
		).toBeTruthy();
	} );

	it( 'explains what to do when the package is missing', async () => {
		openTab( 'local-backend' );
		page( false );

		await screen.findByRole( 'region', { name: 'Local backend' } );
		expect(
			screen.queryByRole( 'link', { name: 'Download the local backend' } )
		).toBeNull();
		expect( screen.getByText( /run "npm run build"/ ) ).toBeTruthy();
	} );

	it( 'saves only what changed and reports success', async () => {
		openTab( 'providers' );
		page();
		await screen.findByRole( 'region', { name: 'OpenRouter' } );

		fireEvent.change(
			within( openRouter() ).getByRole( 'combobox', { name: 'Model' } ),
			{ target: { value: 'anthropic/claude-sonnet-4' } }
		);
		fireEvent.click(
			within( openRouter() ).getByRole( 'button', { name: 'Remove key' } )
		);
		save();

		expect( await savedNotice() ).toBeTruthy();
		expect( posted().data ).toEqual( {
			providers: {
				openrouter: {
					api_key: null,
					model: 'anthropic/claude-sonnet-4',
				},
			},
		} );
		expect( screen.getByText( 'All changes saved' ) ).toBeTruthy();
	} );

	it( 'adds and removes an instance of a multiple type', async () => {
		openTab( 'providers' );
		page();
		await screen.findByRole( 'region', { name: 'OpenRouter' } );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add to OpenAI-compatible' } )
		);
		const added = screen.getByRole( 'region', {
			name: 'endpoint-2 (openai_compatible:endpoint-2)',
		} );
		fireEvent.change(
			within( added ).getByRole( 'textbox', { name: 'Label' } ),
			{ target: { value: 'Ollama' } }
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Remove LM Studio' } )
		);
		save();

		await savedNotice();
		expect( posted().data ).toEqual( {
			providers: {
				openai_compatible: [
					{
						id: 'endpoint-2',
						label: 'Ollama',
						base_url: 'http://127.0.0.1:1234/v1',
						model: '',
					},
				],
			},
		} );
	} );

	it( 'marks the field a 400 answer names, on the tab that holds it', async () => {
		serve( () => {
			throw {
				code: 'agentic_writer_invalid_param',
				message:
					'Invalid parameter providers: providers[openrouter][base_url] must be an http:// or https:// URL, got "not a url".',
				data: {
					status: 400,
					field: 'providers[openrouter][base_url]',
					params: { providers: 'must be a URL' },
				},
			};
		} );
		openTab( 'providers' );
		page();
		await screen.findByRole( 'region', { name: 'OpenRouter' } );

		fireEvent.change(
			within( openRouter() ).getByRole( 'textbox', { name: 'Base URL' } ),
			{ target: { value: 'not a url' } }
		);
		// The owner moved on to another tab before saving.
		fireEvent.click(
			screen.getByRole( 'tab', { name: 'Mode and routing' } )
		);
		expect(
			screen.queryByRole( 'region', { name: 'OpenRouter' } )
		).toBeNull();
		save();

		const url = await waitFor( () =>
			within( openRouter() ).getByRole( 'textbox', { name: 'Base URL' } )
		);
		expect(
			screen
				.getByRole( 'tab', { name: 'Providers' } )
				.getAttribute( 'aria-selected' )
		).toBe( 'true' );
		expect( window.location.search ).toBe(
			'?page=agentic-writer&tab=providers'
		);
		expect( ( url as HTMLInputElement ).value ).toBe( 'not a url' );
		expect( url.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		await waitFor( () =>
			expect( url.ownerDocument.activeElement ).toBe( url )
		);
		expect(
			within( openRouter() )
				.getByRole( 'combobox', { name: 'Model' } )
				.getAttribute( 'aria-invalid' )
		).toBeNull();
	} );

	it( 'jumps to the local backend tab for its fields, and to Providers for a timeout', async () => {
		let field = 'providers[local_backend][base_url]';
		serve( () => {
			throw {
				code: 'agentic_writer_invalid_param',
				message: `Invalid parameter: ${ field } is wrong.`,
				data: { status: 400, field },
			};
		} );
		openTab( 'routing' );
		page();
		await screen.findByRole( 'radiogroup', { name: 'Provider mode' } );
		fireEvent.click( screen.getByLabelText( /^Hybrid/ ) );
		save();
		await waitFor( () =>
			expect( window.location.search ).toBe(
				'?page=agentic-writer&tab=local-backend'
			)
		);
		const local = screen.getByRole( 'region', { name: 'Local backend' } );
		expect(
			within( local )
				.getByRole( 'textbox', { name: 'Base URL' } )
				.getAttribute( 'aria-invalid' )
		).toBe( 'true' );

		field = 'timeouts[read_seconds]';
		save();
		const read = await screen.findByRole( 'spinbutton', {
			name: 'Read timeout (seconds)',
		} );
		await waitFor( () =>
			expect( read.getAttribute( 'aria-invalid' ) ).toBe( 'true' )
		);
	} );

	it( 'asks before leaving with unsaved changes, not after saving', async () => {
		openTab( 'providers' );
		page();
		await screen.findByRole( 'region', { name: 'OpenRouter' } );
		const leave = () => {
			const event = new Event( 'beforeunload', { cancelable: true } );
			window.dispatchEvent( event );
			return event.defaultPrevented;
		};
		expect( leave() ).toBe( false );

		fireEvent.change(
			within( openRouter() ).getByRole( 'combobox', { name: 'Model' } ),
			{ target: { value: 'x/y' } }
		);
		expect( leave() ).toBe( true );

		save();
		await savedNotice();
		expect( leave() ).toBe( false );
	} );
} );

afterAll( () => {
	act( () => openTab( '' ) );
} );
