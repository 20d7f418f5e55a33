/**
 * Helpers for the editor sidebar specs: log in as a role through the login form, open a new post
 * with the sidebar, find things in the editor canvas, point the plugin at the mock upstream.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type Page, type FrameLocator, type Locator } from '@playwright/test';
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

export type Role = 'admin' | 'editor' | 'contributor';

const repo = path.resolve( __dirname, '../../..' );
const db = process.env.AW_WP_DB || 'sqlite';
const infoFile = process.env.AW_WP_INFO || path.join( repo, '.wp/sites', db, 'info.json' );
export const site = JSON.parse( readFileSync( infoFile, 'utf8' ) ) as {
	url: string;
	users: Record< Role, { login: string; password: string } >;
};
export const mockUrl = process.env.AW_MOCK_URL ?? '';
export const shots = path.join( __dirname, '../artifacts/screenshots' );

/** A page logged in as the role, through wp-login.php like a person. */
export async function loginAs( browser: Browser, role: Role ): Promise< Page > {
	const context = await browser.newContext( { baseURL: site.url, storageState: { cookies: [], origins: [] } } );
	const page = await context.newPage();
	await page.goto( '/wp-login.php' );
	await page.getByLabel( 'Username or Email Address' ).fill( site.users[ role ].login );
	await page.getByLabel( 'Password', { exact: true } ).fill( site.users[ role ].password );
	await page.getByRole( 'button', { name: 'Log In' } ).click();
	await expect( page ).toHaveURL( /wp-admin\/?/ );
	return page;
}

export function canvas( page: Page ): FrameLocator {
	return page.frameLocator( 'iframe[name="editor-canvas"]' );
}

/** A new post in the block editor (welcome guide off), with the Agentic Writer sidebar open. */
export async function newPostWithSidebar( page: Page, title = 'A post written with Agentic Writer' ): Promise< Locator > {
	await page.goto( '/wp-admin/post-new.php' );
	await page.waitForFunction( () => ( window as unknown as { wp?: { data?: unknown; blocks?: unknown } } ).wp?.data && ( window as unknown as { wp?: { blocks?: unknown } } ).wp?.blocks );
	await page.evaluate( () => {
		const wp = ( window as unknown as { wp: { data: { dispatch( s: string ): { set( scope: string, name: string, value: boolean ): void } } } } ).wp;
		wp.data.dispatch( 'core/preferences' ).set( 'core/edit-post', 'welcomeGuide', false );
		wp.data.dispatch( 'core/preferences' ).set( 'core/edit-post', 'fullscreenMode', false );
	} );
	await canvas( page ).getByRole( 'textbox', { name: 'Add title' } ).fill( title );
	return openSidebar( page );
}

/** Opens the Agentic Writer sidebar from its top-bar button (if it is not open). */
export async function openSidebar( page: Page ): Promise< Locator > {
	const button = page.getByRole( 'region', { name: 'Editor top bar' } ).getByRole( 'button', { name: 'Agentic Writer', exact: true } );
	if ( ( await button.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
		await button.click();
	}
	const sidebar = page.getByRole( 'region', { name: 'Editor settings' } );
	await expect( sidebar.getByRole( 'heading', { name: 'Agentic Writer' } ) ).toBeVisible();
	return sidebar;
}

/** The names of the post's top-level blocks, from the editor's store. */
export async function blockNames( page: Page ): Promise< string[] > {
	return page.evaluate( () =>
		( window as unknown as { wp: { data: { select( s: string ): { getBlocks(): Array< { name: string } > } } } } ).wp.data
			.select( 'core/block-editor' )
			.getBlocks()
			.map( ( b ) => b.name )
	);
}

/** The client ids of the post's top-level blocks. */
export async function blockIds( page: Page ): Promise< string[] > {
	return page.evaluate( () =>
		( window as unknown as { wp: { data: { select( s: string ): { getBlocks(): Array< { clientId: string } > } } } } ).wp.data
			.select( 'core/block-editor' )
			.getBlocks()
			.map( ( b ) => b.clientId )
	);
}

/** The post's content as the editor would save it. */
export async function editedContent( page: Page ): Promise< string > {
	return page.evaluate( () =>
		( window as unknown as { wp: { data: { select( s: string ): { getEditedPostContent(): string } } } } ).wp.data
			.select( 'core/editor' )
			.getEditedPostContent()
	);
}

export interface ProviderSetup {
	/** First provider for text: OpenRouter (the mock) or the local backend. */
	text: 'openrouter' | 'local_backend';
	/** The local backend's URL (a dead port when testing fallback). */
	localBackendUrl?: string;
}

/** Points the plugin at the mock upstream: OpenRouter for text and images, optionally a local backend first. */
export async function configureProviders( requestUtils: RequestUtils, setup: ProviderSetup ): Promise< void > {
	expect( mockUrl, 'AW_MOCK_URL (the mock upstream npm test starts)' ).not.toBe( '' );
	await requestUtils.rest( {
		path: '/agentic-writer/v1/settings',
		method: 'POST',
		data: {
			provider_mode: 'hybrid',
			routing: { mode: 'simple', simple: { text: setup.text, image: 'openrouter' } },
			providers: {
				openrouter: {
					api_key: 'sk-or-e2e-sidebar',
					base_url: `${ mockUrl }/api/v1`,
					model: 'anthropic/claude-sonnet-4.5',
					image_model: 'google/gemini-2.5-flash-image',
				},
				local_backend: setup.localBackendUrl
					? { api_key: 'awlb-e2e', base_url: setup.localBackendUrl, model: 'sonnet' }
					: { api_key: null },
			},
		},
	} );
}
