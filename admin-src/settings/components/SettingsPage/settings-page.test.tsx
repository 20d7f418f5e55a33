/**
 * External dependencies
 */
import { fireEvent, render, screen, within } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import SettingsPage from '.';
import { settingsFixture } from '../../settings-fixture';

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

const providers = {
	provider_mode: 'cloud',
	routing_mode: 'simple',
	providers: [ 'openrouter', 'local_backend', 'anthropic' ].map( ( id ) => ( {
		id,
		label: id,
		kind: id === 'local_backend' ? 'local' : 'cloud',
		configured: id === 'openrouter',
		default_model: 'm',
		tasks: [],
		health: null,
		breaker: {
			state: 'closed',
			failures: 0,
			opened_at: null,
			retry_at: null,
		},
	} ) ),
	routing: {},
};

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
			return providers;
		}
		return {
			version: '0.1.0',
			schema_version: 1,
			db_engine: 'mysql',
			php_version: '8.2.36',
		};
	} );
}

const openRouter = () => screen.getByRole( 'region', { name: 'OpenRouter' } );

describe( 'SettingsPage', () => {
	beforeEach( () => serve( () => settingsFixture() ) );

	it( 'shows its heading, the status and each provider', async () => {
		render( <SettingsPage config={ config( true ) } /> );

		expect(
			screen.getByRole( 'heading', {
				level: 1,
				name: 'Agentic Writer settings',
			} )
		).toBeTruthy();
		expect( await screen.findByText( 'MySQL / MariaDB' ) ).toBeTruthy();
		await screen.findByRole( 'region', { name: 'OpenRouter' } );
		expect(
			within( openRouter() ).getByText( 'Key saved (…abcd)' )
		).toBeTruthy();
		expect(
			within( openRouter() ).getByText( 'Status: Not checked yet' )
		).toBeTruthy();
		expect(
			screen.getByRole( 'region', { name: 'Anthropic' } )
		).toBeTruthy();
	} );

	it( 'links the download with its REST nonce', async () => {
		render( <SettingsPage config={ config( true ) } /> );

		const local = await screen.findByRole( 'region', {
			name: 'Local backend',
		} );
		const link = within( local ).getByRole( 'link', {
			name: 'Download the local backend',
		} );
		expect( link.getAttribute( 'href' ) ).toBe(
			'/wp-json/agentic-writer/v1/local-backend/download?_wpnonce=abc'
		);
		expect(
			within( local ).getByText( /\.\/start\.sh --lan/ )
		).toBeTruthy();
	} );

	it( 'explains what to do when the package is missing', async () => {
		render( <SettingsPage config={ config( false ) } /> );

		await screen.findByRole( 'region', { name: 'Local backend' } );
		expect(
			screen.queryByRole( 'link', { name: 'Download the local backend' } )
		).toBeNull();
		expect( screen.getByText( /run "npm run build"/ ) ).toBeTruthy();
	} );

	it( 'saves only what changed and reports success', async () => {
		render( <SettingsPage config={ config( true ) } /> );
		await screen.findByRole( 'region', { name: 'OpenRouter' } );

		fireEvent.change(
			within( openRouter() ).getByRole( 'textbox', { name: 'Model' } ),
			{ target: { value: 'anthropic/claude-sonnet-4' } }
		);
		fireEvent.click(
			within( openRouter() ).getByRole( 'button', { name: 'Remove key' } )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save settings' } )
		);

		expect( await screen.findByText( 'Settings saved.' ) ).toBeTruthy();
		const post = mockedApiFetch.mock.calls.find(
			( [ request ] ) => request.method === 'POST'
		)?.[ 0 ];
		expect( post.data ).toEqual( {
			providers: {
				openrouter: {
					api_key: null,
					model: 'anthropic/claude-sonnet-4',
				},
			},
		} );
	} );

	it( 'marks the field a 400 answer names', async () => {
		serve( () => {
			const detail =
				'providers[openrouter][base_url] must be an http:// or https:// URL, got "not a url".';
			throw {
				code: 'agentic_writer_invalid_param',
				message: `Invalid parameter providers: ${ detail }`,
				data: { status: 400, params: { providers: detail } },
			};
		} );
		render( <SettingsPage config={ config( true ) } /> );
		await screen.findByRole( 'region', { name: 'OpenRouter' } );

		const url = within( openRouter() ).getByRole( 'textbox', {
			name: 'Base URL',
		} );
		fireEvent.change( url, { target: { value: 'not a url' } } );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save settings' } )
		);

		await screen.findAllByText( /must be an http:\/\/ or https:\/\/ URL/ );
		expect( url.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		const model = within( openRouter() ).getByRole( 'textbox', {
			name: 'Model',
		} );
		expect( model.getAttribute( 'aria-invalid' ) ).toBeNull();
	} );
} );
