/**
 * The editor sidebar end to end, in real Chromium against the real local WordPress, with the mock
 * upstream as the providers: a post written clarify → plan → write → refine → image → publish →
 * front end, as an editor; undo and Discard after Write and Refine; Stop mid-stream; the fallback
 * notice; a clear error when every provider fails; a contributor's view. Screenshots of each step
 * go to tests/e2e/artifacts/screenshots/.
 */
import path from 'node:path';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import type { Page } from '@playwright/test';
import {
	blockIds,
	blockNames,
	canvas,
	configureProviders,
	editedContent,
	loginAs,
	newPostWithSidebar,
	openSidebar,
	shots,
} from '../support/sidebar';

const shot = ( page: Page, name: string ) =>
	page.screenshot( { path: path.join( shots, `${ name }.png` ) } );

test.describe( 'Agentic Writer editor sidebar', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureProviders( requestUtils, { text: 'openrouter' } );
	} );

	test( 'an editor writes a whole post: clarify, plan, write, refine, image, publish', async ( { browser } ) => {
		test.setTimeout( 180_000 );
		const page = await loginAs( browser, 'editor' );
		const errors: string[] = [];
		page.on( 'pageerror', ( e ) => errors.push( e.message ) );
		const sidebar = await newPostWithSidebar( page, 'Keeping bees in winter' );
		const tab = ( name: string ) => sidebar.getByRole( 'tab', { name, exact: true } );
		for ( const name of [ 'Chat', 'Clarify', 'Plan', 'Write', 'Refine', 'Image' ] ) {
			await expect( tab( name ) ).toBeVisible();
		}
		await expect( sidebar.getByText( /Answered by OpenRouter · anthropic\/claude-sonnet-4\.5 · ready/ ) ).toBeVisible();
		await shot( page, '01-sidebar-open' );

		// Clarify: questions with suggested answers; an answer is kept with the post.
		await tab( 'Clarify' ).click();
		await sidebar.getByRole( 'textbox', { name: 'Brief' } ).fill( 'A guide for new beekeepers on getting a colony through its first winter.' );
		await sidebar.getByRole( 'button', { name: 'Ask questions' } ).click();
		const questions = sidebar.getByRole( 'group', { name: 'Questions' } );
		await expect( questions ).toBeVisible();
		const answers = questions.getByRole( 'textbox' );
		expect( await answers.count() ).toBeGreaterThanOrEqual( 3 );
		await questions.getByRole( 'group', { name: 'Suggested answers' } ).first().getByRole( 'button' ).first().click();
		await expect( answers.first() ).not.toHaveValue( '' );
		await expect( sidebar.getByText( /OpenRouter · .* tokens · \$0\.\d+/ ) ).toBeVisible();
		await shot( page, '02-clarify' );

		// Plan: an editable outline, then its headings into the post.
		await tab( 'Plan' ).click();
		await expect( sidebar.getByRole( 'textbox', { name: 'Brief' } ) ).toHaveValue( /first winter/ );
		await sidebar.getByRole( 'button', { name: 'Make outline' } ).click();
		const first = sidebar.getByRole( 'textbox', { name: 'Section 1' } );
		await expect( first ).toBeVisible();
		const second = await sidebar.getByRole( 'textbox', { name: 'Section 2' } ).inputValue();
		await first.fill( 'Why winter is the hardest season' );
		await sidebar.getByRole( 'button', { name: 'Move Section 2 up' } ).click();
		await expect( sidebar.getByRole( 'textbox', { name: 'Section 1' } ) ).toHaveValue( second );
		await expect( sidebar.getByRole( 'textbox', { name: 'Section 2' } ) ).toHaveValue( 'Why winter is the hardest season' );
		const count = await sidebar.getByRole( 'textbox', { name: /^Section \d+$/ } ).count();
		await sidebar.getByRole( 'button', { name: `Remove Section ${ count }` } ).click();
		await sidebar.getByRole( 'button', { name: 'Add section' } ).click();
		await sidebar.getByRole( 'textbox', { name: `Section ${ count }` } ).fill( 'Checklist for spring' );
		await sidebar.getByRole( 'button', { name: 'Insert headings' } ).click();
		await expect( canvas( page ).locator( 'h2', { hasText: 'Checklist for spring' } ) ).toBeVisible();
		await shot( page, '03-plan' );
		const afterHeadings = await blockNames( page );

		// Write: streamed into the post as real blocks; one undo removes the whole generation.
		await tab( 'Write' ).click();
		await sidebar.getByRole( 'textbox', { name: 'Prompt' } ).fill( 'Friendly, practical, for beginners.' );
		await sidebar.getByRole( 'button', { name: 'Write', exact: true } ).click();
		await expect( sidebar.getByRole( 'button', { name: 'Discard' } ) ).toBeVisible();
		await expect( sidebar.getByRole( 'button', { name: 'Stop' } ) ).toBeHidden( { timeout: 30_000 } );
		await expect( sidebar.getByText( /OpenRouter · anthropic\/claude-sonnet-4\.5 · [\d,]+ → [\d,]+ tokens · \$0\.\d+/ ) ).toBeVisible();
		const written = await blockNames( page );
		for ( const name of [ 'core/heading', 'core/paragraph', 'core/list', 'core/code', 'core/quote', 'core/table' ] ) {
			expect( written, name ).toContain( name );
		}
		const html = await editedContent( page );
		expect( html ).not.toMatch( /<li>\s*<p>/ );
		expect( html ).toMatch( /<strong>[^<]+<\/strong>/ );
		await shot( page, '04-write' );
		await page.keyboard.press( 'Escape' );
		await page.getByRole( 'region', { name: 'Editor top bar' } ).getByRole( 'button', { name: 'Undo', exact: true } ).click();
		expect( await blockNames( page ) ).toEqual( afterHeadings );
		await page.getByRole( 'region', { name: 'Editor top bar' } ).getByRole( 'button', { name: 'Redo', exact: true } ).click();
		expect( await blockNames( page ) ).toEqual( written );

		// One section of the outline goes right below its heading; Discard removes it again.
		const before = await blockIds( page );
		await sidebar.getByRole( 'combobox', { name: 'Part' } ).selectOption( { label: 'Checklist for spring' } );
		await sidebar.getByRole( 'button', { name: 'Write', exact: true } ).click();
		await expect( sidebar.getByRole( 'button', { name: 'Stop' } ) ).toBeHidden( { timeout: 30_000 } );
		const after = await blockIds( page );
		expect( after.length ).toBeGreaterThan( before.length );
		const headingAt = await page.evaluate( () =>
			( window as unknown as { wp: { data: { select( s: string ): { getBlocks(): Array< { name: string; attributes: { content?: unknown } } > } } } } ).wp.data
				.select( 'core/block-editor' )
				.getBlocks()
				.findIndex( ( b ) => b.name === 'core/heading' && String( b.attributes.content ) === 'Checklist for spring' )
		);
		expect( before ).not.toContain( after[ headingAt + 1 ] );
		await sidebar.getByRole( 'button', { name: 'Discard' } ).click();
		expect( await blockIds( page ) ).toEqual( before );

		// Refine: a formatted paragraph rewritten with its formatting kept; one undo restores it.
		const paragraph = canvas( page ).locator( 'p.wp-block-paragraph', { has: page.locator( 'strong' ) } ).first();
		const original = await paragraph.innerHTML();
		await paragraph.click();
		await tab( 'Refine' ).click();
		await expect( sidebar.getByText( '1 block selected in the post.' ) ).toBeVisible();
		await sidebar.getByRole( 'textbox', { name: 'Instruction' } ).fill( 'Make it livelier.' );
		await sidebar.getByRole( 'button', { name: 'Rewrite' } ).click();
		await expect( sidebar.getByRole( 'region', { name: 'Original' } ) ).toBeVisible();
		await expect( sidebar.getByRole( 'region', { name: 'Rewrite' } ) ).toContainText( 'Rewritten' );
		await shot( page, '05-refine' );
		await sidebar.getByRole( 'button', { name: 'Replace' } ).click();
		const rewritten = canvas( page ).locator( 'p.wp-block-paragraph', { hasText: 'Rewritten' } ).first();
		await expect( rewritten ).toBeVisible();
		expect( await rewritten.innerHTML() ).toMatch( /<strong>/ );
		await page.getByRole( 'region', { name: 'Editor top bar' } ).getByRole( 'button', { name: 'Undo', exact: true } ).click();
		await expect( canvas( page ).locator( 'p.wp-block-paragraph', { hasText: 'Rewritten' } ) ).toHaveCount( 0 );
		expect( await canvas( page ).locator( 'p.wp-block-paragraph', { has: page.locator( 'strong' ) } ).first().innerHTML() ).toBe( original );

		// The block toolbar opens Refine for the selected block.
		await canvas( page ).locator( 'p.wp-block-paragraph' ).first().click();
		await tab( 'Chat' ).click();
		await page.getByRole( 'toolbar', { name: 'Block tools' } ).getByRole( 'button', { name: 'Refine with AI' } ).click();
		await expect( tab( 'Refine' ) ).toHaveAttribute( 'aria-selected', 'true' );

		// Image: into the media library, then into the post with alt text, labelled as generated.
		await tab( 'Image' ).click();
		await sidebar.getByRole( 'textbox', { name: 'Image prompt' } ).fill( 'A beehive under snow, watercolour' );
		await sidebar.getByRole( 'combobox', { name: 'Aspect ratio' } ).selectOption( '16:9' );
		await sidebar.getByRole( 'button', { name: 'Generate image' } ).click();
		await expect( sidebar.getByText( 'Added to the post. AI-generated.' ) ).toBeVisible( { timeout: 30_000 } );
		await expect( canvas( page ).getByRole( 'img', { name: /beehive under snow/ } ) ).toBeVisible();
		await shot( page, '06-image' );

		// Publish, then the front end shows the post as written.
		await page.getByRole( 'region', { name: 'Editor top bar' } ).getByRole( 'button', { name: 'Publish', exact: true } ).click();
		await page.getByRole( 'region', { name: 'Editor publish' } ).getByRole( 'button', { name: 'Publish', exact: true } ).click();
		const view = page.getByRole( 'region', { name: 'Editor publish' } ).getByRole( 'link', { name: 'View Post' } ).first();
		await expect( view ).toBeVisible();
		await page.goto( ( await view.getAttribute( 'href' ) )! );
		await expect( page.getByRole( 'heading', { level: 1, name: 'Keeping bees in winter' } ) ).toBeVisible();
		await expect( page.getByRole( 'table' ).first() ).toBeVisible();
		await expect( page.getByRole( 'img', { name: /beehive under snow/ } ) ).toBeVisible();
		await shot( page, '07-front-end' );
		expect( errors ).toEqual( [] );
		await page.context().close();
	} );

	test( 'model HTML never reaches the post or the front end, even for an editor with unfiltered_html', async ( { browser } ) => {
		const page = await loginAs( browser, 'editor' );
		const dialogs: string[] = [];
		page.on( 'dialog', async ( d ) => {
			dialogs.push( d.message() );
			await d.dismiss();
		} );
		const sidebar = await newPostWithSidebar( page, 'Injection attempt' );
		await sidebar.getByRole( 'tab', { name: 'Write' } ).click();
		await sidebar.getByRole( 'textbox', { name: 'Prompt' } ).fill( 'Anything [[mock:reply=xss]]' );
		await sidebar.getByRole( 'button', { name: 'Write', exact: true } ).click();
		await expect( sidebar.getByRole( 'button', { name: 'Stop' } ) ).toBeHidden( { timeout: 30_000 } );
		const html = await editedContent( page );
		expect( html ).not.toMatch( /<script|onerror|javascript:/i );
		expect( html ).toMatch( /<p>/ );
		await page.getByRole( 'region', { name: 'Editor top bar' } ).getByRole( 'button', { name: 'Publish', exact: true } ).click();
		await page.getByRole( 'region', { name: 'Editor publish' } ).getByRole( 'button', { name: 'Publish', exact: true } ).click();
		const view = page.getByRole( 'region', { name: 'Editor publish' } ).getByRole( 'link', { name: 'View Post' } ).first();
		await page.goto( ( await view.getAttribute( 'href' ) )! );
		const body = await page.locator( '.wp-block-post-content, .entry-content' ).first().innerHTML();
		expect( body ).not.toMatch( /<script|onerror|javascript:/i );
		expect( dialogs ).toEqual( [] );
		await page.context().close();
	} );

	test( 'Stop ends a stream mid-way and keeps what arrived', async ( { browser } ) => {
		const page = await loginAs( browser, 'editor' );
		const sidebar = await newPostWithSidebar( page, 'Stopped draft' );
		await sidebar.getByRole( 'tab', { name: 'Write' } ).click();
		await sidebar.getByRole( 'textbox', { name: 'Prompt' } ).fill( 'A long one. [[mock:words=1500,chunks=200,delay=100]]' );
		await sidebar.getByRole( 'button', { name: 'Write', exact: true } ).click();
		await expect.poll( async () => ( await blockNames( page ) ).length, { timeout: 20_000 } ).toBeGreaterThan( 1 );
		await sidebar.getByRole( 'button', { name: 'Stop' } ).click();
		await expect( sidebar.getByText( 'Stopped. What arrived so far is kept.' ) ).toBeVisible();
		await expect( sidebar.getByRole( 'button', { name: 'Write', exact: true } ) ).toBeEnabled();
		const kept = ( await blockNames( page ) ).length;
		await page.waitForTimeout( 1_000 );
		expect( ( await blockNames( page ) ).length ).toBe( kept );
		await shot( page, '08-stopped' );
		await page.context().close();
	} );

	test( 'every provider failing gives a clear error with Retry, no internal address', async ( { browser } ) => {
		const page = await loginAs( browser, 'contributor' );
		const sidebar = await newPostWithSidebar( page, 'Failing providers' );
		await sidebar.getByRole( 'tab', { name: 'Write' } ).click();
		await sidebar.getByRole( 'textbox', { name: 'Prompt' } ).fill( 'Anything [[mock:status=503]]' );
		await sidebar.getByRole( 'button', { name: 'Write', exact: true } ).click();
		const error = sidebar.locator( '.components-notice.is-error' );
		await expect( error ).toBeVisible( { timeout: 30_000 } );
		await expect( error.getByRole( 'button', { name: 'Retry' } ) ).toBeVisible();
		await expect( error ).toContainText( /Request id: [0-9a-f-]{36}/ );
		await expect( error ).not.toContainText( /127\.0\.0\.1|localhost|sk-or-/ );
		await shot( page, '09-all-failed' );
		expect( await blockNames( page ) ).toEqual( [] );
		await page.context().close();
	} );

	test( 'a contributor chats about the post; the conversation survives a reload and can be deleted; images need an author', async ( { browser } ) => {
		const page = await loginAs( browser, 'contributor' );
		const sidebar = await newPostWithSidebar( page, 'A contributor asks' );
		await expect( sidebar.getByText( /Answered by OpenRouter/ ) ).toBeVisible();
		await sidebar.getByRole( 'textbox', { name: 'Message' } ).fill( 'What would make this title better?' );
		await sidebar.getByRole( 'button', { name: 'Send' } ).click();
		const conversation = sidebar.getByRole( 'list', { name: 'Conversation' } );
		await expect( conversation.getByRole( 'listitem' ) ).toHaveCount( 2, { timeout: 30_000 } );
		await expect( conversation ).toContainText( /OpenRouter · anthropic\/claude-sonnet-4\.5 · .* tokens · \$0\.\d+/ );
		await expect( sidebar.getByText( /This post/ ) ).toBeVisible();
		await shot( page, '10-contributor-chat' );
		// Save the draft so the same post opens after the reload.
		await page.getByRole( 'region', { name: 'Editor top bar' } ).getByRole( 'button', { name: 'Save draft' } ).click();
		await expect( page.getByRole( 'region', { name: 'Editor top bar' } ).getByRole( 'button', { name: 'Saved' } ) ).toBeVisible();
		await page.reload();
		const again = await openSidebar( page );
		await expect( again.getByRole( 'list', { name: 'Conversation' } ).getByRole( 'listitem' ) ).toHaveCount( 2 );
		await again.getByRole( 'button', { name: 'Delete conversation' } ).click();
		await expect( again.getByRole( 'list', { name: 'Conversation' } ).getByRole( 'listitem' ) ).toHaveCount( 0 );
		await again.getByRole( 'tab', { name: 'Image' } ).click();
		await expect( again.getByText( /cannot add images/ ) ).toBeVisible();
		await page.context().close();
	} );

	test( 'when the local backend is down, the answer says who answered instead', async ( { browser, requestUtils } ) => {
		await configureProviders( requestUtils, { text: 'local_backend', localBackendUrl: 'http://127.0.0.1:9' } );
		try {
			const page = await loginAs( browser, 'editor' );
			const sidebar = await newPostWithSidebar( page, 'Fallback' );
			await sidebar.getByRole( 'textbox', { name: 'Message' } ).fill( 'Hello?' );
			await sidebar.getByRole( 'button', { name: 'Send' } ).click();
			await expect( sidebar.getByText( /^Local backend (unreachable|paused after repeated failures) — answered by OpenRouter$/ ) ).toBeVisible( { timeout: 30_000 } );
			await shot( page, '11-fallback' );
			await page.context().close();
		} finally {
			await configureProviders( requestUtils, { text: 'openrouter' } );
		}
	} );
} );
