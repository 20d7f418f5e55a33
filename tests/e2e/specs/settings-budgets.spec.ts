/**
 * The Settings page's Budgets tab: a site daily cap and a price are saved, kept over a reload
 * and in GET settings; an emptied cap is saved as "no cap" (null); a wrong value is named on
 * this tab. A screenshot goes to tests/e2e/artifacts/screenshots/settings-budgets.png.
 */
import path from 'node:path';
import { test, expect } from '@wordpress/e2e-test-utils-playwright';
import { shots } from '../support/sidebar';

type Stored = {
	budgets: { site_daily_usd: number | null; alert_percent: number };
	prices: Record<
		string,
		{ input_per_mtok: number; output_per_mtok: number }
	>;
};

const MODEL = 'e2e/budget-model';

test.describe( 'Settings: Budgets tab', () => {
	let before: Stored;

	test.beforeAll( async ( { requestUtils } ) => {
		before = ( await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
		} ) ) as Stored;
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
			method: 'POST',
			data: {
				budgets: {
					site_daily_usd: before.budgets.site_daily_usd,
					alert_percent: before.budgets.alert_percent,
				},
				prices: {
					[ MODEL ]: before.prices[ MODEL ] ?? null,
				},
			},
		} );
	} );

	test( 'an owner sets a cap and a price, clears the cap, and is told a wrong value', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await admin.visitAdminPage(
			'admin.php',
			'page=agentic-writer&tab=budgets'
		);
		const main = page.getByRole( 'main' );
		const caps = main.getByRole( 'region', { name: 'Spending caps' } );
		const prices = main.getByRole( 'region', { name: 'Prices' } );
		const daily = caps.getByRole( 'spinbutton', {
			name: 'Site daily cap (USD)',
		} );
		const save = main.getByRole( 'button', { name: 'Save settings' } );
		await expect( daily ).toBeVisible();

		await daily.fill( '12.5' );
		await prices.getByRole( 'button', { name: 'Add a price' } ).click();
		const row = prices.getByRole( 'group' ).last();
		await row.getByRole( 'textbox', { name: 'Model' } ).fill( MODEL );
		await row
			.getByRole( 'spinbutton', { name: 'Input $/M tokens' } )
			.fill( '1.5' );
		await row
			.getByRole( 'spinbutton', { name: 'Output $/M tokens' } )
			.fill( '6' );
		await save.click();
		await expect( main.getByText( 'Settings saved.' ) ).toBeVisible();

		await page.reload();
		await expect( daily ).toHaveValue( '12.5' );
		const saved = prices
			.getByRole( 'group' )
			.filter( { has: page.getByRole( 'textbox', { name: 'Model' } ) } )
			.filter( {
				has: page.locator( `input[value="${ MODEL }"]` ),
			} );
		await expect(
			saved.getByRole( 'spinbutton', { name: 'Input $/M tokens' } )
		).toHaveValue( '1.5' );
		let stored = ( await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
		} ) ) as Stored;
		expect( stored.budgets.site_daily_usd ).toBe( 12.5 );
		expect( stored.prices[ MODEL ] ).toEqual( {
			input_per_mtok: 1.5,
			output_per_mtok: 6,
		} );

		await shot( page );

		// Emptied, the cap is saved as no cap.
		await daily.fill( '' );
		await save.click();
		await expect( main.getByText( 'Settings saved.' ) ).toBeVisible();
		stored = ( await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
		} ) ) as Stored;
		expect( stored.budgets.site_daily_usd ).toBeNull();

		// A wrong value: the server names it, this tab marks it (even saved from another tab).
		const alert = caps.getByRole( 'spinbutton', {
			name: 'Alert at (% of a cap)',
		} );
		await alert.fill( '500' );
		await main.getByRole( 'tab', { name: 'Status' } ).click();
		await save.click();
		await expect( page ).toHaveURL( /[?&]tab=budgets\b/ );
		await expect( alert ).toHaveAttribute( 'aria-invalid', 'true' );
		stored = ( await requestUtils.rest( {
			path: '/agentic-writer/v1/settings',
		} ) ) as Stored;
		expect( stored.budgets.alert_percent ).toBe(
			before.budgets.alert_percent
		);
		// Leave without the unsaved-changes prompt.
		page.on( 'dialog', ( dialog ) => dialog.accept() );
	} );
} );

/**
 * The page at its full height, as a person sees it from the top.
 *
 * @param page Page.
 */
async function shot( page: import( '@playwright/test' ).Page ) {
	const size = page.viewportSize() ?? { width: 1280, height: 720 };
	const height = await page.evaluate( () => {
		window.scrollTo( 0, 0 );
		return document.documentElement.scrollHeight;
	} );
	await page.setViewportSize( { width: size.width, height } );
	await page.screenshot( {
		path: path.join( shots, 'settings-budgets.png' ),
	} );
	await page.setViewportSize( size );
}
