/**
 * Internal dependencies
 */
import type { Settings } from '../shared/provider-settings';
import { settingsFixture, typesFixture } from './settings-fixture';
import { formFromSettings } from './settings-form';
import { buildPatch } from './settings-patch';

const types = typesFixture();

function withBudgets(): Settings {
	return {
		...settingsFixture(),
		budgets: {
			site_daily_usd: 5,
			site_monthly_usd: null,
			user_daily_usd: null,
			role_daily_usd: {},
			alert_percent: 80,
			at_cap: 'refuse',
			alert_email: false,
		},
		prices: {
			'gpt-4o': { input_per_mtok: 2.5, output_per_mtok: 10 },
		},
		retention_days: 0,
		ingest: { secret_set: false, secret_hint: '' },
	};
}

describe( 'budgets in the form and the patch', () => {
	it( 'reads caps as text, no cap as empty, prices as rows', () => {
		const form = formFromSettings( withBudgets(), types );
		expect( form.budgets ).toEqual( {
			site_daily_usd: '5',
			site_monthly_usd: '',
			user_daily_usd: '',
			alert_percent: '80',
			at_cap: 'refuse',
			alert_email: false,
			prices: [ { model: 'gpt-4o', input: '2.5', output: '10' } ],
			retention_days: '0',
		} );
		expect( buildPatch( withBudgets(), form, types ) ).toEqual( {} );
	} );

	it( 'has no budgets form against a server without budgets', () => {
		const saved = settingsFixture();
		const form = formFromSettings( saved, types );
		expect( form.budgets ).toBeNull();
		expect( buildPatch( saved, form, types ) ).toEqual( {} );
	} );

	it( 'sends only changed budget fields, numbers as numbers, an emptied cap as null', () => {
		const saved = withBudgets();
		const form = formFromSettings( saved, types );
		form.budgets!.site_daily_usd = '';
		form.budgets!.site_monthly_usd = '100';
		form.budgets!.alert_percent = '90';
		form.budgets!.at_cap = 'local_only';
		form.budgets!.alert_email = true;
		form.budgets!.retention_days = '30';
		expect( buildPatch( saved, form, types ) ).toEqual( {
			budgets: {
				site_daily_usd: null,
				site_monthly_usd: 100,
				alert_percent: 90,
				at_cap: 'local_only',
				alert_email: true,
			},
			retention_days: 30,
		} );
	} );

	it( 'sends text that is not a number as typed, for the server to name', () => {
		const saved = withBudgets();
		const form = formFromSettings( saved, types );
		form.budgets!.alert_percent = 'abc';
		expect( buildPatch( saved, form, types ) ).toEqual( {
			budgets: { alert_percent: 'abc' },
		} );
	} );

	it( 'adds, changes and removes prices (null removes), skips a row without a model', () => {
		const saved = withBudgets();
		saved.prices!.old = { input_per_mtok: 1, output_per_mtok: 2 };
		const form = formFromSettings( saved, types );
		form.budgets!.prices = [
			{ model: 'gpt-4o', input: '3', output: '10' },
			{ model: ' llama ', input: '0.1', output: '0.2' },
			{ model: '', input: '9', output: '9' },
		];
		expect( buildPatch( saved, form, types ) ).toEqual( {
			prices: {
				'gpt-4o': { input_per_mtok: 3, output_per_mtok: 10 },
				llama: { input_per_mtok: 0.1, output_per_mtok: 0.2 },
				old: null,
			},
		} );
	} );
} );
