/**
 * The Settings page configures a provider end to end: key saved write-only, connection tested
 * against the mock upstream, a wrong key and a wrong URL explained.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

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
} );
