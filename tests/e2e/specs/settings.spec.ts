/**
 * The Settings page configures a provider end to end: key saved write-only, connection tested
 * against the mock upstream, a wrong key and a wrong URL explained. Its tabs open by URL (a
 * screenshot of each goes to tests/e2e/artifacts/screenshots/), the model list comes from the
 * provider, unsaved changes are guarded, the local backend's status is told plainly when none
 * runs, and an editor gets no settings page.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { loginAs, shots } from '../support/sidebar';

const repo = path.resolve( __dirname, '../../..' );

type OpenRouterSettings = {
	base_url: string;
	model: string;
	image_model: string;
	api_key_set: boolean;
};

// The mock upstream is part of the suite (npm test starts it): missing, the spec fails, never skips.
const mockUrl = process.env.AW_MOCK_URL ?? '';

test.describe( 'Agentic Writer settings', () => {
	let before: OpenRouterSettings;

	test.beforeAll( async ( { requestUtils } ) => {
		expect(
			mockUrl,
			'AW_MOCK_URL (the mock upstream npm test starts)'
		).not.toBe( '' );
		const settings = ( await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
		} ) ) as { providers: { openrouter: OpenRouterSettings } };
		before = settings.providers.openrouter;
		// The e2e sites are disposable (npm test's own): a key left by another suite is removed so
		// the page starts from "no key saved", as a new owner sees it.
		if ( before.api_key_set ) {
			await requestUtils.rest( {
				path: '/agentic-writer/v1/settings',
				method: 'POST',
				data: { providers: { openrouter: { api_key: null } } },
			} );
		}
	} );

	test.afterAll( async ( { requestUtils } ) => {
		// Put OpenRouter's URL and models back; the key this spec typed is removed again.
		await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
			method: 'POST',
			data: {
				providers: {
					openrouter: {
						base_url: before.base_url,
						model: before.model,
						image_model: before.image_model,
						api_key: null,
					},
				},
			},
		} );
	} );

	test( 'an owner configures OpenRouter, tests it and is told what is wrong', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( 'index.php' );
		await page
			.getByRole( 'navigation', { name: 'Main menu' } )
			.getByRole( 'link', { name: 'Agentic Writer' } )
			.click();
		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: 'Agentic Writer settings',
			} )
		).toBeVisible();

		const main = page.getByRole( 'main' );
		await main.getByRole( 'tab', { name: 'Providers' } ).click();
		await expect( page ).toHaveURL( /[?&]tab=providers\b/ );
		const openRouter = main.getByRole( 'region', { name: 'OpenRouter' } );
		const baseUrl = openRouter.getByRole( 'textbox', { name: 'Base URL' } );
		const save = main.getByRole( 'button', { name: 'Save settings' } );
		const testConnection = openRouter.getByRole( 'button', {
			name: 'Test connection',
		} );

		await baseUrl.fill( `${ mockUrl }/api/v1` );
		// A password input has no ARIA role: found by its label, its accessible name.
		await openRouter
			.getByLabel( 'API key', { exact: true } )
			.fill( 'sk-or-test-1234' );
		await save.click();
		await expect( main.getByText( 'Settings saved.' ) ).toBeVisible();

		await page.reload();
		await expect(
			openRouter.getByText( 'Key saved (…1234)' )
		).toBeVisible();
		await expect( baseUrl ).toHaveValue( `${ mockUrl }/api/v1` );
		expect( await page.content() ).not.toContain( 'sk-or-test-1234' );

		await testConnection.click();
		await expect(
			openRouter.getByText( /^Connected to OpenRouter/ )
		).toBeVisible();
		await expect( openRouter.getByText( 'Status: Healthy' ) ).toBeVisible();

		await openRouter.getByRole( 'button', { name: 'Replace key' } ).click();
		await openRouter
			.getByLabel( 'New API key', { exact: true } )
			.fill( 'invalid-key-0000' );
		await save.click();
		await expect( main.getByText( 'Settings saved.' ) ).toBeVisible();
		await expect(
			openRouter.getByText( 'Key saved (…0000)' )
		).toBeVisible();
		await testConnection.click();
		await expect(
			openRouter.getByText( /OpenRouter rejected the API key \(401\)/ )
		).toBeVisible();
		await expect( openRouter.getByText( 'Status: Failing' ) ).toBeVisible();

		await baseUrl.fill( 'not a url' );
		await save.click();
		await expect( baseUrl ).toHaveAttribute( 'aria-invalid', 'true' );
		await expect( baseUrl ).toHaveAccessibleDescription(
			/providers\[openrouter\]\[base_url\] must be an http:\/\/ or https:\/\/ URL/
		);
	} );

	test( 'every tab opens by its URL', async ( { admin, page } ) => {
		const tabs = [
			{
				tab: 'routing',
				title: 'Mode and routing',
				shows: page.getByRole( 'group', { name: 'Routing mode' } ),
			},
			{
				tab: 'providers',
				title: 'Providers',
				shows: page.getByRole( 'region', {
					name: 'Timeouts and circuit breaker',
				} ),
			},
			{
				tab: 'local-backend',
				title: 'Local backend',
				shows: page.getByRole( 'region', {
					name: 'Local backend status',
				} ),
			},
			{
				tab: 'budgets',
				title: 'Budgets',
				shows: page.getByRole( 'region', { name: 'Spending caps' } ),
			},
			{
				tab: 'status',
				title: 'Status',
				shows: page.getByRole( 'definition' ).filter( {
					hasText: /^0\.1\.0$/,
				} ),
			},
		];
		for ( const { tab, title, shows } of tabs ) {
			await admin.visitAdminPage(
				'admin.php',
				`page=agentic-writer&tab=${ tab }`
			);
			await expect(
				page.getByRole( 'tab', { name: title, exact: true } )
			).toHaveAttribute( 'aria-selected', 'true' );
			await expect( shows ).toBeVisible();
			await expect(
				page.getByRole( 'button', { name: 'Save settings' } )
			).toBeVisible();
			await shot( page, `settings-${ tab }` );
		}

		// A tab the page does not have opens the first.
		await admin.visitAdminPage(
			'admin.php',
			'page=agentic-writer&tab=nothing'
		);
		await expect(
			page.getByRole( 'tab', { name: 'Mode and routing' } )
		).toHaveAttribute( 'aria-selected', 'true' );
		await expect( page ).toHaveURL( /[?&]tab=routing\b/ );
	} );

	test( 'the model field offers the provider’s own models', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
			method: 'POST',
			data: {
				providers: {
					openrouter: {
						base_url: `${ mockUrl }/api/v1`,
						api_key: 'sk-or-models-1234',
					},
				},
			},
		} );
		await admin.visitAdminPage(
			'admin.php',
			'page=agentic-writer&tab=providers'
		);
		const openRouter = page.getByRole( 'region', { name: 'OpenRouter' } );
		const model = openRouter.getByRole( 'combobox', {
			name: 'Model',
			exact: true,
		} );
		await model.focus();
		await expect( model ).toHaveAccessibleDescription(
			/\d+ models offered: type to search/
		);
		const listId = await model.getAttribute( 'list' );
		const offered = await page
			.locator( `datalist[id="${ listId }"] option` )
			.evaluateAll( ( options ) =>
				options.map( ( o ) => o.getAttribute( 'value' ) )
			);
		expect( offered ).toEqual(
			expect.arrayContaining( [
				'openai/gpt-4o',
				'anthropic/claude-sonnet-4.5',
			] )
		);
		// Free text still goes: the list suggests, it does not restrict.
		await model.fill( 'vendor/a-model-not-listed' );
		await expect( model ).toHaveValue( 'vendor/a-model-not-listed' );
		await shot( page, 'settings-model-list' );
	} );

	test( 'leaving with unsaved changes asks first; after saving it does not', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		const stored = ( await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
		} ) ) as { breaker: unknown; timeouts: unknown };
		await admin.visitAdminPage(
			'admin.php',
			'page=agentic-writer&tab=providers'
		);
		const read = page.getByRole( 'spinbutton', {
			name: 'Read timeout (seconds)',
		} );
		const pause = page.getByRole( 'spinbutton', {
			name: 'Pause length (seconds)',
		} );
		const save = page.getByRole( 'button', { name: 'Save settings' } );
		const dashboard = page
			.getByRole( 'navigation', { name: 'Main menu' } )
			.getByRole( 'link', { name: 'Dashboard' } );
		const asked: string[] = [];
		page.on( 'dialog', ( dialog ) => {
			asked.push( dialog.type() );
			return dialog.dismiss();
		} );

		try {
			const pauseBefore = await pause.inputValue();
			await read.fill( '121' );
			await expect( page.getByText( 'Unsaved changes' ) ).toBeVisible();
			await dashboard.click();
			await expect.poll( () => asked ).toEqual( [ 'beforeunload' ] );
			// Dismissed: still here, the edit kept.
			await expect( page ).toHaveURL( /page=agentic-writer/ );
			await expect( read ).toHaveValue( '121' );

			// A wrong value, saved from another tab: the page goes back to the field.
			await pause.fill( '99999' );
			await page.getByRole( 'tab', { name: 'Status' } ).click();
			await save.click();
			await expect( pause ).toHaveAttribute( 'aria-invalid', 'true' );
			await expect(
				page.getByRole( 'tab', { name: 'Providers' } )
			).toHaveAttribute( 'aria-selected', 'true' );
			await expect( page ).toHaveURL( /[?&]tab=providers\b/ );
			await shot( page, 'settings-error-on-another-tab' );

			await pause.fill( pauseBefore );
			await save.click();
			await expect(
				page.getByRole( 'main' ).getByText( 'Settings saved.' )
			).toBeVisible();
			await expect( page.getByText( 'All changes saved' ) ).toBeVisible();

			await dashboard.click();
			await expect( page ).toHaveURL( /wp-admin\/(index\.php)?$/ );
			expect( asked ).toEqual( [ 'beforeunload' ] );
		} finally {
			await requestUtils.rest( {
				path: '/agentic-writer/v1/settings',
				method: 'POST',
				data: { breaker: stored.breaker, timeouts: stored.timeouts },
			} );
		}
	} );

	test( 'the local backend status says plainly that none answers', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		const local = page.getByRole( 'region', {
			name: 'Local backend status',
		} );
		// As a new site has it: no key saved.
		await admin.visitAdminPage(
			'admin.php',
			'page=agentic-writer&tab=local-backend'
		);
		await expect( local.getByText( 'Not configured' ) ).toBeVisible();
		await expect( local.getByText( /run \.\/start\.sh/ ) ).toBeVisible();

		// Configured, but nothing listens at the address.
		const settings = ( await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
		} ) ) as { providers: { local_backend: { base_url: string } } };
		const saved = settings.providers.local_backend.base_url;
		await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
			method: 'POST',
			data: {
				providers: {
					local_backend: {
						base_url: 'http://127.0.0.1:9',
						api_key: 'aw-local-test-key',
					},
				},
			},
		} );
		try {
			await page.reload();
			await expect( local.getByText( 'Not reachable' ) ).toBeVisible();
			await expect( local.getByText( /127\.0\.0\.1:9/ ) ).toBeVisible();
			await local.getByRole( 'button', { name: 'Check again' } ).click();
			await expect( local.getByText( 'Not reachable' ) ).toBeVisible();
			await shot( page, 'settings-local-backend-unreachable' );
		} finally {
			await requestUtils.rest( {
				path: '/agentic-writer/v1/settings',
				method: 'POST',
				data: {
					providers: {
						local_backend: { base_url: saved, api_key: null },
					},
				},
			} );
		}
	} );

	test( 'a provider another plugin adds is on the page, with nothing changed here', async ( {
		admin,
		page,
	} ) => {
		// Exactly the README's example plugin, as a site owner would install it.
		const readme = readFileSync( path.join( repo, 'README.md' ), 'utf8' );
		const example =
			/## Adding a provider[\s\S]*?```php\n([\s\S]*?)```/.exec(
				readme
			)?.[ 1 ];
		expect( example, 'the README example plugin' ).toBeTruthy();
		const info = JSON.parse(
			readFileSync(
				process.env.AW_WP_INFO ||
					path.join( repo, '.wp/sites/sqlite/info.json' ),
				'utf8'
			)
		) as { path: string };
		const file = path.join(
			info.path,
			'wp-content/mu-plugins/agentic-writer-echo-e2e.php'
		);
		writeFileSync( file, example! );
		try {
			await admin.visitAdminPage(
				'admin.php',
				'page=agentic-writer&tab=providers'
			);
			const echo = page.getByRole( 'region', { name: 'Echo' } );
			await expect(
				echo.getByText( /Answers every prompt by reading it back/ )
			).toBeVisible();
			await expect(
				echo.getByText(
					'Nothing to set up: this provider needs no settings.'
				)
			).toBeVisible();
			await expect(
				echo.getByRole( 'button', { name: 'Test connection' } )
			).toBeVisible();
			await shot( page, 'settings-providers-third-party' );

			await page.getByRole( 'tab', { name: 'Mode and routing' } ).click();
			await expect(
				page
					.getByRole( 'combobox', { name: 'Text provider' } )
					.getByRole( 'option', { name: 'Echo (echo)' } )
			).toBeAttached();
			await expect(
				page.getByRole( 'radio', { name: /^Local: .*Echo/ } )
			).toBeVisible();
		} finally {
			unlinkSync( file );
		}
	} );

	test( 'an editor gets no settings page', async ( { browser } ) => {
		const page = await loginAs( browser, 'editor' );
		await expect(
			page
				.getByRole( 'navigation', { name: 'Main menu' } )
				.getByRole( 'link', { name: 'Agentic Writer' } )
		).toHaveCount( 0 );
		await page.goto(
			'/wp-admin/admin.php?page=agentic-writer&tab=providers'
		);
		await expect(
			page.getByText( /not allowed to access this page/ )
		).toBeVisible();
		await expect(
			page.getByRole( 'tab', { name: 'Providers' } )
		).toHaveCount( 0 );
		await page.context().close();
	} );
} );

/**
 * A screenshot of the whole page as a person sees it at the top: the viewport is made as tall as
 * the page (a full-page capture would paint the sticky Save bar and admin bar mid-page).
 *
 * @param page Page.
 * @param name File name without extension.
 */
async function shot( page: Page, name: string ) {
	const size = page.viewportSize() ?? { width: 1280, height: 720 };
	const height = await page.evaluate( () => {
		window.scrollTo( 0, 0 );
		return document.documentElement.scrollHeight;
	} );
	await page.setViewportSize( { width: size.width, height } );
	await page.screenshot( { path: path.join( shots, `${ name }.png` ) } );
	await page.setViewportSize( size );
}
