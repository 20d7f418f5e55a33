/**
 * The block editor shows the Agentic Writer button, and it opens the plugin's sidebar.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

test( 'the Agentic Writer sidebar opens from its header button', async ( {
	admin,
	page,
} ) => {
	const uncaught: string[] = [];
	page.on( 'pageerror', ( error ) => uncaught.push( error.message ) );

	await admin.createNewPost();

	const button = page
		.getByRole( 'region', { name: 'Editor top bar' } )
		.getByRole( 'button', { name: 'Agentic Writer', exact: true } );
	await expect( button ).toBeVisible();
	await button.click();
	await expect( button ).toHaveAttribute( 'aria-expanded', 'true' );

	const sidebar = page.getByRole( 'region', { name: 'Editor settings' } );
	await expect(
		sidebar.getByRole( 'heading', { name: 'Agentic Writer' } )
	).toBeVisible();
	await expect(
		sidebar.getByRole( 'button', { name: 'Welcome' } )
	).toBeVisible();
	await expect(
		sidebar.getByText( /not built into this sidebar yet/ )
	).toBeVisible();
	// The status comes from GET agentic-writer/v1/status through api-fetch.
	await expect(
		sidebar.getByRole( 'definition' ).filter( { hasText: /^0\.1\.0$/ } )
	).toBeVisible();
	expect( uncaught ).toEqual( [] );
} );
