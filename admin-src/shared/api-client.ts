/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { parsePluginStatus, type PluginStatus } from './plugin-status';

export const REST_NAMESPACE = 'agentic-writer/v1';

/**
 * Reads the plugin status (any user who can edit posts).
 */
export async function fetchPluginStatus(): Promise< PluginStatus > {
	const body: unknown = await apiFetch( {
		path: `/${ REST_NAMESPACE }/status`,
	} );
	return parsePluginStatus( body );
}

/**
 * A message a person can act on, from whatever apiFetch rejected with: a WordPress REST
 * error body (`{ code, message }`), an Error, or anything else.
 *
 * @param error Rejection value.
 */
export function errorMessage( error: unknown ): string {
	if ( error && typeof error === 'object' && 'message' in error ) {
		const message = ( error as { message: unknown } ).message;
		if ( typeof message === 'string' && message !== '' ) {
			return message;
		}
	}
	if ( typeof error === 'string' && error !== '' ) {
		return error;
	}
	return 'The request to the site failed. Check your connection and reload the page.';
}
