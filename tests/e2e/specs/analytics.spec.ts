/**
 * The Analytics page end to end, in real Chromium against the real local WordPress: usage seeded
 * through usage/ingest, every panel checked and photographed (tests/e2e/artifacts/screenshots/
 * analytics-*.png), the range kept in the URL, a request written in the sidebar seen on the page
 * (with the fallback it took and why), and no page for an editor.
 */
import path from 'node:path';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import type { Locator, Page } from '@playwright/test';
import { configureProviders, loginAs, newPostWithSidebar, shots } from '../support/sidebar';
import { SEED_MODELS, seedUsage } from '../support/usage-seed';

const PAGE = 'page=agentic-writer-analytics';
const EMPTY = 'No requests yet in this range. Write something with the Agentic Writer sidebar, or send records to usage/ingest.';

const panel = ( page: Page, name: string ) => page.getByRole( 'region', { name, exact: true } );
const shot = ( target: Page | Locator, name: string ) =>
	'goto' in target
		? target.screenshot( { path: path.join( shots, `analytics-${ name }.png` ), fullPage: true } )
		: target.screenshot( { path: path.join( shots, `analytics-${ name }.png` ) } );

/** Requests in a group table's row, by the row's name. */
async function requestsIn( table: Locator, name: string ): Promise< number > {
	const row = table.getByRole( 'row' ).filter( { has: table.page().getByRole( 'rowheader', { name, exact: true } ) } );
	if ( ( await row.count() ) === 0 ) {
		return 0;
	}
	return Number( ( await row.getByRole( 'cell' ).first().innerText() ).replace( /,/g, '' ) );
}

test.describe( 'Agentic Writer analytics page', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await configureProviders( requestUtils, { text: 'openrouter' } );
		await seedUsage( requestUtils );
	} );

	test( 'every panel shows the seeded week, and each is photographed', async ( { admin, page } ) => {
		const errors: string[] = [];
		page.on( 'pageerror', ( e ) => errors.push( e.message ) );
		await page.setViewportSize( { width: 1440, height: 1000 } );
		await admin.visitAdminPage( 'admin.php', `${ PAGE }&range=7d` );

		await expect( page.getByRole( 'heading', { level: 1, name: 'Agentic Writer analytics' } ) ).toBeVisible();
		for ( const name of [ 'Today', '7 days', '30 days', 'Custom range' ] ) {
			await expect( page.getByRole( 'button', { name, exact: true } ) ).toBeVisible();
		}
		await expect( page.getByRole( 'button', { name: '7 days', exact: true } ) ).toHaveAttribute( 'aria-pressed', 'true' );

		const overview = panel( page, 'Overview' );
		const kpis = overview.getByRole( 'list', { name: 'Key figures' } );
		await expect( kpis ).toBeVisible();
		await expect( kpis.getByText( /^≈ \$[\d.]+ \(estimate\)$/ ).first() ).toBeVisible();
		await expect( kpis.getByText( /^\$[\d.]+ of subscription credit$/ ) ).toBeVisible();
		await expect( kpis.getByText( 'local', { exact: true } ) ).toBeVisible();
		await expect( kpis.getByText( /^\d+(\.\d)?%$/ ) ).toBeVisible();
		await expect( kpis.getByText( /^[\d.]+ m?s \/ [\d.]+ m?s$/ ) ).toBeVisible();
		await shot( overview, 'overview' );

		for ( const [ name, file ] of [ [ 'Tokens per hour', 'tokens-per-hour' ], [ 'Cost per day', 'cost-per-day' ] ] as const ) {
			const chart = panel( page, name );
			const img = chart.getByRole( 'img' );
			await expect( img ).toHaveAttribute( 'aria-label', /^Bar chart of .* from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: / );
			await expect( chart.locator( 'canvas' ) ).toBeVisible();
			await shot( chart, file );
			await chart.getByRole( 'button', { name: 'Show as table' } ).click();
			const table = chart.getByRole( 'table' );
			await expect( table ).toBeVisible();
			expect( await table.getByRole( 'row' ).count() ).toBeGreaterThan( 2 );
			await shot( chart, `${ file }-table` );
			await chart.getByRole( 'button', { name: 'Hide table' } ).click();
		}

		const byProvider = panel( page, 'By provider' ).getByRole( 'table' );
		for ( const name of [ 'OpenRouter', 'Local backend', 'Anthropic', 'lmstudio' ] ) {
			await expect( byProvider.getByRole( 'rowheader', { name, exact: true } ) ).toBeVisible();
		}
		await expect( byProvider.getByText( /of subscription credit/ ) ).toBeVisible();
		// Sorting by name orders the rows by name (the site may hold other suites' rows too, e.g.
		// requests no provider answered); the header says how it is sorted.
		await byProvider.getByRole( 'button', { name: 'Provider' } ).click();
		await expect( byProvider.getByRole( 'columnheader', { name: /Provider/ } ) ).toHaveAttribute( 'aria-sort', 'ascending' );
		const names = await byProvider.getByRole( 'rowheader' ).allInnerTexts();
		const byName = ( a: string, b: string ) => ( a.toLowerCase() < b.toLowerCase() ? -1 : Number( a.toLowerCase() > b.toLowerCase() ) );
		expect( names ).toEqual( [ ...names ].sort( byName ) );
		expect( names.indexOf( 'Anthropic' ) ).toBeLessThan( names.indexOf( 'OpenRouter' ) );
		await shot( panel( page, 'By provider' ), 'by-provider' );

		const byModel = panel( page, 'By model' ).getByRole( 'table' );
		for ( const model of Object.values( SEED_MODELS ) ) {
			await expect( byModel.getByRole( 'rowheader', { name: model, exact: true } ) ).toBeVisible();
		}
		await shot( panel( page, 'By model' ), 'by-model' );
		await expect( panel( page, 'By task' ).getByRole( 'rowheader', { name: 'Write', exact: true } ) ).toBeVisible();
		await shot( panel( page, 'By task' ), 'by-task' );
		await expect( panel( page, 'By user' ).getByRole( 'rowheader' ).first() ).toBeVisible();
		await shot( panel( page, 'By user' ), 'by-user' );

		const events = panel( page, 'Recent fallbacks and errors' );
		await expect( events.getByText( 'Local backend failed — OpenRouter answered instead' ).first() ).toBeVisible();
		await expect( events.getByText( 'Anthropic failed; no provider answered' ).first() ).toBeVisible();
		await expect( events.getByText( 'refused its API key' ).first() ).toBeVisible();
		await shot( events, 'events' );

		const health = panel( page, 'Provider health' );
		await expect( health.getByRole( 'rowheader', { name: /^OpenRouter/ } ) ).toBeVisible();
		await expect( health.getByRole( 'columnheader', { name: 'Breaker' } ) ).toBeVisible();
		await shot( health, 'provider-health' );

		const budgets = panel( page, 'Budgets' );
		await expect( budgets.getByText( 'Site, today' ) ).toBeVisible();
		await shot( budgets, 'budgets' );

		await shot( page, 'page' );
		expect( errors ).toEqual( [] );
	} );

	test( 'budget caps show as bars with the spend in words', async ( { admin, page, requestUtils } ) => {
		await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
			method: 'POST',
			data: { budgets: { site_daily_usd: 5, site_monthly_usd: 0.05, user_daily_usd: 2, alert_percent: 80, at_cap: 'local_only' } },
		} );
		try {
			await admin.visitAdminPage( 'admin.php', PAGE );
			const budgets = panel( page, 'Budgets' );
			await expect( budgets.getByRole( 'progressbar', { name: 'Site, today' } ) ).toBeVisible();
			await expect( budgets.getByText( /of \$0\.05 \(\d+%\) — cap reached/ ) ).toBeVisible();
			await expect( budgets.getByText( /go to the local backend only/ ) ).toBeVisible();
			await shot( budgets, 'budgets-with-caps' );
		} finally {
			await requestUtils.rest( {
				path: '/agentic-writer/v1/settings',
				method: 'POST',
				data: { budgets: { site_daily_usd: null, site_monthly_usd: null, user_daily_usd: null, alert_percent: 80, at_cap: 'refuse' } },
			} );
		}
	} );

	test( 'the range is kept in the URL; an empty range says how to get data', async ( { admin, page } ) => {
		await admin.visitAdminPage( 'admin.php', PAGE );
		await page.getByRole( 'button', { name: 'Today', exact: true } ).click();
		await expect( page ).toHaveURL( /range=today/ );
		await page.getByRole( 'button', { name: '30 days', exact: true } ).click();
		await expect( page ).toHaveURL( /range=30d/ );

		await page.getByRole( 'button', { name: 'Custom range', exact: true } ).click();
		await page.getByLabel( 'From', { exact: true } ).fill( '2020-01-01' );
		await page.getByLabel( 'To', { exact: true } ).fill( '2020-01-31' );
		await page.getByRole( 'button', { name: 'Show range' } ).click();
		await expect( page ).toHaveURL( /range=custom&from=2020-01-01&to=2020-01-31/ );
		await expect( panel( page, 'Overview' ).getByText( EMPTY ) ).toBeVisible();
		await expect( panel( page, 'Tokens per hour' ).getByText( EMPTY ) ).toBeVisible();

		await page.reload();
		await expect( page.getByLabel( 'From', { exact: true } ) ).toHaveValue( '2020-01-01' );
		await expect( panel( page, 'Overview' ).getByText( EMPTY ) ).toBeVisible();
		await shot( page, 'empty-range' );
		await page.goBack();
		await expect( page ).toHaveURL( /range=30d/ );
	} );

	test( 'a request written in the sidebar shows on the page, with its fallback and why', async ( { browser, admin, page, requestUtils } ) => {
		test.setTimeout( 120_000 );
		await admin.visitAdminPage( 'admin.php', `${ PAGE }&range=today` );
		const byTask = panel( page, 'By task' );
		await expect( byTask.getByRole( 'table' ).or( byTask.getByText( EMPTY ) ) ).toBeVisible();
		const before = await requestsIn( byTask, 'Write' );

		// The local backend is down: OpenRouter (the mock) answers instead.
		await configureProviders( requestUtils, { text: 'local_backend', localBackendUrl: 'http://127.0.0.1:9' } );
		try {
			const writer = await loginAs( browser, 'editor' );
			const sidebar = await newPostWithSidebar( writer, 'Seen on the Analytics page' );
			await sidebar.getByRole( 'tab', { name: 'Write' } ).click();
			await sidebar.getByRole( 'textbox', { name: 'Prompt' } ).fill( 'Two short paragraphs about bees.' );
			await sidebar.getByRole( 'button', { name: 'Write', exact: true } ).click();
			await expect( sidebar.getByRole( 'button', { name: 'Stop' } ) ).toBeHidden( { timeout: 30_000 } );
			await expect( sidebar.getByText( /answered by OpenRouter/ ) ).toBeVisible();
			await writer.context().close();
		} finally {
			await configureProviders( requestUtils, { text: 'openrouter' } );
		}

		await page.reload();
		await expect.poll( () => requestsIn( byTask, 'Write' ) ).toBe( before + 1 );
		const events = panel( page, 'Recent fallbacks and errors' );
		const latest = events.getByRole( 'row' ).nth( 1 );
		await expect( latest ).toContainText( 'Write' );
		await expect( latest ).toContainText( 'Local backend failed — OpenRouter answered instead' );
		await expect( latest ).toContainText( /unreachable|paused after repeated failures/ );
		await expect( panel( page, 'By model' ).getByRole( 'rowheader', { name: 'anthropic/claude-sonnet-4.5' } ) ).toBeVisible();
		await shot( events, 'journey-events' );
		await shot( page, 'journey-page' );
	} );

	test( 'an editor gets no Analytics page', async ( { browser } ) => {
		const page = await loginAs( browser, 'editor' );
		const menu = page.getByRole( 'navigation', { name: 'Main menu' } );
		await expect( menu.getByRole( 'link', { name: 'Posts', exact: true } ) ).toBeVisible();
		await expect( menu.getByRole( 'link', { name: 'Agentic Writer' } ) ).toHaveCount( 0 );
		await expect( menu.getByRole( 'link', { name: 'Analytics' } ) ).toHaveCount( 0 );
		await page.goto( `/wp-admin/admin.php?${ PAGE }` );
		await expect( page.getByText( 'Sorry, you are not allowed to access this page.' ) ).toBeVisible();
		await expect( page.getByRole( 'heading', { name: 'Agentic Writer analytics' } ) ).toHaveCount( 0 );
		await page.context().close();
	} );
} );
