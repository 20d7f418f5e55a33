// A logged-in block editor in Debian's Chromium (as in tests/e2e/playwright.config.ts), on a new
// post, with the Agentic Writer sidebar open on one task. Accessible names are DESIGN.md §5's.
import { type Browser, chromium, type Locator, type Page } from '@playwright/test';

import type { SiteInfo } from './wordpress.ts';

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

// tsx compiles with esbuild's keepNames, which wraps named functions in __name(): functions sent to
// page.evaluate carry those calls, and the page has no __name.
const NAME_SHIM = 'globalThis.__name ??= ( fn ) => fn;';

type EditorWindow = Window & {
	wp: {
		data: {
			dispatch( store: string ): Record< string, ( ...args: unknown[] ) => unknown >;
		};
	};
};

export interface EditorSession {
	page: Page;
	/** The sidebar (region "Editor settings"). */
	sidebar: Locator;
	/** Every file under the plugin's build/ folder the page requested. */
	buildUrls: string[];
	/** Empties the post, so the next generation starts from nothing. */
	clearPost(): Promise< void >;
	close(): Promise< void >;
}

export async function openEditor( info: SiteInfo, tab: string ): Promise< EditorSession > {
	const browser: Browser = await chromium.launch( { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS } );
	try {
		const context = await browser.newContext( { baseURL: info.url, viewport: { width: 1440, height: 900 } } );
		await context.addInitScript( { content: NAME_SHIM } );
		const page = await context.newPage();
		const buildUrls: string[] = [];
		page.on( 'request', ( request ) => {
			if ( request.url().includes( '/plugins/agentic-writer/build/' ) ) {
				buildUrls.push( request.url() );
			}
		} );

		await page.goto( '/wp-login.php' );
		await page.fill( '#user_login', info.users.admin.login );
		await page.fill( '#user_pass', info.users.admin.password );
		await Promise.all( [ page.waitForURL( /\/wp-admin\/?/ ), page.click( '#wp-submit' ) ] );

		await page.goto( '/wp-admin/post-new.php' );
		await page.waitForFunction( () => Boolean( ( window as unknown as Partial< EditorWindow > ).wp?.data ) );
		// As @wordpress/e2e-test-utils-playwright does: no welcome guide over the editor.
		await page.evaluate( () => {
			const preferences = ( window as unknown as EditorWindow ).wp.data.dispatch( 'core/preferences' );
			preferences.set?.( 'core/edit-post', 'welcomeGuide', false );
			preferences.set?.( 'core/edit-post', 'fullscreenMode', false );
		} );
		await page.frameLocator( 'iframe[name="editor-canvas"]' ).getByRole( 'textbox', { name: 'Add title' } ).waitFor();

		const toggle = page.getByRole( 'region', { name: 'Editor top bar' } ).getByRole( 'button', { name: 'Agentic Writer', exact: true } );
		if ( ( await toggle.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
			await toggle.click();
		}
		const sidebar = page.getByRole( 'region', { name: 'Editor settings' } );
		await sidebar.getByRole( 'heading', { name: 'Agentic Writer' } ).waitFor();
		const tabButton = sidebar.getByRole( 'tab', { name: tab, exact: true } );
		await tabButton.waitFor( { timeout: 10_000 } ).catch( () => {
			throw new Error( `the Agentic Writer sidebar has no "${ tab }" tab (DESIGN.md §5): is plugin/build/editor-sidebar.js the finished sidebar?` );
		} );
		await tabButton.click();

		return {
			page,
			sidebar,
			buildUrls,
			clearPost: async () => {
				await page.evaluate( () => {
					( window as unknown as EditorWindow ).wp.data.dispatch( 'core/block-editor' ).resetBlocks?.( [] );
				} );
			},
			close: () => browser.close(),
		};
	} catch ( error ) {
		await browser.close();
		throw error;
	}
}
