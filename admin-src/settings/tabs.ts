/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * The settings page's tabs, each addressable as `admin.php?page=agentic-writer&tab=<name>`.
 */
export const TAB_NAMES = [
	'routing',
	'providers',
	'local-backend',
	'budgets',
	'status',
] as const;
export type TabName = ( typeof TAB_NAMES )[ number ];

/** The provider type that has a tab of its own. */
export const LOCAL_BACKEND_TYPE = 'local_backend';

/**
 * Tabs with their titles, in order.
 */
export function tabList(): { name: TabName; title: string }[] {
	return [
		{ name: 'routing', title: __( 'Mode and routing', 'agentic-writer' ) },
		{ name: 'providers', title: __( 'Providers', 'agentic-writer' ) },
		{
			name: 'local-backend',
			title: __( 'Local backend', 'agentic-writer' ),
		},
		{ name: 'budgets', title: __( 'Budgets', 'agentic-writer' ) },
		{ name: 'status', title: __( 'Status', 'agentic-writer' ) },
	];
}

const isTab = ( value: unknown ): value is TabName =>
	( TAB_NAMES as readonly unknown[] ).includes( value );

/**
 * The tab a URL's `tab` parameter names; the first tab when it names none we know.
 *
 * @param search `location.search`.
 */
export function tabFromSearch( search: string ): TabName {
	const tab = new URLSearchParams( search ).get( 'tab' );
	return isTab( tab ) ? tab : TAB_NAMES[ 0 ];
}

/**
 * The same URL with `tab` set, every other parameter kept.
 *
 * @param href Current URL.
 * @param tab  Tab to name.
 */
export function hrefWithTab( href: string, tab: TabName ): string {
	const url = new URL( href );
	url.searchParams.set( 'tab', tab );
	return url.toString();
}

/**
 * The tab that holds a form field, from its dotted path (`providers.openrouter.base_url`,
 * `timeouts.read_seconds`); null when no tab holds it.
 *
 * @param path Field path from a 400 answer.
 */
export function tabOfField( path: string ): TabName | null {
	const parts = path.split( '.' );
	const head = parts[ 0 ];
	if ( head === 'provider_mode' || head === 'routing' ) {
		return 'routing';
	}
	if ( head === 'providers' ) {
		return parts[ 1 ] === LOCAL_BACKEND_TYPE
			? 'local-backend'
			: 'providers';
	}
	if ( head === 'breaker' || head === 'timeouts' ) {
		return 'providers';
	}
	if (
		[ 'budgets', 'prices', 'retention_days', 'ingest' ].includes(
			head ?? ''
		)
	) {
		return 'budgets';
	}
	return null;
}
