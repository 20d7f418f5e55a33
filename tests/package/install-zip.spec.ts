import { join } from 'node:path';
import { statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { siteInfo } from '../bench/wordpress.ts';

const zip = join( import.meta.dirname, '../../dist/agentic-writer.zip' );

test( 'the plugin zip installs and activates through Plugins → Add New → Upload', async ( { page } ) => {
	// A stock PHP refuses uploads over 2 MB; the package script enforces it, this proves the file we upload.
	expect( statSync( zip ).size ).toBeLessThan( 2 * 1024 * 1024 );
	const admin = siteInfo( 'bare' ).users.admin;

	await page.goto( '/wp-login.php' );
	await page.getByLabel( 'Username or Email Address' ).fill( admin.login );
	await page.getByLabel( 'Password', { exact: true } ).fill( admin.password );
	await page.getByRole( 'button', { name: 'Log In' } ).click();
	await expect( page ).toHaveURL( /wp-admin\/?$/ );

	await page.goto( '/wp-admin/plugin-install.php' );
	await page.getByRole( 'button', { name: 'Upload Plugin' } ).click();
	await page.getByLabel( 'Plugin zip file' ).setInputFiles( zip );
	await page.getByRole( 'button', { name: 'Install Now' } ).click();
	await expect( page.getByText( 'Plugin installed successfully.' ) ).toBeVisible();

	await page.getByRole( 'link', { name: 'Activate Plugin' } ).click();
	await expect( page.getByText( 'Plugin activated.' ) ).toBeVisible();
	await expect( page.getByRole( 'link', { name: 'Agentic Writer', exact: true } ).first() ).toBeVisible();

	// The installed copy is a real folder with the built editor bundle, not a link to the working tree.
	const installed = join( siteInfo( 'bare' ).path, 'wp-content/plugins/agentic-writer' );
	expect( statSync( join( installed, 'build/editor-sidebar.js' ) ).isFile() ).toBe( true );
} );
