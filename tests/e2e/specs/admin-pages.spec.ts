/**
 * The Agentic Writer admin menu leads to the Settings and Analytics pages.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

test.describe( 'Agentic Writer admin pages', () => {
	test( 'Settings page shows its heading, status and local backend download', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( 'admin.php', 'page=agentic-writer' );

		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: 'Agentic Writer settings',
			} )
		).toBeVisible();
		// Each on its tab: the status, then the local backend.
		await page.getByRole( 'tab', { name: 'Status' } ).click();
		await expect(
			page.getByRole( 'definition' ).filter( { hasText: /^0\.1\.0$/ } )
		).toBeVisible();
		await page.getByRole( 'tab', { name: 'Local backend' } ).click();
		await expect(
			page
				.getByRole( 'link', { name: 'Download the local backend' } )
				.or(
					page.getByText(
						/local backend package is not in this copy/
					)
				)
		).toBeVisible();
	} );

	test( 'the local backend downloads from the Settings page', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage(
			'admin.php',
			'page=agentic-writer&tab=local-backend'
		);
		await expect(
			page.getByRole( 'heading', { name: 'Local backend', exact: true } )
		).toBeVisible();
		const link = page.getByRole( 'link', {
			name: 'Download the local backend',
		} );
		// npm run build puts the zip into plugin/build/ (without it the page explains instead).
		await expect(
			link,
			'plugin/build/agentic-writer-local-backend.zip is built'
		).toBeVisible();

		const [ download ] = await Promise.all( [
			page.waitForEvent( 'download' ),
			link.click(),
		] );
		expect( download.suggestedFilename() ).toBe(
			'agentic-writer-local-backend.zip'
		);
		expect( await download.failure() ).toBeNull();
	} );

	test( 'Analytics page is reached through the admin menu', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( 'index.php' );

		const menu = page.getByRole( 'navigation', { name: 'Main menu' } );
		await menu.getByRole( 'link', { name: 'Agentic Writer' } ).click();
		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: 'Agentic Writer settings',
			} )
		).toBeVisible();

		await menu.getByRole( 'link', { name: 'Analytics' } ).click();
		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: 'Agentic Writer analytics',
			} )
		).toBeVisible();
	} );
} );
