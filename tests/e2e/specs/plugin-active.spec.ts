/**
 * The plugin shows as active on the Plugins screen.
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

test( 'Agentic Writer is active on the Plugins screen', async ( {
	admin,
	page,
} ) => {
	await admin.visitAdminPage( 'plugins.php' );

	await expect(
		page.getByRole( 'link', {
			name: 'Deactivate Agentic Writer',
			exact: true,
		} )
	).toBeVisible();
	await expect(
		// exact: "Deactivate …" contains "activate …".
		page.getByRole( 'link', {
			name: 'Activate Agentic Writer',
			exact: true,
		} )
	).toHaveCount( 0 );
} );
