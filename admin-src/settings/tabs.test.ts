/**
 * Internal dependencies
 */
import { hrefWithTab, tabFromSearch, tabOfField } from './tabs';

describe( 'settings tabs', () => {
	it( 'reads the tab from the URL, the first one when unknown or missing', () => {
		expect( tabFromSearch( '?page=agentic-writer&tab=status' ) ).toBe(
			'status'
		);
		expect(
			tabFromSearch( '?page=agentic-writer&tab=local-backend' )
		).toBe( 'local-backend' );
		expect( tabFromSearch( '?page=agentic-writer&tab=budgets' ) ).toBe(
			'budgets'
		);
		expect( tabFromSearch( '?page=agentic-writer&tab=nope' ) ).toBe(
			'routing'
		);
		expect( tabFromSearch( '?page=agentic-writer' ) ).toBe( 'routing' );
	} );

	it( 'sets the tab and keeps the other parameters', () => {
		expect(
			hrefWithTab(
				'http://example.test/wp-admin/admin.php?page=agentic-writer&tab=x#top',
				'providers'
			)
		).toBe(
			'http://example.test/wp-admin/admin.php?page=agentic-writer&tab=providers#top'
		);
	} );

	it( 'finds the tab that holds a field', () => {
		expect( tabOfField( 'routing.matrix.chat' ) ).toBe( 'routing' );
		expect( tabOfField( 'provider_mode' ) ).toBe( 'routing' );
		expect( tabOfField( 'providers.openrouter.base_url' ) ).toBe(
			'providers'
		);
		expect( tabOfField( 'providers.openai_compatible.0.id' ) ).toBe(
			'providers'
		);
		expect( tabOfField( 'providers.acme.region' ) ).toBe( 'providers' );
		expect( tabOfField( 'providers.local_backend.base_url' ) ).toBe(
			'local-backend'
		);
		expect( tabOfField( 'timeouts.read_seconds' ) ).toBe( 'providers' );
		expect( tabOfField( 'nothing.here' ) ).toBeNull();
	} );

	it( 'sends budget, price and retention errors to the Budgets tab', () => {
		expect( tabOfField( 'budgets.alert_percent' ) ).toBe( 'budgets' );
		expect( tabOfField( 'prices.gpt-4o.input_per_mtok' ) ).toBe(
			'budgets'
		);
		expect( tabOfField( 'retention_days' ) ).toBe( 'budgets' );
	} );
} );
